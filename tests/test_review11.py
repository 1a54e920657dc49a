"""Review 11's items (the packs a PCC reviewer read on 7 December 2026, /work/briefs/review-pcc11.md
on the machine it was written on): what the newer source says of each older finding."""

from __future__ import annotations

import pytest
from reading import read, read_shared


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Inspectors said the force has made improvements in how it investigates crime.", "how it investigates crime"),
    ("Northshire Police has made improvements in how it keeps people safe, reduces crime and supports victims, the "
     "police inspectorate has said.", "how it keeps people safe, reduces crime and supports victims"),
    ("Inspectors also said that the force has invested in its control room, and observed improvements in call handling "
     "and how quickly it arrives at emergency incidents.", "call handling and how quickly it arrives at emergency incidents"),
    ("HMICFRS said the force has made good progress in the way it supervises investigations.",
     "the way it supervises investigations"),
    # still to come, somewhere unnamed, or not the inspectorate's word: no improvement
    ("Inspectors said the force needs to make improvements in how it answers calls.", None),
    ("Inspectors said the force has made progress in some areas, but concerns remain.", None),
    ("The chief constable said: \u201cWe have made improvements in how we answer calls.\u201d", None),
])
def test_improvements_in_x_is_the_inspectorates_word_that_x_improved(tmp_path, sentence, subject):
    """North Yorkshire 2023-25 :4, :7 (review 11 item 2): "has made improvements in how it keeps people
    safe, reduces crime", "observed improvements in call handling" name what improved as a noun, and
    the pack said the three 2021/22 findings were "not in the source used" with no word of them."""
    body = f"PEEL 2023\u20132025: An inspection of Northshire Police\n\n{sentence}\n"
    said = [i.subject for i in read(tmp_path, body).inspection.improved if not i.every]
    assert said == ([subject] if subject else [])


def test_progress_in_all_the_areas_identified_in_our_last_inspection_is_the_efforts_statement(tmp_path):
    """North Yorkshire 2023-25 :10: "it has made progress in all the areas of improvement identified in
    our last inspection" speaks of the earlier findings as a whole: quoted, tying none, resolving none."""
    body = ("PEEL 2023\u20132025: An inspection of Northshire Police\n\nHis Majesty's Inspector of Constabulary Jo Smith "
            "said:\n\n\u201cBecause of this, it has made progress in all the areas of improvement identified in our "
            "last inspection.\n")
    every = [i for i in read(tmp_path, body).inspection.improved if i.every]
    assert [i.subject for i in every] == ["all the areas of improvement identified in our last inspection"]


def test_north_yorkshire_2023_25_speaks_to_each_2021_22_finding_as_improvement_not_resolved():
    """Item 2: the newer release answers Finding 1 (keeping people safe, :4) and Finding 3 (emergency
    calls, :7) by name, and all of them by :10; none is called resolved."""
    from briefing.compare import compare

    old = read_shared("corpus/texts/north-yorkshire-2021-22-press-release.txt").inspection
    new = read_shared("corpus/texts/north-yorkshire-2023-25-press-release.txt").inspection
    result = compare(old, new)
    said = {f.label: f.improved.place.line if f.improved else None for f in result.resolved}
    assert said == {"Finding 1": 4, "Finding 2": None, "Finding 3": 7}
    assert [i.place.line for i in result.worked_on] == [10]
    assert not result.persisting
