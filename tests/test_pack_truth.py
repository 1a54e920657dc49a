"""A pack never says more than its sources support (issue: pack truth).

Planted facts, from the bundled Northamptonshire datasets:
- the 2023-25 report was published on Friday 16 February 2024, so the s.55 period of 56
  days beginning that day ends on 11 April 2024;
- HMICFRS changed 'Responding to the public' from adequate to requires improvement on
  8 August 2024, so 2021/22 -> 2023-25 is five up, one down, two unchanged;
- the 2023-25 dataset rests on a news article listing 3 findings, so the 18 unmatched
  2021/22 areas for improvement are "not in the source used", never "not raised again";
- the bundled record holds every cycle from 2014 to 2023-25, and the crime-allocation
  concern links back through each of them to PEEL 2015 (six inspections); with only the
  five seed datasets, PEEL 2015, 2016 and 2018/19 are not on file and the pack says so.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conftest import DATASETS, STEM, invoke
from packs import docx_text, pdf_text, xlsx_values, zip_member

from briefing.compare import compare, history
from briefing.compare.register import s55_last_day
from briefing.document import PackOptions, build_briefing
from briefing.document.wording import figure_value, s55_status, whole_sentences
from briefing.pack import PackRequest, make_pack


@pytest.mark.parametrize("published,last", [
    (date(2024, 2, 16), date(2024, 4, 11)),  # the bundled report
    (date(2024, 1, 31), date(2024, 3, 26)),  # across a leap February
    (date(2023, 1, 31), date(2023, 3, 27)),  # and an ordinary one
    (date(2024, 12, 31), date(2025, 2, 24)),  # across a year end
    (date(2023, 11, 30), date(2024, 1, 24)),
])
def test_s55_last_day_counts_publication_day_as_day_one(published, last):
    assert s55_last_day(published) == last
    assert (last - published).days + 1 == 56


def test_s55_status_is_relative_to_the_paper_date():
    due = date(2024, 4, 11)
    assert s55_status(due, date(2024, 2, 20)) == "is due in 51 days (11 April 2024)"
    assert s55_status(due, date(2024, 4, 10)) == "is due tomorrow (11 April 2024)"
    assert s55_status(due, due) == "is due today (11 April 2024)"
    assert s55_status(due, date(2026, 11, 22)) == "was due 11 April 2024"


def test_default_pack_says_the_response_on_file_and_drafts_none(default_pack):
    """The bundled record holds the PFCC's response to PEEL 2023-25, undated: the paper says so
    and carries no skeleton for a response already published."""
    text = " ".join(pdf_text(default_pack.dir / f"{STEM}.pdf").split())
    assert "s.55 response A response is on file, but it gives no date" in text
    assert "The response is on file, but it gives no date, so whether it came within the 56 days is not known" in text
    assert "check that it was published" not in text and "Draft response skeleton" not in text
    assert "HMICFRS and to the Home Secretary" in text
    assert "briefing pack" not in text and "--chief-comments-by" not in text  # no tool advice in a paper
    assert "Report to Police, Fire and Crime Commissioner for Northamptonshire" in text


def test_a_pack_with_no_response_on_file_says_the_deadline_passed(tmp_path):
    result = make_pack(PackRequest(inputs=(DATASETS["peel-2021-22"], DATASETS["peel-2023-25"]), out_dir=tmp_path,
                                   formats=("pdf",), options=PackOptions(date=date(2026, 12, 2))))
    text = " ".join(pdf_text(result.paths[0]).split())
    assert "s.55 response The 56 days ended 11 April 2024; no response on file" in text
    assert text.count("check that it was published") == 1  # said once, where the response is discussed
    assert "the last day was 11 April 2024. That day has passed" in text
    assert "12 April 2024" not in text and "is was" not in text
    assert "Response to the Chief Constable's comments" in text


def test_chief_comments_date_appears_in_the_skeleton(tmp_path):
    result = make_pack(PackRequest(out_dir=tmp_path, formats=("json",),
                                   options=PackOptions(date=date(2024, 2, 20), chief_comments_by=date(2024, 3, 15))))
    text = result.briefing.text()
    assert "is due in 51 days (11 April 2024)" in text
    assert "Chief Constable's comments are asked for by 15 March 2024" in text
    assert "requested by 15 March 2024" in text


def test_grades_table_uses_the_corrected_grade(default_pack):
    briefing = default_pack.briefing
    grades = next(b for s in briefing.sections for b in s.blocks if getattr(b, "name", "") == "Grades")
    row = next(r for r in grades.rows if r[0] == "Responding to the public")
    assert row[1:4] == ("requires improvement", "requires improvement", "no change")
    assert "HMICFRS corrected the grade on 8 August 2024, from adequate (as published) to requires improvement" in row[4]
    text = briefing.text()
    assert "five went up, one went down and two stayed the same" in text
    assert "Grades: of 8 areas graded in both sources, 5 up, 1 down, 2 unchanged" in briefing.headline[0]


def test_no_not_raised_again_claim_rests_on_the_news_article(default_pack):
    out, briefing = default_pack.dir, default_pack.briefing
    for text in (briefing.text(), pdf_text(out / f"{STEM}.pdf"), docx_text(out / f"{STEM}.docx")):
        flat = " ".join(text.split())
        assert "not raised again" not in flat.lower()
        assert "resolved" not in re.sub(r"does not show they were resolved|show it is resolved|force consider resolved", "", flat)
        assert "18 earlier findings are not in the source used for PEEL 2023-25 (a news article" in flat
        assert "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/northamptonshire-2023-25/" in flat
    assert "contains no causes of concern or recommendations" not in briefing.text()
    sources = next(s for s in briefing.sections if s.title == "About the sources")
    assert any("News article" in row for row in sources.blocks[0].rows)


def test_a_full_report_says_not_raised_again(inspections):
    c = compare(inspections["peel-2017"], inspections["peel-2021-22"])
    text = build_briefing(c, None, PackOptions()).text()
    assert "Not raised again" in text and "not in the source used" not in text


def test_record_counts_only_what_is_on_file(default_pack, inspections):
    briefing = default_pack.briefing
    text = " ".join(briefing.text().split())
    assert "Raised in PEEL 2015 (February 2016) and in all 5 inspections on file since" in text
    assert "the 8 inspections of Northamptonshire Police on file" in text and "Not on file" not in text
    assert "Themes raised in findings, and in how many of the 8 inspections on file" in text
    assert " k of " not in text
    seeds = list(inspections.values())
    record = history(seeds)
    partial = build_briefing(compare(inspections["peel-2021-22"], inspections["peel-2023-25"], record=record), record,
                             PackOptions()).text()
    partial = " ".join(partial.split())
    assert "raised in 3 inspections in a row" not in partial and "across 5 inspections" not in partial
    assert "and in all 2 inspections on file since (PEEL 2018/19 is not on file)" in partial
    assert "Not on file: PEEL 2015, PEEL 2016 and PEEL 2018/19" in partial
    assert "Themes raised in findings, and in how many of the 5 inspections on file" in partial


def test_caveat_is_the_cycles_own_words_not_another_forces(default_pack):
    text = default_pack.briefing.text()
    assert "Greater Manchester" not in text and "greater-manchester" not in text
    assert "(HMICFRS, the opening of each PEEL 2023-25 force report)" in text


def test_tables_use_canonical_names_and_the_annex_keeps_the_source_wording(default_pack):
    briefing = default_pack.briefing
    grades = next(b for s in briefing.sections for b in s.blocks if getattr(b, "name", "") == "Grades")
    assert "Developing a positive workplace" in [r[0] for r in grades.rows]
    assert not any("workspace" in cell for r in grades.rows for cell in r)
    annex = next(b for s in briefing.sections for b in s.blocks if getattr(b, "name", "") == "Judgements")
    assert any(r[2] == "Developing a positive workspace" for r in annex.rows)
    soc = next(r for r in grades.rows if r[0] == "Serious and organised crime")
    assert soc[3] == "no longer graded" and "separate reports" in soc[4]


def test_readers_see_no_analyst_internals(default_pack):
    out, briefing = default_pack.dir, default_pack.briefing
    for text in (pdf_text(out / f"{STEM}.pdf"), docx_text(out / f"{STEM}.docx")):
        flat = " ".join(text.split())
        assert not re.search(r"\b0\.\d\d\b", flat), "a match score reached the reader"
        for internal in ("--overrides", "shared terms", "shared theme", "Finding (line", "seeds/", "Author Not stated"):
            assert internal not in flat
    assert "Finding 3" in briefing.text() and "AFI 1" in briefing.text()


def test_questions_are_whole_sentences(default_pack):
    section = next(s for s in default_pack.briefing.sections if s.title == "Suggested questions for the meeting")
    for question in section.blocks[0].items:
        assert "..." not in question and question.endswith("?")
        quoted = re.findall(r'"([^"]+)"', question)
        assert all(q.rstrip().endswith((".", "?", "!")) for q in quoted)
    assert whole_sentences("One two. Three four five.", limit=12) == "One two."
    assert whole_sentences("A long first sentence with no end in sight", limit=5) == \
        "A long first sentence with no end in sight"


def test_no_word_breaks_inside_a_pdf_table_cell(default_pack):
    out, briefing = default_pack.dir, default_pack.briefing
    pdf_words = set(re.findall(r"[A-Za-z]{4,}", pdf_text(out / f"{STEM}.pdf")))
    for section in briefing.sections:
        for block in section.blocks:
            for row in getattr(block, "rows", ()):
                for word in re.findall(r"[A-Za-z]{4,}", " ".join(map(str, row))):
                    assert word in pdf_words, f"{word!r} is broken inside a cell of {block.name}"


def test_legend_swatches_match_the_bars(default_pack):
    from briefing.writers.style import OLD_FILL, grade_fill, legend

    chart = next(b for s in default_pack.briefing.sections for b in s.blocks if getattr(b, "kind", "") == "chart")
    items = legend(chart, len, 1000)
    assert items[0][3] == OLD_FILL and items[1][3] is None  # the later cycle is named, not given a colour
    assert {label: fill for _, _, label, fill in items[2:]} == {g: grade_fill(g) for g in
                                                             ("outstanding", "good", "adequate", "requires improvement")}


def test_word_opens_without_asking_and_lists_its_contents(default_pack):
    out = default_pack.dir
    assert "updateFields" not in zip_member(out / f"{STEM}.docx", "word/settings.xml")
    body = zip_member(out / f"{STEM}.docx", "word/document.xml")
    assert "TOC \\o" in body and "About the sources" in body


def test_no_author_means_no_author_row_and_no_placeholder(default_pack):
    out, briefing = default_pack.dir, default_pack.briefing
    assert briefing.metadata.author == ""
    header = next(s for s in briefing.sections if s.title == "About this paper").blocks[0]
    assert "Author" not in [r[0] for r in header.rows]
    import docx

    assert docx.Document(str(out / f"{STEM}.docx")).core_properties.author == ""


def test_figures_carry_units_on_both_sides_spaced_one_way():
    assert figure_value("20", "%") == "20%" and figure_value("29", "%") == "29%"
    assert figure_value("4.2", "per 1,000") == "4.2 per 1,000"
    assert figure_value("highest in England and Wales", "per 1,000") == "highest in England and Wales"


def test_files_get_the_users_normal_permissions(default_pack):
    out = default_pack.dir
    for path in out.iterdir():
        assert oct(path.stat().st_mode & 0o777) == "0o644", path.name


def test_workbook_types_and_drop_downs(default_pack):
    from openpyxl import load_workbook

    out = default_pack.dir
    wb = load_workbook(str(out / f"{STEM}.xlsx"))
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2) if r[0].value}
    assert summary["s.55 response due"].date() == date(2024, 4, 11)
    assert isinstance(summary["Persisting concerns"], int) and isinstance(summary["Areas: up"], int)
    assert summary["Areas: up"] == 5
    assert not wb["Findings"].data_validations.dataValidation  # computed status: no drop-down
    movements = {r[5].value for r in wb["Grades"].iter_rows(min_row=2)}
    assert "no longer graded" in movements and "no-longer-graded" not in movements
    assert all(isinstance(r[6].value, int) for r in wb["Grades"].iter_rows(min_row=2) if r[5].value)
    assert {c.value for c in wb["Matching"][1]} >= {"Score", "Reason"}
    assert "Score" not in [c.value for c in wb["Findings"][1]]


def test_one_truth_for_first_raised_in_json_pack_and_workbook(default_pack, runner, tmp_path):
    out, briefing = default_pack.dir, default_pack.briefing
    from conftest import DATA

    pair = (DATASETS["peel-2021-22"], DATASETS["peel-2023-25"])
    others = [p for p in sorted(DATA.glob("*.yaml")) if p not in pair]
    args = ["compare", *pair, "--format", "json"]
    data = json.loads(invoke(runner, *args, *sum((["--record", p] for p in others), [])).stdout)
    (link,) = data["persisting"]
    assert (link["first_raised"], link["times_raised"]) == ("PEEL 2015 (February 2016)", 6)
    sheets = xlsx_values(out / f"{STEM}.xlsx")
    finding_row = next(r for r in sheets["Findings"][1:] if r[0] == "persisting")
    assert finding_row[-1] == link["first_raised"]
    assert f"Raised in {link['first_raised']} and in all 5 inspections on file since" in briefing.text()


def test_email_body_names_only_what_is_attached_and_gives_the_deadline(default_pack, runner, tmp_path):
    import email
    from email import policy

    out = default_pack.copy(tmp_path / "pack")
    config = tmp_path / "config.yaml"
    config.write_text("smtp:\n  host: mail.example\n  from: briefings@opcc.example\n", encoding="utf-8")
    result = invoke(runner, "email", out, "--to", "pcc@example.org", "--dry-run", "--config", config)
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes((out / f"{STEM}.eml").read_bytes(), policy=policy.default)
    assert message["From"] == "briefings@opcc.example"
    body = message.get_body(("plain",)).get_content()
    assert ".pdf" in body and ".xlsx" not in body and "Excel" not in body
    assert "section 55 response was due" not in body  # a response is on file: no deadline to chase
    assert "s.55 response to PEEL 2023-25: a response is on file, but it gives no date" in body
    assert "resolved" not in body and "not in the source used" in body


def test_a_forbidden_link_takes_its_lifetime_with_it(runner, tmp_path):
    """Forbidding AFI 1 -> the allocation finding (line 60) leaves AFI 9 linked to it, and AFI 9
    has no earlier link: its lifetime must be its own, not AFI 1's (which goes back to 2015).
    The record and the pack's pair are one set of links."""
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text('forbid:\n  - {old: "AFI 1", new: "line 60"}\n', encoding="utf-8")
    result = invoke(runner, "pack", "--overrides", overrides, "--formats", "pdf", "--date", "2026-12-02",
                    "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(next((tmp_path / "out").glob("*.pdf"))).split())
    persisting = text[text.rindex("Persisting concerns"):text.index("Earlier findings not in the source used")]
    assert "AFI 9:" in persisting and "AFI 1:" not in persisting
    assert "Raised in PEEL 2021/22 (24 November 2021) and in the one inspection on file since" in persisting
    assert "PEEL 2015" not in persisting


def test_words_a_reader_would_notice(default_pack, tmp_path):
    """Each phrase here was once wrong in the rendered pack: a placeholder, a count off by one,
    a plural for one, a superlative of one, a caveat printed twice, a qualifier dropped."""
    text = " ".join(pdf_text(default_pack.path("pdf")).split())
    assert " k of " not in text and "pair(s)" not in text and "Findings counts" not in text
    assert "The one downgrade is Investigating crime" in text and "most important downgrade" not in text
    assert "One pair of areas maps only partially, so its movement is indicative" in text
    assert text.count("It isn't possible to make direct comparisons") == 1
    assert "highest in England and Wales (for those forces that could provide data)" in text
    assert "graded for the first time" not in text and "newly graded" in text
    assert "an HMICFRS assessment page" in text and "a HMICFRS" not in text
    assert "PEEL 2017 (2018)" in text[text.index("Where an inspection graded an area but its source on file"):]


def test_a_backdated_pack_says_nothing_that_happened_after_its_date(tmp_path):
    result = make_pack(PackRequest(out_dir=tmp_path, formats=("pdf",), options=PackOptions(date=date(2024, 3, 30))))
    text = " ".join(pdf_text(result.paths[0]).split())
    assert "is due in 12 days (11 April 2024)" in text
    assert "8 August 2024" not in text and "corrected" not in text.lower().replace("uncorrected", "")


def test_the_chief_officers_pack_points_to_the_findings_where_they_are(tmp_path, runner):
    result = invoke(runner, "pack", "--audience", "chief-officers", "--formats", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(next(tmp_path.glob("*.pdf"))).split())
    assert "Each finding under Open findings by area has a blank owner" in text
    assert text.index("Open findings by area") < text.index("Each finding under Open findings by area")


def test_the_questions_a_pcc_would_ask_first(default_pack, tmp_path):
    """In December 2026, PEEL 2025-27 is under way: the August 2024 correction is the record, not a
    question, and the paper looks ahead. In September 2024 the correction is asked about first."""
    text = " ".join(pdf_text(default_pack.path("pdf")).split())
    questions = text[text.index("Suggested questions for the meeting"):text.index("Statutory response (section 55)")]
    assert "HMICFRS corrected" not in questions
    assert "Investigating crime is graded requires improvement, and HMICFRS raises a new concern there" in questions
    assert "18 areas for improvement of PEEL 2021/22 are not in the source used for PEEL 2023-25" in questions
    assert "PEEL 2025-27 is under way. Which of the PEEL 2023-25 findings" in questions
    assert "PEEL 2025-27 is under way: HMICFRS published its assessment framework on 11 April 2025" in text
    september = make_pack(PackRequest(out_dir=tmp_path, formats=("pdf",), options=PackOptions(date=date(2024, 9, 1))))
    text = " ".join(pdf_text(september.paths[0]).split())
    questions = text[text.index("Suggested questions for the meeting"):text.index("Statutory response (section 55)")]
    first = questions[:questions.index("2 ")]
    assert "HMICFRS corrected the Responding to the public grade on 8 August 2024" in first
    assert "because the data the force supplied was wrong" in first
    assert "PEEL 2025-27" not in text


def test_citations_a_reader_can_follow(default_pack):
    text = " ".join(pdf_text(default_pack.path("pdf")).split())
    assert not re.search(r"Police, line \d+", text)  # a line of a text copy is for the workbook, not the paper
    assert "News article \u201cNorthamptonshire Police has made improvements but crime investigation" in text
    assert "grades as the news article lists them" in text
    assert "Grades read from the sentence opening each section of the report" in text
    assert "Publication date known only as 2021" not in text
    findings = xlsx_values(default_pack.path("xlsx"))["Findings"]
    assert "Place in the text used" in findings[0] and any(str(r[9]).startswith("line ") for r in findings[1:])
