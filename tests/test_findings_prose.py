"""Findings where people write them (issue 30, "What to build" 4): every example sentence of
the issue about findings, read whole as `briefing extract` reads a short text under the
line "Durham Constabulary: PEEL 2023-25 inspection results", each as a careful reader
would; findings spoken of but not given are none of the force's. (Each rule's own
fixtures, eight or more, are run by tests/test_rules.py.)"""

from __future__ import annotations

import pytest

from briefing.extract import extract

HEADING = "Durham Constabulary: PEEL 2023-25 inspection results\n\n"


def _findings(tmp_path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "text.txt"
    path.write_text(HEADING + text + "\n", encoding="utf-8")
    return [(f.kind, f.text, f.due) for f in extract(path).inspection.findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("HMICFRS found one cause of concern: the force is not investigating burglary well enough.",
     [("cause-of-concern", "The force is not investigating burglary well enough.", "")]),
    ("The report raised three areas for improvement, including that the force should improve its call handling.",
     [("area-for-improvement", "The force should improve its call handling.", "")]),
    ("Cause of concern:\nThe force is not answering emergency calls quickly enough.",
     [("cause-of-concern", "The force is not answering emergency calls quickly enough.", "")]),
    ("Recommendation: Within three months, the force should review its missing persons policy.",
     [("recommendation", "Within three months, the force should review its missing persons policy.",
       "Within three months")]),
    ("Durham has been given two areas for improvement, which are to improve the wellbeing support for officers and to "
     "reduce sickness absence.",
     [("area-for-improvement", "Improve the wellbeing support for officers.", ""),
      ("area-for-improvement", "Reduce sickness absence.", "")]),
    ("Areas for improvement\nThe force should improve how it records crime.\nThe force should improve its supervision of "
     "investigations.",
     [("area-for-improvement", "The force should improve how it records crime.", ""),
      ("area-for-improvement", "The force should improve its supervision of investigations.", "")]),
    # with blank lines between heading and text, as in HMICFRS's own reports: the recommendation is read too
    ("Cause of concern\n\nThe force is not investigating crime well enough.\n\nRecommendation\n\nBy 30 June 2025, the "
     "force should review how it allocates crimes.\n\nArea for improvement\n\nThe force should record equality data.",
     [("cause-of-concern", "The force is not investigating crime well enough.", ""),
      ("recommendation", "By 30 June 2025, the force should review how it allocates crimes.", "2025-06-30"),
      ("area-for-improvement", "The force should record equality data.", "")]),
    ("Inspectors recommended that the force reviews its missing persons policy within eight weeks.",
     [("recommendation", "The force reviews its missing persons policy within eight weeks.", "within eight weeks")]),
])
def test_a_finding_is_read_wherever_its_label_stands(tmp_path, text, expected):
    assert _findings(tmp_path, text) == expected


@pytest.mark.parametrize("text", [
    "The cause of concern had been addressed by the time of the revisit.",
    "\"My worry is that the force has a cause of concern about its response times,\" the chief constable said.",
    "Across England and Wales, HMICFRS has made 137 recommendations to forces since 2014.",
    "The two areas for improvement from the last inspection have been addressed.",
    "Cleveland Police was given two areas for improvement, which are to improve its call handling and to record "
    "crime accurately.",
    "The PCC said the causes of concern were discussed at the board.",
])
def test_a_finding_spoken_of_but_not_given_is_none_of_the_forces(tmp_path, text):
    assert _findings(tmp_path, text) == []


def test_every_finding_records_the_rule_that_read_it(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text(HEADING + "Cause of concern: the force is not answering emergency calls quickly enough.\n\n"
                    "HMICFRS found one area for improvement: the force should record equality data.\n", encoding="utf-8")
    assert [f.how for f in extract(path).inspection.findings] == ["label", "named"]


NEWS = ("SOURCE: https://www.example.gov.uk/news/northshire-police-must-make-urgent-improvements/\n"
        "Northshire Police must make urgent improvements\n\n"
        "HMICFRS graded Northshire Police's performance across eight areas of policing and found the force was "
        "'inadequate' in one area and 'requires improvement' in four areas.\n\n"
        "HMICFRS said the areas requiring improvement included responding to the public, investigating crime, "
        "protecting vulnerable people, and building and developing its workforce.\n\n"
        "His Majesty's Inspector of Constabulary Jo Smith said:\n\n"
        "\u201cI have concerns about the performance of Northshire Police in keeping people safe and reducing crime.\n\n"
        "\u201cAlthough I have concerns about corporate processes, I am pleased that the force has accepted our "
        "findings and is engaging with us.\u201d\n")


def test_a_news_page_gives_no_headline_or_praise_as_a_finding_and_a_grade_list_no_area(tmp_path):
    """Planted after a North Yorkshire release: the headline was an area for improvement, the
    conceding "Although I have concerns ..., I am pleased that ..." a finding, and every finding
    was put under the workforce, the last area of the grade list before them."""
    from briefing.extract import extract

    page = tmp_path / "news.txt"
    page.write_text(NEWS, encoding="utf-8")
    findings = extract(page, force="Northshire Police").inspection.findings
    assert [f.text for f in findings] == [
        "I have concerns about the performance of Northshire Police in keeping people safe and reducing crime."]
    assert findings[0].area == ""


def test_a_label_or_a_status_left_by_a_pages_layout_is_no_finding(tmp_path):
    """Planted after a PCC's page ("questions on two areas for improvement (AFIs), which she
    quoted"): "AFIs." became the pack's one finding, a tracker row and a line of the s.55
    skeleton."""
    from briefing.extract import extract

    page = tmp_path / "page.txt"
    page.write_text("Police and Crime Commissioner's questions\n\nThe commissioner then followed up with questions "
                    "on two areas for improvement (AFIs), which she quoted. Both related to sexual offending.\n",
                    encoding="utf-8")
    assert [f.text for f in extract(page, force="Dorset Police", cycle="peel-2023-25").inspection.findings] == []
