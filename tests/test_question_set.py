"""Of PEEL 2021/22's two question sets, the one whose own labels the text uses (review 7,
item 3): Humberside's release names "treatment of the public ... developing a positive
workplace and good use of resources", the revised set's labels (and aliases of the
original's), and was read with the original set, so page 1 named "Strategic planning,
organisational management and value for money" and a victim service row. Planted: a release
in the revised set's words, and one in the original's. A count of graded areas below the
original set's ten is the revised set whatever its words (review 8, item 10: Thames Valley's
"across nine areas" and "use of resources")."""

from __future__ import annotations

import pytest
from reading import read

RELEASE = ("PEEL 2021/22 \u2013 An inspection of Northshire Police\n\nPublished on: 25 November 2022\n\n"
           "HMICFRS graded Northshire Police's performance across {n} areas of policing and found the force was "
           "'outstanding' in six areas, 'good' in {good} areas and 'adequate' in one area.\n\n"
           "HMICFRS said the force was graded 'outstanding' in {areas}.\n")


REVISED_WORDS = ("preventing crime, treatment of the public, protecting vulnerable people, managing offenders, developing "
                 "a positive workplace and good use of resources")
ORIGINAL_WORDS = ("preventing crime, protecting vulnerable people, managing offenders, building, supporting and protecting "
                  "the workforce and strategic planning, organisational management and value for money")


@pytest.mark.parametrize(("areas", "n", "cycle"), [
    (REVISED_WORDS, "nine", "peel-2021-22-revised"),
    (ORIGINAL_WORDS, "ten", "peel-2021-22"),
    (ORIGINAL_WORDS, "nine", "peel-2021-22-revised"),  # the original set graded every force in ten
])
def test_the_question_set_is_the_one_whose_own_labels_the_text_uses(tmp_path, areas, n, cycle):
    found = read(tmp_path, RELEASE.format(areas=areas, n=n, good="two" if n == "nine" else "three")).inspection
    assert found.cycle == cycle
    assert len([j for j in found.judgements if j.grade == "outstanding"]) >= 5
