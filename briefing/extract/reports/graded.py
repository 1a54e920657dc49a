"""The graded judgements a report that is not a PEEL assessment states of itself, in its
own words: a force inspection of vetting ("Vetting, IT monitoring and counter-corruption:
adequate"), a crime data integrity inspection ("Inadequate" under its title; a question
then "graded inadequate"). Its areas are its own, not a PEEL cycle's, so each is kept
under the wording the report gives it, with its line, for the s.55 draft to quote.

Read as rules of a report page's layout, each a line (or two) of its own:
- label-grade: "Vetting, IT monitoring and counter-corruption: adequate": a name, never a
  clause ("The extent to which the force is efficient ... is: good" is a sentence), nor
  where an action stands ("Status: Outstanding", data/language.yaml's status_labels);
- overall-grade: a grade alone on a line among the first lines under the title: the
  report's overall judgement;
- question-graded: a question of the inspection ("How effective is the force at recording
  reported crime?") with "graded inadequate" on the next line.
A grade word in a sentence ("the force's adequate plans") is none of these.
"""

from __future__ import annotations

import re

from briefing.model import Judgement
from briefing.reference import reference

LABEL_WORDS = 12  # a label names an area in a few words
TOP = 6  # the lines under the title where a report page states its overall grade
OVERALL = "Overall judgement"
VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|will|should|must)\b", re.IGNORECASE)
LABELLED = re.compile(r"^\s*(?:[-\u2022*]\s*)?(?P<label>[A-Z][^:?.!]{2,120}?)\s*:\s*"
                      r"(?P<grade>[A-Za-z ]{4,25}?)\s*\.?\s*$")
STATUS_LABELS = frozenset(w.lower() for w in reference().language["status_labels"])  # "Status: Outstanding"
GRADED = re.compile(r"^\s*graded\s+(?:as\s+)?(?P<grade>[A-Za-z ]{4,25}?)\s*\.?\s*$", re.IGNORECASE)


def stated_grades(ctx, rules: tuple[str, ...] = ()) -> list[Judgement]:
    """The report's own graded judgements, in the text's order, each area once; by the
    rules named (`rules`, each by the name it gives as `how`), else by all."""
    lines = [line for line in ctx.source if line.text.strip()]
    found = [j for name, rule in RULES.items() if not rules or name in rules for j in rule(ctx, lines)]
    seen, out = set(), []
    for j in sorted(found, key=lambda j: (j.place.page or 0, j.place.line or 0)):
        if j.area.lower() not in seen:
            seen.add(j.area.lower())
            out.append(j)
    return out


def _grade(ctx, word: str) -> str:
    """The grade a word names on the scale ("Requires Improvement"), or ""."""
    grade = ctx.frameworks.grade(" ".join(word.split()))
    return grade if grade and grade in ctx.frameworks.ranks else ""


def _labelled(ctx, lines) -> list[Judgement]:
    out = []
    for line in lines:
        found = LABELLED.match(line.text)
        if not found:
            continue
        label, grade = " ".join(found.group("label").split()), _grade(ctx, found.group("grade"))
        if grade and len(label.split()) <= LABEL_WORDS and not VERB.search(label) and \
                label.lower() not in STATUS_LABELS:
            out.append(Judgement(label, label, grade, line.place, how="label-grade"))
    return out


def _overall(ctx, lines) -> list[Judgement]:
    """A grade alone on a line just under the title (the first line that is no address)."""
    top = [line for line in lines if not line.text.lstrip().upper().startswith("SOURCE:")][1:TOP]
    for line in top:
        grade = _grade(ctx, line.text.strip().rstrip("."))
        if grade:
            return [Judgement(OVERALL, OVERALL, grade, line.place, how="overall-grade")]
    return []


def _questions(ctx, lines) -> list[Judgement]:
    out = []
    for question, answer in zip(lines, lines[1:]):
        found = GRADED.match(answer.text)
        asked = " ".join(question.text.split())
        grade = _grade(ctx, found.group("grade")) if found and asked.endswith("?") else ""
        if grade:
            out.append(Judgement(asked, asked, grade, answer.place, how="question-graded"))
    return out


RULES = {"label-grade": _labelled, "overall-grade": _overall, "question-graded": _questions}
