"""Every command is documented in the README and has help with an example."""

from __future__ import annotations

import pytest
from conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    from briefing.cli import _register, cli

    _register()
    return sorted(cli.commands)


def test_the_command_set():
    assert commands() == ["compare", "email", "extract", "history", "pack", "register", "response", "serve", "show",
                          "tracker", "validate"]


@pytest.mark.parametrize("name", commands())
def test_command_is_in_the_readme_and_has_help(runner, name):
    assert f"briefing {name}" in README
    result = invoke(runner, name, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_help_is_instant_because_writers_load_lazily():
    import subprocess
    import sys

    code = ("import sys; from briefing.cli import main; sys.argv=['briefing','--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('docx', 'reportlab', 'openpyxl', 'numpy') if m in sys.modules]\n"
            "print('heavy=' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "heavy="


def _quick_start() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_runs_the_readmes_test_command_from_the_lock():
    main, tests = _quick_start()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == tests
    assert "-r requirements/test.txt" in tests and "-r requirements/run.txt" in main
    assert main.endswith("briefing pack") and tests.endswith("python -m pytest")
    refresh = (ROOT / ".ci" / "refresh-lock").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert refresh == tests  # refreshing the lock runs the same tests
    assert "`.ci/refresh-lock`" in README or ".ci/refresh-lock\n" in README


def test_the_lock_pins_every_package_with_hashes():
    import re

    for name in ("run.txt", "test.txt"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        packages = re.findall(r"^([a-z0-9][a-z0-9._-]*)==\S+ \\$", text, re.MULTILINE | re.IGNORECASE)
        assert packages and "--hash=sha256:" in text
        assert not re.search(r"^[a-z0-9][a-z0-9._-]*(?:[<>~!]=|$)", text, re.MULTILINE | re.IGNORECASE)
        assert "/opt/" not in text and "/tmp/" not in text and "/work/" not in text  # no machine's paths
    assert {"pyyaml", "hatchling"} <= set(re.findall(r"^([a-z0-9._-]+)==", text, re.MULTILINE))
