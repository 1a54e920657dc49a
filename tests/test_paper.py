"""The paper a commissioner reads (issue 32): the committee header, the chief officers' open
findings, the annexes' page or line, and the body in the order a reader needs it; checked on
the rendered Word, PDF and web page as a reader would see them."""

from __future__ import annotations

import json
import re

import pytest
from conftest import invoke
from packs import docx_text, pdf_text

CO_STEM = "northamptonshire-police-peel-2023-25-chief-officers-briefing"
HEADER = ("--meeting", "Accountability Board, 12 January 2027", "--agenda-item", "5.2", "--purpose",
          "To brief the Commissioner on the PEEL 2023-25 report.", "--recommendation", "note the report",
          "--recommendation", "ask the Chief Constable for a plan by March", "--author", "Jo Analyst",
          "--contact", "jo.analyst@opcc.example", "--date", "2026-12-07")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _section(briefing: dict, title: str) -> dict:
    return next(s for s in briefing["sections"] if s["title"] == title)


@pytest.fixture(scope="module")
def headed(tmp_path_factory):
    """The bundled pack with every header option given."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("headed")
    result = invoke(CliRunner(), "pack", *HEADER, "--formats", "json,docx,pdf", "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def chief_officers(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("chief-officers")
    result = invoke(CliRunner(), "pack", "--audience", "chief-officers", "--date", "2026-12-07",
                    "--formats", "json,pdf,docx", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_the_header_prints_every_field_given_in_the_order_offices_use(headed):
    model = json.loads(next(headed.glob("*-briefing.json")).read_text(encoding="utf-8"))
    about = _section(model, "About this paper")
    rows = about["blocks"][0]["rows"]
    assert [r[0] for r in rows] == ["Protective marking", "Report to", "Meeting", "Agenda item", "Date of paper",
                                    "Version", "Author", "Contact", "Inspections compared", "s.55 response", "Purpose"]
    assert dict(rows)["Meeting"] == "Accountability Board, 12 January 2027"
    assert dict(rows)["Inspections compared"] == ("PEEL 2021/22 (published 24 November 2021) and PEEL 2023-25 "
                                                  "(published 16 February 2024)")  # never a news headline
    for reader, ext in ((docx_text, "docx"), (pdf_text, "pdf")):
        flat = _flat(reader(next(headed.glob(f"*.{ext}"))))
        for value in ("Agenda item 5.2", "Contact jo.analyst@opcc.example", "Author Jo Analyst",
                      "Purpose To brief the Commissioner on the PEEL 2023-25 report."):
            assert value in flat, (ext, value)
        asked = flat.index("The PFCC is asked to:")
        assert flat.index("note the report", asked) < flat.index("ask the Chief Constable for a plan by March", asked)


def test_a_header_field_not_given_is_no_row_and_the_office_gives_the_meeting(default_pack, chief_officers):
    about = next(s for s in default_pack.briefing.sections if s.title == "About this paper")
    pcc = {r[0]: r[1] for r in about.blocks[0].rows}
    assert pcc["Meeting"] == "Accountability Board"  # data/offices.yaml: the PFCC's accountability board
    assert not {"Agenda item", "Contact", "Author"} & set(pcc)  # nothing given, nothing printed
    assert all(str(v).strip() for v in pcc.values())
    co = json.loads((chief_officers / f"{CO_STEM}.json").read_text(encoding="utf-8"))
    rows = dict(_section(co, "About this paper")["blocks"][0]["rows"])
    assert rows["Report to"] == "Chief Officer Group" and "Meeting" not in rows  # no meeting known: none guessed
    assert "s.55 response" not in rows


def test_the_decision_sought_follows_where_the_s55_response_stands(tmp_path, runner):
    """The bundled pair: due on 1 March 2024; on file (undated) by the end of 2026. A pair with no
    response on file, after the 56 days: the PCC is asked to confirm it was published."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03-01\n", encoding="utf-8")
    new.write_text("force: Kent Police\ncycle: peel-2023-25\npublished: 2024-05-01\n", encoding="utf-8")
    for inputs, day, expected in (
            ((), "2024-03-01", "agree, from the draft skeleton in this paper, the response under section 55 of the "
                               "Police Act 1996, which is due in 41 days (11 April 2024)"),
            ((), "2026-12-07", "note that the response under section 55 of the Police Act 1996 is on file, but it "
                               "gives no date, so whether it came within the 56 days is not known"),
            ((old, new), "2026-12-07", "confirm that the response under section 55 of the Police Act 1996 was "
                                       "published: it was due 25 June 2024, and no copy of it is on file")):
        out = tmp_path / f"{day}-{len(inputs)}"
        assert invoke(runner, "pack", *inputs, "--date", day, "--formats", "json", "-o", out).exit_code == 0
        model = json.loads(next(out.glob("*-briefing.json")).read_text(encoding="utf-8"))
        asked = next(b for b in _section(model, "At a glance")["blocks"] if b["kind"] == "list")
        assert asked["items"][-1] == expected


def test_the_chief_officers_pack_lists_every_open_finding_with_the_unknown_marked(chief_officers):
    """The bundled pair: the news article's 3 findings and the 18 areas for improvement of 2021/22
    it does not mention (AFI 1 persists as Finding 3): 21 open findings, the 18 "status unknown"."""
    model = json.loads((chief_officers / f"{CO_STEM}.json").read_text(encoding="utf-8"))
    tables = [b for b in _section(model, "Open findings by area")["blocks"] if b["kind"] == "table"]
    rows = [r for t in tables for r in t["rows"]]
    assert sorted(r[0] for r in rows) == sorted([f"AFI {n}" for n in range(2, 20)] + ["Finding 1", "Finding 2",
                                                                                      "Finding 3"])
    assert {r[0] for r in rows if r[3] == "status unknown"} == {f"AFI {n}" for n in range(2, 20)}
    for reader, ext in ((pdf_text, "pdf"), (docx_text, "docx")):
        flat = _flat(reader(chief_officers / f"{CO_STEM}.{ext}"))
        start = flat.index("Open findings by area Every open finding")
        section = flat[start:flat.index("What HMICFRS will look for next", start)]
        assert "21 findings" in section and section.count("status unknown") == 18 + 1  # each row, and the intro


def test_annex_rows_give_the_line_of_a_text_and_the_page_of_a_document(default_pack, tmp_path, runner):
    annex = next(s for s in default_pack.briefing.sections if s.title.startswith("Annex A"))
    rows = annex.blocks[-1].rows
    assert {r[1]: r[4] for r in rows}["AFI 7"] == "line 674"  # the 2021/22 report's text, as the dataset records
    old = tmp_path / "old.yaml"
    old.write_text("force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03-01\nsource_kind: report\n"
                   "judgements:\n  - {area: investigating-crime, grade: adequate, page: 7}\n"
                   "findings:\n  - {kind: area-for-improvement, id: AFI 1, text: The force should supervise "
                   "investigations., page: 12}\n", encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text("force: Kent Police\ncycle: peel-2023-25\npublished: 2024-05-01\n"
                   "judgements:\n  - {area: investigating-crime, grade: good}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(runner, "pack", old, new, "--formats", "json,pdf", "-o", out).exit_code == 0
    model = json.loads(next(out.glob("*-briefing.json")).read_text(encoding="utf-8"))
    findings = next(s for s in model["sections"] if s["title"].startswith("Annex A"))["blocks"][-1]["rows"]
    judgements = next(s for s in model["sections"] if s["title"].startswith("Annex B"))["blocks"][-1]["rows"]
    assert findings[0][4] == "page 12"
    assert [r[4] for r in judgements] == ["page 7", "not recorded"]
    flat = _flat(pdf_text(next(out.glob("*.pdf"))))
    assert "AFI 1 Area for improvement The force should supervise investigations. page 12" in flat


def test_the_body_puts_what_to_decide_first_and_the_analysts_detail_last(default_pack, chief_officers):
    titles = [s.title for s in default_pack.briefing.sections]
    assert titles[:4] == ["At a glance", "About this paper", "Executive summary", "Grade movements"]
    assert titles[-3:] == ["About the sources", "Annex A: every finding and its place in the source",
                           "Annex B: every judgement as the source words it"]
    assert titles.index("Suggested questions for the meeting") < titles.index("Key figures")
    co = [s["title"] for s in json.loads((chief_officers / f"{CO_STEM}.json").read_text(encoding="utf-8"))["sections"]]
    assert co.index("Open findings by area") < co.index("Earlier findings not in the source used") < co.index(
        "About the sources")


INVESTIGATING = ["requires improvement", "not stated", "not stated", "requires improvement", "not stated",
                 "adequate", "requires improvement"]  # PEEL 2014 to PEEL 2023-25, as the datasets say
PARTLY = ["as investigating offending, a partial match", "", "",  # what 2014 and 2017 graded: the area in part
          "as investigating crime and reducing re-offending, a partial match", "", "", ""]


def test_the_record_is_a_grid_with_a_word_in_every_cell(default_pack):
    record = next(s for s in default_pack.briefing.sections if s.title == "The force's inspection record")
    grid = next(b for b in record.blocks if b.kind == "grid")
    assert grid.columns == ("PEEL 2014", "PEEL 2015 (2016)", "PEEL 2016 (2017)", "PEEL 2017 (2018)",
                            "PEEL 2018/19 (2019)", "PEEL 2021/22", "PEEL 2023-25 (2024)")
    assert "left out: Core business 2014" in grid.key  # it graded none of the areas
    rows = {row.label: row for row in grid.rows}
    assert [c.text for c in rows["Investigating crime"].cells] == INVESTIGATING
    assert [c.note for c in rows["Investigating crime"].cells] == PARTLY
    # no such area before 2021/22, but its work was graded within investigating (offending, and reducing re-offending):
    # "not stated", never "not graded" (review 13, item 5)
    assert [c.state for c in rows["Managing offenders"].cells][:5] == ["not-stated"] * 5
    assert rows["Responding to the public"].cells[-1].note == "corrected 8 August 2024"
    assert all(c.text for row in grid.rows for c in row.cells)
    assert "\u2192" not in "".join(str(b) for b in record.blocks)  # no arrow chains left


def test_the_grid_is_drawn_with_its_grade_words_in_pdf_and_word(default_pack):
    import docx

    flat = _flat(pdf_text(default_pack.path("pdf")))
    assert "Investigating crime " + " ".join(f"{grade} {note}".strip() for grade, note in zip(INVESTIGATING, PARTLY)) in flat
    document = docx.Document(str(default_pack.path("docx")))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "PEEL 2014")
    row = next(r for r in table.rows if r.cells[0].text == "Investigating crime")
    assert [c.text for c in row.cells[1:]] == [f"{grade}\n{note}" if note else grade for grade, note in zip(INVESTIGATING, PARTLY)]
    fill = row.cells[-1]._tc.xpath("./w:tcPr/w:shd/@w:fill")
    assert fill == ["F47738"]  # requires improvement's colour, behind its word


def test_every_sheet_prints_landscape_at_a_readable_scale(default_pack):
    from openpyxl import load_workbook

    from briefing.tracker import COLUMNS

    workbook = load_workbook(str(default_pack.path("xlsx")))
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert 70 <= setup.scale <= 100, (ws.title, setup.scale)  # the Actions sheet printed at about 4 pt before
        assert ws.print_title_rows == "$1:$1"
    actions = workbook["Actions"]
    assert actions.print_title_cols == "$A:$A"  # each page across names its rows
    headings = [c.value for c in actions[1]]
    filled = [c.title for c in COLUMNS if c.editable]
    assert headings[3:3 + len(filled)] == filled  # straight after ID, Reference and Finding


def test_libreoffice_prints_the_tracker_and_the_word_contents_note(default_pack_printed):
    """LibreOffice prints the Actions sheet with the finding and every column a person fills in
    on its first page; Word's page 1 holds the whole summary, and its contents, starting page
    2, say how to get page numbers."""
    from programs import need_libreoffice
    from pypdf import PdfReader

    from briefing.writers.docx import CONTENTS_NOTE

    need_libreoffice("xlsx")
    need_libreoffice("docx")
    printed = default_pack_printed.pdfs  # the default pack's files, printed by one start of LibreOffice
    assert printed["xlsx"].exists() and printed["docx"].exists(), default_pack_printed.run.stderr

    def pages(kind: str) -> list[str]:
        return [_flat(p.extract_text() or "") for p in PdfReader(str(printed[kind])).pages]

    first = next(p for p in pages("xlsx") if "Lead chief officer" in p)
    for heading in ("Finding", "Owner", "Due date", "Status", "RAG", "Progress and evidence", "Last updated"):
        assert heading in first, heading
    assert "peel-2023-25/F-" in first  # the rows themselves, not only the headings
    word = pages("docx")
    assert "At a glance" in word[0] and "The tracker starts with this pack" in word[0]  # page 1 holds it all
    assert word[1].startswith("OFFICIAL Contents") and CONTENTS_NOTE in word[1]  # the contents start page 2


SHARED = __import__("conftest").ROOT.parent / "shared"


def _page_one(pdf) -> str:
    from pypdf import PdfReader

    return _flat(PdfReader(str(pdf)).pages[0].extract_text())


def test_page_one_of_the_bundled_pdf_holds_the_glance(default_pack):
    page = _page_one(default_pack.path("pdf"))
    for item in ("At a glance", "The PFCC is asked to:", "note the grades and findings",
                 "Two areas are graded requires improvement in PEEL 2023-25",  # a key message...
                 "Source: PEEL 2023-25 (news article); Responding to the public as HMICFRS corrected it on 8 August "
                 "2024",  # ...with its sources: the article gives that grade as first published (adequate)
                 "Grades by area, the last 3 inspections on file", "Investigating crime not stated adequate requires "
                 "improvement", "The tracker starts with this pack"):
        assert item in page, item
    assert "About this paper" not in page  # the committee header starts page 2


def test_page_one_holds_the_glance_for_another_force(tmp_path, runner):
    texts = SHARED / "corpus" / "texts"
    old, new = texts / "thames-valley-2021-22-press-release.txt", texts / "thames-valley-2023-25-press-release.txt"
    if not (old.exists() and new.exists()):
        pytest.skip(f"{texts} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "pack", old, new, "--date", "2026-12-07", "--formats", "pdf,docx,xlsx,html,json",
                    "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    page = _page_one(next((tmp_path / "out").glob("*.pdf")))
    for item in ("Thames Valley Police", "At a glance", "The PCC is asked to:", "Grades by area in the two inspections",
                 "Source: PEEL 2023-25 (inspectorate press release)", "The tracker starts with this pack"):
        assert item in page, item
    _no_local_path(tmp_path / "out", (str(tmp_path), str(SHARED.resolve()), "/work/", "/tmp/", "/home/"))


def _no_local_path(folder, paths) -> None:
    """Every file of the pack as a reader or a program opens it: no path of this machine."""
    import zipfile

    for path in folder.iterdir():
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                text = " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        elif path.suffix == ".pdf":
            text = pdf_text(path) + path.read_bytes().decode("latin-1")
        else:
            text = path.read_text(encoding="utf-8")
        found = [p for p in paths if p in text]
        assert not found, f"{path.name} holds {found}"


def test_page_one_quotes_the_inspector_and_says_where_monitoring_stands(tmp_path, runner):
    """A hand-written pair whose newer source has the inspector's headline sentence and a
    monitoring statement (the reading rules that fill them are the findings helper's)."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03-01\njudgements:\n"
                   "  - {area: investigating-crime, grade: adequate}\n", encoding="utf-8")
    new.write_text("force: Kent Police\ncycle: peel-2023-25\npublished: 2024-05-01\njudgements:\n"
                   "  - {area: investigating-crime, grade: inadequate}\n"
                   "headline: {text: I have serious concerns about how the force investigates crime., "
                   "by: HM Inspector Jo Bloggs, line: 12}\n"
                   "monitoring:\n  - {stage: engage, event: entered, date: 2024-04, "
                   "text: The force was moved into Engage in April 2024., line: 14}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert invoke(runner, "pack", old, new, "--date", "2024-06-01", "--formats", "pdf,docx,html", "-o", out).exit_code == 0
    page = _page_one(next(out.glob("*.pdf")))
    for item in ("\u201cI have serious concerns about how the force investigates crime.\u201d",
                 "HM Inspector Jo Bloggs, PEEL 2023-25 (hand-kept dataset), line 12",
                 "PEEL 2023-25 graded the force inadequate at Investigating crime",  # the most serious leads
                 "Kent Police was moved into Engage, HMICFRS's enhanced monitoring, in April 2024",  # it leads
                 "PEEL 2023-25, the cycle of the newer inspection"):
        assert item in page, item
    assert page.index("moved into Engage") < page.index("graded the force inadequate") < page.index(
        "is graded in both sources: it went down")
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "<blockquote><p>\u201cI have serious concerns" in html


def _body_lines(page) -> list[str]:
    """A page's lines without its marking and page number."""
    lines = [line.strip() for line in page.extract_text().splitlines()]
    return [line for line in lines if line and line != "OFFICIAL" and not re.fullmatch(r"Page \d+ of \d+", line)]


@pytest.mark.parametrize("audience", ["pcc", "chief-officers"])
def test_no_heading_stands_at_a_page_foot_and_no_page_is_blank(default_pack, chief_officers, audience):
    """A heading (with its one-line introduction) left at the foot of a page, its table overleaf,
    reads as an empty section; a page holding only the marking reads as a printing fault."""
    from pypdf import PdfReader

    if audience == "pcc":
        pdf, titles = default_pack.path("pdf"), {s.title for s in default_pack.briefing.sections}
    else:
        model = json.loads((chief_officers / f"{CO_STEM}.json").read_text(encoding="utf-8"))
        pdf, titles = chief_officers / f"{CO_STEM}.pdf", {s["title"] for s in model["sections"]}
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        lines = _body_lines(page)
        assert lines, f"page {number} is blank"
        tail = [i for i, line in enumerate(lines) if line in titles and i >= len(lines) - 3]
        assert not tail, f"page {number} ends with the heading {lines[tail[0]]!r} and {len(lines) - 1 - tail[0]} lines"


def test_the_word_questions_are_numbered_from_one(default_pack):
    """Word numbers all "List Number" paragraphs of a document as one list unless told
    otherwise: the questions would be numbered on from page 1's recommendations (3, 4, ...)."""
    import docx

    document = docx.Document(str(default_pack.path("docx")))
    numbering = document.part.numbering_part.element
    lists: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            lists.setdefault(paragraph._p.pPr.numPr.numId.val, []).append(paragraph.text)
    assert len(lists) >= 2  # page 1's "asked to" list and the questions
    questions = next(texts for texts in lists.values() if any("?" in t for t in texts))
    assert questions and not any("?" in t for other in lists.values() if other is not questions for t in other)
    for num_id in lists:
        start = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val')
        assert start == ["1"], (num_id, lists[num_id][:1])


def test_the_pdf_is_written_with_the_last_fallback_font_too(tmp_path, default_pack, monkeypatch):
    """Where neither DejaVu nor reportlab's own Vera faces can be found, the PDF falls back to
    Helvetica; marking the characters the faces lack failed on its Type 1 face."""
    import briefing.writers.pdf_fonts as pdf_fonts
    from briefing.writers import pdf

    pdf_fonts.fonts.cache_clear()
    monkeypatch.setattr(pdf_fonts, "CANDIDATES", ())
    try:
        pdf.render(default_pack.briefing, tmp_path / "fallback.pdf")
    finally:
        pdf_fonts.fonts.cache_clear()
    assert "At a glance" in pdf_text(tmp_path / "fallback.pdf")
