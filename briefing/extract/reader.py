"""Any report file -> numbered lines of plain text, each with its line (and PDF page).

PDF text comes from its text layer (pypdf, BSD licensed); running headers and footers
and bare page numbers are dropped. HTML and Markdown lose their markup but keep their
line structure, so every extracted fact can still point at its place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefing import limits
from briefing.cleaning import clean_line
from briefing.errors import InputError
from briefing.limits import read_bounded
from briefing.model import Place

MAX_REPORT_BYTES = limits.REPORT_BYTES
_DASHES = str.maketrans({"\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2019": "'",
                         "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2022": "•", "\uf0b7": "•",
                         "\x7f": "•"})  # pypdf reads some fonts' bullet as DEL


@dataclass(frozen=True)
class SourceLine:
    text: str
    line: int  # 1-based line of the source file, or of the page's text for a PDF
    page: int | None = None

    @property
    def place(self) -> Place:
        """A PDF item is found by its page; a text item by its line."""
        return Place(line=self.line if self.page is None else None, page=self.page)


def read_report(path: Path) -> tuple[list[SourceLine], str]:
    """The report's lines and its kind: pdf, html, markdown or text."""
    name = str(path)
    raw = read_bounded(path, limits.REPORT_BYTES, "report")
    if not raw.strip():
        raise InputError("file is empty", file=name)
    head = raw[:4096]
    if head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return _pdf(raw, name), "pdf"
    if b"\x00" in head:
        raise InputError("binary file, not a report (PDF, text, Markdown or HTML)", file=name)
    text = raw.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() in (".html", ".htm") or re.search(r"<(html|body|p|div|li)\b", text[:5000], re.IGNORECASE):
        return _lines(_html_text(text)), "html"
    if path.suffix.lower() in (".md", ".markdown") or re.search(r"^#{1,6} \S", text, re.MULTILINE):
        return _lines(_markdown_text(text)), "markdown"
    return _lines(text), "text"


def _lines(text: str, page: int | None = None) -> list[SourceLine]:
    """Numbered lines, cleaned; a line longer than any report's paragraph is cut at spaces
    into pieces with the same line number, so no pattern ever sees an unbounded line."""
    out = []
    for i, line in enumerate(text.splitlines(), start=1):
        line = clean_line(line.translate(_DASHES)).rstrip()
        out.extend(SourceLine(piece, i, page) for piece in _pieces(line))
    return out


def _pieces(line: str) -> list[str]:
    if len(line) <= limits.LINE_CHARS:
        return [line]
    pieces = []
    while len(line) > limits.LINE_CHARS:
        cut = line.rfind(" ", 0, limits.LINE_CHARS)
        cut = cut if cut > limits.LINE_CHARS // 2 else limits.LINE_CHARS
        pieces.append(line[:cut])
        line = line[cut:].lstrip()
    return pieces + [line]


def _markdown_text(text: str) -> str:
    """Markup off, one output line per input line so line numbers stay true."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"<sup>[^<]*</sup>", "", line)  # character classes that stop at the next
        line = re.sub(r"</?[a-z][^<>]*>", "", line)  # opener keep every pattern linear on hostile lines
        line = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", line)
        line = re.sub(r"(\*\*|__|\\)", "", line)
        line = re.sub(r"^(#{1,6})\s+", lambda m: "#" * len(m.group(1)) + " ", line)
        out.append(line)
    return "\n".join(out)


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "ul", "ol",
              "table", "header", "footer"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
            if tag.startswith("h") and len(tag) == 2:
                self.parts.append("#" * int(tag[1]) + " ")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _html_text(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    return re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts))


def _pdf(raw: bytes, name: str) -> list[SourceLine]:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on damaged files are not the user's business
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError("encrypted PDF; ask for an unprotected copy", file=name)
            except (NotImplementedError, PdfReadError):
                raise InputError("encrypted PDF; ask for an unprotected copy", file=name) from None
        pages = [_page_text(page) for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", file=name) from None
    if not pages or sum(len(p.strip()) for p in pages) < 40 * max(len(pages), 1) // 10:
        raise InputError("the PDF has no text layer (a scan?); run it through OCR first", file=name)
    return _without_furniture([_lines(text, page=n) for n, text in enumerate(pages, start=1)])


def _page_text(page) -> str:
    """A page's text in reading order, columns one after the other, blank lines at paragraph gaps.

    pypdf hands over text runs with their positions; we rebuild lines from them so that a
    two-column page reads down the left column first and paragraph spacing survives.
    """
    runs: list[tuple[float, float, str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[0] * cm[0]) or 1.0
            runs.append((round(x, 1), round(y, 1), text.replace("\n", " "), (size or 10) * scale))

    page.extract_text(visitor_text=visit)
    if not runs:
        return ""
    width = float(page.mediabox.width)
    columns = _columns(runs, width)
    out: list[str] = []
    for column in columns:
        out.extend(_column_lines(column))
        out.append("")
    return "\n".join(out)


def _columns(runs, width):
    """One column, or two when most lines start either left or right of the middle."""
    middle = width / 2
    left = [r for r in runs if r[0] < middle - 10]
    right = [r for r in runs if r[0] >= middle - 10]
    wide = [r for r in left if r[0] + len(r[2]) * 4.5 > middle + 20]
    if len(right) > len(runs) * 0.25 and len(left) > len(runs) * 0.25 and len(wide) < len(left) * 0.2:
        return [left, right]
    return [runs]


def _column_lines(runs) -> list[str]:
    """Runs on the same baseline joined left to right: a tab where cells stand apart or a
    line is indented (tables, lists of headings), a blank line where the gap is wide."""
    by_line: dict[float, list[tuple[float, str, float]]] = {}
    for x, y, text, size in runs:
        key = next((k for k in by_line if abs(k - y) < 2.0), y)
        by_line.setdefault(key, []).append((x, text, size))
    left = min(x for x, *_ in runs)
    ys = sorted(by_line, reverse=True)
    gaps = [a - b for a, b in zip(ys, ys[1:])]
    usual = sorted(gaps)[len(gaps) // 10] if gaps else 0  # line spacing: among the smallest gaps
    lines: list[str] = []
    for i, y in enumerate(ys):
        if i and usual and (ys[i - 1] - y) > usual * 1.45:
            lines.append("")
        cells = sorted(by_line[y])
        line, end = ("\t" if cells[0][0] > left + 30 else ""), cells[0][0]
        for x, text, size in cells:
            line += ("\t" if x > end + size * 1.5 and line.strip() else "") + text
            end = x + len(text) * size * 0.5
        lines.append(line.rstrip())
    return lines


def _without_furniture(pages: list[list[SourceLine]]) -> list[SourceLine]:
    """Drop page numbers and lines that repeat at the top or bottom of many pages."""
    edges = Counter()
    for lines in pages:
        content = [l for l in lines if l.text.strip()]
        for line in content[:2] + content[-2:]:
            edges[_furniture_key(line.text)] += 1
    repeated = {key for key, count in edges.items() if key and count >= max(3, len(pages) // 3)}
    out: list[SourceLine] = []
    for lines in pages:
        kept = [l for l in lines if not (re.fullmatch(r"\s*(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?\s*", l.text, re.IGNORECASE)
                                         or _furniture_key(l.text) in repeated)]
        while kept and not kept[0].text.strip():
            kept.pop(0)
        while out and not out[-1].text.strip() and kept and _continues(out, kept[0]):
            out.pop()  # a sentence running over the page break stays one paragraph
        out.extend(kept)
        out.append(SourceLine("", lines[-1].line + 1 if lines else 1, lines[-1].page if lines else None))
    return out


def _continues(out: list[SourceLine], first: SourceLine) -> bool:
    last = next((l for l in reversed(out) if l.text.strip()), None)
    return bool(last and not re.search(r"[.:;?!\"')]\s*$", last.text) and re.match(r"\s*[a-z(]", first.text))


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())
