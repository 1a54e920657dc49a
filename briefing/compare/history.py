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
from briefing.compare.states import GRADED, NO_AREA, UNGRADED, AreaState, area_title, covering, state_of
from briefing.compare.themes import finding_themes, theme_name
from briefing.errors import BriefingError
from briefing.frameworks import Frameworks
from briefing.model import Inspection
from briefing.reference import load_frameworks


@dataclass(frozen=True)
class GradePoint:
    """An area in one inspection on file: graded, not graded, or not stated in the source on
    file (the cycle graded it, the source gives no grade): compare.states."""

    inspection: str  # short name of the inspection
    cycle: str
    label: str
    grade: str  # "" when not graded (state says why)
    correction: str = ""
    state: str = GRADED
    why: str = ""  # for a state not graded: states.UNGRADED, SEPARATELY, SAID


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
    unlisted: int = 0  # of the inspections that did not raise it, those whose source does not list every finding

    @property
    def at_least(self) -> bool:
        """The count is a floor: a source that does not list every finding may leave the theme out."""
        return self.unlisted > 0


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

    def state_at(self, area: str, index: int) -> AreaState:
        """The area's state in the inspection at `index` (oldest first): for a grid of every
        area against every inspection on file."""
        return state_of(self.frameworks or load_frameworks(), self.inspections[index], area)

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
    """Each graded area's state in every inspection on file whose cycle has the area, oldest
    first: its grade, "not graded" (the cycle reports it separately, or the source says it
    was not graded) or "not stated" (the cycle graded it; the source on file gives no
    grade). A gap is said, never skipped, and never called "not graded"."""
    areas = list(dict.fromkeys(j.area for i in reversed(ordered) for j in i.judgements if j.graded))
    cycles = tuple(dict.fromkeys(i.cycle for i in reversed(ordered)))
    out = []
    for area in areas:
        points = []
        for i in ordered:
            state = state_of(fw, i, area)
            judgement = next((j for j in i.judgements if j.area == area), None)
            if state.why in (NO_AREA, UNGRADED):
                continue  # the cycle has no such question, or never grades it: nothing to say
            within = covering(fw.cycles[i.cycle], area)  # its work graded within another area: that area's words
            label = judgement.label if judgement else within.label if within else area_title(fw, (i.cycle,), area)
            corrected = judgement.correction if judgement and judgement.correction else None
            points.append(GradePoint(fw.dated_name(i.cycle, i.published.year), i.cycle, label, state.grade,
                                     f"corrected {corrected.when}" if corrected else "", state.state, state.why))
        out.append(AreaTimeline(area, area_title(fw, cycles, area), tuple(points)))
    return tuple(out)


def _themes(ordered: list[Inspection], fw: Frameworks) -> tuple[ThemeRecord, ...]:
    seen: dict[str, list[int]] = {}
    for index, inspection in enumerate(ordered):
        for theme in set().union(*(finding_themes(f) for f in inspection.findings if f.kind != "innovative-practice")):
            seen.setdefault(theme, []).append(index)

    def name(i: int) -> str:
        return fw.dated_name(ordered[i].cycle, ordered[i].published.year)

    records = [ThemeRecord(t, theme_name(t), name(idx[0]), name(idx[-1]), len(idx), len(ordered),
                           sum(1 for i, x in enumerate(ordered) if i not in idx and not x.findings_complete))
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
