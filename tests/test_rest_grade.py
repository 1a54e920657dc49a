"""'The rest' (brief item 3, after Gwent 2023-25): "All other graded areas of the force's work
were ranked as adequate" gives the grade of every graded area the source does not name, not a
count (the cycle may not have graded every area for this force), and never names an area.
Planted: a news text naming three areas requires improvement and one outstanding, then "all
other graded areas ... adequate including preventing crime"; beside it, "the other two areas were
rated good" (a number: a count, not the rest) and a sentence about an earlier inspection.
"""

from __future__ import annotations

from datetime import date

from reading import read

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.ingest.dataset import dump_dataset, load_dataset

NEWS = """SOURCE: https://www.example-news.co.uk/cumbria-constabulary-inspection
Cumbria Constabulary pressures identified in inspection report
Investigating crime, protecting the vulnerable and leadership and force management were all graded as requiring improvement while recording data about crime was marked 'outstanding' in the report that covers the period 2023 to 2025.
{rest}
"""
REST = ("All other graded areas of the force's work were ranked as adequate including preventing crime, where "
        "officers are pulled away from their duties.")


def test_all_other_graded_areas_give_a_grade_and_no_area(tmp_path):
    found = read(tmp_path, NEWS.format(rest=REST)).inspection
    assert found.rest is not None and found.rest.grades == ("adequate",) and found.rest.place.line == 4
    named = {j.area for j in found.judgements}
    assert {"protecting-vulnerable", "force-management", "crime-recording", "preventing-crime"} <= named
    assert not named & {"public-treatment", "responding-to-public", "managing-offenders", "workforce"}  # none invented
    assert not found.grade_counts


def test_a_number_or_an_earlier_inspection_is_not_the_rest(tmp_path):
    for text in ("The other two areas were rated good.",
                 "In 2019 all other graded areas were ranked as good."):
        assert read(tmp_path, NEWS.format(rest=text)).inspection.rest is None, text


def test_the_pack_says_adequate_if_graded_and_asks_for_no_plan(tmp_path):
    found = read(tmp_path, NEWS.format(rest=REST)).inspection
    (tmp_path / "new.yaml").write_text(dump_dataset(found).replace("published: ''\n", "") + "published: 2025-03-01\n",
                                       encoding="utf-8")
    new = load_dataset(tmp_path / "new.yaml")
    assert new.rest == found.rest
    old = ("force: Cumbria Constabulary\ncycle: peel-2021-22\npublished: 2022-05-01\nsource: old.txt\njudgements:\n"
           "  - {area: managing-offenders, grade: good}\n")
    (tmp_path / "old.yaml").write_text(old.replace("Cumbria Constabulary", new.force), encoding="utf-8")
    c = compare(load_dataset(tmp_path / "old.yaml"), new)
    offenders = next(g for g in c.grade_changes if g.area == "managing-offenders")
    assert offenders.movement == "not-known"  # adequate if graded: it may not have been
    assert not c.unstated_may_be_weak
    text = " ".join(build_briefing(c, None, PackOptions(date=date(2026, 12, 7))).text().split())
    assert "not named; adequate if graded" in text
    assert "its line 4 says every graded area it does not name was adequate" in text
    assert "what is the plan" not in text


def test_grades_said_of_all_areas_are_every_unnamed_areas_and_a_page_one_line_names_the_best(tmp_path):
    """South Yorkshire 2021/22: "it is now ranked adequate, good or outstanding in all areas"
    (review 4, item 12): every area it does not name is adequate or better, so no plan is asked
    for a requires improvement grade the source rules out; with no area graded in both sources
    and none named weak, page 1 names the outstanding ones. Not read: progress "in all areas",
    an exception, or an earlier inspection's "rated inadequate in all areas"."""
    text = ("Six years ago the force was put into special measures, but it is now ranked adequate, good or "
            "outstanding in all areas.")
    news = NEWS.format(rest=text).split("\n")
    news[2] = "Inspectors graded recording data about crime as outstanding in the report that covers 2023 to 2025."
    found = read(tmp_path, "\n".join(news)).inspection
    assert [(j.area, j.grade) for j in found.judgements] == [("crime-recording", "outstanding")]
    assert found.rest is not None and set(found.rest.grades) == {"outstanding", "good", "adequate"}
    for other in ("The force has made progress in all areas since its last inspection.",
                  "It is rated good in all areas, except investigating crime.",
                  "In 2016 the force was rated inadequate in all areas."):
        assert read(tmp_path, NEWS.format(rest=other)).inspection.rest is None, other
    (tmp_path / "new.yaml").write_text(dump_dataset(found).replace("published: ''\n", "") + "published: 2025-03-01\n",
                                       encoding="utf-8")
    old = (f"force: {found.force}\ncycle: peel-2021-22\npublished: 2022-05-01\nsource: old.txt\njudgements:\n"
           "  - {area: investigating-crime, grade: good}\n")
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    c = compare(load_dataset(tmp_path / "old.yaml"), load_dataset(tmp_path / "new.yaml"), as_of=date(2026, 12, 7))
    assert not c.unstated_may_be_weak
    text = " ".join(build_briefing(c, None, PackOptions(date=date(2026, 12, 7))).text().split())
    assert "what is the plan" not in text
    assert "Recording data about crime is graded outstanding in PEEL 2023-25." in text


def test_grades_said_of_all_areas_but_one_graded_in_the_sentence_are_the_rest_and_placed(tmp_path):
    """Sussex 2023-25's news (review 12, item 9): "'good' or 'adequate' in all areas, except
    investigating crime, where it 'requires improvement'" gives investigating crime its grade
    and every other graded area good or adequate: the words are the rest grade's, never two
    grade words "not placed". The rest grade's own words ("were ranked as adequate") are placed
    by it too. An exception the sentence does not grade gives no rest (its grade would be
    said to be the rest's); neither does an excepted area the sentence leaves ungraded."""
    text = ("The report stated that Cumbria Constabulary is 'good' or 'adequate' in all areas, except investigating "
            "crime, where it 'requires improvement'.")
    found = read(tmp_path, NEWS.format(rest=text).replace("Investigating crime, protecting", "Protecting"))
    inspection = found.inspection
    assert inspection.rest is not None and inspection.rest.grades == ("good", "adequate")
    assert ("investigating-crime", "requires improvement") in [(j.area, j.grade) for j in inspection.judgements]
    assert not inspection.unplaced and "not placed" not in inspection.notes
    assert not read(tmp_path, NEWS.format(rest=REST)).inspection.unplaced  # "ranked as adequate": the rest's word
    for other in ("It is rated good in all areas, except investigating crime and protecting vulnerable people, "
                  "where it requires improvement in how it supports victims.",
                  "It is good in all areas, except investigating crime, which was not inspected."):
        assert read(tmp_path, NEWS.format(rest=other)).inspection.rest is None, other
