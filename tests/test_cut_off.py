"""A finding cut off where the source's text ends is marked so, whatever its last word
(review 2, item 13): "The force should ensure that its vetting" at the end of a page's text
is printed with "[the source's text ends here]", never closed with a full stop as if whole.
Planted: the same list ending with a whole item (its full stop), and a list whose item without
a stop is not the source's last words: neither is marked.
"""

from __future__ import annotations

from reading import read

PAGE = """SOURCE: https://www.justiceinspectorates.gov.uk/hmicfrs/publications/northshire-legitimacy-2018/
PEEL: Police legitimacy 2018 - An inspection of Northshire Police

How well does the force ensure that its workforce behaves ethically and lawfully?

Areas for improvement

- The force should improve how it records the use of force.
- {last}
"""


def _texts(tmp_path, last: str, after: str = "") -> list[str]:
    """Each finding as a pack prints it."""
    return [f.shown for f in read(tmp_path, PAGE.format(last=last) + after).inspection.findings]


def test_a_finding_cut_off_on_a_noun_is_marked(tmp_path):
    texts = _texts(tmp_path, "The force should ensure that its counter-corruption ")
    assert texts[-1] == "The force should ensure that its counter-corruption [the source's text ends here]."
    last = read(tmp_path, PAGE.format(last="The force should ensure that its counter-corruption ")).inspection.findings[-1]
    assert last.cut and last.text == "The force should ensure that its counter-corruption"  # the source's words alone


def test_a_whole_last_finding_or_one_followed_by_more_text_is_not(tmp_path):
    assert _texts(tmp_path, "The force should ensure that its counter-corruption unit is staffed.")[-1] == \
        "The force should ensure that its counter-corruption unit is staffed."
    texts = _texts(tmp_path, "The force should ensure that its counter-corruption unit is staffed",
                   "\nWe will revisit these areas at our next inspection.\n")
    assert not any("ends here" in t for t in texts)
