"""Grade statements: the ordered rules that read them, and the engine that runs the rules.

A grade word is read by the first rule, in this order, that reads it: lines of their own
first (labels, table rows, grade lines under headings), then what is plainly no grade
(the scale explained), then sentence forms from the most specific to the most general.
"""

from __future__ import annotations

from briefing.extract.grades import aside, lines, lists, sentences
from briefing.extract.grades.statement import Statement
from briefing.extract.ruler import Reading, Ruler

GRADE_RULES = Ruler([
    ("label", lines.label),
    ("area-label", lines.area_label),
    ("row", lines.row),
    ("heading", lines.heading),
    ("question-heading", lines.question_heading),
    ("ungraded-question", lines.ungraded_question),
    ("scale", sentences.scale),
    ("quotation", aside.quotation),
    ("other-force", aside.other_force),
    ("national", aside.national),
    ("aim", aside.aim),
    ("grade-then-list", lists.grade_then_list),
    ("back-reference", sentences.back_reference),
    ("areas-list", sentences.areas_list),
    ("adjective", aside.adjective),
    ("sentence", sentences.sentence),
])


def read_statements(ctx, rules: Ruler = GRADE_RULES) -> list[Statement]:
    """Every grade statement of the text, each grade word read once, in rule order."""
    return rules.read(ctx).statements


__all__ = ["GRADE_RULES", "Reading", "Statement", "read_statements"]
