"""A report's publication date is its own, never another page's or another report's
(review 6, items 2, 8 and 10).

- A date a sentence gives for another report ("the latest State of Policing report ...
  The report, published on Wednesday (September 10)") is that report's: a PEEL source
  that quotes the force on its grades gets no date from it, only the page's own dateline
  as a bound; a page about the State of Policing itself keeps it.
- A page's own date (a news article's dateline, a repost's " date 2022-10-14", a force
  page's "Posted on") is the day its words were written: it bounds the report's day
  ("on or before"), it does not date it. The inspectorate's own press release keeps its
  date; a force page that says the report was "published today" is dated by its own day.
- A dated event about a report already out ("Police Question Time last week (19th
  February 2025). The session focused on the recently released ... PEEL report") bounds
  it, so the s.55 period ended by 15 April 2025 at the latest.

The planted texts are written for the purpose; the last tests read the real pages the
review names, and skip where ../shared is absent.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import invoke
from reading import SHARED, read

from briefing.extract import extract

STATE_OF_POLICING = (
    "SOURCE: https://news.example.org/?p=1234\n"
    "Northshire Police highlighted as a 'positive example' in State of Policing report\n\n"
    "Northshire Police was highlighted as an example of best practice in the latest State of Policing report from "
    "His Majesty's Chief Inspector of Constabulary.\n\n"
    "Sep 11, 2025\nBy A Reporter\n\n"
    "The report, published on Wednesday (September 10), used Northshire Police as a positive example.\n\n"
    "\"This praise comes off the back of our recent PEEL inspection report by His Majesty's Inspectorate of "
    "Constabulary and Fire and Rescue Services earlier this year, in which we were graded 'outstanding' for the work "
    "we do to protect vulnerable people,\" the chief constable said.\n")


def test_a_date_given_for_another_report_is_not_the_peel_reports(tmp_path):
    result = read(tmp_path, STATE_OF_POLICING)
    inspection = result.inspection
    assert inspection.is_peel and inspection.cycle == "peel-2023-25"
    assert not inspection.published.known  # was 10 September 2025, the State of Policing's day
    assert inspection.published_by == date(2025, 9, 11)  # the article's dateline: the PEEL report was out by then
    assert any("is that of the latest State of Policing report, not of this report" in w for w in result.warnings)


def test_a_date_given_for_the_report_the_page_is_about_is_kept(tmp_path):
    peel = read(tmp_path, STATE_OF_POLICING.replace("State of Policing report", "PEEL inspection report"), "peel.txt")
    assert peel.inspection.published.iso() == "2025-09-10"  # "The report" is the PEEL report named before it
    response = read(tmp_path, "SOURCE: https://www.northshire-pcc.example.org/state-of-policing-response/\n"
                              "Response to the State of Policing report\n\n"
                              "I am writing in response to HMICFRS's annual assessment of policing, published on "
                              "the 19th July 2024. This State of Policing report is the Chief Inspector's independent "
                              "assessment of policing in England and Wales.\n", "response.txt")
    assert response.inspection.published.iso() == "2024-07-19"


NEWS = ("SOURCE: https://www.northshire-echo.example.co.uk/news/crime/force-rated-outstanding-1-234\n"
        " date 2019-05-02 Northshire Police has been rated as 'outstanding' by Government inspectors.\n\n"
        "In the annual PEEL report, Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services graded "
        "Northshire Police as outstanding for effectiveness, outstanding for efficiency and good for legitimacy.\n")
REPOST = ("SOURCE: {address}\n"
          " date 2022-10-14 Northshire Police has been congratulated for its overall good performance, the police "
          "inspectorate has said.\n\n"
          "PEEL 2021/22 - An inspection of Northshire Police\n\n"
          "HMICFRS graded Northshire Police's performance across eight areas of policing and found the force was "
          "'good' in six areas, 'adequate' in one area and 'requires improvement' in one area - investigating "
          "crime.\n\n"
          "His Majesty's Inspector of Constabulary A Inspector yesterday said: \"I am pleased.\"\n")
REPOSTED = "https://www.wired-gov.net/wg/news.nsf/articles/northshire+police+congratulated+14102022111000?open"
OWN = "https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/northshire-police-congratulated/"


@pytest.mark.parametrize(("text", "bound"), [
    (NEWS, date(2019, 5, 2)),  # a news article's dateline
    (REPOST.format(address=REPOSTED), date(2022, 10, 14)),  # a repost's: nor is its "yesterday" the day before it
    ("Posted on 7 December 2023\n\nThe PEEL 2023-25 report into Northshire Police was published recently; the force "
     "was graded good at investigating crime.\n", date(2023, 12, 7)),  # a page of unknown origin
])
def test_anothers_pages_own_date_bounds_the_report_and_does_not_date_it(tmp_path, text, bound):
    result = read(tmp_path, text)
    assert not result.inspection.published.known
    assert result.inspection.published_by == bound
    assert any("it is not the inspectorate's own page" in w or "came out earlier" in w for w in result.warnings)


def test_the_inspectorates_own_press_release_and_a_page_saying_today_keep_their_day(tmp_path):
    own = read(tmp_path, REPOST.format(address=OWN).replace(" yesterday said", " said"), "own.txt")
    assert own.inspection.published.iso() == "2022-10-14"
    force = read(tmp_path, "SOURCE: https://www.northshire.police.uk/news/2014/november/good-report/\n"
                           "Force given a good report by national inspectorate\n\nPosted on 27th November 2014\n\n"
                           "The Chief Constable has welcomed the first PEEL report by HMIC. Two other reports have "
                           "also been published today.\n", "force.txt")
    assert force.inspection.published.iso() == "2014-11-27"


PQT = ("SOURCE: https://www.cumbria-pcc.example.org/news/2025/02/questioning-the-chief-constable/\n"
       "Questioning the Chief Constable following recent HMICFRS report\n\n"
       "The PCC held Police Question Time (PQT) last week (19th February 2025). The session focused on the {what}.\n\n"
       "Cumbria Constabulary was found to be good at preventing crime and adequate at investigating crime.\n")


@pytest.mark.parametrize(("what", "bound"), [
    ("recently released Cumbria Constabulary Efficiency, Effectiveness and Legitimacy (PEEL) report",
     date(2025, 2, 19)),
    ("recently published State of Policing report", None),  # another report's event
])
def test_a_dated_event_about_the_released_report_bounds_it(tmp_path, runner, what, bound):
    result = read(tmp_path, PQT.format(what=what), "pqt.txt")
    assert not result.inspection.published.known
    assert result.inspection.published_by == bound
    if bound:  # what the office reads: the last day counted from the event, not from the cycle's end (24 Feb 2026)
        status = _status(runner, tmp_path / "pqt.txt")
        assert status.startswith("the 56 days ended by 15 April 2025 at the latest"), status


def test_an_event_still_to_come_bounds_nothing(tmp_path):
    text = PQT.format(what="recently released PEEL report").replace(
        "held Police Question Time (PQT) last week (19th February 2025)",
        "will hold Police Question Time on 19th March 2025")
    assert read(tmp_path, text).inspection.published_by is None


def _status(runner, path: Path) -> str:
    result = invoke(runner, "register", str(path), "--date", "2026-12-07", "--format", "json")
    return json.loads(result.stdout)["reports"][0]["status"]


def _shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    return path


@pytest.mark.parametrize(("name", "bound"), [
    ("corpus-3/texts/cheshire-2023-25-news.txt", date(2025, 9, 11)),  # 10 September is the State of Policing's day
    ("corpus/texts/durham-2018-19-news.txt", date(2019, 5, 2)),  # a news dateline
    ("corpus-3/texts/lancashire-2021-22-pressrelease.txt", date(2022, 10, 14)),  # a repost's dateline
    ("corpus-3/texts/avon-and-somerset-2023-25-pccpage.txt", date(2025, 2, 19)),  # Police Question Time about it
])
def test_the_pages_the_review_names_bound_their_report_and_do_not_date_it(runner, name, bound):
    path = _shared(name)
    result = extract(path)
    assert not result.inspection.published.known  # as the corpus truth says: published null
    assert result.inspection.published_by == bound
    assert "at the latest" in _status(runner, path)
