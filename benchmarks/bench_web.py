"""Time briefing serve as a person meets it (targets: a 105-page report read and its review
page shown in under 1 s; a pack made and shown in under 1.5 s), p50 and p95.

Run by hand:  python benchmarks/bench_web.py [REPEATS]
A real `briefing serve` is started on a free port of 127.0.0.1 over a fresh data folder
holding the bundled example force; a client with a cookie jar (as a browser keeps the
session) then, REPEATS times each (after one of each to load the libraries, as a server
that has served one request has):
  upload: POST the 105-page PDF (bench_extract.py's, built from a seed) and GET the review
          page it redirects to;
  pack:   POST the pack form (the latest two inspections, Word, PDF, workbook and the web
          page) and GET the pack's page it redirects to.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfs import build_pdf, seed_lines  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "001_39753400560db361.txt"


def report_pdf(folder: Path) -> Path:
    from pypdf import PdfReader

    pdf, copies = folder / "report.pdf", 1
    while True:
        build_pdf(seed_lines(SEED) * copies, pdf, header="Northamptonshire Police - PEEL 2021/22")
        if len(PdfReader(str(pdf)).pages) >= 100:
            return pdf
        copies += 1


class Browser:
    def __init__(self, address: str):
        self.address = address
        self.open = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())).open

    def get(self, path: str) -> str:
        return self.open(self.address + path.lstrip("/"), timeout=60).read().decode()

    def token(self, path: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', self.get(path)).group(1)

    def post(self, path: str, fields: dict, files: dict | None = None) -> str:
        """The form sent (multipart when it carries files); the page it redirects to, read."""
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in fields.items()]
        parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                  f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n"
                  for k, (name, data) in (files or {}).items()]
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.address + path.lstrip("/"), data=body, method="POST", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        return self.open(request, timeout=60).read().decode()


def server_cpu(pid: int) -> float:
    """The server's CPU seconds so far, with its finished helpers (the forked writers and
    PDF reader): what a request costs whatever else the machine is doing. Linux only."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def timed(job, repeats: int, pid: int) -> tuple[list[float], list[float]]:
    job()
    times, cpus = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), server_cpu(pid)
        job()
        times.append(time.perf_counter() - start)
        cpus.append(server_cpu(pid) - cpu)
    return times, cpus


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]


def main(repeats: int = 20) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdf = report_pdf(tmp).read_bytes()
        server = subprocess.Popen([sys.executable, "-m", "briefing", "serve", "--data", str(tmp / "office"),
                                   "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            address = next(re.search(r"(http://\S+)", line).group(1) for line in server.stdout
                           if line.startswith("Open "))
            browser = Browser(address)
            browser.post("/example", {"csrf_token": browser.token("/")})

            def upload():
                page = browser.post("/reports/new", {"csrf_token": browser.token("/reports/new")},
                                    {"report": ("report.pdf", pdf)})
                assert "Check what was read" in page

            def pack():
                page = browser.post("/packs/new", {"csrf_token": browser.token("/packs/new"), **pack_form(browser)})
                assert "The briefing" in page and "Download" in page

            for name, job, target in (("upload a 105-page PDF and show its review", upload, 1.0),
                                      ("make a pack and show it", pack, 1.5)):
                times, cpus = timed(job, repeats, server.pid)
                print(f"{name}: p50 {statistics.median(times):.2f} s, p95 {p95(times):.2f} s, best {min(times):.2f} s "
                      f"wall; server CPU p50 {statistics.median(cpus):.2f} s, p95 {p95(cpus):.2f} s; over {repeats} "
                      f"requests (target {target} s)")
            print(f"load average {Path('/proc/loadavg').read_text().split()[0]} on {os.cpu_count()} cores")
        finally:
            server.terminate()
            server.wait(timeout=20)


def pack_form(browser: Browser) -> dict:
    """The pack form as the page offers it: its chosen inspections and defaults."""
    html = browser.get("/packs/new")
    chosen = {name: value for name, value in re.findall(r'<input type="radio" id="[^"]*" name="(older|newer)" '
                                                       r'value="([^"]+)" checked', html)}
    return {**chosen, "audience": "pcc", "marking": "OFFICIAL", "author": "", "force": "Northamptonshire Police"}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
