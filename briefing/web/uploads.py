"""An uploaded file's kind, told from its bytes, never from its name.

A report's name says nothing reliable: "report.pdf" may be a program, a picture or a web
page. So the first bytes decide which reader gets it, and what no reader takes is refused
in one line before anything is written. Nothing uploaded is ever run: a report is only
read as text, and every value from it is escaped where a page shows it.
"""

from __future__ import annotations

import io
import re
import zipfile

from briefing import limits
from briefing.errors import InputError

READERS = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "markdown": ".md", "text": ".txt", "xlsx": ".xlsx"}
REFUSED = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"GIF8", "a picture (GIF)"),
    (b"{\\rtf", "an RTF document: save it as PDF or Word (.docx) first"),
    (limits.OLE_MAGIC, "an old Office document (.doc, .xls): save it as PDF or Word (.docx) first"),
)
MARKUP = re.compile(rb"<(?:!doctype\s+html|html|body|p|div|h[1-6]|li|table)\b", re.IGNORECASE)


def kind_of(raw: bytes, name: str) -> str:
    """One of READERS' kinds, or one clear line naming the file."""
    head = raw[:4096]
    if not raw.strip():
        raise InputError("the file is empty", file=name)
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zipped(raw, name)
    for magic, what in REFUSED:
        if head.startswith(magic):
            raise InputError(f"is {what}, not a report; upload a PDF, Word (.docx), web page, text or Markdown file",
                             file=name)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("is not text, a PDF or a Word document; upload a PDF, Word (.docx), web page, text or "
                         "Markdown file", file=name)
    if MARKUP.search(raw[:20000]):
        return "html"
    return "markdown" if re.search(rb"^#{1,6} \S", raw[:20000], re.MULTILINE) else "text"


def _zipped(raw: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        raise InputError("is a damaged zip file, not a report", file=name) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise InputError("is a zip file, not a Word document; upload a PDF, Word (.docx), web page, text or Markdown "
                     "file", file=name)


def report_kind(raw: bytes, name: str) -> str:
    """A report's kind: anything a reader takes but a workbook."""
    kind = kind_of(raw, name)
    if kind == "xlsx":
        raise InputError("is an Excel workbook, not a report; upload it as the tracker when you make a pack",
                         file=name)
    return kind


def tracker_kind(raw: bytes, name: str) -> None:
    """A tracker must be an Excel workbook (a pack's, as people edited it)."""
    if not raw.startswith(b"PK\x03\x04") or _zipped(raw, name) != "xlsx":
        raise InputError("is not an Excel workbook (.xlsx); upload the workbook of your last pack", file=name)


def too_big(limit: int) -> str:
    return f"The file is over {limit // limits.MB} MB; a report is at most {limits.REPORT_BYTES // limits.MB} MB"
