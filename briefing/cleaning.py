"""The one cleaning step every piece of text passes on its way in: datasets, reports,
options, and the document model the writers translate.

What it does, and all it does (the README's "Limits and safety" says the same):
- control characters other than tab and newline are removed (they break XML formats and
  can drive a terminal), as are lone surrogates and the non-characters U+FFFE and U+FFFF;
- soft hyphens (U+00AD) and the other invisible format characters (zero-width spaces and
  joiners, the word joiner, a byte order mark inside text, direction overrides) are
  removed: left by typesetting or planted, they would stop "investi\u200bgation" matching
  "investigation" or make a line read differently from how it shows;
- line endings become "\n"; the Unicode line and paragraph separators (U+2028, U+2029)
  and NEL become spaces, so a line is what an editor shows as one.
Nothing else is changed: markup characters, right-to-left text, emoji and text starting
with "=" pass through unchanged and each writer shows them as text.
"""

from __future__ import annotations

import dataclasses
import re

_INVISIBLE = "\xad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\x80-\\x84\\x86-\\x9f{_INVISIBLE}\\ud800-\\udfff\\ufffe\\uffff]")
_LINES_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x80-\\x84\\x86-\\x9f{_INVISIBLE}\\ud800-\\udfff\\ufffe\\uffff]")
_SEPARATORS = re.compile("[\u2028\u2029\x85]")  # each a space (str.translate would cost 20 ms on a report)


def clean(text: object) -> str:
    """Text safe for every format and every terminal. Printable ASCII (most of a pack: a
    50,000-row tracker is a million cells) has nothing to remove, and is known to in one test."""
    text = "" if text is None else str(text)
    if text.isascii() and text.isprintable():
        return text
    return _CONTROL.sub("", _SEPARATORS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))


_OVERRIDE = re.compile("\u202e([^\u202c\u202d\n]*)\u202c?")  # right-to-left override ... pop
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070-\u209f]")


def fold(text: str) -> str:
    """A report's text as a reader reads it, before any rule does: characters shown the same
    folded to one form (NFKC: fullwidth "ａｄｅｑｕａｔｅ" is "adequate", the ligature "ﬁ" is
    "fi"), a run behind a right-to-left override in the order it is shown ("\u202eetauqeda"
    shows, and reads, as "adequate"), and superscript marks (footnotes) dropped, where NFKC
    would glue them to the word as digits. The direction controls themselves go in the
    cleaning step (clean_lines)."""
    if text.isascii():
        return text
    import unicodedata

    text = _OVERRIDE.sub(lambda run: run.group(1)[::-1], text)
    return unicodedata.normalize("NFKC", _SUPERSCRIPT.sub("", text))


def clean_lines(text: str) -> list[str]:
    """The lines of a report: as clean(), keeping tabs (they separate table cells) and DEL,
    which the reader has already turned into a bullet where a PDF font used it for one.
    Lines end at a newline only; the whole text is cleaned in one pass, then split."""
    text = _SEPARATORS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LINES_CONTROL.sub("", text).split("\n")


def clean_model(value):
    """Every string inside a frozen dataclass tree, cleaned; other values unchanged."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (tuple, list)):  # a workbook's row is a tuple of strings: cleaned without a call each
        items = [clean(v) if type(v) is str else clean_model(v) for v in value]
        return tuple(items) if isinstance(value, tuple) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean_model(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def strings(value):
    """Every string inside a dataclass tree, for a writer that must know its characters."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from strings(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name))
