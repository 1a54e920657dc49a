"""Review 10's items that are rules of the source's kind (the packs a PCC reviewer read on
7 December 2026, /work/briefs/review-pcc10.md on the machine it was written on)."""

from __future__ import annotations

from reading import read_shared

from briefing.sources import kind_of_text, source_kind_name, with_article

TITLE_PAGE = ("Upload: others\n\nPost on 19-Feb-2022\n\nTRANSCRIPT\n\nPEEL Police effectiveness, efficiency and "
              "legitimacy 2018/19\n\nAn inspection of Northshire Police\n\ni\n\nContents\n\nWhat this report contains 1")


def test_a_text_copy_of_the_report_is_named_as_one_and_not_taken_as_whole():
    """South Yorkshire's 2018/19 report, a transcript on a document-sharing site (item 9), was
    called a "web page", so a reader looked for a force's page; it is the inspectorate's own
    report, but a copy found elsewhere may stop anywhere (this one stops at the contents), so
    it is not taken to list every finding. A PDF that opens so is the report itself."""
    assert kind_of_text("https://docs.example.site/peel-201819.html", TITLE_PAGE, False) == "report-copy"
    assert with_article(source_kind_name("report-copy")) == "a copy of the HMICFRS report"
    assert kind_of_text("", TITLE_PAGE, True) == "report"
    news = "Northshire Police 'requires improvement'\n\nAn inspection of Northshire Police found ...\n\nContents of the report"
    assert kind_of_text("https://www.example.org/story", news, False) == "web-page"
    south_yorkshire = read_shared("corpus/texts/south-yorkshire-2018-19-report-pdf-copy.txt").inspection
    assert (south_yorkshire.source_kind, south_yorkshire.findings_complete) == ("report-copy", False)


def test_crime_data_is_an_area_of_the_original_2021_22_set_for_the_forces_graded_on_it(tmp_path):
    """Gloucestershire's 2021/22 page (item 2) names "supporting victims" among six inadequate
    areas beside "recording data about crime". Victims is an area of the original question set
    only, and crime data was graded for some of its forces as part of the victim service
    assessment (Merseyside and Gloucestershire: eleven of thirteen areas; domain.md section 2),
    so the page was put on the revised set, its victims grade was lost, and the pack said the
    source "does not name" an area it named. Crime data is now an area of the original set for
    some forces: naming it does not settle the set, a whole report that gives it no grade did not
    grade it, and a partial source leaves it "not stated"."""
    from dataclasses import replace

    from briefing.compare.states import NOT_GRADED, NOT_STATED, graded_by_framework, state_of
    from briefing.extract import extract
    from briefing.reference import load_frameworks

    page = tmp_path / "page.txt"
    page.write_text("Northshire PEEL 2021/22\n\nIn 2021, HMICFRS graded Northshire Police inadequate in two categories "
                    "and good in one.\n\nIt was rated \u2018good\u2019 at preventing crime and anti-social behaviour, but "
                    "\u2018inadequate\u2019 in:\n\n\u2022 supporting victims\n\n\u2022 recording data about crime\n",
                    encoding="utf-8")
    inspection = extract(page, force="Northshire Police").inspection
    assert inspection.cycle == "peel-2021-22"
    grades = {j.area: j.grade for j in inspection.judgements}
    assert (grades["victim-service"], grades["crime-recording"]) == ("inadequate", "inadequate")
    fw = load_frameworks()
    quiet = replace(inspection, judgements=tuple(j for j in inspection.judgements if j.area != "crime-recording"))
    assert "crime-recording" not in graded_by_framework(fw, quiet)
    assert state_of(fw, quiet, "crime-recording").state == NOT_STATED
    assert state_of(fw, replace(quiet, findings_complete=True), "crime-recording").state == NOT_GRADED
    glos = read_shared("corpus-3/texts/gloucestershire-2021-22-pccpage.txt").inspection
    assert {j.area: j.grade for j in glos.judgements}.get("victim-service") == "inadequate"
    # a source that says it graded ten of its twelve areas and names the ten did not grade crime data (the web
    # page showed Northamptonshire's 2021/22 report text "not stated" for it, which says it was graded)
    northants = read_shared("seeds/001_39753400560db361.txt").inspection
    assert (northants.areas_graded, len(northants.graded)) == (10, 10) and not northants.findings_complete
    assert state_of(fw, northants, "crime-recording").state == NOT_GRADED


def test_the_question_on_unnamed_weak_grades_sets_the_findings_areas_beside_them():
    """West Yorkshire 2023-25 (review 8, item 17) counts two requires improvement without naming
    their areas, and its finding says the force "needed to improve the way it investigates
    crime" (line 14): the question asked "which area has which grade" without it. It now sets
    the finding's area beside the count, as a question, never as the grade."""
    from datetime import date

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing

    old = read_shared("corpus/texts/west-yorkshire-2021-22-news.txt").inspection
    new = read_shared("corpus/texts/west-yorkshire-2023-25-press-release.txt").inspection
    briefing = build_briefing(compare(old, new, as_of=date(2026, 12, 7)), None,
                              PackOptions(audience="pcc", date=date(2026, 12, 7)))
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    asked = next(q for q in questions.items if "Which area has which grade" in q)
    assert asked.endswith("Its findings ask for improvement in Investigating crime (Finding 1, line 14): is that area "
                          "among those graded requires improvement?")
    assert "Investigating crime: requires improvement" not in briefing.text()


def test_a_response_names_unnumbered_recommendations_by_their_place_not_a_number(tmp_path):
    """The Sussex stalking register entry (item 7) lists three recommendations without numbers;
    the s.55 draft headed them "Recommendation 1" and "Recommendation 3", numbers HMICFRS may
    have given to others. They are now "the first listed", "the third listed"."""
    from briefing.document.response import _own_labels

    report = read_shared("thematic-2/texts/hmicfrs-register-sussex-stalking-2019-national-recommendations.txt").inspection
    labels = [label for f, label in zip(report.findings, _own_labels(report)) if f.kind == "recommendation"]
    assert labels[0] == "Recommendation, the first listed (not numbered in the source)"
    assert not any(label.startswith("Recommendation 1") for label in labels)
