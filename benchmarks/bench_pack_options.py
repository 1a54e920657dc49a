"""What an option costs the whole `briefing pack` process: alternating runs with and without it.

    python benchmarks/bench_pack_options.py tracker [--repeats 9]   # --tracker LAST.xlsx
    python benchmarks/bench_pack_options.py html [--repeats 9]      # --formats docx,pdf,xlsx,html

Target for each: within 10% of the pack without it. The tracker is the bundled pack's own
workbook with every row given an owner, a status and a note, as a quarter of use leaves it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACK = [sys.executable, "-m", "briefing", "pack"]


def _time(extra: list[str]) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([*PACK, "-o", out, *extra], check=True, capture_output=True)
        return time.perf_counter() - start


def _tracker(folder: Path) -> Path:
    from openpyxl import load_workbook

    subprocess.run([*PACK, "-o", str(folder), "--formats", "xlsx"], check=True, capture_output=True)
    path = next(folder.glob("*.xlsx"))
    book = load_workbook(str(path))
    ws = book["Actions"]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value:
            row[head.index("Owner")].value = "Supt A. Smith"
            row[head.index("Status")].value = "In progress"
            row[head.index("Progress and evidence")].value = "Policy rewritten; audit due in March"
    book.save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("option", choices=["tracker", "html"])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        extra = ["--tracker", str(_tracker(Path(work)))] if args.option == "tracker" else \
            ["--formats", "docx,pdf,xlsx,html"]
        _time([]), _time(extra)  # warm caches for both
        without, with_ = [], []
        for _ in range(args.repeats):
            without.append(_time([]))
            with_.append(_time(extra))
    a, b = statistics.median(without), statistics.median(with_)
    print(f"pack: median {a:.2f} s; pack with {args.option}: median {b:.2f} s; +{(b / a - 1) * 100:.1f}% "
          f"over {args.repeats} alternating runs")


if __name__ == "__main__":
    main()
