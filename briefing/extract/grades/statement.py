"""What a grade rule states: a grade bound to an area phrase, on the line of its grade word.
A rule's reading (ruler.Reading) claims the grade words it accounts for, so no later rule
reads them again."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.extract.reader import SourceLine


@dataclass(frozen=True)
class Statement:
    phrase: str  # the area as the text words it
    grade: str  # normalised: outstanding, good, adequate, requires improvement, inadequate, ungraded
    line: SourceLine  # the line holding the grade word
    earlier: bool = False  # about an earlier inspection, not this one
    how: str = ""  # the rule that read it (stamped by the engine)
    listed: bool = False  # the phrase may name several areas ("A, B and C")
    year: int | None = None  # a year the text puts on it ("rated good in 2016")
