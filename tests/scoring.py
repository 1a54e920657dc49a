"""Run one of ../shared's scorers with `briefing extract` called in this process.

The scorers start `briefing extract FILE --format json` once per text: some 300 processes
for the five corpora, each paying the tool's start-up (about 0.3 s of CPU, most of the
suite's time). Here the scorer is loaded as it is, unchanged, and its one call out is
answered by the same command line run through click's test runner, so each text costs
only its reading. The scorer's own code decides every score.

usage: python tests/scoring.py SCORER CORPUS   (prints the scorer's --json totals)
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
import types

from click.testing import CliRunner

from briefing.cli import _register, cli


def extract(args, **_ignored) -> subprocess.CompletedProcess:
    """What `subprocess.run([briefing, "extract", ...])` gives, from the command run here."""
    _register()
    result = CliRunner().invoke(cli, [str(arg) for arg in args[1:]])
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def _scorer(path: str) -> types.ModuleType:
    loader = importlib.machinery.SourceFileLoader("scorer", path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("scorer", loader))
    loader.exec_module(module)
    module.subprocess = types.SimpleNamespace(run=extract, TimeoutExpired=subprocess.TimeoutExpired)
    return module


def main(scorer: str, corpus: str) -> None:
    module = _scorer(scorer)
    sys.argv = [scorer, "--briefing", "briefing", "--json", corpus]
    module.main()


if __name__ == "__main__":
    main(*sys.argv[1:])
