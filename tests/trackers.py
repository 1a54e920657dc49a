"""Trackers as other programs and people leave them: the pack's own workbook with its
Actions sheet's XML changed (a formula's saved value, a dimension that lies, tens of
thousands of rows people typed). Used by the tracker tests and benchmarks/bench_tracker.py."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ACTIONS = "xl/worksheets/sheet8.xml"  # the eighth sheet: briefing.document.sheets puts Actions last


def rewrite(path: Path, out: Path, change) -> Path:
    """The workbook with its Actions sheet's XML changed as a program other than openpyxl
    would write it."""
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in archive.infolist():
            body = archive.read(item)
            copy.writestr(item, change(body) if item.filename == ACTIONS else body)
    return out


def _letter(heading: str) -> str:
    from openpyxl.utils import get_column_letter

    from briefing.tracker import COLUMNS

    return get_column_letter([c.title for c in COLUMNS].index(heading) + 1)


def many_rows(xml: bytes, rows: int, claimed: int | None = None) -> bytes:
    """The sheet with `rows` rows of people's own after its heading, each an id, a finding,
    an owner and a status (written as strings inline); its dimension `claimed` if given."""
    head = re.search(rb"<row r=\"1\".*?</row>", xml, re.S).group()
    finding, owner, status = (_letter(h).encode() for h in ("Finding", "Owner", "Status"))
    row = (b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>hand-%d</t></is></c><c r="' + finding + b'%d" t="inlineStr">'
           b'<is><t>Review how the force records crime, part %d</t></is></c><c r="' + owner + b'%d" t="inlineStr"><is>'
           b'<t>Supt A. Smith</t></is></c><c r="' + status + b'%d" t="inlineStr"><is><t>In progress</t></is></c></row>')
    body = b"".join(row % ((n,) * 7) for n in range(2, rows + 2))
    xml = re.sub(rb"<sheetData>.*</sheetData>", lambda m: b"<sheetData>" + head + body + b"</sheetData>", xml,
                 flags=re.S)
    xml = re.sub(rb"<mergeCells.*?</mergeCells>|<tableParts.*?</tableParts>", b"", xml, flags=re.S)
    if claimed is not None:
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:S%d"' % claimed, xml)
    return xml
