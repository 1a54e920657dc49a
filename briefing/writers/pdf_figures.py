"""Page 1's blocks in the PDF: the grade grid, the key messages with their sources, and a
quotation set off by a rule."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from briefing.document.model import GradeGrid, Points, Quote
from briefing.writers.pdf_fonts import fonts
from briefing.writers.pdf_text import PIECE, RLParagraph, paras, text
from briefing.writers.style import HEADER_FILL, MUTED, grid_colours


def _grid_cell(cell, style: ParagraphStyle) -> RLParagraph:
    fill, ink = grid_colours(cell)
    look = ParagraphStyle(f"grid-{cell.state}-{ink}", parent=style, textColor=colors.HexColor(f"#{ink}"),
                          fontName=style.fontName if cell.state == "graded" else fonts()[2])
    note = f'<br/><font size="{style.fontSize - 1}">{text(cell.note)}</font>' if cell.note else ""
    return RLParagraph(text(cell.text) + note, look)


def grid_flowables(block: GradeGrid, styles, width) -> list:
    """A drawn table: the area, then one cell per inspection holding its grade word, filled with
    the grade's colour (a gap light grey, "not graded" white), so it reads in black and white too."""
    n = len(block.columns)
    size, column_w = _grid_size(block, width)
    cell = ParagraphStyle("grid", parent=styles["cell"], fontSize=size, leading=size + 2)
    head = ParagraphStyle("grid-head", parent=styles["head"], fontSize=size, leading=size + 2)
    widths = [width - n * column_w] + [column_w] * n
    rows = [[RLParagraph("Area", head), *(RLParagraph(text(c), head) for c in block.columns)]]
    commands = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(f"#{HEADER_FILL}")),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.white), ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#B1B4B6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#B1B4B6"))]
    for r, row in enumerate(block.rows, start=1):
        rows.append([RLParagraph(text(row.label), cell), *(_grid_cell(c, cell) for c in row.cells)])
        for c, grid_cell in enumerate(row.cells, start=1):
            fill = grid_colours(grid_cell)[0]
            if fill:
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(f"#{fill}")))
    table = RLTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    caption = RLParagraph(text(block.caption), styles["caption"])
    # a figure: kept whole on one page where it fits, else split with its header row repeated
    return [KeepTogether([caption, Spacer(1, 2), table, Spacer(1, 3), *paras(block.key, styles["note"])]),
            Spacer(1, 4)]


GRID_SIZES = (8.5, 8, 7.5, 7, 6.5)  # points: the largest at which every grade word fits its cell


def _grid_size(block: GradeGrid, width: float) -> tuple[float, float]:
    """The font size and inspection column width at which no word of a cell or heading breaks,
    leaving the area column at least a fifth of the width."""
    n = max(len(block.columns), 1)
    words = {w for row in block.rows for c in row.cells for w in c.text.split()}
    heads = {w for c in block.columns for w in c.split()}
    regular, bold = fonts()[0], fonts()[1]
    texts = {c.text for row in block.rows for c in row.cells}
    for size in GRID_SIZES:
        need = max([stringWidth(w, regular, size) for w in words] + [stringWidth(w, bold, size) for w in heads]
                   + [0]) + 7
        whole = max([stringWidth(t, regular, size) for t in texts] + [0]) + 7  # each grade on one line
        if whole * n <= width * 0.66:
            return size, whole
        if need * n <= width * 0.8:
            return size, max(need, min(width * 0.66 / n, 90))
    return GRID_SIZES[-1], width * 0.8 / n


def points_flowables(block: Points, styles, width) -> list:
    """Key messages: each a bullet, the sources it rests on in small type beneath it."""
    source = styles["source"]
    items = [ListItem(RLParagraph(f'{text(point.text)} <font size="{source.fontSize}" color="#{MUTED}">'
                                  f"{text(point.source)}</font>", styles["point"]))
             for point in block.items if len(point.text) + len(point.source) < PIECE]
    items += [ListItem([*paras(point.text, styles["point"]), *paras(point.source, source)])
              for point in block.items if len(point.text) + len(point.source) >= PIECE]  # a giant one in pieces
    return [ListFlowable(items, leftIndent=14, bulletType="bullet", start="\u2022", bulletFontName=fonts()[0],
                         spaceAfter=4)]


def quote_flowables(block: Quote, styles, width) -> list:
    """The quoted words set off by a rule at the left, who said them and where beneath."""
    cell = [*paras(f"\u201c{block.text}\u201d", styles["quote"]), *paras(block.attribution, styles["source"])]
    table = RLTable([[cell]], colWidths=[width - 12])
    table.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor("#B1B4B6")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 9), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [table, Spacer(1, 6)]


