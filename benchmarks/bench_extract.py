"""Time extracting a 100-page PDF report (target: 0.3 s median on a 2-core machine).

Run by hand:  python benchmarks/bench_extract.py
The PDF is built from the 2021/22 seed report (../shared/seeds) repeated to 100 pages,
with running headers and page numbers, using the same builder the tests use. It prints
the wall time and the CPU time (this process and the second page reader together), with
pages read in two processes (what `briefing extract` does on two cores) and in one.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfs import build_pdf, seed_lines

from briefing.extract import extract, pdf_pages

SEED = ROOT.parent / "shared" / "seeds" / "001_39753400560db361.txt"


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(pdf: Path, repeats: int):
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), _cpu()
        result = extract(pdf)
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return walls, cpus, result


def main(repeats: int = 9) -> None:
    from pypdf import PdfReader

    lines = seed_lines(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        copies = 1
        while True:
            build_pdf(lines * copies, pdf, header="Northamptonshire Police - PEEL 2021/22")
            pages = len(PdfReader(str(pdf)).pages)
            if pages >= 100:
                break
            copies += 1
        extract(pdf)  # the libraries loaded, as in a process that has read one report already
        walls, cpus, result = _timed(pdf, repeats)
        parallel_pages = pdf_pages.PARALLEL_PAGES
        pdf_pages.PARALLEL_PAGES = 10 ** 9
        one_walls, one_cpus, _ = _timed(pdf, repeats)
        pdf_pages.PARALLEL_PAGES = parallel_pages
    print(f"extract {pages}-page PDF: median {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU "
          f"(best {min(walls):.2f} s) over {repeats} runs, pages read in two processes; in one: "
          f"{statistics.median(one_walls):.2f} s wall, {statistics.median(one_cpus):.2f} s CPU; {result.summary()}")


if __name__ == "__main__":
    main()
