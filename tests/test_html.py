"""The HTML briefing and the public s.55 response page, opened in a real browser: Debian's
Chromium driven by Playwright, with axe-core run in the page (WCAG 2.2 AA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke
from programs import CHROMIUM_ARGS, chromium_path, chromium_problem

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VALID = "force: Kent Police\ncycle: {cycle}\npublished: {published}\n"
HOSTILE = "<script>alert(1)</script> </table> <a href=\"javascript:alert(2)\">click</a> & =cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def browser():
    if chromium_problem():
        pytest.skip(chromium_problem())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def _open(browser, path: Path, width: int, csp: str | None = None):
    """The page as a reader's browser shows it; with `csp`, served under that policy."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    if csp:
        page.route("http://briefing.test/page.html", lambda route: route.fulfill(
            body=path.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8",
                                             "Content-Security-Policy": csp}))
        page.goto("http://briefing.test/page.html")
    else:
        page.goto(path.as_uri())
    return page, messages


def _violations(page) -> list[str]:
    page.evaluate(_axe_source())  # evaluated, not a <script> tag: the page itself stays script-free
    result = page.evaluate("async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['help']}" for v in result["violations"]]


def _datasets(tmp_path: Path, text: str = "The force should improve how it supervises investigations.") -> list[Path]:
    old = tmp_path / "old.yaml"
    old.write_text(VALID.format(cycle="peel-2021-22", published="2022-03-01") + "judgements:\n"
                   "  - {area: investigating-crime, grade: adequate}\n", encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(VALID.format(cycle="peel-2023-25", published="2024-05-01") + "findings_complete: true\n"
                   "judgements:\n  - {area: investigating-crime, grade: requires improvement}\n"
                   "  - {area: responding-to-the-public, grade: good}\nfindings:\n"
                   f"  - {{kind: cause-of-concern, id: Cause of concern 1, text: {_quote(text)}}}\n"
                   "  - {kind: recommendation, id: Recommendation 1, text: 'By 31 March 2025, the force should "
                   "make sure its crime allocation policy is applied.'}\n"
                   "  - {kind: area-for-improvement, id: AFI 1, text: The force should record equality data.}\n",
                   encoding="utf-8")
    return [old, new]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("html")
    out = tmp / "out"
    inputs = _datasets(tmp)
    assert invoke(__import__("click.testing").testing.CliRunner(), "pack", *inputs, "--formats", "html",
                  "-o", out).exit_code == 0
    assert invoke(__import__("click.testing").testing.CliRunner(), "response", *inputs, "--formats", "html",
                  "-o", out).exit_code == 0
    return {"briefing": next(out.glob("*-pcc-briefing.html")), "response": next(out.glob("*-s55-response.html"))}


@pytest.mark.parametrize("name", ["briefing", "response"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_page_passes_axe_at_wcag_22_aa_and_shows_what_matters(browser, pages, tmp_path, name, width):
    page, _ = _open(browser, pages[name], width)
    assert _violations(page) == []
    page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
    body = page.inner_text("body")
    assert page.locator("h1").count() == 1
    grades = page.locator("table", has_text="requires improvement").first
    assert grades.is_visible()
    assert "31 March 2025, the force should make sure its crime allocation policy is applied" in body
    assert "The force should improve how it supervises investigations." in body
    assert "25 June 2024" in body  # the s.55 last day: 1 May 2024 + 55 days
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width + 1, "the page itself must not scroll sideways; wide tables scroll in their own region"


def test_the_public_page_holds_nothing_internal(pages):
    html = pages["response"].read_text(encoding="utf-8")
    assert "OFFICIAL" not in html and 'class="marking"' not in html
    for internal in ("Suggested questions", "Matching", "score", "About the sources", "Executive summary"):
        assert internal not in html
    assert "[To be written by the Police and Crime Commissioner" in html
    assert html.count("the action taken or proposed") == 2  # one per recommendation and cause of concern


def test_the_briefing_page_carries_the_marking_top_and_bottom(browser, pages):
    page, _ = _open(browser, pages["briefing"], 1280)
    assert page.locator("header .marking").inner_text() == "OFFICIAL"
    assert page.locator("footer .marking").inner_text() == "OFFICIAL"
    assert page.locator("a.skip").get_attribute("href") == "#main"
    assert page.locator("html").get_attribute("lang") == "en-GB"


def test_hostile_text_is_shown_never_run(browser, tmp_path):
    inputs = _datasets(tmp_path, HOSTILE)
    from click.testing import CliRunner

    for command in ("pack", "response"):
        assert invoke(CliRunner(), command, *inputs, "--formats", "html", "-o", tmp_path / "out").exit_code == 0
    for path in (tmp_path / "out").glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html.lower() and 'href="javascript:' not in html
        page, messages = _open(browser, path, 1280, csp="default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        assert "<script>alert(1)</script> </table>" in page.inner_text("body")
        assert not [m for m in messages if "Content Security Policy" in m], messages
        assert page.evaluate("document.querySelectorAll('script').length") == 0


def test_email_attaches_the_web_page(tmp_path):
    from click.testing import CliRunner

    inputs = _datasets(tmp_path)
    assert invoke(CliRunner(), "pack", *inputs, "--formats", "html,pdf", "-o", tmp_path / "out").exit_code == 0
    result = invoke(CliRunner(), "email", tmp_path / "out", "--to", "pcc@example.org", "--attach", "html",
                    "--dry-run")
    assert result.exit_code == 0, result.output
    from email import message_from_bytes

    message = message_from_bytes(next((tmp_path / "out").glob("*.eml")).read_bytes())
    parts = [p for p in message.walk() if p.get_filename()]
    assert [p.get_content_type() for p in parts] == ["text/html"]


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory) -> Path:
    """The bundled force's pack as a web page: its whole record makes a wide grid."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("bundled-html")
    assert invoke(CliRunner(), "pack", "--formats", "html", "--date", "2026-12-07", "-o", out).exit_code == 0
    return next(out.glob("*-pcc-briefing.html"))


@pytest.mark.parametrize("width", [1280, 360])
def test_the_bundled_page_with_its_grid_passes_axe(browser, bundled_page, width):
    page, _ = _open(browser, bundled_page, width)
    assert _violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


def test_small_screens_show_the_grid_the_chart_and_the_movement_legibly(browser, bundled_page, tmp_path):
    page, _ = _open(browser, bundled_page, 360)
    grid = page.locator("table.grid").first
    cell = grid.locator("td.grade", has_text="requires improvement").first
    assert page.evaluate("c => parseFloat(getComputedStyle(c).fontSize)", cell.element_handle()) >= 12
    assert page.evaluate("c => getComputedStyle(c).backgroundColor", cell.element_handle()) == "rgb(244, 119, 56)"
    assert cell.inner_text().strip() == "requires improvement"  # whole words, never broken mid-word
    assert page.evaluate("c => c.getClientRects().length", cell.element_handle()) == 1
    label = page.locator("svg text").first
    assert label.bounding_box()["height"] >= 12, "the chart's labels must be legible on a phone"
    grid.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "grid-360.png"))
    page, _ = _open(browser, bundled_page, 375)
    movement = page.locator("th", has_text="Movement").first
    wrap = movement.locator("xpath=ancestor::div[contains(@class, 'table-wrap')]")
    assert movement.bounding_box()["x"] + movement.bounding_box()["width"] <= \
        wrap.bounding_box()["x"] + wrap.bounding_box()["width"], "the Movement column must be on screen at 375 px"


def test_on_a_phone_only_the_grade_grids_scroll_and_no_word_is_cut(browser, bundled_page):
    """A table a reader must scroll sideways to read hides its last column; the sources table
    (four columns, a force's name in the second) did so by a few pixels at 360 px."""
    page, _ = _open(browser, bundled_page, 360)
    scrolling = page.evaluate("""() => [...document.querySelectorAll('.table-wrap > table:not(.grid)')]
        .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).map(t => t.caption.innerText)""")
    assert scrolling == []
    sources = page.locator("table", has=page.locator("caption", has_text="The sources this briefing rests on"))
    room, word = page.evaluate("""c => {
        const style = getComputedStyle(c), ctx = document.createElement('canvas').getContext('2d');
        ctx.font = style.font;
        return [c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                ctx.measureText('Northamptonshire').width];
    }""", sources.locator("td", has_text="Northamptonshire Police").first.element_handle())
    assert word <= room, "the force's name is broken mid-word ('Northamptonsh ire')"
