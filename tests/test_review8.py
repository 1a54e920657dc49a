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


def test_a_separate_inspections_grade_is_not_a_peel_grade_and_makes_no_movement():
    """Merseyside 2023-25 PCC statement: "graded as outstanding in disrupting Serious Organised Crime
    in its regional HMICFRS inspection" (line 12), beside the eight PEEL grades (lines 16-23). The
    PEEL 2023-25 side is "not graded", carrying that outstanding, and page 1 no longer says it
    "stayed the same" against 2021/22's outstanding."""
    from briefing.compare import compare

    old = _read("corpus/texts/merseyside-2021-22-press-release.txt").inspection
    new = _read("corpus/texts/merseyside-2023-25-pcc-response.txt").inspection
    row = next(g for g in compare(old, new).grade_changes if g.area == "serious-organised-crime")
    assert (row.old_state.grade, row.movement) == ("outstanding", "not-known")
    assert (row.new_state.state, row.new_state.elsewhere) == ("not-graded", "outstanding")


def test_all_but_one_is_a_count_of_the_graded_areas_less_one_never_a_grade_of_one():
    """Greater Manchester's newsletter: "We were assessed in eight distinct fields ... All but one
    field were assessed to be good or adequate" (line 7): seven of the eight areas good or
    adequate, and no "good" for "one field" (the one that was neither) to check by hand."""
    result = _read("corpus-2/texts/greater-manchester-2023-25-forcenewsletter.txt")
    inspection = result.inspection
    assert [(c.grades, c.count) for c in inspection.grade_counts] == [(("good", "adequate"), 7)]
    assert inspection.areas_graded == 8
    assert "one field" not in inspection.notes and not inspection.judgements
