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


def rule_cases(fixture: str):
    """(rule, text, gives) of each example of a rule fixture (tests/fixtures/rules/NAME.yaml):
    what the rule must read, and the texts it must not read (gives [])."""
    import yaml

    examples_by_rule = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules" / f"{fixture}.yaml")
                                      .read_text(encoding="utf-8"))
    for rule, examples in examples_by_rule.items():
        for n, example in enumerate(examples["reads"]):
            yield pytest.param(rule, example["text"], example["gives"], id=f"{rule}-reads-{n}")
        for n, text in enumerate(examples["not"]):
            yield pytest.param(rule, text, [], id=f"{rule}-not-{n}")
