"""Any report file -> numbered lines of plain text, each with its line (and PDF page).

PDF text comes from its text layer (pypdfium2, in reading order: extract.pdf_layout);
running headers and footers and bare page numbers are dropped. HTML is read as a browser
shows it (hidden and inert elements left out); HTML and Markdown lose their markup but keep
their line structure, so every extracted fact can still point at its place. Text that is
not UTF-8 is read in its declared or likeliest encoding, and the user is told.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefing import limits
from briefing.cleaning import clean_lines, fold
from briefing.errors import InputError
from briefing.extract import docx_text
from briefing.limits import read_bounded
from briefing.places import Place

MAX_REPORT_BYTES = limits.REPORT_BYTES
_DASHES = str.maketrans({"\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2019": "'",
                         "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2022": "•", "\uf0b7": "•",
                         "\x7f": "•"})  # pypdf reads some fonts' bullet as DEL
_MARKS = re.compile("[" + re.escape("".join(map(chr, _DASHES))) + "]")  # str.translate costs 20 ms on a report


def _plain_marks(text: str) -> str:
    """Dashes, curly quotes, no-break spaces and bullets as _DASHES writes them. Of the
    marks only DEL is ASCII, so an ASCII text without it (most pages of a report) has
    none, known at C's pace without a pattern's pass over it."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _MARKS.sub(lambda mark: _DASHES[ord(mark.group())], text)


@dataclass(frozen=True)
class SourceLine:
    text: str
    line: int  # 1-based line of the source file, or of the page's text for a PDF
    page: int | None = None

    @property
    def place(self) -> Place:
        """A PDF item is found by its page; a text item by its line."""
        return Place(line=self.line if self.page is None else None, page=self.page)


def read_report(path: Path) -> tuple[list[SourceLine], list[str]]:
    """The report's lines, and what the reading should tell the user (an encoding guessed)."""
    name = str(path)
    raw = read_bounded(path, limits.REPORT_BYTES, "report")
    if not raw.strip():
        raise InputError("file is empty", file=name)
    head = raw[:4096]
    if head.lstrip().startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return _pdf(raw, name)
    if head.startswith(b"PK\x03\x04") and docx_text.is_word(raw):  # a Word report: its body's paragraphs and rows
        text, notes = docx_text.word_text(raw, name)
        return _lines(_within_bounds(text, name)), notes
    _refuse_other_formats(head, name)
    text, note = _decode(raw, name)
    del raw
    notes = [note] if note else []
    if path.suffix.lower() in (".html", ".htm") or re.search(r"<(html|body|p|div|li)\b", text[:5000], re.IGNORECASE):
        text = _html_text(text)
    elif path.suffix.lower() in (".md", ".markdown") or re.search(r"^#{1,6} \S", text, re.MULTILINE):
        text = _markdown_text(_within_bounds(text, name))
    return _lines(_within_bounds(text, name)), notes


def _within_bounds(text: str, name: str) -> str:
    """A report's text within what any report holds, refused at once past it: every later
    step is then bounded by these, not by the file's size."""
    if len(text) > limits.REPORT_CHARS:
        raise InputError(f"{len(text):,} characters of text; a report has at most {limits.REPORT_CHARS:,} (is this "
                         "one report?)", file=name)
    lines = text.count("\n") + 1
    if lines > limits.REPORT_LINES:
        raise InputError(f"{lines:,} lines of text; a report has at most {limits.REPORT_LINES:,} (is this one "
                         "report?)", file=name)
    return text


OTHER_FORMATS = (
    (b"{\\rtf", "an RTF document: save it as PDF or plain text first"),
    (b"PK\x03\x04", "an Office document or other zip file (.docx, .odt ...): save it as PDF first"),
    (limits.OLE_MAGIC, "an old Office document (.doc, .xls): save it as PDF first"),
)


def _refuse_other_formats(head: bytes, name: str) -> None:
    for magic, what in OTHER_FORMATS:
        if head.startswith(magic):
            raise InputError(f"{what}; briefing reads PDF, text, Markdown and HTML", file=name)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text, and a note where it was not UTF-8. UTF-16 and UTF-8 with a byte order mark
    are read as such; a page that declares its charset is read in it; anything else that is
    not UTF-8 is read in the encoding charset-normalizer finds most likely, and said."""
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), ""
            except UnicodeDecodeError:
                raise InputError(f"starts as {codec.upper()} but is not valid {codec.upper()}", file=name) from None
    if b"\x00" in raw[:4096]:
        codec = _utf16_without_bom(raw[:4096])
        if codec is None:
            raise InputError("binary file, not a report (PDF, text, Markdown or HTML)", file=name)
        try:
            return raw.decode(codec), f"the file is UTF-16 without a byte order mark: read as {codec.upper()}"
        except UnicodeDecodeError:
            raise InputError(f"looks like {codec.upper()} but is not valid {codec.upper()}", file=name) from None
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", raw[:8192], re.IGNORECASE)
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return raw.decode(encoding), f"the page is not UTF-8: read as {encoding}, as it declares"
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        encoding, text = "cp1252", raw.decode("cp1252", errors="replace")
    return text, f"the file is not UTF-8: read as {encoding} (the likeliest encoding); check any accented words"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text saved without its byte order mark (some Windows tools do): English text
    in it has a zero in nearly every other byte, on one side only. A binary file has zeros
    scattered on both sides."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 16:
        return None
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.7 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.7 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _lines(text: str, page: int | None = None) -> list[SourceLine]:
    """Numbered lines, cleaned; a line longer than any report's paragraph is cut at spaces
    into pieces with the same line number, so no pattern ever sees an unbounded line. Lines
    end at a newline only (a form feed or U+2028 inside a line is not a line of its own),
    so a cited line is the line an editor shows."""
    out = []
    for i, line in enumerate(clean_lines(_plain_marks(fold(text))), start=1):
        line = line.rstrip()
        if len(line) <= limits.LINE_CHARS:
            out.append(SourceLine(line, i, page))
        else:
            out.extend(SourceLine(piece, i, page) for piece in _pieces(line))
    if out and not out[-1].text and text.endswith("\n"):
        out.pop()  # the newline that ends the file does not start a line
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


def _html_text(text: str) -> str:
    from briefing.extract.html_text import html_text

    return html_text(text)


def _pdf(raw: bytes, name: str) -> tuple[list[SourceLine], list[str]]:
    """The text layer of each page in reading order (extract.pdf_pages, extract.pdf_layout),
    pages capped and a scan refused early: no document's pages are read past the point of
    knowing; and a note naming the pages where text no reader would see was left out."""
    import pypdfium2 as pdfium

    from briefing.extract.pdf_budget import Budget, decrypted, encrypted
    from briefing.extract.pdf_layout import left_edges, page_text
    from briefing.extract.pdf_pages import read_pages

    if encrypted(raw):
        raw = decrypted(raw, name)
    budget = Budget(raw, name)  # what pdfium unpacks on opening the file, bounded before it does
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("encrypted PDF; ask for an unprotected copy", file=name) from None
        raise InputError(f"not a readable PDF ({exc})", file=name) from None
    try:
        count = len(document)
        if count > limits.PDF_PAGES:
            raise InputError(f"{count:,} pages; a report has at most {limits.PDF_PAGES:,} (is this one report?)",
                             file=name)
        budget.check_pages(count)
        placed = read_pages(document, name)
    except InputError:
        raise
    except Exception as exc:  # pdfium raises for a damaged page
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", file=name) from None
    finally:
        document.close()
    edges = left_edges(placed)
    pages = [page_text(lines, edges) for lines in placed]
    if sum(len(p.strip()) for p in pages) < 40 * max(len(pages), 1) // 10:
        raise InputError("the PDF has no text layer (a scan?); run it through OCR first", file=name)
    lines = _without_furniture([_lines(text, page=n) for n, text in enumerate(pages, start=1)])
    if sum(len(l.text.strip()) for l in lines) < 40 * max(len(pages), 1) // 10:
        raise InputError("the PDF has no text layer (a scan?) beyond a line stamped on every page; run it through "
                         "OCR first", file=name)
    return lines, _unseen_note(placed)


def _unseen_note(placed) -> list[str]:
    """Where text a reader would not see was left out, so the user can look."""
    pages = [(n, page.unseen) for n, page in enumerate(placed, start=1) if getattr(page, "unseen", 0)]
    if not pages:
        return []
    where = ", ".join(f"page {n} ({k} line{'s' if k > 1 else ''})" for n, k in pages[:10])
    return [f"text no reader would see (white on white, invisible, off the page or at no size) was left out: "
            f"{where}{' and more' if len(pages) > 10 else ''}"]


PAGE_NUMBER = re.compile(r"\s*(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?\s*", re.IGNORECASE)
DIGITS = re.compile(r"\d+")


def _without_furniture(pages: list[list[SourceLine]]) -> list[SourceLine]:
    """Drop page numbers and lines that repeat at the top or bottom of many pages."""
    edges = Counter()
    for lines in pages:
        content = [l for l in lines if l.text.strip()]
        for line in content[:2] + content[-2:]:
            edges[_furniture_key(line.text)] += 1
    repeated = {key for key, count in edges.items() if key and count >= max(3, len(pages) // 3)}
    firsts = {key[0] for key in repeated}
    out: list[SourceLine] = []
    for lines in pages:
        kept = [l for l in lines if not _is_furniture(l.text, repeated, firsts)]
        while kept and not kept[0].text.strip():
            kept.pop(0)
        while out and not out[-1].text.strip() and kept and _continues(out, kept[0]):
            out.pop()  # a sentence running over the page break stays one paragraph
        out.extend(kept)
        out.append(SourceLine("", lines[-1].line + 1 if lines else 1, lines[-1].page if lines else None))
    return out


def _is_furniture(text: str, repeated: set[str], firsts: set[str]) -> bool:
    """A page number, or a line repeated at the edges of many pages. Each pattern is tried
    only on a line whose first character could begin it (a digit, "p", a repeated line's
    first letter): most lines of a report are neither."""
    first = text.lstrip()[:1]
    if not first:
        return False
    if (first.isdecimal() or first in "pP") and PAGE_NUMBER.fullmatch(text):
        return True
    return bool(repeated) and ("#" if first.isdecimal() else first.lower()[:1]) in firsts \
        and _furniture_key(text) in repeated


def _continues(out: list[SourceLine], first: SourceLine) -> bool:
    last = next((l for l in reversed(out) if l.text.strip()), None)
    return bool(last and not re.search(r"[.:;?!\"')]\s*$", last.text) and re.match(r"\s*[a-z(]", first.text))


def _furniture_key(text: str) -> str:
    return DIGITS.sub("#", text.strip().lower())
