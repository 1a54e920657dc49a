"""How much a PDF stream unpacks to, known without unpacking it where its length settles
it, and otherwise counted through decoders that stop at a bound.

A compressed stream unpacks to at most a known multiple of its length (deflate: 1,032
times), so most streams of a report are settled by their length alone; extract.pdf_budget
measures only where a bound does not settle a budget, the largest streams first.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator

from briefing.extract.pdf_objects import Objects, Stream

CHUNK = 1 << 20
# the most one byte of each filter's input can become (deflate's largest ratio is 1,032; a
# run-length pair 128 bytes; LZW's longest code 3,500 bytes for its 9 bits; a85's "z" 4 bytes)
RATIOS = {"FlateDecode": 1032, "LZWDecode": 3500, "RunLengthDecode": 64, "ASCII85Decode": 4,
          "ASCIIHexDecode": 1, "Crypt": 1}
SHORT = {"Fl": "FlateDecode", "LZW": "LZWDecode", "RL": "RunLengthDecode", "A85": "ASCII85Decode",
         "AHx": "ASCIIHexDecode"}
IMAGE_FILTERS = {"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"}  # pdfium stops at these


def filters(stream: Stream) -> list[str] | None:
    """The stream's filters in the order they apply, up to the first image filter; None where
    its dictionary could not be read (then it is treated as deflated)."""
    if stream.head is None:
        return None
    named = stream.head.get("Filter")
    named = named if isinstance(named, list) else [] if named is None else [named]
    out = []
    for item in named:
        item = SHORT.get(str(item)[1:], str(item)[1:])
        if item in IMAGE_FILTERS:
            break
        out.append(item)
    return out


def most(raw: bytes, stream: Stream) -> int:
    """The most the stream can unpack to, from its length and filters alone (an ASCII85
    stream's "z", four bytes from one letter, counted)."""
    size = stream.end - stream.start
    for i, item in enumerate(filters(stream) or ["FlateDecode"]):
        if i == 0 and item == "ASCII85Decode":
            size += 3 * raw.count(b"z", stream.start, stream.end)
        else:
            size = size * RATIOS.get(item, 1) + 1024
    return size


def measured(raw: bytes, stream: Stream, limit: int) -> int:
    """What the stream unpacks to, decoded and counted, never more than `limit` + 1."""
    chunks: Iterable[bytes] = (raw[at:min(at + CHUNK, stream.end)] for at in range(stream.start, stream.end, CHUNK))
    for item in filters(stream) or ["FlateDecode"]:
        decoder = DECODERS.get(item)
        if decoder is not None:
            chunks = _capped(decoder(chunks), 4 * limit)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            return limit + 1
    return total


def contents(raw: bytes, stream: Stream, limit: int) -> bytes:
    """The stream unpacked (an object stream, to read the objects it holds), within `limit`."""
    chunks: Iterable[bytes] = [raw[stream.start:stream.end]]
    for item in filters(stream) or []:
        if item in DECODERS:
            chunks = _capped(DECODERS[item](chunks), limit + 1)
    return b"".join(chunks)[:limit + 1]


def _capped(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    """A stage's output, stopped past `limit`: a stage inside a chain is bounded too."""
    total = 0
    for chunk in chunks:
        total += len(chunk)
        yield chunk
        if total > limit:
            return


def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for data in chunks:
        while data and not inflater.eof:
            try:
                out = inflater.decompress(data, CHUNK)
            except zlib.error:  # pdfium keeps what came before a fault, and so do we
                return
            if out:
                yield out
            data = inflater.unconsumed_tail
        if inflater.eof:
            return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    at, out = 0, bytearray()
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            out += data[at + 1:at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1:at + 2] * (257 - length)
            at += 2
        if len(out) >= CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _ascii_hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", b"".join(chunks).split(b">")[0])
    yield bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _ascii85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    # the opening "<~" off before the closing "~>" is looked for: "<~>" opens a stream whose first digit is ">"
    text = b"".join(chunks).translate(None, b"\x00\t\n\x0c\r ").removeprefix(b"<~").split(b"~>")[0]
    for piece in re.split(rb"(z+)", text):
        if piece.startswith(b"z"):
            for at in range(0, 4 * len(piece), CHUNK):
                yield bytes(min(CHUNK, 4 * len(piece) - at))
        elif piece:
            for at in range(0, len(piece), 5 * CHUNK // 4):
                yield _a85_groups(piece[at:at + 5 * CHUNK // 4])


_A85_DIGITS = bytes.maketrans(bytes(range(33, 118)), bytes(range(85)))


def _a85_groups(text: bytes) -> bytes:
    """Groups of five base-85 digits as their four bytes, all at once: the k-th digits of
    every group, one per four-byte slot, make one integer, and Horner's rule over the five
    integers gives the output as one integer (a group's value stays in its slot). Python's
    own a85decode takes a Python step per group: 160 ms for a report, not 2."""
    short = -len(text) % 5
    digits = (text + b"u" * short).translate(_A85_DIGITS)
    groups = len(digits) // 5
    slots, value = bytearray(4 * groups), 0
    for k in range(5):
        slots[3::4] = digits[k::5]
        value = value * 85 + int.from_bytes(slots, "big")
    try:
        out = value.to_bytes(4 * groups, "big")
    except OverflowError:  # a group past 2**32: damaged, and as long
        out = bytes(4 * groups)
    return out[:len(out) - short]


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """LZW as PDF writes it (early change), codes read from the most significant bit."""
    data = b"".join(chunks)
    bits = int.from_bytes(data, "big")
    total, at, width = len(data) * 8, 0, 9
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    previous, out = b"", bytearray()
    while at + width <= total:
        code = (bits >> (total - at - width)) & ((1 << width) - 1)
        at += width
        if code == 256:
            table, width, previous = table[:258], 9, b""
            continue
        if code == 257:
            break
        entry = table[code] if code < len(table) else previous + previous[:1] if previous else b""
        if previous:
            table.append(previous + entry[:1])
        previous = entry
        out += entry
        width = min(12, max(9, (len(table) + 1).bit_length()))
        if len(out) >= CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


DECODERS = {"FlateDecode": _flate, "RunLengthDecode": _run_length, "ASCIIHexDecode": _ascii_hex,
            "ASCII85Decode": _ascii85, "LZWDecode": _lzw}


class Sizes:
    """Each stream's size as far as it is known: its bound from its length, until a budget
    needs it measured (and then only as far as that budget: past it is all a refusal needs)."""

    def __init__(self, raw: bytes, objects: Objects):
        self.raw, self.objects = raw, objects
        self._measured: dict[int, tuple[int, int]] = {}  # number -> (size, the limit it was measured to)

    def of(self, number: int) -> int:
        known = self._measured.get(number)
        return most(self.raw, self.objects.stream_of[number]) if known is None else known[0]

    def exact(self, number: int, limit: int) -> int:
        """Its size, or `limit` + 1 where it is larger."""
        known = self._measured.get(number)
        if known is None or (known[0] > known[1] and limit > known[1]):
            known = measured(self.raw, self.objects.stream_of[number], limit), limit
            self._measured[number] = known
        return min(known[0], limit + 1)

    def within(self, numbers: Iterable[int], budget: int) -> int | None:
        """The streams' total where it is within `budget`, else None: the streams with the
        largest bounds are measured first, until the total fits or all are measured."""
        numbers = sorted(set(numbers), key=self.of, reverse=True)
        total = sum(self.of(n) for n in numbers)
        for number in numbers:
            if total <= budget:
                break
            guess = self.of(number)
            total += self.exact(number, budget) - guess
        return total if total <= budget else None
