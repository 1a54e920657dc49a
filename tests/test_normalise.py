"""frameworks.normalise lowers a text as bytes, not with str.lower(): what it makes of any
text is what lowering the text first made (tests/test_reading_cost.py times the reading)."""

from __future__ import annotations

import random
import re

from briefing.frameworks import normalise

_KEPT = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789'" else 32 for b in range(256))
_LEADING = re.compile(r"^(how (effective|good|well) is the force at|the force is \w+ at)\s+")


def _lowered_first(text: str) -> str:
    """normalise as it was: the text lowered by str.lower(), then folded as bytes."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").encode("ascii", "replace").translate(_KEPT)
    return _LEADING.sub("", re.sub(rb"  +", b" ", text).decode("ascii").strip(" '")).strip()


def test_a_text_folds_as_it_did_when_lowered_first_whatever_letters_it_holds():
    pieces = [*"aZ09'?-_ .\t\n\u2019\u2018\u00e9\u00c9\u00df\u0130\u0131\u212a\u212b\u017f\u01c5\ufb01\u2013",
              "How Effective is the Force at ", "THE FORCE IS GOOD AT ", "Kent", "İnspection"]
    draw = random.Random(8)
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randrange(0, 40)))
        assert normalise(text) == _lowered_first(text), repr(text)
    # "\u0130" lowers to "i" and a combining dot, which folds to a space, as it did
    assert normalise("How effective is the force at \u0130NVESTIGATING crime?") == "i nvestigating crime"
