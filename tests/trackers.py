"""Trackers as other programs and people leave them: the pack's own workbook with its
Actions sheet's XML changed (a formula's saved value, a dimension that lies, tens of
thousands of rows people typed), and a pack's cost in CPU and memory. Used by the tracker
tests and benchmarks/bench_tracker.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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


def letter(heading: str) -> str:
    """The column letter of one of the tracker's headings."""
    from openpyxl.utils import get_column_letter

    from briefing.tracker import COLUMNS

    return get_column_letter([c.title for c in COLUMNS].index(heading) + 1)


def many_rows(xml: bytes, rows: int, claimed: int | None = None) -> bytes:
    """The sheet with `rows` rows of people's own after its heading, each an id, a finding,
    an owner and a status (written as strings inline); its dimension `claimed` if given."""
    head = re.search(rb"<row r=\"1\".*?</row>", xml, re.S).group()
    finding, owner, status = (letter(h).encode() for h in ("Finding", "Owner", "Status"))
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


# In a fresh interpreter: the command as the console runs it (its exit without teardown aside), then the CPU of the process
# and of its writers (forked, so counted once they are waited for), and the largest memory
# high-water mark among them (VmHWM: ru_maxrss would also count the process that started
# this one, which the kernel carries across exec).
MEASURED = """
import json, resource, sys
import briefing.entry
from briefing.entry import main
briefing.entry._done = lambda: None  # the command ends here, measured, not at once without teardown
try:
    main()
except SystemExit as end:
    code = end.code
def hwm():
    return next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM'))
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "peak_mb": max(hwm(), kids.ru_maxrss) / 1024}), file=sys.stderr)
"""


def measured(*args: str) -> dict:
    """`briefing ARGS` run to its end: {"code", "cpu" (seconds), "peak_mb"}, or the
    command's own error output where it failed."""
    run = subprocess.run([sys.executable, "-c", MEASURED, *map(str, args)], capture_output=True, text=True,
                         timeout=300)
    result = json.loads(run.stderr.strip().splitlines()[-1])
    assert result["code"] in (0, None), run.stderr
    return result
