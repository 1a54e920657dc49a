"""A Word report read as a reader sees it: text Word does not show (the Hidden effect on a
run or by its style), text at no size, and text coloured as what lies behind it (white on
the page, black on a black cell) are left out, by the one rule HTML and PDF follow
(extract/visible.py); text coloured to stand out on shading is read. Each document is built
here with python-docx: a visible grade for preventing crime, and the planted, unseen
'Investigating crime: Inadequate' that must never be read."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, RGBColor

from briefing.extract import extract

PLANTED = "Investigating crime: Inadequate"


def _report(tmp_path, plant) -> object:
    document = docx.Document()
    document.add_heading("PEEL 2023-2025: An inspection of Northamptonshire Police", 1)
    document.add_paragraph("Published on: 16 February 2024")
    document.add_paragraph("Preventing crime: Adequate")
    plant(document)
    path = tmp_path / "report.docx"
    document.save(str(path))
    return extract(path)


def _shade(element, fill: str, where: str = "w:pPr") -> None:
    """Shading behind a paragraph (w:pPr) or a table cell (w:tcPr)."""
    props = element.find(parse_xml(f"<{where} {nsdecls('w')}/>").tag)
    if props is None:
        props = parse_xml(f"<{where} {nsdecls('w')}/>")
        element.insert(0, props)
    props.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def hidden(document):
    document.add_paragraph().add_run(PLANTED).font.hidden = True


def hidden_by_style(document):
    style = document.styles.add_style("Unshown", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    document.add_paragraph().add_run(PLANTED, style="Unshown")


def white_on_the_page(document):
    document.add_paragraph().add_run(PLANTED).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def at_no_size(document):
    document.add_paragraph().add_run(PLANTED).font.size = Pt(0)


def black_on_a_black_cell(document):
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run(PLANTED).font.color.rgb = RGBColor(0, 0, 0)
    _shade(cell._tc, "000000", "w:tcPr")


def near_white_in_a_visible_run(document):
    paragraph = document.add_paragraph()
    paragraph.add_run("The force is good at managing offenders. ")
    paragraph.add_run(PLANTED).font.color.rgb = RGBColor(0xFA, 0xFA, 0xFA)


@pytest.mark.parametrize("plant", [hidden, hidden_by_style, white_on_the_page, at_no_size, black_on_a_black_cell,
                                   near_white_in_a_visible_run])
def test_text_a_reader_does_not_see_in_word_is_not_read(tmp_path, plant):
    result = _report(tmp_path, plant)
    grades = {j.area: j.grade for j in result.inspection.judgements}
    assert "investigating-crime" not in grades and grades["preventing-crime"] == "adequate"
    assert all(PLANTED not in line.text for line in result.lines)
    assert "text no reader would see (hidden, white on white or at no size) was left out: 1 run of the Word " \
           "document" in result.warnings


def white_on_a_dark_paragraph(document):
    paragraph = document.add_paragraph()
    paragraph.add_run(PLANTED).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    _shade(paragraph._p, "1F3864")


def automatic_colour_on_black(document):
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run(PLANTED)  # Word draws "auto" text white on a black cell
    _shade(cell._tc, "000000", "w:tcPr")


@pytest.mark.parametrize("plant", [white_on_a_dark_paragraph, automatic_colour_on_black])
def test_text_coloured_to_stand_out_on_its_shading_is_read(tmp_path, plant):
    result = _report(tmp_path, plant)
    assert {j.area: j.grade for j in result.inspection.judgements}.get("investigating-crime") == "inadequate"
    assert not any("no reader would see" in w for w in result.warnings)
