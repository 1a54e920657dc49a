"""Paragraphs and headings recovered from numbered lines, keeping each one's first line."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.extract.reader import SourceLine

BULLET = re.compile(r"^\s*(?:[-*•]|\u25aa|\d{1,2}\.)\s+")
# PDF text layers start each page's text with one space; a capital after it starts a new block.
PAGE_START = re.compile(r"^ (?! )[A-Z•]")
# either, in one test of each line of a text (most lines start neither)
BULLET_OR_PAGE_START = re.compile(f"{BULLET.pattern}|{PAGE_START.pattern}")


@dataclass(frozen=True)
class Paragraph:
    text: str  # its lines joined by single spaces, runs of white space made one
    start: SourceLine
    lines: tuple[SourceLine, ...]
    index: int = 0  # its place among the text's paragraphs
    starts: tuple[int, ...] = field(default=(), compare=False)  # where each line begins in `text`

    @property
    def single(self) -> bool:
        return len(self.lines) == 1

    def line_at(self, offset: int) -> SourceLine:
        """The source line holding the character at `offset` of `text`."""
        return self.lines[max(0, bisect_right(self.starts, offset) - 1)] if self.starts else self.start

    def line_span(self, index: int) -> tuple[int, int]:
        """Where line `index` lies in `text`."""
        start = self.starts[index]
        if index + 1 == len(self.starts):
            return start, len(self.text)
        end = self.starts[index + 1]
        return start, end - 1 if self.text[end - 1:end] == " " else end  # no space where a hyphen ran on


def unwrapped(lines: list[SourceLine]) -> bool:
    """Whether each line is a block of its own (a web page's text) rather than a wrapped
    line of a paragraph (a report's text layer). Wrapping leaves long lines that stop
    mid-sentence with the sentence going on, in lower case, on the next line; a text with
    few of those is one block to a line."""
    if any(l.page is not None for l in lines):
        return False  # a PDF's text layer is always lines of a page
    body = [l.text.rstrip() for l in lines if l.text.strip() and not l.text.lower().startswith("source:")]
    long = [(t, body[i + 1] if i + 1 < len(body) else "") for i, t in enumerate(body) if len(t.strip()) >= 25]
    if len(long) < 4:
        return False
    broken = sum(1 for t, after in long
                 if not re.search(r"[.!?:;\"'\u201d\u2019)\]]$", t) and re.match(r"\s*[a-z(]", after))
    return broken <= 0.1 * len(long)


def _introduces_list(run: list[SourceLine]) -> bool:
    """The run's last line is a short heading for the list that follows ("Areas for improvement")."""
    last = run[-1].text.strip()
    return len(run) > 1 and 0 < len(last) <= 60 and not re.search(r"[.,;:!?]$", last) and not BULLET.match(run[-1].text)


def _ends_in_word_hyphen(text: str) -> bool:
    """ "problem-": a letter, then a hyphen, at the end (a test made on every line)."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isascii() and text[-2].isalpha()


END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")


def isolated(lines: list[SourceLine]) -> bool:
    """Whether the text's blank lines say nothing: every printed line stands alone between
    blank ones (a report saved as a web page with one block per printed line), and its
    long lines break off mid-sentence as a wrapped text's do. Such a text's paragraphs are
    rebuilt from its lines, as the same text saved with line breaks reads."""
    runs, previous_blank, body = 0, True, []
    for line in lines:
        if not line.text.strip():
            previous_blank = True
            continue
        if not previous_blank:
            return False  # two lines in a run: the blank lines are the text's own
        previous_blank = False
        runs += 1
        body.append(line.text.strip())
    long = [i for i, t in enumerate(body[:-1]) if len(t) >= 25]
    broken = sum(1 for i in long if not END.search(body[i]) and re.match(r"[a-z(]", body[i + 1]))
    return runs >= 8 and len(long) >= 4 and broken > 0.1 * len(long)


def _rejoined(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines of an `isolated` text without the blank lines that part a wrapped line from
    its continuation: a line that stops short of an end mark and goes on in lower case, or
    stops near the full width of the text's lines."""
    body = [line for line in lines if line.text.strip()]
    widths = sorted(len(line.text.strip()) for line in body)
    full = widths[int(0.9 * (len(widths) - 1))] * 0.8
    out: list[SourceLine] = []
    for line, after in zip(body, [*body[1:], None]):
        out.append(line)
        text = line.text.strip()
        wraps = after is not None and not END.search(text) and not BULLET.match(after.text) and (
            re.match(r"\s*[a-z(]", after.text) or len(text) >= full)
        if not wraps:
            out.append(SourceLine("", line.line, line.page))
    return out


def paragraphs(lines: list[SourceLine]) -> list[Paragraph]:
    """Runs of non-blank lines; a bullet line always starts a new paragraph, and where
    each line is a block of its own (`unwrapped`) every line is one. A text whose every
    line stands alone (`isolated`) has its paragraphs rebuilt first."""
    out: list[Paragraph] = []
    run: list[SourceLine] = []
    if isolated(lines):
        lines = _rejoined(lines)
    blocks = unwrapped(lines)

    def flush():
        if run:
            pieces = [" ".join(l.text.split()) for l in run]
            starts, pos, text = [], 0, ""
            for piece in pieces:
                # a line that ends in a word and a hyphen runs on into the next ("problem-" / "solving")
                glue = "" if not text or (_ends_in_word_hyphen(text) and piece[:1].islower()) else " "
                text += glue + piece
                starts.append(pos + len(glue))
                pos = len(text)
            out.append(Paragraph(text, run[0], tuple(run), len(out), tuple(starts)))
            run.clear()

    for line in lines:
        if not line.text.strip():
            flush()
            continue
        wrapped = blocks and run and not re.search(r"[.!?:;\"'\u201d\u2019)\]]$", run[-1].text.rstrip()) \
            and re.match(r"\s*[a-z]", line.text)  # even a text of blocks wraps a line now and then
        if run and ((blocks and not wrapped) or BULLET_OR_PAGE_START.match(line.text)):
            heading = run.pop() if BULLET.match(line.text) and _introduces_list(run) else None
            flush()
            if heading is not None:
                run.append(heading)
                flush()
        run.append(line)
    flush()
    return out


def lines_holding(texts: list[str], words: tuple[str, ...]) -> list[int]:
    """The indexes of the texts whose lower-cased text holds one of these (lower-case) words,
    in order: what `any(word in text.lower() for word in words)` tells of each, found through
    all of them joined at C's pace, where a test a line costs a Python step for each of a
    report's thousands of lines. Where lowering changes the joined text's length (a letter
    lowered to two: "İ"), places in it are not places in the lines, and each is tested."""
    lowered, starts = _lowered(tuple(texts))
    if lowered is None:
        return [n for n, text in enumerate(texts) if any(word in text.lower() for word in words)]
    held: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            n = bisect_right(starts, at) - 1
            held.add(n)
            at = lowered.find(word, starts[n + 1]) if n + 1 < len(starts) else -1
    return sorted(held)


_LOWERED: dict[tuple[str, ...], tuple[str | None, list[int]]] = {}


def _lowered(texts: tuple[str, ...]) -> tuple[str | None, list[int]]:
    """The texts joined by newlines and lower-cased, and where each begins (None where
    lowering changes the length). Kept for the last texts asked about: a reading asks of
    the same lines again (closings, stated counts, a response's link), and joining and
    lowering a long report's 400,000 characters costs more than finding the words; a
    tuple of the same strings is hashed and compared at little cost."""
    held = _LOWERED.get(texts)
    if held is None:
        joined = "\n".join(texts)
        lowered = joined.lower()
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        held = (lowered if len(lowered) == len(joined) else None, starts)
        _LOWERED.clear()
        _LOWERED[texts] = held
    return held


SENTENCE_GAP = re.compile(r"[.!?][\"']?(\s+)(?=[\"'A-Z])")  # the space after a sentence's end (and its closing quote)


def sentences(text: str) -> list[str]:
    """The text cut at the space after a full stop, "!" or "?" (and a closing quote) before a
    capital or an opening quote. The cuts are found by a pattern that opens on the stop, where
    a split on a look-behind tried every character of the text: the same sentences in a
    quarter of the time (tests/test_reading_speed.py)."""
    pieces, at = [], 0
    for gap in SENTENCE_GAP.finditer(text):
        pieces.append(text[at:gap.start(1)])
        at = gap.end(1)
    pieces.append(text[at:])
    return [s.strip() for s in pieces if s.strip()]


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()
