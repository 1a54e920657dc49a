"""How the reader accounts for the grade words of real texts: per corpus of ../shared, the
graded judgements it read, and the grade words it did not place (each one a warning naming
its line). A word is placed when a rule read it into a grade statement or a count, or set it
aside by name (the scale explained, a quotation, another force, a national figure, an aim,
an adjective, an earlier inspection); the rest, and statements naming no area of the cycle,
are unplaced. The explicit grades found against each corpus's truth are the scorer's
(../shared/tools/score-corpus); this counts what no truth file needs.

Run by hand:  python benchmarks/bench_reading.py [CORPUS_DIR ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = ("corpus", "corpus-2", "corpus-3", "northamptonshire", "seeds", "thematic", "thematic-2")


def texts(folder: Path) -> list[Path]:
    inside = folder / "texts" if (folder / "texts").is_dir() else folder
    return sorted(p for p in inside.iterdir() if p.is_file() and p.name != "README.md" and p.suffix != ".yaml")


def measure(folder: Path) -> dict:
    from briefing.extract import extract_all
    from briefing.extract.context import Context
    from briefing.extract.reader import read_report
    from briefing.reference import reference

    out = {"texts": 0, "grade words": 0, "graded judgements": 0, "grade counts": 0, "unplaced words": 0, "seconds": 0.0}
    for path in texts(folder):
        start = time.perf_counter()
        results = extract_all(path)
        out["seconds"] += time.perf_counter() - start
        out["texts"] += 1
        for result in results:
            inspection = result.inspection
            out["graded judgements"] += len(inspection.graded)
            out["grade counts"] += len(inspection.grade_counts)
            out["unplaced words"] += sum(1 for u in inspection.unplaced if u.word)
        lines, _ = read_report(path)  # every grade word of the text, counted once
        ctx = Context.of(lines, reference().frameworks)
        out["grade words"] += sum(len(ctx.grade_words(para)) for para in ctx.paras)
    return out


def main(folders: list[Path]) -> None:
    print(f"{'corpus':<18}{'texts':>6}{'grade words':>13}{'graded read':>13}{'counts':>8}{'unplaced':>10}"
          f"{'placed':>9}{'ms/text':>9}")
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder.name:<18} absent (clone the project with ../shared beside it)")
            continue
        m = measure(folder)
        placed = 1 - m["unplaced words"] / m["grade words"] if m["grade words"] else 1.0
        print(f"{folder.name:<18}{m['texts']:>6}{m['grade words']:>13,}{m['graded judgements']:>13,}{m['grade counts']:>8,}"
              f"{m['unplaced words']:>10,}{placed:>9.1%}{1000 * m['seconds'] / max(1, m['texts']):>9.1f}")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or [SHARED / name for name in CORPORA])
