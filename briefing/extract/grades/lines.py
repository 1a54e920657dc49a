"""Grades on lines of their own: labels, table rows, and grade lines under a heading.

A line read here is read whole: no later rule reads its grade words again.
"""

from __future__ import annotations

import re

from briefing.extract.grades.grammar import clean_phrase
from briefing.extract.grades.statement import Reading, Statement
from briefing.extract.ruler import per_paragraph

VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|rated|graded|judged|found|assessed|received|"
                  r"remains?|got|gets|achieved|awarded|deemed|considered|as|it|its|we|our|they)\b", re.IGNORECASE)
QUESTION = re.compile(r"how (?:effective|good|well|efficient|legitimate)(?:ly)? (?:is|does) the (?:force|constabulary)"
                      r"(?: at)? [^?]{5,120}\?", re.IGNORECASE)
UNGRADED = re.compile(r"\bwe (?:do not|don't) grade forces on this question\b", re.IGNORECASE)


def _line_reading(ctx, para, index, phrase: str, grade: str, how: str) -> Reading:
    start, end = para.line_span(index)
    line = para.lines[index]
    return Reading(ctx.words_in(para, start, end) or (start,),
                   (Statement(clean_phrase(phrase), ctx.grammar.grade_of(grade), line, how=how),))


@per_paragraph
def label(ctx, para):
    """A label and its grade on one line: "Investigating crime: Adequate", "Efficiency - 'Good'"."""
    if not ctx.may_grade(para):
        return
    for index, line in enumerate(para.lines):
        match = ctx.grammar.label.match(" ".join(line.text.split()))
        if not match:
            continue
        phrase = match.group("p")
        if re.match(r"^(?:and|or|but|the force|it|which)\b", phrase, re.IGNORECASE) \
                or re.search(r"\b(?:is|was|are|were|be|been|as|to)\s*$", phrase, re.IGNORECASE):
            continue  # a sentence that ends in its grade ("... crime is  good"): a sentence rule reads it
        yield _line_reading(ctx, para, index, phrase, match.group("g"), "label")


@per_paragraph
def area_label(ctx, para):
    """An area's own name, then its grade and more text: "Investigating crime - Good. The force ..."."""
    if not ctx.may_grade(para):
        return
    for index, line in enumerate(para.lines):
        text = line.text.strip(" •-\t")
        match = re.match(rf"^(?P<p>[A-Za-z][^\t]*?)(?:\t+| {{2,}}| - |\s*: )\s*'?(?P<g>{ctx.grammar.vocabulary.grades})'?"
                         rf"\b(?!\s+at\b)", text, re.IGNORECASE)
        if match and ctx.is_area_wording(match.group("p")):
            yield _line_reading(ctx, para, index, match.group("p"), match.group("g"), "area-label")


@per_paragraph
def row(ctx, para):
    """A table row: the area, then its grade at the end of the line, with no verb between."""
    if not ctx.may_grade(para):
        return
    for index, line in enumerate(para.lines):
        match = ctx.grammar.row.match(" ".join(line.text.split()))
        if match and not VERB.search(match.group("p")) and not ctx.grammar.word.search(match.group("p")):
            yield _line_reading(ctx, para, index, match.group("p"), match.group("g"), "row")


@per_paragraph
def heading(ctx, para):
    """A grade alone on its line, answering the short line (an area or a question) one or
    two lines above it that has no full stop and no grade of its own."""
    if not ctx.may_grade(para):
        return
    for index, line in enumerate(para.lines):
        alone = ctx.grammar.alone.match(" ".join(line.text.split()))
        if not alone:
            continue
        above = _heading_above(ctx, line)
        if above is not None:
            yield _line_reading(ctx, para, index, above.text, alone.group("g"), "heading")


def _heading_above(ctx, line):
    for back in (1, 2):
        candidate = ctx.line_before(line, back)
        if candidate is None:
            return None
        text = " ".join(candidate.text.split()).strip(" \u2022*-")
        if not text:
            continue
        if ctx.grammar.word.search(text) and not text.endswith("?"):
            return None
        if 3 <= len(text) <= 160 and not text.endswith((".", ":", ",")) and not text.lower().startswith("source:"):
            return candidate
        return None
    return None


def question_heading(ctx):
    """A grade line further below its area heading or question ("How effective is the
    force at ...?"), after the summary that follows it."""
    heading_text = None
    for para in ctx.paras:
        text = para.text.lstrip("#• ").strip()
        questions = QUESTION.findall(para.text)
        if (len(text) < 160 and ctx.is_area_wording(text)) or questions:
            heading_text = questions[-1] if questions else text
            continue
        for index, line in enumerate(para.lines):
            alone = ctx.grammar.alone.match(line.text.lstrip("#• ").strip())
            if alone and heading_text:
                yield para, _line_reading(ctx, para, index, heading_text, alone.group("g"), "question-heading")


def ungraded_question(ctx):
    """ "We don't grade forces on this question" under an area's heading."""
    heading_text = None
    for para in ctx.paras:
        text = para.text.lstrip("#• ").strip()
        if len(text) < 120 and ctx.is_area_wording(text):
            heading_text = text
            continue
        match = UNGRADED.search(para.text)
        if match and heading_text:
            yield para, Reading((), (Statement(clean_phrase(heading_text), "ungraded", para.line_at(match.start()),
                                               how="ungraded-question"),))
