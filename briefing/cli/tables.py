"""Plain-text tables that fit an 80-column terminal, wrapping long cells."""

from __future__ import annotations

import shutil
import textwrap


def terminal_width(default: int = 80) -> int:
    return max(60, min(shutil.get_terminal_size((default, 24)).columns, 120))


def _widths(headers: list[str], rows: list[list[str]], total: int) -> list[int]:
    """Narrow columns keep their width; wide ones share what is left, by their length."""
    natural = [max(len(str(c)) for c in col) for col in zip(headers, *rows)]
    available = total - 2 * (len(headers) - 1)
    if sum(natural) <= available:
        return natural
    widths = list(natural)
    wide = set(range(len(natural)))
    while True:
        share = (available - sum(natural[i] for i in range(len(natural)) if i not in wide)) / max(len(wide), 1)
        narrow = {i for i in wide if natural[i] <= share}
        if not narrow:
            break
        wide -= narrow
    room = available - sum(natural[i] for i in range(len(natural)) if i not in wide)
    weight = sum(natural[i] for i in wide) or 1
    for i in wide:
        widths[i] = max(10, int(room * natural[i] / weight))
    return widths


def format_table(headers: list[str], rows: list[list], width: int | None = None) -> str:
    """Columns sized to their content; the widest ones wrap so the table fits the width."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = _widths(headers, rows, width or terminal_width())
    lines = [_line(headers, widths), _line(["-" * w for w in widths], widths)]
    for row in rows:
        wrapped = [textwrap.wrap(cell, w) or [""] for cell, w in zip(row, widths)]
        for i in range(max(len(c) for c in wrapped)):
            lines.append(_line([c[i] if i < len(c) else "" for c in wrapped], widths))
    return "\n".join(line.rstrip() for line in lines)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths))
