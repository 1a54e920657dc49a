"""A PEEL report's title is a line that names the report, never a news headline about it
nor a line the stored text is cut off in (review 4 item 22: Bedfordshire's 2021/22 report
was called "An inspection of", the cut last line of its PCC page, though the page says "The
2021/22 PEEL report for Bedfordshire Police"; West Yorkshire's was "West Yorkshire Police
elated by 'best ever' inspection report", a headline). Where no line names the report, the
cycle and the force name it ("PEEL 2021/22: Northshire Police").

Planted texts, written for the purpose, each with the title a reader would give."""

from __future__ import annotations

import pytest

from briefing.extract import extract

PCC_PAGE = ("SOURCE: https://www.northshire-pcc.example.org/hmic-reports/\n"
            "Office of the Northshire Police and Crime Commissioner\n\n"
            "Annual report on the effectiveness, efficiency and legitimacy of the police force\n\n"
            "The 2021/22 PEEL report for Northshire Police.\n\n"
            "The inspection assessed how good Northshire Police is in nine areas of policing.\n\n"
            "Published on: 13 April 2022\n\n"
            "Northshire Police was graded good at investigating crime and adequate at responding to the public.\n\n"
            "An inspection of")
NEWS = ("SOURCE: https://news.example.org/northshire-inspection\n"
        "{headline}\n\n"
        "Northshire Police has been rated outstanding at preventing crime in its PEEL 2021/22 inspection.\n\n"
        "The force was graded adequate at responding to the public.\n")


@pytest.mark.parametrize(("text", "title"), [
    (PCC_PAGE, "The 2021/22 PEEL report for Northshire Police"),
    (NEWS.format(headline="Northshire Police elated by 'best ever' inspection report"), "PEEL 2021/22: Northshire Police"),
    (NEWS.format(headline="PEEL report finds Northshire Police 'requires improvement' for crime solving"),
     "PEEL 2021/22: Northshire Police"),
    (NEWS.format(headline="Mixed inspection report for Northshire Police"), "PEEL 2021/22: Northshire Police"),
    (NEWS.format(headline="PEEL 2021/22 - An inspection of Northshire Police"), "PEEL 2021/22 - An inspection of Northshire Police"),
    (NEWS.format(headline="Northshire PEEL 2021/22"), "Northshire PEEL 2021/22"),
    (NEWS + "\nInspection of Northshire", "PEEL 2021/22: Northshire Police"),  # the text's cut last line
])
def test_a_peel_reports_title_names_the_report(tmp_path, text, title):
    page = tmp_path / "page.txt"
    page.write_text(text.format(headline="Northshire Police praised by inspectors") if "{headline}" in text else text,
                    encoding="utf-8")
    inspection = extract(page, force="Northshire Police").inspection
    assert inspection.cycle == "peel-2021-22"
    assert inspection.title == title


def test_the_first_peel_assessment_is_named_peel_2014(tmp_path):
    """HMIC's 2014 assessment pages say "This is the first PEEL Assessment of ..." and grade
    efficiency: the cycle is PEEL 2014, not "Crime inspection 2014" (review 4 item 6: Norfolk's
    pack headed "Efficiency: outstanding in Crime inspection 2014")."""
    page = tmp_path / "page.txt"
    page.write_text("SOURCE: https://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2014/northshire/\n"
                    "Northshire 2014\n\nThis is the first PEEL Assessment of Northshire Police.\n\n"
                    "The efficiency with which the force carries out its responsibilities is good.\n\n"
                    "The force is good at investigating offending.\n", encoding="utf-8")
    inspection = extract(page, force="Northshire Police").inspection
    assert (inspection.cycle, inspection.title) == ("crime-2014", "PEEL 2014: Northshire Police")
