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

from briefing.errors import InputError

MAX_REPORT_BYTES = 50 * 1024 * 1024
_DASHES = str.maketrans({"\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2019": "'",
                         "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2022": "•", "\uf0b7": "•"})


@dataclass(frozen=True)
class SourceLine:
    text: str
    line: int  # 1-based line of the source file, or of the page's text for a PDF
    page: int | None = None


def read_report(path: Path) -> tuple[list[SourceLine], str]:
    """The report's lines and its kind: pdf, html, markdown or text."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    if path.is_dir():
        raise InputError("is a folder, not a report", file=name)
    if size == 0:
        raise InputError("file is empty", file=name)
    if size > MAX_REPORT_BYTES:
        raise InputError(f"file is {size // (1024 * 1024)} MB; a report is at most {MAX_REPORT_BYTES // (1024 * 1024)} "
                         "MB (is this the right file?)", file=name)
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return _pdf(path), "pdf"
    if b"\x00" in head:
        raise InputError("binary file, not a report (PDF, text, Markdown or HTML)", file=name)
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if path.suffix.lower() in (".html", ".htm") or re.search(r"<(html|body|p|div|li)\b", text[:5000], re.I):
        return _lines(_html_text(text)), "html"
    if path.suffix.lower() in (".md", ".markdown") or re.search(r"^#{1,6} \S", text, re.M):
        return _lines(_markdown_text(text)), "markdown"
    return _lines(text), "text"


def _lines(text: str, page: int | None = None) -> list[SourceLine]:
    return [SourceLine(line.translate(_DASHES).rstrip(), i, page) for i, line in enumerate(text.splitlines(), start=1)]


def _markdown_text(text: str) -> str:
    """Markup off, one output line per input line so line numbers stay true."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"<sup>.*?</sup>", "", line)
        line = re.sub(r"</?[a-z][^>]*>", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
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


def _pdf(path: Path) -> list[SourceLine]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = str(path)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError("encrypted PDF; ask for an unprotected copy", file=name)
            except (NotImplementedError, PdfReadError):
                raise InputError("encrypted PDF; ask for an unprotected copy", file=name) from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", file=name) from None
    if not pages or sum(len(p.strip()) for p in pages) < 40 * max(len(pages), 1) // 10:
        raise InputError("the PDF has no text layer (a scan?); run it through OCR first", file=name)
    return _without_furniture([_lines(text, page=n) for n, text in enumerate(pages, start=1)])


def _without_furniture(pages: list[list[SourceLine]]) -> list[SourceLine]:
    """Drop page numbers and lines that repeat at the top or bottom of many pages."""
    edges = Counter()
    for lines in pages:
        content = [l for l in lines if l.text.strip()]
        for line in content[:2] + content[-2:]:
            edges[_furniture_key(line.text)] += 1
    repeated = {key for key, count in edges.items() if key and count >= max(3, len(pages) // 3)}
    out = []
    for lines in pages:
        for line in lines:
            key = _furniture_key(line.text)
            if re.fullmatch(r"\s*(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?\s*", line.text, re.I) or key in repeated:
                continue
            out.append(line)
        out.append(SourceLine("", lines[-1].line + 1 if lines else 1, lines[-1].page if lines else None))
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())
