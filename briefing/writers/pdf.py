"""The Briefing as a PDF the PCC can read on a phone.

Every piece of text goes through xml escaping before reportlab sees it, so `<`, `>` and
`&` in a finding are printed as written. Headings become PDF bookmarks; long tables split
across pages with their header row repeated; every page carries the marking and
"Page X of Y"; title, author, subject and language are set in the metadata.
"""

from __future__ import annotations

from briefing.writers import pdf_library  # noqa: F401  reportlab loads through it, so before any reportlab import

# isort: split
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepInFrame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from briefing.cleaning import strings
from briefing.document.model import (
    Briefing,
    BulletList,
    Chart,
    GradeGrid,
    Link,
    Paragraph,
    Points,
    Quote,
    Table,
    display,
)
from briefing.writers.pdf_chart import chart_drawing
from briefing.writers.pdf_figures import grid_flowables, points_flowables, quote_flowables
from briefing.writers.pdf_fonts import cover, fonts
from briefing.writers.pdf_text import (
    CELL_PADDING,
    GIANT_CELL,
    PIECE,
    RLParagraph,
    breakable,
    cell_content,
    paras,
    text,
)
from briefing.writers.style import CAVEAT_FILL, HEADER_FILL, MUTED, column_widths, grade_fill, grade_text

SUFFIX = ".pdf"
MARGIN = 18 * mm


def _styles(size: float = 11) -> dict[str, ParagraphStyle]:
    """The paper's styles; `size` is the body's (page 1's summary is set a point smaller, to
    hold on one page)."""
    regular, bold, italic = fonts()
    base = ParagraphStyle(f"body{size}", fontName=regular, fontSize=size, leading=size * 15 / 11,
                          spaceAfter=size * 6 / 11, splitLongWords=1)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=20, leading=25, spaceAfter=10,
                                textColor=colors.HexColor("#1F3B5C")),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=15, leading=19, spaceBefore=12, spaceAfter=6,
                             textColor=colors.HexColor("#1F3B5C"), keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=12.5, leading=16, spaceBefore=8,
                             keepWithNext=1),
        "body": base,
        "caveat": ParagraphStyle("caveat", parent=base, fontName=italic, backColor=colors.HexColor(f"#{CAVEAT_FILL}"),
                                 borderPadding=5, spaceBefore=4, spaceAfter=10),
        "caption": ParagraphStyle("caption", parent=base, fontName=bold, fontSize=10, spaceBefore=4, spaceAfter=3,
                                  textColor=colors.HexColor("#1F3B5C")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=9, leading=11.5, spaceAfter=0,
                               textColor=colors.white),
        "note": ParagraphStyle("note", parent=base, fontSize=9.5, leading=12.5, textColor=colors.HexColor(f"#{MUTED}")),
        "lead": ParagraphStyle("lead", parent=base, fontName=bold, spaceBefore=4),
        "quote": ParagraphStyle("quote", parent=base, fontName=italic, spaceAfter=2),
        "point": ParagraphStyle("point", parent=base, spaceAfter=size / 4),
        "source": ParagraphStyle("source", parent=base, fontSize=8.5, leading=11, spaceAfter=3,
                                 textColor=colors.HexColor(f"#{MUTED}")),
        "marking": ParagraphStyle("marking", parent=base, fontName=bold, fontSize=10, alignment=TA_CENTER),
    }


class _Document(BaseDocTemplate):
    """Adds a PDF bookmark for every heading, nested by level."""

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)


def _numbered_canvas(marking: str, font: str):
    class NumberedCanvas(Canvas):
        """Holds pages until the end so each can say "Page X of Y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self._furniture(number, len(self._pages))
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            width, height = A4
            self.setFont(font, 10)
            self.drawCentredString(width / 2, height - 10 * mm, marking)
            self.drawCentredString(width / 2, 10 * mm, marking)
            self.setFont(font, 9)
            self.drawRightString(width - MARGIN, 10 * mm, f"Page {number} of {total}")

    return NumberedCanvas


def warm() -> None:
    """Read the fonts while the pack is still comparing (a writer process calls this)."""
    fonts()


def render(briefing: Briefing, path: Path) -> None:
    meta, styles, compact = briefing.metadata, _styles(), _styles(10)
    # the fonts must cover every character the PDF prints: the metadata and the sections, not the
    # workbook's sheets (a 50,000-row tracker's million cells cost 0.4 s to look through)
    cover({c for text in strings((meta, briefing.sections)) for c in set(text) if c > "\x7f"})
    doc = _Document(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=18 * mm,
                    bottomMargin=18 * mm, title=meta.title, author=meta.author, subject=meta.subject,
                    keywords=", ".join(meta.keywords), creator="briefing", lang=meta.language)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story, waiting = paras(meta.title, styles["title"]), []  # headings of sections that open with a subsection
    for section in briefing.sections:
        heading = RLParagraph(text(section.title), styles["h1" if section.level == 1 else "h2"])
        heading.outline_level = section.level - 1
        if section.ends_page:  # page 1's summary: set smaller, and shrunk further where it would overflow its page
            content = [g for block in section.blocks for f in FLOW[type(block)](block, compact, doc.width)
                       for g in (f._content if isinstance(f, KeepTogether) else [f]) if not isinstance(g, CondPageBreak)]
            story += [CondPageBreak(HEADING_ROOM), heading, KeepInFrame(0, 0, content, mode="shrink"), PageBreak()]
            continue
        flows = [f for block in section.blocks for f in FLOW[type(block)](block, styles, doc.width)]
        if not flows:
            waiting.append(heading)
            continue
        above = sum(_height(h, doc.width) for h in waiting)
        story += [CondPageBreak(above + _heading_room(heading, flows, doc.width)), *waiting, heading, *flows]
        waiting = []
    story += waiting
    while story and isinstance(story[-1], Spacer):  # space after the last table must not open a blank page
        story.pop()
    doc.build(story, canvasmaker=_numbered_canvas(meta.marking, fonts()[1]))


def _paragraph(block: Paragraph, styles, width) -> list:
    style = styles.get(block.style, styles["body"])
    if block.leads_in:
        style = ParagraphStyle(f"{style.name}-lead-in", parent=style, keepWithNext=1)
    return paras(block.text, style)


def _link(block: Link, styles, width) -> list:
    """The lead, then the title as a link (an address that is not http(s) is shown, not linked)."""
    if not block.safe:
        return paras(f"{block.lead} {block.text} ({block.url})", styles["body"])
    markup = (f'{text(block.lead)} <link href="{escape(block.url, {chr(34): "&quot;"})}" color="#1d4e89">'
              f"<u>{text(block.text)}</u></link>")
    return [RLParagraph(markup, styles["body"])]


def _list(block: BulletList, styles, width) -> list:
    items = [ListItem(paras(item, styles["body"])) for item in block.items]
    kind = {"bulletType": "1"} if block.ordered else {"bulletType": "bullet", "start": "\u2022"}
    return [ListFlowable(items, leftIndent=14, bulletFontName=fonts()[0], **kind)]


HEADING_ROOM = 90  # points: a heading with less room than this below it starts the next page


def _heading_room(heading, flows: list, width) -> float:
    """The room a heading needs below it: where the section opens with a short lead-in and then a
    table, the heading, the lead-in and the table's opening together, so "Persisting concerns" and
    its one-line introduction never stand alone at a page's foot with the table overleaf."""
    room = _height(heading, width)
    for flow in flows[:3]:
        if isinstance(flow, CondPageBreak):  # a table's opening: caption, header and first row
            return min(max(room + flow.height, HEADING_ROOM), 400)
        if not isinstance(flow, RLParagraph):
            break
        room += _height(flow, width)
    return HEADING_ROOM


def _height(paragraph: RLParagraph, width) -> float:
    return paragraph.wrap(width, 10_000)[1] + paragraph.style.spaceBefore + paragraph.style.spaceAfter
def _table(block: Table, styles, width) -> list:
    values = [[display(v) for v in row] for row in block.rows]
    cell, head = styles["cell"], styles["head"]
    widths = column_widths(block.columns, values, width,
                           lambda words: max((stringWidth(w, cell.fontName, cell.fontSize) for w in words), default=0),
                           lambda words: max((stringWidth(w, head.fontName, head.fontSize) for w in words), default=0),
                           padding=9)
    header = [RLParagraph(text(c.title), styles["head"]) for c in block.columns]
    values, notes = _move_giant_cells(block, values)
    values = [[breakable(v, w - 2 * CELL_PADDING, cell) for v, w in zip(row, widths)] for row in values]
    rows = [[cell_content(v, styles["cell"]) for v in row] for row in values] or \
        [[RLParagraph("None", styles["cell"])] + [""] * (len(block.columns) - 1)]
    commands = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(f"#{HEADER_FILL}")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B1B4B6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)]
    for r, row in enumerate(values, start=1):
        for c, (column, value) in enumerate(zip(block.columns, row)):
            fill = grade_fill(value) if column.role == "grade" else None
            if fill:
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(f"#{fill}")))
                rows[r - 1][c] = cell_content(value, ParagraphStyle(
                    "g", parent=styles["cell"], textColor=colors.HexColor(f"#{grade_text(value)}")))
    # Rows split across pages only when one could be taller than a page (a huge cell);
    # otherwise whole rows move, which keeps repeated headers where readers expect them.
    giant = any(len(v) > PIECE // 2 for row in values for v in row)
    table = RLTable([header, *rows], colWidths=widths, repeatRows=1, splitInRow=1 if giant else 0)
    table.setStyle(TableStyle(commands))
    caption = RLParagraph(text(block.caption), styles["caption"])
    after = [f for note in notes for f in paras(note, styles["body"])]
    return [CondPageBreak(_opening_height(caption, [header, *rows[:1]], widths, commands, width)),
            KeepTogether([caption, Spacer(1, 2)]), table, Spacer(1, 8), *after]


def _opening_height(caption, first_rows, widths, commands, width) -> float:
    """The room the caption, the header row and the first row need together: with less left on
    the page the table starts on the next, so a caption never stands alone at a page's foot."""
    opening = RLTable(first_rows, colWidths=widths)
    opening.setStyle(TableStyle([c for c in commands if c[1][1] <= 1 and c[2][1] in (-1, 0, 1)]))
    height = caption.wrap(width, 10_000)[1] + 2 + opening.wrap(width, 10_000)[1]
    return min(height, 400)  # a giant first row is split anyway; do not push it to a page of its own


def _move_giant_cells(block: Table, values: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """A table row taller than a page makes reportlab split it again and again (time grows with
    the square of its length), so a giant cell's text is printed in full just below the table."""
    notes: list[str] = []
    out = []
    for r, row in enumerate(values, start=1):
        new_row = []
        for column, value in zip(block.columns, row):
            if len(value) > GIANT_CELL:
                notes.append(f"Note {len(notes) + 1} ({column.title}, row {r}): {value}")
                value = f"Printed in full below this table (note {len(notes)})."
            new_row.append(value)
        out.append(new_row)
    return out, notes


def _chart(block: Chart, styles, width) -> list:
    return [KeepTogether([RLParagraph(text(block.title), styles["caption"]), chart_drawing(block, width, fonts()[0])]),
            Spacer(1, 8)]


FLOW = {Paragraph: _paragraph, Link: _link, BulletList: _list, Table: _table, Chart: _chart,
        GradeGrid: grid_flowables, Points: points_flowables, Quote: quote_flowables}
