"""Small texts read as a user's file would be: written to disk, then extracted whole; and
the real texts of ../shared, read the same way (skipped with the reason where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract import extract

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def read(tmp_path, body: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return extract(path)


def pairs(result):
    """(area, grade) of each judgement read."""
    return {(j.area, j.grade) for j in result.inspection.judgements}


def read_shared(name: str):
    """A text of ../shared ("corpus-2/texts/kent-2021-22-pressrelease.txt"), extracted."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    return extract(path)


def grades_of(result) -> dict[str, str]:
    """Each judgement's grade by area."""
    return {j.area: j.grade for j in result.inspection.judgements}
