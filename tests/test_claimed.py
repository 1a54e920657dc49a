"""A source's own count of areas that moved, naming none (review 8, item 4: Greater
Manchester's 2023-25 newsletter, "of which four had improved by two grades compared to our
2021-22 performance and three had improved by one"): page 1 said only that no movement could
be shown. Planted texts in the shape of a force's newsletter; none is copied from ../shared."""

from __future__ import annotations

import pytest
from reading import read

LEAD = "PEEL 2023-25: Northshire Police\n\n"


@pytest.mark.parametrize(("sentence", "claimed"), [
    ("We were assessed in eight fields, of which four had improved by two grades compared to our 2021-22 performance.",
     True),
    ("Three areas have gone down by one grade since the last inspection.", True),
    ("Two of them had each improved by a grade.", True),
    ("Attendance times have improved by two minutes.", False),  # no grade
    ("Our detection rate has improved by two per cent and the grade for crime recording is good.", False),
    ("The force has improved in four areas.", False),  # no number of grades
])
def test_a_count_of_areas_that_moved_by_grades_is_quoted(tmp_path, sentence, claimed):
    found = read(tmp_path, LEAD + sentence + "\n").inspection.claimed
    assert (found is not None) == claimed
    if claimed:
        assert found.text == sentence and found.place.line == 3


def test_the_claim_survives_the_dataset_and_is_said_on_page_one(tmp_path):
    from datetime import date

    import yaml

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing
    from briefing.ingest.dataset import load_dataset, to_dataset

    old = read(tmp_path, "PEEL 2021/22: An inspection of Northshire Police\n\nPublished on: 1 June 2022\n\n"
               "The force was rated inadequate in three areas.\n").inspection
    sentence = "Of the eight fields we were assessed in, four had improved by two grades compared to 2021-22."
    new = read(tmp_path, "PEEL 2023-2025: An inspection of Northshire Police\n\nPublished on: 1 December 2023\n\n"
               + sentence + "\n").inspection
    saved = tmp_path / "saved.yaml"
    saved.write_text(yaml.safe_dump(to_dataset(new) | {"force": "Northshire Police"}), encoding="utf-8")
    assert load_dataset(saved).claimed.text == sentence
    briefing = build_briefing(compare(old, new, as_of=date(2026, 12, 7)), None,
                              PackOptions(audience="pcc", date=date(2026, 12, 7)))
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    points = [p.text for b in glance.blocks if getattr(b, "kind", "") == "points" for p in b.items]
    assert any(f"source says: \u201c{sentence.rstrip('.')}\u201d (line 5); it names none of the areas." in p
               for p in points)
