"""Comparison -> Briefing: the one document model every writer translates.

Names load on first use, so the CLI can read the audience list without importing the
comparison engine.
"""

from __future__ import annotations

_LAZY = {"build_briefing": "briefing.document.build", "Briefing": "briefing.document.model",
         "PackOptions": "briefing.document.options"}

__all__ = list(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
