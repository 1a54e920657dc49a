"""The workbook's cells as Excel and openpyxl read them back, now that its rows are
written straight into each sheet (briefing.writers.xlsx_rows): every kind of value, the
look of each, and the look of the blank cells people fill in later.

The sheet below plants one of each: a formula-like text, an error-like text, text with
spaces round it and markup in it, a signed and a plain number in a number column, a
decimal, a date, a grade with its colour, two lines of text, and blanks."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import pytest

from briefing.document.model import Briefing, Column, Metadata, Sheet, Table

COLUMNS = (Column("Text", 2), Column("Steps", 1, "number"), Column("Grade", 1.6, "grade"),
           Column("Due date", 1.1, "date", editable=True), Column("Status", 1.2, "status", ("Open", "Closed"),
                                                                 editable=True))
ROWS = (("=SUM(A1:A2)", "+2", "good", date(2024, 3, 31), "Open"),
        ("#N/A", "3", "requires improvement", "", ""),
        ("  AT&T's <b>grade</b>  ", "0.5", "not graded", "March 2018", ""),
        ("first line\nsecond line", "", "", "", ""))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    from openpyxl import load_workbook

    from briefing.writers import get_writer

    meta = Metadata("Title", "Subject", "Analyst", "en-GB", "OFFICIAL", (), "1 March 2025", "1.0", "pcc")
    sheet = Sheet("Cells", Table("Cells", "Every kind of cell", COLUMNS, ROWS), "A note under the table.")
    path = tmp_path_factory.mktemp("cells") / "cells.xlsx"
    get_writer("xlsx").render(Briefing(meta, (), (sheet,), ()), path)
    return path, load_workbook(str(path))["Cells"]


def test_text_is_kept_exactly_and_never_a_formula_or_an_error(workbook):
    _, ws = workbook
    formula, error, spaced, lines = (ws.cell(row=r, column=1) for r in range(2, 6))
    assert (formula.value, formula.data_type, formula.quotePrefix) == ("=SUM(A1:A2)", "s", True)
    assert (error.value, error.data_type) == ("#N/A", "s")
    assert spaced.value == "  AT&T's <b>grade</b>  "  # spaces kept, markup printed as typed
    assert lines.value == "first line\nsecond line" and ws.row_dimensions[5].height == 30  # two lines shown


def test_numbers_dates_and_grades_keep_their_kind_and_look(workbook):
    _, ws = workbook
    signed, whole, half = (ws.cell(row=r, column=2) for r in (2, 3, 4))
    assert (signed.value, signed.number_format) == (2, "+0.##;-0.##;0")  # "+2": a rise shown with its sign
    assert (whole.value, half.value) == (3, 0.5)
    due = ws.cell(row=2, column=4)
    assert due.value == datetime(2024, 3, 31) and due.number_format == "d mmmm yyyy"
    assert ws.cell(row=4, column=4).value == "March 2018"  # words in a date column stay words
    good, weak, ungraded = (ws.cell(row=r, column=3) for r in (2, 3, 4))
    assert good.fill.fgColor.rgb.endswith("00703C") and weak.fill.fgColor.rgb.endswith("F47738")
    assert ungraded.fill.fill_type is None  # only a grade is coloured
    assert all(ws.cell(row=r, column=c).alignment.wrap_text for r in range(1, 6) for c in range(1, 6)
               if ws.cell(row=r, column=c).value is not None)


def test_a_blank_cell_people_fill_in_takes_its_columns_look(workbook):
    """Nothing is written in a blank cell; its column's style is what Excel shows and gives
    to what is typed there: a date typed into Due date reads as a date, wrapped."""
    path, ws = workbook
    assert ws.cell(row=3, column=4).value is None and ws.cell(row=300, column=4).value is None
    assert ws.column_dimensions["D"].number_format == "d mmmm yyyy"
    assert all(ws.column_dimensions[letter].alignment.wrap_text for letter in "ABCDE")
    assert ws.column_dimensions["E"].number_format == "General"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    # the drop-down and the date check reach 200 rows below the table, for rows people add
    assert b'sqref="E2:E205"' in xml and b'sqref="D2:D205"' in xml
    assert b'<dimension ref="A1:E7"/>' in xml  # the table and the note two rows below it


def test_the_heading_the_table_and_the_note(workbook):
    _, ws = workbook
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    assert ws.cell(row=1, column=1).font.b and ws.cell(row=1, column=1).fill.fgColor.rgb.endswith("1F3B5C")
    assert ws.cell(row=1, column=4).fill.fgColor.rgb.endswith("00703C")  # people fill it: green
    (table,) = ws.tables.values()
    assert table.ref == "A1:E5" and [c.name for c in table.tableColumns] == [c.title for c in COLUMNS]
    assert table.autoFilter.ref == "A1:E5"
    note = ws.cell(row=7, column=1)
    assert note.value == "A note under the table." and note.font.i
