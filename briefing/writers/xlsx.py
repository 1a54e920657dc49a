"""The Briefing's workbook: where people filter and track the detail.

Each sheet holds one named Excel table (filters, frozen header, print titles, marking in
the print header). No cell is ever a formula: text beginning with =, +, - or @ is stored
as text with Excel's quote prefix, so it shows exactly as written and stays text when
edited. Whole numbers and decimals in number columns are stored as numbers.

Each look is made once: a named style for each kind of cell that holds something
(briefing.writers.xlsx_looks), and a column style for the cells people have yet to fill,
which Excel and LibreOffice give to whatever is typed there. openpyxl (in write-only mode)
writes the workbook and every sheet's settings; the rows are written straight into it
(briefing.writers.xlsx_rows). A tracker at its bound (50,000 rows, nearly a million cells)
is so written in under a second and 60 MB, where styling each cell on its own took 13 s
and 500 MB.
"""

from __future__ import annotations

import io
import re
import sys
import warnings
import zipfile
from itertools import islice
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
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table as XLTable
from openpyxl.worksheet.table import TableColumn, TableStyleInfo

from briefing.document.model import Briefing, Sheet
from briefing.writers.xlsx_looks import DATE_FORMAT, WRAP, Looks
from briefing.writers.xlsx_rows import SheetRows

SUFFIX = ".xlsx"
SPARE_ROWS = 200  # drop-downs reach below the data, for rows people add


def render(briefing: Briefing, path: Path) -> None:
    workbook = Workbook(write_only=True)
    meta = briefing.metadata
    props = workbook.properties
    props.title, props.creator, props.subject = meta.title, meta.author, meta.subject
    props.keywords, props.language, props.version = ", ".join(meta.keywords), meta.language, meta.version
    props.description = f"Marking: {meta.marking}"
    sheets = [(workbook.create_sheet(sheet.name[:31]), sheet) for sheet in briefing.sheets]
    looks = Looks(sheets[0][0])
    _package(workbook, {ws: _sheet(ws, sheet, meta.marking, looks) for ws, sheet in sheets}, path)


EMPTY = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _package(workbook: Workbook, rows: dict, path: Path) -> None:
    """The workbook as openpyxl saves it, each sheet's rows written in place of the empty
    <sheetData> openpyxl leaves (with the <dimension> it leaves out in write-only mode, which
    readers use to size a sheet before reading it). Each sheet is streamed into the file,
    so a sheet's rows are never all in memory as XML; it is packed at zlib's level 3, which
    takes a quarter of the default level's time for a few per cent more bytes."""
    made = io.BytesIO()
    workbook.save(made)
    names = {ws.path.lstrip("/"): sheet_rows for ws, sheet_rows in rows.items()}
    with zipfile.ZipFile(made) as saved, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                             compresslevel=3) as package:
        for item in saved.infolist():
            body = saved.read(item)
            if item.filename not in names:
                package.writestr(item, body)
                continue
            with package.open(item.filename, "w", force_zip64=True) as sheet:
                _with_rows(body, names[item.filename], sheet)


def _with_rows(body: bytes, rows: SheetRows, out) -> None:
    """The sheet's XML with its rows in place, written to `out` a thousand rows at a time."""
    parts = EMPTY.split(body)
    if len(parts) != 2 or b"<sheetViews>" not in parts[0]:
        raise RuntimeError("openpyxl wrote a sheet in a form this writer does not know; its rows have no place")
    out.write(parts[0].replace(b"<sheetViews>", f'<dimension ref="A1:{rows.last}"/><sheetViews>'.encode(), 1))
    out.write(b"<sheetData>")
    xml = rows.xml()
    while chunk := "".join(islice(xml, 1000)):
        out.write(chunk.encode("utf-8"))
    out.write(b"</sheetData>")
    out.write(parts[1])


def _sheet(ws, sheet: Sheet, marking: str, looks: Looks) -> SheetRows:
    """The sheet's settings, made here, and its rows, to be written in place when the
    workbook is saved (_package)."""
    table = sheet.table
    rows = table.rows or (("",) * len(table.columns),)  # an Excel table needs one data row
    widths = [max(10, min(60, column.width * 10)) for column in table.columns]
    for col, (column, width) in enumerate(zip(table.columns, widths), start=1):
        dimension = ws.column_dimensions[get_column_letter(col)]
        dimension.width = width
        dimension.alignment = WRAP  # the look of a cell people fill in later
        if column.role == "date":
            dimension.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    _table(ws, table, len(rows))
    _validations(ws, table, len(rows))
    _print_setup(ws, widths, marking)
    return SheetRows(sheet, rows, widths, looks)


def _table(ws, table, n_rows: int) -> None:
    """The named table over the heading and rows: filters on every column. Its columns are
    named here, since a sheet written row by row cannot be read back for its headings."""
    ref = f"A1:{get_column_letter(len(table.columns))}{n_rows + 1}"
    xl_table = XLTable(displayName=_name(table.name), ref=ref, autoFilter=AutoFilter(ref=ref),
                       tableColumns=[TableColumn(id=i, name=c.title) for i, c in enumerate(table.columns, start=1)])
    xl_table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():  # "you must add table columns manually": they are, above
        warnings.simplefilter("ignore")
        ws.add_table(xl_table)


PAGE_WIDTH = 110  # column width units across landscape A4 at 100% between half-inch margins (as LibreOffice prints)
MIN_SCALE = 70  # percent: below this a printed cell is too small to read (the 19-column Actions sheet was 4 pt)
A4 = "9"  # the paper size's number in the file format


def _print_setup(ws, widths: list[float], marking: str) -> None:
    """Landscape, the heading row on every page; shrunk to the page's width only down to 70%, and a
    wider sheet printed across several pages at that size, its first column repeated on each. The
    marking heads and foots every page."""
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    total = sum(widths)
    scale = max(MIN_SCALE, min(100, int(100 * PAGE_WIDTH / total)))
    ws.page_setup.scale = scale
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    if total * scale / 100 > PAGE_WIDTH:
        ws.print_title_cols = "A:A"
        ws.page_setup.pageOrder = "overThenDown"  # the columns of a row's page before the next rows
    for header in (ws.oddHeader, ws.oddFooter):
        header.center.text = marking.replace("&", "&&")
    ws.oddFooter.right.text = "Page &P of &N"


def _validations(ws, table, n_rows: int) -> None:
    """Drop-downs and date checks on the cells people fill in, and on the spare rows below."""
    for col, column in enumerate(table.columns, start=1):
        letter = get_column_letter(col)
        cells = f"{letter}2:{letter}{n_rows + 1 + SPARE_ROWS}"
        if column.role == "date":
            dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                   showErrorMessage=True, errorTitle=column.title, error="Enter a date, e.g. 31/03/2025")
            dates.add(cells)
            ws.data_validations.append(dates)
        if not column.choices:
            continue
        formula = '"' + ",".join(c.replace('"', "'") for c in column.choices) + '"'
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                                    showErrorMessage=True, errorTitle=column.title,
                                    error=f"Choose one of: {', '.join(column.choices)}")
        validation.add(cells)
        ws.data_validations.append(validation)


def _name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return cleaned if cleaned[:1].isalpha() else f"T_{cleaned}"
