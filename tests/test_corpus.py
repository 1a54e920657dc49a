"""`briefing extract` on 60 real public texts about 22 other forces, scored by the shared
scorer against what a careful reader takes from each text (../shared/corpus/truth.yaml).

The bar is the issue's: explicit grades found >= 95%, no grade that is not in the text or
not on its cited line, no text refused, findings >= 90%, cycles >= 95%, dates >= 4 of 5.
The rules are general (a grammar of grade statements): no file, force or site is special.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCORER = ROOT.parent / "shared" / "tools" / "score-corpus"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def totals():
    if not SCORER.exists() or not (CORPUS / "truth.yaml").exists():
        pytest.skip(f"{SCORER} or {CORPUS} is absent: clone the project with ../shared beside it to run this test")
    briefing = shutil.which("briefing", path=str(Path(sys.executable).parent)) or shutil.which("briefing")
    if briefing is None:
        pytest.skip("the briefing command is not installed (pip install -e .)")
    run = subprocess.run([sys.executable, str(SCORER), "--briefing", briefing, "--json", str(CORPUS)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_explicit_grades_are_found(totals):
    assert totals["found"] / totals["explicit"] >= 0.95, totals


def test_no_grade_is_invented_or_misplaced(totals):
    assert totals["invented"] == 0 and totals["unplaced"] == 0, totals


def test_no_text_is_refused(totals):
    assert totals["refused"] == 0, totals


def test_findings_cycles_and_dates(totals):
    assert totals["findings_found"] / totals["findings"] >= 0.9, totals
    assert totals["cycle_ok"] / totals["cycle"] >= 0.95, totals
    assert totals["published_ok"] >= 4, totals
