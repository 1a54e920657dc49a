"""A force's whole record: grade timelines, themes over time, and how long concerns last.

Built from consecutive pairwise comparisons, so "raised in 3 of 4 inspections" means the
same matching an analyst can inspect (and overrule) pair by pair. The record is only what
is on file: every count says so, and the cycles with no data on file are named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing.compare.comparison import Comparison, InspectionSummary, compare
from briefing.compare.overrides import Overrides
from briefing.compare.themes import theme_name, themes_of
from briefing.errors import BriefingError
from briefing.frameworks import Frameworks
from briefing.model import Inspection
from briefing.reference import load_frameworks

NOT_ON_FILE = "not on file"  # a point whose cycle graded the area, the source on file giving no grade


@dataclass(frozen=True)
class GradePoint:
    inspection: str  # short name of the inspection
    cycle: str
    label: str
    grade: str
    correction: str = ""


@dataclass(frozen=True)
class AreaTimeline:
    area: str
    area_name: str
    points: tuple[GradePoint, ...]


@dataclass(frozen=True)
class ThemeRecord:
    theme: str
    name: str
    first: str
    latest: str
    raised_in: int
    of: int  # inspections on file


@dataclass(frozen=True)
class History:
    force: str
    inspections: tuple[Inspection, ...]
    timelines: tuple[AreaTimeline, ...]
    themes: tuple[ThemeRecord, ...]
    steps: tuple[Comparison, ...]  # consecutive pairs, oldest first
    not_on_file: tuple[str, ...] = ()  # cycles between the first and last on file with no data
    on_file: tuple[str, ...] = ()  # each inspection's name, "PEEL 2017 (March 2018)", oldest first
    frameworks: Frameworks | None = field(default=None, compare=False, repr=False)  # what it was made with

    def names(self) -> list[str]:
        return list(self.on_file)

    def name_of(self, index: int) -> str:
        return self.on_file[index]

    def index_of(self, summary: InspectionSummary) -> int | None:
        return next((i for i, x in enumerate(self.inspections)
                     if x.cycle == summary.cycle and x.title == summary.title), None)

    def lineage_of(self, summary: InspectionSummary, tracker_id: str) -> list[int]:
        """Indexes of the inspections that raised a finding, newest first, following the
        consecutive links back from `summary`'s finding with this stable id: by ids, never
        by wording, so two findings with the same words are never confused."""
        start = self.index_of(summary)
        if start is None:
            return []
        chain = [start]
        for index in range(start, 0, -1):
            match = next((p for p in self.steps[index - 1].persisting
                          if p.new.tracker_id == tracker_id and not p.merged), None)
            if match is None:
                break
            tracker_id = match.old.tracker_id
            chain.append(index - 1)
        return chain

    def step_between(self, old: Inspection, new: Inspection) -> Comparison | None:
        """The record's own comparison of two consecutive inspections on file, or None."""
        keys = [(i.key(), i.published.sort_key()) for i in self.inspections]
        for index, step in enumerate(self.steps):
            if keys[index] == (old.key(), old.published.sort_key()) and \
                    keys[index + 1] == (new.key(), new.published.sort_key()):
                return step
        return None

    def missing_between(self, first: int, last: int | None) -> tuple[str, ...]:
        fw = self.frameworks or load_frameworks()
        last = len(self.inspections) - 1 if last is None else last
        return tuple(fw.short_name(c.id) for c in fw.cycles_missing([i.cycle for i in self.inspections[first:last + 1]]))

    def to_json(self) -> dict:
        return {
            "force": self.force,
            "inspections": [{"cycle": i.cycle, "title": i.title, "published": i.published.iso(),
                             "source_kind": i.source_kind} for i in self.inspections],
            "not_on_file": list(self.not_on_file),
            "timelines": [{"area": t.area, "area_name": t.area_name,
                           "grades": [p.__dict__ for p in t.points]} for t in self.timelines],
            "themes": [t.__dict__ for t in self.themes],
        }


def _order(inspections: Sequence[Inspection], fw: Frameworks) -> list[Inspection]:
    return sorted(inspections, key=lambda i: (i.published.sort_key(), fw.cycles[i.cycle].order))


def _timelines(ordered: list[Inspection], fw: Frameworks) -> tuple[AreaTimeline, ...]:
    """Each graded area's grades, oldest first. An inspection whose cycle grades the area but
    whose source on file gives no grade for it (a pillar reported separately, a partial
    source) is a point "not on file": a gap is said, never skipped."""
    areas = list(dict.fromkeys(j.area for i in reversed(ordered) for j in i.judgements if j.graded))
    out = []
    for area in areas:
        points = []
        for i in ordered:
            found = [j for j in i.judgements if j.area == area and j.graded]
            points += [GradePoint(fw.dated_name(i.cycle, i.published.year), i.cycle, j.label, j.grade,
                                  f"corrected {j.correction.when}" if j.correction else "") for j in found]
            cycle_area = fw.cycles[i.cycle].area_for_canonical(area)
            if not found and cycle_area is not None and cycle_area.graded and not any(
                    j.area == area for j in i.judgements):
                points.append(GradePoint(fw.dated_name(i.cycle, i.published.year), i.cycle, cycle_area.label,
                                         NOT_ON_FILE))
        out.append(AreaTimeline(area, fw.area_name(area), tuple(points)))
    return tuple(out)


def _themes(ordered: list[Inspection], fw: Frameworks) -> tuple[ThemeRecord, ...]:
    seen: dict[str, list[int]] = {}
    for index, inspection in enumerate(ordered):
        for theme in set().union(*(themes_of(f.text) for f in inspection.findings if f.kind != "innovative-practice")):
            seen.setdefault(theme, []).append(index)

    def name(i: int) -> str:
        return fw.dated_name(ordered[i].cycle, ordered[i].published.year)

    records = [ThemeRecord(t, theme_name(t), name(idx[0]), name(idx[-1]), len(idx), len(ordered))
               for t, idx in seen.items()]
    return tuple(sorted(records, key=lambda r: (-r.raised_in, r.name)))


def history(inspections: Sequence[Inspection], frameworks: Frameworks | None = None,
            as_of: date | None = None, overrides: dict[tuple[str, str], Overrides] | None = None) -> History:
    """The record, each consecutive pair compared once, as of `as_of`. `overrides` holds an
    analyst's pins and forbids by pair ((older key, newer key)): the pair a pack compares is
    one of these steps, so its links and every lifetime built on them are the same links."""
    fw = frameworks or load_frameworks()
    if not inspections:
        raise BriefingError("history needs at least one inspection")
    forces = {i.force for i in inspections}
    if len(forces) > 1:
        raise BriefingError(f"history covers one force at a time, not {', '.join(sorted(forces))}")
    ordered = [i.corrected(as_of) for i in _order(inspections, fw)]
    overrides = overrides or {}
    steps = tuple(compare(a, b, overrides.get((a.key(), b.key())), frameworks=fw, as_of=as_of)
                  for a, b in zip(ordered, ordered[1:]))
    missing = tuple(fw.short_name(c.id) for c in fw.cycles_missing([i.cycle for i in ordered]))
    names = tuple(f"{fw.short_name(i.cycle)} ({i.published})" for i in ordered)  # as InspectionSummary.name
    return History(ordered[0].force, tuple(ordered), _timelines(ordered, fw), _themes(ordered, fw), steps, missing,
                   names, fw)
