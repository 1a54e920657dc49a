"""YAML (and JSON, which YAML reads) loaded with the line of every value.

Validation errors must say "line 14", so we keep the line of each mapping key and list
item beside the plain data rather than wrapping every value in a custom type.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefing.cleaning import clean
from briefing.ingest.located import Located
from briefing.ingest.nesting import TooDeep, check_nesting
from briefing.limits import NESTING_DEPTH

DEPTH_MESSAGE = f"nested more than {NESTING_DEPTH} levels deep; a dataset needs four"
PURE_PYTHON_ERRORS = 1024 * 1024  # texts up to this size get the pure-Python parser's clearer wording


class Refused(ValueError):
    """The text is valid YAML we will not read: an alias, a duplicate key, or nesting too deep."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster


def _build(loader, node: yaml.Node, path: tuple, lines: dict) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            key = key if isinstance(key, (str, int)) else str(key)
            if key in out:
                raise Refused(f"'{key}' appears twice in the same block (lines {lines[path + (key,)]} and "
                              f"{key_node.start_mark.line + 1}); keep one", key_node.start_mark.line + 1)
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(loader, value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines) for i, item in enumerate(node.value)]
    return _scalar(loader, node)


def _scalar(loader, node: yaml.Node) -> object:
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:  # e.g. 2021-13-45 looks like a date to YAML but is not one
        value = node.value
    return clean(value) if isinstance(value, str) else value


def check_events(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before any composer sees them.

    An alias bomb (a few lines of `&a [*b, *b, ...]`) expands to gigabytes, and a document
    nested 100,000 deep overflows the C stack of the YAML and JSON loaders; neither is
    something a hand-kept dataset needs.
    """
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            raise Refused("YAML aliases (*name) are not read; write the value out in full",
                          event.start_mark.line + 1)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > NESTING_DEPTH:
                raise Refused(DEPTH_MESSAGE, event.start_mark.line + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


_SURROGATE_PAIR = re.compile(r"(\\+)u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)


def _pairs_as_code_points(text: str) -> str:
    """JSON writes a character beyond U+FFFF as two escapes ("\\ud83d\\ude00"), which YAML's
    parsers refuse: written as one \\U escape, the same text reads the same in both."""
    def one(match: re.Match) -> str:
        slashes = match.group(1)
        if len(slashes) % 2 == 0:  # an escaped backslash, then plain text
            return match.group(0)
        code = 0x10000 + ((int(match.group(2), 16) - 0xD800) << 10) + (int(match.group(3), 16) - 0xDC00)
        return f"{slashes[:-1]}\\U{code:08X}"

    return _SURROGATE_PAIR.sub(one, text) if "\\u" in text.lower() else text


def load_located(text: str) -> Located:
    """Parse YAML or JSON text; raises yaml.YAMLError with a problem_mark on bad syntax, or
    Refused for what parses but is not read. A text of several YAML documents (extract's
    own output for a page about several forces) is the first; load_located_all gives all."""
    return load_located_all(text)[0]


def load_located_all(text: str) -> list[Located]:
    """Every document of a YAML text (one for JSON), each with its lines."""
    try:
        check_nesting(text, NESTING_DEPTH)  # before any parser: their own depth limits differ by release
    except TooDeep as exc:
        raise Refused(DEPTH_MESSAGE, exc.line) from None
    text = _pairs_as_code_points(text)
    check_events(text)
    loader = Loader(text)
    try:
        out = []
        while loader.check_node():
            node = loader.get_node()
            lines: dict[tuple, int] = {}
            out.append(Located(None if node is None else _build(loader, node, (), lines), lines))
        return out or [Located(None, {})]
    finally:
        loader.dispose()


def read_located(path: Path, what: str, limit: int) -> Located:
    """A YAML or JSON file read within `limit` bytes, or one InputError naming file and line."""
    return read_located_all(path, what, limit)[0]


def read_located_all(path: Path, what: str, limit: int) -> list[Located]:
    """Every document of a YAML or JSON file (extract writes one per force of a page about
    several), or one InputError naming file and line."""
    from briefing.ingest.text_files import read_text

    return documents_of(path, read_text(path, limit, what))


def documents_of(path: Path, text: str) -> list[Located]:
    """Every document of the text read from `path` (read_located_all's parsing, for a caller
    that read the text itself), or one InputError naming file and line."""
    from briefing.errors import InputError

    try:
        documents = load_located_all(text)
    except Refused as exc:
        raise InputError(str(exc), file=str(path), place=f"line {exc.line}") from None
    except yaml.YAMLError as libyaml_error:
        exc = _pure_python_error(text) if len(text) <= PURE_PYTHON_ERRORS else libyaml_error
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise InputError(f"not valid YAML or JSON: {problem}", file=str(path),
                         place=f"line {mark.line + 1}" if mark else None) from None
    documents = [d for d in documents if d.data is not None]
    if not documents:
        raise InputError("file has no data (only comments or blank lines)", file=str(path))
    return documents


def _pure_python_error(text: str) -> yaml.YAMLError:
    """The pure-Python parser's account of a syntax error, worded more plainly than libyaml's.

    Only for texts that passed check_nesting, and only up to PURE_PYTHON_ERRORS: its
    scanner is quadratic in depth and slow on large files, so it never sees either."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError as exc:
        return exc
    return yaml.YAMLError("cannot be parsed")
