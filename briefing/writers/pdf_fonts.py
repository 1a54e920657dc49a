"""Fonts for the PDF: DejaVu Sans where the system has it (wide Unicode coverage), else the
Bitstream Vera fonts that ship inside reportlab, so a PDF can always be written."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

CANDIDATES = (
    (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
     Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf")),
    (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
     Path(reportlab.__file__).parent / "fonts" / "VeraIt.ttf"),
)


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str, str]:
    """Registered names of the regular, bold and italic faces."""
    for regular, bold, italic in CANDIDATES:
        if regular.exists() and bold.exists() and italic.exists():
            names = ("Briefing", "Briefing-Bold", "Briefing-Italic")
            for name, path in zip(names, (regular, bold, italic)):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily("Briefing", normal=names[0], bold=names[1], italic=names[2],
                                          boldItalic=names[1])
            return names
    return ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique")
