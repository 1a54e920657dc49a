"""The word table of data/wording.yaml, loaded once: how the pack words a date, an area's
state, a movement that is not a number of steps, an earlier finding the newer source does
not raise, a later one the older source does not hold, and where an s.55 response stands.
Every module that prints one of these asks here, so one change of wording is one edit;
each table words a typed value made in briefing/compare/, never read back."""

from __future__ import annotations

from datetime import date

from briefing.reference import reference

_WORDS = reference().wording
DATE_FORMAT: str = _WORDS["date"]
STATE_WORDS: dict[str, str] = dict(_WORDS["states"])
MOVEMENT_WORDS: dict[str, str] = dict(_WORDS["movements"])
UNMATCHED: dict[str, str] = dict(_WORDS["unmatched"])
UNMATCHED_NEW: dict[str, str] = dict(_WORDS["unmatched_new"])
RESPONSE_WORDS: dict[str, dict[str, str]] = {k: dict(v) for k, v in _WORDS["response"].items()}


def long_date(day: date) -> str:
    """ "16 February 2024". The day is put in by hand: strftime's unpadded day ("%-d") is
    glibc's, and Windows, where most offices work, refuses it."""
    return day.strftime(DATE_FORMAT.replace("%-d", str(day.day)))


def short_date(day: date) -> str:
    """ "16 Feb 2024", for a table's narrow column."""
    return f"{day.day} {day:%b %Y}"


def unmatched_words(confirmed: bool) -> str:
    """ "not raised again" where the newer source lists every finding, else "not in the source used"."""
    return UNMATCHED["confirmed" if confirmed else "partial"]


def unmatched_new_words(confirmed: bool) -> str:
    """ "new" where the older source lists every finding, else "not in the earlier source used"."""
    return UNMATCHED_NEW["confirmed" if confirmed else "partial"]


def continuing_words() -> str:
    """ "said to carry on from before": a later finding whose own words say so, matched to none."""
    return UNMATCHED_NEW["continues"]


def state_words(state: str, grade: str = "") -> str:
    """An area's state as a cell reads: its grade, "not graded" or "not stated"."""
    return grade if state == "graded" else STATE_WORDS[state]


def area_state_words(state: str, grade: str = "", why: str = "", cycle: str = "") -> str:
    """One side of a grade row: the grade, "not graded", "not stated", or "not a PEEL 2021/22
    area" where the cycle (named by `cycle`) has no such area."""
    if state == "not-graded" and why == "no-area":
        return STATE_WORDS["no-area"].format(cycle=cycle)
    return state_words(state, grade)


def movement_words(movement: str, steps: int = 0, why: str = "", cycle: str = "") -> str:
    """ "up 2 grades", "down 1 grade", "no change", "newly graded", "not known"; for an area
    the later cycle (`cycle`) does not have, "not a PEEL 2023-25 area" (`why` is its state's)."""
    if movement in ("up", "down"):
        n = abs(steps)
        return f"{movement} {n} grade{'s' if n != 1 else ''}"
    if movement == "no-longer-graded" and why == "no-area":
        return MOVEMENT_WORDS["not-an-area"].format(cycle=cycle)
    return MOVEMENT_WORDS[movement]
