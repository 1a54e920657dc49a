"""Grades stated in sentences: the scale explained (no grade), lists of areas under one
grade, a grade referred back to ("this grade"), and the grade bound to an area phrase
after it ("good at investigating crime") or before it ("leadership ... requires
improvement").

What a grade is said of lies within a few hundred characters of it; every rule reads a
window either side of a grade word, so a run-on "sentence" of thousands of grade words
stays linear, not quadratic.
"""

from __future__ import annotations

import re

from briefing.extract.grades.attach import Word, scopes
from briefing.extract.grades.grammar import clean_phrase
from briefing.extract.grades.statement import Statement
from briefing.extract.grades.tense import clause_at, continues_earlier, is_earlier, year_of
from briefing.extract.needs import holds
from briefing.extract.ruler import Reading, Span, whole_text

WINDOW = 600  # characters either side of a grade word that a rule reads
ANAPHOR = re.compile(r"\b(?:this|that|the same|these)\s+(?:grade|grading|rating|judge?ment)s?\b(?P<post>.*)$",
                     re.IGNORECASE)
GIVEN = re.compile(r"^\s*(?:was|were|is|are)\s+(?:(?:given|awarded|received)\s+)?(?=[a-z])", re.IGNORECASE)  # "this rating was for"
ALL_OF_THEM = re.compile(r"^\W{0,2}\s*(?:[-\u2013\u2014]\s.{0,80}?\s[-\u2013\u2014]\s*)?(?:on\s+all\s+counts|across\s+the\s+board|"
                         r"in\s+(?:all|both|each)\s+(?:of\s+)?(?:these|those|the)?\s*(?:\w+\s+)?(?:areas|pillars|categories|"
                         r"headings|counts))\b", re.IGNORECASE)
NAMED_LIST = re.compile(r"^\s*(?P<list>[A-Za-z][\w'-]*(?:\s[\w'-]+){0,5}(?:,\s*[A-Za-z][\w'-]*(?:\s[\w'-]+){0,5})+,?\s+and\s+"
                        r"[A-Za-z][\w'-]*(?:\s[\w'-]+){0,5}?)\s*$")
ASSESSED = re.compile(r"\bassessed\s+([a-z][a-z\s-]{2,40}?)(?=\s+(?:across|in|for|at)\b|[.,;])", re.IGNORECASE)


def _statement(ctx, para, start, match, phrase, sentence, listed=True, earlier=False) -> Statement:
    at, end = match.start("g") - start, match.end("g") - start
    return Statement(clean_phrase(phrase), ctx.grammar.grade_of(match.group("g")), para.line_at(match.start("g")),
                     earlier or is_earlier(sentence, at, end), "", listed, year_of(sentence, at, end))


def _sentence_matches(ctx, para):
    """(start, sentence, the grade-word matches in it) for each sentence of a paragraph."""
    return ctx.sentence_words(para)


SCALE_WORDS = re.compile(r"\b(?:highest|lowest|top|bottom|best|worst)\s+(?:possible\s+)?(?:grade|grading|rating|category|mark)"
                         r"|\bscale\b|\brang(?:e|es|ing)\s+from\b|\bgraded\s+(?:as\s+)?either\b|\blevels?\s+(?:below|above)\b"
                         r"|\b(?:four|five)\s+(?:possible\s+)?(?:grades|gradings|ratings|categories|levels)\b"
                         r"|\b(?:reduction|change|drop|fall|rise|increase)s?\s+in\s+(?:a\s+)?grades?\b", re.IGNORECASE)
SCALE_NEEDS = ("grad", "rating", "categor", "mark", "scale", "rang", "either", "level")  # each way of SCALE_WORDS needs one
RECEIVED = re.compile(r"\b(?:received|receives|awarded|given|achieved|achieves|earned|got|gets|secured|retained|kept)\s+"
                      r"(?:\w+\s+){0,3}$", re.IGNORECASE)  # "received the second highest grade of Good": its own grade


def scale(ctx, para):
    """ "'outstanding', 'good', 'requires improvement' or 'inadequate'": the scale explained,
    three or more grade words in a row, or the grade words after "the highest possible
    grade", "ranging from", "one level below" in their clause; no judgement."""
    if not ctx.grade_words(para):
        return
    for start, sentence, found in _sentence_matches(ctx, para):
        if len(found) >= 3:  # the scale is three grade words or more in a row
            for a, b in ctx.grammar.scale_spans(sentence):
                yield Reading(ctx.word_spans(para, start + a, start + b))
        named = SCALE_WORDS.search(sentence) if found and holds(sentence, SCALE_NEEDS) else None
        for match in found if named else ():
            at = match.start() - start
            clause = clause_at(sentence, at)
            explained = next((m for m in SCALE_WORDS.finditer(clause)), None)
            if explained and named.end() <= at and not RECEIVED.search(clause[:explained.start()]):
                yield Reading((Span(para.index, match.start(), match.end()),))


@whole_text
def back_reference(ctx):
    """ "... has received this grade in relation to A and B": the grade word read last."""
    last = None
    for para in ctx.paras:
        if not ctx.may_grade(para) and not (last and _may_refer_back(ctx.folded(para)) and ANAPHOR.search(para.text)):
            continue  # no grade word to remember and none referred back to
        for start, sentence, found in _sentence_matches(ctx, para):
            anaphor = ANAPHOR.search(sentence)
            if anaphor and last and not found:
                for phrase in ctx.grammar.phrases_after(GIVEN.sub(" ", anaphor.group("post"))):
                    grade, line = last
                    yield Reading((), (Statement(clean_phrase(phrase), grade, line,
                                                 is_earlier(sentence, anaphor.start(), anaphor.end()), listed=True),))
            if found:
                last = (ctx.grammar.grade_of(found[-1].group("g")), para.line_at(found[-1].start("g")))


def _may_refer_back(folded: str) -> bool:
    """Whether ANAPHOR could match: it needs one of these nouns (a test cheaper than the pattern)."""
    return "grad" in folded or "rating" in folded or "judg" in folded


def areas_list(ctx, para):
    """ "the 'outstanding' areas included A and B", "areas rated good were A; B and C"."""
    if not ctx.may_grade(para):
        return
    for start, sentence, found in _sentence_matches(ctx, para):
        if not found:  # the list hangs on a grade word of the sentence
            continue
        listed = ctx.grammar.areas_list.search(sentence) if holds(sentence, ("area",)) else None  # "areas included"
        if not listed:
            continue
        group = "g1" if listed.group("g1") else "g2"
        word = next(m for m in found if m.start("g") == start + listed.start(group))
        phrase = listed.group("p")
        end = re.search(r"[.!?](?:\s|$)", phrase)
        yield Reading((Span(para.index, word.start(), word.end()),),
                      (_statement(ctx, para, start, word, phrase[:end.start()] if end else phrase, sentence),))


@whole_text
def sentence(ctx):
    """A grade bound through a preposition to the area after it ("is good at investigating
    crime", "rated outstanding for ...", "requires improvement in the way it ..."), or to
    the subject or label before it ("The extent to which the force is effective at ... is
    good", "leadership and force management also requires improvement"). A grade word
    qualifying a noun ("good use of resources") is an adjective, not a grade; a sentence
    carrying on one about an earlier inspection ("It was also found to ...") is about it too."""
    previous_earlier = False
    for para in ctx.paras:
        if not ctx.may_grade(para):
            continue  # what carries on from an earlier sentence is decided at the sentences with grade words
        for start, text, found in _sentence_matches(ctx, para):
            inherited = previous_earlier and continues_earlier(text)
            words = [Word(m.start() - start, m.end() - start, ctx.grammar.grade_of(m.group("g"))) for m in found]
            for match, word, phrases in zip(found, words, scopes(ctx, text, words)):
                reading = _bound(ctx, para, start, text, match, word, phrases, inherited)
                if reading is not None:
                    yield reading
            if found:
                previous_earlier = inherited or all(
                    is_earlier(text, m.start("g") - start, m.end("g") - start) for m in found)


def _named_before(pre: str) -> list[str]:
    """The list of areas a sentence names before "on all counts": "three main headings -
    effectiveness, efficiency, and legitimacy; and the force was rated good ..."."""
    for segment in reversed(re.split(r"\s[-\u2013\u2014]\s|:\s|;\s", pre)):
        named = NAMED_LIST.match(segment)
        if named:
            return [named.group("list")]
    return []


def _bound(ctx, para, start, text, match, word, phrases, inherited) -> Reading | None:
    pre, post = text[max(0, word.start - WINDOW):word.start], text[word.end:word.end + WINDOW]
    if word.grade != "requires improvement" and ctx.grammar.is_adjective(post):
        return None
    if (not phrases or phrases == ["the board"]) and ALL_OF_THEM.match(post):
        phrases = _named_before(pre) or phrases  # "rated Good - ... - on all counts": the areas named before it
    if not phrases and word.grade == "ungraded":  # "we have assessed leadership ... a narrative judgment"
        phrases = ASSESSED.findall(para.text[max(0, match.start() - WINDOW):match.start()])[-1:]
    statements = tuple(_statement(ctx, para, start, match, p, text, earlier=inherited) for p in phrases
                       if clean_phrase(p) and len(p.split()) <= 40)
    return Reading((Span(para.index, match.start(), match.end()),), statements) if statements else None
