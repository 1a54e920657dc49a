"""A PDF's pages through pdfium, each as placed lines (extract.pdf_layout), within the
bounds of briefing.limits; a long document's later half read by a second process.

Why two processes: pdfium lays out each page on its own, and a page costs about as much
of pdfium as of Python placing its lines, so on two cores the halves are read side by side
(the 105-page report of benchmarks/bench_extract.py: 0.21 s of CPU in one process, each
half 0.11 s in two, the second reader's answer taken back in about 5 ms). A short
document, one core, or a system that cannot fork is read in one process; what is read is
the same either way (tests/test_extract.py). The second reader is
forked before the first page is read, lives only as long as the reader that forked it,
and sends back plain tuples.
"""

from __future__ import annotations

import os
import pickle

from briefing import limits
from briefing.errors import InputError
from briefing.extract.pdf_calls import Chars
from briefing.extract.pdf_layout import Line
from briefing.extract.pdf_seen import Sight, turned_text, upright
from briefing.forked import HelperFailed, can_fork_helpers, end, lifeline, read_answer, tie_to

HYPHEN = "\ufffe"  # pdfium's mark for a hyphen that ends a line; it joins the lines, we keep them apart
PARALLEL_PAGES = 24  # a shorter document is read in one process: a fork would cost more than it saves
# The second reader's share of the pages. It begins 2-4 ms after the fork and pays for each page of memory it writes
# that it shares with this process (a copy): the later half of benchmarks/bench_extract.py's 105 pages costs it 115 ms
# of CPU against 107 read here, so with half each this process waited some 10-20 ms for its answer. With this share
# (55 pages here, 50 there) the two end together.
SECOND_SHARE = 0.48


def read_pages(document, name: str) -> list[Placed]:
    """Every page's lines, in page order; refused as soon as the text is too long or the
    first pages show a scan. The document is opened from bytes in memory: a document read
    from a file would have its file offset shared by the two readers."""
    count = len(document)
    if count < PARALLEL_PAGES or not can_fork_helpers():
        return _read(document, range(count), name)
    placed = _read_in_two(document, count, name)
    _check_lines(placed, name)
    return placed


def _read(document, numbers: range, name: str) -> list[Placed]:
    placed, lines_read = [], 0
    has_text = numbers.start > 0  # a scan is known by the document's first pages, which a later half does not hold
    for number in numbers:
        placed.append(page_lines(document[number]))
        lines_read, has_text = lines_read + len(placed[-1]), has_text or bool(placed[-1])
        _within_bounds(number, lines_read, has_text, name)
    return placed


def _check_lines(placed: list[Placed], name: str) -> None:
    """The bounds of _read over the whole document, where its halves were read apart."""
    lines_read, has_text = 0, False
    for number, page in enumerate(placed):
        lines_read, has_text = lines_read + len(page), has_text or bool(page)
        _within_bounds(number, lines_read, has_text, name)


def _within_bounds(number: int, lines_read: int, has_text: bool, name: str) -> None:
    """After page `number` (from 0): too many lines so far, or a scan's first pages."""
    if lines_read > limits.REPORT_LINES:
        raise InputError(f"more than {limits.REPORT_LINES:,} lines of text by page {number + 1}; a report has at "
                         "most that (is this one report?)", file=name)
    if number + 1 == limits.PDF_SCAN_PAGES and not has_text:
        raise InputError(f"the first {number + 1} pages have no text layer (a scan?); run it through OCR first",
                         file=name)


def second_from(count: int) -> int:
    """The first page (from 0) the second reader reads of a document of `count` pages."""
    return count - int(count * SECOND_SHARE)


def _read_in_two(document, count: int, name: str) -> list[Placed]:
    half = second_from(count)
    parent = os.getpid()
    lifeline()
    ours, theirs = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second reader: pages half..count, sent back as tuples, then gone
        os.close(ours)
        try:
            tie_to(parent)
            _answer(theirs, document, range(half, count), name)
        finally:
            os._exit(0)
    os.close(theirs)
    reaped = False
    try:
        first = _read(document, range(half), name)
        answer = read_answer(ours, pid, limits.HELPER_SECONDS, limits.REPORT_BYTES * 4)
        _, status = os.waitpid(pid, 0)
        reaped = True
        return first + _later_half(answer, status, half, count, name)
    except HelperFailed as failed:
        raise InputError(f"not a readable PDF (reading pages {half + 1}-{count} stopped: {failed.how})",
                         file=name) from None
    finally:
        os.close(ours)
        if not reaped:  # our half failed first, or theirs took too long: the other half is not wanted
            end(pid)


def _answer(pipe: int, document, numbers: range, name: str) -> None:
    try:
        answer = ("pages", [(page.unseen, [(l.x0, l.y, l.size, l.text) for l in page])
                            for page in _read(document, numbers, name)])
    except InputError as exc:
        answer = ("refused", exc.message)
    except Exception as exc:  # pdfium raises for a damaged page
        answer = ("damaged", f"{type(exc).__name__}: {exc}")
    with os.fdopen(pipe, "wb") as out:
        out.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def _later_half(answer: bytes, status: int, half: int, count: int, name: str) -> list[Placed]:
    if not answer or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:  # it died, perhaps mid-answer
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
        raise InputError(f"not a readable PDF (reading pages {half + 1}-{count} stopped: {how})", file=name)
    what, value = pickle.loads(answer)
    if what == "refused":
        raise InputError(value, file=name)
    if what == "damaged":
        raise InputError(f"not a readable PDF ({value})", file=name)
    return [_placed(unseen, [Line(*line) for line in page]) for unseen, page in value]


def _placed(unseen: int, lines: list[Line]) -> Placed:
    page = Placed(lines)
    page.unseen = unseen
    return page


class Placed(list):
    """A page's lines (extract.pdf_layout.Line), and how many lines of its text were left out
    as no reader would see them (extract.pdf_seen)."""

    unseen = 0


def page_lines(page) -> Placed:
    """One page through pdfium, as a reader sees it (extract.pdf_seen): its lines in drawing
    order, turned upright, each placed by its first and last characters (extract.pdf_layout);
    lines no one would see are left out and counted."""
    textpage, turn = turned_text(page)
    try:
        sight = Sight(page, textpage)
        chars = sight.chars
        text = textpage.get_text_range()
        lines, start = Placed(), 0
        for raw in _breaks(text):
            first = start + len(raw) - len(raw.lstrip())
            if raw.strip():
                box = chars.loose_box(first)
                x0, bottom, _, top = upright(box, turn)
                if sight.unseen(first, box, top - bottom):
                    lines.unseen += 1
                else:
                    lines.append(Line(x0, bottom, top - bottom,
                                      _cells(chars, turn, raw.strip().replace(HYPHEN, "-"), first)))
            start += len(raw) + (0 if raw.endswith(HYPHEN) else 2)
        return lines
    finally:
        textpage.close()
        page.close()


def _breaks(text: str) -> list[str]:
    """The page's lines as drawn: pdfium's CRLF breaks, and a break after each line-end
    hyphen it would have joined (the hyphen kept: "problem-" / "solving" as the page has it)."""
    out = []
    for line in text.split("\r\n"):
        pieces = line.split(HYPHEN)
        out += [piece + HYPHEN for piece in pieces[:-1]] + [pieces[-1]]
    return out


def _cells(chars: Chars, turn: int, line: str, first: int) -> str:
    """A line with a tab where pdfium put a space of its own between two pieces far apart
    (a table's cells, a label and its value)."""
    if " " not in line:
        return line
    generated = chars.generated
    tabs = []
    at = line.find(" ", 1)
    while 0 < at < len(line) - 1:  # only spaces are looked at: a Python step per space, not per character
        index = first + at
        if generated(index):
            left, right = chars.box(index - 1), chars.box(index + 1)
            if turn:
                left, right = upright(left, turn), upright(right, turn)
            if right[0] - left[2] > max(right[3] - right[1], 4.0) * 1.5:
                tabs.append(at)
        at = line.find(" ", at + 1)
    if not tabs:
        return line
    chars = list(line)
    for at in tabs:
        chars[at] = "\t"
    return "".join(chars)
