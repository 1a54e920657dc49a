"""The s.55 period of a report and where its response stands on a day: the last day from
the publication date (to the day, or the latest it can be where only the month or year is
on file, or where only the report's cycle is), and the typed standing every register, pack,
page and email words from data/wording.yaml's `response` table.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.phrases import RESPONSE_WORDS, long_date, short_date
from briefing.places import PublicationDate
from briefing.reference import reference
from briefing.statements import Quote

_S55 = reference().s55
S55_DAYS = _S55["days"]  # "the period of 56 days beginning with the day on which the report is published"
LIMIT_FROM = _S55["limit_from"]  # reports published earlier have no statutory last day
def s55_last_day(published: date) -> date:
    """The last day of the s.55(5A) period: publication day is day 1, so day 56 is +55."""
    return published + timedelta(days=S55_DAYS - 1)


def s55_due(published: PublicationDate, force: str = "") -> date | None:
    """The last day for the PCC's response, where the law sets one and the day is known."""
    day = published.exact
    return s55_last_day(day) if day is not None and day >= LIMIT_FROM and not outside_s55(force) else None


def outside_s55(force: str) -> str:
    """Why section 55 does not cover the force's reports (data/offices.yaml: British
    Transport Police is not the force of a police area), or "" for the forces it covers."""
    return reference().outside_s55.get(force, "") if force else ""


def before_limit(published: PublicationDate, *bounds: date | None) -> bool:
    """Published before s.55 had a time limit: even its latest possible day is earlier, from
    its own date or from `bounds` on it where no day is on file (a later source's date, the
    last day its PEEL cycle's reports came out: a 2014 or 2015 report has no statutory last day)."""
    latest = min((day for day in (published.latest, *bounds) if day is not None), default=None)
    return latest is not None and latest < LIMIT_FROM


ON_FILE = ("published", "published-late", "published-no-limit", "published-undated")
MISSING = ("ended", "ended-by", "ended-by-cycle", "ended-by-source")  # the 56 days have ended, and no response is on file
OPEN = ("due", "due-tomorrow", "due-today", "running")


@dataclass(frozen=True)
class ResponseStanding:
    """Where a report's s.55 response stands on a day, typed: the kind (a key of
    data/wording.yaml's `response` table) and the dates its words need. Made once here;
    every register, pack, page and email words it from the table, none reads the words back."""

    kind: str  # one of ON_FILE, MISSING, OPEN, "before-limit", "date-unknown"
    due: date | None = None  # the statutory last day, where known to the day
    responded: date | None = None  # the response on file, where it is dated
    latest: date | None = None  # the latest the last day can be, where only the month or year is known
    published: PublicationDate = PublicationDate(0)
    on: date | None = None  # the day it stands on
    cycle: str = ""  # "ended-by-cycle": the PEEL cycle whose reports were all published by `by`
    by: date | None = None
    misdated: PublicationDate | None = None  # a response on file names the report but dates it so (unknown: no date)
    linked: Quote | None = None  # the source's line linking the published response, of which no copy is on file

    @property
    def on_file(self) -> bool:
        return self.kind in ON_FILE or (self.kind == "before-limit" and self.responded is not None)

    @property
    def has_duty(self) -> bool:
        """Section 55 puts a duty on the office for this report: not for a force it does not
        cover (British Transport Police), nor for a monitoring letter."""
        return self.kind not in ("outside", "letter")

    @property
    def duty_day(self) -> date | None:
        """The last day of a duty that has passed (or the latest it can have been), whose body
        the s.55 sentences name: South Yorkshire's 2021/22 response was due by 24 April 2024,
        the PCC's, before the Mayor took on the PCC's functions; None while the duty runs."""
        return (self.due or self.latest) if self.missing or self.kind in ON_FILE else None

    @property
    def traced(self) -> bool:
        """Not on file, but a file points to the response: one that misdates the report, or the source's link to it.
        Its words then say what to do with it; "check that it was published" would ask for what is known."""
        return not self.on_file and (self.misdated is not None or self.linked is not None)

    @property
    def missing(self) -> bool:
        """The 56 days have ended and no response is on file (never "overdue": one may exist)."""
        return self.kind in MISSING

    def words(self, form: str = "full") -> str:
        """ "response published 3 April 2024, within the 56 days" (full), "published 3 Apr 2024, in time" (brief).
        A response on file that names the report with another date, or a source's link to the published
        response, is said where "none on file" would be, or after the standing: the office checks it, or
        records its date, rather than looking for one."""
        late = (self.responded - self.due).days if self.responded and self.due else 0
        days = (self.due - self.on).days if self.due and self.on else 0
        template, misdated = RESPONSE_WORDS[self.kind][form], self._misdated(form) or self._linked(form)
        none = misdated or RESPONSE_WORDS["absent"][form]
        if misdated and "{none}" not in template and not self.on_file:
            template += "; " + misdated.replace("{", "{{").replace("}", "}}")
        text = template.format(
            none=none, responded=_long(self.responded) if self.responded else "",
            due=_long(self.due) if self.due else "",
            latest=_long(self.latest) if self.latest else "", days=days, published=str(self.published),
            responded_short=short_date(self.responded) if self.responded else "",
            latest_short=short_date(self.latest) if self.latest else "",
            days_late=f"{late} day{'s' if late != 1 else ''}", known="month" if self.published.month else "year",
            cycle=self.cycle, by=f"{self.by:%B} {self.by.year}" if self.by else "", by_day=_long(self.by) if self.by else "")
        if self.kind == "before-limit" and self.responded:
            return RESPONSE_WORDS["published-no-limit"][form].format(
                responded=_long(self.responded), responded_short=short_date(self.responded)) + "; " + text
        return text

    def _linked(self, form: str) -> str:
        """The words for a source that links the published response, or that is the body's own
        statement on the report (which may be the response, or come before it), or ""."""
        if self.linked is None:
            return ""
        kind = "statement" if self.linked.how == "pcc-statement" else "linked"
        return RESPONSE_WORDS[kind][form].format(where=str(self.linked.place), text=self.linked.text)

    def _misdated(self, form: str) -> str:
        """The words for a response on file that dates the report otherwise (or not at all), or ""."""
        if self.misdated is None:
            return ""
        if not self.misdated.known:
            return RESPONSE_WORDS["misdated-undated"][form]
        short = short_date(self.misdated.exact) if self.misdated.exact else str(self.misdated)
        return RESPONSE_WORDS["misdated"][form].format(misdated=str(self.misdated), misdated_short=short)


def response_standing(due: date | None, responded: date | None, as_of: date, published: PublicationDate,
                      undated: bool = False, cycle=None, source_by: date | None = None,
                      letter: bool = False, force: str = "") -> ResponseStanding:
    """Where a report's s.55 response stands on `as_of`. `responded` is a dated response on
    file (published by `as_of`); `undated` says a response is on file without a date; `cycle`
    (frameworks.Cycle) is a PEEL report's, and `source_by` a later source's date: each
    bounds a publication date not on file, the nearer bound said. A `letter` (a monitoring
    letter, not an inspection report) has no last day: what is on file is said, none missing;
    nor has a report on a `force` section 55 does not cover."""
    made = dict(due=None if letter or outside_s55(force) else due, responded=responded, published=published, on=as_of)
    if outside_s55(force):
        return ResponseStanding("outside", **made)
    if letter:
        return ResponseStanding("published-no-limit" if responded else "published-undated" if undated else "letter",
                                **made)
    if before_limit(published, source_by, published_by(cycle)):
        return ResponseStanding("before-limit", **made)
    if responded is not None:
        kind = "published-no-limit" if due is None else "published" if responded <= due else "published-late"
        return ResponseStanding(kind, **made)
    if undated:
        return ResponseStanding("published-undated", **made)
    if due is None:
        latest = latest_last_day(published)
        if latest is not None and latest < as_of:
            return ResponseStanding("ended-by", latest=latest, **made)
        if latest is not None:
            return ResponseStanding("running", latest=latest, **made)
        by = published_by(cycle)  # not on file, but every report of its cycle was out by then
        if source_by is not None and s55_last_day(source_by) < as_of and (by is None or source_by <= by):
            # a repost dated after it ("recently said"): the nearer bound
            return ResponseStanding("ended-by-source", latest=s55_last_day(source_by), by=source_by, **made)
        if by is not None and s55_last_day(by) < as_of:
            return ResponseStanding("ended-by-cycle", latest=s55_last_day(by), cycle=cycle.short or cycle.name, by=by,
                                    **made)  # "PEEL 2021/22", its question set said in the caveats (review 14, 16)
        return ResponseStanding("date-unknown", **made)
    days = (due - as_of).days
    kind = "due" if days > 1 else "due-tomorrow" if days == 1 else "due-today" if days == 0 else "ended"
    return ResponseStanding(kind, **made)


def published_by(cycle) -> date | None:
    """The last day a report of `cycle` can have come out, from frameworks.yaml: its
    straggler's month (`late`), else the end of its reporting years ("2021-09 to 2023-06",
    "2023-25", "2014"); None where it gives neither."""
    if cycle is None:
        return None
    text = cycle.late or cycle.years.split(" to ")[-1]
    month = re.fullmatch(r"(\d{4})-(\d{2})", text) if cycle.late or " to " in cycle.years else None
    span = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if month:
        year, last = int(month[1]), int(month[2])
    elif span:
        year, last = (int(span[1][:2] + span[2]) if span[2] else int(span[1])), 12
    else:
        return None
    return date(year, last, calendar.monthrange(year, last)[1])


def latest_last_day(published: PublicationDate) -> date | None:
    """The latest the s.55 period can end when only the month or year of publication is known."""
    latest = published.latest
    return s55_last_day(latest) if latest is not None else None


def _long(day: date) -> str:
    return long_date(day)
