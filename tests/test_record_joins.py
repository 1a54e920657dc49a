"""What the register says when the files on record belong together but do not say so in
the same words (compare/record.py), each case built here from small datasets:

- a response on file names a report by its title but misdates it (a year out): not attached,
  and the report's row says so, not "none on file";
- an undated press release with the title and force of a dated report: that report's page, its
  causes of concern joined to the report's row and response draft, said in a warning naming both;
- what must stay apart: two dated reports of one title, an undated page that could be either
  of them, and a response with the title alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import invoke

FORCE = "Warwickshire Police"
TITLE = "Report on an unannounced inspection visit to police custody suites in Warwickshire"
REPORT = (f"force: {FORCE}\nreport_type: force-inspection\ntitle: {TITLE}\ncovers: [{FORCE}]\n"
          "source: report.txt\n")
RELEASE = REPORT.replace("report.txt", "release.txt") + (
    "findings:\n"
    "- {kind: cause-of-concern, text: 'the safety of detainees in custody, including checks not done on time',"
    " line: 14}\n"
    "- {kind: cause-of-concern, text: 'the quality of custody records, with contradictory entries', line: 16}\n")
MISDATED = (f"{{force: {FORCE}, report_type: force-inspection, title: \"{TITLE}\", published: 2021-02-09, "
            "response: {by: Warwickshire PCC, date: 2022-03-30}}\n")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _register(runner, *files: Path, table: bool = False):
    args = ("register", *files, "--date", "2026-12-07") + (() if table else ("--format", "json"))
    result = invoke(runner, *args, columns=200)
    assert result.exit_code == 0, result.output
    return result, (None if table else json.loads(result.stdout)["reports"])


def test_a_misdated_response_is_said_in_the_reports_row_not_none_on_file(runner, tmp_path):
    report = _write(tmp_path, "report.yaml", REPORT + "published: 2022-02-09\n")
    answer = _write(tmp_path, "answer.yaml", MISDATED)
    result, [row] = _register(runner, report, answer)
    assert row["response_published"] is None  # still not attached: the dates differ
    assert row["status"] == ("the 56 days ended 5 April 2022; a response on file names this report but dates it "
                             "9 February 2021: check it, then attach it")
    assert row["response_misdated"] == "2021-02-09"
    table, _ = _register(runner, report, answer, table=True)
    assert "one on file dates it 9 Feb 2021: check it" in table.stdout and "none on file" not in table.stdout
    assert "answer.yaml answers" in result.stderr and "it is attached to none" in result.stderr


def test_a_response_giving_the_report_no_date_is_said_too(runner, tmp_path):
    report = _write(tmp_path, "report.yaml", REPORT + "published: 2022-02-09\n")
    answer = _write(tmp_path, "answer.yaml", MISDATED.replace("published: 2021-02-09, ", ""))
    _, [row] = _register(runner, report, answer)
    assert row["status"].endswith("a response on file names this report but gives no date for it: check it, "
                                  "then attach it")


def test_the_misdated_response_is_said_in_the_packs_s55_sentence_and_while_the_days_run():
    from dataclasses import replace
    from datetime import date

    from briefing.compare.standing import response_standing, s55_due
    from briefing.places import PublicationDate

    published, misdated = PublicationDate(2022, 2, 9), PublicationDate(2021, 2, 9)
    ended = replace(response_standing(s55_due(published), None, date(2026, 12, 7), published), misdated=misdated)
    assert ended.words("said") == ("was due 5 April 2022, and a response on file names this report but dates it "
                                   "9 February 2021: check it, then attach it")
    running = replace(response_standing(s55_due(published), None, date(2022, 3, 1), published), misdated=misdated)
    assert running.words() == ("response due in 35 days (5 April 2022); a response on file names this report but "
                               "dates it 9 February 2021: check it, then attach it")
    assert replace(ended, misdated=None).words() == "the 56 days ended 5 April 2022; no response on file"


def test_an_undated_release_of_a_dated_report_joins_it(runner, tmp_path):
    report = _write(tmp_path, "report.yaml", REPORT + "published: 2022-02-09\n")
    release = _write(tmp_path, "release.yaml", RELEASE)
    result, rows = _register(runner, report, release)
    [row] = rows  # one report, not a second row with no date
    assert row["published"] == "2022-02-09" and row["recommendations_for_force"] == 2
    assert re.search(r"release\.yaml gives no date and has the title and force of \S*report\.yaml \(Report on an "
                     r"unannounced .*, published 9 February 2022\): it is taken as that report's page; the 2 findings it "
                     r"lists that the report's file does not are joined to the report", result.stderr)


def test_the_joined_causes_of_concern_reach_the_response_draft_once(runner, tmp_path):
    report = _write(tmp_path, "report.yaml", REPORT + "published: 2022-02-09\nfindings:\n"
                    "- {kind: cause-of-concern, text: 'The safety of detainees in custody, including checks not done "
                    "on time.', line: 30}\n")
    release = _write(tmp_path, "release.yaml", RELEASE)
    for given in ((report, "--record", release), (release, "--record", report)):  # either file as the one answered
        out = tmp_path / given[0].stem
        made = invoke(runner, "response", *given, "--date", "2026-12-07", "--formats", "html", "-o", out)
        assert made.exit_code == 0, made.output
        [page] = out.glob("*.html")
        text = page.read_text(encoding="utf-8")
        assert "on 9 February 2022" in text  # the dated report's date
        first, second = "Cause of concern, the first listed", "Cause of concern, the second listed"
        assert text.count(first) == 1 and second in text  # not numbered in the source: by place (review 10, item 7)
        assert "Cause of concern, the third listed" not in text
        assert "contradictory entries" in text and text.count("safety of detainees") == 1


def test_two_dated_reports_of_one_title_are_never_joined_nor_an_undated_page_guessed(runner, tmp_path):
    first = _write(tmp_path, "report-2018.yaml", REPORT + "published: 2018-05-01\n")
    second = _write(tmp_path, "report-2022.yaml", REPORT + "published: 2022-02-09\n")
    release = _write(tmp_path, "release.yaml", RELEASE)
    result, rows = _register(runner, first, second, release)
    assert sorted(r["published"] for r in rows) == ["2018-05-01", "2022-02-09", "unknown"]
    assert "release.yaml gives no date, and 2 reports on file have its title" in result.stderr
    assert "joined to none" in result.stderr


def test_a_response_is_still_attached_only_by_title_and_date(runner, tmp_path):
    """A page may join its report by title and force alone; a response may not (it could answer another report)."""
    first = _write(tmp_path, "report-2018.yaml", REPORT + "published: 2018-05-01\n")
    second = _write(tmp_path, "report-2022.yaml", REPORT + "published: 2022-02-09\n")
    answer = _write(tmp_path, "answer.yaml", MISDATED)
    _, rows = _register(runner, first, second, answer)
    assert all(r["response_published"] is None and r["response_misdated"] is None for r in rows)
