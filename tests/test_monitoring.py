"""The force's place in HMICFRS's monitoring, as the sources on file state it (compare/monitoring.py),
on page 1, in the executive summary and the questions, the workbook and the register.

Planted: a hand-written 2023-25 dataset for Northamptonshire Police whose source says the force
was moved into Engage on 6 December 2024 (line 2), and grades four areas inadequate without naming
them; a pack dated 7 December 2026 leads with both. A pack dated 1 December 2024 says nothing of a
move made after it, and the bundled record, which states no monitoring, says "not stated", never "Scan".
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from conftest import DATASETS, SEEDS, invoke
from packs import xlsx_values

from briefing.compare.monitoring import monitoring_status
from briefing.document import PackOptions
from briefing.ingest import load_inspection
from briefing.pack import PackRequest, make_pack
from briefing.places import PublicationDate

SHARED = SEEDS.parent

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



def _undated(tmp_path, event: str, cycle: str = "peel-2023-25"):
    """The planted Engage source with neither its statement nor itself dated, as a press release
    read from its text often is (a dataset must give a date, so the date is taken off after loading)."""
    text = ENGAGE.replace("date: 2024-12-06, ", "").replace("event: entered", f"event: {event}")
    path = tmp_path / f"{event}.yaml"
    path.write_text(text.replace("cycle: peel-2023-25", f"cycle: {cycle}"), encoding="utf-8")
    return replace(load_inspection(path), published=PublicationDate(0))


def test_an_undated_move_into_engage_is_said_in_the_past_with_its_source(tmp_path):
    """A release that moves the force into Engage "in December", dated nowhere, is still said: hiding it
    would call a force in enhanced monitoring "not stated"."""
    status = monitoring_status([_undated(tmp_path, "entered")], date(2026, 12, 7))
    assert status.words() == "was moved into Engage, HMICFRS's enhanced monitoring, on a day its PEEL 2023-25 " \
        "source does not give"
    assert status.enhanced


def test_an_undated_older_statement_is_said_of_its_time_and_a_later_dated_one_wins(tmp_path):
    """A 2021/22 source saying the force "remains in Engage" tells of its own time only: never "is in
    Engage" in a paper years later, and it does not lead the summary; a dated later statement wins."""
    old = _undated(tmp_path, "remains", "peel-2021-22")
    status = monitoring_status([old], date(2026, 12, 7))
    assert status.words().startswith("was in Engage, HMICFRS's enhanced monitoring, when its PEEL 2021/22 source")
    assert not status.enhanced
    dated = load_inspection(_write(tmp_path, ENGAGE.replace("event: entered", "event: left")))
    assert monitoring_status([old, dated], date(2026, 12, 7)).words().startswith("was moved out of Engage")
    assert monitoring_status([old], date(2019, 1, 1)) is None  # a 2021/22 source had not begun by then


def _write(tmp_path, text: str):
    path = tmp_path / "dated.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_press_release_moving_the_force_into_engage_leads_its_pack(tmp_path):
    """Real texts: a 2023-25 release that moved the force into enhanced monitoring "in December",
    with no date of its own, puts Engage on page 1 (it said "not stated" before)."""
    new = SHARED / "corpus-3" / "texts" / "lincolnshire-2023-25-pressrelease.txt"
    old = SHARED / "corpus-3" / "texts" / "lincolnshire-2021-22-pccpage.txt"
    if not (new.exists() and old.exists()):
        pytest.skip(f"{new.parent} is absent: clone the project with ../shared beside it to run this test")
    briefing = make_pack(PackRequest(inputs=(old, new), formats=("json",), out_dir=tmp_path / "out",
                                     options=PackOptions(date=date(2026, 12, 7)))).briefing
    assert _page_one_facts(briefing)["HMICFRS monitoring"].startswith("Was moved into Engage")
    assert "Lincolnshire Police was moved into Engage" in briefing.text()


def test_a_dated_move_and_a_later_undated_remains_are_said_together(tmp_path):
    """Planted after the Met's releases: a source dates the move into Engage (June 2022) and the
    2023-25 release, itself undated, says the force is still in it. The pack said only "was in
    Engage when its PEEL 2023-25 source was written, on a day it does not give", hiding the date."""
    moved = load_inspection(_write(tmp_path, ENGAGE.replace("date: 2024-12-06, line: 2", "date: 2022-06, line: 2")
                                   .replace("cycle: peel-2023-25", "cycle: peel-2021-22")
                                   .replace("published: 2024-12-06", "published: 2022-09-01")))
    still = _undated(tmp_path, "remains")
    status = monitoring_status([moved, still], date(2026, 12, 7))
    assert status.words() == ("was moved into Engage, HMICFRS's enhanced monitoring, in June 2022, and was still in it "
                              "when its PEEL 2023-25 source was written")
    assert status.enhanced


def test_an_undated_move_out_is_later_than_the_dated_move_in_it_follows(tmp_path):
    """Planted after Greater Manchester's removal letter (a repost with no publication day): it
    dates the move into Engage (December 2020) and says, undated, that the force has been
    removed. The pack said it "was moved into Engage ... in December 2020" as the latest
    statement, and asked about the improvement plan of monitoring that had ended."""
    letter = ENGAGE.replace("date: 2024-12-06, line: 2", "date: 2020-12, line: 2").replace(
        "published: 2024-12-06\n", "") + ("  - {stage: engage, event: left, line: 12,\n"
                                         "     text: HMICFRS has decided to remove the force from Engage.}\n")
    path = tmp_path / "letter.yaml"
    path.write_text(letter.replace("cycle: peel-2023-25", "cycle: peel-2021-22") + "published: 2022-10-31\n",
                    encoding="utf-8")
    undated = replace(load_inspection(path), published=PublicationDate(0))
    status = monitoring_status([undated], date(2026, 12, 7))
    assert status.statement.event == "left" and not status.enhanced
    assert status.words().startswith("was moved out of Engage")


def test_a_monitoring_letter_given_as_an_inspection_is_refused_in_one_line(tmp_path, runner):
    """Planted: HMICFRS's letter moving the force into Engage, dated in the 2023-25 cycle, given as
    the newer inspection. It grades nothing and its concerns are a monitoring decision's reasons:
    compared as PEEL 2023-25 it made a pack of "not stated" grades asking whether every 2021/22
    finding it did not repeat was resolved. The refusal names the file and says what to give."""
    letter = tmp_path / "engage.yaml"
    letter.write_text(ENGAGE.replace("title:", "report_type: monitoring-letter\ntitle:"), encoding="utf-8")
    result = invoke(runner, "pack", DATASETS["peel-2021-22"], letter, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {letter}: is a monitoring (Engage) letter (Northamptonshire Police moved into enhanced monitoring), "
        "not an inspection: it grades no area and gives the reasons for a monitoring decision, so no earlier finding "
        "can be shown to persist or to be resolved by it; give two PEEL inspections as OLD NEW and this letter with "
        "--record, and the pack says where the force's monitoring stands"]
    assert not (tmp_path / "out").exists()


def test_the_engage_letter_refused_as_an_inspection_leads_the_pack_from_the_record(tmp_path):
    """Real texts: Lincolnshire's Engage news (6 December 2024) as the newer inspection is refused;
    given with --record beside the two PEEL sources, page 1 says the force was moved into Engage."""
    from briefing.errors import InputError

    letter = SHARED / "corpus-2" / "texts" / "lincolnshire-2023-25-engage.txt"
    old = SHARED / "corpus-3" / "texts" / "lincolnshire-2021-22-pccpage.txt"
    new = SHARED / "corpus-3" / "texts" / "lincolnshire-2023-25-pressrelease.txt"
    if not all(p.exists() for p in (letter, old, new)):
        pytest.skip(f"{SHARED} is absent: clone the project with ../shared beside it to run this test")
    with pytest.raises(InputError, match=r"is a monitoring \(Engage\) letter .*, not an inspection"):
        make_pack(PackRequest(inputs=(old, letter), formats=("json",), out_dir=tmp_path / "refused"))
    briefing = make_pack(PackRequest(inputs=(old, new), record=(letter,), formats=("json",), out_dir=tmp_path / "out",
                                     options=PackOptions(date=date(2026, 12, 7)))).briefing
    assert _page_one_facts(briefing)["HMICFRS monitoring"].startswith("Was moved into Engage, HMICFRS's enhanced "
                                                                      "monitoring, on 6 December 2024")
