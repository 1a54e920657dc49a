"""Grades on lines of their own: labels, table rows, and grade lines under a heading.

A line read here is read whole: no later rule reads its grade words again.
"""

from __future__ import annotations

import re

from briefing.extract.grades.grammar import clean_phrase
from briefing.extract.grades.statement import Statement
from briefing.extract.ruler import Reading, Span, whole_text

VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|rated|graded|judged|found|assessed|received|"
                  r"remains?|got|gets|achieved|awarded|deemed|considered|as|it|its|we|our|they)\b", re.IGNORECASE)
UNGRADED = re.compile(r"\bwe (?:do not|don't) grade forces on this question\b", re.IGNORECASE)


def _line_reading(ctx, para, index, phrase: str, grade: str, word: int | None = None) -> Reading:
    """A line's grade statement, claiming the line's grade words (or only its `word`-th)."""
    start, end = para.line_span(index)
    line = para.lines[index]
    spans = ctx.word_spans(para, start, end)
    if word is not None:
        spans = spans[word:word + 1]
    return Reading(spans or (Span(para.index, start, start + 1),),
                   (Statement(clean_phrase(phrase), ctx.grammar.grade_of(grade), line),))


def _lines_with_grades(ctx, para):
    """(index, line) of the paragraph's lines that may hold a grade word: a rule of lines
    reads a grade on its line, and most lines of a paragraph with one have none."""
    if not ctx.may_grade(para):
        return []
    return [(i, line) for i, line in enumerate(para.lines) if ctx.grammar.may_hold(line.text)]


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018]?[A-Z])")


def _pieces(text: str):
    """(start, sentence) of a line: "Responding to the public: adequate. Protecting
    vulnerable people: good." is two labels on one line."""
    start = 0
    for cut in SENTENCE_BREAK.finditer(text):
        yield start, text[start:cut.start()]
        start = cut.end()
    yield start, text[start:]


def _words_before(ctx, text: str, at: int) -> int:
    """How many grade words a line holds before `at`: which of its words a label reads."""
    return sum(1 for _ in ctx.grammar.word.finditer(text[:at]))


def label(ctx, para):
    """A label and its grade, a line or a sentence of a line: "Investigating crime: Adequate",
    "Efficiency - 'Good'", "Responding to the public - adequate. Managing offenders - good."."""
    for index, line in _lines_with_grades(ctx, para):
        text = " ".join(line.text.split())
        whole = _label(ctx, text)
        if whole:
            yield _line_reading(ctx, para, index, whole.group("p"), whole.group("g"))
            continue
        for at, piece in _pieces(text) if SENTENCE_BREAK.search(text) else ():
            match = _label(ctx, piece)
            if match:
                word = _words_before(ctx, text, at + match.start("g"))
                yield _line_reading(ctx, para, index, match.group("p"), match.group("g"), word)


def _label(ctx, text: str) -> re.Match | None:
    match = ctx.grammar.label.match(text)
    if not match:
        return None
    phrase = match.group("p")
    if re.match(r"^(?:and|or|but|the force|it|which)\b", phrase, re.IGNORECASE) \
            or re.search(r"\b(?:is|was|are|were|be|been|as|to)\s*$", phrase, re.IGNORECASE) \
            or re.search(r"[.!?]\s", phrase):
        return None  # a sentence that ends in its grade ("... crime is  good"), or runs over a full stop
    return match


def area_label(ctx, para):
    """An area's own name, then its grade and more text: "Investigating crime - Good. The force
    ...", or one such sentence after another on a line."""
    for index, line in _lines_with_grades(ctx, para):
        text = line.text.strip(" \u2022-\t")
        for at, piece in _pieces(text):
            match = re.match(rf"^(?P<p>[A-Za-z][^\t]*?)(?:\t+| {{2,}}| - |\s*: )\s*'?(?P<g>{ctx.grammar.vocabulary.grades})'?"
                             rf"\b(?!\s+at\b)", piece, re.IGNORECASE)
            if match and ctx.is_area_wording(match.group("p")):
                word = _words_before(ctx, text, at + match.start("g"))
                yield _line_reading(ctx, para, index, match.group("p"), match.group("g"), word)


def row(ctx, para):
    """A table row: the area, then its grade at the end of the line, with no verb between."""
    for index, line in _lines_with_grades(ctx, para):
        match = ctx.grammar.row.match(" ".join(line.text.split()))
        if match and not VERB.search(match.group("p")) and not ctx.grammar.word.search(match.group("p")):
            yield _line_reading(ctx, para, index, match.group("p"), match.group("g"))


def heading(ctx, para):
    """A grade alone on its line, answering the short line (an area or a question) one or
    two lines above it that has no full stop and no grade of its own."""
    for index, line in _lines_with_grades(ctx, para):
        alone = ctx.grammar.alone.match(" ".join(line.text.split()))
        if not alone:
            continue
        above = _heading_above(ctx, line)
        if above is not None:
            yield _line_reading(ctx, para, index, above.text, alone.group("g"))


STAMP = re.compile(r"^(?:last\s+)?(?:updated|published|posted)(?:\s+on)?\b[^a-z]*\d", re.IGNORECASE)


def _heading_above(ctx, line):
    for back in (1, 2):
        candidate = ctx.line_before(line, back)
        if candidate is None:
            return None
        text = " ".join(candidate.text.split()).strip(" \u2022*-")
        if not text or STAMP.match(text):  # "Last updated 02/03/2017" between a question and its grade
            continue
        if ctx.grammar.word.search(text) and not text.endswith("?"):
            return None
        if 3 <= len(text) <= 160 and not text.endswith((".", ":", ",")) and not text.lower().startswith("source:"):
            return candidate
        return None
    return None


@whole_text
def question_heading(ctx):
    """A grade line further below its area heading or question ("How effective is the
    force at ...?"), after the summary that follows it."""
    heading_text = None
    for para in ctx.paras:
        questions = ctx.questions(para)
        if ctx.names_area(para, 160) or questions:
            heading_text = questions[-1] if questions else ctx.heading_text(para)
            continue
        if not heading_text or not ctx.may_grade(para):
            continue
        for index, line in enumerate(para.lines):
            alone = ctx.grammar.alone.match(line.text.lstrip("#• ").strip())
            if alone and heading_text:
                yield _line_reading(ctx, para, index, heading_text, alone.group("g"))


@whole_text
def ungraded_question(ctx):
    """ "We don't grade forces on this question" under an area's heading."""
    heading_text = None
    for para in ctx.paras:
        if ctx.names_area(para, 120):
            heading_text = ctx.heading_text(para)
            continue
        match = UNGRADED.search(para.text) if heading_text and "this question" in ctx.folded(para) else None
        if match and heading_text:
            yield Reading((), (Statement(clean_phrase(heading_text), "ungraded", para.line_at(match.start())),))
