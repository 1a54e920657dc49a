"""Time matching two lists of 1,000 findings (target: under 1 s on a 2-core machine).

Run by hand:  python benchmarks/bench_matching.py
The findings are built from the theme vocabulary and common report wording, so the score
matrix, theme detection and the optimal assignment all do realistic work.
"""

from __future__ import annotations

import random
import statistics
import time

from briefing.compare.matching import match_findings
from briefing.model import Finding

SUBJECTS = ["digital evidence from mobile phones", "the allocation of crimes", "supervision of investigations",
            "registered sex offenders", "organised crime groups", "repeat and vulnerable victims",
            "stop and search", "workforce wellbeing", "recruitment and retention", "problem-solving with partners",
            "domestic abuse arrest rates", "wanted suspects on the Police National Computer", "firearms commanders",
            "the local resilience forum", "change management and benefits", "victim feedback surveys",
            "crime recording within 24 hours", "response times to 999 calls", "community engagement activities"]
VERBS = ["The force should improve", "The force should make sure it manages", "The force needs to review",
         "The force should develop a strategy for", "Northamptonshire Police should strengthen"]
TAILS = ["so that investigations are not delayed", "to keep vulnerable people safe", "in line with national guidance",
         "and evaluate what works", "with clear governance and oversight", "to reduce future demand"]


def findings(rng: random.Random, n: int) -> list[Finding]:
    return [Finding("area-for-improvement", rng.choice(["investigating-crime", "protecting-vulnerable", ""]),
                    f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(TAILS)}, "
                    f"including {rng.choice(SUBJECTS)} ({i}).") for i in range(n)]


def main(n: int = 1000, repeats: int = 5) -> None:
    rng = random.Random(7)
    old, new = findings(rng, n), findings(rng, n)
    match_findings(old[:10], new[:10])  # warm imports and the theme patterns
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        links = match_findings(old, new)
        times.append(time.perf_counter() - start)
    print(f"match_findings {n} x {n}: median {statistics.median(times):.3f} s, "
          f"best {min(times):.3f} s over {repeats} runs; {len(links)} links")


if __name__ == "__main__":
    main()
