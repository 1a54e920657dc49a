"""A strength in one task of a question the same text says the force needs to improve.

HMICFRS's question summaries state the question's finding first and then what lies
within it: "We found that the force needs to improve how it protects vulnerable people.
The force is good at understanding and identifying vulnerability. But it does not always
complete a risk assessment ...". The "good at" sentence praises a task; read as the
question's grade it tells a commissioner the question went up when the text says the
opposite. So where a text says the force needs to improve how it does what a question
covers, "good at <a task of that question>" is set aside: the question's grade is not
stated there. A task that is the question's own name ("good at protecting vulnerable
people") is left to the rules that read grades.
"""

from __future__ import annotations

import re

from briefing.extract.areas import LIST_CUTS, any_cycle
from briefing.extract.ruler import Reading, Span, whole_text
from briefing.frameworks import normalise

# "needs to improve how it protects vulnerable people", "must improve the way it ...", "still needs to improve its ..."
NEED = re.compile(r"\b(?:needs?\s+to|needed\s+to|has\s+to|must)\s+(?:still\s+|also\s+|further\s+)?improve\s+"
                  r"(?:how\s+(?:it|the\s+force|the\s+constabulary)\s+|the\s+way\s+(?:it|the\s+force|the\s+constabulary)\s+|"
                  r"its\s+)(?P<what>[^.;:!?]{3,160})", re.IGNORECASE)
TASK = re.compile(r"[\u2019\u201d'\"]?\s+at\s+(?P<what>\w+ing\b[^.;:,!?]{3,160})")  # "good at <doing something>"
PRAISE = ("good", "outstanding")


@whole_text
def strength_within_need(ctx):
    """ "The force is good at understanding and identifying vulnerability" where the text
    says the force "needs to improve how it protects vulnerable people": a task's
    strength, not the question's grade, which the text does not give there."""
    holding = [ctx.paras[index] for index in sorted(ctx.holding(("improve",)))]  # found through the whole text at once
    needs = [m.group("what") for para in holding if "improve" in ctx.folded(para) for m in NEED.finditer(para.text)]
    if not needs:
        return
    resolvers = any_cycle(ctx.frameworks).resolvers
    for para in ctx.graded_paras:  # those with a grade word
        if " at " not in para.text:
            continue
        for start, sentence, found in ctx.sentence_words(para):
            for match in found:
                task = TASK.match(sentence, match.end() - start)
                if ctx.grammar.grade_of(match.group("g")) in PRAISE and task \
                        and _within_a_need(resolvers, task.group("what").strip(), needs):
                    yield Reading((Span(para.index, match.start(), match.end()),))


def _within_a_need(resolvers, task: str, needs: list[str]) -> bool:
    """The task, or a piece of its list, is one of a question the force needs to improve
    in, in some cycle's questions, and is not that question's own name."""
    if any(normalise(task) in resolve.exact for resolve in resolvers):
        return False  # a question's own name, in some cycle: "good at reducing crime and keeping people safe"
    pieces = [task, *(p for p in LIST_CUTS.split(task) if len(p) > 3)]
    for resolve in resolvers:
        wanting = {area.canonical for area in map(resolve, needs) if area is not None}
        for piece in pieces if wanting else ():
            area = resolve(piece)
            if area is not None and area.canonical in wanting:
                return normalise(piece) not in resolve.exact
    return False
