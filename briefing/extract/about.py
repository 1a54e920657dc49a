"""A text and what the reading has settled about it by the time the last groups run (the
force's monitoring stage, the inspector's headline): the groups' rules read this, as the
finding rules read `Findings`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class About:
    ctx: object  # context.Context
    force: str = ""  # the force the text is about, as settled
    published: tuple | None = None  # (year, month or None, day or None)
    so_far: object = None  # what the group being run has read so far, set by the engine's driver

    @property
    def paras(self):
        return self.ctx.paras

    def holding(self, words: tuple[str, ...]) -> frozenset[int]:
        return self.ctx.holding(words)
