"""The console entry point: signal handlers first, then the command line.

Its own module, above both, so that the handlers (briefing.interrupts, which imports
nothing heavy) go in before click or any library loads, and interrupts need not know the
command line.
"""

from __future__ import annotations

import sys

from briefing.interrupts import SIGNALLED, Interrupted, exit_code, install, message

# Commands that run once and end: the cyclic garbage collector is off while they run. They
# build many small objects (a report's lines, a pack's document) and free nearly all of them
# by reference counting; the collector's passes over them cost 7 to 9% of a pack's or an
# extract's CPU and freed nothing the peak memory showed (a 50,000-row tracker: 149 MB
# either way). A command that stays up (a server) keeps the collector.
ONE_SHOT = {"pack", "extract", "compare", "show", "validate", "history", "register", "response", "tracker", "email"}


def main() -> None:
    """The console entry point: handlers first, then the command line."""
    install()
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
    one_shot = command in ONE_SHOT
    if one_shot:
        import gc

        gc.disable()
    try:
        if one_shot:
            from briefing import kept_patterns

            kept_patterns.load(_patterns_of(command))  # before the modules that compile them are imported
        from briefing.cli import main as cli_main

        cli_main()
    except SystemExit as done:
        if SIGNALLED:  # the command already said "interrupted"
            _leave(done.code if isinstance(done.code, int) else exit_code())
        if done.code not in (None, 0):
            _leave(done.code if isinstance(done.code, int) else 1)  # the error is said: see _leave
        if one_shot:
            _done()
        raise
    except (KeyboardInterrupt, Interrupted):
        print(message(), file=sys.stderr)
        _leave(exit_code())
    except Exception:
        if not SIGNALLED:
            raise
        print(message(), file=sys.stderr)
        _leave(exit_code())


def _patterns_of(command: str) -> str:
    """Whose kept patterns a run loads and keeps: a command that reads reports ("pack
    report.pdf new.html") keeps them apart from one given datasets only, so the pack of
    datasets (the bundled pack, the web page's packs) does not load the reading rules'
    thousand patterns it never uses (2 MB, about 25 ms), and one that reads finds them made."""
    from briefing.file_kinds import is_report

    reads = command != "extract" and any(is_report(a) for a in sys.argv[2:] if not a.startswith("-"))
    return f"{command}-reading" if reads else command


def _done() -> None:
    """A one-shot command that succeeded ends without the interpreter's teardown: freeing
    every module and object one by one cost a tenth of an extract's CPU (0.02 s) and as
    much of a pack's main process, for memory the exit gives back anyway. Nothing is left
    to it: files are committed, helpers joined, temporary folders removed by their `with`
    blocks, and the tool registers no exit handler. Output that cannot be flushed (a
    closed pipe) is left for the interpreter to report as it always has."""
    import os

    from briefing import kept_patterns

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return
    try:
        kept_patterns.keep()  # after the output is out; writes only what this run compiled that was not kept
    except (KeyboardInterrupt, Interrupted):  # the command's work is done and said: only the keeping stops
        pass
    os._exit(0)


def _leave(code: int) -> None:
    """Exit with `code` for certain, without the interpreter's teardown. A Ctrl-C that lands
    inside an extension module's own code run (numpy and others run some at import) marks
    CPython's "unhandled KeyboardInterrupt" even though it was handled, and the interpreter
    would then kill itself with SIGINT at exit; and after a failure, a library's half-written
    file (a zip on a full disk) fails again as it is collected, printing a traceback under
    the one error line. Every cleanup (temporary files, writer processes) has run by the
    time we get here."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
