"""The register in a pack: "HMICFRS reports since the last pack", "s.55 responses due",
the Reports sheet, and a tracker row for each recommendation of a report that is not a
PEEL inspection (PEEL findings get theirs from the comparison).

The register itself (dates, statuses, whom each recommendation falls to) is decided in
compare.register; this module only lays it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from briefing.compare.addressed import DeadlineCheck, deadline_check, due_date
from briefing.compare.register import OPEN, ReportEntry
from briefing.document.model import BulletList, Column, Paragraph, Section, Sheet, Table
from briefing.document.wording import join_words, long_date, number, plural
from briefing.frameworks import Frameworks
from briefing.model import KIND_LABELS, NOT_S55_TYPES, kind_count
from briefing.places import PublicationDate
from briefing.statements import Closure
from briefing.tracker import CLOSED_BY_HMICFRS, TrackerRow

HOW = {"month": " (due date: the month's last day)", "derived": " (due date worked out from publication)",
       "before": " (before the report was published: no due date taken from it; check the report)"}


@dataclass(frozen=True)
class Since:
    """Where "since the last pack" starts, and how the pack names that point."""

    published: PublicationDate
    words: str  # "the PEEL 2021/22 report (2021)", "the last pack (3 March 2025)"
    key: str = ""  # the report that is the starting point (its register key: a PEEL cycle), where one is
    orders: Mapping[str, int] = field(default_factory=dict)  # each cycle's place in time (data/frameworks.yaml)

    def after(self, entry: ReportEntry) -> bool:
        """Published after this point, or possibly so: in its month or year where only that is
        recorded; where a date is not on file, a later PEEL cycle's report is after an earlier
        one's (a 2023-25 report after the 2021/22 one), and the starting report is never after itself."""
        if self.itself(entry):
            return False
        if self._by_cycle(entry) and not entry.peel and entry.cycle == self.key:
            return True  # a letter revisiting the starting report's inspection came after it
        if self._by_cycle(entry):
            return self.orders[entry.cycle] > self.orders[self.key]
        return entry.published.sort_key() > self.published.sort_key()

    def _by_cycle(self, entry: ReportEntry) -> bool:
        """Placed by PEEL cycle: a date is not on file, and both are PEEL reports."""
        return not (entry.published.known and self.published.known) and entry.cycle in self.orders \
            and self.key in self.orders

    def itself(self, entry: ReportEntry) -> bool:
        return bool(self.key) and entry.key == self.key

    def unsure(self, entry: ReportEntry) -> bool:
        """After only perhaps: one of the two dates is known only to a month or year that holds the other."""
        if self._by_cycle(entry):
            return False
        a, b = entry.published.sort_key(), self.published.sort_key()
        if not (entry.published.exact and self.published.exact) and a[0] == b[0]:
            return not a[1] or not b[1] or (a[1] == b[1] and (not a[2] or not b[2]))
        return False


def recommendations_cell(e: ReportEntry) -> str:
    """What falls to the force and the PCC, by kind, and how much of the report the source lists."""
    if e.peel:
        return "a PEEL inspection: its findings are in this briefing's findings sections and the tracker"
    listed = e.for_force + e.for_pcc + e.for_information
    said = closings_said(e)
    if not listed and not e.complete:
        stated = f"{plural(e.stated, 'recommendation')} in the report; " if e.stated is not None else ""
        return f"{stated}the source on file lists none{said}"
    listed_for_force = sum(1 for f in e.for_force if f.kind == "recommendation")
    if e.stated_for_forces is not None and e.stated_for_forces > listed_for_force and not e.complete:
        # "11 recommendations, 3 of which were for local forces": the count the source states leads, then what it lists
        parts = [f"{plural(e.stated_for_forces, 'recommendation')} for forces, so for this force{_closed(e)}"]
    else:
        parts = [f"{_kinds(e.for_force) or 'none'} for the force{_closed(e)}"]
    if e.for_pcc:
        parts.append(f"{_kinds(e.for_pcc)} for the PCC")
    if e.for_information:
        parts.append(f"{_kinds(e.for_information)} for national bodies")
    recommendations = sum(1 for f in listed if f.kind == "recommendation")
    if e.complete:
        scope = "the source lists every finding"
    elif e.stated_for_forces is not None:  # "11 recommendations, 3 of which were for local forces"
        rest = e.stated_for_forces - listed_for_force
        numbers = join_words([f.number for f in e.for_force if f.kind == "recommendation" and f.number])
        scope = (f"the report makes {e.stated}; the source lists {number(listed_for_force)} of those for forces"
                 + (f", {numbers}" if numbers else "") + (f": take the other {number(rest)} from the report" if rest > 0
                                                          else ""))
    elif e.stated is not None:
        scope = f"the source lists {recommendations} of the {e.stated} recommendations the report makes"
    else:
        scope = "the source may not list every finding"
    return f"{'; '.join(parts)} ({scope}){said}"


def closed_words(closure: Closure) -> str:
    """ "closed by HMICFRS, as this source says (line 27)" (a letter, or news reporting that a
    cause of concern "was discharged"), "closed by HMICFRS's cause of concern revisit letter of
    27 September 2024 (line 27)": the source's own sentence, by its place."""
    return f"closed by {closure.by} ({closure.place})" if closure.by else \
        f"closed by HMICFRS, as this source says ({closure.place})"


def _closed(e: ReportEntry) -> str:
    closed = e.closed
    if not closed:
        return ""
    every = len(closed) == len(e.for_force)
    which = ("both" if len(closed) == 2 else "all") if every and len(closed) > 1 else \
        "" if every else f"{len(closed)} of them"
    reasons = join_words(sorted({closed_words(f.closed) for f in closed}))
    return f", {which + ' ' if which else ''}{reasons}"


def closings_said(e: ReportEntry) -> str:
    """What the source says HMICFRS closed that no finding listed here shows: "; it says HMICFRS
    closed the causes of concern (line 18), without naming them"."""
    shown = {f.closed.place for f in e.closed}
    left = [c for c in e.closures if c.place not in shown]
    if not left or e.peel:
        return ""
    said = [f"the {'causes' if c.plural else 'cause'} of concern regarding {c.subject} ({c.place})" if c.named else
            f"the {'causes' if c.plural else 'cause'} of concern ({c.place}), without naming "
            f"{'them' if c.plural else 'it'}" for c in left]
    return f"; it says HMICFRS closed {join_words(said)}"


def _kinds(findings) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return join_words([kind_count(kind, n) for kind, n in counts.items()])


def _published(e: ReportEntry) -> date | str:
    """Its day; a letter's sent day said so, its publication date not being stated."""
    if e.published.sent and e.published.exact:
        return f"sent {long_date(e.published.exact)} (publication date not stated)"
    return e.published.exact or str(e.published)


def _last_day(e: ReportEntry) -> date | str:
    """The s.55 last day; for a letter known by its sent day, the day it would be if the
    letter was published that day (the text does not say it was)."""
    if e.s55_due and e.published.sent:
        return f"{long_date(e.s55_due)}, if published the day it was sent"
    return e.s55_due or ""


def reports_sections(entries: tuple[ReportEntry, ...], since: Since, as_of: date, office: str = "PCC") -> list[Section]:
    """`office` is how the paper names the local policing body ("PFCC")."""
    recent = [e for e in entries if since.after(e)]
    return [_recent(recent, since, office), _due(entries, since, as_of)]


def _recent(recent: list[ReportEntry], since: Since, office: str) -> Section:
    if not recent:
        known = "was" if since.published.known else "is known to have been"  # nothing is after a date not stated
        return Section("HMICFRS reports since the last pack", 1, (Paragraph(
            f"No report about the force on file {known} published after {since.words}."),))
    rows = tuple((e.title, e.type_name, _published(e), recommendations_cell(e), e.status) for e in recent)
    unsure = [e.title for e in recent if since.unsure(e)]
    order = (f" The dates on file do not say whether {join_words(unsure)} came before or after it."
             if unsure else "")
    letters = sum(1 for e in recent if e.report_type in NOT_S55_TYPES)
    outside = any(e.standing.kind == "outside" for e in recent)  # the force's: its register holds only its own
    applies = "" if outside else "Section 55 applies to each" if not letters else \
        "Section 55 applies to each inspection report among them" if letters < len(recent) else ""
    duty = (f" {applies}: the {office} publishes comments within the 56 days that begin with its publication day."
            if applies else "")
    if letters:
        duty += (f" {'A monitoring letter is' if letters == 1 else 'Monitoring letters are'} not an inspection report: "
                 "its row says what to check.")
    blocks = [Paragraph(f"{plural(len(recent), 'report')} on file {'was' if len(recent) == 1 else 'were'} published "
                        f"after {since.words}, newest first.{order}{duty}"),
              Table("Reports", f"Reports on file published after {since.words}", (
                  Column("Report", 3.2), Column("Type", 1.6), Column("Published", 1.3, "date"),
                  Column("Recommendations", 2.6), Column("s.55 response", 2.6)), rows)]
    partial = [e for e in recent if not e.complete]
    if partial:
        blocks.append(Paragraph(f"For {'one' if len(partial) == 1 else len(partial)} of these reports the source on "
                                "file does not list every finding: take the rest from the full "
                                f"report{'s' if len(partial) > 1 else ''}:", "caveat"))
        blocks.append(BulletList(tuple(e.report or e.title for e in partial)))
    return Section("HMICFRS reports since the last pack", 1, tuple(blocks))


def _due(entries: tuple[ReportEntry, ...], since: Since, as_of: date) -> Section:
    """Responses still to publish (due from today on, or due within a period whose last day
    is not known), then those whose 56 days ended with no copy on file since `since`. Older
    gaps are counted, not listed: a deadline long past is named only where the response is
    missing, and never called overdue (a response may exist without a copy on file)."""
    columns = (Column("Report", 3.4), Column("Published", 1.3, "date"), Column("Last day", 1.3, "date"),
               Column("Where it stands", 3.2))
    still = sorted((e for e in entries if e.standing.kind in OPEN),
                   key=lambda e: e.s55_due or e.published.latest or as_of)
    missing = [e for e in entries if e.standing.missing]
    listed = [e for e in missing if since.after(e)]
    older = [e for e in missing if e not in listed]
    undated = [e for e in entries if e.standing.kind == "date-unknown"]
    blocks: list = []
    if still:
        blocks.append(Table("Responses", "Responses still to publish", columns,
                            tuple((e.title, _published(e), _last_day(e), e.status) for e in still)))
    else:
        known = " with a known last day" if undated else ""
        blocks.append(Paragraph(f"No s.55 response{known} to a report on file falls due on or after "
                                f"{long_date(as_of)}."))
    if undated:  # may still run, or have ended long ago: said as such, never counted as either
        blocks.append(Paragraph(
            f"The sources on file do not give the publication date of {join_words([e.title for e in undated])}, so "
            f"whether {'its response is' if len(undated) == 1 else 'their responses are'} still due cannot be said: "
            f"take the date from the report{'s' if len(undated) > 1 else ''} and check whether "
            f"{'the response was' if len(undated) == 1 else 'the responses were'} published."))
    if listed:
        blocks.append(Table("Missing", f"Reports published after {since.words}: the 56 days have ended and no "
                            "response is on file", columns,
                            tuple((e.title, _published(e), _last_day(e), e.status) for e in listed)))
    if missing:
        earlier = _older_words(older, since)
        blocks.append(Paragraph(f"For {plural(len(missing), 'report')} on file the 56 days have ended and no response "
                                f"is on file{earlier}. A response may have been published without a copy reaching this "
                                "file: record it as a response dataset and the next pack says when it was published.",
                                "note"))
    return Section("s.55 responses due", 1, tuple(blocks))


def _older_words(older: list[ReportEntry], since: Since) -> str:
    """Where the unlisted gaps are: "published on or before" only of a report whose date and
    the starting point's date are both on file (a report of 2023-25 with no date is not "on
    or before" a 2021/22 report with none)."""
    total = len(older)
    parts = [f"{since.words} itself"] if any(since.itself(e) for e in older) else []
    older = [e for e in older if not since.itself(e)]
    dated = [e for e in older if e.published.known and since.published.known]
    if dated:
        parts.append(f"the {'one' if len(dated) == 1 else len(dated)} published on or before {since.words}")
    if len(dated) < len(older):
        undated = len(older) - len(dated)
        parts.append(f"the {'one' if undated == 1 else undated} that cannot be placed after {since.words} "
                     "for want of a publication date")
    if not parts:
        return ""
    return f"; {join_words(parts)} {'is' if total == 1 else 'are'} on the workbook's Reports sheet"


def reports_sheet(entries: tuple[ReportEntry, ...]) -> Sheet:
    rows = tuple((e.title, e.type_name, _published(e), _last_day(e), e.responded or "", e.status,
                  len(e.for_force), len(e.for_pcc), len(e.for_information),
                  e.stated if e.stated is not None else "",
                  e.stated_for_forces if e.stated_for_forces is not None else "", "yes" if e.complete else "no", e.cite,
                  e.key)
                 for e in entries)
    note = ("Every HMICFRS report on file that relates to the force, newest first, with where its s.55 response "
            "stands on the paper's date. A response counts as published only where a copy is on file.")
    return Sheet("Reports", Table("Register", "Register of reports", (
        Column("Report", 4), Column("Type", 1.8), Column("Published", 1.3, "date"), Column("s.55 last day", 1.3, "date"),
        Column("Response published", 1.4, "date"), Column("Where the response stands", 3.5),
        Column("For the force", 1, "number"), Column("For the PCC", 1, "number"),
        Column("For national bodies", 1.1, "number"), Column("Recommendations stated", 1.2, "number"),
        Column("Stated for forces", 1.1, "number"),
        Column("Source lists every finding", 1.2), Column("Source", 3), Column("Key", 2)), rows), note)


def report_rows(entries: tuple[ReportEntry, ...], fw: Frameworks) -> list[TrackerRow]:
    """A tracker row for every recommendation, cause of concern and AFI of a report that
    falls to the force or the PCC; due dates from the report's own deadlines."""
    rows = []
    for e in entries:
        if e.peel:
            continue
        related = e.related or ("",) * len(e.tracked)
        for finding, link in zip(e.tracked, related):
            due, words, how = due_date(finding)
            if deadline_check(finding, e.published) is DeadlineCheck.BEFORE:
                due, how = None, "before"
            rows.append(TrackerRow(
                id=e.tracker_id(finding), inspection=f"{e.title} ({e.published})", kind=KIND_LABELS[finding.kind],
                area=fw.area_name(finding.area) if finding.area else "Not tied to an area", finding=finding.shown,
                standing=closed_words(finding.closed) if finding.closed else finding.status or "open", state="report",
                addressee=finding.addressee, label=finding.number or finding.id,
                deadline=words + HOW.get(how, ""), related=link, due=due,
                status=CLOSED_BY_HMICFRS if finding.closed else ""))
    return rows
