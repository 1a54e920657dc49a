"""What a source says of an area, and what a pack may say of its movement.

Three states, never confused:
- GRADED, with its grade;
- NOT_GRADED: the cycle's framework (data/frameworks.yaml) does not grade the area in
  PEEL (it has no such area, marks it `graded: false`, or reports it separately: an area
  with `elsewhere`), or the source says it was not graded;
- NOT_STATED: the cycle grades the area for every force, but the source used gives no
  grade. A news story or a press release that leaves an area out says nothing about it.
  Where the newer source names the grade the area improved from ("a significant improvement
  from the 'inadequate' grading it received in this area in 2023"), the earlier side is
  GRADED in its words (LATER), never a guess (stated_before).

A movement exists only between two grades. "Newly graded" and "no longer graded" come from
the frameworks (or a source saying "not graded"), never from a gap in a source: a gap on
either side is NOT_KNOWN. The words for each value are in data/wording.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.frameworks import Cycle, Frameworks
from briefing.model import Inspection
from briefing.statements import Improvement

GRADED, NOT_GRADED, NOT_STATED = "graded", "not-graded", "not-stated"
# why an area is NOT_GRADED
NO_AREA = "no-area"  # the cycle has no such area
UNGRADED = "framework"  # the cycle's framework marks it not graded
SEPARATELY = "separately"  # the cycle reports it in separate reports (the area's `elsewhere`)
SAID = "source"  # the source says it was not graded
NAMED_ALL = "named-all"  # the source says how many areas were graded and names that many: the rest were not graded
# why an area is GRADED though its own source states no grade
LATER = "later-source"  # the newer source names it as the grade the area improved from (AreaState.stated)
# movements (the JSON contract's values, and "not-known", added for a gap)
UP, DOWN, SAME, NEWLY, NO_LONGER, NOT_KNOWN = "up", "down", "same", "new-area", "no-longer-graded", "not-known"
MOVEMENTS = (UP, DOWN, SAME, NEWLY, NO_LONGER, NOT_KNOWN)


@dataclass(frozen=True)
class AreaState:
    """One side of a grade row: the grade, or why there is none."""

    state: str  # GRADED | NOT_GRADED | NOT_STATED
    grade: str = ""  # the grade, when GRADED
    why: str = ""  # when NOT_GRADED: NO_AREA | UNGRADED | SEPARATELY | SAID; when GRADED: LATER, or ""
    rest: tuple[str, ...] = ()  # when NOT_STATED: its grade if it was graded ("all other graded areas were adequate")
    elsewhere: str = ""  # when NOT_GRADED as SEPARATELY: the grade the source states from that separate inspection
    stated: Improvement | None = None  # when GRADED as LATER: the newer source's sentence naming the grade, with its line

    @property
    def graded(self) -> bool:
        return self.state == GRADED


def question_set(fw: Frameworks, inspection: Inspection) -> tuple[Cycle, ...]:
    """The question sets an inspection may have been graded on. A cycle with variants (PEEL
    2021/22's original and revised sets) counts as settled only where the source grades an
    area no other set of the family grades, or says fewer areas were graded than a set grades
    every force in; otherwise every set of the family stands, so an area any of them grades is
    "not stated", never "not graded"."""
    cycle = fw.cycles[inspection.cycle]
    family = fw.family(cycle)
    said = inspection.areas_graded  # "across nine areas": not a set that grades every force in ten
    family = [c for c in family if not (said and c.areas_graded and said < c.areas_graded)] or family
    if len(family) == 1:
        return (family[0],)
    graded = {j.area for j in inspection.judgements if j.graded}
    others = {a.canonical for c in family if c is not cycle for a in c.graded_areas if not a.some_forces}
    own = {a.canonical for a in cycle.graded_areas}
    return (cycle,) if graded & (own - others) else tuple(family)


def silence(fw: Frameworks, sets: tuple[Cycle, ...], area: str) -> AreaState:
    """What a source's silence on an area means, by its cycle's framework: NOT_STATED where
    the question set grades it, or grades its work within another area (2018/19's
    "investigating crime and reducing re-offending" took in managing offenders: `covers`):
    that work had a grade, which the source does not state; else NOT_GRADED, and NO_AREA only
    where no question set of the cycle has the area at all (another set's area is one this
    force was not graded on)."""
    found = [a for c in sets for a in c.areas if a.canonical == area]
    if any(a.graded and not a.elsewhere for a in found):
        return AreaState(NOT_STATED)
    if not found and any(a.graded and area in a.covers for c in sets for a in c.areas):
        return AreaState(NOT_STATED)
    if any(a.elsewhere for a in found):
        return AreaState(NOT_GRADED, why=SEPARATELY)
    if found or any(c.area_for_canonical(area) for c in fw.family(sets[0])):
        return AreaState(NOT_GRADED, why=UNGRADED)
    return AreaState(NOT_GRADED, why=NO_AREA)


def state_of(fw: Frameworks, inspection: Inspection, area: str) -> AreaState:
    """The state of `area` in `inspection`: its grade, the source's "not graded", or its silence."""
    said = next((j for j in inspection.judgements if j.area == area), None)
    if said is not None and said.graded and separately(question_set(fw, inspection), area):
        return AreaState(NOT_GRADED, why=SEPARATELY, elsewhere=said.grade)
    if said is not None:
        return AreaState(GRADED, said.grade) if said.graded else AreaState(NOT_GRADED, why=SAID)
    sets = question_set(fw, inspection)
    quiet = silence(fw, sets, area)
    if quiet.state == NOT_STATED and for_some_forces(sets, area) and names_its_total(inspection):
        return AreaState(NOT_GRADED, why=NAMED_ALL)  # "graded judgments in 10 of these 12", the ten named
    if quiet.state == NOT_STATED and for_some_forces(sets, area) and inspection.findings_complete:
        return AreaState(NOT_GRADED, why=UNGRADED)  # the whole report, which grades it where it was graded
    if quiet.state == NOT_STATED and names_every_graded_area(fw, inspection):
        return AreaState(NOT_GRADED, why=NAMED_ALL)
    if quiet.state == NOT_STATED and inspection.rest is not None:  # "all other graded areas were adequate"
        return AreaState(NOT_STATED, rest=inspection.rest.grades)
    if quiet.state == NOT_STATED and (rest := counted_rest(fw, inspection)):
        return AreaState(NOT_STATED, rest=rest)
    return quiet


def names_every_graded_area(fw: Frameworks, inspection: Inspection) -> bool:
    """Whether the source says how many areas were graded and grades that many by name
    ("looked at nine specific policing areas and graded eight", then the eight with their
    grades): an area of the question set it does not name was not graded, which "not
    stated" (and a question asking whether it was) would hide."""
    said, sets = inspection.areas_graded, question_set(fw, inspection)
    if not said or len(sets) != 1:
        return False
    areas = graded_by_framework(fw, inspection)
    return len({j.area for j in inspection.judgements if j.graded and j.area in areas}) == said < len(areas)


def names_its_total(inspection: Inspection) -> bool:
    """The source says how many areas were graded and names that many ("across eight
    areas", the eight named: Cleveland 2023-25 news): an area of the cycle it does not name
    is outside its counts, so it may have any grade, or the source left it out of its count
    (press releases count differently from reports: domain.md)."""
    return bool(inspection.areas_graded) and len(inspection.graded) >= inspection.areas_graded


def for_some_forces(sets: tuple[Cycle, ...], area: str) -> bool:
    """Whether the question sets grade the area for some forces only (the original 2021/22
    set's crime data, part of its victim service assessment): a whole report that gives it no
    grade did not grade it; a source that may not list every grade leaves it "not stated"."""
    return _every(sets, area, lambda a: a.some_forces, graded=True)


def separately(sets: tuple[Cycle, ...], area: str) -> bool:
    """Whether the cycle grades the area only in separate reports (its `elsewhere`): a grade a
    source states for it comes from that other inspection ("graded as outstanding in disrupting
    Serious Organised Crime in its regional HMICFRS inspection"), not from the PEEL report, so
    the PEEL side is "not graded" and the other inspection's grade is kept beside it."""
    return _every(sets, area, lambda a: bool(a.elsewhere))


def _every(sets: tuple[Cycle, ...], area: str, test, graded: bool = False) -> bool:
    """Whether the area is in the question sets (as a graded area, where `graded`) and every
    set that has it meets `test`."""
    found = [a for c in sets for a in c.areas if a.canonical == area and (a.graded or not graded)]
    return bool(found) and all(test(a) for a in found)


def counted_rest(fw: Frameworks, inspection: Inspection) -> tuple[str, ...]:
    """The grade every area the source does not name must have, where its counts hold every
    graded area and leave one grade for those it does not name: "good in recording crime,
    adequate across seven areas, requires improvement in investigating crime" of the nine
    areas (Bedfordshire 2023-25); else ()."""
    sets, counts = question_set(fw, inspection), inspection.grade_counts
    areas = graded_by_framework(fw, inspection)
    named = [j for j in inspection.judgements if j.graded and j.area in areas]
    alone = [j for j in named if not any(j.grade in c.grades for c in counts)]  # "good in recording crime": its own
    if len(sets) != 1 or not counts or any(sum(1 for c in counts if j.grade in c.grades) > 1 for j in named) or \
            sum(c.count for c in counts) + len(alone) != (inspection.areas_graded or len(areas)):
        return ()  # the counts and the grades named alone are not every graded area once
    left = {c: c.count - sum(1 for j in named if j.grade in c.grades) for c in counts}
    open_counts = [c for c, n in left.items() if n]
    silent = len(areas) - len({j.area for j in inspection.judgements if j.area in areas})
    if len(open_counts) != 1 or any(n < 0 for n in left.values()) or left[open_counts[0]] != silent:
        return ()
    return open_counts[0].grades


def movement(fw: Frameworks, old: AreaState, new: AreaState, scale: tuple[str, ...] = ()) -> tuple[str, int]:
    """The movement between two sides and its signed steps (+2 is two grades better). Steps
    are counted on `scale`, the grades both cycles share, best first: on the four-tier scale
    requires improvement to good is one grade, though the common ladder puts adequate between."""
    if old.elsewhere or new.elsewhere:  # a separate inspection's grade is not a PEEL grade to move from or to
        return NOT_KNOWN, 0
    if NAMED_ALL in (old.why, new.why):  # this force's inspection left it ungraded; the cycle grades it: no movement
        return NOT_KNOWN, 0
    if old.graded and new.graded:
        if old.grade in scale and new.grade in scale:
            steps = scale.index(old.grade) - scale.index(new.grade)
        else:
            steps = fw.ranks[new.grade] - fw.ranks[old.grade]
        return (UP if steps > 0 else DOWN if steps < 0 else SAME), steps
    if new.graded and old.state == NOT_GRADED:
        return NEWLY, 0
    if old.graded and new.state == NOT_GRADED:
        return NO_LONGER, 0
    return NOT_KNOWN, 0


def graded_by_framework(fw: Frameworks, inspection: Inspection) -> tuple[str, ...]:
    """The areas the inspection's cycle grades for every force, in the framework's order (not
    one it grades for some forces only: its row is shown where a source grades it)."""
    sets = question_set(fw, inspection)
    areas = dict.fromkeys(a.canonical for c in sets for a in c.areas if a.graded and not a.elsewhere and not a.some_forces)
    return tuple(areas)


_QUESTION = re.compile(r"^(?:how (?:effective|efficient|legitimate|good|well) is the force at|how well does the force)"
                       r"\s+", re.IGNORECASE)


def covering(cycle: Cycle, area: str):
    """The graded area of `cycle` whose grade took in `area`'s work, where the cycle has no
    area of its own for it (2018/19's "Investigating crime and reducing re-offending" for
    managing offenders), else None."""
    if cycle.area_for_canonical(area) is not None:
        return None
    return next((a for a in cycle.areas if a.graded and area in a.covers), None)


def area_title(fw: Frameworks, cycles: tuple[str, ...], area: str) -> str:
    """An area as a reader names it: in the words of the latest of `cycles` that has it (a
    question "How effective is the force at investigating offending?" as its subject),
    else the canonical name."""
    for cid in cycles:
        own = fw.cycles[cid].area_for_canonical(area) if cid in fw.cycles else None
        if own is not None:
            label = _QUESTION.sub("", own.label).rstrip("?").strip()
            return label[:1].upper() + label[1:]
    return fw.area_name(area)


def stated_before(fw: Frameworks, old: Inspection, new: Inspection, area: str) -> Improvement | None:
    """The newer source's statement of the grade `area` had in the older inspection, where it
    names one of the older cycle's grades and puts it in that inspection: in a year its
    reports came out, or, with no year, where no cycle lies between the two."""
    cycle = fw.cycles[old.cycle]
    for said in new.improved:
        if said.area != area or said.from_grade not in cycle.grades:
            continue
        from briefing.extract.cycles.calendar import cycle_published  # only where a source states one: read from text

        if cycle_published(cycle, (said.year,)) if said.year else len(fw.cycles_between(old.cycle, new.cycle)) == 1:
            return said
    return None
