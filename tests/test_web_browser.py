"""briefing serve end to end, as an office uses it: Debian's Chromium (Playwright) drives a
real server on 127.0.0.1 through every page, runs axe-core (WCAG 2.2 AA) on each at 1280 and
360 px, and checks what a person would: a corrected grade reaches the pack's PDF, a recorded
response reaches the register, last quarter's tracker reaches the next pack.

One browser and one server for the whole flow, to keep the suite fast. Set
BRIEFING_WEB_SHOTS to a folder to keep the screenshots of every page at both widths.
"""

from __future__ import annotations

import os
import re
from email import message_from_bytes
from pathlib import Path

import pytest
from conftest import SEEDS
from packs import pdf_text
from pdfs import build_pdf, seed_lines
from playwright.sync_api import expect
from test_html import WCAG, _axe_source, browser  # noqa: F401  (the HTML tests' browser fixture)
from test_web import address_of, serving

SEED_2021 = SEEDS / "001_39753400560db361.txt"
SEED_2023 = SEEDS / "004_1a42217144e4e44b.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not SEED_2023.exists():
        pytest.skip(f"seed {SEED_2023} is absent: clone the project with ../shared beside it to run this test")
    folder = tmp_path_factory.mktemp("office")
    with serving(folder) as (_, lines):
        yield address_of(lines), folder


def _violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations, as test_html runs it, collecting no detail of what
    passed (resultTypes): the review page's 30-odd forms then check in a second, not several."""
    page.evaluate(_axe_source())
    result = page.evaluate("async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['help']}" for v in result["violations"]]


class Visit:
    """A person's browser tab, checked at both widths on every page it lands on."""

    def __init__(self, browser, shots: Path | None):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        self.shots, self.seen, self.console = shots, [], []
        self.page.on("console", lambda message: self.console.append(message.text))

    def look(self, name: str) -> None:
        assert self.page.evaluate("document.querySelectorAll('script').length") == 0, name  # forms and links alone
        assert not [m for m in self.console if "Content Security Policy" in m], (name, self.console)
        for width in (1280, 360):
            self.page.set_viewport_size({"width": width, "height": 900})
            assert _violations(self.page) == [], f"{name} at {width} px"
            assert self.page.evaluate("document.documentElement.scrollWidth") <= width + 1, (name, width, self.page.evaluate(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                "innerWidth + 1).slice(0, 4).map(e => e.outerHTML.slice(0, 100))"))
            if self.shots:  # kept only when asked for: a full-page picture of a long report costs seconds
                self.page.screenshot(path=str(self.shots / f"{name}-{width}.png"), full_page=True)
        self.page.set_viewport_size({"width": 1280, "height": 900})
        self.seen.append(name)

    def save_review(self) -> None:
        self.page.get_by_role("button", name="Save the report").click()

    def read_report(self) -> None:
        """Sends the report and waits for the review page to be whole: a click returns when the
        answer starts to arrive, and a loaded machine may still be parsing its forms after that
        (CI once found none of them)."""
        self.page.get_by_role("button", name="Read the report").click()
        expect(self.page.locator("h1")).to_have_text(re.compile("Check what was read$"), timeout=30_000)
        self.page.wait_for_load_state("load")


def test_an_office_adds_reports_checks_them_responds_and_makes_a_pack(browser, server, tmp_path):  # noqa: F811
    address, folder = server
    shots = Path(os.environ["BRIEFING_WEB_SHOTS"]) if os.environ.get("BRIEFING_WEB_SHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    tab = Visit(browser, shots)
    page = tab.page
    page.goto(address)
    tab.look("start")
    page.keyboard.press("Tab")  # keyboard only: the first stop is the skip link, and it leads to the page
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # A seed text whose publication date the reading cannot settle, its year then mistyped
    page.get_by_role("link", name="Add a report").first.click()
    tab.look("add")
    page.set_input_files("#report", str(SEED_2021))
    tab.read_report()
    assert page.locator("p.from", has_text="read by the rule").count() > 10  # each fact beside its line and rule
    review = page.url
    page.goto(address.rstrip("/") + page.get_by_role("link", name=re.compile("Read the whole report")).get_attribute("href"))
    assert "Northamptonshire Police is adequate at investigating crime" in page.locator("#l663").inner_text()
    tab.look("source")
    page.goto(review)
    page.fill("#published-year", "1890")  # a year mistyped: the error summary leads to the field
    tab.save_review()
    error = page.locator(".error-summary a", has_text="published year 1890 is not between")
    assert error.get_attribute("href") == "#published-year"
    tab.look("review")  # with its error summary: the whole page and the mistake said
    error.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#published-year"
    page.fill("#title", "PEEL 2021/22: An inspection of Northamptonshire Police")  # the reading took a sentence
    for part, value in (("day", "24"), ("month", "11"), ("year", "2021")):
        page.fill(f"#published-{part}", value)
    page.get_by_role("button", name="Save the report").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".banner")).to_contain_text("Saved PEEL 2021/22")

    # A PDF made from a seed: correct a grade and a finding's kind, then save
    page.goto(address + "reports/new")
    pdf = build_pdf(seed_lines(SEED_2023), tmp_path / "peel-2023-25.pdf")
    page.set_input_files("#report", str(pdf))
    tab.read_report()
    row = next(s.get_attribute("id")[:-5] for s in page.locator("select[id$='_area']").all()
               if s.input_value() == "preventing-crime" and s.get_attribute("id")[0] == "j")
    page.select_option(f"#{row}_grade", "good")
    page.select_option("#f0_kind", "area-for-improvement")
    page.fill("#title", "PEEL 2023-2025: An inspection of Northamptonshire Police")
    tab.save_review()
    expect(page.locator(".banner")).to_contain_text("Saved")
    from briefing.ingest.dataset import load_dataset

    saved = load_dataset(folder / "northamptonshire-police" / "peel-2023-25.yaml")
    assert saved.findings[0].kind == "area-for-improvement" and saved.findings[0].how == ""
    assert {j.area: j.grade for j in saved.judgements}["preventing-crime"] == "good"
    tab.look("glance")

    # Record our response to the newer report
    page.get_by_role("link", name=re.compile(r"Record our response to PEEL 2023")).click()
    tab.look("response")
    page.fill("#date-day", "2")
    page.fill("#date-month", "4")
    page.fill("#date-year", "2024")
    page.fill("#url", "https://pcc.example/responses/peel-2023-25")
    page.get_by_role("button", name="Record the response").click()
    expect(page.locator("#main")).to_contain_text("Response published 2 April 2024, within the 56 days")

    # Make the pack (the latest two by default) and read its PDF
    page.get_by_role("link", name="Make a pack").first.click()
    tab.look("pack-form")
    page.fill("#author", "Jo Analyst")
    page.get_by_role("button", name="Make the pack").click()
    expect(page.locator("iframe.briefing")).to_have_count(1, timeout=30_000)
    tab.look("pack")
    with page.expect_download() as got:
        page.get_by_role("link", name=re.compile("^PDF")).click()
    got.value.save_as(tmp_path / "pack.pdf")
    text = " ".join(pdf_text(tmp_path / "pack.pdf").split())
    assert re.search(r"Preventing crime adequate good", text), text[:3000]  # the corrected grade
    assert "Response published 2 April 2024, within the 56 days" in text  # the response recorded above
    with page.expect_download() as got:
        page.get_by_role("link", name=re.compile("^Excel workbook")).click()
    got.value.save_as(tmp_path / "tracker.xlsx")

    # Send it as an Outlook draft
    page.get_by_role("link", name="Send it").click()
    tab.look("send")
    page.fill("#to", "pcc@example.org")
    with page.expect_download() as got:
        page.get_by_role("button", name="Send or download").click()
    draft = message_from_bytes(Path(got.value.path()).read_bytes())
    assert draft["X-Unsent"] == "1" and draft["To"] == "pcc@example.org"
    assert [p.get_filename() for p in draft.walk() if p.get_filename()] == [
        "northamptonshire-police-peel-2023-25-pcc-briefing.pdf"]

    # Next quarter: the tracker as people edited it, carried into the next pack and the glance
    edited = _edit_tracker(tmp_path / "tracker.xlsx", tmp_path / "tracker-edited.xlsx")
    page.goto(address + "packs/new")
    page.set_input_files("#tracker", str(edited))
    page.get_by_role("button", name="Make the pack").click()
    briefing = page.frame_locator("iframe.briefing").locator("body").inner_text()
    assert "Progress since the last pack" in briefing and "In progress: 1" in briefing
    page.goto(address)
    actions = page.locator("#actions + dl").inner_text()
    assert re.search(r"In progress\s+1", actions), actions

    page.goto(address + "no/such/page")
    tab.look("error")
    assert tab.seen == ["start", "add", "source", "review", "glance", "response", "pack-form", "pack", "send",
                        "error"]


def test_what_a_report_says_was_improved_or_closed_is_checked_beside_its_line(browser, server):  # noqa: F811
    """The review page's sections for closings and improvements (they were saved unseen), read
    at both widths and checked by axe as every other page."""
    address, _ = server
    shots = Path(os.environ["BRIEFING_WEB_SHOTS"]) if os.environ.get("BRIEFING_WEB_SHOTS") else None
    tab = Visit(browser, shots)
    page = tab.page
    page.goto(address + "reports/new")
    page.fill("#pasted", "Northamptonshire Police PEEL 2023-25\n\nPublished on: 16 February 2024\n\n"
                         "HMICFRS found that the force had improved its response to the public.\n")
    tab.read_report()
    section = page.locator("h2", has_text="What it says the force improved")
    assert section.count() == 1 and page.locator(".fact", has_text="Its response to the public").count() == 1
    tab.look("review-improved")


def _edit_tracker(source: Path, target: Path) -> Path:
    """The first action given an owner, a status and a note, as a person would in Excel."""
    from openpyxl import load_workbook

    book = load_workbook(source)
    sheet = book["Actions"]
    heads = {cell.value: cell.column for cell in sheet[1]}
    sheet.cell(2, heads["Owner"], "Jo Analyst")
    sheet.cell(2, heads["Status"], "In progress")
    sheet.cell(2, heads["Progress and evidence"], "Owner named in March")
    book.save(target)
    return target
