"""The Briefing as a Word document an analyst can edit the evening before a meeting.

Built-in heading styles (so the navigation pane and the table of contents work), header
rows that repeat across pages, alt text on the chart, the protective marking in every
page header and footer, "Page X of Y", and title/author/subject/language properties.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefing.document.model import Briefing, BulletList, Chart, Paragraph, Table
from briefing.writers.chart_image import render_png
from briefing.writers.style import CAVEAT_FILL, FONT, HEADER_FILL, grade_fill, grade_text

SUFFIX = ".docx"
USABLE_WIDTH_CM = 17.0


def render(briefing: Briefing, path: Path) -> None:
    document = docx.Document()
    _setup(document, briefing)
    document.add_heading(briefing.metadata.title, level=0)
    _contents(document)
    for section in briefing.sections:
        document.add_heading(section.title, level=section.level)
        for block in section.blocks:
            WRITE[type(block)](document, block)
    document.save(str(path))


def _setup(document, briefing: Briefing) -> None:
    meta = briefing.metadata
    props = document.core_properties
    props.title, props.author, props.subject = _prop(meta.title), _prop(meta.author), _prop(meta.subject)
    props.language, props.keywords = meta.language, _prop(", ".join(meta.keywords))
    props.comments, props.version = _prop(f"Marking: {meta.marking}"), _prop(meta.version)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), meta.language)
    rpr.append(lang)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    _marking(section.header.paragraphs[0], meta.marking)
    footer = section.footer.paragraphs[0]
    _marking(footer, meta.marking)
    pages = section.footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Page ")
    _field(pages, "PAGE")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES")
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _prop(value: str) -> str:
    """Word's document properties hold at most 255 characters; the full text is in the body."""
    return value if len(value) <= 255 else value[:254] + "\u2026"


def _marking(paragraph, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    run = paragraph.add_run()
    for tag, attrs in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", {}),
                       ("w:fldChar", {"w:fldCharType": "separate"})):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        if tag == "w:instrText":
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        run._r.append(el)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _contents(document) -> None:
    document.add_paragraph("Contents", style="TOC Heading" if "TOC Heading" in document.styles else None)
    paragraph = document.add_paragraph()
    _field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', "Right-click and choose Update Field to list the contents.")


def _paragraph(document, block: Paragraph) -> None:
    p = document.add_paragraph(block.text)
    if block.style == "caveat":
        _shade(p._p.get_or_add_pPr(), CAVEAT_FILL)
        p.runs[0].italic = True if p.runs else None
    elif block.style == "lead":
        for run in p.runs:
            run.bold = True


def _list(document, block: BulletList) -> None:
    style = "List Number" if block.ordered else "List Bullet"
    for item in block.items:
        document.add_paragraph(item, style=style)


def _shade(parent, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    parent.append(shading)


def _table(document, block: Table) -> None:
    caption = document.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    rows = block.rows or (tuple("None" if i == 0 else "" for i in range(len(block.columns))),)
    table = document.add_table(rows=1 + len(rows), cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(c.width for c in block.columns)
    widths = [Cm(USABLE_WIDTH_CM * c.width / total) for c in block.columns]
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(int(width.twips)))
    header = table.rows[0]
    _repeat_header(header)
    for cell, column, width in zip(header.cells, block.columns, widths):
        _cell(cell, column.title, width, fill=HEADER_FILL, colour="FFFFFF", bold=True)
    for row, values in zip(table.rows[1:], rows):
        for cell, column, width, value in zip(row.cells, block.columns, widths, values):
            fill = grade_fill(value) if column.role == "grade" else None
            _cell(cell, value, width, fill=fill, colour=grade_text(value) if fill else None)
    document.add_paragraph()


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _cell(cell, text: str, width, fill: str | None = None, colour: str | None = None, bold: bool = False) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(10)
    run.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if fill:
        _shade(cell._tc.get_or_add_tcPr(), fill)


def _chart(document, block: Chart) -> None:
    document.add_paragraph(block.title, style="Caption").paragraph_format.keep_with_next = True
    document.add_picture(io.BytesIO(render_png(block)), width=Cm(USABLE_WIDTH_CM))
    drawing = document.paragraphs[-1]._p.xpath(".//wp:docPr")
    for doc_pr in drawing:
        doc_pr.set("descr", block.alt_text)
        doc_pr.set("title", block.title)


WRITE = {Paragraph: _paragraph, BulletList: _list, Table: _table, Chart: _chart}
