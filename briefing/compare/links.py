"""A match of an older finding to a newer one: the one type the matcher and the reading of
a finding's several concerns (concerns.py) both hold, kept apart so neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    old: int  # index into the old findings
    new: int
    score: float
    reason: str
    manual: bool = False
    merged: bool = False  # a second old finding folded into an already-linked new one
    concerns: tuple[str, ...] = ()  # the old finding's concerns this link carries, where it lists several
    #                                 (concerns.concerns_of) and the new one shares only these; () for all of it
