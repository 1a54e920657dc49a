"""What an email needs to know about a pack on disk: its files, title, marking, headline
and s.55 date, read from the small manifest every pack writes beside its files (from the
Briefing itself, never from how the workbook happens to label its rows), so `briefing
email` works on any pack folder without re-running the job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing import limits
from briefing.cleaning import clean
from briefing.errors import InputError
from briefing.limits import read_bounded
from briefing.writers import FORMATS

MANIFEST = ".manifest.json"  # "<stem>.manifest.json"
KNOWN = tuple(f.suffix for f in FORMATS.values())


def manifest(briefing, paths: list[Path]) -> bytes:
    """The manifest of a pack just written: what an email says about it."""
    meta = briefing.metadata
    return json.dumps({"title": meta.title, "marking": meta.marking, "headline": list(briefing.headline),
                       "s55_due": meta.s55_due.isoformat() if meta.s55_due else None, "date": meta.date,
                       "files": [p.name for p in paths]}, indent=2, ensure_ascii=False).encode("utf-8")


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
    files = [p for p in target.iterdir() if p.suffix in KNOWN and not p.name.startswith(".")
             and not p.name.endswith(MANIFEST)]
    if not files:
        raise InputError("no briefing pack here (no .pdf, .docx, .xlsx or .json file)", file=str(target))
    newest = max(files, key=lambda p: (p.suffix == ".pdf", p.stat().st_mtime))
    return newest.with_suffix("")


def read_pack(target: Path) -> PackFiles:
    stem = _stem(target)
    path = stem.with_name(stem.name + MANIFEST)
    if not path.exists():
        raise InputError(f"no {path.name} beside the pack: write the pack again with briefing pack (packs carry a "
                         "manifest that says what to email)", file=str(stem.parent))
    try:
        info = json.loads(read_bounded(path, limits.PACK_JSON_BYTES, "pack manifest").decode("utf-8"))
        due = date.fromisoformat(info["s55_due"]) if info.get("s55_due") else None
        headline = [_line(h, 1000) for h in (info.get("headline") or [])[:5] if isinstance(h, str)]
        title, marking = _line(info.get("title"), 300), _line(info.get("marking"), 100)
    except (AttributeError, KeyError, TypeError, ValueError, OSError, RecursionError) as exc:
        raise InputError(f"cannot read the pack's manifest ({exc})", file=str(path)) from None
    return PackFiles(stem, title or stem.name.replace("-", " "), marking or "OFFICIAL",
                     tuple(h for h in headline if h) or ("See the attached briefing.",), due)


def _line(value, most: int) -> str:
    """One line of clean text: what the pack says goes into mail headers, which allow no breaks."""
    text = " ".join(clean(value).split()) if isinstance(value, str) else ""
    return text if len(text) <= most else text[:most - 1] + "\u2026"
