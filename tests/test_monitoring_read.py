"""The force's monitoring stage as its texts state it (Engage, enhanced monitoring, Scan),
with the dates they give: each rule alone on its fixtures (tests/fixtures/rules/
monitoring.yaml: sentences that must and must not be read), then whole texts as
`briefing extract` reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from reading import rule_cases

from briefing.extract.context import Context
from briefing.extract.monitoring import MONITORING_RULES, read_monitoring
from briefing.extract.reader import SourceLine
from briefing.reference import load_frameworks

FIXTURES = yaml.safe_load((Path(__file__).parent / "fixtures" / "rules" / "monitoring.yaml").read_text(encoding="utf-8"))


def _context(text: str) -> Context:
    return Context.of([SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)], load_frameworks())


def _said(statements) -> list[str]:
    return [f"{m.stage}/{m.event} {m.date.iso() if m.date else '-'}: {m.text}" for m in statements]


def test_every_monitoring_rule_has_at_least_eight_examples_both_ways():
    assert sorted(FIXTURES) == sorted(MONITORING_RULES.names())
    for rule, examples in FIXTURES.items():
        assert examples["reads"] and examples["not"] and len(examples["reads"]) + len(examples["not"]) >= 8, rule


@pytest.mark.parametrize(("rule", "text", "gives"), list(rule_cases("monitoring")))
def test_monitoring_rule(rule, text, gives):
    found = read_monitoring(_context(text), "Northshire Police", rules=MONITORING_RULES.only([rule]))
    said = _said(found)
    assert len(said) == len(gives), said
    for statement, expected in zip(said, gives):
        head, opening = expected.split(": ", 1)
        assert statement.startswith(f"{head}: {opening}"), statement
    assert {m.how for m in found} <= {rule}


def test_a_page_of_entry_and_exit_reads_both_with_their_dates(tmp_path):
    from briefing.extract import extract

    path = tmp_path / "release.txt"
    path.write_text("SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/northshire/\n"
                    "Avon and Somerset Constabulary removed from enhanced monitoring\n\n"
                    "Published on: 3 June 2024\n\n"
                    "The monitoring process consists of two stages: Scan and Engage. All police forces are in routine "
                    "monitoring under the Scan stage by default.\n\n"
                    "Avon and Somerset Constabulary was moved into Engage in June 2022.\n\n"
                    "The Chief Inspector has today decided to remove Avon and Somerset Constabulary from Engage.\n",
                    encoding="utf-8")
    monitoring = extract(path).inspection.monitoring
    # the headline says so undated; "today" is the page's date; how monitoring works is nobody's stage
    assert [(m.stage, m.event, m.date.iso() if m.date else None, m.place.line) for m in monitoring] == [
        ("engage", "left", None, 2), ("engage", "entered", "2022-06", 8), ("engage", "left", "2024-06-03", 10)]
    assert [m.how for m in monitoring] == ["left", "entered", "left"]


def test_a_text_that_says_nothing_of_monitoring_gives_nothing(tmp_path):
    """Silence is "not stated", never Scan."""
    from briefing.extract import extract

    path = tmp_path / "news.txt"
    path.write_text("Northshire Police rated good\n\nThe force was rated good at preventing crime and engages well with "
                    "its communities.\n", encoding="utf-8")
    assert extract(path).inspection.monitoring == ()


@pytest.mark.parametrize(("published", "sentence", "date"), [
    # a letter of 29 November tells of a decision given a week before it (review 13, item 2)
    ("29 November 2023", "On 22 November at 2.30pm, HMI Smith informed you of my decision to place Avon and Somerset Constabulary "
                         "into our Engage phase of enhanced monitoring.", "2023-11-22"),
    ("12 December 2023", "Because of these concerns, last month the inspectorate moved Avon and Somerset Constabulary into an "
                         "enhanced level of monitoring.", "2023-11"),  # review 13, item 20
    ("6 January 2025", "Avon and Somerset Constabulary was moved into Engage in December.", "2024-12"),  # the latest December
    ("6 January 2025", "Avon and Somerset Constabulary was moved into Engage in January.", "2025-01"),
])
def test_a_date_given_by_the_texts_own_date_is_read_by_it(tmp_path, published, sentence, date):
    from briefing.extract import extract

    path = tmp_path / "letter.txt"
    path.write_text(f"Avon and Somerset Constabulary: Enhanced monitoring decision\n\nPublished on: {published}\n\n{sentence}\n",
                    encoding="utf-8")
    monitoring = extract(path).inspection.monitoring
    assert [(m.stage, m.event, m.date.iso() if m.date else None) for m in monitoring] == [("engage", "entered", date)]
