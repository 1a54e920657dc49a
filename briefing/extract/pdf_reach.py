"""A PDF's page tree as pdfium follows it, and what each page draws: the streams pdfium
unpacks to read the page's text (extract.pdf_budget bounds them).

A page draws its content streams and the forms its resources hold (parsed again for every
page that draws them); its fonts, colour profiles and functions are unpacked once a
document. Pictures are left out: pdfium does not decode them to read text. The walk of an
object is kept and used again only where it was whole (it met no object still being walked,
as a form whose resources name the form itself does).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.extract.pdf_objects import DEPTH, Objects, Ref, Unreadable, keyword_positions, parse


@dataclass(frozen=True)
class Page:
    content: frozenset[int]  # its content streams and the forms it may draw: parsed for each page
    shared: frozenset[int]  # fonts, colour profiles, functions: unpacked once a document


NOTHING = (frozenset(), frozenset(), True)
NOT_DRAWN = frozenset({"Parent", "P", "Metadata", "Length", "Annots", "Thumb"})


class PageTree:
    """The pages of one file's objects, each with the streams it draws."""

    def __init__(self, objects: Objects):
        self.objects = objects
        self._reached: dict[int, tuple] = {}  # what an object leads to, kept where the walk of it was whole

    def root(self):
        """The catalog, from the last trailer (or cross-reference stream) of the file."""
        for at in reversed(keyword_positions(self.objects.raw, b"trailer")):
            try:
                trailer = parse(self.objects.raw, at + 7)[0]
            except Unreadable:
                continue
            if isinstance(trailer, dict) and "Root" in trailer:
                return self.objects.resolve(trailer["Root"])
        for stream in reversed(self.objects.streams):
            if stream.head and stream.head.get("Type") == "/XRef" and "Root" in stream.head:
                return self.objects.resolve(stream.head["Root"])
        raise Unreadable("no trailer names the catalog")

    def pages(self, most: int) -> list[Page]:
        """Each page, in order, with the streams pdfium unpacks to read it; at most `most` + 1
        pages are walked (the caller refuses more)."""
        catalog = self.root()
        if not isinstance(catalog, dict):
            raise Unreadable("no catalog")
        out, seen = [], set()
        stack = [(catalog.get("Pages"), None, 0)]
        while stack and len(out) <= most:
            node, resources, depth = stack.pop()
            if isinstance(node, Ref):
                if node.number in seen:
                    continue
                seen.add(node.number)
            node = self.objects.resolve(node)
            if not isinstance(node, dict) or depth > DEPTH:
                continue
            resources = node.get("Resources", resources)
            kids = self.objects.resolve(node.get("Kids"))
            if node.get("Type") == "/Pages" or (node.get("Type") != "/Page" and isinstance(kids, list)):
                stack.extend((kid, resources, depth + 1) for kid in reversed(kids if isinstance(kids, list) else []))
            else:
                out.append(self._page(node, resources))
        return out

    def _page(self, node: dict, resources) -> Page:
        contents = node.get("Contents")
        listed = contents if isinstance(contents, Ref) and contents.number in self.objects.stream_of \
            else self.objects.resolve(contents)
        own = {item.number for item in (listed if isinstance(listed, list) else [listed])
               if isinstance(item, Ref) and item.number in self.objects.stream_of}
        forms, shared, _ = self._reach(resources, 0, set())
        return Page(frozenset(own | forms), frozenset(shared))

    def _reach(self, value, depth: int, busy: set[int]) -> tuple[frozenset, frozenset, bool]:
        """The forms and the other streams (fonts, colour profiles, functions) `value` leads
        to; images are left out, as pdfium does not decode them to read text. Whether the
        answer is whole (it met no object still being walked) says whether it may be kept."""
        if depth > 2 * DEPTH:
            raise Unreadable("resources nested too deep")
        if isinstance(value, Ref):
            return self._reach_object(value.number, depth, busy)
        if isinstance(value, dict):
            children = [v for k, v in value.items() if k not in NOT_DRAWN and isinstance(v, (Ref, dict, list))]
        elif isinstance(value, list):
            children = [v for v in value if isinstance(v, (Ref, dict, list))]
        else:
            return NOTHING
        forms, shared, whole = set(), set(), True
        for child in children:
            f, s, w = self._reach(child, depth + 1, busy)
            forms |= f
            shared |= s
            whole = whole and w
        return frozenset(forms), frozenset(shared), whole

    def _reach_object(self, number: int, depth: int, busy: set[int]) -> tuple[frozenset, frozenset, bool]:
        if number in self._reached:
            return self._reached[number]
        if number in busy:
            return frozenset(), frozenset(), False
        stream = self.objects.stream_of.get(number)
        kind = (stream.head or {}).get("Subtype") if stream else None
        if kind == "/Image":
            return NOTHING
        busy.add(number)
        forms, shared, whole = self._reach(stream.head if stream else self.objects.get(number), depth + 1, busy)
        busy.discard(number)
        if stream is not None:
            forms, shared = (forms | {number}, shared) if kind == "/Form" else (forms, shared | {number})
        if whole:
            self._reached[number] = (forms, shared, True)
        return forms, shared, whole
