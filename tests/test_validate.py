"""`briefing validate` and `show`: every broken file gets its own one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import DATA, DATASETS, FIXTURES, invoke

BROKEN = FIXTURES / "broken"
EXPECTED = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))


def test_bundled_datasets_are_valid(runner):
    result = invoke(runner, "validate", *sorted(DATA.glob("*.yaml")))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(": ok (") == len(list(DATA.glob("*.yaml"))) == 8
    assert "2021-22-peel.yaml: ok (12 judgements (10 graded), 19 areas for improvement)" in result.stdout


def test_every_broken_fixture_is_listed():
    files = {p.name for p in BROKEN.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED), "each broken fixture needs its expected error written down"
    assert len(files) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_its_one_line_error(runner, name):
    path = BROKEN / name
    result = invoke(runner, "validate", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    prefix = f"{path}, " if EXPECTED[name].startswith("line ") else f"{path}: "
    assert lines[0] == prefix + EXPECTED[name]
    assert lines[-1] == "Error: 1 of 1 file(s) have problems"
    assert "Traceback" not in result.output


def test_validate_reports_every_problem_at_once(runner, tmp_path):
    bad = tmp_path / "two-problems.yaml"
    bad.write_text("force: X\ncycle: peel-2021-22\npublished: 2021\njudgements:\n"
                   "  - {area: Investigating crime, grade: adequte}\n"
                   "  - {area: Nowhere, grade: good}\n", encoding="utf-8")
    result = invoke(runner, "validate", bad)
    assert result.exit_code == 1
    assert f"{bad}, line 5: grade 'adequte'" in result.stderr
    assert f"{bad}, line 6: area 'Nowhere'" in result.stderr


def test_validate_checks_good_and_bad_files_together(runner):
    result = invoke(runner, "validate", DATASETS["peel-2017"], BROKEN / "bad-grade.yaml")
    assert result.exit_code == 1
    assert "2017-effectiveness.yaml: ok" in result.stdout
    assert "Error: 1 of 2 file(s) have problems" in result.stderr


def test_missing_file_is_one_line(runner, tmp_path):
    result = invoke(runner, "show", tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.yaml'}: no such file"


def test_show_json_lists_judgements_and_afis(runner, tmp_path):
    result = invoke(runner, "show", DATASETS["peel-2021-22"], "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["judgements"]) == 12
    assert sum(1 for j in data["judgements"] if j["grade"] != "ungraded") == 10
    afis = [f for f in data["findings"] if f["kind"] == "area-for-improvement"]
    assert len(afis) == 19
    assert data["cycle"] == "peel-2021-22"
    assert all(f["line"] for f in afis), "every AFI records its place in the seed"
    out = Path(tmp_path) / "shown.json"  # the same form as extract writes: validate takes it back
    out.write_text(result.stdout, encoding="utf-8")
    assert invoke(runner, "validate", out).exit_code == 0


def test_show_table_fits_80_columns(runner):
    result = invoke(runner, "show", DATASETS["peel-2017"])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    wide = invoke(runner, "show", DATASETS["peel-2017"], columns=200).stdout
    assert "Overall effectiveness 2017" in wide
    assert "Cause of concern 1" in wide


def test_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("briefing, version ")


def test_debug_shows_the_traceback(runner):
    from briefing.cli import cli

    result = runner.invoke(cli, ["--debug", "show", str(BROKEN / "empty.yaml")])
    assert result.exception is not None and type(result.exception).__name__ == "InputError"


def test_show_prints_the_grade_as_it_stands_and_what_the_source_is(runner):
    result = invoke(runner, "show", DATASETS["peel-2023-25"], columns=120)
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "requires improvement (corrected 8 August 2024; published as adequate)" in flat
    assert "(news article; does not list every finding)" in flat


# --- identity, types and the tool's own outputs ---------------------------------------------

BASE = "force: Northamptonshire Police\ncycle: peel-2021-22\npublished: 2021-11-24\n"


def _dataset(tmp_path, text: str, name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_finding_id_used_twice_is_refused(runner, tmp_path):
    path = _dataset(tmp_path, BASE + "findings:\n  - {kind: area-for-improvement, id: AFI 7, text: One thing., line: 3}\n"
                                     "  - {kind: area-for-improvement, id: AFI 7, text: Another thing., line: 9}\n")
    result = invoke(runner, "validate", path)
    assert result.exit_code == 1
    assert "finding id 'AFI 7' is used twice (line 3 and line 9); each finding needs its own" in result.stderr


def test_a_finding_written_twice_is_counted_once_and_said(runner, tmp_path):
    path = _dataset(tmp_path, BASE + "findings:\n  - {kind: area-for-improvement, text: The force should record data.}\n"
                                     "  - {kind: area-for-improvement, text: The force should  record data.}\n")
    result = invoke(runner, "validate", path)
    assert result.exit_code == 0 and "1 area for improvement" in result.stdout
    assert "repeats the one at" in result.stderr and "counted once" in result.stderr


@pytest.mark.parametrize(("field", "value", "kind"), [("notes", "{reviewed: true}", "mapping"),
                                                      ("title", "true", "yes/no value"),
                                                      ("force", "[Kent Police]", "list")])
def test_a_field_of_the_wrong_type_is_refused_not_turned_into_text(runner, tmp_path, field, value, kind):
    text = BASE.replace("force: Northamptonshire Police\n", "") if field == "force" else BASE
    path = _dataset(tmp_path, text + f"{field}: {value}\n" + ("" if field != "force" else ""))
    result = invoke(runner, "validate", path)
    assert result.exit_code == 1 and f"'{field}' must be text, not a {kind}" in result.stderr


def test_notes_are_held_to_the_field_limit(runner, tmp_path):
    path = _dataset(tmp_path, BASE + "notes: " + "word " * 1_000_000 + "\n")
    result = invoke(runner, "validate", path)
    assert result.exit_code == 1 and "'notes' is 5,000,000 characters" not in result.stderr
    assert "'notes' is" in result.stderr and "one entry is at most 10,000" in result.stderr


def test_json_with_a_character_beyond_the_basic_plane_is_read(runner, tmp_path):
    path = _dataset(tmp_path, '{"force": "Northamptonshire Police", "cycle": "peel-2021-22", "published": '
                              '"2021-11-24", "notes": "Reviewed \\ud83d\\udc4d; a path C:\\\\ud83d stays"}', "d.json")
    result = invoke(runner, "show", path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["notes"] == "Reviewed \U0001F44D; a path C:\\ud83d stays"


def test_extracts_own_datasets_of_a_page_about_several_forces_read_back(runner, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("HMICFRS publishes PEEL 2023-25 reports\n\nPublished on: 20 March 2024\n\nKent Police\n\nKent Police is good at investigating "
                    "crime.\n\nEssex Police\n\nEssex Police is adequate at investigating crime.\n", encoding="utf-8")
    out = tmp_path / "both.yaml"
    made = invoke(runner, "extract", page, "-o", out)
    assert made.exit_code == 0, made.output
    result = invoke(runner, "validate", out)
    assert result.exit_code == 0, result.output
    assert "(document 1, Kent Police): ok" in result.stdout and "(document 2, Essex Police): ok" in result.stdout


def test_monitoring_headline_and_how_survive_a_round_trip(tmp_path):
    """What a reviewer checks (the rule that read each fact, the inspector's headline, the
    force's monitoring stage) is kept when a dataset is written and read again."""
    from briefing.ingest.dataset import dump_dataset, load_dataset

    path = _dataset(tmp_path, """force: Kent Police
cycle: peel-2023-25
published: 2024-03
judgements:
  - {area: Investigating crime, grade: inadequate, line: 4, how: grade-then-areas}
headline: {text: I have concerns about how the force is investigating crime., by: HM Inspector, line: 2}
monitoring:
  - {stage: engage, event: entered, date: 2024-03, text: The force was moved into Engage., line: 9}
findings:
  - {kind: cause-of-concern, text: The force is not investigating crime well enough., line: 6, how: heading}
""")
    first = load_dataset(path)
    again = load_dataset(_dataset(tmp_path, dump_dataset(first), "again.yaml"))
    assert again.judgements[0].how == "grade-then-areas" and again.findings[0].how == "heading"
    assert again.headline.text.startswith("I have concerns") and again.headline.place.line == 2
    assert (again.monitoring[0].stage, again.monitoring[0].event, str(again.monitoring[0].date)) == \
        ("engage", "entered", "March 2024")


def test_a_monitoring_stage_not_of_hmicfrs_is_refused(runner, tmp_path):
    path = _dataset(tmp_path, "force: Kent Police\ncycle: peel-2023-25\npublished: 2024\n"
                              "monitoring:\n  - {stage: special measures}\n")
    result = invoke(runner, "validate", str(path))
    assert result.exit_code == 1 and "stage 'special measures' is not one of scan, engage" in result.output


def test_dates_are_worded_without_glibc_only_formats(monkeypatch):
    """Offices work on Windows, whose strftime refuses glibc's unpadded day ("%-d"): every
    date the tool words goes through phrases, which puts the day in by hand."""
    from datetime import date as real_date

    from briefing import phrases

    class WindowsDate(real_date):
        def strftime(self, fmt):
            assert "%-" not in fmt, f"glibc-only format {fmt!r}"
            return super().strftime(fmt)

    day = WindowsDate(2024, 2, 6)
    assert phrases.long_date(day) == "6 February 2024" and phrases.short_date(day) == "6 Feb 2024"
