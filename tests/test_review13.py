"""Review 13 (six forces no reviewer had read, and two s.55 drafts), each item as a PCC's
office would meet it: the sentence that was wrong, and what the source says."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import SHARED

LETTER = SHARED / "thematic-2" / "texts" / "hmicfrs-west-midlands-enhanced-monitoring-decision-letter.txt"
REVISIT = SHARED / "thematic" / "texts" / "hmicfrs-metropolitan-child-exploitation-causes-of-concern-revisit-2025.txt"


def _draft(runner, tmp_path, source) -> tuple[str, str]:
    """The response draft's title and its text, from its JSON document model."""
    if not source.exists():
        pytest.skip(f"{source} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "response", source, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    model = json.loads(next(tmp_path.glob("*-response.json")).read_text(encoding="utf-8"))
    text = " ".join(str(block.get("text", "")) for section in model["sections"] for block in section["blocks"])
    return model["metadata"]["title"], text


def test_a_monitoring_letter_is_given_no_s55_duty_nor_56_days(runner, tmp_path):
    """Item 1 (FALSE): the draft for West Midlands' Engage decision letter said section 55
    required a response "within the 56 days", which data/report_types.yaml (s55: false) and the
    pack's own register deny: a letter moving a force into Engage is no inspection report."""
    title, text = _draft(runner, tmp_path, LETTER)
    assert title.startswith("Comments on the HMICFRS letter:")
    assert "published its letter West Midlands Police: Enhanced monitoring decision on 29 November 2023" in text
    assert "is a monitoring letter, not an inspection report: the s.55 duty applies to inspection reports" in text
    assert "Section 55 of the Police Act 1996 requires" not in text and "56 days" not in text
    assert "section 55(5B)" not in text and "comments on the report" not in text
    assert "every cause of concern and recommendation in" not in text  # as if it listed some (review 14, item 13)
    assert "any cause of concern the letter sets out" in text


def test_a_revisit_that_closed_every_cause_of_concern_says_so(runner, tmp_path):
    """Item 9: the Met's revisit says "We issued three causes of concern" and "we have closed the
    causes of concern"; the draft asked the office to list every cause of concern in it, as if
    they were open, and never said they were closed."""
    _, text = _draft(runner, tmp_path, REVISIT)
    assert "The report says HMICFRS has closed the three causes of concern it had raised" in text
    assert "we have closed the causes of concern.\u201d, line 18)" in text
    assert "every cause of concern and recommendation in" not in text


def test_the_move_into_engage_is_on_the_day_the_letter_gives_never_its_publication_day(runner, tmp_path):
    """Item 2 (FALSE): with West Midlands' Engage letter on record, page 1 said the force "was
    moved into Engage ... on 29 November 2023", the day the letter was published; the letter
    tells of a decision given "On 22 November" (its year the letter's own), and says the force
    was "moved into Engage" again without a day: one move, on the day given."""
    old, new = (SHARED / "corpus-2" / "texts" / f"west-midlands-{c}-pressrelease.txt" for c in ("2021-22", "2023-25"))
    if not (old.exists() and LETTER.exists()):
        pytest.skip("the West Midlands texts are absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "pack", old, new, "--record", LETTER, "--formats", "json", "-o", tmp_path,
                    "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    text = next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8")
    assert "was moved into Engage, HMICFRS's enhanced monitoring, on 22 November 2023" in text
    assert "on or before 29 November 2023" not in text and "monitoring, on 29 November 2023" not in text


def test_a_move_its_source_gives_no_day_for_is_said_by_that_source_not_on_its_date():
    """Item 2, the rule: a move told of without its day happened on or before its source's date."""
    from datetime import date

    from briefing.compare.monitoring import monitoring_status
    from briefing.model import Inspection
    from briefing.places import PublicationDate
    from briefing.statements import Monitoring

    letter = Inspection("Northamptonshire Police", "", "Enhanced monitoring decision", PublicationDate.from_iso(
        "2023-11-29"), "letter.txt", report_type="monitoring-letter",
        monitoring=(Monitoring("engage", "entered", None, "the force being moved into Engage"),))
    words = monitoring_status([letter], date(2026, 12, 7)).words()
    assert words == ("was moved into Engage, HMICFRS's enhanced monitoring, on or before 29 November 2023, when the "
                     "source saying so was published")


def test_no_key_figures_on_file_is_never_said_as_none_in_the_source(runner, tmp_path):
    """Item 6: "The PEEL 2023-25 source, as recorded, states no key figures", though
    Staffordshire's release states 38% of victims turning down a DASH risk assessment: figures
    are kept by hand, never read from text, so the pack says none is on file and how to add one."""
    old, new = (SHARED / "corpus-2" / "texts" / f"staffordshire-{c}-pressrelease.txt" for c in ("2021-22", "2023-25"))
    if not new.exists():
        pytest.skip(f"{new} is absent: clone the project with ../shared beside it to run this test")
    assert invoke(runner, "pack", old, new, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07").exit_code == 0
    text = next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8")
    assert "No key figures are on file for PEEL 2023-25: they are not read from a report's text" in text
    assert "states no key figures" not in text


def test_unmatched_findings_beside_grades_weak_in_both_are_not_said_as_no_concern_in_both(runner, tmp_path):
    """Item 8 (reassuring): Avon and Somerset's summary said "The sources used show no concern
    raised in both inspections" while both grade responding, investigating and managing offenders
    requires improvement; item 22: "how each of that area moved" for one area."""
    old, new = (SHARED / "corpus-3" / "texts" / f"avon-and-somerset-{name}.txt"
                for name in ("2021-22-forcepage", "2023-25-pccpage"))
    if not new.exists():
        pytest.skip(f"{new} is absent: clone the project with ../shared beside it to run this test")
    assert invoke(runner, "pack", old, new, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07").exit_code == 0
    text = next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8")
    assert "show no concern raised in both" not in text and "how each of that area" not in text
    assert ("Responding to the public, investigating crime and managing offenders are graded requires improvement in "
            "both inspections: concerns there may persist.") in text  # as graded, never "or inadequate" (review 14, 15)


def test_hmicfrs_words_on_comparing_cycles_are_quoted_once():
    """Item 17: Humberside's grade movements (2018/19 to the revised 2021/22 set) printed the
    2021/22 caveat twice, once for each question set that carries it."""
    from briefing.compare.grades import caveats
    from briefing.model import Inspection
    from briefing.places import PublicationDate
    from briefing.reference import load_frameworks

    old, new = (Inspection("Northshire Police", cycle, "PEEL", PublicationDate.from_iso(day), "x.txt")
                for cycle, day in (("peel-2018-19", "2019-09-27"), ("peel-2021-22-revised", "2022-11-25")))
    comparable, notes = caveats(load_frameworks(), old, new, [])
    assert not comparable
    assert sum("These changes mean that it isn't possible" in note for note in notes) == 1, notes


def test_the_one_concern_a_source_says_carries_on_is_on_page_one(runner, tmp_path):
    """Item 14: Humberside's release has one concern ("it still needs to improve its reporting of
    anti-social behaviour incidents"); page 1 showed only the outstanding grades, its findings
    line cut behind the note that no PEEL 2023-25 report is on file."""
    old = SHARED / "corpus-2" / "texts" / "humberside-2018-19-report-legitimacy.txt"
    new = SHARED / "corpus-2" / "texts" / "humberside-2021-22-pressrelease.txt"
    if not new.exists():
        pytest.skip(f"{new} is absent: clone the project with ../shared beside it to run this test")
    assert invoke(runner, "pack", old, new, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07").exit_code == 0
    model = json.loads(next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8"))
    page_one = json.dumps(model["sections"][0])
    assert "no PEEL 2023-25 report of the force is on file" in page_one
    assert "it still needs to improve its reporting of anti-social behaviour incidents" in page_one
