"""The tool's own data files parsed once and kept between runs (briefing.parsed_cache): what
is read back is what parsing gives, an edited file or a damaged kept file is parsed again,
a cache that cannot be written changes nothing, and a user's own files are never kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import parsed_cache, resources
from briefing.ingest.dataset import _documents
from briefing.ingest.located_yaml import documents_of
from briefing.reference import FILES, _parse_yaml, _yaml


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "briefing" / "parsed"


def test_the_data_and_bundled_datasets_read_back_as_parsing_gives_them(cache):
    data = resources.data_dir()
    for name in FILES:
        path = data / name
        fresh = _parse_yaml(path, path.read_text(encoding="utf-8"))
        assert _yaml(path) == fresh  # parsed, then kept
        assert _yaml(path) == fresh  # read back
    for path in resources.bundled_datasets():
        fresh = documents_of(path, path.read_text(encoding="utf-8"))
        assert _documents(path) == fresh
        kept = _documents(path)
        assert kept == fresh and kept[0].line("findings", 0) == fresh[0].line("findings", 0)
    assert len(list(cache.glob("*.pickle"))) == len(FILES) + len(resources.bundled_datasets())


@pytest.fixture
def own_data(tmp_path, monkeypatch) -> Path:
    """A data folder of the tool's own, in a temporary place."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(resources, "data_dir", lambda: folder)
    return folder


def test_an_edited_file_is_parsed_again_even_at_the_same_size(cache, own_data):
    path = own_data / "wording.yaml"
    path.write_text("date: one\n", encoding="utf-8")
    assert _yaml(path) == {"date": "one"}
    path.write_text("date: two\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))  # not even its time says it changed
    assert _yaml(path) == {"date": "two"}


def test_a_damaged_kept_file_is_ignored_and_made_again(cache, own_data):
    path = own_data / "wording.yaml"
    path.write_text("date: one\n", encoding="utf-8")
    _yaml(path)
    (kept,) = cache.glob("wording-*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    assert _yaml(path) == {"date": "one"}
    assert parsed_cache._read(kept) is not None  # made again


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path, own_data, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file where the folder would go
    path = own_data / "wording.yaml"
    path.write_text("date: one\n", encoding="utf-8")
    assert _yaml(path) == {"date": "one"}
    assert _yaml(path) == {"date": "one"}


def test_a_users_own_dataset_is_never_kept(cache, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("force: Kent Police\npublished: 2024-01-02\n", encoding="utf-8")
    assert _documents(path)[0].data["force"] == "Kent Police"
    assert not cache.exists() or not list(cache.iterdir())


def test_a_kept_pack_loads_neither_the_yaml_library_nor_what_a_pack_never_uses(tmp_path):
    """The command itself, run twice: the second run reads data/ and the bundled datasets
    back without the YAML library, and no run loads the reading rules, the web page or
    mail sending (each costs a pack CPU at import and is never used by it)."""
    script = ("import sys, os; sys.argv = ['briefing', 'pack', '--formats', 'json', '-o', sys.argv[1]]; "
              "import briefing.entry as entry; "
              "entry._done = lambda: (print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith(("
              "'briefing.extract', 'briefing.web', 'briefing.mail.send', 'briefing.mail.message', "
              "'briefing.ingest.tracker', 'flask')))), sys.stdout.flush(), os._exit(0)); entry.main()")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(tmp_path / "out")], capture_output=True, text=True,
                           timeout=120, env=env) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert runs[0].stdout.splitlines()[-1] == "['yaml']"  # parsed, then kept
    assert runs[1].stdout.splitlines()[-1] == "[]"


def test_threads_keeping_one_file_at_once_leave_it_whole(cache, own_data):
    """The web page reads data/ from several threads: each writes under a name of its own."""
    from concurrent.futures import ThreadPoolExecutor

    path = own_data / "wording.yaml"
    path.write_text("date: " + "x" * 100_000 + "\n", encoding="utf-8")
    with ThreadPoolExecutor(8) as pool:
        assert all(value == {"date": "x" * 100_000} for value in pool.map(lambda _: _yaml(path), range(16)))
    (kept,) = cache.glob("wording-*")  # one kept file, no part left behind
    assert parsed_cache._read(kept)[1] == {"date": "x" * 100_000}
