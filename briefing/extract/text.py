"""Paragraphs and headings recovered from numbered lines, keeping each one's first line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.reader import SourceLine

BULLET = re.compile(r"^\s*(?:[-*•]|\u25aa|\d{1,2}\.)\s+")
# PDF text layers start each page's text with one space; a capital after it starts a new block.
PAGE_START = re.compile(r"^ (?! )[A-Z•]")


@dataclass(frozen=True)
class Paragraph:
    text: str
    start: SourceLine
    lines: tuple[SourceLine, ...]

    @property
    def single(self) -> bool:
        return len(self.lines) == 1


def paragraphs(lines: list[SourceLine]) -> list[Paragraph]:
    """Runs of non-blank lines; a bullet line always starts a new paragraph."""
    out: list[Paragraph] = []
    run: list[SourceLine] = []

    def flush():
        if run:
            out.append(Paragraph(" ".join(" ".join(l.text.split()) for l in run), run[0], tuple(run)))
            run.clear()

    for line in lines:
        if not line.text.strip():
            flush()
            continue
        if run and (BULLET.match(line.text) or PAGE_START.match(line.text)):
            flush()
        run.append(line)
    flush()
    return out


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"']))\s+(?=[\"'A-Z])", text) if s.strip()]


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()
