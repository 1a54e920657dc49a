"""The chief officers' "Open findings by area": every finding still open on the sources
given, from the same rows as the workbook's action tracker, so the section and the Actions
sheet can never disagree about what is open.

A finding of the earlier inspection that a partial newer source does not mention is open
as far as anyone here knows: it is listed, marked "status unknown", never left out.
"""

from __future__ import annotations

from itertools import groupby

from briefing.compare import Comparison
from briefing.document.model import Column, Paragraph, Section, Table
from briefing.document.wording import plural, report_to_check
from briefing.sources import with_article
from briefing.tracker import AWAITING, OPEN_STATUSES, STATES, STATUSES, TrackerRow

PEEL_STATES = ("new", "unsure-new", "persisting", "unknown")  # the rows this pair of inspections gives (other reports have their own sections)
NO_AREA = "Not tied to an area"
CLOSED = tuple(s for s in STATUSES if s not in OPEN_STATUSES and s != AWAITING)  # closed by HMICFRS, superseded


def open_rows(rows: list[TrackerRow]) -> list[TrackerRow]:
    """The tracker's rows for findings of the two inspections not closed: a blank status (a
    first tracker's, not yet assessed) is open as far as anyone has said."""
    return [r for r in rows if r.state in PEEL_STATES and r.status not in CLOSED]


def _status(row: TrackerRow) -> str:
    return row.standing if row.state == "persisting" else STATES[row.state]


def _intro(c: Comparison, rows: list[TrackerRow]) -> str:
    unknown = sum(1 for r in rows if r.state == "unknown")
    one = len(rows) == 1
    text = (f"Every open finding on the sources used, by area: {plural(len(rows), 'finding')}, "
            f"{'with its' if one else 'each with its'} lead and owner as the action tracker holds them "
            "(blank until agreed).")
    if unknown:
        them = "it" if unknown == 1 else "them"
        whose = ("It is" if one else "1 of them is") if unknown == 1 else f"{unknown} of them are"
        text += (f" {whose} from the {c.old.cycle_name} inspection and marked "
                 f"\u201cstatus unknown\u201d: the {c.new.cycle_name} inspection is known here from "
                 f"{with_article(c.new.source_kind_name)}, which does not list every finding, so whether HMICFRS "
                 f"raised {them} again is not stated; check {them} against {report_to_check(c)}.")
    elif not c.new.findings_complete:
        text += (f" The source used is {with_article(c.new.source_kind_name)}, which does not list every finding: take "
                 f"the full list from {report_to_check(c)}.")
    return text


def open_findings_section(c: Comparison, rows: list[TrackerRow]) -> Section:
    listed = sorted(open_rows(rows), key=lambda r: (r.area == NO_AREA, r.area))
    blocks = [Paragraph(_intro(c, listed))]
    for area, group in groupby(listed, key=lambda r: r.area):
        cells = tuple((r.label or r.id, r.inspection, r.finding, _status(r), r.lead, r.owner) for r in group)
        blocks.append(Table(f"Open {area}", area, (Column("Finding", 1.2), Column("Inspection", 1.3),
                                                   Column("Text", 5), Column("Status", 1.8),
                                                   Column("Lead", 1.3), Column("Owner", 1.3)), cells))
    return Section("Open findings by area", 1, tuple(blocks))
