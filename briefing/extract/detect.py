"""Which force, which inspection cycle and when: read from the words of the report.

The cycle comes from what the text says ("PEEL 2021/22", "Police effectiveness 2017"),
never from a publication date: one cycle's reports appear over two or more years.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache


from briefing.extract.reader import SourceLine
from briefing.resources import load_data

# (pattern, cycle); the first pattern found in the text decides, so specific ones come first.
CYCLE_PATTERNS = [
    (r"peel[^a-z0-9]{0,3}2025[-/ ]{1,3}(20)?27|2025[-/](20)?27[^0-9]{0,40}peel", "peel-2025-27"),
    (r"peel[^a-z0-9]{0,3}2023[-/ ]{1,3}(20)?25|2023[-/](20)?25[^0-9]{0,40}peel", "peel-2023-25"),
    (r"peel[^a-z0-9]{0,30}2021[-/ ]{1,3}(20)?22|2021[-/](20)?22[-/ ]peel|peel-assessment-framework-2021-22",
     "peel-2021-22"),
    (r"peel[^a-z0-9]{0,30}2018[-/ ]{1,3}(20)?19|integrated peel assessment", "peel-2018-19"),
    (r"police (effectiveness|efficiency|legitimacy) 2017|peel[^a-z0-9]{0,3}2017", "peel-2017"),
    (r"police (effectiveness|efficiency|legitimacy) 2016|peel[^a-z0-9]{0,3}2016", "peel-2016"),
    (r"police (effectiveness|efficiency|legitimacy) 2015|peel[^a-z0-9]{0,3}2015", "peel-2015"),
    (r"core business|making best use of police time", "core-business-2014"),
    (r"crime inspection 2014|how effective is the force at cutting crime", "crime-2014"),
]
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"), start=1)}


def detect_cycle(lines: list[SourceLine]) -> tuple[str, str] | None:
    """(cycle id, the words that showed it), from the first lines that name a cycle."""
    text = "\n".join(l.text for l in lines)
    lowered = text.lower()
    found = []
    for pattern, cycle in CYCLE_PATTERNS:
        match = re.search(pattern, lowered)
        if match:
            found.append((match.start(), cycle, text[match.start():match.end()].strip()))
    if not found:
        return _from_fieldwork(text)
    _, cycle, words = min(found)
    return cycle, words


# PEEL cycles by the year of fieldwork, for news copy that names only "the PEEL programme".
FIELDWORK = {2025: "peel-2025-27", 2024: "peel-2023-25", 2023: "peel-2023-25", 2022: "peel-2021-22",
             2021: "peel-2021-22", 2019: "peel-2018-19", 2018: "peel-2018-19", 2017: "peel-2017", 2016: "peel-2016",
             2015: "peel-2015"}


def _from_fieldwork(text: str) -> tuple[str, str] | None:
    if not re.search(r"\bPEEL\b", text):
        return None
    match = re.search(r"\binspected (?:in|during) (?:[A-Z][a-z]+ )?((?:19|20)\d\d)\b", text)
    if match and int(match.group(1)) in FIELDWORK:
        return FIELDWORK[int(match.group(1))], match.group(0)
    return None


@lru_cache(maxsize=1)
def known_forces() -> dict[str, str]:
    """Lower-case wording -> the force's name."""
    out = {}
    for entry in load_data("forces.yaml")["forces"]:
        name, aliases = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, []))
        for wording in (name, *aliases):
            out[wording.lower()] = name
    return out


def detect_force(lines: list[SourceLine]) -> str | None:
    text = " ".join(l.text for l in lines).lower()
    counts = Counter()
    for wording, name in known_forces().items():
        n = len(re.findall(r"\b" + re.escape(wording) + r"\b", text))
        if n:
            counts[name] += n
    return counts.most_common(1)[0][0] if counts else None


def detect_published(lines: list[SourceLine]) -> tuple[int, int | None, int | None] | None:
    """A publication date stated near the top: '3 September 2014', 'March 2018', '(Friday February 16)'."""
    head = "\n".join(l.text for l in lines[:60])
    month_names = "|".join(MONTHS)
    full = re.search(rf"\b(\d{{1,2}}) ({month_names}) (\d{{4}})\b", head, re.I)
    if full:
        return int(full.group(3)), MONTHS[full.group(2).lower()], int(full.group(1))
    month_year = re.search(rf"^\s*({month_names}) (\d{{4}})\s*$", head, re.I | re.M)
    if month_year:
        return int(month_year.group(2)), MONTHS[month_year.group(1).lower()], None
    return _published_today(head)


def _published_today(head: str) -> tuple[int, int, int] | None:
    """News copy: 'published his report today (Friday February 16)' plus a year mentioned nearby."""
    match = re.search(r"today \((monday|tuesday|wednesday|thursday|friday|saturday|sunday) (\w+) (\d{1,2})\)", head, re.I)
    if not match or match.group(2).lower() not in MONTHS:
        return None
    weekday = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(match.group(1).lower())
    month, day = MONTHS[match.group(2).lower()], int(match.group(3))
    years = sorted({int(y) for y in re.findall(r"\b(20\d\d)\b", head)})
    for year in (y for base in years for y in (base, base + 1)):
        try:
            if date(year, month, day).weekday() == weekday:
                return year, month, day
        except ValueError:
            continue
    return None
