"""Ctrl-C and SIGTERM, caught from the first line the program runs.

Handlers go in before anything heavy is imported: a signal that lands while numpy or
reportlab is loading would otherwise surface as an ImportError, or as a traceback. Both
end as one line, "Error: interrupted", with the exit status shells expect (130, 143).
"""

from __future__ import annotations

import signal
import sys


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


def main() -> None:
    """The console entry point: handlers first, then the command line."""
    install()
    try:
        from briefing.cli import main as cli_main

        cli_main()
    except SystemExit as done:
        if SIGNALLED:  # the command already said "interrupted"
            _leave(done.code if isinstance(done.code, int) else exit_code())
        raise
    except (KeyboardInterrupt, Interrupted):
        print(message(), file=sys.stderr)
        _leave(exit_code())
    except Exception:
        if not SIGNALLED:
            raise
        print(message(), file=sys.stderr)
        _leave(exit_code())


def _leave(code: int) -> None:
    """Exit with `code` for certain. A Ctrl-C that lands inside an extension module's own
    code run (numpy and others run some at import) marks CPython's "unhandled
    KeyboardInterrupt" even though it was handled, and the interpreter would then kill
    itself with SIGINT at exit; every cleanup (temporary files, writer processes) has run by
    the time we get here."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
