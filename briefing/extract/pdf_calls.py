"""The pdfium functions called for every line and every space of a page, declared to take
plain addresses and numbers.

Why: pypdfium2's bindings declare each pointer argument with its own type, and ctypes
checks that type at every call: 1.3 µs a call against 0.5 µs for the same C function
declared with untyped pointers (ctypes.c_void_p). A page's spaces and lines make most of
those calls (the 105-page report of benchmarks/bench_extract.py: 51,756 spaces asked
whether pdfium put them there, 5,630 lines placed and checked for ink), so this is a fifth
of reading its pages. The functions, their arguments and their answers are pypdfium2's
own; only the declaration differs. The boxes and colours are read into buffers made once
per process (a reader reads one page at a time), the colours into the caller's.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c  # loaded only to read a PDF, as extract.pdf_pages is
from pypdfium2 import PdfiumError

_ADDRESS, _INT = ctypes.c_void_p, ctypes.c_int


def _plain(fn, restype, *argtypes):
    """pypdfium2's C function `fn`, declared with these (untyped) arguments."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_generated = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _ADDRESS, _INT)
_loose_box = _plain(pdfium_c.FPDFText_GetLooseCharBox, _INT, _ADDRESS, _INT, _ADDRESS)
_tight_box = _plain(pdfium_c.FPDFText_GetCharBox, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS)
_fill = _plain(pdfium_c.FPDFText_GetFillColor, _INT, _ADDRESS, _INT, _ADDRESS, _ADDRESS, _ADDRESS, _ADDRESS)
_text_object = _plain(pdfium_c.FPDFText_GetTextObject, _ADDRESS, _ADDRESS, _INT)
_render_mode = _plain(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _ADDRESS)

_RECT = pdfium_c.FS_RECTF()
_DOUBLES = tuple(ctypes.c_double() for _ in range(4))
_RECT_AT = ctypes.addressof(_RECT)
_DOUBLES_AT = tuple(ctypes.addressof(d) for d in _DOUBLES)


class Chars:
    """A text page's characters, asked of pdfium as pypdfium2's PdfTextPage asks (the same
    answers, the same error where a box cannot be had)."""

    def __init__(self, textpage):
        self.at = ctypes.cast(textpage.raw, ctypes.c_void_p).value  # valid while the text page is open

    def generated(self, index: int) -> bool:
        """Whether pdfium put the character there (a space or a line break of its own)."""
        return _generated(self.at, index) == 1

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top): PdfTextPage.get_charbox(index)."""
        if not _tight_box(self.at, index, *_DOUBLES_AT):
            raise PdfiumError("Failed to get charbox.")
        left, right, bottom, top = (d.value for d in _DOUBLES)  # pdfium's order: left, right, bottom, top
        return left, bottom, right, top

    def loose_box(self, index: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top): PdfTextPage.get_charbox(index, loose=True)."""
        if not _loose_box(self.at, index, _RECT_AT):
            raise PdfiumError("Failed to get charbox.")
        return _RECT.left, _RECT.bottom, _RECT.right, _RECT.top

    def fill(self, index: int, rgba_at: tuple[int, int, int, int]) -> None:
        """The character's fill colour written to the four unsigned ints at these addresses
        (left as they were where pdfium has none, as its own binding leaves them)."""
        _fill(self.at, index, *rgba_at)

    def render_mode(self, index: int) -> int:
        """The render mode of the character's text object (pdfium's -1 where it has none)."""
        return _render_mode(_text_object(self.at, index))
