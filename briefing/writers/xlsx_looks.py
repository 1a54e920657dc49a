"""The workbook's looks, each made once as a named style (Excel lists them under Cell
Styles): text wrapped to its column, dates, signed changes, the italic note, the two
kinds of heading (briefing fills it; people fill it) and one per grade, its colour behind
its word. A cell names its look's style by number (briefing.writers.xlsx_rows); no look
is built for one cell alone: building one per cell is what made a 50,000-row tracker
take 13 s to write."""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.fonts import DEFAULT_FONT

from briefing.writers.style import EDITABLE_FILL, GRADE_FILL, HEADER_FILL, grade_fill, grade_text

WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "d mmmm yyyy"
SIGNED_FORMAT = "+0.##;-0.##;0"  # a change of grade steps: "+1", "-2", "0"


class Looks:
    """The named styles of one workbook, by the number a cell gives as its style. All are
    made before any row is written: openpyxl writes the styles when the workbook is saved,
    and the rows are written after (briefing.writers.xlsx)."""

    def __init__(self, sheet):
        self._sheet = sheet  # any sheet of the workbook: openpyxl numbers styles through a cell on one
        self._names: dict[str, int] = {}
        self.text = self._named("Briefing text")
        self.date = self._named("Briefing date", number_format=DATE_FORMAT)
        self.signed = self._named("Briefing change", number_format=SIGNED_FORMAT)
        heading = _font(b=True, color="FFFFFF")
        self._roles = {"date": self.date, "note": self._named("Briefing note", font=_font(i=True)),
                       "heading": self._named("Briefing heading", font=heading,
                                              fill=PatternFill("solid", fgColor=HEADER_FILL)),
                       "editable heading": self._named("Heading of a column people fill in", font=heading,
                                                       fill=PatternFill("solid", fgColor=EDITABLE_FILL))}
        self._grades = {grade: self._named(f"Grade {grade}", font=_font(color=grade_text(grade)),
                                           fill=PatternFill("solid", fgColor=fill)) for grade, fill in GRADE_FILL.items()}
        self._quoted = {look: self._with_quote(name) for name, look in self._names.items()}

    def of(self, role: str, text: str) -> int:
        """The look of text in a column of `role` (a Column's role, or a heading's or note's)."""
        if role == "grade" and grade_fill(text):
            return self._grades[text.strip().lower()]
        return self._roles.get(role, self.text)  # a date column's text ("March 2018") keeps the date look

    def quoted(self, look: int) -> int:
        """`look` with Excel's quote prefix: text that begins like a formula stays text."""
        return self._quoted[look]

    def _named(self, name: str, font: Font = DEFAULT_FONT, **look) -> int:
        self._sheet.parent.add_named_style(NamedStyle(name, font=font, alignment=WRAP, **look))
        cell = WriteOnlyCell(self._sheet)
        cell.style = name
        self._names[name] = cell.style_id
        return cell.style_id

    def _with_quote(self, name: str) -> int:
        cell = WriteOnlyCell(self._sheet)
        cell.style = name
        cell.quotePrefix = True
        return cell.style_id


def _font(**changes) -> Font:
    """The workbook's own font (Calibri 11), changed."""
    return Font(name=DEFAULT_FONT.name, sz=DEFAULT_FONT.sz, family=DEFAULT_FONT.family, scheme=DEFAULT_FONT.scheme,
                **changes)
