"""Match findings across two inspections: the same concern in other words, years apart.

A score combines two signals an analyst can check for themselves:
- shared themes from data/themes.yaml (catches paraphrase: "telecommunication equipment"
  in 2014 and "digital strategy ... mobile phones" in 2021/22; a finding whose words name
  no theme is on its area's, briefing.compare.themes.finding_themes), and
- shared key terms, weighted by how rare they are across both reports (TF-IDF cosine on
  stemmed words), which rewards specific wording and ignores "the force should".
One-to-one links come from an optimal assignment (Jonker-Volgenant, briefing.compare.assignment)
on that score, so two old findings never both claim the same new one by accident; an old
finding that clearly belongs with an already-linked new one is then kept as a documented merge.

A pack compares a few dozen findings at a time: those are scored and paired in Python. Large
inputs (up to 1,000 findings a side) use numpy's matrix products and lap, imported only then.
Both give the same scores to the bit and so the same links: every weight is a whole multiple
of 2^-20 (_on_grid), so each product of two weights is exact in a double, and so is any sum
of them, whatever order numpy or Python adds them in.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.compare.assignment import lapjv
from briefing.compare.concerns import by_concern, by_finding
from briefing.compare.links import Link
from briefing.compare.themes import finding_themes, theme_name, themes_of
from briefing.model import Finding
from briefing.statements import Improvement
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
class _Features:
    themes: list[frozenset[str]]
    theme_weights: list[float]  # each finding's weight on each of its themes (L2-normalised)
    terms: list[dict[int, float]]  # each finding's L2-normalised TF-IDF weights, by index into vocab
    vocab: list[str]
    shown: list[dict[str, str]]  # stem -> a real word it came from, for reasons


MAX_TERM_CELLS = 12_500_000  # findings x shared terms numpy holds at once (100 MB); real pairs use a few thousand
SMALL = 10_000  # old x new pairs scored in Python; more, and numpy's products are quicker than its import
GRID = float(2 ** 20)


def _on_grid(weight: float) -> float:
    """The nearest whole multiple of 2^-20 (about a millionth): two such weights below 1 have an
    exact product (40 bits), and sums of fewer than 8,192 such products are exact too."""
    return round(weight * GRID) / GRID


def _features(old: Sequence[Finding], new: Sequence[Finding], stop: frozenset[str]) -> _Features:
    """TF-IDF weights over the terms both inspections use: a term on one side only adds nothing
    to any old x new score, so only its share of each finding's length is kept (in the norms)."""
    texts = [f.text for f in (*old, *new)]
    words = [_words(t, stop) for t in texts]
    docs = [set(stem(w) for w in ws) for ws in words]
    frequency: dict[str, int] = {}
    for doc in docs:
        for term in doc:
            frequency[term] = frequency.get(term, 0) + 1
    idf = {t: math.log((1 + len(docs)) / (1 + n)) + 1.0 for t, n in frequency.items()}
    norms = [math.sqrt(math.fsum(idf[t] ** 2 for t in doc)) or 1.0 for doc in docs]
    shared = set().union(*docs[:len(old)]) & set().union(*docs[len(old):]) if old and new else set()
    limit = max(MAX_TERM_CELLS // max(len(docs), 1), 1)
    vocab = sorted(shared, key=lambda t: (-idf[t], t))[:limit]  # at the cap, the rarest (most telling) terms
    index = {t: i for i, t in enumerate(vocab)}
    terms = [{index[t]: _on_grid(idf[t] / norm) for t in doc if t in index} for doc, norm in zip(docs, norms)]
    themes = [finding_themes(f) for f in (*old, *new)]
    theme_weights = [_on_grid(1 / math.sqrt(len(ts))) if ts else 0.0 for ts in themes]
    shown = [{stem(w): w for w in reversed(ws)} for ws in words]
    return _Features(themes, theme_weights, terms, vocab, shown)


def score_matrix(old: Sequence[Finding], new: Sequence[Finding], stop: frozenset[str] = frozenset(),
                 small: int = SMALL) -> tuple[list[list[float]], _Features]:
    """Scores in [0, 1] for every old x new pair (a row per old finding), plus the features
    behind them; in Python up to `small` pairs, else with numpy, to the same bits."""
    feats = _features(old, new, stop)
    score = _scores_in_python if len(old) * len(new) <= small else _scores_with_numpy
    return score(feats, old, new), feats


def _scores_in_python(feats: _Features, old: Sequence[Finding], new: Sequence[Finding]) -> list[list[float]]:
    n_old, rows = len(old), []
    for i, o in enumerate(old):
        row, mine, my_themes, my_weight = [], feats.terms[i], feats.themes[i], feats.theme_weights[i]
        for j, n in enumerate(new, start=n_old):
            theirs = feats.terms[j]
            themes = len(my_themes & feats.themes[j]) * (my_weight * feats.theme_weights[j])
            terms = sum(mine[t] * theirs[t] for t in mine.keys() & theirs.keys())
            same_area = 1.0 if o.area and o.area == n.area else 0.0
            row.append(min(max(THEME_WEIGHT * themes + TERM_WEIGHT * terms + SAME_AREA_BONUS * same_area, 0.0), 1.0))
        rows.append(row)
    return rows


def _scores_with_numpy(feats: _Features, old: Sequence[Finding], new: Sequence[Finding]) -> list[list[float]]:
    np = _numpy()
    n_old = len(old)
    terms = np.zeros((len(feats.terms), max(len(feats.vocab), 1)))
    for row, weights in enumerate(feats.terms):
        terms[row, list(weights)] = list(weights.values())
    ids = {t: i for i, t in enumerate(sorted(set().union(*feats.themes)))}
    themes = np.zeros((len(feats.themes), max(len(ids), 1)))
    for row, (ts, weight) in enumerate(zip(feats.themes, feats.theme_weights)):
        themes[row, [ids[t] for t in ts]] = weight
    codes = {area: i for i, area in enumerate({f.area for f in (*old, *new) if f.area}, start=1)}
    old_areas = np.array([codes.get(f.area, -1) for f in old])
    new_areas = np.array([codes.get(f.area, -2) for f in new])
    same_area = (old_areas[:, None] == new_areas[None, :]).astype(float)
    scores = (THEME_WEIGHT * (themes[:n_old] @ themes[n_old:].T) + TERM_WEIGHT * (terms[:n_old] @ terms[n_old:].T)
              + SAME_AREA_BONUS * same_area)
    return np.clip(scores, 0.0, 1.0).tolist()


def _numpy():
    """numpy, with its linear algebra on one thread, set before numpy loads it: the matrices here
    are a few hundred rows, and OpenBLAS starting a thread for each core at import cost a pack
    more CPU (0.12 s against 0.05 s on two cores) than every matching it does. A user's own
    setting wins."""
    for threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(threads, "1")
    import numpy

    return numpy


def explain(feats: _Features, n_old: int, i: int, j: int, old: Finding, new: Finding) -> str:
    """Why two findings were linked, in words an analyst can check against the texts."""
    parts = []
    shared = feats.themes[i] & feats.themes[n_old + j]
    if shared:
        names = ", ".join(theme_name(t).lower() for t in sorted(shared))
        parts.append(f"shared theme: {names}{_by_area(shared, old, new)}")
    mine, theirs = feats.terms[i], feats.terms[n_old + j]
    common = sorted(mine.keys() & theirs.keys())
    weights = {c: mine[c] * theirs[c] for c in common}
    top = sorted(common, key=weights.get, reverse=True)[:5]
    if top:
        words = [feats.shown[i].get(feats.vocab[c]) or feats.shown[n_old + j].get(feats.vocab[c]) for c in top]
        parts.append("shared terms: " + ", ".join(w for w in words if w))
    if old.area and old.area == new.area:
        parts.append("same area")
    return "; ".join(parts) or "no shared theme or term"


def _by_area(shared: frozenset[str], old: Finding, new: Finding) -> str:
    """Which side is on the theme by the area the report places it in, not by its words: an
    analyst checking the link looks for the theme in the area, not in the sentence."""
    sides = [side for side, finding in (("the earlier", old), ("the later", new))
             if not themes_of(finding.text) & shared]
    return f" ({' and '.join(sides)} by its area)" if sides else ""


def best_pairs(scores: list[list[float]], small: int = SMALL) -> list[tuple[int, int]]:
    """The one-to-one pairing with the highest total score, without squaring a lopsided matrix.

    On the short side each row can only ever be paired with one of its `rows` best columns
    (any other would leave a better one free), so only those columns go to the solver: one
    old finding against a thousand new ones is a 1 x 1 problem, not 1000 x 1000. Ties go
    to the lower column, so that both solvers are given the same columns.
    """
    flipped = len(scores) > len(scores[0]) if scores else False
    rows, cols = (len(scores[0]), len(scores)) if flipped else (len(scores), len(scores[0]) if scores else 0)
    if rows == 0 or cols == 0:
        return []
    pairs = (_pairs_in_python if rows * cols <= small else _pairs_with_lap)(scores, flipped, rows, cols)
    return [(j, i) for i, j in pairs] if flipped else pairs


def _pairs_in_python(scores: list[list[float]], flipped: bool, rows: int, cols: int) -> list[tuple[int, int]]:
    m = [list(column) for column in zip(*scores)] if flipped else scores
    keep = sorted({j for row in m for j in sorted(range(cols), key=lambda j: -row[j])[:rows]}) if cols > rows \
        else list(range(cols))
    cost = [[-row[j] for j in keep] for row in m]
    cost += [[0.0] * len(keep) for _ in range(len(keep) - rows)]  # square, as lap's extend_cost makes it
    return [(i, keep[j]) for i, j in enumerate(lapjv(cost)[:rows])]


def _pairs_with_lap(scores: list[list[float]], flipped: bool, rows: int, cols: int) -> list[tuple[int, int]]:
    np = _numpy()
    import lap

    m = np.array(scores, dtype=np.float64)
    m = m.T if flipped else m
    keep = np.unique(np.argsort(-m, axis=1, kind="stable")[:, :rows]) if cols > rows else np.arange(cols)
    assigned = lap.lapjv(-m[:, keep], extend_cost=True)[1]
    return [(i, int(keep[j])) for i, j in enumerate(assigned[:rows]) if j >= 0]


def match_findings(old: Sequence[Finding], new: Sequence[Finding], *, pinned: set[tuple[int, int]] = frozenset(),
                   forbidden: set[tuple[int, int]] = frozenset(), stopwords: frozenset[str] = frozenset(),
                   small: int = SMALL) -> list[Link]:
    """Links between old and new findings, concern by concern: an old finding that lists several
    concerns (concerns.concerns_of) is scored as one row per concern, so a new finding about one
    of them carries that one alone (Link.concerns), and each concern links only on a theme it
    shares; the others stay unlinked. A finding the analyst pins is matched whole."""
    rows, owners = by_concern(old, {i for i, _ in pinned})
    if len(rows) == len(old):
        return _match_rows(old, new, pinned, forbidden, stopwords, small)
    at = {i: r for r, (i, _) in reversed(list(enumerate(owners)))}  # each old finding's first row
    row_pins = {(at[i], j) for i, j in pinned}
    row_bans = {(r, j) for i, j in forbidden for r, (owner, _) in enumerate(owners) if owner == i}
    kept = [link for link in _match_rows(rows, new, row_pins, row_bans, stopwords, small)
            if link.manual or not owners[link.old][1] or finding_themes(rows[link.old]) & finding_themes(new[link.new])]
    return by_finding(kept, owners)


def _match_rows(old: Sequence[Finding], new: Sequence[Finding], pinned: set[tuple[int, int]],
                forbidden: set[tuple[int, int]], stopwords: frozenset[str], small: int) -> list[Link]:
    """Links between old and new findings: pinned first, then the best one-to-one set, then
    merges. `small`: the most pairs scored and paired in Python (tests give 0 to use numpy)."""
    if not old or not new:
        return [Link(i, j, 1.0, "pinned by the analyst", manual=True) for i, j in pinned]
    scores, feats = score_matrix(old, new, stopwords, small)
    for i, j in forbidden:
        scores[i][j] = 0.0
    links = [Link(i, j, round(scores[i][j], 3), "pinned by the analyst: "
                  + explain(feats, len(old), i, j, old[i], new[j]), manual=True) for i, j in sorted(pinned)]
    taken_old, taken_new = {i for i, _ in pinned}, {j for _, j in pinned}
    free = [[0.0 if i in taken_old or j in taken_new else score for j, score in enumerate(row)]
            for i, row in enumerate(scores)] if pinned else scores
    for i, j in best_pairs(free, small):
        if free[i][j] >= LINK_THRESHOLD:
            links.append(Link(i, j, round(free[i][j], 3), explain(feats, len(old), i, j, old[i], new[j])))
    linked_old = {link.old for link in links}
    linked_new = {link.new for link in links}
    for i, row in enumerate(scores):
        if i in linked_old:
            continue
        j = max(range(len(row)), key=row.__getitem__)  # the first of the highest, as numpy's argmax
        if j in linked_new and row[j] >= MERGE_THRESHOLD and (i, j) not in forbidden:
            links.append(Link(i, j, round(row[j], 3), "merged into a finding already linked: "
                              + explain(feats, len(old), i, j, old[i], new[j]), merged=True))
    return sorted(links, key=lambda link: (link.new, link.old))


def best_matches(old: Sequence[Finding], new: Sequence[Finding], stopwords: frozenset[str] = frozenset(),
                 small: int = SMALL) -> list[Link | None]:
    """For each new finding, the old finding it is most about, where the score reaches the
    link threshold: many to one, unlike match_findings. Several recommendations of a
    thematic report or a revisit letter can follow up the same finding of an inspection."""
    if not old or not new:
        return [None] * len(new)
    scores, feats = score_matrix(old, new, stopwords, small)
    out: list[Link | None] = []
    for j in range(len(new)):
        i = max(range(len(old)), key=lambda i: scores[i][j])
        score = scores[i][j]
        out.append(Link(i, j, round(score, 3), explain(feats, len(old), i, j, old[i], new[j]))
                   if score >= LINK_THRESHOLD else None)
    return out


def improvements_for(old: Sequence[Finding], improved: Sequence[Improvement], stopwords: frozenset[str] = frozenset(),
                     small: int = SMALL) -> list[Improvement | None]:
    """For each earlier finding, the improvement the newer source states of it, or None: one
    whose object names the finding's area ("improved the way it manages offenders"), or one
    saying the force still falls short in its area or one of those it lists or points back to
    ("still has challenges in these areas", which wins over an improvement: a finding about
    three areas has not improved because one did), else the one the matcher ties to it as it ties two findings of one concern ("had improved its
    response to the public and ... calls are now answered quickly" to "unable to answer calls
    quickly enough"). An improvement is the newer source's word on an earlier finding it does
    not list, never a finding of its own."""
    if not old or not improved:
        return [None] * len(old)
    said = [Finding("finding", i.area, i.text) for i in improved]
    scores, _ = score_matrix(old, said, stopwords, small)
    out: list[Improvement | None] = []
    first = sorted(improved, key=lambda imp: not imp.ongoing)  # "still has challenges" there outweighs "improved"
    for i, finding in enumerate(old):
        areas = set(finding.areas) | ({finding.area} if finding.area else set())
        same_area = next((imp for imp in first if imp.area and (imp.area == finding.area or imp.ongoing and
                                                                 imp.area in areas)), None)
        j = max(range(len(said)), key=scores[i].__getitem__)
        out.append(same_area or (improved[j] if scores[i][j] >= LINK_THRESHOLD else None))
    return out
