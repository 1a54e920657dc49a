"""Forked writer processes, each importing its own writers' library while the pack compares;
in a one-shot command the PDF is written by the pack itself once the document is built
(HERE, here()).

Why one process per format rather than a pool: a pool hands work to whichever process is
free, so the process that imported reportlab may be given the Word document and import
python-docx as well; on two cores that doubled the libraries loaded and cost a third more
CPU than writing the formats in turn. Here the PDF is written by the process that loaded
reportlab, and so on: the CPU is what a single process would spend, plus a fork.

The workers are forked early, so they load their libraries while the pack compares, and
after the modules several writers share are loaded (SHARED), so none loads them again; the
workbook's writer does without numpy (briefing.writers.xlsx). A worker lives only as long
as the pack that started it (briefing.forked: the kernel kills it if the pack dies, even by
SIGKILL, and it watches the pack's lifeline); Ctrl-C is the pack's to handle. The pack waits
for an answer at most limits.HELPER_SECONDS, and a worker that dies or does not answer in
time is named with its format and how it ended.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable

from briefing import limits
from briefing.errors import BriefingError
from briefing.forked import can_fork_helpers, killed_by, lifeline, stopped, tie_to

# Loaded before the fork, each once, rather than once in every writer that needs it: the
# document model (every writer), Pillow (all three), urllib.request (python-docx and
# reportlab), lxml and zipfile (python-docx and openpyxl); and what two writers or more
# were found importing each on its own (ctypes for forked.tie_to in every one, logging,
# decimal, subprocess, textwrap, traceback, xml.sax, multiprocessing's connection, the
# writers' shared style): about 13 ms of CPU once instead of in two or three processes.
SHARED = ("briefing.document.model", "PIL.Image", "urllib.request", "lxml.etree", "zipfile", "ctypes", "logging",
          "decimal", "subprocess", "textwrap", "traceback", "xml.sax.saxutils", "multiprocessing.connection",
          "multiprocessing.popen_fork", "briefing.writers.style")


# Formats written by one process when both are asked for (the first's): python-docx and
# openpyxl share lxml and zipfile, and the two together take about the PDF's time.
TOGETHER = {"xlsx": "docx"}

# Written by the pack's own process, after the document, where another format is asked for
# and the pack runs in a one-shot command: one process fewer to fork, fill and end, 0.97 of
# the whole pack's CPU in two calls of 20 alternating pairs, for about the same wall time on
# two cores (the Word and workbook writer loads its libraries and writes while the pack
# builds and writes the PDF).
HERE = "pdf"


def here() -> str | None:
    """The format a pack writes itself (see HERE): in the main thread only, since a server's
    request threads keep every format in writers of their own, so that two packs made at once
    never share reportlab's state."""
    return HERE if threading.current_thread() is threading.main_thread() else None


class _Worker:
    """One writer process: its pipe, and its requests and answers counted in order."""

    def __init__(self, process, connection):
        self.process, self.connection = process, connection
        self.asked = 0  # requests sent
        self.answers: dict[int, tuple] = {}  # answers read, by request


class WriterPool:
    """Workers keyed by format; each answers its requests in the order they were asked."""

    def __init__(self, groups: list[tuple[str, ...]]):
        context = multiprocessing.get_context("fork")
        lifeline()  # made before the first fork, so every worker holds its read end
        self._workers: dict[str, _Worker] = {}
        for group in groups:
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(group, theirs, os.getpid()), daemon=True,
                                      name=f"briefing-{'-'.join(group)}-writer")
            process.start()
            theirs.close()
            worker = _Worker(process, ours)
            self._workers.update(dict.fromkeys(group, worker))

    @classmethod
    def start(cls, formats: Iterable[str], here: str | None = None) -> WriterPool | None:
        """Workers for `formats` but `here` (which the caller writes itself, as it does every
        format the pool has not), or None where they are better written in turn: one format,
        one core, or a system that cannot fork."""
        formats = list(formats)
        if len(formats) < 2 or not can_fork_helpers() or "fork" not in multiprocessing.get_all_start_methods():
            return None
        for shared in SHARED:
            try:
                importlib.import_module(shared)
            except ImportError:  # a writer that needs it says so when it renders
                pass
        return cls(_groups([fmt for fmt in formats if fmt != here]))

    def has(self, fmt: str) -> bool:
        return fmt in self._workers

    def ask(self, fmt: str, function: Callable, *args) -> Reply:
        """Run function(*args) in the worker of `fmt`; the answer is read by Reply.result(),
        whichever order the replies are read in."""
        worker = self._workers[fmt]
        try:
            worker.connection.send((function, args))
        except OSError:  # the worker is gone: say how, not "Broken pipe"
            raise self._died(fmt) from None
        worker.asked += 1
        return Reply(self, fmt, worker.asked)

    def _answer(self, fmt: str, number: int):
        """The answer to request `number` of `fmt`: a worker answers in order, so earlier
        answers read on the way are kept for their own replies."""
        answers = self._workers[fmt].answers
        while number not in answers:
            answers[len(answers) + 1] = self._receive(fmt)
        status, value = answers[number]
        if status == "error":
            raise value
        return value

    def _receive(self, fmt: str) -> tuple[str, object]:
        connection = self._workers[fmt].connection
        try:
            if not connection.poll(limits.HELPER_SECONDS):
                raise self._late(fmt)
            return connection.recv()
        except (EOFError, OSError):
            raise self._died(fmt) from None

    def _died(self, fmt: str) -> BriefingError:
        """The worker of `fmt` ended: how, in the pack's words."""
        from briefing.writers import FORMATS

        process = self._workers[fmt].process
        process.join(timeout=5)  # its exit status, once the kernel has it
        code = process.exitcode
        return BriefingError(f"the process writing the {FORMATS[fmt].title} stopped unexpectedly ({_ended(code)}); "
                             "no file of this pack was written")

    def _late(self, fmt: str) -> BriefingError:
        """The worker of `fmt` did not answer in time: it is ended, and said so."""
        from briefing.writers import FORMATS

        process = self._workers[fmt].process
        why = stopped(process.pid)
        process.kill()
        process.join(timeout=5)
        return BriefingError(f"the process writing the {FORMATS[fmt].title} did not answer within "
                             f"{limits.HELPER_SECONDS:g} s{why}; it was ended and no file of this pack was written")

    def close(self) -> None:
        """Let every worker finish and end (after the last answer was read)."""
        workers = self._distinct()
        for worker in workers:
            try:
                worker.connection.send(None)
            except OSError:
                pass
        for worker in workers:
            worker.process.join(timeout=10)
            worker.connection.close()
        self._workers.clear()

    def stop(self) -> None:
        """End the workers now: on an interrupt or a failure, waiting for a render is wrong."""
        workers = self._distinct()
        for worker in workers:
            worker.process.kill()
        for worker in workers:
            worker.process.join(timeout=5)
            worker.connection.close()
        self._workers.clear()

    def _distinct(self) -> list[_Worker]:
        return list({id(worker): worker for worker in self._workers.values()}.values())


def _groups(formats: list[str]) -> list[tuple[str, ...]]:
    """The formats each process writes, in the order asked: one each, but a format TOGETHER
    names with another asked for goes in that one's process."""
    groups: dict[str, list[str]] = {}
    for fmt in formats:
        partner = TOGETHER.get(fmt)
        groups.setdefault(partner if partner in formats else fmt, []).append(fmt)
    return [tuple(group) for group in groups.values()]


def _ended(code: int | None) -> str:
    """A worker's exit code (negative: the signal that killed it) in words."""
    if code is None:
        return "it did not exit"
    return f"exit {code}" if code >= 0 else killed_by(-code)


class Reply:
    def __init__(self, pool: WriterPool, fmt: str, number: int):
        self._pool, self._fmt, self._number = pool, fmt, number

    def result(self):
        return self._pool._answer(self._fmt, self._number)


def _serve(formats: tuple[str, ...], connection, parent: int) -> None:
    """A worker: load its writers, then answer requests until told to stop."""
    tie_to(parent)
    from briefing.writers import get_writer

    for fmt in formats:
        try:
            writer = get_writer(fmt)
            if hasattr(writer, "warm"):  # what a writer can prepare before the Briefing arrives (fonts)
                writer.warm()
        except BaseException:  # said when the render asks for it, in the parent's words
            pass
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            break
        if request is None:
            break
        function, args = request
        try:
            answer = ("ok", function(*args))
        except BaseException as exc:  # every failure goes back to the pack to say
            answer = ("error", _sendable(exc))
        connection.send(answer)
    os._exit(0)  # no interpreter teardown: nothing of the parent's is this process's to clean


def _sendable(exc: BaseException) -> BaseException:
    """The failure as the parent can receive it (some library errors cannot be pickled)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
