"""Who a recommendation is for and by when, as the text words them.

- "By 31 March 2024, chief constables should ..." is due 2024-03-31;
- "By July 2022, forces should ..." is due in July 2022: "2022-07 (by July 2022)", the
  month being all the text says;
- "Within six months, the force should ..." is six months from publication where the
  publication date is known ("2023-04-28 (within six months of 28 October 2022)"), else
  the words; "immediately" and "as soon as possible" are kept as words.
The addressee is the subject of "should", "must" or "needs to": "forces", "all police
forces", "chief constables", "the force", "West Mercia Police", "the College of Policing".
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from briefing.extract.language import MONTH, NUMBER, month_number, number
from briefing.phrases import long_date

BY_DAY = re.compile(rf"\bby\s+(?:the\s+end\s+of\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
BY_MONTH = re.compile(rf"\bby\s+(?:the\s+end\s+of\s+)?({MONTH})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
WITHIN = re.compile(rf"\bwithin\s+(?:the\s+next\s+)?(?P<n>{NUMBER})\s+(?P<unit>months?|weeks?)\b", re.IGNORECASE)
WORDS = re.compile(r"\b(?:immediately|as soon as possible|as a matter of urgency|without delay)\b", re.IGNORECASE)
SUBJECT = re.compile(
    r"(?:^|[.:;]\s+|\b(?:that|recommends?|recommended|recommendation:?)\s+|,\s*)"
    r"(?:by\s+[\w\s]{3,20}?\d{4},?\s*|within\s+\w+\s+\w+,?\s*|to\s+address\s+this\s+cause\s+of\s+concern,?\s*)?"
    r"(?P<who>(?:the\s+|all\s+|each\s+|every\s+)?[A-Z]?[\w&'\u2019() -]{2,70}?)\s*,?\s+(?:should|must|needs\s+to|need\s+to)\b",
    re.IGNORECASE)
FOR_WHOM = re.compile(r"\brecommendations?\s+(?:\w+\s+){0,2}?(?:specifically\s+|addressed\s+)?(?:for|to)\s+"
                      r"(?P<who>(?:the\s+)?[A-Z][\w' ]{2,40}?)\s*(?:[;:,.]|$)")
NOT_WHO = re.compile(r"^(?:it|this|that|these|they|we|there|which|and|or|but|also|he|she|then|plans?|this\s+should)$",
                     re.IGNORECASE)


def deadline_of(text: str, published: date | None = None) -> str:
    """The deadline a recommendation's own words give, or ""."""
    day = BY_DAY.search(text)
    if day:
        try:
            return date(int(day.group(3)), month_number(day.group(2)), int(day.group(1))).isoformat()
        except ValueError:
            return ""
    month = BY_MONTH.search(text)
    if month:
        return f"{int(month.group(2)):04d}-{month_number(month.group(1)):02d} ({month.group(0)})"
    within = WITHIN.search(text)
    if within:
        words = within.group(0)
        if published is None:
            return words
        n = number(within.group("n"))
        due = _add_months(published, n) if within.group("unit").lower().startswith("month") else \
            date.fromordinal(published.toordinal() + 7 * n)
        return f"{due.isoformat()} ({words} of {long_date(published)})"
    said = WORDS.search(text)
    return said.group(0) if said else ""


def addressee_of(text: str, stem: str = "") -> str:
    """Who should act, as written: the subject of "should" in the stem or the text, or
    whom the text says it is for ("one specifically for Chief Constables")."""
    for_whom = FOR_WHOM.search(stem)
    if for_whom:
        return for_whom.group("who").strip()
    for part in (stem, text):
        for match in SUBJECT.finditer(part):
            who = " ".join(match.group("who").split()).strip(" ,")
            who = re.sub(r"^(?:hmicfrs|hmic|we)\s+(?:has\s+)?(?:recommends?|recommended)\s+that\s+", "", who, flags=re.IGNORECASE)
            if who and not NOT_WHO.match(who) and len(who.split()) <= 12:  # two bodies' leads joined by "and"
                return who
    return ""


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
