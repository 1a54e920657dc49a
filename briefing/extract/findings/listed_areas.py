"""The areas a sentence lists, and the areas a sentence points back to with "these areas".

"I have serious concerns about how well the force investigates crime, protects vulnerable
people and manages offenders" lists three areas; "The force needs to improve in these areas"
and "the force still has challenges in these areas" name none of their own but point back to
those the sentence before lists. Rules of English: a list is the run of coordinated parts
that ends the sentence, each part naming an area in its own words (extract.areas); its first
part is named by its last words (at most eight), as the whole of it ("I have serious concerns
about how well the force investigates crime") names none. Fewer than two areas is no list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.areas import LIST_CUTS
from briefing.extract.findings.prose import area_named_by
from briefing.extract.text import sentences

# a sentence that points back to the areas named before it: "in these areas", "across those areas"
POINTS_BACK = re.compile(r"\b(?:in|across|of|for)\s+(?:these|those|all\s+(?:three|four|these|those))\s+areas\b",
                         re.IGNORECASE)
# the concern a finding states of what it lists: "serious concerns about how ...", "concerns remain in how ..."
CONCERN_OF = re.compile(r"\bconcern(?:s|ed)?\s+(?:about|over|with|in|remains?)\b", re.IGNORECASE)
# who said it, after the list: "..., and manages offenders and suspects, the police inspectorate has said"
SAID_AFTER = re.compile(r",\s+[^,]{0,60}?\b(?:said|says|found|concluded)\W*$", re.IGNORECASE)
LEAD_WORDS = 8
OWN_LEAD = re.compile(r"^(?:its|their|the\s+force['\u2019]s|the)\s+")  # the most words of a list's first part tried, from its end, as what names its area


def listed(sentence: str, resolve) -> tuple[tuple[str, str], ...]:
    """Each part of the list that ends the sentence with the area it names ("how it responds
    to the public", "responding-to-public"), in the sentence's order; () where fewer than two
    areas are listed. The parts are cut at commas, semicolons and "and"; one of more than
    eight words, or the sentence's first, is where the list begins, named by its last words."""
    parts = [p for p in LIST_CUTS.split(SAID_AFTER.sub("", sentence.strip().rstrip(".;:!?\u201d\"'"))) if p.strip()]
    named: list[tuple[str, str]] = []
    for n, text in enumerate(reversed(parts)):
        first = n == len(parts) - 1 or len(text.split()) > LEAD_WORDS
        text, area = _named_at_end(text, resolve) if first else (text, _named(text, resolve))
        if not area:
            break
        if all(a != area for _, a in named):
            named.insert(0, (text, area))
        if first:
            break
    return tuple(named) if len(named) >= 2 else ()


def listed_areas(sentence: str, resolve) -> tuple[str, ...]:
    return tuple(area for _, area in listed(sentence, resolve))


def _named(text: str, resolve) -> str:
    """The area a part of a list names: the one whose own wording holds it whole ("its
    organisational management" is of "Strategic planning, organisational management and value
    for money", though its first word is serious and organised crime's keyword), else the one
    its words name (findings.prose.area_named_by)."""
    low = OWN_LEAD.sub("", " ".join(text.lower().split()))
    if len(low) > 8:
        for area in resolve.cycle.areas:
            if any(low in " ".join(w.lower().split()) for w in area.wordings()):
                return area.canonical
    return area_named_by(text, resolve)


def _named_at_end(text: str, resolve) -> tuple[str, str]:
    """The last words of a part that name an area, with that area, or ("", ""): the most of
    them that do ("... about how well the force investigates crime": "about how well the force
    investigates crime"), as its fewest may name another ("the public" is public treatment's,
    "responding to the public" is not)."""
    words = text.split()
    for n in range(min(LEAD_WORDS, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        area = _named(tail, resolve)
        if area:
            return tail, area
    return "", ""


def concern_areas(text: str, before: str, resolve) -> tuple[str, ...]:
    """The areas a finding is about, where two or more: those its concern lists ("serious
    concerns about how the force investigates crime, protects vulnerable people and manages
    offenders"), or those the sentence `before` lists where it points back to them ("The
    force needs to improve in these areas"); () otherwise."""
    concern = CONCERN_OF.search(text)
    if concern:  # the list is what the concern is about, after its words
        return listed_areas(text[concern.end():], resolve)
    return listed_areas(before, resolve) if POINTS_BACK.search(text) and before else ()


def sentence_before(paragraph: str, text: str) -> str:
    """The sentence of `paragraph` just before the one holding `text`'s first words, or ""."""
    at = paragraph.find(text[:60])
    if at <= 0:
        return ""
    said = sentences(paragraph[:at])
    return said[-1] if said else ""


def with_areas(findings: list, lines, resolve) -> list:
    """Each finding with the areas it is about, where it lists two or more or points back to
    them (concern_areas); `lines` are the source's lines (extract.reader.SourceLine)."""
    texts = {(line.page, line.line): line.text for line in lines}
    out = []
    for f in findings:
        line = texts.get((f.place.page, f.place.line), "")
        areas = concern_areas(f.text, sentence_before(line, f.text), resolve)
        out.append(replace(f, areas=areas) if areas and not f.areas else f)
    return out
