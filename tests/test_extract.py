"""`briefing extract` against the hand-kept datasets, from text, PDF, Markdown and HTML.

Done means: on each seed the judgements are the dataset's exactly, and at least 95% of
the dataset's findings are found with at least 95% precision.
"""

from __future__ import annotations

import html
import json
import os

import pytest
from conftest import SEED_FILES, invoke, seed
from pdfs import build_pdf, seed_lines
from rapidfuzz import fuzz

from briefing.errors import InputError
from briefing.extract import extract


def judgement_set(inspection, with_lines=True):
    return {(j.area, j.grade, j.place.line if with_lines else None) for j in inspection.judgements}


def matched(expected, found, same) -> int:
    """How many expected items have a partner in found (each used once)."""
    free, hits = list(found), 0
    for item in expected:
        partner = next((f for f in free if same(item, f)), None)
        if partner is not None:
            free.remove(partner)
            hits += 1
    return hits


def by_place(a, b) -> bool:
    return a.kind == b.kind and abs((a.place.line or 0) - (b.place.line or 0)) <= 2


def by_text(a, b) -> bool:
    return a.kind == b.kind and fuzz.token_set_ratio(a.text, b.text) >= 85


@pytest.mark.parametrize("cycle", sorted(SEED_FILES))
def test_extract_reproduces_the_dataset(inspections, cycle):
    result = extract(seed(cycle))
    got, want = result.inspection, inspections[cycle]
    assert got.cycle == want.cycle and got.force == want.force
    assert judgement_set(got) == judgement_set(want)
    hits = matched(want.findings, got.findings, by_place)
    assert hits >= 0.95 * len(want.findings), f"recall {hits}/{len(want.findings)}"
    assert hits >= 0.95 * len(got.findings), f"precision {hits}/{len(got.findings)}"


@pytest.mark.parametrize("cycle,columns", [("peel-2021-22", 1), ("peel-2021-22", 2), ("peel-2017", 2),
                                           ("peel-2017", 3), ("crime-2014", 1),
                                           ("peel-2023-25", 1)])
def test_pdf_gives_the_same_result_as_text(tmp_path, cycle, columns):
    source = seed(cycle)
    pdf = build_pdf(seed_lines(source), tmp_path / "report.pdf", columns=columns,
                    header="Northamptonshire Police - PEEL inspection report")
    from_text, from_pdf = extract(source).inspection, extract(pdf).inspection
    assert from_pdf.cycle == from_text.cycle
    if columns < 3:
        assert judgement_set(from_pdf, False) == judgement_set(from_text, False)
    else:  # columns of 35 characters wrap the seed's one-line headings, which the builder sets in body type:
        # every grade read is the text's, never another, and most are read
        assert judgement_set(from_pdf, False) <= judgement_set(from_text, False)
        assert len(judgement_set(from_pdf, False)) >= 0.6 * len(judgement_set(from_text, False))
    assert all(j.place.page for j in from_pdf.judgements), "PDF items point at their page"
    hits = matched(from_text.findings, from_pdf.findings, by_text)
    assert hits >= 0.95 * len(from_text.findings) and hits >= 0.95 * len(from_pdf.findings)
    assert not any("Northamptonshire Police - PEEL inspection report" in f.text for f in from_pdf.findings)


def test_web_page_gives_the_same_grades(tmp_path):
    lines = seed("peel-2023-25").read_text(encoding="utf-8").splitlines()
    body = "".join(f"<li>{html.escape(l.strip(' •'))}</li>" if l.strip().startswith("•")
                   else f"<p>{html.escape(l)}</p>" for l in lines if l.strip())
    page = tmp_path / "article.html"
    page.write_text(f"<html><head><style>p{{}}</style><script>var x='<p>good</p>'</script></head>"
                    f"<body><ul>{body}</ul></body></html>", encoding="utf-8")
    got = extract(page).inspection
    assert judgement_set(got, False) == judgement_set(extract(seed("peel-2023-25")).inspection, False)


def test_counts_without_areas_are_kept_and_nothing_is_guessed(tmp_path):
    text = tmp_path / "press.txt"
    text.write_text("Kent Police PEEL 2023-25 report\n\nInspectors rated the force 'good' in two areas and "
                    "'adequate' in four areas.\n", encoding="utf-8")
    result = extract(text)
    assert result.inspection.judgements == ()
    assert {(c.grades, c.count) for c in result.inspection.grade_counts} == {(("good",), 2), (("adequate",), 4)}
    assert "no graded judgements found; only counts are stated" in result.warnings


def test_variant_wordings_and_typos(tmp_path):
    text = tmp_path / "news.txt"
    text.write_text("Sussex Police PEEL 2023-2025 grades\n\n- Managing orders - Require improvement\n"
                    "- Reporting data about crime - good\n- Treatment of the public: adequate\n", encoding="utf-8")
    got = extract(text).inspection
    assert judgement_set(got, False) == {("managing-offenders", "requires improvement", None),
                                         ("crime-recording", "good", None), ("public-treatment", "adequate", None)}
    assert got.force == "Sussex Police"


def test_extract_command_writes_a_dataset_and_a_summary(runner, tmp_path):
    out = tmp_path / "2021-22.yaml"
    result = invoke(runner, "extract", seed("peel-2021-22"), "-o", out)
    assert result.exit_code == 0, result.stderr
    assert ("12 judgements (10 graded), 0 causes of concern, 19 areas for improvement, 2 grade words not placed (warnings "
            "below); cycle peel-2021-22") in result.stderr
    assert 'could not tell which area of peel-2021-22 "supervisory oversight" is (good)' in result.stderr
    assert "warning: the grades table is missing from the text" in result.stderr
    assert "warning: no publication date found" in result.stderr
    check = invoke(runner, "validate", out)  # usable as it is, the date said to be not stated, and the day asked for
    assert check.exit_code == 0 and "publication date is not given ('published')" in check.stderr


def test_a_text_that_names_no_cycle_is_still_read_and_says_what_is_missing(runner, tmp_path):
    text = tmp_path / "shopping.txt"
    text.write_text("Milk, eggs, bread.\nCall the plumber on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "shopping.yaml"
    result = invoke(runner, "extract", text, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "warning: the inspection cycle could not be settled" in result.stderr
    assert "warning: the force could not be settled" in result.stderr
    check = invoke(runner, "validate", out)
    assert check.exit_code == 1 and "missing 'force'" in check.stderr and "missing 'cycle'" in check.stderr
    compared = invoke(runner, "compare", text, text)
    assert compared.exit_code == 1 and "cannot tell the cycle or force of this report" in compared.stderr


def test_compare_reads_reports_directly(runner):
    result = invoke(runner, "compare", seed("peel-2021-22"), seed("peel-2023-25"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    moves = {c["area"]: c["movement"] for c in json.loads(result.stdout)["grade_changes"]}
    assert moves["investigating-crime"] == "down" and moves["public-treatment"] == "up"


def _encrypted(path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    writer.write(str(path))


def _scanned(path):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.rect(50, 50, 300, 400, fill=1)  # a picture of a page, no text layer
    canvas.showPage()
    canvas.save()


BAD = {
    "encrypted.pdf": (_encrypted, "encrypted PDF; ask for an unprotected copy"),
    "scan.pdf": (_scanned, "the PDF has no text layer (a scan?); run it through OCR first"),
    "empty.txt": (lambda p: p.write_bytes(b""), "file is empty"),
    "corrupt.pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\x00\xff"),
                    "not a readable PDF"),
    "huge.txt": (lambda p: os.truncate(p, 200 * 1024 * 1024),  # sparse: no 200 MB written
                 "file is over 50 MB; a report is at most 50 MB"),
    "photo.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file, not a report"),
    "report.rtf": (lambda p: p.write_bytes(b"{\\rtf1\\ansi Northshire Police is good at investigating crime.}"),
                   "an RTF document: save it as PDF or plain text first"),
    "report.docx.txt": (lambda p: p.write_bytes(b"PK\x03\x04\x14\x00word/document.xml"),
                        "an Office document or other zip file (.docx, .odt ...): save it as PDF first"),
    "stamped.pdf": (lambda p: _stamped_scan(p), "the PDF has no text layer (a scan?) beyond a line stamped on every page"),
}


def _stamped_scan(path):
    """A scan whose pages each carry one stamped line of text (a scanner's footer)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for _ in range(6):
        canvas.rect(50, 80, 300, 400, fill=1)
        canvas.drawString(50, 40, "Scanned by the records office on 3 March 2024, document 0041 of the series")
        canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_reports_get_one_clear_line(runner, tmp_path, name):
    make, message = BAD[name]
    path = tmp_path / name
    path.touch()
    make(path)
    result = invoke(runner, "extract", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: {message}"), lines
    assert "Traceback" not in result.output
    with pytest.raises(InputError):
        extract(path)


# --- text read as a browser and an office read it ----------------------------------------

REPORT_TEXT = ("PEEL 2021/22: An inspection of Northshire Police\n\nNorthshire Police is adequate at investigating "
               "crime.\n\nAreas for improvement\n\n- The force should improve how it supervises investigations.\n"
               "- The force should record equality data.\n\nMain findings\n")


def _extracted(runner, path) -> dict:
    result = invoke(runner, "extract", path, "--format", "json", "--force", "Northshire Police")
    assert result.exit_code == 0, result.output
    return {"data": json.loads(result.stdout), "stderr": result.stderr}


def _grades(data) -> dict:
    return {j["area"]: j["grade"] for j in data["judgements"]}


def test_html_hidden_from_the_reader_is_not_read(runner, tmp_path):
    hidden = ('<p hidden>Northshire Police is inadequate at investigating crime.</p>'
              '<div style="display: none">Northshire Police is inadequate at investigating crime.</div>'
              '<span aria-hidden="true">Northshire Police is inadequate at investigating crime.</span>'
              '<template><p>Northshire Police is inadequate at investigating crime.</p></template>'
              '<textarea>Northshire Police is inadequate at investigating crime.</textarea>'
              '<select><option>Northshire Police is inadequate at investigating crime.</option></select>')
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Northshire Police is inadequate at investigating crime.</title></head><body>"
                    "<h1>PEEL 2021/22: An inspection of Northshire Police</h1>" + hidden +
                    "<p>Northshire Police is adequate at investigating crime.</p></body></html>", encoding="utf-8")
    assert _grades(_extracted(runner, page)["data"]) == {"investigating-crime": "adequate"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_text_not_in_utf8_is_read_in_its_own_encoding_and_said(runner, tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes((REPORT_TEXT + "The force\u2019s workforce plan is not finished; caf\u00e9 culture.\n")
                     .replace("\u2019", "'" if encoding == "latin-1" else "\u2019").encode(encoding))
    got = _extracted(runner, path)
    assert "\ufffd" not in json.dumps(got["data"])
    assert "is not UTF-8: read as" in got["stderr"]
    assert _grades(got["data"]) == {"investigating-crime": "adequate"}


def test_an_html_page_is_read_in_the_charset_it_declares(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(('<html><head><meta charset="windows-1252"></head><body><h1>PEEL 2021/22: An inspection of '
                      'Northshire Police</h1><p>Northshire Police is adequate at investigating crime.</p>'
                      '<p>The force\u2019s plan.</p></body></html>').encode("cp1252"))
    got = _extracted(runner, page)
    assert "read as windows-1252, as it declares" in got["stderr"]
    assert _grades(got["data"]) == {"investigating-crime": "adequate"}


def test_utf16_with_a_byte_order_mark_is_text(runner, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT_TEXT.encode("utf-16"))
    assert _grades(_extracted(runner, path)["data"]) == {"investigating-crime": "adequate"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text_and_said(runner, tmp_path, codec):
    path = tmp_path / "report.txt"
    path.write_bytes((REPORT_TEXT + "The force\u2019s plan.\n").encode(codec))
    got = _extracted(runner, path)
    assert f"UTF-16 without a byte order mark: read as {codec.upper()}" in got["stderr"]
    assert _grades(got["data"]) == {"investigating-crime": "adequate"}


def test_a_binary_file_is_still_refused(runner, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(range(256)) * 64)
    result = invoke(runner, "extract", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {path}: binary file, not a report (PDF, text, Markdown or HTML)"


def test_a_report_that_lost_its_line_breaks_says_so(runner, tmp_path):
    """Areas for improvement are a heading and a list: run into one line they are prose, and
    a briefing built on "0 areas for improvement" must not pass silently."""
    body = REPORT_TEXT + "\n".join(["The force has a clear plan for how it will meet demand in the next year."] * 30)
    kept, flat = tmp_path / "kept.txt", tmp_path / "flat.txt"
    kept.write_text(body, encoding="utf-8")
    flat.write_text(body.replace("\n", " "), encoding="utf-8")
    assert "line breaks" not in _extracted(runner, kept)["stderr"]
    assert "the text has almost no line breaks (1 line(s) for 2,4" in _extracted(runner, flat)["stderr"]


def test_grades_without_findings_say_where_the_findings_are(runner, tmp_path):
    path = tmp_path / "summary.txt"
    path.write_text(REPORT_TEXT.split("Areas for improvement")[0], encoding="utf-8")
    assert "no findings found; a summary or news item may not list them: check the full report" in \
        _extracted(runner, path)["stderr"]


def test_form_feeds_and_line_separators_do_not_move_cited_lines(runner, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT_TEXT.replace("\n\nArea", "\f\n\nArea").replace("crime.", "crime.\u2028"), encoding="utf-8")
    data = _extracted(runner, path)["data"]
    assert [f["line"] for f in data["findings"]] == [7, 8]  # the lines an editor shows, as in the clean text
    assert data["judgements"][0]["line"] == 3


def test_zero_width_characters_do_not_hide_a_grade(runner, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT_TEXT.replace("adequate at investigating", "ade\u200bquate at inves\u200dtigating"),
                    encoding="utf-8")
    assert _grades(_extracted(runner, path)["data"]) == {"investigating-crime": "adequate"}


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_pdf_columns_are_read_in_reading_order(tmp_path, columns):
    """The 2017 report set in one, two and three columns: every finding, as from its text."""
    source = seed("peel-2017")
    pdf = build_pdf(seed_lines(source), tmp_path / "report.pdf", columns=columns)
    from_text, from_pdf = extract(source).inspection, extract(pdf).inspection
    assert [f.text[:60] for f in from_pdf.findings] == [f.text[:60] for f in from_text.findings]


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    """The 2021/22 seed printed twice: over 40 pages, past the length read in two processes."""
    lines = seed_lines(seed("peel-2021-22"))
    path = build_pdf(lines * 2, tmp_path_factory.mktemp("long") / "report.pdf", header="Northshire - PEEL")
    return path


def _pages(path):
    import pypdfium2 as pdfium

    from briefing.extract.pdf_pages import read_pages

    document = pdfium.PdfDocument(path.read_bytes())  # as the reader opens it: from memory, no file offset to share
    try:
        return len(document), read_pages(document, str(path))
    finally:
        document.close()


def test_a_long_pdf_read_in_two_processes_reads_as_in_one(long_pdf, monkeypatch):
    from briefing.extract import pdf_pages

    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    count, in_two = _pages(long_pdf)
    assert count >= pdf_pages.PARALLEL_PAGES and forks == [1]
    monkeypatch.setattr(pdf_pages, "PARALLEL_PAGES", 10_000)
    _, in_one = _pages(long_pdf)
    assert len(forks) == 1 and in_two == in_one and sum(map(len, in_one)) > 1000


def test_a_second_reader_that_dies_is_one_line_naming_its_pages(long_pdf, monkeypatch):
    """pdfium crashing on a damaged page in the later half kills only that reader."""
    import signal

    from briefing.extract import pdf_pages

    parent, real = os.getpid(), pdf_pages.page_lines

    def crash_in_the_child(page):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(page)

    count = _pages(long_pdf)[0]
    monkeypatch.setattr(pdf_pages, "page_lines", crash_in_the_child)
    with pytest.raises(InputError) as raised:
        _pages(long_pdf)
    assert str(raised.value).endswith(f"not a readable PDF (reading pages {pdf_pages.second_from(count) + 1}-{count} "
                                      "stopped: signal 9)")


def test_a_damaged_page_in_the_later_half_is_one_line(long_pdf, monkeypatch):
    from briefing.extract import pdf_pages

    parent, real = os.getpid(), pdf_pages.page_lines

    def damaged(page):
        if os.getpid() != parent:
            raise ValueError("bad object stream")
        return real(page)

    monkeypatch.setattr(pdf_pages, "page_lines", damaged)
    with pytest.raises(InputError) as raised:
        _pages(long_pdf)
    assert str(raised.value).endswith("not a readable PDF (ValueError: bad object stream)")


def test_blank_pages_in_the_later_half_are_no_scan(tmp_path):
    """A 30-page report whose last 15 pages are charts (no text): the second reader's own
    first pages are blank, and still the document is read."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "charts.pdf"
    canvas = Canvas(str(path))
    for page in range(30):
        if page < 15:
            canvas.drawString(72, 720, f"Page {page + 1}. Northshire Police should improve how it answers calls.")
        canvas.showPage()
    canvas.save()
    count, placed = _pages(path)
    assert count == 30 and sum(1 for page in placed if page) == 15


def test_on_one_core_no_helper_is_forked(long_pdf, monkeypatch):
    """A container given one core of many: pages read in one process, formats written in turn."""
    from briefing.writer_pool import WriterPool

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked on one core"))
    count, placed = _pages(long_pdf)
    assert count > 24 and len(placed) == count and WriterPool.start(["docx", "pdf"]) is None


def test_every_grade_word_is_read_set_aside_or_said_with_its_line(tmp_path, runner):
    """A grade word in a statement the reader cannot place is never dropped in silence: the
    dataset leaves it out, and extract names its line; words that are no grade of the
    force (another force's, the scale explained) are set aside without a warning."""
    from conftest import invoke

    page = tmp_path / "page.txt"
    page.write_text("Durham Constabulary: PEEL 2023-25 inspection results\n\n"
                    "Good \u2013 at the things that matter most to the public.\n"
                    "Forces are graded outstanding, good, adequate, requires improvement or inadequate.\n"
                    "Neighbouring Cleveland Police was rated outstanding at preventing crime.\n"
                    "The force was rated good at preventing crime.\n", encoding="utf-8")
    result = invoke(runner, "extract", str(page), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "1 judgements (1 graded)" in result.stderr and "1 grade word not placed" in result.stderr
    assert 'line 3: could not tell which area of peel-2023-25 "the things that matter most to the public" is (good)' \
        in result.stderr
    assert "line 5" not in result.stderr and "line 4" not in result.stderr
    data = __import__("json").loads(result.stdout)
    assert [(j["area"], j["grade"], j["line"], j["how"]) for j in data["judgements"]] == [
        ("preventing-crime", "good", 6, "sentence")]
    assert "unplaced" not in data


def test_a_sentence_no_rule_can_place_is_named_by_its_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Durham Constabulary: PEEL 2023-25 inspection results\n\nThe force is good, officers say, "
                    "and good again.\n", encoding="utf-8")
    result = extract(page)
    assert [(u.word, u.place.line) for u in result.inspection.unplaced] == [("good", 3), ("good", 3)]
    assert "line 3: 'The force is good, officers say, and good again.' reads like a grade statement that was not " \
           "placed" in result.warnings


# A report's text as it was printed: wrapped lines, a blank line between paragraphs. The
# same report saved as a web page with one <p> per printed line has a blank line between
# every line; its paragraphs are rebuilt from the lines, so it reads the same. Planted: a
# cause of concern wrapped over two lines (read as two without the rebuild), two areas for
# improvement, bullets each wrapped over two lines, and a grade under its heading.
PRINTED = """PEEL 2023-25: An inspection of Northshire Police

Investigating crime

Requires improvement

The force is not investigating crime well enough. Too many investigations
are not supervised, and victims are not kept informed about what is
happening with their case.

Cause of concern

The force does not supervise its investigations well enough, and too many
victims are not told what is happening with their case.

Areas for improvement

• The force should make sure that its investigations are supervised and that
supervisors record what they have checked and why.
• The force should make sure that victims are kept informed about their case
at the times the victims' code sets.

Main findings

Officers told us that they have too many cases to carry.
"""


def test_a_report_saved_as_one_block_per_printed_line_reads_as_its_text_does(tmp_path):
    import html

    text = tmp_path / "report.txt"
    text.write_text(PRINTED, encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text("<html><body>" + "".join(f"<p>{html.escape(line)}</p>\n" for line in PRINTED.splitlines()
                                           if line.strip()) + "</body></html>", encoding="utf-8")
    printed, saved = extract(text), extract(page)

    def read(result):
        i = result.inspection
        return ([(j.area, j.grade) for j in i.judgements], [(f.kind, f.text) for f in i.findings])

    assert read(saved) == read(printed)
    assert [f.text for f in saved.inspection.findings] == [
        "The force does not supervise its investigations well enough, and too many victims are not told what is "
        "happening with their case.",
        "The force should make sure that its investigations are supervised and that supervisors record what they have "
        "checked and why.",
        "The force should make sure that victims are kept informed about their case at the times the victims' code sets."]


def test_a_web_page_of_real_paragraphs_keeps_them(tmp_path):
    """A page whose blocks are whole paragraphs (each ends its sentence) is not rebuilt."""
    from briefing.extract.reader import read_report
    from briefing.extract.text import isolated

    page = tmp_path / "news.html"
    page.write_text("<p>Northshire Police was rated good at preventing crime.</p>" * 12, encoding="utf-8")
    lines, _ = read_report(page)
    assert not isolated(lines)


# --- which force a page is about ------------------------------------------------------------

@pytest.mark.parametrize("listing", [
    "Three forces piloted the new approach. These forces were:\n- Cumbria Constabulary;\n- Dorset Police; and\n"
    "- Kent Police.\n",
    "Three forces piloted the new approach. These forces were:\n\n- Cumbria Constabulary\n- Dorset Police\n"
    "- Kent Police\n",
    "Three forces piloted the new approach:\nCumbria Constabulary,\nDorset Police and\nKent Police.\n",
])
def test_forces_listed_in_a_sentence_head_no_part_of_the_page(tmp_path, listing):
    """A list of the forces in a pilot is a sentence's items, not a heading per force: the
    page is one force's report (a wrong 'about 2 forces' refused its pairs)."""
    from briefing.extract import extract_all

    page = tmp_path / "kent-2021-22.txt"
    page.write_text("PEEL 2021/22: Kent Police\n\n" + listing +
                    "\nKent Police is good at investigating crime.\n", encoding="utf-8")
    results = extract_all(page)
    assert [(r.inspection.force, judgement_set(r.inspection, False)) for r in results] == [
        ("Kent Police", {("investigating-crime", "good", None)})]


def test_an_area_only_one_cycle_grades_with_the_scale_settles_the_cycle_weakly(tmp_path):
    """'Good use of (its) resources' is an area PEEL 2021/22 alone grades; beside the five-tier
    scale it settles that cycle, with a warning that no date or label names it. Without the
    area the text names no cycle (the scale fits three)."""
    from briefing.extract import extract

    news = ("Kent Police praised by inspectors\n\nThe force was rated good at preventing crime and making good use "
            "of its resources.\n\nIt is now graded adequate or better in every area.\n")
    path = tmp_path / "news.txt"
    path.write_text(news, encoding="utf-8")
    result = extract(path)
    assert result.inspection.cycle == "peel-2021-22"
    assert any(w.startswith("the cycle (PEEL 2021/22) was settled only from") for w in result.warnings)
    path.write_text(news.replace("making good use of its resources", "investigating crime"), encoding="utf-8")
    assert extract(path).inspection.cycle == ""


def test_a_response_keeps_the_line_and_the_rule_that_dated_it_through_its_dataset(tmp_path):
    """Response.how: the dataset says which rule read the response's date, and from which
    line, as it does for every other fact; a person's own response has neither."""
    from briefing.extract import extract
    from briefing.ingest.dataset import load_dataset, to_dataset

    page = tmp_path / "response.txt"
    page.write_text("SOURCE: https://www.northshire-pcc.gov.uk/statutory-response/custody/\nResponse to HMICFRS report\n"
                    "The Police and Crime Commissioner sent the following letter to the Home Secretary on 4 June 2024, "
                    "in response to the report.\n", encoding="utf-8")
    data = to_dataset(extract(page).inspection)
    assert {k: data["response"][k] for k in ("date", "line", "how")} == {"date": "2024-06-04", "line": 3,
                                                                         "how": "sent-letter"}
    saved = tmp_path / "response.yaml"
    saved.write_text(__import__("yaml").safe_dump({**data, "force": "Kent Police", "report_type": "peel", "cycle": "peel-2023-25",
                                                             "published": "2024-04-10"}), encoding="utf-8")
    response = load_dataset(saved).response
    assert (response.how, response.place.line) == ("sent-letter", 3)


def test_a_response_page_naming_no_one_and_no_date_is_still_a_response_in_its_dataset(tmp_path):
    """A page read as the PCC's response, though it names neither who gave it nor when, was
    dropped from the dataset (nothing left to write): the pack then said no response was on
    file. It is kept as `response: {by: ''}`, and the pack says one is on file, undated."""
    from briefing.ingest.dataset import dump_dataset, load_dataset
    from briefing.model import Inspection
    from briefing.places import PublicationDate
    from briefing.statements import Response

    report = Inspection(force="Kent Police", cycle="peel-2023-25", title="PEEL 2023-25: Kent Police",
                        published=PublicationDate(2024, 4, 10), source="page.txt", response=Response("", None))
    saved = tmp_path / "response.yaml"
    saved.write_text(dump_dataset(report), encoding="utf-8")
    assert load_dataset(saved).response == Response("", None)


def test_warnings_about_a_line_carry_its_place_and_the_extraction_its_lines(tmp_path):
    """A page puts each warning on its line: a grade word not placed is said with its place,
    a warning about the whole text has none, and the Extraction holds the lines the places
    point into (so a page reads the report once)."""
    from briefing.extract import extract

    path = tmp_path / "kent.txt"
    path.write_text("PEEL 2023-25: Kent Police\n\nThe force is good at investigating crime.\n\nGood \u2013 at the things "
                    "that matter most to the public.\n", encoding="utf-8")
    result = extract(path)
    placed = [w for w in result.said if w.place.line]
    assert [w.place.line for w in placed] == [5] and placed[0].text.startswith("line 5: ")
    assert result.lines[4].text.startswith("Good - at the things") and result.lines[4].line == 5
    assert any(not w.place.line and w.text.startswith("no publication date found") for w in result.said)
    assert result.warnings == [w.text for w in result.said]


@pytest.mark.parametrize(("dated", "cycle"), [
    ("Published on: 10 April 2025", "peel-2023-25"),  # the day before PEEL 2025-27's framework
    ("Posted on 20 March 2025", "peel-2023-25"),
    ("Published on: 3 April 2026", "peel-2025-27"),
])
def test_a_text_dated_before_peel_2025_27s_framework_is_never_read_as_that_cycle(tmp_path, dated, cycle):
    """PEEL 2025-27's framework was published on 11 April 2025 (domain.md): its inspections and
    reports come after, so a text of 2025 dated before that day is a 2023-25 report's."""
    from briefing.extract import extract
    from briefing.extract.cycles import Calendar
    from briefing.reference import load_frameworks

    path = tmp_path / "kent.txt"
    path.write_text(f"Kent Police PEEL inspection\n{dated}\nThe force was rated adequate at investigating crime.\n",
                    encoding="utf-8")
    assert extract(path).inspection.cycle == cycle
    calendar = Calendar(load_frameworks())
    assert "peel-2025-27" not in calendar.published_in(2025, 3) + calendar.inspected_in(2025, 2)


REPOST = (" date 2022-11-29 HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)\n"
          "Northshire Police congratulated for its performance\n"
          "PEEL 2021/22 - An inspection of Northshire Police\n"
          "HMICFRS graded Northshire Police's performance across nine areas of policing and found the force was "
          "'good' in six areas and 'adequate' in three areas.\n"
          "His Majesty's Inspector of Constabulary Jo Smith {when} said:\n"
          "\u201cI want to congratulate Northshire Police on its performance.\u201d\n")


def test_a_reposted_release_gives_the_day_before_for_yesterday_and_no_day_for_recently(tmp_path):
    """A repost's date line is when the repost was written: "yesterday said" puts the report the
    day before; "recently said" puts it some day before, so no day is read and the user is told
    (Humberside's report came out on 25 November 2022, its repost is dated the 29th: the s.55
    last day would have been given four days late)."""
    for when, published, warned in (("yesterday", "2022-11-28", None), ("recently", None, "recently said")):
        text = tmp_path / f"{when}.txt"
        text.write_text(REPOST.format(when=when), encoding="utf-8")
        result = extract(text)
        got = result.inspection.published
        assert (got.exact.isoformat() if got and got.known else None) == published
        said = " ".join(str(w) for w in result.warnings)
        assert (warned in said) if warned else "recently" not in said
        if warned:
            assert "dated 29 November 2022 but says the report came out earlier" in said
            assert result.inspection.published_by.isoformat() == "2022-11-29"  # the report came out on or before it


def test_a_site_banner_about_another_programme_is_never_the_reports_title(tmp_path):
    """Planted after an inspectorate force page of 2018/19: the site's banner about a fire and
    rescue consultation stood first and named an "inspection programme"; the report's own
    title ("PEEL: ... 2018/19 - Northshire Police") is further down."""
    page = tmp_path / "force-page.txt"
    page.write_text("Skip to content\n\nProposed fire and rescue services inspection programme and framework 2025-27: "
                    "For consultation\n\nWe would like your views on whether this programme covers the right areas.\n\n"
                    "Northshire 2018/19\n\nNorthshire Police was inspected in tranche three and we found:\n\n"
                    "the extent to which the force is effective at reducing crime and keeping people safe is good.\n\n"
                    "Download the full report\n\nPEEL: Police effectiveness, efficiency and legitimacy 2018/19 - "
                    "Northshire Police\n", encoding="utf-8")
    title = extract(page, force="Northshire Police", cycle="peel-2018-19").inspection.title
    assert title == "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 - Northshire Police"


def test_hmicfrs_graded_judgments_in_n_of_these_m_is_the_number_graded(tmp_path):
    """HMICFRS's own "made graded judgments in eight of these nine" was not read, so a 2021/22
    page saying eight of nine (only the revised question set grades fewer than ten) was put
    on the original set and its grid did not say one row may not have been graded (review 9,
    item 11). A report that "sets out ... graded judgments in five of the seven areas", the
    rest in linked reports, does not say how many were graded."""
    page = tmp_path / "page.txt"
    page.write_text("The 2021/22 PEEL report for Northshire Police.\n\nThe inspection assessed how good Northshire "
                    "Police is in nine areas of policing and made graded judgments in eight of these nine as follows. "
                    "HMICFRS do not make a graded judgment in this overall area.\n\nPublished on: 13 April 2022\n",
                    encoding="utf-8")
    inspection = extract(page, force="Northshire Police").inspection
    assert (inspection.areas_graded, inspection.cycle) == (8, "peel-2021-22-revised")
    page.write_text("PEEL 2021/22: Northshire Police\n\nThis further report sets out the findings and graded "
                    "judgments in five of the seven areas that we inspected.\n", encoding="utf-8")
    assert extract(page, force="Northshire Police").inspection.areas_graded is None


def test_the_number_of_areas_a_source_says_were_graded_is_kept_and_said(tmp_path):
    """HMICFRS's releases say how many areas were graded ("across eight areas of policing"),
    while the framework has nine: the pack said only "states no grade for nine areas"."""
    page = tmp_path / "release.txt"
    page.write_text("PEEL 2023-2025: An inspection of Dorset Police\n\nHMICFRS graded Dorset Police's performance "
                    "across eight areas of policing and found the force was good in two areas and adequate in six.\n\n"
                    "In 2022 HMICFRS graded the force's performance across ten areas of policing.\n", encoding="utf-8")
    inspection = extract(page).inspection
    assert inspection.areas_graded == 8
    from briefing.ingest.dataset import dump_dataset

    assert "areas_graded: 8" in dump_dataset(inspection)
    bad = tmp_path / "bad.yaml"
    bad.write_text(dump_dataset(inspection).replace("areas_graded: 8", "areas_graded: eight"), encoding="utf-8")
    from click.testing import CliRunner

    result = invoke(CliRunner(), "validate", bad)
    assert result.exit_code == 1 and "areas_graded must be a whole number of areas" in result.output
