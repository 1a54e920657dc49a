"""Build PDFs from text for the extraction tests: one or two columns, running headers."""

from __future__ import annotations

import textwrap
from pathlib import Path

from briefing.extract.reader import _DASHES

MARGIN, GAP = 40, 24


def seed_lines(path: Path) -> list[str]:
    """A seed's lines as a reader would see them printed: Markdown markup removed."""
    from briefing.extract.reader import _markdown_text

    text = path.read_text(encoding="utf-8")
    return _markdown_text(text).splitlines() if path.read_text(encoding="utf-8").lstrip().startswith("#") or \
        "\n# " in text else text.splitlines()


def build_pdf(lines: list[str], path: Path, columns: int = 1, header: str = "", font_size: float = 8) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    col_w = (width - 2 * MARGIN - (columns - 1) * GAP) / columns
    leading = font_size * 1.35
    chars = int(col_w / (font_size * 0.52))
    state = {"col": 0, "y": height - MARGIN - 24, "page": 1}

    def furniture():
        canvas.setFont("Helvetica", 7)
        if header:
            canvas.drawString(MARGIN, height - MARGIN + 6, header)
        canvas.drawCentredString(width / 2, MARGIN - 20, str(state["page"]))
        canvas.setFont("Helvetica", font_size)

    def advance(step: float):
        state["y"] -= step
        if state["y"] < MARGIN:
            state["col"] += 1
            state["y"] = height - MARGIN - 24
            if state["col"] >= columns:
                canvas.showPage()
                state["col"], state["page"] = 0, state["page"] + 1
                furniture()

    furniture()
    for raw in lines:
        text = raw.lstrip("#").strip(" ") if raw.startswith("#") else raw.rstrip()
        text = text.translate(_DASHES).encode("cp1252", "replace").decode("cp1252")  # what Helvetica can draw
        if not text.strip():
            advance(leading)
            continue
        cells = text.split("\t")
        if len(cells) > 1:
            for i, cell in enumerate(cells):
                canvas.drawString(MARGIN + state["col"] * (col_w + GAP) + i * col_w / len(cells), state["y"],
                                  cell.strip())
            advance(leading)
            continue
        for piece in textwrap.wrap(text, chars) or [text]:
            canvas.drawString(MARGIN + state["col"] * (col_w + GAP), state["y"], piece)
            advance(leading)
    canvas.save()
    return path
