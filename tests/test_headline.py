"""The inspector's own headline sentence (issue 32): each rule alone on its fixtures
(tests/fixtures/rules/headline.yaml: sentences that must and must not be read, a chief
constable's or a PCC's words among the latter), then whole texts as `briefing extract`
reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from reading import SHARED

from briefing.extract.context import Context
from briefing.extract.headline import HEADLINE_RULES, read_headline
from briefing.extract.reader import SourceLine
from briefing.reference import load_frameworks

FIXTURES = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules" / "headline.yaml").read_text(encoding="utf-8"))


def _context(text: str) -> Context:
    return Context.of([SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)], load_frameworks())


def _cases():
    for rule, examples in FIXTURES.items():
        for n, example in enumerate(examples["reads"]):
            yield pytest.param(rule, example, id=f"{rule}-reads-{n}")
        for n, text in enumerate(examples["not"]):
            yield pytest.param(rule, {"text": text, "gives": None}, id=f"{rule}-not-{n}")


def test_every_headline_rule_has_at_least_eight_examples_both_ways():
    assert sorted(FIXTURES) == sorted(HEADLINE_RULES.names())
    for rule, examples in FIXTURES.items():
        assert examples["reads"] and examples["not"] and len(examples["reads"]) + len(examples["not"]) >= 8, rule


@pytest.mark.parametrize(("rule", "example"), list(_cases()))
def test_headline_rule(rule, example):
    quote = read_headline(_context(example["text"]), "Northshire Police", HEADLINE_RULES.only([rule]))
    if example["gives"] is None:
        assert quote is None, quote
        return
    assert quote is not None and quote.text.startswith(example["gives"]) and quote.how == rule, quote
    if "by" in example:
        assert quote.by == example["by"]
    if "ends" in example:  # a sentence the next one turns on is quoted with it
        assert quote.text.endswith(example["ends"]), quote.text


def test_the_headline_is_the_inspectors_and_says_where_it_stands():
    """The bundled force's 2023-25 news story (seed 004): the inspector's summary, quoted
    after "In summary, Mr Wilsher said:", his full title taken from where the story names him."""
    path = SHARED / "seeds" / "004_1a42217144e4e44b.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    from briefing.extract import extract

    headline = extract(path).inspection.headline
    assert headline.text.startswith("I am pleased with some aspects of Northamptonshire Police's performance")
    assert headline.by == "His Majesty's Inspector of Constabulary Roy Wilsher"
    assert headline.place.line == 36 and headline.how == "quoted"


def test_a_pcc_page_has_no_headline_of_the_inspectors(tmp_path):
    from briefing.extract import extract

    path = tmp_path / "pcc.txt"
    path.write_text("SOURCE: https://www.northshire-pcc.gov.uk/news/peel-response\nPCC responds to PEEL report\n\n"
                    "I am pleased with the progress Northshire Police has made, and I will hold the chief constable to "
                    "account for the rest.\n\nChief Constable Ann Brown said: \"I am pleased with the report.\"\n",
                    encoding="utf-8")
    assert extract(path).inspection.headline is None
