"""Which areas an inspection covered, where its source says it covered only some: "The
commission required assessment of the force in seven of the areas that make up our police
efficiency, effectiveness and legitimacy assessment framework using the following
questions:", then the seven questions (British Transport Police, 2021).

A commissioned inspection of a force outside the Home Office's 43 (or one asked for by a
minister) is graded on a subset of the cycle's areas. Without this, an area the commission
left out reads as "not stated" (the cycle grades it, the source gives no grade), and a pack
asks what HMICFRS graded it. The areas left out are read as not graded, from the source's
own statement and its line; only where every listed item names a distinct area and there
are as many as the sentence counts, so a list read wrongly changes nothing.
"""

from __future__ import annotations

import re

from briefing.extract.counts import SMALL, _number
from briefing.extract.findings.base import sentence_place
from briefing.frameworks import Cycle, Frameworks
from briefing.model import Judgement

# "assessment of the force in seven of the areas that make up our ... framework",
# "we inspected five of the ten areas of our PEEL framework"
SCOPE = re.compile(rf"\b(?:assess(?:ment|ed|ing)?|inspect(?:ion|ed|ing)?)\b[^.:]{{0,60}}?\b(?:in\s+|on\s+)?"
                   rf"(?P<n>{SMALL})\s+of\s+the\s+(?:\w+\s+)?areas\b[^.:]{{0,120}}?\b(?:framework|PEEL)\b[^.:]{{0,60}}:",
                   re.IGNORECASE)
QUESTION_LEAD = re.compile(r"^(?:[•\-*\u2013\u2022]\s*|\d{1,2}[.)]\s*)?(?:how\s+(?:good|well|effective|efficient)\s+"
                           r"(?:is|are)\s+(?:the\s+force(?:['\u2019]s)?|it(?:s)?)\s+(?:at\s+)?)?", re.IGNORECASE)
MOST_ITEMS = 12  # a list longer than any cycle's areas is not this list


def covered(ctx, fw: Frameworks, cycle: Cycle, resolve) -> tuple[Judgement, ...]:
    """Not-graded judgements for the cycle's graded areas (of each of its question sets) that
    the source's stated scope leaves out, each placed on the sentence that states it; () where
    the source states no scope or its list does not read cleanly."""
    for para in ctx.paras:
        if "areas" not in para.text:
            continue
        match = SCOPE.search(para.text)
        if not match:
            continue
        wanted = _number(match.group("n"))
        items = _items(ctx.paras[para.index + 1:para.index + 1 + MOST_ITEMS], wanted)
        areas = [resolve(QUESTION_LEAD.sub("", item).rstrip("?. ")) for item in items]
        names = {a.canonical for a in areas if a}
        if len(items) != wanted or len(names) != wanted or None in areas:
            return ()
        place = sentence_place(para, para.text[max(para.text.rfind(". ", 0, match.start()) + 2, 0):])
        left_out = [a for a in _graded_in_family(fw, cycle) if a.canonical not in names]
        return tuple(Judgement(a.canonical, a.label, "ungraded", place, how="scope") for a in left_out)
    return ()


def _items(paras, wanted: int) -> list[str]:
    """The list after the scope sentence: its first `wanted` paragraphs, each one line (a
    list item), stopping at a longer paragraph."""
    items = []
    for para in paras:
        if len(items) == wanted or not para.single or len(para.text) > 200:
            break
        items.append(para.text.strip())
    return items


def _graded_in_family(fw: Frameworks, cycle: Cycle):
    """The graded areas of the cycle and of its other question sets, once each: an area any
    set grades would otherwise be "not stated"."""
    seen = {}
    for c in fw.family(cycle):
        for a in c.graded_areas:
            if not a.elsewhere:
                seen.setdefault(a.canonical, a)
    return list(seen.values())
