"""extract.phrases finds what a regular expression of the same phrases would: whole words,
the longest at each place, one after another (forces, area wordings); and a force is known
by the names people write for it (data/forces.yaml)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.forces import canonical_force, force_scores
from briefing.extract.phrases import Phrases

WORDS = ["kent", "kent police", "devon and cornwall", "cornwall", "and cornwall police", "essex"]


def _as_pattern(phrases, text):
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
                         + r")(?![a-z])")
    return [m.group(0) for m in pattern.finditer(text)]


def test_the_longest_phrase_at_a_place_is_read_and_a_word_inside_another_is_not():
    phrases = Phrases(WORDS)
    assert phrases.matches("devon and cornwall police and kent police, not kentish") == \
        ["devon and cornwall", "kent police"]
    assert phrases.present("devon and cornwall police") == {"devon and cornwall", "cornwall", "and cornwall police"}
    assert phrases.matches("") == [] and Phrases([]).matches("kent") == []


def test_a_force_is_counted_once_per_mention_by_its_fullest_name():
    scores = force_scores("Devon & Cornwall Police and Kent Police met; Kentish towns and Essex-born officers")
    assert scores["Devon and Cornwall Police"] == 1 and scores["Kent Police"] == 1 and scores["Essex Police"] == 0.5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["x", " ", "-", "police", "kentish", "a"]), max_size=30))
def test_matches_are_the_patterns_matches(pieces):
    text = " ".join(pieces)
    assert Phrases(WORDS).matches(text) == _as_pattern(WORDS, text)


@pytest.mark.parametrize(("written", "force"), [
    ("Northamptonshire Police", "Northamptonshire Police"),
    ("northamptonshire police", "Northamptonshire Police"),
    ("NORTHANTS POLICE", "Northamptonshire Police"),
    ("Northamptonshire Constabulary", "Northamptonshire Police"),
    ("Northamptonshire", "Northamptonshire Police"),
    ("Kent Constabulary", "Kent Police"),
    ("the Met", "Metropolitan Police Service"),
    ("Devon & Cornwall Police", "Devon and Cornwall Police"),
    ("dyfed powys police", "Dyfed-Powys Police"),
    ("Notts Police", "Nottinghamshire Police"),
    ("Northshire Police", "Northshire Police"),  # a force of no list is kept as written
])
def test_a_force_is_named_as_people_write_it(written, force):
    assert canonical_force(written) == force


def test_one_force_written_two_ways_is_one_force_and_two_forces_are_never_told_to_override(tmp_path, runner):
    from conftest import invoke

    old = tmp_path / "old.yaml"
    old.write_text("force: northants police\ncycle: peel-2021-22\npublished: 2021-11-24\n", encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text("force: Northamptonshire Constabulary\ncycle: peel-2023-25\npublished: 2024-02-16\n", encoding="utf-8")
    same = invoke(runner, "compare", old, new)
    assert same.exit_code == 0, same.stderr
    assert "Northamptonshire Police" in same.stdout and "northants" not in same.stdout.lower()
    kent = tmp_path / "kent.yaml"
    kent.write_text("force: Kent Police\ncycle: peel-2023-25\npublished: 2024-05-01\n", encoding="utf-8")
    other = invoke(runner, "compare", old, kent)
    assert other.exit_code == 1
    assert "a briefing compares two inspections of one force" in other.stderr
    assert "--allow-different-forces" not in other.stderr
