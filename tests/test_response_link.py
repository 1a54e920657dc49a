"""A PCC's page that links its published response ("Read the response from the PCC to the
Home Secretary on HMIC Effectiveness Inspection") is not the response, and no copy of the
response is on file; but the response was published, so the register and the pack ask for
its date rather than implying none was published (extract/responses.py, response_link)."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import SHARED

PAGE = ("SOURCE: https://www.kent-pcc.gov.uk/inspections/\n"
        "HMICFRS inspections\n\n"
        "2017\n\n"
        "PEEL: Police effectiveness 2017 - Kent Police\n"
        "Kent Police is good at keeping people safe and reducing crime.\n"
        "Read the response from the PCC to the Home Secretary on the HMICFRS effectiveness inspection\n")


def _extracted(tmp_path, text: str):
    from briefing.extract import extract

    page = tmp_path / "kent-pcc-page.txt"
    page.write_text(text, encoding="utf-8")
    return extract(page).inspection


def test_a_pages_link_to_the_published_response_is_read_with_its_line(tmp_path):
    link = _extracted(tmp_path, PAGE).response_link
    assert link is not None and link.place.line == 8 and link.text.startswith("Read the response from the PCC")


@pytest.mark.parametrize("line", [
    "The force's response to the inspection was read by the panel, who asked the PCC how it would be funded.",  # prose
    "Read the force's response to the inspection",  # the force's own, not the local policing body's
    "Read the report",
])
def test_prose_and_other_links_are_no_link_to_the_pccs_response(tmp_path, line):
    assert _extracted(tmp_path, PAGE.replace(PAGE.splitlines()[-1], line)).response_link is None


def test_the_register_asks_for_the_linked_responses_date_not_whether_one_was_published(runner, tmp_path):
    page = tmp_path / "kent.txt"
    page.write_text(PAGE, encoding="utf-8")
    dataset = tmp_path / "kent.yaml"
    assert invoke(runner, "extract", page, "-o", dataset).exit_code == 0
    assert "response_link:" in dataset.read_text()  # kept in the dataset, and read back from it
    for given in (page, dataset):
        listed = invoke(runner, "register", given, "--date", "2026-12-07", "--format", "json")
        assert listed.exit_code == 0, listed.stderr
        [row] = json.loads(listed.stdout)["reports"]
        assert row["status"].endswith("no copy on file, but the source links a published response (line 8: \u201cRead "
                                      "the response from the PCC to the Home Secretary on the HMICFRS effectiveness "
                                      "inspection\u201d): record its date")
        assert row["response_published"] is None and row["response_linked"]["line"] == 8


def test_the_avon_and_somerset_2017_page_links_its_response(tmp_path):
    from briefing.extract import extract

    path = SHARED / "corpus-2" / "texts" / "avon-and-somerset-2017-pccpage.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    link = extract(path).inspection.response_link
    assert link is not None and link.place.line == 28


def test_the_packs_s55_section_asks_for_the_date_of_the_linked_response(runner, tmp_path):
    page = tmp_path / "kent.txt"
    page.write_text(PAGE, encoding="utf-8")
    older = tmp_path / "kent-2016.yaml"
    older.write_text("force: Kent Police\ncycle: peel-2016\npublished: 2017-03-02\njudgements:\n"
                     "- {area: effectiveness, grade: good}\n", encoding="utf-8")
    made = invoke(runner, "pack", older, page, "--formats", "json", "--date", "2026-12-07", "-o", tmp_path / "pack")
    assert made.exit_code == 0, made.output
    [model] = (tmp_path / "pack").glob("*-briefing.json")
    text = json.dumps(json.loads(model.read_text()), ensure_ascii=False)
    assert ("and no copy of it is on file, but the source links a published response (line 8: \u201cRead the response "
            "from the PCC to the Home Secretary on the HMICFRS effectiveness inspection\u201d): record its date.") in text
    assert "record its date: check that it was published" not in text  # the response is known to be published
