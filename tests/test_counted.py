"""Movements proven by what both sources state: names on one side, counts on the other.

Planted pairs, after real releases (North Yorkshire, Thames Valley 2021/22 -> 2023-25):
- RISE: 2021/22 names five areas below adequate (four requires improvement, use of resources
  inadequate); 2023-25 says only "good in five areas and adequate in four" of its nine. No
  area is graded by name in both, yet every one of those five went up.
- FALL: 2021/22 counts "good in three areas, adequate in four, requires improvement in two",
  naming the two; 2023-25 counts "requires improvement in four areas and inadequate in one".
  Five areas are now below adequate where two were, but the 2021/22 counts may hold areas
  that are not 2023-25 areas (its victim service assessment, serious and organised crime),
  so only one fall is certain.
"""

from __future__ import annotations

from datetime import date

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.ingest.dataset import load_dataset

HEAD = "force: Thames Valley Police\nsource: {src}\nsource_kind: press-release\n"
OLD = HEAD + "cycle: peel-2021-22\npublished: 2022-06-10\n"
NEW = HEAD + "cycle: peel-2023-25\npublished: 2024-08-16\n"


def _judged(pairs) -> str:
    return "judgements:\n" + "".join(f"  - {{area: {a}, grade: {g}}}\n" for a, g in pairs)


def _counted(pairs) -> str:
    return "grade_counts:\n" + "".join(f"  - {{grades: [{g}], count: {n}}}\n" for g, n in pairs)


RISE_OLD = OLD.format(src="a.txt") + _judged([
    ("responding-to-public", "requires improvement"), ("investigating-crime", "requires improvement"),
    ("protecting-vulnerable", "requires improvement"), ("workforce", "requires improvement"),
    ("force-management", "inadequate")])
RISE_NEW = NEW.format(src="b.txt") + _counted([("good", 5), ("adequate", 4)])
FALL_OLD = OLD.format(src="a.txt") + _judged([
    ("responding-to-public", "requires improvement"), ("force-management", "requires improvement")]) + \
    _counted([("good", 3), ("adequate", 4), ("requires improvement", 2)])
FALL_NEW = NEW.format(src="b.txt") + _counted([("requires improvement", 4), ("inadequate", 1)])


def _pack(tmp_path, old: str, new: str):
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    c = compare(load_dataset(tmp_path / "old.yaml"), load_dataset(tmp_path / "new.yaml"))
    briefing = build_briefing(c, None, PackOptions(date=date(2026, 12, 7)))
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    points = " ".join(p.text for b in glance.blocks if getattr(b, "kind", "") == "points" for p in b.items)
    return c, points, " ".join(briefing.text().split())


def test_every_area_named_below_adequate_went_up_when_the_newer_counts_leave_none_there(tmp_path):
    c, points, text = _pack(tmp_path, RISE_OLD, RISE_NEW)
    assert c.rises_at_least == 5 and c.falls_at_least == 0
    # four are named above by the counts, so the total is said without "though neither names them in both"
    line = "In all, the two sources' grades and counts show that at least five areas went up."
    assert line in points and line in text and "neither names them" not in text
    assert "so how each of those nine areas moved is not known" in text and "whether those nine areas moved" not in text
    # each area named below adequate, bar leadership (its areas match only in part), went up by the counts
    assert {g.area: g.bound for g in c.grade_changes if g.bound} == dict.fromkeys(
        ("responding-to-public", "investigating-crime", "protecting-vulnerable", "workforce"), "up")
    assert ("No area is graded by name in both sources. The counts of the source that does not name them prove that "
            "Responding to the public went up from requires improvement") in points
    assert "no one area's movement can be shown" not in text and "up, by the counts" in text


def test_an_area_named_outstanding_went_down_where_the_newer_counts_name_their_one_outstanding(tmp_path):
    """West Yorkshire 2021/22 -> 2023-25 (review 4, item 5): "how it treats the public" was
    outstanding; 2023-25 is "outstanding in one area, good in one, adequate in five and requires
    improvement in two" of nine, the one outstanding named (recording crime). So public treatment
    went down, and page 1 had said no one area's movement could be shown. With one area of the
    nine left out of the counts it may still be outstanding, and nothing is proven."""
    old = OLD.format(src="a.txt") + _judged([("public-treatment", "outstanding")])
    new = NEW.format(src="b.txt") + _judged([("crime-recording", "outstanding")]) + _counted(
        [("outstanding", 1), ("good", 1), ("adequate", 5), ("requires improvement", 2)])
    c, points, text = _pack(tmp_path, old, new)
    assert {g.area: g.bound for g in c.grade_changes if g.bound} == {"public-treatment": "down"}
    assert "prove that Police powers and public treatment went down from outstanding, by at least one grade" in points
    assert "Police powers and public treatment went down from outstanding: the PEEL 2023-25 source does not name" in text
    c, points, _ = _pack(tmp_path, old, new.replace("count: 5", "count: 4"))
    assert not any(g.bound for g in c.grade_changes)


def test_one_area_fewer_counted_good_leaves_room_for_one_to_stay(tmp_path):
    """Planted: 2023-25 counts good in five, adequate in three, one area unstated; that area may
    still be requires improvement, so four rises are proven, not five."""
    c, points, _ = _pack(tmp_path, RISE_OLD, RISE_NEW.replace("count: 4", "count: 3"))
    assert c.rises_at_least == 4
    assert "at least four areas went up" in points


def test_a_fall_proven_by_both_sources_counts_leaves_room_for_areas_that_are_not_rows(tmp_path):
    c, points, text = _pack(tmp_path, FALL_OLD, FALL_NEW)
    assert c.falls_at_least == 1 and c.rises_at_least == 0
    line = "The two sources' counts of grades show that at least one area went down, though neither names it."
    assert line in points and line in text
    assert "No graded area went down" not in text


def test_the_newer_counts_alone_prove_no_fall_here(tmp_path):
    """Without the 2021/22 counts, any of the nine areas may have been below adequate before."""
    old = FALL_OLD.split("grade_counts:")[0]
    c, points, _ = _pack(tmp_path, old, FALL_NEW)
    assert c.falls_at_least == 0 and "went down" not in points


def test_the_email_and_workbook_headline_says_what_the_counts_prove(tmp_path):
    from briefing.document.summary import headline

    c, _, _ = _pack(tmp_path, RISE_OLD, RISE_NEW)
    assert headline(c)[0].startswith("Grades: no area graded in both sources; by the sources' grades and counts, "
                                     "at least 5 up")


def test_page_one_gives_every_count_with_the_named_ones_not_only_the_unnamed(tmp_path):
    """Planted after Humberside's 2021/22 release: outstanding in six areas, all named, good in two
    and adequate in one unnamed. Page 1 said only "good in two areas and adequate in one area; it
    does not name the areas", as if that were the whole result."""
    named = ("public-treatment", "preventing-crime", "protecting-vulnerable", "managing-offenders", "workforce",
             "force-management")
    new = NEW.format(src="b.txt").replace("peel-2023-25", "peel-2021-22") + _judged([(a, "outstanding") for a in named]) \
        + _counted([("outstanding", 6), ("good", 2), ("adequate", 1)])
    old = OLD.format(src="a.txt").replace("peel-2021-22", "peel-2018-19").replace("2022-06-10", "2019-09-27")
    _, points, _ = _pack(tmp_path, old, new)
    assert ("says the force was graded outstanding in six areas (all six named), good in two areas and adequate in one "
            "area.") in points


def test_page_one_says_the_cycles_grades_are_not_directly_comparable_beside_a_movement(tmp_path):
    """A downgrade or a proven rise read alone on page 1 is taken at face value; HMICFRS's caveat
    (data/frameworks.yaml) was only on the Grade movements page."""
    _, points, _ = _pack(tmp_path, RISE_OLD, RISE_NEW)
    assert ("HMICFRS says grades of PEEL 2021/22 and PEEL 2023-25 are not directly comparable (see Grade "
            "movements).") in points


def test_no_plan_is_asked_for_weak_grades_the_counts_rule_out(tmp_path):
    """"good in five areas and adequate in four" of nine: no unnamed area is requires improvement
    or inadequate, so the question on the unstated grades does not ask for a plan for them."""
    from briefing.document import PackOptions, build_briefing

    c, _, _ = _pack(tmp_path, RISE_OLD, RISE_NEW)
    questions = next(s for s in build_briefing(c, None, PackOptions(date=date(2026, 12, 7))).sections
                     if s.title == "Suggested questions for the meeting")
    text = " ".join(" ".join(getattr(b, "items", ())) for b in questions.blocks)
    assert "it counts five good and four adequate. Which area has which grade?" in text
    assert "requires improvement or inadequate, what is the plan" not in text
    c, _, _ = _pack(tmp_path, RISE_OLD, RISE_NEW.replace("count: 4", "count: 3"))  # one area left unaccounted for
    assert c.unstated_may_be_weak


def test_page_one_says_a_downgrade_between_areas_that_match_in_part_is_indicative(tmp_path):
    """Planted after Avon and Somerset: 2021/22's "Good use of resources" maps only in part to
    2023-25's Leadership and force management; page 1 gave its fall as the headline one unqualified."""
    old = OLD.format(src="a.txt") + _judged([("force-management", "good")])
    new = NEW.format(src="b.txt") + _judged([("force-management", "requires improvement")])
    _, points, _ = _pack(tmp_path, old, new)
    assert "the areas match only in part, so the movement is indicative" in points


def test_the_areas_a_source_says_were_graded_are_said_beside_those_it_gives_no_grade(tmp_path):
    from briefing.document import PackOptions, build_briefing

    c, _, text = _pack(tmp_path, FALL_OLD, FALL_NEW + "areas_graded: 8\n")
    assert ("The PEEL 2023-25 source states no grade for nine areas (it says eight areas were graded; it counts five "
            "it does not name: four requires improvement and one inadequate)") in text
    questions = next(s for s in build_briefing(c, None, PackOptions(date=date(2026, 12, 7))).sections
                     if s.title == "Suggested questions for the meeting")
    # the listed areas outnumber those counted unnamed: some of them may not have been graded (review 6, item 23)
    assert ("; it says eight areas were graded. Among the areas it does not name, it counts four requires improvement "
            "and one inadequate. Which area has which grade, and which were not graded;") in " ".join(
        " ".join(getattr(b, "items", ())) for b in questions.blocks)


def test_counts_that_hold_every_area_the_source_says_were_graded_rule_out_weak_grades(tmp_path):
    """Planted after Humberside's release: "across nine areas ... outstanding in six areas, good in
    two areas and adequate in one"; the framework has more areas than that, so without the
    source's total one could still be requires improvement, and the question asked for a plan."""
    counts = _counted([("good", 5), ("adequate", 3)])
    c, _, _ = _pack(tmp_path, RISE_OLD, NEW.format(src="b.txt") + counts)
    assert c.unstated_may_be_weak  # eight counted of the nine areas: the ninth may be weak
    c, _, _ = _pack(tmp_path, RISE_OLD, NEW.format(src="b.txt") + counts + "areas_graded: 8\n")
    assert not c.unstated_may_be_weak  # the source graded eight, and all eight are counted good or adequate


def test_a_count_of_no_area_is_said_on_page_one_in_english(tmp_path):
    """The Met 2023-25 (London Assembly): "zero of the nine areas assessed rated as
    'Outstanding' or 'Good'" was read as nine areas outstanding or good, the opposite of the
    source; read right, a count of none was said nowhere, and Hampshire's "no areas requiring
    improvement" was said "requires improvement in none areas" (review 6, items 1 and 22)."""
    old = OLD.format(src="a.txt") + _judged([("responding-to-public", "inadequate")])
    new = NEW.format(src="b.txt") + _judged([("investigating-crime", "inadequate"), ("managing-offenders", "inadequate")])
    _, points, _ = _pack(tmp_path, old, new + "grade_counts:\n  - {grades: [outstanding, good], count: 0}\n")
    assert "The PEEL 2023-25 source says the force was graded outstanding or good in no area." in points
    _, points, text = _pack(tmp_path, old, new + _counted([("adequate", 6), ("requires improvement", 0)]))
    assert "adequate in six areas and requires improvement in no area" in points and "none areas" not in text
