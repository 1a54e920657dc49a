"""Grade movements per canonical area, with the caveats HMICFRS itself attaches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.compare.states import (
    GRADED,
    LATER,
    NAMED_ALL,
    NO_LONGER,
    NOT_STATED,
    AreaState,
    area_title,
    graded_by_framework,
    movement,
    state_of,
    stated_before,
)
from briefing.frameworks import Cycle, Frameworks
from briefing.model import Inspection, Judgement

WEAK = ("requires improvement", "inadequate")  # the grades below adequate: a plan is asked of each


@dataclass(frozen=True)
class GradeChange:
    area: str  # canonical area id
    area_name: str  # in the later cycle's own words where it has the area ("Leadership and force management")
    old_label: str
    new_label: str
    old_grade: str  # "" when the earlier side is not graded (old_state says why)
    new_grade: str
    movement: str  # one of states.MOVEMENTS
    steps: int  # signed: +2 is two grades better
    partial: bool = False  # the two areas cover only partly the same ground
    note: str = ""
    correction: str = ""  # "HMICFRS corrected the grade on 8 August 2024, ..."
    old_state: AreaState = AreaState("graded")  # graded, not graded or not stated, and why
    new_state: AreaState = AreaState("graded")
    bound: str = ""  # "down" or "up": named on one side only, the other side's counts prove it moved (counted.bounded)

    def to_json(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k not in ("old_state", "new_state")}
        for side, state in (("old", self.old_state), ("new", self.new_state)):
            data[f"{side}_state"], data[f"{side}_state_why"] = state.state, state.why
        return data


def _partial(old_cycle: Cycle, new_cycle: Cycle, area: str, old: Judgement | None, new: Judgement | None):
    old_area, new_area = old_cycle.area_for_canonical(area), new_cycle.area_for_canonical(area)
    if not (old and new and old.graded and new.graded and old_area and new_area) or old_area.label == new_area.label:
        return False, ""
    flagged = [a for a in (old_area, new_area) if a.partial]
    return bool(flagged), " ".join(a.note for a in flagged if a.note)


def _elsewhere(new_cycle: Cycle, area: str, moved: str, stated: str = "") -> str:
    """Where HMICFRS now reports an area the newer cycle does not grade: not graded is not
    the same as not inspected. A grade the newer source states for such an area (`stated`)
    comes from that separate report (a regional serious and organised crime inspection): it
    is said so, and no PEEL movement is made of it."""
    now = new_cycle.area_for_canonical(area)
    if stated and now and now.elsewhere:
        return (f"{now.elsewhere.rstrip('.')}. The {new_cycle.short or new_cycle.name} source's grade for it, "
                f"{stated}, comes from that separate assessment, not from PEEL's graded areas, so no movement "
                "is made of it.")
    if moved != NO_LONGER:
        return ""
    return (now.elsewhere if now and now.elsewhere else
            f"Not graded in {new_cycle.short or new_cycle.name}; this does not mean it was not inspected.")


def _said(cycle: Cycle, j: Judgement | None) -> str:
    """Why a source's "not graded" stands, with its place: the source said so, or its list of
    the areas the inspection covered leaves the area out (extract.scope)."""
    if j is None or j.graded:
        return ""
    name, where = cycle.short or cycle.name, f" ({j.place})" if j.place else ""
    if j.how == "scope":
        return f"Not among the areas the {name} inspection covered, as its source says{where}."
    return f"The {name} source says it was not graded{where}."


def _named_all(cycle: Cycle, inspection: Inspection, state: AreaState) -> str:
    """Why an area a source leaves out is "not graded", not "not stated": its count of graded
    areas and the areas it grades by name are the same (states.names_every_graded_area)."""
    if state.why != NAMED_ALL:
        return ""
    n = inspection.areas_graded
    return (f"The {cycle.short or cycle.name} source says {n} areas were graded and grades {n} by name; "
            "this is not one of them, so it was not graded.")


def _earlier_state(fw: Frameworks, old: Inspection, new: Inspection, area: str) -> AreaState:
    """The older side of a row: as its own source states it, else the grade the newer source
    says the area improved from (states.stated_before), in its words."""
    was = state_of(fw, old, area)
    said = stated_before(fw, old, new, area) if was.state == NOT_STATED else None
    return AreaState(GRADED, said.from_grade, why=LATER, stated=said) if said else was


def _stated_later(old_cycle: Cycle, new_cycle: Cycle, was: AreaState) -> str:
    """Whose words the earlier grade is, where the newer source states it: quoted, with its line."""
    if was.why != LATER or was.stated is None:
        return ""
    old_name, new_name = old_cycle.short or old_cycle.name, new_cycle.short or new_cycle.name
    naming = re.split(r"(?<=[.!?])\s+", was.stated.text)[-1]  # its sentence naming the grade; the row names the area
    return (f"The {old_name} grade is the {new_name} source's: \u201c{naming}\u201d ({was.stated.place}); "
            f"the {old_name} source on file does not state it.")


def _correction(j: Judgement | None) -> str:
    c = j.correction if j else None
    if c is None:
        return ""
    reason = f" {c.reason.rstrip('.')}." if c.reason else ""
    return f"HMICFRS corrected the grade on {c.when}, from {c.old_grade} (as published) to {c.new_grade}.{reason}"


def _areas(fw: Frameworks, old: Inspection, new: Inspection) -> list[str]:
    """Every area either source grades, and every area the newer cycle grades for every
    force (stated or not), in the later framework's order, then the earlier's."""
    graded = {j.area for i in (old, new) for j in i.judgements if j.graded} | set(graded_by_framework(fw, new))
    order = [a.canonical for c in (fw.cycles[new.cycle], fw.cycles[old.cycle]) for a in c.areas]
    areas = [a for a in dict.fromkeys(order) if a in graded]
    return areas + sorted(graded - set(areas))


def grade_changes(fw: Frameworks, old: Inspection, new: Inspection) -> list[GradeChange]:
    """One row per area either source grades or the newer cycle grades, each side's state
    said: a movement only between two grades."""
    olds = {j.area: j for j in old.judgements}
    news = {j.area: j for j in new.judgements}
    old_cycle, new_cycle = fw.cycles[old.cycle], fw.cycles[new.cycle]
    rows = []
    for area in _areas(fw, old, new):
        o, n = olds.get(area), news.get(area)
        was, now = _earlier_state(fw, old, new, area), state_of(fw, new, area)
        moved, steps = movement(fw, was, now, old_cycle.grades if old_cycle.scale == new_cycle.scale else ())
        partial, note = _partial(old_cycle, new_cycle, area, o, n)
        note = " ".join(x for x in (note, _elsewhere(new_cycle, area, moved, now.elsewhere), _said(old_cycle, o), _said(new_cycle, n),
                                           _named_all(old_cycle, old, was), _named_all(new_cycle, new, now),
                                           _stated_later(old_cycle, new_cycle, was))
                        if x)
        rows.append(GradeChange(area, area_title(fw, (new.cycle, old.cycle), area), o.label if o else "",
                                n.label if n else "", was.grade, now.grade, moved, steps, partial, note,
                                " ".join(filter(None, (_correction(o), _correction(n)))), was, now))
    return rows


def caveats(fw: Frameworks, old: Inspection, new: Inspection, changes: list[GradeChange]) -> tuple[bool, list[str]]:
    """Whether grades compare directly, and every reason they may not, in HMICFRS's words.
    HMICFRS's statements on comparing cycles do not apply within one cycle."""
    notes, comparable = [], True
    old_cycle, new_cycle = fw.cycles[old.cycle], fw.cycles[new.cycle]
    if old_cycle.scale != new_cycle.scale:
        comparable = False
        notes.append(f"The grading scales differ: {old_cycle.name} used the {old_cycle.scale} scale "
                     f"({', '.join(old_cycle.grades) or 'no grades'}) and {new_cycle.name} the {new_cycle.scale} "
                     f"scale ({', '.join(new_cycle.grades) or 'no grades'}). Steps are counted on one five-grade "
                     "ladder: outstanding, good, adequate, requires improvement, inadequate.")
    between = [] if old.cycle == new.cycle else fw.cycles_between(old.cycle, new.cycle) or [new_cycle]
    for cycle in between:
        if cycle.comparability.comparable_with_previous is False:
            comparable = False
            source = f" ({cycle.comparability.cited_as or 'HMICFRS, ' + cycle.name})"
            said = f"\u201c{cycle.comparability.statement}\u201d{source}"
            if said not in notes:  # the original and revised 2021/22 sets carry one statement: said once (review 13, item 17)
                notes.append(said)
    partial = [c for c in changes if c.partial]
    if partial:
        names = "; ".join(f"{c.old_label} \u2192 {c.new_label}" for c in partial)
        pairs = "One pair of areas maps" if len(partial) == 1 else f"{len(partial)} pairs of areas map"
        notes.append(f"{pairs} only partially, so {'its' if len(partial) == 1 else 'their'} movement is indicative: "
                     f"{names}.")
    if old.cycle == new.cycle:
        comparable = not notes
    return comparable, notes
