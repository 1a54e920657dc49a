"""Page 1 of the Word document kept on one A4 page, as the PDF keeps it (KeepInFrame).

Word lays out pages only when it opens the file, so the writer estimates page 1's height from
what it wrote (each paragraph's and cell's characters against its width, at the size it will
be set) and takes the largest step of SIZES at which that estimate fits. The estimate is
generous (wide characters, Word's 1.15 line spacing, cell padding): a page 1 that fits at the
first step is set exactly as before.
"""

from __future__ import annotations

from math import ceil

from docx.oxml.ns import qn
from docx.shared import Pt

SIZES = ((9.5, 18), (9, 17), (8.5, 16), (8, 15), (7.5, 14))  # page 1's body (pt) and tables (half-points)
PAGE_HEIGHT_PT = 29.7 / 2.54 * 72 - 2 * 72  # A4 less the template's 1-inch top and bottom margins
USABLE_WIDTH_PT = 17.0 / 2.54 * 72
CHAR_EM = 0.46  # an average character of running text, in ems (Calibri and Carlito; generous)
LINE = 1.15 * 1.22  # Word's line spacing times the font's height
CELL_LINE = 1.22  # a table's cells are single-spaced (Table Grid)
CELL_PAD_PT = 1.0  # a cell's borders (Word's cells have no top or bottom margin)
STYLE_PT = {"Title": (20, 15), "Heading1": (14, 24), "Caption": (9, 3)}  # size, space before or after


def fit_page_one(document, start: int, first: int) -> None:
    """Set page 1 (the paragraphs from `start` and body elements from `first` are its section's,
    the whole body so far is the page) at the largest step of SIZES whose estimated height fits."""
    drop_trailing_blank(document.paragraphs[start:])
    paragraphs, elements = document.paragraphs[start:], list(document.element.body)[first:]
    whole = [e for e in document.element.body if e.tag != qn("w:sectPr")]  # from the title on
    for body, table in SIZES:
        if estimate(whole, body, table) <= PAGE_HEIGHT_PT or (body, table) == SIZES[-1]:
            compact(paragraphs, body)
            compact_tables(elements, table)
            return


def drop_trailing_blank(paragraphs) -> None:
    """The empty paragraph a table leaves after it goes at the end of page 1, where it could
    spill onto a page of its own."""
    if paragraphs and not paragraphs[-1].text and not paragraphs[-1].runs:
        element = paragraphs[-1]._p
        element.getparent().remove(element)


def compact(paragraphs, body: float = 9.5) -> None:
    """Page 1's summary set at `body` pt (9.5 unless the page needs it smaller) with little
    space between paragraphs, so it holds on its page; smaller text (the sources, the grid's
    key) keeps its size unless it is larger than `body`."""
    for paragraph in paragraphs:
        paragraph.paragraph_format.space_after = Pt(3)
        for run in paragraph.runs:
            if run.font.size is None or run.font.size > Pt(body):
                run.font.size = Pt(body)


def compact_tables(elements, half_points: int = 18) -> None:
    """Page 1's tables at 9 pt (`half_points`), or smaller where the page needs it; the grid
    sizes itself below that."""
    for element in elements:
        if element.tag == qn("w:tbl"):
            for size in element.iter(qn("w:sz")):
                if int(size.get(qn("w:val"))) > half_points:
                    size.set(qn("w:val"), str(half_points))


def estimate(elements, body: float, table_half: int) -> float:
    """Page 1's height in points, were it set at `body` pt with its tables at `table_half`."""
    height = 0.0
    for element in elements:
        if element.tag == qn("w:tbl"):
            height += _table_height(element, table_half / 2)
        elif element.tag == qn("w:p"):
            height += _paragraph_height(element, body)
    return height


def _lines(text: str, size: float, width: float) -> int:
    per_line = max(int(width / (size * CHAR_EM)), 1)
    return sum(max(ceil(len(part) / per_line), 1) for part in text.split("\n"))


def _text(element) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p")))


def _run_size(element, cap: float) -> float:
    """The largest run's size once page 1 is compacted: a run of no size of its own (Normal's
    12 pt) is set at `cap`, and none is larger."""
    sizes = []
    for run in element.iter(qn("w:r")):
        size = run.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        sizes.append(int(size.get(qn("w:val"))) / 2 if size is not None else cap)
    return min(max(sizes, default=cap), cap)


def _paragraph_height(p, body: float) -> float:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    name = style.get(qn("w:val")) if style is not None else ""
    if name in STYLE_PT:
        size, space = STYLE_PT[name]
    else:
        size, space = _run_size(p, body), 3.0
    indent = 18 if name.startswith("List") else 0
    return _lines(_text(p), size, USABLE_WIDTH_PT - indent) * size * LINE + space


def _table_height(table, size: float) -> float:
    widths = [int(c.get(qn("w:w"))) / 20 for c in table.iter(qn("w:gridCol"))]
    height = 0.0
    for row in table.iter(qn("w:tr")):
        tallest = 0.0
        for cell, width in zip(row.iter(qn("w:tc")), widths or [USABLE_WIDTH_PT]):
            cell_size = _run_size(cell, size)
            tallest = max(tallest, _lines(_text(cell), cell_size, width - 10) * cell_size * CELL_LINE)
        height += tallest + CELL_PAD_PT
    return height + 6  # the paragraph Word keeps after a table
