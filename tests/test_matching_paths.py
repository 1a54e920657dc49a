"""Matching in Python (a pack's few dozen findings) and with numpy and lap (up to a thousand
a side) give the same links, scores and reasons, ties included, so which one ran never
shows in a pack (tests/test_pack_cost.py: a pack of the bundled force never loads numpy)."""

from __future__ import annotations

import itertools
import random

import pytest
from conftest import DATA

from briefing.compare.assignment import lapjv
from briefing.compare.matching import best_matches, match_findings
from briefing.model import Finding

PYTHON, NUMPY = 10 ** 9, 0  # `small`: every pair scored and paired in Python, or none

# A handful of pieces, so that generated findings share words, repeat each other word for
# word and tie: the cases where two solvers could part ways
SUBJECTS = ["digital evidence from mobile phones", "the allocation of crimes", "supervision of investigations",
            "repeat and vulnerable victims", "workforce wellbeing", "crime recording within 24 hours"]
OPENINGS = ["The force should improve", "The force needs to review", "Northamptonshire Police should strengthen"]
AREAS = ["investigating-crime", "protecting-vulnerable", ""]


def _findings(rng: random.Random, n: int) -> list[Finding]:
    return [Finding(rng.choice(["area-for-improvement", "cause-of-concern"]), rng.choice(AREAS),
                    f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)}" + rng.choice(["", f" and {rng.choice(SUBJECTS)}"]))
            for _ in range(n)]


def _bundled() -> list[tuple[str, list[Finding]]]:
    from briefing.ingest.dataset import load_dataset

    loaded = [(p.name, list(load_dataset(p).findings)) for p in sorted(DATA.rglob("*.yaml"))]
    return [(name, findings) for name, findings in loaded if findings]


def test_every_pair_of_the_bundled_reports_is_linked_alike_either_way():
    bundled = _bundled()
    assert len(bundled) >= 8
    for (_, old), (_, new) in itertools.product(bundled, repeat=2):
        assert match_findings(old, new, small=PYTHON) == match_findings(old, new, small=NUMPY)
        assert best_matches(old, new, small=PYTHON) == best_matches(old, new, small=NUMPY)


def test_generated_pairs_full_of_ties_are_linked_alike_either_way():
    rng = random.Random(33)
    for _ in range(150):
        old, new = _findings(rng, rng.randint(0, 25)), _findings(rng, rng.randint(0, 25))
        pairs = list(itertools.product(range(len(old)), range(len(new))))
        pinned = set(rng.sample(pairs, min(len(pairs), rng.randint(0, 2))))
        forbidden = set(rng.sample(pairs, min(len(pairs), rng.randint(0, 4)))) - pinned
        python = match_findings(old, new, pinned=pinned, forbidden=forbidden, small=PYTHON)
        assert python == match_findings(old, new, pinned=pinned, forbidden=forbidden, small=NUMPY)
        assert best_matches(old, new, small=PYTHON) == best_matches(old, new, small=NUMPY)


def test_the_python_solver_pairs_as_lap_does_on_tied_and_random_costs():
    np = pytest.importorskip("numpy")
    lap = pytest.importorskip("lap")
    rng = random.Random(8)
    for _ in range(2000):
        n = rng.randint(1, 14)
        if rng.random() < 0.5:  # few distinct costs: many optimal pairings, one chosen
            cost = [[-rng.choice([0.0, 0.0, 0.3, 0.5, 1.0]) for _ in range(n)] for _ in range(n)]
        else:
            cost = [[-rng.random() for _ in range(n)] for _ in range(n)]
        assert lapjv(cost) == [int(j) for j in lap.lapjv(np.array(cost))[1]]
