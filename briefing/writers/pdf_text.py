"""Text as reportlab sets it: escaped, cut into pieces whose cost stays linear in their
length, and words too wide for a cell broken after their separators rather than mid-letter;
paragraphs parsed and broken into lines no more often than their text and width require."""

from __future__ import annotations

import copy
import re
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

GIANT_CELL = 3000  # characters; a longer cell is set below its table, where text flows freely
PIECE = 2000  # characters per paragraph flowable; reportlab's wrapping and page splitting
# grow with the square of a paragraph's length, so longer text is set as several pieces


class RLParagraph(Paragraph):
    """reportlab's paragraph, read without its markup parser where it has no markup, and its
    lines broken once for each width it is given in turn.

    Nine in ten of a pack's paragraphs (table cells mostly) are plain text: reportlab's parser
    gives such a text one fragment, a copy of what its style gives any plain text, holding the
    text. That fragment is made here, from one parse of the style, without running the parser
    (an HTML parser) over every cell.

    A table wraps every cell to measure its rows, again when it is split across pages, and
    again to draw it: most cells of the pack were broken into lines three times, the same
    lines each time, since a paragraph's lines depend on its width and nothing else (the
    height offered is not read). Asked again at the width it was last wrapped to, with those
    lines still its own (reportlab drops them when a paragraph will not split), it answers
    from that wrapping."""

    _wrapped: tuple = (None, None, None)  # the width, the size and the lines of the last wrapping

    def __init__(self, text: str | None, style: ParagraphStyle, **options):
        plain = cleanBlockQuotedText(text) if _plain(text) and not options else ""  # cleaned as reportlab cleans it
        if not plain:
            super().__init__(text, style, **options)
            return
        fragment = copy.copy(_plain_fragment(style))
        fragment.text = plain
        textTransformFrags([fragment], style)
        super().__init__(plain, style, frags=[fragment])

    def wrap(self, availWidth, availHeight):
        width, size, lines = self._wrapped
        if width == availWidth and lines is not None and lines is self.__dict__.get("blPara"):
            return size
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


# style -> the fragment reportlab's parser gives its plain text (a style is never changed once made)
_FRAGMENTS: WeakKeyDictionary = WeakKeyDictionary()


def _plain(text) -> bool:
    """Text reportlab's parser would find no tag or entity in."""
    return isinstance(text, str) and "<" not in text and "&" not in text


def _plain_fragment(style: ParagraphStyle):
    if style not in _FRAGMENTS:
        _FRAGMENTS[style] = ParaParser().parse("x", style)[1][0]
    return _FRAGMENTS[style]


def text(value: str) -> str:
    """Escape for reportlab's paragraph markup and keep line breaks."""
    return escape(value).replace("\n", "<br/>")


def pieces(value: str) -> list[str]:
    """The text in runs of at most PIECE characters, cut at a space where there is one."""
    out = []
    while len(value) > PIECE:
        cut = value.rfind(" ", PIECE // 2, PIECE)
        cut = cut if cut > 0 else PIECE
        out.append(value[:cut])
        value = value[cut:].lstrip(" ")
    return [*out, value]


def paras(value: str, style: ParagraphStyle) -> list:
    """Paragraph flowables for the text; pieces after the first continue without a gap."""
    parts = pieces(value)
    if len(parts) == 1:
        return [RLParagraph(text(value), style)]
    joined = ParagraphStyle(f"{style.name}-joined", parent=style, spaceBefore=0, spaceAfter=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    return [RLParagraph(text(part), style if i == 0 else (last if i == len(parts) - 1 else joined))
            for i, part in enumerate(parts)]


def cell_content(value: str, style: ParagraphStyle):
    flowables = paras(value, style)
    return flowables[0] if len(flowables) == 1 else flowables


CELL_PADDING = 4
SEPARATOR = re.compile(r"(?<=[/\-_.:])(?=.)")  # where an id or address may break: after / - _ . :


def break_at_separators(word: str, width: float, style: ParagraphStyle) -> str:
    """A word too wide for its cell, broken into lines after its separators ("peel-2023-25/" then
    "AFI-3f9a2c") rather than wherever reportlab's long-word rule would cut it."""
    lines, line = [], ""
    for part in SEPARATOR.split(word):
        if line and stringWidth(line + part, style.fontName, style.fontSize) > width:
            lines.append(line)
            line = part
        else:
            line += part
    return "\n".join([*lines, line])


def breakable(value: str, width: float, style: ParagraphStyle) -> str:
    """The cell's text with each word wider than the cell broken at its separators."""
    if len(value) > GIANT_CELL:
        return value
    narrowest = style.fontSize * 0.25  # no character of the font is narrower: shorter words fit without measuring
    return "".join(break_at_separators(w, width, style)
                   if len(w) * narrowest > width and stringWidth(w, style.fontName, style.fontSize) > width else w
                   for w in re.split(r"(\s+)", value))


