"""Review 11's items that are the pack's wording (the packs a PCC reviewer read on 7 December
2026, /work/briefs/review-pcc11.md on the machine it was written on): Lancashire's 2018/19 force
page against its 2021/22 release."""

from __future__ import annotations

from datetime import date

import pytest
from reading import read_shared

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing


@pytest.fixture(scope="module")
def lancashire():
    old = read_shared("corpus-2/texts/lancashire-2018-19-forcepage.txt").inspection
    new = read_shared("corpus-3/texts/lancashire-2021-22-pressrelease.txt").inspection
    c = compare(old, new, as_of=date(2026, 12, 7))
    return c, build_briefing(c, None, PackOptions(audience="pcc", date=date(2026, 12, 7)))


def test_no_grade_stated_for_areas_says_the_grades_it_counts_without_naming(lancashire):
    """Item 8: "states no grade for nine areas (it says eight areas were graded)", where the
    release names one grade and counts the other seven (six good, one adequate): read as nine
    areas ungraded."""
    _, briefing = lancashire
    text = " ".join(briefing.text().split())
    assert ("The PEEL 2021/22 source states no grade for nine areas (it says eight areas were graded; it counts "
            "seven it does not name: six good and one adequate)") in text


def test_a_concern_is_not_called_new_against_a_source_that_lists_no_findings(lancashire):
    """Item 7: "HMICFRS raises a new concern there (Finding 1)", where the 2018/19 page lists no
    findings to compare it with."""
    _, briefing = lancashire
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    asked = next(q for q in questions.items if q.startswith("Investigating crime is graded requires improvement"))
    assert "raises a concern there (Finding 1; the PEEL 2018/19 source lists no findings to compare it with)" in asked
    assert "new concern" not in asked


def test_the_response_names_the_inspectorate_as_it_was_named_when_the_report_came_out(runner, tmp_path):
    """Item 9: Warwickshire's custody report of 9 February 2022 was said to be published by "His
    Majesty's Inspectorate", a name it took on 8 September 2022."""
    import json

    from conftest import invoke
    from reading import SHARED

    from briefing.document.wording import inspectorate_name
    from briefing.places import PublicationDate

    assert inspectorate_name(PublicationDate.from_iso("2016-03-01")) == "Her Majesty's Inspectorate of Constabulary (HMIC)"
    assert inspectorate_name(PublicationDate.from_iso("2022-09")).startswith("HM Inspectorate")  # the month holds both
    assert inspectorate_name(PublicationDate.from_iso("2023-07-07")).startswith("His Majesty's")
    report = SHARED / "thematic" / "texts" / "hmicfrs-warwickshire-custody-2022-report.txt"
    if not report.exists():
        pytest.skip(f"{report} is absent: clone the project with ../shared beside it to run this test")
    assert invoke(runner, "response", report, "--formats", "json", "-o", tmp_path).exit_code == 0
    text = next(tmp_path.glob("*-response.json")).read_text(encoding="utf-8")
    # the joint inspectorate named too (review 12, item 10): the report says it was inspected with HMIP
    assert ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and HM Inspectorate of "
            "Prisons (HMIP) published their joint report") in text
    assert "His Majesty's" not in json.loads(text)["sections"][0]["blocks"][0]["text"]


@pytest.mark.parametrize(("lines", "said"), [
    (["SOURCE: https://www.example-pcc.info/news/police-commissioner-responds-to-hmicfrs-peel/",
      "Police Commissioner responds to HMICFRS PEEL assessment of Northshire Police"],
     "Police Commissioner responds to HMICFRS PEEL assessment of Northshire Police"),
    (["SOURCE: https://northshire.pfcc.police.uk/news/pfcc-responds-to-hmicfrs-peel-report", "A photograph", "",
      "Jo Bloggs, Police, Fire and Crime Commissioner for Northshire, has reflected on the PEEL report 2023-25."],
     "Police, Fire and Crime Commissioner for Northshire, has reflected on the PEEL report 2023-25"),
    (["SOURCE: https://northshire.pfcc.police.uk/news/pfcc-responds-to-hmicfrs-peel-report", "PEEL 2023-25"],
     "pfcc-responds-to-hmicfrs"),
    (["Chief Constable responds to HMICFRS report", "The Commissioner will respond to the PEEL report soon."], None),
    (["PCC responds to questions on burglary", "HMICFRS published its PEEL report today."], None),
])
def test_a_page_that_is_the_commissioners_own_statement_on_the_report_says_so(lines, said):
    """Item 6 (and review 8, item 7): Essex's and Merseyside's 2023-25 sources are the
    commissioner's own statements on the report, and the pack said only "no copy of it is on
    file"; it now says what the source is and asks whether it is the s.55 response."""
    from briefing.extract.reader import SourceLine
    from briefing.extract.responses import pcc_statement

    found = pcc_statement([SourceLine(text, i + 1) for i, text in enumerate(lines)])
    assert (found.text if found else None) == said


def test_the_s55_line_names_the_commissioners_statement_used_as_the_source(runner, tmp_path):
    from conftest import invoke
    from reading import SHARED

    old, new = SHARED / "corpus/texts/essex-2021-22-news.txt", SHARED / "corpus/texts/essex-2023-25-pcc-response.txt"
    if not new.exists():
        pytest.skip(f"{new} is absent: clone the project with ../shared beside it to run this test")
    made = invoke(runner, "pack", old, new, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07")
    assert made.exit_code == 0, made.output
    text = " ".join(next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8").split())
    assert ("no copy of it is on file as such, but the source used is the commissioner's own statement on the report "
            "(line 4: \u201cPolice, Fire and Crime Commissioner for Essex, has reflected on") in text
    assert "check whether it is the s.55 response, published with the chief constable's comments" in text
