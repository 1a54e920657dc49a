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
    assert commands() == ["compare", "email", "extract", "history", "pack", "response", "show", "tracker", "validate"]


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
