"""Hostile and careless input, as a user would meet it: each case runs the real command and
must end in one clear line within 5 seconds.

Cases run in this process through click's CliRunner; those where memory or the C stack is
the point (bombs, oversized files) run in a process of their own held to 512 MB of address
space, and those about signals and kills run the installed command. Every bomb is
generated here at test time; none is committed.
"""

from __future__ import annotations

import email
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATASETS, ROOT

BRIEFING = [sys.executable, "-m", "briefing"]
MEMORY = 512 * 1024 * 1024
SECONDS = 5.0
VALID = "force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03-01\n"


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def run(*args, seconds: float = SECONDS, env: dict | None = None) -> Outcome:
    """The command as a user runs it, in this process; its time is checked, its output returned.

    The time checked is this process's CPU time: it is what a runaway pattern spends, and
    unlike the wall clock it does not grow when the suite runs beside itself on every core."""
    from briefing.cli import _register, cli

    _register()
    start = time.process_time()
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)
    elapsed = time.process_time() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s of CPU"
    assert "unexpected failure" not in result.stderr, result.stderr
    return Outcome(result.exit_code, result.stdout, result.stderr)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(*args, seconds: float = SECONDS, env: dict | None = None) -> Outcome:
    """The installed command in a process of its own held to 512 MB: for bombs, where a
    failure would take memory or the C stack with it. Its CPU time is checked, as run()'s is."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([*BRIEFING, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                            timeout=seconds * 4, preexec_fn=_limit_memory, env={**os.environ, **(env or {})})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert elapsed < seconds, f"took {elapsed:.1f} s of CPU"
    assert "Traceback" not in result.stderr and "unexpected failure" not in result.stderr, result.stderr
    return Outcome(result.returncode, result.stdout, result.stderr)


def one_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- datasets: every command that reads one gives the same line ----------------------------

def alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


CASES = {
    "alias-bomb.yaml": (alias_bomb(), "line 2: YAML aliases (*name) are not read; write the value out in full"),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "line 1: nested more than 64 levels deep; a dataset needs four"),
    "deep.yaml": ("force: " + "[" * 100_000 + "]" * 100_000 + "\n",
                  "line 1: nested more than 64 levels deep; a dataset needs four"),
    "duplicate.yaml": (VALID + "force: Essex Police\n",
                       "line 4: 'force' appears twice in the same block (lines 1 and 4); keep one"),
    "line-true.yaml": (VALID + "findings:\n  - kind: area-for-improvement\n    text: Do better.\n    line: true\n",
                       "line 7: line must be a whole number from 1, not True"),
    "far-future.yaml": (VALID.replace("2022-03-01", "9999-12-31"),
                        f"line 3: published year 9999 is not between 1990 and {date.today().year + 1}"),
    "no-force.yaml": ("cycle: peel-2021-22\npublished: 2022-03-01\n",
                      "line 1: missing 'force' (every dataset needs force and cycle)"),
    "many.yaml": (VALID + "findings:\n" + "  - {kind: area-for-improvement, text: Do better.}\n" * 1001,
                  "line 4: 'findings' has 1,001 entries; an inspection has at most 1,000"),
    "long.yaml": (VALID + "findings:\n  - kind: area-for-improvement\n    text: " + "word " * 2500 + "\n",
                  "line 6: 'text' is 12,499 characters; one entry is at most 10,000 (are several run together?)"),
}


BOMBS = {"alias-bomb.yaml", "deep.json", "deep.yaml"}  # each in a bounded process of its own


@pytest.mark.parametrize("command", ["validate", "show"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_dataset_gets_one_line_within_bounds(tmp_path, name, command):
    text, message = CASES[name]
    path = write(tmp_path, name, text)
    result = (run_bounded if name in BOMBS else run)(command, path)
    assert result.returncode == 1
    problem = [line.removeprefix("Error: ") for line in result.stderr.splitlines()
               if line.removeprefix("Error: ").startswith(str(path))]
    assert problem == [f"{path}, {message}"], result.stderr


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep.json"])
def test_compare_and_pack_refuse_the_same_bombs(tmp_path, name):
    text, message = CASES[name]
    path = write(tmp_path, name, text)
    for args in (["compare", path, DATASETS["peel-2023-25"]], ["pack", path, DATASETS["peel-2023-25"], "-o", tmp_path]):
        result = run_bounded(*args)
        assert result.returncode == 1
        assert one_line(result) == f"Error: {path}, {message}"
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_pipes_and_devices_are_not_read(tmp_path, special):
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "dataset.yaml"
        os.mkfifo(path)
    result = run("validate", path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{path}: is not a regular file (a pipe or a device); give the dataset itself"
    report = run("extract", path)
    assert one_line(report) == f"Error: {path}: is not a regular file (a pipe or a device); give the report itself"


def test_an_oversized_dataset_is_refused_by_a_bounded_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("w") as handle:
        handle.write(VALID + "notes: >\n")
        for _ in range(21 * 1024):
            handle.write("  " + "x" * 1021 + "\n")
    result = run_bounded("validate", path)
    assert result.stderr.splitlines()[0] == (f"{path}: file is over 20 MB; a dataset is at most 20 MB "
                                             "(is this the right file?)")


def test_control_characters_are_cleaned_once_for_every_output(tmp_path):
    path = tmp_path / "ctrl.json"
    path.write_text(json.dumps({
        "force": "Kent\u0007 Police", "cycle": "peel-2021-22", "published": "2022-03-01",
        "findings": [{"kind": "area-for-improvement", "text": "The force should \u001b[31mimprove\u0000 its records."}]}))
    shown = run("show", path)
    assert shown.returncode == 0
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and "Kent Police" in shown.stdout
    later = write(tmp_path, "later.yaml", VALID.replace("2022-03-01", "2024-05-01").replace("peel-2021-22", "peel-2023-25"))
    packed = run("pack", path, later, "-o", tmp_path / "out", "--formats", "docx,xlsx,json", seconds=15)
    assert packed.returncode == 0, packed.stderr
    model = json.loads(next((tmp_path / "out").glob("*.json")).read_text())
    assert "The force should [31mimprove its records." in json.dumps(model, ensure_ascii=False)


@pytest.mark.parametrize("name", ["clear\x1b[2J.yaml", "two\nlines.yaml"])
def test_a_file_name_cannot_drive_the_terminal(tmp_path, name):
    path = write(tmp_path, name, "force: Kent Police\ncycle: peel-2021-22\npublished: 2022-13-01\n")
    result = run("show", path)
    assert result.returncode == 1
    line = one_line(result)
    assert "\x1b" not in line and ("\\x1b[2J" in line or "two\\x0alines" in line), line
    assert "line 3" in line


# --- report text: every pattern is linear on hostile lines -----------------------------------

HOSTILE_LINES = ["[" * 200_000, "<a" * 100_000, "](" * 100_000, "<sup>" * 40_000, "a " * 100_000,
                 "Good " * 40_000, "The force should " * 12_000, "1. " * 66_000, "\t" * 200_000, "AFI " * 50_000,
                 "PEEL 2021/22 " * 15_000, "requires improvement: " * 9_000, "-" * 200_000, "(" * 200_000]


@pytest.mark.parametrize("index", range(len(HOSTILE_LINES)))
def test_report_patterns_stay_linear_on_200000_character_lines(tmp_path, index):
    suffix = (".md", ".txt", ".html")[index % 3]  # each reader's own patterns get their turn
    path = write(tmp_path, f"report{suffix}", "# Kent Police PEEL 2021/22\n" + HOSTILE_LINES[index] + "\n")
    result = run("extract", path)
    assert result.returncode in (0, 1)


# --- nonsense pairs ------------------------------------------------------------------------

def test_nonsense_pairs_are_refused_saying_which_is_which(tmp_path):
    old, new = DATASETS["peel-2021-22"], DATASETS["peel-2023-25"]
    reversed_ = run("compare", new, old)
    assert reversed_.returncode == 1
    assert one_line(reversed_) == ("Error: OLD (Northamptonshire Police, PEEL 2023-25 (16 February 2024)) is "
                                   "later than NEW (Northamptonshire Police, PEEL 2021/22 (24 November 2021)); give the "
                                   "earlier inspection first")
    twice = run("pack", new, new, "-o", tmp_path)
    assert one_line(twice).endswith("OLD and NEW are the same inspection (Northamptonshire Police, PEEL 2023-25 "
                                    "(16 February 2024)); give the earlier inspection first and the later one second")
    other = write(tmp_path, "kent.yaml", VALID.replace("2022-03-01", "2024-05-01").replace("peel-2021-22", "peel-2023-25"))
    forces = run("compare", old, other)
    assert one_line(forces) == ("Error: OLD is Northamptonshire Police, PEEL 2021/22 (24 November 2021) and "
                                "NEW is Kent Police, PEEL 2023-25 (1 May 2024): a briefing compares two inspections "
                                "of one force; give two inspections of the same force")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_deliberate_pair_of_forces_says_so_on_page_one(tmp_path):
    from pypdf import PdfReader

    other = write(tmp_path, "kent.yaml", VALID.replace("2022-03-01", "2024-05-01").replace("peel-2021-22", "peel-2023-25"))
    result = run("pack", DATASETS["peel-2021-22"], other, "--allow-different-forces", "--formats", "pdf",
                 "-o", tmp_path / "out", seconds=15)
    assert result.returncode == 0, result.stderr
    first_page = " ".join(PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages[0].extract_text().split())
    assert "compares two different forces, Northamptonshire Police and Kent Police" in first_page


def test_a_force_name_without_latin_letters_still_names_the_file_sensibly(tmp_path):
    old = write(tmp_path, "a.yaml", VALID.replace("Kent Police", "Гвардия"))
    new = write(tmp_path, "b.yaml", VALID.replace("Kent Police", "Гвардия").replace("2022-03-01", "2024-05-01")
                .replace("peel-2021-22", "peel-2023-25"))
    result = run("pack", old, new, "--formats", "json", "-o", tmp_path / "out", seconds=15)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["force-peel-2023-25-pcc-briefing.json",
                                                                     "force-peel-2023-25-pcc-briefing.manifest.json"]


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2023-01-01"], "the paper's date 2023-01-01 is before Northamptonshire Police's PEEL 2023-25 was "
                               "published (16 February 2024): give --date on or after 2024-02-16"),
    (["--chief-comments-by", "2019-05-01"], "--chief-comments-by 2019-05-01 is before Northamptonshire Police's "
                                            "PEEL 2023-25 was published (16 February 2024)"),
    (["--chief-comments-by", "2027-01-01"], "--chief-comments-by 2027-01-01 is after the s.55 period ends "
                                            "(11 April 2024): the chief constable's comments come before the PFCC's "
                                            "response")])
def test_dates_that_contradict_the_record_are_refused(tmp_path, args, message):
    """A paper dated before the report it briefs would count down to a deadline it cannot know."""
    result = run("pack", "-o", tmp_path, *args)
    assert result.returncode == 1
    assert one_line(result).endswith(message), result.stderr
    assert not list(tmp_path.iterdir())


def test_a_date_inside_the_s55_period_is_taken(tmp_path):
    result = run("pack", "-o", tmp_path, "--formats", "json", "--chief-comments-by", "2024-03-28", "--date", "2024-03-01",
                 seconds=15)
    assert result.returncode == 0, result.stderr
    assert "requested by 28 March 2024" in (tmp_path / "northamptonshire-police-peel-2023-25-pcc-briefing.json").read_text()


# --- matching and workbooks -----------------------------------------------------------------

def test_a_lopsided_pair_matches_within_bounds(tmp_path):
    many = VALID + "findings:\n" + "".join(
        f"  - {{kind: area-for-improvement, text: 'The force should improve how it records crime {i} "
        f"and supervises investigation {i * 7}.'}}\n" for i in range(1000))
    old = write(tmp_path, "old.yaml", many)
    new = write(tmp_path, "new.yaml", VALID.replace("2022-03-01", "2024-05-01").replace("peel-2021-22", "peel-2023-25")
                + "findings:\n  - {kind: cause-of-concern, text: The force should improve how it records crime.}\n")
    result = run("compare", old, new, "--format", "json")
    assert result.returncode == 0, result.stderr
    persisting = json.loads(result.stdout)["persisting"]
    assert {p["new"]["text"] for p in persisting} == {"The force should improve how it records crime."}


def test_email_attaches_a_zip_bomb_workbook_as_bytes_never_unpacking_it(tmp_path):
    """What an email says comes from the pack's manifest, so a workbook that would unpack to
    210 MB is attached as the bytes it is, in bounded time and memory, and never opened."""
    workbook = tmp_path / "kent-peel-briefing.xlsx"
    with zipfile.ZipFile(workbook, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"<row/>" * (1 << 20)
            for _ in range(35):
                member.write(block)
    assert workbook.stat().st_size < 2 * 1024 * 1024
    (tmp_path / "kent-peel-briefing.manifest.json").write_text(
        '{"title": "Kent Police: PEEL briefing", "marking": "OFFICIAL", "headline": ["Grades: 1 up."]}',
        encoding="utf-8")
    result = run_bounded("email", tmp_path, "--to", "pcc@example.org", "--dry-run", "--attach", "xlsx")
    assert result.returncode == 0, result.stderr
    sent = email.message_from_bytes((tmp_path / "kent-peel-briefing.eml").read_bytes(), policy=policy.default)
    (attached,) = [part.get_content() for part in sent.iter_attachments()]
    assert attached == workbook.read_bytes()


def _broken(workbook: Path, how: str, out: Path) -> Path:
    """The pack's own workbook, broken as files are broken: a sheet's XML cut short (a sync
    that stopped), a sheet's compressed bytes flipped (a bad disk), or replaced by the OLE
    wrapper Office puts round a password-protected workbook."""
    data = bytearray(workbook.read_bytes())
    with zipfile.ZipFile(workbook) as archive:
        if how == "password":
            data = bytearray(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096))
        elif how == "flipped":
            info = archive.getinfo("xl/worksheets/sheet8.xml")
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            data[start + 40:start + 80] = bytes(b ^ 0xFF for b in data[start + 40:start + 80])
        else:
            with zipfile.ZipFile(out, "w") as copy:
                for item in archive.infolist():
                    body = archive.read(item)
                    copy.writestr(item, body[:len(body) // 2] if item.filename.endswith("sheet8.xml") else body)
            return out
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize(("how", "words"), [("password", "is password-protected, or an old .xls workbook"),
                                            ("flipped", "is damaged ("),
                                            ("cut", "is damaged (")])
def test_a_damaged_or_locked_tracker_is_one_line(default_pack, tmp_path, how, words):
    tracker = _broken(default_pack.path("xlsx"), how, tmp_path / "tracker.xlsx")
    result = run("pack", "--tracker", tracker, "-o", tmp_path / "out", "--formats", "docx", seconds=15)
    assert result.returncode == 1
    assert one_line(result).startswith(f"Error: {tracker}: {words}"), result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- email settings and addresses -------------------------------------------------------------

@pytest.fixture
def pack_dir(default_pack, tmp_path) -> Path:
    return default_pack.copy(tmp_path / "pack")


@pytest.mark.parametrize(("to", "message"), [
    ("not an address<>", "--to 'not an address<>' is not an email address (name@example.org); separate several "
                         "with commas"),
    ("pcc@example.org\nBcc: x@evil.example", "--to 'pcc@example.org\\nBcc: x@evil.example': an address cannot hold a "
                                            "line break or control character"),
    ("pcc@example.org, chief@", "--to 'chief@' is not an email address (name@example.org); separate several with "
                               "commas"),
])
def test_a_bad_recipient_is_refused_before_anything_is_written(pack_dir, to, message):
    result = run("email", pack_dir, "--to", to, "--dry-run")
    assert one_line(result) == f"Error: {message}"
    assert not list(pack_dir.glob("*.eml"))


def test_both_comma_separated_recipients_are_addressed(pack_dir):
    result = run("email", pack_dir, "--to", "pcc@example.org, chief@example.org", "--dry-run")
    assert result.returncode == 0, result.stderr
    from email import message_from_bytes

    message = message_from_bytes(next(pack_dir.glob("*.eml")).read_bytes())
    assert message["To"] == "pcc@example.org, chief@example.org"


@pytest.mark.parametrize(("config", "message"), [
    (b"smtp:\n  host: mail.example.org\n  from: caf\xe9@example.org\n", "line 3: not UTF-8 text; save the file as UTF-8"),
    (b"smtp:\n  host: mail.example.org\n  port: [25, 587]\n", "line 3: 'port' must be a single value, not list"),
])
def test_a_bad_config_file_names_its_line(tmp_path, config, message):
    path = tmp_path / "config.yaml"
    path.write_bytes(config)
    result = run("email", "--check", "--config", path, env={"BRIEFING_SMTP_HOST": ""})
    assert one_line(result) == f"Error: {path}, {message}"


def test_a_port_out_of_range_is_not_called_connection_refused():
    result = run("email", "--check", env={"BRIEFING_SMTP_HOST": "127.0.0.1", "BRIEFING_SMTP_PORT": "99999",
                                          "BRIEFING_SMTP_FROM": "a@example.org"})
    assert one_line(result) == "Error: BRIEFING_SMTP_PORT 99999 is not a port number (1 to 65535)"


def test_a_password_in_a_config_others_can_read_is_warned_about(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("smtp:\n  host: 127.0.0.1\n  port: 1\n  user: a\n  password: s3cret\n  from: a@example.org\n"
                    "  security: none\n")
    path.chmod(0o644)
    result = run("email", "--check", "--config", path, env={"BRIEFING_SMTP_HOST": ""})
    assert f"Warning: {path} holds a password and others can read it (mode 644); run: chmod 600 {path}" in result.stderr
    assert "s3cret" not in result.stderr
    path.chmod(0o600)
    assert "Warning" not in run("email", "--check", "--config", path, env={"BRIEFING_SMTP_HOST": ""}).stderr


# --- interruptions ------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _start_pack(out: Path) -> subprocess.Popen:
    return subprocess.Popen([*BRIEFING, "pack", "-o", str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not Path("/proc").exists(), reason="needs /proc to find the writer processes")
@pytest.mark.parametrize("moment", [0.15, 0.3, 0.45])  # while libraries load, while the writers run, at commit
def test_a_killed_pack_leaves_no_orphan_and_the_previous_pack_intact(default_pack, tmp_path, moment):
    out = default_pack.copy(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    process = _start_pack(out)
    time.sleep(moment)
    writers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in writers) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in writers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)], "orphan writers"
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.endswith(".part")}
    assert sorted(after) == sorted(before)
    for name, data in after.items():  # each file is the earlier one, or a whole new one renamed into place
        assert data == before[name] or _complete(name, data), f"{name} is damaged"
    assert run("pack", "-o", out, seconds=15).returncode == 0
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]


def _complete(name: str, data: bytes) -> bool:
    if name.endswith(".pdf"):
        return data.rstrip().endswith(b"%%EOF")
    if name.endswith(".json"):
        json.loads(data)
        return True
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.testzip() is None


def _wait_for_handlers(pid: int) -> None:
    """Until the process catches SIGTERM: the first thing briefing does, so from here on a
    signal is the program's to handle (the kernel's SigCgt mask says so, however busy CI is)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            caught = next(int(line.split()[1], 16) for line in status.read_text().splitlines()
                          if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            caught = 0
        if caught & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.005)
    pytest.fail("briefing never installed its signal handlers")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.parametrize(("sig", "code", "line"), [(signal.SIGINT, 130, "Error: interrupted"),
                                                   (signal.SIGTERM, 143, "Error: interrupted (terminated)")])
@pytest.mark.parametrize("moment", [0.05, 0.15, 0.25])  # while libraries load, and while writers run
def test_an_interrupted_pack_says_so_and_writes_nothing(tmp_path, sig, code, line, moment):
    process = _start_pack(tmp_path)
    _wait_for_handlers(process.pid)  # before the program's first line, no program can answer for itself
    time.sleep(moment)
    process.send_signal(sig)
    _, err = process.communicate(timeout=20)
    whole = {p.suffix for p in tmp_path.iterdir()} >= {".pdf", ".docx", ".xlsx"}
    if process.returncode == 0 or (process.returncode == -sig and whole):
        # finished, or finished and shutting down (the interpreter's last moments have the default handlers back)
        pytest.skip("the pack finished before the signal arrived")
    assert process.returncode == code, err
    assert err.strip().splitlines()[-1] == line and "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".xlsx") or p.name.endswith(".part")]


# --- whole packs or none -----------------------------------------------------------------

def test_a_folder_in_the_way_leaves_the_earlier_pack_whole(default_pack, tmp_path):
    out = default_pack.copy(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    pdf = next(p for p in out.iterdir() if p.suffix == ".pdf")
    pdf.unlink()
    pdf.mkdir()  # a folder where the PDF goes
    (pdf / "keep.txt").write_text("someone's notes", encoding="utf-8")
    result = run("pack", "-o", out, seconds=60)
    assert result.returncode == 1
    assert one_line(result) == f"Error: {pdf}: a folder is in the way; nothing of this pack was written"
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == {k: v for k, v in before.items() if k != pdf.name}  # every other file is the earlier one
    assert (pdf / "keep.txt").exists() and not [p for p in out.iterdir() if p.name.endswith(".part")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may replace any file; the check needs an ordinary user")
def test_a_file_that_cannot_be_replaced_leaves_the_earlier_pack_whole(default_pack, tmp_path):
    out = default_pack.copy(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    out.chmod(0o555)  # a folder this user may read but not change
    try:
        result = run("pack", "-o", out, seconds=60)
    finally:
        out.chmod(0o755)
    assert result.returncode == 1 and "nothing of this pack was written" in one_line(result)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_stale_parts_of_a_killed_run_go_whatever_formats_it_wrote(default_pack, tmp_path):
    out = default_pack.copy(tmp_path / "out")
    stem = next(p for p in out.iterdir() if p.suffix == ".pdf").stem
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()  # a process id that has ended
    stale = [out / f".{stem}.html.{dead}-abc.part", out / f".{stem}.json.{dead}-def.part"]
    for path in stale:
        path.write_bytes(b"half a file")
    assert run("pack", "-o", out, "--formats", "pdf", seconds=60).returncode == 0
    assert not any(p.exists() for p in stale)


def test_a_file_refused_at_the_last_moment_puts_every_file_back(tmp_path, monkeypatch):
    """Where the folder allows writing but one file cannot be replaced (someone else's, in a
    shared folder with the sticky bit), the files already moved aside go back: the pack on
    disk is the earlier one whole. Shown with a replace that fails for the workbook."""
    from briefing import atomic
    from briefing.errors import InputError

    finals = [tmp_path / "pack.docx", tmp_path / "pack.pdf", tmp_path / "pack.xlsx"]
    for final in finals:
        final.write_bytes(b"earlier " + final.suffix.encode())
    real = os.replace

    def replace(src, dst):
        if str(src).endswith("pack.xlsx"):
            raise PermissionError(1, "Operation not permitted")
        return real(src, dst)

    with pytest.raises(InputError, match=r"pack\.xlsx: cannot be replaced \(operation not permitted\)"):
        with atomic.atomic_batch() as batch:
            for final in finals:
                batch.path_for(final).write_bytes(b"new")
            monkeypatch.setattr(atomic.os, "replace", replace)
            batch.commit()
    monkeypatch.undo()
    assert [f.read_bytes() for f in finals] == [b"earlier .docx", b"earlier .pdf", b"earlier .xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.docx", "pack.pdf", "pack.xlsx"]


# --- every bound a bound --------------------------------------------------------------------

def test_a_text_under_the_file_limit_but_past_any_reports_length_is_refused_at_once(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as f:
        line = "Northshire Police is adequate at investigating crime, and the force should improve. " * 4 + "\n"
        for _ in range(45 * 1024 * 1024 // len(line)):
            f.write(line)
    result = run_bounded("extract", path, seconds=10)
    assert result.returncode == 1
    assert "characters of text; a report has at most 4,000,000 (is this one report?)" in one_line(result)


def test_a_page_of_more_paragraphs_than_a_report_has_lines_is_refused_within_bounds(tmp_path):
    """120,000 paragraphs, half as many again as a report may have lines: the page is read in
    linear time and refused in one line (a million took ten times as long, 15 s of CPU, for the
    same proof)."""
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + "<p>x</p>" * 120_000 + "</body></html>", encoding="utf-8")
    result = run_bounded("extract", path, seconds=5)
    assert result.returncode == 1 and "lines of text; a report has at most 80,000" in one_line(result)


def test_a_pdf_page_of_30000_lines_reads_in_linear_time(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "tall.pdf"
    canvas = Canvas(str(path), pagesize=(600, 30000 * 2 + 100))
    canvas.setFont("Helvetica", 1.5)
    for i in range(30000):
        canvas.drawString(20, 50 + i * 2, f"entry {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}{chr(65 + i // 676 % 26)} "
                                           "of a page no report has")
    canvas.showPage()
    canvas.save()
    from briefing.extract.reader import read_report

    start = time.process_time()  # CPU: one page is read in this process, and CPU does not grow with the load
    lines, _ = read_report(path)
    assert time.process_time() - start < 10 and len([l for l in lines if l.text.strip()]) >= 29000


def test_a_pdf_of_blank_pages_is_called_a_scan_after_its_first_pages(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "blank.pdf"
    canvas = Canvas(str(path))
    for _ in range(1000):
        canvas.showPage()
    canvas.save()
    result = run_bounded("extract", path, seconds=10)
    assert one_line(result).endswith("the first 25 pages have no text layer (a scan?); run it through OCR first")


def test_a_pdf_past_any_reports_length_is_refused_before_its_pages_are_read(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "long.pdf"
    canvas = Canvas(str(path))
    for page in range(2000):
        canvas.drawString(72, 720, f"Page {page} of small text. The force should improve.")
        canvas.showPage()
    canvas.save()
    result = run_bounded("extract", path, seconds=5)
    assert one_line(result).endswith("2,000 pages; a report has at most 1,500 (is this one report?)")


def test_a_tracker_claiming_a_million_rows_is_refused_before_a_cell_is_read(default_pack, tmp_path):
    """The sheet's own dimension is read first; rows are never walked to find the size."""
    tracker = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(default_pack.path("xlsx")) as archive, zipfile.ZipFile(tracker, "w") as copy:
        for item in archive.infolist():
            body = archive.read(item)
            if item.filename == "xl/worksheets/sheet8.xml":
                assert b"<dimension ref=" in body
                body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:R1000000"', body)
            copy.writestr(item, body)
    result = run("pack", "--tracker", tracker, "-o", tmp_path / "out", "--formats", "docx", seconds=10)
    assert one_line(result) == (f"Error: {tracker}, Actions!A1000000: 1,000,000 rows; a tracker holds one row a "
                                "finding, at most 50,000")
