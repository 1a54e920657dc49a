"""The Briefing's workbook: where people filter and track the detail.

Each sheet holds one named Excel table (filters, frozen header, print titles, marking in
the print header). No cell is ever a formula: text beginning with =, +, - or @ is stored
as text with Excel's quote prefix, so it shows exactly as written and stays text when
edited. Whole numbers and decimals in number columns are stored as numbers.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path


def _openpyxl_without_numpy() -> None:
    """openpyxl imports numpy whenever it is installed, only so that numpy numbers may be
    written to cells, which a pack never does; in a writer process that has not loaded
    numpy that costs 40 ms of the workbook's 100. Where numpy is loaded already (one
    process doing everything) it is simply used."""
    if "numpy" in sys.modules or "openpyxl" in sys.modules:
        return
    sys.modules["numpy"] = None  # "import numpy" now raises ImportError, as if it were not installed
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


_openpyxl_without_numpy()

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XLTable
from openpyxl.worksheet.table import TableStyleInfo

from briefing.document.model import Briefing, Sheet, cut_for_excel, display
from briefing.writers.style import EDITABLE_FILL, HEADER_FILL, grade_fill, grade_text

SUFFIX = ".xlsx"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
SPARE_ROWS = 200  # drop-downs reach below the data, for rows people add
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "d mmmm yyyy"


def render(briefing: Briefing, path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    meta = briefing.metadata
    props = workbook.properties
    props.title, props.creator, props.subject = meta.title, meta.author, meta.subject
    props.keywords, props.language, props.version = ", ".join(meta.keywords), meta.language, meta.version
    props.description = f"Marking: {meta.marking}"
    for sheet in briefing.sheets:
        _sheet(workbook, sheet, meta.marking)
    workbook.save(str(path))


def _sheet(workbook: Workbook, sheet: Sheet, marking: str) -> None:
    ws = workbook.create_sheet(sheet.name[:31])
    table = sheet.table
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=col)
        _set(cell, column.title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=EDITABLE_FILL if column.editable else HEADER_FILL)
        cell.alignment = WRAP
        ws.column_dimensions[get_column_letter(col)].width = max(10, min(60, column.width * 10))
    rows = table.rows or (("",) * len(table.columns),)  # an Excel table needs one data row
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, len(table.columns) + 1)]
    ws.row_dimensions[1].height = _height([c.title for c in table.columns], widths)
    for r, row in enumerate(rows, start=2):
        ws.row_dimensions[r].height = _height(row, widths)
        for col, (column, value) in enumerate(zip(table.columns, row), start=1):
            cell = ws.cell(row=r, column=col)
            _set(cell, value, number=column.role == "number")
            cell.alignment = WRAP
            fill = grade_fill(value) if column.role == "grade" and isinstance(value, str) else None
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
                cell.font = Font(color=grade_text(value))
    last = f"{get_column_letter(len(table.columns))}{len(rows) + 1}"
    xl_table = XLTable(displayName=_name(table.name), ref=f"A1:{last}")
    xl_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(xl_table)
    _validations(ws, table, len(rows))
    ws.freeze_panes = "A2"
    _print_setup(ws, widths)
    for header in (ws.oddHeader, ws.oddFooter):
        header.center.text = marking.replace("&", "&&")
    ws.oddFooter.right.text = "Page &P of &N"
    if sheet.note:
        note = ws.cell(row=len(rows) + 3, column=1)
        _set(note, sheet.note)
        note.font = Font(italic=True)
        note.alignment = WRAP
        ws.row_dimensions[len(rows) + 3].height = _height([sheet.note], [widths[0]])


PAGE_WIDTH = 110  # column width units across landscape A4 at 100% between half-inch margins (as LibreOffice prints)
MIN_SCALE = 70  # percent: below this a printed cell is too small to read (the 19-column Actions sheet was 4 pt)


def _print_setup(ws, widths: list[float]) -> None:
    """Landscape, the heading row on every page; shrunk to the page's width only down to 70%, and a
    wider sheet printed across several pages at that size, its first column repeated on each."""
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    total = sum(widths)
    scale = max(MIN_SCALE, min(100, int(100 * PAGE_WIDTH / total)))
    ws.page_setup.scale = scale
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    if total * scale / 100 > PAGE_WIDTH:
        ws.print_title_cols = "A:A"
        ws.page_setup.pageOrder = "overThenDown"  # the columns of a row's page before the next rows


def _validations(ws, table, n_rows: int) -> None:
    for col, column in enumerate(table.columns, start=1):
        letter = get_column_letter(col)
        if column.role == "date":
            dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                   showErrorMessage=True, errorTitle=column.title, error="Enter a date, e.g. 31/03/2025")
            dates.add(f"{letter}2:{letter}{n_rows + 1 + SPARE_ROWS}")
            ws.add_data_validation(dates)
            for row in range(2, n_rows + 2 + SPARE_ROWS):
                ws.cell(row=row, column=col).number_format = DATE_FORMAT
        if not column.choices:
            continue
        formula = '"' + ",".join(c.replace('"', "'") for c in column.choices) + '"'
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                                    showErrorMessage=True, errorTitle=column.title,
                                    error=f"Choose one of: {', '.join(column.choices)}")
        validation.add(f"{letter}2:{letter}{n_rows + 1 + SPARE_ROWS}")
        ws.add_data_validation(validation)


def _set(cell, value, number: bool = False) -> None:
    """Store text as text, never a formula; dates as dates; numbers (and whole numbers in
    number columns) as numbers."""
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return
    if number and NUMBER.match(value or ""):
        cell.value = float(value) if "." in value else int(value)
        if value.startswith("+"):
            cell.number_format = "+0.##;-0.##;0"
        return
    cell.value = cut_for_excel(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _height(values, widths) -> float:
    """Row height in points that shows every wrapped line (office suites do not always fit it)."""
    values = [display(v) for v in values]
    lines = max((-(-len(v) // max(int(w * 1.1), 1)) + v.count("\n") for v, w in zip(values, widths)),
                default=1)
    return min(409, 15 * max(lines, 1))


def _name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return cleaned if cleaned[:1].isalpha() else f"T_{cleaned}"
