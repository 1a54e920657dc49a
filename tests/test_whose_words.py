"""Review 6, item 18 (Cheshire's 2023-25 news article): the only word of its outstanding grade
is the chief constable's own quote ("in which we were graded 'outstanding' for the work we do to
protect vulnerable people"), yet page 1 gave it as the article's. A grade in someone's quoted
words carries who they are, and page 1 says so; the inspectorate's own quoted words do not."""

from __future__ import annotations

from reading import read

from briefing.compare import compare
from briefing.document.glance import key_messages

OLD = ("PEEL 2021/22 - An inspection of Northshire Police\n\nPublished on: 10 June 2022\n\n"
       "HMICFRS graded Northshire Police's performance across nine areas of policing and found the force was "
       "'inadequate' in responding to the public.\n")
NEW = ("SOURCE: https://policeprofessional.com/?p=1\nNorthshire Constabulary praised in national report\n\n"
       "Sep 11, 2025\n\nNorthshire Constabulary Chief Constable Jo Smith said the report \u201creaffirms the force's "
       "position\u201d.\n\n\u201cI am proud of our officers and staff,\u201d he said.\n\n\u201cThis praise follows our "
       "recent PEEL 2023-25 inspection report, in which we were graded \u2018outstanding\u2019 for the work we do to "
       "protect vulnerable people.\n")


def test_a_grade_in_a_chief_constables_quote_is_said_to_be_theirs(tmp_path):
    new = read(tmp_path, NEW, "new.txt").inspection
    assert [(j.area, j.by) for j in new.judgements] == [("protecting-vulnerable", "Chief Constable Jo Smith")]
    c = compare(read(tmp_path, OLD, "old.txt").inspection, new)
    said = " ".join(m.source for m in key_messages(c))
    assert "Protecting vulnerable people in the words of Chief Constable Jo Smith (line 10)" in said


def test_the_inspectorates_own_words_are_no_one_elses(tmp_path):
    text = ("PEEL 2023-2025: An inspection of Northshire Police\n\nHis Majesty's Inspector of Constabulary Jo Smith "
            "said:\n\n\u201cThe force is outstanding at protecting vulnerable people.\n")
    assert [j.by for j in read(tmp_path, text).inspection.judgements] == [""]


def test_the_verbs_tested_before_the_patterns_are_held_wherever_they_match():
    """speakers() searches a paragraph for NAMED or PRONOUN_SAID only where its folded text
    holds one of their verbs (Context.holding): in any case the pronoun's pattern matches,
    the long s and the dotted and dotless I among them."""
    from briefing.extract.grades.whose import NAMED, NAMED_VERBS, PRONOUN_SAID, PRONOUN_VERBS
    from briefing.extract.needs import holds

    for text in ("\u201cWe are proud,\u201d he said.", "\u201cWE ARE PROUD,\u201d HE SAID.", ", She Says", ", they added",
                 ", he \u017faid", ", he sa\u0130d", ", she sa\u0131d", ", he \u017fays"):
        assert PRONOUN_SAID.search(text) and holds(text, PRONOUN_VERBS), text
    text = "Chief Constable Jo Smith commented that"
    assert NAMED.search(text) and holds(text, NAMED_VERBS)
