"""The Excel workbook's sheets: where people filter the detail behind the briefing."""

from __future__ import annotations

from briefing.compare import Comparison, History
from briefing.compare.comparison import FindingRef
from briefing.compare.themes import theme_name
from briefing.document.model import Column, Sheet, Table, clean
from briefing.document.options import PackOptions
from briefing.frameworks import load_frameworks
from briefing.model import KIND_LABELS

ACTION_STATUSES = ("Not started", "In progress", "Pending sign-off", "Complete", "No further action")


def workbook_sheets(c: Comparison, record: History | None, options: PackOptions, lasting, due: str,
                    headline: tuple[str, ...], title: str) -> tuple[Sheet, ...]:
    return (_summary(c, options, due, headline, title), _grades(c), _findings(c, lasting), _figures(c), _history(c, record),
            _actions(c))


HEADLINE_ITEM = "What changed"


def _summary(c: Comparison, options: PackOptions, due: str, headline: tuple[str, ...], title: str) -> Sheet:
    rows = [(HEADLINE_ITEM, line) for line in headline]
    rows += [("Title", title), ("Force", c.new.force), ("Older inspection", f"{c.old.title} ({c.old.published})"),
            ("Newer inspection", f"{c.new.title} ({c.new.published})"), ("Audience", options.audience_name),
            ("Protective marking", options.marking), ("Date", options.date.strftime("%-d %B %Y")),
            ("Version", options.version), ("Author", options.author or "Not stated")]
    for movement in ("up", "down", "same", "new-area", "no-longer-graded"):
        rows.append((f"Areas: {movement.replace('-', ' ')}", str(len(c.movements(movement)))))
    rows += [("Persisting concerns", str(len(c.persisting))), ("Resolved findings", str(len(c.resolved))),
             ("New findings", str(len(c.new_findings))), ("Grades directly comparable", "yes" if c.comparable else "no")]
    if options.audience == "pcc":
        rows.append(("s.55 response due", due or "Not calculable: publication date not exact"))
    rows += [(f"Caveat {i}", note) for i, note in enumerate(c.caveats, start=1)]
    table = Table("Summary", "Summary", (Column("Item", 1.5), Column("Detail", 6)),
                  tuple((clean(a), clean(b)) for a, b in rows))
    return Sheet("Summary", table)


def _grades(c: Comparison) -> Sheet:
    rows = tuple(tuple(clean(v) for v in (g.area_name, g.old_label, g.old_grade or "not graded", g.new_label,
                                          g.new_grade or "not graded", g.movement, str(g.steps),
                                          "partial" if g.partial else "full", g.note)) for g in c.grade_changes)
    table = Table("Grades", "Grade movements", (
        Column("Area", 2), Column("Earlier wording", 3), Column("Earlier grade", 1.6, "grade"),
        Column("Later wording", 3), Column("Later grade", 1.6, "grade"), Column("Movement", 1.4),
        Column("Steps", 0.6, "number"), Column("Mapping", 0.9), Column("Note", 3)), rows)
    return Sheet("Grades", table, clean(" ".join(c.caveats)))


def _row(status: str, inspection: str, ref: FindingRef, linked: str = "", score: str = "", reason: str = "",
         since: str = "") -> tuple[str, ...]:
    themes = "; ".join(theme_name(t) for t in ref.themes)
    return tuple(clean(v) for v in (status, inspection, ref.label, KIND_LABELS[ref.kind], ref.area_name, themes,
                                    ref.text, linked, score, reason, ref.place, since))


def _findings(c: Comparison, lasting) -> Sheet:
    rows = [_row("persisting", c.new.cycle_name, p.new, f"{p.old.label}: {p.old.text}", f"{p.score:.2f}",
                 p.reason + ("; set by hand" if p.manual else ""), lasting[p.new.text][0]) for p in c.persisting]
    rows += [_row("resolved", c.old.cycle_name, r) for r in c.resolved]
    rows += [_row("new", c.new.cycle_name, n) for n in c.new_findings]
    table = Table("Findings", "Every finding with its status", (
        Column("Status", 1, choices=("persisting", "resolved", "new")), Column("Inspection", 1.4),
        Column("ID", 1), Column("Kind", 1.4), Column("Area", 1.8), Column("Themes", 2), Column("Text", 5),
        Column("Linked to", 4), Column("Score", 0.7, "number"), Column("Reason", 3), Column("Source", 1),
        Column("Persisting since", 1.8)), tuple(rows))
    return Sheet("Findings", table)


def _figures(c: Comparison) -> Sheet:
    rows = tuple(tuple(clean(v) for v in (name, f.name, f.value, f.unit, f.comparator, f.period, str(f.place)))
                 for name, figures in ((c.new.cycle_name, c.new_figures), (c.old.cycle_name, c.old_figures))
                 for f in figures)
    return Sheet("Figures", Table("Figures", "Key figures", (
        Column("Inspection", 1.4), Column("Figure", 3), Column("Force", 1, "number"), Column("Unit", 1.5),
        Column("England and Wales", 1.2, "number"), Column("Period", 2.5), Column("Source", 1)), rows))


def _history(c: Comparison, record: History | None) -> Sheet:
    if record is None:
        rows = tuple((clean(g.area_name), name, clean(label), clean(grade))
                     for g in c.grade_changes
                     for name, label, grade in ((c.old.cycle_name, g.old_label, g.old_grade),
                                                (c.new.cycle_name, g.new_label, g.new_grade)) if grade)
    else:
        rows = tuple((clean(t.area_name), clean(p.inspection), clean(p.label), clean(p.grade))
                     for t in record.timelines for p in t.points)
    return Sheet("History", Table("History", "Grades by area and inspection", (
        Column("Area", 2), Column("Inspection", 2), Column("Wording", 3), Column("Grade", 1.6, "grade")), rows))


def _actions(c: Comparison) -> Sheet:
    new = c.inspections[1]
    rows = tuple((clean(f.label), clean(f.text),
                  clean(area_label(f.area)), "", "", "Not started", "", "")
                 for f in new.findings if f.kind != "innovative-practice")
    return Sheet("Actions", Table("Actions", "Actions on open findings", (
        Column("ID", 1), Column("Finding", 5), Column("Area", 1.8), Column("Owner", 1.5), Column("Due date", 1.2, "date"),
        Column("Status", 1.4, "status", ACTION_STATUSES), Column("Evidence", 3), Column("Last update", 1.2, "date")),
        rows), "One row per open finding. Status is a drop-down; owner, due date and evidence are yours to fill in.")


def area_label(area: str) -> str:
    """The canonical area's name, or a plain phrase for a finding tied to no area."""
    return load_frameworks().area_name(area) if area else "Not tied to an area"
