"""A web page's text as a browser shows it: blocks on lines of their own, cells apart, and
nothing a reader cannot see (extract.visible, the rule a PDF's lines follow too).

Left out: what is never drawn (scripts, styles, the head, templates, form controls'
contents, an iframe's fallback), what is hidden (the hidden attribute, aria-hidden, display
none, visibility hidden, a clip to nothing), and text a reader cannot see though it is
drawn: at no size, in no colour or the colour of its background, in a box pushed off the
page. The page's own stylesheets count as much as style attributes (extract.css).

Read, as a browser shows them: a declarative shadow root's content (and the host's own
children only where the shadow root has a slot for them), an iframe's srcdoc, and a
<noscript>'s content where the page shows nothing without it (a page built by script whose
text is only there).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefing.extract.css import Stylesheet, declarations_of
from briefing.extract.visible import FAR, WHITE, Ink, css_colour, unseen

BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "ul", "ol",
          "table", "header", "footer", "main", "aside", "nav", "blockquote", "dl", "dt", "dd", "figcaption"}
UNSEEN = {"script", "style", "template", "head", "title", "textarea", "select", "option", "iframe", "object", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_LENGTH = re.compile(r"(-?[\d.]+)\s*(px|pt|em|rem|%|vw|vh|cm|mm|in)?")
NOSCRIPT_ONLY = 200  # characters: a page showing fewer without its <noscript> is read with it
DEPTH = 4096  # elements open at once: deeper is not a report; the oldest stop being tracked


class Look:
    """What an element's text looks like, inherited as CSS inherits it."""

    __slots__ = ("colour", "alpha", "opacity", "background", "size", "on_page", "visible", "seen")

    def __init__(self):
        self.colour, self.alpha, self.opacity, self.background = (0, 0, 0), 1.0, 1.0, WHITE
        self.size, self.on_page, self.visible, self.seen = 16.0, True, True, True

    def copy(self) -> Look:
        twin = Look()
        for name in self.__slots__:
            setattr(twin, name, getattr(self, name))
        return twin

    def settle(self) -> None:
        """Whether text so drawn is seen, worked out once the element's declarations are in."""
        colour, background = self.colour, self.background
        if background is None:  # a picture or gradient behind: its colours cannot be known, only its absence
            colour, background = (colour and (0, 0, 0)), WHITE
        self.seen = self.visible and not unseen(Ink(colour, self.alpha * self.opacity, background, self.size,
                                                    self.on_page))


class Element:
    __slots__ = ("tag", "attrs", "parent", "hides", "look", "id", "classes", "shadow", "slotted")

    def __init__(self, tag: str, attrs: dict, parent: Element | None, styled: bool):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.id, self.classes = (attrs.get("id", ""), set(attrs.get("class", "").split())) if styled else ("", set())
        self.hides, self.look, self.shadow, self.slotted = False, parent.look if parent else Look(), False, False


class _Page(HTMLParser):
    def __init__(self, sheet: Stylesheet, noscript: bool, depth: int = 0):
        super().__init__(convert_charrefs=True)
        self.sheet, self.noscript, self.depth = sheet, noscript, depth
        self.parts: list[str] = []
        self.open: list[Element] = []
        self.hidden = 0  # open elements that hide all they hold

    @property
    def showing(self) -> bool:
        return not self.hidden and (not self.open or self.open[-1].look.seen)

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag in VOID:
            self._void(tag, attrs)
            return
        parent = self.open[-1] if self.open else None
        if tag == "iframe" and attrs.get("srcdoc") and self.showing and self.depth < 3:
            self.parts.append("\n" + html_text(attrs["srcdoc"], self.depth + 1) + "\n")  # shown in its frame
        element = Element(tag, attrs, parent, bool(self.sheet))
        element.hides = self._hides(element) or bool(parent and parent.shadow and not parent.slotted
                                                     and tag != "template")
        self._style(element)
        if tag == "slot" and parent is not None:
            self._host_of(element).slotted = True
        self.open.append(element)
        self.hidden += element.hides
        if len(self.open) > DEPTH:  # a page nested this deep is not a report; stop tracking, keep reading
            dropped = self.open.pop(0)
            self.hidden -= dropped.hides
        if self.showing:
            self._block_start(tag)

    def _void(self, tag: str, attrs: dict) -> None:
        if tag in BLOCKS and not self.hidden:
            self.parts.append("\n")

    def _hides(self, element: Element) -> bool:
        tag, attrs = element.tag, element.attrs
        if tag == "template":
            return not (attrs.get("shadowrootmode") or attrs.get("shadowroot"))  # a declarative shadow root is shown
        if tag == "noscript":
            return not self.noscript
        return tag in UNSEEN or "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"

    def _host_of(self, element: Element) -> Element:
        """The element whose shadow root holds `element`."""
        node = element.parent
        while node is not None and not (node.tag == "template" and (node.attrs.get("shadowrootmode")
                                                                       or node.attrs.get("shadowroot"))):
            node = node.parent
        return node.parent if node is not None and node.parent is not None else element

    def _style(self, element: Element) -> None:
        declarations = self.sheet.declarations_for(element) if self.sheet else []
        if "style" in element.attrs:
            declarations += declarations_of(element.attrs["style"])
        if declarations:
            element.look = element.look.copy()
            for name, value in declarations:
                _apply(element, name, value)
            element.look.settle()

    def _block_start(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
            if tag[0] == "h" and len(tag) == 2 and tag[1].isdigit():
                self.parts.append("#" * int(tag[1]) + " ")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if not self.hidden and tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if any(e.tag == tag for e in self.open):  # close it and anything left open inside it
            while self.open:
                element = self.open.pop()
                self.hidden -= element.hides
                if element.tag == "template" and element.parent is not None and not element.hides:
                    element.parent.shadow = True  # its later children show only through a slot
                if element.tag == tag:
                    break
        if not self.hidden and tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.showing:
            self.parts.append(re.sub(r"\s+", " ", data))


def _apply(element: Element, name: str, value: str) -> None:
    look = element.look
    if name == "display" and value.startswith("none") or name == "content-visibility" and value == "hidden":
        element.hides = True
    elif name == "visibility":
        look.visible = value not in ("hidden", "collapse")
    elif name == "opacity":
        number = _number(value)
        look.opacity *= number if number is not None else 1.0
    elif name == "color":
        colour = css_colour(value)
        if colour is not None:
            look.colour, look.alpha = colour
    elif name in ("background", "background-color"):
        look.background = _background(value, look.background)
    elif name == "font-size":
        look.size = _size(value, look.size)
    elif name in ("left", "top", "right", "text-indent"):
        length = _size(value, look.size)
        if length is not None and length <= -FAR:
            look.on_page = False
    elif name == "clip" and re.fullmatch(r"rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)", value) \
            or name == "clip-path" and re.fullmatch(r"inset\(\s*50%\s*\)|circle\(\s*0(px)?\s*\)", value):
        element.hides = True


def _background(value: str, before):
    """The colour behind, from a background declaration: its colour where it names one, None
    (cannot be known) for a picture or gradient, the one behind where it is transparent."""
    if "url(" in value or "gradient(" in value:
        return None
    for token in re.findall(r"rgba?\([^)]*\)|#[0-9a-f]{3,8}\b|[a-z]+", value):
        colour = css_colour(token)
        if colour is not None:
            return before if colour[0] is None or colour[1] < 0.5 else colour[0]
    return before


def _size(value: str, inherited: float | None) -> float | None:
    """A CSS length in pixels (16 to an em); None where not understood."""
    match = _LENGTH.match(value.strip())
    if not match:
        return inherited
    number, unit = float(match.group(1)), match.group(2) or "px"
    scale = {"px": 1, "pt": 4 / 3, "em": inherited or 16, "rem": 16, "%": (inherited or 16) / 100, "vw": 12.8,
             "vh": 8, "cm": 37.8, "mm": 3.78, "in": 96}[unit]
    return number * scale


def _number(value: str) -> float | None:
    try:
        return float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        return None


def html_text(text: str, depth: int = 0) -> str:
    """The page's text as a browser shows it, blocks on lines of their own."""
    sheet = Stylesheet(_STYLE.findall(text))
    shown = _read(text, sheet, noscript=False, depth=depth)
    if "<noscript" in text.lower() and len(re.sub(r"\s", "", shown)) < NOSCRIPT_ONLY:
        shown = _read(text, sheet, noscript=True, depth=depth)
    return shown


def _read(text: str, sheet: Stylesheet, noscript: bool, depth: int) -> str:
    page = _Page(sheet, noscript, depth)
    page.feed(text)
    page.close()
    return re.sub(r"\n\s*\n+", "\n\n", "".join(page.parts))
