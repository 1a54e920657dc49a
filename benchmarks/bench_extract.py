"""Time extracting a 100-page PDF report (target: 0.3 s on a 2-core machine; today 0.43 s).

Run by hand:  python benchmarks/bench_extract.py
The PDF is built from the 2021/22 seed report (../shared/seeds) repeated to 100 pages,
with running headers and page numbers, using the same builder the tests use.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfs import build_pdf, seed_lines

from briefing.extract import extract

SEED = ROOT.parent / "shared" / "seeds" / "001_39753400560db361.txt"


def main(repeats: int = 3) -> None:
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
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            result = extract(pdf)
            times.append(time.perf_counter() - start)
    print(f"extract {pages}-page PDF: median {statistics.median(times):.2f} s, best {min(times):.2f} s "
          f"over {repeats} runs; {result.summary()}")


if __name__ == "__main__":
    main()
