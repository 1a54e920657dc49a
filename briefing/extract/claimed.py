"""What a source says of how many areas moved since the last inspection, where it names none
of them: Greater Manchester's newsletter, "We were assessed in eight distinct fields, of which
four had improved by two grades compared to our 2021-22 performance and three had improved by
one". A pack cannot place such a movement on an area, and the movement table shows none; the
claim is quoted with its line, in the source's words, beside "no movement can be shown"
(review 8, item 4). Forces and the press compare grades across cycles (domain.md section 2),
HMICFRS says its cycles' grades are not directly comparable, and the pack says both."""

from __future__ import annotations

import re

from briefing.extract.counts import SMALL
from briefing.extract.findings.base import sentence_place
from briefing.statements import Quote

MOVED = re.compile(rf"\b{SMALL}\s+(?:of\s+(?:them|these|those)\s+|(?:\w+\s+)?(?:areas?|fields?|categories)\s+)?"
                   rf"(?:had|have|has)\s+(?:(?:each|all)\s+)?(?:improved|gone\s+up|risen|moved\s+up|fallen|gone\s+down|"
                   rf"dropped|declined)\s+by\s+(?:{SMALL}|a)(?:\s+grades?)?\b", re.IGNORECASE)


def claimed_movement(ctx) -> Quote | None:
    """The first sentence saying how many areas moved by how many grades ("four had improved
    by two grades"), a grade named in it: never a sentence about figures ("improved by two
    per cent"), nor one a grade of its own places."""
    for para, sentence in ctx.sentences_holding("grade"):
        if "grade" in sentence.lower() and MOVED.search(sentence):
            return Quote(" ".join(sentence.split()), sentence_place(para, sentence), how="claimed-movement")
    return None
