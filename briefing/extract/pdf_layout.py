"""A PDF page's text as lines, with paragraph gaps, indents and table cells kept.

pdfium (pypdfium2, Apache-2.0/BSD: a wheel with no system dependency) gives a page's text
in the order the page draws it, which is the reading order of the documents offices have
(one, two or three columns, each drawn top to bottom), with a line break wherever the
text moves to a new line. Only each line's first and last character are placed, so a page
costs what its lines cost. From those places:
- a blank line where the gap to the line above is wider than the usual line spacing, or
  where the text moves back up the page (the next column): a paragraph ends there;
- a tab at the start of a line set in from its column's left edge (a list, a table's later
  column), a space for a small step in;
- a tab inside a line where pdfium joined two pieces far apart (a table's cells).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Line(NamedTuple):
    """A placed line: a named tuple, as a page's lines are made thousands of times a report
    (a third of a frozen dataclass's cost to make)."""

    x0: float  # where its first character starts
    y: float  # its first character's baseline, up the page
    size: float  # about the font size
    text: str  # with a tab where cells stand apart


def left_edges(pages: list[list[Line]]) -> list[float]:
    """Where the document's columns begin: the x at which a tenth or more of all its lines
    start (one edge for one column, two for two). A line's indent is measured from the
    nearest edge to its left, so a page that holds only an indented list keeps its indents."""
    counts: dict[int, int] = {}
    total = 0
    for lines in pages:
        for line in lines:
            counts[round(line.x0 / 4)] = counts.get(round(line.x0 / 4), 0) + 1
            total += 1
    edges = sorted(k * 4.0 for k, n in counts.items() if n >= max(3, total // 10))
    return edges or [0.0]


def page_text(lines: list[Line], edges: list[float] = (0.0,)) -> str:
    """The page as text: one line each, blank lines at paragraph and column breaks."""
    if not lines:
        return ""
    out: list[str] = []
    for column in _columns(lines):
        if out and _continues(out[-2] if len(out) > 1 else "", column[0].text):
            out.pop()  # a sentence running on into the next column stays one paragraph
        gaps = sorted(a.y - b.y for a, b in zip(column, column[1:]) if a.y > b.y)
        usual = gaps[len(gaps) // 10] if gaps else 0  # line spacing: among the smallest gaps
        for i, line in enumerate(column):
            if i and usual and column[i - 1].y - line.y > usual * 1.45:
                out.append("")
            left = max((e for e in edges if e <= line.x0 + 3), default=min(edges))
            out.append(_indent(line.x0 - left, line.size) + line.text)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _columns(lines: list[Line]) -> list[list[Line]]:
    """The lines cut where the text moves back up the page by more than a line: a new
    column (or a new frame: a sidebar, a table beside the text)."""
    out: list[list[Line]] = [[lines[0]]]
    for before, line in zip(lines, lines[1:]):
        if line.y > before.y + max(line.size, before.size):
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _indent(offset: float, size: float) -> str:
    """A line's start as the text layer had it: a tab for an indented line (a list, a
    table's later column), a space for a small step in (a space the page began it with)."""
    if offset > 30:
        return "\t"
    return " " if size and offset > size * 0.2 else ""


def _continues(last: str, first: str) -> bool:
    """The next column (or page) starts mid-sentence: the last line ends with no stop and
    the next begins in lower case."""
    return bool(last.strip()) and not re.search(r"[.:;?!\"')]\s*$", last) and bool(re.match(r"\s*[a-z(]", first))
