"""A PCC's published s.55 response read as a source: who gave it and on what day.

The register needs the response's own date (did it come within the 56 days?), which is
not the report's publication date the same page also gives. Only a page that reads as a
response (a PCC page that says "response", "section 55" or "in response to") is asked,
by the first of these named rules that finds a date:

- sent-letter: "sent the following letter to Home Secretary ... on 8 March 2019";
- dated-label: "Dated: 5 May 2024", "Date of response: 5 May 2024";
- date-line: a line that is only a full date ("23 January 2023", "27th August 2015") near
  the top of the page, above the body of the letter;
A page with no such date gives a response with no date: the register then knows a
response exists but cannot say when it came.

A page that is not the response but links it ("Read the response from the PCC to the Home
Secretary on HMIC Effectiveness Inspection") gives that line (response_link): the response
was published, though no copy is on file, so the register asks for its date rather than
implying none was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.extract.language import MONTH, month_number
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import Reading, Ruler, whole_text
from briefing.extract.text import lines_holding
from briefing.places import Place
from briefing.statements import Quote, Response

RESPONSE_WORDS = re.compile(
    r"\b(?:(?:pcc|commissioner)(?:['\u2019]s?)?\s+(?:formal\s+)?response\b|response\s+to\s+(?:the\s+)?(?:hmicfrs|hmic|"
    r"report|inspection|letter)\b|in\s+response\s+to\b|section\s+55\b|s\.?\s?55\b|statutory\s+response\b|"
    r"provid\w+\s+the\s+following\s+response\b|formal\s+response\b)", re.IGNORECASE)
ASKED = re.compile(r"\b(?:asked|invited|requested)\s+the\s+chief\s+constable(?:['\u2019]s)?\s+(?:to\s+comment|for\s+"
                   r"(?:a\s+)?(?:response|comments?|view))|\bcommenting\s+on\s+the\s+(?:hmicfrs|hmic)\s+report", re.IGNORECASE)
BODY = re.compile(r"police\s*(?:,\s*fire\s+)?(?:and|&)\s*crime\s+commissioner|\bpcc\b|commissioner[\u2019']s\s+response|"
                  r"commissioners-response|local\s+policing\s+body|\bmayor\b|\bmopac\b|\bpfcc\b", re.IGNORECASE)
FULL_DATE = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)"
SENT_LETTER = re.compile(rf"\bsent\s+(?:the\s+following\s+|this\s+|a\s+)?letter\b[^.]{{0,120}}?\bon\s+(?:the\s+)?{FULL_DATE}",
                         re.IGNORECASE)
DATED = re.compile(rf"^\s*(?:dated|date\s+of\s+(?:the\s+)?(?:response|letter))\s*:?\s*{FULL_DATE}", re.IGNORECASE | re.MULTILINE)
DATE_LINE = re.compile(rf"^\s*{FULL_DATE}\s*$", re.IGNORECASE)
BY = re.compile(r"(?:(?:[A-Z][\w\u2019'.-]+,?\s+){0,5}(?:the\s+)?Police(?:,\s+Fire)?\s+(?:and|&)\s+Crime\s+Commissioner"
                r"(?:\s+for\s+[A-Z][\w-]+(?:\s+\([^)]{3,40}\))?)?)|\bthe\s+Commissioner\b|\bMayor\s+of\s+[A-Z]\w+")
TOP_LINES = 15
LINK = re.compile(r"^\W*(?:read|view|download|see|click\s+here\s+(?:to|for))\s+(?:(?:the|our|a|my)\s+)?"
                  r"(?:[\w\u2019'-]+\s+){0,6}?response\b", re.IGNORECASE)  # "Read the PCC's response to ..."
LINK_WORDS = 30  # a link is a line of its own, not a sentence of prose that mentions a response


def _day(match: re.Match) -> date | None:
    try:
        return date(int(match.group("year")), month_number(match.group("month")), int(match.group("day")))
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class Dated:
    """A response's own date, and the line that gives it."""

    day: date
    line: SourceLine
    how: str = ""


def _dated(ctx, find):
    """The first of the page's top lines where `find` finds a full date: the response's own."""
    for line in [line for line in ctx.source if not line.text.lower().startswith("source:")][:TOP_LINES]:
        found = find(line.text)
        day = _day(found) if found else None
        if day:
            yield Reading((), (Dated(day, line),))
            return


@whole_text
def sent_letter(ctx):
    """ "sent the following letter to Home Secretary Sajid Javid on 8 March 2019"."""
    yield from _dated(ctx, SENT_LETTER.search)


@whole_text
def dated_label(ctx):
    """ "Dated: 5 May 2024", "Date of response: 5 May 2024"."""
    yield from _dated(ctx, DATED.search)


@whole_text
def date_line(ctx):
    """A line that is only a full date near the top: a letter's date."""
    yield from _dated(ctx, DATE_LINE.match)


RESPONSE_RULES = Ruler([("sent-letter", sent_letter), ("dated-label", dated_label), ("date-line", date_line)], first=True)


def is_response(lines: list[SourceLine], source_kind: str) -> bool:
    """A local policing body's page that answers one report: response words in its top
    lines or its address ("/statutory-response/"), the body named (a force's own "response
    to the report" is not the s.55 response), and not an index of "reports and responses"."""
    if source_kind != "pcc-page":
        return False
    address = next((line.text for line in lines[:3] if line.text.lower().startswith("source:")), "")
    body = [line.text for line in lines if not line.text.lower().startswith("source:")]
    top = "\n".join(body[:TOP_LINES])
    heading = next((text for text in body if text.strip()), "")
    if re.search(r"\bresponses\b", heading, re.IGNORECASE):
        return False
    said = RESPONSE_WORDS.search(top) or re.search(r"response", address, re.IGNORECASE) or ASKED.search(top)
    return bool(said and BODY.search(top + " " + address))


def response_of(ctx, source_kind: str, rules: Ruler = RESPONSE_RULES) -> Response | None:
    """The response this page is, with its date where a rule finds one; None if the page is
    not a response."""
    if not is_response(ctx.source, source_kind):
        return None
    lines = [line for line in ctx.source if not line.text.lower().startswith("source:")]
    found = rules.read(ctx).first
    if found:
        return Response(_by(lines), found.day, Place(line=found.line.line), how=found.how)
    return Response(_by(lines), None, Place())


def response_link(lines: list[SourceLine]) -> Quote | None:
    """The first line that is a link to the local policing body's published response: the
    link's words ("Read ... response"), the body named in it (a force's own response is not
    the s.55 one), and short enough to be a link rather than prose. Else, where the page is
    itself the body's statement on the report, the words that say so (how "pcc-statement")."""
    for index in lines_holding([line.text for line in lines], ("response",)):  # the word a link needs, found at once
        line = lines[index]
        text = " ".join(line.text.split())
        if len(text.split()) <= LINK_WORDS and LINK.search(text) and BODY.search(text):
            return Quote(text, line.place, how="response-link")
    return pcc_statement(lines)


# "Police Commissioner responds to HMICFRS PEEL assessment of ...", "Roger Hirst, Police, Fire and
# Crime Commissioner for Essex, has reflected on the ... (PEEL) report": the body's own words on the
# report, which may be its s.55 response or come before it; else its address says so
STATEMENT = re.compile(
    r"\b(?:Police(?:,\s+Fire)?\s+(?:and|&)\s+Crime\s+Commissioner|Police\s+Commissioner|PF?CC|Commissioner|Mayor)"
    r"\b[^.\n]{0,80}?\b(?:responds|responded|has\s+responded|reacts|has\s+reacted|reflects|has\s+reflected|welcomes|"
    r"has\s+welcomed)\s+(?:to\s+|on\s+)?(?:the\s+)?[^.\n]{0,80}?\b(?:HMICFRS|HMIC|PEEL)\b")
STATEMENT_ADDRESS = re.compile(r"/(?:pf?cc|commissioner|police-commissioner|mayor)[\w-]*-(?:responds|reacts|reflects|"
                               r"welcomes)-(?:to|on)-[\w-]*?(?:hmicfrs|hmic|peel)\b")
STATEMENT_LINES = 8  # the address, the title and the opening sentence: a statement says what it is at once


def pcc_statement(lines: list[SourceLine]) -> Quote | None:
    """The words by which a page says it is the local policing body's own statement on the
    report (its title or opening sentence, else its address): a pack using it as the report's
    source then says so beside "no response on file", and asks whether it is the s.55
    response (review 8, item 7; review 11, item 6)."""
    for pattern in (STATEMENT, STATEMENT_ADDRESS):
        for line in lines[:STATEMENT_LINES]:
            found = pattern.search(line.text)
            if found:
                return Quote(_said(line.text, found), line.place, how="pcc-statement")
    return None


def _said(text: str, found: re.Match) -> str:
    """The statement's words from where they say what the page is to the end of the sentence,
    cut at a word and marked where long: never a half-open "(PEEL"."""
    if found.re is STATEMENT_ADDRESS:
        return found.group(0).lstrip("/")
    end = text.find(". ", found.end())
    said = " ".join(text[found.start():end if end >= 0 else None].split()).rstrip(".")
    return said if len(said) <= QUOTED else said[:QUOTED].rsplit(" ", 1)[0] + "\u2026"


QUOTED = 120  # the characters of a statement's words quoted beside "no response on file"


def _by(lines: list[SourceLine]) -> str:
    for line in lines[:60]:
        found = BY.search(line.text)
        if found:
            return re.sub(r"^(?:As|I|My|We|The\s+(?=[A-Z]\w+\s+Police))\s+", "", " ".join(found.group(0).split())).rstrip(",")
    return ""
