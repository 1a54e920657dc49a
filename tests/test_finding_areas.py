"""A finding in running text takes the area its own words name, by rules of English, where no
heading gives one: the task its verb names after "how" or "how well" ("how well Dorset Police
investigates crime"), the noun of that verb with its object ("investigations into reported
crimes", "the supervision of its investigations"), the object of what it must do ("reduce the
number of non-emergency 101 calls that are abandoned": the calls), or the task it misses
opportunities to do. A topic ("advice about preventing crime"), a clause of time ("when taking
calls from the public") or of purpose ("so that vulnerable people ... are identified") names the
task's subject matter, never the task: no area is read in it.

Review 13 (items 3, 7 and 19): West Midlands' 2021/22 finding about investigations and its 2023-25
"serious concerns about how well West Midlands Police investigates crime ... We have highlighted
these problems in previous inspection reports" were both "Not tied to an area", so they were never
linked, and the pack asked whether the force considered the earlier one resolved; Staffordshire's
2021/22 finding on identifying vulnerable callers was filed under preventing crime, from the words
"advice about preventing crime" inside it.
"""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import read, read_shared

HEAD = ("PEEL 2023-2025: An inspection of Dorset Police\n\nPublished on: 16 August 2024\n\n"
        "HMICFRS graded Dorset Police's performance across nine areas of policing and found the force was "
        "'adequate' in two areas.\n\n")


@pytest.mark.parametrize("said, area", [
    ("His Majesty's Inspector said: \u201cI have serious concerns about how well Dorset Police investigates crime, "
     "protects vulnerable people and manages offenders and suspects.\u201d", "investigating-crime"),
    ("Inspectors said the force must improve how it carries out proportionate, thorough and prompt investigations "
     "into reported crimes.", "investigating-crime"),
    ("Inspectors said that the force must improve the quality and supervision of its investigations to ensure "
     "better outcomes for victims.", "investigating-crime"),
    ("Inspectors said the force needs to reduce the number of non-emergency 101 calls that are abandoned by "
     "callers.", "responding-to-public"),
    # the main clause's tasks (identifying and safeguarding vulnerable people, the advice it gives), never the topic
    # of the advice
    ("His Majesty's Inspector said:\n\n\u201cIt is missing opportunities to identify and safeguard vulnerable people and "
     "needs to improve how it provides advice about preventing crime and preserving evidence when taking calls from "
     "the public.\u201d", "protecting-vulnerable"),
    ("Inspectors said it needs to improve how it provides advice about preventing crime and preserving evidence "
     "when taking calls from the public.", ""),
    # what the task is for is no task of its own: assessing calls is responding to the public
    ("Inspectors said it needs to improve the way it assesses initial calls to the force so that vulnerable people "
     "and repeat callers are routinely identified.", "responding-to-public"),
])
def test_a_finding_takes_the_area_its_main_words_name(tmp_path, said, area):
    found = read(tmp_path, HEAD + said + "\n").inspection.findings
    assert [f.area for f in found] == [area], [f.text for f in found]


def test_staffordshire_s_finding_on_vulnerable_callers_is_not_filed_under_preventing_crime():
    """staffordshire-2021-22-pressrelease.txt:11: the finding was filed under "Preventing crime and
    anti-social behaviour", sending its tracker row to the wrong lead."""
    found = read_shared("corpus-2/texts/staffordshire-2021-22-pressrelease.txt").inspection.findings
    finding = next(f for f in found if f.text.startswith("It is missing opportunities"))
    assert finding.area == "protecting-vulnerable"


def test_staffordshire_and_the_met_2023_25_findings_take_the_areas_they_name():
    """Review 13, item 19: "reduce the number of non-emergency 101 calls that are abandoned" is
    responding to the public; "the quality and supervision of its investigations" is investigating
    crime."""
    found = read_shared("corpus-2/texts/staffordshire-2023-25-pressrelease.txt").inspection.findings
    assert next(f.area for f in found if "101 calls" in f.text) == "responding-to-public"
    found = read_shared("corpus-2/texts/metropolitan-2023-25-pressrelease.txt").inspection.findings
    assert next(f.area for f in found if "supervision of its investigations" in f.text) == "investigating-crime"


OLD = ("PEEL 2021/22: An inspection of Dorset Police\n\nPublished on: 10 June 2022\n\n"
       "HMICFRS graded Dorset Police's performance across 11 areas of policing and found the force was "
       "'requires improvement' in investigating crime.\n\n"
       "His Majesty's Inspector said:\n\n"
       "\u201cHowever, there are several areas for improvement. The force must improve how it carries out "
       "proportionate, thorough and prompt investigations into reported crimes.\n")
NEW = (HEAD + "His Majesty's Inspector said:\n\n"
       "\u201cI have serious concerns about how well Dorset Police investigates crime, protects vulnerable people and "
       "manages offenders and suspects. We have highlighted these problems in previous inspection reports, but the "
       "force's performance has declined.\n")


def test_a_concern_said_to_have_been_highlighted_before_is_never_asked_about_as_perhaps_resolved(tmp_path, runner):
    """After West Midlands' releases (review 13, item 3): the pack said "One finding of PEEL 2021/22
    is not in the source used for PEEL 2023-25 ... Does the force consider it resolved", and "No
    finding of the PEEL 2021/22 source is matched", though the newer source says the problems were
    highlighted before and performance has declined. The earlier finding now persists."""
    for name, text in (("old.txt", OLD), ("new.txt", NEW)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = invoke(runner, "pack", tmp_path / "old.txt", tmp_path / "new.txt",
                    "--date", "2026-12-07", "--formats", "json", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    model = json.loads(next((tmp_path / "out").glob("*-briefing.json")).read_text(encoding="utf-8"))
    text = " ".join(json.dumps(model, ensure_ascii=False).split())
    assert "consider it resolved" not in text
    persisting = next(s for s in model["sections"] if s["title"] == "Persisting concerns")
    rows = next(b for b in persisting["blocks"] if b.get("kind") == "table")["rows"]
    assert [r[0][:60] for r in rows] == ["Finding 1: The force must improve how it carries out proport"]
    assert "how well Dorset Police investigates crime" in rows[0][1]


def test_west_midlands_2021_22_concern_on_investigations_persists_in_2023_25():
    from briefing.compare import compare

    old = read_shared("corpus-2/texts/west-midlands-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/west-midlands-2023-25-pressrelease.txt").inspection
    c = compare(old, new)
    assert [p.old.text[:40] for p in c.persisting] == ["The force must improve how it carries ou"]
    assert c.persisting[0].new.continues == "highlighted these problems in previous"
    assert not c.resolved


def test_an_earlier_finding_in_the_area_of_a_later_one_said_to_carry_on_persists():
    """The matcher links one to one: a second earlier finding in the area of a later finding whose
    words say it carries on from before ("Concerns remain") was left "not in the source used",
    and the pack asked whether the force considered it resolved. It persists, merged into that
    later finding, with the reason said; a finding with no area, or forbidden by the analyst, is
    left as it was."""
    from briefing.compare.carried import carried_links
    from briefing.compare.links import Link
    from briefing.model import Finding
    from briefing.reference import load_frameworks

    old = [Finding("finding", "protecting-vulnerable", "The force does not identify vulnerable callers."),
           Finding("finding", "protecting-vulnerable", "The force is missing opportunities to protect repeat victims."),
           Finding("finding", "", "Some victims received an unacceptable service.")]
    new = [Finding("finding", "investigating-crime", "Concerns remain in how it is investigating crime and protecting "
                   "the vulnerable.", continues="Concerns remain", areas=("investigating-crime", "protecting-vulnerable"))]
    links = carried_links(old, new, [Link(0, 0, 0.6, "shared theme")], load_frameworks())
    assert [(link.old, link.new, link.merged) for link in links] == [(0, 0, False), (1, 0, True)]
    assert "carries on from before (\u201cConcerns remain\u201d), in this finding's area (Protecting vulnerable " \
           "people)" in links[1].reason
    assert carried_links(old, new, [Link(0, 0, 0.6, "shared theme")], load_frameworks(), forbidden={(1, 0)}) == \
        [Link(0, 0, 0.6, "shared theme")]


def test_wiltshire_2021_22_concern_on_protecting_vulnerable_victims_persists_where_concerns_remain():
    """wiltshire-2023-25-pressrelease.txt: "Concerns remain in how it is investigating crime and
    protecting the vulnerable"; 2021/22's "The force is missing opportunities to protect vulnerable
    and repeat victims of crime" was asked about as perhaps resolved."""
    from briefing.compare import compare

    old = read_shared("corpus-2/texts/wiltshire-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/wiltshire-2023-25-pressrelease.txt").inspection
    c = compare(old, new)
    assert any(p.old.text.startswith("The force is missing opportunities to protect vulnerable") for p in c.persisting)
    assert not any(f.text.startswith("The force is missing opportunities") for f in c.resolved)
