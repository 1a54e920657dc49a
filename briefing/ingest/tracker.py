"""Read an edited action tracker (the Actions sheet of a pack's workbook) back in.

Columns are found by their headings, not their places, so rows sorted or filtered, columns
added to the right, the file renamed or saved again by LibreOffice or Excel all read the
same. A bad cell is one line naming the sheet, the cell and the value.
"""

from __future__ import annotations

import zipfile
import zlib
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from briefing import limits
from briefing.cleaning import clean
from briefing.errors import InputError
from briefing.ingest.dataset import did_you_mean
from briefing.limits import check_workbook
from briefing.tracker import COLUMNS, STATES, TrackerColumn, TrackerRow

SHEET = "Actions"
HEADER_ROWS = 10  # the heading row may sit below a title someone added


def read_tracker(path: Path) -> list[TrackerRow]:
    return read_tracker_file(path)[0]


def read_tracker_file(path: Path) -> tuple[list[TrackerRow], date | None, str]:
    """The rows, and the date and force of the pack the tracker came from, from one
    opening of the workbook."""
    path = Path(path)
    with workbook(path) as book:
        if SHEET not in book.sheetnames:
            raise InputError(f"no '{SHEET}' sheet (it has {', '.join(book.sheetnames)}); give a workbook made by "
                             "briefing pack", file=str(path))
        return (_rows(book[SHEET], path), *_facts(book))


@contextmanager
def workbook(path: Path):
    """The workbook opened to read, or one line saying why it cannot be: not a workbook,
    password-protected, too large, or damaged (its XML or its zip broken where a sheet is
    read, which openpyxl only finds as the rows are read)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError("a tracker is the pack's Excel workbook (.xlsx)", file=str(path))
    check_workbook(path)
    try:
        book = load_workbook(str(path), read_only=True, data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile, SyntaxError, zlib.error) as exc:
        raise InputError(f"cannot be read as an Excel workbook ({_reason(exc)})", file=str(path)) from None
    try:
        yield book
    except (KeyError, zipfile.BadZipFile, SyntaxError, zlib.error, EOFError) as exc:
        raise InputError(f"is damaged ({_reason(exc)}); open it in Excel or LibreOffice, let it repair the file "
                         "and save it again", file=str(path)) from None
    finally:
        book.close()


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _rows(sheet, path: Path) -> list[TrackerRow]:
    if (sheet.max_row or 0) > limits.TRACKER_ROWS + HEADER_ROWS:  # the sheet's own dimension: no cell read yet
        raise InputError(f"{sheet.max_row:,} rows; a tracker holds one row a finding, at most "
                         f"{limits.TRACKER_ROWS:,}", file=str(path), place=f"{SHEET}!A{sheet.max_row}")
    rows = sheet.iter_rows(values_only=True)
    header_at, places = _header(rows, path)
    out, first = [], {}
    for number, values in enumerate(rows, start=header_at + 1):
        if number - header_at > limits.TRACKER_ROWS:
            raise InputError(f"more than {limits.TRACKER_ROWS:,} rows; a tracker holds one row a finding",
                             file=str(path), place=f"{SHEET}!A{number}")
        row = _row(values, places, number, path)
        if row is None:
            continue
        if row.id and row.id in first:
            raise InputError(f"id {row.id!r} is also the id of {first[row.id]}: each finding has one row (to split "
                             "an action between owners, name both owners in one row, or give the copy an id of "
                             "its own)", file=str(path), place=row.place)
        first[row.id] = row.place
        out.append(row)
    return out


def _header(rows, path: Path) -> tuple[int, dict[str, int]]:
    wanted = {c.title.lower(): c for c in COLUMNS}
    for number, values in enumerate(rows, start=1):
        found = {str(v).strip().lower(): i for i, v in enumerate(values) if isinstance(v, str)}
        if "id" in found and len(set(found) & set(wanted)) >= 3:
            missing = [c for c in COLUMNS if c.required and c.title.lower() not in found]
            if missing:
                c = missing[0]
                raise InputError(f"no '{c.title}' column (headings found: {', '.join(map(str, values))})"
                                 + did_you_mean(c.title, [str(v) for v in values if v]), file=str(path),
                                 place=f"{SHEET}!row {number}")
            return number, {wanted[k].field: i for k, i in found.items() if k in wanted}
        if number >= HEADER_ROWS:
            break
    raise InputError(f"no heading row with 'ID' and 'Status' in the first {HEADER_ROWS} rows of '{SHEET}'",
                     file=str(path))


def _row(values, places: dict[str, int], number: int, path: Path) -> TrackerRow | None:
    if not any(v not in (None, "") for v in values):
        return None  # blank rows, and the note under the table
    fields = {}
    for column in COLUMNS:
        i = places.get(column.field)
        if i is None or i >= len(values):
            continue
        fields[column.field] = _value(column, values[i], f"{SHEET}!{_letter(i)}{number}", path)
    others = [v for k, v in fields.items() if k != "id" and v not in (None, "")]
    if not others and len(str(fields.get("id", "")).split()) > 6:
        return None  # the sheet's note under the table, not a row
    fields["status"] = fields.get("status") or ""  # blank: not yet assessed (never "Not started" by default)
    if "state" in fields:
        fields["state"] = next((k for k, word in STATES.items() if word == fields["state"]), "")
    return TrackerRow(**fields, place=f"{SHEET}!A{number}")


def _value(column: TrackerColumn, value, cell: str, path: Path):
    if column.role == "date":
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(f"{column.title.lower()} {value!r} is not a date", file=str(path), place=cell) from None
    text = " ".join(clean("" if value is None else str(value)).split())
    if column.choices and text:
        match = next((c for c in column.choices if c.lower() == text.lower()), None)
        if match is None and not column.editable:
            return ""  # a column briefing fills, changed by hand: refreshed, not refused
        if match is None:
            raise InputError(f"{column.title.lower()} {text!r} is not one of {', '.join(column.choices)}",
                             file=str(path), place=cell)
        return match
    return text  # an Excel cell holds at most 32,767 characters: no cut is needed


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _facts(book) -> tuple[date | None, str]:
    """The date and the force of the pack a tracker came from (its Summary sheet's "Date"
    and "Force" rows), where the workbook still has them: where "since the last pack"
    begins, and whose actions these are."""
    day, force = None, ""
    if "Summary" not in book.sheetnames:
        return None, ""
    for number, values in enumerate(book["Summary"].iter_rows(max_col=2, values_only=True), start=1):
        if number > 200 or not values or len(values) < 2:
            break
        if values[0] == "Date":
            value = values[1]
            day = value.date() if isinstance(value, datetime) else value if isinstance(value, date) else None
        elif values[0] == "Force" and isinstance(values[1], str):
            force = " ".join(clean(values[1]).split())
    return day, force
