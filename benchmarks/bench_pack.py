"""Time the whole `briefing pack` process for Word, PDF and Excel (target: under 1.5 s).

Run by hand:  python benchmarks/bench_pack.py
Each run is a fresh Python process, as an analyst would run it, so imports count too.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time


def main(repeats: int = 5) -> None:
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "briefing", "pack", "-o", out], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    print(f"briefing pack (docx, pdf, xlsx): median {statistics.median(times):.2f} s, "
          f"best {min(times):.2f} s over {repeats} runs")


if __name__ == "__main__":
    main()
