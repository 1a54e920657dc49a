"""The theme vocabulary of data/themes.yaml, compiled once into fast word-start patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    pattern: re.Pattern


def _keyword_pattern(keyword: str) -> str:
    words = [re.escape(w) for w in keyword.lower().split()]
    return r"\b" + r"\W+".join(words) + r"[\w'-]*"


def parse_themes(table) -> tuple[Theme, ...]:
    """data/themes.yaml's table as Themes, each keyword list one pattern."""
    return tuple(Theme(tid, t["name"], re.compile("|".join(_keyword_pattern(k) for k in t["keywords"])))
                 for tid, t in table.items())


def load_themes() -> tuple[Theme, ...]:
    from briefing.reference import reference

    return reference().themes


@lru_cache(maxsize=8192)
def themes_of(text: str) -> frozenset[str]:
    lowered = text.lower().replace("’", "'")
    return frozenset(t.id for t in load_themes() if t.pattern.search(lowered))


def theme_name(theme_id: str) -> str:
    return next((t.name for t in load_themes() if t.id == theme_id), theme_id)
