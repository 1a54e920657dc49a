"""Comparisons on the seed datasets, with the expected links written down beside them.

Expected across the Northamptonshire record (read from the seeds by hand):
- 2021/22 -> 2023-25 grades: investigating crime down one; treatment of the public up two;
  protecting vulnerable people, managing offenders, workforce and force management up one
  (force management only partially maps: 2023-25 adds leadership); preventing crime
  unchanged; responding to the public unchanged at requires improvement once HMICFRS's
  correction of 8 August 2024 applies (published as adequate, so "up one" before it);
  recording data about crime newly graded; serious and organised crime and the victim
  service no longer graded.
- Digital forensics persists: 2014 recommendation 3 (telecommunication equipment) ->
  2017 AFI 7 (digital evidence from mobile phones) -> 2021/22 AFI 7 (digital strategy).
- Crime allocation persists: 2021/22 AFI 1 -> the 2023-25 allocation finding.
- Firearms commanders' accreditation (2021/22 AFI 16) is not digital forensics.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import DATASETS, invoke

from briefing.compare import compare, history
from briefing.compare.overrides import load_overrides
from briefing.errors import InputError
from briefing.ingest import load_inspection


def movements(comparison):
    return {c.area: (c.movement, c.steps, c.partial) for c in comparison.grade_changes}


def link_ids(comparison):
    return {(p.old.id or p.old.place, p.new.id or p.new.place) for p in comparison.persisting}


def test_2021_to_2023_grade_movements(inspections):
    c = compare(inspections["peel-2021-22"], inspections["peel-2023-25"])
    assert movements(c) == {
        "crime-recording": ("new-area", 0, False),
        "public-treatment": ("up", 2, False),
        "preventing-crime": ("same", 0, False),
        "responding-to-public": ("same", 0, False),
        "investigating-crime": ("down", -1, False),
        "protecting-vulnerable": ("up", 1, False),
        "managing-offenders": ("up", 1, False),
        "workforce": ("up", 1, False),
        "force-management": ("up", 1, True),
        "serious-organised-crime": ("no-longer-graded", 0, False),
        "victim-service": ("no-longer-graded", 0, False),
    }
    assert not c.comparable
    assert any("It isn't possible to make direct comparisons" in note for note in c.caveats)
    assert any("Leadership and force management" in note for note in c.caveats)
    responding = next(g for g in c.grade_changes if g.area == "responding-to-public")
    assert responding.correction.startswith("HMICFRS corrected the grade on 8 August 2024, from adequate (as published)")


def test_a_pack_dated_before_the_correction_uses_the_published_grade(inspections):
    from datetime import date

    before = compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=date(2024, 3, 1))
    assert movements(before)["responding-to-public"] == ("up", 1, False)
    assert not any(g.correction for g in before.grade_changes)


def test_four_tier_to_five_tier_says_the_scales_differ(inspections):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    assert any(note.startswith("The grading scales differ") for note in c.caveats)
    assert any("A reduction in grade, particularly from good to adequate" in note for note in c.caveats)
    assert movements(c)["investigating-crime"] == ("up", 1, True)  # RI -> adequate; 2017 also covered re-offending


def test_digital_forensics_persists_across_three_inspections(inspections):
    first = compare(inspections["crime-2014"], inspections["peel-2017"])
    second = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    assert ("Recommendation 3", "AFI 7") in link_ids(first)
    assert ("AFI 7", "AFI 7") in link_ids(second)
    link = next(p for p in second.persisting if p.new.id == "AFI 7")
    assert "digital forensics" in link.reason and link.score > 0.5


def test_crime_allocation_persists_into_2023(inspections):
    c = compare(inspections["peel-2021-22"], inspections["peel-2023-25"])
    assert ("AFI 1", "line 60") in link_ids(c)
    assert len(c.new_findings) == 2  # 999 response times; community resolutions in domestic abuse
    assert len(c.resolved) == 18


def test_unrelated_concerns_are_not_linked(inspections):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    firearms = {p.old.id for p in c.persisting if p.new.id == "AFI 16"}
    assert firearms == set()
    digital = {p.new.id for p in c.persisting if p.old.id == "AFI 7"}
    assert digital == {"AFI 7"}


def test_cause_of_concern_that_became_an_afi_is_de_escalated(inspections):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    concern = next(p for p in c.persisting if p.old.kind == "cause-of-concern")
    assert concern.new.area == "serious-organised-crime"
    assert concern.severity_change == "de-escalated"


def test_every_link_has_a_score_and_a_reason(inspections):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    assert c.persisting
    for p in c.persisting:
        assert 0 < p.score <= 1 and p.reason and not p.manual
    # every finding ends up in exactly one of persisting, resolved, new
    old_total = {p.old.text for p in c.persisting} | {r.text for r in c.resolved}
    assert len(old_total) == len(inspections["peel-2017"].findings)


def test_overrides_pin_and_forbid(inspections, tmp_path):
    old, new = inspections["peel-2017"], inspections["peel-2021-22"]
    path = tmp_path / "overrides.yaml"
    path.write_text("pin:\n  - {old: AFI 8, new: AFI 10}\nforbid:\n  - {old: AFI 7, new: line 674}\n", encoding="utf-8")
    c = compare(old, new, load_overrides(path, old.findings, new.findings))
    pinned = next(p for p in c.persisting if p.old.id == "AFI 8")
    assert pinned.new.id == "AFI 10" and pinned.manual and pinned.reason.startswith("pinned by the analyst")
    assert not any(p.old.id == "AFI 7" and p.new.id == "AFI 7" for p in c.persisting)
    assert c.overrides == str(path)


def test_override_naming_an_unknown_finding_is_one_clear_error(inspections, tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("pin:\n  - {old: AFI 99, new: AFI 1}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_overrides(path, inspections["peel-2017"].findings, inspections["peel-2021-22"].findings)
    assert str(err.value).startswith(f"{path}, line 2: no finding of the older inspection is 'AFI 99'")


def test_compare_json_contract(runner):
    result = invoke(runner, "compare", DATASETS["peel-2021-22"], DATASETS["peel-2023-25"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"old", "new", "comparable", "caveats", "grade_changes", "persisting", "resolved", "new"} <= set(data)
    assert data["old"]["cycle"] == data["older"]["cycle"] == "peel-2021-22"
    assert data["newer"]["cycle"] == "peel-2023-25" and isinstance(data["new"], list)
    change = data["grade_changes"][0]
    assert {"area", "old_label", "new_label", "old_grade", "new_grade", "movement", "steps"} <= set(change)
    assert {c["movement"] for c in data["grade_changes"]} <= {"up", "down", "same", "new-area", "no-longer-graded"}
    link = data["persisting"][0]
    assert {"old", "new", "score", "reason", "manual", "first_raised", "times_raised"} <= set(link)
    assert data["resolved_means"] == "not in the source used"  # the newer source is a news article
    assert {"kind", "area", "text"} <= set(link["old"]) and {"kind", "area", "text"} <= set(data["new"][0])


def test_compare_table_fits_80_columns_and_shows_the_caveat(runner):
    result = invoke(runner, "compare", DATASETS["peel-2021-22"], DATASETS["peel-2023-25"])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    wide = invoke(runner, "compare", DATASETS["peel-2021-22"], DATASETS["peel-2023-25"], columns=250).stdout
    assert "Grades are not directly comparable" in wide
    assert re.search(r"Investigating crime\s+adequate\s+requires improvement\s+down 1 grade\n", wide)
    assert "up 1 grade (partial match)" in wide


def test_history_of_the_force(inspections, runner):
    record = history(list(inspections.values()))
    assert [i.cycle for i in record.inspections] == ["core-business-2014", "crime-2014", "peel-2017",
                                                     "peel-2021-22", "peel-2023-25"]
    investigating = next(t for t in record.timelines if t.area == "investigating-crime")
    assert [p.grade for p in investigating.points] == ["requires improvement", "requires improvement",
                                                       "adequate", "requires improvement"]
    digital = next(t for t in record.themes if t.theme == "digital-forensics")
    assert digital.raised_in == 3 and digital.first.startswith("PEEL 2014")
    result = invoke(runner, "history", *DATASETS.values(), columns=200)
    assert result.exit_code == 0
    assert "Digital forensics and device examination" in result.stdout
    assert "3 of 5" in result.stdout
    assert "5 inspections on file" in result.stdout
    assert "Not on file: PEEL 2015, PEEL 2016, PEEL 2018/19" in result.stdout


def test_history_refuses_two_forces(inspections):
    from dataclasses import replace

    other = replace(inspections["peel-2017"], force="Testshire Police")
    with pytest.raises(Exception, match="one force at a time"):
        history([inspections["peel-2021-22"], other])


def _pillars(tmp_path, cycle: str, grades: dict, published: str):
    """A hand-written pillar-era dataset: each area's grade as planted."""
    lines = [f"force: Sussex Police\ncycle: {cycle}\npublished: {published}\njudgements:"]
    lines += [f"  - {{area: {area}, grade: {grade}}}" for area, grade in grades.items()]
    path = tmp_path / f"{cycle}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_inspection(path)


def test_steps_are_counted_on_the_scale_both_cycles_use(tmp_path):
    """Planted: 2016 -> 2017, both four-tier. Requires improvement -> good is one grade there (there was
    no adequate), inadequate -> good two; legitimacy stays good. Before, the common five-grade
    ladder said "up 2 grades" for the first."""
    old = _pillars(tmp_path, "peel-2016", {"effectiveness": "requires improvement", "efficiency": "inadequate",
                                           "legitimacy": "good"}, "2017-03-02")
    new = _pillars(tmp_path, "peel-2017", {"effectiveness": "good", "efficiency": "good", "legitimacy": "good"},
                   "2018-03-22")
    got = movements(compare(old, new))
    assert {area: got[area][:2] for area in ("effectiveness", "efficiency", "legitimacy")} == \
        {"effectiveness": ("up", 1), "efficiency": ("up", 2), "legitimacy": ("same", 0)}


def test_a_grade_for_an_area_reported_separately_is_said_to_come_from_that_report(tmp_path):
    """Planted: serious and organised crime good in 2021/22 and outstanding beside the 2023-25 grades, as a
    PCC statement gives its regional inspection's grade. 2023-25 does not grade it in PEEL: the PEEL side is
    "not graded" carrying the separate grade, and no movement is made of it (review 8 item 2: once "up")."""
    old = _pillars(tmp_path, "peel-2021-22", {"serious-organised-crime": "good"}, "2022-08-19")
    new = _pillars(tmp_path, "peel-2023-25", {"serious-organised-crime": "outstanding"}, "2024-05-01")
    row = next(g for g in compare(old, new).grade_changes if g.area == "serious-organised-crime")
    assert row.movement == "not-known" and row.note.startswith("Not a PEEL 2023-25 area")
    assert (row.new_state.state, row.new_state.why, row.new_state.elsewhere) == ("not-graded", "separately", "outstanding")
    assert "grade for it, outstanding, comes from that separate assessment, not from PEEL's graded areas" in row.note


def _concerns(tmp_path, cycle: str, findings: list[tuple[str, str]], published: str):
    """A hand-written dataset of findings only: each (area, text) as planted."""
    lines = [f"force: Wiltshire Police\ncycle: {cycle}\npublished: {published}\nfindings:"]
    lines += [f"  - {{kind: finding, area: '{area}', text: \"{text}\"}}" for area, text in findings]
    path = tmp_path / f"{cycle}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_inspection(path)


def test_a_specific_shared_word_outweighs_an_area_named_in_passing(tmp_path):
    """Planted, in the shape of Wiltshire's 2021/22 press release and 2023-25 one: an
    inspector's general concern naming three areas (responding to the public among them) and
    a concern placed in Responding to the public about victims' calls; later, "call handling
    remains a significant issue". Both are on the theme of answering calls (one by its words,
    one by its area), and "calls" decides: the victims' calls concern persists, the general
    one joins it. Before, the general one took the link by the area's name alone and the
    victims' calls concern was asked as resolved."""
    old = _concerns(tmp_path, "peel-2021-22", [
        ("", "I have serious concerns about the force's performance, particularly how it responds to the public, "
             "protects vulnerable people and makes use of its resources."),
        ("responding-to-public", "It needs to improve the way it manages victims' calls, so that all vulnerable "
                                 "people are identified.")], "2022-09-30")
    new = _concerns(tmp_path, "peel-2023-25", [("", "Call handling remains a significant issue for the force.")],
                    "2024-08-16")
    c = compare(old, new)
    # the general concern joins it in its one part on calls; its other parts are not raised again (review 11, item 4)
    assert [f.concerns for f in c.resolved] == [("protects vulnerable people", "makes use of its resources")]
    first = next(p for p in c.persisting if not p.merged)
    assert first.old.text.startswith("It needs to improve the way it manages victims' calls")
    assert "shared terms: calls" in first.reason and "(the earlier by its area)" in first.reason
    assert [(p.old.text[:28], p.old.concerns) for p in c.persisting if p.merged] == \
        [("I have serious concerns abou", ("how it responds to the public",))]
