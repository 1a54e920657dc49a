"""Plain-text tables that fit an 80-column terminal, wrapping long cells."""

from __future__ import annotations

import shutil
import textwrap


def terminal_width(default: int = 80) -> int:
    return max(60, min(shutil.get_terminal_size((default, 24)).columns, 200))


def _widths(headers: list[str], rows: list[list[str]], total: int) -> list[int]:
    """Each column gets its longest word; the rest of the width goes by content length."""
    columns = list(zip(headers, *rows))
    natural = [max(len(c) for c in col) for col in columns]
    available = total - 2 * (len(headers) - 1)
    if sum(natural) <= available:
        return natural
    floor = [min(n, max((len(w) for c in col for w in c.split()), default=1), 16)
             for n, col in zip(natural, columns)]
    widths = [n if n <= available // 4 else f for n, f in zip(natural, floor)]  # short columns stay whole
    spare = available - sum(widths)
    wants = {i: natural[i] - widths[i] for i in range(len(widths)) if natural[i] > widths[i]}
    total_want = sum(wants.values()) or 1
    for i, want in wants.items():
        widths[i] += max(0, min(want, spare * want // total_want))
    return widths


def format_table(headers: list[str], rows: list[list], width: int | None = None) -> str:
    """Columns sized to their content; the widest ones wrap so the table fits the width."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = _widths(headers, rows, width or terminal_width())
    heads = [textwrap.wrap(h, w) or [""] for h, w in zip(headers, widths)]  # a long heading wraps like a cell
    lines = [_line([h[i] if i < len(h) else "" for h in heads], widths) for i in range(max(len(h) for h in heads))]
    lines.append(_line(["-" * w for w in widths], widths))
    for row in rows:
        wrapped = [textwrap.wrap(cell, w) or [""] for cell, w in zip(row, widths)]
        for i in range(max(len(c) for c in wrapped)):
            lines.append(_line([c[i] if i < len(c) else "" for c in wrapped], widths))
    return "\n".join(line.rstrip() for line in lines)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths))
