"""The finding, figure, audience, history and annex sections of a briefing."""

from __future__ import annotations

from itertools import groupby

from briefing.compare import Comparison, History
from briefing.compare.comparison import FindingRef
from briefing.document.model import Column, Paragraph, Section, Table, clean
from briefing.document.narrative import render_blocks
from briefing.document.options import PackOptions
from briefing.document.sheets import area_label
from briefing.model import KIND_LABELS

FINDING_COLUMNS = (Column("Finding", 1.2), Column("Area", 1.6), Column("Text", 5))


def _ref_row(ref: FindingRef) -> tuple[str, ...]:
    return clean(ref.label), clean(area_label(ref.area)), clean(ref.text)


def findings_sections(c: Comparison, lasting) -> list[Section]:
    rows = tuple((clean(f"{p.old.label}: {p.old.text}"), clean(f"{p.new.label}: {p.new.text}"),
                  clean(f"{lasting[p.new.text][0]}; raised in {lasting[p.new.text][1]} inspections in a row"),
                  clean(f"{p.score:.2f}: {p.reason}" + (f"; {p.severity_change}" if p.severity_change else "")
                        + ("; set by hand" if p.manual else "")))
                 for p in c.persisting)
    persisting = Section("Persisting concerns", 1, (
        Paragraph(clean(f"Findings of the {c.old.cycle_name} inspection raised again in {c.new.cycle_name}, "
                        "earlier and current wording side by side. Each link has a score from 0 to 1 and the "
                        "reason for it, so it can be checked and, if wrong, overruled with --overrides.")),
        Table("Persisting", "Persisting concerns", (Column(f"Then ({c.old.cycle_name})", 4),
                                                    Column(f"Now ({c.new.cycle_name})", 4),
                                                    Column("Persisting since", 2), Column("Why linked", 3)), rows)))
    resolved = Section("Resolved", 1, (
        Paragraph(clean(f"Findings of the {c.old.cycle_name} inspection that the {c.new.cycle_name} inspection does "
                        "not raise again. Not being raised again is not the same as HMICFRS discharging them.")),
        Table("Resolved", "Findings not raised again", FINDING_COLUMNS, tuple(_ref_row(r) for r in c.resolved))))
    new = Section("New findings", 1, (
        Paragraph(clean(f"Findings of the {c.new.cycle_name} inspection with no counterpart in {c.old.cycle_name}.")),
        Table("New", "New findings", FINDING_COLUMNS, tuple(_ref_row(r) for r in c.new_findings))))
    return [persisting, resolved, new]


def figures_section(c: Comparison) -> Section:
    blocks = []
    for name, figures in ((c.new.cycle_name, c.new_figures), (c.old.cycle_name, c.old_figures)):
        if not figures:
            blocks.append(Paragraph(clean(f"The {name} inspection, as recorded, states no key figures.")))
            continue
        rows = tuple(tuple(clean(v) for v in (f.name, f"{f.value} {f.unit}".strip(), f.comparator or "Not stated",
                                                f.period, str(f.place))) for f in figures)
        blocks.append(Table(f"Figures{len(blocks) + 1}", f"Key figures from {name}",
                            (Column("Figure", 3), Column("Force", 1.5, "number"),
                             Column("England and Wales", 1.5, "number"), Column("Period", 2), Column("Source", 1)),
                            rows))
    return Section("Key figures", 1, tuple(blocks))


def audience_sections(c: Comparison, options: PackOptions, lasting, due: str) -> list[Section]:
    persisting = [_with_since(p, lasting) for p in c.persisting]
    downs = c.movements("down")
    if options.audience == "pcc":
        questions = Section("Suggested questions for the meeting", 1, tuple(
            render_blocks("questions.txt.j2", downgrades=downs, persisting=persisting)))
        return [questions, _s55(c, due)]
    return [_open_findings(c, lasting), Section("What HMICFRS will look for next", 1, tuple(
        render_blocks("next_inspection.txt.j2", persisting=persisting, downgrades=downs)))]


class _Since:
    """A persisting concern with the place it was first raised, for the templates."""

    def __init__(self, concern, since: str):
        self.new, self.old, self.first_raised = concern.new, concern.old, since


def _with_since(concern, lasting) -> _Since:
    return _Since(concern, lasting[concern.new.text][0])


def _s55(c: Comparison, due: str) -> Section:
    new = c.inspections[1]
    formal = [f for f in new.findings if f.kind in ("cause-of-concern", "recommendation")]
    blocks_of = "recommendations" if formal else "findings"
    items = formal or [f for f in new.findings if f.kind != "innovative-practice"]
    blocks = list(render_blocks("s55_response.txt.j2", due=due, published=str(new.published), blocks_of=blocks_of))
    rows = tuple((clean(f.label), clean(f.text), "", "", "") for f in items)
    blocks.append(Table("Response", "Draft response skeleton",
                        (Column("Item", 1.2), Column("HMICFRS wording", 4), Column("Chief constable's comments", 2.5),
                         Column("Steps to be taken, or why no action", 2.5), Column("Owner and date", 1.5)), rows))
    return Section("Statutory response (section 55)", 1, tuple(blocks))


def _open_findings(c: Comparison, lasting) -> Section:
    new = c.inspections[1]
    persisting = {p.new.text for p in c.persisting}
    open_findings = sorted((f for f in new.findings if f.kind != "innovative-practice"), key=lambda f: f.area)
    blocks = [Paragraph("Every finding of the latest inspection, by area, with a blank owner to agree.")]
    for area, group in groupby(open_findings, key=lambda f: f.area):
        name = area_label(area)
        rows = tuple((clean(f.label), clean(f.text),
                      clean(f"persisting since {lasting[f.text][0]}" if f.text in persisting else "new"), "")
                     for f in group)
        blocks.append(Table(f"Open {name}", clean(name), (Column("Finding", 1.2), Column("Text", 5),
                                                         Column("Status", 2), Column("Owner", 1.5)), rows))
    return Section("Open findings by area", 1, tuple(blocks))


def history_section(record: History) -> Section:
    rows = tuple((clean(t.area_name), clean(" \u2192 ".join(f"{p.grade} ({p.inspection})" for p in t.points)))
                 for t in record.timelines)
    themes = tuple((clean(t.name), f"{t.raised_in} of {t.of}", clean(t.first), clean(t.latest)) for t in record.themes)
    return Section("The force's inspection record", 1, (
        Paragraph(clean(f"Grades and recurring themes across {len(record.inspections)} inspections of "
                        f"{record.force}, oldest first. The same caveats on comparing grades apply.")),
        Table("Timeline", "Grades by area over time", (Column("Area", 2), Column("Grades, oldest first", 6)), rows),
        Table("Themes", "Themes raised in findings", (Column("Theme", 3), Column("Raised in", 1),
                                                      Column("First", 2), Column("Latest", 2)), themes)))


def annex(c: Comparison) -> Section:
    rows = []
    for name, inspection in zip((c.old.cycle_name, c.new.cycle_name), c.inspections):
        for f in inspection.findings:
            rows.append(tuple(clean(v) for v in (name, f.label, KIND_LABELS[f.kind],
                                                  f.text, f"{inspection.source}, {f.place}")))
    return Section("Annex A: every finding and its source", 1, (
        Table("Annex", "Every finding of both inspections with its place in the source",
              (Column("Inspection", 1.5), Column("Finding", 1.2), Column("Kind", 1.5), Column("Text", 5),
               Column("Source", 2)), tuple(rows)),))
