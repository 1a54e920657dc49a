"""The Briefing as JSON: the easiest form to review, diff and test against."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.document.model import Briefing

SUFFIX = ".json"


def render(briefing: Briefing, path: Path) -> None:
    path.write_text(json.dumps(briefing.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
