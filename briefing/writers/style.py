"""Presentation shared by the writers: grade colours and fonts. Colour only ever helps:
every grade is also printed as a word."""

from __future__ import annotations

# Fill and text colours per grade, chosen for contrast (WCAG AA) on white paper.
GRADE_FILL = {
    "outstanding": "1D70B8",
    "good": "00703C",
    "adequate": "FFDD00",
    "requires improvement": "F47738",
    "inadequate": "D4351C",
}
GRADE_TEXT = {"adequate": "0B0C0C", "requires improvement": "0B0C0C"}
HEADER_FILL = "1F3B5C"
CAVEAT_FILL = "FFF4CC"
FONT = "Arial"


def grade_fill(text: str) -> str | None:
    return GRADE_FILL.get(text.strip().lower())


def grade_text(text: str) -> str:
    return GRADE_TEXT.get(text.strip().lower(), "FFFFFF")
