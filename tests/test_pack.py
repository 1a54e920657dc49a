"""`briefing pack`: the three files a PCC office needs, checked by their content."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import DATASETS, STEM, invoke
from packs import contains_words, docx_text, pdf_text, xlsx_values, zip_member
from programs import need_libreoffice

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing


@pytest.fixture(scope="module")
def comparison(inspections):
    return compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=date.today())


def test_pack_writes_three_files_and_reports_progress(default_pack):
    assert default_pack.stdout.splitlines() == [str(default_pack.path(ext)) for ext in ("docx", "pdf", "xlsx")]
    assert all(default_pack.path(ext).stat().st_size > 1000 for ext in ("docx", "pdf", "xlsx"))
    assert "Writing the PDF..." in default_pack.stderr


@pytest.mark.parametrize("reader,ext", [(docx_text, "docx"), (pdf_text, "pdf")])
def test_documents_hold_every_movement_and_persisting_concern(default_pack, comparison, reader, ext):
    text = reader(default_pack.path(ext))
    flat = " ".join(text.split())
    for change in comparison.grade_changes:
        assert contains_words(flat, f"{change.area_name} {change.old_grade} {change.new_grade}")
    assert "down 1 grade" in flat and "up 2 grades" in flat and "newly graded" in flat and "graded for the first time" not in flat
    start = flat.index("raised again in PEEL 2023-25, earlier and current wording")  # past the contents list
    section = flat[start:flat.index("Earlier findings not in the source used", start)]
    for concern in comparison.persisting:
        assert contains_words(section, concern.old.text) and contains_words(section, concern.new.text)
    assert "It isn't possible to make direct comparisons" in flat
    assert "is on file, but it gives no date" in flat  # the PFCC's response to PEEL 2023-25, recorded undated


def test_workbook_holds_every_movement_and_persisting_concern(default_pack, comparison):
    sheets = xlsx_values(default_pack.path("xlsx"))
    assert list(sheets) == ["Summary", "Grades", "Findings", "Matching", "Figures", "History", "Reports",
                            "Actions"]
    grades = {row[0]: row for row in sheets["Grades"][1:] if row[0]}
    for change in comparison.grade_changes:
        row = grades[change.area_name]
        assert (row[2], row[4]) == (change.old_grade or "not graded", change.new_grade or "not graded")
        assert row[6] == change.steps
    persisting = [row for row in sheets["Findings"][1:] if row[0] == "persisting"]
    assert {row[6] for row in persisting} == {p.new.text for p in comparison.persisting}
    figures = {row[1]: dict(zip(sheets["Figures"][0], row)) for row in sheets["Figures"][1:] if row[1]}
    repeat = figures["Repeat caller incidents"]  # a number that sorts, its unit beside it
    assert (repeat["Force"], repeat["Unit"]) == (127.7, "per 1,000 population")
    assert repeat["England and Wales"] == "highest in England and Wales (for those forces that could provide data)"
    by_inspection = {}
    for row in sheets["Findings"][1:]:
        if row[0]:
            by_inspection.setdefault(row[1], []).append(row[2])
    # one row per finding of each inspection: AFI 1 of 2021/22 has its own, not only a mention in a link
    assert sorted(by_inspection["PEEL 2021/22"]) == sorted(f"AFI {n}" for n in range(1, 20))
    assert len(by_inspection["PEEL 2023-25"]) == 3


@pytest.fixture(scope="module")
def authored(tmp_path_factory):
    """A pack with an author, for the documents' properties."""
    out = tmp_path_factory.mktemp("authored")
    from click.testing import CliRunner

    result = invoke(CliRunner(), "pack", "-o", out, "--author", "A. Analyst", "--formats", "docx,pdf")
    assert result.exit_code == 0, result.output
    return out


def test_docx_structure(authored):
    import docx

    document = docx.Document(str(authored / f"{STEM}.docx"))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Northamptonshire Police: PEEL 2023-25 inspection briefing")
    assert ("Heading 1", "Grade movements") in headings
    assert ("Heading 1", "Statutory response (section 55)") in headings
    assert all(name in ("Title", "Heading 1", "Heading 2") for name, _ in headings)
    props = document.core_properties
    assert (props.title, props.author, props.language) == (headings[0][1], "A. Analyst", "en-GB")
    assert props.subject.startswith("Comparison of the PEEL 2021/22 and PEEL 2023-25")
    body = zip_member(authored / f"{STEM}.docx", "word/document.xml")
    assert body.count("<w:tblHeader") == len(document.tables)  # every table repeats its header row
    assert 'descr="Bar chart of grades by area' in body
    header = zip_member(authored / f"{STEM}.docx", "word/header1.xml")
    footer = zip_member(authored / f"{STEM}.docx", "word/footer1.xml")
    assert "OFFICIAL" in header and "OFFICIAL" in footer and "NUMPAGES" in footer
    assert "<w:gridSpan" not in body and "<w:vMerge" not in body  # no merged cells


def test_pdf_structure(authored):
    from pypdf import PdfReader

    reader = PdfReader(str(authored / f"{STEM}.pdf"))
    meta = reader.metadata
    assert meta.title == "Northamptonshire Police: PEEL 2023-25 inspection briefing"
    assert meta.author == "A. Analyst" and meta.subject.startswith("Comparison of")
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Grade movements" in outline and "Persisting concerns" in outline
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL") >= 2, f"page {number} lacks the marking top and bottom"
        assert f"Page {number} of {total}" in text


def test_long_tables_repeat_their_header_in_the_pdf(default_pack):
    text = pdf_text(default_pack.path("pdf"))
    pages = [" ".join(p.split()) for p in re.split(r"Page \d+ of \d+", text)]
    annex_pages = [p for p in pages if "Area for improvement" in p]  # Annex A's Kind column
    assert len(annex_pages) >= 2 and all("Inspection" in p and "Page or line" in p for p in annex_pages)


def test_workbook_structure(default_pack):
    from openpyxl import load_workbook

    workbook = load_workbook(str(default_pack.path("xlsx")))
    for ws in workbook.worksheets:
        assert len(ws.tables) == 1, ws.title
        assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
        assert "OFFICIAL" in ws.oddHeader.center.text
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    actions = workbook["Actions"]
    header = [c.value for c in actions[1]]
    assert header[:3] == ["ID", "Reference", "Finding"]  # then the columns people fill in (tests/test_paper.py)
    status = header.index("Status") + 1
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in actions.data_validations.dataValidation
             if v.type == "list"}
    from openpyxl.utils import get_column_letter

    assert "Awaiting HMICFRS sign-off" in lists[f"{get_column_letter(status)}2"]
    assert actions.cell(row=1, column=status).fill.fgColor.rgb.endswith("00703C")  # people fill it: green
    assert actions.cell(row=1, column=1).fill.fgColor.rgb.endswith("1F3B5C")  # briefing fills it
    assert [actions.cell(row=r, column=1).value for r in range(2, 5)] == [
        "peel-2023-25/F-d131eb", "peel-2023-25/F-04c33d", "peel-2023-25/F-50663c"]  # stable ids
    assert [actions.cell(row=r, column=2).value for r in range(2, 5)] == ["Finding 1", "Finding 2", "Finding 3"]
    rows = [dict(zip(header, (c.value for c in r))) for r in actions.iter_rows(min_row=2) if r[0].value]
    earlier = [r for r in rows if str(r["ID"]).startswith("peel-2021-22/")]
    # a first tracker holds every finding still open on the sources: the 18 AFIs of 2021/22 the partial
    # 2023-25 source does not mention (AFI 1 persists, in its newer words, as the third row)
    assert sorted(r["Reference"] for r in earlier) == sorted(f"AFI {n}" for n in range(2, 20))
    assert {r["State"] for r in earlier} == {"status unknown"}


def test_chief_officers_pack_has_owners_and_next_steps(tmp_path, runner):
    result = invoke(runner, "pack", DATASETS["peel-2021-22"], DATASETS["peel-2023-25"], "--audience",
                    "chief-officers", "--formats", "docx,json", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    text = docx_text(next(tmp_path.glob("*.docx")))
    assert "Open findings by area" in text and "What HMICFRS will look for next" in text
    assert "Suggested questions" not in text and "section 55" not in text
    assert next(tmp_path.glob("*.json")).name == "northamptonshire-police-peel-2023-25-chief-officers-briefing.json"


def test_pcc_questions_one_per_correction_downgrade_concern_and_new_weakness(inspections):
    """As of 1 September 2024: after the correction, while PEEL 2023-25 is the cycle under way."""
    day = date(2024, 9, 1)
    comparison = compare(inspections["peel-2021-22"], inspections["peel-2023-25"], as_of=day)
    briefing = build_briefing(comparison, None, PackOptions(audience="pcc", date=day))
    section = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting")
    (questions,) = section.blocks
    weak = [f for f in comparison.new_findings
            if {g.area: g.new_grade for g in comparison.grade_changes}.get(f.area) in ("requires improvement", "inadequate")]
    corrected = [j for j in comparison.new.judgements if j.corrected]
    unknown = 1 if comparison.resolved and not comparison.unmatched_confirmed else 0
    assert len(questions.items) == (len(corrected) + len(comparison.movements("down")) + len(comparison.persisting)
                                    + len(weak) + unknown)
    assert questions.items[0].startswith("HMICFRS corrected the Responding to the public grade")
    assert questions.items[1].startswith("Investigating crime went from adequate to requires improvement")


def test_every_area_named_requires_improvement_is_asked_about(inspections):
    """Bedfordshire's 2023-25 source names investigating crime requires improvement, but no
    question asked about it: it neither fell nor had a new finding. Planted here: preventing
    crime requires improvement in both inspections, with no finding in it. It is asked about
    once, by name; investigating crime and responding to the public (asked about as a fall and
    as new concerns) are not asked again in this form."""
    from dataclasses import replace

    def weaker(inspection):
        return replace(inspection, judgements=tuple(replace(j, grade="requires improvement")
                                                    if j.area == "preventing-crime" else j for j in inspection.judgements))

    day = date(2026, 12, 7)
    comparison = compare(weaker(inspections["peel-2021-22"]), weaker(inspections["peel-2023-25"]), as_of=day)
    briefing = build_briefing(comparison, None, PackOptions(audience="pcc", date=day))
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    named = [q for q in questions.items if q.startswith("HMICFRS graded ") and "requires improvement in" in q]
    # graded the same in both, so asked why the last plan did not move it (Avon, review 6, item 24)
    assert named == ["HMICFRS graded Preventing crime requires improvement in PEEL 2021/22 and again in PEEL 2023-25. "
                     "Why did the last plan not move it, what is different in this one, and how will the panel see "
                     "progress?"]


@pytest.mark.parametrize(("counts", "asked"), [
    ((("good", 2), ("adequate", 3), ("requires improvement", 4)), "where the grade is requires improvement, what is"),
    ((("good", 2), ("adequate", 3), ("requires improvement", 3)), "requires improvement or inadequate, what is"),
    ((("good", 4), ("adequate", 5)), "it counts four good and five adequate. Which area has which grade?"),
])
def test_the_unstated_grades_question_asks_only_for_plans_the_counts_leave_possible(inspections, counts, asked):
    """Wiltshire's 2023-25 release counts all nine graded areas (good two, adequate three,
    requires improvement four) and names none: none can be inadequate, yet the question asked
    for a plan "where the grade is requires improvement or inadequate" (review 4, item 13).
    Planted: the bundled 2023-25 inspection with its grades replaced by those counts; with one
    area left out of the counts it may be inadequate; with none weak, no plan is asked for."""
    from dataclasses import replace

    from briefing.model import GradeCount

    day = date(2026, 12, 7)
    new = replace(inspections["peel-2023-25"], judgements=(), areas_graded=9,
                  grade_counts=tuple(GradeCount((grade,), n) for grade, n in counts))
    briefing = build_briefing(compare(inspections["peel-2021-22"], new, as_of=day), None,
                              PackOptions(audience="pcc", date=day))
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    [unstated] = [q for q in questions.items if q.startswith("The source used for PEEL 2023-25 does not state")]
    assert unstated.endswith(asked) or asked in unstated, unstated


def test_no_plan_is_asked_where_every_weak_grade_counted_is_named(inspections):
    """Kent 2021/22: "outstanding in one area, good in four, adequate in one and requires
    improvement in three" of nine, the three named: no other area can be requires improvement
    or inadequate, yet the question asked for a plan "where the grade is requires improvement"
    (review 5, item 8). Planted: the bundled 2023-25 inspection with those counts and names."""
    from dataclasses import replace

    from briefing.model import GradeCount, Judgement

    day = date(2026, 12, 7)
    weak = ("responding-to-public", "investigating-crime", "managing-offenders")
    new = replace(inspections["peel-2023-25"], areas_graded=9, corrections=(),
                  judgements=tuple(Judgement(a, a, "requires improvement") for a in weak),
                  grade_counts=tuple(GradeCount((g,), n) for g, n in (("outstanding", 1), ("good", 4), ("adequate", 1),
                                                                       ("requires improvement", 3))))
    comparison = compare(inspections["peel-2021-22"], new, as_of=day)
    assert comparison.unstated_weak_grades == ()
    (questions,) = next(s for s in build_briefing(comparison, None, PackOptions(audience="pcc", date=day)).sections
                        if s.title == "Suggested questions for the meeting").blocks
    [unstated] = [q for q in questions.items if q.startswith("The source used for PEEL 2023-25 does not state")]
    assert unstated.endswith("it counts one outstanding, four good and one adequate. Which area has which grade?")


def test_an_area_outside_a_total_the_source_names_in_full_was_not_graded(inspections):
    """Cleveland 2023-25 news: "graded the force's performance across eight areas", all eight
    named (two requires improvement). The ninth area of the cycle, recording data about
    crime, is in none of its counts: the pack once asked "What did HMICFRS grade it, and where
    the grade is inadequate, what is the plan?" (review 5, item 7), then "Did HMICFRS grade it
    in this inspection?". Eight graded and eight named leave the ninth not graded (review 8,
    item 8): it is said so, and no question asks about it. Planted: the bundled 2023-25
    inspection with those names, counts and total."""
    from dataclasses import replace

    from briefing.model import GradeCount, Judgement

    day = date(2026, 12, 7)
    named = {"public-treatment": "good", "preventing-crime": "good", "managing-offenders": "good", "workforce": "good",
             "responding-to-public": "adequate", "force-management": "adequate",
             "investigating-crime": "requires improvement", "protecting-vulnerable": "requires improvement"}
    new = replace(inspections["peel-2023-25"], areas_graded=8, corrections=(),
                  judgements=tuple(Judgement(a, a, g) for a, g in named.items()),
                  grade_counts=tuple(GradeCount((g,), n) for g, n in (("good", 4), ("adequate", 2),
                                                                       ("requires improvement", 2))))
    comparison = compare(inspections["peel-2021-22"], new, as_of=day)
    assert comparison.unstated_weak_grades == ()
    row = next(g for g in comparison.grade_changes if g.area == "crime-recording")
    assert (row.new_state.state, row.new_state.why) == ("not-graded", "named-all")
    (questions,) = next(s for s in build_briefing(comparison, None, PackOptions(audience="pcc", date=day)).sections
                        if s.title == "Suggested questions for the meeting").blocks
    assert not any("Recording data about crime" in q for q in questions.items)


@pytest.mark.parametrize(("named", "counts", "rest"), [
    ((("crime-recording", "good"), ("investigating-crime", "requires improvement")), (("adequate", 7),), ("adequate",)),
    ((("crime-recording", "good"),), (("adequate", 7),), ()),  # eight of nine: one area unaccounted for
    ((("crime-recording", "good"),), (("adequate", 6), ("requires improvement", 2)), ()),  # two grades left
    ((("crime-recording", "good"), ("preventing-crime", "adequate")), (("adequate", 8),), ("adequate",)),
])
def test_counts_that_hold_every_area_give_the_unnamed_ones_their_grade(inspections, named, counts, rest):
    """Bedfordshire 2023-25: "good in recording crime, adequate across seven areas but requires
    improvement in investigating crime": nine of nine, so every area not named is adequate, and
    the pack asked "What did HMICFRS grade them?" (review 4, item 11). Planted: the bundled
    2023-25 inspection with those grades and counts; where the counts leave an area or a grade
    open, nothing is deduced and the question stays."""
    from dataclasses import replace

    from briefing.model import GradeCount, Judgement

    day = date(2026, 12, 7)
    new = replace(inspections["peel-2023-25"], judgements=tuple(Judgement(a, a, g) for a, g in named),
                  grade_counts=tuple(GradeCount((g,), n) for g, n in counts))
    comparison = compare(inspections["peel-2021-22"], new, as_of=day)
    assert comparison.new.counted_rest == rest
    briefing = build_briefing(comparison, None, PackOptions(audience="pcc", date=day))
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    asked = any(q.startswith("The source used for PEEL 2023-25 does not state") for q in questions.items)
    assert asked != bool(rest)


def test_failed_writer_leaves_no_file_and_keeps_the_earlier_pack(tmp_path, runner, monkeypatch):
    first = invoke(runner, "pack", "--formats", "docx,json", "-o", tmp_path)
    assert first.exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    import briefing.writers.json as json_writer

    def broken(briefing, path):
        path.write_text("half a fil")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(json_writer, "render", broken)
    result = invoke(runner, "pack", "--formats", "docx,json", "-o", tmp_path, "--version", "2.0")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: could not write the JSON model: disk on fire; no file of this pack was written")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_writer_process_that_dies_is_one_line_and_no_pack(tmp_path, runner, monkeypatch):
    """A writer killed mid-render (out of memory, say) ends the pack with a line naming the
    format, not a hang or a traceback, and the earlier pack stays whole."""
    import os

    from briefing.writer_pool import WriterPool

    pool = WriterPool.start(["docx", "pdf"])
    if pool is None:
        pytest.skip("one core, or no fork: the formats are written in turn")
    pool.close()
    first = invoke(runner, "pack", "--formats", "docx,pdf", "-o", tmp_path)
    assert first.exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    import briefing.writers.docx as word_writer  # the pack writes the PDF itself (writer_pool.HERE)

    monkeypatch.setattr(word_writer, "render", lambda briefing, path: os._exit(9))
    result = invoke(runner, "pack", "--formats", "docx,pdf", "-o", tmp_path, "--version", "2.0")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: the process writing the Word document stopped unexpectedly (exit 9); no file of this pack was "
        "written")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_pack_rejects_an_unknown_format(runner, tmp_path):
    result = invoke(runner, "pack", "--formats", "docx,odt", "-o", tmp_path)
    assert result.exit_code == 1
    assert "unknown format odt; choose from docx, pdf, xlsx, html, json" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["docx", "xlsx", "pdf"])
def test_libreoffice_opens_every_file(default_pack_printed, ext):
    need_libreoffice(ext)
    converted = default_pack_printed.pdfs[ext]
    assert converted.exists(), default_pack_printed.run.stderr
    assert "Investigating crime" in " ".join(pdf_text(converted).split())


WRITER_LIBRARIES = """
import sys
from briefing.writer_pool import WriterPool

pool = WriterPool.start(["docx", "pdf", "xlsx"])
if pool is None:
    print("no pool")
    sys.exit(0)
import probe
print({fmt: sorted(pool.ask(fmt, probe.loaded).result()) for fmt in ("docx", "pdf", "xlsx")})
pool.close()
"""

PROBE = """
import sys
LIBRARIES = {"docx": "docx", "pdf": "reportlab", "xlsx": "openpyxl"}

def loaded():
    return {lib for lib in LIBRARIES.values() if lib in sys.modules}


def echo(value):
    return value
"""

REPLIES_OUT_OF_ORDER = """
from briefing.writer_pool import WriterPool
import probe

pool = WriterPool.start(["docx", "xlsx"])
if pool is None:
    print("no pool")
else:
    first, second = pool.ask("xlsx", probe.echo, "first"), pool.ask("xlsx", probe.echo, "second")
    print(second.result(), first.result(), second.result())
    pool.close()
"""


def test_each_format_is_written_by_the_process_that_loaded_its_library(tmp_path):
    """A pool that hands work to any free process made every worker load every library
    (a third more CPU than one process); each worker here loads its own formats' libraries
    only: the PDF's reportlab, and Word's and the workbook's, one process (writer_pool.TOGETHER)."""
    assert _probe(tmp_path, WRITER_LIBRARIES) == ("{'docx': ['docx', 'openpyxl'], 'pdf': ['reportlab'], "
                                                  "'xlsx': ['docx', 'openpyxl']}")


def test_each_reply_gets_its_own_answer_in_whatever_order_it_is_read(tmp_path):
    """The tracker is asked of the workbook's writer before its render: reading the render's
    reply first must not hand it the tracker's rows."""
    assert _probe(tmp_path, REPLIES_OUT_OF_ORDER) == "second first second"


def _probe(tmp_path, program: str) -> str:
    """What `program` prints, run in a fresh interpreter beside the probe module; skipped
    where the formats are written in turn."""
    import subprocess
    import sys

    (tmp_path / "probe.py").write_text(PROBE)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "no pool":
        pytest.skip("one core, or no fork: the formats are written in turn")
    return done.stdout.strip()
