"""The theme vocabulary of data/themes.yaml, compiled once into fast word-start patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.model import Finding
from briefing.reference import Reference
from briefing.reference import reference as default_reference


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    pattern: re.Pattern


def _keyword_pattern(keyword: str) -> str:
    words = [re.escape(w) for w in keyword.lower().split()]
    return r"\b" + r"\W+".join(words) + r"[\w'-]*"


def load_themes(reference: Reference | None = None) -> tuple[Theme, ...]:
    """The themes of `reference` (the process's own by default), each keyword list one pattern."""
    return _compiled(reference or default_reference())


@lru_cache(maxsize=4)
def _compiled(reference: Reference) -> tuple[Theme, ...]:
    return tuple(Theme(tid, t["name"], re.compile("|".join(_keyword_pattern(k) for k in t["keywords"])))
                 for tid, t in reference.theme_table.items())


# a clause of time led by "when" or "while" and a verb in -ing says when, not what is wrong: "Officers are not
# always wearing body-worn video when attending incidents" is about body-worn video, not attending incidents
WHEN_DOING = re.compile(r"\b(?:when|while|whilst)\s+\w+ing\b[^,.;:]*")


@lru_cache(maxsize=8192)
def themes_of(text: str) -> frozenset[str]:
    """The themes a text's words name, outside its clauses of time (WHEN_DOING)."""
    lowered = WHEN_DOING.sub(" ", text.lower().replace("’", "'"))
    return frozenset(t.id for t in load_themes() if t.pattern.search(lowered))


def finding_themes(finding: Finding) -> frozenset[str]:
    """The themes a finding's own words name; where they name none, those of the name of the
    area the report places it in. Several themes are worded by an area's name ("responding to
    the public"), so a finding placed in that area ("It needs to improve the way it manages
    victims' calls") is on that theme as much as a sentence naming the area in passing ("how
    it responds to the public, protects vulnerable people and ..."); between the two, the
    words a later finding shares with one ("call handling") then decide."""
    return themes_of(finding.text) or (themes_of(default_reference().frameworks.area_name(finding.area))
                                       if finding.area else frozenset())


# where a finding's list of concerns begins: "I have concerns about its performance - particularly about A, B,
# and C"; the list is the rest of the sentence
LIST_OPENS = re.compile(r"\b(?:particularly|in\s+particular|especially|notably|including)\s+(?:about\s+|with\s+|in\s+|over\s+)?"
                        r"|\bconcern(?:s|ed)?\s+(?:about|over|with)\s+", re.IGNORECASE)
SERIAL_CUT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?")  # "A, B, and C": its "and" inside C ("sexual and violent") stays
# "A, B and C": the first "and" after the last comma cuts too, one inside C stays ("managing its offenders and suspects")
LAST_ITEM = re.compile(r"^(?P<before>(?:.*,\s*)?.*?)\s+(?:and|or)\s+(?P<last>.+)$")
# HMICFRS's set opening of a list of concerns: "concerns about Northshire Police's performance in A, B and C"
PERFORMANCE_IN = re.compile(r"^.*?\bperformance\s+(?:in|at)\s+", re.IGNORECASE)


def concerns_of(text: str) -> tuple[str, ...]:
    """The concerns a finding lists, in its words, where it lists two or more, each on a theme of
    its own ("the accuracy of its crime recording, its response to the public, and its management
    of sexual and violent offenders"): the matcher scores each apart, so a later finding about one
    of them carries that one only. () where the list names fewer than two themes: a list of tasks
    within one concern ("how it responds to the public, protects vulnerable people and ...") is one."""
    opens = list(LIST_OPENS.finditer(text))
    if not opens:
        return ()
    parts = _items(PERFORMANCE_IN.sub("", text[opens[-1].end():].strip().rstrip(".;:!?\u201d\"' ")))
    themes = [themes_of(p) for p in parts]
    named = [t for t in themes if t]
    if len(parts) < 2 or len(named) < 2 or len(frozenset().union(*named)) < 2:
        return ()
    return parts


def _items(tail: str) -> tuple[str, ...]:
    """The items of a list ending a sentence: cut at its commas, and, without a serial comma
    ("A, B, and C"), at the first "and" after the last comma."""
    items = [p.strip() for p in SERIAL_CUT.split(tail) if p.strip()]
    last = LAST_ITEM.match(items[-1]) if items and not re.search(r",\s*(?:and|or)\s", tail) else None
    if last:
        items[-1:] = [last.group("before").strip(), last.group("last").strip()]
    return tuple(items)


def theme_name(theme_id: str) -> str:
    return next((t.name for t in load_themes() if t.id == theme_id), theme_id)
