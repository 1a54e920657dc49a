"""Kent 2021/22's release (review 7, items 9 and 10): "good at both preventing crime and tackling
anti-social behaviour and treating people fairly and with respect" is two areas cut at the
second "and", not the first; "The force is also good at achieving savings and improving
productivity" is praise of a task by the house's rule (a task named by an area's keywords
alone is not that area), so it is not read as a grade, and Annex B says so where the
source's counts leave a good grade unnamed.

Planted texts are written for the purpose; the real one is read from ../shared, skipping
where it is absent."""

from __future__ import annotations

import pytest
from reading import SHARED, read

from briefing.compare import compare
from briefing.document.summary import praised_lines

OLD = ("SOURCE: https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/northshire-needs-to-improve/\n"
       "Northshire Police needs to improve in some areas\n\nPEEL 2021/22 - An inspection of Northshire Police\n\n"
       "HMICFRS graded Northshire Police's performance across nine areas of policing and found the force was "
       "'outstanding' in one area, 'good' in four areas, 'adequate' in one area and 'requires improvement' in three "
       "areas.\n\nHis Majesty's Inspector of Constabulary Jo Smith said:\n\n"
       "\u201cThe force is good at both preventing crime and tackling anti-social behaviour and treating people fairly "
       "and with respect.\n\n\u201cThe force is also good at achieving savings and improving productivity.\n")
NEW = ("PEEL 2023-2025: An inspection of Northshire Police\n\nPublished on: 16 August 2024\n\n"
       "HMICFRS graded Northshire Police's performance across eight areas of policing and found the force was "
       "'adequate' in investigating crime.\n")


def test_both_a_and_b_and_c_is_cut_where_an_areas_own_words_end(tmp_path):
    found = read(tmp_path, OLD).inspection
    labels = {j.area: j.label for j in found.judgements}
    assert "tackling anti-social behaviour" in labels["preventing-crime"]
    assert labels["public-treatment"] == "treating people fairly and with respect"


def test_good_at_a_task_not_read_as_a_grade_is_said_under_annex_b_where_a_count_leaves_good_unnamed(tmp_path):
    old = read(tmp_path, OLD, "old.txt").inspection
    assert "force-management" not in {j.area for j in old.judgements}
    assert [(p.word, p.place.line) for p in old.praised] == [("good", 12)]
    said = praised_lines(compare(old, read(tmp_path, NEW, "new.txt").inspection))
    assert len(said) == 1 and said[0].startswith("Not read as a grade: PEEL 2021/22, line 12, \u201cThe force is also "
                                                 "good at achieving savings and improving productivity.\u201d")


def test_praise_is_not_said_where_no_count_leaves_its_grade_unnamed(tmp_path):
    old = read(tmp_path, OLD.replace(", 'good' in four areas", ""), "old.txt").inspection
    assert praised_lines(compare(old, read(tmp_path, NEW, "new.txt").inspection)) == []


def test_kent_2021_22_release():
    from briefing.extract import extract

    path = SHARED / "corpus-2/texts/kent-2021-22-pressrelease.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    found = extract(path).inspection
    labels = {j.area: j.label for j in found.judgements}
    assert labels["public-treatment"] == "treating people fairly and with respect"
    assert [p.place.line for p in found.praised] == [18]
