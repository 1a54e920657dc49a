"""A report being reviewed: its file, the lines the reader saw, and the dataset as edited so far.

Kept in the data folder's .drafts/, one folder per upload, so a review survives a reload
or a second look tomorrow; saving moves the report beside its dataset and removes the draft.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefing.errors import BriefingError
from briefing.web.folder import OfficeFolder
from briefing.web.uploads import READERS

DRAFTS = ".drafts"


@dataclass(frozen=True)
class Draft:
    token: str
    path: Path

    @property
    def meta(self) -> dict:
        return json.loads((self.path / "meta.json").read_text(encoding="utf-8"))

    @property
    def lines(self) -> list[list]:
        return json.loads((self.path / "lines.json").read_text(encoding="utf-8"))

    @property
    def data(self) -> dict:
        return yaml.safe_load((self.path / "draft.yaml").read_text(encoding="utf-8")) or {}

    def keep(self, data: dict) -> None:
        from briefing.atomic import write_atomic

        write_atomic(self.path / "draft.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode())

    @property
    def source(self) -> Path:
        return next(self.path.glob("source.*"))


def open_draft(folder: OfficeFolder, token: str) -> Draft:
    return Draft(token, folder.private(DRAFTS, token))


def read_upload(folder: OfficeFolder, raw: bytes, name: str, kind: str, reference) -> Draft:
    """The report read (extract) into a new draft; nothing is left behind if reading fails."""
    from briefing.extract import extract
    from briefing.ingest.dataset import to_dataset

    token, path = folder.new_item(DRAFTS)
    try:
        source = path / f"source{READERS[kind]}"
        source.write_bytes(raw)
        found = extract(source, reference=reference)
        data = to_dataset(found.inspection)
        data["source"] = name
        meta = {"name": name, "kind": kind, "cycle_evidence": found.cycle_evidence,
                "warnings": [{"text": w.text, "line": w.place.line, "page": w.place.page} for w in found.said],
                "unplaced": [{"text": u.text, "word": u.word, "line": u.place.line, "page": u.place.page,
                              "reason": u.reason} for u in found.inspection.unplaced]}
        (path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (path / "lines.json").write_text(json.dumps([[s.text, s.line, s.page] for s in found.lines]), encoding="utf-8")
        draft = Draft(token, path)
        draft.keep(data)
        return draft
    except BaseException as exc:
        shutil.rmtree(path, ignore_errors=True)
        if isinstance(exc, BriefingError) and exc.file:
            exc.file = name  # the person's file, not the draft's copy of it
        raise


def upload_name(name: str) -> str:
    """The name the person's file had, as a plain file name (no folders, no control characters)."""
    base = re.split(r"[\\/]", name or "")[-1]
    return "".join(ch for ch in base if ch.isprintable())[:120] or "pasted text"
