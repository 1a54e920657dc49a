"""Briefing -> files: every requested format rendered, then all renamed into place at once.

A failure in any writer leaves no partial file and leaves the previous pack untouched,
because nothing is renamed until every format has been written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.atomic import atomic_batch
from briefing.document.model import Briefing
from briefing.errors import BriefingError
from briefing.writers import WRITERS, get_writer

FORMAT_NAMES = {"docx": "Word document", "pdf": "PDF", "xlsx": "Excel workbook", "json": "JSON model"}


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise BriefingError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(WRITERS)}")
    return list(dict.fromkeys(formats))


def pack_stem(briefing: Briefing, cycle: str) -> str:
    force = re.sub(r"[^a-z0-9]+", "-", briefing.metadata.title.split(":")[0].lower()).strip("-")
    return f"{force}-{cycle}-{briefing.metadata.audience}-briefing"


def write_pack(briefing: Briefing, out_dir: Path, stem: str, formats: Iterable[str],
               progress: Callable[[str], None] = lambda message: None) -> list[Path]:
    with atomic_batch() as batch:
        for fmt in formats:
            writer = get_writer(fmt)
            progress(f"Writing the {FORMAT_NAMES.get(fmt, fmt)}...")
            try:
                writer.render(briefing, batch.path_for(out_dir / f"{stem}{writer.SUFFIX}"))
            except BriefingError:
                raise
            except Exception as exc:
                reason = " ".join(str(exc).split())
                reason = reason if len(reason) <= 160 else reason[:157] + "..."
                raise BriefingError(f"could not write the {FORMAT_NAMES.get(fmt, fmt)}: {reason}; "
                                    "no file of this pack was written") from exc
        return batch.commit()
