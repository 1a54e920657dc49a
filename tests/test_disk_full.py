"""A full disk is said of the file the user asked for: never the temporary .part file the
writer was filling, nor a library's code ("IO_ENOSPC"), nor a traceback from a half-written
zip collected at exit; and nothing of the pack is left behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, invoke

STEM = "northamptonshire-police-peel-2023-25-pcc-briefing"


def _full(part: Path, how: str):
    if how == "errno":
        raise OSError(errno.ENOSPC, "No space left on device", str(part))
    raise RuntimeError("SerialisationError: IO_ENOSPC")  # lxml's words, as a writer process sends them back


@pytest.mark.parametrize("how", ["errno", "library"])
@pytest.mark.parametrize("formats", ["json", "docx,json"])  # written here, and by a writer process
def test_a_full_disk_names_the_file_asked_for(tmp_path, runner, monkeypatch, how, formats):
    import briefing.writers.json as json_writer

    monkeypatch.setattr(json_writer, "render", lambda briefing, path: _full(path, how))
    result = invoke(runner, "pack", "--formats", formats, "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (f"Error: {tmp_path / STEM}.json: the disk is full (no space left "
                                                      "on device); no file of this pack was written")
    assert not list(tmp_path.iterdir())


@pytest.fixture
def full_disk(tmp_path):
    """A folder on a file system of 64 KB (tmpfs), where this machine lets the tests mount one."""
    folder = tmp_path / "full"
    folder.mkdir()
    if not shutil.which("mount") or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                                                   capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root): the message is checked above")
    yield folder
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_pack_on_a_really_full_disk_is_one_line_and_leaves_nothing(full_disk):
    result = subprocess.run([sys.executable, "-m", "briefing", "pack", "-o", str(full_disk)], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Writing the ")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {full_disk / STEM}.") and lines[0].endswith(
        ": the disk is full (no space left on device); no file of this pack was written")
    assert not os.listdir(full_disk)


def test_an_email_written_to_a_full_disk_names_the_eml(full_disk, default_pack):
    for path in default_pack.dir.iterdir():
        if path.suffix == ".json" and path.name.endswith("manifest.json"):
            shutil.copy(path, full_disk)
    filler = full_disk / "filler"
    with filler.open("wb") as out:
        try:
            out.write(bytes(1 << 20))
        except OSError:
            pass
    (full_disk / f"{STEM}.pdf").touch()
    result = subprocess.run([sys.executable, "-m", "briefing", "email", str(full_disk), "--to", "pcc@example.org",
                             "--dry-run"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (f"Error: {full_disk / STEM}.eml: the disk is full (no space "
                                                      "left on device); nothing was written")
