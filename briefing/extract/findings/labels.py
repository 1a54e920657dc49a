"""How texts label findings: the kind words of data/finding_kinds.yaml as patterns, a
heading that names a kind ("Areas for improvement", "Areas for Improvement (8)",
"Accelerated cause of concern: investigations"), and a numbered label ("AFI 7",
"Recommendation 3:", "Action for Further Improvement (AFI) 7 –")."""

from __future__ import annotations

import re
from functools import cache

from briefing.model import KIND_WORDINGS


@cache
def kind_words() -> list[tuple[str, str]]:
    """(kind, pattern) with the longest wordings first, so "accelerated cause of concern"
    is read before "cause of concern"."""
    pairs = [(kind, w) for kind, wordings in KIND_WORDINGS.items() for w in wordings]
    pairs.sort(key=lambda p: -len(p[1]))
    return [(kind, r"\s+".join(re.escape(part) for part in w.split())) for kind, w in pairs]


@cache
def _any_kind() -> str:
    return "|".join(pattern for _, pattern in kind_words())


def kind_of(words: str) -> str | None:
    """The kind a label names: "Areas for improvement" -> area-for-improvement."""
    for kind, pattern in kind_words():
        if re.fullmatch(pattern, words.strip(), re.IGNORECASE):
            return kind
    return None


@cache
def heading_pattern() -> re.Pattern:
    """A line that is only a kind, perhaps with its count or a topic: "Areas for improvement",
    "Cause of concern", "Areas for Improvement (8)", "Accelerated cause of concern: investigations"."""
    return re.compile(rf"^#*\s*(?:our\s+|the\s+)?(?P<kind>{_any_kind()})\s*(?:\(\d+\))?\s*(?::\s*[\w ,'-]{{2,60}})?\s*:?\s*$",
                      re.IGNORECASE)


@cache
def numbered_pattern() -> re.Pattern:
    """A numbered label opening a line: "AFI 7 – ...", "Recommendation 3: ...", "Action for
    Further Improvement (AFI) 7 – ...", "Cause of concern 2"."""
    return re.compile(rf"^\W*(?P<kind>{_any_kind()})(?:\s*\((?:afi|coc)\))?\s+(?P<n>\d{{1,3}})\b\s*(?P<sep>[:.\u2013\u2014-]|\s)?"
                      rf"\s*(?P<rest>.*)$", re.IGNORECASE)


def heading_kind(text: str) -> str | None:
    match = heading_pattern().match(text.strip())
    return kind_of(match.group("kind")) if match else None


SPOKEN_OF = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:now\s+|since\s+|all\s+)?(?:discussed|"
                       r"addressed|closed|discharged|reviewed|considered|noted|resolved|met|removed|signed\s+off|lifted)\b",
                       re.IGNORECASE)


def spoken_of(text: str) -> bool:
    """Findings spoken of, not given: "the causes of concern were discussed at the board",
    "the two causes of concern raised in 2022 have now been addressed"."""
    return bool(SPOKEN_OF.search(text))
