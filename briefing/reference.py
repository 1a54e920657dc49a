"""Everything the tool knows that is not in a report: the files of data/ (frameworks,
forces, finding kinds, report types, source kinds, themes, offices, wording), read and
checked once into one Reference.

Why one object: an analyst may edit data/ (the design card keeps it out of Python), and a
mistake there must be one line naming the file and the entry (".../forces.yaml, forces,
entry 12: expected a name, or a name and a list of its other names") before any report is
read, not a traceback from whichever module read the file first.

What an office adapts, the frameworks, the forces, the offices and the source kinds, goes
as a parameter: `extract(..., reference=)`, `load_dataset(..., reference)`,
`load_inspections(..., reference)`, `PackRequest(reference=)` (and from there compare,
history and the document builders take its frameworks). The vocabulary every module shares
as constants (finding kinds, report types, wording, the s.55 period) is the process's own
Reference's, `reference()`, read once, first of all (the command line reads it before any
command); themes are compiled per Reference given (`load_themes(reference)`) and the
comparison uses the process's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from briefing.errors import InputError
from briefing.frameworks import Frameworks
from briefing.reference_files import fields_of, held_on

FILES = ("frameworks.yaml", "forces.yaml", "finding_kinds.yaml", "report_types.yaml", "source_kinds.yaml",
         "themes.yaml", "offices.yaml", "wording.yaml", "language.yaml")


@dataclass(frozen=True, eq=False)  # one object: what is made from it is kept by the object, not by its contents
class Reference:
    folder: Path
    frameworks: Frameworks
    forces: tuple[tuple[str, tuple[str, ...]], ...]  # (name, other names) as reports name them
    finding_kinds: Mapping[str, Mapping]  # id -> label, plural, short, severity, s55, wordings
    report_types: Mapping[str, Mapping]  # id -> name, plural
    s55: Mapping  # days, limit_from: the response period of s.55(5A)
    source_kinds: Mapping[str, Mapping]  # id -> name, complete, read (briefing.sources compiles them)
    theme_table: Mapping[str, Mapping]  # id -> name, keywords (briefing.compare.themes compiles them)
    offices: Mapping[str, tuple[tuple[date | None, str], ...]]  # force -> (from, its local policing body's title), oldest first
    default_office: str
    wording: Mapping  # date, movements, unmatched
    language: Mapping  # numbers, ordinals, months, parts_of_year, renamings (briefing.extract.language)
    type_cues: tuple  # (report type, its patterns, title only) in the order tried (briefing.extract.reports.types)
    meetings: Mapping[str, Mapping[str, str]] = dataclasses.field(default_factory=dict)  # force -> audience -> the meeting its papers go to
    official_hosts: tuple[str, ...] = ()  # web hosts a report may be linked at (report_types.yaml)
    chief_officers: Mapping[str, str] = dataclasses.field(default_factory=dict)  # force (or "default") -> its chief's title
    outside_s55: Mapping[str, str] = dataclasses.field(default_factory=dict)  # force -> why s.55 does not cover its reports

    def office_on(self, force: str, day: date) -> str:
        """The title of the body over the force on `day` (offices.yaml), or "" where none
        is listed: PCCs' functions passed to mayors on known days (West Yorkshire in 2021)."""
        return held_on(self.offices.get(force, ()), day)

    def chief_for(self, force: str) -> str:
        """ "Chief Constable", or "Commissioner" for the two London forces (offices.yaml)."""
        return self.chief_officers.get(force) or self.chief_officers.get("default") or "Chief Constable"

    @classmethod
    def read(cls, folder: Path) -> Reference:
        """data/ as one Reference; a file that is missing, not YAML or not of the shape
        below is one InputError naming the file and the entry."""
        raw = {name: _yaml(folder / name) for name in FILES}
        try:
            return cls(folder=folder, **fields_of(raw))
        except InputError as exc:  # each check names its file; the error names where that file is
            raise InputError(exc.message, file=str(folder / exc.file) if exc.file in FILES else exc.file,
                             place=exc.place) from None


@cache
def reference() -> Reference:
    """The bundled data/ (or a wheel's copy), read once per process."""
    from briefing.resources import data_dir

    return Reference.read(data_dir())


def load_frameworks():
    """The frameworks of the process's Reference: what a stage given none reads with."""
    return reference().frameworks


def _yaml(path: Path):
    """The file's data; parsed once and kept between runs (briefing.parsed_cache)."""
    from briefing.limits import CONFIG_BYTES, read_bounded
    from briefing.parsed_cache import parsed

    try:
        text = read_bounded(path, CONFIG_BYTES, "data file").decode("utf-8")
    except (InputError, UnicodeDecodeError) as exc:  # missing, not a file, too big, not UTF-8: read, bounded
        raise InputError(f"cannot read the tool's data ({getattr(exc, 'message', None) or exc}); reinstall "
                         "briefing or restore the file", file=str(path)) from None
    return parsed(path, text, lambda text: _parse_yaml(path, text), ("yaml",))


def _parse_yaml(path: Path, text: str):
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise InputError(f"is not valid YAML ({getattr(exc, 'problem', None) or exc})", file=str(path),
                         place=where) from None
