"""The workbook as an action tracker: edited by people, saved by an office suite, read back,
and carried into the next quarter's pack without losing a row or an edit."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import DATA, invoke
from programs import need_libreoffice, soffice_convert

from briefing.model import Finding, Place, stable_id

OLD, MIDDLE = DATA / "2018-19-peel.yaml", DATA / "2021-22-peel.yaml"


def test_a_finding_keeps_its_id_when_moved_reflowed_or_repunctuated():
    one = Finding("area-for-improvement", "", "The force should improve how it records crime.", place=Place(line=12))
    moved = Finding("area-for-improvement", "victims", "The  force should improve how it\nrecords crime",
                    place=Place(page=4))
    reworded = Finding("area-for-improvement", "", "The force should improve how it records all crime.")
    assert stable_id("peel-2023-25", one) == stable_id("peel-2023-25", moved)
    assert stable_id("peel-2023-25", one) != stable_id("peel-2023-25", reworded)
    assert stable_id("peel-2021-22", Finding("area-for-improvement", "", "x", id="AFI 7")) == "peel-2021-22/AFI 7"


def _first_quarter(runner, out: Path) -> Path:
    result = invoke(runner, "pack", OLD, MIDDLE, "-o", out, "--formats", "xlsx")
    assert result.exit_code == 0, result.output
    return next(out.glob("*.xlsx"))


def _edit(path: Path, target: Path) -> None:
    """What people do in a quarter: owners, statuses, dates and notes; a row of their own;
    the rows sorted by owner; a column of their own to the right."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    ws = book["Actions"]
    head = {c.value: c.column for c in ws[1]}
    rows = [list(r) for r in ws.iter_rows(min_row=2) if r[0].value and "/" in str(r[0].value)]
    values = [[c.value for c in r] for r in rows]
    by_id = {v[0]: v for v in values}
    by_id["peel-2021-22/AFI 1"][head["Owner"] - 1] = "Supt A. Smith"
    by_id["peel-2021-22/AFI 1"][head["Status"] - 1] = "In progress"
    by_id["peel-2021-22/AFI 1"][head["Due date"] - 1] = datetime(2024, 1, 31)
    by_id["peel-2021-22/AFI 1"][head["RAG"] - 1] = "Red"
    by_id["peel-2021-22/AFI 1"][head["Progress and evidence"] - 1] = "Allocation policy rewritten; audit in March"
    by_id["peel-2021-22/AFI 2"][head["Owner"] - 1] = "DCC B. Jones"
    by_id["peel-2021-22/AFI 2"][head["Status"] - 1] = "Awaiting HMICFRS sign-off"
    by_id["peel-2021-22/AFI 2"][head["Last updated"] - 1] = datetime(2024, 2, 1)
    hand = [None] * len(values[0])
    hand[head["Finding"] - 1], hand[head["Owner"] - 1] = "Review custody CCTV retention", "Ch Insp C. Patel"
    hand[head["Status"] - 1] = "In progress"
    values.append(hand)
    values.sort(key=lambda v: (str(v[head["Owner"] - 1] or "~"), str(v[0] or "")), reverse=True)
    for r, row_values in enumerate(values, start=2):
        for c, value in enumerate(row_values, start=1):
            ws.cell(row=r, column=c, value=value)
    ws.cell(row=1, column=len(head) + 2, value="Board notes")
    book.save(str(target))


def _resave_with_libreoffice(path: Path, tmp_path: Path) -> Path:
    need_libreoffice("xlsx")
    out = tmp_path / "libreoffice"
    run = soffice_convert(path, out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "profile")
    assert run.returncode == 0, run.stderr
    return out / path.name


@pytest.mark.slow
def test_a_quarter_of_edits_survives_libreoffice_and_reaches_the_next_pack(runner, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    edited = tmp_path / "renamed by the office.xlsx"
    _edit(_first_quarter(runner, tmp_path / "q1"), edited)
    resaved = _resave_with_libreoffice(edited, tmp_path)
    check = invoke(runner, "tracker", resaved)
    assert check.exit_code == 0 and "In progress: 2; Awaiting HMICFRS sign-off: 1" in check.stdout

    result = invoke(runner, "pack", "-o", tmp_path / "q2", "--tracker", resaved, "--date", "2024-03-01",
                    "--formats", "pdf,xlsx")
    assert result.exit_code == 0, result.output
    book = load_workbook(str(next((tmp_path / "q2").glob("*.xlsx"))))
    ws = book["Actions"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, (c.value for c in r))) for r in ws.iter_rows(min_row=2) if any(c.value for c in r)]
    rows = [r for r in rows if r["Status"]]
    persisting = next(r for r in rows if "peel-2021-22/AFI 1" in (r["Earlier wording"] or ""))
    assert persisting["ID"].startswith("peel-2023-25/")  # the newer wording, with the older beside it
    assert (persisting["Owner"], persisting["Status"], persisting["RAG"]) == ("Supt A. Smith", "In progress", "Red")
    assert persisting["Due date"].date() == date(2024, 1, 31)
    assert persisting["Progress and evidence"] == "Allocation policy rewritten; audit in March"
    gone = next(r for r in rows if r["ID"] == "peel-2021-22/AFI 2")
    assert gone["Owner"] == "DCC B. Jones" and gone["Status"] == "Awaiting HMICFRS sign-off"
    assert gone["In the latest inspection"].startswith("status unknown: not in the source used for PEEL 2023-25 (a news article")
    assert gone["State"] == "status unknown"
    assert any(r["Finding"] == "Review custody CCTV retention" and r["In the latest inspection"] == "added by hand"
               for r in rows)
    earlier_ids = {r["ID"] for r in rows if str(r["ID"]).startswith("peel-2021-22/")}
    # every earlier row kept (AFI 1 lives on in its persisting row): none silently dropped
    assert earlier_ids | {"peel-2021-22/AFI 1"} == {f"peel-2021-22/AFI {n}" for n in range(1, 20)}
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True)}
    # overdue on 1 March 2024: AFI 1 (due 31 January 2024, as edited) and five recommendations of national
    # reports on file whose own deadlines had passed, none edited (four of the February 2021 stop and search
    # spotlight, due July and September 2021 and July 2022; one of the July 2023 spotlight, due January 2024)
    assert summary["Actions overdue"] == 6 and summary["Actions awaiting HMICFRS sign-off"] == 1

    text = " ".join(page.extract_text() for page in PdfReader(next((tmp_path / "q2").glob("*.pdf"))).pages)
    text = " ".join(text.split())
    assert "Progress since the last pack" in text
    assert "Overdue (6)" in text and "Done, awaiting HMICFRS sign-off (1)" in text


@pytest.fixture
def tracker(runner, tmp_path) -> Path:
    return _first_quarter(runner, tmp_path / "q1")


def _broken(tracker: Path, tmp_path: Path, change) -> Path:
    from openpyxl import load_workbook

    book = load_workbook(str(tracker))
    change(book)
    path = tmp_path / "broken.xlsx"
    book.save(str(path))
    return path


def _cell(book, row: int, heading: str):
    ws = book["Actions"]
    return ws.cell(row=row, column=[c.value for c in ws[1]].index(heading) + 1)


def _status_cell(book):
    return _cell(book, 5, "Status")


@pytest.mark.parametrize(("change", "message"), [
    (lambda b: setattr(_status_cell(b), "value", "Dun"),
     "Actions!{Status}5: status 'Dun' is not one of Not started, In progress, Awaiting HMICFRS sign-off, Closed by HMICFRS, "
     "Superseded"),
    (lambda b: setattr(_cell(b, 4, "Due date"), "value", "next Tuesday"),
     "Actions!{Due date}4: due date 'next Tuesday' is not a date"),
    (lambda b: setattr(b["Actions"], "title", "Jobs"),
     "no 'Actions' sheet (it has Summary, Grades, Findings, Matching, Figures, History, Reports, Jobs); give a workbook made "
     "by briefing pack"),
    (lambda b: setattr(_cell(b, 1, "Status"), "value", "State"),
     "Actions!row 1: no 'Status' column"),
])
def test_a_broken_tracker_gets_one_line_and_no_pack(runner, tracker, tmp_path, change, message):
    from openpyxl.utils import get_column_letter

    from briefing.tracker import COLUMNS

    for heading in ("Status", "Due date"):  # the cell named by its column's place on the sheet
        letter = get_column_letter([c.title for c in COLUMNS].index(heading) + 1)
        message = message.replace("{" + heading + "}", letter)
    path = _broken(tracker, tmp_path, change)
    result = invoke(runner, "pack", "-o", tmp_path / "q2", "--tracker", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    sep = ", " if message.startswith("Actions!") else ": "  # a place, or the file as a whole
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}{sep}{message}"), lines
    assert not (tmp_path / "q2").exists() or not list((tmp_path / "q2").iterdir())


def test_a_tracker_that_is_not_a_workbook_is_refused(runner, tmp_path):
    for name, data in (("notes.xlsx", b"just text"), ("tracker.csv", b"ID,Status\n")):
        path = tmp_path / name
        path.write_bytes(data)
        result = invoke(runner, "tracker", path)
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "not an Excel workbook (.xlsx)" in invoke(runner, "tracker", tmp_path / "notes.xlsx").stderr


def test_formulas_merged_cells_and_ten_thousand_rows_are_read_not_lost(runner, tracker, tmp_path):
    def change(book):
        ws = book["Actions"]
        head = [c.value for c in ws[1]]
        ws.cell(row=2, column=head.index("Progress and evidence") + 1, value="=SUM(1,2)")
        ws.merge_cells(start_row=3, start_column=head.index("Owner") + 1, end_row=3,
                       end_column=head.index("Owner") + 2)
        for r in range(200, 10_200):
            ws.cell(row=r, column=head.index("Finding") + 1, value=f"Hand row {r}")
            ws.cell(row=r, column=head.index("Status") + 1, value="Not started")

    path = _broken(tracker, tmp_path, change)
    result = invoke(runner, "pack", "-o", tmp_path / "q2", "--tracker", path, "--formats", "xlsx")
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    ws = load_workbook(str(next((tmp_path / "q2").glob("*.xlsx"))))["Actions"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert sum(1 for v in values if str(v).startswith("Hand row ")) == 10_000
    assert "=SUM(1,2)" in values  # kept as the text typed, never a live formula
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_a_row_copied_to_split_an_action_is_refused_naming_both_rows(runner, tracker, tmp_path):
    def copy_a_row(book):
        ws = book["Actions"]
        ws.append([c.value for c in ws[2]])  # the first finding's row, again, for a second owner

    path = _broken(tracker, tmp_path, copy_a_row)
    result = invoke(runner, "pack", "-o", tmp_path / "q2", "--tracker", path)
    assert result.exit_code == 1
    assert "is also the id of Actions!A2: each finding has one row" in result.stderr
    assert not (tmp_path / "q2").exists() or not list((tmp_path / "q2").iterdir())


def test_another_forces_tracker_is_refused(runner, tracker, tmp_path):
    def kent(book):
        for row in book["Summary"].iter_rows():
            if row[0].value == "Force":
                row[1].value = "Kent Police"

    path = _broken(tracker, tmp_path, kent)
    result = invoke(runner, "pack", "-o", tmp_path / "q2", "--tracker", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {path}: is Kent Police's tracker; this pack is Northamptonshire "
                                     "Police's: give the tracker of Northamptonshire Police's last pack")
