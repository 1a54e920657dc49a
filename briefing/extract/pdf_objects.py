"""A PDF's objects read from its bytes, as far as bounding what pdfium will unpack needs:
where each object and stream lies, and each object's value when asked for (the page tree
and what each page draws are extract.pdf_reach's).

pdfium inflates a page's streams inside C, with no limit we can set, so the reader measures
them first (extract.pdf_budget); this module is its map. Objects are found where the file
defines them (the last definition of a number wins, as with an update appended to a file)
and inside object streams; only the objects asked for are parsed, and nothing here inflates
anything (the object streams' contents come in already measured).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

WHITE = b"\x00\t\n\x0c\r "
_W = rb"[\x00\t\n\x0c\r ]"
# One token of an object, after any white space and comments: each alternative a group, so
# the token's kind is the number of the group that matched.
_TOKEN = re.compile(rb"(?:%s|%%[^\r\n]*)*(?:(<<)|(>>)|(\[)|(\])|(/[^\x00\t\n\x0c\r ()<>\[\]{}/%%]*)"
                    rb"|(\d+)%s+\d+%s+R(?![A-Za-z])|([+-]?(?:\d+(?:\.\d*)?|\.\d+))|(\()|<([^<>]*)>"
                    rb"|([A-Za-z_]+)|(.|\Z))" % (_W, _W, _W), re.DOTALL)
OPEN_DICT, CLOSE_DICT, OPEN_ARRAY, CLOSE_ARRAY, NAME, REF, NUMBER, STRING, HEX, WORD, OTHER = range(1, 12)
_SKIP = re.compile(rb"(?:%s|%%[^\r\n]*)*" % _W)
_HEADER = re.compile(rb"(?<!\d)(\d{1,10})[\x00\t\n\x0c\r ]+\d{1,5}[\x00\t\n\x0c\r ]+\Z")
_STRING_MARKS = re.compile(rb"[()\\]")
DEPTH = 32  # nesting of arrays and dictionaries in one object; real files use four or five


@dataclass(frozen=True)
class Ref:
    number: int


@dataclass(frozen=True)
class Stream:
    number: int | None  # its object number, where a header was found
    head: dict | None  # its dictionary (None where it could not be read)
    start: int  # where its data begins in the file
    end: int  # where it ends (pdfium's span: its /Length where that is right, else the next endstream)


class Unreadable(Exception):
    """Syntax this map cannot follow; the caller then bounds every stream as if any page used it."""


def name(value) -> str:
    """A PDF name as text, its #xx escapes decoded (/Fl#61teDecode is /FlateDecode to pdfium)."""
    raw = value[1:]
    if b"#" in raw:
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
    return raw.decode("latin-1")


def parse(data: bytes, pos: int):
    """The value at `pos` (dictionaries, arrays, names as "/Name", numbers as floats,
    references, strings as b"", true, false and null), and where it ends. One pattern match a
    token and a stack of open containers: a page's dictionary in some 20 microseconds."""
    stack: list = []  # open containers: a list, or [dict, key awaited or None]
    while True:
        match = _TOKEN.match(data, pos)
        kind, pos = match.lastindex, match.end()
        if kind in (OPEN_DICT, OPEN_ARRAY):
            if len(stack) >= DEPTH:
                raise Unreadable("nested too deep")
            stack.append(_Open([{}, None]) if kind == OPEN_DICT else [])
            continue
        if kind in (CLOSE_DICT, CLOSE_ARRAY):
            if not stack or isinstance(stack[-1], _Open) != (kind == CLOSE_DICT):
                raise Unreadable("a bracket closed that was not open")
            top = stack.pop()
            value = top[0] if isinstance(top, _Open) else top
        elif kind == NAME:
            value = match.group(NAME)
            value = value.decode("latin-1") if b"#" not in value else "/" + name(value)
        elif kind == REF:
            value = Ref(int(match.group(REF)))
        elif kind == NUMBER:
            value = float(match.group(NUMBER))
        elif kind == STRING:
            value, pos = b"", _string_end(data, pos)
        elif kind == HEX:
            value = b""
        elif kind == WORD and match.group(WORD) in (b"true", b"false", b"null"):
            value = {b"true": True, b"false": False}.get(match.group(WORD))
        else:
            raise Unreadable(f"unexpected {match.group(kind)[:20]!r}")
        if not stack:
            return value, _SKIP.match(data, pos).end()
        _put(stack[-1], value)


class _Open(list):
    """An open dictionary on the parse stack: [the dict, the key awaiting its value]."""


def _put(top, value) -> None:
    if not isinstance(top, _Open):
        top.append(value)
    elif top[1] is None:
        if not isinstance(value, str):
            raise Unreadable("a dictionary key that is not a name")
        top[1] = value[1:]
    else:
        top[0][top[1]] = value
        top[1] = None


def _string_end(data: bytes, pos: int) -> int:
    """Where a literal string that opened just before `pos` closes: brackets nest, and a
    backslash escapes the character after it."""
    depth = 1
    while True:
        match = _STRING_MARKS.search(data, pos)
        if match is None:
            raise Unreadable("a string not closed")
        pos = match.end()
        if match.group() == b"\\":
            pos += 1
            continue
        depth += 1 if match.group() == b"(" else -1
        if depth == 0:
            return pos


def keyword_positions(raw: bytes, word: bytes) -> list[int]:
    """Every place `word` occurs, found by bytes.find: a pattern run over a whole file of
    compressed data costs a hundred times more."""
    out, at = [], raw.find(word)
    while at >= 0:
        out.append(at)
        at = raw.find(word, at + len(word))
    return out


def headers(raw: bytes) -> list[tuple[int, int]]:
    """(offset of the body, object number) of every "N G obj" in the file, in file order."""
    out = []
    for at in keyword_positions(raw, b"obj"):
        if raw[at - 3:at] == b"end" or raw[at + 3:at + 4].isalnum():
            continue
        match = _HEADER.search(raw, max(0, at - 40), at)
        if match:
            out.append((at + 3, int(match.group(1))))
    return out


def streams(raw: bytes, found: list[tuple[int, int]]) -> list[Stream]:
    """Every stream of the file: each "stream" keyword after a dictionary, its owner the
    object header before it, its end where pdfium would take it to be."""
    ends = [at for at in keyword_positions(raw, b"endstream")]
    starts = [at for at in keyword_positions(raw, b"stream") if raw[at - 3:at] != b"end"]
    offsets = [offset for offset, _ in found]
    out = []
    for at in starts:
        eol = raw[at + 6:at + 8]
        start = at + 8 if eol == b"\r\n" else at + 7 if eol[:1] in (b"\n", b"\r") else None
        if start is None or not raw[max(0, at - 64):at].rstrip(WHITE).endswith(b">>"):
            continue
        owner = bisect.bisect_right(offsets, at) - 1
        number, head = None, None
        if owner >= 0:
            try:
                value, stop = parse(raw, found[owner][0])
                if isinstance(value, dict) and stop == at:
                    number, head = found[owner][1], value
            except Unreadable:
                pass
        out.append(Stream(number, head, start, _end(raw, start, head, ends)))
    return out


def _end(raw: bytes, start: int, head: dict | None, ends: list[int]) -> int:
    """pdfium's span: the direct /Length where "endstream" follows it, else the next
    "endstream" (an indirect /Length is settled later, by Objects)."""
    length = head.get("Length") if head else None
    if isinstance(length, float) and length >= 0 and raw[start + int(length):start + int(length) + 16] \
            .lstrip(WHITE).startswith(b"endstream"):
        return start + int(length)
    after = bisect.bisect_left(ends, start)
    return ends[after] if after < len(ends) else len(raw)


class Objects:
    """The file's objects by number: parsed when asked for, each once."""

    def __init__(self, raw: bytes):
        self.raw = raw
        found = headers(raw)
        self.streams = streams(raw, found)
        spans = sorted((s.start, s.end) for s in self.streams)
        starts = [start for start, _ in spans]
        self._where: dict[int, tuple[bytes, int, int]] = {}  # number -> (text, offset, position in file)
        for offset, number in found:
            inside = bisect.bisect_right(starts, offset) - 1
            if inside < 0 or offset >= spans[inside][1]:  # not a header drawn inside a stream's data
                self._where[number] = (raw, offset, offset)
        self.stream_of = {s.number: s for s in self.streams if s.number is not None}
        self._cache: dict[int, object] = {}

    def add_packed(self, stream: Stream, data: bytes) -> None:
        """The objects inside an object stream, from its contents (already measured)."""
        first, count = stream.head.get("First"), stream.head.get("N")
        if not isinstance(first, float) or not isinstance(count, float):
            return
        numbers = data[:int(first)].split()
        for i in range(0, min(len(numbers) - 1, 2 * int(count)), 2):
            if numbers[i].isdigit() and numbers[i + 1].isdigit():
                number, offset = int(numbers[i]), int(first) + int(numbers[i + 1])
                known = self._where.get(number)
                if known is None or known[2] < stream.start:
                    self._where[number] = (data, offset, stream.start)
                    self._cache.pop(number, None)

    def get(self, number: int):
        if number not in self._cache:
            self._cache[number] = None  # a reference to itself reads as nothing, not forever
            where = self._where.get(number)
            if where is not None:
                try:
                    self._cache[number] = parse(where[0], where[1])[0]
                except Unreadable:
                    pass
        return self._cache[number]

    def resolve(self, value, hops: int = 8):
        while isinstance(value, Ref) and hops:
            value, hops = self.get(value.number), hops - 1
        return value
