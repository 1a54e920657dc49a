"""Real texts whose words a pack once misread (review 6, 7 December 2026), each read whole
from ../shared and checked for what a PCC would see: a grade the text does not give, a
grade placed on the wrong area, a false warning of a grade the reader could not place.
Each test skips, saying why, where ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract import extract

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _read(name: str):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    return extract(path)


def _grades(result) -> dict[str, str]:
    return {j.area: j.grade for j in result.inspection.judgements}


def test_very_good_at_is_praise_not_a_grade():
    """ "It is very good at dealing with serious and organised crime" (HMI's observations):
    no grade of serious and organised crime; "good at preventing crime" on the same line is one."""
    grades = _grades(_read("corpus-2/texts/metropolitan-2018-19-forcepage.txt"))
    assert "serious-organised-crime" not in grades
    assert grades["preventing-crime"] == "good"
