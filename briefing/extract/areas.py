"""Which area of a cycle a phrase means: "how it investigates crime", "the way it protects
vulnerable people", "its ability to prevent crime", "operates efficiently".

A phrase whose first content word is a keyword of one area alone belongs to it: HMIC's
set sentence "effective at keeping people safe and reducing crime" differs from the
efficiency one only in that word.

Exact wordings (labels and aliases of data/frameworks.yaml) decide first. Otherwise the
phrase's content words, stemmed, are matched against each area's words: its label and
aliases count once, its `keywords` (the words that only that area uses, such as
"efficient" for the efficiency pillar) twice. The best area wins when it covers at least
half the phrase; a phrase that matches nothing well is left unresolved, never guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from briefing.frameworks import Area, Cycle, normalise

GENERIC = frozenset("""
a an the and or of to in on at for with by its it their how way ways well ability approach
force forces constabulary police service overall area areas which that this is are was be being
make makes making making sure ensure ensures what whether whole general generally includes including
""".split())
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("anti-social", "antisocial").replace("anti social", "antisocial"))
    return [stem(w) for w in words if w not in GENERIC and len(w) > 1]


class AreaResolver:
    def __init__(self, cycle: Cycle):
        self.cycle = cycle
        self.exact = {normalise(w): a for a in cycle.areas for w in a.wordings()}
        self.terms: list[tuple[Area, dict[str, int]]] = []
        for area in cycle.areas:
            weights: dict[str, int] = {}
            for wording in area.wordings():
                for s in stems(wording):
                    weights.setdefault(s, 1)
            for keyword in area.keywords:
                for s in stems(keyword):
                    weights[s] = 2
            self.terms.append((area, weights))

    def __call__(self, phrase: str) -> Area | None:
        key = normalise(re.sub(r"\b(19|20)\d\d\b", "", phrase))
        key = re.sub(r"^(?:the|its|how|how the force|how it|the way it|the way the force)\s+", "", key)
        if key in self.exact:
            return self.exact[key]
        words = stems(phrase)
        if not words:
            return None
        leading = [area for area, weights in self.terms if weights.get(words[0]) == 2]
        if len(leading) == 1:  # "efficient at keeping people safe ...": the lead word decides
            return leading[0]
        best, best_score, best_hits = None, 0.0, 0
        for area, weights in self.terms:
            hits = [weights[w] for w in words if w in weights]
            score = sum(hits) / (len(words) + 0.5)
            if hits and (score > best_score or (score == best_score and len(hits) > best_hits)):
                best, best_score, best_hits = area, score, len(hits)
        return best if best_score >= 0.5 else None
