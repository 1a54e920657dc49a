"""The word table of data/wording.yaml, loaded once: how the pack words a date, a movement
that is not a number of steps, and an earlier finding the newer source does not raise.
Every module that prints one of these asks here, so one change of wording is one edit."""

from __future__ import annotations

from datetime import date

from briefing.reference import reference

_WORDS = reference().wording
DATE_FORMAT: str = _WORDS["date"]
MOVEMENT_WORDS: dict[str, str] = dict(_WORDS["movements"])
UNMATCHED: dict[str, str] = dict(_WORDS["unmatched"])


def long_date(day: date) -> str:
    """ "16 February 2024"."""
    return day.strftime(DATE_FORMAT)


def unmatched_words(confirmed: bool) -> str:
    """ "not raised again" where the newer source lists every finding, else "not in the source used"."""
    return UNMATCHED["confirmed" if confirmed else "partial"]
