"""Which force and when: read from the words of the text, its heading and its address.

A force is recognised by its name and the names people use ("Met Police", "Devon &
Cornwall Police"); where the text says only "we" or "the force", the source address or
the heading decides. A publication date must be stated as one ("Published on: 9 June
2023", "released on Thursday 10 April", "published today (Friday 16 February)", a page's
"Posted on" or "date" line); "Last updated" is used only as a warned fallback, and an
event date (an incident, leaving monitoring) never is.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from briefing.extract.reader import SourceLine
from briefing.resources import load_data

MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"), start=1)}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    re.compile(r"\b(?P<dd>\d{1,2})/(?P<mm>\d{1,2})/(?P<yyyy>(?:19|20)\d\d)\b"),
]
RELEASE = re.compile(r"(?:released|published|publishes|publish)(?:\s+(?:its|his|her|their|the)\s+(?:report|findings)"
                     r"(?:\s+\w+){0,6}?)?\s+(?:on\s*:?\s*|today\s*\(\s*)?", re.IGNORECASE)
PAGE_DATE = re.compile(r"(?:^|\s|\b)(?:posted|published|dated|date)\s*(?:on)?\s*:?\s*", re.IGNORECASE)
UPDATED = re.compile(r"last\s+updated\s*:?\s*", re.IGNORECASE)
TODAY = re.compile(r"\btoday\s*\(\s*", re.IGNORECASE)  # "published today (Tuesday 12 March)", "has today (Friday February 16)"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@lru_cache(maxsize=1)
def known_forces() -> dict[str, tuple[str, float]]:
    """Lower-case wording -> (the force's name, weight): full names 1, place names 0.5."""
    out: dict[str, tuple[str, float]] = {}
    for entry in load_data("forces.yaml")["forces"]:
        name, aliases = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, []))
        for wording in (name, *aliases):
            out[fold(wording)] = (name, 1.0)
        place = re.sub(r"\b(?:police(?: service)?|constabulary|service)\b", "", name, flags=re.IGNORECASE).strip()
        if len(place) > 3 and fold(place) not in out:
            out[fold(place)] = (name, 0.5)
    return out


def fold(text: str) -> str:
    return " ".join(re.sub(r"[-\u2010-\u2015]", " ", text.lower().replace("&", "and")).split())


@lru_cache(maxsize=1)
def _force_pattern() -> re.Pattern:
    """Every wording in one pattern, longest first, so a text is scanned once."""
    wordings = sorted(known_forces(), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in wordings) + r")(?![a-z])")


def force_scores(text: str) -> Counter:
    counts: Counter = Counter()
    forces = known_forces()
    for match in _force_pattern().finditer(fold(text)):
        name, weight = forces[match.group(0)]
        counts[name] += weight
    return counts


def detect_force(lines: list[SourceLine]) -> str | None:
    """The force the text is about: most mentioned, the address and heading breaking ties."""
    address = " ".join(re.sub(r"[/._+?=-]+", " ", u) for l in lines[:3] for u in re.findall(r"https?://\S+", l.text))
    counts = force_scores(" ".join(l.text for l in lines if not l.text.lower().startswith("source:")))
    for name, n in force_scores(address).items():
        counts[name] += 2 * n
    for line in lines[:6]:
        for name in force_scores(line.text):
            counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


def _date(match: re.Match, context_years: list[int]) -> tuple[int, int, int] | None:
    g = match.groupdict()
    try:
        if g.get("iso"):
            d = date.fromisoformat(g["iso"])
            return d.year, d.month, d.day
        if g.get("dd"):
            d = date(int(g["yyyy"]), int(g["mm"]), int(g["dd"]))
            return d.year, d.month, d.day
        month = next(v for k, v in MONTHS.items() if k.startswith(g["month"].lower()[:3]))
        day = int(g["day"])
        if g.get("year"):
            date(int(g["year"]), month, day)
            return int(g["year"]), month, day
        if g.get("weekday") is None:
            return (context_years[0], month, day) if len(context_years) == 1 else None
        fits = []
        for year in context_years:  # no year: the one whose weekday matches
            try:
                if date(year, month, day).weekday() == WEEKDAYS.index(g["weekday"].lower()[:3]):
                    fits.append(year)
            except ValueError:
                continue
        if len(fits) == 1 or (fits and len(context_years) <= 6):
            return fits[0], month, day
    except (ValueError, StopIteration):
        return None
    return None


def _dated(text: str, lead: re.Pattern, years: list[int]) -> tuple[int, int, int] | None:
    for match in lead.finditer(text):
        rest = text[match.end():match.end() + 40]
        for form in DATE_FORMS:
            found = form.match(rest)
            if found:
                return _date(found, years)
    return None


def naming_years(text: str) -> range:
    """The years a text can date from by how it names the inspectorate: HMIC until July
    2017, HMICFRS after; "Her Majesty's" until September 2022, "His Majesty's" after."""
    first, last = 2013, date.today().year
    if re.search(r"\bHMICFRS\b|Fire (?:and|&) Rescue", text):
        first = 2017
    elif re.search(r"\bHMIC\b", text):
        last = 2017
    if re.search(r"\bHer Majesty", text):
        last = min(last, 2022)
    elif re.search(r"\bHis Majesty", text):
        first = max(first, 2022)
    return range(first, last + 1)


def detect_published(lines: list[SourceLine]) -> tuple[tuple[int, int | None, int | None] | None, str]:
    """(year, month, day) and how it was found ("", or "last updated" for the warned fallback).

    A date without a year ("today (Friday, September 27)") takes the page's own years, or
    failing those the one year in which that weekday fits the inspectorate's name then."""
    head = [l.text for l in lines[:80] if not l.text.lower().startswith("source:")]
    text = "\n".join(head)
    stated = sorted({int(y) for y in re.findall(r"\b(20\d\d)\b", text)}, reverse=True)
    named = sorted(naming_years(" ".join(l.text for l in lines)), reverse=True)
    years = stated or named
    released = _dated(text, RELEASE, years) or _dated(text, TODAY, years) or \
        (_dated(text, TODAY, named) if stated else None)  # "today (Tuesday June 10)": no page year fits the weekday
    if released:
        return released, ""
    page = _dated(text, PAGE_DATE, years)
    if page:
        return page, ""
    month_year = re.search(rf"^\s*({'|'.join(MONTHS)}) ((?:19|20)\d\d)\s*$", "\n".join(head[:6]),
                           re.IGNORECASE | re.MULTILINE)  # a page's month, near its top, not an event's further down
    if month_year:
        return (int(month_year.group(2)), MONTHS[month_year.group(1).lower()], None), ""
    full = re.search(rf"^\s*(\d{{1,2}}) ({'|'.join(MONTHS)}) ((?:19|20)\d\d)\s*$", "\n".join(head[:12]), re.IGNORECASE | re.MULTILINE)
    if full and re.search(r"\b(letter|dear)\b", text, re.IGNORECASE):  # a letter's own date
        return (int(full.group(3)), MONTHS[full.group(2).lower()], int(full.group(1))), ""
    updated = _dated(text, UPDATED, years)
    return (updated, "last updated") if updated else (None, "")
