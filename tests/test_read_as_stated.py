"""Real texts whose words a pack once misread (review 6, 7 December 2026), each read whole
from ../shared and checked for what a PCC would see: a grade the text does not give, a
grade placed on the wrong area, a false warning of a grade the reader could not place.
Each test skips, saying why, where ../shared is absent."""

from __future__ import annotations

import pytest
from reading import grades_of, read_shared


def test_very_good_at_is_praise_not_a_grade():
    """ "It is very good at dealing with serious and organised crime" (HMI's observations):
    no grade of serious and organised crime; "good at preventing crime" on the same line is one."""
    grades = grades_of(read_shared("corpus-2/texts/metropolitan-2018-19-forcepage.txt"))
    assert "serious-organised-crime" not in grades
    assert grades["preventing-crime"] == "good"


def test_how_well_it_understands_demand_is_the_understanding_demand_question():
    """PEEL 2016-17's efficiency question "How well does the force understand the current and
    likely future demand?": its words are one area, never cut at "and" into planning for the future."""
    from briefing.extract.areas import resolver
    from briefing.reference import load_frameworks

    resolve = resolver(load_frameworks().cycles["peel-2017"])
    parts = resolve.split("how well it understands current and likely future demand")
    assert [area.canonical for _, area in parts] == ["understanding-demand"]
    assert resolve("how well it plans for future demand").canonical == "future-planning"


def test_the_met_2017_demand_grade_is_on_understanding_demand():
    grades = grades_of(read_shared("corpus-3/texts/metropolitan-2017-assessment-interim.txt"))
    assert grades.get("understanding-demand") == "requires improvement"
    assert "future-planning" not in grades


@pytest.mark.parametrize(("phrase", "areas"), [
    # one verb, the public and the workforce its objects: the legitimacy pillar, as "treats the public and its workforce"
    ("treating our staff and communities with fairness", ["legitimacy"]),
    ("reducing crime and treating its staff and the public with fairness", ["effectiveness", "legitimacy"]),
    # two tasks, each with its own verb: the two questions
    ("treating the public fairly and treating its workforce fairly", ["public-treatment", "workforce"]),
    ("preventing crime and investigating crime", ["preventing-crime", "investigating-crime"]),
])
def test_one_verb_over_the_public_and_the_workforce_is_the_legitimacy_pillar(phrase, areas):
    from briefing.extract.areas import resolver
    from briefing.reference import load_frameworks

    resolve = resolver(load_frameworks().cycles["peel-2018-19"])
    assert [area.canonical for _, area in resolve.split(phrase)] == areas


def test_lancashires_paraphrase_of_its_legitimacy_grade_is_not_two_question_grades():
    """ "good at ... treating our staff and communities with fairness" (the force's page):
    Legitimacy good, and no grade of the workforce or public treatment questions."""
    grades = grades_of(read_shared("corpus-2/texts/lancashire-2018-19-forcepage.txt"))
    assert grades.get("legitimacy") == "good"
    assert "workforce" not in grades and "public-treatment" not in grades


def test_a_grade_word_that_gave_a_judgement_is_never_said_to_be_unplaced(tmp_path):
    """The words after a placed grade that name no area ("and that their service") are not a
    grade the reader could not tie to an area: the word is tied, on the same line."""
    from reading import read

    result = read(tmp_path, "Northshire Police PEEL 2023-25\n\nThe PEEL 2023-25 report highlighted that Northshire Police "
                            "is only Adequate \u2013 at developing a positive workplace and that their service Requires "
                            "improvement \u2013 in investigating crime.\n")
    assert {(j.area, j.grade) for j in result.inspection.judgements} >= {("workforce", "adequate")}
    assert not result.inspection.unplaced


def test_a_grade_word_that_gave_a_count_is_never_said_to_be_unplaced(tmp_path):
    """Hampshire 2023-25 (review 7, item 12): "the force has no areas requiring improvement"
    is read as a count of none, yet the analyst was warned that "the force has no areas" was a
    requires improvement grade the reader could not tie to an area."""
    from reading import read

    result = read(tmp_path, "PEEL 2023-25: Northshire Police\n\nHMICFRS graded Northshire Police's performance across "
                            "eight areas of policing. It found the force was 'good' in two areas and 'adequate' in six "
                            "areas.\n\nThe latest PEEL report finds the force has no areas requiring improvement, making "
                            "it one of only five forces to do so.\n")
    assert [(c.grades, c.count) for c in result.inspection.grade_counts if not c.count] == [(("requires improvement",), 0)]
    assert not result.inspection.unplaced and not [w for w in result.warnings if "could not tell which area" in w]


def test_avon_and_somersets_adequate_is_placed_and_not_also_unplaced():
    result = read_shared("corpus-3/texts/avon-and-somerset-2023-25-pccpage.txt")
    assert grades_of(result)["workforce"] == "adequate"
    assert not result.inspection.unplaced


def test_concerns_called_ongoing_carry_on_and_so_does_the_sources_finding_in_that_area():
    from briefing.extract.findings.continues import carried_on
    from briefing.model import Finding

    found = carried_on([
        Finding("finding", "investigating-crime", "There are ongoing concerns about how the force investigates crime."),
        Finding("finding", "investigating-crime", "I have serious concerns about how the force is investigating crime."),
        Finding("finding", "managing-offenders", "The force must improve how it manages registered sex offenders."),
    ])
    assert [f.continues for f in found] == ["ongoing concerns", "ongoing concerns", ""]


def test_the_mets_ongoing_concerns_are_not_listed_as_new():
    """2023-25 :3 "There are ongoing concerns about how the Metropolitan Police investigates crime
    and manages offenders": the concerns carry on from before, whatever the 2021/22 release lists."""
    from briefing.compare import compare

    old = read_shared("corpus-2/texts/metropolitan-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/metropolitan-2023-25-pressrelease.txt").inspection
    c = compare(old, new)
    investigating = [f for f in c.new_findings if f.area == "investigating-crime"]
    assert investigating and all(f.continues == "ongoing concerns" for f in investigating)
    assert {f for f in c.continuing} >= set(investigating)


def test_the_later_findings_intro_says_each_continuing_wording_once(tmp_path):
    """Two findings carrying on in the same words: "(“ongoing concerns”)", said once, and
    "treat them as concerns that persist", not "“ongoing concerns” and “ongoing concerns” ... treat it"."""
    from briefing.compare import compare
    from briefing.document.sections import findings_sections

    old = read_shared("corpus-2/texts/metropolitan-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/metropolitan-2023-25-pressrelease.txt").inspection
    text = " ".join(b.text for s in findings_sections(compare(old, new)) for b in s.blocks if hasattr(b, "text"))
    assert "(\u201congoing concerns\u201d): treat them as concerns that persist" in text


def test_what_the_newer_source_says_improved_is_said_of_the_earlier_finding_it_does_not_list():
    """Met 2023-25 :7 "the force had improved its response to the public and ... the majority of
    999 and 101 calls are now answered quickly", of 2021/22's "unable to answer calls quickly
    enough": the pack says so, with the line, and asks whether it is sustained, not whether the
    finding was resolved."""
    from briefing.compare import compare
    from briefing.document import PackOptions
    from briefing.document.audience import _question_context
    from briefing.document.earlier import findings_line
    from briefing.document.sections import findings_sections

    old = read_shared("corpus-2/texts/metropolitan-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/metropolitan-2023-25-pressrelease.txt").inspection
    assert [(i.place.line, i.subject) for i in new.improved] == [(7, "its response to the public")]
    c = compare(old, new)
    calls = next(f for f in c.resolved if "answer calls quickly enough" in f.text)
    assert calls.improved is not None and calls.improved.place.line == 7
    assert "says the force has improved on that finding (line 7): ask whether the improvement is sustained" \
        in findings_line(c)
    asked = _question_context(c, PackOptions())
    assert asked["unknown"] == 0 and [i.line for i in asked["improved"]] == [7]
    text = " ".join(b.text for s in findings_sections(c) for b in s.blocks if hasattr(b, "text"))
    assert "The PEEL 2023-25 source says the force has improved on it (line 7)" in text


@pytest.mark.parametrize(("sentence", "subject"), [
    ("The inspectorate said that the force had improved its response to the public.", "its response to the public"),
    ("Inspectors found the force has also improved the way it manages offenders and suspects.",
     "the way it manages offenders"),
    ("Inspectors found the force has not improved its response to the public.", None),
    ("\u201cWe have improved how we answer calls,\u201d the chief constable said.", None),
])
def test_an_improvement_is_read_only_in_the_inspectorates_word_and_never_under_a_negation(tmp_path, sentence, subject):
    from reading import read

    result = read(tmp_path, f"Northshire Police PEEL 2023-25\n\n{sentence}\n")
    assert [i.subject for i in result.inspection.improved] == ([subject] if subject else [])
