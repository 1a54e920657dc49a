"""A force's files checked as one record (compare/record.py): each case a set of small
datasets written here, each valid alone, with what is wrong between them planted:

- a response dated 2 January 2024 to a report published 14 March 2024: refused, naming both;
- two reports called "Custody in Northshire", 1 February 2023 and 1 February 2024, and one
  response to the second (published 1 February 2024, answered 20 March 2024): only the second
  is answered, in time; the first has none on file;
- a response with no date, read after the 56 days: "on file, undated", never "no response";
- a recommendation for "the Chief Constable of Kent Police" in a Northamptonshire file: Kent's,
  not a tracker row of Northamptonshire's;
- a deadline of 31 January 2023 in a report of 14 March 2024: no due date, never overdue;
- the same report given twice, and a thematic copy of the PEEL report: each listed once;
- a report that "makes 2 recommendations" and lists 3: a warning;
- `briefing response` given the PCC's own response: refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATASETS, invoke

FORCE = "Northamptonshire Police"
KNIFE = ("force: Northamptonshire Police\nreport_type: thematic\ntitle: How well the police tackle knife crime\n"
         "published: 2024-03-14\ncovers: [all]\nsource: knife.txt\n")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _register(runner, *files: Path, day: str = "2024-06-30"):
    result = invoke(runner, "register", *files, "--force", FORCE, "--date", day, "--format", "json")
    return result, ({r["title"] + " " + r["published"]: r for r in json.loads(result.stdout)["reports"]}
                    if result.exit_code == 0 else {})


def _response(folder: Path, name: str, title: str, published: str, when: str = "") -> Path:
    dated = f", date: {when}" if when else ""
    return _write(folder, name, f"{{force: {FORCE}, report_type: thematic, title: \"{title}\", published: {published}, "
                                f"response: {{by: Northshire PFCC{dated}}}}}\n")


def test_a_response_before_its_report_is_refused_naming_both_files(runner, tmp_path):
    report = _write(tmp_path, "knife.yaml", KNIFE)
    answer = _response(tmp_path, "answer.yaml", "How well the police tackle knife crime", "2024-03-14", "2024-01-02")
    result, _ = _register(runner, report, answer)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "answer.yaml" in line and "knife.yaml" in line and "before the report it answers" in line
    assert "in time" not in result.stdout


def test_one_response_answers_the_report_of_its_title_and_date(runner, tmp_path):
    custody = "force: Northamptonshire Police\nreport_type: force-inspection\ntitle: Custody in Northshire\nsource: c.txt\n"
    first = _write(tmp_path, "custody-2023.yaml", custody + "published: 2023-02-01\n")
    second = _write(tmp_path, "custody-2024.yaml", custody + "published: 2024-02-01\n")
    answer = _response(tmp_path, "answer.yaml", "Custody in Northshire", "2024-02-01", "2024-03-20")
    result, reports = _register(runner, first, second, answer)
    assert result.exit_code == 0, result.output
    assert reports["Custody in Northshire 2024-02-01"]["status"] == "response published 20 March 2024, within the 56 days"
    assert reports["Custody in Northshire 2023-02-01"]["status"] == "the 56 days ended 28 March 2023; no response on file"
    assert len(reports) == 2  # the response is no report of its own


def test_an_undated_response_is_on_file_not_missing(runner, tmp_path):
    report = _write(tmp_path, "knife.yaml", KNIFE)
    answer = _response(tmp_path, "answer.yaml", "How well the police tackle knife crime", "2024-03-14")
    result, reports = _register(runner, report, answer)
    assert result.exit_code == 0, result.output
    entry = reports["How well the police tackle knife crime 2024-03-14"]
    assert entry["standing"] == "published-undated" and "no response on file" not in entry["status"]
    _, early = _register(runner, report, answer, day="2024-04-01")  # within the 56 days it is simply due
    assert early["How well the police tackle knife crime 2024-03-14"]["status"] == "response due in 37 days (8 May 2024)"


def test_a_recommendation_for_another_named_force_is_that_forces_alone(runner, tmp_path):
    report = _write(tmp_path, "knife.yaml", KNIFE + "findings:\n"
                    "  - {kind: recommendation, number: Recommendation 1, addressee: the Chief Constable of Kent Police,"
                    " text: Kent Police should review its knife crime flags.}\n"
                    "  - {kind: recommendation, number: Recommendation 2, addressee: chief constables,"
                    " text: Chief constables should flag every knife crime.}\n")
    result, reports = _register(runner, report)
    entry = reports["How well the police tackle knife crime 2024-03-14"]
    assert (entry["recommendations_for_force"], entry["for_information"]) == (1, 1)
    assert "knife.yaml, Recommendation 1: addressed to Kent Police, not Northamptonshire Police" in result.stderr


def test_a_deadline_before_publication_gives_no_due_date(runner, tmp_path):
    from openpyxl import load_workbook

    report = _write(tmp_path, "knife.yaml", KNIFE + "findings:\n"
                    "  - {kind: recommendation, number: Recommendation 1, addressee: chief constables, due: '2023-01-31',"
                    " text: By 31 January 2023 chief constables should flag every knife crime.}\n")
    result = invoke(runner, "pack", "--record", report, "--date", "2024-06-30", "--formats", "xlsx", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "knife.yaml, Recommendation 1: its deadline (2023-01-31) is before the report was published" in result.stderr
    sheet = load_workbook(next((tmp_path / "out").glob("*.xlsx")))["Actions"]
    head = [c.value for c in sheet[1]]
    row = next(dict(zip(head, (c.value for c in r))) for r in sheet.iter_rows(min_row=2)
               if str(r[0].value).endswith("Recommendation 1"))
    assert row["Due date"] is None and "before the report was published" in row["Deadline in the report"]
    summary = {r[0].value: r[1].value for r in load_workbook(next((tmp_path / "out").glob("*.xlsx")))["Summary"].iter_rows()}
    assert summary["Actions overdue"] == 0


def test_the_same_report_twice_and_a_thematic_copy_of_peel_are_one_each(runner, tmp_path):
    once, twice = _write(tmp_path, "knife.yaml", KNIFE), _write(tmp_path, "knife-copy.yaml", KNIFE)
    copy = _write(tmp_path, "peel-copy.yaml", "force: Northamptonshire Police\nreport_type: thematic\n"
                  "title: \"PEEL 2023-25: An inspection of Northamptonshire Police\"\npublished: 2024-02-16\nsource: p.txt\n")
    result, reports = _register(runner, once, twice, copy, DATASETS["peel-2023-25"])
    assert result.exit_code == 0, result.output
    assert sorted(reports) == ["How well the police tackle knife crime 2024-03-14",
                               "PEEL 2023-25: An inspection of Northamptonshire Police (as reported in the local press) "
                               "2024-02-16"]
    assert "knife-copy.yaml and " in result.stderr and "are the same report" in result.stderr
    assert "peel-copy.yaml and " in result.stderr and "2023-25-peel-article.yaml is used" in result.stderr


def test_a_count_the_list_contradicts_is_said(runner, tmp_path):
    report = _write(tmp_path, "knife.yaml", KNIFE + "counts:\n  - {kind: recommendation, count: 2, line: 4}\nfindings:\n"
                    + "".join(f"  - {{kind: recommendation, addressee: forces, text: Forces should do thing {n}.}}\n"
                              for n in (1, 2, 3)))
    result, _ = _register(runner, report)
    assert "knife.yaml: lists 3 of kind recommendation, but says the report makes 2 (line 4)" in result.stderr


def test_no_response_is_drafted_to_the_pccs_own_response(runner, tmp_path):
    answer = _response(tmp_path, "answer.yaml", "How well the police tackle knife crime", "2024-03-14", "2024-05-02")
    result = invoke(runner, "response", answer, "--formats", "html", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "answer.yaml: is the published response to How well the police tackle knife crime" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_response_recorded_beside_the_peel_datasets_is_said_in_the_pack(runner, tmp_path):
    """The one-line form an office writes for a response it published: the pack, its header,
    the register and the email line say so, and no skeleton is drafted."""
    answer = _write(tmp_path, "response.yaml", f"{{force: {FORCE}, cycle: peel-2023-25, published: 2024-02-16, "
                    "response: {by: PFCC, date: 2024-04-03, url: 'https://example.org/r'}}\n")
    result = invoke(runner, "pack", DATASETS["peel-2021-22"], DATASETS["peel-2023-25"], "--record", answer,
                    "--date", "2024-06-30", "--formats", "json", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    model = json.loads(next(p for p in (tmp_path / "out").glob("*.json") if "manifest" not in p.name).read_text())
    text = json.dumps(model)
    assert "Response published 3 April 2024, within the 56 days" in text
    assert "was published on 3 April 2024, within the 56 days" in text
    assert "Draft response skeleton" not in text
    assert model["metadata"]["s55_due"] is None


def test_pack_says_what_reading_each_file_left_unsettled_as_extract_does(runner, tmp_path):
    """The same warning lines as `briefing extract`, each naming its file, on stderr."""
    letter = Path(__file__).parent / "fixtures" / "reports" / "revisit-letter.txt"
    extracted = invoke(runner, "extract", letter)
    expected = [line.removeprefix("warning: ") for line in extracted.stderr.splitlines() if line.startswith("warning: ")]
    assert expected
    result = invoke(runner, "pack", "--record", letter, "--date", "2024-06-03", "--formats", "json", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    for warning in expected:
        assert f"warning: {letter}: {warning}" in result.stderr


def test_a_dataset_of_a_thematic_cycle_is_registered_as_thematic(runner):
    """The bundled 2014 core business letter's dataset states no report_type; its cycle is a national
    thematic inspection (frameworks.yaml), so the register never calls it a PEEL assessment."""
    data = json.loads(invoke(runner, "register", "--date", "2026-12-07", "--format", "json").stdout)
    letter = next(r for r in data["reports"] if r["title"].startswith("Core business:"))
    assert letter["report_type"] == "thematic"
