"""Briefing -> files: every requested format rendered, then all renamed into place at once.

On a machine with two or more cores the formats render in forked worker processes side
by side; the result is the same files, sooner.

A failure in any writer leaves no partial file and leaves the previous pack untouched,
because nothing is renamed until every format has been written.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from briefing.atomic import atomic_batch
from briefing.document.model import Briefing
from briefing.errors import BriefingError
from briefing.writers import SUFFIXES, WRITERS, get_writer

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


def _render(fmt: str, briefing: Briefing, path: Path) -> None:
    get_writer(fmt).render(briefing, path)


def _failure(fmt: str, exc: BaseException) -> BriefingError:
    if isinstance(exc, BriefingError):
        return exc
    reason = " ".join(str(exc).split())
    reason = reason if len(reason) <= 160 else reason[:157] + "..."
    return BriefingError(f"could not write the {FORMAT_NAMES.get(fmt, fmt)}: {reason}; no file of this pack was written")


def _pool(jobs: int):
    """Forked workers render formats side by side on a multi-core machine; None runs them in turn."""
    if jobs < 2 or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1), mp_context=multiprocessing.get_context("fork"))


def _warm(fmt: str) -> None:
    get_writer(fmt)


def start_writers(formats: Iterable[str]):
    """Start worker processes that import the writers' libraries while the caller compares.

    Returns a pool to hand to write_pack, or None where formats will render in turn.
    """
    formats = list(formats)
    pool = _pool(len(formats))
    if pool is not None:
        for fmt in formats:
            pool.submit(_warm, fmt)
    return pool


def write_pack(briefing: Briefing, out_dir: Path, stem: str, formats: Iterable[str],
               progress: Callable[[str], None] = lambda message: None, pool=None) -> list[Path]:
    formats = list(formats)
    with atomic_batch() as batch:
        targets = {fmt: batch.path_for(out_dir / f"{stem}{SUFFIXES[fmt]}") for fmt in formats}
        pool = pool if pool is not None else _pool(len(formats))
        try:
            pending = {}
            for fmt in formats:
                progress(f"Writing the {FORMAT_NAMES.get(fmt, fmt)}...")
                if pool is None:
                    try:
                        _render(fmt, briefing, targets[fmt])
                    except Exception as exc:
                        raise _failure(fmt, exc) from exc
                else:
                    pending[fmt] = pool.submit(_render, fmt, briefing, targets[fmt])
            for fmt, future in pending.items():
                try:
                    future.result()
                except Exception as exc:
                    raise _failure(fmt, exc) from exc
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return batch.commit()
