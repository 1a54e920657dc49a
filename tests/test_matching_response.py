"""A concern about the force's "response to the public" and a later one that it "still isn't
attending incidents" are one concern (review 3, item N12): HMICFRS's area "Responding to the
public" is answering calls and attending incidents, so both carry the theme "Attending and
responding to calls" (data/themes.yaml), and the link says so. Planted beside them: an earlier
concern about crime recording alone, which the attendance finding must not claim.
"""

from __future__ import annotations

from briefing.compare.matching import match_findings
from briefing.model import Finding

OLD = (Finding("finding", "", "I have concerns about Northshire Police's performance in keeping people safe - "
                              "particularly about its response to the public and its supervision of sex offenders."),
       Finding("finding", "", "The force does not record all the crimes reported to it."))
NEW = (Finding("finding", "", "The inspectorate also said the force still isn't attending incidents as quickly "
                              "as it should."),)


def test_a_still_unmet_attendance_finding_matches_the_earlier_response_concern():
    links = match_findings(OLD, NEW)
    assert [(link.old, link.new) for link in links] == [(0, 0)]
    assert "attending and responding to calls" in links[0].reason.lower()


def test_it_does_not_match_a_concern_about_something_else():
    assert match_findings(OLD[1:], NEW) == []
