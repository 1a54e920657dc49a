"""The cycles as a calendar: which cycle a year or pair of years names, and which cycles
were inspected or published in a month, by the spans and aliases of data/frameworks.yaml."""

from __future__ import annotations

import re
from functools import cached_property

from briefing.frameworks import Cycle, Frameworks, normalise

YEAR = r"(?:19|20)\d\d"
RANGE = rf"(?P<a>{YEAR})(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?P<b>(?:19|20)?\d\d)\b|(?P<glued>\d\d)\b)?"
Month = tuple[int, int]


class Calendar:
    """The cycles by their names' years, their inspection years and their publication years."""

    def __init__(self, fw: Frameworks):
        self.fw = fw
        self.main = [c for c in fw.cycles.values() if c.grades and not c.variant_of]

    @cached_property
    def _names(self) -> list[tuple[tuple[int, int | None], str]]:
        """(years, cycle) for each cycle's id and each alias with years ("peel 2018" is PEEL
        2018/19's, "peel 2023" PEEL 2023-25's), the id's own years first."""
        out = [(_years_in(c.id), c.id) for c in self.main]
        for cycle in self.main:
            for alias in cycle.aliases:
                years = _years_in(normalise(alias).replace(" ", "-")) if re.search(r"\d{4}", alias) else None
                if years and re.fullmatch(r"peel\s+\S+", normalise(alias)):
                    out.append((years, cycle.id))
        return out

    def named(self, first: int, second: int | None = None, programme: bool = False) -> str | None:
        """The cycle a year or pair of years names: 2016 is PEEL 2016, 2021/22 PEEL 2021/22,
        "2023 to 2025" PEEL 2023-25; with the programme's name, its aliases too ("PEEL
        2018" is PEEL 2018/19); a span of several cycles names none."""
        wanted = (first, second % 100 if second is not None else None)
        names = self._names if programme else self._names[:len(self.main)]
        for years, cid in names:
            if years == wanted:
                return cid
        for (start, end), cid in names:  # "our 2023-24 PEEL inspection": the first years of PEEL 2023-25
            if second is not None and end is not None and start == first and first % 100 < second % 100 < end:
                return cid
        return None

    def published_in(self, year: int, month: int | None = None) -> list[str]:
        return [c.id for c in self.main if within(span(c.years, c.id), year, month)]

    def late_in(self, year: int, month: int | None = None) -> list[str]:
        """Cycles with a straggler's report then (`late` in frameworks.yaml)."""
        return [c.id for c in self.main if c.late and within(span(c.late, c.id), year, month)]

    def inspected_in(self, year: int, month: int | None = None) -> list[str]:
        return [c.id for c in self.main if within(span(c.inspected, c.id), year, month)]

    def of_past_year(self, year: int) -> Cycle | None:
        """The earliest cycle a year spoken of as past can be: the one it names ("in our 2017
        inspection"), else the first whose reports came out that year."""
        cid = self.named(year) or next(iter(self.published_in(year)), None)
        return self.fw.cycles[cid] if cid else None

    def after(self, cycle: Cycle) -> Cycle | None:
        """The cycle that followed this one."""
        later = sorted((c for c in self.main if c.order > cycle.order), key=lambda c: c.order)
        return later[0] if later else None


def _years_in(text: str) -> tuple[int, int | None]:
    """ "peel-2021-22" -> (2021, 22); "peel-2016" -> (2016, None); "peel-2023-2025" -> (2023, 25)."""
    years = [int(y) for y in re.findall(r"\d{4}|(?<=-)\d\d(?!\d)", text)]
    return years[0], years[1] % 100 if len(years) > 1 else None


def span(years: str, fallback: str) -> tuple[Month, Month]:
    """ "2021-23" -> ((2021, 1), (2023, 12)); "2016-10 to 2017-04" -> ((2016, 10), (2017, 4))."""
    text = years or fallback
    if " to " in text:
        ends = []
        for side, default in zip(text.split(" to ", 1), (1, 12)):
            found = re.match(r"(\d{4})(?:-(\d\d))?", side.strip())
            ends.append((int(found.group(1)), int(found.group(2)) if found.group(2) else default))
        return ends[0], ends[1]
    found = [int(y) for y in re.findall(r"\d+", text)]
    if not found:
        return (0, 1), (0, 12)
    if len(found) == 2 and found[1] <= 12 and found[1] < found[0] % 100:
        return (found[0], found[1]), (found[0], found[1])  # "2024-02": one month
    first, last = found[0], found[1] if len(found) > 1 else found[0]
    return (first, 1), (first // 100 * 100 + last if last < 100 else last, 12)


def cycle_published(cycle: Cycle, published: tuple) -> bool:
    """Whether a date ((year,), (year, month) or (year, month, day)) falls when the cycle's
    reports came out, a straggler's included."""
    year, month = published[0], published[1] if len(published) > 1 else None
    return any(within(span(years, cycle.id), year, month) for years in (cycle.years, *([cycle.late] if cycle.late else [])))


def within(bounds: tuple[Month, Month], year: int, month: int | None) -> bool:
    (y1, m1), (y2, m2) = bounds
    if month is None:
        return y1 <= year <= y2
    return (y1, m1) <= (year, month) <= (y2, m2)


def years_of(match: re.Match) -> tuple[int, int | None]:
    """The first year and the second (or None) of a RANGE match."""
    second = match.group("b") or (match.groupdict().get("glued"))
    return int(match.group("a")), int(second) if second else None
