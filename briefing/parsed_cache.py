"""The tool's own data files parsed once and kept between runs.

Every command reads data/ (nine YAML files) and a pack of the bundled force reads its
fourteen datasets too: parsing them, and importing the YAML library to do it, was about
0.045 s of the pack's 0.77 s of CPU, for files nobody edits between two runs. What each
file gave is kept in the user's cache folder (XDG_CACHE_HOME, else ~/.cache, then
briefing/parsed), one kept file per data file, beside what it was made from: the text (its
length and CRC-32), the Python, the tool's version and the parsing modules' files (their
size and time), so an edited file or an upgraded parser is parsed again.

Only files inside the tool's own data folder are kept: a user's datasets change from pack
to pack, are read once a run anyway, and would each add a file to the cache. A kept file
that cannot be read, is damaged or was made from anything else is ignored and made again;
one that cannot be written (a read-only home) is not kept, and nothing else changes. Each
is written whole under another name and renamed into place, so a process never reads half.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def parsed(path: Path, text: str, parse: Callable[[str], T], parsers: tuple[str, ...]) -> T:
    """parse(text), taken from the cache where `path` is one of the tool's own data files and
    the kept result was made from this text by these parsing modules (names, the YAML
    library's among them). An error parse raises is raised, and nothing is kept."""
    entry = _entry(Path(path))
    if entry is None:
        return parse(text)
    key = (len(text), zlib.crc32(text.encode("utf-8", "surrogatepass")), _signature(parsers))
    kept = _read(entry)
    if kept is not None and kept[0] == key:
        return kept[1]
    value = parse(text)
    _write(entry, (key, value))
    return value


def folder() -> Path:
    """Where kept files go (a test points XDG_CACHE_HOME elsewhere)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing" / "parsed"


def _entry(path: Path) -> Path | None:
    """The kept file for `path`, named for it, or None for a file outside the tool's data."""
    from briefing.resources import data_dir

    try:
        path = path.resolve()
        if _data_folder(data_dir()) not in path.parents:
            return None
        return folder() / f"{path.stem}-{zlib.crc32(str(path).encode('utf-8', 'surrogatepass')):08x}.pickle"
    except (OSError, RuntimeError, ValueError):
        return None


@cache
def _data_folder(data: Path) -> Path:
    return data.resolve()


@cache
def _signature(parsers: tuple[str, ...]) -> tuple:
    """What parsing depends on besides the text: Python, the tool and the parsing modules'
    files as installed (a module that cannot be found counts as such)."""
    from importlib.util import find_spec

    from briefing import __version__

    files = []
    for name in parsers:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None) if module is not None else None
        try:
            origin = origin or getattr(find_spec(name), "origin", None)
            stat = os.stat(origin) if origin else None
        except (ImportError, OSError, ValueError):
            stat = None
        files.append((name, (stat.st_size, stat.st_mtime_ns) if stat else None))
    return (sys.version, __version__, pickle.HIGHEST_PROTOCOL, tuple(files))


def _read(entry: Path) -> tuple | None:
    try:
        with open(entry, "rb") as kept:
            value = pickle.load(kept)
    except Exception:  # missing, unreadable, damaged, or made by code that has since changed
        return None
    return value if isinstance(value, tuple) and len(value) == 2 else None


def _write(entry: Path, value: tuple) -> None:
    """Written under a name of its own (several processes, or the web page's threads, may
    keep the same file at once), then renamed into place."""
    import tempfile

    part = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, prefix=f"{entry.name}.", suffix=".part",
                                         delete=False) as out:
            part = Path(out.name)
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, entry)
    except Exception:  # not kept: a read-only or full disk, a value pickle cannot hold
        try:
            if part is not None:
                part.unlink(missing_ok=True)
        except OSError:
            pass
