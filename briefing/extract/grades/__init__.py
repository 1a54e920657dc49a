"""Grade statements: the ordered rules that read them, and the engine that runs the rules.

A grade word is read by the first rule, in this order, that reads it: lines of their own
first (labels, table rows, grade lines under headings), then what is plainly no grade
(the scale explained), then sentence forms from the most specific to the most general.
"""

from __future__ import annotations

from briefing.extract.grades import aside, lines, lists, needing, sentences
from briefing.extract.grades.statement import Statement
from briefing.extract.ruler import Reading, Ruler

GRADE_RULES = Ruler([
    ("address", aside.address),
    ("pending", aside.pending),  # before the label rules: "Effectiveness: not yet graded" is no "ungraded" (review 15, 14)
    ("label", lines.label),
    ("area-label", lines.area_label),
    ("row", lines.row),
    ("heading", lines.heading),
    ("question-heading", lines.question_heading),
    ("ungraded-question", lines.ungraded_question),
    ("scale", sentences.scale),
    ("question", aside.question),
    ("negated", aside.negated),
    ("vague", aside.vague),
    ("degree", aside.degree),
    ("quotation", aside.quotation),
    ("other-force", aside.other_force),
    ("national", aside.national),
    ("aim", aside.aim),
    ("grade-then-list", lists.grade_then_list),
    ("back-reference", sentences.back_reference),
    ("areas-list", sentences.areas_list),
    ("strength-within-need", needing.strength_within_need),
    ("practice", aside.practice),
    ("adjective", aside.adjective),
    ("sentence", sentences.sentence),
    ("earlier", aside.earlier),
], paragraphs=lambda ctx: ctx.graded_paras)


def read_statements(ctx, rules: Ruler = GRADE_RULES) -> list[Statement]:
    """Every grade statement of the text, each grade word read once, in rule order."""
    return rules.read(ctx).statements


def read_grades(ctx, rules: Ruler = GRADE_RULES):
    """What the grade rules read (ruler.Result): the statements, and every grade word
    claimed, by a statement or set aside."""
    return rules.read(ctx)


__all__ = ["GRADE_RULES", "Reading", "Statement", "read_grades", "read_statements"]
