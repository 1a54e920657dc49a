"""extract.phrases finds what a regular expression of the same phrases would: whole words,
the longest at each place, one after another (forces, area wordings)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.forces import force_scores
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
