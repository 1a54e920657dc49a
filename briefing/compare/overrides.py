"""An analyst's corrections to the automatic matching: links to pin and links to forbid.

    pin:
      - {old: "AFI 7", new: "AFI 7"}
    forbid:
      - {old: "Recommendation 3", new: "line 1045"}

A finding is named by its id ("AFI 7"), its place ("line 674"), or the start of its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import limits
from briefing.errors import InputError
from briefing.model import Finding


@dataclass(frozen=True)
class Overrides:
    pin: tuple[tuple[int, int], ...] = ()
    forbid: tuple[tuple[int, int], ...] = ()
    source: str = ""


def _find(name: str, where: str, findings: tuple[Finding, ...], file: str, line: int | None) -> int:
    key = " ".join(str(name).split()).lower()
    for test in (lambda f: f.id.lower() == key, lambda f: str(f.place) == key or f"line {f.place.line}" == key,
                 lambda f: len(key) >= 12 and f.text.lower().startswith(key)):
        hits = [i for i, f in enumerate(findings) if test(f)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise InputError(f"{name!r} names {len(hits)} findings of the {where} inspection; use more of its text",
                             file=file, place=f"line {line}" if line else None)
    raise InputError(f"no finding of the {where} inspection is {name!r} (use its id, 'line N' or its opening words)",
                     file=file, place=f"line {line}" if line else None)


def load_overrides(path: str | Path, old: tuple[Finding, ...], new: tuple[Finding, ...]) -> Overrides:
    path = Path(path)
    from briefing.ingest.located_yaml import read_located  # the YAML library, only when a file is given

    doc = read_located(path, "overrides file", limits.CONFIG_BYTES)
    data = doc.data or {}
    if not isinstance(data, dict) or set(data) - {"pin", "forbid"}:
        raise InputError("expected only 'pin' and 'forbid' lists of {old: ..., new: ...}", file=str(path),
                         place="line 1")
    pairs = {}
    for key in ("pin", "forbid"):
        items = data.get(key) or []
        out = []
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            line = doc.line(key, i)
            if not isinstance(item, dict) or "old" not in item or "new" not in item:
                raise InputError(f"each '{key}' entry needs 'old' and 'new'", file=str(path), place=f"line {line}")
            out.append((_find(item["old"], "older", old, str(path), line),
                        _find(item["new"], "newer", new, str(path), line)))
        pairs[key] = tuple(out)
    return Overrides(pairs["pin"], pairs["forbid"], str(path))
