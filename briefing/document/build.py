"""Comparison (+ history) -> Briefing: every decision about what a pack says is made here."""

from __future__ import annotations

from datetime import timedelta

from briefing.compare import Comparison, History
from briefing.compare.grades import GradeChange
from briefing.document import sections, sheets
from briefing.document.model import (Briefing, Chart, Column, GradeBar, Metadata, Paragraph, Section, Table,
                                     clean)
from briefing.document.narrative import render_blocks
from briefing.document.options import REPORT_TO, PackOptions
from briefing.document.persistence import persistence
from briefing.frameworks import load_frameworks

MOVEMENT_TEXT = {"new-area": "graded for the first time", "no-longer-graded": "no longer graded", "same": "no change"}


def movement_text(change: GradeChange) -> str:
    if change.movement in ("up", "down"):
        n = abs(change.steps)
        return f"{change.movement} {n} grade{'s' if n > 1 else ''}"
    return MOVEMENT_TEXT[change.movement]


def s55_due(comparison: Comparison) -> str:
    new = comparison.inspections[1] if comparison.inspections else None
    exact = new.published.exact if new else None
    return (exact + timedelta(days=56)).strftime("%-d %B %Y") if exact else ""


def worst_downgrade(comparison: Comparison) -> GradeChange | None:
    downs = comparison.movements("down")
    return min(downs, key=lambda c: c.steps) if downs else None


def build_briefing(comparison: Comparison, record: History | None = None,
                   options: PackOptions | None = None) -> Briefing:
    options = options or PackOptions()
    lasting = persistence(comparison, record)
    title = clean(f"{comparison.new.force}: {comparison.new.cycle_name} inspection briefing")
    body = [
        _header(comparison, options, title),
        Section("Executive summary", 1, tuple(render_blocks("executive_summary.txt.j2",
                                                            **_summary_context(comparison, options, lasting)))),
        _grades(comparison),
        *sections.findings_sections(comparison, lasting),
        sections.figures_section(comparison),
        *sections.audience_sections(comparison, options, lasting, s55_due(comparison)),
    ]
    if record is not None:
        body.append(sections.history_section(record))
    body.append(sections.annex(comparison))
    meta = Metadata(title=title, subject=clean(f"Comparison of the {comparison.old.cycle_name} and "
                                               f"{comparison.new.cycle_name} inspections of {comparison.new.force}"),
                    author=clean(options.author or "Not stated"), language=options.language,
                    marking=clean(options.marking), keywords=("HMICFRS", "PEEL", comparison.new.force, "briefing"),
                    date=options.date.strftime("%-d %B %Y"), version=clean(options.version), audience=options.audience)
    headline = _headline(comparison)
    workbook = sheets.workbook_sheets(comparison, record, options, lasting, s55_due(comparison), headline, title)
    return Briefing(meta, tuple(body), workbook, headline)


def _header(comparison: Comparison, options: PackOptions, title: str) -> Section:
    rows = [("Protective marking", options.marking), ("Report to", REPORT_TO[options.audience]),
            ("Title", title), ("Force", comparison.new.force),
            ("Inspections compared", f"{comparison.old.title} ({comparison.old.published}) and "
                                     f"{comparison.new.title} ({comparison.new.published})"),
            ("Date", options.date.strftime("%-d %B %Y")), ("Version", options.version),
            ("Author", options.author or "Not stated")]
    if options.audience == "pcc":
        rows.append(("s.55 response due", s55_due(comparison) or "Not calculable: the publication date is not exact"))
    table = Table("Paper", "Paper details", (Column("Item", 1), Column("Detail", 3)),
                  tuple((clean(a), clean(b)) for a, b in rows))
    return Section("About this paper", 1, (table,))


def _summary_context(c: Comparison, options: PackOptions, lasting) -> dict:
    longest = max(c.persisting, key=lambda p: (lasting[p.new.text][1], p.score), default=None)
    return dict(
        force=c.new.force, new_name=c.new.cycle_name, old_name=c.old.cycle_name, new_published=c.new.published,
        old_published=c.old.published, audience_name=options.audience_name,
        up=len(c.movements("up")), down=len(c.movements("down")), same=len(c.movements("same")),
        compared=sum(len(c.movements(m)) for m in ("up", "down", "same")),
        new_areas=len(c.movements("new-area")), dropped=len(c.movements("no-longer-graded")),
        worst=worst_downgrade(c), longest=longest, persisting=len(c.persisting),
        longest_since=lasting[longest.new.text][0] if longest else "",
        longest_times=lasting[longest.new.text][1] if longest else 0,
        resolved=len(c.resolved), fresh=len(c.new_findings), s55_due=s55_due(c) if options.audience == "pcc" else "",
        comparable=c.comparable, caveat=next((n for n in c.caveats if n.startswith("\u201c")), " ".join(c.caveats)))


def _grades(c: Comparison) -> Section:
    blocks = [Paragraph(clean(note), "caveat") for note in c.caveats]
    rows = tuple((clean(g.new_label or g.old_label), clean(g.old_grade or "not graded"),
                  clean(g.new_grade or "not graded"), movement_text(g),
                  clean(("Partial match. " if g.partial else "") + g.note)) for g in c.grade_changes)
    blocks.append(Table("Grades", f"Grade movements, {c.old.cycle_name} to {c.new.cycle_name}",
                        (Column("Area", 3), Column(f"Was ({c.old.cycle_name})", 2, "grade"),
                         Column(f"Now ({c.new.cycle_name})", 2, "grade"), Column("Movement", 2),
                         Column("Note", 3)), rows))
    blocks.append(_chart(c))
    return Section("Grade movements", 1, tuple(blocks))


def _chart(c: Comparison) -> Chart:
    fw = load_frameworks()
    scale = tuple(sorted(fw.ranks, key=fw.ranks.get))
    bars = tuple(GradeBar(clean(g.new_label or g.old_label), g.old_grade, g.new_grade,
                          fw.ranks.get(g.old_grade), fw.ranks.get(g.new_grade)) for g in c.grade_changes)
    described = "; ".join(f"{b.label}: {b.old_grade or 'not graded'} to {b.new_grade or 'not graded'}" for b in bars)
    return Chart(f"Grades in {c.old.cycle_name} and {c.new.cycle_name}",
                 clean(f"Bar chart of grades by area, {c.old.cycle_name} against {c.new.cycle_name}. {described}."),
                 bars, c.old.cycle_name, c.new.cycle_name, scale)


def _headline(c: Comparison) -> tuple[str, ...]:
    up, down, same = (len(c.movements(m)) for m in ("up", "down", "same"))
    worst = worst_downgrade(c)
    lines = [f"Grades: {up} up, {down} down, {same} unchanged"
             + (f"; biggest fall: {worst.new_label} ({worst.old_grade} to {worst.new_grade})." if worst else ".")]
    lines.append(f"Findings: {len(c.persisting)} persisting, {len(c.resolved)} resolved, {len(c.new_findings)} new.")
    lines.append("HMICFRS says these grades are not directly comparable." if not c.comparable
                 else "HMICFRS treats these grades as comparable.")
    return tuple(clean(line) for line in lines)
