"""Page 1's blocks in Word: the grade grid, the key messages with their sources, a quotation
(the smaller type that holds page 1 on its page is docx_fit's)."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from briefing.document.model import GradeGrid, Points, Quote
from briefing.writers.docx_parts import USABLE_WIDTH_CM, cell_xml, style_id, styled
from briefing.writers.style import HEADER_FILL, grid_colours

GRID_HALF_POINTS = (17, 16, 15, 14, 13)  # 8.5 pt down to 6.5 pt


def _grid_size(block: GradeGrid) -> tuple[int, float]:
    """Half-points and the inspection column's width (cm) at which no word of a cell or heading
    breaks (measured generously, as for tables), leaving the area column 15% of the width."""
    n = max(len(block.columns), 1)
    longest = max([len(w) for row in block.rows for c in row.cells for w in c.text.split()]
                  + [len(w) for c in block.columns for w in c.split()] + [1])
    whole = max([len(c.text) for row in block.rows for c in row.cells] + [1])
    for half in GRID_HALF_POINTS:
        need = longest * (half / 2) * 0.65 * 2.54 / 72 + 0.2
        one_line = whole * (half / 2) * 0.6 * 2.54 / 72 + 0.2  # each grade on one line, where there is room
        if one_line * n <= USABLE_WIDTH_CM * 0.7:
            return half, one_line
        if need * n <= USABLE_WIDTH_CM * 0.85:
            return half, max(need, min(USABLE_WIDTH_CM * 0.66 / n, 3.2))
    return GRID_HALF_POINTS[-1], USABLE_WIDTH_CM * 0.85 / n


def write_grid(document, block: GradeGrid) -> None:
    """The grade grid as a Word table: one cell per inspection holding its grade word, filled with
    the grade's colour; the key below it says what a cell without a grade means."""
    caption = styled(document, block.caption, "Caption")
    caption.paragraph_format.keep_with_next = True
    n = len(block.columns)
    size, column = _grid_size(block)
    twips = [int(Cm(USABLE_WIDTH_CM - n * column).twips)] + [int(Cm(column).twips)] * n
    style = style_id(document, "Table Grid")
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="45" w:type="dxa"/>'
           '<w:right w:w="45" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" '
           'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{t}"/>' for t in twips), "</w:tblGrid>",
           '<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>',
           *(cell_xml(title, t, HEADER_FILL, "FFFFFF", bold=True, half_points=size, keep_next=True)
             for title, t in zip(("Area", *block.columns), twips)), "</w:tr>"]
    for i, row in enumerate(block.rows):
        keep = i < len(block.rows) - 1  # each row kept with the next: the grid stays on one page where it fits
        xml.append('<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>')
        xml.append(cell_xml(row.label, twips[0], None, None, half_points=size, keep_next=keep))
        for cell, width in zip(row.cells, twips[1:]):
            fill, ink = grid_colours(cell)
            words = cell.text + (f"\n{cell.note}" if cell.note else "")
            xml.append(cell_xml(words, width, fill, ink, half_points=size, italic=cell.state != "graded",
                                 keep_next=keep))
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    document.element.body._insert_tbl(parse_xml("".join(xml)))
    key = document.add_paragraph(block.key)
    for run in key.runs:
        run.font.size = Pt(9)


def _source_run(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.italic, run.font.size, run.font.color.rgb = True, Pt(9), RGBColor(0x50, 0x5A, 0x5F)


def write_points(document, block: Points) -> None:
    """Key messages as bullets, each with the sources it rests on after it in small type."""
    for point in block.items:
        paragraph = styled(document, point.text + " ", "List Bullet")
        _source_run(paragraph, point.source)


def write_quote(document, block: Quote) -> None:
    style = "Quote" if "Quote" in document.styles else None
    quoted = document.add_paragraph(f"\u201c{block.text}\u201d", style=style)
    quoted.paragraph_format.keep_with_next = True
    _source_run(document.add_paragraph(), block.attribution)
