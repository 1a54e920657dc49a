"""The force's place in HMICFRS's monitoring, as the sources on file state it (compare/monitoring.py),
on page 1, in the executive summary and the questions, the workbook and the register.

Planted: a hand-written 2023-25 dataset for Northamptonshire Police whose source says the force
was moved into Engage on 6 December 2024 (line 2), and grades four areas inadequate without naming
them; a pack dated 7 December 2026 leads with both. A pack dated 1 December 2024 says nothing of a
move made after it, and the bundled record, which states no monitoring, says "not stated", never "Scan".
"""

from __future__ import annotations

import json
from datetime import date

from conftest import DATASETS, invoke
from packs import xlsx_values

from briefing.document import PackOptions
from briefing.pack import PackRequest, make_pack

ENGAGE = """force: Northamptonshire Police
cycle: peel-2023-25
title: Northamptonshire Police moved into enhanced monitoring
published: 2024-12-06
source_kind: press-release
source: https://www.gov.uk/example
grade_counts:
  - {grades: [inadequate], count: 4, line: 3}
monitoring:
  - {stage: engage, event: entered, date: 2024-12-06, line: 2,
     text: Northamptonshire Police has today been moved into an enhanced level of monitoring.}
"""


def _pack(tmp_path, day: date):
    new = tmp_path / "engage.yaml"
    new.write_text(ENGAGE, encoding="utf-8")
    return make_pack(PackRequest(inputs=(DATASETS["peel-2021-22"], new), formats=("json", "xlsx"),
                                 out_dir=tmp_path / str(day), options=PackOptions(date=day)))


def _page_one_facts(briefing) -> dict:
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    return dict(next(b for b in glance.blocks if getattr(b, "name", "") == "Glance").rows)


def test_enhanced_monitoring_leads_page_one_the_summary_and_the_questions(tmp_path):
    result = _pack(tmp_path, date(2026, 12, 7))
    briefing = result.briefing
    header = _page_one_facts(briefing)  # the At a glance page's facts table (tests/test_paper.py)
    assert header["HMICFRS monitoring"].startswith(
        "Was moved into Engage, HMICFRS's enhanced monitoring, on 6 December 2024")
    summary = [b.text for b in next(s for s in briefing.sections if s.title == "Executive summary").blocks
               if hasattr(b, "text")]
    assert summary[1].startswith("Northamptonshire Police was moved into Engage, HMICFRS's enhanced monitoring, on "
                                 "6 December 2024")
    assert "graded inadequate in four areas; it does not name the areas" in summary[1]
    questions = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks[0].items
    assert questions[0].startswith("Northamptonshire Police was moved into Engage")
    assert questions[1].startswith("The PEEL 2023-25 source says the force was graded inadequate in four areas")
    book = xlsx_values(next(p for p in result.paths if p.suffix == ".xlsx"))
    assert any(str(r[1]).startswith("Northamptonshire Police was moved into Engage") for r in book["Summary"])


def test_a_move_after_the_papers_date_is_not_said(tmp_path):
    text = _pack(tmp_path, date(2024, 12, 6)).briefing.text()
    assert "Engage" in text
    earlier = make_pack(PackRequest(formats=("json",), out_dir=tmp_path / "b",
                                    options=PackOptions(date=date(2024, 12, 1)))).briefing
    assert "Engage" not in earlier.text() and "Scan" not in earlier.text()
    assert _page_one_facts(earlier)["HMICFRS monitoring"] == "Not stated in the sources on file"


def test_the_register_says_the_monitoring_stage(runner, tmp_path):
    new = tmp_path / "engage.yaml"
    new.write_text(ENGAGE, encoding="utf-8")
    table = invoke(runner, "register", DATASETS["peel-2021-22"], new, "--date", "2026-12-07", columns=200)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[1].startswith("HMICFRS monitoring: Northamptonshire Police was moved into Engage")
    data = json.loads(invoke(runner, "register", DATASETS["peel-2021-22"], new, "--date", "2026-12-07",
                             "--format", "json").stdout)
    assert (data["monitoring"]["stage"], data["monitoring"]["event"], data["monitoring"]["date"]) == \
        ("engage", "entered", "2024-12-06")
    bundled = json.loads(invoke(runner, "register", "--date", "2026-12-07", "--format", "json").stdout)
    assert bundled["monitoring"] is None
