"""Counts stated without naming the areas ("'adequate' in six categories", "good in two
areas"): kept as grade counts, never turned into named grades."""

from __future__ import annotations

import re

from briefing.extract.text import Paragraph
from briefing.frameworks import Frameworks
from briefing.model import GradeCount

GRADE = r"(outstanding|good|adequate|requires? improvements?|inadequate|ungraded|not graded)"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
COUNT = re.compile(rf"'?(?P<grades>{GRADE}'?(?:\s+or\s+'?{GRADE}'?)*)\s+(?:in|for|across)\s+(?:(?:all|just|only)\s+)?"
                   rf"(?P<n>\d+|{'|'.join(NUMBERS)})(?=\s+(?:separate\s+|other\s+|of\s+the\s+\w+\s+)?(?:areas?|categories|"
                   rf"questions)\b|\s*[.,;]|\s+and\b|\s*$)", re.IGNORECASE)



def _grade(fw: Frameworks, word: str) -> str | None:
    return fw.grade(word.replace("'", ""))


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
