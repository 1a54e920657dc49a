"""Whether a grade word is said of this inspection or an earlier one: only when its verb or
a date puts it in the past ("was rated good last year", "In 2017 we judged", "had been
graded"), never for words that compare the current grade with it ("unchanged from last
year", "the same as last year", "improved from requires improvement to good": the second
grade is the current one)."""

from __future__ import annotations

import re

from briefing.extract.grades.grammar import EARLIER, RECEIVED_THEN, SAME_AS_BEFORE, STARTED_FROM, only_past

CLAUSE = re.compile(r";|\s[-\u2013\u2014]\s|,\s*(?:but|while|whereas|although|though|however)\b|\s(?:but|whereas)\s"
                    r"|,\s+(?:and\s+)?(?:it|the force|the constabulary)\s+(?:is|was|has)\b", re.IGNORECASE)
YEAR_FIRST = re.compile(r"^\W*(?:in|by|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
YEAR_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:in|from|during|since)\s+(?:its\s+|the\s+|our\s+)?(?:(?:19|20)\d\d)\b",
                        re.IGNORECASE)


WINDOW = 600  # characters either side of a grade word: a clause is never longer, and a run-on text stays linear


def clause_at(sentence: str, at: int) -> str:
    """The clause holding the character at `at`, within WINDOW characters of it."""
    low = max(0, at - WINDOW)
    piece, at = sentence[low:at + WINDOW], at - low
    start, end = 0, len(piece)
    for cut in CLAUSE.finditer(piece):
        if cut.end() <= at:
            start = cut.end()
        elif cut.start() > at:
            end = cut.start()
            break
    return piece[start:end]


CONTINUES = re.compile(r"^\W*(?:it|they|the force|the constabulary)\s+(?:was|were|had)\s+(?:also|further)\b"
                       r"|^\W*(?:it|this)\s+also\s+(?:found|rated|judged|graded)\b", re.IGNORECASE)


def continues_earlier(sentence: str) -> bool:
    """ "It was also found to ...": a past-tense sentence that carries on the one before it,
    and so is about the same (earlier) inspection when that one was."""
    return bool(CONTINUES.search(sentence))


FIELDWORK = re.compile(r"\binspect(?:ed|ion)\b[^.;]{0,60}?\b(?:in\s+\w+\s+)?last\s+year\b"
                       r"|\bsince\s+(?:its|our|the|their)\s+(?:last|previous)\s+(?:\w+\s+)?(?:inspection|report|assessment)\b",
                       re.IGNORECASE)


def _past(clause: str) -> bool:
    """An earlier inspection is spoken of; "inspected the force in November last year" only
    dates this one's fieldwork, and "improvements since its last inspection" measures now."""
    return bool(EARLIER.search(FIELDWORK.sub(" ", clause)))


# is_earlier's and year_of's patterns, compiled once
FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+|its\s+)?\W?$")
TO_AFTER = re.compile(r"^\W*\s*(?:\w+\s+){0,6}to\b")
TO_BEFORE = re.compile(r"\b(?:to|now)\s+(?:an?\s+|the\s+)?\W?$")
WAS_BEFORE = re.compile(r"\b(?:was|were|had)\b")


def is_earlier(sentence: str, at: int, end: int) -> bool:
    """The grade word at `at`..`end` of `sentence` is about an earlier inspection."""
    before, after = sentence[max(0, at - 40):at], sentence[end:end + 60]
    if FROM_BEFORE.search(before) and TO_AFTER.search(after):
        return True  # "from requires improvement (last year) to good": the starting point
    if STARTED_FROM.search(before) and RECEIVED_THEN.match(after):
        return True  # "an improvement from the 'inadequate' grading it received in 2023": the grade before
    if TO_BEFORE.search(before) and _past(clause_at(sentence, at)):
        return False  # "... last year to good": where it stands now
    clause = clause_at(sentence, at)
    if _past(clause):
        return not SAME_AS_BEFORE.search(clause)
    return only_past(clause)


def year_of(sentence: str, at: int, end: int) -> int | None:
    """A year the text puts on a grade in the past tense: "which was rated inadequate in
    2016", "In 2019, the force was rated inadequate". Such a grade belongs to the cycle of
    that year, which may be an earlier one."""
    clause = clause_at(sentence, at)
    if not WAS_BEFORE.search(sentence[max(0, at - 120):at]):
        return None
    found = YEAR_AFTER.search(sentence[end:]) or YEAR_FIRST.search(clause)
    return int(re.search(r"(?:19|20)\d\d", found.group(0)).group(0)) if found else None


def past_years(ctx) -> list[int]:
    """Every year the text puts on a grade in the past tense, whether or not a rule bound
    the grade to an area ("followed by a 'Requires Improvement' rating in 2017")."""
    years = []
    for para in ctx.graded_paras:  # those with a grade word
        words = ctx.grade_words(para)
        for start, sentence in ctx.sentences(para):
            for match in words:
                if start <= match.start() < start + len(sentence):
                    year = year_of(sentence, match.start("g") - start, match.end("g") - start)
                    if year:
                        years.append(year)
    return years
