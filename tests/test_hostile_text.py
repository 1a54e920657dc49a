"""Hostile text through every writer: nothing breaks, nothing becomes markup or a formula.

The one documented change is that control characters (other than tab and newline) are
removed on the way into a pack; Excel additionally marks text starting with =, +, - or @
with its quote prefix, which leaves the text itself unchanged.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.cleaning import clean
from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.model import Finding, Inspection, Judgement, PublicationDate
from briefing.pack import write_pack
from packs import docx_text, pdf_text

MARKUP = list("<>&\"'/\\;{}[]$%#*_|") + ["<b>", "</para>", "&amp;", "<![CDATA[", "]]>", "<br/>", "&#0;"]
CONTROL = [chr(c) for c in (0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x9B)]
RTL = ["שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c"]
EMOJI = ["🚓", "👮🏽‍♀️", "🇬🇧", "💥"]
FORMULAS = ["=1+1", "+44 20", "-3", "@SUM(A1)", "=HYPERLINK(\"http://127.0.0.1\")"]

pieces = st.one_of(st.sampled_from(MARKUP + CONTROL + RTL + EMOJI), st.text(min_size=1, max_size=12),
                   st.sampled_from(["the force should", "digital evidence", "  ", "\n", "\t"]))
hostile = st.builds(lambda start, parts: start + "".join(parts),
                    st.sampled_from(["", *FORMULAS]), st.lists(pieces, min_size=1, max_size=12))


def inspections(text: str) -> tuple[Inspection, Inspection]:
    def finding(kind: str, area: str, line: int) -> Finding:
        return Finding(kind, area, text, id=text[:20] if line == 2 else "", place=Finding.__dataclass_fields__[
            "place"].default_factory().__class__(line=line))

    old = Inspection("Testshire Police", "peel-2021-22", text or "Old", PublicationDate(2022, 3), "old.yaml",
                     (Judgement("investigating-crime", text or "Investigating crime", "adequate"),),
                     (finding("area-for-improvement", "investigating-crime", 1), finding("finding", "", 2)))
    new = Inspection("Testshire Police", "peel-2023-25", "New", PublicationDate(2024, 2, 16), "new.yaml",
                     (Judgement("investigating-crime", "Investigating crime", "requires improvement"),),
                     (finding("cause-of-concern", "investigating-crime", 3), finding("recommendation", "", 4)))
    return old, new


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
@example(text="x" * 5000)
@example(text="=cmd|' /C calc'!A0 <script>alert(1)</script> & \x00\x1b[31m שלום 🚓")
def test_every_writer_survives_hostile_text(text):
    old, new = inspections(text)
    briefing = build_briefing(compare(old, new), None, PackOptions(author=text, marking="OFFICIAL-SENSITIVE"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = {p.suffix: p for p in write_pack(briefing, Path(tmp), "pack", ["docx", "pdf", "xlsx", "json"])}
        expected = clean(text)
        model = json.loads(paths[".json"].read_text(encoding="utf-8"))
        assert model["metadata"]["author"] == expected
        if expected.strip():
            assert expected in docx_text(paths[".docx"])
        _check_workbook(paths[".xlsx"], expected)
        assert pdf_text(paths[".pdf"]).count("OFFICIAL-SENSITIVE") >= 2


def _check_workbook(path: Path, expected: str) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(str(path))
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells), "no cell may be a formula"
    texts = [c for c in cells if c.value == expected]
    if expected.strip():
        assert texts, "the text must reach the workbook unaltered"
        assert all(c.quotePrefix for c in texts if expected.startswith(("=", "+", "-", "@")))


def test_markup_characters_are_printed_not_interpreted(tmp_path):
    text = "Use <b>bold</b> & <font color='red'>red</font> for AT&T's 5 < 6 > 4"
    old, new = inspections(text)
    briefing = build_briefing(compare(old, new), None, PackOptions())
    paths = {p.suffix: p for p in write_pack(briefing, tmp_path, "pack", ["pdf", "docx"])}
    assert text in " ".join(pdf_text(paths[".pdf"]).split()) or "<b>bold</b> & <font" in pdf_text(paths[".pdf"])
    assert text in docx_text(paths[".docx"])
