"""What an email needs to know about a pack on disk: its files, title, marking, headline.

Read back from the pack itself (the JSON model if it was written, else the workbook's
Summary sheet), so `briefing email` works on any pack folder without re-running the job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from briefing.document.sheets import HEADLINE_ITEM
from briefing import limits
from briefing.cleaning import clean
from briefing.errors import InputError
from briefing.limits import check_workbook, read_bounded
from briefing.writers import FORMATS

KNOWN = tuple(f.suffix for f in FORMATS.values())
DUE_ITEM = "s.55 response due"


@dataclass(frozen=True)
class PackFiles:
    stem: Path  # folder / file name without suffix
    title: str
    marking: str
    headline: tuple[str, ...]
    s55_due: date | None = None

    def file(self, suffix: str) -> Path:
        path = self.stem.with_name(self.stem.name + suffix)
        if not path.exists():
            raise InputError(f"the pack has no {suffix} file ({path.name}); write it with briefing pack --formats",
                             file=str(self.stem.parent))
        return path


def _stem(target: Path) -> Path:
    if target.is_file():
        return target.with_suffix("")
    if not target.is_dir():
        raise InputError("no such pack file or folder", file=str(target))
    files = [p for p in target.iterdir() if p.suffix in KNOWN and not p.name.startswith(".")]
    if not files:
        raise InputError("no briefing pack here (no .pdf, .docx, .xlsx or .json file)", file=str(target))
    newest = max(files, key=lambda p: (p.suffix == ".pdf", p.stat().st_mtime))
    return newest.with_suffix("")


def _from_workbook(path: Path) -> dict:
    from openpyxl import load_workbook

    check_workbook(path)
    book = load_workbook(str(path), read_only=True)
    if "Summary" not in book.sheetnames:
        raise InputError("the workbook has no Summary sheet; is it a briefing pack?", file=str(path))
    rows = book["Summary"].iter_rows(values_only=True, max_row=200, max_col=2)
    cells = [(str(row[0] or ""), row[1] if len(row) > 1 else None) for row in rows if row]
    rows = [(a, str(b or "")) for a, b in cells]
    due = dict(cells).get(DUE_ITEM)
    return {"title": dict(rows).get("Title", ""), "marking": dict(rows).get("Protective marking", ""),
            "headline": [b for a, b in rows if a == HEADLINE_ITEM],
            "s55_due": due.date().isoformat() if isinstance(due, datetime) else None}


def read_pack(target: Path) -> PackFiles:
    stem = _stem(target)
    info: dict = {}
    json_file, workbook = stem.with_name(stem.name + ".json"), stem.with_name(stem.name + ".xlsx")
    try:
        if json_file.exists():
            model = json.loads(read_bounded(json_file, limits.PACK_JSON_BYTES, "pack model").decode("utf-8"))
            info = {"title": model["metadata"]["title"], "marking": model["metadata"]["marking"],
                    "headline": model["headline"], "s55_due": model["metadata"].get("s55_due")}
        elif workbook.exists():
            info = _from_workbook(workbook)
        due = date.fromisoformat(info["s55_due"]) if info.get("s55_due") else None
    except (KeyError, TypeError, ValueError, OSError, RecursionError) as exc:
        raise InputError(f"cannot read the pack's summary ({exc})", file=str(json_file if json_file.exists()
                                                                                else workbook)) from None
    headline = [_line(h, 1000) for h in (info.get("headline") or [])[:5] if isinstance(h, str)]
    return PackFiles(stem, _line(info.get("title"), 300) or stem.name.replace("-", " "),
                     _line(info.get("marking"), 100) or "OFFICIAL",
                     tuple(h for h in headline if h) or ("See the attached briefing.",), due)


def _line(value, most: int) -> str:
    """One line of clean text: what the pack says goes into mail headers, which allow no breaks."""
    text = " ".join(clean(value).split()) if isinstance(value, str) else ""
    return text if len(text) <= most else text[:most - 1] + "\u2026"
