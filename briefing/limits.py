"""Every bound on what the tool reads, in one place, each enforced with one clear line.

A careless or hostile input (a FIFO named as a dataset, a YAML alias bomb, a zip bomb
saved as .xlsx) must cost seconds and megabytes, never the analyst's machine. The README's
"Limits and safety" section lists these same numbers.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from briefing.errors import InputError

MB = 1024 * 1024
DATASET_BYTES = 20 * MB
REPORT_BYTES = 50 * MB
CONFIG_BYTES = 1 * MB
PACK_JSON_BYTES = 50 * MB
WORKBOOK_BYTES = 50 * MB  # on disk
WORKBOOK_UNPACKED_BYTES = 200 * MB  # the XML inside, after unzipping
ATTACHMENT_BYTES = 30 * MB  # what one email may carry; most mail systems refuse more
NESTING_DEPTH = 64  # a dataset is four levels deep; sixty-four is generous
FINDINGS_PER_INSPECTION = 1000  # PEEL reports have tens; a report with thousands is not one
TRACKER_ROWS = 50000
FIELD_CHARS = 10000  # one finding, name or note; a long paragraph is 2,000
LINE_CHARS = 4000  # longer report lines are cut at a space into pieces this long at most
REPORT_CHARS = 4_000_000  # a report's text; the longest HMICFRS report is under a million characters
REPORT_LINES = 80_000  # lines of text; a 300-page report has about 20,000
PDF_PAGES = 1500  # the longest HMICFRS reports run to a few hundred pages
PDF_SCAN_PAGES = 25  # this many pages without a character of text: a scan, said at once
# What pdfium may unpack to read a PDF's text (extract.pdf_budget). A report's page is tens of
# kilobytes of drawing; pdfium holds about 18 times a page's content in memory as it parses it.
PDF_STREAM_BYTES = 64 * MB  # any one font, profile, object stream or cross-reference stream
PDF_PAGE_BYTES = 16 * MB  # one page's content streams and the forms it draws
PDF_DOCUMENT_BYTES = 256 * MB  # every page's, and every font's, together
HELPER_SECONDS = 300  # the longest a helper process (a writer, a PDF reader) may take to answer


def _open_regular(path: Path, what: str) -> int:
    """A descriptor on a regular file, opened without blocking so a FIFO cannot hang us."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file=name) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)", file=name) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "is a folder, not a file" if stat.S_ISDIR(mode) else \
            f"is not a regular file (a pipe or a device); give the {what} itself"
        raise InputError(kind, file=name)
    return fd


def _too_big(path: Path, limit: int, what: str) -> InputError:
    return InputError(f"file is over {limit // MB} MB; a {what} is at most {limit // MB} MB (is this the right file?)",
                      file=str(path))


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The whole file, read through its descriptor so a FIFO, a device or a file that grows
    while we read cannot hang us or fill memory (a stat() size can lie; a bounded read cannot)."""
    fd = _open_regular(path, what)
    chunks, total = [], 0
    try:
        while total <= limit:
            chunk = os.read(fd, min(MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > limit:
        raise _too_big(path, limit, what)
    return b"".join(chunks)


def regular_file_size(path: Path, limit: int, what: str) -> int:
    """The size of a regular file within `limit`, for files a library reads itself."""
    fd = _open_regular(path, what)
    try:
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if size > limit:
        raise _too_big(path, limit, what)
    return size


OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # the start of every OLE file: .doc, .xls, an encrypted workbook


def check_workbook(path: Path) -> None:
    """Refuse a workbook that is not a zip, or whose XML would unpack to more than we read:
    openpyxl trusts the sizes inside the file, so a small zip bomb costs gigabytes."""
    regular_file_size(path, WORKBOOK_BYTES, "workbook")
    with open(path, "rb") as handle:
        if handle.read(8) == OLE_MAGIC:  # Office wraps a password-protected workbook in an OLE file, as .xls was
            raise InputError("is password-protected, or an old .xls workbook: open it, remove the password "
                             "(File > Info > Protect Workbook) and save it as Excel Workbook (.xlsx)", file=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError("not an Excel workbook (.xlsx); save it as Excel Workbook", file=str(path)) from None
    if unpacked > WORKBOOK_UNPACKED_BYTES:
        raise InputError(f"workbook unpacks to {unpacked // MB} MB; at most {WORKBOOK_UNPACKED_BYTES // MB} MB "
                         "is read", file=str(path))
