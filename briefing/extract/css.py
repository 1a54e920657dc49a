"""The little of CSS a reader of a web page needs: which of a page's style rules apply to an
element, and what they say about whether its text is seen (extract.visible).

Only the declarations that can hide text are kept (display, visibility, opacity, colour,
background, font size, position and offsets, text-indent, clip); only selectors made of
type, class, id and attribute tests joined by descendant or child combinators are read. A
rule with a pseudo-class (":hover", "::before") is left out: it applies only sometimes, and
a rule that may not apply must not hide text. Rules are indexed by the last part of their
selector, as browsers do, so a page's elements are not each tried against every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WANTED = {"display", "visibility", "opacity", "color", "background", "background-color", "font-size", "position",
          "left", "top", "right", "text-indent", "clip", "clip-path", "content-visibility"}
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_COMPOUND = re.compile(r"([a-zA-Z][\w-]*|\*)?((?:[.#][\w-]+|\[[^\]]*\])*)$")
_PART = re.compile(r"([.#])([\w-]+)|\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*[\"']?([^\"'\]]*)[\"']?\s*)?\]")
MAX_RULES = 20_000  # a page's stylesheets beyond this are not read (a browser would; a report has a few hundred)


@dataclass(frozen=True)
class Compound:
    tag: str  # "" for any
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str, str], ...]  # (name, operator, value); operator "" for presence

    def matches(self, element) -> bool:
        if self.tag and self.tag != element.tag:
            return False
        if any(i != element.id for i in self.ids) or not set(self.classes) <= element.classes:
            return False
        return all(_attribute(element.attrs.get(name), op, value) for name, op, value in self.attributes)


@dataclass(frozen=True)
class Rule:
    parts: tuple[Compound, ...]  # the selector's compounds, the element's own last
    joins: tuple[str, ...]  # " " or ">" between each two
    declarations: tuple[tuple[str, str], ...]
    order: int

    def matches(self, element) -> bool:
        if not self.parts[-1].matches(element):
            return False
        return _ancestors_match(self.parts[:-1], self.joins, element.parent)


def _ancestors_match(parts, joins, element) -> bool:
    if not parts:
        return True
    while element is not None:
        if parts[-1].matches(element) and _ancestors_match(parts[:-1], joins[:-1], element.parent):
            return True
        if joins[-1] == ">":
            return False
        element = element.parent
    return False


def _attribute(actual, op: str, value: str) -> bool:
    if actual is None:
        return False
    return {"": True, "=": actual == value, "~=": value in actual.split(), "^=": actual.startswith(value),
            "$=": actual.endswith(value), "*=": value in actual, "|=": actual == value or
            actual.startswith(value + "-")}.get(op, False)


class Stylesheet:
    """The page's rules that bear on seeing text, indexed by their last compound's id, class
    or tag."""

    def __init__(self, texts: list[str]):
        self.by_key: dict[tuple[str, str], list[Rule]] = {}
        count = 0
        for text in texts:
            for selectors, body in _blocks(_COMMENT.sub("", text)):
                declarations = declarations_of(body)
                if not declarations:
                    continue
                for selector in selectors.split(","):
                    rule = _rule(selector.strip(), declarations, count)
                    if rule is not None:
                        count += 1
                        self.by_key.setdefault(_key(rule.parts[-1]), []).append(rule)
                if count > MAX_RULES:
                    return

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def declarations_for(self, element) -> list[tuple[str, str]]:
        """The declarations of every rule matching `element`, in the order the page gives them."""
        found = []
        for key in (("id", element.id), *(("class", c) for c in element.classes), ("tag", element.tag), ("*", "")):
            found += [rule for rule in self.by_key.get(key, ()) if rule.matches(element)]
        return [d for rule in sorted(found, key=lambda r: r.order) for d in rule.declarations]


def _key(compound: Compound) -> tuple[str, str]:
    if compound.ids:
        return "id", compound.ids[0]
    if compound.classes:
        return "class", compound.classes[0]
    return ("tag", compound.tag) if compound.tag else ("*", "")


def _blocks(text: str):
    """(selectors, declarations) of each rule; the rules inside @media screen or all are
    read, other at-rules (print, keyframes, font faces) are not. One pass over the braces."""
    depth, prelude_at, body_at, prelude = 0, 0, 0, ""
    for mark in re.finditer(r"[{};]", text):
        at, ch = mark.start(), mark.group()
        if ch == "{":
            if depth == 0:
                prelude, body_at = text[prelude_at:at].strip(), at + 1
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                body, prelude_at = text[body_at:at], at + 1
                if not prelude.startswith("@"):
                    yield prelude, body
                elif re.match(r"@media\b[^{]*\b(screen|all)\b", prelude) and "print" not in prelude:
                    yield from _blocks(body)
        elif depth == 0:
            prelude_at = at + 1  # after an @import; or a stray brace


def _rule(selector: str, declarations, order: int) -> Rule | None:
    if not selector or ":" in selector.replace("\\:", "") or any(c in selector for c in "+~"):
        return None  # pseudo-classes, sibling combinators: not read (a rule that may not apply hides nothing)
    tokens = re.sub(r"\s*>\s*", " > ", selector).split()
    parts, joins, join = [], [], " "
    for token in tokens:
        if token == ">":
            join = ">"
            continue
        compound = _compound(token)
        if compound is None:
            return None
        if parts:
            joins.append(join)
        parts.append(compound)
        join = " "
    return Rule(tuple(parts), tuple(joins), declarations, order) if parts else None


def _compound(token: str) -> Compound | None:
    match = _COMPOUND.fullmatch(token)
    if not match:
        return None
    ids, classes, attributes = [], [], []
    for mark, name, attr, op, value in _PART.findall(match.group(2) or ""):
        if mark == "#":
            ids.append(name)
        elif mark == ".":
            classes.append(name)
        else:
            attributes.append((attr.lower(), op, value))
    tag = (match.group(1) or "").lower()
    return Compound("" if tag == "*" else tag, tuple(ids), tuple(classes), tuple(attributes))


def declarations_of(body: str) -> tuple[tuple[str, str], ...]:
    """The declarations of a rule or a style attribute that bear on seeing text."""
    out = []
    for item in body.split(";"):
        name, colon, value = item.partition(":")
        name = name.strip().lower()
        if colon and name in WANTED:
            out.append((name, value.replace("!important", "").strip().lower()))
    return tuple(out)
