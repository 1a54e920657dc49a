"""The grade chart as a PNG, for formats that embed pictures (Word).

Drawn with Pillow: two bars per area (earlier grade in grey, later in the grade's colour),
each labelled with its grade word so the chart reads without colour.
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from briefing.document.model import Chart
from briefing.writers.style import OLD_FILL, grade_fill, legend

SCALE = 1.5  # drawn larger than shown, for a sharp picture on high-density screens (200 dpi on the page)
WIDTH, ROW, LABEL_W, PAD, LEGEND_ROW = 900, 64, 300, 16, 26


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=round(size * SCALE))


def render_png(chart: Chart) -> bytes:
    s, small = SCALE, _font(15)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1))).textlength
    items = legend(chart, lambda t: measure(t, font=small) / s, WIDTH - PAD * 2, swatch=20, gap=16)
    lines = 1 + max(row for _, row, _, _ in items)
    height = PAD * 3 + 40 + ROW * max(len(chart.bars), 1) + 10 + LEGEND_ROW * lines
    image = Image.new("RGB", (round(WIDTH * SCALE), round(height * SCALE)), "white")
    draw = ImageDraw.Draw(image)
    draw.text((PAD * s, PAD * s), chart.title, fill="#0B0C0C", font=_font(18))
    top = PAD * 2 + 30
    plot_w = WIDTH - LABEL_W - PAD * 2 - 190
    for i, bar in enumerate(chart.bars):
        y = top + i * ROW
        label = textwrap.wrap(bar.label, 30)[:3]  # a third line set higher, clear of the next bar's label
        for j, line in enumerate(label):
            draw.text((PAD * s, (y + 6 - 4 * (len(label) > 2) + j * 19) * s), line, fill="#0B0C0C", font=small)
        for k, (rank, grade, colour, words) in enumerate(((bar.old_rank, bar.old_grade, f"#{OLD_FILL}", bar.old_words),
                                                          (bar.new_rank, bar.new_grade, None, bar.new_words))):
            by = y + 4 + k * 26
            x0 = LABEL_W + PAD
            if rank is None:
                draw.text((x0 * s, by * s), words, fill="#505A5F", font=small)
                continue
            length = plot_w * (rank + 1) / len(chart.scale)
            fill = colour or f"#{grade_fill(grade) or '1D70B8'}"
            draw.rectangle((x0 * s, by * s, (x0 + length) * s, (by + 21) * s), fill=fill)
            draw.text(((x0 + length + 6) * s, (by + 2) * s), grade, fill="#0B0C0C", font=small)
    for x, row, label, fill in items:
        x, legend_y = PAD + x, top + ROW * len(chart.bars) + 10 + row * LEGEND_ROW
        if fill:
            draw.rectangle((x * s, legend_y * s, (x + 14) * s, (legend_y + 16) * s), fill=f"#{fill}")
            x += 20
        draw.text((x * s, legend_y * s), label, fill="#0B0C0C", font=small)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)  # flat colours: level 1 is nearly as small, 5x faster
    return out.getvalue()
