"""What changed between two inspections of a force, frozen before anything renders it.

The JSON form (`Comparison.to_json`) is a contract other tools read: keys are only ever
added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.compare.grades import GradeChange, caveats, grade_changes
from briefing.compare.matching import key_terms, match_findings
from briefing.compare.overrides import Overrides
from briefing.compare.themes import themes_of
from briefing.frameworks import Frameworks, load_frameworks
from briefing.model import KIND_LABELS, SEVERITY, Finding, Inspection, KeyFigure

FORMAL = {"cause-of-concern", "recommendation", "area-for-improvement"}


@dataclass(frozen=True)
class FindingRef:
    kind: str
    area: str
    area_name: str
    text: str
    id: str
    place: str
    themes: tuple[str, ...]

    @classmethod
    def of(cls, finding: Finding, fw: Frameworks) -> FindingRef:
        return cls(finding.kind, finding.area, fw.area_name(finding.area) if finding.area else "", finding.text,
                   finding.id, str(finding.place), tuple(sorted(themes_of(finding.text))))

    @property
    def label(self) -> str:
        return self.id or f"{KIND_LABELS[self.kind]} ({self.place})"

    def to_json(self) -> dict:
        return {"kind": self.kind, "area": self.area, "area_name": self.area_name, "text": self.text,
                "id": self.id, "place": self.place, "themes": list(self.themes)}


@dataclass(frozen=True)
class PersistingConcern:
    old: FindingRef
    new: FindingRef
    score: float
    reason: str
    manual: bool = False
    merged: bool = False
    severity_change: str = ""  # "escalated", "de-escalated" or ""
    first_raised: str = ""  # publication of the earliest inspection that raised it
    times_raised: int = 2  # inspections in a row that raised it, this one included

    def to_json(self) -> dict:
        return {"old": self.old.to_json(), "new": self.new.to_json(), "score": self.score, "reason": self.reason,
                "manual": self.manual, "merged": self.merged, "severity_change": self.severity_change,
                "first_raised": self.first_raised, "times_raised": self.times_raised}


@dataclass(frozen=True)
class InspectionSummary:
    force: str
    cycle: str
    cycle_name: str
    title: str
    published: str
    published_iso: str
    source: str

    @classmethod
    def of(cls, inspection: Inspection, fw: Frameworks) -> InspectionSummary:
        return cls(inspection.force, inspection.cycle, fw.cycles[inspection.cycle].name, inspection.title,
                   str(inspection.published), inspection.published.iso(), inspection.source)

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Comparison:
    old: InspectionSummary
    new: InspectionSummary
    comparable: bool
    caveats: tuple[str, ...]
    grade_changes: tuple[GradeChange, ...]
    persisting: tuple[PersistingConcern, ...]
    resolved: tuple[FindingRef, ...]
    new_findings: tuple[FindingRef, ...]
    old_figures: tuple[KeyFigure, ...] = ()
    new_figures: tuple[KeyFigure, ...] = ()
    overrides: str = ""
    inspections: tuple[Inspection, Inspection] | None = field(default=None, compare=False, repr=False)

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
            "grade_changes": [dict(c.__dict__) for c in self.grade_changes],
            "persisting": [p.to_json() for p in self.persisting],
            "resolved": [f.to_json() for f in self.resolved],
            "new": [f.to_json() for f in self.new_findings],
            "overrides": self.overrides,
        }


def severity_change(old: Finding, new: Finding) -> str:
    if old.kind not in FORMAL or new.kind not in FORMAL:
        return ""  # an unclassified finding says nothing about severity
    delta = SEVERITY[new.kind] - SEVERITY[old.kind]
    return "escalated" if delta > 0 else "de-escalated" if delta < 0 else ""


def compare(old: Inspection, new: Inspection, overrides: Overrides | None = None,
            frameworks: Frameworks | None = None) -> Comparison:
    """Grade movements and persisting / resolved / new findings between two inspections."""
    fw = frameworks or load_frameworks()
    changes = grade_changes(fw, old, new)
    comparable, notes = caveats(fw, old, new, changes)
    force_words = frozenset(key_terms(f"{old.force} {new.force}")) | frozenset(
        w.lower() for w in f"{old.force} {new.force}".split())
    links = match_findings(old.findings, new.findings, pinned=set(overrides.pin if overrides else ()),
                           forbidden=set(overrides.forbid if overrides else ()), stopwords=force_words)
    persisting = tuple(PersistingConcern(FindingRef.of(old.findings[link.old], fw), FindingRef.of(new.findings[link.new], fw),
                                         link.score, link.reason, link.manual, link.merged,
                                         severity_change(old.findings[link.old], new.findings[link.new]),
                                         str(old.published)) for link in links)
    linked_old, linked_new = {link.old for link in links}, {link.new for link in links}
    return Comparison(
        old=InspectionSummary.of(old, fw), new=InspectionSummary.of(new, fw), comparable=comparable,
        caveats=tuple(notes), grade_changes=tuple(changes), persisting=persisting,
        resolved=tuple(FindingRef.of(f, fw) for i, f in enumerate(old.findings) if i not in linked_old),
        new_findings=tuple(FindingRef.of(f, fw) for j, f in enumerate(new.findings) if j not in linked_new),
        old_figures=old.key_figures, new_figures=new.key_figures,
        overrides=overrides.source if overrides else "", inspections=(old, new))
