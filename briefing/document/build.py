"""Comparison (+ history) -> Briefing: every decision about what a pack says is made here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from briefing.cleaning import clean_model
from briefing.compare import Comparison, History
from briefing.compare.monitoring import MonitoringStatus
from briefing.compare.register import MISSING, OPEN, ReportEntry, ResponseStanding, response_standing
from briefing.document import earlier, header, reports, sections, sheets, summary, tracking
from briefing.document.audience import ahead, audience_sections
from briefing.document.glance import actions_fact, cycle_fact, glance_section, monitoring_fact
from briefing.document.grades import grades_section
from briefing.document.header import paper_words
from briefing.document.model import EXCEL_CELL_CHARS, Briefing, Metadata, Section
from briefing.document.narrative import render_blocks
from briefing.document.open_findings import open_findings_section, open_rows
from briefing.document.options import PackOptions
from briefing.document.wording import long_date, published_words
from briefing.frameworks import Frameworks
from briefing.model import NOT_S55_TYPES
from briefing.places import PublicationDate
from briefing.reference import load_frameworks
from briefing.sources import with_article
from briefing.tracker import TrackerRow, progress_of


def build_briefing(comparison: Comparison, record: History | None = None,
                   options: PackOptions | None = None, tracker: Tracker | None = None,
                   register: tuple[ReportEntry, ...] = (), frameworks: Frameworks | None = None,
                   monitoring: MonitoringStatus | None = None) -> Briefing:
    """`tracker` is last quarter's edited tracker, whose rows are carried into this pack;
    `register` the force's reports on file (compare.register); `frameworks` those the
    comparison was made with (the process's Reference's by default); `monitoring` the
    force's monitoring stage as the sources on file state it (None: not stated)."""
    options = options or PackOptions()
    fw = frameworks or load_frameworks()
    c = comparison
    rows, unmatched = tracking.tracker_rows(c, list(tracker.rows) if tracker else [],
                                            reports.report_rows(register, fw))
    progress = progress_of(rows, options.date, unmatched, tracker.source if tracker else "")
    title = f"{c.new.force}: {c.new.cycle_name} inspection briefing"
    standing = _standing(c, register, options, fw)
    summary_section = Section("Executive summary", 1, tuple(render_blocks(
        "executive_summary.txt.j2", **_summary_context(c, options, standing, monitoring))))
    chiefs = options.audience == "chief-officers"  # they act on Open findings by area: each finding is listed there once
    listed = frozenset(r.id for r in open_rows(rows)) if chiefs else frozenset()
    persisting, unmatched_section, fresh = sections.findings_sections(c, listed, "Open findings by area")
    audience = audience_sections(c, options, standing,
                                          summary.monitoring_lines(c, monitoring) if monitoring and monitoring.enhanced
                                          else ())
    if chiefs:
        audience = [open_findings_section(c, rows), *audience]
    body = [  # the order a reader needs: what to decide and what changed first, the detail and the sources last
        _glance(c, record, options, standing, monitoring, rows, progress, tracker, fw),
        header.header_section(c, options, standing), summary_section, grades_section(c, fw), persisting, fresh,
        *audience,
        *([tracking.progress_section(progress)] if tracker else []),
        *(reports.reports_sections(register, _since(c, tracker, fw), options.date, options.office_short(c.new.force))
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
                    s55_due=c.s55_due if options.audience == "pcc" and standing.kind in OPEN + MISSING else None)
    headline = summary.headline(c) + ((summary.response_line(c, standing),) if options.audience == "pcc" else ())
    workbook = sheets.workbook_sheets(c, record, options, headline + summary.monitoring_lines(c, monitoring), title,
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


def _since(c: Comparison, tracker: Tracker | None, fw: Frameworks) -> reports.Since:
    """The last pack's date where the tracker carries it, else the older inspection's report
    (placed by its cycle where its date is not on file)."""
    if tracker is not None and tracker.dated is not None:
        d = tracker.dated
        return reports.Since(PublicationDate(d.year, d.month, d.day), f"the last pack ({long_date(d)})")
    return reports.Since(PublicationDate.from_iso(c.old.published_iso), f"the {c.old.cycle_name} report ({c.old.published})",
                         c.old.cycle, {cycle_id: cycle.order for cycle_id, cycle in fw.cycles.items()})


def _warnings(briefing: Briefing) -> tuple[str, ...]:
    """Cells too long for Excel: the workbook says so in the cell; the user hears it here too."""
    cut = [f"{sheet.name} sheet, row {r}" for sheet in briefing.sheets
           for r, row in enumerate(sheet.table.rows, start=2)
           if any(isinstance(v, str) and len(v) > EXCEL_CELL_CHARS for v in row)]
    if not cut:
        return ()
    return (f"the Excel workbook cuts text longer than {EXCEL_CELL_CHARS:,} characters ({', '.join(cut[:5])}"
            f"{' and more' if len(cut) > 5 else ''}); the Word and PDF briefing hold it in full",)


def _glance(c: Comparison, record: History | None, options: PackOptions, standing: ResponseStanding,
            monitoring: MonitoringStatus | None, rows, progress, tracker: Tracker | None, fw: Frameworks) -> Section:
    """Page 1: made from the same values as the body, the facts table's rows here."""
    labels = paper_words()["labels"]
    facts = ((labels["monitoring"], monitoring_fact(monitoring)), (labels["cycle"], cycle_fact(c, options)),
             (labels["actions"], actions_fact(rows, progress, tracker.source if tracker else "", c)))
    return glance_section(c, record, options, standing, len(open_rows(rows)), facts, fw, monitoring)


def _standing(c: Comparison, register: tuple[ReportEntry, ...], options: PackOptions,
              fw: Frameworks) -> ResponseStanding:
    """Where the response to the newer inspection stands on the paper's date: the register's
    (a response on file attached to it), else from its publication day alone."""
    entry = next((e for e in register if e.peel and e.cycle == c.new.cycle and e.published.iso() == c.new.published_iso),
                 None)
    if entry is not None:
        return entry.standing
    return response_standing(c.s55_due, None, options.date, PublicationDate.from_iso(c.new.published_iso),
                             cycle=fw.cycles.get(c.new.cycle), force=c.new.force,
                             letter=c.new.report_type in NOT_S55_TYPES)


def _summary_context(c: Comparison, options: PackOptions, standing: ResponseStanding,
                     monitoring: MonitoringStatus | None) -> dict:
    return dict(
        force=c.new.force, new_name=c.new.cycle_name, old_name=c.old.cycle_name,
        new_published=published_words(c.new.published_iso), old_published=published_words(c.old.published_iso),
        audience_name=options.audience_for(c.new.force),
        lead=list(summary.monitoring_lines(c, monitoring)) + summary.weakest(c), movements=summary.movement_lines(c), **dict(zip(("unplaced_lead", "unplaced"),
                                                                                 summary.unplaced(c))),
        corrected=[g for g in c.grade_changes if g.correction], downgrade=summary.downgrade_line(c),
        persisting=earlier.persisting_line(c), findings=earlier.findings_line(c),
        new_complete=c.new.findings_complete, new_kind=with_article(c.new.source_kind_name),
        old_complete=c.old.findings_complete, old_kind=with_article(c.old.source_kind_name),
        deadline=standing.words("said") if options.audience == "pcc" and standing.has_duty else "",
        office_short=options.office_short(c.new.force, on=standing.duty_day),
        comparable=c.comparable, **ahead(c, options))
