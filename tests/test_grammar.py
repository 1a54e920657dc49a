"""The grade-statement grammar on small texts written for the purpose, each a form real
pages use. Expected: (area, grade) pairs; nothing about an earlier inspection; every
grade cited on the line that holds its grade word."""

from __future__ import annotations

import pytest
from reading import pairs, read

from briefing.extract import extract_all


@pytest.mark.parametrize("sentence,expected", [
    ("Northshire Police is good at investigating crime.", {("investigating-crime", "good")}),
    ("The inspectorate rated the force outstanding for disrupting serious organised crime.",
     {("serious-organised-crime", "outstanding")}),
    ("Northshire Police requires improvement in the way it protects vulnerable people.",
     {("protecting-vulnerable", "requires improvement")}),
    ("HMICFRS said the 'requires improvement' areas included how the force responds to the public and use of "
     "resources.", {("responding-to-public", "requires improvement"), ("force-management", "requires improvement")}),
    ("It was rated outstanding at protecting vulnerable people, preventing crime and making good use of its "
     "resources.", {("protecting-vulnerable", "outstanding"), ("preventing-crime", "outstanding"),
                    ("force-management", "outstanding")}),
    ("The force received a 'Requires Improvement' grade in the area of Responding to the Public.",
     {("responding-to-public", "requires improvement")}),
    ("The force's leadership and force management also requires improvement.",
     {("force-management", "requires improvement")}),
    ("A grade of 'Good' has been awarded for two areas - managing offenders and suspects, and investigating crime.",
     {("managing-offenders", "good"), ("investigating-crime", "good")}),
])
def test_sentence_forms(tmp_path, sentence, expected):
    result = read(tmp_path, f"PEEL 2023-25: An inspection of Northshire Police\n\n{sentence}\n", "a.txt")
    assert pairs(result) == expected
    for judgement in result.inspection.judgements:
        assert judgement.place.line == 3  # the grade word's own line


def test_labels_rows_and_grade_lines(tmp_path):
    text = ("PEEL 2021/22 - Northshire Police\n\nOur judgments\n\n"
            "Investigating crime: Adequate\n"
            "- Responding to the public \u2013 'Requires improvement'\n"
            "Protecting vulnerable people Good\n"
            "Managing offenders and suspects\n"
            "Inadequate\n")
    assert pairs(read(tmp_path, text)) == {("investigating-crime", "adequate"),
                                           ("responding-to-public", "requires improvement"),
                                           ("protecting-vulnerable", "good"), ("managing-offenders", "inadequate")}


def test_set_sentence_and_pillars(tmp_path):
    text = ("Northshire PEEL 2016\n\nThe extent to which the force is effective at keeping people safe and reducing "
            "crime is good.\n\nThe extent to which the force is legitimate at keeping people safe and reducing crime "
            "is not yet graded.\n")
    result = read(tmp_path, text)
    assert result.inspection.cycle == "peel-2016"
    # "not yet graded": its report was still to come, so the grade is unstated, never "not graded"
    assert pairs(result) == {("effectiveness", "good")}


def test_earlier_grades_are_kept_apart(tmp_path):
    text = ("PEEL 2018/19: Northshire Police\n\nThe force is good at investigating crime. In 2017 we judged the force "
            "as outstanding at tackling serious and organised crime. At our last inspection it was inadequate at "
            "protecting vulnerable people.\n")
    result = read(tmp_path, text)
    assert pairs(result) == {("investigating-crime", "good")}
    assert {(s.grade) for s in result.earlier} == {"outstanding", "inadequate"}
    assert any("earlier inspection" in w for w in result.warnings)


def test_adjectives_counts_and_the_scale_are_no_judgements(tmp_path):
    text = ("PEEL 2021/22: Northshire Police\n\nForces are graded 'outstanding', 'good', 'adequate', 'requires "
            "improvement' or 'inadequate'. The force makes good use of technology and reached a good standard. It "
            "was good in two areas and adequate in four.\n")
    result = read(tmp_path, text)
    assert pairs(result) == set()
    assert {(c.grades, c.count) for c in result.inspection.grade_counts} >= {(("good",), 2)}


def test_this_grade_refers_back(tmp_path):
    text = ("PEEL 2021/22: Northshire Police\n\nA new grade of 'Adequate' was added this year.\n\n"
            "The force has received this grade in relation to investigating crime and protecting vulnerable people.\n")
    result = read(tmp_path, text)
    assert pairs(result) == {("investigating-crime", "adequate"), ("protecting-vulnerable", "adequate")}
    assert {j.place.line for j in result.inspection.judgements} == {3}


def test_a_page_about_several_forces_gives_one_dataset_each(tmp_path, runner):
    from conftest import invoke

    page = tmp_path / "national.txt"
    page.write_text("PEEL 2023-25 reports published\n\nCumbria Constabulary\nThe force is good at investigating crime."
                    "\n\nDorset Police\nThe force requires improvement at protecting vulnerable people.\n",
                    encoding="utf-8")
    results = extract_all(page)
    assert [(r.inspection.force, pairs(r)) for r in results] == [
        ("Cumbria Constabulary", {("investigating-crime", "good")}),
        ("Dorset Police", {("protecting-vulnerable", "requires improvement")})]
    one = invoke(runner, "extract", page, "--force", "Dorset Police", "--format", "json")
    assert one.exit_code == 0 and '"force": "Dorset Police"' in one.stdout and "Cumbria" not in one.stdout
    both = invoke(runner, "extract", page, "--format", "json")
    assert both.stdout.lstrip().startswith("[") and "this page is about 2 forces" in both.stderr


@pytest.mark.parametrize("line,expected", [
    ("Published on: 9 June 2023", (2023, 6, 9)),
    (" date 2025-07-23 HM Inspectorate", (2025, 7, 23)),
    ("Posted on 7 Dec 2023", (2023, 12, 7)),
    ("Published Sep 20, 2023", (2023, 9, 20)),
    ("Posted Thu 25th Feb 2016", (2016, 2, 25)),
    ("The report, published on Wednesday 14th May, 2025, found", (2025, 5, 14)),
])
def test_publication_dates(tmp_path, line, expected):
    """On the inspectorate's own page: another's page's own date only bounds the report's
    (tests/test_published_whose.py)."""
    result = read(tmp_path, f"SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/northshire-peel/\n"
                            f"PEEL 2023-25: Northshire Police\n{line}\n")
    p = result.inspection.published
    assert (p.year, p.month, p.day) == expected


def test_today_takes_its_year_from_the_page_and_last_updated_is_never_the_publication(tmp_path):
    today = read(tmp_path, "PEEL 2023-25 (2024)\nThe report was published today (Tuesday 12 March).\n", "t.txt")
    assert today.inspection.published.iso() == "2024-03-12"
    updated = read(tmp_path, "PEEL 2018/19: Northshire Police\nLast updated 02/05/2019\n", "u.txt")
    assert not updated.inspection.published.known
    assert any("last updated on 2019-05-02, which is not the report's publication date" in w for w in updated.warnings)


def test_compare_takes_the_part_of_a_page_about_the_other_inspections_force(tmp_path, runner):
    from conftest import invoke

    page = tmp_path / "national.txt"
    page.write_text("PEEL 2023-25 reports published\n\nCumbria Constabulary\nThe force is good at investigating crime."
                    "\n\nDorset Police\nThe force requires improvement at protecting vulnerable people.\n",
                    encoding="utf-8")
    older = tmp_path / "dorset-2021.yaml"
    older.write_text("force: Dorset Police\ncycle: peel-2021-22\npublished: 2022-03-01\njudgements:\n"
                     "  - {area: protecting-vulnerable, grade: good}\n", encoding="utf-8")
    result = invoke(runner, "compare", older, page, "--format", "json")
    assert result.exit_code == 0, result.output
    change = next(c for c in __import__("json").loads(result.stdout)["grade_changes"] if c["area"] == "protecting-vulnerable")
    assert (change["old_grade"], change["new_grade"]) == ("good", "requires improvement")
    alone = invoke(runner, "compare", page, page)
    assert alone.exit_code == 1 and "this page is about 2 forces" in alone.stderr


@pytest.mark.parametrize("address,kind", [
    ("https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/northshire-police-must-improve/", "press-release"),
    ("https://www.northshire-pcc.gov.uk/news/peel-2023/", "pcc-page"),
    ("https://www.northshiretimes.co.uk/news/police-rated-good", "news"),
    ("https://example.org/page", "web-page"),
])
def test_an_extracted_text_says_what_kind_of_page_it_is_never_hand_kept(tmp_path, address, kind):
    result = read(tmp_path, f"SOURCE: {address}\nPEEL 2023-25: Northshire Police\nThe force is good at investigating "
                            "crime.\n")
    assert result.inspection.source_kind == kind


# Issue 30's example sentences, each under the line "Durham Constabulary: PEEL 2023-25
# inspection results", as a careful reader reads them: the grades of Durham, with the area
# as the sentence words it, and nothing from another force or a national figure.
DURHAM = "Durham Constabulary: PEEL 2023-25 inspection results\n\n{}\n"


@pytest.mark.parametrize("sentence,expected", [
    ("Durham Constabulary was found to be Outstanding \u2013 at recording data about crime, preventing crime and "
     "managing offenders.", {("crime-recording", "outstanding", "recording data about crime"),
                             ("preventing-crime", "outstanding", "preventing crime"),
                             ("managing-offenders", "outstanding", "managing offenders")}),
    ("Responding to the public: adequate. Protecting vulnerable people: good.",
     {("responding-to-public", "adequate", "Responding to the public"),
      ("protecting-vulnerable", "good", "Protecting vulnerable people")}),
    ("Responding to the public \u2013 adequate. Managing offenders \u2013 good.",
     {("responding-to-public", "adequate", "Responding to the public"),
      ("managing-offenders", "good", "Managing offenders")}),
    ("In investigating crime, the force was rated adequate.",
     {("investigating-crime", "adequate", "investigating crime")}),
    ("When it comes to protecting vulnerable people, the force is good, the report said.",
     {("protecting-vulnerable", "good", "protecting vulnerable people")}),
    ("Managing offenders: the force was graded requires improvement.",
     {("managing-offenders", "requires improvement", "Managing offenders")}),
    ("The inspectorate gave a rating of adequate to the force's work on responding to the public.",
     {("responding-to-public", "adequate", "responding to the public")}),
    ("Preventing crime (good) and managing offenders (requires improvement) stood out in the report.",
     {("preventing-crime", "good", "Preventing crime"),
      ("managing-offenders", "requires improvement", "managing offenders")}),
    ("Inspectors judged protecting vulnerable people to be adequate.",
     {("protecting-vulnerable", "adequate", "protecting vulnerable people")}),
    ("Neighbouring Cleveland Police was rated outstanding at preventing crime in its own inspection.", set()),
    ("Across England and Wales, 9 forces were graded inadequate at responding to the public.", set()),
])
def test_the_issues_example_sentences_read_as_a_careful_reader_reads_them(tmp_path, sentence, expected):
    result = read(tmp_path, DURHAM.format(sentence))
    assert result.inspection.force == "Durham Constabulary"
    assert {(j.area, j.grade, j.label) for j in result.inspection.judgements} == expected
    assert {j.place.line for j in result.inspection.judgements} <= {3}


def test_a_text_that_states_only_an_earlier_inspections_grades_gives_them_as_that_cycles(tmp_path):
    """A preview of the next inspection, dated by the cycle it names: the grades it states are
    the 2018/19 inspection's, and the dataset says so, not an unsettled cycle."""
    text = ("Here is when Northshire Police is due to be inspected\n\nThe force is preparing for its next PEEL "
            "inspection.\n\nThe Force was last inspected in 2018/19, when it was rated 'good' for its work in reducing "
            "crime and keeping people safe, and 'requires improvement' for its efficiency and sustainability.\n")
    result = read(tmp_path, text)
    assert result.inspection.cycle == "peel-2018-19"
    assert pairs(result) == {("effectiveness", "good"), ("efficiency", "requires improvement")}
    assert "the only grades it states are those of the PEEL 2018/19 inspection it names" in result.cycle_evidence


def test_an_overall_grade_of_a_pillar_report_is_that_pillars(tmp_path):
    text = ("PEEL: Police effectiveness 2016\n\nHMIC has today published its report into the Effectiveness of Northshire "
            "Police. Northshire Police received an overall grading of 'Requires Improvement'.\n")
    result = read(tmp_path, text)
    assert result.inspection.cycle == "peel-2016"
    assert pairs(result) == {("effectiveness", "requires improvement")}
    both = read(tmp_path, text.replace("PEEL: Police effectiveness 2016", "Northshire PEEL 2016").replace(
        "the Effectiveness of", "the effectiveness and legitimacy of"), "b.txt")
    assert both.inspection.cycle == "peel-2016" and pairs(both) == set()  # whose overall grade it is cannot be told
