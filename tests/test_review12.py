"""Review 12's items (the packs a PCC reviewer read again on 7 December 2026 to check the
night's fixes, /work/briefs/review-pcc12.md on the machine it was written on): what the fixes
left saying two things at once."""

from __future__ import annotations

from datetime import date

from reading import read_shared

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing


def _briefing(old: str, new: str):
    c = compare(read_shared(old).inspection, read_shared(new).inspection, as_of=date(2026, 12, 7))
    return build_briefing(c, None, PackOptions(audience="pcc", date=date(2026, 12, 7)))


def _questions(briefing) -> list[str]:
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    return list(questions.items)


def test_a_finding_raised_again_in_part_is_asked_about_as_in_part():
    """Item 5: Devon and Cornwall's 2021/22 concern persists in part (its response to the public)
    and the question said the finding "is not in the source used", beside the persisting table."""
    briefing = _briefing("corpus-2/texts/devon-and-cornwall-2021-22-pressrelease.txt",
                         "corpus-2/texts/devon-and-cornwall-2023-25-pressrelease.txt")
    asked = next(q for q in _questions(briefing) if "so this pack cannot show whether" in q)
    # with the HMI's "The force doesn't always record crimes ..." (Finding 2, read since review 13, item 15)
    assert asked.startswith("Two findings of PEEL 2021/22 (Finding 1 and Finding 2) are (one of them in part) not in the "
                            "source used for PEEL 2023-25")


def test_no_concern_in_both_is_never_said_beside_one_the_source_says_carries_on():
    """Item 6: Surrey's summary said "The sources used show no concern raised in both
    inspections" and, next, that one finding carries on from before in the source's words."""
    text = " ".join(_briefing("corpus-3/texts/surrey-2021-22-residentsblog.txt",
                              "corpus-2/texts/surrey-2023-25-news.txt").text().split())
    assert "show no concern raised in both" not in text
    assert ("No finding of the PEEL 2021/22 source used is matched to one of the PEEL 2023-25 source. The PEEL 2023-25 "
            "source says one of its findings carries on from before") in text


def test_every_count_of_persisting_concerns_is_of_earlier_findings():
    """truth11's note: Wiltshire 2021/22's three-part concern persists in two 2023-25 findings;
    page 1 said three concerns persist and the summary's 'Findings:' line said four (links). Since
    truth13, four earlier findings persist (Finding 2 in the area where "Concerns remain"), in five
    links."""
    from briefing.document.summary import headline

    c = compare(read_shared("corpus-2/texts/wiltshire-2021-22-pressrelease.txt").inspection,
                read_shared("corpus-2/texts/wiltshire-2023-25-pressrelease.txt").inspection, as_of=date(2026, 12, 7))
    text = " ".join(build_briefing(c, None, PackOptions(audience="pcc", date=date(2026, 12, 7))).text().split())
    assert "Four concerns from PEEL 2021/22 persist" in text  # Finding 2 too, where "Concerns remain" (2023-25 :4)
    assert headline(c)[1].startswith("Findings: 4 persisting")  # the email's and the Summary sheet's line


def test_where_the_source_says_only_that_efforts_were_made_the_question_asks_what_they_achieved():
    """truth11's note: after "has made efforts to improve" (Wiltshire 2023-25 :6, "considerable
    efforts to improve its performance, particularly in force leadership and management"), the
    question asked "Is the improvement sustained?", an improvement the source never states."""
    asked = [q for q in _questions(_briefing("corpus-2/texts/wiltshire-2021-22-pressrelease.txt",
                                             "corpus-2/texts/wiltshire-2023-25-pressrelease.txt"))
             if "has made efforts to improve" in q]
    assert asked and all(q.endswith("What have the efforts achieved, and what evidence shows it?") for q in asked)
    text = " ".join(_briefing("corpus-2/texts/wiltshire-2021-22-pressrelease.txt",
                              "corpus-2/texts/wiltshire-2023-25-pressrelease.txt").text().split())
    assert "has made efforts to improve on one of them (line 6): ask what the efforts achieved." in text
    assert "made efforts to improve on one of them (line 6): ask whether the improvement is sustained" not in text
