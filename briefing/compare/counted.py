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
from briefing.compare.states import NOT_GRADED, NOT_STATED, names_its_total  # noqa: F401 (its callers take it here)
from briefing.frameworks import Frameworks
from briefing.model import Inspection
from briefing.places import Place


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


def counted(inspection: Inspection, named_later: tuple[str, ...] = ()) -> tuple[CountedGrades, ...]:
    """Each count the source states, with the areas of those grades it names. A count is of
    the grades as published, so a grade corrected since counts as it was published. A
    count the source states twice (a press release's summary and its quotation of the
    inspector) is one fact, said once: the first place it is stated. `named_later` are the
    grades of areas this source leaves out that a newer source names (states.stated_before):
    "inadequate in two areas", one named, and the newer source's "an improvement from the
    'inadequate' grading it received in this area" names the other."""
    published = [j.correction.old_grade if j.correction else j.grade for j in inspection.graded] + list(named_later)
    first = {}
    for c in inspection.grade_counts:
        first.setdefault((c.grades, c.count), c)
    return tuple(CountedGrades(c.grades, c.count, sum(1 for g in published if g in c.grades), c.place)
                 for c in first.values())


def falls_proven(fw: Frameworks, rows: list[GradeChange], new_counts: tuple[CountedGrades, ...],
                 old_counts: tuple[CountedGrades, ...] = (), outside: tuple[int, int] = (0, 0)) -> int:
    """The fewest areas that must have gone down, given the named grades and both sources'
    counts: for a grade g, the newer source puts at least N areas at g or worse, and at most
    S of them can be there without a fall (an area the earlier cycle did not grade, or one
    whose earlier grade was g or worse: named, or as many as the older source's counts
    leave room for), so at least N - S fell. `outside` gives, for the older and the newer
    side, how many areas its cycle grades that are not rows here (a count may hold them).
    Nothing is proven where a source's counts hold more areas than its cycle has, or where
    a grade was corrected after the counts were published."""
    best = sum(1 for r in rows if r.movement == "down")
    old, new = Side("old_state", old_counts, outside[0]), Side("new_state", new_counts, outside[1])
    return max(best, _proven(fw, rows, new, old))


def rises_proven(fw: Frameworks, rows: list[GradeChange], old_counts: tuple[CountedGrades, ...],
                 new_counts: tuple[CountedGrades, ...], outside: tuple[int, int] = (0, 0)) -> int:
    """The fewest areas that must have gone up: the mirror of `falls_proven`, from the areas
    the older source puts at g or worse and the room the newer source leaves there ("good
    in five areas and adequate in four" leaves none below adequate, so every area named
    requires improvement before went up)."""
    best = sum(1 for r in rows if r.movement == "up")
    old, new = Side("old_state", old_counts, outside[0]), Side("new_state", new_counts, outside[1])
    return max(best, _proven(fw, rows, old, new))


def bounded(fw: Frameworks, rows: list[GradeChange], old_counts: tuple[CountedGrades, ...],
            new_counts: tuple[CountedGrades, ...], outside: tuple[int, int] = (0, 0),
            partial: frozenset[str] = frozenset()) -> dict[str, str]:
    """Areas named on one side only whose movement the other side's counts prove, by at least
    one grade: West Yorkshire's public treatment, outstanding in 2021/22, went down where
    2023-25's one outstanding area is named and is another; Wiltshire's three areas named
    inadequate in 2021/22 went up where 2023-25's counts of every area hold no inadequate.
    Never where a grade was corrected after the counts were published, nor for an area the
    two cycles match only in part (`partial`)."""
    old, new = Side("old_state", old_counts, outside[0]), Side("new_state", new_counts, outside[1])
    out = {}
    for r in rows:
        if r.movement != "not-known" or r.correction or r.area in partial:
            continue
        if r.old_state.graded and r.new_state.state == NOT_STATED and not r.new_state.rest:
            rank = fw.ranks[r.old_grade]
            moved = "down" if not new.may_reach(fw, rows, rank) else "up" if not new.may_fall_to(fw, rows, rank) else ""
        elif r.new_state.graded and r.old_state.state == NOT_STATED and not r.old_state.rest:
            rank = fw.ranks[r.new_grade]
            moved = "up" if not old.may_reach(fw, rows, rank) else "down" if not old.may_fall_to(fw, rows, rank) else ""
        else:
            moved = ""
        if moved:
            out[r.area] = moved
    return out


@dataclass(frozen=True)
class Side:
    """One inspection of the pair, as the proof sees it: which state of a row is its grade,
    its counts, and how many areas its cycle grades beyond the rows (which a count may hold)."""

    state: str  # "old_state" or "new_state"
    counts: tuple[CountedGrades, ...]
    outside: int

    def of(self, row: GradeChange):
        return getattr(row, self.state)

    def areas(self, rows: list[GradeChange]) -> list[GradeChange]:
        return [r for r in rows if self.of(r).state != NOT_GRADED]

    def fits(self, rows: list[GradeChange]) -> bool:
        """No more areas counted than the cycle has, nor more unnamed ones than it leaves
        without a stated grade."""
        areas = self.areas(rows)
        unknown = sum(1 for r in areas if not self.of(r).graded)
        return (sum(c.count for c in self.counts) <= len(areas) + self.outside
                and sum(c.unnamed for c in self.counts) <= unknown + self.outside)

    def may_reach(self, fw: Frameworks, rows: list[GradeChange], rank: int) -> bool:
        """Whether an area this side does not name may have a grade at `rank` or better: not
        where its counts hold every area it leaves unnamed and none of those counts reaches it
        (West Yorkshire 2023-25: "outstanding in one area", named; the rest good or worse)."""
        return self.unheld(rows) or any(c.unnamed and max(fw.ranks[g] for g in c.grades) >= rank for c in self.counts)

    def may_fall_to(self, fw: Frameworks, rows: list[GradeChange], rank: int) -> bool:
        """Whether an area this side does not name may have a grade at `rank` or worse."""
        return self.unheld(rows) or any(c.unnamed and min(fw.ranks[g] for g in c.grades) <= rank for c in self.counts)

    def unheld(self, rows: list[GradeChange]) -> bool:
        """Some area this side does not name may be one no count holds (so it may have any grade)."""
        unknown = sum(1 for r in self.areas(rows) if not self.of(r).graded) + self.outside
        return not self.counts or not self.fits(rows) or unknown > sum(c.unnamed for c in self.counts)

    def room(self, fw: Frameworks, rows: list[GradeChange], limit: int) -> int:
        """The most rows this side can put at the rank `limit` or worse: those it names there,
        and of the rest, all but those its counts place above `limit` (less any its cycle's
        other areas can hold). Without counts that fit, every unnamed row can be there."""
        areas = self.areas(rows)
        named = sum(1 for r in areas if self.of(r).graded and fw.ranks[self.of(r).grade] <= limit)
        unknown = sum(1 for r in areas if not self.of(r).graded and not above_if_graded(fw, self.of(r), limit))
        if not self.counts or not self.fits(rows) or any(self.of(r).rest for r in areas):
            return named + unknown  # a "the rest" statement already placed every unnamed row
        above = sum(c.unnamed for c in self.counts if min(fw.ranks[g] for g in c.grades) > limit)
        return named + unknown - max(above - self.outside, 0)


def above_if_graded(fw: Frameworks, state, limit: int) -> bool:
    """An area the source does not name but says of every such graded area that it is above
    `limit` ("all other graded areas were adequate"): it is above, or was not graded."""
    return bool(state.rest) and min(fw.ranks[g] for g in state.rest) > limit


def _proven(fw: Frameworks, rows: list[GradeChange], side: Side, other: Side) -> int:
    """Rows at g or worse on `side` that cannot be at g or worse (or ungraded) on `other`."""
    if any(r.correction for r in rows) or not side.fits(rows):
        return 0  # the counts are of grades as published; a corrected one may be counted either way
    areas = side.areas(rows)
    best = 0
    for limit in sorted({max(fw.ranks[g] for g in c.grades) for c in side.counts} |
                        {fw.ranks[side.of(r).grade] for r in areas if side.of(r).graded}):
        at = [r for r in areas if side.of(r).graded and fw.ranks[side.of(r).grade] <= limit]
        unknown = [r for r in areas if not side.of(r).graded and not above_if_graded(fw, side.of(r), limit)]
        stated = sum(c.count for c in side.counts if max(fw.ranks[g] for g in c.grades) <= limit)
        least = max(stated - side.outside, len(at))
        extra = min(max(least - len(at), 0), len(unknown))  # the fewest unnamed rows that make up the count

        def stays(r) -> str:  # "ungraded", "maybe" (can be at g or worse there too) or "" (cannot)
            state = other.of(r)
            if state.state == NOT_GRADED or above_if_graded(fw, state, limit):  # above it, or not graded at all
                return "ungraded"
            return "maybe" if not (state.graded and fw.ranks[state.grade] > limit) else ""

        named, rest = [stays(r) for r in at], [stays(r) for r in unknown]
        ungraded = named.count("ungraded") + min(extra, rest.count("ungraded"))
        maybe = min(other.room(fw, rows, limit), named.count("maybe") + min(extra, rest.count("maybe")))
        best = max(best, least - min(least, ungraded + maybe))
    return best
