"""Which cycle a text is about when it names none, on small texts written for the purpose:
a news archive's year, a preview of an inspection still to come, the overall grade of a
pillar's report, and the day PEEL 2025-27's framework was published."""

from __future__ import annotations

from reading import pairs, read

PILLAR_REPORT = ("SOURCE: https://www.northshire-pcc.gov.uk/News/News-Archive/{year}/Commissioner-comments.aspx\n"
                 "Commissioner comments on latest HMIC report\n\n"
                 "Her Majesty's Inspectorate of Constabulary (HMIC) have today published their report into the "
                 "Effectiveness of Northshire Police.\n\n"
                 "Northshire Police received an overall grading of 'Requires Improvement'. The report is divided into "
                 "sections:\n\n\u00b7 Crime Prevention \u2013 Good\n\u00b7 Investigation \u2013 Requires Improvement\n")


def test_a_news_archives_year_and_the_pillar_a_report_is_about_settle_its_cycle(tmp_path):
    """Filed under 2017 by a page that calls the inspectorate HMIC (its name until July 2017),
    with an overall grade of the effectiveness report: PEEL 2016's effectiveness report, which
    came out in March 2017; the overall grade is that pillar's, in the text's own words."""
    result = read(tmp_path, PILLAR_REPORT.format(year=2017))
    assert result.inspection.cycle == "peel-2016"
    assert "the date in the source address" in result.cycle_evidence
    assert pairs(result) == {("effectiveness", "requires improvement"), ("preventing-crime", "good"),
                             ("investigating-crime", "requires improvement")}
    overall = next(j for j in result.inspection.judgements if j.area == "effectiveness")
    assert overall.label == "overall grading" and overall.place.line == 6


def test_a_year_in_an_address_that_fits_no_cycle_settles_none(tmp_path):
    """2012: before the first PEEL assessment; the year names no cycle, and nothing else does."""
    result = read(tmp_path, PILLAR_REPORT.format(year=2012))
    assert result.inspection.cycle == ""


PREVIEW = ("SOURCE: https://www.northshireherald.co.uk/news/crime/when-northshire-police-is-due-to-be-inspected-1\n"
           "Here is when Northshire Police is due to be inspected\n\n"
           "Friday, 19th November 2021, 10:40 am\n\n"
           "Known as a PEEL assessment, the inspection is due to be carried out by Her Majesty's Inspectorate of "
           "Constabulary and Fire & Rescue Services in November 2022.\n\n"
           "The Force was last inspected in 2018/19, when it was rated 'good' for its work in reducing crime and "
           "keeping people safe, 'requires improvement' for its efficiency and sustainability, and 'good' for how it "
           "treated the public and its workforce.\n")


def test_a_preview_dated_in_a_later_cycle_gives_the_grades_of_the_inspection_it_names(tmp_path):
    """The page's dateline (November 2021) alone would make it PEEL 2021/22's, an inspection
    still to come that has no grades; the grades it states are 2018/19's, whose pillars they
    name ("how it treated the public and its workforce" is legitimacy, not two questions)."""
    result = read(tmp_path, PREVIEW)
    assert result.inspection.cycle == "peel-2018-19"
    assert pairs(result) == {("effectiveness", "good"), ("efficiency", "requires improvement"),
                             ("legitimacy", "good")}
    assert not result.earlier


def test_a_page_that_names_its_own_cycle_keeps_an_earlier_inspections_grades_out(tmp_path):
    result = read(tmp_path, PREVIEW.replace("Known as a PEEL assessment,", "Known as PEEL 2021/22,"))
    assert result.inspection.cycle == "peel-2021-22"
    assert pairs(result) == set() and len(result.earlier) == 3


def test_a_dated_page_read_as_an_earlier_inspections_drops_its_own_date(tmp_path):
    """A publication date of the page is not the 2018/19 report's: left blank, and said."""
    result = read(tmp_path, PREVIEW.replace("Friday, 19th November 2021, 10:40 am", "Published on: 19 November 2021"))
    assert result.inspection.cycle == "peel-2018-19"
    assert not result.inspection.published.year
    assert any("is not the PEEL 2018/19 report's" in w for w in result.warnings)


def test_the_first_peel_assessments_efficiency_questions_are_its_areas(tmp_path):
    """A force's page of 2014 lists the efficiency questions beside the pillar, in its own
    words: each is a 2014 area, none left unplaced."""
    text = ("Northshire response to HMIC's first PEEL Assessment\n\n"
            "The report, the first of the HMIC's new annual assessments, judged Northshire Police as being \"Good\" in "
            "the following areas:\n\n\u2022 Tackling anti-social behaviour\n\u2022 Force efficiency\n"
            "\u2022 Taking steps to secure our short and long term financial position\n"
            "\u2022 Having an affordable way of providing policing.\n")
    result = read(tmp_path, text)
    assert result.inspection.cycle == "crime-2014"
    assert pairs(result) == {("anti-social-behaviour", "good"), ("efficiency", "good"), ("future-planning", "good"),
                             ("force-management", "good")}
    assert not result.inspection.unplaced
