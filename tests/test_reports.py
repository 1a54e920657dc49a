"""Every report that touches the force: a quarter with a PEEL report, two national thematic
reports and a revisit letter, read from texts written for these tests in the shapes of
../shared/thematic/ (tests/fixtures/reports/), carried through two packs.

What the fixtures plant:
- knife-crime-report.txt: a national thematic report page, "Published on: 14 March 2024"
  (s.55 last day 8 May 2024), four recommendations: 1 for chief constables "By 30 September
  2024", 2 for forces "Within six months" (14 September 2024, worked out), 3 for the College
  of Policing (national: no tracker row), 4 for PCCs "By 31 December 2024".
- knife-crime-pcc-response.txt: the PCC's response to it, dated 2 May 2024: within the 56 days.
- exploitation-press-release.txt: a press release, 5 December 2023 (last day 29 January
  2024, no response on file), "nine recommendations", two of them quoted: one for chief
  constables "By June 2024" (due 30 June 2024, the month's last day), one for the NPCC.
- revisit-letter.txt: a PEEL cause of concern revisit letter sent on 15 May 2024 (last day
  9 July 2024: due in 36 days on 3 June 2024), two causes of concern and two
  recommendations "within three months" (15 August 2024).
The PEEL pair is the bundled one (PEEL 2021/22 and PEEL 2023-25, published 16 February 2024).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import invoke
from packs import docx_text, pdf_text, xlsx_values
from programs import need_libreoffice, soffice_convert

REPORTS = Path(__file__).parent / "fixtures" / "reports"
KNIFE, RESPONSE = REPORTS / "knife-crime-report.txt", REPORTS / "knife-crime-pcc-response.txt"
EXPLOITATION, REVISIT = REPORTS / "exploitation-press-release.txt", REPORTS / "revisit-letter.txt"
RECORD = [arg for path in (KNIFE, RESPONSE, EXPLOITATION, REVISIT) for arg in ("--record", str(path))]
KNIFE_TITLE = "An inspection of how well the police tackle knife crime"
EXPLOITATION_TITLE = "An inspection of the police response to the criminal exploitation of children"
REVISIT_TITLE = "Northamptonshire Police: PEEL cause of concern revisit letter"


def _register(runner, day: str) -> dict:
    files = [str(p) for p in (KNIFE, RESPONSE, EXPLOITATION, REVISIT)]
    result = invoke(runner, "register", *files, "--force", "Northamptonshire Police", "--date", day, "--format", "json")
    assert result.exit_code == 0, result.output
    return {r["title"]: r for r in json.loads(result.stdout)["reports"]}


def test_the_register_dates_each_response_as_of_the_day_asked(runner):
    reports = _register(runner, "2024-06-03")
    assert set(reports) == {KNIFE_TITLE, EXPLOITATION_TITLE, REVISIT_TITLE}  # the response joins its report
    knife = reports[KNIFE_TITLE]
    assert (knife["published"], knife["s55_due"], knife["response_published"]) == ("2024-03-14", "2024-05-08",
                                                                                   "2024-05-02")
    assert knife["status"] == "response published 2 May 2024, within the 56 days"
    assert (knife["recommendations_for_force"], knife["for_pcc"], knife["for_information"]) == (2, 1, 1)
    exploitation = reports[EXPLOITATION_TITLE]
    assert exploitation["s55_due"] == "2024-01-29" and exploitation["recommendations_stated"] == 9
    assert exploitation["status"] == "the 56 days ended 29 January 2024; no response on file"
    revisit = reports[REVISIT_TITLE]
    assert (revisit["report_type"], revisit["s55_due"]) == ("revisit-letter", "2024-07-09")
    assert revisit["status"] == "response due in 36 days (9 July 2024)"


def test_the_register_holds_only_what_was_out_by_its_date(runner):
    reports = _register(runner, "2024-04-01")
    assert set(reports) == {KNIFE_TITLE, EXPLOITATION_TITLE}  # the letter was sent on 15 May
    assert reports[KNIFE_TITLE]["status"] == "response due in 37 days (8 May 2024)"  # the 2 May response is not out yet
    assert reports[KNIFE_TITLE]["response_published"] is None


def test_the_register_table_reads_in_a_terminal(runner):
    result = invoke(runner, "register", str(KNIFE), str(REVISIT), "--force", "Northamptonshire Police",
                    "--date", "2024-06-03", columns=100)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Northamptonshire Police: 2 reports on file, newest first; responses as of 3 June 2024"
    assert all(len(line) <= 100 for line in lines)
    assert lines[1] == "HMICFRS monitoring: not stated in the sources on file"  # never "Scan" by default
    assert lines[2].split() == ["Published", "Report", "Last", "day", "Response", "For", "the", "force"]
    assert "For the force: the recommendations, causes of concern and areas for improvement" in " ".join(lines)
    assert lines[4].startswith("sent 15 May 2024") and "9 Jul 2024" in lines[4]  # its sent day said so; its last day


def test_a_report_about_another_force_only_is_not_in_the_register(runner, tmp_path):
    other = tmp_path / "custody.yaml"
    other.write_text("force: Surrey Police\nreport_type: force-inspection\ntitle: Custody suites in Surrey\n"
                     "published: 2024-02-01\ncovers: [Surrey Police]\nsource: custody.txt\n", encoding="utf-8")
    result = invoke(runner, "register", str(REVISIT), str(other), "--force", "Northamptonshire Police",
                    "--date", "2024-06-03", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in json.loads(result.stdout)["reports"]] == [REVISIT_TITLE]


def _rows(path: Path) -> list[dict]:
    sheet = xlsx_values(path)["Actions"]
    head = sheet[0]
    return [dict(zip(head, row)) for row in sheet[1:] if row and row[0]]


def _edit(path: Path, target: Path) -> None:
    """A quarter's edits: the exploitation recommendation gets an owner and a status."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    ws = book["Actions"]
    head = {c.value: c.column for c in ws[1]}
    for row in ws.iter_rows(min_row=2):
        if str(row[head["Inspection"] - 1].value or "").startswith(EXPLOITATION_TITLE):
            row[head["Owner"] - 1].value = "DCI D. Khan"
            row[head["Status"] - 1].value = "In progress"
    book.save(str(target))


@pytest.fixture(scope="module")
def quarter(tmp_path_factory):
    """Q1 on 1 March 2024 (only the exploitation report of the four was out), edited and saved
    again by LibreOffice; Q2 on 3 June 2024 carries it."""
    from click.testing import CliRunner

    need_libreoffice("xlsx")
    runner, tmp = CliRunner(), tmp_path_factory.mktemp("quarter")
    q1 = invoke(runner, "pack", *RECORD, "--date", "2024-03-01", "--formats", "xlsx", "-o", tmp / "q1")
    assert q1.exit_code == 0, q1.output
    first = next((tmp / "q1").glob("*.xlsx"))
    edited = tmp / "edited.xlsx"
    _edit(first, edited)
    run = soffice_convert(edited, tmp / "lo", "xlsx:Calc MS Excel 2007 XML", tmp / "profile")
    assert run.returncode == 0, run.stderr
    q2 = invoke(runner, "pack", *RECORD, "--tracker", tmp / "lo" / "edited.xlsx", "--date", "2024-06-03",
                "--formats", "pdf,xlsx,docx", "-o", tmp / "q2")
    assert q2.exit_code == 0, q2.output
    return first, tmp / "q2"


def test_the_first_quarter_tracks_only_what_was_published_by_then(quarter):
    first, _ = quarter
    rows = _rows(first)
    inspections = {str(r["Inspection"]) for r in rows}
    assert any(i.startswith(EXPLOITATION_TITLE) for i in inspections)
    assert not any(i.startswith((KNIFE_TITLE, REVISIT_TITLE)) for i in inspections)
    register = {row[0]: row for row in xlsx_values(first)["Reports"][1:]}
    assert KNIFE_TITLE not in register and REVISIT_TITLE not in register
    assert "the 56 days ended 29 January 2024; no response on file" in register[EXPLOITATION_TITLE]


def test_every_applicable_recommendation_has_a_row_with_its_due_date_after_a_round_trip(quarter):
    _, q2 = quarter
    rows = _rows(next(q2.glob("*.xlsx")))
    knife = {r["ID"]: r for r in rows if str(r["Inspection"]).startswith(KNIFE_TITLE)}
    assert sorted(knife) == [f"an-inspection-of-how-well-the-police-tackle-2024/Recommendation {n}"
                             for n in (1, 2, 4)]  # 3 is the College of Policing's: not the force's to track
    due = {key.rsplit(" ", 1)[1]: r["Due date"] for key, r in knife.items()}
    assert {n: d.date() for n, d in due.items()} == {"1": date(2024, 9, 30), "2": date(2024, 9, 14),
                                                     "4": date(2024, 12, 31)}
    second = knife["an-inspection-of-how-well-the-police-tackle-2024/Recommendation 2"]
    assert second["Deadline in the report"] == ("within six months of 14 March 2024 (due date worked out from "
                                                "publication)")
    assert knife["an-inspection-of-how-well-the-police-tackle-2024/Recommendation 4"]["Addressed to"] == \
        "police and crime commissioners"
    exploitation = [r for r in rows if str(r["Inspection"]).startswith(EXPLOITATION_TITLE)]
    assert len(exploitation) == 1  # the NPCC's recommendation is listed for information only
    carried = exploitation[0]
    assert (carried["Owner"], carried["Status"]) == ("DCI D. Khan", "In progress")  # survived LibreOffice
    assert carried["Due date"].date() == date(2024, 6, 30)
    assert carried["Deadline in the report"] == "by June 2024 (due date: the month's last day)"
    letter = [r for r in rows if str(r["Inspection"]).startswith(REVISIT_TITLE)]
    assert sorted(r["Kind"] for r in letter) == ["Cause of concern"] * 2 + ["Recommendation"] * 2
    assert {r["Due date"].date() for r in letter if r["Kind"] == "Recommendation"} == {date(2024, 8, 15)}


def test_a_revisit_letter_is_linked_to_the_peel_finding_it_follows_up(quarter):
    _, q2 = quarter
    rows = _rows(next(q2.glob("*.xlsx")))
    related = {str(r["Finding"])[:41]: str(r["Related finding"] or "") for r in rows
               if str(r["Inspection"]).startswith(REVISIT_TITLE)}
    assert related["The force should, within three months: ma"].startswith("overlaps Finding 2 of PEEL 2023-25: ")
    assert "call" in related["The force should, within three months: ma"]  # the reason names the shared words
    allocated = related["The force did not make sure that vulnerab"]  # the lead-in's "that the force:" leads it
    assert allocated.startswith("overlaps Finding 3 of PEEL 2023-25: ") and "vulnerable" in allocated


def test_the_reports_sheet_is_the_register(quarter):
    _, q2 = quarter
    sheet = xlsx_values(next(q2.glob("*.xlsx")))["Reports"]
    rows = {r[0]: dict(zip(sheet[0], r)) for r in sheet[1:]}
    knife = rows[KNIFE_TITLE]
    assert knife["Published"] == datetime(2024, 3, 14) and knife["s.55 last day"] == datetime(2024, 5, 8)
    assert knife["Response published"] == datetime(2024, 5, 2)
    assert knife["For the force"] == 2 and knife["For the PCC"] == 1
    assert rows[REVISIT_TITLE]["Where the response stands"] == "response due in 36 days (9 July 2024)"


def test_the_pack_says_what_came_since_the_last_pack_and_what_is_due(quarter):
    _, q2 = quarter
    for text in (pdf_text(next(q2.glob("*.pdf"))), docx_text(next(q2.glob("*.docx")))):
        flat = " ".join(text.split())
        start = flat.rindex("HMICFRS reports since the last pack")  # the section, not a contents entry
        since = flat[start:flat.index("s.55 responses due", start)]
        assert "published after the last pack (1 March 2024)" in since
        assert KNIFE_TITLE in since and REVISIT_TITLE in since
        assert EXPLOITATION_TITLE not in since  # December 2023: before the last pack
        due = flat[flat.index("s.55 responses due", start):]
        assert "response due in 36 days (9 July 2024)" in due
        assert "the 56 days have ended and no response is on file" in due


def test_a_thematic_response_answers_what_falls_to_the_force(runner, tmp_path):
    result = invoke(runner, "response", str(KNIFE), "--force", "Northamptonshire Police", "--date", "2024-03-20",
                    "--formats", "docx", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(next(tmp_path.glob("*-s55-response.docx"))).split())
    assert text.startswith(f"Response to the HMICFRS report: {KNIFE_TITLE}")
    assert "The response is due by 8 May 2024" in text
    assert "national report, which section 55 puts to every Police and Crime Commissioner" in text
    assert "send them to HMICFRS and the Home Secretary" in text
    entries = text[text.index("Recommendations and causes of concern"):]
    for n in (1, 2, 4):
        assert f"Recommendation {n}" in entries
    assert entries.count("[To be written by the office: the action taken or proposed") == 3
    noted = entries[entries.index("Recommendations for national bodies"):]
    assert "Recommendation 3: By March 2025, the College of Policing should" in noted
    assert "The report asks for this by 30 September 2024." in entries
    assert "The inspectorate's grades" not in text  # a thematic report has none
    assert "[To be written by the office: every cause of concern and recommendation in" in text  # partial source


def test_a_national_report_needs_to_know_whose_response_it_is(runner, tmp_path):
    result = invoke(runner, "response", str(KNIFE), "-o", tmp_path)
    assert result.exit_code == 1
    assert "a national report names no force; say whose response this is with --force NAME" in result.stderr
    assert not list(tmp_path.iterdir())


# --- what type of report a text is about, from its title and its words ---------------------

PAGE = "SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/{slug}/\n{title}\n\nPublished on: 9 February 2024\n\n"
NEWS = "SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/{slug}/\n{headline}\n\n{link}\n\n{title}\n\n"


@pytest.mark.parametrize(("text", "kind", "title"), [
    # a title naming one force is that force's inspection, though "police service" is a national report's words
    (PAGE.format(slug="exploitation", title="The Cumbria Constabulary's handling of the exploitation of children")
     + "The police service has a shared duty to protect children.", "force-inspection",
     "The Cumbria Constabulary's handling of the exploitation of children"),
    (PAGE.format(slug="stalking", title="Stalking: An inspection of Kent Police, and an update on national recommendations")
     + "We inspected the force in 2019.", "force-inspection", "Stalking: An inspection of Kent Police, and an update on "
     "national recommendations"),
    # other inspectorates named, not working with HMICFRS on this report: a national report of its own
    (NEWS.format(slug="protect-children", headline="Inspectors call for new approaches to protecting children",
                 link="Get the report", title="National child protection inspections: 2024 thematic report")
     + "These, with the joint targeted area inspections carried out with Ofsted and the Care Quality Commission, give "
       "a detailed picture.", "thematic", "National child protection inspections: 2024 thematic report"),
    (PAGE.format(slug="rape", title="Police and prosecutors: a thematic report on rape investigations")
     + "A joint inspection by HMICFRS and HMCPSI.", "joint-thematic", "Police and prosecutors: a thematic report on "
     "rape investigations"),
    # a press release linking to the letter it announces
    (NEWS.format(slug="removed", headline="Northshire Police removed from enhanced monitoring", link="Get the letter",
                 title="Northshire Police: PEEL causes of concern revisit letter")
     + "The force was moved into Engage in June 2022.", "revisit-letter",
     "Northshire Police: PEEL causes of concern revisit letter"),
    # a PEEL report's news that says further down that the force left Engage is the report's, not a letter
    ("SOURCE: https://www.cumbria-news.co.uk/peel-2024\nCumbria Constabulary has made efforts to improve\nThe police "
     "inspectorate has graded Cumbria Constabulary's performance in its PEEL 2023-25 inspection.\nIt found the force "
     "good at preventing crime and adequate at investigating crime.\nThe force was moved into Engage in June 2022 and "
     "was removed from Engage in May 2024.", "peel", "PEEL 2023-25: Cumbria Constabulary"),
    (NEWS.format(slug="engage", headline="Cumbria Constabulary removed from enhanced monitoring", link="Read more",
                 title="The force was moved into Engage in June 2022.") + "It was rated adequate in 2023.",
     "monitoring-letter", "Cumbria Constabulary was moved out of Engage (enhanced monitoring) into routine monitoring "
     "(Scan)"),  # no title of its own: the move it states (its headline's, undated there)
    # the annual assessment, and a letter that is neither a revisit nor a monitoring letter
    ("SOURCE: https://www.northshire-pcc.gov.uk/state-of-policing/\nHome Secretary\n2 Marsham Street\n13th September 2024"
     "\nState of Policing: The Annual Assessment of Policing in England and Wales 2023\nI am writing to you in response "
     "to the inspectorate's annual assessment of policing.", "other",
     "State of Policing: The Annual Assessment of Policing in England and Wales 2023"),
    (PAGE.format(slug="vetting-letter", title="Vetting and misconduct in the police service: review of progress \u2013 letter")
     + "I write in response to your letter.", "other", "Vetting and misconduct in the police service: review of "
     "progress - letter"),  # the reader makes every dash a hyphen
])
def test_a_report_is_typed_by_its_title_and_words(tmp_path, text, kind, title):
    from briefing.extract import extract

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    inspection = extract(path).inspection
    assert (inspection.report_type, inspection.title) == (kind, title)


def test_a_pcc_response_page_is_titled_by_the_report_never_by_who_spoke(tmp_path):
    """A response page that names the report only as "the HMIC report" has no title to read:
    the PCC's words are not one."""
    from briefing.extract import extract

    path = tmp_path / "response.txt"
    path.write_text("SOURCE: https://www.northshire-pcc.gov.uk/hmicfrs_responses/core-business/\nOn 4 September HMIC "
                    "published its inspection findings about crime prevention.\nCommenting on the HMIC report, "
                    "Northshire's Police and Crime Commissioner Jo Bloggs said:\nI welcome the report.", encoding="utf-8")
    extraction = extract(path)
    assert extraction.inspection.title == ""
    assert "the report's title could not be read; set 'title' from the report" in extraction.warnings


@pytest.mark.parametrize(("text", "title"), [
    ("SOURCE: https://www.northshire-pcc.gov.uk/news/engage/\nHMICFRS has moved Northshire Police into an enhanced "
     "level of monitoring.\n\nThe force was moved into Engage in June 2022 because it is not answering calls quickly.",
     "Northshire Police was moved into Engage, HMICFRS's enhanced monitoring"),
    ("Police forces previously in Engage\n\nNorthshire Police\n\nMoved out of Engage\n\nSeptember 2023\n\nReasons\n\n"
     "The force improved how it answers calls.\n\nEntered Engage\n\n2019\n",
     "Northshire Police was moved out of Engage (enhanced monitoring) into routine monitoring (Scan) in September 2023"),
])
def test_a_monitoring_letter_without_a_title_is_titled_by_the_move_it_states(tmp_path, text, title):
    """A letter or page about a move into or out of Engage has no title a rule can read: it is
    titled by the first move of the force it states (so a pack can name it), and says so."""
    from briefing.extract import extract

    path = tmp_path / "engage.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract(path, force="Northshire Police")
    assert (extraction.inspection.report_type, extraction.inspection.title) == ("monitoring-letter", title)
    assert any(w.startswith("the title was given from the move between monitoring stages") for w in extraction.warnings)
