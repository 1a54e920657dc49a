"""The latest day a report can have come out, where a page gives no day of its own
(published_by), and what to tell the user where a dated page says the report came out
"recently" (a repost): such a date bounds the s.55 period, never gives its day."""

from __future__ import annotations

import calendar
import re
from datetime import date

from briefing.extract.date_forms import DATELINE_LINES, date_after, dateline, issue_month, page_date_of
from briefing.extract.published_events import event_bound
from briefing.extract.published_whose import inspectorates_page
from briefing.places import PublicationDate

SPOKE = r"(?:said|says|published|publishes|released|reported|found|concluded|warned|praised|added)"
RECENTLY = re.compile(rf"\b(?:recently|last\s+week|earlier\s+this\s+(?:week|month))\s+{SPOKE}\b"
                      rf"|\b{SPOKE}\s+(?:\w+\s+){{0,3}}?(?:recently|last\s+week|earlier\s+this\s+(?:week|month))\b",
                      re.IGNORECASE)
UPDATED = re.compile(r"last\s+updated\s*:?\s*", re.IGNORECASE)

# a page written before its report came out: its date bounds nothing
TO_COME = re.compile(r"\b(?:will|is\s+(?:due|expected|set)\s+to|are\s+(?:due|expected)\s+to)\s+(?:be\s+)?publish|"
                     r"\bdue\s+to\s+be\s+published\b|\bforthcoming\b", re.IGNORECASE)


def published_by(ctx, kind: str = "") -> date | None:
    """The latest day the report (of type `kind`) can have come out, where the text gives
    no day of its own: the page's own date where it says the report came out "recently",
    the page's own date where the page is not the inspectorate's (a news page's dateline,
    "Jan 29, 2025" above "its latest report", a repost's " date 2022-10-14"), the "Last
    updated" stamp of a page about one report, or a dated event about the report already
    out ("PQT last week (19th February 2025) ... the recently released PEEL report"). A
    page speaks of a report already out, so the report came out on or before each; the
    nearest is kept. It bounds the s.55 period, never gives its day; a page whose lead
    says the report is to come ("will publish") is not bounded by its own date."""
    repost = _repost(ctx)
    ahead = TO_COME.search("\n".join(ctx.page.top_lines[:DATELINE_LINES]))  # its lead says the report is to come
    days = [repost[1] if repost else None, *((_dateline(ctx.page), _last_updated(ctx.page)) if not ahead else ())]
    bounds = [_last_day(day) for day in days if day and day[1]] + [event_bound(ctx, kind)]
    return min((day for day in bounds if day), default=None)


def _dateline(page) -> tuple[int, int | None, int | None] | None:
    """The page's dateline, else the month of a newsletter's issue where the page is not the
    inspectorate's."""
    return dateline(page.top_lines) or (None if inspectorates_page(page) else issue_month(page.top_lines))


def _last_day(day: tuple[int, int, int | None]) -> date:
    """The day itself, or the last of its month where only the month is given (a page of
    "December 2023" was written by 31 December 2023)."""
    year, month, dd = day
    return date(year, month, dd or calendar.monthrange(year, month)[1])


PILLAR_QUESTION = re.compile(r"^how\s+(?:effective|efficient|legitimate)\b.*\?$", re.IGNORECASE | re.MULTILINE)


def _last_updated(page) -> tuple[int, int, int] | None:
    """The "Last updated" stamp of a page about one report. On a force's page of several
    pillars each section has its own stamp, and a section whose stamp the text does not
    reach (a page cut short) may be later: such a page's stamps bound nothing."""
    body = "\n".join(page.body)
    if "updated" not in body.lower():  # what UPDATED needs, in any case: lowering and a find cost half its search
        return None
    stamps = list(UPDATED.finditer(body))
    if len(stamps) != 1 or len(PILLAR_QUESTION.findall(body)) > 1:
        return None
    stamp = date_after(body[stamps[0].start():stamps[0].end() + 40], UPDATED, page.years)
    return stamp if stamp and stamp[2] else None


def reposted(ctx) -> str:
    """What to tell the user where a dated page says the report came out "recently"."""
    found = _repost(ctx)
    if not found:
        return ""
    return (f"the page is dated {PublicationDate(*found[1])} but says the report came out earlier (\"{found[0]}\"), "
            "so its publication date is not read; set 'published' from the report")


def dated_page(page) -> str:
    """What to tell the user where a page not the inspectorate's bears a date of its own."""
    day = _dateline(page)
    ahead = TO_COME.search("\n".join(page.top_lines[:DATELINE_LINES]))  # written before its report: bounds nothing
    if not day or not day[1] or ahead or inspectorates_page(page):
        return ""
    if not day[2]:  # a newsletter's issue
        return (f"the page is dated {PublicationDate(*day)}, the month it was written (it is not the inspectorate's "
                "own page), so the report came out by the end of that month; set 'published' from the report")
    return (f"the page is dated {PublicationDate(*day)}, the day it was written (it is not the inspectorate's own "
            "page), so the report came out on or before it; set 'published' from the report")


def _repost(ctx) -> tuple[str, tuple] | None:
    """ "recently said" and the page's own date, where a dated page says so."""
    found = RECENTLY.search(ctx.page.top)
    dated = page_date_of(ctx.page) if found else None
    return (found.group(0), dated) if dated else None
