"""A page's own date bounds the report's publication: a news article dated "Jan 29, 2025"
that reports "its latest report", or an inspectorate page "Last updated 22/03/2018", proves
the report was out by that day, so the s.55 last day is "by ... at the latest" counted from
it, not from the end of the cycle's reporting years (review 4 item 17: Bedfordshire's was
given as 24 February 2026, eleven months after the page proves it had passed).

Planted texts, written for the purpose: a news page with a dateline, an inspectorate page of
one pillar with its "Last updated" stamp, a page of two pillars each with its own stamp (none
counts: a section the text does not reach may be later), a page with a dateline and a stamp
(the nearer counts), and a page written before its report ("will publish"), which bounds
nothing."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.extract import extract

NEWS = ("SOURCE: https://news.example.org/northshire-police-inspection\n"
        "Praise for Northshire Police, but improvement in crime investigation needed\n\n"
        "Call handling has been praised by the police inspectorate in its latest report into Northshire Police.\n\n"
        "{dateline}\nBy A Reporter\n\n"
        "Northshire Police was assessed as 'good' in recording crime and 'requires improvement' in investigating crime.\n")
PILLARS = ("SOURCE: https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2017/northshire/\n"
           "Northshire PEEL 2017\n\n"
           "How efficient is the force at keeping people safe and reducing crime?\n\n"
           "Last updated 09/11/2017\n\n"
           "Northshire Police is judged to be good in the efficiency with which it keeps people safe and reduces crime.\n\n"
           "How legitimate is the force at keeping people safe and reducing crime?\n\n"
           "Last updated 12/12/2017\n\n"
           "Northshire Police is judged to be good in the legitimacy with which it keeps people safe and reduces crime.\n")


@pytest.mark.parametrize(("text", "bound"), [
    (NEWS.format(dateline="Jan 29, 2025"), date(2025, 1, 29)),
    (NEWS.format(dateline="29 January 2025"), date(2025, 1, 29)),
    (PILLARS.split("How legitimate")[0], date(2017, 11, 9)),  # a page of one pillar: its stamp
    (PILLARS, None),  # each pillar's section has its own stamp, and a later one may be past the text's end
    (NEWS.format(dateline="Jan 29, 2025").replace("By A Reporter", "By A Reporter\nLast updated 14/01/2025"),
     date(2025, 1, 14)),  # the nearer of the two
    (NEWS.format(dateline="Jan 29, 2025").replace("in its latest report", "in a report it will publish next week"), None),
    (NEWS.format(dateline="2025"), None),  # a year is no day to count from
    (NEWS.format(dateline="DECEMBER 2023"), date(2023, 12, 31)),  # a newsletter's issue: written by the month's end
    (NEWS.format(dateline="Published in December 2023"), None),  # words about a month, not an issue's date line
])
def test_a_pages_own_date_bounds_the_reports_publication(tmp_path, text, bound):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    inspection = extract(page).inspection
    assert not inspection.published.known  # a bound, never the report's own day
    assert inspection.published_by == bound


def test_a_month_on_a_line_of_its_own_on_the_inspectorates_page_is_no_issue_date(tmp_path):
    """ "Moved out of Engage / September 2023" on HMICFRS's own page: the month heads an event,
    and is never taken for the month the page was written."""

    page = tmp_path / "page.txt"
    page.write_text(PILLARS.split("How efficient")[0] + "Moved out of Engage\n\nSeptember 2023\n\n"
                    "Northshire Police improved.\n", encoding="utf-8")
    result = extract(page)
    assert result.inspection.published_by is None
    assert not any("the month it was written" in str(w) for w in result.warnings)
