"""Steps 3 and 4 of a pack: every requested format rendered to a temporary file (in the
writer processes of briefing.writer_pool where there are some), then all put in place at
once with the manifest `briefing email` reads: the new pack whole, or the old one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from briefing.atomic import atomic_batch, check_targets, disk_full, remove_stale_parts
from briefing.document.model import Briefing
from briefing.errors import BriefingError
from briefing.mail.pack_files import MANIFEST
from briefing.writer_pool import WriterPool
from briefing.writers import FORMATS, get_writer


def pack_stem(force: str, cycle: str, what: str) -> str:
    """ "kent-police-peel-2023-25-pcc-briefing": never a name starting "-" (a force named in
    another script gives "force-...")."""
    slug = re.sub(r"[^a-z0-9]+", "-", force.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'force'}-{cycle}-{what}"


def _render(fmt: str, briefing: Briefing, path: Path) -> None:
    get_writer(fmt).render(briefing, path)


def _failure(fmt: str, exc: BaseException, target: Path) -> BriefingError:
    if isinstance(exc, BriefingError):
        return exc
    full = disk_full(exc, target, "no file of this pack was written")  # named as the file asked for, not its .part
    if full is not None:
        return full
    reason = " ".join(str(exc).split())
    reason = reason if len(reason) <= 160 else reason[:157] + "..."
    return BriefingError(f"could not write the {FORMATS[fmt].title}: {reason}; no file of this pack was written")


def write_pack(briefing: Briefing, out_dir: Path, stem: str, formats: Iterable[str],
               progress: Callable[[str], None] = lambda message: None, pool=None) -> list[Path]:
    """Steps 3 and 4 for a Briefing already built: render every format, then commit."""
    formats = list(formats)
    pool = pool if pool is not None else WriterPool.start(formats)
    try:
        with atomic_batch() as batch:
            files = render(briefing, out_dir, stem, formats, batch, progress, pool)
            if pool is not None:
                pool.close()
            return commit(batch, briefing, out_dir / f"{stem}{MANIFEST}", files)
    except BaseException:
        if pool is not None:
            pool.stop()
        raise


def render(briefing: Briefing, out_dir: Path, stem: str, formats: Iterable[str], batch, progress, pool) -> list[Path]:
    """Step 3: every format rendered to a temporary file of the batch (the targets checked
    before any work); returns the final paths. A writer's failure is one line naming it."""
    formats = list(formats)
    finals = {fmt: out_dir / f"{stem}{FORMATS[fmt].suffix}" for fmt in formats}
    check_targets([*finals.values(), out_dir / f"{stem}{MANIFEST}"])
    targets = {fmt: batch.path_for(final) for fmt, final in finals.items()}
    remove_stale_parts(out_dir / stem, stem)  # a killed run's parts of this pack, whatever formats it wrote
    _render_all(briefing, formats, targets, progress, pool)
    return list(finals.values())


def commit(batch, briefing: Briefing, manifest: Path, files: list[Path]) -> list[Path]:
    """Step 4: the manifest written (what `briefing email` reads), then every file of the
    pack put in place at once (briefing.atomic): the new pack whole, or the old one."""
    _write_manifest(batch, briefing, manifest, files)
    return [p for p in batch.commit() if not p.name.endswith(MANIFEST)]


def _render_all(briefing: Briefing, formats: list[str], targets: dict, progress, pool) -> None:
    pending, here = {}, []
    for fmt in formats:
        progress(f"Writing the {FORMATS[fmt].title}...")
        if pool is None or not pool.has(fmt):
            here.append(fmt)
        else:
            pending[fmt] = pool.ask(fmt, _render, fmt, _what_it_writes(briefing, fmt), targets[fmt])
    for fmt in here:
        try:
            _render(fmt, briefing, targets[fmt])
        except Exception as exc:
            raise _failure(fmt, exc, targets[fmt]) from exc
    for fmt, reply in pending.items():
        try:
            reply.result()
        except Exception as exc:
            raise _failure(fmt, exc, targets[fmt]) from exc


def _what_it_writes(briefing: Briefing, fmt: str) -> Briefing:
    """What a writer process is sent: the sheets only to a writer that translates them.
    Everything sent is copied through a pipe, and a 50,000-row tracker's sheet is most of a
    pack's bytes (about 0.35 s of CPU to send and receive)."""
    return briefing if FORMATS[fmt].sheets else replace(briefing, sheets=())


def _write_manifest(batch, briefing: Briefing, final: Path, paths: list[Path]) -> None:
    """What `briefing email` needs to know of the pack, renamed into place with its files."""
    from briefing.mail.pack_files import manifest

    batch.path_for(final).write_bytes(manifest(briefing, paths))
