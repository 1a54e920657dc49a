"""Comparison -> Briefing: the one document model every writer translates."""

from briefing.document.build import build_briefing
from briefing.document.model import Briefing
from briefing.document.options import PackOptions

__all__ = ["Briefing", "PackOptions", "build_briefing"]
