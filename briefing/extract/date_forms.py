"""How a date is written on a page, and reading one: "9 June 2023", "Thursday 10 April",
"(July 24)", "2023-06-09", "09/06/2023"; the date after a lead ("Published on: "); a news
page's dateline and a page's own date line. The publication-date rules (extract.dates),
the bounds on that date (extract.date_bounds) and other readings of dates share these."""

from __future__ import annotations

import re
from datetime import date

from briefing.extract.language import MONTH, MONTH_NAME, MONTHS, month_number

MONTH_GROUP = rf"(?P<month>{MONTH})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{MONTH_GROUP}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}\(?{MONTH_GROUP}\s+{_DAY}\)?{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    re.compile(r"\b(?P<dd>\d{1,2})/(?P<mm>\d{1,2})/(?P<yyyy>(?:19|20)\d\d)\b"),
]
MONTH_LINE = re.compile(rf"{MONTH_GROUP},?\s+(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PAGE_DATE = re.compile(r"(?:^|\s|\b)(?:posted|dated|date)\s*(?:on)?\s*:?\s*", re.IGNORECASE)


def date_of(match: re.Match, years: list[int]) -> tuple[int, int, int] | None:
    g = match.groupdict()
    try:
        if g.get("iso"):
            d = date.fromisoformat(g["iso"])
            return d.year, d.month, d.day
        if g.get("dd"):
            d = date(int(g["yyyy"]), int(g["mm"]), int(g["dd"]))
            return d.year, d.month, d.day
        month, day = month_number(g["month"]), int(g["day"])
        if g.get("year"):
            date(int(g["year"]), month, day)
            return int(g["year"]), month, day
        if g.get("weekday") is None:
            return (years[0], month, day) if len(years) == 1 else None
        fits = []
        for year in years:  # no year: the one whose weekday matches
            try:
                if date(year, month, day).weekday() == WEEKDAYS.index(g["weekday"].lower()[:3]):
                    fits.append(year)
            except ValueError:
                continue
        if len(fits) == 1 or (fits and len(years) <= 6):
            return fits[0], month, day
    except (ValueError, TypeError):
        return None
    return None


CLOCK = re.compile(r"[,\s|-]*(?:at\s+)?\d{1,2}(?:[:.]\d\d\s*(?:am|pm)?|\s*(?:am|pm))\s*(?:bst|gmt)?\s*$|[,\s|-]+(?:updated|by)\b.*$", re.IGNORECASE)
DATELINE_LINES = 12
DATELINE_CHARS = 80


DATE_LABEL = re.compile(r"^\s*(?:posted(?:\s+on)?|dated|date)\s*:?\s*(?=\w)", re.IGNORECASE)


def dateline(lines: list[str]) -> tuple[int, int | None, int | None] | None:
    """The date a page bears on a line of its own near its top, a news page's dateline
    ("Jan 29, 2025", "Friday, 19th November 2021, 10:40 am", "09/04/2026"), or after a
    label that begins a line ("Posted on 7 Dec 2023", " date 2019-05-02 Durham ..."): when
    the page was written, not when the report it speaks of was published. "09/04/2026" is
    9 April or 4 September: only its year is certain."""
    for text in lines[:DATELINE_LINES]:
        label = DATE_LABEL.match(text)
        if label:
            dated = _labelled(text[label.end():])
            if dated:
                return dated
            continue
        bare = _bare(text)
        if not bare or len(bare) > 40:
            continue
        for form in DATE_FORMS:
            found = form.fullmatch(bare)
            if not found:
                continue
            if found.groupdict().get("dd") and found.group("dd") != found.group("mm") and int(found.group("dd")) <= 12:
                return int(found.group("yyyy")), None, None
            dated = date_of(found, [])
            if dated:
                return dated
    return None


def _bare(text: str) -> str:
    """A short line with any time of day and separators taken off, "" for a long line: a
    date line is short, and the clock pattern is never tried on a long line (a hostile
    200,000 characters)."""
    return "" if len(text) > DATELINE_CHARS else CLOCK.sub("", text.strip()).strip(" ,|-")


def issue_month(lines: list[str]) -> tuple[int, int, None] | None:
    """The month a newsletter's issue bears on a line of its own near its top ("DECEMBER
    2023"): it was written by that month's end. Only for a page not the inspectorate's: on
    HMICFRS's own pages such a line heads an event ("Moved out of Engage / September 2023")."""
    for text in lines[:DATELINE_LINES]:
        issue = MONTH_LINE.fullmatch(_bare(text))
        if issue:
            return int(issue.group("year")), month_number(issue.group("month")), None
    return None


def _labelled(rest: str) -> tuple[int, int | None, int | None] | None:
    """The date that begins what follows a page's date label, with a year of its own."""
    for form in DATE_FORMS:
        found = form.match(rest)
        if found and (found.groupdict().get("year") or found.groupdict().get("iso") or found.groupdict().get("yyyy")):
            return date_of(found, [])
    return None


def date_after(text: str, lead: re.Pattern, years: list[int]) -> tuple[int, int, int] | None:
    """The date straight after a lead ("Published on: ", "released on ")."""
    found = date_after_at(text, lead, years)
    return found[0] if found else None


def date_after_at(text: str, lead: re.Pattern, years: list[int]) -> tuple[tuple[int, int, int] | None, int] | None:
    """The date straight after a lead, and where the lead is (its sentence says whose date it is)."""
    for match in lead.finditer(text):
        rest = text[match.end():match.end() + 40]
        for form in DATE_FORMS:
            found = form.match(rest)
            if found:
                return date_of(found, years), match.start()
    return None


def page_date_of(page):
    dated = date_after(page.top, PAGE_DATE, page.years)
    if dated:
        return dated
    month_year = re.search(rf"^\s*({MONTH_NAME}) ((?:19|20)\d\d)\s*$", "\n".join(page.top_lines[:6]),
                           re.IGNORECASE | re.MULTILINE)
    return (int(month_year.group(2)), MONTHS[month_year.group(1).lower()], None) if month_year else None
