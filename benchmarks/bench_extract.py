"""Time extracting a 100-page PDF report (target: 0.25 s on a 2-core machine).

Run by hand:  python benchmarks/bench_extract.py
The PDF is built from the 2021/22 seed report (../shared/seeds) repeated to 100 pages or
more (105), with running headers and page numbers, using the same builder the tests use.
It prints the wall time and the CPU time (this process and the second page reader
together), with pages read in two processes (what `briefing extract` does on two cores)
and in one, the two kinds of run taken in turn, and the load average: on a shared
machine a second core is not always free, and the wall time of two processes says so.
Then where the CPU goes in one process: reading the file into lines (the stream budget,
pdfium's pages, page text and furniture) and the reading rules over those lines.
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

from briefing.extract import extract, extract_lines, pdf_pages
from briefing.extract.reader import read_report

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


def build_report(pdf: Path) -> int:
    """The benchmark's report written to `pdf`: the seed repeated to 100 pages or more; its pages."""
    from pypdf import PdfReader

    lines, copies = seed_lines(SEED), 1
    while True:
        build_pdf(lines * copies, pdf, header="Northamptonshire Police - PEEL 2021/22")
        pages = len(PdfReader(str(pdf)).pages)
        if pages >= 100:
            return pages
        copies += 1


def main(repeats: int = 9) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pages = build_report(pdf)
        extract(pdf)  # the libraries loaded, as in a process that has read one report already
        walls, cpus, one_walls, one_cpus = [], [], [], []
        parallel_pages = pdf_pages.PARALLEL_PAGES
        for _ in range(repeats):
            wall, cpu, result = _timed(pdf, 1)
            walls += wall
            cpus += cpu
            pdf_pages.PARALLEL_PAGES = 10 ** 9
            wall, cpu, _ = _timed(pdf, 1)
            one_walls += wall
            one_cpus += cpu
            pdf_pages.PARALLEL_PAGES = parallel_pages
        pdf_pages.PARALLEL_PAGES = 10 ** 9
        read_cpus, rule_cpus = [], []
        for _ in range(repeats):
            cpu = _cpu()
            lines, notes = read_report(pdf)
            read_cpus.append(_cpu() - cpu)
            cpu = _cpu()
            extract_lines(lines, pdf, notes=notes)
            rule_cpus.append(_cpu() - cpu)
        pdf_pages.PARALLEL_PAGES = parallel_pages
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"extract {pages}-page PDF, {repeats} runs of each kind in turn (load {load}): pages read in two processes: "
          f"median {statistics.median(walls):.2f} s wall ({min(walls):.2f}-{max(walls):.2f}), "
          f"{statistics.median(cpus):.2f} s CPU ({min(cpus):.2f}-{max(cpus):.2f}); in one: "
          f"{statistics.median(one_walls):.2f} s wall ({min(one_walls):.2f}-{max(one_walls):.2f}), "
          f"{statistics.median(one_cpus):.2f} s CPU ({min(one_cpus):.2f}-{max(one_cpus):.2f}); {result.summary()}")
    print(f"in one process, median CPU: the file read into lines {statistics.median(read_cpus):.3f} s, "
          f"the reading rules over them {statistics.median(rule_cpus):.3f} s")


if __name__ == "__main__":
    main()
