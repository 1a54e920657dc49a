"""Review 14 (review 13's packs again, and Gwent, Derbyshire and Suffolk), each item as a PCC's
office would meet it: the sentence that was wrong, and what the source says."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import SHARED


def _pack(runner, tmp_path, old, new, *more) -> dict:
    """The pack's JSON document model, made from real texts (skipped where they are absent)."""
    for path in (old, new):
        if not path.exists():
            pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "pack", old, new, *more, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    return json.loads(next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8"))


def test_a_fall_from_good_to_adequate_across_the_scale_change_carries_hmicfrs_caveat_on_page_one(runner, tmp_path):
    """Item 3: Gwent's preventing crime, good in 2018/19 (a scale with no adequate) and adequate in
    2023-25, was a "downgrade" on page 1, HMICFRS's caveat for exactly that fall only on page 3."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "gwent-2018-19-forcepage.txt",
                  SHARED / "corpus-3" / "texts" / "gwent-2023-25-news.txt")
    page_one = json.dumps(model["sections"][0], ensure_ascii=False)
    assert "Preventing crime: good in PEEL 2018/19, adequate now" in page_one
    assert ("the PEEL 2018/19 scale had no adequate grade, and HMICFRS says a fall from good to adequate does not "
            "necessarily mean that performance fell") in page_one


def test_the_one_finding_said_to_carry_on_is_quoted_once_in_the_summary(runner, tmp_path):
    """Item 10: Humberside's summary quoted its one concern twice in a row, once in the paragraph
    on it and again in the findings line; page 1 quotes it (review 13, item 14)."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "humberside-2018-19-report-legitimacy.txt",
                  SHARED / "corpus-2" / "texts" / "humberside-2021-22-pressrelease.txt")
    concern = "it still needs to improve its reporting of anti-social behaviour incidents"
    assert concern in json.dumps(model["sections"][0], ensure_ascii=False)
    summary = next(s for s in model["sections"] if s["title"].lower().startswith("executive summary"))
    assert json.dumps(summary, ensure_ascii=False).count(concern) == 1
    assert "said to carry on from before" not in json.dumps(summary)  # said once, beside the quote (review 15, 17)


def test_a_stage_stated_by_a_dated_letter_is_as_stated_on_its_date():
    """Item 14: the Met's return-to-Scan letter of 23 January 2025 was "as stated on or before 23
    January 2025": a stage is stated on its source's day; only a move is "on or before" it."""
    from datetime import date

    from briefing.compare.monitoring import monitoring_status
    from briefing.model import Inspection
    from briefing.places import PublicationDate
    from briefing.statements import Monitoring

    letter = Inspection("Metropolitan Police Service", "", "Return to default phase of monitoring",
                        PublicationDate.from_iso("2025-01-23"), "letter.txt", report_type="monitoring-letter",
                        monitoring=(Monitoring("scan", "entered", None, "returned the force to Scan"),))
    assert monitoring_status([letter], date(2026, 12, 7)).words() == \
        "is in Scan, HMICFRS's routine monitoring (as stated on 23 January 2025)"


def test_page_one_gives_the_rest_grade_beside_the_weak_areas_and_the_cycle_by_its_short_name(runner, tmp_path):
    """Item 18: Gwent's page 1 said "the source does not state every area's grade" where it says
    every graded area it does not name was adequate (never "every other", which would take in its
    outstanding crime recording); item 16: "PEEL 2021/22 (revised question set)'s reporting years"."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "gwent-2018-19-forcepage.txt",
                  SHARED / "corpus-3" / "texts" / "gwent-2023-25-news.txt")
    page_one = json.dumps(model["sections"][0], ensure_ascii=False)
    assert ("are graded requires improvement in PEEL 2023-25; the source says every graded area it does not name was "
            "adequate.") in page_one
    assert "does not state every area's grade" not in page_one
    model = _pack(runner, tmp_path / "derbyshire", SHARED / "corpus" / "texts" / "derbyshire-2016-hmicfrs-assessment.txt",
                  SHARED / "corpus" / "texts" / "derbyshire-2021-22-press-release.txt")
    text = json.dumps(model, ensure_ascii=False)
    assert "within PEEL 2021/22's reporting years" in text and "(revised question set)'s" not in text


def test_a_quoted_recommendation_runs_past_an_apostrophe(tmp_path):
    """Item 11: Suffolk 2017's "'should put in place better processes ... and how this affects the
    force's ability to meet current and likely future demand efficiently'" was cut at "the force"
    (the apostrophe taken for the closing quotation mark), losing its point: demand."""
    from briefing.extract import extract

    path = tmp_path / "news.txt"
    path.write_text("Northshire Police rated good for efficiency\n\nPublished on: 22 March 2017\n\n"
                    "The report highlighted one way in which the force could improve, stating that it 'should put in "
                    "place better processes to understand how this affects the force's ability to meet future "
                    "demand'.\n", encoding="utf-8")
    texts = [f.text for f in extract(path).inspection.findings]
    assert ("Should put in place better processes to understand how this affects the force's ability to meet future "
            "demand.") in texts, texts


def test_the_question_on_earlier_findings_the_source_does_not_speak_to_names_them(runner, tmp_path):
    """Review 13, item 23: Staffordshire's question said "One finding of PEEL 2021/22 is not in the
    source used", beside a section counting three (two of which the source says carry on), and did
    not say which one."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "staffordshire-2021-22-pressrelease.txt",
                  SHARED / "corpus-2" / "texts" / "staffordshire-2023-25-pressrelease.txt")
    assert "Two findings of PEEL 2021/22 (Finding 3 and Finding 5) are not in the source used for PEEL 2023-25" in \
        json.dumps(model, ensure_ascii=False)


def test_what_the_report_also_said_the_force_must_do_is_a_finding():
    """Item 7: Suffolk 2023-25's "It also said that Suffolk Constabulary must ensure processes are in
    place to safeguard victims effectively", after the inspectorate's "needs to improve its response
    to the public", was no finding, so protecting victims was in no question."""
    from reading import read_shared

    if not (SHARED / "corpus" / "texts" / "suffolk-2023-25-press-release.txt").exists():
        pytest.skip("the Suffolk text is absent: clone the project with ../shared beside it to run this test")
    texts = [f.text for f in read_shared("corpus/texts/suffolk-2023-25-press-release.txt").inspection.findings]
    assert "Suffolk Constabulary must ensure processes are in place to safeguard victims effectively." in texts


def test_a_concern_is_never_called_new_against_a_source_that_does_not_list_every_finding(runner, tmp_path):
    """Review 15, item 2: Dyfed-Powys's questions said "HMICFRS raises a new concern there" four
    times, against a 2017 effectiveness page that lists some findings, not every one."""
    model = _pack(runner, tmp_path, SHARED / "corpus" / "texts" / "dyfed-powys-2017-report-effectiveness.txt",
                  SHARED / "corpus" / "texts" / "dyfed-powys-2018-19-report-effectiveness.txt")
    text = json.dumps(model, ensure_ascii=False)
    assert "a new concern there" not in text
    assert ("HMICFRS raises a concern there (Area for improvement 1; not in the PEEL 2017 source used, which does not "
            "list every finding)") in text


def test_a_peel_spotlight_report_is_the_thematic_it_names_and_its_date_is_kept():
    """Review 15, item 6: Surrey's response says "the HMICFRS PEEL spotlight report 'The police
    response to burglary, robbery and other acquisitive crime: Finding time for crime' which was
    published in August 2022": that is this report, a spotlight (thematic) report, not a PEEL
    assessment, so its month is its date, never "that of another report"."""
    from reading import read_shared

    name = "thematic-2/texts/surrey-finding-time-for-crime-pcc-response.txt"
    if not (SHARED / name).exists():
        pytest.skip(f"{name} is absent: clone the project with ../shared beside it to run this test")
    inspection = read_shared(name).inspection
    assert inspection.report_type == "thematic" and inspection.published.iso() == "2022-08"
    assert "not of this report" not in inspection.notes


def test_words_lent_by_another_finding_are_said_to_be_its_and_where_they_stand(runner, tmp_path):
    """Review 13, item 18 and review 15: the Met 2023-25's "There are ongoing concerns about how the
    Metropolitan Police investigates crime ..." (line 3) says its concerns about that work carry on;
    the HMI's quote (line 19) has no such words, and a question said "HMICFRS says this carries on"
    of it. The words are lent with their place (Finding.continues_at), kept through a dataset."""
    from reading import read_shared

    from briefing.ingest.dataset import dump_dataset, load_dataset

    name = "corpus-2/texts/metropolitan-2023-25-pressrelease.txt"
    if not (SHARED / name).exists():
        pytest.skip(f"{name} is absent: clone the project with ../shared beside it to run this test")
    found = read_shared(name).inspection
    lent = [f for f in found.findings if f.continues and f.continues_at is not None]
    assert lent and all(f.continues_at.line == 3 for f in lent) and all(f.place.line != 3 for f in lent)
    (tmp_path / "met.yaml").write_text(dump_dataset(found), encoding="utf-8")
    assert [f.continues_at for f in load_dataset(tmp_path / "met.yaml").findings] == \
        [f.continues_at for f in found.findings]
    model = _pack(runner, tmp_path / "pack", SHARED / "corpus-2" / "texts" / "metropolitan-2021-22-pressrelease.txt",
                  SHARED / name)
    text = json.dumps(model, ensure_ascii=False)
    assert 'HMICFRS says its concerns in this area carry on from before (\\"ongoing concerns\\", line 3), not in ' \
           'these words' in text


def test_a_response_draft_says_the_monitoring_stage_its_report_states(runner, tmp_path):
    """Review 15, item 8: Wiltshire's letter of 21 May 2024 opens "I have decided to return Wiltshire
    Police to our default level of monitoring, known as 'scan'"; its draft never said so."""
    name = SHARED / "thematic" / "texts" / "hmicfrs-wiltshire-peel-causes-of-concern-letter-may-2024.txt"
    if not name.exists():
        pytest.skip(f"{name} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "response", name, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    text = next(tmp_path.glob("*-response.json")).read_text(encoding="utf-8")
    assert "It says Wiltshire Police is in Scan, HMICFRS's routine monitoring (as stated on 21 May 2024)." in text


def test_a_grade_word_not_placed_is_never_said_to_be_a_grade(runner, tmp_path):
    """Review 15, item 11: West Mercia's "has missed out on an Outstanding rating" was offered as
    "a grade the reader could not tie to an area": it is a grade word, and not a grade."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "west-mercia-2018-19-accountabilityindex.txt",
                  SHARED / "corpus-3" / "texts" / "west-mercia-2023-25-news.txt")
    text = json.dumps(model, ensure_ascii=False)
    assert "The PEEL 2023-25 source uses a grade word this pack could not tie to an area" in text
    assert "states a grade the reader" not in text


def test_a_listed_recommendation_loses_the_lists_joint_not_its_words():
    """Review 15, item 13: West Mercia's recommendations ended "... pressures placed upon them;
    and." and "... inform workforce plans;.": the list's punctuation kept and a full stop added."""
    from reading import read_shared

    name = "corpus-2/texts/west-mercia-2018-19-accountabilityindex.txt"
    if not (SHARED / name).exists():
        pytest.skip(f"{name} is absent: clone the project with ../shared beside it to run this test")
    texts = [f.text for f in read_shared(name).inspection.findings]
    assert texts and not [t for t in texts if t.endswith(("; and.", ";.", ",."))]
    assert any(t.endswith("the pressures placed upon them.") for t in texts)


def test_a_concern_raised_again_by_the_packs_match_shows_the_earlier_words_beside_it(runner, tmp_path):
    """Review 15, item 1: Gwent's "HMICFRS raised this again" set the 2023-25 "must improve how it
    investigates crime and protects the vulnerable" against nothing: the link is this pack's, so the
    question gives the earlier finding's words it matched, for the reader to judge."""
    model = _pack(runner, tmp_path, SHARED / "corpus-2" / "texts" / "gwent-2018-19-forcepage.txt",
                  SHARED / "corpus-3" / "texts" / "gwent-2023-25-news.txt")
    assert ('This pack matches it to Finding 1 of PEEL 2018/19: \\"The force should do more to provide a consistently '
            'good service in child protection investigations.\\"') in json.dumps(model, ensure_ascii=False)


def test_a_grade_not_yet_given_is_never_read_as_ungraded(tmp_path):
    """Review 15, item 14: Dorset's 2016 interim page says "The extent to which the force is effective
    at keeping people safe and reducing crime: not yet graded" (its report came in March 2017); the
    label rule read it as "ungraded", so a pack could say PEEL 2016 did not grade effectiveness."""
    from briefing.extract import extract

    path = tmp_path / "interim.txt"
    path.write_text("SOURCE: http://www.justiceinspectorates.gov.uk/hmic/peel-assessments/peel-2016/northshire/\n\n"
                    "The extent to which the force is effective at keeping people safe and reducing crime: not yet "
                    "graded.\n\nThe extent to which the force is efficient at keeping people safe and reducing crime "
                    "is: good.\n", encoding="utf-8")
    judgements = {j.area: j.grade for j in extract(path, force="Northamptonshire Police").inspection.judgements}
    assert judgements.get("efficiency") == "good" and "effectiveness" not in judgements


def test_a_draft_says_what_the_report_makes_before_the_placeholder_and_counts_its_afis(runner, tmp_path):
    """Review 15, item 9: Surrey's custody draft put "The report makes 2 recommendations" after the
    placeholder and never said the report names 20 areas for improvement."""
    name = SHARED / "thematic" / "texts" / "hmicfrs-surrey-custody-2022-report.txt"
    if not name.exists():
        pytest.skip(f"{name} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "response", name, "--formats", "json", "-o", tmp_path, "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    model = json.loads(next(tmp_path.glob("*-response.json")).read_text(encoding="utf-8"))
    texts = [b.get("text", "") for s in model["sections"] for b in s["blocks"]]
    made = texts.index("The report makes 2 recommendations, to the force and the police and crime commissioner.")
    assert texts[made + 1].startswith("[To be written by the office: every cause of concern and recommendation")
    assert "The report also names 20 areas for improvement; the source used for this draft does not list them." in texts
