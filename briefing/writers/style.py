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
EDITABLE_FILL = "00703C"  # green: a column people fill in (the tracker)
HEADER_FILL = "1F3B5C"
OLD_FILL = "B1B4B6"  # the earlier inspection's bar: grey, so only the later bar's colour means a grade
CAVEAT_FILL = "FFF4CC"
FONT = "Arial"


def grade_fill(text: str) -> str | None:
    return GRADE_FILL.get(text.strip().lower())


def grade_text(text: str) -> str:
    return GRADE_TEXT.get(text.strip().lower(), "FFFFFF")


def legend(chart, measure, width: float, swatch: float = 11,
           gap: float = 10) -> list[tuple[float, int, str, str | None]]:
    """(x, row, label, swatch colour) for a legend that matches the bars: the earlier grade is
    grey; the later bar's colour is its grade, with one swatch per grade shown. An item that
    would run past `width` starts the next row, so five grades never run off the page."""
    used = [g for g in chart.scale[::-1] if any(b.new_grade == g for b in chart.bars)]
    items = [(f"{chart.old_name} (upper bar)", OLD_FILL), (f"{chart.new_name} (lower bar):", None)]
    items += [(g, grade_fill(g)) for g in used]
    out, x, row = [], 0.0, 0
    for label, fill in items:
        size = (swatch if fill else 0) + measure(label)
        if x and x + size > width:
            x, row = 0.0, row + 1
        out.append((x, row, label, fill))
        x += size + gap
    return out


def _longest_words(values) -> list[str]:
    """The few longest words (by characters) of some cells: the only candidates for widest."""
    return sorted({w for v in values for w in v.split()}, key=len, reverse=True)[:6]


def column_widths(columns, rows: list[list[str]], width: float, measure_cell, measure_head,
                  padding: float) -> list[float]:
    """Widths in proportion to the columns' weights, but never narrower than a column's
    longest word, so no word breaks inside a cell. `measure_*` give the widest of some
    words in the writer's own units. Where even that cannot fit (a hostile 5,000-letter
    word) the proportional widths stand and the writer wraps the word."""
    total = sum(c.width for c in columns)
    need = [max(measure_cell(_longest_words([r[i] for r in rows])), measure_head(_longest_words([c.title])))
            + padding for i, c in enumerate(columns)]
    if sum(need) > width:
        return [width * c.width / total for c in columns]
    fixed: dict[int, float] = {}
    while True:
        free = width - sum(fixed.values())
        weight = sum(c.width for i, c in enumerate(columns) if i not in fixed)
        short = {i: need[i] for i, c in enumerate(columns) if i not in fixed and free * c.width / weight < need[i]}
        if not short:
            return [fixed.get(i, free * c.width / weight) for i, c in enumerate(columns)]
        fixed.update(short)


GAP_FILL = "F3F2F1"  # a grid cell whose inspection graded the area but the source on file does not say how
MUTED = "505A5F"  # "not graded": the framework has no grade to give (7:1 on white)


def grid_colours(cell) -> tuple[str | None, str]:
    """(fill or None, text colour) for a grade grid cell, by its state; the word is always printed."""
    if cell.state == "graded":
        return grade_fill(cell.grade), grade_text(cell.grade)
    if cell.state == "not-graded":
        return None, MUTED
    return GAP_FILL, "0B0C0C"
