"""Number words, months and the inspectorate's renamings, from data/language.yaml, as the
tables and pattern pieces every reader shares, and the years a text can date from by how
it names the inspectorate.

Why one module: deadlines ("within eight weeks"), finding counts ("nine
recommendations"), grade counts ("inadequate in four areas"), publication dates ("6th Jul
2017") and the cycle cues each kept a table of their own, and each knew a different set of
words ("within 10 months" gave a deadline, "within ten months" none). A word added to the
data file is now read by all of them.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.reference import reference

_LANGUAGE = reference().language

NUMBER_WORDS: dict[str, int] = dict(_LANGUAGE["numbers"])
ORDINALS: dict[str, int] = dict(_LANGUAGE["ordinals"])
PARTS_OF_YEAR: dict[str, int] = dict(_LANGUAGE["parts_of_year"])
MONTHS: dict[str, int] = {name: n for n, name in enumerate(_LANGUAGE["months"], start=1)}  # "january" -> 1
MONTH_FORMS: dict[str, int] = {form: MONTHS[name] for name, forms in _LANGUAGE["months"].items()
                               for form in (name, *forms)}  # "sept" -> 9 as well


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


NUMBER = rf"(?:\d+|{_alternation(NUMBER_WORDS)})"  # "9", "nine"; case aside where the pattern ignores case
MONTH_NAME = rf"(?:{_alternation(MONTHS)})"  # full names only: "in March 2018"
MONTH = rf"(?:{_alternation(MONTH_FORMS)})\.?"  # full or short: "6th Jul. 2017", "Sept 2019"


def number(word: str) -> int | None:
    """ "9" -> 9, "Nine" -> 9, anything else None."""
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def month_number(word: str) -> int | None:
    """ "March", "mar", "Sept." -> the month's number; anything else None."""
    return MONTH_FORMS.get(word.strip().rstrip(".").lower())


def renamed(name: str) -> tuple[str, str, date]:
    """(the name before, the name after, the day it changed) of one renaming
    ("fire-and-rescue": HMIC -> HMICFRS; "monarch": Her -> His Majesty's)."""
    entry = _LANGUAGE["renamings"][name]
    return entry["before"], entry["after"], entry["day"]


NAMED_BEFORE_AFTER = {  # how a text words each name of data/language.yaml's renamings: (a substring, its pattern)
    "fire-and-rescue": ((("HMIC", r"\bHMIC\b"),),
                        (("HMICFRS", r"\bHMICFRS\b"), ("Rescue Services", r"Fire (?:and|&) Rescue Services"))),
    "monarch": ((("Her Majesty", r"\bHer Majesty"),), (("His Majesty", r"\bHis Majesty"),)),
}


def inspectorate_naming(text: str) -> dict[str, str]:
    """How a text names the inspectorate, which dates it: for each renaming, "after" where
    it uses the new name ("HMICFRS", "His Majesty's"), "before" where only the old one
    ("HMIC", "Her Majesty's"). Plain substring tests come first: on a long text they cost a
    fraction of a pattern's scan."""
    def says(wordings) -> bool:
        return any(plain in text and re.search(pattern, text) for plain, pattern in wordings)

    named = {}
    for name, (before, after) in NAMED_BEFORE_AFTER.items():
        if says(after):
            named[name] = "after"
        elif says(before):
            named[name] = "before"
    return named


def naming_years(text: str) -> range:
    """The years a text can date from by how it names the inspectorate."""
    first, last = 2013, date.today().year  # the inspectorate's reports on file begin in 2013
    for name, side in inspectorate_naming(text).items():
        day = renamed(name)[2]
        if side == "after":
            first = max(first, day.year)
        else:
            last = min(last, day.year)
    return range(first, last + 1)
