from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "northamptonshire"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"

# Hypothesis searches the same examples on every run of the suite, so a clean clone's run
# cannot fail by chance on a corner no one has seen; BRIEFING_EXPLORE=1 searches afresh (and
# what it finds is kept as an @example beside the test).
settings.register_profile("suite", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("BRIEFING_EXPLORE") else "suite")


def pytest_configure(config):
    """The tool's bytecode written once, before the workers start: the suite runs `briefing` as a
    process some three hundred times (each corpus text is scored through `briefing extract`), and an
    editable install has no bytecode until something writes it; where PYTHONDONTWRITEBYTECODE is set,
    nothing would, and every process would compile the package again (a third of the suite's time)."""
    if not hasattr(config, "workerinput"):  # the controller only
        import compileall

        compileall.compile_dir(str(ROOT / "briefing"), quiet=1)


SEED_FILES = {
    "crime-2014": "000_1914ef850fb1422e.txt",
    "peel-2021-22": "001_39753400560db361.txt",
    "core-business-2014": "002_1596c6f2edc08509.txt",
    "peel-2017": "003_91f2f0a1905d6672.txt",
    "peel-2023-25": "004_1a42217144e4e44b.txt",
}

DATASETS = {
    "crime-2014": DATA / "2014-crime-inspection.yaml",
    "core-business-2014": DATA / "2014-core-business-letter.yaml",
    "peel-2017": DATA / "2017-effectiveness.yaml",
    "peel-2021-22": DATA / "2021-22-peel.yaml",
    "peel-2023-25": DATA / "2023-25-peel-article.yaml",
}


def seed(cycle: str) -> Path:
    """A seed document, or a skip saying why: the seeds live outside the repository."""
    path = SEEDS / SEED_FILES[cycle]
    if not path.exists():
        pytest.skip(f"seed {path} is absent: clone the project with ../shared beside it to run this test")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def inspections():
    from briefing.ingest.dataset import load_dataset

    return {cycle: load_dataset(path) for cycle, path in DATASETS.items()}


def invoke(runner: CliRunner, *args: str, columns: int = 80):
    """Run the CLI in-process; `columns` sets the terminal width tables wrap to."""
    from briefing.cli import _register, cli

    _register()
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False, env={"COLUMNS": str(columns)})


STEM = "northamptonshire-police-peel-2023-25-pcc-briefing"
BUNDLED_FORMATS = ("docx", "pdf", "xlsx", "html", "json")


@dataclass(frozen=True)
class DefaultPack:
    """The pack the README's main command makes, with every format, made once per session."""

    dir: Path
    stdout: str  # what `briefing pack` printed: the three files it wrote
    stderr: str
    briefing: object  # the Briefing model behind every file

    def path(self, ext: str) -> Path:
        return self.dir / f"{STEM}.{ext}"

    def copy(self, folder: Path) -> Path:
        """A private copy, for a test that writes beside the pack (an email draft, say)."""
        shutil.copytree(self.dir, folder, dirs_exist_ok=True)
        return folder


@pytest.fixture(scope="session")
def default_pack(tmp_path_factory) -> DefaultPack:
    from briefing.pack import PackRequest, make_pack

    out = tmp_path_factory.mktemp("default-pack")
    mask = os.umask(0o022)
    try:
        result = invoke(CliRunner(), "pack", "-o", out)
        assert result.exit_code == 0, result.output
        model = make_pack(PackRequest(out_dir=out, formats=("html", "json")))
    finally:
        os.umask(mask)
    return DefaultPack(out, result.stdout, result.stderr, model.briefing)


@pytest.fixture(scope="session")
def default_pack_printed(default_pack, tmp_path_factory):
    """The default pack's Word document, workbook and PDF as LibreOffice prints them (to PDF),
    all three in one start of it: {"docx": path, ...}, a kind LibreOffice cannot open here
    skipped where it is asked for (programs.need_libreoffice)."""
    from programs import KINDS, libreoffice_problem, soffice_convert_all

    if shutil.which("soffice") is None:
        pytest.skip(libreoffice_problem("docx"))
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = []
    for kind in KINDS:
        sources.append(folder / f"{kind}-pack.{kind}")
        sources[-1].write_bytes(default_pack.path(kind).read_bytes())
    run = soffice_convert_all(sources, folder / "out", "pdf", folder / "profile")
    return PrintedPack({kind: folder / "out" / f"{kind}-pack.pdf" for kind in KINDS}, run)


@dataclass
class PrintedPack:
    pdfs: dict
    run: object  # subprocess.CompletedProcess: its stderr says why a file is missing


@pytest.fixture(autouse=True)
def no_unexpected_failures(monkeypatch):
    """An "unexpected failure" line anywhere in the suite fails the test that caused it: every
    failure a user can meet must have its own clear line (issue 14)."""
    original = CliRunner.invoke

    def checked(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        output = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert "unexpected failure" not in output, output
        return result

    monkeypatch.setattr(CliRunner, "invoke", checked)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output (read the diff before committing)")
