"""How deeply a YAML or JSON text nests, found in one pass before any parser sees it.

The parsers cannot be trusted with this: one libyaml release recurses without limit, the
next stops at 1,000 levels with an error, and PyYAML's pure-Python scanner is quadratic in
depth. A 200 KB file of `[` must cost a millisecond and one line, whichever is installed.

The count is an estimate from the characters alone, made so that it never falls below
the real depth of an ordinary file: flow brackets outside quoted scalars and comments,
plus the block levels opened by indentation and by compact "- - -" entries. Block scalars
(`|`, `>`) are skipped, since their lines are text. The exact rule on parser events
(located_yaml.check_events) still applies to whatever passes.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"[\[\]{}\"'#\n]")
_TOKEN_BEFORE = set(":-?,[{")  # a bracket or quote after one of these (or at a line start) opens something
_BLOCK_SCALAR = re.compile(r"(?:^|[\s:-])[|>][-+0-9]*\s*$")
_LEAD = re.compile(r"( *)((?:[-?](?: +|$))*)")


class TooDeep(ValueError):
    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


class _Scan:
    def __init__(self, text: str, limit: int):
        self.text, self.limit = text, limit
        self.flow = 0  # open [ and { brackets
        self.levels: list[tuple[int, int]] = []  # (column, depth) of the open block collections
        self.block = 0  # block depth of the current line
        self.line = 1
        self.last = ""  # the last character that is not a space, on this line
        self.scalar_indent: int | None = None  # inside a block scalar whose parent has this indent

    def deeper(self, by: int = 1) -> None:
        if self.block + self.flow + by > self.limit:
            raise TooDeep(self.line)

    def start_line(self, start: int) -> int:
        """Block structure at the start of a line; returns where its content begins.

        `levels` holds (column, depth) for each open block collection: a line at a column
        already open is one of its items, one further right opens a collection inside it,
        and each compact "- " opens one more. Each step counts one level of slack (a
        sequence may sit at its parent key's column; an entry may hold a mapping), so the
        estimate stays at or above the real depth.
        """
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        lead = _LEAD.match(self.text, start, end)
        indent, dashes = len(lead.group(1)), lead.group(2).count("-") + lead.group(2).count("?")
        blank = lead.end() == end or self.text.startswith("#", lead.end())
        if self.scalar_indent is not None:
            if blank or indent > self.scalar_indent:
                return end  # a line of the block scalar's text
            self.scalar_indent = None
        if blank or self.flow:
            return lead.end()
        while self.levels and self.levels[-1][0] > indent:
            self.levels.pop()
        depth = (self.levels[-1][1] if self.levels else 0) + 1
        if not self.levels or self.levels[-1][0] < indent:
            self.levels.append((indent, depth))
        if dashes:
            depth += dashes + 1
            self.levels.append((lead.end() - start, depth))
        self.block = depth
        self.deeper(0)
        return lead.end()


def check_nesting(text: str, limit: int) -> None:
    """Raise TooDeep (with the line) where the text nests deeper than `limit`."""
    if _plainly_shallow(text, limit):
        return
    scan = _Scan(text, limit)
    pos = scan.start_line(0)
    line_start = 0
    quote = ""
    while True:
        match = _SPECIAL.search(text, pos)
        if match is None:
            return
        i, char = match.start(), match.group()
        if quote:
            pos, closed = _in_quote(text, i, char, quote)
            if closed:
                quote, scan.last = "", char
            elif char == "\n":
                scan.line += 1
            continue
        gap = text[pos:i].rstrip(" \t")
        if gap:
            scan.last = gap[-1]
        if char == "\n":
            if not scan.flow and _BLOCK_SCALAR.search(_without_comment(text[line_start:i])):
                scan.scalar_indent = len(text[line_start:i]) - len(text[line_start:i].lstrip(" "))
            scan.line += 1
            line_start = i + 1
            scan.last = ""
            pos = scan.start_line(i + 1)
            continue
        at_token = scan.last == "" or scan.last in _TOKEN_BEFORE
        if char == "#":
            if i == line_start or text[i - 1] in " \t":
                end = text.find("\n", i)
                pos = len(text) if end < 0 else end
            else:
                pos, scan.last = i + 1, char
        elif char in "[{":
            opens = scan.flow or (at_token and _bracket_opens(text, i, line_start, scan.last))
            if opens:
                scan.deeper()
                scan.flow += 1
            pos, scan.last = i + 1, char if opens else "x"
        elif char in "]}":
            scan.flow = max(0, scan.flow - 1)
            pos, scan.last = i + 1, char
        else:  # a quote opens a quoted scalar only where a value can begin: after "-", "?" or ":" only
            # with a space between ("-'" is a plain scalar); a bracket opens more freely, which can
            # only raise the estimate, never hide a level inside a quote that is not one
            opens = scan.last == "" or scan.last in "[{," or (scan.last in ":-?" and text[i - 1] in " \t"
                                                              and _indicator(text, i, line_start))
            quote = char if opens else ""
            pos, scan.last = i + 1, char


def _plainly_shallow(text: str, limit: int) -> bool:
    """A text a person writes, bounded without the scan: flow depth is at most its brackets
    (limit / 2), and an open block collection sits at a column no further right than the
    deepest indent plus two per compact dash, with at most two collections (a mapping and
    its sequence) to a column, so indents under limit / 8 and at most two dashes a line
    keep block depth under limit / 2 as well."""
    if limit < 16 or text.count("[") + text.count("{") > limit // 2:
        return False
    return not re.search(rf"^(?: {{{limit // 8},}}|(?: *[-?] +){{3}})", text, re.MULTILINE)


def _in_quote(text: str, i: int, char: str, quote: str) -> tuple[int, bool]:
    """Where scanning resumes after `char` at `i` inside a quoted scalar, and whether it closed it."""
    if char != quote:
        return i + 1, False
    if quote == "'":
        doubled = text.startswith("'", i + 1)  # '' is a quote inside a single-quoted scalar
        return (i + 2, False) if doubled else (i + 1, True)
    j = i - 1
    while j >= 0 and text[j] == "\\":
        j -= 1
    escaped = (i - 1 - j) % 2 == 1
    return i + 1, not escaped


def _bracket_opens(text: str, i: int, line_start: int, last: str) -> bool:
    """Whether a bracket outside flow opens a collection, not a character of a plain scalar
    ("see [1]"): at a line's start or after "," "[" "{", or after a ":", "-" or "?" that is an
    indicator with a space between ("a: [" opens; in "a: :[" the ":[" is a plain scalar, found
    by hypothesis); a JSON-like key's ':' ('"a":[1]') opens without the space."""
    if not last or last not in ":-?":  # ("" is in every string)
        return True
    if text[i - 1] in " \t":
        return _indicator(text, i, line_start)
    return last == ":" and i >= 2 and text[i - 2] in "\"'"


def _indicator(text: str, i: int, line_start: int) -> bool:
    """Whether the "-" or "?" before the quote at `i` is an indicator, standing at the line's
    start or after a space: in "a: :- '" it is a character of the plain scalar ":-", so the
    quote is one too, and a bracket on a later line is not hidden inside it (found by
    hypothesis: "a: :- '\naa: []" is two levels deep)."""
    k = i - 1
    while k >= line_start and text[k] in " \t":
        k -= 1
    return text[k] == ":" or k == line_start or text[k - 1] in " \t"


def _without_comment(line: str) -> str:
    return re.sub(r"(?:^|\s)#.*$", "", line)
