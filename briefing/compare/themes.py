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


def theme_name(theme_id: str) -> str:
    return next((t.name for t in load_themes() if t.id == theme_id), theme_id)
