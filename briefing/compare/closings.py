"""Causes of concern closed by a later source: a letter saying "we closed the cause of
concern regarding the management of sexual offenders" closes that cause of concern of an
earlier report on file, with the letter as the reason.

A closing reaches another report's cause of concern only where it names what it closes and
every word of that name (each word's stem: "responding" is "response") is in the cause of
concern, and the letter is later than the report on the dates on file; a recommendation
goes with the cause of concern it answers (`relates_to`). A closing that names nothing
("we have closed the causes of concern") closes only its own source's: which report's
causes of concern it meant is not said, so none is assumed; except where it closes them
all ("we have been able to close the force's remaining causes of concern") in a letter about
the same PEEL cycle as the earlier source: then every one still open on file for that
inspection is closed (Wiltshire's December 2022 revisit letter's three, closed in May 2024).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.model import REPORT_TYPE_NAMES, Finding, Inspection
from briefing.statements import Closure

STEM = 5  # letters of a word compared: "respond", "responding" and "response" share "respo"
STOP = frozenset("the of to and or in on for its their this that with by at from about force police".split())


def stems(text: str) -> frozenset[str]:
    return frozenset(w[:STEM] for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2)


def with_later_closings(reports: Sequence[Inspection]) -> list[Inspection]:
    """Each report, its causes of concern (and their recommendations) that a later report on
    file closes by name marked closed, the closing saying which source closed it."""
    return [_closed(report, [r for r in reports if _later(r, report)]) for report in reports]


REMAINING = re.compile(r"\b(?:remaining|all(?:\s+of)?\s+(?:the\s+|its\s+|the\s+force['\u2019]s\s+)?)\s*causes\s+of"
                       r"\s+concern\b", re.IGNORECASE)


def _closed(report: Inspection, later: list[Inspection]) -> Inspection:
    closings = [(c, r) for r in later for c in r.closures if c.named and stems(c.subject) or _all_of(c, r, report)]
    if not closings:
        return report
    marked: dict[str, Closure] = {}
    findings = []
    for f in report.findings:
        found = None if f.closed else _closing_of(f, closings, marked)
        if found:
            marked[f.id] = found
        findings.append(replace(f, closed=found) if found else f)
    return replace(report, findings=tuple(findings))


def _closing_of(f: Finding, closings, marked: dict[str, Closure]) -> Closure | None:
    if f.kind == "recommendation" and f.relates_to and f.relates_to in marked:
        return marked[f.relates_to]
    if f.kind != "cause-of-concern":
        return None
    words = stems(f.text)
    for closure, letter in closings:
        if not closure.named or stems(closure.subject) <= words:
            return replace(closure, by=_name(letter))
    return None


def _all_of(closure: Closure, letter: Inspection, report: Inspection) -> bool:
    """The letter closes every cause of concern still open from the inspection the report is
    about: it says "the remaining" or "all" of them, and both are about the same PEEL cycle."""
    return not closure.named and closure.plural and bool(REMAINING.search(closure.text)) and \
        bool(letter.cycle) and letter.cycle == report.cycle


def _name(letter: Inspection) -> str:
    """How a pack names the source that closed it: "HMICFRS's cause of concern revisit letter
    of 27 September 2024"."""
    kind = REPORT_TYPE_NAMES.get(letter.report_type, "publication")
    when = f" of {letter.published}" if letter.published.known else f" '{letter.title}'"
    return f"HMICFRS's {kind}{when}"


def _later(letter: Inspection, report: Inspection) -> bool:
    """The letter came out after the report, on the dates on file (a day, a month or a year
    that does not hold the other)."""
    if letter is report or not (letter.published.known and report.published.known):
        return False
    return letter.published.earliest > report.published.latest
