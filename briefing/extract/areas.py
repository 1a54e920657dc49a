"""Which area of a cycle a phrase means: "how it investigates crime", "the way it protects
vulnerable people", "its ability to prevent crime", "operates efficiently".

A phrase whose first content word is a keyword of one area alone belongs to it: HMIC's
set sentence "effective at keeping people safe and reducing crime" differs from the
efficiency one only in that word.

Exact wordings (labels and aliases of data/frameworks.yaml) decide first. Otherwise the
phrase's content words, stemmed, are matched against each area's words: its label and
aliases count once, its `keywords` (the words that only that area uses, such as
"efficient" for the efficiency pillar) twice. The best area wins when it covers at least
half the phrase. Failing that, a wording spelled a little differently ("investigatng
crime") is taken when it is close to one of the area's own; a phrase that matches
nothing well is left unresolved, never guessed.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from briefing.extract.made import once
from briefing.frameworks import Area, Cycle, Frameworks, normalise
from briefing.words import content_stems

# Words area phrases use without naming an area ("the way the force makes sure ..."); the
# English stopwords come from briefing.words.
AREA_WORDS = frozenset("""way ways well ability approach force forces constabulary police service overall area areas
make makes making sure ensure ensures whole general generally includes including""".split())
PILLAR_AT = re.compile(r"^(?:its\s+|the\s+force's\s+)?(?P<noun>\w+)\s+(?:at|in)\s+(?P<rest>.+)$", re.IGNORECASE)
KEPT_PHRASES = 50_000  # phrases whose area is kept, per cycle: a long-running process reads any number of texts
CLOSE_SPELLING = 88  # rapidfuzz ratio from which a wording is the same wording misspelt
# How set sentences introduce the area ("The extent to which Gwent Police is efficient at
# ..."): off before matching, so the word that names the pillar leads the phrase.
SET_LEAD = re.compile(r"^(?:the\s+)?extent\s+to\s+which\s+(?:the\s+)?(?:force|constabulary|service|we|"
                      r"[\w&'\u2019-]+(?:\s+[\w&'\u2019-]+){0,3}\s+(?:police|constabulary|service))\s+(?:is|are)\s+",
                      re.IGNORECASE)

# An area's name said with its verb's noun: "its response to the public" is "responding to the public" (review 14,
# item 12). Only the whole wording so spelt is the area: "response" alone names no task ("its response to domestic
# abuse"), and its stem is "responsibility"'s too
NOUN_TASKS = {"response to": "responding to"}
NOUN_OF_TASK = re.compile(r"^(response to)\b")


# a later part of a list that opens with a subject and a verb of its own ("... in our management of offenders and
# suspects, and I am committed to addressing this, it is integral to t"): a new clause, never a further area, whatever
# word of it stems like an area's keyword ("integral" as "integrity"). The first part may open so ("It has also
# improved its management and scrutiny of criminal investigations and how it responds to the public")
CLAUSE = re.compile(r"^(?:it|this|that|i|we|they|he|she)\s+(?:is|was|are|were|am|has|have|had|will|would)\b",
                    re.IGNORECASE)


def stems(text: str) -> list[str]:
    return content_stems(text, AREA_WORDS)


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
        self.own_words = {a.label: frozenset(s for w in a.wordings() for s in stems(w)) for a in cycle.areas}
        self._cache: dict[str, Area | None] = {}
        self.one_word_labels = {a.label.lower() for a in cycle.areas if " " not in a.label}  # the pillars
        self.coordinated = sorted({" ".join(w.lower().replace("-", " ").split()) for a in cycle.areas
                                   for w in a.wordings() if " and " in w or "," in w}, key=len, reverse=True)
        self._coordinated = [(w, re.compile(re.escape(w))) for w in self.coordinated]
        self.covers = self._covers()

    def _covers(self) -> dict[str, tuple[Area, frozenset[str]]]:
        """The pillars whose own wording names the subjects of two or more of the cycle's
        questions: "treats the public and its workforce" holds a keyword of treating the
        public fairly ("public") and of treating the workforce fairly ("workforce")."""
        out = {}
        for pillar in self.cycle.areas:
            own = self.own_words[pillar.label]
            held = frozenset(a.canonical for a in self.cycle.areas if a.canonical != pillar.canonical
                             and any(s in own for k in a.keywords for s in stems(k)))
            if len(held) >= 2:
                out[pillar.canonical] = (pillar, held)
        return out

    def shared_verb(self, phrase: str, parts: list[tuple[str, Area | None]]) -> list[tuple[str, Area | None]]:
        """ "treating our staff and communities with fairness": one verb whose objects are the
        subjects of two questions that one pillar's own wording names together is that
        pillar (the force's paraphrase of "treats the public and its workforce"), not two
        question grades. The part after the verb's must be an object, not a task of its own
        ("preventing crime and investigating crime" are two)."""
        out, at = [], 0
        for text, area in parts:
            at = phrase.find(text, at)
            if out and area is not None and out[-1][1] is not None and not TASK.match(text):
                before, first, start = out[-1]
                pillar = self._pillar_of(first, area)
                if pillar and TASK.match(before):
                    out[-1] = (phrase[start:at + len(text)], pillar, start)
                    at += len(text)
                    continue
            out.append((text, area, at))
            at += len(text)
        return [(text, area) for text, area, _ in out]

    def _pillar_of(self, one: Area, other: Area) -> Area | None:
        both = {one.canonical, other.canonical}
        return next((pillar for pillar, held in self.covers.values() if len(both) == 2 and both <= held), None)

    def exact_area(self, phrase: str) -> Area | None:
        key = normalise(re.sub(r"\b(19|20)\d\d\b", "", phrase))
        key = re.sub(r"^(?:the way the force|the way it|how the force|how it|the force s|force s|the|its|how)\s+", "",
                     key)
        key = NOUN_OF_TASK.sub(lambda m: NOUN_TASKS[m.group(1)], key)
        return self.exact.get(key) or self.exact.get(key.replace("antisocial", "anti social"))

    def close_spelling(self, phrase: str) -> Area | None:
        key = normalise(re.sub(r"\b(19|20)\d\d\b", "", phrase))
        if len(key) < 8:
            return None
        best = process.extractOne(key, list(self.exact), scorer=fuzz.ratio, score_cutoff=CLOSE_SPELLING)
        return self.exact[best[0]] if best else None

    def split(self, phrase: str) -> list[tuple[str, Area | None]]:
        """A coordinated list of areas, each with its area: "protecting vulnerable people,
        preventing crime and making good use of its resources" is three; "building,
        supporting and protecting the workforce" is one (its parts would all be the
        workforce). Of every way to cut the list at commas, semicolons and "and", the one
        whose parts name distinct areas best wins (an exact wording counts most)."""
        low = phrase.lower().replace("-", " ")
        kept = [(m.start(), m.end()) for w, found in self._coordinated if w in low for m in found.finditer(low)]
        cuts = [c for c in re.finditer(r"\s*;\s*(?:and\s+)?|,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+", phrase)
                if not any(a < c.start() < b for a, b in kept)]  # never inside "keeping people safe and reducing crime"
        spans, start = [], 0
        for cut in cuts:
            spans.append((start, cut.start()))
            start = cut.end()
        spans.append((start, len(phrase)))
        spans = [(a, b) for a, b in spans if phrase[a:b].strip()]
        if len(spans) < 2 or len(spans) > 12:
            return [(phrase, self(phrase))]
        best, best_key = [(phrase, self(phrase))], None
        for mask in range(1 << (len(spans) - 1)):
            parts, first = [], 0
            for i in range(1, len(spans) + 1):
                if i == len(spans) or mask >> (i - 1) & 1:
                    parts.append(phrase[spans[first][0]:spans[i - 1][1]])  # the words as written
                    first = i
            areas = [None if i and CLAUSE.match(p.strip()) else self(p) for i, p in enumerate(parts)]
            named = [a.canonical for a in areas if a]
            if len(set(named)) != len(named):
                continue
            value = sum(3 if self.exact_area(p) else 1 if a else -1 for p, a in zip(parts, areas))
            key = (value, -len(parts))
            if best_key is None or key > best_key:
                best, best_key = list(zip(parts, areas)), key
        return self.shared_verb(phrase, best)

    def led(self, phrase: str) -> Area | None:
        """The area whose keyword alone opens the phrase ("efficient at ...")."""
        words = stems(phrase)
        leading = [area for area, weights in self.terms if words and weights.get(words[0]) == 2]
        return leading[0] if len(leading) == 1 else None

    def __call__(self, phrase: str, exact: bool = False) -> Area | None:
        if exact:
            return self.exact_area(phrase)
        if phrase not in self._cache:
            if len(self._cache) >= KEPT_PHRASES:
                self._cache.clear()  # shared by every text a process reads (a server's): bounded
            self._cache[phrase] = self._resolve(SET_LEAD.sub("", phrase.strip()))
        return self._cache[phrase]

    def _resolve(self, phrase: str) -> Area | None:
        exact = self.exact_area(phrase)
        if exact:
            return exact
        words = stems(phrase)
        if not words:
            return None
        led = self.led(phrase)
        question = PILLAR_AT.match(phrase)
        if led and question and question.group("noun").lower() in self.one_word_labels:
            inner = self._resolve(question.group("rest"))  # "its effectiveness at investigating crime": the question
            if inner is not None and inner.canonical != led.canonical:
                return inner
        if led:  # "efficient at keeping people safe ...": the lead word decides
            return led
        best, best_score, best_hits = None, 0.0, 0
        for area, weights in self.terms:
            hits = [weights[w] for w in words if w in weights]
            score = sum(hits) / (len(words) + 0.5)
            if hits and (score > best_score or (score == best_score and len(hits) > best_hits)):
                best, best_score, best_hits = area, score, len(hits)
        return best if best_score >= 0.5 else self.close_spelling(phrase)


class AnyCycle:
    """Whether a phrase names an area of any cycle: grade statements are read before the
    cycle is settled, so where a grade's scope lies is tested against every cycle's areas
    (a phrase, or one of the pieces of a list: "A, B and C")."""

    def __init__(self, frameworks: Frameworks):
        self.resolvers = [resolver(c) for c in frameworks.cycles.values() if c.areas and not c.variant_of]
        self._named: dict[str, bool] = {}

    def names_whole(self, phrase: str) -> bool:
        """The phrase, as one, names an area of some cycle."""
        return any(resolve(phrase) is not None for resolve in self.resolvers)

    def names(self, phrase: str) -> bool:
        phrase = phrase.strip(" ,;:'\u2018\u2019\"\u201c\u201d")
        if phrase not in self._named:
            if len(self._named) >= KEPT_PHRASES:
                self._named.clear()
            pieces = [phrase, *(p for p in LIST_CUTS.split(phrase) if len(p) > 3)] if len(phrase) < 400 else []
            self._named[phrase] = any(resolve(p) is not None for p in pieces for resolve in self.resolvers)
        return self._named[phrase]

    def names_in_own_words(self, phrase: str) -> bool:
        """The phrase, or a piece of its list, names an area in a word of the area's own
        name (its label or an alias), not only in one of its keywords: "disrupting organised
        criminality" names serious and organised crime, while "prioritising the calls it
        receives" is a task within responding to the public, found by the keyword "calls" alone."""
        phrase = phrase.strip(" ,;:'\u2018\u2019\"\u201c\u201d")
        pieces = [phrase, *(p for p in LIST_CUTS.split(phrase) if len(p) > 3)] if len(phrase) < 400 else []
        for piece in pieces:
            words = set(stems(piece))
            for resolve in self.resolvers:
                area = resolve(piece)
                if area is not None and words & resolve.own_words[area.label]:
                    return True
        return False


def resolver(cycle: Cycle) -> AreaResolver:
    """The areas of a cycle, their words stemmed once per process rather than once per
    question asked of them. What it resolves depends only on the cycle's data (its cache
    of phrases included), so texts share it."""
    return once(AreaResolver, cycle)


TASK = re.compile(r"^\W*(?:\w+\s+)?\w+ing\b")  # a part of a list with its own verb: "preventing crime"
LIST_CUTS = re.compile(r"\s*[;,]\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+")


def any_cycle(frameworks: Frameworks) -> AnyCycle:
    """The areas of every cycle of these frameworks, made once."""
    return once(AnyCycle, frameworks)
