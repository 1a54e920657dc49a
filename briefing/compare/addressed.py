"""Whom a finding asks to act, and by when: the addressee and deadline a report writes,
read as a register and a tracker need them.

Recommendations are addressed to "chief constables", "forces", "the force" or a force by
name (the force's), to PCCs and other local policing bodies (the PCC's), or to national
bodies such as the College of Policing (listed for information). One addressed to another
named force ("the Chief Constable of Kent Police" in a file on Northamptonshire) is that
force's alone. A deadline before the report was published is no due date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import Enum

from briefing.model import Finding
from briefing.phrases import long_date
from briefing.places import PublicationDate

FORCE_WORDS = re.compile(r"\b(?:chief\s+constables?|chief\s+officers?|(?:police\s+)?forces?|the\s+force|"
                         r"the\s+constabulary|the\s+police\s+service)\b", re.IGNORECASE)
PCC_WORDS = re.compile(r"\b(?:pccs?|police(?:,\s+fire)?\s+and\s+crime\s+commissioners?|local\s+policing\s+bod(?:y|ies)|"
                       r"mayors?|mopac)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:police(?: service)?|constabulary|service)\b", re.IGNORECASE)


def _fold(text: str) -> str:
    return " " + " ".join(re.sub(r"[-\u2010-\u2015]", " ", text.lower().replace("&", "and")).split()) + " "


def named_force(finding: Finding, forces) -> str:
    """The force an addressee names ("the Chief Constable of Kent Police", "Kent's chief
    constable"), by its name, another name people use, or "of" and its place; "" if none.
    `forces` are (name, other names) pairs (reference.forces)."""
    who = _fold(finding.addressee)
    if not who.strip():
        return ""
    for name, aliases in forces:
        place = _PLACE.sub("", name).strip()
        wordings = [_fold(w) for w in (name, *aliases)]
        wordings += [_fold(f"of {place}"), _fold(f"{place}'s"), _fold(f"{place}\u2019s")] if len(place) > 3 else []
        if any(w in who for w in wordings):
            return name
    return ""


def falls_to(finding: Finding, force: str, forces=()) -> str:
    """Whom a finding asks to act: "force" (the force, forces, chief constables, the force
    by name), "pcc" (PCCs and other local policing bodies), "national" (the College of
    Policing, the NPCC, the Home Office: listed for information) or "other" (another named
    force: listed for information). A finding with no addressee in a report about the
    force is the force's."""
    who = finding.addressee.strip()
    if not who:
        return "force"
    other = named_force(finding, forces)
    if other:
        return "force" if other == force else "other"
    if force and force.lower() in who.lower() or FORCE_WORDS.search(who):
        return "force"
    return "pcc" if PCC_WORDS.search(who) else "national"


class DeadlineCheck(Enum):
    NONE = "none"  # no date to check ("immediately", or no deadline)
    FITS = "fits"  # on or after publication
    BEFORE = "before"  # before the report was published: no due date


_DUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s*\((.*)\))?$")


def due_date(finding: Finding) -> tuple[date | None, str, str]:
    """A finding's deadline as a tracker's due date, the report's words for it, and how
    the date was had: "day" (stated), "month" (the month's last day: the month is all the
    report says), "derived" (from publication, "within six months"), or "" (no date).

    "2024-03-31" -> 31 March 2024, "by 31 March 2024", "day"; "2022-07 (by July 2022)" ->
    31 July 2022, "by July 2022", "month"; "2023-04-28 (within six months of 28 October
    2022)" -> that day, its words, "derived"; "immediately" -> None, "immediately", ""."""
    text = finding.due.strip()
    match = _DUE.match(text)
    if not match:
        return None, _lower_by(text), ""
    year, month, day, words = int(match[1]), int(match[2]), match[3], _lower_by(match[4] or "")
    try:
        if day:
            due = date(year, month, int(day))
            return due, words or f"by {long_date(due)}", "derived" if words.startswith("within") else "day"
        due = date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None, text, ""
    return due, words or f"by {due:%B %Y}", "month"


def deadline_check(finding: Finding, published: PublicationDate) -> DeadlineCheck:
    """Whether a finding's deadline can stand as a due date: not if it falls before the first
    day the report can have been published (a misread year, a copied date)."""
    due, first = due_date(finding)[0], published.earliest
    if due is None:
        return DeadlineCheck.NONE
    return DeadlineCheck.BEFORE if first is not None and due < first else DeadlineCheck.FITS


def _lower_by(words: str) -> str:
    """ "By July 2022" as it reads mid-sentence."""
    return words[:1].lower() + words[1:] if re.match(r"(?:By|Within)\b", words) else words
