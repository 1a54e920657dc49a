"""Grade movements per canonical area, with the caveats HMICFRS itself attaches."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.frameworks import Cycle, Frameworks
from briefing.model import Inspection, Judgement

MOVEMENTS = ("up", "down", "same", "new-area", "no-longer-graded")


@dataclass(frozen=True)
class GradeChange:
    area: str  # canonical area id
    area_name: str
    old_label: str
    new_label: str
    old_grade: str  # "" when the area was not graded
    new_grade: str
    movement: str  # one of MOVEMENTS
    steps: int  # signed: +2 is two grades better
    partial: bool = False  # the two areas cover only partly the same ground
    note: str = ""
    correction: str = ""  # "changed from adequate to requires improvement on 8 August 2024: ..."


def _movement(fw: Frameworks, old: Judgement | None, new: Judgement | None) -> tuple[str, int]:
    if old is None or not old.graded:
        return "new-area", 0
    if new is None or not new.graded:
        return "no-longer-graded", 0
    steps = fw.ranks[new.grade] - fw.ranks[old.grade]
    return ("up" if steps > 0 else "down" if steps < 0 else "same"), steps


def _partial(old_cycle: Cycle, new_cycle: Cycle, area: str, old: Judgement | None, new: Judgement | None):
    old_area, new_area = old_cycle.area_for_canonical(area), new_cycle.area_for_canonical(area)
    if not (old and new and old_area and new_area) or old_area.label == new_area.label:
        return False, ""
    flagged = [a for a in (old_area, new_area) if a.partial]
    return bool(flagged), " ".join(a.note for a in flagged if a.note)


def _elsewhere(new_cycle: Cycle, area: str, movement: str) -> str:
    """Where HMICFRS now reports an area the newer cycle does not grade: not graded is not
    the same as not inspected."""
    if movement != "no-longer-graded":
        return ""
    now = new_cycle.area_for_canonical(area)
    return (now.elsewhere if now and now.elsewhere else
            f"Not graded in {new_cycle.short or new_cycle.name}; this does not mean it was not inspected.")


def _correction(j: Judgement | None) -> str:
    c = j.correction if j else None
    if c is None:
        return ""
    reason = f" {c.reason.rstrip('.')}." if c.reason else ""
    return f"HMICFRS corrected the grade on {c.when}, from {c.old_grade} (as published) to {c.new_grade}.{reason}"


def grade_changes(fw: Frameworks, old: Inspection, new: Inspection) -> list[GradeChange]:
    """One row per area graded in either inspection, in the later framework's order."""
    olds = {j.area: j for j in old.judgements}
    news = {j.area: j for j in new.judgements}
    old_cycle, new_cycle = fw.cycles[old.cycle], fw.cycles[new.cycle]
    order = [a.canonical for a in new_cycle.areas] + [a.canonical for a in old_cycle.areas]
    areas = [a for a in dict.fromkeys(order) if (a in olds and olds[a].graded) or (a in news and news[a].graded)]
    areas += [a for a in {**olds, **news} if a not in areas and ((olds.get(a) and olds[a].graded)
                                                                  or (news.get(a) and news[a].graded))]
    rows = []
    for area in areas:
        o, n = olds.get(area), news.get(area)
        movement, steps = _movement(fw, o, n)
        partial, note = _partial(old_cycle, new_cycle, area, o, n)
        note = " ".join(x for x in (note, _elsewhere(new_cycle, area, movement)) if x)
        rows.append(GradeChange(area, fw.area_name(area), o.label if o else "", n.label if n else "",
                                o.grade if o and o.graded else "", n.grade if n and n.graded else "",
                                movement, steps, partial, note, " ".join(filter(None, (_correction(o), _correction(n))))))
    return rows


def caveats(fw: Frameworks, old: Inspection, new: Inspection, changes: list[GradeChange]) -> tuple[bool, list[str]]:
    """Whether grades compare directly, and every reason they may not, in HMICFRS's words."""
    notes, comparable = [], True
    old_cycle, new_cycle = fw.cycles[old.cycle], fw.cycles[new.cycle]
    if old_cycle.scale != new_cycle.scale:
        comparable = False
        notes.append(f"The grading scales differ: {old_cycle.name} used the {old_cycle.scale} scale "
                     f"({', '.join(old_cycle.grades) or 'no grades'}) and {new_cycle.name} the {new_cycle.scale} "
                     f"scale ({', '.join(new_cycle.grades) or 'no grades'}). Steps are counted on one five-grade "
                     "ladder: outstanding, good, adequate, requires improvement, inadequate.")
    for cycle in fw.cycles_between(old.cycle, new.cycle) or [new_cycle]:
        if cycle.comparability.comparable_with_previous is False:
            comparable = False
            source = f" ({cycle.comparability.cited_as or 'HMICFRS, ' + cycle.name})"
            notes.append(f"\u201c{cycle.comparability.statement}\u201d{source}")
    partial = [c for c in changes if c.partial]
    if partial:
        names = "; ".join(f"{c.old_label} \u2192 {c.new_label}" for c in partial)
        pairs = "One pair of areas maps" if len(partial) == 1 else f"{len(partial)} pairs of areas map"
        notes.append(f"{pairs} only partially, so {'its' if len(partial) == 1 else 'their'} movement is indicative: "
                     f"{names}.")
    if old.cycle == new.cycle:
        notes = [n for n in notes if not n.startswith("\u201c")]
        comparable = not notes
    return comparable, notes
