"""The main job as one library call: load, compare, history, document, write.

`make_pack` is what `briefing pack` runs and what tests call; the CLI only parses
options. Every requested format is rendered, then all are renamed into place at once:
a failure in any writer leaves no partial file and the previous pack untouched.

On a machine with two or more cores each format renders in a forked process of its own
(briefing.writer_pool), started first so it imports its library while the comparison runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.atomic import atomic_batch, check_targets, disk_full, remove_stale_parts
from briefing.document.model import Briefing
from briefing.document.options import PackOptions
from briefing.errors import BriefingError, InputError
from briefing.frameworks import Frameworks
from briefing.mail.pack_files import MANIFEST
from briefing.reference import Reference
from briefing.reference import reference as default_reference
from briefing.writer_pool import WriterPool
from briefing.writers import FORMATS, get_writer


@dataclass(frozen=True)
class PackRequest:
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
        asked with --office and --meeting, else data/offices.yaml's, else a Police and Crime
        Commissioner and no meeting named)."""
        return replace(self.options, office=self.options.office_for(force, self.data),
                       meeting=self.options.meeting_for(force, self.data))


@dataclass(frozen=True)
class PackResult:
    briefing: Briefing
    paths: list[Path]


def make_pack(request: PackRequest, progress: Callable[[str], None] = lambda message: None) -> PackResult:
    """The main job in four steps: load the record, build the Briefing, render every
    format, commit them all at once. The writers start first, so they load their libraries
    while the first two steps run; a failure before the commit stops them and leaves
    nothing written."""
    pool = WriterPool.start(request.formats)
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


def bundled_record(reference: Reference | None = None):
    """The bundled force's reports on file (PEEL and other, responses included), oldest first."""
    return [n.inspection for n in bundled_files(reference)]


def bundled_files(reference: Reference | None = None) -> list:
    """The bundled force's files (compare.record.Named), oldest first: the force is the one
    its latest PEEL inspection is about."""
    from briefing.compare.record import Named, bare_response
    from briefing.ingest.dataset import load_dataset
    from briefing.resources import bundled_datasets

    named = sorted((Named(f"{p.parent.name}/{p.name}", load_dataset(p, reference)) for p in bundled_datasets()),
                   key=lambda n: n.inspection.published.sort_key())
    force = next(n.inspection.force for n in reversed(named) if n.inspection.cycle and not bare_response(n.inspection))
    return [n for n in named if n.inspection.force == force]


def named_files(paths: Sequence[Path], reference: Reference) -> list:
    """Each file's inspection (ingest.load_inspections), named by its file for messages."""
    from briefing.compare.record import Named
    from briefing.errors import shown
    from briefing.ingest import load_inspections

    return [Named(shown(str(p)), i) for p, i in zip(paths, load_inspections(list(paths), reference))]


def peel_record(reports, fw: Frameworks):
    """The PEEL (and earlier cycle) inspections among a force's reports, oldest first: what
    grades are compared across. The other reports go to the register; a published response
    that states nothing of the inspection is never one."""
    from briefing.compare.record import bare_response

    return sorted((i for i in reports if i.cycle and i.is_peel and not bare_response(i)),
                  key=lambda i: (i.published.sort_key(), fw.cycles[i.cycle].order))


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


@dataclass(frozen=True)
class Loaded:
    """What every document rests on: the comparison of the two inspections, the force's
    PEEL record (where more than two are on file), the register of all its reports."""

    comparison: object  # compare.Comparison
    history: object | None  # compare.History
    cycle: str
    register: tuple = ()  # compare.register.ReportEntry, newest first
    reports: tuple = ()  # every report on file, as loaded (model.Inspection)
    newer: object = None  # the newer inspection compared (model.Inspection)
    warnings: tuple[str, ...] = ()  # what reading the files and checking them together found, each naming its file
    monitoring: object = None  # compare.monitoring.MonitoringStatus as of the paper's date, or None (not stated)


def load_comparison(request: PackRequest) -> Loaded:
    """The comparison, history and register that a pack, `briefing compare` and the
    tracker all rest on. OLD and NEW are PEEL inspections; --record files may be any
    reports about the force, the office's published responses included."""
    from briefing.compare import compare, history
    from briefing.compare.overrides import load_overrides
    from briefing.compare.record import same_report

    ref, fw = request.data, request.data.frameworks
    if request.inputs:
        if len(request.inputs) != 2:
            raise BriefingError("give two inspections (OLD NEW), or none for the bundled force")
        files = named_files([*request.inputs, *request.record], ref)
        for path, named in zip(request.inputs, files):
            _check_peel(path, named.inspection)
        old, new = files[0].inspection, files[1].inspection
        checked = check_files(files, new.force, ref)
        record = [old, new, *(i for i in peel_record(checked.inspections, fw)
                              if all(i is not x and not same_report(i, x) for x in (old, new)))]
    else:
        files = bundled_files(ref) + (named_files(request.record, ref) if request.record else [])
        checked = check_files(files, files[-1].inspection.force, ref)
        record = peel_record(checked.inspections, fw)
        old, new = record[-2:]
    as_of = request.options.date
    _check_dates(new, request.options_for(new.force), request.inputs[1] if request.inputs else None, fw)
    pins = load_overrides(request.overrides, old.findings, new.findings) if request.overrides else None
    force_record = history(record, fw, as_of=as_of, overrides={(old.key(), new.key()): pins} if pins else None) \
        if len(record) > 2 else None
    step = force_record.step_between(old, new) if force_record else None
    if step is not None:  # one record of links: the pack's pair is the record's own step
        from briefing.compare.comparison import with_record

        comparison = with_record(step, force_record)
    else:
        comparison = compare(old, new, pins, fw, as_of=as_of, record=force_record,
                             allow_different_forces=request.allow_different_forces)
    entries = _register(checked, new.force, as_of, (new, comparison.new.cycle_name), ref)
    return Loaded(comparison, force_record, new.cycle, entries, checked.inspections, new,
                  _reading_warnings(files) + checked.warnings, _monitoring(files, new.force, as_of))


def _monitoring(files: list, force: str, as_of):
    """The force's monitoring stage as the files on record state it by `as_of` (compare.monitoring)."""
    from briefing.compare.monitoring import monitoring_status

    return monitoring_status((n.inspection for n in files if n.inspection.force == force), as_of)


def check_files(files: list, force: str, reference: Reference):
    """The force's files checked as one record (compare.record): a file about another force
    is left out (a national report that names none is kept)."""
    from briefing.compare.record import check_record

    return check_record([n for n in files if n.inspection.force in ("", force)], force, reference.forces)


def _register(checked, force: str, as_of, against, reference: Reference):
    from briefing.compare.register import register

    return register(checked, force, as_of, against=against, forces=reference.forces)


def _reading_warnings(files: list) -> tuple[str, ...]:
    """What reading each file left unsettled, as `briefing extract` says it, naming the file."""
    return tuple(f"{n.file}: {w}" for n in files for w in n.inspection.warnings)


def response_subject(request: PackRequest):
    """The report an s.55 response answers: the one file given (any kind of report), or the
    newer of two inspections, or the bundled force's latest PEEL inspection."""
    from briefing.document.response import Subject

    as_of = request.options.date
    if len(request.inputs) == 1:
        files = named_files([*request.inputs, *request.record], request.data)
        report = files[0].inspection
        if report.response is not None:
            raise InputError(f"is the published response to {report.title} ({report.published}), not a report: "
                             "draft a response to the report itself", file=files[0].file)
        if request.force:
            report = replace(report, force=request.force)
            files[0] = replace(files[0], inspection=report)
        if not report.force:
            raise BriefingError(f"{request.inputs[0]}: a national report names no force; say whose response this is "
                                "with --force NAME")
        checked = check_files(files, report.force, request.data)
        entries = [e for e in _register(checked, report.force, as_of, None, request.data) if e.key == report.key()]
        if not entries:
            raise BriefingError(f"{request.inputs[0]}: {report.title} was published {report.published}, after "
                                f"--date {as_of.isoformat()}, or is about other forces only")
        name = _peel_name(report, request.data.frameworks) if report.cycle else report.title
        return Subject(report, entries[0], name)
    loaded = load_comparison(request)
    entry = next(e for e in loaded.register if e.key == loaded.newer.key())
    return Subject(loaded.newer, entry, loaded.comparison.new.cycle_name)


@dataclass(frozen=True)
class Registered:
    """A force's register as of a day: its reports (compare.register.ReportEntry, newest
    first), what reading and checking the files found, and its monitoring stage."""

    force: str
    entries: tuple
    warnings: tuple[str, ...] = ()
    monitoring: object = None  # compare.monitoring.MonitoringStatus, or None (not stated)


def load_register(paths: Sequence[Path], as_of, force: str | None = None,
                  reference: Reference | None = None) -> Registered:
    """The force's reports on file as a register (compare.register), and what checking the
    files together found: the bundled force's with no paths. The force is the one asked
    for, else the one the files name."""
    from briefing.extract.forces import canonical_force

    reference = reference or default_reference()
    fw = reference.frameworks
    files = named_files(paths, reference) if paths else bundled_files(reference)
    named = sorted({n.inspection.force for n in files if n.inspection.force})
    force = canonical_force(force, reference.forces) if force else None  # "northants police" is the force on file
    if force is None:
        if len(named) != 1:
            raise BriefingError("the files name " + (f"{len(named)} forces ({', '.join(named)})" if named else
                                                     "no force") + "; say which with --force NAME")
        force = named[0]
    checked = check_files(files, force, reference)
    peel = peel_record([i for i in checked.inspections if i.force == force], fw)
    against = (peel[-1], _peel_name(peel[-1], fw)) if peel else None
    return Registered(force, _register(checked, force, as_of, against, reference),
                      _reading_warnings(files) + checked.warnings, _monitoring(files, force, as_of))


def _peel_name(inspection, fw: Frameworks) -> str:
    return fw.short_name(inspection.cycle)


def _check_dates(new, options: PackOptions, path: Path | None, fw: Frameworks) -> None:
    """A paper is true as of its date: it cannot brief a report not yet published, nor ask
    for the chief constable's comments outside the report's s.55 period."""
    from briefing.compare.register import latest_last_day, s55_due
    from briefing.phrases import long_date

    name = f"{new.force}'s {_peel_name(new, fw)}"
    first = new.published.earliest
    if first is not None and options.date < first:
        raise InputError(f"the paper's date {options.date.isoformat()} is before {name} was published "
                         f"({new.published}): give --date on or after {first.isoformat()}", file=path)
    asked = options.chief_comments_by
    if asked is None:
        return
    last = s55_due(new.published) or latest_last_day(new.published)
    if first is not None and asked < first:
        raise InputError(f"--chief-comments-by {asked.isoformat()} is before {name} was published "
                         f"({new.published})", file=path)
    if last is not None and asked > last:
        raise InputError(f"--chief-comments-by {asked.isoformat()} is after the s.55 period ends "
                         f"({long_date(last)}): the chief constable's comments come before the "
                         f"{options.office_short(new.force)}'s response", file=path)


def _check_peel(path: Path, inspection) -> None:
    """OLD and NEW are sources about PEEL inspections: a report, a page, a press release, or a
    published response (which may state nothing of the grades: the pack then says so)."""
    if not inspection.cycle:
        raise InputError(f"is a {inspection.report_type} report ({inspection.title}), not an inspection with a PEEL "
                         "cycle: a pack compares two PEEL inspections; give this one with --record to put it in the "
                         "register and the tracker, or draft its response with briefing response FILE",
                         file=str(path))


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
    pending = {}
    for fmt in formats:
        progress(f"Writing the {FORMATS[fmt].title}...")
        if pool is None:
            try:
                _render(fmt, briefing, targets[fmt])
            except Exception as exc:
                raise _failure(fmt, exc, targets[fmt]) from exc
        else:
            pending[fmt] = pool.ask(fmt, _render, fmt, briefing, targets[fmt])
    for fmt, reply in pending.items():
        try:
            reply.result()
        except Exception as exc:
            raise _failure(fmt, exc, targets[fmt]) from exc


def _write_manifest(batch, briefing: Briefing, final: Path, paths: list[Path]) -> None:
    """What `briefing email` needs to know of the pack, renamed into place with its files."""
    from briefing.mail.pack_files import manifest

    batch.path_for(final).write_bytes(manifest(briefing, paths))
