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

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.compare.matching import best_matches
from briefing.model import REPORT_TYPE_NAMES, S55_KINDS, Finding, Inspection, PublicationDate, stable_id
from briefing.phrases import long_date
from briefing.reference import reference
from briefing.words import content_stems

_S55 = reference().s55
TRACKED_KINDS = S55_KINDS | {"area-for-improvement"}  # each gets a tracker row
S55_DAYS = _S55["days"]  # "the period of 56 days beginning with the day on which the report is published"
LIMIT_FROM = _S55["limit_from"]  # reports published earlier have no statutory last day
FORCE_WORDS = re.compile(r"\b(?:chief\s+constables?|chief\s+officers?|(?:police\s+)?forces?|the\s+force|"
                         r"the\s+constabulary|the\s+police\s+service)\b", re.IGNORECASE)
PCC_WORDS = re.compile(r"\b(?:pccs?|police(?:,\s+fire)?\s+and\s+crime\s+commissioners?|local\s+policing\s+bod(?:y|ies)|"
                       r"mayors?|mopac)\b", re.IGNORECASE)


def s55_last_day(published: date) -> date:
    """The last day of the s.55(5A) period: publication day is day 1, so day 56 is +55."""
    return published + timedelta(days=S55_DAYS - 1)


def s55_due(published: PublicationDate) -> date | None:
    """The last day for the PCC's response, where the law sets one and the day is known."""
    day = published.exact
    return s55_last_day(day) if day is not None and day >= LIMIT_FROM else None


def before_limit(published: PublicationDate) -> bool:
    """Published before s.55 had a time limit: even its latest possible day is earlier."""
    latest = published.latest
    return latest is not None and latest < LIMIT_FROM


def falls_to(finding: Finding, force: str) -> str:
    """Whom a finding asks to act: "force" (the force, forces, chief constables, the force
    by name), "pcc" (PCCs and other local policing bodies), or "national" (the College of
    Policing, the NPCC, the Home Office: listed for information). A finding with no
    addressee in a report about the force is the force's."""
    who = finding.addressee.strip()
    if not who:
        return "force"
    if force and force.lower() in who.lower() or FORCE_WORDS.search(who):
        return "force"
    return "pcc" if PCC_WORDS.search(who) else "national"


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str
    report_type: str
    type_name: str
    published: PublicationDate
    s55_due: date | None
    responded: date | None  # the PCC's response, where a source on file dates it
    status: str  # "response due in 12 days (11 April 2024)", "response published 3 April 2024, within the 56 days"
    for_force: tuple[Finding, ...]  # recommendations, causes of concern and AFIs the force acts on
    for_pcc: tuple[Finding, ...]
    for_information: tuple[Finding, ...]  # for national bodies
    stated: int | None  # recommendations the source says the report makes, where it says
    source: str
    complete: bool  # does the source list every finding of the report?
    peel: bool = False  # a PEEL (or earlier cycle) inspection: compared, not only registered
    related: tuple[str, ...] = ()  # for each tracked finding: the open PEEL finding it overlaps, and why, or ""
    report: str = ""  # the full report, where the source is partial

    @property
    def tracked(self) -> tuple[Finding, ...]:
        """The findings the office tracks: the force's, then the PCC's."""
        return self.for_force + self.for_pcc

    def tracker_id(self, finding: Finding) -> str:
        return stable_id(self.key, finding)

    @property
    def overdue(self) -> bool:
        return self.responded is None and self.s55_due is not None and "no response on file" in self.status

    def to_json(self) -> dict:
        return {"key": self.key, "title": self.title, "report_type": self.report_type,
                "published": self.published.iso(), "s55_due": self.s55_due.isoformat() if self.s55_due else None,
                "response_published": self.responded.isoformat() if self.responded else None, "status": self.status,
                "recommendations_for_force": len(self.for_force), "for_pcc": len(self.for_pcc),
                "for_information": len(self.for_information), "recommendations_stated": self.stated,
                "source": self.source, "findings_complete": self.complete}


def response_status(due: date | None, responded: date | None, as_of: date, published: PublicationDate) -> str:
    """Where a report's s.55 response stands on `as_of`, in words a register can print."""
    if before_limit(published):
        when = f"response published {_long(responded)}; " if responded and responded <= as_of else ""
        return (f"{when}published before the 56-day limit was added to s.55 (Policing and Crime Act 2017): "
                "no statutory last day")
    if responded is not None and responded <= as_of:
        if due is None:
            return f"response published {_long(responded)}"
        late = (responded - due).days
        return (f"response published {_long(responded)}, within the 56 days" if late <= 0 else
                f"response published {_long(responded)}, {late} day{'s' if late != 1 else ''} after the 56 days")
    if due is None:
        latest = latest_last_day(published)
        if latest is not None and latest < as_of:
            only = "month" if published.month else "year"
            return (f"the 56 days ended by {_long(latest)} at the latest (only the {only} of publication, "
                    f"{published}, is recorded); no response on file")
        return (f"response due within 56 days of publication, which is known only as {published}"
                if published.known else "response due within 56 days of publication, which is not known")
    days = (due - as_of).days
    if days > 1:
        return f"response due in {days} days ({_long(due)})"
    if days == 1:
        return f"response due tomorrow ({_long(due)})"
    if days == 0:
        return f"response due today ({_long(due)})"
    return f"the 56 days ended {_long(due)}; no response on file"


def latest_last_day(published: PublicationDate) -> date | None:
    """The latest the s.55 period can end when only the month or year of publication is known."""
    latest = published.latest
    return s55_last_day(latest) if latest is not None else None


def _long(day: date) -> str:
    return long_date(day)


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


def brief_status(e: ReportEntry, as_of: date) -> str:
    """The status in a few words, for a terminal table: "due in 15 days", "56 days ended,
    none on file", "published 3 Apr 2024, in time"."""
    if e.responded is not None:
        late = e.s55_due is not None and e.responded > e.s55_due
        return f"published {e.responded:%-d %b %Y}{', late' if late else ', in time' if e.s55_due else ''}"
    if "no statutory last day" in e.status:
        return "no statutory last day"
    if e.s55_due is None:
        return "56 days ended, none on file" if "no response on file" in e.status else "last day not known"
    days = (e.s55_due - as_of).days
    return ("due today" if days == 0 else "due tomorrow" if days == 1 else f"due in {days} days" if days > 1
            else "56 days ended, none on file")


def _same_report(a: Inspection, b: Inspection) -> bool:
    """A PCC response's account of a report and the report's own dataset: the same title words."""
    if a.cycle and a.cycle == b.cycle:
        return True
    wa, wb = set(content_stems(a.title)), set(content_stems(b.title))
    return bool(wa and wb) and len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def register(reports: list[Inspection], force: str, as_of: date,
             against: tuple[Inspection, str] | None = None) -> tuple[ReportEntry, ...]:
    """Every report on file that relates to the force, newest first, each once: a PCC
    response on file lends its date to the report it answers. `against` is the latest
    PEEL inspection and its name: each tracked finding of another report is linked to
    the PEEL finding it overlaps, by the same matcher that links inspections."""
    own = [r for r in reports if r.response is None]
    answers = [r for r in reports if r.response is not None]
    entries = []
    for report in own + [a for a in answers if not any(_same_report(a, r) for r in own)]:
        if not relates_to(report, force) or not _out_by(report.published, as_of):
            continue
        responses = [a.response.date for a in answers if a.response.date and a.response.date <= as_of
                     and (a is report or _same_report(a, report))]
        entry = _entry(report, force, as_of, min(responses) if responses else None)
        entries.append(_related(entry, *against) if against and not entry.peel else entry)
    return tuple(sorted(entries, key=lambda e: e.published.sort_key(), reverse=True))


def _related(entry: ReportEntry, peel: Inspection, name: str) -> ReportEntry:
    """A report's recommendation about the same thing as a finding of the latest PEEL
    inspection: "overlaps AFI 4 of PEEL 2023-25: shared terms: ...". Each of the report's
    findings gets its closest PEEL finding, by the matcher's own scores and reasons."""
    from dataclasses import replace

    labels = peel.finding_labels()
    related = tuple(f"overlaps {labels[link.old]} of {name}: {link.reason}" if link else ""
                    for link in best_matches(peel.findings, entry.tracked))
    return replace(entry, related=related)


def _entry(report: Inspection, force: str, as_of: date, responded: date | None) -> ReportEntry:
    due = s55_due(report.published)
    formal = [f for f in report.findings if f.kind in TRACKED_KINDS]
    whom = {f: falls_to(f, force) for f in formal}
    stated = next((c.count for c in report.counts if c.kind == "recommendation"), None)
    return ReportEntry(report.key(), report.title, report.report_type, REPORT_TYPE_NAMES.get(report.report_type, ""),
                       report.published, due, responded, response_status(due, responded, as_of, report.published),
                       tuple(f for f in formal if whom[f] == "force"), tuple(f for f in formal if whom[f] == "pcc"),
                       tuple(f for f in formal if whom[f] == "national"), stated, report.source,
                       report.findings_complete, bool(report.cycle) and report.is_peel, report=report.report)


_DUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s*\((.*)\))?$")


def due_date(finding: Finding) -> tuple[date | None, str, str]:
    """A finding's deadline as a tracker's due date, the report's words for it, and how
    the date was had: "day" (stated), "month" (the month's last day: the month is all the
    report says), "derived" (from publication, "within six months"), or "" (no date).

    "2024-03-31" -> 31 March 2024, "by 31 March 2024", "day"; "2022-07 (by July 2022)" ->
    31 July 2022, "by July 2022", "month"; "2023-04-28 (within six months of 28 October
    2022)" -> that day, its words, "derived"; "immediately" -> None, "immediately", ""."""
    text = finding.due.strip()
    match = _DUE.match(text)
    if not match:
        return None, _lower_by(text), ""
    year, month, day, words = int(match[1]), int(match[2]), match[3], _lower_by(match[4] or "")
    try:
        if day:
            due = date(year, month, int(day))
            return due, words or f"by {_long(due)}", "derived" if words.startswith("within") else "day"
        due = date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None, text, ""
    return due, words or f"by {due:%B %Y}", "month"


def _lower_by(words: str) -> str:
    """ "By July 2022" as it reads mid-sentence."""
    return words[:1].lower() + words[1:] if re.match(r"(?:By|Within)\b", words) else words
