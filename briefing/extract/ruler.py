"""An ordered list of small named rules, after markdown-it-py's Ruler.

Each rule reads one kind of statement ("label", "grade-then-list", "register-row") and
its name is recorded as the `how` of everything it finds, so a wrong reading is traced
to its rule in one step. A rule is a function of the text's Context that yields
(paragraph, reading) pairs; most read one paragraph at a time (`per_paragraph`), some
carry what they saw forward (the heading a later grade line answers). Rules run in order; what an earlier rule has read (a grade
word, a line) is not read again by a later one, so the order says which reading of a
sentence is trusted. Adding a phrasing is adding a rule, or a case to one, and a
fixture line beside its tests (tests/fixtures/rules/).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


def per_paragraph(fn: Callable) -> Callable:
    """A rule of one paragraph at a time, fn(context, paragraph) -> readings."""
    def rule(ctx):
        for para in ctx.paras:
            for reading in fn(ctx, para):
                yield para, reading

    rule.__doc__, rule.__name__ = fn.__doc__, fn.__name__
    return rule


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable  # (context) -> (paragraph, reading) pairs

    @property
    def purpose(self) -> str:
        return " ".join((self.apply.__doc__ or "").split())


class Ruler:
    """Rules by name, in the order they are tried."""

    def __init__(self, rules: Sequence[tuple[str, Callable]]):
        self.rules = tuple(Rule(name, fn) for name, fn in rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"rule names repeat: {names}")

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
        return Ruler([(r.name, r.apply) for r in self.rules if r.name in keep])

    def without(self, names: Iterable[str]) -> Ruler:
        drop = set(names)
        return Ruler([(r.name, r.apply) for r in self.rules if r.name not in drop])

    def __iter__(self):
        return iter(self.rules)
