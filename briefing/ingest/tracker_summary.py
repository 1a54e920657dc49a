"""The pack a tracker came from, as its workbook's Summary sheet states it: the day it was
made (where "since the last pack" begins) and the force, the day checked against the
workbook's own rows.

Why check: the day is a cell people can edit, and a wrong one is silent. Typed as 2030, it
would make every report look older than the last pack and hide them all from "HMICFRS
reports since the last pack"; typed too early, it would list again what the last pack
said. A pack cannot be made after today, nor before a report it lists.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from briefing.cleaning import clean
from briefing.errors import InputError
from briefing.ingest.xlsx_cells import Book, TooManyRows

SUMMARY, REPORTS = "Summary", "Reports"
ROWS_READ = 200  # the Summary sheet holds some thirty rows, the Reports sheet one per report on file


def pack_facts(book: Book, path: Path) -> tuple[date | None, str]:
    """The last pack's date and force, where the workbook still has them."""
    if SUMMARY not in book.names:
        return None, ""
    day, force, place = None, "", ""
    for number, values in _rows(book, SUMMARY):
        label, value = values.get(0), values.get(1)
        if label == "Date" and isinstance(value, (date, datetime)):
            day, place = (value.date() if isinstance(value, datetime) else value), f"{SUMMARY}!B{number}"
        elif label == "Force" and isinstance(value, str):
            force = " ".join(clean(value).split())
    if day is not None:
        _check(day, book, path, place)
    return day, force


def _rows(book: Book, name: str):
    try:
        return list(book.rows(book.sheet(name, ROWS_READ * 50), ROWS_READ))
    except TooManyRows:
        return []  # not a sheet briefing wrote; the date is then not read from it


def _check(day: date, book: Book, path: Path, place: str) -> None:
    if day > date.today():
        raise InputError(f"the last pack's date {day.isoformat()} is after today; correct it (it decides which "
                         "reports are 'since the last pack')", file=str(path), place=place)
    newest = _newest_report(book)
    if newest is not None and day < newest[0]:
        raise InputError(f"the last pack's date {day.isoformat()} is before '{newest[1]}' (published "
                         f"{newest[0].isoformat()}), which the workbook itself lists; correct the date (it decides "
                         "which reports are 'since the last pack')", file=str(path), place=place)


def _newest_report(book: Book) -> tuple[date, str] | None:
    """The latest publication day on the Reports sheet, and its report's title."""
    if REPORTS not in book.names:
        return None
    rows = _rows(book, REPORTS)
    if not rows:
        return None
    heading = {str(v).strip().lower(): i for i, v in rows[0][1].items() if isinstance(v, str)}
    if "published" not in heading or "report" not in heading:
        return None
    days = [(v.date() if isinstance(v, datetime) else v, str(values.get(heading["report"], "")))
            for _, values in rows[1:] for v in [values.get(heading["published"])] if isinstance(v, (date, datetime))]
    return max(days) if days else None
