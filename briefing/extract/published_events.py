"""A dated event about a report already out bounds its publication: "PCC Clare Moody held
Police Question Time (PQT) last week (19th February 2025). The session focused on the
recently released ... PEEL report" proves the report was out by 19 February 2025, so the
s.55 period ended 55 days later at the latest, wherever the page's own date is missing.

The event's sentence, or the next one, must say the report was already out ("recently
released", "following the publication of"); an event still to come ("will hold", "is due
to") proves nothing. A report the sentence names as another type than the one read (a
State of Policing report on a PEEL page) is another report's event.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.extract.date_forms import DATE_FORMS, date_of
from briefing.extract.published_whose import of_another_report, report_tied

ALREADY_OUT = re.compile(r"\b(?:recently|newly|just)\s+(?:been\s+)?(?:released|published)\b"
                         r"|\bfollowing\s+(?:the\s+)?(?:publication|release)\s+of\b", re.IGNORECASE)
OUT_WORDS = ("released", "published", "following")  # one of which each way of ALREADY_OUT names
TO_COME = re.compile(r"\bwill\b|\b(?:is|are)\s+(?:due|expected|set|scheduled)\s+to\b|\bupcoming\b|\bforthcoming\b"
                     r"|\bnext\s+(?:week|month)\b", re.IGNORECASE)


def event_bound(ctx, kind: str) -> date | None:
    """The earliest day of an event the text says followed the release of the report read
    (of type `kind`), or None."""
    bounds = []
    for index in sorted(ctx.holding(OUT_WORDS)):  # found through the whole text at once, then each tested as before
        para = ctx.paras[index]
        folded = ctx.folded(para)
        if ("releas" not in folded and "publi" not in folded) or not ALREADY_OUT.search(para.text):
            continue  # the words a sentence needs, looked for once a paragraph (most have none)
        said = ctx.sentences(para)
        for index, (_, sentence) in enumerate(said):
            following = [s for _, s in said[index + 1:index + 2]]
            about = next((s for s in (sentence, *following) if ALREADY_OUT.search(s)), None)
            if about is None or TO_COME.search(sentence):
                continue
            tied, _ = report_tied(about, ALREADY_OUT.search(about).start())
            if of_another_report(tied, kind):
                continue
            bounds += _days(sentence, ctx.page.years)
    return min(bounds) if bounds else None


def _days(sentence: str, years: list[int]) -> list[date]:
    """The full days a sentence names."""
    out = []
    for form in DATE_FORMS:
        for found in form.finditer(sentence):
            day = date_of(found, years)
            if day and day[2]:
                out.append(date(*day))
    return out
