"""A finding that lists several concerns is matched concern by concern (review 10, item 4).
Devon and Cornwall's 2021/22 inspector's concern names three, "the accuracy of its crime
recording, its response to the public, and its management of sexual and violent offenders";
2023-25 says only that the force "still isn't attending incidents ... as fast as it should".
That link carries the response to the public alone: crime recording and offender management
stay "not in the source used" (and in the tracker), and the pack says which part is which.
Planted beside them: a list of tasks on one theme is one concern, matched whole.
"""

from __future__ import annotations

from reading import read_shared

from briefing.compare import compare
from briefing.compare.concerns import concerns_left, concerns_of
from briefing.compare.matching import match_findings
from briefing.document.sections import findings_sections
from briefing.model import Finding, Inspection
from briefing.places import PublicationDate
from briefing.statements import Improvement

THREE = Finding("finding", "", "I have concerns about Northshire Police's performance in keeping people safe - "
                               "particularly about the accuracy of its crime recording, its response to the public, and "
                               "its management of sexual and violent offenders.")
ATTENDING = Finding("finding", "", "The inspectorate also said the force still isn't attending incidents as fast as it "
                                   "should.")


def test_a_finding_lists_its_concerns_each_on_a_theme_of_its_own():
    assert concerns_of(THREE.text) == ("the accuracy of its crime recording", "its response to the public",
                                       "its management of sexual and violent offenders")
    # HMICFRS's set opening "performance in", and an "and" inside the last item, which is no cut
    assert concerns_of("I have serious concerns about Northshire Police's performance in responding to the public, "
                       "investigating crime and managing its offenders and suspects.") == (
        "responding to the public", "investigating crime", "managing its offenders and suspects")
    # tasks within one concern, only one of which names a theme: one concern
    assert concerns_of("I have serious concerns about the force's performance, particularly how it responds to the "
                       "public, plans its work and makes use of its resources.") == ()
    # protecting vulnerable people is a theme of its own (HMICFRS's area): Wiltshire 2021/22's three tasks are three
    # concerns, each persisting or not on its own (review 11, item 4)
    assert concerns_of("I have serious concerns about the force's performance, particularly how it responds to the "
                       "public, protects vulnerable people and makes use of its resources.") == (
        "how it responds to the public", "protects vulnerable people", "makes use of its resources")


def test_a_later_finding_about_one_concern_carries_that_one_only():
    links = match_findings((THREE,), (ATTENDING,))
    assert [(link.old, link.new, link.concerns) for link in links] == [(0, 0, ("its response to the public",))]
    assert links[0].reason.startswith("its concern \u201cits response to the public\u201d, shared theme: attending")
    assert concerns_left((THREE,), links) == {0: ("the accuracy of its crime recording",
                                                  "its management of sexual and violent offenders")}


def test_devon_and_cornwall_keeps_crime_recording_and_offender_management_as_not_in_the_source_used():
    old = read_shared("corpus-2/texts/devon-and-cornwall-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/devon-and-cornwall-2023-25-pressrelease.txt").inspection
    c = compare(old, new)
    assert [(p.old.concerns, p.new.place) for p in c.persisting] == [(("its response to the public",), "line 8")]
    # and the HMI's "The force doesn't always record crimes against vulnerable victims" (read since review 13, item 15)
    assert [(f.place, f.concerns) for f in c.resolved] == [
        ("line 10", ("the accuracy of its crime recording", "its management of sexual and violent offenders")),
        ("line 11", ())]
    persisting, earlier, _ = findings_sections(c)
    then = persisting.blocks[-1].rows[0][0]
    assert then.endswith("(only in part: \u201cits response to the public\u201d)")
    assert earlier.blocks[0].text.startswith("Two earlier findings are (one of them in part) not in the source used for "
                                             "PEEL 2023-25")
    assert earlier.blocks[-1].rows[0][2].endswith("(only in part: \u201cthe accuracy of its crime recording\u201d and "
                                                   "\u201cits management of sexual and violent offenders\u201d)")


def test_an_improvement_in_the_concern_raised_again_is_not_said_of_the_concerns_left():
    """The newer source's "improved its response to the public" is about the part that persists,
    never about crime recording and offender management, which stay unknown."""
    improved = Improvement("its response to the public", "The force has improved its response to the public.")
    old = Inspection("Northshire Police", "peel-2021-22", "PEEL 2021/22", PublicationDate(2022, 9, 30), "old.yaml",
                     findings=(THREE,))
    new = Inspection("Northshire Police", "peel-2023-25", "PEEL 2023-25", PublicationDate(2024, 8, 16), "new.yaml",
                     findings=(ATTENDING,), improved=(improved,))
    c = compare(old, new)
    assert [(f.concerns, f.improved) for f in c.resolved] == [
        (("the accuracy of its crime recording", "its management of sexual and violent offenders"), None)]
