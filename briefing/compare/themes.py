"""The theme vocabulary of data/themes.yaml, compiled once into fast word-start patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from briefing.errors import InputError
from briefing.resources import data_dir, load_data


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    pattern: re.Pattern


def _keyword_pattern(keyword: str) -> str:
    words = [re.escape(w) for w in keyword.lower().split()]
    return r"\b" + r"\W+".join(words) + r"[\w'-]*"


@lru_cache(maxsize=2)
def load_themes() -> tuple[Theme, ...]:
    path = data_dir() / "themes.yaml"
    try:
        raw = load_data("themes.yaml")["themes"]
        return tuple(Theme(tid, t["name"], re.compile("|".join(_keyword_pattern(k) for k in t["keywords"])))
                     for tid, t in raw.items())
    except (yaml.YAMLError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the theme vocabulary ({exc})", file=str(path)) from exc


@lru_cache(maxsize=8192)
def themes_of(text: str) -> frozenset[str]:
    lowered = text.lower().replace("’", "'")
    return frozenset(t.id for t in load_themes() if t.pattern.search(lowered))


def theme_name(theme_id: str) -> str:
    return next((t.name for t in load_themes() if t.id == theme_id), theme_id)
