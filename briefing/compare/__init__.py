"""Inspection -> Comparison (two inspections) and History (a force's whole record)."""

from briefing.compare.comparison import Comparison, compare
from briefing.compare.history import History, history

__all__ = ["Comparison", "History", "compare", "history"]
