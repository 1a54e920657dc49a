"""Write files so that a failure never leaves half a file or spoils an earlier one.

Each output is written to a temporary file beside its final name and renamed into place
only when every output of the batch has been written (os.replace is atomic on one disk).
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicBatch:
    """Temporary paths for a set of outputs, all renamed into place together on commit()."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def path_for(self, final: Path) -> Path:
        final.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(final)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}-", suffix=".part", dir=final.parent)
        # mkstemp makes the file private (0600); a pack is for colleagues, so it gets the
        # permissions any file the user saves gets (0644 under the usual umask 022).
        os.fchmod(fd, 0o666 & ~_umask())
        os.close(fd)
        self._pending.append((Path(tmp), final))
        return Path(tmp)

    def commit(self) -> list[Path]:
        for tmp, final in self._pending:
            os.replace(tmp, final)
        done = [final for _, final in self._pending]
        self._pending.clear()
        return done

    def discard(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


def remove_stale_parts(final: Path) -> None:
    """Remove temporary files an earlier run left when it was killed outright (SIGKILL, power
    cut): each carries its writer's process id, so a file of a run still going is kept."""
    pattern = re.compile(rf"\.{re.escape(final.name)}\.(\d+)-[^/]*\.part")
    for path in final.parent.glob(f".{glob_escape(final.name)}.*.part"):
        match = pattern.fullmatch(path.name)
        if match and not _alive(int(match.group(1))):
            path.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


@contextmanager
def atomic_batch():
    batch = AtomicBatch()
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise
    batch.discard()  # anything not committed by the caller is dropped


def write_atomic(final: Path, data: bytes) -> Path:
    with atomic_batch() as batch:
        batch.path_for(final).write_bytes(data)
        return batch.commit()[0]
