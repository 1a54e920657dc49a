"""The grade chart as vector graphics in the PDF, with its alt text attached."""

from __future__ import annotations

import textwrap

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.document.model import Chart
from briefing.writers.style import OLD_FILL, grade_fill, legend

ROW, LABEL_W, BAR_H = 30, 150, 11
LEGEND_ROW, LEGEND_GAP = 11, 12  # a legend line's height, and the room between the last bar's label and the legend


def chart_drawing(chart: Chart, width: float, font: str) -> Drawing:
    """Bars from the top, the legend below them in as many lines as it needs: the last bar's
    grade word sits LEGEND_GAP above the legend's first line, whatever the grades."""
    items = legend(chart, lambda t: stringWidth(t, font, 7.5), width)
    lines = 1 + max(row for _, row, _, _ in items)
    base = lines * LEGEND_ROW + LEGEND_GAP
    height = ROW * len(chart.bars) + 20 + base
    drawing = Drawing(width, height)
    drawing.setProperties({"title": chart.title, "description": chart.alt_text})
    plot_w = width - LABEL_W - 90
    for i, bar in enumerate(chart.bars):
        y = height - 20 - (i + 1) * ROW
        label = textwrap.wrap(bar.label, 32)[:3]  # a third line ("as good use of resources, in part") set higher
        for j, line in enumerate(label):
            drawing.add(String(0, y + 16 + 4 * (len(label) > 2) - j * 9, line, fontName=font, fontSize=7.5))
        for k, (rank, grade, fill, words) in enumerate(((bar.old_rank, bar.old_grade, OLD_FILL, bar.old_words),
                                                        (bar.new_rank, bar.new_grade, None, bar.new_words))):
            by = y + 13 - k * (BAR_H + 2)
            if rank is None:
                drawing.add(String(LABEL_W, by + 2, words, fontName=font, fontSize=7,
                                   fillColor=colors.HexColor("#505A5F")))
                continue
            length = plot_w * (rank + 1) / len(chart.scale)
            colour = colors.HexColor(f"#{fill or grade_fill(grade) or '1D70B8'}")
            drawing.add(Rect(LABEL_W, by, length, BAR_H, fillColor=colour, strokeColor=None))
            drawing.add(String(LABEL_W + length + 4, by + 2, grade, fontName=font, fontSize=7))
    for x, row, label, fill in items:
        y = (lines - 1 - row) * LEGEND_ROW + 2
        if fill:
            drawing.add(Rect(x, y, 8, 8, fillColor=colors.HexColor(f"#{fill}"), strokeColor=None))
            x += 11
        drawing.add(String(x, y + 1, label, fontName=font, fontSize=7.5))
    return drawing
