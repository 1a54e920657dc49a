"""Find data/ and templates/ whether running from a checkout or an installed wheel.

The design card keeps data/ and templates/ at the top of the repository so an analyst can
edit them without touching Python; a wheel carries them inside the package as _data and
_templates (see pyproject.toml). Editable installs and checkouts use the top-level ones.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"none of {', '.join(map(str, candidates))} exists; reinstall briefing")


@cache
def data_dir() -> Path:
    return _first_existing(_PACKAGE / "_data", _PACKAGE.parent / "data")


@cache
def templates_dir() -> Path:
    return _first_existing(_PACKAGE / "_templates", _PACKAGE.parent / "templates")


def bundled_datasets() -> list[Path]:
    """Every hand-kept inspection shipped with the tool, in a stable order."""
    return sorted(p for p in data_dir().rglob("*.yaml") if p.parent != data_dir())
