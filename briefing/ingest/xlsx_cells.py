"""A worksheet's cells read straight from the workbook's XML, as Excel shows them: a formula
as the value it last showed, a merged cell's value in every row the merge covers, a date as
a date.

Why not openpyxl: in read-only mode it shows neither merges nor a formula's saved value
beside its text, and it takes a Python object per cell (8 s for a 50,000-row tracker, here
well under one). The rows are counted before any is parsed, so a sheet whose dimension
claims twenty rows and holds a million is refused in milliseconds. Only what a tracker needs
is read: values, not styles beyond which cells hold dates.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # a namespace prefix some writers put on every element
_ROW = re.compile(rb"<%srow\b([^>]*?)(?:/>|>(.*?)</%srow>)" % (_P, _P), re.S)
_CELL = re.compile(rb"<%sc\b([^>]*?)(?:/>|>(.*?)</%sc>)" % (_P, _P), re.S)
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_VALUE = re.compile(rb"<%sv\b[^>]*>(.*?)</%sv>" % (_P, _P), re.S)
_FORMULA = re.compile(rb"<%sf\b[^>]*?(?:/>|>(.*?)</%sf>)" % (_P, _P), re.S)
_TEXT = re.compile(rb"<%st\b[^>]*>(.*?)</%st>" % (_P, _P), re.S)
_PHONETIC = re.compile(rb"<%srPh\b.*?</%srPh>" % (_P, _P), re.S)
_STRING_ITEM = re.compile(rb"<%ssi\b[^>]*>(.*?)</%ssi>|<%ssi\b[^>]*/>" % (_P, _P, _P), re.S)
_MERGE = re.compile(rb'<%smergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"' % _P)
_PLACE = re.compile(r"([A-Z]{1,3})(\d+)")
_ROW_START = re.compile(rb"<%srow[\s>/]" % _P)
# A cell as Excel, LibreOffice and openpyxl write it: its place, style and type in that
# order, then a formula, a saved value, or inline text.
_FAST_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?: [\w:]+="[^"]*")*\s*'
                        rb'(?:/>|>(?:<f\b[^>]*?(?:/>|>([^<]*)</f>))?(?:<v>([^<]*)</v>|<v/>)?(?:<is>(.*?)</is>)?</c>)',
                        re.S)
DATE_FORMATS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))


class Damaged(Exception):
    """The workbook's parts cannot be read as a workbook's; the reason in words."""


@dataclass(frozen=True)
class Formula:
    """A formula with no value saved beside it (the program that wrote the file never
    worked it out): its text as typed."""

    text: str


def column_index(letters: str) -> int:
    """ "A" is 0, "AA" is 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def column_letters(index: int) -> str:
    letters, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Book:
    """An open workbook: its sheets by name, its shared strings and its date styles."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        workbook = self._part("xl/workbook.xml")
        rels = self._part("xl/_rels/workbook.xml.rels")
        targets = {m.group(1): m.group(2) for m in re.finditer(
            rb'<%sRelationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"' % _P, rels)}
        targets.update({m.group(2): m.group(1) for m in re.finditer(
            rb'<%sRelationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"' % _P, rels)})
        self.sheets = {}
        for attrs in re.findall(rb"<%ssheet\b([^>]*)/?>" % _P, workbook):
            values = dict(_ATTRIBUTE.findall(attrs))
            rid = next((v for k, v in values.items() if k.endswith(b":id")), None)
            if b"name" in values and rid in targets:
                target = targets[rid].decode("utf-8").lstrip("/")
                self.sheets[_text(values[b"name"])] = target if target.startswith("xl/") else f"xl/{target}"
        self.date1904 = bool(re.search(rb'date1904="(1|true)"', workbook))
        self._strings: list[str] | None = None
        self._dates = self._date_styles()

    def _part(self, name: str, required: bool = True) -> bytes:
        try:
            return self.archive.read(name)
        except KeyError:
            if required:
                raise Damaged(f"it has no {name}") from None
            return b""
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise Damaged(f"{name}: {exc}") from None

    @property
    def names(self) -> list[str]:
        return list(self.sheets)

    def strings(self) -> list[str]:
        if self._strings is None:
            data = self._part("xl/sharedStrings.xml", required=False)
            self._strings = [_rich(m.group(1) or b"") for m in _STRING_ITEM.finditer(data)]
        return self._strings

    def _date_styles(self) -> set[int]:
        """The cell styles that show a number as a date."""
        styles = self._part("xl/styles.xml", required=False)
        custom = {int(m.group(1)) for m in re.finditer(rb'<%snumFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"'
                                                       % _P, styles) if _is_date_code(_text(m.group(2)))}
        xfs = re.search(rb"<%scellXfs\b.*?</%scellXfs>" % (_P, _P), styles, re.S)
        ids = [int(m.group(1)) for m in re.finditer(rb'<%sxf\b[^>]*?numFmtId="(\d+)"' % _P, xfs.group())] if xfs else []
        return {i for i, fmt in enumerate(ids) if fmt in DATE_FORMATS or fmt in custom}

    def sheet(self, name: str, most: int) -> bytes:
        """A sheet's XML, unpacked only while it holds at most `most` rows: the dimension it
        states is read first, and then its rows are counted as it is unpacked, so a sheet
        that claims twenty rows and holds a million is refused before a cell is parsed."""
        path = self.sheets[name]
        chunks, rows, tail = [], 0, b""
        try:
            with self.archive.open(path) as member:
                while chunk := member.read(1 << 20):
                    if not chunks:
                        claimed = re.search(rb'<%sdimension\b[^>]*ref="[^"]*?(\d+)"' % _P, chunk[:4096])
                        if claimed and int(claimed.group(1)) > most:
                            raise TooManyRows(int(claimed.group(1)), stated=True)
                    rows += _count_rows(tail + chunk) - _count_rows(tail)
                    tail = chunk[-64:]
                    if rows > most:
                        raise TooManyRows(most)
                    chunks.append(chunk)
        except KeyError:
            raise Damaged(f"it has no {path}") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise Damaged(f"{path}: {exc}") from None
        data = b"".join(chunks)
        if not re.search(rb"</%sworksheet>\s*$" % _P, data[-256:]):  # cut short: the rows after the cut are lost
            raise Damaged(f"{path} ends part way through")
        return data

    def rows(self, data: bytes, most: int):
        """(row number, {column index: value}) for each row with a cell, up to row `most`; a
        cell merged down over several rows gives its value to each (Excel shows it on all)."""
        starts: dict[int, list[tuple[int, int]]] = {}
        for left, top, _, bottom in _MERGE.findall(data[max(data.rfind(b"sheetData>"), 0):]):
            if int(bottom) > int(top):
                starts.setdefault(int(top), []).append((column_index(left.decode()), int(bottom)))
        spreading: dict[int, tuple[object, int]] = {}  # column -> (the merged value, its last row)
        for number, cells in self._row_cells(data):
            if number > most:
                return
            for column, (value, last) in list(spreading.items()):
                if number > last:
                    del spreading[column]
                elif column not in cells:
                    cells[column] = value
            for column, last in starts.get(number, ()):
                if column in cells:
                    spreading[column] = (cells[column], last)
            yield number, cells

    def _row_cells(self, data: bytes):
        """The cells row by row: in one pass of one pattern where every cell is written as
        Excel, LibreOffice and openpyxl write them (r, s, t in that order), else element by
        element."""
        fast = list(_FAST_CELL.finditer(data))
        if len(fast) != data.count(b"<c ") + data.count(b"<c>"):
            yield from self._slow_rows(data)
            return
        number, cells, columns = 0, {}, {}
        for match in fast:
            letters, row, style, kind, formula, raw, inline = match.groups()
            if int(row) != number:
                if cells:
                    yield number, cells
                number, cells = int(row), {}
            column = columns.get(letters)
            if column is None:
                column = columns[letters] = column_index(letters.decode())
            value = self._convert(kind or b"n", style, formula, raw, inline)
            if value is not None and value != "":
                cells[column] = value
        if cells:
            yield number, cells

    def _slow_rows(self, data: bytes):
        number = 0
        for row in _ROW.finditer(data):
            attrs = dict(_ATTRIBUTE.findall(row.group(1)))
            number = int(attrs[b"r"]) if attrs.get(b"r", b"").isdigit() else number + 1
            yield number, self._cells(row.group(2) or b"")

    def _cells(self, data: bytes) -> dict[int, object]:
        out, column = {}, -1
        for cell in _CELL.finditer(data):
            attrs = dict(_ATTRIBUTE.findall(cell.group(1)))
            place = _PLACE.fullmatch(attrs.get(b"r", b"").decode("ascii", "replace"))
            column = column_index(place.group(1)) if place else column + 1
            body = cell.group(2) or b""
            formula, saved = _FORMULA.search(body), _VALUE.search(body)
            kind = attrs.get(b"t", b"n")
            value = self._convert(kind, attrs.get(b"s"), formula.group(1) or b"" if formula else None,
                                  saved.group(1) if saved else None, body if kind == b"inlineStr" else None)
            if value not in (None, ""):
                out[column] = value
        return out

    def _convert(self, kind: bytes, style: bytes | None, formula: bytes | None, raw: bytes | None,
                 inline: bytes | None):
        """A cell's value from its type, style, formula, saved value and inline text."""
        if formula is not None and not raw:
            return Formula("=" + _text(formula))
        if kind == b"inlineStr":
            return _rich(inline or b"")
        if raw is None:
            return None
        if kind == b"s":
            strings = self.strings()
            index = int(raw) if raw.strip().isdigit() else -1
            return strings[index] if 0 <= index < len(strings) else None
        if kind in (b"str", b"e"):
            return _text(raw)
        if kind == b"b":
            return raw.strip() in (b"1", b"true")
        try:
            number = float(raw)
        except ValueError:
            return _text(raw)
        if style is not None and style.isdigit() and int(style) in self._dates:
            return self._date(number)
        return int(number) if number.is_integer() else number

    def _date(self, serial: float) -> datetime | float:
        epoch = datetime(1904, 1, 1) if self.date1904 else datetime(1899, 12, 30)
        try:
            return epoch + timedelta(days=serial)
        except OverflowError:
            return serial


class TooManyRows(Exception):
    """More rows than asked for: as the sheet's dimension states them, or past `rows` counted."""

    def __init__(self, rows: int, stated: bool = False):
        super().__init__(rows)
        self.rows, self.stated = rows, stated


def _count_rows(data: bytes) -> int:
    """Row elements in `data`: plain counts, a pattern only where rows carry a prefix ("<x:row")."""
    if b":row" in data:
        return len(_ROW_START.findall(data))
    return data.count(b"<row ") + data.count(b"<row>") + data.count(b"<row/")


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def _rich(body: bytes) -> str:
    """A string item's text: its runs joined, its phonetic guides (rPh) left out."""
    if body.startswith(b"<t>") and body.endswith(b"</t>") and body.count(b"<") == 2:  # one plain run
        return _text(body[3:-4])
    return "".join(_text(t) for t in _TEXT.findall(_PHONETIC.sub(b"", body)))


def _is_date_code(code: str) -> bool:
    """Whether a number format shows a date: a day, month or year letter outside quoted
    text, escapes and [colour] or [locale] brackets."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code).lower()
    return bool(re.search(r"[dmy]", bare)) and "general" not in bare

