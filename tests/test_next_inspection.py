"""Chief officers' "What HMICFRS will look for next": a plan where a grade fell, and as much
where an area stayed below adequate (review 8, item 14: Northamptonshire's responding to the
public, requires improvement in PEEL 2021/22 and again, as corrected, in PEEL 2023-25)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing

DAY = date(2026, 12, 7)


def _next(old, new) -> str:
    briefing = build_briefing(compare(old, new, as_of=DAY), None, PackOptions(audience="chief-officers", date=DAY))
    section = next(s for s in briefing.sections if s.title == "What HMICFRS will look for next")
    return " ".join(getattr(b, "text", "") for b in section.blocks)


def test_an_area_below_adequate_in_both_is_named_beside_the_one_that_went_down(inspections):
    said = _next(inspections["peel-2021-22"], inspections["peel-2023-25"])
    assert ("a credible improvement plan in the area that went down (Investigating crime) and in the area graded "
            "below adequate in both PEEL 2021/22 and PEEL 2023-25, where the last plan did not move the grade "
            "(Responding to the public, requires improvement).") in said


def test_with_no_fall_the_areas_held_below_adequate_are_named_alone_and_an_adequate_area_never(inspections):
    def held(inspection):  # investigating crime requires improvement in both: nothing went down
        return replace(inspection, judgements=tuple(replace(j, grade="requires improvement")
                                                    if j.area == "investigating-crime" else j
                                                    for j in inspection.judgements))

    said = _next(held(inspections["peel-2021-22"]), inspections["peel-2023-25"])
    assert "that went down" not in said
    assert ("a credible improvement plan in the areas graded below adequate in both PEEL 2021/22 and PEEL 2023-25, "
            "where the last plan did not move the grade (") in said
    assert "Investigating crime, requires improvement" in said and "Preventing crime, adequate" not in said
