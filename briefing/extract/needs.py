"""What a rule needs to find in a text before it reads it: the words without which its
patterns cannot match, tested first (as markdown-it-py's rules look at their first
character before anything else).

- `@needs(words)` marks a paragraph rule: the engine (ruler.Rule.readings) passes it only
  the paragraphs holding one of its words, found once for every rule through the whole
  text at once (`FoldedText`);
- `holds(text, words)`: a rule's test of a sentence before a pattern that needs a word;
- `found_at_stems(...)`: a pattern whose every match opens on one of a few stems, tried only
  where one is (the grade words of a paragraph).
Every such test goes through here, so that tests/test_reading_skip.py turns them all off at
once (`SKIP`) and checks that what is read does not change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

SKIP = True  # rules skip text without a word they need (off: every paragraph and sentence is read in full, for tests)


def needs(*words: str) -> Callable:
    """Marks a paragraph rule that reads nothing in a paragraph without one of these words
    (lower case, found in the case-folded text): the engine skips the others, as
    markdown-it-py's rules look at their first character before anything else."""
    def mark(fn: Callable) -> Callable:
        fn.needs = tuple(words)
        return fn
    return mark


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text, case-folded, holds one of these words: a rule's test before a
    pattern that cannot match without one (every test of the kind made through here or
    `needs`, so that tests/test_reading_skip.py turns them all off at once)."""
    if not SKIP:
        return True
    folded = fold(text)
    return any(word in folded for word in words)


ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def found_at_stems(pattern, text: str, casefolded: str, stems: tuple[str, ...], openers: str) -> list:
    """What `pattern.finditer(text)` finds where the case-folded text holds one of `stems`
    (none where it holds none, as Grammar.words), for a pattern of re.IGNORECASE whose every
    match opens on a stem (lower-case ASCII letters) or on one of `openers` (a quote) just
    before one: the pattern is tried only at those places, found in the case-folded text
    with str.find, in order, each after the last match's end, as finditer tries them.

    Why: the grade words' pattern opens on letters as common as "a", "n" and "o", so tried at
    every place it runs its alternatives at tens of thousands of them in a long report; the
    places its wordings' first letters are at are a few hundred. Where case-folding is not
    one character for one (a text with "İ" or "ß") or leaves a letter the pattern reads as
    another (the dotless "ı" is an "i" to it), the places in the folded text are not the
    text's, and every place is tried; with SKIP off too (tests/test_reading_skip.py)."""
    if not SKIP or len(casefolded) != len(text) or "\u0131" in casefolded or \
            not all(stem and set(stem) <= ASCII_LETTERS for stem in stems):
        return list(pattern.finditer(text)) if any(stem in casefolded for stem in stems) else []
    places: set[int] = set()
    for stem in stems:
        at = casefolded.find(stem)
        while at >= 0:
            places.add(at)
            if at and text[at - 1] in openers:
                places.add(at - 1)
            at = casefolded.find(stem, at + 1)
    found, end = [], 0
    for at in sorted(places):
        if at >= end and (match := pattern.match(text, at)):
            found.append(match)
            end = match.end()
    return found


def fold(text: str) -> str:
    """The text case-folded as a pattern of re.IGNORECASE reads it: casefold() leaves the
    dotless i, and makes a dotted capital I an i and a combining dot, which such a pattern
    takes for an i."""
    folded = text.casefold()
    return folded.replace("\u0131", "i").replace("i\u0307", "i") if "\u0131" in folded or "\u0307" in folded else folded


class FoldedText:
    """Every paragraph's folded text, one a line, and where each begins: a word is looked for
    through the whole text at once (str.find), a paragraph's test ending at its first."""

    def __init__(self, paras, casefolded: list[str]):
        self.paras = paras
        folded = [fold(text) for text in casefolded]  # casefold() twice is casefold() once
        self.starts, at = [], 0
        for text in folded:
            self.starts.append(at)
            at += len(text) + 1
        self.text = "\n".join(folded)

    def holding(self, words: tuple[str, ...]) -> frozenset[int]:
        """The indexes of the paragraphs holding one of these words (all of them, SKIP off)."""
        if not SKIP:
            return frozenset(para.index for para in self.paras)
        held: set[int] = set()
        for word in words:
            at = self.text.find(word)
            while at >= 0:
                n = bisect_right(self.starts, at) - 1
                held.add(self.paras[n].index)
                at = self.text.find(word, self.starts[n + 1]) if n + 1 < len(self.starts) else -1
        return frozenset(held)
