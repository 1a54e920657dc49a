"""When the report was published: only where a text states it as such, by the first of
these named rules that finds it.

- published-label: "Published on: 9 June 2023", "Publication date: 6th Jul 2017"; the
  first such label on the page (a later one belongs to a report the page links to);
- released: "published its report on Thursday 10 April", "released on ...";
- today: "published today (Tuesday 12 March)", "has today (Friday February 16)", or "has
  today been moved ..." on a page whose own date line gives the day;
- entry-heading: "2 March 2017 - PEEL Report", a dated entry on a list of reports;
- yesterday: a page dated to the day that says the inspector spoke or the report came out
  "yesterday" ("HM Inspector ... yesterday said:", "a damning PEEL report from HMICFRS
  yesterday"): the day before the dateline of the article that says it (a saved page may
  hold two articles, each under its own "SOURCE:" line); tried before the month a page
  may also give;
- month-published: "In March 2018, HMICFRS published ...": the month, said so;
- page-date: the inspectorate's own page's "Posted on", "date" or month line near its top,
  unless the page says the report came out, or the inspector spoke, "recently" or "last
  week". Anyone else's page (a news article, a repost of the press release, a force's or
  PCC's page) bears the day its words were written: that only bounds the report's day
  (published_by), unless its own words say the report came out "today" (today);
- letter-date: a letter's "Sent on" line, or the date line of a letter: typed "sent", the
  day the letter went, its publication date not stated.
A date without a year takes the page's own years, or failing those the year in which
that weekday fits the inspectorate's name then. A "Last updated" stamp, like a news
page's dateline, is never a publication date: it bounds it (published_by). A date a
sentence gives for another report ("the State of Policing report, published on ...") is
that report's, never the one read (published_whose.report_tied, checked once the report's
type is known: for_report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.extract import published_whose as whose
from briefing.extract.context import is_source
from briefing.extract.date_bounds import RECENTLY, SPOKE, UPDATED, dated_page, published_by, reposted
from briefing.extract.date_forms import (
    DATE_FORMS,
    MONTH_GROUP,
    date_after,
    date_after_at,
    date_of,
    dateline,
    page_date_of,
)
from briefing.extract.language import MONTH_NAME, MONTHS, month_number
from briefing.extract.ruler import Reading, Ruler, whole_text
from briefing.places import PublicationDate

TOP_LINES = 80  # the lines a page's date is read from (context.Page.top)

_date = date_of  # the name extract.monitoring imports it by
__all__ = ["DATE_FORMS", "DATE_RULES", "Published", "dateline", "for_report", "publication_date", "published_by"]

LABEL = re.compile(r"\b(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication|date\s+published)\s*"
                   r"(?::\s*|[-\u2013]\s+|\n[-\u2022*\s]*(?=\d))|^\s*(?:-\s+)?published(?:\s+on)?\s*:?\s+(?=\w)",
                   re.IGNORECASE | re.MULTILINE)  # "Published on: 9 June 2023"; "- Date of publication" / "- 16 July 2021"
RELEASE = re.compile(r"(?:released|published|publishes|publish)(?:\s+(?:its|his|her|their|the)\s+(?:report|findings|"
                     r"inspection|assessment|letter)(?:\s+\w+){0,6}?)?(?:\s+by\s+[^.]{3,80}?)?\s+(?:on\s*:?\s*(?:the\s+)?|"
                     r"today\s*\(\s*)", re.IGNORECASE)
# a press release's note to editors: "The ... report will be published on the HMICFRS website at 00:01 on Friday
# 25 November 2022" (the day is the report's, whoever reposts the note)
EMBARGO = re.compile(r"\bwill\s+be\s+(?:published|released)\s+(?:on\s+(?:the\s+)?[\w&'\u2019-]+(?:\s+[\w&'\u2019-]+){0,3}?\s+"
                     r"(?:website|site)\s+)?(?:at\s+\d{1,2}[:.]\d{2}\s+)?on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
                     re.IGNORECASE)
TODAY = re.compile(r"\btoday\s*\(\s*", re.IGNORECASE)
SENT = re.compile(r"\bsent\s+on\s*:?\s*", re.IGNORECASE)
ENTRY = re.compile(rf"^\s*(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_GROUP}\s+(?:19|20)\d\d)"
                   rf"\s*[-\u2013\u2014:]\s*(?=\w)(?=.*\b(?:report|inspection|assessment|letter)\b)",
                   re.IGNORECASE | re.MULTILINE)
TITLE_DATED = re.compile(rf"^(?=.*\b(?:report|inspection|assessment|review|letter)\b).{{10,200}}\((?P<date>\d{{1,2}}"
                         rf"(?:st|nd|rd|th)?\s+{MONTH_GROUP}\s+(?:19|20)\d\d)\)\s*$", re.IGNORECASE)
MONTH_PUBLISHED = re.compile(rf"\bin\s+{MONTH_GROUP}\s+(?P<year>(?:19|20)\d\d),?\s+"
                             rf"(?:\w+\s+){{0,4}}?(?:published|released)\b", re.IGNORECASE)
WAS_PUBLISHED_IN = re.compile(rf"\b(?:was|were)\s+(?:first\s+)?(?:published|released)\s+in\s+{MONTH_GROUP}\s+"
                              rf"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)  # "The report ... was published in February 2022"


@dataclass(frozen=True)
class Published:
    year: int
    month: int | None = None
    day: int | None = None
    how: str = ""  # the rule that read it
    tied: str = ""  # the type of report its sentence names ("other" for the State of Policing), if any
    tied_name: str = ""  # that report as the sentence names it
    kind: str = "published"  # what the day is: "sent" for a letter's "Sent on" or date line (places.PublicationDate)

    def parts(self) -> tuple[int, int | None, int | None]:
        return self.year, self.month, self.day


def _dated(found, tie: tuple[str, str] = ("", ""), kind: str = "published") -> list[Reading]:
    """A date rule's reading: the date it found, claiming no text (a page has one date),
    with the report its sentence ties it to and what the day is (published, or sent)."""
    return [Reading((), (Published(*found, tied=tie[0], tied_name=tie[1], kind=kind),))] if found else []


def _tied_after(text: str, lead: re.Pattern, years: list[int]) -> list[Reading]:
    """The date after a lead, with the report its sentence names."""
    found = date_after_at(text, lead, years)
    return _dated(found[0], whose.report_tied(text, found[1])) if found and found[0] else []


@whole_text
def published_label(ctx):
    """ "Published on: 9 June 2023", "Publication date: 6th Jul 2017" (the first on the page)."""
    page = ctx.page
    for match in LABEL.finditer(page.top):
        rest = page.top[match.end():match.end() + 40].lstrip()
        for form in DATE_FORMS:
            found = form.match(rest)
            if found:
                yield from _dated(date_of(found, page.years))
                return


@whole_text
def released(ctx):
    """ "published its report on Thursday 10 April", "published ... on Thursday (July 24)"."""
    yield from _tied_after(ctx.page.top, RELEASE, ctx.page.years)


@whole_text
def embargo(ctx):
    """ "The Humberside Police PEEL 2021/22 report ... will be published on the HMICFRS website
    at 00:01 on Friday 25 November 2022": a note to editors gives the report's own day."""
    yield from _tied_after(ctx.page.top, EMBARGO, ctx.page.years)


TODAY_ON_PAGE = re.compile(r"\bhas\s+today\s+(?:been\s+)?\w+|\b(?:published|released|issued)\s+today\b(?!\s*\()",
                           re.IGNORECASE)


@whole_text
def today(ctx):
    """ "published today (Tuesday 12 March)"; "has today been moved", "have also been
    published today" on a dated page: its own words tie the day to the page's date."""
    page = ctx.page
    for years in (page.years, page.named):
        found = _tied_after(page.top, TODAY, years)
        if found:
            yield from found
            return
    said = TODAY_ON_PAGE.search(page.top)
    if said:
        yield from _dated(page_date_of(page), whose.report_tied(page.top, said.start()))


@whole_text
def entry_heading(ctx):
    """ "2 March 2017 - PEEL Report": a dated entry on a page that lists reports; or a
    report's heading with its date in brackets ("HMICFRS Inspection on Fraud (2 Apr 2019)")."""
    first = next((line for line in ctx.page.top_lines if line.strip()), "")
    found = ENTRY.search(ctx.page.top) or TITLE_DATED.match(first)
    for form in DATE_FORMS if found else ():
        match = form.match(found.group("date"))
        if match:
            yield from _dated(date_of(match, ctx.page.years))
            return


@whole_text
def month_published(ctx):
    """ "In March 2018, HMICFRS published ...", "The report ... was published in February
    2022": the month only."""
    top = ctx.page.top
    found = min((m for m in (MONTH_PUBLISHED.search(top), _report_was_published(top)) if m),
                key=lambda m: m.start(), default=None)
    if found:
        yield from _dated((int(found.group("year")), month_number(found.group("month")), None),
                          whose.report_tied(ctx.page.top, found.start()))


def _report_was_published(top: str) -> re.Match | None:
    """ "... was published in February 2022" where what was published is a report: its
    sentence names one before the verb (a force's plan published that month dates nothing),
    and not an earlier one ("our last report on custody was published in March 2019")."""
    for found in WAS_PUBLISHED_IN.finditer(top):
        sentence = re.split(r"[.!?]\s", top[max(0, found.start() - 300):found.start()])[-1]
        if REPORT_NOUN.search(sentence) and not EARLIER_REPORT.search(sentence):
            return found
    return None


REPORT_NOUN = re.compile(r"\b(?:report|inspection|assessment)\b", re.IGNORECASE)
EARLIER_REPORT = re.compile(r"\b(?:previous|earlier|last|prior|former|initial|original|first|preceding)\b",
                            re.IGNORECASE)  # "The previous inspection report was published in March 2019"
YESTERDAY = re.compile(rf"\byesterday\s+{SPOKE}\b|\b{SPOKE}\s+(?:\w+\s+){{0,5}}?yesterday\b", re.IGNORECASE)
# the report itself came out yesterday: "a damning ... (PEEL) report from His Majesty's Inspectorate ... (HMICFRS)
# yesterday", "the report published yesterday"; not what someone did with it ("discussed the report yesterday")
REPORT_YESTERDAY = re.compile(r"\breport\b(?:,?\s+(?:was\s+)?(?:published|released|issued|out))?(?:\s+(?:from|by)\s+"
                              r"(?=[^.;:!?\n]{0,140}?\b(?:HMICFRS|HMIC|Inspectorate|Inspector)\b)[^.;:!?\n]{2,140}?)?,?\s+"
                              r"yesterday\b", re.IGNORECASE)
HANDLED = re.compile(r"\b(?:received|discussed|considered|read|reviewed|debated|presented|scrutinised|scrutinized|"
                     r"welcomed|responded\s+to)\s+(?:\w+\s+){0,8}$", re.IGNORECASE)  # what someone did with the report


@whole_text
def yesterday(ctx):
    """ "HM Inspector ... yesterday said:", or "a ... PEEL report from HMICFRS yesterday",
    under the dateline of the article that says it (the nearest above, in the same article:
    a page may hold two), or a one-article page's own date: the day before. Not on a repost
    of the inspectorate's press release: the day counted back from the copy's date is not a
    day the release states for the report; the copy's date bounds it (published_by)."""
    if whose.repost(ctx.page):
        return
    articles = _articles(ctx.source)
    for article in articles:
        text = "\n".join(line.text for line in article)
        found = YESTERDAY.search(text) or _came_out_yesterday(text)
        if not found:
            continue
        dated = dateline(text[:found.start()].split("\n")) or (page_date_of(ctx.page) if len(articles) == 1 else None)
        if dated and dated[2]:  # else another article may say it under a dateline of its own
            day = date(*dated) - timedelta(days=1)
            yield from _dated((day.year, day.month, day.day), whose.report_tied(text, found.start()))
            return


def _came_out_yesterday(text: str) -> re.Match | None:
    """ "... (PEEL) report from HMICFRS yesterday": the report's own coming out, not what
    someone did with it yesterday."""
    for found in REPORT_YESTERDAY.finditer(text):
        before = re.split(r"[.!?]\s|\n", text[max(0, found.start() - 200):found.start()])[-1]
        if not HANDLED.search(before):
            return found
    return None


def _articles(lines) -> list[list]:
    """The page's lines (its first 80) as the articles it holds: a page saved from two
    sites has a "SOURCE:" line at the head of each."""
    out: list[list] = [[]]
    for line in lines[:TOP_LINES]:
        if is_source(line):
            if out[-1]:
                out.append([])
            continue
        out[-1].append(line)
    return out


@whole_text
def page_date(ctx):
    """The inspectorate's own page's date: "Posted on 7 Dec 2023", a "date 2025-07-23"
    line, or a month line near its top; none where the page says the report came out
    "recently". Another's page's date bounds the report's (published_by)."""
    if whose.inspectorates_page(ctx.page) and not RECENTLY.search(ctx.page.top):
        yield from _dated(page_date_of(ctx.page))


@whole_text
def letter_date(ctx):
    """A letter's "Sent on" line, or its own date line below its heading: the day it was
    sent, typed so ("sent"), since the text does not say it was published that day."""
    page = ctx.page
    sent = date_after(page.top, SENT, page.years)
    full = re.search(rf"^\s*(\d{{1,2}}) ({MONTH_NAME}) ((?:19|20)\d\d)\s*$", "\n".join(page.top_lines[:12]),
                     re.IGNORECASE | re.MULTILINE)
    if sent:
        yield from _dated(sent, kind="sent")
    elif full and re.search(r"\b(letter|dear)\b", page.top, re.IGNORECASE):
        yield from _dated((int(full.group(3)), MONTHS[full.group(2).lower()], int(full.group(1))), kind="sent")


DATE_RULES = Ruler([
    ("published-label", published_label),
    ("released", released),
    ("embargo", embargo),
    ("today", today),
    ("entry-heading", entry_heading),
    ("yesterday", yesterday),  # a day, before the month a page may also give ("published in December 2023")
    ("month-published", month_published),
    ("page-date", page_date),
    ("letter-date", letter_date),
], first=True)


def publication_date(ctx, rules: Ruler = DATE_RULES) -> tuple[Published | None, str]:
    """The publication date and, where none is read, a warning saying what the page does say (a
    "last updated" stamp, that it came out "recently": a repost, or another's page's own date)."""
    found = rules.read(ctx).first
    if found:
        return found, ""
    page = ctx.page
    updated = date_after(page.top, UPDATED, page.years)
    if updated:
        return None, (f"the page was last updated on {'-'.join(f'{p:02d}' for p in updated if p)}, which is not the "
                      "report's publication date; set 'published' from the report")
    return None, reposted(ctx) or dated_page(page)


def for_report(found: Published | None, kind: str) -> tuple[Published | None, str]:
    """The date read, unless its sentence gives it for another report than the one read
    (of type `kind`): then none, and a warning naming that report."""
    if not found or not whose.of_another_report(found.tied, kind):
        return found, ""
    return None, (f"the date read ({PublicationDate(*found.parts())}) is that of {found.tied_name}, not of this "
                  "report; set 'published' from the report")
