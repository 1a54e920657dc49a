"""Counts stated without naming the areas, kept as grade counts and never turned into
named grades, by these named rules:

- grade-in-n: "'adequate' in six categories", "outstanding in one area, good in one area",
  "outstanding or good in two areas";
- n-of-m: "good in four of the nine areas", "zero of the nine areas were outstanding or good";
- none: "no areas requiring improvement", "don't have any headings below 'adequate'".
A paragraph about an earlier inspection ("In 2017 ...", "at our last inspection") counts
nothing for this one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.grades.grammar import Grammar
from briefing.extract.language import NUMBER as CARDINAL
from briefing.extract.language import number
from briefing.extract.ruler import Reading, Ruler, Span, Unique
from briefing.extract.vocabulary import QUOTE as Q
from briefing.model import GradeCount

NUMBER = rf"(?:{CARDINAL}|zero|no|none)"
LADDER = ("outstanding", "good", "adequate", "requires improvement", "inadequate")


def _number(word: str) -> int:
    return 0 if word.lower() in ("zero", "no", "none") else number(word)


def _grades(grammar: Grammar, words: str) -> tuple[str, ...]:
    found = [grammar.grade_of(m.group("g")) for m in grammar.word.finditer(words)]
    return tuple(dict.fromkeys(g for g in found if g in LADDER))


@lru_cache(maxsize=8)
def _patterns(grades: str, lead: str) -> dict[str, re.Pattern]:
    """Every count pattern for one grade vocabulary, compiled once (not per paragraph);
    `lead` is the vocabulary's lookahead for the first character of a grade word."""
    one = rf"{Q}?(?:{grades}){Q}?"
    many = rf"(?P<grades>{one}(?:\s+or\s+{one})*)"
    return {
        "in-n": re.compile(rf"{lead}{many}\s+(?:in|for|across)\s+(?:(?:all|just|only)\s+)?"
                           rf"(?P<n>{NUMBER})(?=\s+(?:separate\s+|other\s+|of\s+the\s+\w+\s+)?(?:areas?|categories|questions)\b"
                           rf"|\s*[.,;]|\s+and\b|\s*$)(?!\s+of\s+the\s+\w+\s+areas)", re.IGNORECASE),
        "before": re.compile(rf"{lead}{many}\s+in\s+(?P<n>{NUMBER})\s+of\s+(?:the|its)\s+\w+\s+"
                             rf"(?:areas|categories|questions)\b", re.IGNORECASE),
        "after": re.compile(rf"\b(?P<n>{NUMBER})\s+of\s+(?:the|its)\s+\w+\s+(?:areas|categories|questions)\s+(?:were|was|are|is)\s+"
                            rf"(?:(?:rated|graded|judged)\s+)?(?:as\s+)?{many}", re.IGNORECASE),
        "no-areas": re.compile(rf"\bno\s+(?:areas?|categories|questions)\s+(?:that\s+(?:were|are)\s+)?(?:(?:rated|graded|judged|"
                               rf"found)\s+(?:as\s+)?)?{many}", re.IGNORECASE),
        "below": re.compile(rf"\b(?:don't|do not|doesn't|does not|did not|didn't)\s+have\s+any\s+(?:headings|areas|grades|"
                            rf"gradings)\s+below\s+(?P<grade>{one})", re.IGNORECASE),
    }


def _paragraph_counts(ctx, para) -> bool:
    """Every count names a grade; a paragraph about an earlier inspection ("In 2017 ...",
    "at our last inspection") counts nothing for this one."""
    return ctx.may_grade(para) and not EARLIER_PARAGRAPH.search(para.text)


def _reading(para, match: re.Match, grades: tuple[str, ...], count: int) -> Reading:
    """The count's words claimed; a count of no grade on the scale ("ungraded") is none."""
    if not grades:
        return Reading()
    return Reading((Span(para.index, match.start(), match.end()),), (GradeCount(grades, count, para.start.place),))


def grade_in_n(ctx, para):
    """ "'adequate' in six categories", "outstanding or good in two areas"."""
    if not _paragraph_counts(ctx, para):
        return
    grammar = ctx.grammar
    for match in _patterns(grammar.vocabulary.grades, grammar.vocabulary.lead)["in-n"].finditer(para.text):
        yield _reading(para, match, _grades(grammar, match.group("grades")), _number(match.group("n")))


def n_of_m(ctx, para):
    """ "good in four of the nine areas", "zero of the nine areas were outstanding or good"."""
    if not _paragraph_counts(ctx, para):
        return
    grammar = ctx.grammar
    patterns = _patterns(grammar.vocabulary.grades, grammar.vocabulary.lead)
    for name in ("before", "after"):
        for match in patterns[name].finditer(para.text):
            yield _reading(para, match, _grades(grammar, match.group("grades")), _number(match.group("n")))


def none(ctx, para):
    """ "no areas requiring improvement", "don't have any headings below 'adequate'"."""
    if not _paragraph_counts(ctx, para):
        return
    grammar = ctx.grammar
    patterns = _patterns(grammar.vocabulary.grades, grammar.vocabulary.lead)
    for match in patterns["no-areas"].finditer(para.text):
        yield _reading(para, match, _grades(grammar, match.group("grades")), 0)
    for match in patterns["below"].finditer(para.text):
        floor = grammar.grade_of(match.group("grade").strip("'\u2018\u2019\"\u201c\u201d"))
        if floor in LADDER:
            yield _reading(para, match, LADDER[LADDER.index(floor) + 1:], 0)


EARLIER_PARAGRAPH = re.compile(r"^(in|by) (19|20)\d\d\b|\b(last|previous) inspection", re.IGNORECASE)
COUNT_RULES = Ruler([("n-of-m", n_of_m), ("grade-in-n", grade_in_n), ("none", none)],
                    repeats=Unique(lambda reading, count: (count.grades, count.count, reading.spans[0].para)))


def find_counts(ctx, rules: Ruler = COUNT_RULES) -> list[GradeCount]:
    """Counts stated without areas, for this inspection only, each read once, in the
    text's order (and, within a paragraph, in the rules' order)."""
    read = sorted(rules.read(ctx).read, key=lambda r: r.reading.spans[0].para)
    return [r.statement for r in read]
