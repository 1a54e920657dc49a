"""Whom a report's stated count of recommendations is made to, where the words after the
count say (review 8, item 18: Surrey's custody report "made 2 recommendations to it (and the
police and crime commissioner)"; the response draft said only "The report makes 2
recommendations", and the PCC's office did not learn it was itself an addressee)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reading import SHARED, read

from briefing.ingest.dataset import load_dataset, to_dataset

LEAD = "Report on an unannounced inspection visit to police custody suites in Northshire\n\n"


@pytest.mark.parametrize(("sentence", "to"), [
    ("To help the force improve, we have made 2 recommendations to it (and the police and crime commissioner) that "
     "address the main causes of concern.", "the force and the police and crime commissioner"),
    ("We have made 3 recommendations to the force.", "the force"),
    ("We have made 4 recommendations to chief constables and one to the College of Policing.", "chief constables"),
    ("We have made 2 recommendations to improve the care of detainees.", ""),  # "to" and a verb: what for, not whom
    ("We have made 2 recommendations that address the main causes of concern.", ""),
])
def test_whom_a_count_is_made_to_is_read_only_where_the_words_name_them(tmp_path, sentence, to):
    (count,) = [c for c in read(tmp_path, LEAD + sentence + "\n").inspection.counts if c.kind == "recommendation"]
    assert count.to == to


def test_whom_a_count_is_made_to_survives_the_dataset(tmp_path):
    import yaml

    found = read(tmp_path, LEAD + "We have made 2 recommendations to it (and the PCC).\n").inspection
    data = to_dataset(found) | {"force": "Kent Police", "title": "Custody in Kent"}
    (tmp_path / "saved.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert [c.to for c in load_dataset(tmp_path / "saved.yaml").counts] == ["the force and the PCC"]


def test_the_response_draft_says_the_pcc_is_an_addressee(runner, tmp_path):
    from conftest import invoke

    report = SHARED / "thematic" / "texts" / "hmicfrs-surrey-custody-2022-report.txt"
    if not report.exists():
        pytest.skip(f"{report} is absent: clone the project with ../shared beside it to run this test")
    assert invoke(runner, "response", report, "--formats", "json", "-o", tmp_path).exit_code == 0
    text = next(tmp_path.glob("*-response.json")).read_text(encoding="utf-8")
    assert "The report makes 2 recommendations, to the force and the police and crime commissioner." in text


@pytest.mark.parametrize(("sentence", "counts"), [
    ("As a result of the spotlight report, HMICFRS made 11 recommendations, 3 of which were for local forces.",
     [(11, ""), (3, "local forces")]),
    ("We made 9 recommendations, two of them to chief constables.", [(9, ""), (2, "chief constables")]),
    ("We made 9 recommendations, two of which were for the Home Office.", [(9, "")]),  # not for forces
    ("We made 4 recommendations, 6 of which were for forces.", [(4, "")]),  # a part is fewer than the whole
])
def test_the_part_of_a_count_said_to_be_for_forces_is_kept_beside_the_total(tmp_path, sentence, counts):
    """Review 10, item 3: the spotlight report's "11 recommendations, 3 of which were for local
    forces" was kept as 11 only, so the pack said "1 recommendation for the force" (the one the
    source lists) where three fall to every force."""
    found = read(tmp_path, LEAD + sentence + "\n").inspection.counts
    assert [(c.count, c.to) for c in found if c.kind == "recommendation"] == counts


def test_the_register_says_how_many_recommendations_are_for_forces(tmp_path):
    """The bundled spotlight report: one recommendation listed, three stated for forces."""
    from datetime import date

    from briefing.compare.register import _entry
    from briefing.document.reports import recommendations_cell
    from briefing.ingest.dataset import load_dataset

    report = load_dataset(Path(__file__).resolve().parent.parent / "data" / "northamptonshire" / "reports" /
                          "2023-07-peel-spotlight-getting-a-grip.yaml")
    entry = _entry(report, "Northamptonshire Police", date(2026, 12, 7), None, False, ())
    assert (entry.stated, entry.stated_for_forces, len(entry.for_force)) == (11, 3, 1)
    assert recommendations_cell(entry).startswith(  # the count the source states leads (review 12, item 7)
        "3 recommendations for forces, so for this force (the report makes 11; the source lists one of those for forces, "
        "Recommendation 2: take the other two from the report)")
