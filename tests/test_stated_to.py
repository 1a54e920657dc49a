"""Whom a report's stated count of recommendations is made to, where the words after the
count say (review 8, item 18: Surrey's custody report "made 2 recommendations to it (and the
police and crime commissioner)"; the response draft said only "The report makes 2
recommendations", and the PCC's office did not learn it was itself an addressee)."""

from __future__ import annotations

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
