"""The grade grid: a force's grades as a picture, areas down and inspections across, every
cell a word ("requires improvement", "not graded", "not stated", "not on file") that a writer
may colour.

Each cell is the area's typed state in that inspection (compare.states, through
History.state_at), worded by phrases: made once from the record for the body, and for page 1
as a slice of the same cells; a pack with no record beyond its pair makes it from the pair's
grade changes, which carry the same states.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.compare import Comparison, History
from briefing.compare.states import AreaState
from briefing.document.model import GradeGrid, GridCell, GridRow
from briefing.frameworks import Frameworks
from briefing.phrases import state_words


def _words() -> dict:
    from briefing.reference import reference

    return reference().wording["paper"]["grid"]


def _cell(state: AreaState, note: str = "") -> GridCell:
    return GridCell(state_words(state.state, state.grade), state.state, state.grade if state.graded else "", note)


def _missing() -> GridCell:
    return GridCell(_words()["not-on-file"], "not-on-file")


def _columns(record: History, fw: Frameworks) -> list[tuple[str, int | None]]:
    """(name, index of the inspection on file, or None for a cycle with no data on file), oldest first."""
    missing = fw.cycles_missing([i.cycle for i in record.inspections])
    columns: list[tuple[str, int | None]] = []
    for index, inspection in enumerate(record.inspections):
        order = fw.cycles[inspection.cycle].order
        columns += [(fw.short_name(m.id), None) for m in missing
                    if m.order < order and (fw.short_name(m.id), None) not in columns]
        columns.append((fw.dated_name(inspection.cycle, inspection.published.year), index))
    return columns


def _record_row(record: History, timeline, columns) -> list[GridCell]:
    notes = {p.inspection: p.correction for p in timeline.points if p.correction}
    return [_missing() if index is None else _cell(record.state_at(timeline.area, index), notes.get(name, ""))
            for name, index in columns]


def record_grid(record: History, fw: Frameworks) -> GradeGrid:
    """Every area graded on file, across every inspection on file and every cycle between them
    with none; an inspection that graded none of the areas is left out, and the key says so."""
    columns = _columns(record, fw)
    cells = {t.area: _record_row(record, t, columns) for t in record.timelines}
    kept = [i for i, (_, index) in enumerate(columns)
            if index is None or any(row[i].state != "not-graded" for row in cells.values())]
    rows = tuple(GridRow(t.area, t.area_name, tuple(cells[t.area][i] for i in kept)) for t in record.timelines)
    key = _words()["key"]
    dropped = [columns[i][0] for i in range(len(columns)) if i not in kept]
    if dropped:
        key += " " + _words()["left_out"].format(names=", ".join(dropped))
    return GradeGrid("GradeGrid", _words()["caption"].format(force=record.force), tuple(columns[i][0] for i in kept),
                     rows, key)


def pair_grid(c: Comparison) -> GradeGrid:
    """The two inspections' grades, from the comparison, where no longer record is on file."""
    rows = tuple(GridRow(g.area, g.area_name, (_cell(g.old_state), _cell(g.new_state))) for g in c.grade_changes)
    return GradeGrid("GlanceGrid", _words()["pair_caption"], (c.old.cycle_name, c.new.cycle_name), rows,
                     _words()["short_key"])


def glance_grid(c: Comparison, record: History | None, fw: Frameworks, last: int = 3) -> GradeGrid:
    """For page 1: the areas of the comparison across the last few inspections on file."""
    if record is None:
        return pair_grid(c)
    full = record_grid(record, fw)
    n = min(last, len(full.columns))
    chosen = full.select(tuple(g.area for g in c.grade_changes), n, "GlanceGrid", _words()["glance_caption"].format(n=n))
    gap = any(cell.state == "not-on-file" for row in chosen.rows for cell in row.cells)
    return replace(chosen, key=_words()["short_key"] + (" " + _words()["short_missing"] if gap else ""))
