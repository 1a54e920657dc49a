"""The Briefing as JSON: the easiest form to review, diff and test against."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.document.model import Briefing

SUFFIX = ".json"


def render(briefing: Briefing, path: Path) -> None:
    """The document, without the warnings said on writing it: they name the files read as this
    machine knows them (its paths), which a file that travels must not hold."""
    model = {k: v for k, v in briefing.to_dict().items() if k != "warnings"}
    path.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
