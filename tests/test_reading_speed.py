"""What the reading does to go faster changes nothing else: lines found through the whole
text at once (extract.text.lines_holding) are exactly the lines a test of each would find
(the count and closing rules read no other lines for it), and Python's cycle collector,
held off while a report is read (extract.ruler.collector_held), is as it was after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import seed

from briefing.extract import extract_lines
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import collector_held
from briefing.extract.text import lines_holding

WORDS = ("recommendation", "concern", "afi", "clo", "charg")


def _each(texts: list[str], words: tuple[str, ...]) -> list[int]:
    return [n for n, text in enumerate(texts) if any(word in text.lower() for word in words)]


def test_a_reports_lines_are_found_as_a_test_of_each_finds_them():
    texts = seed("peel-2021-22").read_text(encoding="utf-8").splitlines()
    assert _each(texts, WORDS)  # the test proves nothing on a text holding none
    assert lines_holding(texts, WORDS) == _each(texts, WORDS)


@pytest.mark.parametrize("texts", [
    ["We will CLOSE the cause", "", "nothing here", "Discharged", "a recommendation", "rec", "ommendation"],
    ["İnspectors made one recommendation", "ıt was CLOSED", "the concern"],  # "İ" lowers to two characters
    ["afi", "AFI", "Afİ", "ends in clo", "charg at the start"],
    [],
])
def test_words_at_line_ends_and_letters_that_lower_to_two_are_found_as_each_line_finds_them(texts):
    assert lines_holding(texts, WORDS) == _each(texts, WORDS)


def _read_a_text() -> None:
    lines = [SourceLine("Northshire Police - PEEL 2021/22", 1), SourceLine("Investigating crime: adequate", 2)]
    extract_lines(lines, Path("example.txt"), "Northshire Police")


def test_the_cycle_collector_runs_again_after_a_reading():
    assert gc.isenabled()
    _read_a_text()
    assert gc.isenabled()


def test_the_collector_is_held_off_through_a_whole_reading_not_only_each_group(monkeypatch):
    """Between the groups too (the text's context, its cycle, what joins the groups'
    answers): the collector's passes there found nothing and cost some 5% of a long report's
    reading; once let run, it passes only over what the reading kept."""
    import briefing.extract as extraction

    states, real = [], extraction.find_findings
    monkeypatch.setattr(extraction, "find_findings", lambda *args: states.append(gc.isenabled()) or real(*args))
    extraction.extract(seed("peel-2021-22"))
    assert states == [False] and gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off_and_a_group_inside_another_leaves_it_to_the_outer():
    gc.disable()
    try:
        _read_a_text()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with collector_held():
        with collector_held():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_count_patterns_find_with_their_leads_what_they_find_without():
    """A count pattern opens on a lookahead for where a count or a grade word can begin
    (counts.NUMBER_LEAD, Vocabulary.pair_lead): it finds the same, only sooner."""
    import re

    from briefing.extract import counts
    from briefing.extract.context import grammar_of
    from briefing.reference import reference

    vocabulary = grammar_of(reference().frameworks).vocabulary
    texts = seed("peel-2021-22").read_text(encoding="utf-8").splitlines() + [
        "Good in two areas, 'adequate' in six categories and ADEQUATE in 3 of the nine areas.",
        "Three areas rated \u2018inadequate\u2019; 2 of which were Good, four of the nine areas were outstanding or good.",
        "No areas requiring improvement, six 'outstanding' grades and two \u201cgood\u201d grades.",
    ]
    for name, pattern in counts._patterns(vocabulary.grades, vocabulary.pair_lead).items():
        bare = re.compile(pattern.pattern.replace(counts.NUMBER_LEAD, "").replace(vocabulary.pair_lead, ""), pattern.flags)
        found = [[(m.span(), m.groupdict()) for m in pattern.finditer(text)] for text in texts]
        assert found == [[(m.span(), m.groupdict()) for m in bare.finditer(text)] for text in texts], name
    assert any(counts._patterns(vocabulary.grades, vocabulary.pair_lead)["n-graded"].search(t) for t in texts[-3:])


def _split_at_look_behind(text: str) -> list[str]:
    """extract.text.sentences as it was: a split on a look-behind, tried at every character."""
    import re

    return [s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"']))\s+(?=[\"'A-Z])", text) if s.strip()]


@pytest.mark.parametrize("text", ["a. . B", 'It ended." Next', "It ended.' \"Quoted", "Stop!  Yes", "no cut here",
                                  "A.B. C", "e.g. Mr. Smith said", ". A", "a.\n B", "a.\u00a0B", "a.\u2003\"B",
                                  ".'\"  B", "?", "", " . ", "Done.   ", "x.\t\"Y\" z. W"])
def test_sentences_are_cut_where_a_split_on_a_look_behind_cut_them(text):
    from briefing.extract.text import sentences

    assert sentences(text) == _split_at_look_behind(text)


def test_a_reports_paragraphs_are_cut_into_the_same_sentences():
    from briefing.extract.reader import read_report
    from briefing.extract.text import paragraphs, sentences

    texts = [p.text for p in paragraphs(read_report(seed("peel-2021-22"))[0])]
    assert len(texts) > 100 and all(sentences(t) == _split_at_look_behind(t) for t in texts)


@pytest.mark.parametrize("text", [
    "SOURCE: https://example.org/a\nPEEL 2021/22\n\nThe force  is\tgood at problem-\nsolving and\u00a0more.\n"
    "\u2022 a bullet\n  indented   line \n\n\n1. numbered\nHow effective is the force?\n",
    "One\n\nTwo\n\nThree long line that stops short of its end and goes\n\non in lower case here\n\n" * 3,
])
def test_a_pages_body_made_from_its_paragraphs_is_the_body_made_from_its_lines(text):
    """Context.page takes each line's single-spaced words from the paragraphs made already
    (Paragraph.line_span), not splitting and joining every line again."""
    from briefing.extract.context import Page
    from briefing.extract.text import paragraphs

    for lines in ([SourceLine(t, n) for n, t in enumerate(text.split("\n"), start=1)],
                  [SourceLine(t, n) for n, t in enumerate(seed("peel-2021-22").read_text(encoding="utf-8").split("\n"))]):
        assert Page.of(lines, paragraphs(lines)).body == Page.of(lines).body
