"""The office's data folder: its datasets, drafts, packs and trackers, and its two locks.

One `briefing serve` per folder: the serving lock is held for the server's life, so a
second server on the same folder is refused (naming the first) rather than left to race
it. Every write takes the writing lock, which is a file lock per thread, so two tabs, two
staff or two threads never interleave their writes; each write is whole (briefing.atomic).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing.errors import BriefingError
from briefing.file_kinds import is_dataset

SERVING = ".briefing-serve.lock"
SERVING_INFO = ".briefing-serve.json"
WRITING = ".briefing-write.lock"
PRIVATE = (".drafts", "packs", "trackers")  # what the server keeps: not datasets


def current() -> OfficeFolder:
    """The folder the running server serves (set by create_app)."""
    from flask import current_app

    return current_app.config["FOLDER"]


def default_folder() -> Path:
    """The user's own data folder, where each system keeps an application's data."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "briefing"


@dataclass(frozen=True)
class Example:
    """What the bundled example force holds, as its own datasets say."""

    force: str
    inspections: int
    first: int  # the year its earliest inspection on file was published
    last: int  # the year its latest was: a cycle's name runs later (PEEL 2023-25 was published in 2024)
    others: int  # its other HMICFRS reports (thematic, joint ...), responses aside


def example_of(paths) -> Example:
    """The example's force, its inspections' span of publication years and its other
    reports, read from the datasets themselves, so the start page never promises more."""
    from briefing.compare.record import bare_response
    from briefing.ingest.dataset import load_datasets
    from briefing.pack import peel_record
    from briefing.reference import load_frameworks

    reports = [i for path in paths for i in load_datasets(path) if not bare_response(i)]
    inspections = peel_record(reports, load_frameworks())
    years = [i.published.year for i in inspections if i.published.known]
    others = [i for i in reports if not i.is_peel and i.response is None]
    return Example(inspections[-1].force, len(inspections), min(years), max(years), len(others))


@cache
def bundled_example() -> Example:
    from briefing.resources import bundled_datasets

    return example_of(bundled_datasets())


@dataclass(frozen=True)
class OfficeFolder:
    root: Path

    @classmethod
    def open(cls, root: Path) -> OfficeFolder:
        """The folder, created on first use; a file in its place is one clear line."""
        root = Path(root).expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise BriefingError("is a file; give --data a folder", file=str(root))
        root.mkdir(parents=True, exist_ok=True)
        return cls(root)

    def dataset_paths(self) -> list[Path]:
        """Every dataset in the folder and its subfolders, but not the server's own files.
        The server's folders and hidden ones are not entered: another person's save removes
        its draft while this page reads, and a folder gone mid-walk holds no dataset (os.walk
        passes over it) rather than failing the page."""
        found = []
        for top, folders, files in os.walk(self.root):
            here = Path(top)
            folders[:] = [f for f in folders if not f.startswith(".") and not (here == self.root and f in PRIVATE)]
            found += [here / f for f in files if not f.startswith(".") and is_dataset(f)
                      and (here / f).is_file()]
        return sorted(found)

    def name_of(self, path: Path) -> str:
        """A dataset as the pages name it: its place in the folder."""
        return path.relative_to(self.root).as_posix()

    def dataset(self, name: str) -> Path:
        """The dataset a page names, only ever inside the folder."""
        wanted = {self.name_of(p): p for p in self.dataset_paths()}
        if name not in wanted:
            raise BriefingError(f"no dataset {name!r} in the data folder")
        return wanted[name]

    def private(self, kind: str, item: str = "") -> Path:
        """A folder of the server's own (drafts, packs, trackers), or an item in one; an
        item name is the server's own token, never a path a page could steer."""
        if item and not item.replace("-", "").isalnum():
            raise BriefingError(f"no such {kind.strip('.').rstrip('s')} {item!r}")
        return self.root / kind / item if item else self.root / kind

    def new_item(self, kind: str) -> tuple[str, Path]:
        token = secrets.token_hex(8)
        path = self.private(kind, token)
        path.mkdir(parents=True)
        return token, path

    @property
    def empty(self) -> bool:
        return not self.dataset_paths()

    def add_example(self) -> int:
        """The bundled force's record copied into example/, to look around with."""
        from briefing.resources import bundled_datasets, data_dir

        with self.writing():
            for source in bundled_datasets():
                target = self.root / "example" / source.relative_to(data_dir())
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    shutil.copyfile(source, target)
        return len(bundled_datasets())

    @contextmanager
    def writing(self):
        """One writer at a time, across threads and processes."""
        from filelock import FileLock

        with FileLock(str(self.root / WRITING)):
            yield

    @contextmanager
    def serving(self, address: str):
        """Held while a server serves the folder; a second server is refused in one line."""
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.root / SERVING), thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise BriefingError(f"is already served by another briefing serve ({self._first_server()}); open that "
                                "address, or give --data another folder", file=str(self.root)) from None
        try:
            (self.root / SERVING_INFO).write_text(json.dumps({"pid": os.getpid(), "address": address}),
                                                  encoding="utf-8")
            yield
        finally:
            (self.root / SERVING_INFO).unlink(missing_ok=True)
            lock.release()

    def _first_server(self) -> str:
        try:
            info = json.loads((self.root / SERVING_INFO).read_text(encoding="utf-8"))
            return f"process {int(info['pid'])} at {str(info['address'])[:200]}"
        except (OSError, ValueError, KeyError, TypeError):
            return "its address is not recorded"
