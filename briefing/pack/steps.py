"""The pack's steps: what is asked (PackRequest), then load, build, render and commit
(make_pack); the tracker carried in from last quarter is read beside them, in the
workbook's writer where there is one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.atomic import atomic_batch
from briefing.document.model import Briefing
from briefing.document.options import PackOptions
from briefing.errors import InputError
from briefing.mail.pack_files import MANIFEST
from briefing.pack.loading import load_comparison, response_subject
from briefing.pack.writing import commit, pack_stem, render
from briefing.reference import Reference
from briefing.reference import reference as default_reference
from briefing.writer_pool import WriterPool, here


@dataclass(frozen=True)
class PackRequest:
    """Everything a pack is asked for: its inputs, what to write and where, and the options."""

    inputs: Sequence[Path] = ()  # OLD and NEW, or none for the bundled force
    record: Sequence[Path] = ()  # more inspections of the force, for its history
    overrides: Path | None = None
    options: PackOptions = field(default_factory=PackOptions)
    formats: Sequence[str] = ("docx", "pdf", "xlsx")
    out_dir: Path = Path("output")
    allow_different_forces: bool = False  # said on page 1 when used
    tracker: Path | None = None  # last quarter's edited workbook, carried into this pack
    document: str = "briefing"  # or "response": the PCC's public s.55 response page
    force: str = ""  # whose response, for a national report that names no force
    reference: Reference | None = None  # the data read with (briefing.reference); the process's own if none

    @property
    def data(self) -> Reference:
        return self.reference or default_reference()

    def options_for(self, force: str) -> PackOptions:
        """The options with the force's office and meeting settled from this request's data (as
        asked with --office and --meeting, else data/offices.yaml's, each body with the day it
        began, else a Police and Crime Commissioner and no meeting named)."""
        held = self.data.offices.get(force, ())
        offices = held if held and held[0][0] is None else ((None, self.data.default_office), *held)
        return replace(self.options, offices=() if self.options.office else offices,
                       meeting=self.options.meeting_for(force, self.data))


@dataclass(frozen=True)
class PackResult:
    """The Briefing a pack was written from, and the files it put in place."""

    briefing: Briefing
    paths: list[Path]


def make_pack(request: PackRequest, progress: Callable[[str], None] = lambda message: None) -> PackResult:
    """The main job in four steps: load the record, build the Briefing, render every
    format, commit them all at once. The writers start first, so they load their libraries
    while the first two steps run (the PDF, in a one-shot command, is written here once the
    document is built: writer_pool.HERE); a failure before the commit stops them and leaves
    nothing written."""
    pool = WriterPool.start(request.formats, here=here())
    try:
        tracker = _read_tracker_aside(pool, request.tracker)
        loaded = load(request)
        briefing, stem = build(request, tracker, loaded)
        with atomic_batch() as batch:
            files = render(briefing, request.out_dir, stem, request.formats, batch, progress, pool)
            if pool is not None:
                pool.close()
            paths = commit(batch, briefing, request.out_dir / f"{stem}{MANIFEST}", files)
    except BaseException:
        if pool is not None:
            pool.stop()
        raise
    return PackResult(briefing, paths)


def load(request: PackRequest):
    """Step 1: what the document rests on, read and compared: the report an s.55
    response answers (a Subject), or the comparison, history and register (Loaded)."""
    return response_subject(request) if request.document == "response" else load_comparison(request)


def build(request: PackRequest, tracker=None, loaded=None) -> tuple[Briefing, str]:
    """Step 2: the Briefing, from what step 1 loaded (loaded here if not given), and the
    file name stem. `tracker` is a future of the tracker being read in a worker, if one is."""
    from briefing.document import build_briefing

    loaded = loaded if loaded is not None else load(request)
    if request.document == "response":
        from briefing.document.response import build_response

        options = request.options_for(loaded.report.force)
        return (build_response(loaded, options, request.data.frameworks),
                pack_stem(loaded.report.force, loaded.entry.key, "s55-response"))
    comparison = loaded.comparison
    tracker = load_tracker(request.tracker, tracker.result() if tracker is not None else None)
    if tracker is not None and tracker.force and tracker.force != comparison.new.force \
            and not request.allow_different_forces:
        raise InputError(f"is {tracker.force}'s tracker; this pack is {comparison.new.force}'s: give the tracker of "
                         f"{comparison.new.force}'s last pack", file=tracker.path)
    briefing = build_briefing(comparison, loaded.history, request.options_for(comparison.new.force), tracker,
                              loaded.register, request.data.frameworks, loaded.monitoring)
    return (replace(briefing, warnings=loaded.warnings + briefing.warnings),
            pack_stem(comparison.new.force, loaded.cycle, f"{request.options.audience}-briefing"))


def _read_tracker_aside(pool, path: Path | None):
    """Read the tracker in the workbook's writer, which has openpyxl loaded anyway, while
    this process compares; only the rows travel back, so the worker loads nothing more."""
    if pool is None or path is None or not pool.has("xlsx"):
        return None
    from briefing.ingest.tracker import read_tracker_file

    return pool.ask("xlsx", read_tracker_file, path)


def load_tracker(path: Path | None, read=None):
    """The edited tracker as the document builder takes it, or None. `read` is what
    ingest.tracker.read_tracker_file gave, where it was read aside."""
    if path is None:
        return None
    from briefing.document.build import Tracker
    from briefing.ingest.tracker import read_tracker_file

    rows, day, force = read if read is not None else read_tracker_file(path)
    return Tracker(tuple(rows), Path(path).name, day, force, str(path))


