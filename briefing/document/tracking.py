"""The tracker rows of a pack and the "Progress since the last pack" section.

Fresh rows come from the newer inspection's findings; an earlier tracker (read by
ingest.tracker) lends them its owners, dates, statuses and notes, and every earlier row
without a fresh one is kept, saying what became of its finding.
"""

from __future__ import annotations

from briefing.compare import Comparison
from briefing.document.earlier import improved_verb
from briefing.document.model import Column, Paragraph, Section, Sheet, Table
from briefing.document.reports import closed_words
from briefing.document.wording import area_label
from briefing.model import KIND_LABELS
from briefing.phrases import unmatched_words
from briefing.sources import with_article
from briefing.tracker import CLOSED_BY_HMICFRS, COLUMNS, STATES, Progress, TrackerRow, carry_forward


def tracker_rows(c: Comparison, earlier: list[TrackerRow],
                 others: list[TrackerRow] = ()) -> tuple[list[TrackerRow], list[str]]:
    """Every finding still open on the sources given: the newer inspection's (a persisting
    one once, in its newer words); each earlier finding a partial newer source does not
    mention, its status unknown; then `others` (the other reports' rows). Each is carried
    from the earlier tracker where that has the row."""
    since = {p.new.tracker_id: p for p in c.persisting}
    fresh = [TrackerRow(id=f.tracker_id, inspection=c.new.cycle_name, kind=KIND_LABELS[f.kind],
                        area=area_label(f.area_name), finding=f.text, standing=_standing(since.get(f.tracker_id), c, f),
                        state="persisting" if f.tracker_id in since else _new(c, f), earlier=_earlier(since.get(f.tracker_id)),
                        label=f.label, status="")
             for f in c.new.findings if f.kind != "innovative-practice"]
    if not c.unmatched_confirmed:
        unknown = (f"status unknown: {unmatched_words(False)} for {c.new.cycle_name} "
                   f"({with_article(c.new.source_kind_name)}); check the full report")
        fresh += [TrackerRow(id=f.tracker_id, inspection=c.old.cycle_name, kind=KIND_LABELS[f.kind],
                             area=area_label(f.area_name), finding=f.text + f.partly,
                             standing=closed_words(f.closed) if f.closed else _said_of(c, f) or unknown,
                             state="closed" if f.closed else "continues" if _ongoing(f) else "unknown", label=f.label,
                             status=CLOSED_BY_HMICFRS if f.closed else "")  # "was discharged by HMICFRS"
                  for f in c.resolved if f.kind != "innovative-practice"]
    ids = {row.id for row in fresh}
    fresh += [row for row in others if row.id not in ids]
    links = {p.new.tracker_id: p.old.tracker_id for p in c.persisting if not p.merged}
    standing = {p.old.tracker_id: ("raised-again", f"raised again as {p.new.label} ({p.new.tracker_id})")
                for p in c.persisting if p.merged}
    if c.unmatched_confirmed:
        standing.update({f.tracker_id: ("not-raised", f"{unmatched_words(True)} in {c.new.cycle_name}")
                         for f in c.resolved})
    return carry_forward(fresh, earlier, links, standing)


def _ongoing(f) -> bool:
    return bool(f.improved and f.improved.ongoing)


def _said_of(c: Comparison, f) -> str:
    """What the newer source, which does not list the earlier finding, says of it, as the
    pack's findings sections say it: that it carries on ("still has challenges in these
    areas"), or that the force has improved on it; "" where it says nothing."""
    if not f.improved:
        return ""
    line = f", line {f.improved.place.line}" if f.improved.place.line else ""
    if f.improved.ongoing:
        return f"ongoing: the {c.new.cycle_name} source says \u201c{f.improved.ongoing}\u201d{line}"
    return (f"status unknown: the {c.new.cycle_name} source says the force {improved_verb([f.improved])} on it{line}; "
            "check the improvement is sustained")


def _new(c: Comparison, f) -> str:
    """ "new" only where the older source lists every finding and the finding's own words do
    not say it carries on from before: a finding of a press release with no counterpart in an
    earlier press release may have been raised before (the Met's "ongoing concerns"), and the
    tracker is what carries it from quarter to quarter."""
    if f.continues:
        return "continues"
    return "new" if c.new_confirmed else "unsure-new"


def _standing(p, c: Comparison, f) -> str:
    if p is None:
        state = _new(c, f)
        return f"{STATES[state]} (\u201c{f.continues}\u201d)" if state == "continues" else STATES[state]
    return f"persisting since {p.first_raised}" if p.first_raised else f"persisting from {p.old.label}"


def _earlier(p) -> str:
    return f"{p.old.label}: {p.old.text}{p.old.partly}" if p is not None else ""


def tracker_sheet(rows: list[TrackerRow], source: str) -> Sheet:
    columns = tuple(Column(c.title, c.width, c.role, c.choices, editable=c.editable) for c in COLUMNS)
    carried = f" Owners, dates, statuses and notes were carried from {source}." if source else ""
    note = ("One row per finding, kept from quarter to quarter: bring this workbook back with "
            "briefing pack --tracker to carry it into the next pack. Columns with green headings are yours; the "
            "others are refreshed from the inspections each time. A blank Status is not yet assessed: nothing is "
            "counted open or overdue until someone sets it." + carried)
    return Sheet("Actions", Table("Actions", "Action tracker", columns, tuple(r.cells() for r in rows)), note)


def progress_section(p: Progress) -> Section:
    """Short, for both audiences: where the actions stand, what is late, what awaits HMICFRS."""
    counts = "; ".join(f"{status}: {n}" for status, n in p.by_status) or "no rows"
    blocks = [Paragraph(f"From the tracker {p.source}: {counts}."
                        + (f" RAG: {', '.join(f'{g} {n}' for g, n in p.by_rag)}." if p.by_rag else ""))]
    if p.overdue:
        blocks.append(_rows_table("Overdue", f"Overdue ({len(p.overdue)})", p.overdue))
    else:
        blocks.append(Paragraph("No open action is past its due date."))
    if p.awaiting:
        blocks.append(_rows_table("Awaiting", f"Done, awaiting HMICFRS sign-off ({len(p.awaiting)})", p.awaiting))
    if p.oldest_open:
        blocks.append(_rows_table("Oldest", "Open actions with the earliest due dates", p.oldest_open))
    if p.unmatched:
        blocks.append(Paragraph("Tracker rows kept as they were, matching no finding of either inspection: "
                                + ", ".join(p.unmatched[:20]) + ("; and more" if len(p.unmatched) > 20 else "")
                                + ".", "caveat"))
    return Section("Progress since the last pack", 1, tuple(blocks))


def _rows_table(name: str, caption: str, rows) -> Table:
    return Table(name, caption, (Column("ID", 1.6), Column("Finding", 4), Column("Owner", 1.3),
                                 Column("Due", 1.1, "date"), Column("Status", 1.6)),
                 tuple((r.id, r.finding, r.owner or r.lead, r.due or "", r.status) for r in rows))

