"""Review 6, item 26 (the Met's 2021/22 and 2023-25 releases): "No area is graded in both
sources, so no movement of a grade can be shown" while the counts on file show a fall (one
inadequate and one good in 2021/22; two inadequate and none good in 2023-25). Where no area
can be compared, page 1 sets the two sources' counts side by side, as stated, with HMICFRS's
caveat; where an area is graded in both, it does not."""

from __future__ import annotations

from reading import read

from briefing.compare import compare
from briefing.document.glance import key_messages
from briefing.document.summary import side_by_side

OLD = ("PEEL 2021/22 - An inspection of Northshire Police\n\nPublished on: 10 June 2022\n\n"
       "HMICFRS graded Northshire Police's performance across nine areas of policing and found the force was 'good' "
       "in one area, 'adequate' in two areas, 'requires improvement' in five areas, and 'inadequate' in one area.\n")
NEW = ("PEEL 2023-2025: An inspection of Northshire Police\n\nPublished on: 16 August 2024\n\n"
       "HMICFRS graded Northshire Police's performance across eight areas of policing. It found the force was "
       "adequate in one area, requires improvement in five areas and inadequate in two areas.\n")


def test_counts_are_set_side_by_side_where_no_area_is_graded_in_both(tmp_path):
    c = compare(read(tmp_path, OLD, "old.txt").inspection, read(tmp_path, NEW, "new.txt").inspection)
    said = ("The two sources' counts of grades, side by side: PEEL 2021/22, good in one area, adequate in two areas, "
            "requires improvement in five areas and inadequate in one area; PEEL 2023-25, adequate in one area, "
            "requires improvement in five areas and inadequate in two areas")
    assert side_by_side(c).startswith(said)
    assert "not directly comparable" in side_by_side(c)
    assert any(said in m.text for m in key_messages(c))


def test_no_counts_side_by_side_where_an_area_is_graded_in_both(tmp_path):
    old = OLD.replace("and 'inadequate' in one area.", "and 'inadequate' in one area - responding to the public.")
    new = NEW.replace("inadequate in two areas.", "inadequate in two areas. It was inadequate at responding to the "
                                                  "public.")
    c = compare(read(tmp_path, old, "old.txt").inspection, read(tmp_path, new, "new.txt").inspection)
    assert [g.movement for g in c.grade_changes if g.area == "responding-to-public"] == ["same"]
    assert side_by_side(c) == ""
