"""What pdfium will unpack to read a PDF's text, bounded before it does: per stream, per
page and per document (limits.PDF_STREAM_BYTES, PDF_PAGE_BYTES, PDF_DOCUMENT_BYTES), each
refusal one line naming the page.

Why before: pdfium inflates streams inside C with no limit we can set, so a 326 KB file can
unpack to 320 MB, and a 1.5 MB one to gigabytes, before any Python runs again. So the reader
finds the streams itself (extract.pdf_objects), settles most of them by their length alone,
and inflates through bounded decoders only where that is not enough (extract.pdf_inflate).
What counts is what pdfium unpacks to read text: the object and cross-reference streams when
it opens the file; each page's content streams and the forms it draws, page by page; every
font, colour profile or function the pages reach, once. Images are not counted: pdfium does
not decode them to read text (a stream labelled an image but drawn as a page's content is
counted as content).
"""

from __future__ import annotations

from collections import Counter

from briefing import limits
from briefing.errors import InputError
from briefing.extract.pdf_inflate import Sizes, contents, measured
from briefing.extract.pdf_objects import Objects, Stream, Unreadable
from briefing.extract.pdf_reach import PageTree

MB = limits.MB
HARM = "a report holds far less (is the file damaged, or made to exhaust memory?)"


class Budget:
    """One file's streams, measured as far as each check needs."""

    def __init__(self, raw: bytes, name: str):
        """The streams pdfium reads on opening the file (object and cross-reference streams)
        are measured here, before it does, and the objects packed in them made readable."""
        self.raw, self.name = raw, name
        self.objects = Objects(raw)
        self.sizes = Sizes(raw, self.objects)
        self.opening = 0
        for stream in self.objects.streams:
            kind = (stream.head or {}).get("Type")
            if kind in ("/ObjStm", "/XRef"):
                size = measured(raw, stream, limits.PDF_STREAM_BYTES)
                self.opening += self._stream_within(stream, size, "an object stream" if kind == "/ObjStm"
                                                    else "a cross-reference stream")
                if kind == "/ObjStm":
                    self.objects.add_packed(stream, contents(raw, stream, size))

    def _stream_within(self, stream: Stream, size: int, what: str, page: int | None = None) -> int:
        if size > limits.PDF_STREAM_BYTES:
            raise InputError(f"{what} (object {stream.number}) unpacks to more than {limits.PDF_STREAM_BYTES // MB} "
                             f"MB; {HARM}", file=self.name, place=f"page {page}" if page else None)
        return size

    def check_pages(self, count: int) -> None:
        """Every page within its budget, and the document within its own, before pdfium reads
        a page. `count` is pdfium's page count: where the page tree read here disagrees with
        it, every stream is bounded as if any page drew it."""
        try:
            pages = PageTree(self.objects).pages(limits.PDF_PAGES)
        except Unreadable:
            pages = []
        if len(pages) != count:
            return self._every_stream()
        uses: Counter[int] = Counter()
        shared: dict[int, int] = {}  # each font or other resource, and the first page to reach it
        for number, page in enumerate(pages, start=1):
            if self.sizes.within(page.content, limits.PDF_PAGE_BYTES) is None:
                raise InputError(f"the page's text and drawings unpack to more than {limits.PDF_PAGE_BYTES // MB} MB; "
                                 f"{HARM}", file=self.name, place=f"page {number}")
            for stream in page.shared - shared.keys():
                shared[stream] = number
                if self.sizes.within([stream], limits.PDF_STREAM_BYTES) is None:
                    self._stream_within(self.objects.stream_of[stream], limits.PDF_STREAM_BYTES + 1,
                                        "a font or other resource it uses", number)
            uses.update(page.content)
        uses.update(shared.keys())
        self._document_within(uses, pages, shared)

    def _document_within(self, uses: Counter, pages: list, shared: dict[int, int]) -> None:
        """All pages together: each stream counted as often as pages draw it (a form on every
        page is unpacked for every page), the shared ones once."""
        budget = limits.PDF_DOCUMENT_BYTES - self.opening
        total = sum(self.sizes.of(n) * k for n, k in uses.items())
        for number in sorted(uses, key=lambda n: self.sizes.of(n) * uses[n], reverse=True):
            if total <= budget:
                return
            guess = self.sizes.of(number)
            total += (self.sizes.exact(number, limits.PDF_STREAM_BYTES) - guess) * uses[number]
        if total <= budget:
            return
        running = 0
        for number, page in enumerate(pages, start=1):
            running += sum(self.sizes.of(n) for n in page.content)
            running += sum(self.sizes.of(n) for n, first in shared.items() if first == number)
            if running > budget:
                break
        raise InputError(f"its pages unpack to more than {limits.PDF_DOCUMENT_BYTES // MB} MB in all by page "
                         f"{number}; {HARM}", file=self.name)

    def _every_stream(self) -> None:
        """Where the page tree cannot be followed as pdfium follows it: every stream bounded
        as a page's content (a font as a font), and all of them as a document."""
        total = self.opening
        for stream in self.objects.streams:
            if stream.number is None or (stream.head or {}).get("Type") in ("/ObjStm", "/XRef"):
                continue
            font = any(key in (stream.head or {}) for key in ("Length1", "Length2", "Length3"))
            bound = limits.PDF_STREAM_BYTES if font else limits.PDF_PAGE_BYTES
            size = self.sizes.within([stream.number], bound)
            if size is None:
                raise InputError(f"a stream (object {stream.number}) unpacks to more than {bound // MB} MB; {HARM}",
                                 file=self.name)
            if (stream.head or {}).get("Subtype") != "/Image":
                total += size
        if total > limits.PDF_DOCUMENT_BYTES:
            raise InputError(f"its streams unpack to more than {limits.PDF_DOCUMENT_BYTES // MB} MB in all; {HARM}",
                             file=self.name)


def encrypted(raw: bytes) -> bool:
    return b"/Encrypt" in raw


def decrypted(raw: bytes, name: str) -> bytes:
    """An encrypted file's decrypted copy, written by pdfium in a process of its own held to
    a memory limit: its streams cannot be measured until they are decrypted, and pdfium
    decrypts without unpacking (the copy keeps them compressed)."""
    from briefing.forked import HelperFailed, run_bounded

    try:
        what, value = run_bounded(_decrypt, raw, memory=limits.PDF_DOCUMENT_BYTES + 4 * len(raw),
                                  seconds=limits.HELPER_SECONDS)
    except HelperFailed as failed:
        raise InputError(f"not a readable PDF (decrypting it stopped: {failed.how})", file=name) from None
    if what == "password":
        raise InputError("encrypted PDF; ask for an unprotected copy", file=name)
    if what != "ok":
        raise InputError(f"not a readable PDF ({value})", file=name)
    return value


def _decrypt(raw: bytes):
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        return ("password", "") if "password" in str(exc).lower() else ("damaged", str(exc))
    copy = io.BytesIO()
    document.save(copy, flags=pdfium_c.FPDF_REMOVE_SECURITY)
    document.close()
    return "ok", copy.getvalue()

