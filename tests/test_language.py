"""Number words, months and the inspectorate's renamings are one table (data/language.yaml)
that deadlines, counts, dates and cycle cues all read: a number written as a word reads as
the same number written in digits, wherever it stands."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.extract.findings.deadlines import deadline_of
from briefing.extract.language import naming_years
from briefing.extract.reader import SourceLine
from briefing.extract.reports import stated_counts
from briefing.reference import FILES, Reference
from briefing.resources import data_dir

PUBLISHED = date(2024, 1, 10)


@pytest.mark.parametrize(("words", "digits"), [
    ("Within eight weeks, the force should review its policy.", "Within 8 weeks, the force should review its policy."),
    ("Within ten months, chief constables should act.", "Within 10 months, chief constables should act."),
    ("Within the next three months, the force should act.", "Within the next 3 months, the force should act."),
    ("Within eighteen months, forces should report.", "Within 18 months, forces should report."),
])
def test_a_deadline_in_words_is_the_deadline_in_digits(words, digits):
    due = deadline_of(words, PUBLISHED)
    assert due[:10] == deadline_of(digits, PUBLISHED)[:10]
    assert due[:4] in ("2024", "2025") and f"of {PUBLISHED.day} January 2024" in due


@pytest.mark.parametrize(("text", "due"), [
    ("By 30 Sept 2025, the force should train its staff.", "2025-09-30"),
    ("By 1st Dec. 2024, forces should publish their plans.", "2024-12-01"),
    ("By Mar 2023, forces should act.", "2023-03 (By Mar 2023)"),
])
def test_a_month_in_any_of_its_forms_dates_a_deadline(text, due):
    assert deadline_of(text) == due


@pytest.mark.parametrize(("sentence", "count"), [
    ("The report makes nine recommendations to forces.", 9),
    ("The inspectorate made fourteen recommendations.", 14),
    ("It has made 14 recommendations.", 14),
])
def test_a_stated_count_reads_words_and_digits_alike(sentence, count):
    found = stated_counts([SourceLine(sentence, 1)])
    assert [(c.kind, c.count) for c in found] == [("recommendation", count)]


@pytest.mark.parametrize(("paragraph", "counts"), [
    # Warwickshire custody 2022 (review 6, item 4): the public response draft said "The report makes 2 recommendations"
    ("We last inspected custody in the force in 2014. Of the 29 recommendations made during that previous inspection, "
     "the force has achieved 15 of them. Two recommendations are no longer applicable.", []),
    ("Of the 29 recommendations of our previous inspection, 15 are achieved. We have made three recommendations.",
     [("recommendation", 3)]),
])
def test_counts_after_a_sentence_about_an_earlier_inspection_are_its_own(paragraph, counts):
    assert [(c.kind, c.count) for c in stated_counts([SourceLine(paragraph, 1)])] == counts


@pytest.mark.parametrize(("text", "years"), [
    ("A report by HMIC on the force.", (2013, 2017)),
    ("HMICFRS, His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", (2022, date.today().year)),
    ("Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)", (2017, 2022)),
])
def test_the_inspectorates_name_dates_a_text_by_the_renamings_in_data(text, years):
    span = naming_years(text)
    assert (span[0], span[-1]) == years


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILES:
        shutil.copy(data_dir() / name, folder / name)
    return folder


@pytest.mark.parametrize(("old", "new", "said"), [
    ("  nine: 9\n", "  nine: many\n", "language.yaml, numbers.nine: expected a whole number, found 'many'"),
    ("  may: []\n", "", "language.yaml, months: expected the twelve months in order, found 11"),
    ("    day: 2022-09-08\n", "    day: September\n", "language.yaml, renamings.monarch.day: expected a date"),
    ("degree_adverbs: [very,", "degree_adverbs: [{very: 1},", "language.yaml, degree_adverbs: expected"),
])
def test_a_mistake_in_the_language_table_is_one_line_naming_the_entry(data, old, new, said):
    path = data / "language.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        Reference.read(data)
    assert str(raised.value).startswith(str(path)) and said.split("language.yaml", 1)[1] in str(raised.value)
