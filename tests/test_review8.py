"""Real texts a pack misread in review 8 (7 December 2026), read whole from ../shared and
checked for what a PCC would see on page 1: a question's grade the text contradicts, a
grade of another inspection in the PEEL column, a count read as a grade. Each test skips,
saying why, where ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract import extract

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _read(name: str):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    return extract(path)


def _grades(result) -> dict[str, str]:
    return {j.area: j.grade for j in result.inspection.judgements}


def test_a_tasks_strength_is_not_the_grade_of_a_question_the_force_needs_to_improve():
    """Dyfed-Powys 2018/19: "needs to improve how it protects vulnerable people" (line 17), then
    "good at understanding and identifying vulnerability" (line 19): no grade of protecting
    vulnerable people, so page 1 shows no "requires improvement -> good"; the pillar's own
    "good at reducing crime and keeping people safe" (line 9) stays."""
    grades = _grades(_read("corpus/texts/dyfed-powys-2018-19-report-effectiveness.txt"))
    assert "protecting-vulnerable" not in grades
    assert grades["effectiveness"] == "good" and grades["preventing-crime"] == "requires improvement"
