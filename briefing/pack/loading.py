"""What a document rests on, read and compared: for a briefing, the comparison of two PEEL
inspections, the force's history and its register (Loaded); for an s.55 response, the
report it answers (document.response.Subject). The files are read and checked as one
record (pack.record) before anything is compared."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefing.document.options import PackOptions
from briefing.errors import BriefingError, InputError
from briefing.frameworks import Frameworks
from briefing.model import NOT_S55_TYPES, REPORT_TYPE_NAMES
from briefing.pack.record import (
    bundled_files,
    check_files,
    monitoring_of,
    named_files,
    peel_name,
    peel_record,
    reading_warnings,
    register_of,
)


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


def load_comparison(request) -> Loaded:
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
    entries = register_of(checked, new.force, as_of, (new, comparison.new.cycle_name), ref)
    return Loaded(comparison, force_record, new.cycle, entries, checked.inspections, new,
                  reading_warnings(files) + checked.warnings, monitoring_of(files, new.force, as_of))


def response_subject(request):
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
        held = checked.holding(files[0].file)  # an undated page's report is the dated one it joined (compare.record)
        report = held.inspection if held is not None else report
        entries = [e for e in register_of(checked, report.force, as_of, None, request.data) if e.key == report.key()]
        if not entries:
            raise BriefingError(f"{request.inputs[0]}: {report.title} was published {report.published}, after "
                                f"--date {as_of.isoformat()}, or is about other forces only")
        name = peel_name(report, request.data.frameworks) if report.cycle else report.title
        return Subject(report, entries[0], name)
    loaded = load_comparison(request)
    entry = next(e for e in loaded.register if e.key == loaded.newer.key())
    return Subject(loaded.newer, entry, loaded.comparison.new.cycle_name)


def _check_dates(new, options: PackOptions, path: Path | None, fw: Frameworks) -> None:
    """A paper is true as of its date: it cannot brief a report not yet published, nor ask
    for the chief constable's comments outside the report's s.55 period."""
    from briefing.compare.register import latest_last_day, s55_due
    from briefing.phrases import long_date

    name = f"{new.force}'s {peel_name(new, fw)}"
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
    published response (which may state nothing of the grades: the pack then says so). A
    monitoring (Engage) letter is dated within a cycle but inspects nothing: compared as one,
    every grade would be "not stated" and each earlier finding it does not repeat asked as
    resolved; given with --record, the pack says where the force's monitoring stands."""
    if inspection.report_type in NOT_S55_TYPES:  # a letter reporting a decision, not an inspection report
        raise InputError(f"is a {REPORT_TYPE_NAMES[inspection.report_type]} ({inspection.title}), not an inspection: "
                         "it grades no area and gives the reasons for a monitoring decision, so no earlier finding "
                         "can be shown to persist or to be resolved by it; give two PEEL inspections as OLD NEW and "
                         "this letter with --record, and the pack says where the force's monitoring stands",
                         file=str(path))
    if not inspection.cycle:
        raise InputError(f"is a {inspection.report_type} report ({inspection.title}), not an inspection with a PEEL "
                         "cycle: a pack compares two PEEL inspections; give this one with --record to put it in the "
                         "register and the tracker, or draft its response with briefing response FILE",
                         file=str(path))


