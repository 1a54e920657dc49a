"""Whose a date is: the page's, and the report's its sentence names.

A page's own date (its dateline, "Posted on 7 Dec 2023", a " date 2019-05-02" line) is
the day its words were written. On the inspectorate's own page (its address on an
official host, data/report_types.yaml) that is the day it published the report. On
anyone else's page (a news article, a force's or PCC's page, a page of unknown origin)
it is only the latest day the report can have come out, unless the page's own words say
the report came out "today". On a repost, a copy of the inspectorate's press release on
another's site, "HM Inspector ... yesterday said" is the day the inspector spoke,
counted back from the copy's date: no day the release states for the report.

A date a sentence gives for a report is that report's: "the latest State of Policing
report ... The report, published on Wednesday (September 10)" dates the State of Policing,
not the PEEL report the same page quotes the force on. "The report" points back to the
report last named before it.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from briefing.model import PEEL_RELATED
from briefing.reference import reference
from briefing.sources import kind_of_text

NAME_WORDS = 8  # the words before "report" that may name it
LOOK_BACK = 4  # the sentences "the report" may point back over
REPORT = re.compile(r"\breport\b", re.IGNORECASE)
DETERMINER = re.compile(r"\b(?:the|its|their|his|her|our|this|that|a|an)\s", re.IGNORECASE)
POINTS_BACK = re.compile(r"^\W*(?:the|this|that)\s+report\b", re.IGNORECASE)  # "The report, published on ..."
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018(A-Z])|\n")


def inspectorates_page(page) -> bool:
    """The page is the inspectorate's (or the government's) own: its address is on an
    official host, so its date is the day it published what it speaks of."""
    hosts = reference().official_hosts
    for address in page.address.split():
        host = (urlparse(address).hostname or "").lower()
        if any(host == h or host.endswith("." + h) for h in hosts):
            return True
    return False


def repost(page) -> bool:
    """A copy of the inspectorate's press release on another's site (a news service's
    feed): its words are the inspectorate's, its date the copy's."""
    return kind_of_text(page.address, page.opening, False) == "press-release" and not inspectorates_page(page)


def report_tied(text: str, at: int) -> tuple[str, str]:
    """(type, name) of the report the sentence at `at` names, nearest to `at` first (its
    type by the words of data/report_types.yaml, "peel" where it names PEEL); where the
    sentence says only "The report", the report last named before it; ("", "") where
    neither names a report of a known type."""
    sentences = _sentences(text)
    index = next((i for i, (start, end) in enumerate(sentences) if start <= at < end), None)
    if index is None:
        return "", ""
    start, end = sentences[index]
    named = _typed(text[start:end], at - start)
    if named or not POINTS_BACK.match(text[start:end]):
        return named or ("", "")
    for start, end in reversed(sentences[max(0, index - LOOK_BACK):index]):
        names = _names(text[start:end])
        if names:  # the last report named before: the one "the report" means
            return _typed(text[start:end], end - start) or ("", "")
    return "", ""


def of_another_report(tied: str, kind: str) -> bool:
    """Whether a date tied to a report of type `tied` is not the date of a report of type
    `kind`: a PEEL-related report's date is not one given for another type of report
    (State of Policing, a thematic, a revisit letter), nor another report's that of a
    PEEL report it names."""

    if not tied:
        return False
    return tied != kind if kind in PEEL_RELATED else tied == "peel"


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for end in SENTENCE_END.finditer(text):
        bounds.append((start, end.end()))
        start = end.end()
    return bounds + [(start, len(text))]


def _names(sentence: str) -> list[tuple[int, str]]:
    """(where, name) of each report the sentence names: the words from the last
    determiner before "report" ("the latest State of Policing report")."""
    out = []
    for found in REPORT.finditer(sentence):
        before = sentence[:found.start()].split()[-NAME_WORDS:]
        words = " ".join(before) + " "
        determiners = list(DETERMINER.finditer(words))
        name = (words[determiners[-1].start():] if determiners else words).strip() + " report"
        out.append((found.start(), name))
    return out


def _typed(sentence: str, at: int) -> tuple[str, str] | None:
    """The typed report named nearest to `at` in the sentence."""
    typed = [(abs(where - at), name, _type_of(name)) for where, name in _names(sentence)]
    typed = sorted((t for t in typed if t[2]), key=lambda t: t[0])
    return (typed[0][2], typed[0][1]) if typed else None


def _type_of(name: str) -> str | None:
    """A named report's type: its own type words first ("the HMICFRS PEEL spotlight report" is a
    thematic, one of HMICFRS's spotlight reports within the PEEL programme: review 15, item 6,
    Surrey's response to Finding time for crime lost its date), else "peel" where it names PEEL."""
    from briefing.extract.reports.types import (  # the report reading's, which reads dates first
        PEEL_WORDS,
        type_in_words,
    )

    typed = type_in_words(name, True)
    return typed if typed and typed != "other" else "peel" if PEEL_WORDS.search(name) else typed
