"""The tool's regular expressions compiled once and kept between runs (briefing.kept_patterns):
a kept pattern is the one re compiles, a second run reads the same as the first and writes
nothing, and a damaged or another Python's kept file is ignored and made again."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import kept_patterns

REPORT = Path(__file__).parent / "fixtures" / "reports" / "knife-crime-report.txt"
needs_engine = pytest.mark.skipif(kept_patterns._engine() is None, reason="this Python's re is not one whose "
                                  "compiled patterns can be kept (CPython 3.11 or later)")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder, and re's cache and the kept patterns as a new process has them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(kept_patterns, "_loaded", {})
    monkeypatch.setattr(kept_patterns, "_command", "extract")
    monkeypatch.setattr(kept_patterns, "FRESH_TO_WRITE", 1)  # these make one pattern and keep it
    return tmp_path / "cache" / "briefing" / "patterns-extract.marshal"


@needs_engine
def test_a_kept_pattern_is_the_pattern_re_compiles(cache, monkeypatch):
    wording = r"(?P<n>\d+)\s+(?:further\s+)?(?P<kind>recommendations?|areas?\s+for\s+improvement)\b"
    compiled = re.compile(wording, re.IGNORECASE)
    kept_patterns.keep()
    assert cache.exists()
    monkeypatch.setattr(re, "_cache", {})  # a new process
    monkeypatch.setattr(kept_patterns, "_loaded", {})
    kept_patterns.load("extract")
    loaded = re._cache[str, wording, re.IGNORECASE.value]  # put there by load: re.compile finds it
    assert re.compile(wording, re.IGNORECASE) is loaded and loaded == compiled
    assert loaded.groupindex == {"n": 1, "kind": 2}
    assert loaded.search("It made 4 Further Areas for Improvement.").group("n", "kind") == ("4", "Areas for Improvement")


@needs_engine
def test_a_kept_file_from_another_python_or_damaged_is_ignored(cache):
    wording = r"\bgraded\s+(?P<grade>good|adequate)\b"
    re.compile(wording)
    kept_patterns.keep()
    whole = cache.read_bytes()
    signature, entries = marshal.loads(whole)
    for damaged in (marshal.dumps(("another Python", entries)), whole[:len(whole) // 2], b"not marshal data"):
        cache.write_bytes(damaged)
        re._cache.clear()
        kept_patterns.load("extract")
        assert re._cache == {}  # nothing loaded: each pattern is compiled as before


@needs_engine
def test_a_second_run_reads_the_same_and_writes_nothing(tmp_path):
    """The command itself: the first run keeps its patterns, the second reads with them and
    has nothing new to keep, and a run over a damaged kept file reads the same and mends it."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    kept = tmp_path / "cache" / "briefing" / "patterns-extract.marshal"

    def run() -> str:
        done = subprocess.run([sys.executable, "-m", "briefing", "extract", str(REPORT), "--format", "json"],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    def patterns() -> set:
        return {(parts[0], flags) for flags, parts in marshal.loads(kept.read_bytes())[1]}

    first = run()
    made, made_of = kept.stat(), patterns()
    assert len(made_of) > 300  # the rules' patterns, not a handful
    assert run() == first
    assert kept.stat().st_mtime_ns == made.st_mtime_ns  # nothing new: not written again
    kept.write_bytes(b"\0" * 100)
    assert run() == first
    assert 300 < len(patterns()) and patterns() <= made_of  # the first run also parsed data/ (the YAML library's)


@needs_engine
def test_a_pack_made_twice_keeps_its_patterns_once(tmp_path):
    """A pack's PDF library builds one pattern from a set, in an order that changes with each
    process: kept, it made every pack rewrite (and grow) its kept file, 5 MB after 300 packs
    and a sixth of a pack's CPU to load and write. The second pack writes nothing."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONHASHSEED", None)  # each process its own hash seed, as a user's runs have
    kept = tmp_path / "cache" / "briefing" / "patterns-pack.marshal"

    def pack(n: int) -> None:
        done = subprocess.run([sys.executable, "-m", "briefing", "pack", "-o", str(tmp_path / f"pack{n}"),
                               "--formats", "pdf"], capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr

    pack(1)
    made = kept.stat()
    pack(2)  # its library's pattern is new again (a new hash seed): too few new patterns to write
    assert kept.stat().st_mtime_ns == made.st_mtime_ns and kept.stat().st_size == made.st_size


@needs_engine
def test_a_pack_that_reads_reports_keeps_its_patterns_apart_from_a_pack_of_datasets(tmp_path):
    """A pack given texts compiles the reading rules' patterns as well; kept with the pack's
    own, every pack of datasets (the bundled one, the web page's) loaded them for nothing."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    kept = tmp_path / "cache" / "briefing"
    from conftest import SEEDS

    old, new = SEEDS / "001_39753400560db361.txt", SEEDS / "004_1a42217144e4e44b.txt"
    if not (old.exists() and new.exists()):
        pytest.skip(f"the seeds are absent ({SEEDS}): clone the project with ../shared beside it to run this test")
    for args in ((old, new, "-o", tmp_path / "read"), ("-o", tmp_path / "bundled")):
        done = subprocess.run([sys.executable, "-m", "briefing", "pack", *map(str, args), "--formats", "json"],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
    reading, datasets = (marshal.loads((kept / f"patterns-{name}.marshal").read_bytes())[1]
                         for name in ("pack-reading", "pack"))
    assert len(reading) > len(datasets) + 200  # the reading rules' patterns, kept only where they are used
