"""The Excel workbook's sheets: where people filter the detail behind the briefing.

Dates are dates and counts are numbers, so a filter or a sum works; drop-downs sit only
on cells people fill in. Match scores and reasons live on the Matching sheet, for the
analyst who checks the links, not in the briefing text.
"""

from __future__ import annotations

import re

from briefing.compare import Comparison, History
from briefing.compare.states import MOVEMENTS
from briefing.compare.summaries import FindingRef
from briefing.compare.themes import theme_name
from briefing.document.model import Column, Sheet, Table
from briefing.document.options import PackOptions
from briefing.document.wording import movement_text, new_words, side_text
from briefing.model import KIND_LABELS
from briefing.phrases import continuing_words, unmatched_words
from briefing.tracker import NOT_ASSESSED, Progress

HEADLINE_ITEM = "What changed"


def workbook_sheets(c: Comparison, record: History | None, options: PackOptions,
                    headline: tuple[str, ...], title: str, actions: Sheet, progress: Progress) -> tuple[Sheet, ...]:
    return (_summary(c, options, headline, title, progress), _grades(c), _findings(c), _matching(c), _figures(c),
            _history(c, record), actions)


def _summary(c: Comparison, options: PackOptions, headline: tuple[str, ...], title: str, progress: Progress) -> Sheet:
    rows: list[tuple] = [(HEADLINE_ITEM, line) for line in headline]
    rows += [("Title", title), ("Force", c.new.force), ("Older inspection", f"{c.old.title} ({c.old.published})"),
             ("Older source", c.old.source_kind_name), ("Newer inspection", f"{c.new.title} ({c.new.published})"),
             ("Newer source", c.new.source_kind_name),
             ("Newer source lists every finding", "yes" if c.new.findings_complete else "no"),
             ("Audience", options.audience_for(c.new.force)), ("Protective marking", options.marking), ("Date", options.date),
             ("Version", options.version), ("Author", options.author)]
    for movement in MOVEMENTS:
        rows.append((f"Areas: {movement.replace('-', ' ')}", len(c.movements(movement))))
    for name, counts in ((c.new.cycle_name, c.new_counts), (c.old.cycle_name, c.old_counts)):
        rows += [(f"Areas {name} counts but does not name: {' or '.join(k.grades)}", k.unnamed)
                 for k in counts if k.unnamed]
    unmatched = "Not raised again" if c.unmatched_confirmed else "Not in the source used"
    rows += [("Persisting concerns", c.persisting_count), (f"{unmatched} (earlier findings)", len(c.resolved)),
             (f"{new_words(c).capitalize()} (later findings)", len(c.new_findings)),
             ("Grades directly comparable", "yes" if c.comparable else "no")]
    if options.audience == "pcc" and c.s55_due:
        rows.append(("s.55 response due", c.s55_due))
    rows += [("Actions with no status yet", dict(progress.by_status).get(NOT_ASSESSED, 0) or ""),
             ("Actions not started or in progress", progress.open_count), ("Actions overdue", len(progress.overdue)),
             ("Actions awaiting HMICFRS sign-off", len(progress.awaiting))]
    rows += [(f"Caveat {i}", note) for i, note in enumerate(c.caveats, start=1)]
    rows += [("Correction", note) for note in c.new.corrections + c.old.corrections]
    table = Table("Summary", "Summary", (Column("Item", 1.5), Column("Detail", 6)),
                  tuple((a, b) for a, b in rows if b not in ("", None)))
    return Sheet("Summary", table)


def _grades(c: Comparison) -> Sheet:
    rows = tuple((g.area_name, g.old_label, side_text(g.old_state, c.old.cycle_name), g.new_label,
                  side_text(g.new_state, c.new.cycle_name), movement_text(g, c.new.cycle_name),
                  g.steps, "partial" if g.partial else "full", " ".join(filter(None, (g.note, g.correction))))
                 for g in c.grade_changes)
    table = Table("Grades", "Grade movements", (
        Column("Area", 2), Column("Earlier wording", 3), Column("Earlier grade", 1.6, "grade"),
        Column("Later wording", 3), Column("Later grade", 1.6, "grade"), Column("Movement", 1.6),
        Column("Steps", 0.6, "number"), Column("Mapping", 0.9), Column("Note", 3)), rows)
    return Sheet("Grades", table, " ".join(c.caveats))


def _row(status: str, inspection: str, ref: FindingRef, linked: str = "", since: str = "") -> tuple[str, ...]:
    themes = "; ".join(theme_name(t) for t in ref.themes)
    return (status, inspection, ref.label, KIND_LABELS[ref.kind], ref.area_name, themes, ref.text, linked,
            ref.source, ref.place if ref.place != "place not recorded" else "", since)


def _findings(c: Comparison) -> Sheet:
    """One row per finding of each inspection: a persisting pair is two rows, each naming
    the other, so a filter on either inspection shows all of its findings."""
    unmatched = unmatched_words(c.unmatched_confirmed)
    rows, seen = [], set()
    for p in c.persisting:
        if p.new.tracker_id not in seen:
            seen.add(p.new.tracker_id)
            earlier = [q.old for q in c.persisting if q.new.tracker_id == p.new.tracker_id]
            rows.append(_row("persisting", c.new.cycle_name, p.new, "; ".join(f"{o.label}: {o.text}" for o in earlier),
                             p.first_raised))
    rows += [_row("raised again", c.old.cycle_name, p.old, f"{p.new.label}: {p.new.text}", p.first_raised)
             for p in c.persisting]
    rows += [_row(unmatched, c.old.cycle_name, r) for r in c.resolved]
    rows += [_row(continuing_words() if n.continues else new_words(c), c.new.cycle_name, n) for n in c.new_findings]
    table = Table("Findings", "Every finding of both inspections with its status", (
        Column("Status", 1.3), Column("Inspection", 1.4), Column("ID", 1), Column("Kind", 1.4),
        Column("Area", 1.8), Column("Themes", 2), Column("Text", 5), Column("Linked to", 4), Column("Source", 2.5),
        Column("Place in the text used", 1.4), Column("First raised", 1.8)), tuple(rows))
    return Sheet("Findings", table)


def _matching(c: Comparison) -> Sheet:
    rows = tuple((p.old.label, p.new.label, round(p.score, 2), p.reason,
                  "yes" if p.manual else "no", "yes" if p.merged else "no", p.severity_change)
                 for p in c.persisting)
    note = ("For the analyst: why each persisting link was made. Scores run from 0 to 1; links below 0.28 are not "
            "made. Pin or forbid a link with an overrides file (briefing pack --overrides).")
    return Sheet("Matching", Table("Matching", "How persisting concerns were linked", (
        Column("Earlier finding", 1.3), Column("Later finding", 1.3), Column("Score", 0.8, "number"),
        Column("Reason", 5), Column("Set by hand", 1), Column("Merged", 0.9), Column("Severity", 1.2)), rows), note)


def _number(value: str) -> float | int | str:
    """ "127.7" -> 127.7, "1,204" -> 1204, "94" -> 94: a number a filter or sort can use; words stay words."""
    text = value.strip().replace(",", "")
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?\d*\.\d+", text):
        return float(text)
    return value


def _figures(c: Comparison) -> Sheet:
    """Figures as numbers, their unit in its own column, so they sort and filter; a
    comparator in words ("highest in England and Wales ...") stays words."""
    rows = tuple((name, f.name, _number(f.value), _number(f.comparator), f.unit.strip(), f.period, str(f.place))
                 for name, figures in ((c.new.cycle_name, c.new_figures), (c.old.cycle_name, c.old_figures))
                 for f in figures)
    return Sheet("Figures", Table("Figures", "Key figures", (
        Column("Inspection", 1.4), Column("Figure", 3), Column("Force", 1.2, "number"),
        Column("England and Wales", 1.6, "number"), Column("Unit", 1.4), Column("Period", 2.5),
        Column("Source", 1.2)), rows))


def _history(c: Comparison, record: History | None) -> Sheet:
    if record is None:
        rows = tuple((g.area_name, name, label, grade)
                     for g in c.grade_changes
                     for name, label, grade in ((c.old.cycle_name, g.old_label, g.old_grade),
                                                (c.new.cycle_name, g.new_label, g.new_grade)) if grade)
    else:
        rows = tuple((t.area_name, p.inspection, p.label, p.grade)
                     for t in record.timelines for p in t.points)
    return Sheet("History", Table("History", "Grades by area and inspection", (
        Column("Area", 2), Column("Inspection", 2), Column("Wording", 3), Column("Grade", 1.6, "grade")), rows))
