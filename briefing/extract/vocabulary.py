"""The grade words a reader looks for, from data/frameworks.yaml (`grade_words`), as one
pattern, and the grade each wording names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from briefing.frameworks import Frameworks, normalise

QUOTE = "['\u2018\u2019\"\u201c\u201d]"
GRADES_KEPT = 4096  # written grade words whose grade a process keeps
_FLEXIBLE = {"improvement": r"improvements?", "judgement": r"judge?ments?", "judgements": r"judge?ments?"}


@dataclass(frozen=True)
class Vocabulary:
    grades: str  # the alternation of every grade wording, longest first, for embedding in patterns
    lookup: dict[str, str]  # normalised wording -> grade
    stems: tuple[str, ...] = ()  # each wording's first four letters, case-folded: every match holds one
    _grades_of: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # grade_of's answers

    @classmethod
    def of(cls, fw: Frameworks) -> Vocabulary:
        wordings = sorted({w for ws in fw.grade_words.values() for w in ws}, key=lambda w: (-len(w), w))
        alternation = "|".join(r"\s+".join(_FLEXIBLE.get(p, re.escape(p)) for p in w.split()) for w in wordings)
        stems = tuple(sorted({w.split()[0][:4].casefold() for w in wordings}))
        return cls(alternation, dict(fw.grade_aliases), stems)

    @cached_property
    def lead(self) -> str:
        """A lookahead for the first character of a grade word, quoted or not, to open a
        pattern that starts with one: the engine then passes over every other place in a
        single test, where it would try each wording there (twice as fast on a report)."""
        firsts = "".join(sorted({stem[0] for stem in self.stems}))
        return rf"(?=[{re.escape(firsts)}{QUOTE[1:-1]}])"

    @cached_property
    def pair_lead(self) -> str:
        """`lead` by a grade word's first two letters, where every wording of `grades` opens on
        two plain letters: for a pattern tried at every place, as the count patterns are (a
        quarter faster there than `lead`; slower where a look behind the place already passes
        over most places)."""
        alternatives = self.grades.split("|")
        if not all(len(alt) >= 2 and alt[:2].isascii() and alt[:2].isalpha() for alt in alternatives):
            return self.lead
        pairs = {alt[:2].lower() for alt in alternatives}
        firsts, seconds = ("".join(sorted({pair[i] for pair in pairs})) for i in (0, 1))
        return rf"(?=[{QUOTE[1:-1]}]|[{firsts}][{seconds}])"

    def grade_of(self, word: str) -> str:
        """ "Requires  Improvements" -> "requires improvement"; "narrative judgments" -> "ungraded".
        Each word's grade is worked out once: the rules ask it of the same few wordings of a
        text hundreds of times (what grades a word names, of which there are a few dozen
        written ways; at most GRADES_KEPT are kept, for a process reading any number of texts)."""
        grade = self._grades_of.get(word)
        if grade is None:
            if len(self._grades_of) >= GRADES_KEPT:
                self._grades_of.clear()
            grade = self._grades_of[word] = self._grade_of(word)
        return grade

    def _grade_of(self, word: str) -> str:
        key = normalise(word)
        key = re.sub(r"\bimprovements\b", "improvement", re.sub(r"\bjudge?ments?\b", "judgement", key))
        return self.lookup.get(key) or self.lookup.get(key.replace("judgement", "judgements"), key)
