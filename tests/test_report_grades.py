"""The grades a report that is not a PEEL assessment states of itself, in its own words
(review 9, item 12: Kent's vetting report's one grade, "Vetting, IT monitoring and
counter-corruption: adequate", was missing from its s.55 draft). Each rule alone on its
fixtures (tests/fixtures/rules/report_grades.yaml), then the draft a PCC's office reads."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import SHARED, rule_cases

from briefing.extract.context import Context
from briefing.extract.reader import SourceLine
from briefing.extract.reports.graded import stated_grades
from briefing.reference import load_frameworks


@pytest.mark.parametrize(("rule", "text", "gives"), list(rule_cases("report_grades")))
def test_report_grade_rule(rule, text, gives):
    ctx = Context.of([SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)], load_frameworks())
    found = stated_grades(ctx, (rule,))
    assert [f"{j.label}: {j.grade}" for j in found] == gives
    assert {j.how for j in found} <= {rule}


REPORT = ("SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/vetting-in-dorset-police/\n"
          "A report into the effectiveness of vetting and counter-corruption arrangements in Dorset Police\n\n"
          "Published on: 17 November 2022\n\nIntroduction\n\n"
          "Vetting, IT monitoring and counter-corruption: adequate\n\n"
          "The new arrangements mean we will inspect each force separately to PEEL.\n")


def _grades_section(runner, tmp_path, source) -> list[dict]:
    out = tmp_path / "out"
    assert invoke(runner, "response", source, "--formats", "json", "-o", out).exit_code == 0
    model = json.loads(next(out.glob("*-response.json")).read_text(encoding="utf-8"))
    return [s for s in model["sections"] if s["title"].startswith("The inspectorate's grade")]


def test_a_force_inspections_own_grade_is_quoted_in_its_draft_with_its_line(runner, tmp_path):
    page = tmp_path / "vetting.txt"
    page.write_text(REPORT, encoding="utf-8")
    (section,) = _grades_section(runner, tmp_path, page)
    table = next(b for b in section["blocks"] if b["kind"] == "table")
    assert section["title"] == "The inspectorate's grade"
    assert [list(r) for r in table["rows"]] == [["Vetting, IT monitoring and counter-corruption", "adequate", "line 8"]]
    real = SHARED / "thematic" / "texts" / "hmicfrs-kent-vetting-counter-corruption-2022-report.txt"
    if real.exists():
        (section,) = _grades_section(runner, tmp_path / "kent", real)
        rows = next(b for b in section["blocks"] if b["kind"] == "table")["rows"]
        assert [list(r) for r in rows] == [["Vetting, IT monitoring and counter-corruption", "adequate", "line 12"]]


def test_a_report_that_gives_no_grade_has_no_grades_section(runner, tmp_path):
    page = tmp_path / "thematic.txt"
    page.write_text(REPORT.replace("Vetting, IT monitoring and counter-corruption: adequate\n\n", ""), encoding="utf-8")
    assert _grades_section(runner, tmp_path, page) == []
