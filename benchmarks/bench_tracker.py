"""A pack carrying a tracker at the documented bound (50,000 rows): CPU and peak memory.

Run by hand:  python benchmarks/bench_tracker.py [--rows 49990] [--repeats 3] [--formats docx,pdf,xlsx]

The tracker is the bundled pack's own workbook with its Actions sheet replaced by `--rows`
rows people typed (tests/trackers.py). Each run is a fresh `briefing pack --tracker` process,
as an analyst runs it. CPU is the process's and its writers'; the peak is the largest of
their memory high-water marks (VmHWM: the pack's own, and each forked writer's, which
counts what it shares with the pack once). Targets (issue 33): under 5 s of CPU and 200 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from trackers import many_rows, measured, rewrite  # noqa: E402


def big_tracker(folder: Path, rows: int) -> Path:
    """The bundled pack's workbook with `rows` rows on its Actions sheet."""
    first = folder / "q1"
    subprocess.run([sys.executable, "-m", "briefing", "pack", "-o", str(first), "--formats", "xlsx"], check=True,
                   capture_output=True)
    return rewrite(next(first.glob("*.xlsx")), folder / "tracker.xlsx", lambda xml: many_rows(xml, rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=49_990)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--formats", default="docx,pdf,xlsx")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tracker = big_tracker(Path(folder), args.rows)
        runs = [measured("pack", "-o", Path(folder) / f"out{n}", "--tracker", tracker, "--formats", args.formats)
                for n in range(args.repeats)]
    cpu, peak = [r["cpu"] for r in runs], [r["peak_mb"] for r in runs]
    print(f"pack --tracker ({args.rows:,} rows, {args.formats}): CPU median {statistics.median(cpu):.2f} s "
          f"({min(cpu):.2f}-{max(cpu):.2f}), peak memory median {statistics.median(peak):.0f} MB "
          f"({min(peak):.0f}-{max(peak):.0f}) over {args.repeats} runs")


if __name__ == "__main__":
    main()
