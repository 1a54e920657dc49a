"""The Briefing as a Word document an analyst can edit the evening before a meeting.

Built-in heading styles (so the navigation pane and the table of contents work), header
rows that repeat across pages, alt text on the chart, the protective marking in every
page header and footer, "Page X of Y", and title/author/subject/language properties.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

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
from briefing.writers.chart_image import render_png
from briefing.writers.docx_figures import write_grid, write_points, write_quote
from briefing.writers.docx_fit import fit_page_one
from briefing.writers.docx_parts import USABLE_WIDTH_CM, cell_xml, style_id, styled
from briefing.writers.style import CAVEAT_FILL, FONT, HEADER_FILL, column_widths, grade_fill, grade_text

SUFFIX = ".docx"
# Width of one character of 10 pt Arial in cm, generously (Word has no metrics here):
# 0.6 em regular, 0.65 em bold; an office suite that substitutes a wider font still fits.
CELL_EM, HEAD_EM = 10 * 0.6 * 2.54 / 72, 10 * 0.65 * 2.54 / 72


def _measure(em_cm: float):
    return lambda words: max((len(w) * em_cm for w in words), default=0.0)


def render(briefing: Briefing, path: Path) -> None:
    document = docx.Document()
    _setup(document, briefing)
    styled(document, briefing.metadata.title, "Title")
    summary = sum(1 for _ in itertools.takewhile(lambda s: s.ends_page, briefing.sections))  # page 1, before the contents
    for i, section in enumerate(briefing.sections):
        if i == summary:
            _contents(document, [s.title for s in briefing.sections if s.level == 1])
        styled(document, section.title, f"Heading {section.level}")
        start, first = len(document.paragraphs), len(document.element.body)
        for block, after in itertools.zip_longest(section.blocks, section.blocks[1:]):
            WRITE[type(block)](document, block)
            if isinstance(block, Paragraph) and isinstance(after, (Table, Chart)):
                # a table's one-line introduction moves with it, as its caption does
                document.paragraphs[-1].paragraph_format.keep_with_next = True
        if section.ends_page:
            fit_page_one(document, start, first)  # page 1 holds on its page
    document.save(str(path))


def _setup(document, briefing: Briefing) -> None:
    meta = briefing.metadata
    props = document.core_properties
    props.title, props.author, props.subject = _prop(meta.title), _prop(meta.author), _prop(meta.subject)
    props.language, props.keywords = meta.language, _prop(", ".join(meta.keywords))
    props.comments, props.version = _prop(f"Marking: {meta.marking}"), _prop(meta.version)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    document.styles["Title"].font.size = Pt(20)  # the template's 28 pt takes three lines of page 1
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


def _prop(value: str) -> str:
    """Word's document properties hold at most 255 characters; the full text is in the body."""
    return value if len(value) <= 255 else value[:254] + "\u2026"


def _marking(paragraph, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True


def _field_start(paragraph, instruction: str) -> None:
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


def _field_end(paragraph) -> None:
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    _field_start(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_end(paragraph)


CONTENTS_NOTE = ("Page numbers appear in this list once it is updated: in Word, right-click it and choose "
                 "Update Field; in LibreOffice, choose Tools, Update, Update All.")


def _contents(document, titles: list[str]) -> None:
    """A table of contents field whose shown result already lists the main headings, so the
    document opens without asking to update fields; Word refreshes it with page numbers
    on "Update Field"."""
    heading = document.add_paragraph("Contents", style="TOC Heading" if "TOC Heading" in document.styles else None)
    # after page 1's summary the contents start a page (a break paragraph could spill onto a blank page of its own)
    heading.paragraph_format.page_break_before = len(document.paragraphs) > 2
    paragraphs = [document.add_paragraph() for _ in titles or [""]]
    _field_start(paragraphs[0], 'TOC \\o "1-2" \\h \\z \\u')
    for paragraph, title in zip(paragraphs, titles):
        paragraph.add_run(title)
    _field_end(paragraphs[-1])
    note = document.add_paragraph(CONTENTS_NOTE)
    for run in note.runs:
        run.italic, run.font.size = True, Pt(10)


def _paragraph(document, block: Paragraph) -> None:
    p = document.add_paragraph(block.text)
    p.paragraph_format.keep_with_next = block.leads_in or None
    if block.style == "caveat":
        _shade(p._p.get_or_add_pPr(), CAVEAT_FILL)
        for run in p.runs[:1]:
            run.italic = True
    elif block.style == "lead":
        for run in p.runs:
            run.bold = True


def _link(document, block: Link) -> None:
    """The lead, then the title as a hyperlink (Word's own Hyperlink style); an address that
    is not http(s) is shown as text."""
    p = document.add_paragraph(f"{block.lead} ")
    if not block.safe:
        p.add_run(f"{block.text} ({block.url})")
        return
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = p.part.relate_to(block.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "1D4E89"), ("w:u", "single")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = block.text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    p._p.append(link)


def _list(document, block: BulletList) -> None:
    style = "List Number" if block.ordered else "List Bullet"
    items = [styled(document, item, style) for item in block.items]
    if block.ordered:
        _restart_numbering(document, items)


def _restart_numbering(document, items) -> None:
    """Word numbers every "List Number" paragraph of a document as one list, so the questions
    after page 1's two recommendations would start at 3: each ordered list gets its own
    numbering instance, started at 1."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.xpath(f'./w:num[@w:numId="{style_num}"]/w:abstractNumId/@w:val')[0]
    num_id = max(int(n) for n in numbering.xpath("./w:num/@w:numId")) + 1
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for item in items:
        number = item._p.get_or_add_pPr().get_or_add_numPr()  # in the schema's place, after the style
        number.get_or_add_ilvl().val, number.get_or_add_numId().val = 0, num_id


def _shade(parent, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    parent.append(shading)


def _table(document, block: Table) -> None:
    """The table's XML is written in one pass and parsed once: python-docx's cell-by-cell
    calls cost more than the rest of the document together."""
    caption = styled(document, block.caption, "Caption")
    caption.paragraph_format.keep_with_next = True
    rows = [tuple(display(v) for v in row) for row in block.rows] or \
        [tuple("None" if i == 0 else "" for i in range(len(block.columns)))]
    widths = column_widths(block.columns, [list(r) for r in rows], USABLE_WIDTH_CM,
                           _measure(CELL_EM), _measure(HEAD_EM), padding=0.45)
    twips = [int(Cm(w).twips) for w in widths]
    style = style_id(document, "Table Grid")
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" '
           'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
           *(f'<w:gridCol w:w="{t}"/>' for t in twips), "</w:tblGrid>",
           '<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>',
           *(cell_xml(c.title, t, HEADER_FILL, "FFFFFF", bold=True) for c, t in zip(block.columns, twips)), "</w:tr>"]
    for values in rows:
        # a row moves whole to the next page, as in the PDF, unless it could be taller than a page
        xml.append('<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>' if sum(map(len, values)) < 1500 else "<w:tr>")
        for column, width, value in zip(block.columns, twips, values):
            fill = grade_fill(value) if column.role == "grade" else None
            xml.append(cell_xml(value, width, fill, grade_text(value) if fill else None))
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    document.element.body._insert_tbl(parse_xml("".join(xml)))
    document.add_paragraph()


def _chart(document, block: Chart) -> None:
    styled(document, block.title, "Caption").paragraph_format.keep_with_next = True
    document.add_picture(io.BytesIO(render_png(block)), width=Cm(USABLE_WIDTH_CM))
    drawing = document.paragraphs[-1]._p.xpath(".//wp:docPr")
    for doc_pr in drawing:
        doc_pr.set("descr", block.alt_text)
        doc_pr.set("title", block.title)


WRITE = {Paragraph: _paragraph, Link: _link, BulletList: _list, Table: _table, Chart: _chart,
         GradeGrid: write_grid, Points: write_points, Quote: write_quote}
