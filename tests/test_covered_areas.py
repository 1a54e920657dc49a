"""An area whose work an earlier cycle graded within another area is "not stated" in that
cycle's sources, never "not graded", and a later grade there is never "newly graded".

PEEL 2018/19's "Investigating crime and reducing re-offending" took in what became managing
offenders in 2021/22 (data/frameworks.yaml, `covers`). Review 13, item 5: Humberside's pack
said "Managing offenders and suspects | not graded | outstanding", "newly graded", and "One area
is graded in PEEL 2021/22 but was not graded in PEEL 2018/19": it tells the PCC there is no
earlier baseline, which the framework contradicts. The 2018/19 source (a legitimacy page) states
no grade there.
"""

from __future__ import annotations

from reading import read, read_shared

from briefing.compare import compare
from briefing.compare.states import NEWLY, NO_AREA, NOT_KNOWN, NOT_STATED, silence, state_of
from briefing.reference import load_frameworks

OLD = ("PEEL 2018/19: An inspection of Dorset Police\n\nPublished on: 27 September 2019\n\n"
       "HMICFRS found the force was good at treating the public fairly.\n")
NEW = ("PEEL 2021/22: An inspection of Dorset Police\n\nPublished on: 10 June 2022\n\n"
       "HMICFRS graded Dorset Police's performance across ten areas of policing and found the force was "
       "'outstanding' in managing offenders and suspects.\n")


def test_managing_offenders_silent_in_2018_19_is_not_stated_and_never_newly_graded(tmp_path):
    old = read(tmp_path, OLD, "old.txt").inspection
    new = read(tmp_path, NEW, "new.txt").inspection
    assert (old.cycle, new.cycle[:9]) == ("peel-2018-19", "peel-2021")
    assert state_of(load_frameworks(), old, "managing-offenders").state == NOT_STATED
    row = next(g for g in compare(old, new).grade_changes if g.area == "managing-offenders")
    assert (row.old_state.state, row.new_grade, row.movement) == (NOT_STATED, "outstanding", NOT_KNOWN)


def test_humberside_s_managing_offenders_is_not_newly_graded():
    c = compare(read_shared("corpus-2/texts/humberside-2018-19-report-legitimacy.txt").inspection,
                read_shared("corpus-2/texts/humberside-2021-22-pressrelease.txt").inspection)
    row = next(g for g in c.grade_changes if g.area == "managing-offenders")
    assert (row.old_state.state, row.new_grade, row.movement) == (NOT_STATED, "outstanding", NOT_KNOWN)
    assert not c.movements(NEWLY)


def test_an_area_with_no_counterpart_at_all_is_still_not_graded():
    """Crime data integrity has no 2018/19 area and none took it in: "not a PEEL 2018/19 area" stands."""
    fw = load_frameworks()
    sets = (fw.cycles["peel-2018-19"],)
    assert silence(fw, sets, "crime-recording").why == NO_AREA
    assert silence(fw, sets, "managing-offenders").state == NOT_STATED
