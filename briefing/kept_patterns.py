"""The tool's regular expressions compiled once and kept between runs.

Loading the reading rules compiles some 300 patterns (half of the 0.2 s that `briefing
extract` spends before it reads a line), and a reading about 200 more, on every file, for
patterns that do not change between two runs. Python keeps a compiled pattern only for
the life of a process (re's own cache). So what re makes of each pattern (the code its
matching engine runs, the pattern's groups) is kept in the user's cache folder, beside
briefing.parsed_cache's files, and a one-shot command puts it in re's cache before the
tool's modules load (briefing.entry): their `re.compile` then finds each pattern made.
`briefing extract` of a corpus text: 0.27 -> 0.16 s of CPU (25 alternating runs), for
about 1 MB in the cache folder and 2 MiB more memory. Each command keeps its own patterns
(`briefing pack` compiles fewer, and loading the reading's would cost it what it saves).

What is kept is what this Python's re made of the pattern's own text and flags, so the
kept file holds the signature of the Python that made it (its version and build, its
matching engine's) and is ignored by any other. Before a pattern is kept it is made again
from the kept parts and compared with the one re compiled (two patterns are equal only
where their code is), so nothing is kept that re would not have made. Where re's insides
are not those this was written for (another Python), nothing is kept or loaded, and each
pattern is compiled as before. A file that cannot be read is ignored, and made again.
"""

from __future__ import annotations

import marshal
import re
import sys

from briefing.parsed_cache import folder  # here, not in load: a signal landing in an import is not lost there

LIMIT = 2000  # patterns kept at most: the tool's own are about 600; past this, a run keeps only its own
# New patterns a run must have made for the file to be written again. A library may build a pattern
# from a set, whose order changes with each process's hash seed (reportlab's safe-eval names): that
# one pattern is new in every run, and keeping it rewrote and grew the pack's file each run (5 MB
# after 300 packs: 0.06 s to load and about 0.1 s to write of a 0.9 s pack). A change to the tool
# brings dozens; one or two left out cost a millisecond to compile.
FRESH_TO_WRITE = 5
VERSION = 2  # of the file: files of version 1 may hold hundreds of such patterns, and are made again

_loaded: dict[tuple[str, int], tuple] = {}  # (pattern, flags) -> the parts it was made from, as loaded
_command = "extract"  # whose patterns are kept: each command its own file, so a pack loads none of the reading's


def load(command: str) -> None:
    """The patterns kept by earlier runs of `command` put in re's cache; called before the
    tool's modules are imported."""
    global _command
    engine = _engine()
    if engine is None:
        return
    _command = command
    re._MAXCACHE = max(re._MAXCACHE, LIMIT)  # a run compiles more than re's 512: each one kept, none made twice
    try:
        with open(_file(), "rb") as kept:
            signature, entries = marshal.loads(kept.read())  # marshal.load reads a file a few bytes at a time
        if signature != _signature(engine):
            return
        made = {(parts[0], flags): engine.compile(*parts) for flags, parts in entries if len(parts) > 1}
    except Exception:  # missing, unreadable, damaged: the patterns are compiled as usual
        return
    for (pattern, flags), compiled in made.items():
        re._cache[str, pattern, flags] = compiled
    _loaded.update({(parts[0], flags): parts for flags, parts in entries})


def keep() -> None:
    """After a one-shot command: the patterns it compiled that were not kept yet are kept,
    with those already kept (up to LIMIT). Nothing is written when there are fewer than
    FRESH_TO_WRITE."""
    engine = _engine()
    if engine is None:
        return
    from briefing.atomic import write_atomic  # first: what it imports compiles patterns too

    fresh = {(key[1], key[2]): compiled for key, compiled in list(re._cache.items())
             if key[0] is str and (key[1], key[2]) not in _loaded and not key[2] & re.DEBUG}
    if len(fresh) < FRESH_TO_WRITE:
        return
    kept = dict(_loaded) if len(_loaded) + len(fresh) <= LIMIT else {}
    for (pattern, flags), compiled in list(fresh.items())[:LIMIT]:
        kept[pattern, flags] = _parts(engine, pattern, flags, compiled) or (pattern,)  # (pattern,): compiled each run
    data = marshal.dumps((_signature(engine), [(flags, parts) for (_, flags), parts in kept.items()]))
    try:  # written whole under another name and renamed into place: another run never reads half
        _file().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_file(), data)
    except Exception:  # not kept (a read-only home): each run compiles its patterns, as before
        pass


def _parts(engine, pattern: str, flags: int, compiled: re.Pattern) -> tuple | None:
    """What re's compiler hands its engine for the pattern (re._compiler.compile, step by
    step), as plain values marshal can hold; None unless the engine makes of them the very
    pattern re compiled."""
    try:
        parsed = re._parser.parse(pattern, flags)
        code = [int(op) for op in re._compiler._code(parsed, flags)]
        groups = parsed.state.groupdict
        names = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        parts = pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groups), tuple(names)
        return parts if engine.compile(*parts) == compiled else None
    except Exception:  # a pattern this cannot take apart is compiled each run, as before
        return None


def _engine():
    """re's matching engine, where re's insides are those this was written for (CPython
    3.11 and later: a dict cache keyed by (type, pattern, flags), a parser and a compiler
    of its own), else None."""
    try:
        import _sre
    except ImportError:
        return None
    usable = sys.implementation.name == "cpython" and isinstance(getattr(re, "_cache", None), dict) and all(
        hasattr(module, name) for module, name in ((re, "_parser"), (re, "_compiler"), (re, "_MAXCACHE"),
                                                   (_sre, "compile")))
    return _sre if usable else None


def _signature(engine) -> tuple:
    return (sys.version, getattr(engine, "MAGIC", None), getattr(engine, "CODESIZE", None), VERSION)


def _file():
    return folder().parent / f"patterns-{_command}.marshal"
