"""Words as the reader and the matcher both see them: one tokeniser, one stemmer, one list
of words that carry no meaning of their own.

The reader (which area a phrase names) and the matcher (which findings are one concern)
must agree on what a word is, or "anti-social" would be one word to one and two to the
other. Each adds the words its own texts use without meaning (every finding says "the
force should"; every area phrase says "how well"), named beside it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

STOPWORDS = frozenset("""
a an and are as at be been being both but by can could do does for from has have how if in into is it its it's
of on or other so such than that the their them then there these they this those through to up was we were what
when where which while who will with within would all any also own
""".split())

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_JOINED = re.compile(r"\banti[\s-]social\b")
_stemmer = snowballstemmer.stemmer("english")


def tokens(text: str) -> list[str]:
    """Lower-case words, possessives off ("force's" is "force"); "anti-social" and "anti
    social" are the one word "antisocial"."""
    words = _WORD.findall(_JOINED.sub("antisocial", text.lower()).replace("’", "'"))
    return [w[:-2] if w.endswith("'s") else w for w in words]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """'investigations' and 'investigating' are one term (Snowball English)."""
    return _stemmer.stemWord(word)


def content_stems(text: str, drop: frozenset[str] = frozenset(), shortest: int = 2) -> list[str]:
    """The stems of the words that say something: not STOPWORDS, not `drop`, not shorter than `shortest`."""
    return [stem(w) for w in tokens(text) if len(w) >= shortest and w not in STOPWORDS and w not in drop]
