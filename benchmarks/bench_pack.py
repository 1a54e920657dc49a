"""The whole `briefing pack` process (Word, PDF, Excel) as a ratio to the floor.

The floor (../shared/bench/floor.py) is the bare libraries writing a pack of similar size:
no comparison, no templates, no checks. Runs alternate pack / floor in one go, each a fresh
Python process as an analyst would run it, so imports count too. Wall time and CPU time
(the process and its writer workers) are both reported. Target: wall <= 1.2, CPU <= 1.5.

    python benchmarks/bench_pack.py [--repeats 7] [--floor-python PATH]

--floor-python is the interpreter for floor.py; by default this one (which also has
numpy, because the project needs it). The shared README's minimal venv without numpy is
the strict floor: python3 -m venv /tmp/floor-venv && /tmp/floor-venv/bin/pip install
python-docx reportlab openpyxl pillow
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "floor.py"


def _time(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and every worker it started)."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([*command, out], check=True, capture_output=True, cwd=FLOOR.parent)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--floor-python", default=sys.executable)
    args = parser.parse_args()
    if not FLOOR.exists():
        sys.exit(f"{FLOOR} is absent: clone the project with ../shared beside it")
    pack = [sys.executable, "-m", "briefing", "pack", "-o"]
    floor = [args.floor_python, str(FLOOR), "--outdir"]
    _time(pack), _time(floor)  # warm the disk cache for both
    packs, floors = [], []
    for _ in range(args.repeats):
        packs.append(_time(pack))
        floors.append(_time(floor))
    for i, what in ((0, "wall"), (1, "CPU")):
        p, f = statistics.median(x[i] for x in packs), statistics.median(x[i] for x in floors)
        ratios = sorted(a[i] / b[i] for a, b in zip(packs, floors))
        print(f"{what}: briefing pack median {p:.2f} s, floor median {f:.2f} s; ratio {p / f:.2f} "
              f"(pairs {ratios[0]:.2f}-{ratios[-1]:.2f}) over {args.repeats} alternating runs")

if __name__ == "__main__":
    main()
