"""Match findings across two inspections: the same concern in other words, years apart.

A score combines two signals an analyst can check for themselves:
- shared themes from data/themes.yaml (catches paraphrase: "telecommunication equipment"
  in 2014 and "digital strategy ... mobile phones" in 2021/22), and
- shared key terms, weighted by how rare they are across both reports (TF-IDF cosine on
  stemmed words), which rewards specific wording and ignores "the force should".
One-to-one links come from an optimal assignment (Jonker-Volgenant, via `lap`) on that score, so
two old findings never both claim the same new one by accident; an old finding that
clearly belongs with an already-linked new one is then kept as a documented merge.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

# One thread for numpy's linear algebra, set before numpy loads it: the matrices here are a
# few hundred rows, and OpenBLAS starting a thread for each core at import cost a pack more
# CPU (0.12 s against 0.05 s on two cores) than every matching it does. A user's own setting wins.
for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

import lap  # noqa: E402
import numpy as np  # noqa: E402

from briefing.compare.themes import theme_name, themes_of
from briefing.model import Finding
from briefing.words import STOPWORDS, stem, tokens

THEME_WEIGHT, TERM_WEIGHT, SAME_AREA_BONUS = 0.55, 0.45, 0.08
LINK_THRESHOLD = 0.28  # below this, two findings are not the same concern
MERGE_THRESHOLD = 0.45  # a second old finding joins a linked new one only when this close

# Words every finding uses ("the force should ensure it takes steps to improve"): they would
# link everything to everything. The English stopwords come from briefing.words.
FINDING_WORDS = frozenset("""
make makes making more most must need needs should force forces police improve improves improving improvement
effective effectively appropriate appropriately better able way ways steps take taking immediately months three six
place whether including include includes ensure ensuring sure use using
""".split())


def _words(text: str, extra_stopwords: frozenset[str]) -> list[str]:
    return [w for w in tokens(text) if len(w) > 2 and w not in STOPWORDS and w not in FINDING_WORDS
            and w not in extra_stopwords]


def key_terms(text: str, extra_stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed content words: 'investigations' and 'investigating' count as one term."""
    return [stem(w) for w in _words(text, extra_stopwords)]


@dataclass(frozen=True)
class Link:
    old: int  # index into the old findings
    new: int
    score: float
    reason: str
    manual: bool = False
    merged: bool = False  # a second old finding folded into an already-linked new one


@dataclass(frozen=True)
class _Features:
    themes: list[frozenset[str]]
    terms: np.ndarray  # rows: findings; L2-normalised TF-IDF (dense: a few thousand terms at most)
    vocab: list[str]
    shown: list[dict[str, str]]  # stem -> a real word it came from, for reasons


MAX_TERM_CELLS = 25_000_000  # findings x shared terms held at once (100 MB); real pairs use a few thousand


def _features(old: Sequence[Finding], new: Sequence[Finding], stop: frozenset[str]) -> tuple[_Features, int]:
    """TF-IDF rows over the terms both inspections use: a term on one side only adds nothing
    to any old x new score, so only its share of each row's length is kept (in the norms)."""
    texts = [f.text for f in (*old, *new)]
    words = [_words(t, stop) for t in texts]
    docs = [set(stem(w) for w in ws) for ws in words]
    n_old = len(old)
    frequency: dict[str, int] = {}
    for doc in docs:
        for term in doc:
            frequency[term] = frequency.get(term, 0) + 1
    idf = {t: float(np.log((1 + len(docs)) / (1 + n)) + 1.0) for t, n in frequency.items()}
    norms = np.array([np.sqrt(sum(idf[t] ** 2 for t in doc)) or 1.0 for doc in docs], dtype=np.float32)
    shared = set().union(*docs[:n_old]) & set().union(*docs[n_old:]) if old and new else set()
    limit = max(MAX_TERM_CELLS // max(len(docs), 1), 1)
    vocab = sorted(shared, key=lambda t: (-idf[t], t))[:limit]  # at the cap, the rarest (most telling) terms
    index = {t: i for i, t in enumerate(vocab)}
    weighted = np.zeros((len(docs), max(len(vocab), 1)), dtype=np.float32)
    for row, doc in enumerate(docs):
        for term in doc:
            if term in index:
                weighted[row, index[term]] = idf[term]
    normalised = weighted / norms[:, None]
    shown = [{stem(w): w for w in reversed(ws)} for ws in words]
    return _Features([themes_of(t) for t in texts], normalised, vocab, shown), n_old


def _theme_matrix(themes: list[frozenset[str]], n_old: int) -> np.ndarray:
    ids = sorted(set().union(*themes)) if themes else []
    index = {t: i for i, t in enumerate(ids)}
    m = np.zeros((len(themes), max(len(ids), 1)))
    for row, ts in enumerate(themes):
        for t in ts:
            m[row, index[t]] = 1.0
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    m = m / norms[:, None]
    return m[:n_old] @ m[n_old:].T


def score_matrix(old: Sequence[Finding], new: Sequence[Finding], stop: frozenset[str] = frozenset()):
    """Scores in [0, 1] for every old x new pair, plus the features behind them."""
    feats, n_old = _features(old, new, stop)
    terms = feats.terms[:n_old] @ feats.terms[n_old:].T
    scores = THEME_WEIGHT * _theme_matrix(feats.themes, n_old) + TERM_WEIGHT * terms
    codes = {area: i for i, area in enumerate({f.area for f in (*old, *new) if f.area}, start=1)}
    old_areas = np.array([codes.get(f.area, -1) for f in old])
    new_areas = np.array([codes.get(f.area, -2) for f in new])
    same_area = (old_areas[:, None] == new_areas[None, :]).astype(float)
    return np.clip(scores + SAME_AREA_BONUS * same_area, 0.0, 1.0), feats


def explain(feats: _Features, n_old: int, i: int, j: int, old: Finding, new: Finding) -> str:
    """Why two findings were linked, in words an analyst can check against the texts."""
    parts = []
    shared = feats.themes[i] & feats.themes[n_old + j]
    if shared:
        parts.append("shared theme: " + ", ".join(theme_name(t).lower() for t in sorted(shared)))
    both = feats.terms[i] * feats.terms[n_old + j]
    common = np.flatnonzero(both)
    weights = {c: both[c] for c in common}
    top = sorted(common, key=weights.get, reverse=True)[:5]
    if top:
        words = [feats.shown[i].get(feats.vocab[c]) or feats.shown[n_old + j].get(feats.vocab[c]) for c in top]
        parts.append("shared terms: " + ", ".join(w for w in words if w))
    if old.area and old.area == new.area:
        parts.append("same area")
    return "; ".join(parts) or "no shared theme or term"


def best_pairs(scores: np.ndarray) -> list[tuple[int, int]]:
    """The one-to-one pairing with the highest total score, without squaring a lopsided matrix.

    On the short side each row can only ever be paired with one of its `rows` best columns
    (any other would leave a better one free), so only those columns go to the solver: one
    old finding against a thousand new ones is a 1 x 1 problem, not 1000 x 1000.
    """
    flipped = scores.shape[0] > scores.shape[1]
    m = scores.T if flipped else scores
    rows, cols = m.shape
    if rows == 0 or cols == 0:
        return []
    keep = np.unique(np.argpartition(-m, rows - 1, axis=1)[:, :rows]) if cols > rows else np.arange(cols)
    _, assigned, _ = lap.lapjv(-m[:, keep].astype(np.float64), extend_cost=True)
    pairs = [(int(i), int(keep[j])) for i, j in enumerate(assigned[:rows]) if j >= 0]
    return [(j, i) for i, j in pairs] if flipped else pairs


def match_findings(old: Sequence[Finding], new: Sequence[Finding], *, pinned: set[tuple[int, int]] = frozenset(),
                   forbidden: set[tuple[int, int]] = frozenset(), stopwords: frozenset[str] = frozenset()) -> list[Link]:
    """Links between old and new findings: pinned first, then the best one-to-one set, then merges."""
    if not old or not new:
        return [Link(i, j, 1.0, "pinned by the analyst", manual=True) for i, j in pinned]
    scores, feats = score_matrix(old, new, stopwords)
    for i, j in forbidden:
        scores[i, j] = 0.0
    links = [Link(i, j, round(float(scores[i, j]), 3), "pinned by the analyst: "
                  + explain(feats, len(old), i, j, old[i], new[j]), manual=True) for i, j in sorted(pinned)]
    taken_old, taken_new = {i for i, _ in pinned}, {j for _, j in pinned}
    free = scores.copy()
    free[list(taken_old), :] = 0.0
    free[:, list(taken_new)] = 0.0
    for i, j in best_pairs(free):
        if free[i, j] >= LINK_THRESHOLD:
            links.append(Link(int(i), int(j), round(float(free[i, j]), 3),
                              explain(feats, len(old), int(i), int(j), old[i], new[j])))
    linked_old = {link.old for link in links}
    linked_new = {link.new for link in links}
    for i in range(len(old)):
        if i in linked_old:
            continue
        j = int(np.argmax(scores[i]))
        if j in linked_new and scores[i, j] >= MERGE_THRESHOLD and (i, j) not in forbidden:
            links.append(Link(i, j, round(float(scores[i, j]), 3), "merged into a finding already linked: "
                              + explain(feats, len(old), i, j, old[i], new[j]), merged=True))
    return sorted(links, key=lambda link: (link.new, link.old))


def best_matches(old: Sequence[Finding], new: Sequence[Finding],
                 stopwords: frozenset[str] = frozenset()) -> list[Link | None]:
    """For each new finding, the old finding it is most about, where the score reaches the
    link threshold: many to one, unlike match_findings. Several recommendations of a
    thematic report or a revisit letter can follow up the same finding of an inspection."""
    if not old or not new:
        return [None] * len(new)
    scores, feats = score_matrix(old, new, stopwords)
    out: list[Link | None] = []
    for j in range(len(new)):
        i = int(np.argmax(scores[:, j]))
        score = float(scores[i, j])
        out.append(Link(i, j, round(score, 3), explain(feats, len(old), i, j, old[i], new[j]))
                   if score >= LINK_THRESHOLD else None)
    return out
