"""briefing serve's qualities, as a browser or another program meets them: every form needs
its CSRF token, uploads are bounded and told by their content, saves are whole and never
twice, the server is this computer's alone unless --host (then a token), one per folder.

Most run the application in-process (Flask's test client); the network ones start the real
`briefing serve` on a free port of 127.0.0.1.
"""

from __future__ import annotations

import io
import re
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import SEEDS
from test_email import smtp_server  # noqa: F401  (the email tests' SMTP server on 127.0.0.1)

HOST = {"Host": "127.0.0.1:8155"}
SEED_2023 = SEEDS / "004_1a42217144e4e44b.txt"
REPORT = ("Northamptonshire Police PEEL 2023-25\nPublished on: 16 February 2024\n"
          "PEEL 2023-2025: An inspection of Northamptonshire Police\n"
          "Preventing crime: Adequate\nInvestigating crime: Requires improvement\n")  # two grades, a cycle, a date


@pytest.fixture
def site(tmp_path):
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path / "office")
    app = create_app(folder)
    return folder, app


def written(folder) -> list[Path]:
    """Every file in the data folder (the locks aside)."""
    return [p for p in folder.root.rglob("*") if p.is_file() and not p.name.endswith(".lock")]


def token_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def client_with_token(app):
    client = app.test_client()
    return client, token_of(client.get("/reports/new", headers=HOST).text)


def upload(client, token: str, raw: bytes, name: str):
    return client.post("/reports/new", data={"csrf_token": token, "report": (io.BytesIO(raw), name)},
                       content_type="multipart/form-data", headers=HOST)


def review_form(client, location: str) -> tuple[dict, str]:
    """The review form's fields as the browser would send them unchanged."""
    html = client.get(location, headers=HOST).text
    fields = dict(re.findall(r'<input type="(?:text|url|hidden)"[^>]*? name="([^"]+)" value="([^"]*)"', html))
    fields["csrf_token"] = token_of(html)
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        fields[name] = chosen.group(1) if chosen else ""
    for name, body in re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = body
    return fields, html


def test_a_post_without_the_csrf_token_is_refused_and_writes_nothing(site):
    folder, app = site
    client = app.test_client()
    client.get("/", headers=HOST)
    for path in ("/example", "/reports/new", "/responses/new", "/packs/new"):
        answer = client.post(path, data={"pasted": REPORT}, headers=HOST)
        assert answer.status_code == 400 and "security token" in answer.text, path
        answer = client.post(path, data={"pasted": REPORT, "csrf_token": "forged"}, headers=HOST)
        assert answer.status_code == 400, path
    assert folder.empty and not (folder.root / ".drafts").exists() and not (folder.root / "example").exists()


def test_every_form_carries_the_token(site):
    folder, app = site
    client = app.test_client()
    folder.add_example()
    pages = ["/", "/reports/new", "/packs/new"]
    for path in pages:
        html = client.get(path, headers=HOST).text
        assert html.count("<form method=\"post\"") == html.count('name="csrf_token"'), path


def test_a_name_other_than_this_computer_is_refused(site):
    """DNS rebinding: another site's name pointed at 127.0.0.1 gets nothing."""
    _, app = site
    answer = app.test_client().get("/", headers={"Host": "attacker.example:8155"})
    assert answer.status_code == 421 and "127.0.0.1" in answer.text


def test_with_a_token_every_request_needs_it(tmp_path):
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    app = create_app(OfficeFolder.open(tmp_path), token="s3cret-token", local=False)
    client = app.test_client()
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    first = client.get("/?token=s3cret-token")
    assert first.status_code == 302 and "token" not in first.headers["Location"]
    assert client.get("/").status_code == 200
    assert app.test_client().get("/reports/new").status_code == 403  # another browser, no token


def test_an_oversized_upload_gets_one_clear_line_and_writes_nothing(site):
    folder, app = site
    client, token = client_with_token(app)
    answer = upload(client, token, b"%PDF-1.7\n" + b"0" * (51 * 1024 * 1024), "big.pdf")
    assert answer.status_code == 413
    assert "A report is at most 50 MB. Nothing was saved." in answer.text
    assert written(folder) == []


@pytest.mark.parametrize("raw, name, said", [
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200), "report.pdf", "is a Windows program, not a report"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "report.txt", "is a picture (PNG), not a report"),
    (b"\x7fELF\x02\x01\x01" + bytes(100), "report.docx", "is a program, not a report"),
    (b"PK\x03\x04" + bytes(100), "report.docx", "is a damaged zip file, not a report"),
])
def test_a_disguised_upload_gets_one_clear_line_and_writes_nothing(site, raw, name, said):
    folder, app = site
    client, token = client_with_token(app)
    answer = upload(client, token, raw, name)
    assert answer.status_code == 400
    summary = re.search(r'<div class="error-summary".*?</div>', answer.text, re.S).group(0)
    assert summary.count("<li>") == 1 and said in summary and 'href="#report"' in summary
    assert written(folder) == []


def test_the_kind_is_told_by_the_content_not_the_name(site):
    """A web page saved as report.txt is read as a web page: its script is not a fact, and
    what it says is shown escaped on the review page."""
    _, app = site
    client, token = client_with_token(app)
    page = (b"<html><body><script>alert('x')</script><h1>PEEL 2023-2025: An inspection of Northamptonshire Police"
            b"</h1><p>Preventing crime: Adequate</p><p>&lt;b&gt;bold&lt;/b&gt; words</p></body></html>")
    answer = upload(client, token, page, "report.txt")
    assert answer.status_code == 302
    _, html = review_form(client, answer.headers["Location"])
    source = client.get(answer.headers["Location"] + "/source", headers=HOST).text
    assert "alert(" not in html + source and "<b>bold" not in html + source and "&lt;b&gt;bold&lt;/b&gt;" in source


def test_correcting_a_grade_and_saving_writes_the_dataset(site):
    from briefing.ingest.dataset import load_dataset

    folder, app = site
    client, token = client_with_token(app)
    location = upload(client, token, REPORT.encode(), "report.txt").headers["Location"]
    fields, html = review_form(client, location)
    assert "read by the rule" in html and '/source#l4"' in html  # each grade beside its line and its rule
    assert "“Preventing crime: Adequate”" in html  # the line itself, quoted
    grade = next(k for k, v in fields.items() if k.endswith("_grade") and v == "adequate")
    fields[grade] = "good"
    answer = client.post(location, data={**fields, "action": "save"}, headers=HOST)
    assert answer.status_code == 302, answer.text
    [path] = folder.dataset_paths()
    saved = load_dataset(path)
    assert {j.area: j.grade for j in saved.judgements}["preventing-crime"] == "good"
    corrected = next(j for j in saved.judgements if j.area == "preventing-crime")
    assert corrected.how == "" and corrected.place.line == 4  # a person's value now, at the line it was read from
    assert path.with_name(path.stem + ".source.txt").read_text() == REPORT
    again = client.post("/reports/new", data={"csrf_token": token, "pasted": REPORT}, headers=HOST)
    fields, html = review_form(client, again.headers["Location"])
    assert "This report is already on file" in html
    refused = client.post(again.headers["Location"], data={**fields, "action": "save"}, headers=HOST)
    assert refused.status_code == 409 and "already on file" in refused.text
    assert len(folder.dataset_paths()) == 1


def test_what_the_report_says_improved_is_shown_beside_its_line_and_saved(site):
    """A person checks "the force had improved its response to the public" against its line,
    as every other fact; saving the form unchanged keeps it in the dataset (a pack from it
    then asks whether the improvement holds)."""
    from briefing.ingest.dataset import load_dataset

    folder, app = site
    client, token = client_with_token(app)
    report = REPORT + "\nHMICFRS found that the force had improved its response to the public.\n"
    location = upload(client, token, report.encode(), "report.txt").headers["Location"]
    fields, html = review_form(client, location)
    assert "What it says the force improved" in html and "Its response to the public" in html
    assert '/source#l7"' in html and 'name="improved0_remove"' in html
    assert client.post(location, data={**fields, "action": "save"}, headers=HOST).status_code == 302
    [path] = folder.dataset_paths()
    assert [(i.subject, i.place.line) for i in load_dataset(path).improved] == [("its response to the public", 7)]


def test_grade_words_not_placed_are_marked_in_the_source_and_listed(site):
    """An Unplaced grade word (model.Unplaced, from the reader) is listed on the review page
    with its line, and marked in that line of the whole report; the lines facts came from are shaded."""
    import json

    _, app = site
    client, token = client_with_token(app)
    text = REPORT + "Inspectors found it good to see progress in call handling.\n"
    location = upload(client, token, text.encode(), "report.txt").headers["Location"]
    meta = app.config["FOLDER"].private(".drafts", location.rsplit("/", 1)[1]) / "meta.json"
    data = json.loads(meta.read_text())
    data["unplaced"] = [{"text": "Inspectors found it good to see progress in call handling.", "word": "good",
                         "line": 6, "page": None, "reason": "no area named"}]
    meta.write_text(json.dumps(data))
    review = client.get(location, headers=HOST).text
    assert "Grade words that were not placed" in review and "line 6<span" in review
    source = client.get(location + "/source", headers=HOST).text
    assert '<span id="l6">Inspectors found it <mark>good</mark> to see' in source
    assert '<span id="l4" class="read">Preventing crime: Adequate</span>' in source


def test_a_mistake_is_said_beside_its_field(site):
    _, app = site
    client, token = client_with_token(app)
    location = upload(client, token, REPORT.encode(), "report.txt").headers["Location"]
    fields, _ = review_form(client, location)
    fields.update({"published-year": "1890", "published-month": "", "published-day": ""})
    answer = client.post(location, data={**fields, "action": "save"}, headers=HOST)
    assert answer.status_code == 400
    assert re.search(r'<li><a href="#published-year">published year 1890 is not between', answer.text)
    assert 'id="published-year-error"' in answer.text  # the message beside the field too
    assert answer.text.startswith("<!DOCTYPE html>") and "<title>Error: " in answer.text


def test_two_staff_saving_one_report_at_once_leave_one_whole_file(site):
    from briefing.ingest.dataset import load_dataset

    folder, app = site
    sessions = []
    for grade in ("good", "outstanding"):
        client, token = client_with_token(app)
        location = upload(client, token, REPORT.encode(), "report.txt").headers["Location"]
        fields, _ = review_form(client, location)
        fields[next(k for k, v in fields.items() if k.endswith("_grade") and v == "adequate")] = grade
        sessions.append((client, location, fields))
    answers = []
    threads = [threading.Thread(target=lambda s=s: answers.append(
        s[0].post(s[1], data={**s[2], "action": "save"}, headers=HOST).status_code)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [302, 409]
    [path] = folder.dataset_paths()
    assert {j.area: j.grade for j in load_dataset(path).judgements}["preventing-crime"] in ("good", "outstanding")


def test_two_responses_recorded_at_once_leave_one_whole_dataset(site):
    from briefing.ingest.dataset import load_dataset

    folder, app = site
    folder.add_example()
    name = "example/northamptonshire/2021-22-peel.yaml"
    answers = []

    def record(day: str):
        client = app.test_client()
        token = token_of(client.get(f"/responses/new?report={name}", headers=HOST).text)
        answers.append(client.post("/responses/new", headers=HOST, data={
            "csrf_token": token, "report": name, "by": "Office of the PFCC", "date-day": day, "date-month": "1",
            "date-year": "2022", "url": "https://pcc.example/response"}).status_code)

    threads = [threading.Thread(target=record, args=(day,)) for day in ("10", "12")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302, 302]
    [path] = (folder.root / "responses").glob("*.yaml")
    assert load_dataset(path).response.date.day in (10, 12)
    glance = app.test_client().get("/", headers=HOST).text
    assert re.search(r"Response published 1[02] January 2022, within the 56 days", glance)


def test_a_page_read_while_another_persons_draft_goes_still_answers(site, monkeypatch):
    """The race behind the two staff saving at once: the one refused reads the folder while the
    one who saved removes their draft. Here the draft goes at the worst moment, every time:
    after the drafts' folder was listed, before the draft's own folder is opened."""
    import os
    import shutil

    folder, app = site
    folder.add_example()
    client, token = client_with_token(app)
    upload(client, token, REPORT.encode(), "report.txt")  # a draft in .drafts/, being reviewed
    listed = os.scandir

    def scandir(path="."):
        if not isinstance(path, int) and Path(path).parent.name == ".drafts":  # (rmtree lists by descriptor)
            shutil.rmtree(path)  # saved and gone since its folder was listed
        return listed(path)

    monkeypatch.setattr(os, "scandir", scandir)
    page = client.get("/", headers=HOST)
    assert page.status_code == 200 and "Northamptonshire Police" in page.text


def test_a_dataset_saved_again_is_never_missing_to_a_page_reading_it(site, monkeypatch):
    """A response recorded again replaces the file; a page reading it meanwhile finds the
    earlier one whole or the new one whole, never no file."""
    from briefing import atomic
    from briefing.ingest.dataset import load_dataset

    folder, app = site
    folder.add_example()
    name = "example/northamptonshire/2021-22-peel.yaml"
    client = app.test_client()
    token = token_of(client.get(f"/responses/new?report={name}", headers=HOST).text)

    def record(day: str):
        return client.post("/responses/new", headers=HOST, data={
            "csrf_token": token, "report": name, "by": "Office of the PFCC", "date-day": day, "date-month": "1",
            "date-year": "2022", "url": "https://pcc.example/response"}).status_code

    assert record("10") == 302
    [path] = (folder.root / "responses").glob("*.yaml")
    seen, renamed = [], atomic.os.replace

    def replace(src, dst):
        renamed(src, dst)
        seen.append(load_dataset(path).response.date.day if path.exists() else "no file")

    monkeypatch.setattr(atomic.os, "replace", replace)
    assert record("12") == 302
    assert seen and all(day in (10, 12) for day in seen), seen
    assert load_dataset(path).response.date.day == 12


@contextmanager
def serving(folder: Path, *args: str):
    """The real `briefing serve` on a free port; yields its process and the lines it printed."""
    process = subprocess.Popen([sys.executable, "-m", "briefing", "serve", "--data", str(folder), "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        while not any(line.startswith("Open ") for line in lines):
            line = process.stdout.readline()
            if not line:
                raise AssertionError(f"serve stopped: {process.stderr.read()}")
            lines.append(line.strip())
        yield process, lines
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def address_of(lines: list[str]) -> str:
    return re.search(r"(http://\S+)", next(line for line in lines if line.startswith("Open "))).group(1)


def test_the_server_is_this_computers_alone_and_one_per_folder(tmp_path):
    import urllib.request

    with serving(tmp_path) as (process, lines):
        address = address_of(lines)
        port = int(re.search(r":(\d+)/", address).group(1))
        assert address.startswith("http://127.0.0.1:")
        assert "Briefing" in urllib.request.urlopen(address, timeout=10).read().decode()
        with pytest.raises(OSError):  # another address of this machine, also loopback, is not served
            socket.create_connection(("127.0.0.2", port), timeout=2).close()
        second = subprocess.run([sys.executable, "-m", "briefing", "serve", "--data", str(tmp_path), "--port", "0"],
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 1
        assert second.stderr.strip().splitlines() == [
            f"Error: {tmp_path}: is already served by another briefing serve (process {process.pid} at {address}); "
            "open that address, or give --data another folder"]
        process.terminate()  # as a service manager stops it: one line, exit 143, the folder free again
        assert process.wait(timeout=20) == 143
        assert process.stderr.read().strip() == "Error: interrupted (terminated)"
    with serving(tmp_path):
        pass


def test_with_host_it_says_so_plainly_and_wants_the_token(tmp_path):
    import urllib.error
    import urllib.request

    with serving(tmp_path, "--host", "127.0.0.2") as (_, lines):
        assert any("anyone who can reach port" in line for line in lines)
        address = address_of(lines)
        assert "?token=" in address
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(address.split("?")[0], timeout=10)
        assert refused.value.code == 403
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # keeps the session cookie
        assert browser.open(address, timeout=10).status == 200
        assert browser.open(address.split("?")[0] + "reports/new", timeout=10).status == 200


def test_the_word_reader_reads_a_report_as_its_text(tmp_path):
    """A Word report (.docx) reads as the same report in text: its grades and findings."""
    import docx

    from briefing.extract import extract

    document = docx.Document()
    document.add_heading("PEEL 2023-2025: An inspection of Northamptonshire Police", 1)
    document.add_paragraph("Published on: 16 February 2024")
    table = document.add_table(rows=2, cols=2)
    for row, (area, grade) in zip(table.rows, [("Preventing crime", "Adequate"), ("Investigating crime", "Good")]):
        row.cells[0].text, row.cells[1].text = area, grade
    document.add_heading("Areas for improvement", 2)
    document.add_paragraph("The force should improve how it supervises investigations.", style="List Bullet")
    document.save(str(tmp_path / "report.bin"))  # the name says nothing: the content does
    read = extract(tmp_path / "report.bin").inspection
    assert {j.area: j.grade for j in read.judgements} == {"preventing-crime": "adequate",
                                                          "investigating-crime": "good"}
    assert [f.text for f in read.findings] == ["The force should improve how it supervises investigations."]
    assert read.published.iso() == "2024-02-16" and read.cycle == "peel-2023-25"


def test_a_pack_is_sent_through_the_offices_mail_settings(site, smtp_server, monkeypatch):  # noqa: F811
    """The send page's first route: the office's mail server, as `briefing email` sends."""
    from email import message_from_bytes

    from test_email import env

    folder, app = site
    from briefing.pack import PackRequest, make_pack

    token, out = folder.new_item("packs")
    make_pack(PackRequest(out_dir=out, formats=("pdf", "xlsx")))  # the bundled force's pack
    controller, handler = smtp_server()
    for name, value in env(controller.port).items():
        monkeypatch.setenv(name, value)
    client = app.test_client()
    page = client.get(f"/packs/{token}/send", headers=HOST).text
    assert "From opcc@example.org through 127.0.0.1." in page
    answer = client.post(f"/packs/{token}/send", headers=HOST, data={
        "csrf_token": token_of(page), "route": "send", "to": "pcc@example.org, Chief <chief@example.org>",
        "attach": ["pdf", "xlsx"]})
    assert answer.status_code == 200 and "Sent " in answer.text and "pcc@example.org, chief@example.org" in answer.text
    [sent] = handler.messages
    message = message_from_bytes(sent.content)
    assert sorted(p.get_filename() for p in message.walk() if p.get_filename()) == [
        "northamptonshire-police-peel-2023-25-pcc-briefing.pdf", "northamptonshire-police-peel-2023-25-pcc-briefing.xlsx"]
    refused = client.post(f"/packs/{token}/send", headers=HOST, data={
        "csrf_token": token_of(page), "route": "send", "to": "not an address"})
    assert refused.status_code == 400 and len(handler.messages) == 1


def test_addresses_reach_only_the_servers_own_files(site):
    """A pack's files by name, never a path out of its folder; a draft or pack that is not
    there is a page saying so."""
    folder, app = site
    (folder.root / "secret.yaml").write_text("force: Kent Police\n")
    client = app.test_client()
    token, _ = folder.new_item("packs")
    for path in (f"/packs/{token}/files/..%2f..%2fsecret.yaml", f"/packs/{token}/files/../../secret.yaml",
                 "/packs/..%2f..%2f/files/secret.yaml", "/reports/draft/0123456789abcdef", "/reports/draft/..%2f.."):
        answer = client.get(path, headers=HOST)
        assert answer.status_code in (400, 404) and "Kent Police" not in answer.text, path


def test_a_pdf_past_the_page_bound_gets_one_clear_line_and_writes_nothing(site):
    from reportlab.pdfgen.canvas import Canvas

    folder, app = site
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for n in range(1501):
        canvas.drawString(72, 720, f"Page {n}")
        canvas.showPage()
    canvas.save()
    client, token = client_with_token(app)
    answer = upload(client, token, buffer.getvalue(), "report.pdf")
    assert answer.status_code == 400
    said = "report.pdf: 1,501 pages; a report has at most 1,500 (is this one report?)"  # the person's file named
    assert f'<li><a href="#report">{said}</a></li>' in answer.text
    assert written(folder) == []


def test_a_warning_about_a_line_links_to_it_and_is_said_under_it_in_the_source(site):
    """The reading's warnings are typed with their place: the review page links each placed
    one to its line (its place said once, as the link), and the whole report says it under
    that line; a warning about the whole text stays in the list only."""
    _, app = site
    client, token = client_with_token(app)
    text = REPORT + "Good \u2013 at the things that matter most to the public.\n"
    location = upload(client, token, text.encode(), "report.txt").headers["Location"]
    review = client.get(location, headers=HOST).text
    assert re.search(r'<li><a href="[^"]+/source#l6"[^>]*>line 6<span[^>]*> \(opens in a new tab\)</span></a>: '
                     r"could not tell which area", review), review
    assert "<li>no findings found; a summary" in review
    source = client.get(location + "/source", headers=HOST).text
    assert re.search(r'<span id="l6"><mark>Good</mark> - at the things[^\n]*\n\s+<strong class="warned">Warning: could not tell '
                     r"which area", source), source


def test_what_the_reading_kept_beyond_the_fields_is_shown_and_follows_an_edit(site):
    """A finding whose words say it carries on from before ("still isn't") says so under
    it, and loses that when a person's edit takes the words out; a report whose own day is
    not on file shows the day a later page proves it was out by (published_by)."""
    import yaml

    from briefing.ingest.dataset import load_dataset

    folder, app = site
    client, token = client_with_token(app)
    text = REPORT + "\nAreas for improvement\n\n1. The force still isn't answering non-emergency calls quickly enough.\n"
    location = upload(client, token, text.encode(), "report.txt").headers["Location"]
    fields, html = review_form(client, location)
    assert "carries on from before (“still isn&#39;t”)" in html
    row = next(k for k, v in fields.items() if k.endswith("_text") and "still" in v).removesuffix("_text")
    draft_file = app.config["FOLDER"].private(".drafts", location.rsplit("/", 1)[1]) / "draft.yaml"
    draft = yaml.safe_load(draft_file.read_text())
    draft_file.write_text(yaml.safe_dump({**draft, "published": "2024", "published_by": "2024-02-20"}))
    fields, html = review_form(client, location)
    assert "a page dated 20 February 2024 shows it was out by then" in html
    fields[f"{row}_text"] = "The force should answer non-emergency calls more quickly."
    assert client.post(location, data={**fields, "action": "save"}, headers=HOST).status_code == 302
    [path] = folder.dataset_paths()
    [finding] = load_dataset(path).findings
    assert finding.continues == "" and finding.text.startswith("The force should answer")


def test_the_response_form_without_a_report_says_how_to_choose_one(site):
    """Opened by its address with no report named (the walk through every page did so), the
    page said "no report '' on file to record a response to"."""
    _, app = site
    answer = app.test_client().get("/responses/new", headers=HOST)
    assert answer.status_code == 400
    assert "no report was chosen: open the force at a glance and follow" in answer.text.replace("&#34;", '"')
    assert "no report &#39;&#39;" not in answer.text and "no report ''" not in answer.text
