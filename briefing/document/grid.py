"""The grade grid: a force's grades as a picture, areas down and inspections across, every
cell a word ("requires improvement", "not graded", "not on file") that a writer may colour.

Made once from the record (compare.history) for the body, and for page 1 as a slice of the
same cells; a pack with no record beyond its pair makes it from the pair's grade changes.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.compare import Comparison, History
from briefing.compare.history import NOT_ON_FILE
from briefing.document.model import GradeGrid, GridCell, GridRow
from briefing.frameworks import Frameworks


def _words() -> dict:
    from briefing.reference import reference

    return reference().wording["paper"]["grid"]


def _cell(state: str, grade: str = "", note: str = "") -> GridCell:
    return GridCell(grade if state == "graded" else _words()[state], state, grade, note)


def _columns(record: History, fw: Frameworks) -> list[tuple[str, str | None]]:
    """(name, cycle on file or None for a cycle with no data on file), oldest first."""
    on_file = [(fw.dated_name(i.cycle, i.published.year), i.cycle) for i in record.inspections]
    missing = fw.cycles_missing([i.cycle for i in record.inspections])
    columns: list[tuple[str, str | None]] = []
    for name, cycle in on_file:
        order = fw.cycles[cycle].order
        columns += [(fw.short_name(m.id), None) for m in missing if m.order < order and (fw.short_name(m.id), None)
                    not in columns]
        columns.append((name, cycle))
    return columns


def _record_cell(points, name: str, cycle: str | None) -> GridCell:
    if cycle is None:
        return _cell("not-on-file")
    here = [p for p in points if p.inspection == name]
    if not here:
        return _cell("not-graded")
    if here[0].grade == NOT_ON_FILE:
        return _cell("not-stated")
    return _cell("graded", here[0].grade, here[0].correction)


def record_grid(record: History, fw: Frameworks) -> GradeGrid:
    """Every area graded on file, across every inspection on file and every cycle between them
    with none; an inspection that graded none of the areas is left out, and the key says so."""
    columns = _columns(record, fw)
    cells = {t.area: [_record_cell(t.points, name, cycle) for name, cycle in columns] for t in record.timelines}
    kept = [i for i, (_, cycle) in enumerate(columns)
            if cycle is None or any(row[i].state != "not-graded" for row in cells.values())]
    rows = tuple(GridRow(t.area, t.area_name, tuple(cells[t.area][i] for i in kept)) for t in record.timelines)
    key = _words()["key"]
    dropped = [columns[i][0] for i in range(len(columns)) if i not in kept]
    if dropped:
        key += " " + _words()["left_out"].format(names=", ".join(dropped))
    return GradeGrid("GradeGrid", _words()["caption"].format(force=record.force), tuple(columns[i][0] for i in kept),
                     rows, key)


def pair_grid(c: Comparison) -> GradeGrid:
    """The two inspections' grades, from the comparison, where no longer record is on file."""
    def cell(grade: str) -> GridCell:
        return _cell("graded", grade) if grade else _cell("not-graded")

    rows = tuple(GridRow(g.area, g.area_name, (cell(g.old_grade), cell(g.new_grade))) for g in c.grade_changes)
    return GradeGrid("GlanceGrid", _words()["pair_caption"], (c.old.cycle_name, c.new.cycle_name), rows,
                     _words()["short_key"])


def glance_grid(c: Comparison, record: History | None, fw: Frameworks, last: int = 3) -> GradeGrid:
    """For page 1: the areas of the comparison across the last few inspections on file."""
    if record is None:
        return pair_grid(c)
    full = record_grid(record, fw)
    n = min(last, len(full.columns))
    chosen = full.select(tuple(g.area for g in c.grade_changes), n, "GlanceGrid",
                         _words()["glance_caption"].format(n=n))
    return replace(chosen, key=_words()["short_key"])
