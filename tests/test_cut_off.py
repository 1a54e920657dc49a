"""A finding cut off where the source's text ends is marked so, whatever its last word
(review 2, item 13): "The force should ensure that its vetting" at the end of a page's text
is printed with "[the source's text ends here]", never closed with a full stop as if whole.
Planted: the same list ending with a whole item (its full stop), and a list whose item without
a stop is not the source's last words: neither is marked.
"""

from __future__ import annotations

from reading import read, read_shared

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


def test_a_sentence_cut_off_by_the_end_of_an_excerpt_is_never_given_a_full_stop(tmp_path):
    """Running text whose paragraph stops mid-sentence, with another excerpt after it (review 10, item 6)."""
    body = ("SOURCE: https://www.wired-gov.net/wg/news.nsf/articles/northshire+police+inspection\n"
            "Northshire Police makes progress\n\n"
            "The inspectorate also found that the force doesn't always achieve outcomes for victims. It needs to "
            "ensure that investigations are allocated to teams that have sufficient skill\n\n"
            "The force works well with partners to prevent crime.\n")
    assert _shown(tmp_path, body)[-1] == ("It needs to ensure that investigations are allocated to teams that have "
                                          "sufficient skill [the source's text ends here].")


def _shown(tmp_path, body: str) -> list[str]:
    return [f.shown for f in read(tmp_path, body).inspection.findings]


def test_a_cut_off_copy_of_a_sentence_given_whole_later_is_one_finding_at_the_whole_ones_line():
    """Cleveland's 2023-25 release is two excerpts of one page: line 12 stops at "sufficient skill", line 26
    has the sentence whole. One finding, quoting line 26, so the s.55 skeleton answers it once (review 10, item 6)."""
    found = read_shared("corpus-2/texts/cleveland-2023-25-pressrelease.txt").inspection.findings
    allocated = [f for f in found if "allocated to officers" in f.text]
    assert [(f.place.line, f.shown) for f in allocated] == [
        (26, "It needs to ensure that investigations are allocated to officers and teams that have sufficient skills "
             "and experience to carry out quality investigations.")]
