"""Text as a reader sees it: the same page, as HTML and as a PDF, has one visible grade for
investigating crime ("adequate") and false ones hidden in every way a page can hide text;
only the visible one is read, in both formats, by one rule (extract.visible). Text a
browser does show (a declarative shadow root, an iframe's srcdoc, a <noscript> on a page
that is empty without it, white text on a dark banner, an OCR layer over a scan) is read.
Unicode is read as it is shown, and a turned PDF reads as an upright one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed

from briefing.extract import extract

TITLE = "Northshire Police PEEL 2021/22 inspection report"
VISIBLE = "Investigating crime: Adequate"
BANNER = "Treatment of the public: Good"  # white on a dark banner: seen
HIDDEN = {  # how each false grade is hidden, in CSS and in a PDF's drawing
    "white on white": "Responding to the public: Inadequate",
    "no colour": "Protecting vulnerable people: Inadequate",
    "no size": "Preventing crime: Inadequate",
    "off the page": "Managing offenders: Inadequate",
}


def _grades(path: Path) -> dict[str, str]:
    return {j.area: j.grade for j in extract(path).inspection.judgements}


def _html(tmp_path: Path) -> Path:
    page = f"""<html><head><style>
      .ghost {{ color: #ffffff }} .tiny {{ font-size: 0 }} #away {{ position: absolute; left: -9999px }}
      .banner {{ background-color: #1d3557; color: white }} .gone {{ display: none }}
      @media print {{ .onpaper {{ display: none }} }}
    </style></head><body>
    <h1>{TITLE}</h1><p>{VISIBLE}</p>
    <p class="ghost">{HIDDEN['white on white']}</p>
    <p style="color: rgba(0, 0, 0, 0)">{HIDDEN['no colour']}</p>
    <p class="tiny">{HIDDEN['no size']}</p>
    <p id="away">{HIDDEN['off the page']}</p>
    <div class="gone"><p>Leadership and force management: Inadequate</p></div>
    <div style="visibility: hidden"><p>Developing a positive workplace: Inadequate</p></div>
    <p class="banner onpaper">{BANNER}</p>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return path


def _pdf(tmp_path: Path) -> Path:
    from reportlab.lib.colors import Color, black, white
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "page.pdf"
    c = Canvas(str(path))
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, TITLE)
    c.drawString(72, 740, VISIBLE)
    c.setFillColor(white)
    c.drawString(72, 720, HIDDEN["white on white"])
    c.setFillColor(black)
    text = c.beginText(72, 700)
    text.setTextRenderMode(3)  # invisible: painted in no colour
    text.textLine(HIDDEN["no colour"])
    text.setTextRenderMode(0)
    c.drawText(text)
    c.setFont("Helvetica", 0.2)
    c.drawString(72, 680, HIDDEN["no size"])
    c.setFont("Helvetica", 11)
    c.drawString(-5000, 660, HIDDEN["off the page"])
    c.saveState()
    c.setFillColor(Color(0, 0, 0, alpha=0))
    c.drawString(72, 640, "Leadership and force management: Inadequate")
    c.restoreState()
    c.setFillColor(Color(0.11, 0.2, 0.34))
    c.rect(60, 590, 400, 30, fill=1, stroke=0)
    c.setFillColor(white)
    c.drawString(72, 600, BANNER)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("make", [_html, _pdf], ids=["html", "pdf"])
def test_only_what_a_reader_sees_is_read_in_html_and_pdf_alike(tmp_path, make):
    path = make(tmp_path)
    assert _grades(path) == {"investigating-crime": "adequate", "public-treatment": "good"}


def test_a_pdf_says_where_it_left_text_out(tmp_path):
    result = extract(_pdf(tmp_path))
    assert ("text no reader would see (white on white, invisible, off the page or at no size) was left out: page 1 "
            "(5 lines)") in result.warnings


def test_an_ocr_layer_over_a_scan_is_read(tmp_path):
    """A scanned page's text is invisible by design, drawn over the picture of the page."""
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

    picture = tmp_path / "scan.png"
    Image.new("RGB", (600, 800), (250, 250, 245)).save(picture)
    path = tmp_path / "ocr.pdf"
    c = Canvas(str(path))
    c.drawImage(str(picture), 0, 0, 612, 792)
    text = c.beginText(72, 740)
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 11)
    text.textLine(TITLE)
    text.textLine(VISIBLE)
    c.drawText(text)
    c.showPage()
    c.save()
    assert _grades(path) == {"investigating-crime": "adequate"}


PAGES_A_BROWSER_SHOWS = {
    "shadow root": f"<report-view><template shadowrootmode='open'><h1>{TITLE}</h1><p>{VISIBLE}</p></template>"
                   "<p>Investigating crime: Inadequate</p></report-view>",  # the host's own child: no slot, not shown
    "shadow root with a slot": f"<report-view><template shadowrootmode='open'><h1>{TITLE}</h1><slot></slot></template>"
                               f"<p>{VISIBLE}</p></report-view>",
    "noscript": f"<div id='app'></div><script>render()</script><noscript><h1>{TITLE}</h1><p>{VISIBLE}</p></noscript>",
    "srcdoc": f"<iframe srcdoc='&lt;h1&gt;{TITLE}&lt;/h1&gt;&lt;p&gt;{VISIBLE}&lt;/p&gt;'>"
              "<p>Investigating crime: Inadequate</p></iframe>",
}


@pytest.mark.parametrize("name", sorted(PAGES_A_BROWSER_SHOWS))
def test_what_a_browser_shows_is_read(tmp_path, name):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{PAGES_A_BROWSER_SHOWS[name]}</body></html>", encoding="utf-8")
    assert _grades(path) == {"investigating-crime": "adequate"}


def test_a_noscript_beside_the_real_page_is_not_read(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><h1>{TITLE}</h1><p>{VISIBLE}</p><p>{'The force should improve. ' * 12}</p>"
                    "<noscript><p>Investigating crime: Inadequate</p></noscript></body></html>", encoding="utf-8")
    assert _grades(path) == {"investigating-crime": "adequate"}


@pytest.mark.parametrize(("written", "grade"), [
    ("Investigating crime: \uff41\uff44\uff45\uff51\uff55\uff41\uff54\uff45", "adequate"),  # fullwidth letters
    ("Investigating crime: \u202eetauqeda\u202c", "adequate"),  # shown left to right as "adequate"
    ("Investigating crime: ade\u200bqua\u2060te", "adequate"),  # zero-width characters inside the word
    ("Investigating crime: goo\u0064\u00b9", "good"),  # a footnote mark after the grade
])
def test_text_is_read_as_it_is_shown(tmp_path, written, grade):
    path = tmp_path / "report.txt"
    path.write_text(f"{TITLE}\n{written}\n", encoding="utf-8")
    assert _grades(path) == {"investigating-crime": grade}


@pytest.mark.parametrize("how", ["page turned", "text turned"])
def test_a_turned_pdf_reads_as_an_upright_one(tmp_path, how):
    """Every area for improvement of the 2021/22 report, whichever way its pages are turned:
    a /Rotate on each page, or the text drawn turned on landscape pages shown upright."""
    from pdfs import build_pdf, seed_lines
    from pypdf import PdfWriter, Transformation

    upright = build_pdf(seed_lines(seed("peel-2021-22")), tmp_path / "upright.pdf", header="Northshire - PEEL")
    writer = PdfWriter(clone_from=str(upright))
    for page in writer.pages:
        if how == "page turned":
            page.rotate(90)
        else:
            height, width = float(page.mediabox.height), float(page.mediabox.width)
            page.add_transformation(Transformation().rotate(90).translate(height, 0))
            page.mediabox.upper_right = (height, width)
            page.rotate(270)
    turned = tmp_path / "turned.pdf"
    writer.write(str(turned))
    expected = extract(upright).inspection
    found = extract(turned).inspection
    assert len(expected.findings) == 19
    assert [f.text for f in found.findings] == [f.text for f in expected.findings]
    assert {j.area: j.grade for j in found.judgements} == {j.area: j.grade for j in expected.judgements}
