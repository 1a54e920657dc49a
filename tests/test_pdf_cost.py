"""What the PDF writer saves must not change the PDF: a paragraph without markup is not run
through reportlab's markup parser, and its lines are broken once per width rather than each
time a table measures, splits or draws it (writers.pdf_text.RLParagraph); and two patterns
reportlab compiles as it loads are compiled only if used (writers.pdf_library). The PDF is
the same, byte for byte, as one drawn without either."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.fixture
def invariant(monkeypatch):
    """reportlab's own switch for a PDF without its date and random ID, so two may be compared."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)


def test_the_pdf_is_the_one_reportlab_draws_parsing_every_paragraph_and_breaking_lines_at_every_wrap(
        default_pack, tmp_path, invariant, monkeypatch):
    """The default pack's tables split across pages and its page-1 summary is shrunk to fit: a
    paragraph wrapped at several widths, split, or moved whole to the next page."""
    from reportlab.platypus import Paragraph

    from briefing.writers import pdf, pdf_text

    pdf.render(default_pack.briefing, tmp_path / "kept.pdf")
    monkeypatch.setattr(pdf_text.RLParagraph, "__init__", Paragraph.__init__)
    monkeypatch.setattr(pdf_text.RLParagraph, "wrap", Paragraph.wrap)
    pdf.render(default_pack.briefing, tmp_path / "each-time.pdf")
    kept, each_time = (tmp_path / "kept.pdf").read_bytes(), (tmp_path / "each-time.pdf").read_bytes()
    assert kept.count(b"/Type /Page\n") >= 10  # a pack of several pages, its tables split across them
    assert kept == each_time


def test_a_paragraph_wrapped_at_a_new_width_is_broken_again():
    from reportlab.lib.styles import ParagraphStyle

    from briefing.writers.pdf_text import RLParagraph

    paragraph = RLParagraph("words " * 60, ParagraphStyle("p", fontSize=10, leading=12))
    narrow = paragraph.wrap(100, 1000)
    wide = paragraph.wrap(400, 1000)
    assert wide[1] < narrow[1] and len(paragraph.blPara.lines) == wide[1] / 12
    assert paragraph.wrap(100, 1000) == narrow and len(paragraph.blPara.lines) == narrow[1] / 12


CHECK_PATTERNS = """
import json, re
import briefing.writers.pdf
from reportlab.lib import textsplit
from reportlab.platypus import paragraph
from briefing.writers.pdf_library import UNUSED, OnFirstUse
standing_in = [type(paragraph.uri_pat) is OnFirstUse, type(textsplit.rx) is OnFirstUse]
address = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/a-report/"
print(json.dumps({
    "standing in": standing_in,
    "left in re's cache": any(isinstance(v, OnFirstUse) for v in re._cache.values()),
    "an address": paragraph.uri_pat.match(address).groups() == re.compile(*UNUSED[0]).match(address).groups(),
    "split": paragraph._uri_split_pairs(address)[-1],
    "not an address": paragraph.uri_pat.match("not an address") is None,
    "CJK": textsplit.rx.sub(r"\\1 ", "ab\u4e2d\u6587"),
}))
"""


def test_reportlab_loads_without_compiling_its_unused_patterns_and_they_work_when_used():
    """In a fresh process (this one may have loaded reportlab already)."""
    import json

    run = subprocess.run([sys.executable, "-c", CHECK_PATTERNS], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found.pop("standing in") == [True, True], "reportlab's patterns changed: update writers.pdf_library.UNUSED"
    assert found == {"left in re's cache": False, "an address": True,
                     "split": ["https://", "www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/a-report/"],
                     "not an address": True, "CJK": "ab\u4e2d \u6587 "}
