"""The force's record as a pack reads it: its files read and checked together as one
record (compare.record), the PEEL inspections among them, and its register of reports as
of a day (compare.register), with what reading and checking the files found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.frameworks import Frameworks
from briefing.reference import Reference
from briefing.reference import reference as default_reference


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

def check_files(files: list, force: str, reference: Reference):
    """The force's files checked as one record (compare.record): a file about another force
    is left out (a national report that names none is kept)."""
    from briefing.compare.record import check_record

    return check_record([n for n in files if n.inspection.force in ("", force)], force, reference.forces)


def register_of(checked, force: str, as_of, against, reference: Reference):
    from briefing.compare.register import register

    return register(checked, force, as_of, against=against, forces=reference.forces)


def reading_warnings(files: list) -> tuple[str, ...]:
    """What reading each file left unsettled, as `briefing extract` says it, naming the file."""
    return tuple(f"{n.file}: {w}" for n in files for w in n.inspection.warnings)


def monitoring_of(files: list, force: str, as_of):
    """The force's monitoring stage as the files on record state it by `as_of` (compare.monitoring)."""
    from briefing.compare.monitoring import monitoring_status

    return monitoring_status((n.inspection for n in files if n.inspection.force == force), as_of)


def peel_name(inspection, fw: Frameworks) -> str:
    return fw.short_name(inspection.cycle)


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
    against = (peel[-1], peel_name(peel[-1], fw)) if peel else None
    return Registered(force, register_of(checked, force, as_of, against, reference),
                      reading_warnings(files) + checked.warnings, monitoring_of(files, force, as_of))


