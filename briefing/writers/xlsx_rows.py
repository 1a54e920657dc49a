"""A sheet's rows as the file format writes them (SpreadsheetML's <row> and <c>).

Why not openpyxl's cells: it spends about 7 µs of its own on every cell it writes, even
unstyled in write-only mode, so a tracker at its bound (50,000 rows, 300,000 cells that
hold something) took 3 to 5 s on rows alone, past the whole pack's 5 s budget. Written
here, the same rows take a fifth of a second. Everything else in the sheet (columns,
the table, drop-downs, printing) and every style is still openpyxl's: a cell here only
names the style openpyxl registered for its look (briefing.writers.xlsx_looks).

The cells are the ones openpyxl writes: text inline (t="inlineStr"), with xml:space
preserved where it begins or ends with a space; numbers and dates as numbers (a date is
its Excel serial day, shown through its style's date format). No cell is ever a formula:
text beginning with =, +, - or @ carries Excel's quote prefix (its look's quoted twin),
so it shows as written and stays text when edited. An empty cell is not written at all:
its column's style is what Excel and LibreOffice show and give to what is typed there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError

from briefing.document.model import Cell, Sheet, cut_for_excel, display
from briefing.writers.xlsx_looks import Looks

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
LINE = 15  # points: one line of text, Excel's default row height
TALLEST = 409  # points: the most Excel allows a row


@dataclass(frozen=True)
class SheetRows:
    """What a sheet shows below its settings: the heading, the rows, and the note a row
    below them."""

    sheet: Sheet
    rows: Sequence[Sequence[Cell]]  # at least one: an Excel table needs a data row
    widths: Sequence[float]
    looks: Looks

    @property
    def last(self) -> str:
        """The bottom right cell of what is written."""
        return f"{get_column_letter(len(self.widths))}{len(self.rows) + (3 if self.sheet.note else 1)}"

    def xml(self) -> Iterator[str]:
        columns = self.sheet.table.columns
        yield from _rows(1, [[c.title for c in columns]], self.widths, self.looks,
                         ["editable heading" if c.editable else "heading" for c in columns])
        yield from _rows(2, self.rows, self.widths, self.looks, [c.role for c in columns])
        if self.sheet.note:
            yield from _rows(len(self.rows) + 3, [[self.sheet.note]], self.widths[:1], self.looks, ["note"])


def _rows(first: int, rows: Sequence[Sequence[Cell]], widths: Sequence[float], looks: Looks,
          roles: Sequence[str]) -> Iterator[str]:
    """Each row's XML, numbered from `first`: a cell's look by its column's role, the row as
    tall as its longest wrapped text (office suites do not always fit it; a row of one line
    keeps the default height)."""
    letters = [get_column_letter(col) for col in range(1, len(widths) + 1)]
    per_line = [max(int(width * 1.1), 1) for width in widths]  # characters a line of the column holds
    for number, row in enumerate(rows, start=first):
        cells, lines = [], 1
        for letter, value, role, room in zip(letters, row, roles, per_line):
            if value == "" or value is None:
                continue
            cells.append(_cell(f"{letter}{number}", value, role, looks))
            text = display(value)
            lines = max(lines, -(-len(text) // room) + text.count("\n"))
        height = min(TALLEST, LINE * lines)
        tall = f' ht="{height}" customHeight="1"' if height > LINE else ""
        yield f'<row r="{number}"{tall}>{"".join(cells)}</row>'


def _cell(place: str, value: Cell, role: str, looks: Looks) -> str:
    """Text as text, never a formula; dates as dates; numbers (and whole numbers in number
    columns) as numbers."""
    if isinstance(value, date):
        return _number(place, to_excel(value), looks.date)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(place, value, looks.text)
    if role == "number" and NUMBER.match(value):
        return _number(place, float(value) if "." in value else int(value),
                       looks.signed if value.startswith("+") else looks.text)
    look = looks.of(role, value)
    return _text(place, cut_for_excel(value), looks.quoted(look) if value.startswith(FORMULA_START) else look)


def _number(place: str, value: float, style: int) -> str:
    return f'<c r="{place}" s="{style}" t="n"><v>{value:.16g}</v></c>'


def _text(place: str, text: str, style: int) -> str:
    if ILLEGAL_CHARACTERS_RE.search(text):  # as openpyxl refuses them: the format has no way to hold them
        raise IllegalCharacterError(f"{text!r} cannot be used in worksheets.")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{place}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'
