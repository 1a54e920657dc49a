"""A Word report (.docx) as the lines a reader sees, so it reads as its PDF or web page does.

Offices receive reports and write responses in Word; the reader takes the document's
body in order: each paragraph a line (a heading marked as Markdown marks one, a list item
with a bullet), each table row a line with its cells separated by tabs (as a web page's
table is read). The zip is opened with a bound on what its document unpacks to, so a
small file that inflates to gigabytes is refused at the bound, not read.
"""

from __future__ import annotations

import io
import re
import zipfile

from briefing import limits
from briefing.errors import InputError

DOCUMENT = "word/document.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = re.compile(r"^(?:heading|title)\s*(\d?)$", re.IGNORECASE)


def is_word(raw: bytes) -> bool:
    """A zip holding a Word body: a .docx (or .docm), whatever the file is called."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return DOCUMENT in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def word_text(raw: bytes, name: str) -> str:
    """The body's text, a line per paragraph or table row; a damaged file is one line."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive, archive.open(DOCUMENT) as member:
            xml = member.read(limits.WORKBOOK_UNPACKED_BYTES + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise InputError(f"is not a readable Word document ({exc}); open it in Word and save it again", file=name) \
            from None
    if len(xml) > limits.WORKBOOK_UNPACKED_BYTES:
        raise InputError(f"the Word document unpacks to more than {limits.WORKBOOK_UNPACKED_BYTES // limits.MB} MB; "
                         "a report is far smaller", file=name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        body = etree.fromstring(xml, parser).find(f"{W}body")
    except etree.XMLSyntaxError as exc:
        raise InputError(f"is not a readable Word document ({exc}); open it in Word and save it again",
                         file=name) from None
    return "\n".join(_blocks(body)) + "\n" if body is not None else ""


def _blocks(body) -> list[str]:
    lines = []
    for element in body:
        if element.tag == f"{W}p":
            lines.append(_paragraph(element))
        elif element.tag == f"{W}tbl":
            lines += ["\t".join(" ".join(_paragraph(p) for p in cell.iter(f"{W}p")).strip()
                                for cell in row.iter(f"{W}tc")) for row in element.iter(f"{W}tr")]
    return lines


def _paragraph(p) -> str:
    """A paragraph's text, with the mark its style gives it (a heading's #, a list's bullet)."""
    parts = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        parts.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else " ")
    text = "".join(parts).strip()
    style = p.find(f"{W}pPr/{W}pStyle")
    heading = HEADING.match(style.get(f"{W}val", "")) if style is not None else None
    if heading and text:
        return "#" * int(heading.group(1) or 1) + " " + text
    if p.find(f"{W}pPr/{W}numPr") is not None and text:
        return "• " + text
    return text
