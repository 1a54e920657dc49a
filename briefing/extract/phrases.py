"""Many fixed phrases found in one pass over a text: the forces' names in a whole report,
every cycle's area wordings in its folded text.

A regular expression of a hundred alternatives tries each of them at every character (a
105-page report: 24 ms for the forces alone); an Aho-Corasick automaton (pyahocorasick,
BSD: a wheel) reads the text once (6 ms) and finds the same phrases. Phrases are matched
whole: a phrase inside a longer word ("kent" in "kentish") is not one.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


class Phrases:
    """Fixed phrases of lower-case text, and the characters that continue a word around them."""

    def __init__(self, phrases: Iterable[str], word_chars: str = "abcdefghijklmnopqrstuvwxyz"):
        self.word_chars = frozenset(word_chars)
        self._automaton = ahocorasick.Automaton()
        for phrase in set(phrases):
            if phrase:
                self._automaton.add_word(phrase, phrase)
        if len(self._automaton):  # an empty automaton cannot be made, and finds nothing
            self._automaton.make_automaton()

    def _whole(self, text: str):
        """(start, phrase) of every whole-word occurrence, overlapping ones included."""
        if not len(self._automaton):
            return
        inside, last = self.word_chars, len(text) - 1
        for end, phrase in self._automaton.iter(text):
            start = end - len(phrase) + 1
            if (start == 0 or text[start - 1] not in inside) and (end == last or text[end + 1] not in inside):
                yield start, phrase

    def present(self, text: str) -> set[str]:
        """Every phrase the text holds as whole words."""
        return {phrase for _, phrase in self._whole(text)}

    def matches(self, text: str) -> list[str]:
        """The phrases as a regular expression of them, longest first, finds them one after
        another: at each place the longest phrase, then on from its end."""
        return [phrase for _, phrase in self.found(text)]

    def found(self, text: str) -> list[tuple[int, str]]:
        """(start, phrase) of what `matches` finds."""
        out, resume = [], 0
        for start, phrase in sorted(self._whole(text), key=lambda found: (found[0], -len(found[1]))):
            if start >= resume:
                out.append((start, phrase))
                resume = start + len(phrase)
        return out
