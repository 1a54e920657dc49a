"""A report's title as the text names it, by the first of these named rules that reads one
(never made up: a text whose report has no title it can be read from gets none):

- heading: an HMICFRS (or CJJI) publication or register page's first line; or the line
  above a publication-date label ("Published on:", "- Date of publication");
- subtitled: a title and its subtitle as a page's first two lines;
- report-link: the line after "Get the report" or "Get the letter" (press releases);
- prefixed: a first line that is the inspectorate's name or a response's and the title
  ("HMICFRS: A joint thematic inspection of ...", "Response to report on an unannounced
  inspection visit to police custody suites in Warwickshire");
- above: a letter's subject line above "in response to the above report";
- subject: a letter's subject line above "I am writing ... in response to";
- named: "the interim report: <title>", "the HMICFRS report, <title>, which ...", "the
  national report entitled <title>";
- response-to: "Commissioner's response to HMICFRS report: <title>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.dates import dateline
from briefing.extract.ruler import Reading, Ruler, whole_text
from briefing.reference import reference

DATE_LABEL = re.compile(r"^(?:[-\u2022*]\s*)?(?:published\s+on|publication\s+date|date\s+of\s+publication)\s*(?::|$)",
                        re.IGNORECASE)  # "Published on: 9 June 2023"; "- Date of publication" with the date below
GRADE_LINE = re.compile(r"^(?:outstanding|good|adequate|requires\s+improvement|inadequate|not\s+graded)$", re.IGNORECASE)
RESPONSE_TO = re.compile(r"\bresponse\s+to\s+(?:the\s+)?(?:hmicfrs|hmic)[’']?s?\s+(?:(?:thematic|national|joint)\s+)?"
                         r"(?:(?:report|letter|assessment)\s*(?:[:\u2013\u2014-]\s*|on\s+)?)?(?P<title>[A-Z\w][^.]{10,200})",
                         re.IGNORECASE)
PREFIXED = [
    re.compile(r"^(?:hmicfrs|hmic)(?:\s+(?:report|inspection))?\s*[:\u2013\u2014]\s*(?P<title>(?-i:[A-Z])\S*(?:\s+\S+){2,}.{0,180})$",
               re.IGNORECASE),
    re.compile(r"^(?:the\s+)?(?:(?:pcc|commissioner|mayor)['\u2019]?s?\s+)?response\s+to\s+(?:the\s+)?"
               r"(?P<title>(?:report|inspection)\s+(?:on|of|into)\s+.{10,200})$", re.IGNORECASE),
]
NAMED = [
    re.compile(r"\b(?:published|publishes)\s+(?:its|a|the)\s+(?:[\w-]+\s+){0,3}(?:report|inspection|review)[:,]\s+"
               r"(?P<title>(?:An?|The)\s+[A-Za-z][^.;]{10,160}?)(?=,\s+which\b|[.;]|$)"),
    re.compile(r"\b(?:interim|final)?\s*report[:,]\s+(?P<title>(?:The\s+|An?\s+|Inspection\s+)?[A-Z][^.;]{10,160}?)"
               r"(?=,\s+which\b|,\s+published\b|\s+published\b|[.;]|$)"),
    re.compile(r"\b(?:HMICFRS|HMIC)\s+report,?\s+(?P<title>[A-Z][\w\s:,'\u2019-]{10,160}?)(?=,\s+which\b|,?\s+published\b|\.)"),
    re.compile(r"\b(?:report|inspection)\s+(?:[‘'\u201c\"])(?P<title>[A-Z][^’'\u201d\"]{10,160})"),
    re.compile(r"\b(?:report|inspection|review),?\s+(?:entitled|titled|called)\s+[‘'\u201c\"](?P<title>[A-Z][^’'\u201d\"]{10,200})"
               r"[’'\u201d\"]"),
    re.compile(r"\b(?:report|inspection|review),?\s+(?:entitled|titled|called)\s+(?P<title>[A-Z][^.;\u201d\"]{10,200}?)"
               r"(?=,\s+(?:which|will|was|is|has|had|published|and)\b|[.;\u201d\"]|$)"),
]
LINK = re.compile(r"(?:get|read|download)\s+the\s+(?:full\s+)?(?:report|letter)s?\s*(?::\s*(?P<title>\S.*))?:?",
                  re.IGNORECASE)  # "Get the report", "Get the letter : <title>"
SPEECH = re.compile(r"\b(?:said|says|added|stated|commented|told|wrote)\b\W*$", re.IGNORECASE)  # "..., the PCC said:"
WRITING = re.compile(r"\b(?:I\s+am\s+writing|I\s+write)\b[^.]{0,120}\bresponse\b|^in\s+response\s+to\b", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    """A report's title as a title rule read it."""

    text: str
    how: str = ""


def _title(found: str):
    """The reading of a title found, or none."""
    return [Reading((), (Title(tidy(found)),))] if found else []


def tidy(text: str) -> str:
    """A title without its quotes, its closing stop or a trailing date ("... - March 2019")."""
    text = text.strip(" \u2018\u2019'\"\u201c\u201d:.,").strip()
    text = re.sub(r"\s+[-\u2013\u2014]\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
                  r"november|december)\s+)?(?:19|20)\d\d$", "", text, flags=re.IGNORECASE)
    return text[:1].upper() + text[1:]


@whole_text
def heading(ctx):
    """An HMICFRS (or CJJI) publication or register page's first line; or the line above a
    publication-date label (the one above that where it is a "by" line or a grade)."""
    page = ctx.page
    if re.search(r"justiceinspectorates\.gov\.uk/(?:hmicfrs/|hmic/|cjji/)?(?:publication|publications|peel-reports|"
                 r"inspections?|inspection-report|recommendation|\?recommendation)", page.address) and page.body:
        first = re.sub(r"\s*\(\d{3,}\)\s*$", "", page.body[0])  # a register entry's number
        if 12 < len(first) < 200 and not re.match(r"^\d{3}\b|^page not found", first, re.IGNORECASE):
            yield from _title(_joined([first, *page.body[1:]], 0))
            return
    if re.search(r"/news(?:-feed)?/", page.address):
        return  # a press release's headline is not the report's title
    for i, line in enumerate(page.body[1:12], start=1):
        if DATE_LABEL.match(line):
            above = i - 1
            while above and (GRADE_LINE.match(page.body[above]) or re.match(
                    r"^(?:an?\s+)?(?:joint\s+)?(?:inspection|report|review)\s+by\b", page.body[above], re.IGNORECASE)):
                above -= 1
            if not page.body[above].endswith("."):  # a sentence above the date is the page's text, not a title
                yield from _title(_joined(page.body, above))
            return


@whole_text
def subtitled(ctx):
    """A title and its subtitle as a page's first two lines ("Disproportionate use of police
    powers" / "A spotlight on stop and search and the use of force")."""
    body = ctx.page.body
    if len(body) > 1 and _joined(body, 0) != body[0]:
        yield from _title(_joined(body, 0))


def _joined(lines: list[str], index: int) -> str:
    """A title and its subtitle on the next line ("The police response to domestic abuse" /
    "An update report")."""
    title = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else ""
    if re.match(r"^(?:A|An)\s+(?:[\w-]+\s+){0,2}?(?:spotlight|inspection|review|joint|thematic|report|update)\b", after) \
            and len(after) < 160 and not title.endswith((".", ":")) and not re.search(r"\bby\s+(?:HM|the\s+inspectorate)",
                                                                                       after):
        return f"{title}: {after}"
    return title


@whole_text
def report_link(ctx):
    """ "Get the report" (or "the letter") and, on the next line or after a colon, its title."""
    body = ctx.page.body
    for i, line in enumerate(body[:20]):
        link = LINK.fullmatch(line)
        title = link.group("title") if link and link.group("title") else body[i + 1] if link and i + 1 < len(body) else ""
        if 12 < len(title) < 200:
            yield from _title(title)
            return


@whole_text
def prefixed(ctx):
    """ "HMICFRS: <title>" or "Response to report on ..." as the page's first line."""
    first = ctx.page.body[0] if ctx.page.body else ""
    for pattern in PREFIXED:
        found = pattern.match(first)
        if found:
            yield from _title(found.group("title"))
            return


@whole_text
def above(ctx):
    """A letter's subject line: the heading just above "in response to the above report"."""
    body = ctx.page.body
    for i, line in enumerate(body[:20]):
        if re.search(r"\b(?:the|this)\s+above\s+(?:hmicfrs\s+|hmic\s+)?(?:report|inspection|letter)\b", line, re.IGNORECASE):
            for before in reversed(body[max(0, i - 3):i]):
                if 12 < len(before) < 200 and not before.endswith(".") and not re.search(r"\d{4}$|^dear\b", before,
                                                                                       re.IGNORECASE):
                    prefix = RESPONSE_TO.search(before)  # "Commissioner's response to HMICFRS report: <title>"
                    yield from _title(prefix.group("title") if prefix else before)
                    return


@whole_text
def subject(ctx):
    """A letter's subject line, just above "I am writing to you in response to ...",
    below the addresses and the date."""
    body = ctx.page.body
    for i, line in enumerate(body[1:25], start=1):
        if WRITING.search(line):
            before = body[i - 1]
            head = all(len(text) < 200 for text in body[:i])  # still the letter's head: addresses, the date
            if head and 12 < len(before) < 200 and not before.endswith((".", ",")) and not dateline([before]) \
                    and not re.match(r"^(?:dear\b|\d+[.)]\s)", before, re.IGNORECASE):
                yield from _title(before)
            return


@whole_text
def named(ctx):
    """A title the text names in a sentence: "welcomed the interim report: <title>"."""
    for line in ctx.page.body[:12]:
        for pattern in NAMED:
            found = pattern.search(line)
            if found and len(found.group("title").split()) >= 3 and not SPEECH.search(found.group("title")):
                yield from _title(found.group("title"))
                return


@whole_text
def response_to(ctx):
    """ "Commissioner's response to HMICFRS report: <title>" in the first lines."""
    for line in ctx.page.body[:4]:
        found = RESPONSE_TO.search(line)
        if found and not re.match(r"^(?:the|this|that)\s+(?:above|report)\b|^(?:report|letter|assessment|inspection)\s+"
                                  r"(?:is|was|are|were|has|have|will|can|below)\b", found.group("title"), re.IGNORECASE):
            yield from _title(found.group("title"))
            return


TITLE_RULES = Ruler([("heading", heading), ("subtitled", subtitled), ("report-link", report_link),
                     ("prefixed", prefixed), ("above", above), ("subject", subject), ("named", named),
                     ("response-to", response_to)], first=True)


def title_of(ctx, rules: Ruler = TITLE_RULES) -> tuple[str, str]:
    """The report's title and the rule that read it, or ("", "")."""
    found = rules.read(ctx).first
    return (found.text, found.how) if found else ("", "")


OTHER_PROGRAMME = re.compile(r"\bfire\s+(?:and|&)\s+rescue\b|\bconsult(?:ation|ing)\b", re.IGNORECASE)  # a site's banner


# a line that names a report, not a headline about one ("West Yorkshire Police elated by 'best ever'
# inspection report", "PEEL report finds Kent Police ..."): the inspection's name, or PEEL and a year
REPORT_NAME = re.compile(r"^(?:(?:HMICFRS|HMIC)\s*:?\s+)?(?:PEEL\b.*\b(?:19|20)\d\d|(?:An?\s+)?inspection\s+(?:of|into)\s+\S)"
                         r"|^[A-Z][\w&'\u2019 -]{2,40}\s+PEEL\s+(?:19|20)\d\d", re.IGNORECASE)
# "The 2021/22 PEEL report for Bedfordshire Police": a page's own line naming the report and the force
REPORT_FOR = re.compile(r"^(?:the\s+)?(?:(?:19|20)\d\d(?:[/-]\d{2,4})?\s+)?PEEL\s+(?:report|assessment|inspection)\s+"
                        r"(?:for|of|on|into)\s+\S", re.IGNORECASE)
INSPECTION_OF = re.compile(r"\b[Ii]nspection of\s+(?:the\s+)?[A-Z]")  # a name after "of", not a cut line ending in it


def peel_title(page, cycle, force: str) -> str:
    """A PEEL report's own title ("PEEL 2023-2025: An inspection of X Police", "The 2021/22
    PEEL report for X Police"), else the cycle settled and the force ("PEEL 2021/22: Kent
    Police"); with no cycle settled, none is named ("PEEL inspection: Kent Police"), never a
    cycle the text may not be about, a news headline, or a line the text is cut off in."""
    place = re.sub(r"\s+(?:police|constabulary|police service)$", "", force, flags=re.IGNORECASE)
    lines = [line.strip("# *").strip() for line in page.top_lines[:39]]  # the first 40 lines, the address among them
    if len(page.top_lines) < 39 and lines and (not force or force.lower() not in lines[-1].lower()):
        lines = lines[:-1]  # the text ends within them: its last line may be cut ("Inspection of Lincolnshire ")
    names = place and place.lower()
    for text in lines:
        if REPORT_FOR.match(text) and names in text.lower() and len(text) < 140:
            return text.rstrip(".")
    for text in lines:
        if INSPECTION_OF.search(text) and len(text) < 140 and not text.endswith("."):
            return text
    headings = [t for t in lines if 15 < len(t) < 140 and not t.endswith((".", ":", "?")) and "://" not in t]
    for text in headings:  # "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 - Gwent Police"
        if re.match(r"PEEL\b.*\d{4}", text) and place and names in text.lower():
            return text  # naming the force: not a newsletter's headline ("PEEL REPORT 2023-25 Forcewide improvement ...")
    for text in lines[:14]:
        if text in headings and REPORT_NAME.search(text) and not OTHER_PROGRAMME.search(text):
            return text  # a heading naming the inspection, not a sentence, an address or a site's banner
    name = cycle.name if cycle else "PEEL inspection"
    return f"{name}: {force}" if force else name


def monitoring_title(force: str, monitoring) -> str:
    """A monitoring letter's or page's title as a reader gives it, for one that has none of its
    own: the move it states, in the pack's words for it (data/wording.yaml), with the date the
    text gives the move ("West Midlands Police was moved into Engage, HMICFRS's enhanced
    monitoring, in June 2022"); none where it states no move of the force."""
    move = next((m for m in monitoring if m.event in ("entered", "left")), None)
    if move is None or not force:
        return ""
    when = move.date if move.date is not None and move.date.known else None
    dated = f" {'on' if when.exact else 'in'} {when}" if when else ""
    return f"{force} " + reference().wording["monitoring"][f"{move.stage}-{move.event}"].format(when=dated).rstrip(",")
