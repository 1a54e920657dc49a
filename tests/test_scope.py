"""A commissioned inspection's own list of the areas it covered (review 4, item 16, after
British Transport Police 2021): the areas it leaves out were not graded, and a pack must not
say "not stated: it graded the area, but the source on file gives no grade" of them, nor ask
what HMICFRS graded them. Planted: a report page of a commissioned PEEL 2021/22 inspection
naming three of the areas as its questions, with a judgements table of those three; beside
it, lists that do not read cleanly (a count that differs, an item naming no area), which
must change nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reading import read

from briefing.compare import compare

REPORT = """SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/inspection-of-northshire-police/
PEEL 2021/22: Inspection into Northamptonshire Police effectiveness, efficiency and legitimacy

Published on: 22 February 2024

In 2021, we were commissioned by the Minister of State to inspect Northamptonshire Police.

The commission required assessment of the force in {n} of the areas that make up our police efficiency, effectiveness and legitimacy assessment framework using the following questions:

{items}

This report sets out the findings and graded judgments in the areas that we inspected.

Our judgments

Area Grade
Engaging with and treating the public with fairness and respect Good
Preventing crime and antisocial behaviour Good
Protecting vulnerable people Requires improvement
"""
QUESTIONS = ["How good is the force at engaging with the people it serves and treating them fairly, appropriately and "
             "respectfully?",
             "How good is the force at preventing and deterring crime, antisocial behaviour and vulnerability?",
             "How good is the force at protecting vulnerable people?"]
LEFT_OUT = {"responding-to-public", "investigating-crime", "managing-offenders", "crime-recording", "victim-service",
            "serious-organised-crime", "workforce", "force-management"}


def _report(n: str, items: list[str]) -> str:
    return REPORT.format(n=n, items="\n\n".join(f"  \u2022 {q}" for q in items))


def test_areas_a_commission_left_out_are_not_graded_with_the_sentence_that_says_so(tmp_path):
    found = read(tmp_path, _report("three", QUESTIONS)).inspection
    left = {j.area: j for j in found.judgements if not j.graded}
    assert set(left) == LEFT_OUT
    assert {j.how for j in left.values()} == {"scope"} and {j.place.line for j in left.values()} == {8}
    assert {(j.area, j.grade) for j in found.judgements if j.graded} == {
        ("public-treatment", "good"), ("preventing-crime", "good"), ("protecting-vulnerable", "requires improvement")}


@pytest.mark.parametrize("n, items", [
    ("four", QUESTIONS),  # the count and the list differ
    ("three", QUESTIONS[:2] + ["How good is the force at working with its partners?"]),  # an item naming no area
    ("three", QUESTIONS[:2] + QUESTIONS[:1]),  # an area twice
])
def test_a_list_that_does_not_read_cleanly_changes_nothing(tmp_path, n, items):
    found = read(tmp_path, _report(n, items)).inspection
    assert all(j.graded for j in found.judgements)


def test_the_movement_table_says_why_an_area_left_out_is_not_graded(tmp_path, inspections):
    new = read(tmp_path, _report("three", QUESTIONS)).inspection
    old = inspections["peel-2017"]
    rows = {g.area: g for g in compare(old, new).grade_changes}
    row = rows["investigating-crime"]
    assert row.new_state.state == "not-graded"
    assert "Not among the areas the PEEL 2021/22 inspection covered, as its source says (line 8)." in row.note


BTP = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts" / "british-transport-police-2021-22-report.txt"


@pytest.mark.skipif(not BTP.exists(), reason="../shared/corpus is not beside the repository")
def test_british_transport_polices_commission_leaves_four_areas_not_graded():
    from briefing.extract import extract

    found = extract(BTP).inspection
    left = {j.area for j in found.judgements if j.how == "scope"}
    assert left == {"responding-to-public", "investigating-crime", "managing-offenders", "crime-recording"}
