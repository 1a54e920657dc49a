"""Helper processes (a writer per format, the second reader of a long PDF) cannot hang the
pack or outlive it: each answer is awaited for limits.HELPER_SECONDS at most (here cut to
two seconds), a helper that stops answering or dies is named with its format and how it
ended, and a helper whose parent is killed outright ends too, by the kernel's signal or,
where that is missing, by the lifeline pipe it watches.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, invoke

from briefing import limits
from briefing.errors import BriefingError, InputError
from briefing.forked import stopped
from briefing.writer_pool import WriterPool


@pytest.fixture
def pool():
    pool = WriterPool.start(["docx", "pdf"])
    if pool is None:
        pytest.skip("one core, or no fork: the formats are written in turn")
    yield pool
    pool.stop()


def _pid(pool: WriterPool, fmt: str) -> int:
    return pool.ask(fmt, os.getpid).result()


def _wait_until_stopped(pid: int) -> None:
    deadline = time.monotonic() + 10
    while stopped(pid) == "" and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_writer_that_stops_answering_is_ended_and_named(pool, monkeypatch):
    worker = _pid(pool, "pdf")  # asked under the usual deadline: the writer loads reportlab first, >2 s at load 15
    monkeypatch.setattr(limits, "HELPER_SECONDS", 2)
    os.kill(worker, signal.SIGSTOP)
    _wait_until_stopped(worker)  # on a loaded machine the stop lands when the kernel next runs it
    started = time.monotonic()
    with pytest.raises(BriefingError) as raised:
        pool.ask("pdf", os.getpid).result()
    assert time.monotonic() - started < 10
    assert str(raised.value) == ("the process writing the PDF did not answer within 2 s, it had been stopped; it was "
                                 "ended and no file of this pack was written")
    assert _gone(worker)


def test_a_writer_killed_by_a_signal_is_named_with_its_format_and_signal(pool):
    with pytest.raises(BriefingError) as raised:
        pool.ask("docx", _kill_self).result()
    assert str(raised.value) == ("the process writing the Word document stopped unexpectedly (killed by signal 9 "
                                 "(SIGKILL)); no file of this pack was written")


def test_a_writer_already_dead_when_asked_is_named_not_a_broken_pipe(pool):
    worker = _pid(pool, "pdf")
    os.kill(worker, signal.SIGKILL)
    while not _gone(worker):
        time.sleep(0.01)
    with pytest.raises(BriefingError) as raised:
        for _ in range(3):  # the first send may still fit in the pipe's buffer; the answer never comes
            pool.ask("pdf", os.getpid).result()
    assert "Broken pipe" not in str(raised.value)
    assert str(raised.value) == ("the process writing the PDF stopped unexpectedly (killed by signal 9 (SIGKILL)); "
                                 "no file of this pack was written")


def test_a_stopped_writer_ends_the_pack_in_one_line(tmp_path, runner, monkeypatch):
    """The whole command: the JSON's writer stops mid-render; the pack says so, writes nothing.
    (The PDF beside it is written by the command's own process: writer_pool.HERE.)"""
    from briefing.forked import can_fork_helpers

    if not can_fork_helpers():
        pytest.skip("one core, or no fork: the formats are written in turn")
    import briefing.writers.json as json_writer

    monkeypatch.setattr(limits, "HELPER_SECONDS", 2)
    monkeypatch.setattr(json_writer, "render", lambda briefing, path: os.kill(os.getpid(), signal.SIGSTOP))
    result = invoke(runner, "pack", "--formats", "json,pdf", "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: the process writing the JSON model did not answer within 2 s, it had been stopped; it was ended and "
        "no file of this pack was written")
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]


def test_a_stopped_second_pdf_reader_is_one_line_naming_its_pages(tmp_path, monkeypatch):
    from pdfs import build_pdf

    from briefing.extract import extract, pdf_pages

    path = build_pdf([f"Line {i} of a long report about Northshire Police." for i in range(3000)], tmp_path / "r.pdf")
    parent, real = os.getpid(), pdf_pages.page_lines

    def stop_in_the_child(page):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGSTOP)
        return real(page)

    monkeypatch.setattr(limits, "HELPER_SECONDS", 2)
    monkeypatch.setattr(pdf_pages, "page_lines", stop_in_the_child)
    if not pdf_pages.can_fork_helpers():
        pytest.skip("one core: pages are read in one process")
    with pytest.raises(InputError) as raised:
        extract(path)
    assert "not a readable PDF (reading pages" in str(raised.value)
    assert str(raised.value).endswith("stopped: no answer within 2 s, it had been stopped)")


ORPHAN = textwrap.dedent("""
    import ctypes, os, sys, time
    from briefing import forked
    parent = os.getpid()
    forked.lifeline()
    child = os.fork()
    if child == 0:
        forked.tie_to(parent)
        if sys.argv[1] == "lifeline-only":
            ctypes.CDLL(None).prctl(1, 0)  # PR_SET_PDEATHSIG cleared: only the lifeline is left
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    time.sleep(60)
""")


@pytest.mark.skipif(not Path("/proc").exists() or not hasattr(os, "fork"), reason="needs fork and /proc")
@pytest.mark.parametrize("how", ["kernel-signal", "lifeline-only"])
def test_a_helper_dies_with_its_parent_even_when_the_parent_is_killed_outright(how):
    process = subprocess.Popen([sys.executable, "-c", ORPHAN, how], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    helper = int(process.stdout.readline())
    time.sleep(0.2)  # the helper has tied itself to its parent
    assert not _gone(helper)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5
    while not _gone(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(helper), f"helper {helper} outlived its parent"


def _kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _gone(pid: int) -> bool:
    """Ended (a zombie waiting to be reaped counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")
