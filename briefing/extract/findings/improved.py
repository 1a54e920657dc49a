"""What the inspectorate says the force improved: "the force had improved its response to the
public", "The force had also improved the way it manages offenders and suspects".

Read as a rule of English: "has/had/have (also) improved" with what improved as its object
("its ...", "the way it ...", "how it ..."), never under a negation ("has not improved" is a
concern that carries on, findings/continues.py). Only the inspectorate's word counts: a
sentence on its own page or press release outside quotation marks, or one that names it
as saying so ("The inspectorate said that ..."); a PCC's or chief constable's claim of
improvement is theirs. Kept with its line and the area its object names, so a pack can say
what the newer source reports of an earlier finding it does not list.
"""

from __future__ import annotations

import re

from briefing.extract.findings.base import sentence_place
from briefing.extract.findings.prose import INSPECTORS, _named_by, _release
from briefing.extract.text import sentences
from briefing.model import Improvement

IMPROVED = re.compile(r"\b(?:has|had|have)\s+(?:also\s+|significantly\s+|greatly\s+|considerably\s+|since\s+)?improved\s+"
                      r"(?P<subject>(?:its|their|the\s+way\s+(?:it|the\s+force|the\s+constabulary)|how\s+(?:it|the\s+force|"
                      r"the\s+constabulary))\s+[^,.;]+?)(?=\s+and\b|[,.;]|$)", re.IGNORECASE)
QUOTES = re.compile(r"[\"\u201c\u201d]")


def read_improved(ctx, resolve) -> tuple[Improvement, ...]:
    """Every improvement the inspectorate states, in the text's order."""
    own = ctx.page.inspectorates_own or _release(ctx.page)
    out = []
    for para in ctx.paras:
        if "improved" not in para.text:
            continue
        for sentence in sentences(para.text):
            found = IMPROVED.search(sentence)
            if not found or not (INSPECTORS.search(sentence.lower()) or own and not QUOTES.search(sentence)):
                continue
            subject = " ".join(found.group("subject").split())
            area = _named_by(subject, resolve) if resolve is not None else ""
            out.append(Improvement(subject, sentence, sentence_place(para, sentence), area, "improved"))
    return tuple(out)
