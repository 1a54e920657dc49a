"""Page 1 says first what makes a comparison less than current or whole (review 6, items 11
and 12): Durham's 2018/19 -> 2021/22 pack, dated 7 December 2026, looked ahead to PEEL
2025-27 and never said that PEEL 2023-25's reporting years had ended with no 2023-25 report
of the force on file; Cheshire's 2018/19 -> 2023-25 pack said only on page 6 that PEEL
2021/22 came between. Planted: the bundled force's 2017 and 2021/22 inspections (PEEL
2018/19 between them not on file), on a paper dated after PEEL 2023-25's reporting years and
on one dated before their end."""

from __future__ import annotations

from datetime import date

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing


def _glance(inspections, day: date):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"], as_of=day)
    briefing = build_briefing(c, None, PackOptions(audience="pcc", date=day))
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    points = [p.text for b in glance.blocks if getattr(b, "kind", "") == "points" for p in b.items]
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    return points, questions.items, " ".join(briefing.text().split())


def test_a_later_cycle_whose_years_have_ended_and_a_cycle_between_lead_page_one(inspections):
    points, questions, text = _glance(inspections, date(2026, 12, 7))
    assert points[0] == ("PEEL 2023-25's reporting years ended in December 2025, after the PEEL 2021/22 report "
                         "compared here, and no PEEL 2023-25 report of the force is on file: where HMICFRS has "
                         "published one, this paper is not current; add it and make the pack again.")
    assert points[1] == ("PEEL 2018/19 came between the two inspections compared and is not on file, so each "
                         "movement shown spans more than one cycle.")
    assert "PEEL 2023-25's reporting years ended in December 2025; no report of the force under it is on file." in text
    assert any(q.startswith("PEEL 2023-25's reporting years ended in December 2025, and no report of the force under "
                            "it is on file. Has HMICFRS published one") for q in questions)
    assert not any("inspectors to test first" in q for q in questions)  # PEEL 2025-27 is not the next step


def test_a_cycle_still_reporting_is_not_said_to_have_ended(inspections):
    points, questions, text = _glance(inspections, date(2025, 6, 1))
    assert not any("reporting years ended" in p for p in points) and "reporting years ended" not in text
    assert points[0].startswith("PEEL 2018/19 came between the two inspections compared")


def test_a_grid_cell_graded_under_another_name_in_part_says_so(inspections):
    """Avon and the Met (review 6, item 7): page 1's grid put the 2021/22 "use of resources"
    grade under "Leadership and force management" with no word of it; only the movement table
    said the two match in part. Each such cell now says what its cycle graded; cells whose
    cycle names the area as the row does carry no note."""
    from briefing.document.grid import pair_grid
    from briefing.reference import load_frameworks

    c = compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=date(2026, 12, 7))
    rows = {r.area: r.cells for r in pair_grid(c, load_frameworks()).rows}
    assert rows["force-management"][0].note == ("as strategic planning, organisational management and value for money, "
                                                "a partial match")
    assert rows["force-management"][1].note == ""
    assert [cell.note for cell in rows["investigating-crime"]] == ["", ""]


def test_a_skeleton_row_for_a_finding_that_is_no_recommendation_says_so(inspections):
    """The Met 2023-25 release (review 6, item 25): its skeleton asked for "steps to be taken"
    against an inspector's quoted words labelled "Finding 2", as if they were a recommendation
    s.55(5B) asks the office to answer. Planted: the bundled 2023-25 news article (findings in
    prose, no recommendation) with no response on file."""
    from dataclasses import replace

    day = date(2026, 12, 7)
    new = replace(inspections["peel-2023-25"], response=None)
    briefing = build_briefing(compare(inspections["peel-2021-22"], new, as_of=day), None,
                              PackOptions(audience="pcc", date=day))
    s55 = next(s for s in briefing.sections if s.title == "Statutory response (section 55)")
    table = next(b for b in s55.blocks if getattr(b, "kind", "") == "table")
    labels = [row[0] for row in table.rows if row[0].startswith("Finding")]
    assert labels and all(label.endswith(": a concern the source states, not a recommendation") for label in labels)


def test_a_report_known_only_to_be_out_by_a_day_says_that_day_in_the_paper_details(inspections):
    """Cheshire 2023-25 (review 6, item 2): the news article dates another report, so the PEEL
    report's day is not stated, but the article's own date bounds it; About this paper said only
    "publication date not stated". Planted: the bundled 2023-25 article undated, bounded by a day."""
    from dataclasses import replace

    from briefing.places import PublicationDate

    day = date(2026, 12, 7)
    new = replace(inspections["peel-2023-25"], published=PublicationDate(0), published_by=date(2024, 3, 1))
    briefing = build_briefing(compare(inspections["peel-2021-22"], new, as_of=day), None,
                              PackOptions(audience="pcc", date=day))
    text = " ".join(briefing.text().split())
    assert "PEEL 2023-25 (publication date not stated; out on or before 1 March 2024)" in text


def test_a_new_concern_in_an_area_graded_the_same_before_says_so(inspections):
    """The bundled pack (review 7, item 7): "Responding to the public is graded requires
    improvement, and HMICFRS raises a new concern there" read as a new problem area, though
    the area was requires improvement in PEEL 2021/22 too and the grid says "no change"."""
    day = date(2026, 12, 7)
    briefing = build_briefing(compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=day), None,
                              PackOptions(audience="pcc", date=day))
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    [asked] = [q for q in questions.items if q.startswith("Responding to the public is graded")]
    assert asked.startswith("Responding to the public is graded requires improvement, as in PEEL 2021/22, and HMICFRS "
                            "raises a new concern there")
    assert asked.endswith("Why did the last plan not move the grade, what is different in this one, and when will the "
                          "panel see progress?")
    [other] = [q for q in questions.items if q.startswith("Investigating crime is graded")]  # it went down: no "as in"
    assert "as in PEEL" not in other


def test_the_grid_key_says_when_the_source_graded_fewer_areas_than_the_rows_shown(inspections):
    """Staffordshire, Kent and West Midlands 2023-25 (review 7, item 4): each source says eight
    areas were graded, yet the grid showed nine rows graded or "not stated", which the key
    defines as graded. Planted: the bundled 2023-25 article saying eight were graded, two of
    its nine areas not named (with one not named, it names all eight graded, and the ninth is
    "not graded": review 8, item 8)."""
    from dataclasses import replace

    from briefing.document.grid import glance_grid
    from briefing.reference import load_frameworks

    day = date(2026, 12, 7)
    article = inspections["peel-2023-25"]
    new = replace(article, areas_graded=8, corrections=(),
                  judgements=tuple(j for j in article.judgements if j.area not in ("workforce", "preventing-crime")))
    key = glance_grid(compare(inspections["peel-2021-22"], new, as_of=day), None, load_frameworks()).key
    assert key.endswith("The PEEL 2023-25 source says eight areas were graded, not the nine shown graded or "
                        "\u201cnot stated\u201d: one \u201cnot stated\u201d row may not have been graded at all.")
    key = glance_grid(compare(inspections["peel-2021-22"], replace(new, areas_graded=9), as_of=day), None,
                      load_frameworks()).key
    assert "may not have been graded" not in key


def test_the_grid_key_says_so_of_the_older_source_too(inspections):
    """Bedfordshire 2021/22 (review 9, item 11): "made graded judgments in eight of these nine", with
    no area named: nine rows "not stated" in the older column, which the key defines as graded.
    Planted: the bundled 2021/22 report saying nine areas were graded, two of its areas unnamed."""
    from dataclasses import replace

    from briefing.document.grid import glance_grid
    from briefing.reference import load_frameworks

    day = date(2026, 12, 7)
    report = inspections["peel-2021-22"]
    old = replace(report, areas_graded=9, judgements=tuple(j for j in report.judgements
                                                          if j.area not in ("workforce", "preventing-crime")))
    key = glance_grid(compare(old, inspections["peel-2023-25"], as_of=day), None, load_frameworks()).key
    assert "The PEEL 2021/22 source says nine areas were graded, not the 11 shown graded or \u201cnot stated\u201d: two " \
           "\u201cnot stated\u201d rows may not have been graded at all." in key


def test_an_older_source_that_gave_no_grade_is_said_on_page_one(inspections):
    """Merseyside's 2021/22 report opening (review 8, item 9) says eleven areas were graded,
    but its table of grades is missing: page 1 said only "no movement of a grade can be
    shown", as if nothing were to be had. It now says no grade was read from the older source
    and where the grades are, as it does for the newer one. Planted: the bundled 2021/22
    inspection stripped of its grades."""
    from dataclasses import replace

    old = replace(inspections["peel-2021-22"], judgements=(), grade_counts=())
    c = compare(old, inspections["peel-2023-25"], as_of=date(2026, 12, 7))
    briefing = build_briefing(c, None, PackOptions(audience="pcc", date=date(2026, 12, 7)))
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    points = [p.text for b in glance.blocks if getattr(b, "kind", "") == "points" for p in b.items]
    line = next(p for p in points if p.startswith("No area is graded in both sources"))
    assert "No grade and no count of grades was read from the PEEL 2021/22 source: take them from " in line
    full = compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=date(2026, 12, 7))
    text = build_briefing(full, None, PackOptions(audience="pcc", date=date(2026, 12, 7))).text()
    assert "was read from the PEEL 2021/22 source" not in text


def test_a_grade_given_under_another_name_in_part_is_said_in_the_movement_table_and_chart(inspections):
    """Cleveland (review 10, item 8): page 1's grid said the 2021/22 "use of resources" grade
    stands in the leadership row only in part, but the movement table and the chart showed
    "Leadership and force management: inadequate" with no word of it, where the newer source
    states no grade for the area. Planted: the bundled pair with the 2023-25 leadership grade
    taken out."""
    from dataclasses import replace

    from briefing.document.grades import chart, grade_rows
    from briefing.reference import load_frameworks

    new = inspections["peel-2023-25"]
    new = replace(new, judgements=tuple(j for j in new.judgements if j.area != "force-management"))
    c = compare(inspections["peel-2021-22"], new, as_of=date(2026, 12, 7))
    fw = load_frameworks()
    row = next(r for r in grade_rows(c, fw) if r[0] == "Leadership and force management")
    assert row[4].endswith("PEEL 2021/22: requires improvement as strategic planning, organisational management and "
                           "value for money, a partial match.")
    bar = next(b for b in chart(c, fw).bars if b.label.startswith("Leadership and force management"))
    assert bar.label == "Leadership and force management (PEEL 2021/22: a partial match)"
    both = compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=date(2026, 12, 7))
    row = next(r for r in grade_rows(both, fw) if r[0] == "Leadership and force management")
    assert row[4].count("partial match") <= 1 and "PEEL 2021/22: " not in row[4]  # said once, as the pair's own


def test_a_count_fewer_than_the_areas_named_with_its_grades_is_never_said_as_if_both_stood():
    """A grade set to "good" by hand on the review page, beside the source's "outstanding or good
    in two categories" and two named: page 1 said "outstanding or good in two areas (three of
    them named)". It now says the two disagree and to check them."""
    from briefing.compare.counted import CountedGrades
    from briefing.document.grades import counted_text

    assert counted_text(CountedGrades(("outstanding", "good"), 2, 3)) == (
        "outstanding or good in two areas, though it names three areas so graded: a grade or the count is wrong, so "
        "check them against the report")
    assert counted_text(CountedGrades(("adequate",), 6, 5)) == "adequate in six areas (five of them named)"
