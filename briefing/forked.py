"""What a forked helper process does to live and die with the process that forked it.

Used by the writer processes (briefing.writer_pool) and the second reader of a long PDF
(briefing.extract.pdf_pages): a helper must never outlive its parent, and Ctrl-C is the
parent's to handle, once.
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
