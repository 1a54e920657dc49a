"""How far the counts prove falls, in both directions (review 3, N5; compare/counted.py).

Thames Valley's counts (2021/22: good in three areas, adequate in four, requires improvement in
two, the two named, "nine areas"; 2023-25: requires improvement in four, inadequate in one, "eight
areas") prove one fall, not the three review 3 asked for: PEEL 2021/22 graded ten areas (serious
and organised crime, and the victim service assessment of the original question set, are not
2023-25 rows), so two of the good or adequate areas may be those, and one 2023-25 row may have
had no 2021/22 grade. Planted here: the same counts between two cycles whose graded areas are
the same nine (2023-25 -> 2025-27), where nothing lies outside the rows: three falls are proven,
and saying how many areas each source graded proves no more and no less.
"""

from __future__ import annotations

from test_counted import FALL_NEW, FALL_OLD, _pack


def _shifted(old: str, new: str) -> tuple[str, str]:
    return (old.replace("peel-2021-22", "peel-2023-25").replace("2022-06-10", "2024-06-10"),
            new.replace("peel-2023-25", "peel-2025-27").replace("2024-08-16", "2026-08-16"))


def test_three_falls_are_proven_where_no_area_lies_outside_the_rows(tmp_path):
    c, points, _ = _pack(tmp_path, *_shifted(FALL_OLD, FALL_NEW))
    assert c.falls_at_least == 3
    assert "at least three areas went down" in points


def test_the_number_of_areas_graded_moves_the_proof_neither_way(tmp_path):
    old, new = _shifted(FALL_OLD, FALL_NEW)
    c, _, _ = _pack(tmp_path, old.replace("published", "areas_graded: 9\npublished"),
                    new.replace("published", "areas_graded: 5\npublished"))
    assert c.falls_at_least == 3
    c, _, _ = _pack(tmp_path, FALL_OLD.replace("published", "areas_graded: 9\npublished"),
                    FALL_NEW.replace("published", "areas_graded: 8\npublished"))
    assert c.falls_at_least == 1  # Thames Valley's: never "at least three"


def test_one_earlier_area_without_a_grade_leaves_room_for_one_more(tmp_path):
    """2023-25 graded eight of its nine areas (good in three, adequate in three, requires
    improvement in two): the ninth may be one now below adequate, so two falls, not three."""
    old, new = _shifted(FALL_OLD.replace("count: 4", "count: 3"), FALL_NEW)
    c, _, _ = _pack(tmp_path, old.replace("published", "areas_graded: 8\npublished"), new)
    assert c.falls_at_least == 2
