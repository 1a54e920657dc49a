"""The theme vocabulary of data/themes.yaml, compiled once into fast word-start patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.reference import Reference
from briefing.reference import reference as default_reference


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    pattern: re.Pattern


def _keyword_pattern(keyword: str) -> str:
    words = [re.escape(w) for w in keyword.lower().split()]
    return r"\b" + r"\W+".join(words) + r"[\w'-]*"


def load_themes(reference: Reference | None = None) -> tuple[Theme, ...]:
    """The themes of `reference` (the process's own by default), each keyword list one pattern."""
    return _compiled(reference or default_reference())


@lru_cache(maxsize=4)
def _compiled(reference: Reference) -> tuple[Theme, ...]:
    return tuple(Theme(tid, t["name"], re.compile("|".join(_keyword_pattern(k) for k in t["keywords"])))
                 for tid, t in reference.theme_table.items())


@lru_cache(maxsize=8192)
def themes_of(text: str) -> frozenset[str]:
    lowered = text.lower().replace("’", "'")
    return frozenset(t.id for t in load_themes() if t.pattern.search(lowered))


def theme_name(theme_id: str) -> str:
    return next((t.name for t in load_themes() if t.id == theme_id), theme_id)
