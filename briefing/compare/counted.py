"""Grades a source counts without naming every area ("inadequate in four areas"): facts a
pack prints, and what they prove about movements where the names are missing.

A press release that says "requires improvement in four areas and inadequate in four"
names no area, yet it is the most important thing the source says. The count is kept as
stated, beside how many areas of that grade the source names, and a fall is said only as
far as the counts prove it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.compare.grades import GradeChange
from briefing.compare.states import NOT_GRADED
from briefing.frameworks import Frameworks
from briefing.model import Inspection, Place


@dataclass(frozen=True)
class CountedGrades:
    """ "inadequate in four areas": the grades (one, or "good or outstanding"), the count
    stated, and how many areas of those grades the source names."""

    grades: tuple[str, ...]
    count: int
    named: int
    place: Place = Place()

    @property
    def unnamed(self) -> int:
        return max(self.count - self.named, 0)

    def to_json(self) -> dict:
        return {"grades": list(self.grades), "count": self.count, "named": self.named, "place": str(self.place)}


def counted(inspection: Inspection) -> tuple[CountedGrades, ...]:
    """Each count the source states, with the areas of those grades it names. A count is of
    the grades as published, so a grade corrected since counts as it was published. A
    count the source states twice (a press release's summary and its quotation of the
    inspector) is one fact, said once: the first place it is stated."""
    published = [j.correction.old_grade if j.correction else j.grade for j in inspection.graded]
    first = {}
    for c in inspection.grade_counts:
        first.setdefault((c.grades, c.count), c)
    return tuple(CountedGrades(c.grades, c.count, sum(1 for g in published if g in c.grades), c.place)
                 for c in first.values())


def falls_proven(fw: Frameworks, rows: list[GradeChange], counts: tuple[CountedGrades, ...]) -> int:
    """The fewest areas that must have gone down, given the named grades and the newer
    source's counts: for a grade g, the newer source puts at least N areas at g or worse,
    and only S of the later cycle's areas could be there without a fall (not named above
    g, and their earlier grade no better than g, or not known), so at least N - S fell. Nothing is proven where
    the counts hold more areas than the later cycle has (they may count others), or where a
    grade was corrected after the counts were published."""
    areas = [r for r in rows if r.new_state.state != NOT_GRADED]
    best = sum(1 for r in rows if r.movement == "down")
    if sum(c.count for c in counts) > len(areas) or any(r.correction for r in rows):
        return best  # the counts may hold other areas, or grades corrected since they were stated
    for limit in sorted({max(fw.ranks[g] for g in c.grades) for c in counts}):
        stated = sum(c.count for c in counts if max(fw.ranks[g] for g in c.grades) <= limit)
        named = sum(1 for r in areas if r.new_state.graded and fw.ranks[r.new_grade] <= limit)
        could = sum(1 for r in areas if not (r.old_state.graded and fw.ranks[r.old_grade] > limit)
                    and not (r.new_state.graded and fw.ranks[r.new_grade] > limit))
        best = max(best, max(stated, named) - could)
    return best
