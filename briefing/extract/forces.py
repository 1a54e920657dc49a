"""Which force a text is about, from its words, its heading and its address.

A force is recognised by its name and the names people use ("Met Police", "Devon &
Cornwall Police"); where the text says only "we" or "the force", the source address or
the heading decides.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from briefing.extract.phrases import Phrases
from briefing.extract.reader import SourceLine
from briefing.extract.text import BULLET
from briefing.reference import reference as default_reference


def known_forces(forces: tuple | None = None) -> dict[str, tuple[str, float]]:
    """Lower-case wording -> (the force's name, weight): full names 1, place names 0.5.
    `forces` is a Reference's (name, other names) list; the process's own by default."""
    return _wordings(forces if forces is not None else _bundled())


@lru_cache(maxsize=4)
def _wordings(forces: tuple) -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    for name, aliases in forces:
        for wording in (name, *aliases):
            out[fold(wording)] = (name, 1.0)
        place = re.sub(r"\b(?:police(?: service)?|constabulary|service)\b", "", name, flags=re.IGNORECASE).strip()
        if len(place) > 3 and fold(place) not in out:
            out[fold(place)] = (name, 0.5)
    return out


def fold(text: str) -> str:
    """Lower case, "&" as "and", dashes as spaces, one space between words. A long text
    with no white space or dash beyond ASCII's (a report's text, folded once to find the
    force it names) is folded as bytes, its words not split apart: the same text at half
    the cost."""
    low = text.lower().replace("&", "and")
    if len(low) > 4096 and not _WIDE.search(low):
        return _SPACES.sub(b" ", low.encode("utf-8").translate(_SPACED)).decode("utf-8").strip(" ")
    return " ".join(_DASH.sub(" ", low).split())


_DASH = re.compile(r"[-\u2010-\u2015]")
_WIDE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2010-\u2015\u2028\u2029\u202f\u205f\u3000]")  # beyond ASCII's
_SPACED = bytes(32 if b < 128 and (chr(b).isspace() or chr(b) == "-") else b for b in range(256))
_SPACES = re.compile(rb"  +")


def force_phrases(forces: tuple | None = None) -> Phrases:
    """Every wording of these forces (the process's own by default), found in one pass."""
    return _force_phrases(forces if forces is not None else _bundled())


@lru_cache(maxsize=4)
def _force_phrases(forces: tuple) -> Phrases:
    return Phrases(_wordings(forces))


def force_scores(text: str, forces: tuple | None = None) -> Counter:
    forces = forces if forces is not None else _bundled()
    counts: Counter = Counter()
    wordings = _wordings(forces)
    for wording in _force_phrases(forces).matches(fold(text)):
        name, weight = wordings[wording]
        counts[name] += weight
    return counts


def _bundled() -> tuple:
    return default_reference().forces


def detect_force(lines: list[SourceLine], forces: tuple | None = None) -> str | None:
    """The force the text is about: most mentioned, the address and heading breaking ties."""
    address = " ".join(re.sub(r"[/._+?=-]+", " ", u) for l in lines[:3] for u in re.findall(r"https?://\S+", l.text))
    # a line's first seven characters lowered, not the whole line: only "\u0130" lowers to two, and not to an "s"
    counts = force_scores(" ".join([l.text for l in lines if l.text[:7].lower() != "source:"]), forces)
    for name, n in force_scores(address, forces).items():
        counts[name] += 2 * n
    for line in lines[:6]:
        for name in force_scores(line.text, forces):
            counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


KIND = re.compile(r"\b(?:police(?:\s+service)?|constabulary|service|force|heddlu)\b")


def canonical_force(name: str, forces: tuple | None = None) -> str:
    """The force's own name for a name as people write it: any case, "&" for "and",
    "Police" for "Constabulary", a short name of data/forces.yaml ("Northants Police",
    "the Met"), or the place alone ("Northamptonshire"). A name of no known force is kept
    as written: it is a force of the user's own data, or a mistake the user will see."""
    wordings = known_forces(forces)
    key = fold(name)
    found = wordings.get(key) or wordings.get(re.sub(r"^the\s+", "", key))
    if found is None:
        place = " ".join(KIND.sub(" ", key).split())
        found = next((wordings[w] for w in (place, f"{place} police", f"{place} constabulary") if w in wordings), None)
    return found[0] if found else name


_SAME_LENGTH = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015"})


def force_mentions(text: str, forces: tuple | None = None) -> list[tuple[int, int, str]]:
    """(start, end, force) of each force named in a text of single spaces (a paragraph's),
    in the text's own places: the text is only lower-cased and its dashes made spaces, and
    each wording is also sought with "&" for "and"."""
    lowered = text.lower().translate(_SAME_LENGTH)
    if len(lowered) != len(text):  # a character whose lower case is longer: places would shift
        return []
    wordings = _mention_wordings(forces if forces is not None else _bundled())
    return [(start, start + len(w), wordings[w]) for start, w in _mention_phrases(forces if forces is not None
                                                                                  else _bundled()).found(lowered)]


@lru_cache(maxsize=4)
def _mention_wordings(forces: tuple) -> dict[str, str]:
    out = {}
    for wording, (name, _) in _wordings(forces).items():
        out[wording] = name
        out[wording.replace(" and ", " & ")] = name
    return out


@lru_cache(maxsize=4)
def _mention_phrases(forces: tuple) -> Phrases:
    return Phrases(_mention_wordings(forces))


def force_sections(lines, forces: tuple | None = None) -> list[tuple[str, list]]:
    """(force, the page's preamble + that force's part) where a page has a heading per force.
    A force named in a sentence's list ("Three forces volunteered ... These forces were:" and
    its items) heads no part: see _list_items."""
    heads = []
    items = _list_items(lines)
    for index, line in enumerate(lines):
        text = line.text.strip(" #*:\u2013-\t")
        if 3 < len(text) <= 60 and not text.endswith(".") and index not in items:
            names = force_scores(text, forces)
            if len(names) == 1 and sum(names.values()) >= 0.5 and len(text.split()) <= 6:
                heads.append((index, next(iter(names))))
    if len({name for _, name in heads}) < 2:
        return []
    preamble = lines[:heads[0][0]]
    bounds = [i for i, _ in heads] + [len(lines)]
    parts: dict[str, list] = {}
    for (start, name), end in zip(heads, bounds[1:]):
        parts.setdefault(name, list(preamble)).extend(lines[start:end])
    return list(parts.items())


_RUNS_ON = re.compile(r"(?:[,;]|\b(?:and|or))\s*$", re.IGNORECASE)


def _list_items(lines) -> set[int]:
    """Lines that are items of a sentence, never headings: a line ending as a sentence goes
    on ("Suffolk Constabulary; and", "Dyfed-Powys Police,"), and the bullets after a line
    that introduces them with a colon ("These forces were:") down to the list's end."""
    items, introduced = set(), False
    for index, line in enumerate(lines):
        text = line.text.strip()
        bullet = bool(BULLET.match(text))
        introduced = introduced and (bullet or not text)
        if (introduced and bullet) or _RUNS_ON.search(text):
            items.add(index)
        introduced = introduced or text.endswith(":")
    return items
