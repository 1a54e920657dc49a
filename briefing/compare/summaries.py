"""What a comparison says of each inspection it compares, and of each finding and
judgement in it: as a reader names and finds them (labels, cited sources, the areas in the
cycle's own words), computed once so the document builder never reaches back into raw
inspections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.compare.counted import names_its_total
from briefing.compare.states import area_title, counted_rest
from briefing.compare.themes import finding_themes
from briefing.frameworks import Frameworks
from briefing.model import Correction, Finding, Inspection, RestGrade, stable_id
from briefing.places import Place
from briefing.sources import source_kind_name
from briefing.statements import Closure, Improvement, Quote, Unplaced


def place_text(place: Place) -> str:
    """ "p. 12" or "line 43": how an analyst finds the spot in the text used."""
    if place.page is not None:
        return f"p. {place.page}"
    return f"line {place.line}" if place.line is not None else ""


def citation(inspection: Inspection, place: Place) -> str:
    """How a reader of the paper finds a fact: the source by its title (and address), and
    the page of a document people open; a line of the text copy used is for the workbook."""
    cite = inspection.cite()
    return f"{cite}, p. {place.page}" if place.page is not None else cite


@dataclass(frozen=True)
class FindingRef:
    kind: str
    area: str
    area_name: str
    text: str
    id: str
    place: str
    themes: tuple[str, ...]
    label: str = ""  # "AFI 7", "Finding 3, p. 12": how a reader names it
    source: str = ""  # the inspection's title and the place: where a reader checks it
    tracker_id: str = ""  # stable across re-extraction: the tracker's key (model.stable_id)
    continues: str = ""  # the source's words saying it carries on from before ("still isn't"), where it says so
    continues_at: str = ""  # where those words stand, where not on its own line ("line 3"): another sentence's
    closed: Closure | None = None  # a source on file says HMICFRS closed it ("was discharged by HMICFRS")
    improved: Improvement | None = None  # the newer source says the force improved in it ("had improved its ...")
    areas: tuple[str, ...] = ()  # the areas its concern lists or points back to, where two or more (model.Finding)
    area_names: tuple[str, ...] = ()  # those areas in the cycle's own words
    concerns: tuple[str, ...] = ()  # of the concerns its finding lists, the ones this entry is about, where only
    #                                 some were raised again (matching.Link.concerns): those, or those left

    @property
    def partly(self) -> str:
        """What a pack adds after its text where the entry is about some of its concerns only:
        which ones, in the finding's words; "" for the whole finding."""
        return f" (only in part: {join_quoted(self.concerns)})" if self.concerns else ""

    @classmethod
    def of(cls, finding: Finding, label: str, inspection: Inspection, fw: Frameworks) -> FindingRef:
        """The area named in the inspection's own cycle's words, where it has one."""
        cycles = (inspection.cycle,) if inspection.cycle in fw.cycles else ()
        return cls(finding.kind, finding.area, area_title(fw, cycles, finding.area) if finding.area else "", finding.shown,
                   finding.id, str(finding.place), tuple(sorted(finding_themes(finding))), label,
                   citation(inspection, finding.place), stable_id(inspection.key(), finding), finding.continues,
                   str(finding.continues_at) if finding.continues_at else "", finding.closed, areas=finding.areas,
                   area_names=tuple(area_title(fw, cycles, a) for a in finding.areas))

    def to_json(self) -> dict:
        return {"kind": self.kind, "area": self.area, "area_name": self.area_name, "text": self.text,
                "id": self.id, "place": self.place, "themes": list(self.themes), "label": self.label,
                "source": self.source, "tracker_id": self.tracker_id,
                **({"continues": self.continues} if self.continues else {}),
                **({"continues_at": self.continues_at} if self.continues_at else {}),
                **({"areas": list(self.areas)} if self.areas else {}),
                **({"concerns": list(self.concerns)} if self.concerns else {}),
                **({"improved": {"subject": self.improved.subject, "text": self.improved.text,
                                 "line": self.improved.place.line, "page": self.improved.place.page}}
                   if self.improved else {})}


@dataclass(frozen=True)
class PersistingConcern:
    old: FindingRef
    new: FindingRef
    score: float
    reason: str
    manual: bool = False
    merged: bool = False
    severity_change: str = ""  # "escalated", "de-escalated" or ""
    first_raised: str = ""  # the earliest inspection on file that raised it, e.g. "PEEL 2017 (March 2018)"
    times_raised: int = 2  # inspections on file, in a row, that raised it (this one included)
    not_on_file: tuple[str, ...] = ()  # cycles between first_raised and now with no data on file
    earlier_unlisted: str = ""  # the inspection on file just before first_raised, where its source does not
    #                             list every finding: the concern may go back further than the record shows

    def to_json(self) -> dict:
        return {"old": self.old.to_json(), "new": self.new.to_json(), "score": self.score, "reason": self.reason,
                "manual": self.manual, "merged": self.merged, "severity_change": self.severity_change,
                "first_raised": self.first_raised, "times_raised": self.times_raised,
                "not_on_file": list(self.not_on_file), "earlier_unlisted": self.earlier_unlisted}


@dataclass(frozen=True)
class JudgementRef:
    """A judgement as the annex shows it: canonical area, the report's own wording, its source."""

    area: str
    area_name: str
    label: str
    grade: str
    source: str
    correction: str = ""
    corrected: Correction | None = None  # the correction itself, where one applies by the comparison's date
    place: str = ""  # "page 12", "line 663": where in the source used (model.Place), for the annex
    by: str = ""  # whose quoted words state it, where not the source's own (model.Judgement.by)

    @property
    def own_data(self) -> bool:
        """HMICFRS gives the force's own data being wrong as the reason for the correction."""
        return bool(self.corrected and OWN_DATA.search(self.corrected.reason))


# How HMICFRS words a correction made because the data a force supplied was wrong ("the
# original data supplied to HMICFRS by Northamptonshire Police ... was incorrect").
OWN_DATA = re.compile(r"\bdata\b.*\b(?:incorrect|wrong|inaccurate|error)|\b(?:incorrect|wrong|inaccurate)\b.*\bdata\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class InspectionSummary:
    force: str
    cycle: str
    cycle_name: str
    title: str
    published: str
    published_iso: str
    source: str
    source_kind: str = "hand-kept"
    source_kind_name: str = "hand-kept dataset"
    findings_complete: bool = False
    published_exact: date | None = None
    findings: tuple[FindingRef, ...] = ()
    judgements: tuple[JudgementRef, ...] = ()
    corrections: tuple[str, ...] = ()  # those made by the comparison's date: "Responding to the public changed ..."
    report: str = ""  # the full report to check where the source is partial
    cite: str = ""  # the source as a reader finds it (model.Inspection.cite)
    grades_from: str = ""  # how the grades were read, where not from the report's own table
    unplaced: tuple[Unplaced, ...] = ()  # grade words the reader saw but could not tie to an area
    headline: Quote | None = None  # the inspector's own summary sentence, where the source has one
    areas_graded: int | None = None  # how many areas the source says were graded
    rest: RestGrade | None = None  # "all other graded areas were adequate": the grade of every graded area not named
    counted_rest: tuple[str, ...] = ()  # the grade its counts leave every area it does not name (states.counted_rest)
    report_type: str = "peel"  # a monitoring letter given as an inspection has no s.55 last day (report_types.yaml)
    names_its_total: bool = False  # it names as many areas as it says were graded (compare.counted.names_its_total)
    published_by: date | None = None  # its day not stated, it was out on or before this one (model.Inspection.published_by)
    praised: tuple[Unplaced, ...] = ()  # "good at <a task>" it did not read as a grade (model.Inspection.praised)
    claimed: Quote | None = None  # its words on how many areas moved, naming none (model.Inspection.claimed)

    @property
    def name(self) -> str:
        """ "PEEL 2021/22 (2021)": the cycle and when its report was published."""
        return f"{self.cycle_name} ({self.published})"

    @classmethod
    def of(cls, inspection: Inspection, fw: Frameworks) -> InspectionSummary:
        labels = inspection.finding_labels()
        findings = tuple(FindingRef.of(f, label, inspection, fw) for f, label in zip(inspection.findings, labels))
        judgements = tuple(JudgementRef(j.area, fw.area_name(j.area), j.label, j.grade, citation(inspection, j.place),
                                        correction_text(j.correction, fw) if j.correction else "", j.correction,
                                        str(j.place), j.by)
                           for j in inspection.judgements)
        return cls(inspection.force, inspection.cycle, fw.short_name(inspection.cycle), inspection.title,
                   str(inspection.published), inspection.published.iso(), inspection.source, inspection.source_kind,
                   source_kind_name(inspection.source_kind), inspection.findings_complete,
                   inspection.published.exact, findings, judgements,
                   tuple(correction_text(j.correction, fw) for j in inspection.judgements if j.correction),
                   inspection.report or (inspection.title if inspection.source_kind == "report" else ""),
                   inspection.cite(), inspection.grades_from, inspection.unplaced, inspection.headline,
                   inspection.areas_graded, inspection.rest, counted_rest(fw, inspection) if inspection.cycle else (),
                   inspection.report_type, names_its_total(inspection), inspection.published_by, inspection.praised,
                   inspection.claimed)

    def to_json(self) -> dict:
        return {"force": self.force, "cycle": self.cycle, "cycle_name": self.cycle_name, "title": self.title,
                "published": self.published, "published_iso": self.published_iso, "source": self.source,
                "source_kind": self.source_kind, "findings_complete": self.findings_complete,
                "corrections": list(self.corrections), "report": self.report}


def join_quoted(items: tuple[str, ...]) -> str:
    """ "“A”, “B” and “C”": a finding's own words, each quoted."""
    said = [f"\u201c{item}\u201d" for item in items]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def correction_text(c, fw: Frameworks) -> str:
    reason = f" (HMICFRS: \u201c{c.reason.rstrip('.')}\u201d)" if c.reason else ""
    return f"{fw.area_name(c.area)} changed from {c.old_grade} to {c.new_grade} on {c.when}{reason}"
