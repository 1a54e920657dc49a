"""External programs the suite checks files with (LibreOffice, Chromium), each tried once on a
tiny file before any test relies on it.

A program on the PATH is not a program that can do the job: Debian's libreoffice-core
ships the PDF import library although only libreoffice-draw can open a PDF, and a
Chromium without its sandbox or fonts may start and then fail. So each check converts or
opens a real file once per session, and a test that needs it skips with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

INSTALL = ".ci/run installs it (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui, libreoffice-draw-nogui)"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def soffice_convert(source: Path, out_dir: Path, to: str, profile: Path) -> subprocess.CompletedProcess:
    """LibreOffice headless, with a profile of its own so runs never share a lock."""
    return subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", to,
                           "--outdir", str(out_dir), str(source)], capture_output=True, text=True, timeout=180)


def _tiny(kind: str, folder: Path) -> Path:
    path = folder / f"tiny.{kind}"
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("Investigating crime")
        document.save(str(path))
    elif kind == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.active["A1"] = "Investigating crime"
        workbook.save(str(path))
    else:
        from reportlab.pdfgen.canvas import Canvas

        canvas = Canvas(str(path))
        canvas.drawString(72, 720, "Investigating crime")
        canvas.save()
    return path


def soffice_convert_all(sources: list[Path], out_dir: Path, to: str, profile: Path) -> subprocess.CompletedProcess:
    """Several files converted by one LibreOffice start (each start costs about a second of
    CPU); the sources' names must differ in more than their suffix, or the outputs collide."""
    return subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", to,
                           "--outdir", str(out_dir), *map(str, sources)], capture_output=True, text=True, timeout=180)


KINDS = ("docx", "xlsx", "pdf")


@cache
def _libreoffice_problems() -> dict[str, str]:
    """Why LibreOffice cannot open each kind of file here ("" where it just did): a one-line
    file of every kind, converted in one start."""
    if shutil.which("soffice") is None:
        return dict.fromkeys(KINDS, f"LibreOffice (soffice) is not installed; {INSTALL}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for kind in KINDS:
            (folder / kind).mkdir()
            sources.append(_tiny(kind, folder / kind).rename(folder / f"tiny-{kind}.{kind}"))
        try:
            run = soffice_convert_all(sources, folder / "out", "pdf", folder / "profile")
        except subprocess.TimeoutExpired:
            return {kind: f"LibreOffice did not convert a one-line .{kind} within 180 s" for kind in KINDS}
        said = [line.strip() for line in run.stderr.splitlines() if line.strip()]
        return {kind: "" if (folder / "out" / f"tiny-{kind}.pdf").exists() else
                (f"this LibreOffice cannot open a .{kind} file (tried a one-line one: "
                 f"{said[-1][:120] if said else 'no output'}); {INSTALL}") for kind in KINDS}


def libreoffice_problem(kind: str) -> str:
    """Why LibreOffice cannot open a .`kind` file here, or "" when it just did."""
    return _libreoffice_problems()[kind]


def need_libreoffice(kind: str) -> None:
    problem = libreoffice_problem(kind)
    if problem:
        pytest.skip(problem)


@cache
def chromium_problem() -> str:
    """Why the browser checks cannot run here, or "" when Chromium just opened a page."""
    path = chromium_path()
    if path is None:
        return "Chromium is not installed (Debian package chromium); .ci/run installs it"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright is not installed; the README's test install includes it"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.set_content("<p>Investigating crime</p>")
            found = page.inner_text("p")
            browser.close()
    except Exception as exc:  # any failure to start or drive it is a reason to skip, said once
        return f"Chromium at {path} could not open a page ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})"
    return "" if found == "Investigating crime" else "Chromium opened a page but showed none of its text"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")
