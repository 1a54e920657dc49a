"""Counts stated without naming the areas, kept as grade counts and never turned into
named grades, by these named rules:

- grade-in-n: "'adequate' in six categories", "outstanding in one area, good in one area",
  "outstanding or good in two areas";
- n-of-m: "good in four of the nine areas", "zero of the nine areas were outstanding or good";
- none: "no areas requiring improvement", "no requires improvement or inadequate grades",
  "no areas of the force were considered 'inadequate'", "don't have any headings below 'adequate'";
- n-grades: "six 'outstanding' grades and two 'good' grades";
- n-graded: "three areas rated 'inadequate'", "2 of which were Good, 3 were Adequate".
A sentence about an earlier inspection ("In 2017 ...", "at our last inspection") counts
nothing for this one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.findings.base import sentence_place
from briefing.extract.grades.grammar import Grammar
from briefing.extract.language import NUMBER_WORDS, number
from briefing.extract.needs import found_at_stems
from briefing.extract.ruler import Reading, Ruler, Span, Unique
from briefing.extract.vocabulary import QUOTE as Q
from briefing.model import GradeCount, RestGrade

WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # "seventeen" before "seven"
NUMBER = rf"(?:\d{{1,2}}(?!\d)|{WORDS}|zero|no|none)"  # never a year
SMALL = rf"(?:\d{{1,2}}|{WORDS})"  # a count of areas, never a year
VERBS = r"rated|graded|judged|deemed|assessed|found|considered|marked|ranked"
# "All but one field were assessed to be good or adequate" counts the others, not one
NOT_ALL_BUT = r"(?<!\bbut\s)(?<!\bbar\s)(?<!\bexcept\s)(?<!\bsave\s)"
# "zero of the nine areas assessed rated as good": nine is the total, never a grade's count
NOT_THE_TOTAL = r"(?<!\bof\sthe\s)(?<!\bof\sits\s)"
LADDER = ("outstanding", "good", "adequate", "requires improvement", "inadequate")
# where a count can begin (a digit, or the first letter of a number word): the patterns that open on a count are
# tried only there, as the grade vocabulary's `lead` does for those that open on a grade (the same match, found sooner)
NUMBER_LEAD = rf"(?=[\d{re.escape(''.join(sorted({w[0] for w in (*NUMBER_WORDS, 'zero', 'no', 'none')})))}])"


def _number(word: str) -> int:
    return 0 if word.lower() in ("zero", "no", "none") else number(word)


def _grades(grammar: Grammar, words: str) -> tuple[str, ...]:
    found = [grammar.grade_of(m.group("g")) for m in grammar.word.finditer(words)]
    return tuple(dict.fromkeys(g for g in found if g in LADDER))


@lru_cache(maxsize=8)
def _patterns(grades: str, lead: str) -> dict[str, re.Pattern]:
    """Every count pattern for one grade vocabulary, compiled once (not per paragraph);
    `lead` is the vocabulary's lookahead for the first letters of a grade word (Vocabulary.pair_lead)."""
    one = rf"{Q}?(?:{grades}){Q}?"
    many = rf"(?P<grades>{one}(?:\s+or\s+{one})*)"
    return {
        "in-n": re.compile(rf"{lead}{many}\s+(?:in|for|across)\s+(?:(?:all|just|only|the\s+other|the\s+remaining)\s+)?"
                           rf"(?P<n>{NUMBER})(?=\s+(?:separate\s+|other\s+|of\s+the\s+\w+\s+)?(?:areas?|categor(?:y|ies)|questions?)\b"
                           rf"|\s*[.,;]|\s+and\b|\s*$)(?!\s+of\s+the\s+\w+\s+areas)", re.IGNORECASE),
        "before": re.compile(rf"{lead}{many}\s+in\s+(?P<n>{NUMBER})\s+of\s+(?:the|its)\s+\w+\s+"
                             rf"(?:areas|categories|questions)\b", re.IGNORECASE),
        "after": re.compile(rf"{NUMBER_LEAD}\b(?P<n>{NUMBER})\s+of\s+(?:the|its)\s+\w+\s+(?:areas|categories|questions)\s+"
                            rf"(?:(?:assessed|inspected|graded)\s+)?(?:(?:were|was|are|is)\s+(?:(?:rated|graded|judged)\s+)?|"
                            rf"(?:rated|graded|judged)\s+)(?:as\s+)?{many}", re.IGNORECASE),
        "no-areas": re.compile(rf"\bno\s+(?:areas?|categories|questions|fields)\s+(?:(?!{VERBS}\b)[\w\u2019']+\s+){{0,5}}?"
                               rf"(?:(?:that\s+)?(?:were|are|was|is|have\s+been|has\s+been)\s+)?(?:(?:{VERBS})\s+(?:as\s+|to\s+be\s+)?)?"
                               rf"{many}", re.IGNORECASE),
        "no-grades": re.compile(rf"\bno\s+{many}\s+(?:grades?|gradings?|ratings?|judge?ments?)\b", re.IGNORECASE),
        "n-graded": re.compile(rf"{NUMBER_LEAD}(?<![\w,.]){NOT_ALL_BUT}{NOT_THE_TOTAL}(?P<n>{SMALL})\s+(?:(?:[\w\u2019']+\s+){{0,3}}?(?:areas?|fields?|categories|questions)"
                               rf"\s+(?:[\w\u2019']+\s+){{0,2}}?)?(?:of\s+which\s+)?(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?"
                               rf"(?:(?:{VERBS})\s+(?:as\s+|to\s+be\s+)?)?{many}(?!\s+(?:at|in|for|across)\b)", re.IGNORECASE),
        "n-grades": re.compile(rf"{NUMBER_LEAD}(?<![\w,.]){NOT_ALL_BUT}(?P<n>{SMALL})\s+{many}\s+(?:grades?|gradings?|ratings?|judge?ments?)\b", re.IGNORECASE),
        "all-but": re.compile(rf"\ball\s+(?:but|bar|except|save)\s+(?P<n>{SMALL})\s+(?:[\w\u2019']+\s+){{0,2}}?"
                              rf"(?:areas?|fields?|categories|questions)\s+(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?"
                              rf"(?:(?:{VERBS})\s+(?:as\s+|to\s+be\s+)?)?{many}", re.IGNORECASE),
        "below": re.compile(rf"\b(?:don't|do not|doesn't|does not|did not|didn't)\s+have\s+any\s+(?:headings|areas|grades|"
                            rf"gradings)\s+below\s+(?P<grade>{one})", re.IGNORECASE),
    }


def _counts(ctx, para, names: tuple[str, ...]):
    """(match, grades) of these patterns in a paragraph with a grade word, but in a sentence
    about an earlier inspection ("In 2017 ...", "at our last inspection"), which counts
    nothing for this one."""
    if not ctx.may_grade(para):
        return
    vocabulary = ctx.grammar.vocabulary
    patterns = _patterns(vocabulary.grades, vocabulary.pair_lead)
    for name in names:
        if not _may_count(name, ctx, para):
            continue
        found = found_at_stems(patterns[name], para.text, ctx.folded(para), vocabulary.stems, Q[1:-1]) \
            if name in OPEN_ON_A_GRADE else patterns[name].finditer(para.text)
        for match in found:
            if not _earlier(ctx, para, match.start()):
                yield match, _grades(ctx.grammar, match.group("grades"))


# the patterns whose every match opens on a grade word (or the quote before it): tried only where a grade
# wording's first letters are (needs.found_at_stems), not at every place its lookahead lets through
OPEN_ON_A_GRADE = frozenset({"in-n", "before"})
NEEDS = {"no-areas": ("no ",), "no-grades": ("no ",), "below": ("below",), "all-but": ("all but", "all bar", "all except",
                                                                                        "all save")}
OF_AREAS = (" of the ", " of its ")
A_NUMBER = re.compile(rf"\d|\b(?:{'|'.join(NUMBER_WORDS)}|zero|no|none)\b")


def _may_count(name: str, ctx, para) -> bool:
    """Whether a count pattern could match: the words it needs are in the case-folded
    paragraph (a test cheaper than the pattern; most paragraphs with a grade word count
    nothing), a number asked once a paragraph for every rule."""
    folded = ctx.folded(para)
    if name in NEEDS:
        return any(word in folded for word in NEEDS[name])
    if name in ("before", "after") and not any(words in folded for words in OF_AREAS):
        return False  # "four of the nine areas"
    return ctx.searched(A_NUMBER, para)


def _earlier(ctx, para, at: int) -> bool:
    """Whether the count's sentence is about an earlier inspection: it says so, or it sums up
    ("This means that out of a possible six areas ...") a sentence that does ("holds two
    outstandings ... as part of previous inspections"), so its total holds earlier grades."""
    said = ctx.sentences(para)
    index = next((i for i in range(len(said) - 1, -1, -1) if said[i][0] <= at), 0)
    sentence = said[index][1] if said else para.text
    if EARLIER_SENTENCE.search(sentence):
        return True
    if not SUMMING.match(sentence):
        return False
    before = said[index - 1][1] if index else _last_sentence(ctx, para.index - 1)
    return bool(before and EARLIER_SENTENCE.search(before))


def _last_sentence(ctx, index: int) -> str:
    if index < 0:
        return ""
    said = ctx.sentences(ctx.paras[index])
    return said[-1][1] if said else ""


def _reading(para, match: re.Match, grades: tuple[str, ...], count: int) -> Reading:
    """The count's words claimed; a count of no grade on the scale ("ungraded") is none."""
    if not grades:
        return Reading()
    return Reading((Span(para.index, match.start(), match.end()),), (GradeCount(grades, count, para.start.place),))


def n_of_m(ctx, para):
    """ "good in four of the nine areas", "zero of the nine areas were outstanding or good"."""
    for match, grades in _counts(ctx, para, ("before", "after")):
        yield _reading(para, match, grades, _number(match.group("n")))


def grade_in_n(ctx, para):
    """ "'adequate' in six categories", "outstanding or good in two areas", "'requires
    improvement' in the other five areas"."""
    for match, grades in _counts(ctx, para, ("in-n",)):
        yield _reading(para, match, grades, _number(match.group("n")))


# "one area highlighted as requiring improvement is 'protecting vulnerable people'": one of a set,
# named, not a count of the set ("the one area rated inadequate is ..." is: "the" or "only" before it)
NAMES_ONE = re.compile(r"^\s*(?:is|was)\s")
THE_ONE = re.compile(r"\b(?:the|only)\s+$", re.IGNORECASE)


def n_graded(ctx, para):
    """ "three areas rated 'inadequate'", "9 areas were graded - 2 of which were Good, 3 were
    Adequate", "five areas ... rated as good, four fall short - two require improvement";
    never "one area highlighted as requiring improvement is ...", which names one of them."""
    for match, grades in _counts(ctx, para, ("n-graded",)):
        if _number(match.group("n")) == 1 and NAMES_ONE.match(para.text[match.end():]) and \
                not THE_ONE.search(para.text[max(0, match.start() - 6):match.start()]):
            continue
        yield _reading(para, match, grades, _number(match.group("n")))


def all_but(ctx, para):
    """ "All but one field were assessed to be good or adequate": English for all the graded
    areas less that number, so seven of the eight the text says were graded; with no total
    stated, the words are claimed and count nothing (never a grade of "one field", which is
    the one area that was not good or adequate)."""
    for match, grades in _counts(ctx, para, ("all-but",)):
        total = areas_graded(ctx)
        if total is None or total < _number(match.group("n")):
            yield Reading((Span(para.index, match.start(), match.end()),))
        else:
            yield _reading(para, match, grades, total - _number(match.group("n")))


def n_grades(ctx, para):
    """ "six 'outstanding' grades, two 'good' grades and one 'adequate' grade"."""
    for match, grades in _counts(ctx, para, ("n-grades",)):
        yield _reading(para, match, grades, _number(match.group("n")))


def none(ctx, para):
    """ "no areas requiring improvement", "no areas of the force were considered 'inadequate'",
    "no requires improvement or inadequate grades", "don't have any headings below 'adequate'"."""
    for match, grades in _counts(ctx, para, ("no-areas", "no-grades")):
        yield _reading(para, match, grades, 0)
    if not _may_count("below", ctx, para):
        return
    for match in _patterns(ctx.grammar.vocabulary.grades, ctx.grammar.vocabulary.pair_lead)["below"].finditer(para.text):
        floor = ctx.grammar.grade_of(match.group("grade").strip("'\u2018\u2019\"\u201c\u201d"))
        if floor in LADDER and not _earlier(ctx, para, match.start()):
            yield _reading(para, match, LADDER[LADDER.index(floor) + 1:], 0)


SUMMING = re.compile(r"^\W*(?:this|that|which)\s+means\b|^\W*(?:in\s+total|altogether|taken\s+together|in\s+all)\b",
                     re.IGNORECASE)  # a sentence that adds up the one before
EARLIER_SENTENCE = re.compile(r"^(in|by) (19|20)\d\d\b|\b(last|previous) inspection|\bwas last inspected\b", re.IGNORECASE)
COUNT_RULES = Ruler([("n-of-m", n_of_m), ("grade-in-n", grade_in_n), ("none", none), ("all-but", all_but), ("n-grades", n_grades),
                     ("n-graded", n_graded)],
                    repeats=Unique(lambda reading, count: (count.grades, count.count, reading.spans[0].para)),
                    paragraphs=lambda ctx: ctx.graded_paras)


def find_counts(ctx, rules: Ruler = COUNT_RULES) -> list[GradeCount]:
    """Counts stated without areas, for this inspection only, each read once."""
    return in_order(rules.read(ctx))


def in_order(result) -> list[GradeCount]:
    """What the count rules read, in the text's order (within a paragraph, the rules')."""
    return [r.statement for r in sorted(result.read, key=lambda r: r.reading.spans[0].para)]


AREAS_GRADED = re.compile(rf"\bgraded\s+(?:[^.]{{0,80}}?\bperformance\s+across\s+(?P<n>{SMALL})\s+(?:separate\s+|specific\s+)?"
                          rf"areas\b|(?P<m>{SMALL})\s+(?:of\s+them\s+)?to\s+assess\b)"
                          rf"|\b(?:were|was|been)\s+(?:graded|assessed)\s+in\s+(?P<k>{SMALL})\s+(?:distinct\s+|separate\s+|"
                          rf"specific\s+|different\s+)?(?:areas|fields)\b"
                          rf"|\b(?:make|makes|made)\s+graded\s+judge?ments\s+in\s+(?P<j>{SMALL})\s+of\s+(?:these|the)\s+"
                          rf"{SMALL}\b", re.IGNORECASE)


REST = re.compile(
    rf"\b(?:all\s+(?:the\s+)?other|all\s+(?:the\s+)?remaining|every\s+other|each\s+of\s+the\s+other|the\s+other|"
    rf"the\s+remaining|the\s+rest\s+of\s+the)\s+(?:graded\s+|assessed\s+|inspected\s+)?(?:areas?|categories|questions|"
    rf"fields)\b(?:\s+of\s+(?:the\s+)?[\w\u2019']+(?:\s+[\w\u2019']+){{0,2}}?\s+work)?\s+(?:were|was|are|is|have\s+been)"
    rf"\s+(?:all\s+)?(?:(?:{VERBS})\s+)?(?:as\s+|to\s+be\s+)?(?P<grades>[^.;,]{{3,60}})", re.IGNORECASE)


# "it is now ranked adequate, good or outstanding in all areas": the grades every area has
# (never "in all areas, except investigating crime", nor "made progress in all areas")
ALL_AREAS = re.compile(r"\b(?:ranked|rated|graded|assessed|judged)\s+(?:as\s+)?(?P<grades>[^.;:]{3,60}?)\s+in\s+(?:all|every)"
                       r"\s+(?:of\s+(?:the|its)\s+)?(?:areas?|categories)\b(?!,?\s+(?:except|but|apart|other\s+than|save))",
                       re.IGNORECASE)


# "Sussex Police is 'good' or 'adequate' in all areas, except investigating crime, where it 'requires
# improvement'": the grades of every area but those excepted, read only where the sentence grades each of them
EXCEPT = re.compile(r"\b(?:is|are|was|were|ranked|rated|graded|assessed|judged)\s+(?:as\s+)?(?P<grades>[^.;:]{3,60}?)\s+"
                    r"(?:in|across)\s+(?:all|every)\s+(?:of\s+(?:the|its)\s+)?(?:areas?|categories)\s*,?\s+"
                    r"(?:except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|bar)\s+(?P<excepted>[^.;]{3,160}?)"
                    r"(?=,?\s+(?:where|in\s+which|which)\b|\s*[.;]|\s*$)", re.IGNORECASE)
EXCEPT_WORDS = ("except", " than ", "apart", " bar ", "save")  # one of which EXCEPT cannot match without
GRADED_THINGS = ("area", "categor", "question", "field")  # what REST, ALL_AREAS and EXCEPT need a paragraph to name


def rest_grade(ctx) -> RestGrade | None:
    """ "All other graded areas of the force's work were ranked as adequate": the grade of every
    graded area the source does not name (a count of areas it is not: see model.RestGrade);
    never one about an earlier inspection, never with a number ("the other two areas")."""
    naming = ctx.holding(GRADED_THINGS)  # found once through the whole text, not a test a paragraph
    for para in ctx.paras:
        if para.index not in naming:
            continue
        folded = ctx.folded(para)
        if "other" not in folded and "remaining" not in folded and "rest" not in folded and "all" not in folded:
            continue
        for match in (*REST.finditer(para.text), *ALL_AREAS.finditer(para.text), *_excepting(ctx, para)):
            grades = _grades(ctx.grammar, match.group("grades")[:30 if match.re is REST else 60])
            if (len(grades) == 1 or match.re is not REST and grades) and not _earlier(ctx, para, match.start()):
                start = max(para.text.rfind(". ", 0, match.start()) + 1, 0)
                end = para.text.find(". ", match.end())
                said = " ".join(para.text[start:end + 1 if end >= 0 else None].split())
                return RestGrade(grades, said, sentence_place(para, said), "the-rest")
    return None


def in_rest(ctx, word, rest: RestGrade | None) -> bool:
    """Whether a grade word no other rule placed is one the rest grade read ("all other graded
    areas of the force's work were ranked as adequate"): placed there, not a stray grade."""
    return rest is not None and word.place == rest.place and ctx.grammar.grade_of(word.word) in rest.grades


def _excepting(ctx, para):
    """ "'good' or 'adequate' in all areas, except investigating crime, where it 'requires
    improvement'": only where every area excepted is graded in that sentence outside the
    grades said of the rest. "Rated good in all areas, except investigating crime" says
    nothing of that area's grade, so a rest grade there would give it one: none is read."""
    folded = ctx.folded(para)
    if not any(word in folded for word in EXCEPT_WORDS):
        return
    settled = ctx.settled
    for match in EXCEPT.finditer(para.text):
        excepted = [area for _, area in settled.resolve.split(match.group("excepted"))] if settled.resolve else [None]
        rest = _grades(ctx.grammar, match.group("grades"))
        places = {line.place for line in para.lines}
        graded = {j.area for j in settled.judgements if j.grade not in rest and j.place in places}
        if excepted and None not in excepted and all(area.canonical in graded for area in excepted):
            yield match


def areas_graded(ctx) -> int | None:
    """How many areas the text says were graded: HMICFRS's "graded Northshire Police's
    performance across eight areas of policing", "looked at nine areas and graded eight to
    assess ...", a force's "We were assessed in eight distinct fields"; the first such
    statement, never one about an earlier inspection. HMICFRS's own "we make graded judgments
    in nine of these ten" counts; a report that "sets out the findings and graded judgments
    in five of the seven areas" (the rest in linked reports) does not say how many were graded."""
    for para in ctx.paras:
        folded = ctx.folded(para)
        if "graded" not in folded and "assessed in" not in folded:
            continue
        for match in AREAS_GRADED.finditer(para.text):
            if not _earlier(ctx, para, match.start()):
                return _number(match.group("n") or match.group("m") or match.group("k") or match.group("j"))
    return None
