"""What a forked helper process does to live and die with the process that forked it.

Used by the writer processes (briefing.writer_pool) and the second reader of a long PDF
(briefing.extract.pdf_pages): a helper must never outlive its parent, and Ctrl-C is the
parent's to handle, once. And when one is worth starting at all: only beside this process,
on a core of its own.
"""

from __future__ import annotations

import os
import signal


def tie_to(parent: int) -> None:
    """Ignore Ctrl-C, die on SIGTERM, and be killed by the kernel if `parent` dies (even by
    SIGKILL); a parent already gone ends the helper at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took hold
        os._exit(1)


def can_fork_helpers() -> bool:
    """Whether a helper process would run beside this one: the system can fork, and this
    process may use two cores or more (its CPU affinity where the system has one: a
    container given one core of many counts as one)."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores >= 2
