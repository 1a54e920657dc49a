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
    line = "The two sources' grades and counts show that at least five areas went up, though neither names them in both."
    assert line in points and line in text
    assert "No area is graded by name in both sources, so no one area's movement can be shown." in points


def test_one_area_fewer_counted_good_leaves_room_for_one_to_stay(tmp_path):
    """Planted: 2023-25 counts good in five, adequate in three, one area unstated; that area may
    still be requires improvement, so four rises are proven, not five."""
    c, points, _ = _pack(tmp_path, RISE_OLD, RISE_NEW.replace("count: 4", "count: 3"))
    assert c.rises_at_least == 4
    assert "at least four areas went up" in points


def test_a_fall_proven_by_both_sources_counts_leaves_room_for_areas_that_are_not_rows(tmp_path):
    c, points, text = _pack(tmp_path, FALL_OLD, FALL_NEW)
    assert c.falls_at_least == 1 and c.rises_at_least == 0
    line = "The two sources' counts of grades show that at least one area went down, though neither names them."
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
