"""Inspection cycles, their grading scales and areas, loaded from data/frameworks.yaml.

Kept as data so an analyst can add a cycle or a newly seen wording ("managing orders")
without touching Python. Loaded once per process and checked on load, so a typo in the
YAML is reported as such rather than as a strange comparison later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from briefing.errors import InputError

# every byte but a-z, 0-9 and the apostrophe becomes a space (as does every non-ASCII character, encoded as "?"),
# and A-Z is lowered to a-z
_KEPT = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789'" else b + 32 if 65 <= b <= 90 else 32
              for b in range(256))
_SPACES = re.compile(rb"  +")
_LEADING = re.compile(r"^(how (effective|good|well) is the force at|the force is \w+ at)\s+")
LOWERED_TO_ASCII = ("\u0130", "\u212a")  # the only characters beyond ASCII whose lower case holds an ASCII one


def normalise(text: str) -> str:
    """Fold the ways one wording is written: case, quotes, punctuation, question form.
    Folded as bytes (what is not a letter, digit or apostrophe made one space): a whole
    report is folded in 3 ms, where the same pattern over its characters takes 13 ms.
    Lowered as bytes too (A-Z, in the same table): a character beyond ASCII is a space
    whatever its lower case, but for the two whose lower case holds an ASCII letter
    ("\u0130" is "i" and a combining dot, the Kelvin sign "k"), lowered first where the
    text holds one; the text's own lower() is a third of the cost of a report's folding."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    if LOWERED_TO_ASCII[0] in text or LOWERED_TO_ASCII[1] in text:
        text = text.lower()
    text = text.encode("ascii", "replace").translate(_KEPT)
    return _LEADING.sub("", _SPACES.sub(b" ", text).decode("ascii").strip(" '")).strip()


@dataclass(frozen=True)
class Area:
    label: str
    canonical: str
    graded: bool = True
    partial: bool = False
    note: str = ""
    aliases: tuple[str, ...] = ()
    elsewhere: str = ""  # where HMICFRS reports this area when the cycle does not grade it
    keywords: tuple[str, ...] = ()  # words that point to this area alone, for reading paraphrases
    some_forces: bool = False  # graded for some forces of the question set only (PEEL 2021/22's revised set: victims)
    covers: tuple[str, ...] = ()  # canonical areas of later cycles whose work this area's grade also took in
    #                               (2018/19's "investigating crime and reducing re-offending": managing offenders)

    def wordings(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Comparability:
    comparable_with_previous: bool | None
    statement: str
    source: str = ""
    cited_as: str = ""  # how a pack attributes the statement


@dataclass(frozen=True)
class Cycle:
    id: str
    name: str
    scale: str
    grades: tuple[str, ...]
    areas: tuple[Area, ...]
    comparability: Comparability
    order: int
    aliases: tuple[str, ...] = ()
    note: str = ""
    variant_of: str = ""  # another question set of the same cycle, not a cycle of its own
    short: str = ""  # a name short enough for a table cell
    years: str = ""  # when its reports were published, e.g. "2021-23"
    inspected: str = ""  # when its inspections took place, e.g. "2021-22"
    integrated: bool = False  # one report per force grades all its pillars (2018/19), not one report a pillar
    late: str = ""  # when a straggler's report came out, after the rest ("2024-02")
    areas_graded: int | None = None  # every force of this question set is graded in this many areas, where it is fixed
    report_type: str = "peel"  # the type of its reports, where it is not a PEEL cycle (data/report_types.yaml)
    framework_published: date | None = None  # the day HMICFRS published the cycle's assessment framework
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def starts(self) -> date | None:
        """When the cycle begins: its framework's publication, else the first year it inspected."""
        year = re.match(r"\d{4}", self.inspected)
        return self.framework_published or (date(int(year.group()), 1, 1) if year else None)

    def area(self, wording: str) -> Area | None:
        """The area a wording names, by canonical id, label or alias."""
        if not self._index:
            for area in self.areas:
                self._index.setdefault(area.canonical, area)
                for text in area.wordings():
                    self._index.setdefault(normalise(text), area)
        return self._index.get(wording) or self._index.get(normalise(wording))

    def area_for_canonical(self, canonical: str) -> Area | None:
        return next((a for a in self.areas if a.canonical == canonical), None)

    @property
    def graded_areas(self) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a.graded)


@dataclass(frozen=True)
class Frameworks:
    cycles: dict[str, Cycle]
    canonical_names: dict[str, str]
    ranks: dict[str, int]
    grade_aliases: dict[str, str]  # every accepted spelling (normalised) -> grade
    grade_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # grade -> how texts word it

    def family(self, cycle: Cycle) -> list[Cycle]:
        """A cycle and its other question sets (PEEL 2021/22's original and revised sets)."""
        root = cycle.variant_of or cycle.id
        return [c for c in self.cycles.values() if c.id == root or c.variant_of == root]

    def cycle(self, wording: str) -> Cycle | None:
        if wording in self.cycles:
            return self.cycles[wording]
        key = normalise(wording)
        for cycle in self.cycles.values():
            if key in {normalise(w) for w in (cycle.id, cycle.name, *cycle.aliases)}:
                return cycle
        return None

    def grade(self, wording: str) -> str | None:
        """The grade a wording names on the common ladder, or "ungraded"; None if unknown."""
        key = normalise(wording)
        if key in self.ranks or key == "ungraded":
            return key
        return self.grade_aliases.get(key)

    def area_name(self, canonical: str) -> str:
        return self.canonical_names.get(canonical, canonical)

    def cycles_between(self, old: str, new: str) -> list[Cycle]:
        """Cycles after `old` up to and including `new`, in inspection order."""
        lo, hi = self.cycles[old].order, self.cycles[new].order
        return [c for c in self.cycles.values() if lo < c.order <= hi and (not c.variant_of or c.id == new)]

    def cycles_missing(self, on_file) -> list[Cycle]:
        """Cycles between the earliest and latest on file that have no data on file.

        A variant question set stands for its cycle, so PEEL 2021/22 revised on file means
        PEEL 2021/22 is not missing.
        """
        present = {self.cycles[c].variant_of or c for c in on_file}
        orders = [self.cycles[c].order for c in on_file]
        if not orders:
            return []
        return [c for c in self.cycles.values() if min(orders) < c.order < max(orders) and not c.variant_of
                and c.id not in present]

    def current(self, day: date) -> Cycle | None:
        """The PEEL cycle under way on `day`: the latest graded PEEL cycle begun by then."""
        begun = [c for c in self.cycles.values() if c.report_type == "peel" and c.grades and not c.variant_of
                 and c.starts is not None and c.starts <= day]
        return max(begun, key=lambda c: c.order, default=None)

    def short_name(self, cycle: str) -> str:
        return self.cycles[cycle].short or self.cycles[cycle].name

    def dated_name(self, cycle: str, year: int) -> str:
        """ "PEEL 2017 (2018)" for a report published later than its cycle's name says."""
        name = self.short_name(cycle)
        return name if str(year) in name else f"{name} ({year})"


def _area(raw: dict, where: str) -> Area:
    try:
        return Area(
            label=raw["label"],
            canonical=raw["canonical"],
            graded=raw.get("graded", True),
            partial=raw.get("mapping", "full") == "partial",
            note=raw.get("note", ""),
            aliases=tuple(raw.get("aliases", ())),
            elsewhere=" ".join(raw.get("elsewhere", "").split()),
            keywords=tuple(str(k) for k in raw.get("keywords", ())),
            some_forces=bool(raw.get("some_forces", False)),
            covers=tuple(str(c) for c in raw.get("covers", ())),
        )
    except (KeyError, TypeError) as exc:
        raise InputError(f"area needs label and canonical ({exc})", file="frameworks.yaml", place=where)


def _cycle(cid: str, raw: dict, order: int, scales: dict, canon: dict) -> Cycle:
    where = f"cycle {cid}"
    areas = tuple(_area(a, where) for a in raw.get("areas", ()))
    for area in areas:
        for canonical in (area.canonical, *area.covers):
            if canonical not in canon:
                raise InputError(f"area {area.label!r} maps to unknown canonical area {canonical!r}",
                                 file="frameworks.yaml", place=where)
    comp = raw.get("comparability", {})
    return Cycle(
        id=cid,
        name=raw["name"],
        scale=raw["scale"],
        grades=tuple(scales[raw["scale"]]["grades"]),
        areas=areas,
        comparability=Comparability(comp.get("comparable_with_previous"),
                                    " ".join(comp.get("statement", "").split()), comp.get("source", ""),
                                    comp.get("cited_as", "")),
        order=order,
        aliases=tuple(raw.get("aliases", ())),
        note=" ".join(raw.get("note", "").split()),
        variant_of=raw.get("variant_of", ""),
        short=raw.get("short", ""),
        years=str(raw.get("years", "")),
        inspected=str(raw.get("inspected", "")),
        integrated=bool(raw.get("integrated", False)),
        late=str(raw.get("late", "")),
        areas_graded=raw.get("areas_graded"),
        report_type=str(raw.get("report_type", "peel")),
        framework_published=raw.get("framework_published"),
    )


def parse_frameworks(raw: dict) -> Frameworks:
    canon = raw["canonical_areas"]
    cycles = {cid: _cycle(cid, c, i, raw["scales"], canon) for i, (cid, c) in enumerate(raw["cycles"].items())}
    words = {grade: tuple(wordings) for grade, wordings in raw.get("grade_words", {}).items()}
    aliases = {normalise(w): grade for grade, wordings in words.items() for w in wordings}
    aliases.update({normalise(k): v for k, v in raw.get("grade_aliases", {}).items()})
    return Frameworks(cycles=cycles, canonical_names=canon, ranks=raw["ranks"], grade_aliases=aliases,
                      grade_words=words)
