"""The Briefing: one document model that every writer translates and none extends.

Everything a reader sees is decided here (by document.build): words, order, which table
holds what, which column is a drop-down. Writers only choose how each block looks in
their format, so Word, PDF, Excel and JSON always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from briefing.phrases import long_date

EXCEL_CELL_CHARS = 32767  # the most text one Excel cell holds (Excel's specification)


def cut_for_excel(text: str) -> str:
    """Text that fits an Excel cell, saying where it was cut and where the rest is."""
    if len(text) <= EXCEL_CELL_CHARS:
        return text
    note = (f" [cut here: an Excel cell holds {EXCEL_CELL_CHARS:,} characters; all {len(text):,} are in the "
            "Word and PDF briefing]")
    return text[:EXCEL_CELL_CHARS - len(note)] + note


Cell = str | int | float | date  # a date or a count stays one until a writer shows it


def display(value: Cell) -> str:
    """How a cell reads in running text (Word, PDF): dates as "11 April 2024"."""
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


@dataclass(frozen=True)
class Paragraph:
    """Running text in one of a few looks (`style`); a writer never reads its words to choose one."""

    text: str
    style: str = "body"  # body | lead | caveat | note | quote
    kind: str = field(default="paragraph", init=False)

    @property
    def leads_in(self) -> bool:
        """It introduces what follows ("take the rest from the full report:"): every writer
        keeps it on the page of the list or table it introduces."""
        return self.text.rstrip().endswith(":")


SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]{3,2000}")


@dataclass(frozen=True)
class Link:
    """A line that leads to a web address: "The report: <title>", the title a hyperlink.
    Only http and https addresses become links; anything else is shown as text."""

    lead: str
    text: str
    url: str
    kind: str = field(default="link", init=False)

    @property
    def safe(self) -> bool:
        return bool(SAFE_URL.fullmatch(self.url))


@dataclass(frozen=True)
class BulletList:
    """Items a reader scans one by one: bullets, or numbers where their order matters."""

    items: tuple[str, ...]
    ordered: bool = False
    kind: str = field(default="list", init=False)


@dataclass(frozen=True)
class Column:
    """What a table column holds (`role`) and how people may fill it, so each writer can style and
    check its cells without reading them."""

    title: str
    width: float = 1.0  # relative width
    role: str = "text"  # text | grade | number | date | status
    choices: tuple[str, ...] = ()  # allowed values: a drop-down list in Excel
    editable: bool = False  # people fill it (the tracker's own columns): a heading of its own colour


@dataclass(frozen=True)
class Table:
    """Rows under named columns, each column's role saying how its cells look in every writer."""

    name: str  # a short identifier, also the Excel table name
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = field(default="table", init=False)


@dataclass(frozen=True)
class GradeBar:
    """One area's grade in the older and newer inspection, as ranks a chart can draw and words it prints."""

    label: str
    old_grade: str
    new_grade: str
    old_rank: int | None  # 0 (inadequate) .. 4 (outstanding); None when not graded
    new_rank: int | None
    old_words: str = "not graded"  # what a side with no grade says: "not graded", "not stated" (compare.states)
    new_words: str = "not graded"


@dataclass(frozen=True)
class Chart:
    """The grades of both inspections as bars, with the text a screen reader says in its place."""

    title: str
    alt_text: str
    bars: tuple[GradeBar, ...]
    old_name: str
    new_name: str
    scale: tuple[str, ...]  # grade words from rank 0 upwards
    kind: str = field(default="chart", init=False)


GRID_STATES = ("graded", "not-graded", "not-stated", "not-on-file")


@dataclass(frozen=True)
class GridCell:
    """One area in one inspection: its grade, or why there is none, always in words."""

    text: str  # what the cell prints: the grade word, or "not graded", "not on file"...
    state: str  # one of GRID_STATES: a writer styles by it, never by reading `text`
    grade: str = ""  # the grade on the common ladder, for a graded cell: its colour
    note: str = ""  # said under the word, smaller: "corrected 8 August 2024"


@dataclass(frozen=True)
class GridRow:
    """One area across the inspections, oldest first."""

    area: str  # the canonical area id
    label: str
    cells: tuple[GridCell, ...]

    def __iter__(self):
        """The row's words as a table row's cells are: its label, then each cell as printed."""
        yield self.label
        for cell in self.cells:
            yield f"{cell.text} {cell.note}".strip()


@dataclass(frozen=True)
class GradeGrid:
    """Grades as a picture: areas down, inspections across, oldest first, a word in every cell."""

    name: str
    caption: str
    columns: tuple[str, ...]  # the inspections (and cycles not on file), oldest first
    rows: tuple[GridRow, ...]
    key: str  # what each kind of empty cell means, in words, printed under the grid
    kind: str = field(default="grid", init=False)

    def select(self, areas: tuple[str, ...], last: int, name: str, caption: str) -> GradeGrid:
        """The same cells for some areas (in the order given) and the last few columns."""
        by_area = {row.area: row for row in self.rows}
        rows = tuple(GridRow(a, by_area[a].label, by_area[a].cells[-last:]) for a in areas if a in by_area)
        return GradeGrid(name, caption, self.columns[-last:], rows, self.key)


@dataclass(frozen=True)
class Point:
    """A key message: one sentence resting on the comparison, and the sources it rests on."""

    text: str
    source: str  # "PEEL 2023-25: News article “...” (local press, February 2024)": where a reader checks it


@dataclass(frozen=True)
class Points:
    """Key messages, each with the sources a reader checks it against."""

    items: tuple[Point, ...]
    kind: str = field(default="points", init=False)


@dataclass(frozen=True)
class Quote:
    """Words quoted as they stand in a source, with who said them and where."""

    text: str
    attribution: str  # "HM Inspector of Constabulary, PEEL 2023-25 report, page 3"
    kind: str = field(default="quote", init=False)


Block = Paragraph | Link | BulletList | Table | Chart | GradeGrid | Points | Quote


@dataclass(frozen=True)
class Section:
    """A heading and what stands under it; the order of sections is the order of the paper."""

    title: str
    level: int  # 1 for a main heading, 2 for a sub-heading
    blocks: tuple[Block, ...] = ()
    ends_page: bool = False  # the page-1 summary: what follows starts a new page in print


@dataclass(frozen=True)
class Sheet:
    """An Excel sheet: one named table, with a note above it when there is something to say."""

    name: str
    table: Table
    note: str = ""


@dataclass(frozen=True)
class Metadata:
    """What the paper says about itself: its header and file properties, and what an email about it needs."""

    title: str
    subject: str
    author: str
    language: str
    marking: str
    keywords: tuple[str, ...]
    date: str
    version: str
    audience: str
    s55_due: date | None = None  # the PCC's s.55 last day, for an email body (pcc packs only)


@dataclass(frozen=True)
class Briefing:
    """The whole paper, every format's one source: sections for Word, the PDF and the web page,
    sheets for the workbook, and the lines an email body quotes."""

    metadata: Metadata
    sections: tuple[Section, ...]
    sheets: tuple[Sheet, ...]
    headline: tuple[str, ...]  # three lines on what changed, for an email body
    warnings: tuple[str, ...] = ()  # what the user should know about this pack's files, said when written

    def to_dict(self) -> dict:
        """Plain JSON types: dates as ISO text."""
        def plain(value):
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            return value.isoformat() if isinstance(value, date) else value

        return plain(asdict(self))

    def text(self) -> str:
        """All the words of the document, for search and for tests."""
        parts = [self.metadata.title]
        for section in self.sections:
            parts.append(section.title)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    parts.append(block.text)
                elif isinstance(block, BulletList):
                    parts.extend(block.items)
                elif isinstance(block, Link):
                    parts.append(f"{block.lead} {block.text} ({block.url})")
                elif isinstance(block, Table):
                    parts.append(block.caption)
                    parts.extend(" | ".join(display(v) for v in row) for row in block.rows)
                elif isinstance(block, Chart):
                    parts.append(block.alt_text)
                elif isinstance(block, Points):
                    parts.extend(f"{p.text} ({p.source})" for p in block.items)
                elif isinstance(block, Quote):
                    parts.append(f"\u201c{block.text}\u201d {block.attribution}")
                elif isinstance(block, GradeGrid):
                    parts.append(block.caption)
                    parts.append(" | ".join(block.columns))
                    parts.extend(" | ".join([row.label, *(c.text for c in row.cells)]) for row in block.rows)
                    parts.append(block.key)
        return "\n".join(parts)
