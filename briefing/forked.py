"""What a forked helper process does to live and die with the process that forked it, and
how its parent waits for it.

Used by the writer processes (briefing.writer_pool), the second reader of a long PDF
(extract.pdf_pages) and the decrypted copy of an encrypted PDF (extract.pdf_budget). A
helper never outlives its parent: on Linux the kernel kills it when the parent dies
(PR_SET_PDEATHSIG), and everywhere it watches a pipe only the parent holds open (the
lifeline), ending when that pipe closes. Ctrl-C is the parent's to handle, once. A parent
never waits for a helper without a deadline (limits.HELPER_SECONDS), and a helper that dies
is named with how it died.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time

from briefing import limits

_LIFELINE: dict[int, tuple[int, int]] = {}  # this process's lifeline pipe (read, write), by process id


def lifeline() -> int:
    """The read end of this process's lifeline, made before its first helper is forked: every
    helper holds the read end, only this process the write end, so the helpers see the pipe
    close when this process ends, however it ends."""
    pid = os.getpid()
    if pid not in _LIFELINE:
        _LIFELINE.clear()  # a helper's own lifeline is not its parent's
        _LIFELINE[pid] = os.pipe()
    return _LIFELINE[pid][0]


def tie_to(parent: int) -> None:
    """In a helper just forked: ignore Ctrl-C, die on SIGTERM, and end when `parent` does
    (the kernel's signal on Linux, the lifeline everywhere); a parent already gone ends the
    helper at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    ends = _LIFELINE.pop(parent, None)
    if ends is not None:
        os.close(ends[1])  # the parent's end: held here, it would keep the pipe open after the parent died
        threading.Thread(target=_watch, args=(ends[0],), daemon=True).start()
    if os.getppid() != parent:  # the parent died before any of this took hold
        os._exit(1)


def _watch(fd: int) -> None:
    try:
        while os.read(fd, 1):
            pass
    except OSError:
        pass
    os._exit(1)


def can_fork_helpers() -> bool:
    """Whether a helper process would run beside this one: the system can fork, and this
    process may use two cores or more (its CPU affinity where the system has one: a
    container given one core of many counts as one)."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores >= 2


def how_it_ended(status: int) -> str:
    """A helper's end, from its wait status, in words: "killed by signal 9 (SIGKILL)", "exit 3"."""
    if os.WIFSIGNALED(status):
        return killed_by(os.WTERMSIG(status))
    return f"exit {os.waitstatus_to_exitcode(status)}"


def killed_by(number: int) -> str:
    try:
        return f"killed by signal {number} ({signal.Signals(number).name})"
    except ValueError:
        return f"killed by signal {number}"


class HelperFailed(Exception):
    """A helper that died, or did not answer in time; `how` says which, in words."""

    def __init__(self, how: str):
        super().__init__(how)
        self.how = how


def read_answer(fd: int, pid: int, seconds: float, most: int) -> bytes:
    """All a helper writes to `fd` until it closes it, within `seconds` and `most` bytes; the
    helper is killed and reaped if it takes longer, and its end said."""
    chunks, total, deadline = [], 0, time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise HelperFailed(f"no answer within {seconds:g} s{stopped(pid)}")
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > most:
            raise HelperFailed(f"an answer of more than {most // limits.MB} MB")


def stopped(pid: int) -> str:
    """", it had been stopped" where the helper was stopped (SIGSTOP, a debugger) rather than busy."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return ", it had been stopped" if stat.read().rsplit(")", 1)[1].split()[0] in "Tt" else ""
    except (OSError, IndexError):
        return ""


def end(pid: int) -> int:
    """Kill a helper and reap it; its status."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return os.waitpid(pid, 0)[1]


def run_bounded(function, *args, memory: int, seconds: float, most: int = limits.REPORT_BYTES * 2):
    """function(*args) in a helper held to `memory` bytes more than this process has mapped
    and to `seconds` of CPU and of waiting, its answer pickled back. Where the system cannot
    fork, it runs here, unbounded."""
    if not hasattr(os, "fork"):
        return function(*args)
    parent = os.getpid()
    lifeline()
    ours, theirs = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ours)
        try:
            tie_to(parent)
            _limit(memory, seconds)
            answer = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(theirs, "wb") as out:
                out.write(answer)
        finally:
            os._exit(0)
    os.close(theirs)
    try:
        answer = read_answer(ours, pid, seconds, most)
        status = os.waitpid(pid, 0)[1]
    except HelperFailed:
        end(pid)
        raise
    finally:
        os.close(ours)
    if not answer or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise HelperFailed(how_it_ended(status))
    return pickle.loads(answer)


def _limit(memory: int, seconds: float) -> None:
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (mapped + memory, mapped + memory))
    except (OSError, ValueError):
        pass
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
