"""A finding's subject is read from its verb phrase as well as its nouns (review 10, item 1):
Cleveland's 2021/22 "The force still needs to get better at investigating reported crimes" is
about investigating crime (its area, read from "get better at investigating"), and HMICFRS's
own name for that area is the theme "Quality and supervision of investigations"
(data/themes.yaml), as is 2023-25's "investigations are allocated to officers and teams that
have sufficient skills and experience to carry out quality investigations". The link says so.
Planted beside them: an earlier finding about recording crimes, which shares only the word
"crimes" and must not be linked.
"""

from __future__ import annotations

from reading import read_shared

from briefing.compare import compare
from briefing.compare.matching import match_findings
from briefing.model import Finding

INVESTIGATING = Finding("finding", "investigating-crime",
                        "The force still needs to get better at investigating reported crimes.")
RECORDING = Finding("finding", "crime-recording", "The force needs to get better at recording crimes reported by victims.")
ALLOCATED = Finding("finding", "", "It needs to ensure that investigations are allocated to officers and teams that have "
                                   "sufficient skills and experience to carry out quality investigations.")


def test_getting_better_at_investigating_matches_allocating_investigations_for_quality():
    links = match_findings((RECORDING, INVESTIGATING), (ALLOCATED,))
    assert [(link.old, link.new) for link in links] == [(1, 0)]
    assert "shared theme: quality and supervision of investigations (the earlier by its area)" in links[0].reason


def test_a_shared_generic_word_is_no_match():
    assert match_findings((RECORDING,), (ALLOCATED,)) == []


def test_clevelands_investigating_concern_persists_into_2023_25():
    """2023-25's own first line, "... has made progress in all areas since its previous inspection, but must
    improve how it investigates crime and protects vulnerable people", is read as a finding and restates it."""
    old = read_shared("corpus-2/texts/cleveland-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/cleveland-2023-25-pressrelease.txt").inspection
    c = compare(old, new)
    persisting = {p.old.text: p for p in c.persisting}
    investigating = persisting["The force still needs to get better at investigating reported crimes."]
    assert investigating.old.area_name == "Investigating crime"
    assert investigating.reason.startswith("shared theme: quality and supervision of investigations")
    # and its vulnerability concern persists in the first line's "protects vulnerable people" (review 12, item 1)
    vulnerability = next(p for text, p in persisting.items() if "fully assess a person's vulnerability" in text)
    assert "but must improve how it investigates crime and protects vulnerable people" in vulnerability.new.text
    assert vulnerability.reason.startswith("shared theme: protecting vulnerable people")
    assert not c.resolved  # no earlier finding is left "not in the source used"


def test_page_one_cites_each_persisting_finding_with_its_own_inspection():
    """ "Source: Finding 1 and Finding 1 of PEEL 2021/22 ..." sent a reader to the 2021/22 report for a 2023-25
    finding: each reference carries its own inspection (review 10, item 5)."""
    from briefing.document.glance import _findings

    old = read_shared("corpus-2/texts/cleveland-2021-22-pressrelease.txt").inspection
    new = read_shared("corpus-2/texts/cleveland-2023-25-pressrelease.txt").inspection
    assert _findings(compare(old, new))[0].source == ("Source: Finding 2 of PEEL 2021/22 (inspectorate press release) and "
                                                      "Finding 1 of PEEL 2023-25 (inspectorate press release).")
