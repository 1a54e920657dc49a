"""A report that states no publication date, kept as a dataset: the route `briefing pack`
itself tells the user to take ("run briefing extract on it, fill in what is missing, and use
the dataset") must not end at a refusal for a date the source never gave. The dataset is
used as the report itself would be: its date "not stated", the s.55 day bounded by its cycle.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import invoke

UNDATED = ("PEEL 2023-25: An inspection of Kent Police\n\n"
           "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) has inspected Kent Police.\n"
           "Kent Police was graded good at responding to the public.\n"
           "Kent Police was graded adequate at investigating crime.\n")  # a cycle, a force, two grades, no date
OLDER = ("force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03-10\njudgements:\n"
         "- {area: responding-to-public, grade: adequate}\n- {area: investigating-crime, grade: adequate}\n")


def _s55_words(folder) -> list[str]:
    """What the pack says of the newer report's date and its s.55 days, in every sentence that says it."""
    [model] = folder.glob("*-briefing.json")
    text = json.dumps(json.loads(model.read_text()))
    return sorted(set(re.findall(r"[^\"]*(?:56 days|publication date not stated)[^\"]*", text)))


@pytest.fixture
def undated(tmp_path, runner):
    """The undated text, and its dataset as `briefing extract` writes it."""
    text = tmp_path / "kent-2023-25.txt"
    text.write_text(UNDATED, encoding="utf-8")
    dataset = tmp_path / "kent-2023-25.yaml"
    made = invoke(runner, "extract", text, "-o", dataset)
    assert made.exit_code == 0, made.stderr
    assert "published:" not in dataset.read_text()  # the source gives none, so extract wrote none
    return text, dataset


@pytest.mark.parametrize("published", ["absent", "null"])
def test_a_dataset_without_a_date_is_packed_as_the_undated_report_itself_is(runner, tmp_path, undated, published):
    text, dataset = undated
    if published == "null":
        dataset.write_text(dataset.read_text() + "published: null\n", encoding="utf-8")
    older = tmp_path / "kent-2021-22.yaml"
    older.write_text(OLDER, encoding="utf-8")
    from_text = invoke(runner, "pack", older, text, "--formats", "json", "-o", tmp_path / "text")
    from_dataset = invoke(runner, "pack", older, dataset, "--formats", "json", "-o", tmp_path / "dataset")
    assert from_text.exit_code == 0, from_text.stderr
    assert from_dataset.exit_code == 0, from_dataset.stderr  # was: missing 'published' (every dataset needs ...)
    said = _s55_words(tmp_path / "dataset")
    assert said == _s55_words(tmp_path / "text")  # one truth: the same words either way
    assert any("The 56 days ended by 24 February 2026 at the latest if the report came out within PEEL 2023-25's "
               "reporting years" in s for s in said)
    assert any("PEEL 2023-25 inspection of Kent Police (publication date not stated)" in s for s in said)
    assert "publication date is not given ('published')" in from_dataset.stderr  # and the day is asked for


def test_validate_warns_of_a_missing_date_but_passes(runner, undated):
    _, dataset = undated
    checked = invoke(runner, "validate", dataset)
    assert checked.exit_code == 0, checked.stderr
    assert "warning: the report's publication date is not given ('published')" in checked.stderr


def test_a_thematic_report_without_a_date_is_registered_with_its_last_day_not_known(runner, tmp_path):
    report = tmp_path / "custody.yaml"
    report.write_text("force: Kent Police\nreport_type: thematic\ntitle: Custody in Kent\n", encoding="utf-8")
    assert invoke(runner, "validate", report).exit_code == 0
    listed = invoke(runner, "register", report, "--date", "2026-12-07", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    [entry] = json.loads(listed.stdout)["reports"]
    assert entry["published"] == "unknown" and entry["s55_due"] is None


def test_an_undated_report_added_on_the_web_page_is_saved(tmp_path):
    """The add-a-report page refused the same report for want of the date its source does not give."""
    from test_web import HOST, client_with_token, review_form, upload

    from briefing.ingest.dataset import load_dataset
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path / "office")
    app = create_app(folder)
    client, token = client_with_token(app)
    location = upload(client, token, UNDATED.encode(), "kent.txt").headers["Location"]
    fields, _ = review_form(client, location)
    answer = client.post(location, data={**fields, "action": "save"}, headers=HOST)
    assert answer.status_code == 302, answer.text
    [path] = folder.dataset_paths()
    saved = load_dataset(path)
    assert saved.cycle == "peel-2023-25" and not saved.published.known
    glance = client.get("/?force=Kent+Police", headers=HOST).text
    assert "PEEL 2023-25" in glance and "not stated" in glance


def test_a_response_to_an_undated_report_asks_for_the_date_first_and_the_dated_copy_joins_it(tmp_path):
    """A response recorded to a report with no date could be joined to no report (a response goes by title
    and date), so the page says how to go on instead of writing a response that would stand nowhere."""
    from test_web import HOST, client_with_token, review_form, upload

    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path / "office")
    app = create_app(folder)
    client, token = client_with_token(app)
    location = upload(client, token, UNDATED.encode(), "kent.txt").headers["Location"]
    fields, _ = review_form(client, location)
    assert client.post(location, data={**fields, "action": "save"}, headers=HOST).status_code == 302
    [path] = folder.dataset_paths()
    name = folder.name_of(path)
    page = client.get(f"/responses/new?report={name}", headers=HOST).text
    assert "publication date is not on file" in page and "Add the report again with its date" in page
    answer = client.post("/responses/new", headers=HOST, data={
        "csrf_token": token, "report": name, "by": "Kent PCC", "date-day": "2", "date-month": "5",
        "date-year": "2024"})
    assert answer.status_code == 400 and not (folder.root / "responses").exists()
    client, token = client_with_token(app)  # the same report again, with its date
    location = upload(client, token, UNDATED.replace("\n\n", "\nPublished on: 16 February 2024\n\n", 1).encode(),
                      "kent-dated.txt").headers["Location"]
    fields, _ = review_form(client, location)
    assert client.post(location, data={**fields, "action": "save"}, headers=HOST).status_code == 302
    glance = client.get("/?force=Kent+Police", headers=HOST).text
    assert "1 report on file" in glance and "11 April 2024" in glance  # the one report, its last day from its date
    dated = next(folder.name_of(p) for p in folder.dataset_paths() if p != path)
    assert f'href="/responses/new?report={dated}"' in glance  # its response is recorded to the dated copy
    assert "it is taken as that report&#39;s page" in glance


def test_the_glance_grid_holds_a_peel_report_whose_undated_page_added_findings(tmp_path):
    """The undated page's findings join the dated report as a new whole; the page's grades grid still finds it."""
    from test_web import HOST

    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path / "office")
    (folder.root / "kent").mkdir(parents=True)
    dated = OLDER.replace("2021-22", "2023-25").replace("2022-03-10", "2024-02-16")
    (folder.root / "kent" / "dated.yaml").write_text(dated, encoding="utf-8")
    (folder.root / "kent" / "page.yaml").write_text(
        "force: Kent Police\ncycle: peel-2023-25\nfindings:\n- {kind: area-for-improvement, text: The force should answer "
        "emergency calls more quickly}\n", encoding="utf-8")
    glance = create_app(folder).test_client().get("/?force=Kent+Police", headers=HOST)
    assert glance.status_code == 200
    assert "PEEL <span class=\"nowrap\">2023-25</span> (16 February 2024)" in glance.text
    assert "1 report on file" in glance.text
