"""Every reading of the shared texts and the test PDFs, dumped for a byte-for-byte diff.

Run by hand:  python benchmarks/dump_readings.py OUT.txt
Why: a change made for speed must not change what is read at all; the scorers count only
what they score, this compares every dataset and every warning with its place. Diff the
dump of the code before a change with the dump after it. The texts are read in this
process (`extract_all`); the PDFs are built by the tests' own builder (tests/pdfs.py): the
five seeds in one to three columns, the 2021/22 seed twice (read in two processes) and the
105-page report of benchmarks/bench_extract.py.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench_extract import build_report
from pdfs import build_pdf, seed_lines

from briefing.errors import InputError
from briefing.extract import extract_all
from briefing.ingest.dataset import dump_dataset

SHARED = ROOT.parent / "shared"
FOLDERS = ("seeds", "northamptonshire", "corpus", "corpus-2", "corpus-3", "thematic", "thematic-2")
HEADER = "Northamptonshire Police - PEEL 2021/22"


def _texts() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((SHARED / folder).rglob("*"))
            if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm", ".pdf")]


def _pdfs(tmp: Path) -> list[Path]:
    built = []
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        lines = seed_lines(seed)
        for columns in (1, 2, 3):
            built.append(build_pdf(lines, tmp / f"{seed.stem}-{columns}.pdf", columns=columns, header=HEADER))
        built.append(build_pdf(lines * 2, tmp / f"{seed.stem}-twice.pdf", header=HEADER))
    build_report(tmp / "bench-105.pdf")
    built.append(tmp / "bench-105.pdf")
    return built


def _dump(path: Path, name: str) -> str:
    try:
        results = extract_all(path)
    except InputError as exc:
        return f"== {name}\nrefused: {exc}\n"
    out = [f"== {name}"]
    for result in results:
        out.append(dump_dataset(result.inspection, "json"))
        out.append(f"summary: {result.summary()}")
        out += [f"warning: {w.text} @ {w.place}" for w in result.said]
        out += [f"earlier: {s}" for s in result.earlier]
        seen = "\n".join(f"{l.page}:{l.line}:{l.text}" for l in result.lines)
        out.append(f"lines: {len(result.lines)} {hashlib.sha256(seen.encode()).hexdigest()}")
    return "\n".join(out) + "\n"


def main(out: str) -> None:
    with open(out, "w", encoding="utf-8") as dump, tempfile.TemporaryDirectory() as tmp:
        for path in _texts():
            dump.write(_dump(path, str(path.relative_to(SHARED))))
        for path in _pdfs(Path(tmp)):
            dump.write(_dump(path, path.name).replace(tmp, "TMP"))


if __name__ == "__main__":
    main(sys.argv[1])
