"""Comparison (+ history) -> Briefing: every decision about what a pack says is made here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from briefing.cleaning import clean_model
from briefing.compare import Comparison, History
from briefing.compare.grades import GradeChange
from briefing.compare.register import ReportEntry
from briefing.document import header, reports, sections, sheets, tracking
from briefing.document.glance import actions_fact, glance_section
from briefing.document.header import paper_words
from briefing.document.model import (
    EXCEL_CELL_CHARS,
    Briefing,
    Chart,
    Column,
    GradeBar,
    Metadata,
    Paragraph,
    Section,
    Table,
)
from briefing.document.narrative import render_blocks
from briefing.document.open_findings import open_findings_section, open_rows
from briefing.document.options import PackOptions
from briefing.document.wording import long_date, movement_text, s55_status, since_text, unmatched_phrase
from briefing.frameworks import Frameworks
from briefing.model import PublicationDate
from briefing.phrases import unmatched_words
from briefing.reference import load_frameworks
from briefing.sources import with_article
from briefing.tracker import TrackerRow, progress_of


def worst_downgrade(comparison: Comparison) -> GradeChange | None:
    downs = comparison.movements("down")
    return min(downs, key=lambda c: c.steps) if downs else None


def build_briefing(comparison: Comparison, record: History | None = None,
                   options: PackOptions | None = None, tracker: Tracker | None = None,
                   register: tuple[ReportEntry, ...] = (), frameworks: Frameworks | None = None) -> Briefing:
    """`tracker` is last quarter's edited tracker, whose rows are carried into this pack;
    `register` the force's reports on file (compare.register); `frameworks` those the
    comparison was made with (the process's Reference's by default)."""
    options = options or PackOptions()
    fw = frameworks or load_frameworks()
    c = comparison
    rows, unmatched = tracking.tracker_rows(c, list(tracker.rows) if tracker else [],
                                            reports.report_rows(register, fw))
    progress = progress_of(rows, options.date, unmatched, tracker.source if tracker else "")
    title = f"{c.new.force}: {c.new.cycle_name} inspection briefing"
    deadline = s55_status(c.s55_due, options.date)
    summary = Section("Executive summary", 1, tuple(render_blocks("executive_summary.txt.j2",
                                                                  **_summary_context(c, options, deadline))))
    persisting, unmatched_section, fresh = sections.findings_sections(c)
    audience = sections.audience_sections(c, options, deadline)
    if options.audience == "chief-officers":
        audience = [open_findings_section(c, rows), *audience]
    body = [  # the order a reader needs: what to decide and what changed first, the detail and the sources last
        _glance(c, record, options, deadline, rows, progress, tracker, fw), header.header_section(c, options, deadline),
        summary, _grades(c, fw), persisting, fresh, *audience,
        *([tracking.progress_section(progress)] if tracker else []),
        *(reports.reports_sections(register, _since(c, tracker), options.date, options.office_short(c.new.force))
          if register else []),
        unmatched_section, sections.figures_section(c),
        *([sections.history_section(record, fw)] if record is not None else []),
        *sections.annexes(c),
    ]
    meta = Metadata(title=title, subject=f"Comparison of the {c.old.cycle_name} and {c.new.cycle_name} "
                                               f"inspections of {c.new.force}",
                    author=options.author, language=options.language, marking=options.marking,
                    keywords=("HMICFRS", "PEEL", c.new.force, "briefing"), date=long_date(options.date),
                    version=options.version, audience=options.audience,
                    s55_due=c.s55_due if options.audience == "pcc" else None)
    headline = _headline(c)
    workbook = sheets.workbook_sheets(c, record, options, headline, title,
                                      tracking.tracker_sheet(rows, tracker.source if tracker else ""), progress)
    if register:
        workbook = (*workbook[:-1], reports.reports_sheet(register), workbook[-1])
    briefing = clean_model(Briefing(meta, tuple(body), workbook, headline))  # the one cleaning step, on every field
    kept = (f"{len(unmatched)} tracker row(s) match no finding of either inspection and were kept as they were: "
            f"{', '.join(unmatched[:10])}{' and more' if len(unmatched) > 10 else ''}",) if unmatched else ()
    return replace(briefing, warnings=_warnings(briefing) + kept)


@dataclass(frozen=True)
class Tracker:
    rows: tuple[TrackerRow, ...]
    source: str  # "kent-q1.xlsx": named in the pack
    dated: date | None = None  # the date of the pack it came from, where its Summary sheet says
    force: str = ""  # whose pack it came from, where its Summary sheet says
    path: str = ""


def _since(c: Comparison, tracker: Tracker | None) -> reports.Since:
    """The last pack's date where the tracker carries it, else the older inspection's report."""
    if tracker is not None and tracker.dated is not None:
        d = tracker.dated
        return reports.Since(PublicationDate(d.year, d.month, d.day), f"the last pack ({long_date(d)})")
    return reports.Since(PublicationDate.from_iso(c.old.published_iso), f"the {c.old.cycle_name} report ({c.old.published})")


def _warnings(briefing: Briefing) -> tuple[str, ...]:
    """Cells too long for Excel: the workbook says so in the cell; the user hears it here too."""
    cut = [f"{sheet.name} sheet, row {r}" for sheet in briefing.sheets
           for r, row in enumerate(sheet.table.rows, start=2)
           if any(isinstance(v, str) and len(v) > EXCEL_CELL_CHARS for v in row)]
    if not cut:
        return ()
    return (f"the Excel workbook cuts text longer than {EXCEL_CELL_CHARS:,} characters ({', '.join(cut[:5])}"
            f"{' and more' if len(cut) > 5 else ''}); the Word and PDF briefing hold it in full",)


def _glance(c: Comparison, record: History | None, options: PackOptions, deadline: str, rows, progress,
            tracker: Tracker | None, fw: Frameworks) -> Section:
    """Page 1: made from the same values as the body, the facts table's rows here."""
    facts = ((paper_words()["labels"]["actions"], actions_fact(rows, progress, tracker.source if tracker else "", c)),)
    return glance_section(c, record, options, deadline, len(open_rows(rows)), facts, fw)


def _summary_context(c: Comparison, options: PackOptions, deadline: str) -> dict:
    longest = max(c.persisting, key=lambda p: (p.times_raised, p.score), default=None)
    return dict(
        force=c.new.force, new_name=c.new.cycle_name, old_name=c.old.cycle_name, new_published=c.new.published,
        old_published=c.old.published, audience_name=options.audience_for(c.new.force),
        up=len(c.movements("up")), down=len(c.movements("down")), same=len(c.movements("same")),
        compared=sum(len(c.movements(m)) for m in ("up", "down", "same")),
        new_areas=len(c.movements("new-area")), dropped=len(c.movements("no-longer-graded")),
        corrected=[g for g in c.grade_changes if g.correction],
        worst=worst_downgrade(c), longest=longest, persisting=len(c.persisting),
        longest_since=since_text(longest.first_raised, longest.times_raised, longest.not_on_file) if longest else "",
        unmatched=unmatched_phrase(c, len(c.resolved)), fresh=len(c.new_findings),
        new_complete=c.new.findings_complete, new_kind=with_article(c.new.source_kind_name),
        deadline=deadline if options.audience == "pcc" else "", office_short=options.office_short(c.new.force),
        comparable=c.comparable)


def _grades(c: Comparison, fw: Frameworks) -> Section:
    blocks = [Paragraph(note, "caveat") for note in c.caveats]
    rows = tuple((g.area_name, g.old_grade or "not graded", g.new_grade or "not graded",
                  movement_text(g), " ".join(x for x in (("Partial match. " if g.partial else "") + g.note,
                                                                 g.correction) if x))
                 for g in c.grade_changes)
    blocks.append(Table("Grades", f"Grade movements, {c.old.cycle_name} to {c.new.cycle_name}",
                        (Column("Area", 3), Column(f"Was ({c.old.cycle_name})", 2, "grade"),
                         Column(f"Now ({c.new.cycle_name})", 2, "grade"), Column("Movement", 2),
                         Column("Note", 3)), rows))
    blocks.append(_chart(c, fw))
    return Section("Grade movements", 1, tuple(blocks))


def _chart(c: Comparison, fw: Frameworks) -> Chart:
    scale = tuple(sorted(fw.ranks, key=fw.ranks.get))
    bars = tuple(GradeBar(g.area_name, g.old_grade, g.new_grade,
                          fw.ranks.get(g.old_grade), fw.ranks.get(g.new_grade)) for g in c.grade_changes)
    described = "; ".join(f"{b.label}: {b.old_grade or 'not graded'} to {b.new_grade or 'not graded'}" for b in bars)
    return Chart(f"Grades in {c.old.cycle_name} and {c.new.cycle_name}",
                 f"Bar chart of grades by area, {c.old.cycle_name} against {c.new.cycle_name}. {described}.",
                 bars, c.old.cycle_name, c.new.cycle_name, scale)


def _headline(c: Comparison) -> tuple[str, ...]:
    up, down, same = (len(c.movements(m)) for m in ("up", "down", "same"))
    worst = worst_downgrade(c)
    lines = [f"Grades: {up} up, {down} down, {same} unchanged"
             + (f"; biggest fall: {worst.area_name} ({worst.old_grade} to {worst.new_grade})." if worst else ".")]
    unmatched = unmatched_words(c.unmatched_confirmed)
    lines.append(f"Findings: {len(c.persisting)} persisting, {len(c.resolved)} {unmatched}, "
                 f"{len(c.new_findings)} new.")
    lines.append("HMICFRS says these grades are not directly comparable." if not c.comparable
                 else "HMICFRS treats these grades as comparable.")
    return tuple(line for line in lines)
