"""Small texts read as a user's file would be: written to disk, then extracted whole."""

from __future__ import annotations

from briefing.extract import extract


def read(tmp_path, body: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return extract(path)


def pairs(result):
    """(area, grade) of each judgement read."""
    return {(j.area, j.grade) for j in result.inspection.judgements}
