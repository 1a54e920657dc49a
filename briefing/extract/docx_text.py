"""A Word report (.docx) as the lines a reader sees, so it reads as its PDF or web page does.

Offices receive reports and write responses in Word; the reader takes the document's
body in order: each paragraph a line (a heading marked as Markdown marks one, a list item
with a bullet), each table row a line with its cells separated by tabs (as a web page's
table is read). The zip is opened with a bound on what its document unpacks to, so a
small file that inflates to gigabytes is refused at the bound, not read.

Text is read only where a reader sees it, by the one rule HTML and PDF follow
(extract/visible.py): a run that is hidden (Word's "Hidden" font effect, set on the run or
by its style), set at no size, or coloured as what lies behind it (white on the page, or on
the run's, paragraph's or cell's shading) is left out, and the user is told how much.
"""

from __future__ import annotations

import io
import re
import zipfile

from briefing import limits
from briefing.errors import InputError
from briefing.extract.visible import WHITE, Ink, unseen

DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = re.compile(r"^(?:heading|title)\s*(\d?)$", re.IGNORECASE)


def is_word(raw: bytes) -> bool:
    """A zip holding a Word body: a .docx (or .docm), whatever the file is called."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return DOCUMENT in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def word_text(raw: bytes, name: str) -> tuple[str, list[str]]:
    """The body's text as a reader sees it, a line per paragraph or table row, and a note
    where unseen text was left out; a damaged file is one line."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            xml = _member(archive, DOCUMENT, name)
            styles = _member(archive, STYLES, name) if STYLES in archive.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise InputError(f"is not a readable Word document ({exc}); open it in Word and save it again", file=name) \
            from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
        looks = Looks(etree.fromstring(styles, parser) if styles else None, root)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"is not a readable Word document ({exc}); open it in Word and save it again",
                         file=name) from None
    body = root.find(f"{W}body")
    text = "\n".join(_blocks(body, looks)) + "\n" if body is not None else ""
    return text, looks.note()


def _member(archive, member: str, name: str) -> bytes:
    with archive.open(member) as opened:
        xml = opened.read(limits.WORKBOOK_UNPACKED_BYTES + 1)
    if len(xml) > limits.WORKBOOK_UNPACKED_BYTES:
        raise InputError(f"the Word document unpacks to more than {limits.WORKBOOK_UNPACKED_BYTES // limits.MB} MB; "
                         "a report is far smaller", file=name)
    return xml


class Looks:
    """How each run is drawn, as Word resolves it: the document's defaults, then the
    paragraph's style, the run's character style and the run's own properties (each style
    after those it is based on); and what lies behind it: the run's shading or highlight,
    the paragraph's, the table cell's, the page's background, else white."""

    def __init__(self, styles, document):
        self.styles = {} if styles is None else {
            s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId")}
        found = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") if styles is not None else None
        self.defaults = [found] if found is not None else []
        page = document.find(f"{W}background")
        self.page = _hex(page.get(f"{W}color")) if page is not None else None
        self.left_out = 0  # runs not read

    def seen(self, run, paragraph, cell) -> bool:
        """Whether a reader sees this run's text (counted where not)."""
        props = self._props(run, paragraph)
        background = props.get("fill") or _fill(paragraph.find(f"{W}pPr/{W}shd")) or \
            (_fill(cell.find(f"{W}tcPr/{W}shd")) if cell is not None else None) or self.page or WHITE
        colour = props.get("colour") or ((0, 0, 0) if sum(background) > 382 else WHITE)  # "auto": what contrasts
        hidden = props.get("vanish") or unseen(Ink(colour, 1.0, background, props.get("size")))
        self.left_out += bool(hidden)
        return not hidden

    def _props(self, run, paragraph) -> dict:
        chain = list(self.defaults)
        chain += self._styled(paragraph.find(f"{W}pPr/{W}pStyle"), "rPr")
        chain += self._styled(run.find(f"{W}rPr/{W}rStyle"), "rPr")
        own = run.find(f"{W}rPr")
        chain += [own] if own is not None else []
        props: dict = {}
        for rpr in chain:
            props.update(_run_props(rpr))
        return props

    def _styled(self, ref, part: str, depth: int = 0) -> list:
        """The style's run properties after those of the styles it is based on (at most 10 deep)."""
        style = self.styles.get(ref.get(f"{W}val")) if ref is not None else None
        if style is None or depth > 10:
            return []
        own = style.find(f"{W}{part}")
        return self._styled(style.find(f"{W}basedOn"), part, depth + 1) + ([own] if own is not None else [])

    def note(self) -> list[str]:
        if not self.left_out:
            return []
        return [f"text no reader would see (hidden, white on white or at no size) was left out: {self.left_out} "
                f"run{'s' if self.left_out > 1 else ''} of the Word document"]


OFF = ("0", "false", "off")
HIGHLIGHTS = {"white": WHITE, "black": (0, 0, 0), "yellow": (255, 255, 0), "lightGray": (192, 192, 192),
              "darkGray": (128, 128, 128)}  # the highlights a text could vanish into; others are bright colours


def _run_props(rpr) -> dict:
    """What one set of run properties says of visibility: hidden, colour, size, shading."""
    props: dict = {}
    for tag in ("vanish", "specVanish"):
        flag = rpr.find(f"{W}{tag}")
        if flag is not None:
            props["vanish"] = flag.get(f"{W}val", "1").lower() not in OFF
    colour = rpr.find(f"{W}color")
    if colour is not None and _hex(colour.get(f"{W}val")):
        props["colour"] = _hex(colour.get(f"{W}val"))
    size = rpr.find(f"{W}sz")
    if size is not None and (size.get(f"{W}val") or "").isdigit():
        props["size"] = int(size.get(f"{W}val")) / 2  # half-points
    highlight = rpr.find(f"{W}highlight")
    fill = (HIGHLIGHTS.get(highlight.get(f"{W}val", "")) if highlight is not None else None) or _fill(rpr.find(f"{W}shd"))
    if fill:
        props["fill"] = fill
    return props


def _fill(shading) -> tuple[int, int, int] | None:
    return _hex(shading.get(f"{W}fill")) if shading is not None else None


def _hex(value: str | None) -> tuple[int, int, int] | None:
    """A Word colour ("FFFFFF"); None for "auto" (Word's contrast with the background) or anything else."""
    if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    return None


def _blocks(body, looks: Looks) -> list[str]:
    lines = []
    for element in body:
        if element.tag == f"{W}p":
            lines.append(_paragraph(element, looks))
        elif element.tag == f"{W}tbl":
            lines += ["\t".join(" ".join(_paragraph(p, looks, cell) for p in cell.iter(f"{W}p")).strip()
                                for cell in row.iter(f"{W}tc")) for row in element.iter(f"{W}tr")]
    return lines


def _paragraph(p, looks: Looks, cell=None) -> str:
    """A paragraph's text as seen, with the mark its style gives it (a heading's #, a list's bullet)."""
    parts, judged = [], {}
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        run = node.getparent()
        if run.tag == f"{W}r":
            if id(run) not in judged:
                judged[id(run)] = looks.seen(run, _owner(run, p), cell)
            if not judged[id(run)]:
                continue
        parts.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else " ")
    text = "".join(parts).strip()
    style = p.find(f"{W}pPr/{W}pStyle")
    heading = HEADING.match(style.get(f"{W}val", "")) if style is not None else None
    if heading and text:
        return "#" * int(heading.group(1) or 1) + " " + text
    if p.find(f"{W}pPr/{W}numPr") is not None and text:
        return "• " + text
    return text


def _owner(run, p):
    """The paragraph a run belongs to (a text box's own, inside `p`), for its style and shading."""
    node = run.getparent()
    while node is not None and node.tag != f"{W}p":
        node = node.getparent()
    return node if node is not None else p
