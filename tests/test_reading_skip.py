"""The rules' skipping never drops a reading: a rule marked `@needs(words)` is passed only the
paragraphs holding one of its words, and a rule tests a sentence with `holds(sentence,
words)` before a pattern that needs one of them (briefing/extract/needs.py). What every
text of the rules' fixtures reads is the same with the skipping on as with it off (every
paragraph and sentence read in full). A rule that declares a word its readings can be
made without fails here on the example that shows it."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing.extract import extract_lines, needs
from briefing.extract.reader import SourceLine
from briefing.ingest.dataset import dump_dataset

RULES = Path(__file__).parent / "fixtures" / "rules"


def _texts() -> list[str]:
    texts = []
    for path in sorted(RULES.glob("*.yaml")):
        for examples in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            texts += [example["text"] for example in examples.get("reads", [])] + list(examples.get("not", []))
    return texts


def _read(text: str) -> str:
    lines = [SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)]
    result = extract_lines(lines, Path("example.txt"), "Northshire Police")
    return dump_dataset(result.inspection, "json") + "\n".join(map(str, result.warnings))


def test_the_rules_fixtures_hold_rules_that_skip():
    """The test below would prove nothing if no rule skipped paragraphs."""
    from briefing.extract.monitoring import MONITORING_RULES

    assert any(getattr(rule.fn, "needs", None) for rule in MONITORING_RULES)


def test_every_fixture_text_reads_the_same_with_the_skipping_off(monkeypatch):
    texts = _texts()
    assert len(texts) > 300
    skipping = [_read(text) for text in texts]
    monkeypatch.setattr(needs, "SKIP", False)
    for text, read in zip(texts, skipping):
        assert _read(text) == read, f"the skipping changed what is read of: {text[:200]!r}"


def test_a_long_text_folds_as_bytes_to_what_its_words_fold_to():
    """forces.fold folds a long text with only ASCII's white space as bytes: the same text
    as its words split apart and joined by single spaces, whatever letters it holds."""
    import random
    import re

    from briefing.extract.forces import fold

    pieces = [*"abcXYZ &-_.'\u00e9\u0130\u212a\u00df\u01c4\u00c5\u2019\t\n\x0b\x0c\r\x1c\x1f ", "  ", "Kent Police"]
    draw = random.Random(33)
    for _ in range(200):
        text = "".join(draw.choice(pieces) for _ in range(5000))
        assert fold(text) == " ".join(re.sub(r"[-\u2010-\u2015]", " ", text.lower().replace("&", "and")).split())
