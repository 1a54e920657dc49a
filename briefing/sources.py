"""Kinds of source document, from data/source_kinds.yaml.

A news article that lists three findings says nothing about the report's other findings;
knowing the kind of every source is what stops a pack from turning gaps in a source into
claims about an inspection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.reference import Reference
from briefing.reference import reference as default_reference


@dataclass(frozen=True)
class SourceKind:
    id: str
    name: str
    complete: bool  # does such a document normally list every finding?
    addresses: tuple[re.Pattern, ...] = ()  # how extract knows one: its source address
    words: tuple[re.Pattern, ...] = ()  # or the words of its first lines
    hosts: tuple[re.Pattern, ...] = ()  # or its publisher's site, which wins over any other kind's words
    text_only: bool = False  # known only in a text: a PDF with the same first lines is the report itself

    def fits(self, address: str, head: str, is_pdf: bool = False) -> bool:
        if self.text_only and is_pdf:
            return False
        return any(p.search(address) for p in self.addresses) or any(p.search(head) for p in self.words)

    def published_at(self, address: str) -> bool:
        """Its address is on one of this kind's publishers' sites (the host, not the path)."""
        host = re.match(r"\s*https?://([^/\s?#]+)", address)
        return bool(host) and any(p.search(host.group(1)) for p in self.hosts)


def source_kinds(reference: Reference | None = None) -> dict[str, SourceKind]:
    """The kinds of `reference` (the process's own by default), their patterns compiled."""
    return _compiled(reference or default_reference())


@lru_cache(maxsize=4)
def _compiled(reference: Reference) -> dict[str, SourceKind]:
    def patterns(value, field) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in (value.get("read") or {}).get(field, ()))

    return {key: SourceKind(key, value["name"], bool(value["complete"]), patterns(value, "address"),
                            patterns(value, "words"), patterns(value, "host"),
                            bool((value.get("read") or {}).get("text_only")))
            for key, value in reference.source_kinds.items()}


def kind_of_text(address: str, head: str, is_pdf: bool, reference: Reference | None = None) -> str:
    """The kind of an extracted text, from its address and first lines: never "hand-kept". A
    publisher's own site decides first: a trade paper reprinting the inspectorate's words ("the
    police inspectorate has said") is still the paper's article, not the inspectorate's release."""
    kinds = source_kinds(reference).values()
    for kind in kinds:
        if kind.hosts and kind.published_at(address):
            return kind.id
    for kind in kinds:
        if kind.fits(address.lower(), head, is_pdf):
            return kind.id
    return "report" if is_pdf else "web-page"


def source_kind_name(kind: str) -> str:
    known = source_kinds().get(kind)
    return known.name if known else kind


def with_article(name: str) -> str:
    """ "a news article", "an HMICFRS assessment page" (initialisms said letter by letter)."""
    sounds_vowel = re.match(r"[aeio]|u(?!ni|s[eu])|(?:HMI|FRS|NPCC)\b|[FHLMNRSX][A-Z]", name)
    return f"{'an' if sounds_vowel else 'a'} {name}"
