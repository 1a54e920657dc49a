"""What is made from the data a text is read with (a cycle's areas stemmed, every area
wording normalised, the grade words as one pattern) is made once per process and shared
by every text read with that data, not remade for each text: a short text spent most of
its reading remaking them.

The data are frozen values loaded once (briefing.reference); a value made from one is
kept with it, so an object freed and another made at its address is never taken for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_MADE: dict[tuple[Callable, int], tuple[object, object]] = {}


def once(make: Callable[[object], T], source: object) -> T:
    """make(source), made the first time it is asked for."""
    held = _MADE.get((make, id(source)))
    if held is None or held[0] is not source:
        held = _MADE[(make, id(source))] = (source, make(source))
    return held[1]
