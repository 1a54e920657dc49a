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
from briefing.compare.states import NAMED_ALL, NOT_GRADED, NOT_STATED, AreaState, area_title
from briefing.document.model import GradeGrid, GridCell, GridRow
from briefing.document.wording import number
from briefing.frameworks import Frameworks
from briefing.phrases import state_words


def _words() -> dict:
    from briefing.reference import reference

    return reference().wording["paper"]["grid"]


def _cell(state: AreaState, note: str = "") -> GridCell:
    if state.elsewhere:  # "not graded", and beneath it the separate inspection's grade the source states
        note = _words()["separately"].format(grade=state.elsewhere)
    elif state.why == NAMED_ALL:  # "not graded", and beneath it why: the source names every area it graded
        note = _words()[NAMED_ALL]
    return GridCell(state_words(state.state, state.grade), state.state, state.grade if state.graded else "", note)


def as_graded(fw: Frameworks, cycles: list[str], cycle: str, area: str, row_name: str) -> str:
    """ "as good use of resources": where the cell's cycle names the area otherwise than the
    row does and the two match only in part (data/frameworks.yaml `mapping: partial`), the
    cell says what that cycle graded, so page 1 never shows a 2021/22 resources grade as one of
    leadership (review 6, item 7)."""
    own = fw.cycles[cycle].area_for_canonical(area) if cycle in fw.cycles else None
    label = area_title(fw, (cycle,), area)
    if own is None or label.casefold() == row_name.casefold():
        return ""
    named = [a for c in cycles if c in fw.cycles and (a := fw.cycles[c].area_for_canonical(area)) is not None
             and area_title(fw, (c,), area).casefold() == row_name.casefold()]  # the area as the row names it
    if not (own.partial or any(a.partial for a in named)):
        return ""
    return _words()["as_graded"].format(label=label[:1].lower() + label[1:])


def _noted(cell: GridCell, note: str) -> GridCell:
    if not note or not cell.grade:
        return cell
    return replace(cell, note="; ".join(x for x in (note, cell.note) if x))


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


def _record_row(record: History, timeline, columns, fw: Frameworks) -> list[GridCell]:
    notes = {p.inspection: p.correction for p in timeline.points if p.correction}
    cycles = [record.inspections[index].cycle for _, index in columns if index is not None]
    return [_missing() if index is None else
            _noted(_cell(record.state_at(timeline.area, index), notes.get(name, "")),
                   as_graded(fw, cycles, record.inspections[index].cycle, timeline.area, timeline.area_name))
            for name, index in columns]


def record_grid(record: History, fw: Frameworks) -> GradeGrid:
    """Every area graded on file, across every inspection on file and every cycle between them
    with none; an inspection that graded none of the areas is left out, and the key says so."""
    columns = _columns(record, fw)
    cells = {t.area: _record_row(record, t, columns, fw) for t in record.timelines}
    kept = [i for i, (_, index) in enumerate(columns)
            if index is None or any(row[i].state != "not-graded" for row in cells.values())]
    rows = tuple(GridRow(t.area, t.area_name, tuple(cells[t.area][i] for i in kept)) for t in record.timelines)
    key = _words()["key"]
    dropped = [columns[i][0] for i in range(len(columns)) if i not in kept]
    if dropped:
        key += " " + _words()["left_out"].format(names=", ".join(dropped))
    return GradeGrid("GradeGrid", _words()["caption"].format(force=record.force), tuple(columns[i][0] for i in kept),
                     rows, key)


def pair_grid(c: Comparison, fw: Frameworks) -> GradeGrid:
    """The two inspections' grades, from the comparison, where no longer record is on file."""
    cycles = [c.old.cycle, c.new.cycle]
    rows = tuple(GridRow(g.area, g.area_name, tuple(_noted(_cell(state), as_graded(fw, cycles, cycle, g.area, g.area_name))
                                                    for state, cycle in ((g.old_state, c.old.cycle),
                                                                         (g.new_state, c.new.cycle))))
                 for g in c.grade_changes)
    return GradeGrid("GlanceGrid", _words()["pair_caption"], (c.old.cycle_name, c.new.cycle_name), rows,
                     _words()["short_key"])


def glance_grid(c: Comparison, record: History | None, fw: Frameworks, last: int = 3) -> GradeGrid:
    """For page 1: the areas of the comparison across the last few inspections on file."""
    if record is None:
        grid = pair_grid(c, fw)
        return replace(grid, key=grid.key + _fewer(c))
    full = record_grid(record, fw)
    n = min(last, len(full.columns))
    chosen = full.select(tuple(g.area for g in c.grade_changes), n, "GlanceGrid", _words()["glance_caption"].format(n=n))
    gap = any(cell.state == "not-on-file" for row in chosen.rows for cell in row.cells)
    return replace(chosen, key=_words()["short_key"] + (" " + _words()["short_missing"] if gap else "") + _fewer(c))


def _fewer(c: Comparison) -> str:
    """Where a source says fewer areas were graded than the grid shows graded or "not stated"
    in its column (Staffordshire 2023-25: "across eight areas", nine rows; Bedfordshire
    2021/22: "eight of the nine"), the key says some "not stated" row may not have been
    graded at all (reviews 7, item 4, and 9, item 11)."""
    return "".join(_fewer_in(side, [getattr(g, f"{which}_state") for g in c.grade_changes])
                   for which, side in (("old", c.old), ("new", c.new)))


def _fewer_in(side, states) -> str:
    shown = sum(1 for state in states if state.state != NOT_GRADED)
    said = side.areas_graded
    if not said or said >= shown or not any(state.state == NOT_STATED for state in states):
        return ""
    return " " + _words()["fewer"].format(cycle=side.cycle_name, said=number(said), shown=number(shown),
                                          extra=number(shown - said), rows="row" if shown - said == 1 else "rows")
