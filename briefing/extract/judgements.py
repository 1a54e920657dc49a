"""Graded judgements as reports and press state them, in order of how much to trust each:

1. rows of a grades table or list ("Preventing crime  Requires improvement", "Recording
   data about crime - outstanding");
2. sentences ("Northamptonshire Police is adequate at investigating crime.");
3. "We don't grade forces on this question" under an area's heading;
4. a grade on a line of its own after the area's heading or question.
An area is recorded once, from the most trusted form found; nothing is guessed.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from briefing.extract.text import Paragraph, strip_bullet
from briefing.frameworks import Area, Cycle, Frameworks, normalise
from briefing.model import GradeCount, Judgement

GRADE = r"(outstanding|good|adequate|requires? improvements?|inadequate|ungraded|not graded)"
ROW = re.compile(rf"^(?P<area>[A-Za-z][^\t]*?)(?:\t+| {{2,}}| - |\s*: )\s*'?(?P<grade>{GRADE})'?\b(?!\s+at\b)",
                 re.IGNORECASE)
SENTENCE = re.compile(rf"\b(?:is|are|was)?\s*'?(?P<grade>{GRADE})'?\s+(?:at|in)\s+(?P<phrase>[^.;]+)", re.IGNORECASE)
UNGRADED = re.compile(r"\bwe (?:do not|don't) grade forces on this question\b", re.IGNORECASE)
ALONE = re.compile(rf"^\W*(?P<grade>{GRADE})\W*$", re.IGNORECASE)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
COUNT = re.compile(rf"'?(?P<grades>{GRADE}'?(?:\s+or\s+'?{GRADE}'?)*)\s+(?:in|for|across)\s+(?:(?:all|just|only)\s+)?"
                   rf"(?P<n>\d+|{'|'.join(NUMBERS)})(?=\s+(?:separate\s+|other\s+|of\s+the\s+\w+\s+)?(?:areas?|categories|"
                   rf"questions)\b|\s*[.,;]|\s+and\b|\s*$)", re.IGNORECASE)


class AreaFinder:
    """An area of one cycle from a wording: exact (normalised) first, then close spelling."""

    def __init__(self, cycle: Cycle):
        self.cycle = cycle
        self.wordings = {normalise(w): a for a in cycle.areas for w in a.wordings()}

    def __call__(self, text: str, exact: bool = False) -> Area | None:
        key = normalise(re.sub(r"\b(19|20)\d\d\b", "", text))
        key = re.sub(r"^(overall|the force s|force s)\s+", lambda m: "overall " if m.group(1) == "overall" else "", key)
        if not key:
            return None
        if key in self.wordings:
            return self.wordings[key]
        if exact or len(key) < 8:
            return None
        best = process.extractOne(key, list(self.wordings), scorer=fuzz.ratio, score_cutoff=88)
        return self.wordings[best[0]] if best else None


def _grade(fw: Frameworks, word: str) -> str | None:
    return fw.grade(word.replace("'", ""))


def find_judgements(paras: list[Paragraph], fw: Frameworks, cycle: Cycle) -> list[Judgement]:
    find = AreaFinder(cycle)
    found: dict[str, Judgement] = {}
    for strategy in (_rows, _sentences, _ungraded, _alone):
        for judgement in strategy(paras, fw, find):
            found.setdefault(judgement.area, judgement)
    return sorted(found.values(), key=lambda j: (j.place.page or 0, j.place.line or 0))


def _rows(paras, fw, find):
    for para in paras:
        for line in para.lines:
            match = ROW.match(strip_bullet(line.text))
            area = find(match.group("area"), exact=True) if match else None
            grade = _grade(fw, match.group("grade")) if match else None
            if area and grade and _allowed(grade, area, find.cycle):
                yield Judgement(area.canonical, match.group("area").strip(" •-"), grade, line.place)


def _sentences(paras, fw, find):
    for para in paras:
        for match in SENTENCE.finditer(para.text):
            area = find(match.group("phrase"))
            grade = _grade(fw, match.group("grade"))
            if area and grade and _allowed(grade, area, find.cycle):
                yield Judgement(area.canonical, match.group("phrase").strip(), grade, para.start.place)


def _ungraded(paras, fw, find):
    heading = None
    for para in paras:
        area = find(para.text, exact=True) if len(para.text) < 120 else None
        if area:
            heading = (area, para.text)
        elif UNGRADED.search(para.text) and heading:
            yield Judgement(heading[0].canonical, heading[1], "ungraded", para.start.place)


QUESTION = re.compile(r"how (?:effective|good|well) is the force at [^?]{5,120}\?", re.IGNORECASE)


def _alone(paras, fw, find):
    """A grade line follows its area's heading or question, possibly after the summary."""
    heading = None
    for para in paras:
        text = para.text.lstrip("#• ").strip()
        area = find(text, exact=True) if len(text) < 160 else None
        questions = [q for q in QUESTION.findall(para.text) if find(q, exact=True)]
        if area or questions:
            heading = (area, text) if area else (find(questions[-1], exact=True), questions[-1])
            continue
        for line in para.lines:  # a grade line can run into the next page's first words
            match = ALONE.match(line.text.lstrip("#• ").strip())
            grade = _grade(fw, match.group("grade")) if match else None
            if grade and heading and _allowed(grade, heading[0], find.cycle):
                yield Judgement(heading[0].canonical, heading[1], grade, line.place)


def _allowed(grade: str, area: Area, cycle: Cycle) -> bool:
    return (grade == "ungraded") or (area.graded and grade in cycle.grades)


def find_counts(paras: list[Paragraph], fw: Frameworks) -> list[GradeCount]:
    """Counts stated without areas ("'adequate' in six categories"), for this inspection only."""
    out = []
    for para in paras:
        if re.match(r"^(in|by) (19|20)\d\d\b", para.text, re.IGNORECASE) or re.search(r"\b(last|previous) inspection", para.text,
                                                                             re.IGNORECASE):
            continue
        for match in COUNT.finditer(para.text):
            grades = tuple(dict.fromkeys(g for g in (_grade(fw, w) for w in re.findall(GRADE, match.group("grades"),
                                                                                        re.IGNORECASE)) if g))
            n = match.group("n").lower()
            count = int(n) if n.isdigit() else NUMBERS[n]
            if grades:
                out.append(GradeCount(grades, count, para.start.place))
    return out
