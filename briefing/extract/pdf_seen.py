"""A PDF page's text as a reader sees it: turned upright where the page or its text is
turned, and without what no one can see (extract.visible: invisible, transparent or white
text on a white page, text drawn off the page, text at no size).

Why turn: pdfium orders a page's text for the way the page is shown, so a page whose
/Rotate turns its text on its side comes out in a scrambled order, and a page whose text is
drawn turned gives lines that run up the page, which the layout (extract.pdf_layout) would
read as a column per line. The page is shown the way its text runs, and every box is turned
into the text's own frame: lines run left to right and follow each other down the page.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter

from briefing.extract.pdf_calls import Chars
from briefing.extract.visible import WHITE, why_unseen

INVISIBLE_MODES = {3, 7}  # PDF text render modes that paint nothing (7 only clips)
_RGBA = tuple(ctypes.c_uint() for _ in range(4))  # pdfium's answers, read at once: made once, not for every page
_RGBA_AT = tuple(ctypes.addressof(part) for part in _RGBA)
IMAGE, PATH, FORM = 3, 2, 5  # pdfium's page object types


def turned_text(page):
    """The page's text page and the quarter turn (0, 90, 180, 270) its text is drawn at, the
    page shown so that its text runs across it."""
    textpage = page.get_textpage()
    turn = _turn(textpage)
    if turn != page.get_rotation():
        textpage.close()
        page.set_rotation(turn)
        textpage = page.get_textpage()
    return textpage, turn


def _turn(textpage) -> int:
    """The quarter turn most of the page's characters are drawn at (pdfium's angle, clockwise)."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    angles = Counter()
    for index in range(0, count, max(1, count // 9)):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
        if angle >= 0:
            angles[round(math.degrees(angle) / 90) % 4 * 90] += 1
    return angles.most_common(1)[0][0] if angles else 0


def upright(box: tuple[float, float, float, float], turn: int) -> tuple[float, float, float, float]:
    """A box (left, bottom, right, top) in the frame of text drawn at `turn`: its lines run
    left to right and follow each other downwards."""
    left, bottom, right, top = box
    if turn == 270:  # text running up the page
        return bottom, -right, top, -left
    if turn == 90:  # text running down the page
        return -top, left, -bottom, right
    if turn == 180:
        return -right, -top, -left, -bottom
    return box


class Sight:
    """Whether a line of a page would be seen: its ink (extract.visible), and what lies
    behind it, found once a page and only where a line's ink needs it."""

    def __init__(self, page, textpage):
        import pypdfium2.raw as pdfium_c

        self.page, self.textpage, self.c = page, textpage, pdfium_c
        self.chars = Chars(textpage)
        left, bottom, right, top = page.get_cropbox()
        self.bounds = (left - 2, bottom - 2, right + 2, top + 2)
        self._behind: list | None = None
        self._rgba = _RGBA
        self._rgba_at = _RGBA_AT

    def unseen(self, index: int, box, size: float) -> str:
        """Why the line whose first character is `index` (at `box`, its text `size` high) is
        not seen, or ""."""
        left, bottom, right, top = box
        x0, y0, x1, y1 = self.bounds
        if not (right > x0 and left < x1 and top > y0 and bottom < y1):
            return why_unseen(None, 0, WHITE, size, on_page=False)
        r, g, b, a = self._rgba
        self.chars.fill(index, self._rgba_at)
        mode = self.chars.render_mode(index)
        colour, alpha = (None if mode in INVISIBLE_MODES else (r.value, g.value, b.value)), a.value / 255
        why = why_unseen(colour, alpha, WHITE, size)
        if not why:
            return ""
        background = self._background(box)
        if background is None:  # a picture behind: a scan's OCR layer, a caption on a photo
            return ""
        return why_unseen(colour, alpha, background, size)

    def _background(self, box) -> tuple[int, int, int] | None:
        """What lies behind a box: WHITE (the page), a filled shape's colour, or None for a
        picture or anything else that cannot be known."""
        if self._behind is None:
            self._behind = list(self._objects(self.page.raw, self.c.FPDFPage_CountObjects,
                                              self.c.FPDFPage_GetObject))
        left, bottom, right, top = box
        colour = WHITE
        for kind, fill, (l, b, r, t) in self._behind:
            if l <= right and r >= left and b <= top and t >= bottom:
                if kind != PATH:
                    return None
                colour = fill
        return colour

    def _objects(self, parent, count, get):
        c = self.c
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind not in (IMAGE, PATH, FORM):
                continue
            box = [ctypes.c_float() for _ in range(4)]
            if not c.FPDFPageObj_GetBounds(obj, *box):
                continue
            bounds = (box[0].value, box[1].value, box[2].value, box[3].value)
            if kind == PATH:
                fill, stroke = ctypes.c_int(), ctypes.c_int()
                r, g, b, a = self._rgba
                if not (c.FPDFPath_GetDrawMode(obj, fill, stroke) and fill.value and
                        c.FPDFPageObj_GetFillColor(obj, r, g, b, a)) or a.value == 0:
                    continue
                yield PATH, (r.value, g.value, b.value), bounds
            else:
                yield kind, None, bounds
