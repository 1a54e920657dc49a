"""Kinds of source document, from data/source_kinds.yaml.

A news article that lists three findings says nothing about the report's other findings;
knowing the kind of every source is what stops a pack from turning gaps in a source into
claims about an inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing.resources import load_data


@dataclass(frozen=True)
class SourceKind:
    id: str
    name: str
    complete: bool  # does such a document normally list every finding?


@lru_cache(maxsize=1)
def source_kinds() -> dict[str, SourceKind]:
    raw = load_data("source_kinds.yaml")["source_kinds"]
    return {key: SourceKind(key, value["name"], bool(value["complete"])) for key, value in raw.items()}


def source_kind_name(kind: str) -> str:
    known = source_kinds().get(kind)
    return known.name if known else kind
