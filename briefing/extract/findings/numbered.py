"""Findings by their numbered label: "AFI 7 – the Force should ...", "Recommendation 3: By
31 March 2024, chief constables should ...", "Action for Further Improvement (AFI) 7 –
...", or a label on a line of its own ("Recommendation 1") with the text in the
paragraph below it. The number is kept as the report labels it."""

from __future__ import annotations

from briefing.extract.findings.labels import kind_of, numbered_pattern

MIN_WORDS = 4  # "Recommendation 2" then a line of text; shorter is a reference, not the finding


def numbered(fx):
    """A numbered label and the finding it opens, on its line or the next paragraph."""
    paras = fx.paras
    for n, para in enumerate(paras):
        match = numbered_pattern().match(para.text)
        if not match:
            continue
        kind = kind_of(match.group("kind"))
        label = f"{kind_label(match.group('kind'))} {match.group('n')}"
        rest = match.group("rest").strip(" \u2013\u2014-:")
        if rest and len(rest.split()) >= MIN_WORDS and not _mentions(match, rest):
            yield fx.finding(kind, rest, para, number=label)
        elif not rest and n + 1 < len(paras):
            below = paras[n + 1]
            again = numbered_pattern().match(below.text)
            text = again.group("rest") if again and again.group("n") == match.group("n") else below.text
            if len(text.split()) >= MIN_WORDS and not numbered_pattern().match(text) and not text.endswith("?"):
                yield fx.finding(kind, text.strip(" \u2013\u2014-:"), below, number=label)


def kind_label(words: str) -> str:
    """How the report's own label reads, tidied: "AFI", "Recommendation", "Cause of concern"."""
    words = " ".join(words.split())
    return words.upper() if words.lower() in ("afi", "afis") else words[:1].upper() + words[1:].lower()


def _mentions(match, rest: str) -> bool:
    """ "In response to a question regarding AFI 7, ...": a reference to the finding, not it."""
    return match.group("sep") is None and rest[:1].islower() and not rest.lower().startswith(("the force", "the "))
