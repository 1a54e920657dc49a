"""Ctrl-C and SIGTERM, caught from the first line the program runs (briefing.entry installs them).

Handlers go in before anything heavy is imported: a signal that lands while numpy or
reportlab is loading would otherwise surface as an ImportError, or as a traceback. Both
end as one line, "Error: interrupted", with the exit status shells expect (130, 143).
"""

from __future__ import annotations

import signal


class Interrupted(BaseException):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so every cleanup on the way out runs."""


SIGNALLED: list[int] = []  # remembered, because a signal mid-import arrives disguised as another error


def _on_signal(signum, frame) -> None:
    SIGNALLED.append(signum)
    raise KeyboardInterrupt() if signum == signal.SIGINT else Interrupted()


def install() -> None:
    signal.signal(signal.SIGTERM, _on_signal)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_signal)


def exit_code() -> int:
    return 143 if signal.SIGTERM in SIGNALLED else 130


def message() -> str:
    return "Error: interrupted" + (" (terminated)" if exit_code() == 143 else "")
