"""What changed between two inspections of a force, frozen before anything renders it.

A Comparison carries everything a briefing needs (labels, sources, what each source
covers, corrections, the s.55 date, how long each concern has lasted), so the document
builder never reaches back into raw inspections and every fact is computed once.

The JSON form (`Comparison.to_json`) is a contract other tools read: keys are only ever
added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from briefing.compare.carried import carried_links
from briefing.compare.concerns import area_of_concerns, concerns_left
from briefing.compare.counted import CountedGrades, Side, bounded, counted, falls_proven, names_its_total, rises_proven
from briefing.compare.grades import GradeChange, caveats, grade_changes
from briefing.compare.matching import improvements_for, key_terms, match_findings
from briefing.compare.overrides import Overrides
from briefing.compare.register import s55_due
from briefing.compare.states import LATER, NAMED_ALL, NOT_GRADED, NOT_STATED
from briefing.compare.summaries import FindingRef, InspectionSummary, PersistingConcern
from briefing.errors import BriefingError
from briefing.frameworks import Frameworks
from briefing.model import NOT_S55_TYPES, SEVERITY, Finding, Inspection, KeyFigure
from briefing.phrases import unmatched_new_words, unmatched_words
from briefing.reference import load_frameworks
from briefing.statements import Improvement

FORMAL = {"cause-of-concern", "recommendation", "area-for-improvement"}


@dataclass(frozen=True)
class Comparison:
    old: InspectionSummary
    new: InspectionSummary
    comparable: bool
    caveats: tuple[str, ...]
    grade_changes: tuple[GradeChange, ...]
    persisting: tuple[PersistingConcern, ...]
    resolved: tuple[FindingRef, ...]  # older findings the newer source does not raise again
    new_findings: tuple[FindingRef, ...]
    old_figures: tuple[KeyFigure, ...] = ()
    new_figures: tuple[KeyFigure, ...] = ()
    overrides: str = ""
    s55_due: date | None = None  # last day for the PCC's published response
    on_file: tuple[str, ...] = ()  # every inspection of the force on file, oldest first
    not_on_file: tuple[str, ...] = ()  # cycles between the first and last on file with no data
    cycles_on_file: tuple[str, ...] = ()  # the cycle id of each inspection in `on_file`
    old_counts: tuple[CountedGrades, ...] = ()  # grades each source counts ("inadequate in four areas")
    new_counts: tuple[CountedGrades, ...] = ()
    falls_at_least: int = 0  # areas that went down, named or proven by the newer source's counts
    falls_need_both: bool = False  # the proof needs the older source's counts as well as the newer's
    rises_at_least: int = 0  # areas that went up, named or proven by the two sources' grades and counts
    worked_on: tuple[Improvement, ...] = ()  # the newer source's words of the earlier concerns as a whole ("has made
    # significant efforts to address the concerns ... we identified"): efforts, tied to no finding, resolving none
    unstated_weak_grades: tuple[str, ...] = ("requires improvement", "inadequate")  # what an area whose newer grade
    # is not stated may be, of the weak grades (Wiltshire's counts of all nine areas hold no inadequate: RI only)

    @property
    def unstated_may_be_weak(self) -> bool:
        """An area whose newer grade is not stated may be requires improvement or worse."""
        return bool(self.unstated_weak_grades)

    @property
    def persisting_count(self) -> int:
        """How many earlier findings persist: one raised again part by part in two later findings
        (Wiltshire 2021/22's three-part concern, in 2023-25 :4 and :8) is one concern, not two."""
        return len({p.old.tracker_id or p.old.label for p in self.persisting})

    @property
    def unmatched_confirmed(self) -> bool:
        """True when 'not raised again' is a fact: the newer source lists every finding."""
        return self.new.findings_complete

    @property
    def continuing(self) -> tuple[FindingRef, ...]:
        """Later findings matched to no earlier one whose own words say they carry on from
        before ("the force still isn't attending incidents ..."): never "new", whatever the
        earlier source lists."""
        return tuple(f for f in self.new_findings if f.continues)

    @property
    def new_confirmed(self) -> bool:
        """True when 'new' is a fact: the older source lists every finding, so a later one
        with no counterpart there was not raised before (in that inspection)."""
        return self.old.findings_complete

    @property
    def every_area_graded_twice(self) -> bool:
        """Every row has a grade on both sides or a framework's reason for none: only then may
        a pack say that no grade fell (and no counted grade is left unnamed)."""
        return all(g.old_state.state != "not-stated" and g.new_state.state != "not-stated" for g in self.grade_changes) \
            and not any(c.unnamed for c in self.new_counts + self.old_counts)

    def movements(self, kind: str) -> list[GradeChange]:
        return [c for c in self.grade_changes if c.movement == kind]

    def to_json(self) -> dict:
        """The contract names both the newer inspection and the new findings "new"; JSON keeps
        one value per key, so "new" is the findings and "older"/"newer" hold the inspections
        ("old" is the older inspection, as the contract says)."""
        return {
            "old": self.old.to_json(), "older": self.old.to_json(), "newer": self.new.to_json(),
            "comparable": self.comparable,
            "caveats": list(self.caveats),
            "grade_changes": [c.to_json() for c in self.grade_changes],
            "persisting": [p.to_json() for p in self.persisting],
            "resolved": [f.to_json() for f in self.resolved],
            "resolved_means": unmatched_words(self.unmatched_confirmed),
            "new": [f.to_json() for f in self.new_findings],
            "new_means": unmatched_new_words(self.new_confirmed),
            "old_counts": [g.to_json() for g in self.old_counts], "new_counts": [g.to_json() for g in self.new_counts],
            "falls_at_least": self.falls_at_least,
            "rises_at_least": self.rises_at_least,
            "overrides": self.overrides,
            "s55_due": self.s55_due.isoformat() if self.s55_due else None,
            "on_file": list(self.on_file), "not_on_file": list(self.not_on_file),
        }


def severity_change(old: Finding, new: Finding) -> str:
    if old.kind not in FORMAL or new.kind not in FORMAL:
        return ""  # an unclassified finding says nothing about severity
    delta = SEVERITY[new.kind] - SEVERITY[old.kind]
    return "escalated" if delta > 0 else "de-escalated" if delta < 0 else ""


def compare(old: Inspection, new: Inspection, overrides: Overrides | None = None,
            frameworks: Frameworks | None = None, as_of: date | None = None, record=None,
            allow_different_forces: bool = False) -> Comparison:
    """Grade movements and persisting / resolved / new findings between two inspections.

    Grades stand as corrected on `as_of` (default: every correction on file). With a
    `record` (the force's History), each persisting concern says how long it has lasted.
    """
    fw = frameworks or load_frameworks()
    check_pair(old, new, fw, allow_different_forces)
    old, new = old.corrected(as_of), new.corrected(as_of)
    changes = grade_changes(fw, old, new)
    comparable, notes = caveats(fw, old, new, changes)
    if old.force != new.force:
        notes.insert(0, f"This paper compares two different forces, {old.force} and {new.force}, as asked "
                        "(--allow-different-forces): a movement here is a difference between forces, not a change "
                        "over time, and no finding of one force is resolved by the other.")
    force_words = frozenset(key_terms(f"{old.force} {new.force}")) | frozenset(
        w.lower() for w in f"{old.force} {new.force}".split())
    forbidden = set(overrides.forbid if overrides else ())
    links = match_findings(old.findings, new.findings, pinned=set(overrides.pin if overrides else ()),
                           forbidden=forbidden, stopwords=force_words)
    links = carried_links(old.findings, new.findings, links, fw, forbidden, force_words)  # never resolved on silence
    older, newer = InspectionSummary.of(old, fw), InspectionSummary.of(new, fw)
    persisting = tuple(PersistingConcern(replace(older.findings[link.old], concerns=link.concerns), newer.findings[link.new],
                                         link.score, link.reason, link.manual, link.merged,
                                         severity_change(old.findings[link.old], new.findings[link.new]),
                                         older.name) for link in links)
    left = concerns_left(old.findings, links)  # a finding raised again in part is, for the rest, not raised again
    linked_old, linked_new = {link.old for link in links} - set(left), {link.new for link in links}
    old_counts = counted(old, tuple(g.old_grade for g in changes if g.old_state.why == LATER))
    new_counts = counted(new)
    changes = _bounded(fw, changes, old, new, old_counts, new_counts)
    comparison = Comparison(
        old=older, new=newer, comparable=comparable,
        caveats=tuple(notes), grade_changes=tuple(changes), persisting=persisting,
        resolved=_improved(old, new, tuple(replace(f, concerns=left.get(i, ())) for i, f in enumerate(older.findings)),
                           linked_old, force_words),
        worked_on=tuple(i for i in new.improved if i.every) if old.findings else (),
        new_findings=tuple(f for j, f in enumerate(newer.findings) if j not in linked_new),
        old_figures=old.key_figures, new_figures=new.key_figures,
        overrides=overrides.source if overrides else "",
        s55_due=None if new.report_type in NOT_S55_TYPES else s55_due(new.published, new.force),
        on_file=(older.name, newer.name), cycles_on_file=(old.cycle, new.cycle), not_on_file=tuple(fw.short_name(c.id) for c in fw.cycles_missing([old.cycle, new.cycle])),
        old_counts=old_counts, new_counts=new_counts, **_movements_proven(fw, changes, old, new, old_counts, new_counts))
    return with_record(comparison, record) if record is not None else comparison


def _improved(old: Inspection, new: Inspection, refs, linked_old: set[int], stop: frozenset[str]) -> tuple:
    """The earlier findings the newer source does not raise again, each with the improvement
    it states of it, where it states one (matching.improvements_for)."""
    left = [i for i in range(len(refs)) if i not in linked_old]
    # of a finding raised again in part, only the concerns left: an improvement in the part raised again is not theirs
    unsaid = [replace(old.findings[i], text="; ".join(refs[i].concerns),
                      area=area_of_concerns(old.findings[i], refs[i].concerns)) if refs[i].concerns else old.findings[i]
              for i in left]
    said = improvements_for(unsaid, [i for i in new.improved if not i.every], stop)
    return tuple(replace(refs[i], improved=imp) if imp else refs[i] for i, imp in zip(left, said))


def check_pair(old: Inspection, new: Inspection, fw: Frameworks, allow_different_forces: bool = False) -> None:
    """Refuse pairs that would make a wrong briefing with a straight face: two forces, one
    inspection twice, or the newer given first (its findings would all read as "resolved")."""
    def name(i: Inspection) -> str:
        return f"{i.force}, {fw.short_name(i.cycle)} ({i.published})"

    if old.force != new.force and not allow_different_forces:
        raise BriefingError(f"OLD is {name(old)} and NEW is {name(new)}: a briefing compares two inspections of one "
                            "force; give two inspections of the same force")
    same_day = old.published.sort_key() == new.published.sort_key()
    if old.force == new.force and old.cycle == new.cycle and same_day:
        raise BriefingError(f"OLD and NEW are the same inspection ({name(new)}); give the earlier inspection "
                            "first and the later one second")
    later = (old.published.sort_key() > new.published.sort_key()
             or (same_day and fw.cycles[old.cycle].order > fw.cycles[new.cycle].order))
    if later and old.published.known and new.published.known:
        raise BriefingError(f"OLD ({name(old)}) is later than NEW ({name(new)}); give the earlier inspection first")


def with_record(comparison: Comparison, record) -> Comparison:
    """The comparison with each persisting concern's lifetime taken from the force's record."""
    persisting = []
    for p in comparison.persisting:
        chain = record.lineage_of(comparison.new, p.new.tracker_id)
        if len(chain) >= 2:
            first = chain[-1]
            before = record.inspections[first - 1] if first > 0 else None
            p = replace(p, first_raised=record.name_of(first), times_raised=len(chain),
                        not_on_file=record.missing_between(first, record.index_of(comparison.new)),
                        earlier_unlisted=record.name_of(first - 1) if before and not before.findings_complete else "")
        persisting.append(p)
    return replace(comparison, persisting=tuple(persisting), on_file=tuple(record.names()),
                   cycles_on_file=tuple(i.cycle for i in record.inspections),
                   not_on_file=record.not_on_file)


def _movements_proven(fw, changes, old: Inspection, new: Inspection, old_counts, new_counts) -> dict:
    """Movements the counts prove beyond those named, whether a fall's proof rests on the
    older source's counts too (the pack then says "the two sources' counts"), and whether an
    area whose newer grade is not stated can be requires improvement or worse."""
    outside = (_outside(fw.cycles[old.cycle], changes, "old_state"), _outside(fw.cycles[new.cycle], changes, "new_state"))
    newer_only = falls_proven(fw, changes, new_counts, (), outside)
    falls = falls_proven(fw, changes, new_counts, old_counts, outside)
    return {"falls_at_least": falls, "falls_need_both": falls > newer_only,
            "rises_at_least": rises_proven(fw, changes, old_counts, new_counts, outside),
            "unstated_weak_grades": tuple(g for g in ("requires improvement", "inadequate")
                                          if _unstated_may_be(fw, changes, new, new_counts, outside[1], g))}


def _bounded(fw, changes, old: Inspection, new: Inspection, old_counts, new_counts) -> list:
    """Each row with the movement the counts prove for it, where they prove one."""
    outside = (_outside(fw.cycles[old.cycle], changes, "old_state"), _outside(fw.cycles[new.cycle], changes, "new_state"))
    partial = frozenset(a.canonical for cycle in (fw.cycles[old.cycle], fw.cycles[new.cycle]) for a in cycle.areas
                        if a.partial)
    moved = bounded(fw, changes, old_counts, new_counts, outside, partial)
    return [replace(g, bound=moved[g.area]) if g.area in moved else g for g in changes]


def _unstated_may_be(fw, changes, new: Inspection, counts, outside: int, grade: str) -> bool:
    """Whether an area whose newer grade is not stated may be `grade`: a count of that grade
    leaves an area unnamed, or, where no count has it, an area may be one no count holds. A
    count is of every area with its grade ("requires improvement in three areas", all three
    named, leaves none for the rest: Kent 2021/22), and a "the rest" statement gives theirs."""
    unstated = [g for g in changes if g.new_state.state == NOT_STATED]
    if not unstated or all(g.new_state.rest and grade not in g.new_state.rest for g in unstated):
        return False
    if names_its_total(new):  # an area it does not name is outside its counts
        return True
    with_grade = [c for c in counts if grade in c.grades]
    if with_grade:
        return any(c.unnamed for c in with_grade)
    held_all = bool(new.areas_graded) and sum(c.count for c in counts) == new.areas_graded
    return Side("new_state", counts, outside).unheld(changes) and not held_all


def _outside(cycle, changes, side: str) -> int:
    """Areas the cycle grades in PEEL that are not rows of the comparison: a source's count
    ("good in three areas") may hold them, so a proof must leave them room. A row its source
    shows was not graded (it names every area it graded) is no room for a count."""
    rows = {c.area for c in changes if getattr(c, side).state != NOT_GRADED or getattr(c, side).why == NAMED_ALL}
    return len({a.canonical for a in cycle.areas if a.graded and not a.elsewhere and a.canonical not in rows})
