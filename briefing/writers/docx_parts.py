"""Pieces of a Word document written directly: a paragraph in a built-in style and a table
cell as XML (python-docx's cell-by-cell calls cost more than the rest of the document)."""

from __future__ import annotations

from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

USABLE_WIDTH_CM = 17.0

_STYLE_IDS: WeakKeyDictionary = WeakKeyDictionary()  # a document's styles (XML element) -> {name: style id}


def styled(document, text: str, style: str):
    """A paragraph in a built-in style, as add_heading(text) or add_paragraph(text, style)
    make it, without python-docx comparing the style with the default one by walking every
    style of the document (a quarter of the Word document's time)."""
    paragraph = document.add_paragraph(text)
    paragraph._p.style = style_id(document, style)
    return paragraph


def style_id(document, name: str) -> str:
    """The id of the document's style `name`, looked up once per document: python-docx finds
    a style by name with an XPath query over every style, each time (7 ms of the Word
    writer's CPU for the seventy paragraphs of a pack in a built-in style)."""
    styles = document.styles
    ids = _STYLE_IDS.setdefault(styles.element, {})
    if name not in ids:
        ids[name] = styles[name].style_id
    return ids[name]


def cell_xml(text: str, width: int, fill: str | None, colour: str | None, bold: bool = False,
             half_points: int = 20, italic: bool = False, keep_next: bool | None = None) -> str:
    """One cell; `keep_next` (True or False) marks a grid's cell: tight, and kept with the next row or not."""
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    props = (("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
             + f'<w:sz w:val="{half_points}"/>')
    lines = text.split("\n")
    runs = '<w:br/>'.join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    grid = "" if keep_next is None else f'<w:pPr>{"<w:keepNext/>" if keep_next else ""}<w:spacing w:after="0"/></w:pPr>'
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p>{grid}<w:r><w:rPr>{props}</w:rPr>{runs}</w:r></w:p></w:tc>')
