"""How time grows: packs with more findings and longer records, and extracting many texts.

Run by hand:  python benchmarks/bench_growth.py [findings|record|extract|all] [--repeats 3]

- findings: one pair of inspections of a made-up force with 10, 100 and 1,000 findings each
  (1,000 is the most a dataset may hold), half of them raised again in other words;
- record: a force's record of 2 to 20 reports (up to 9 PEEL inspections, one a cycle, then
  national reports in the register and the tracker), 30 findings each;
- extract: the corpus texts of ../shared (corpus/ and corpus-2/) read in turn, 100, 300 and
  1,000 of them.

Each pack is the whole `briefing pack` process (Word, PDF, Excel), as an analyst runs it;
the median of --repeats runs. The last column is time per unit, which stays flat where
growth is linear.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PEEL = [("crime-2014", "2014-11-01"), ("core-business-2014", "2014-12-01"), ("peel-2015", "2016-02-18"),
        ("peel-2016", "2017-03-02"), ("peel-2017", "2018-03-22"), ("peel-2018-19", "2019-09-27"),
        ("peel-2021-22", "2021-11-24"), ("peel-2023-25", "2024-02-16"), ("peel-2025-27", "2026-03-12")]
AREAS = ["investigating-crime", "protecting-vulnerable", "responding-to-public", "preventing-crime",
         "managing-offenders", "public-treatment", "workforce"]
VERBS = ["improve", "review", "make sure of", "strengthen", "monitor", "understand", "reduce delays in"]
OBJECTS = ["how it supervises investigations", "the quality of its crime records", "its response to domestic abuse",
           "how it records equality data", "the wellbeing support for its workforce", "the timeliness of 999 calls",
           "how it manages registered sex offenders", "its use of stop and search", "how it vets new recruits",
           "its problem-solving with partners", "how it identifies repeat victims", "its digital forensics backlog"]
QUALIFIERS = ["in every district", "for vulnerable victims", "across the force", "with clear targets",
              "through better training", "using its own data", "within six months", "for all staff"]


def _finding(rng: random.Random, i: int) -> str:
    return (f"The force should {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)} "
            f"(case {i}: {rng.choice(OBJECTS).split()[-1]} {rng.choice(QUALIFIERS).split()[-1]}).")


def _dataset(path: Path, cycle: str, published: str, texts: list[str], report_type: str = "") -> Path:
    lines = ["force: Growshire Police", f"published: {published}"]
    lines += [f"report_type: {report_type}", f"title: National report {path.stem}", "covers: [all]"] if report_type \
        else [f"cycle: {cycle}"]
    lines.append("findings:")
    kind = "recommendation" if report_type else "area-for-improvement"
    for n, text in enumerate(texts):
        area = "" if report_type else f", area: {AREAS[n % len(AREAS)]}"
        lines.append(f"  - {{kind: {kind}, text: '{text}'{area}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _pack_seconds(paths: list[Path], repeats: int) -> float:
    old, new, *record = paths
    command = [sys.executable, "-m", "briefing", "pack", str(old), str(new)]
    for extra in record:
        command += ["--record", str(extra)]
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([*command, "-o", out, "--date", "2026-12-02"], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def findings(repeats: int) -> None:
    print("findings per inspection | pack (s) | ms per finding")
    for n in (10, 100, 1000):
        rng = random.Random(n)
        olds = [_finding(rng, i) for i in range(n)]
        news = [t.replace("The force should", "The force needs to") for t in olds[: n // 2]] + \
            [_finding(rng, n + i) for i in range(n - n // 2)]
        with tempfile.TemporaryDirectory() as tmp:
            pair = [_dataset(Path(tmp) / "old.yaml", *PEEL[6], olds), _dataset(Path(tmp) / "new.yaml", *PEEL[7], news)]
            seconds = _pack_seconds(pair, repeats)
        print(f"{n:>23,} | {seconds:8.2f} | {1000 * seconds / n:14.2f}")


def record(repeats: int) -> float:
    print("reports on file | pack (s) | ms per report")
    per_ten = 0.0
    for k in (2, 5, 10, 20):
        rng = random.Random(k)
        with tempfile.TemporaryDirectory() as tmp:
            peel = PEEL[-min(k, len(PEEL)):]
            paths = [_dataset(Path(tmp) / f"{cycle}.yaml", cycle, day, [_finding(rng, i) for i in range(30)])
                     for cycle, day in peel]
            paths += [_dataset(Path(tmp) / f"national-{j}.yaml", "", f"20{15 + j // 2:02d}-{1 + j % 12:02d}-15",
                               [_finding(rng, i) for i in range(30)], "thematic") for j in range(k - len(peel))]
            pair = paths[len(peel) - 2:len(peel)]  # the two newest PEEL inspections; the rest go on --record
            rest = paths[:len(peel) - 2] + paths[len(peel):]
            seconds = _pack_seconds([*pair, *rest], repeats)
        if k == 10:
            per_ten = seconds
        print(f"{k:>15} | {seconds:8.2f} | {1000 * seconds / k:13.1f}")
    return per_ten


def extract(repeats: int) -> None:
    from briefing.extract import extract_all

    texts = sorted((SHARED / "corpus" / "texts").glob("*")) + sorted((SHARED / "corpus-2" / "texts").glob("*"))
    if not texts:
        sys.exit(f"{SHARED} has no corpus texts: clone the project with ../shared beside it")
    print(f"texts extracted ({len(texts)} distinct, in turn) | s | ms per text")
    for n in (100, 300, 1000):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            for i in range(n):
                extract_all(texts[i % len(texts)])
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        print(f"{n:>44,} | {seconds:5.2f} | {1000 * seconds / n:11.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", default="all", choices=["findings", "record", "extract", "all"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.what in ("findings", "all"):
        findings(args.repeats)
    if args.what in ("record", "all"):
        ten = record(args.repeats)
        print(f"the largest office's work, 43 forces x 10 reports, one pack each: about {43 * ten:.0f} s in turn")
    if args.what in ("extract", "all"):
        extract(args.repeats)


if __name__ == "__main__":
    main()
