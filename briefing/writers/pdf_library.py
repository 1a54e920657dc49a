"""reportlab, loaded without compiling the two patterns of its own that a pack never uses.

As it loads, reportlab compiles a pattern for web addresses (to break a long address across
lines, which only its hyphenation and `uriWasteReduce` settings ask for; this tool sets
neither) and one for Chinese, Japanese and Korean characters (for its CJK word wrap): their
character ranges up to U+FFFF take 27 ms and 3 ms of CPU to compile. Each is compiled the
first time it is used instead, if it ever is.

How: Python's `re` looks a pattern up in its cache before compiling it. While reportlab
loads, the cache holds, under each of those two patterns, a stand-in that compiles the real
pattern on first use and answers as it would; the stand-ins leave the cache as soon as
reportlab has loaded, so nothing else is ever given one. Where reportlab's patterns change,
or a Python keeps its cache differently, reportlab simply compiles them as before.
"""

from __future__ import annotations

import re

# reportlab.platypus.paragraph.uri_pat (reportlab 4 and 5), with its flags
WEB_ADDRESS = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|"
    "2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}"
    "[a-z\xa1-\uffff0-9])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|"
    "xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)
UNUSED = ((WEB_ADDRESS, re.IGNORECASE), ("([\u2e80-\uffff])", re.UNICODE))  # the second: reportlab.lib.textsplit.rx


class OnFirstUse:
    """A compiled pattern, compiled when it is first asked for anything."""

    def __init__(self, pattern: str, flags: re.RegexFlag):
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            _leave_caches(self)  # so that re compiles the pattern rather than give this back
            compiled = re.compile(self._pattern, self._flags)
            if not isinstance(compiled, re.Pattern):  # a cache this module does not know of gave it back
                re.purge()
                compiled = re.compile(self._pattern, self._flags)
            self._compiled = compiled
        return getattr(self._compiled, name)


def _caches() -> list[dict]:
    """re's caches of compiled patterns: one up to Python 3.11, two (the second of recent ones) from 3.12."""
    return [cache for cache in (getattr(re, "_cache", None), getattr(re, "_cache2", None)) if isinstance(cache, dict)]


def _leave_caches(stand_in: OnFirstUse) -> None:
    for cache in _caches():
        for key in [key for key, value in cache.items() if value is stand_in]:
            del cache[key]


def load() -> None:
    """Load reportlab's paragraphs, with the stand-ins in place while it does."""
    caches = _caches()
    stand_ins = [OnFirstUse(pattern, flags) for pattern, flags in UNUSED]
    for stand_in in stand_ins if caches else ():
        caches[0].setdefault((str, stand_in._pattern, int(stand_in._flags)), stand_in)
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        for stand_in in stand_ins:
            _leave_caches(stand_in)


load()
