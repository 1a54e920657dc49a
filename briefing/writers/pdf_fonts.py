"""Fonts for the PDF: DejaVu Sans where the system has it (wide Unicode coverage), else the
Bitstream Vera fonts that ship inside reportlab, so a PDF can always be written."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

CANDIDATES = (
    (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
     Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf")),
    (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
     Path(reportlab.__file__).parent / "fonts" / "VeraIt.ttf"),
)


def _utf16(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 pairs.

    reportlab 4 writes them as five hex digits, which PDF readers decode wrongly, so an
    emoji copied from the PDF came out as something else. The PDF reference asks for
    UTF-16BE here; this is reportlab's function with that one change.
    """
    entries = [f"<{i:02X}> <{_utf16(v)}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end"])


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str, str]:
    """Registered names of the regular, bold and italic faces. Registering them is also
    when reportlab is given the corrected ToUnicode map above (reportlab has no option for
    it, so its function is replaced, here and only here: importing this module changes
    nothing)."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
    for regular, bold, italic in CANDIDATES:
        if regular.exists() and bold.exists() and italic.exists():
            names = ("Briefing", "Briefing-Bold", "Briefing-Italic")
            for name, path in zip(names, (regular, bold, italic)):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily("Briefing", normal=names[0], bold=names[1], italic=names[2],
                                          boldItalic=names[1])
            return names
    return ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique")


def cover(characters: set[str]) -> None:
    """Give every character the fonts lack a code of its own that draws the font's box glyph.

    reportlab sends every missing character to code 0, so an emoji in a finding copied out
    of the PDF as a NUL byte; with its own code the ToUnicode map names the real character,
    and copying, searching and screen readers get the text as written.
    """
    for name in fonts():
        font = pdfmetrics.getFont(name)
        face = getattr(font, "face", None)
        if face is None or not hasattr(face, "charToGlyph"):
            continue  # a standard Type 1 face (Helvetica, the last fallback) maps no glyphs of its own
        for ch in characters:
            face.charToGlyph.setdefault(ord(ch), 0)
