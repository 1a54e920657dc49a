"""A force's whole record: grade timelines, themes over time, and how long concerns last.

Built from consecutive pairwise comparisons, so "raised in 3 of 4 inspections" means the
same matching an analyst can inspect (and overrule) pair by pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.compare.comparison import Comparison, compare
from briefing.compare.themes import theme_name, themes_of
from briefing.errors import BriefingError
from briefing.frameworks import Frameworks, load_frameworks
from briefing.model import Inspection


@dataclass(frozen=True)
class GradePoint:
    inspection: str  # short name of the inspection
    cycle: str
    label: str
    grade: str


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
    of: int


@dataclass(frozen=True)
class History:
    force: str
    inspections: tuple[Inspection, ...]
    timelines: tuple[AreaTimeline, ...]
    themes: tuple[ThemeRecord, ...]
    steps: tuple[Comparison, ...]  # consecutive pairs, oldest first

    def lineage(self, finding_index: int) -> list[tuple[Inspection, str]]:
        """The latest inspection's finding and every earlier finding it continues, newest first."""
        chain = [(self.inspections[-1], self.inspections[-1].findings[finding_index].text)]
        text = chain[0][1]
        for step, older in zip(reversed(self.steps), reversed(self.inspections[:-1])):
            match = next((p for p in step.persisting if p.new.text == text and not p.merged), None)
            if match is None:
                break
            text = match.old.text
            chain.append((older, text))
        return chain

    def to_json(self) -> dict:
        return {
            "force": self.force,
            "inspections": [{"cycle": i.cycle, "title": i.title, "published": i.published.iso()}
                            for i in self.inspections],
            "timelines": [{"area": t.area, "area_name": t.area_name,
                           "grades": [p.__dict__ for p in t.points]} for t in self.timelines],
            "themes": [t.__dict__ for t in self.themes],
        }


def _order(inspections: Sequence[Inspection], fw: Frameworks) -> list[Inspection]:
    return sorted(inspections, key=lambda i: (i.published.sort_key(), fw.cycles[i.cycle].order))


def _timelines(ordered: list[Inspection], fw: Frameworks) -> tuple[AreaTimeline, ...]:
    areas = list(dict.fromkeys(j.area for i in reversed(ordered) for j in i.judgements if j.graded))
    return tuple(AreaTimeline(area, fw.area_name(area), tuple(
        GradePoint(fw.dated_name(i.cycle, i.published.year), i.cycle, j.label, j.grade)
        for i in ordered for j in i.judgements if j.area == area and j.graded)) for area in areas)


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


def history(inspections: Sequence[Inspection], frameworks: Frameworks | None = None) -> History:
    fw = frameworks or load_frameworks()
    if not inspections:
        raise BriefingError("history needs at least one inspection")
    forces = {i.force for i in inspections}
    if len(forces) > 1:
        raise BriefingError(f"history covers one force at a time, not {', '.join(sorted(forces))}")
    ordered = _order(inspections, fw)
    steps = tuple(compare(a, b, frameworks=fw) for a, b in zip(ordered, ordered[1:]))
    return History(ordered[0].force, tuple(ordered), _timelines(ordered, fw), _themes(ordered, fw), steps)
