"""What the cycle cue rules make and read: a Cue (a weighted vote for one cycle, with its
reason) and Cues (the text's Context and what earlier steps found in it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from briefing.extract.cycles.calendar import YEAR, Calendar
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import Reading
from briefing.extract.text import lines_holding
from briefing.frameworks import normalise

HAS_YEAR = re.compile(YEAR)  # most cues name a year: a line without one is passed over at once


@dataclass(frozen=True)
class Cue:
    cycle: str
    weight: float
    reason: str
    kind: str = "label"  # label, address, heading, ordinal, alias, inspected, published, page-date, since, scale,
    # later, naming, wording
    how: str = ""  # the rule that gave it (stamped by the engine)


@dataclass
class Cues:
    """What the cue rules read: the text (its Context) and what earlier steps found in it."""

    ctx: object  # context.Context
    published: tuple | None = None
    graded_adequate: bool = False
    pillars_graded: int = 0
    earlier_years: list[int] = field(default_factory=list)
    so_far: object = None  # set by the engine's driver

    @property
    def paras(self):
        return self.ctx.paras

    @cached_property
    def cal(self) -> Calendar:
        return Calendar(self.ctx.frameworks)

    @cached_property
    def lines(self) -> list[SourceLine]:
        return self.ctx.source

    @cached_property
    def dated(self) -> list[SourceLine]:
        """The lines every cue of a year reads. A year begins "19" or "20": the lines holding
        either are found through the whole text at once, and only they are searched."""
        texts = [line.text for line in self.lines]
        return [self.lines[n] for n in lines_holding(texts, ("19", "20")) if HAS_YEAR.search(texts[n])]

    @cached_property
    def folded(self) -> str:
        """The whole text folded once, for the alias and the area-wording cues."""
        return normalise(self.ctx.text)


def said(*cues: Cue) -> list[Reading]:
    """Cues as readings: a cue claims no text (several cues may rest on the same words)."""
    return [Reading((), (cue,)) for cue in cues]


def spread(cycles: list[str], weight: float, reason: str, kind: str) -> list[Reading]:
    """A date that fits several cycles shares its weight among them."""
    return said(*(Cue(c, weight / len(cycles) if len(cycles) > 1 else weight, reason, kind) for c in cycles))


def sentences_of(line: SourceLine) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", line.text)
