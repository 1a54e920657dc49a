"""A force's HMICFRS reports on file as a register: for each, its type, when it was
published, the last day of the PCC's s.55 response and where that stands on a given
date, and which of its recommendations fall to the force.

Section 55 applies to every report that relates to the force, national and thematic
ones included, unless the force is clearly not its subject; a report about other named
forces only (another force's custody inspection) is not in the register. A PCC response
on file (a dataset with `response:`) says when the response was published; it is joined
to the report it answers by the report's title.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from briefing.compare.addressed import FORCE_WORDS, falls_to
from briefing.compare.closings import with_later_closings
from briefing.compare.matching import best_matches
from briefing.compare.record import Record, responded_by
from briefing.compare.standing import (  # noqa: F401 (the s.55 period and standing, as register users import them)
    LIMIT_FROM,
    MISSING,
    ON_FILE,
    OPEN,
    S55_DAYS,
    ResponseStanding,
    before_limit,
    latest_last_day,
    published_by,
    response_standing,
    s55_due,
    s55_last_day,
)
from briefing.model import NOT_S55_TYPES, REPORT_TYPE_NAMES, S55_KINDS, Finding, Inspection, stable_id
from briefing.places import PublicationDate
from briefing.reference import reference
from briefing.statements import Closure, StatedCount, total_of

TRACKED_KINDS = S55_KINDS | {"area-for-improvement"}  # each gets a tracker row


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str
    report_type: str
    type_name: str
    published: PublicationDate
    s55_due: date | None
    responded: date | None  # the PCC's response, where a source on file dates it
    standing: ResponseStanding  # where the response stands on the register's day
    for_force: tuple[Finding, ...]  # recommendations, causes of concern and AFIs the force acts on
    for_pcc: tuple[Finding, ...]
    for_information: tuple[Finding, ...]  # for national bodies
    stated: int | None  # recommendations the source says the report makes, where it says
    source: str
    complete: bool  # does the source list every finding of the report?
    peel: bool = False  # a PEEL (or earlier cycle) inspection: compared, not only registered
    related: tuple[str, ...] = ()  # for each tracked finding: the open PEEL finding it overlaps, and why, or ""
    report: str = ""  # the full report, where the source is partial
    cycle: str = ""  # a PEEL inspection's cycle
    cite: str = ""  # the source as a reader finds it (model.Inspection.cite): never a file on this machine
    closures: tuple[Closure, ...] = ()  # the causes of concern the source says HMICFRS closed, as it says so
    stated_to: str = ""  # whom the source says those recommendations are made to, where it says
    stated_for_forces: int | None = None  # of `stated`, those the source says are for forces ("3 of which were for local forces")

    @property
    def closed(self) -> tuple[Finding, ...]:
        """The force's findings this source, or a later one on file, says were closed."""
        return tuple(f for f in self.for_force if f.closed)

    @property
    def status(self) -> str:
        """Where the response stands, in words: "response due in 12 days (11 April 2024)"."""
        return self.standing.words()

    @property
    def tracked(self) -> tuple[Finding, ...]:
        """The findings the office tracks: the force's, then the PCC's."""
        return self.for_force + self.for_pcc

    def tracker_id(self, finding: Finding) -> str:
        return stable_id(self.key, finding)

    @property
    def overdue(self) -> bool:
        return self.standing.missing

    def to_json(self) -> dict:
        return {"key": self.key, "title": self.title, "report_type": self.report_type,
                "published": self.published.iso(),
                **({"date_kind": "sent"} if self.published.sent else {}),  # a letter's sent day, not its publication
                "s55_due": self.s55_due.isoformat() if self.s55_due else None,
                "response_published": self.responded.isoformat() if self.responded else None, "status": self.status,
                "standing": self.standing.kind,
                "response_misdated": self.standing.misdated.iso() if self.standing.misdated is not None else None,
                "response_linked": {"text": self.standing.linked.text, "line": self.standing.linked.place.line,
                                    "page": self.standing.linked.place.page} if self.standing.linked else None,
                "recommendations_for_force": len(self.for_force), "for_pcc": len(self.for_pcc),
                "for_information": len(self.for_information), "recommendations_stated": self.stated,
                "recommendations_stated_for_forces": self.stated_for_forces,
                "source": self.source, "findings_complete": self.complete,
                "closed_for_force": [{"text": f.text, "closed_by": f.closed.by or "this source", "line": f.closed.place.line,
                                      "page": f.closed.place.page, "closing": f.closed.text} for f in self.closed],
                "closures": [{"subject": c.subject or None, "text": c.text, "line": c.place.line, "page": c.place.page}
                             for c in self.closures]}


def relates_to(report: Inspection, force: str) -> bool:
    """Whether s.55 puts this report to the force's PCC: one about the force, or national."""
    if not report.covers or "all" in report.covers:
        return True
    return any(force.lower() == c.lower() or force.lower().startswith(c.lower()) for c in report.covers) or \
        report.force == force and not report.covers


def _out_by(published: PublicationDate, as_of: date) -> bool:
    """Published on or before `as_of`, or possibly so (in its month or year): a register as of
    a day in the past holds only what was out by then."""
    return not published.known or published.sort_key()[:1] < (as_of.year,) or \
        (published.year == as_of.year and (published.month or 0) <= as_of.month and
         (published.day or 0) <= (as_of.day if published.month == as_of.month else 31))


def brief_status(e: ReportEntry, as_of: date | None = None) -> str:
    """The status in a few words, for a terminal table: "due in 15 days", "56 days ended,
    none on file", "published 3 Apr 2024, in time"."""
    return e.standing.words("brief")


def register(record: Record, force: str, as_of: date, against: tuple[Inspection, str] | None = None,
             forces=None) -> tuple[ReportEntry, ...]:
    """Every report of the record (compare.record: checked as a whole, each once, each
    response attached to its report) that relates to the force and was out by `as_of`,
    newest first. `against` is the latest PEEL inspection and its name: each tracked
    finding of another report is linked to the PEEL finding it overlaps, by the same
    matcher that links inspections. `forces` are the known forces (reference.forces)."""
    forces = reference().forces if forces is None else forces
    entries = []
    closed = with_later_closings(record.inspections)
    for index, report in enumerate(closed):
        if not relates_to(report, force) or not _out_by(report.published, as_of):
            continue
        responded, undated = responded_by(record, index, as_of, s55_due(report.published)
                                          or latest_last_day(report.published))
        entry = _entry(report, force, as_of, responded, undated, forces, record.misdated_to(index))
        entries.append(_related(entry, *against) if against and not entry.peel else entry)
    return tuple(sorted(entries, key=lambda e: e.published.sort_key(), reverse=True))


def _related(entry: ReportEntry, peel: Inspection, name: str) -> ReportEntry:
    """A report's recommendation about the same thing as a finding of the latest PEEL
    inspection: "overlaps AFI 4 of PEEL 2023-25: shared terms: ...". Each of the report's
    findings gets its closest PEEL finding, by the matcher's own scores and reasons."""
    labels = peel.finding_labels()
    related = tuple(f"overlaps {labels[link.old]} of {name}: {link.reason}" if link else ""
                    for link in best_matches(peel.findings, entry.tracked))
    return replace(entry, related=related)


def _cycle(report: Inspection):
    return reference().frameworks.cycles.get(report.cycle) if report.cycle and report.is_peel else None


def _report_type(report: Inspection) -> str:
    """The report's type, else its cycle's: a dataset of the 2014 core business inspection
    that states no type is of a thematic inspection (frameworks.yaml), never a PEEL assessment."""
    cycle = reference().frameworks.cycles.get(report.cycle)
    if report.report_type == "peel" and cycle is not None and cycle.report_type != "peel":
        return cycle.report_type
    return report.report_type


def _entry(report: Inspection, force: str, as_of: date, responded: date | None, undated: bool,
           forces, misdated: PublicationDate | None = None) -> ReportEntry:
    """`misdated`: the date a response on file gives this report where it is not the report's (compare.record)."""
    letter = report.report_type in NOT_S55_TYPES
    due = None if letter else s55_due(report.published, force)
    formal = [f for f in report.findings if f.kind in TRACKED_KINDS]
    whom = {f: falls_to(f, force, forces) for f in formal}
    counted, for_forces = stated_recommendations(report)
    stated = counted.count if counted else None
    kind = _report_type(report)
    return ReportEntry(report.key(), report.title, kind, REPORT_TYPE_NAMES.get(kind, ""),
                       report.published, due, responded,
                       replace(response_standing(due, responded, as_of, report.published, undated, _cycle(report),
                                                 report.published_by, letter, force), misdated=misdated,
                               linked=report.response_link),
                       tuple(f for f in formal if whom[f] == "force"), tuple(f for f in formal if whom[f] == "pcc"),
                       tuple(f for f in formal if whom[f] in ("national", "other")), stated, report.source,
                       report.findings_complete, bool(report.cycle) and report.is_peel, report=report.report,
                       cycle=report.cycle, cite=report.cite(), closures=report.closures,
                       stated_to=counted.to if counted else "",
                       stated_for_forces=for_forces.count if for_forces else None)


def stated_recommendations(report: Inspection) -> tuple[StatedCount | None, StatedCount | None]:
    """The recommendations the source says the report makes, and of them those it says are for
    forces, so for this force too: "HMICFRS made 11 recommendations, 3 of which were for local
    forces" is 11 and 3. A chief officer who sees only the one the source lists takes it for
    the whole load (review 10, item 3)."""
    total = total_of(report.counts, "recommendation")
    part = next((c for c in report.counts if c.kind == "recommendation" and total and c.count < total.count
                 and FORCE_WORDS.search(c.to)), None)
    return total, part


