"""The one reading engine: ordered groups of small named rules, after markdown-it-py's Ruler.

A rule reads one shape of statement ("label", "grade-then-list", "published-label") and
is a function `rule(ctx, paragraph) -> readings`. A reading names the spans of the text it
claims and carries the typed statements it makes of them (a grade statement, a Finding, a
publication date, a title, a count, a cycle cue, a response's date); a reading with no
statements still claims its spans: the words are accounted for and say nothing (the scale
explained, an adjective). A rule that needs the whole text at once (a heading it carries
forward, the top of a page) is marked `@whole_text` and is `rule(ctx) -> readings`.

Rules are kept in named groups (GRADE_RULES, FINDING_RULES, ...), tried in order by one
driver, `Ruler.read`: a reading whose spans overlap text an earlier rule claimed is passed
over, so the order says which reading of a sentence is trusted; a rule's own readings may
overlap one another (they are one rule's reading of the text). The rule's name is stamped
as the `how` of each statement it makes, so a wrong reading is traced to its rule in one
step, in the dataset too. A group whose answer is one fact (the publication date, the
title) stops at the first rule that gives one. Adding a phrasing is a case of a rule, or a
new rule, and a fixture line (tests/fixtures/rules/).
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache


@dataclass(frozen=True, order=True)
class Span:
    """Characters `start`..`end` of paragraph `para`'s text (Context.paras)."""

    para: int
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.para == other.para and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Reading:
    spans: tuple[Span, ...] = ()  # the text it claims; none: it claims nothing (a page's date)
    statements: tuple = ()  # typed statements; none: the spans say nothing (the scale explained)


def whole_text(fn: Callable) -> Callable:
    """Marks a rule that reads the whole text at once: fn(ctx) -> readings."""
    fn.whole_text = True
    return fn


@dataclass(frozen=True)
class Rule:
    name: str
    fn: Callable  # (ctx, paragraph) -> readings, or (ctx) -> readings when marked @whole_text

    @property
    def whole_text(self) -> bool:
        return getattr(self.fn, "whole_text", False)

    @property
    def purpose(self) -> str:
        return " ".join((self.fn.__doc__ or "").split())

    def readings(self, ctx, paras=None) -> Iterable[Reading]:
        if self.whole_text:
            yield from self.fn(ctx)
            return
        paras = ctx.paras if paras is None else paras
        words = getattr(self.fn, "needs", None)
        if words:
            holding = ctx.holding(words)
            paras = [para for para in paras if para.index in holding]
        for para in paras:
            yield from self.fn(ctx, para)


@dataclass(frozen=True)
class Read:
    """One statement as the driver accepted it, with the rule and the reading that made it."""

    rule: str
    reading: Reading
    statement: object


@dataclass
class Result:
    """What a group read: its statements in rule order, and every span it claimed."""

    read: list[Read] = field(default_factory=list)
    claimed: list[Span] = field(default_factory=list)
    set_aside: list[tuple[str, Span]] = field(default_factory=list)  # (rule, span) claimed by readings that state nothing

    @property
    def statements(self) -> list:
        return [r.statement for r in self.read]

    @property
    def first(self):
        return self.read[0].statement if self.read else None


class Claims:
    """The spans earlier rules claimed, by paragraph, kept as sorted disjoint intervals so
    that asking about a span costs a binary search, however many words a paragraph holds."""

    def __init__(self):
        self.starts: dict[int, list[int]] = {}
        self.ends: dict[int, list[int]] = {}

    def overlap(self, spans: Sequence[Span]) -> bool:
        for span in spans:
            starts = self.starts.get(span.para)
            if starts:
                at = bisect_left(starts, span.end) - 1  # the last interval starting before the span ends
                if at >= 0 and self.ends[span.para][at] > span.start:
                    return True
        return False

    def add(self, spans: Iterable[Span]) -> None:
        fresh: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            fresh.setdefault(span.para, []).append((span.start, span.end))
        for para, intervals in fresh.items():
            intervals += zip(self.starts.get(para, ()), self.ends.get(para, ()))
            merged: list[list[int]] = []
            for start, end in sorted(intervals):
                if merged and start < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            self.starts[para] = [m[0] for m in merged]
            self.ends[para] = [m[1] for m in merged]


def stamped(statement, how: str):
    """The statement with its rule's name as its `how`, where it has one to fill."""
    if _has_how(type(statement)) and not statement.how:
        return replace(statement, how=how)
    return statement


@lru_cache(maxsize=None)
def _has_how(kind: type) -> bool:
    """Whether a kind of statement has a `how`: asked of its fields once a kind, not once a
    statement (a report's reading stamps thousands)."""
    return any(f.name == "how" for f in fields(kind))


class Ruler:
    """A named group of rules, in the order they are tried.

    `first`: the group reads one fact, the first any rule gives (a publication date).
    `paragraphs(ctx)`: the paragraphs its paragraph rules read, where not all can hold what
    they read (grade rules: those with a grade word, a small part of a report).
    `repeats`: made once per reading of a text, `repeats()(reading, statement)` tells
    whether a statement says again what one accepted before says (findings: the same
    words, or a copy cut short); by default (SAME_READING), a statement equal to one
    from a reading of the same spans repeats it."""

    def __init__(self, rules: Sequence[tuple[str, Callable]], *, first: bool = False,
                 repeats: Callable | None = None, paragraphs: Callable | None = None):
        self.rules = tuple(Rule(name, fn) for name, fn in rules)
        self.first, self.repeats, self.paragraphs = first, repeats, paragraphs
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"rule names repeat: {names}")

    def _like(self, rules: Iterable[Rule]) -> Ruler:
        return Ruler([(r.name, r.fn) for r in rules], first=self.first, repeats=self.repeats, paragraphs=self.paragraphs)

    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def __getitem__(self, name: str) -> Rule:
        return next(r for r in self.rules if r.name == name)

    def only(self, names: Iterable[str]) -> Ruler:
        """The same rules, keeping only these (in their own order): for tests of one rule."""
        keep = set(names)
        unknown = keep - set(self.names())
        if unknown:
            raise KeyError(f"no rule named {', '.join(sorted(unknown))}")
        return self._like(r for r in self.rules if r.name in keep)

    def without(self, names: Iterable[str]) -> Ruler:
        drop = set(names)
        return self._like(r for r in self.rules if r.name not in drop)

    def __iter__(self):
        return iter(self.rules)

    def read(self, ctx) -> Result:
        """Every rule in order over the text: the one driver of every group, with Python's
        cycle collector held off while it reads (`collector_held`)."""
        with collector_held():
            return self._read(ctx)

    def _read(self, ctx) -> Result:
        result, claims = Result(), Claims()
        ctx.so_far = result
        repeats = (self.repeats or SAME_READING)()
        paras = self.paragraphs(ctx) if self.paragraphs else None
        for rule in self.rules:
            taken: list[Span] = []
            for reading in rule.readings(ctx, paras):
                if claims.overlap(reading.spans):
                    continue
                said = 0
                for statement in reading.statements:
                    statement = stamped(statement, rule.name)
                    if not repeats(reading, statement):
                        result.read.append(Read(rule.name, reading, statement))
                        said += 1
                if said or not reading.statements:  # a reading that only repeats others claims nothing
                    taken += reading.spans
                if not reading.statements:
                    result.set_aside += [(rule.name, span) for span in reading.spans]
                if self.first and result.read:
                    result.claimed += taken
                    return result
            claims.add(taken)
            result.claimed += taken
        return result


@contextmanager
def collector_held():
    """Python's cycle collector held off while a group of rules reads, or a whole report is
    read (extract.extract, extract_all, extract_lines, as a decorator), and let run after.
    A reading makes hundreds of thousands of short-lived objects (matches, spans, readings,
    a page's lines), freed as they go by their reference counts, and no garbage in cycles:
    the collector's passes over the young ones, every 700 allocations, found none and cost
    some 5% of reading the 105-page report of benchmarks/bench_extract.py (about 30 ms at
    load 9, 320 young and 3 full passes, against 4-9 ms held through the whole reading: once
    let run, it passes only over what the reading kept). Left off where it was off before
    (a caller's own choice, or a group read inside another's)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def adapted(fn: Callable, given: Callable, reading: Callable, many: bool = False) -> Callable:
    """An old-style rule run unchanged by the engine, while it waits to be ported: it is
    called with `given(ctx)` (a page, the lines), and `reading(ctx, value)` makes the
    reading of what it returns (a value, or None for nothing); with `many`, of each value
    it returns or yields."""
    @whole_text
    def rule(ctx):
        found = fn(*given(ctx))
        for value in (found or () if many else [found] if found else []):
            yield reading(ctx, value)

    rule.__name__, rule.__doc__, rule.__wrapped__ = fn.__name__, fn.__doc__, fn
    return rule


class Unique:
    """A group's `repeats`: statements with the same `key(reading, statement)` say the
    same, whichever rule read them (counts: the same grades and number in one paragraph)."""

    def __init__(self, key: Callable):
        self.key = key

    def __call__(self) -> Callable:
        seen: set = set()

        def repeats(reading: Reading, statement) -> bool:
            key = self.key(reading, statement)
            if key in seen:
                return True
            seen.add(key)
            return False

        return repeats


SAME_READING = Unique(lambda reading, statement: (reading.spans, statement))


def _keep_all() -> Callable:
    return lambda reading, statement: False


KEEP_ALL = _keep_all  # a group's `repeats` where every statement counts, however alike (cycle cues add up)
