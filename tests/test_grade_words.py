"""The grade words of a paragraph, as the reading finds them (Context.grade_words: the
pattern tried only where a grade wording's first letters are, needs.found_at_stems), are
exactly the grade words the pattern finds tried at every place (Grammar.words): over every
paragraph of the rules' fixtures and of the shared texts, and over the characters that
case-fold to another length or that the pattern reads as another letter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from reading import SHARED

from briefing.extract.context import Context
from briefing.extract.reader import SourceLine, read_report
from briefing.reference import reference

RULES = Path(__file__).parent / "fixtures" / "rules"


def _context(text: str) -> Context:
    lines = [SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)]
    return Context.of(lines, reference().frameworks)


def _same_words(ctx: Context) -> None:
    for para in ctx.paras:
        every_place = [(m.span(), m.group("g")) for m in ctx.grammar.words(para.text)]
        assert [(m.span(), m.group("g")) for m in ctx.grade_words(para)] == every_place, para.text


def _fixture_texts() -> list[str]:
    texts = []
    for path in sorted(RULES.glob("*.yaml")):
        for examples in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            texts += [example["text"] for example in examples.get("reads", [])] + list(examples.get("not", []))
    return texts


def test_grade_words_of_the_rules_fixtures():
    for text in _fixture_texts():
        _same_words(_context(text))


@pytest.mark.parametrize("text", [
    "Investigating crime: 'Good'. Responding to the public: \u201cRequires improvement\u201d.",
    "The force is GOOD at it; goodness and a good-ish result are not grades, nor is not-graded.",
    "\u0130nadequate in one area, \u0131nadequate in another",  # dotted capital I, dotless i
    "\u017ftill outstanding and \u212aent's requires  improvement",  # long s, Kelvin sign
    "Stra\u00dfe: adequate; ''good'' and \u2018narrative judgements only\u2019",  # sharp s folds to two letters
])
def test_grade_words_where_case_folding_is_not_one_for_one(text):
    _same_words(_context(text))


def test_grade_words_of_the_shared_texts():
    texts = sorted((SHARED / "corpus" / "texts").glob("*.txt"))[:40] if SHARED.is_dir() else []
    if not texts:
        pytest.skip(f"the shared texts are not at {SHARED} (../shared beside the repository)")
    for path in texts:
        lines, _ = read_report(path)
        _same_words(Context.of(lines, reference().frameworks))
