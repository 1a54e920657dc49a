"""What a grade rule reads: statements binding a grade to an area phrase, and the grade
words each reading accounts for (so no later rule reads them again)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.extract.reader import SourceLine


@dataclass(frozen=True)
class Statement:
    phrase: str  # the area as the text words it
    grade: str  # normalised: outstanding, good, adequate, requires improvement, inadequate, ungraded
    line: SourceLine  # the line holding the grade word
    earlier: bool = False  # about an earlier inspection, not this one
    how: str = ""  # the rule that read it
    listed: bool = False  # the phrase may name several areas ("A, B and C")
    year: int | None = None  # a year the text puts on it ("rated good in 2016")


@dataclass(frozen=True)
class Reading:
    words: tuple[int, ...]  # where the grade words it reads begin, in the paragraph's text
    statements: tuple[Statement, ...] = ()  # none: the words are accounted for and are no grade (a scale, a count)
