"""Real texts a pack misread in review 8 (7 December 2026), read whole from ../shared and
checked for what a PCC would see on page 1: a question's grade the text contradicts, a
grade of another inspection in the PEEL column, a count read as a grade. Each test skips,
saying why, where ../shared is absent."""

from __future__ import annotations

from reading import grades_of, read_shared


def test_a_tasks_strength_is_not_the_grade_of_a_question_the_force_needs_to_improve():
    """Dyfed-Powys 2018/19: "needs to improve how it protects vulnerable people" (line 17), then
    "good at understanding and identifying vulnerability" (line 19): no grade of protecting
    vulnerable people, so page 1 shows no "requires improvement -> good"; the pillar's own
    "good at reducing crime and keeping people safe" (line 9) stays."""
    grades = grades_of(read_shared("corpus/texts/dyfed-powys-2018-19-report-effectiveness.txt"))
    assert "protecting-vulnerable" not in grades
    assert grades["effectiveness"] == "good" and grades["preventing-crime"] == "requires improvement"


def test_a_separate_inspections_grade_is_not_a_peel_grade_and_makes_no_movement():
    """Merseyside 2023-25 PCC statement: "graded as outstanding in disrupting Serious Organised Crime
    in its regional HMICFRS inspection" (line 12), beside the eight PEEL grades (lines 16-23). The
    PEEL 2023-25 side is "not graded", carrying that outstanding, and page 1 no longer says it
    "stayed the same" against 2021/22's outstanding."""
    from briefing.compare import compare

    old = read_shared("corpus/texts/merseyside-2021-22-press-release.txt").inspection
    new = read_shared("corpus/texts/merseyside-2023-25-pcc-response.txt").inspection
    row = next(g for g in compare(old, new).grade_changes if g.area == "serious-organised-crime")
    assert (row.old_state.grade, row.movement) == ("outstanding", "not-known")
    assert (row.new_state.state, row.new_state.elsewhere) == ("not-graded", "outstanding")
    from briefing.document.sections import annexes  # Annex B says whose grade it is, as the grid does

    annex = next(s for s in annexes(compare(old, new)) if s.title.startswith("Annex B")).blocks[1]
    rows = {(r[0], r[1]): r[3] for r in annex.rows}
    assert rows["PEEL 2023-25", "Serious and organised crime"] == \
        "outstanding (a separate inspection's grade, not PEEL 2023-25's)"
    assert rows["PEEL 2021/22", "Disrupting serious organised crime"] == "outstanding"  # its own cycle's words


def test_all_but_one_is_a_count_of_the_graded_areas_less_one_never_a_grade_of_one():
    """Greater Manchester's newsletter: "We were assessed in eight distinct fields ... All but one
    field were assessed to be good or adequate" (line 7): seven of the eight areas good or
    adequate, and no "good" for "one field" (the one that was neither) to check by hand."""
    result = read_shared("corpus-2/texts/greater-manchester-2023-25-forcenewsletter.txt")
    inspection = result.inspection
    assert [(c.grades, c.count) for c in inspection.grade_counts] == [(("good", "adequate"), 7)]
    assert inspection.areas_graded == 8
    assert "one field" not in inspection.notes and not inspection.judgements


def test_the_area_a_source_leaves_out_of_its_named_graded_areas_was_not_graded():
    """Merseyside 2023-25: "looked at nine specific policing areas and graded eight" (line 12) and
    the eight named with their grades (lines 16-23): the ninth, recording data about crime, is "not
    graded", not "not stated" with a question whether HMICFRS graded it. With one of the eight
    left out, the source no longer names every graded area, and silence is "not stated" again."""
    from dataclasses import replace

    from briefing.compare.states import state_of
    from briefing.reference import load_frameworks

    fw = load_frameworks()
    new = read_shared("corpus/texts/merseyside-2023-25-pcc-response.txt").inspection
    assert new.areas_graded == 8
    recording = state_of(fw, new, "crime-recording")
    assert (recording.state, recording.why) == ("not-graded", "named-all")
    fewer = replace(new, judgements=tuple(j for j in new.judgements if j.area != "investigating-crime"))
    assert state_of(fw, fewer, "crime-recording").state == "not-stated"
    assert state_of(fw, fewer, "investigating-crime").state == "not-stated"


def test_an_area_graded_before_and_left_ungraded_by_a_source_naming_every_graded_area_has_no_movement():
    """Cleveland 2023-25 news: "graded the force's performance across eight areas" (line 4) and the
    eight named (lines 5-11); 2021/22 graded recording data about crime good. The area was not
    graded for this force this time, which is no movement and not "no longer graded" (the cycle
    still grades it)."""
    from briefing.compare import compare

    old = read_shared("corpus-2/texts/cleveland-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/cleveland-2023-25-news.txt").inspection
    row = next(g for g in compare(old, new).grade_changes if g.area == "crime-recording")
    assert (row.old_state.grade, row.new_state.state, row.movement) == ("good", "not-graded", "not-known")
    assert "says 8 areas were graded and grades 8 by name; this is not one of them" in row.note


def test_a_stated_count_of_graded_areas_tells_the_revised_2021_22_set_from_the_original():
    """Thames Valley 2021/22: "graded ... across nine areas" (line 10) and "use of resources" (line
    12). The original set graded every force in ten areas, so nine is the revised set, whose label
    is "Good use of resources": page 1 no longer says "as strategic planning, organisational
    management and value for money"."""
    from briefing.compare import compare
    from briefing.compare.states import question_set
    from briefing.reference import load_frameworks

    old = read_shared("corpus/texts/thames-valley-2021-22-press-release.txt").inspection
    assert old.cycle == "peel-2021-22-revised"
    assert [c.id for c in question_set(load_frameworks(), old)] == ["peel-2021-22-revised"]
    new = read_shared("corpus/texts/thames-valley-2023-25-press-release.txt").inspection
    row = next(g for g in compare(old, new).grade_changes if g.area == "force-management")
    assert row.old_grade == "requires improvement"


def test_the_counts_prove_as_many_falls_as_the_areas_at_or_below_a_grade_in_both_allow():
    """Thames Valley: requires improvement or worse in two of nine areas in 2021/22 (line 10), in five
    of eight in 2023-25 (line 10). Of the revised set's ten graded areas 2021/22 graded nine, so one
    of the five may be an area it did not grade: at least two went down (once "at least one", the
    original set's areas left room for more). Not three: that would need 2021/22's nine to hold all
    five."""
    from briefing.compare import compare

    old = read_shared("corpus/texts/thames-valley-2021-22-press-release.txt").inspection
    new = read_shared("corpus/texts/thames-valley-2023-25-press-release.txt").inspection
    assert compare(old, new).to_json()["falls_at_least"] == 2


def test_an_area_its_source_shows_was_not_graded_leaves_no_room_for_a_count():
    """Cleveland 2023-25 news names all eight graded areas: recording data about crime was not
    graded, so no count of that source may hold it (it was taken for an area outside the rows)."""
    from briefing.compare import compare
    from briefing.compare.comparison import _outside
    from briefing.reference import load_frameworks

    old = read_shared("corpus-2/texts/cleveland-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/cleveland-2023-25-news.txt").inspection
    changes = list(compare(old, new).grade_changes)
    assert _outside(load_frameworks().cycles[new.cycle], changes, "new_state") == 0
