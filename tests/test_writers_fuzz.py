"""Every writer on 10,000 generated hostile strings: nothing breaks, nothing becomes a
formula or markup, and what a reader gets back is the text after the one documented
cleaning step (briefing.cleaning.clean).

Each example renders one briefing holding 100 strings (title, paragraphs, list items and
table cells), so 100 examples put 10,000 strings through each writer within CI's budget.
BRIEFING_FUZZ_EXAMPLES raises the count for a longer run (see the README).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cleaning import clean, clean_model
from briefing.document.model import Briefing, BulletList, Column, Metadata, Paragraph, Section, Sheet, Table
from briefing.writers import get_writer
from packs import docx_text, pdf_text
from test_hostile_text import hostile

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "100"))
PER_BRIEFING = 100
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
batches = st.lists(hostile, min_size=PER_BRIEFING, max_size=PER_BRIEFING)


def briefing_of(texts: list[str]) -> Briefing:
    """A briefing whose every kind of text field holds one of the strings."""
    meta = Metadata(texts[0], texts[1], texts[2], "en-GB", "OFFICIAL", (texts[3],), "1 March 2025", "1.0", "pcc")
    rows = tuple((texts[i], texts[i + 1]) for i in range(20, 60, 2))
    table = Table("Fuzz", texts[4], (Column("A", 1), Column("B", 3)), rows)
    section = Section(texts[5], 1, (*(Paragraph(t) for t in texts[6:14]), BulletList(tuple(texts[14:20])), table,
                                    *(Paragraph(t, "caveat") for t in texts[60:])))
    return clean_model(Briefing(meta, (section,), (Sheet("Fuzz", table, texts[4]),), ()))


def render(fmt: str, texts: list[str]) -> tuple[Briefing, Path, tempfile.TemporaryDirectory]:
    briefing = briefing_of(texts)
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / f"fuzz.{fmt}"
    get_writer(fmt).render(briefing, path)
    return briefing, path, folder


def shown(texts: list[str]) -> list[str]:
    return [clean(t) for t in texts if clean(t).strip()]


def squeeze(text: str) -> str:
    return "".join(text.split())


def reading_text(path: Path) -> str:
    """The PDF's text without each page's furniture (marking, page number), which a
    paragraph running over a page break would otherwise have in its middle."""
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    return "".join(re.sub(r"OFFICIAL\s*OFFICIAL\s*Page \d+ of \d+\s*$", "", text) for text in pages)


def in_order(needle: str, haystack: str) -> bool:
    """Every character of needle, in order, in haystack."""
    rest = iter(haystack)
    return all(c in rest for c in needle)


def left_to_right(text: str) -> bool:
    """reportlab sets every line left to right (it does no bidirectional layout), and PDF
    text extractors reorder Arabic or Hebrew, and the punctuation beside it, by their own
    rules; so the PDF comparison leaves such strings out (the README says so). They still go
    through the PDF writer in test_hostile_text, and are compared in Word and Excel here."""
    return not any(unicodedata.bidirectional(c) in ("R", "AL", "AN", "RLE", "RLO", "RLI")
                   or "\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
                   for c in text)  # right-to-left letters, and the marks and digits of those scripts


@FUZZ
@given(texts=batches)
def test_word_holds_every_string_as_text(texts):
    _, path, folder = render("docx", texts)
    with folder:
        body = docx_text(path)
        for text in shown(texts[4:]):
            assert squeeze(text) in squeeze(body)


@FUZZ
@given(texts=batches)
def test_pdf_text_is_the_input_after_cleaning(texts):
    texts = [t if left_to_right(t) else "rtl" for t in texts]  # see left_to_right
    _, path, folder = render("pdf", texts)
    with folder:
        body = squeeze(reading_text(path))
        for text in shown(texts[4:20] + texts[60:]):
            assert squeeze(text) in body
        for text in shown(texts[20:60]):  # cells side by side interleave line by line
            assert in_order(squeeze(text), body)


@FUZZ
@given(texts=batches)
def test_excel_holds_every_string_and_no_formula(texts):
    from openpyxl import load_workbook

    _, path, folder = render("xlsx", texts)
    with folder:
        cells = [c for ws in load_workbook(str(path)).worksheets for row in ws.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], "no cell may be a formula"
        values = {c.value for c in cells if isinstance(c.value, str)}
        for text in shown(texts[20:60]):
            assert text in values


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_a_string_longer_than_any_cell_is_kept_whole_or_said_to_be_cut(fmt):
    long = "evidence " * 5000  # 45,000 characters: more than an Excel cell holds
    texts = ["t"] * 20 + [long] * 40 + ["t"] * 40
    briefing, path, folder = render(fmt, texts)
    with folder:
        if fmt == "xlsx":
            from openpyxl import load_workbook

            cell = load_workbook(str(path))["Fuzz"]["B3"].value
            assert cell.endswith("characters; all 45,000 are in the Word and PDF briefing]") and len(cell) == 32767
        else:
            text = docx_text(path) if fmt == "docx" else pdf_text(path)
            assert text.count("evidence") >= 5000 * 40
