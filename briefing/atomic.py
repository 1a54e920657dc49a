"""Write files so that a failure never leaves half a file, a mixed pack, or a spoiled one.

Each output is written to a temporary file beside its final name. Only when every output
of the batch has been written are they put in place, in two steps: every file already at
a final name is first moved aside (a folder in the way, or a file this user may not
replace in a shared folder, stops the batch here, with every file put back); then each new
file is renamed in (os.replace is atomic on one disk), and the old ones are removed. So a
pack is the new one whole or the old one whole. A batch of one file (a dataset, a draft)
is renamed straight over the old, so a reader never finds the name empty meanwhile.
"""

from __future__ import annotations

import errno
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
        """Every file in place, or none: the error names the file that stood in the way."""
        if len(self._pending) == 1:
            return self._commit_one()
        aside: list[tuple[Path, Path]] = []
        try:
            for tmp, final in self._pending:
                _refuse_a_folder(final)
                if os.path.lexists(final):
                    old = final.with_name(f".{final.name}.{os.getpid()}-old.part")
                    try:
                        os.replace(final, old)
                    except OSError as exc:
                        raise _not_replaceable(final, exc) from None
                    aside.append((old, final))
        except BaseException:
            for old, final in reversed(aside):
                os.replace(old, final)
            raise
        for tmp, final in self._pending:
            os.replace(tmp, final)
        for old, _ in aside:
            old.unlink(missing_ok=True)
        done = [final for _, final in self._pending]
        self._pending.clear()
        return done

    def _commit_one(self) -> list[Path]:
        """One file needs no step aside: a single rename is whole or not done, and a page
        reading the file while another person saves it finds the old one or the new one,
        never no file (as between the two steps of a batch)."""
        tmp, final = self._pending[0]
        _refuse_a_folder(final)
        try:
            os.replace(tmp, final)
        except OSError as exc:
            if not os.path.lexists(final):
                raise
            raise _not_replaceable(final, exc) from None
        self._pending.clear()
        return [final]

    def discard(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


def _refuse_a_folder(final: Path) -> None:
    from briefing.errors import InputError

    if final.is_dir() and not final.is_symlink():
        raise InputError("a folder is in the way; nothing of this pack was written", file=str(final))


def _not_replaceable(final: Path, exc: OSError):
    """A file this user may not replace (someone else's, in a shared folder with the sticky bit)."""
    from briefing.errors import InputError

    return InputError(f"cannot be replaced ({exc.strerror.lower()}); nothing of this pack was written", file=str(final))


def check_targets(finals: list[Path]) -> None:
    """Refuse at once, before any work, a batch that could not be put in place: a folder
    where a file goes, or a folder this user may not write in."""
    from briefing.errors import InputError

    for final in finals:
        _refuse_a_folder(final)
        folder = final.parent if final.parent.exists() else next((p for p in final.parents if p.exists()), None)
        if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
            raise InputError("cannot be written: the folder is not writable by you; nothing of this pack was written",
                             file=str(final))


def remove_stale_parts(final: Path, stem: str = "") -> None:
    """Remove temporary files an earlier run left when it was killed outright (SIGKILL, power
    cut): each carries its writer's process id, so a file of a run still going is kept.
    With `stem`, every part of any file of that pack goes (a format the killed run wrote and
    this one does not); an "-old" part is a pack's earlier file, put back rather than lost."""
    name = stem or final.name
    pattern = re.compile(rf"\.({re.escape(name)}[^/]*?)\.(\d+)-[^/]*\.part" if stem else
                         rf"\.({re.escape(name)})\.(\d+)-[^/]*\.part")
    for path in final.parent.glob(f".{glob_escape(name)}*.part"):
        match = pattern.fullmatch(path.name)
        if not match or _alive(int(match.group(2))):
            continue
        original = final.parent / match.group(1)
        if path.name.endswith("-old.part") and not os.path.lexists(original):
            os.replace(path, original)  # a commit cut off between its two steps: the earlier file back
        else:
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
    try:
        with atomic_batch() as batch:
            batch.path_for(final).write_bytes(data)
            return batch.commit()[0]
    except OSError as exc:
        full = disk_full(exc, final, "nothing was written")
        if full is None:
            raise
        raise full from None


FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def disk_full(exc: BaseException, final: Path, what: str):
    """A write that failed for want of space, said of the file the user asked for: not of
    the temporary .part file it was going to, nor in a library's words ("IO_ENOSPC", a
    SerialisationError); None for any other failure."""
    from briefing.errors import InputError

    words = str(exc)
    if getattr(exc, "errno", None) in FULL or "ENOSPC" in words or "No space left" in words or "EDQUOT" in words:
        quota = getattr(exc, "errno", None) == getattr(errno, "EDQUOT", None) or "EDQUOT" in words
        return InputError(f"the {'disk quota is used up' if quota else 'disk is full'} ({words_for(exc)}); {what}",
                          file=str(final_of(final)))
    return None


def words_for(exc: BaseException) -> str:
    return (getattr(exc, "strerror", None) or "no space left on device").lower()


def final_of(path: Path) -> Path:
    """The file a temporary part stands for (".x.pdf.123-abc.part" is "x.pdf"); any other path as it is."""
    match = re.fullmatch(r"\.(.+)\.\d+-[^/]*\.part", path.name)
    return path.with_name(match.group(1)) if match else path
