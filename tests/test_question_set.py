"""Of PEEL 2021/22's two question sets, the one whose own labels the text uses (review 7,
item 3): Humberside's release names "treatment of the public ... developing a positive
workplace and good use of resources", the revised set's labels (and aliases of the
original's), and was read with the original set, so page 1 named "Strategic planning,
organisational management and value for money" and a victim service row. Planted: a release
in the revised set's words, and one in the original's."""

from __future__ import annotations

import pytest
from reading import read

RELEASE = ("PEEL 2021/22 \u2013 An inspection of Northshire Police\n\nPublished on: 25 November 2022\n\n"
           "HMICFRS graded Northshire Police's performance across nine areas of policing and found the force was "
           "'outstanding' in six areas, 'good' in two areas and 'adequate' in one area.\n\n"
           "HMICFRS said the force was graded 'outstanding' in {areas}.\n")


@pytest.mark.parametrize(("areas", "cycle"), [
    ("preventing crime, treatment of the public, protecting vulnerable people, managing offenders, developing a "
     "positive workplace and good use of resources", "peel-2021-22-revised"),
    ("preventing crime, protecting vulnerable people, managing offenders, building, supporting and protecting the "
     "workforce and strategic planning, organisational management and value for money", "peel-2021-22"),
])
def test_the_question_set_is_the_one_whose_own_labels_the_text_uses(tmp_path, areas, cycle):
    found = read(tmp_path, RELEASE.format(areas=areas)).inspection
    assert found.cycle == cycle
    assert len([j for j in found.judgements if j.grade == "outstanding"]) >= 5
