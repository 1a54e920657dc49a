"""Text files the user hands us (datasets, overrides, config), read within a limit."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import InputError
from briefing.limits import read_bounded


def read_text(path: Path, limit: int, what: str) -> str:
    """The file's text, or one clear error for what is missing, empty, huge, binary or not a file."""
    name = str(path)
    raw = read_bounded(path, limit, what)
    if not raw.strip():
        raise InputError("file is empty", file=name)
    if b"\x00" in raw[:8192]:
        raise InputError(f"binary file, not a YAML or JSON {what}", file=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text; save the file as UTF-8", file=name, place=f"line {line}") from None
