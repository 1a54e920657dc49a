"""What one inspection report says, independent of the format it came in.

Every judgement, finding and figure carries a `Place` so any statement in a pack can be
traced back to the page or line of the report it came from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from briefing.places import Place, PublicationDate, long_date
from briefing.statements import (
    Closure,
    Improvement,
    Monitoring,
    Quote,
    Response,
    StatedCount,
    Unplaced,
)


def _kinds():
    from briefing.reference import reference

    return reference().finding_kinds


def _report_types():
    from briefing.reference import reference

    return reference().report_types


# The finding kinds of data/finding_kinds.yaml: one table for every name, severity and rule.
FINDING_KINDS = tuple(_kinds())
SEVERITY = {k: v["severity"] for k, v in _kinds().items()}  # for severity changes between inspections
KIND_LABELS = {k: v["label"] for k, v in _kinds().items()}
KIND_PLURALS = {k: v["plural"] for k, v in _kinds().items()}
ID_KINDS = {k: v["short"] for k, v in _kinds().items()}
S55_KINDS = frozenset(k for k, v in _kinds().items() if v["s55"])  # each answered in the s.55 response
KIND_WORDINGS = {k: tuple(v["wordings"]) for k, v in _kinds().items()}


def kind_count(kind: str, n: int) -> str:
    """ "1 area for improvement", "19 areas for improvement"."""
    return f"{n} {KIND_LABELS[kind].lower() if n == 1 else KIND_PLURALS[kind]}"


@dataclass(frozen=True)
class Correction:
    """A grade HMICFRS changed after publication, with when and why.

    Kept beside the published grade rather than overwriting it, so a pack can say both
    what the report first said and what stands now.
    """

    area: str  # canonical area id
    old_grade: str
    new_grade: str
    date: date
    reason: str = ""
    source: str = ""
    place: Place = field(default_factory=Place)

    @property
    def when(self) -> str:
        return long_date(self.date)


@dataclass(frozen=True)
class Judgement:
    area: str  # canonical area id from data/frameworks.yaml
    label: str  # the wording the report used
    grade: str  # a word from the cycle's scale, or "ungraded"
    place: Place = field(default_factory=Place)
    correction: Correction | None = None  # set when the grade stands corrected
    how: str = ""  # the reading rule that read it ("label", "grade-then-areas"); "" when kept by hand
    by: str = ""  # whose quoted words state it, where not the source's own ("Chief Constable Mark Roberts")

    @property
    def graded(self) -> bool:
        return self.grade != "ungraded"


CUT_OFF = "[the source's text ends here]"  # after a finding the source's text ends inside


@dataclass(frozen=True)
class Finding:
    kind: str
    area: str  # canonical area id, or "" when the report ties it to no area
    text: str
    id: str = ""
    relates_to: str = ""  # id of the cause of concern a recommendation answers
    place: Place = field(default_factory=Place)
    number: str = ""  # as the report labels it: "Recommendation 3", "AFI 7"
    addressee: str = ""  # who it is for, as written: "chief constables", "the force", "the College of Policing"
    due: str = ""  # its deadline: "2024-03-31", "2022-07 (by July 2022)", "within six months" (model.Deadline)
    status: str = ""  # as a register or tracker page gives it: "Open", "Complete", "Superseded"
    how: str = ""  # the reading rule that read it; "" when kept by hand
    continues: str = ""  # the source's own words saying it carries on from before ("still isn't"), where it says so
    continues_at: Place | None = None  # where those words stand, where not on the finding's own line: a later
    #                                    sentence pointing back, or another finding in its area ("There are ongoing
    #                                    concerns about how the force investigates crime")
    closed: Closure | None = None  # the source's sentence closing it ("we have closed the causes of concern"), where one does
    cut: bool = False  # the source's text ends inside it ("so that it a"): its words are whole only as far as they go
    areas: tuple[str, ...] = ()  # every area a concern lists ("concerns about how it investigates crime, protects
    #                              vulnerable people and manages offenders"), or that it points back to ("in these
    #                              areas"), where two or more

    @property
    def shown(self) -> str:
        """Its text as a pack prints it: a cut one marked so, never closed as if whole."""
        return f"{self.text} {CUT_OFF}." if self.cut else self.text


@dataclass(frozen=True)
class KeyFigure:
    name: str
    value: str
    unit: str = ""
    period: str = ""
    comparator: str = ""  # the England and Wales figure, as stated
    place: Place = field(default_factory=Place)
    how: str = ""


@dataclass(frozen=True)
class GradeCount:
    """A count stated without naming the areas ("'adequate' in six areas")."""

    grades: tuple[str, ...]
    count: int
    place: Place = field(default_factory=Place)
    how: str = ""


@dataclass(frozen=True)
class RestGrade:
    """ "All other graded areas of the force's work were ranked as adequate": the grade of every
    area the source grades but does not name. Not a count: how many those are is not said
    (an area the cycle grades may not have been graded for this force), so it names no area."""

    grades: tuple[str, ...]
    text: str  # the sentence that says so
    place: Place = field(default_factory=Place)
    how: str = ""


REPORT_TYPES = tuple(_report_types())  # peel, thematic, joint-thematic, force-inspection, ... (data/report_types.yaml)
REPORT_TYPE_NAMES = {k: v["name"] for k, v in _report_types().items()}
PEEL_RELATED = ("peel", "revisit-letter", "monitoring-letter")  # report types that may be about a PEEL cycle's findings
NOT_S55_TYPES = frozenset(k for k, v in _report_types().items() if v.get("s55") is False)  # letters, not inspection reports


@dataclass(frozen=True)
class Inspection:
    """One HMICFRS report about a force, of any type: a PEEL assessment has a cycle and
    grades; a thematic, force or joint inspection, a revisit or monitoring letter has its
    own title, the forces it covers and its findings."""

    force: str
    cycle: str  # a PEEL cycle, or "" for a report that is not about one
    title: str
    published: PublicationDate
    source: str
    judgements: tuple[Judgement, ...] = ()
    published_by: date | None = None  # its day not on file, it came out on or before this one (a later repost's date)
    findings: tuple[Finding, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    grade_counts: tuple[GradeCount, ...] = ()
    areas_graded: int | None = None  # how many areas the source says were graded ("across eight areas of policing")
    rest: RestGrade | None = None  # "all other graded areas were adequate": the grade of every graded area not named
    notes: str = ""
    source_kind: str = "hand-kept"  # a key of data/source_kinds.yaml
    findings_complete: bool = False  # does the source list every finding of the inspection?
    corrections: tuple[Correction, ...] = ()
    report: str = ""  # the full report a partial source describes: its title and address
    report_type: str = "peel"  # a key of data/report_types.yaml
    inspectorates: tuple[str, ...] = ()  # HMICFRS, HMCPSI, HMIP ... as the source names them
    covers: tuple[str, ...] = ()  # the forces it is about: ("all",) for a national report
    counts: tuple[StatedCount, ...] = ()
    response: Response | None = None  # where the source is the PCC's published response to it
    source_title: str = ""  # how a reader names the source: "News article 'Northamptonshire Police has ...'"
    grades_from: str = ""  # how the grades were read, where not from the report's own table
    warnings: tuple[str, ...] = ()  # what reading the source found that the user should know
    monitoring: tuple[Monitoring, ...] = ()  # what the source says of HMICFRS's monitoring of the force
    closures: tuple[Closure, ...] = ()  # the causes of concern the source says HMICFRS closed, as it says so
    headline: Quote | None = None  # the inspector's own summary sentence, where the source has one
    response_link: Quote | None = None  # the source's link to the PCC's published response ("Read the response ...")
    unplaced: tuple[Unplaced, ...] = ()  # grade words read but not placed (extract only; not kept in datasets)
    improved: tuple[Improvement, ...] = ()  # what it says the force improved ("has improved its ...")
    praised: tuple[Unplaced, ...] = ()  # "good at <a task>" set aside as praise, not a grade
    claimed: Quote | None = None  # its words on how many areas moved, naming none ("four had improved by two grades")

    def cite(self) -> str:
        """The source as a reader can find it: its title, else its web address, else the
        report's title (a file on this machine is no citation)."""
        if self.source_title:
            return self.source_title
        if self.source.startswith(("http://", "https://")):
            return f"{self.title} ({self.source})"
        return self.title

    @property
    def graded(self) -> tuple[Judgement, ...]:
        return tuple(j for j in self.judgements if j.graded)

    def finding_labels(self) -> tuple[str, ...]:
        """How a reader names each finding: the report's own id or number ("AFI 7",
        "Recommendation 2"), else its kind and number within this inspection ("Finding 3"),
        with the page where there is one."""
        counts: dict[str, int] = {}
        labels = []
        for f in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
            if f.id or f.number:
                labels.append(f.id or f.number)
            else:
                page = f", p. {f.place.page}" if f.place.page else ""
                labels.append(f"{KIND_LABELS[f.kind]} {counts[f.kind]}{page}")
        return tuple(labels)

    def corrected(self, as_of: date | None = None) -> Inspection:
        """The inspection with every correction made on or before `as_of` applied."""
        due = {c.area: c for c in self.corrections if as_of is None or c.date <= as_of}
        if not due:
            return self
        from dataclasses import replace

        judgements = tuple(replace(j, grade=due[j.area].new_grade, correction=due[j.area]) if j.area in due else j
                           for j in self.judgements)
        return replace(self, judgements=judgements)

    def findings_of(self, kind: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == kind)

    def short_name(self) -> str:
        return f"{self.force}, {self.cycle or self.title} ({self.published})"

    def reference(self) -> tuple[str, str]:
        """The full report as a reader opens it: its name and web address. From `report`
        ("PEEL 2023-2025: An inspection of X Police (https://...)", "Title (HMICFRS, 7 July
        2023)"), else the title; the address from `report`, else a web `source`."""
        report = self.report.strip()
        url = re.search(r"https?://[^\s)]+", report)
        name = re.sub(r"\s*\((?:https?://[^)]*|HMICFRS?,[^)]*)\)\s*$", "", report).strip() or self.title
        if url:
            return name, url.group(0)
        return name, self.source if self.source.startswith(("http://", "https://")) else ""

    @property
    def is_peel(self) -> bool:
        return self.report_type == "peel"

    def key(self) -> str:
        """What names this report in ids and file names: a PEEL report's cycle, or its title's
        words and year ("custody-suites-in-surrey-2022"): a revisit letter about a PEEL
        cycle is not that cycle's report, and two letters about one cycle are two reports."""
        if self.cycle and self.is_peel:
            return self.cycle
        words = re.findall(r"[a-z0-9]+", self.title.lower())[:8]
        year = f"-{self.published.year}" if self.published.known else ""
        return "-".join(words)[:60].strip("-") + year if words else f"report{year}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.iso()
        for item in (*data["corrections"], *(j["correction"] for j in data["judgements"] if j["correction"])):
            item["date"] = item["date"].isoformat()
        if data["response"] and data["response"]["date"]:
            data["response"]["date"] = data["response"]["date"].isoformat()
        for item, m in zip(data["monitoring"], self.monitoring):
            item["date"] = m.date.iso() if m.date else None
        return data


def stable_id(report: str, finding: Finding) -> str:
    """An id that survives re-extraction and re-editing, for the action tracker.

    The report's own id where it has one ("peel-2021-22/AFI 7"); otherwise the kind and a
    short digest of the words alone ("peel-2023-25/AFI-3f9a2c"), so moving a finding to
    another line, re-flowing it or fixing its punctuation keeps the id, and only a change
    of wording makes a new one.
    """
    if finding.id or finding.number:
        return f"{report}/{finding.id or finding.number}"
    words = " ".join(re.findall(r"[a-z0-9]+", finding.text.lower()))
    return f"{report}/{ID_KINDS.get(finding.kind, 'F')}-{hashlib.sha1(words.encode()).hexdigest()[:6]}"
