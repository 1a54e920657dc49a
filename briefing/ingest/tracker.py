"""Read an edited action tracker (the Actions sheet of a pack's workbook) back in.

Columns are found by their headings, not their places, so rows sorted or filtered, columns
added to the right, the file renamed or saved again by LibreOffice or Excel all read the
same. Cells are read as Excel shows them (ingest.xlsx_cells): a merged cell's value in every
row it covers, a formula as its saved value. Every bad cell is found in one reading and
each is one line naming the sheet, the cell and the value; a heading used twice, or one of
briefing's renamed, is refused rather than guessed at.
"""

from __future__ import annotations

import zipfile
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from briefing import limits
from briefing.cleaning import clean
from briefing.errors import InputError, ValidationFailed
from briefing.ingest.dataset import did_you_mean
from briefing.ingest.xlsx_cells import Book, Damaged, Formula, TooManyRows, column_letters
from briefing.limits import check_workbook
from briefing.tracker import COLUMNS, STATES, TrackerColumn, TrackerRow

SHEET = "Actions"
HEADER_ROWS = 10  # the heading row may sit below a title someone added


def read_tracker(path: Path) -> list[TrackerRow]:
    return read_tracker_file(path)[0]


def read_tracker_file(path: Path) -> tuple[list[TrackerRow], date | None, str]:
    """The rows, and the date and force of the pack the tracker came from, from one
    opening of the workbook; every bad cell at once (ValidationFailed), or one line for a
    workbook that cannot be read."""
    path = Path(path)
    with workbook(path) as book:
        if SHEET not in book.names:
            raise InputError(f"no '{SHEET}' sheet (it has {', '.join(book.names)}); give a workbook made by "
                             "briefing pack", file=str(path))
        rows = _rows(book, path)
        from briefing.ingest.tracker_summary import pack_facts

        return (rows, *pack_facts(book, path))


@contextmanager
def workbook(path: Path):
    """The workbook opened to read, or one line saying why it cannot be: not a workbook,
    password-protected, too large, or damaged."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError("a tracker is the pack's Excel workbook (.xlsx)", file=str(path))
    check_workbook(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"cannot be read as an Excel workbook ({_reason(exc)})", file=str(path)) from None
    try:
        yield Book(archive)
    except Damaged as exc:
        raise InputError(f"is damaged ({_reason(exc)}); open it in Excel or LibreOffice, let it repair the file "
                         "and save it again", file=str(path)) from None
    finally:
        archive.close()


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _rows(book: Book, path: Path) -> list[TrackerRow]:
    try:
        data = book.sheet(SHEET, limits.TRACKER_ROWS + HEADER_ROWS)
    except TooManyRows as many:
        if many.stated:  # the sheet's own dimension: no cell read
            raise InputError(f"{many.rows:,} rows; a tracker holds one row a finding, at most "
                             f"{limits.TRACKER_ROWS:,}", file=str(path), place=f"{SHEET}!A{many.rows}") from None
        raise InputError(f"more than {limits.TRACKER_ROWS:,} rows, though the sheet says it holds fewer; a tracker "
                         "holds one row a finding", file=str(path), place=SHEET) from None
    rows = book.rows(data, limits.TRACKER_ROWS + HEADER_ROWS)
    header_at, places = _header(rows, path)
    out, first, problems, columns = [], {}, [], _Columns(places)
    for number, values in rows:
        row, wrong = _row(values, columns, number, path)
        problems += wrong
        if row is None:
            continue
        if row.id and row.id in first:
            problems.append(InputError(f"id {row.id!r} is also the id of {first[row.id]}: each finding has one row "
                                       "(to split an action between owners, name both owners in one row, or give "
                                       "the copy an id of its own)", file=str(path), place=row.place))
            continue
        first[row.id] = row.place
        out.append(row)
    if problems:
        raise ValidationFailed(problems)
    return out


def _header(rows, path: Path) -> tuple[int, dict[str, int]]:
    """The heading row (the first of the first rows to hold 'ID' and two more of briefing's
    headings) and each known column's place. A heading used twice, or a column briefing
    writes missing while a heading it does not know stands in its stead, is refused: a
    wrong guess would lose people's edits without a word."""
    wanted = {c.title.lower(): c for c in COLUMNS}
    for number, values in rows:
        found: dict[str, list[int]] = {}
        for i, value in values.items():
            if isinstance(value, str) and value.strip():
                found.setdefault(" ".join(value.split()).lower(), []).append(i)
        if "id" in found and len(set(found) & set(wanted)) >= 3:
            _check_headings(found, wanted, values, number, path)
            return number, {wanted[k].field: places[0] for k, places in found.items() if k in wanted}
        if number >= HEADER_ROWS:
            break
    raise InputError(f"no heading row with 'ID' and 'Status' in the first {HEADER_ROWS} rows of '{SHEET}'",
                     file=str(path))


def _check_headings(found: dict[str, list[int]], wanted: dict, values: dict, number: int, path: Path) -> None:
    headings = [str(values[i]) for i in sorted(values) if isinstance(values[i], str)]
    missing = [c for c in COLUMNS if c.title.lower() not in found and (c.required or c.editable)]
    strangers = [str(values[i[0]]) for k, i in found.items() if k not in wanted]
    if missing and (missing[0].required or strangers):
        column = missing[0]
        hint = did_you_mean(column.title, headings)
        stand_in = (f"; if '{strangers[0]}' is the {column.title} column renamed, give it its name back (its cells "
                    "are carried to the next pack by that name)") if strangers and not hint else ""
        raise InputError(f"no '{column.title}' column (headings found: {', '.join(headings)})" + hint + stand_in,
                         file=str(path), place=f"{SHEET}!row {number}")
    for key, places in found.items():
        if key in wanted and len(places) > 1:
            letters = " and ".join(column_letters(i) for i in places)
            raise InputError(f"two '{wanted[key].title}' columns ({letters}); keep one, so that no one's edits are "
                             "read from the wrong one", file=str(path), place=f"{SHEET}!row {number}")


class _Columns:
    """The sheet's known columns by their place, and each one's value where its cell is
    empty: made once a sheet, so that a row is read from the cells it has (a few of twenty,
    fifty thousand times over)."""

    def __init__(self, places: dict[str, int]):
        self.at = {i: c for c in COLUMNS if (i := places.get(c.field)) is not None}
        self.empty = {c.field: None if c.role == "date" else "" for c in self.at.values()}
        self.order = {c.field: n for n, c in enumerate(COLUMNS)}  # problems said in the columns' order


def _row(values: dict, columns: _Columns, number: int, path: Path) -> tuple[TrackerRow | None, list]:
    if not values:
        return None, []  # blank rows
    fields, problems = dict(columns.empty), []
    for i, value in values.items():  # the cells written; an empty cell is never among them
        column = columns.at.get(i)
        if column is None:
            continue
        try:
            fields[column.field] = _value(column, value)
        except _Bad as bad:
            problems.append((columns.order[column.field],
                             InputError(str(bad), file=str(path), place=f"{SHEET}!{column_letters(i)}{number}")))
    if problems:
        return None, [problem for _, problem in sorted(problems, key=lambda p: p[0])]
    if len(str(fields.get("id", "")).split()) > 6 and not any(
            v not in (None, "") for k, v in fields.items() if k != "id"):
        return None, []  # the sheet's note under the table, not a row
    fields["status"] = fields.get("status") or ""  # blank: not yet assessed (never "Not started" by default)
    if "state" in fields:
        fields["state"] = _STATE_OF.get(fields["state"], "")
    return TrackerRow(**fields, place=f"{SHEET}!A{number}"), []


_STATE_OF = {word: k for k, word in reversed(STATES.items())}  # a state's words to its key (the first, as before)


class _Bad(Exception):
    """A cell's value that cannot stand; the message names it, the caller the cell."""


def _value(column: TrackerColumn, value):
    if isinstance(value, Formula):
        if column.role != "text":
            raise _Bad(f"{column.title.lower()} is a formula ({value.text}) with no value saved; type the "
                       f"{column.title.lower()} itself, or open and save the workbook in Excel or LibreOffice")
        value = value.text  # a note, kept as typed
    if column.role == "date":
        return _date(column, value)
    text = _plain(str(value))
    if column.choices and text:
        match = next((c for c in column.choices if c.lower() == text.lower()), None)
        if match is None and not column.editable:
            return ""  # a column briefing fills, changed by hand: refreshed, not refused
        if match is None:
            raise _Bad(f"{column.title.lower()} {text!r} is not one of {', '.join(column.choices)}")
        return match
    return text  # an Excel cell holds at most 32,767 characters: no cut is needed


def _plain(text: str) -> str:
    """The cell's text cleaned (briefing.cleaning) and its spaces made single; most cells
    need neither, and are known not to in one test."""
    if text.isascii() and text.isprintable() and "  " not in text and text == text.strip():
        return text
    return " ".join(clean(text).split())


def _date(column: TrackerColumn, value) -> date | None:
    if value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _Bad(f"{column.title.lower()} {value!r} is not a date") from None
