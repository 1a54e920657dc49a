"""The folder's datasets as the library reads them, for every page that needs the record.

Each file is read by ingest.dataset as `briefing validate` reads it; a file that does not
read is named with its first problem rather than stopping every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.model import Inspection
from briefing.web.folder import OfficeFolder


@dataclass(frozen=True)
class Record:
    reports: tuple[tuple[str, Path, Inspection], ...]  # (name in the folder, path, inspection)
    unreadable: tuple[tuple[str, str], ...]  # (name, the first problem)

    @property
    def forces(self) -> list[str]:
        return sorted({i.force for _, _, i in self.reports if i.force})

    def of(self, force: str) -> list[tuple[str, Path, Inspection]]:
        return [r for r in self.reports if r[2].force in ("", force)]

    def peel(self, force: str, fw) -> list[tuple[str, Path, Inspection]]:
        """The force's PEEL inspections, oldest first (pack.peel_record's order), each once: a
        second copy or source of a report on file is set aside as the register and a pack
        set it aside (compare.record), the fuller kept."""
        from briefing.compare.record import Named, check_record
        from briefing.pack import peel_record

        ours = {n: (n, p, i) for n, p, i in self.of(force) if i.force == force}
        kept = check_record([Named(n, i) for n, _, i in ours.values()], force).reports
        file_of = {id(k.inspection): k.file for k in kept}  # an undated page's report may be joined (a new object)
        return [ours[file_of[id(i)]] for i in peel_record([k.inspection for k in kept], fw)]

    def holding(self, report: Inspection) -> str:
        """The name of the dataset on file that holds this report (the same report by
        compare.record's rule: its title or cycle and its date), or ""."""
        from briefing.compare.record import same_report

        return next((n for n, _, i in self.reports if i.response is None and same_report(report, i)), "") \
            if report.response is None else ""

    def named(self, name: str) -> tuple[str, Path, Inspection]:
        found = next((r for r in self.reports if r[0] == name), None)
        if found is None:
            raise BriefingError(f"no report {name!r} on file")
        return found


_READ: dict[Path, tuple[tuple, object]] = {}  # path -> (its size and time, what load_datasets made of it)


def read_record(folder: OfficeFolder, reference=None) -> Record:
    """Every dataset as load_datasets reads it; a file unchanged since the last page (its
    size and modification time) is not read again, so each page costs what changed."""
    reports, unreadable = [], []
    for path in folder.dataset_paths():
        name = folder.name_of(path)
        found = _load(path, reference)
        if isinstance(found, BriefingError):
            problems = getattr(found, "problems", None) or [found]
            unreadable.append((name, problems[0].message))
            continue
        reports += [(name if len(found) == 1 else f"{name}#{n}", path, i) for n, i in enumerate(found, start=1)]
    return Record(tuple(reports), tuple(unreadable))


def _load(path: Path, reference):
    from briefing.ingest.dataset import load_datasets

    stat = path.stat()
    key = (stat.st_size, stat.st_mtime_ns, id(reference))
    known = _READ.get(path)
    if known is not None and known[0] == key:
        return known[1]
    try:
        found = load_datasets(path, reference)
    except BriefingError as exc:
        found = exc
    _READ[path] = (key, found)
    return found


def choose_force(record: Record, asked: str | None) -> str:
    """The force a page is about: the one asked for, else the one whose PEEL inspections
    are on file (the most of them), else the first named."""
    forces = record.forces
    if asked in forces:
        return asked
    peel = sorted(forces, key=lambda f: -sum(1 for _, _, i in record.reports if i.force == f and i.cycle))
    return peel[0] if peel else ""
