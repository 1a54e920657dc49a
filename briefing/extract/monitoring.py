"""Where the force stands in HMICFRS's monitoring, as the text states it: moved into
enhanced monitoring (Engage), removed from it, returned to routine monitoring (Scan), or
still in Engage; with the date the sentence gives. Read by these named rules, one
sentence at a time:

- entered: "Staffordshire Police was moved into Engage in June 2022", "On 24 June 2022, we
  decided to place the force into our enhanced level of monitoring", "the constabulary
  entered the 'engage' phase in December 2021";
- left: "has been removed from enhanced monitoring", "was moved out of Engage in May 2024",
  "the force's removal from the Engage process";
- returned: "to return Staffordshire Police to our default level of monitoring, which is
  known as 'scan'", "returned to routine monitoring";
- remains: "Cleveland Police remains in the inspectorate's enhanced monitoring stage";
- labelled: a label over its date, each alone on its line ("Moved out of Engage" /
  "September 2023"), about the force the page or its part is about.

What is never read: how monitoring works ("All police forces are in routine monitoring
under the Scan stage by default, but may be escalated ..."), what a force should aim for
("moves out of 'engage status' as soon as possible"), another force's stage, and "engage"
as a verb ("engage with communities"). An accelerated cause of concern is a finding, read
with the findings: by itself it says nothing of the stage. A text that says nothing of
monitoring gives nothing: its absence is "not stated", never "Scan".
"""

from __future__ import annotations

import re

from briefing.extract.about import About
from briefing.extract.dates import DATE_FORMS, _date
from briefing.extract.language import MONTH_NAME, month_number
from briefing.extract.needs import needs
from briefing.extract.ruler import Reading, Ruler, Span, Unique
from briefing.places import PublicationDate
from briefing.statements import Monitoring

ENGAGE = r"(?:(?:the\s+|our\s+|its\s+|an?\s+)?(?:inspectorate['\u2019]s\s+|hmicfrs\s+)?(?:\W?engage\W?(?:\s+(?:phase|stage|status|" \
         r"process|monitoring\s+process))?|enhanced\s+(?:level\s+of\s+)?monitoring(?:\s+(?:stage|process|phase))?))"
SCAN = r"(?:(?:our|the|its)\s+)?(?:default|routine|normal)\s+(?:level\s+of\s+|phase\s+of\s+|stage\s+of\s+)?monitoring|\W?scan\W?"
STATEMENTS = {
    "entered": re.compile(rf"\b(?:moved|placed|put|escalated|moving|placing)\s+(?:[\w'\u2019]+\s+){{0,4}}?(?:in|into|to|under)\s+"
                          rf"{ENGAGE}|\b(?:entered|entry\s+into)\s+{ENGAGE}|\bplace\s+(?:[\w'\u2019]+\s+){{0,4}}?into\s+{ENGAGE}",
                          re.IGNORECASE),
    "left": re.compile(rf"\b(?:removed|released|taken\s+out|moved\s+out|exited|remove|removal|release|exit)\s+(?:[\w'\u2019]+\s+)"
                       rf"{{0,4}}?(?:from|of)\s+{ENGAGE}", re.IGNORECASE),
    "returned": re.compile(rf"\b(?:returned|return|returning|moved\s+back)\s+(?:[\w'\u2019]+\s+){{0,4}}?to\s+(?:{SCAN})",
                           re.IGNORECASE),
    "remains": re.compile(rf"\b(?:remains?|remained|stays?|is\s+still|has\s+been|continues\s+to\s+be)\s+(?:in|under)\s+{ENGAGE}|"
                          rf"\bmonitor(?:ing)?\s+(?:[\w'\u2019]+\s+){{0,3}}under\s+(?:our|the|its)\s+\W?engage\b", re.IGNORECASE),
}
STAGE_EVENT = {"entered": ("engage", "entered"), "left": ("engage", "left"), "returned": ("scan", "entered"),
               "remains": ("engage", "remains")}
GENERAL = re.compile(r"\b(?:all\s+(?:police\s+)?forces|police\s+forces|(?:a|any)\s+force|forces\s+(?:are|may|can|when)|"
                     r"when\s+a\s+force|upon\s+a\s+force|may\s+be\s+(?:escalated|moved)|by\s+default)\b", re.IGNORECASE)
WISHED = re.compile(r"\b(?:as\s+soon\s+as\s+possible|should|would|could|will(?!\s+continue)|aims?\s+to|hopes?\s+to|"
                    r"important\s+(?:for|that))\b",
                    re.IGNORECASE)
THE_FORCE = re.compile(r"\b(?:the\s+force|the\s+constabulary|the\s+service|the\s+mps|the\s+met|it)\b", re.IGNORECASE)
SOURCE = re.compile(r"^source:\s*\S+\s*(?:date\s+\S+\s+)?", re.IGNORECASE)
WORDS = ("engage", "monitoring", "scan")  # every statement names one of these: other paragraphs are passed over


def read_monitoring(ctx, force: str, published: tuple | None = None, rules: Ruler | None = None) -> list[Monitoring]:
    """What the text says of the force's monitoring stage, in the text's order."""
    found = (rules or MONITORING_RULES).read(About(ctx, force, published)).statements
    return sorted(found, key=lambda m: (m.place.page or 0, m.place.line or 0))


def _read(about: About, para, event: str):
    ctx = about.ctx
    for start, sentence in ctx.sentences_with(para, WORDS):  # "engagement" in one sentence: the others passed over
        address = SOURCE.match(sentence)  # the page's address line, run into its first sentence
        start, sentence = (start + address.end(), sentence[address.end():]) if address else (start, sentence)
        found = STATEMENTS[event].search(sentence)
        if found and _about_the_force(sentence, about.force) and not WISHED.search(sentence[:found.end()]):
            stage, what = STAGE_EVENT[event]
            when = _when(sentence, found, about.published) if event != "remains" else \
                PublicationDate(*about.published) if about.published else None  # in Engage as of the page's date
            yield Reading((Span(para.index, start + found.start(), start + found.end()),),
                          (Monitoring(stage, what, when, " ".join(sentence.split()),
                                      para.line_at(start + found.start()).place),))


@needs(*WORDS)
def entered(about: About, para):
    """ "Staffordshire Police was moved into Engage in June 2022", "we decided to place the
    force into our enhanced level of monitoring"."""
    yield from _read(about, para, "entered")


@needs(*WORDS)
def left(about: About, para):
    """ "has been removed from enhanced monitoring", "was moved out of Engage in May 2024"."""
    yield from _read(about, para, "left")


@needs(*WORDS)
def returned(about: About, para):
    """ "to return Staffordshire Police to our default level of monitoring, known as 'scan'"."""
    yield from _read(about, para, "returned")


@needs(*WORDS)
def remains(about: About, para):
    """ "Cleveland Police remains in the inspectorate's enhanced monitoring stage"."""
    yield from _read(about, para, "remains")


def _about_the_force(sentence: str, force: str) -> bool:
    """The sentence is about this force: it names it, or "the force", and no other; never
    a statement of how monitoring works for forces in general."""
    if GENERAL.search(sentence):
        return False
    from briefing.extract.forces import force_scores

    place = re.sub(r"\s+(?:police(?:\s+service)?|constabulary)$", "", force, flags=re.IGNORECASE)
    if place and re.search(rf"\b{re.escape(place)}\b", sentence, re.IGNORECASE):
        return True
    named = force_scores(sentence)
    if named:
        return not force or force in named
    return bool(THE_FORCE.search(sentence))


LABEL = re.compile(rf"^(?:{MONTH_NAME}\s+)?(?:19|20)\d\d$", re.IGNORECASE)  # "September 2023", "2019" alone


def labelled(about: About, para):
    """A move as a label over its date, each alone on its line, as HMICFRS's page of forces in
    Engage sets them out under the force's name ("Moved out of Engage" / "September 2023",
    "Entered Engage" / "2019"): the force is the one the page (or its part) is about."""
    if not about.force:
        return
    text = para.text.strip(" *#:")
    if len(text.split(None, 5)) > 5:  # six words or more (a paragraph's words are not all split for that)
        return
    following = about.paras[para.index + 1].text.strip(" *#:") if para.index + 1 < len(about.paras) else ""
    if not LABEL.match(following):
        return
    for event in ("entered", "left"):
        found = STATEMENTS[event].search(text)
        if found and found.start() == 0 and found.end() >= len(text) - 1:
            stage, what = STAGE_EVENT[event]
            yield Reading((Span(para.index, 0, len(para.text)),),
                          (Monitoring(stage, what, _date_in(f"in {following}"), f"{text}: {following}", para.start.place),))
            return


DAY_IN = re.compile(rf"\b(?:in|on|from|since)\s+(?P<month>{MONTH_NAME})\s+(?P<year>(?:19|20)\d\d)\b|\bin\s+(?P<only>(?:19|20)\d\d)\b",
                    re.IGNORECASE)


CLAUSE = re.compile(r";|\s+(?:and\s+then|and|but|then)\s+(?=\w+ed\b)|\s+and\s+then\b", re.IGNORECASE)


def _when(sentence: str, event: re.Match, published: tuple | None) -> PublicationDate | None:
    """The date its clause gives the event ("On 6 July 2022, we moved ...", "moved into
    Engage in June 2022", "in 2019"), or the page's date where it says "today"; else none
    (never the date of another event in the sentence: "placed into Engage in June 2022 and
    then returned to normal monitoring in May this year")."""
    before = CLAUSE.split(sentence[:event.start()])[-1]
    after = CLAUSE.split(sentence[event.end():])[0]
    for part in (after, before):
        dated = _date_in(part)
        if dated:
            return dated
    if published and re.search(r"\btoday\b", sentence, re.IGNORECASE):
        return PublicationDate(*published)
    for part in (after, before):
        dated = _relative(part, published) if published else None
        if dated:
            return dated
    return None


LAST_MONTH = re.compile(r"\b(?:last|this)\s+month\b", re.IGNORECASE)
YEARLESS = re.compile(rf"\b(?:on|in)\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAME})\b"
                      rf"(?!\s*,?\s*(?:\d{{1,2}}\b|(?:19|20)\d\d))", re.IGNORECASE)


def _relative(text: str, published: tuple) -> PublicationDate | None:
    """A date the clause gives by its text's own date: "last month" in a release of 12 December
    2023 is November 2023; "on 22 November" or "in December" with no year is the latest such
    day or month on or before the text's date (review 13, item 20; review 12, item 8). None
    where the text's month is not known."""
    year, month = published[0], published[1] if len(published) > 1 else None
    if month is None:
        return None
    found = LAST_MONTH.search(text)
    if found:
        if found.group(0).lower().startswith("this"):
            return PublicationDate(year, month)
        return PublicationDate(year - 1, 12) if month == 1 else PublicationDate(year, month - 1)
    found = YEARLESS.search(text)
    if not found:
        return None
    named, day = month_number(found.group("month")), int(found.group("day")) if found.group("day") else None
    later = named > month or named == month and day is not None and len(published) > 2 and published[2] is not None \
        and day > published[2]
    return PublicationDate(year - 1 if later else year, named, day)


def _date_in(text: str) -> PublicationDate | None:
    for form in DATE_FORMS[:2]:
        found = form.search(text)
        if found and found.group("year"):
            day = _date(found, [])
            if day:
                return PublicationDate(*day)
    found = DAY_IN.search(text)
    if found and found.group("only"):
        return PublicationDate(int(found.group("only")))
    return PublicationDate(int(found.group("year")), month_number(found.group("month"))) if found else None


MONITORING_RULES = Ruler([("entered", entered), ("left", left), ("returned", returned), ("remains", remains),
                          ("labelled", labelled)],
                         repeats=Unique(lambda reading, m: (m.stage, m.event, m.date, m.text)))  # a sentence said twice
