"""When the report was published: only where a text states it as such, by the first of
these named rules that finds it.

- published-label: "Published on: 9 June 2023", "Publication date: 6th Jul 2017"; the
  first such label on the page (a later one belongs to a report the page links to);
- released: "published its report on Thursday 10 April", "released on ...";
- today: "published today (Tuesday 12 March)", "has today (Friday February 16)", or "has
  today been moved ..." on a page whose own date line gives the day;
- entry-heading: "2 March 2017 - PEEL Report", a dated entry on a list of reports;
- month-published: "In March 2018, HMICFRS published ...": the month, said so;
- yesterday: a page dated to the day that says the inspector spoke or the report came out
  "yesterday" ("HM Inspector ... yesterday said:"): the day before the page's date;
- page-date: a page's own "Posted on", "date" or month line near its top, unless the page
  says the report came out, or the inspector spoke, "recently" or "last week" (a repost:
  the page's date is then only the latest the report can have come out, and no date is read);
- letter-date: a letter's "Sent on" line, or the date line of a letter.
A date without a year takes the page's own years, or failing those the year in which
that weekday fits the inspectorate's name then. A "Last updated" stamp, like a news
page's dateline, is never a publication date: it bounds it (published_by).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.extract.language import MONTH, MONTH_NAME, MONTHS, month_number
from briefing.extract.ruler import Reading, Ruler, whole_text
from briefing.model import PublicationDate

_MONTH = rf"(?P<month>{MONTH})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}\(?{_MONTH}\s+{_DAY}\)?{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    re.compile(r"\b(?P<dd>\d{1,2})/(?P<mm>\d{1,2})/(?P<yyyy>(?:19|20)\d\d)\b"),
]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LABEL = re.compile(r"\b(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication|date\s+published)\s*"
                   r"(?::\s*|[-\u2013]\s+|\n[-\u2022*\s]*(?=\d))|^\s*(?:-\s+)?published(?:\s+on)?\s*:?\s+(?=\w)",
                   re.IGNORECASE | re.MULTILINE)  # "Published on: 9 June 2023"; "- Date of publication" / "- 16 July 2021"
RELEASE = re.compile(r"(?:released|published|publishes|publish)(?:\s+(?:its|his|her|their|the)\s+(?:report|findings|"
                     r"inspection|assessment|letter)(?:\s+\w+){0,6}?)?(?:\s+by\s+[^.]{3,80}?)?\s+(?:on\s*:?\s*(?:the\s+)?|"
                     r"today\s*\(\s*)", re.IGNORECASE)
TODAY = re.compile(r"\btoday\s*\(\s*", re.IGNORECASE)
PAGE_DATE = re.compile(r"(?:^|\s|\b)(?:posted|dated|date)\s*(?:on)?\s*:?\s*", re.IGNORECASE)
SENT = re.compile(r"\bsent\s+on\s*:?\s*", re.IGNORECASE)
UPDATED = re.compile(r"last\s+updated\s*:?\s*", re.IGNORECASE)
ENTRY = re.compile(rf"^\s*(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d\d)\s*[-\u2013\u2014:]\s*(?=\w)"
                   rf"(?=.*\b(?:report|inspection|assessment|letter)\b)", re.IGNORECASE | re.MULTILINE)
TITLE_DATED = re.compile(rf"^(?=.*\b(?:report|inspection|assessment|review|letter)\b).{{10,200}}\((?P<date>\d{{1,2}}"
                         rf"(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d\d)\)\s*$", re.IGNORECASE)
MONTH_PUBLISHED = re.compile(rf"\bin\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d),?\s+(?:\w+\s+){{0,4}}?(?:published|released)\b",
                             re.IGNORECASE)


@dataclass(frozen=True)
class Published:
    year: int
    month: int | None = None
    day: int | None = None
    how: str = ""  # the rule that read it

    def parts(self) -> tuple[int, int | None, int | None]:
        return self.year, self.month, self.day


def _date(match: re.Match, years: list[int]) -> tuple[int, int, int] | None:
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


def dateline(lines: list[str]) -> tuple[int, int | None, int | None] | None:
    """The date a page bears on a line of its own near its top, a news page's dateline
    ("Jan 29, 2025", "Friday, 19th November 2021, 10:40 am", "09/04/2026"): when the page
    was written, not when the report it speaks of was published. "09/04/2026" is 9 April
    or 4 September: only its year is certain."""
    for text in lines[:DATELINE_LINES]:
        if len(text) > DATELINE_CHARS:
            continue  # a dateline is short; the clock pattern is not tried on a long line
        bare = CLOCK.sub("", text.strip()).strip(" ,|-")
        if not bare or len(bare) > 40:
            continue
        for form in DATE_FORMS:
            found = form.fullmatch(bare)
            if not found:
                continue
            if found.groupdict().get("dd") and found.group("dd") != found.group("mm") and int(found.group("dd")) <= 12:
                return int(found.group("yyyy")), None, None
            dated = _date(found, [])
            if dated:
                return dated
    return None


def _after(text: str, lead: re.Pattern, years: list[int]) -> tuple[int, int, int] | None:
    """The date straight after a lead ("Published on: ", "released on ")."""
    for match in lead.finditer(text):
        rest = text[match.end():match.end() + 40]
        for form in DATE_FORMS:
            found = form.match(rest)
            if found:
                return _date(found, years)
    return None


def _dated(found) -> list[Reading]:
    """A date rule's reading: the date it found, claiming no text (a page has one date)."""
    return [Reading((), (Published(*found),))] if found else []


@whole_text
def published_label(ctx):
    """ "Published on: 9 June 2023", "Publication date: 6th Jul 2017" (the first on the page)."""
    page = ctx.page
    for match in LABEL.finditer(page.top):
        rest = page.top[match.end():match.end() + 40].lstrip()
        for form in DATE_FORMS:
            found = form.match(rest)
            if found:
                yield from _dated(_date(found, page.years))
                return


@whole_text
def released(ctx):
    """ "published its report on Thursday 10 April", "published ... on Thursday (July 24)"."""
    yield from _dated(_after(ctx.page.top, RELEASE, ctx.page.years))


@whole_text
def today(ctx):
    """ "published today (Tuesday 12 March)"; "has today been moved" on a dated page."""
    page = ctx.page
    dated = _after(page.top, TODAY, page.years) or _after(page.top, TODAY, page.named)
    if not dated and re.search(r"\bhas\s+today\s+(?:been\s+)?\w+", page.top, re.IGNORECASE):
        dated = _page_date(page)
    yield from _dated(dated)


@whole_text
def entry_heading(ctx):
    """ "2 March 2017 - PEEL Report": a dated entry on a page that lists reports; or a
    report's heading with its date in brackets ("HMICFRS Inspection on Fraud (2 Apr 2019)")."""
    first = next((line for line in ctx.page.top_lines if line.strip()), "")
    found = ENTRY.search(ctx.page.top) or TITLE_DATED.match(first)
    for form in DATE_FORMS if found else ():
        match = form.match(found.group("date"))
        if match:
            yield from _dated(_date(match, ctx.page.years))
            return


@whole_text
def month_published(ctx):
    """ "In March 2018, HMICFRS published ...": the month only."""
    found = MONTH_PUBLISHED.search(ctx.page.top)
    yield from _dated((int(found.group("year")), month_number(found.group("month")), None) if found else None)


SPOKE = r"(?:said|says|published|publishes|released|reported|found|concluded|warned|praised|added)"
YESTERDAY = re.compile(rf"\byesterday\s+{SPOKE}\b|\b{SPOKE}\s+(?:\w+\s+){{0,5}}?yesterday\b", re.IGNORECASE)
RECENTLY = re.compile(rf"\b(?:recently|last\s+week|earlier\s+this\s+(?:week|month))\s+{SPOKE}\b"
                      rf"|\b{SPOKE}\s+(?:\w+\s+){{0,3}}?(?:recently|last\s+week|earlier\s+this\s+(?:week|month))\b",
                      re.IGNORECASE)


@whole_text
def yesterday(ctx):
    """ "HM Inspector ... yesterday said:" on a page dated to the day: the day before."""
    page = ctx.page
    dated = _page_date(page) if YESTERDAY.search(page.top) else None
    if dated and dated[2]:
        day = date(*dated) - timedelta(days=1)
        yield from _dated((day.year, day.month, day.day))


@whole_text
def page_date(ctx):
    """The page's own date: "Posted on 7 Dec 2023", a "date 2025-07-23" line, or a month
    line near its top; none where the page says the report came out "recently"."""
    if not RECENTLY.search(ctx.page.top):
        yield from _dated(_page_date(ctx.page))


# a page written before its report came out: its date bounds nothing
TO_COME = re.compile(r"\b(?:will|is\s+(?:due|expected|set)\s+to|are\s+(?:due|expected)\s+to)\s+(?:be\s+)?publish|"
                     r"\bdue\s+to\s+be\s+published\b|\bforthcoming\b", re.IGNORECASE)


def published_by(ctx) -> date | None:
    """The latest day the report can have come out, where the text gives no day of its own:
    the page's own date where it says the report came out "recently", the news page's
    dateline ("Jan 29, 2025" above "its latest report"), or the "Last updated" stamp of a
    page about one report. A page speaks of a report already out, so the report came out on or before each;
    the nearest is kept. It bounds the s.55 period, never gives its day; a page whose lead
    says the report is to come ("will publish") is not bounded by its own date."""
    repost = _repost(ctx)
    ahead = TO_COME.search("\n".join(ctx.page.top_lines[:DATELINE_LINES]))  # its lead says the report is to come
    days = [repost[1] if repost else None, *((dateline(ctx.page.top_lines), _last_updated(ctx.page)) if not ahead else ())]
    bounds = [date(*day) for day in days if day and day[1] and day[2]]
    return min(bounds) if bounds else None


PILLAR_QUESTION = re.compile(r"^how\s+(?:effective|efficient|legitimate)\b.*\?$", re.IGNORECASE | re.MULTILINE)


def _last_updated(page) -> tuple[int, int, int] | None:
    """The "Last updated" stamp of a page about one report. On a force's page of several
    pillars each section has its own stamp, and a section whose stamp the text does not
    reach (a page cut short) may be later: such a page's stamps bound nothing."""
    body = "\n".join(page.body)
    stamps = list(UPDATED.finditer(body))
    if len(stamps) != 1 or len(PILLAR_QUESTION.findall(body)) > 1:
        return None
    stamp = _after(body[stamps[0].start():stamps[0].end() + 40], UPDATED, page.years)
    return stamp if stamp and stamp[2] else None


def reposted(ctx) -> str:
    """What to tell the user where a dated page says the report came out "recently"."""
    found = _repost(ctx)
    if not found:
        return ""
    return (f"the page is dated {PublicationDate(*found[1])} but says the report came out earlier (\"{found[0]}\"), "
            "so its publication date is not read; set 'published' from the report")


def _repost(ctx) -> tuple[str, tuple] | None:
    """ "recently said" and the page's own date, where a dated page says so."""
    found = RECENTLY.search(ctx.page.top)
    dated = _page_date(ctx.page) if found else None
    return (found.group(0), dated) if dated else None


def _page_date(page):
    dated = _after(page.top, PAGE_DATE, page.years)
    if dated:
        return dated
    month_year = re.search(rf"^\s*({MONTH_NAME}) ((?:19|20)\d\d)\s*$", "\n".join(page.top_lines[:6]),
                           re.IGNORECASE | re.MULTILINE)
    return (int(month_year.group(2)), MONTHS[month_year.group(1).lower()], None) if month_year else None


@whole_text
def letter_date(ctx):
    """A letter's "Sent on" line, or its own date line below its heading."""
    page = ctx.page
    sent = _after(page.top, SENT, page.years)
    full = re.search(rf"^\s*(\d{{1,2}}) ({MONTH_NAME}) ((?:19|20)\d\d)\s*$", "\n".join(page.top_lines[:12]),
                     re.IGNORECASE | re.MULTILINE)
    if sent:
        yield from _dated(sent)
    elif full and re.search(r"\b(letter|dear)\b", page.top, re.IGNORECASE):
        yield from _dated((int(full.group(3)), MONTHS[full.group(2).lower()], int(full.group(1))))


DATE_RULES = Ruler([
    ("published-label", published_label),
    ("released", released),
    ("today", today),
    ("entry-heading", entry_heading),
    ("month-published", month_published),
    ("yesterday", yesterday),
    ("page-date", page_date),
    ("letter-date", letter_date),
], first=True)




def publication_date(ctx, rules: Ruler = DATE_RULES) -> tuple[Published | None, str]:
    """The publication date and, where none is read, a warning saying what the page does say (a
    "last updated" stamp, or that it came out "recently": a repost)."""
    found = rules.read(ctx).first
    if found:
        return found, ""
    page = ctx.page
    updated = _after(page.top, UPDATED, page.years)
    if updated:
        return None, (f"the page was last updated on {'-'.join(f'{p:02d}' for p in updated if p)}, which is not the "
                      "report's publication date; set 'published' from the report")
    return None, reposted(ctx)
