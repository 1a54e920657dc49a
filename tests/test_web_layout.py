"""The office's pages and the pack's web page as a person sees them at 1280 and 360 px: what
the start page promises of the example, the inspections named as people say them, every
column of the grade grid on a desktop, the current grades and the register's response on a
phone without scrolling sideways, the pack's tables reflowed rather than cut or stretched,
and the embedded briefing painted once the page has loaded.

One browser and one real `briefing serve` over a folder holding the bundled example force.
"""

from __future__ import annotations

import io
import re

import pytest
from test_html import browser  # noqa: F401  (the HTML tests' browser fixture)
from test_web import HOST, address_of, serving
from test_web_browser import _violations

PACK_WIDTHS = (1280, 360)


def _dataset(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_is_described_by_its_own_datasets(tmp_path):
    from briefing.web.folder import example_of

    paths = [_dataset(tmp_path, "a.yaml", "force: Kent Police\ncycle: peel-2023-25\npublished: 2024-02-16\n"),
             _dataset(tmp_path, "b.yaml", "force: Kent Police\ncycle: peel-2021-22\npublished: 2022-03\n"),
             _dataset(tmp_path, "c.yaml", "force: Kent Police\nreport_type: thematic\ntitle: Custody\n"
                                          "published: 2025-07-01\ncovers: [all]\n"),
             _dataset(tmp_path, "d.yaml", "{force: Kent Police, cycle: peel-2023-25, published: 2024-02-16, "
                                          "source_kind: pcc-page, source: 'https://pcc.example/r', response: "
                                          "{by: 'Kent PCC', url: 'https://pcc.example/r'}}\n")]
    example = example_of(paths)
    # a cycle named 2023-25 was published in 2024; the thematic report and the response are not inspections
    assert (example.force, example.inspections, example.first, example.last, example.others) == \
        ("Kent Police", 2, 2022, 2024, 1)


def test_the_start_page_promises_only_what_the_example_holds(tmp_path):
    from briefing.ingest.dataset import load_datasets
    from briefing.resources import bundled_datasets
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    page = create_app(OfficeFolder.open(tmp_path)).test_client().get("/", headers=HOST).text
    span = re.search(r"inspections published\s+from (\d{4}) to (\d{4})", page)
    published = [i.published.year for p in bundled_datasets() for i in load_datasets(p)
                 if i.cycle and i.response is None]
    assert span and (int(span.group(1)), int(span.group(2))) == (min(published), max(published))


def test_a_pack_is_asked_for_by_the_inspections_names(tmp_path):
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path)
    folder.add_example()
    _dataset(folder.root, "press.yaml", "force: Northamptonshire Police\ncycle: peel-2021-22\npublished: 2021-11-24\n"
                                        "source_kind: press-release\n")  # a second source of one inspection
    client = create_app(folder).test_client()
    page = client.get("/packs/new", headers=HOST).text
    labels = re.findall(r'<input type="radio" id="(older|newer)[^"]*"[^>]*><label for="[^"]+">([^<]+)</label>', page)
    older = [label for field, label in labels if field == "older"]
    assert older[:2] == ["PEEL 2023-25, published 16 February 2024", "PEEL 2021/22, published 24 November 2021"]
    assert "PEEL 2016, published March 2017" in older and len(older) == len(set(older)) == 8  # each inspection once
    assert [label for field, label in labels if field == "newer"] == older
    assert not [label for label in older if re.search(r"peel-\d|Northamptonshire", label)]  # no file ids, no force
    glance = client.get("/", headers=HOST)  # the second source is set aside there too, as the register does
    assert glance.status_code == 200 and "are the same report" in glance.text


def test_the_dash_is_explained_only_where_the_grid_shows_one(tmp_path):
    import shutil

    from briefing.resources import data_dir
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path)
    for name in ("2021-22-peel.yaml", "2023-25-peel-article.yaml"):  # the same areas in both: no dash
        shutil.copyfile(data_dir() / "northamptonshire" / name, tmp_path / name)
    page = create_app(folder).test_client().get("/", headers=HOST).text
    assert "not graded" in page and 'aria-hidden="true">–' not in page and "“–”" not in page
    folder.add_example()
    page = create_app(folder).test_client().get("/", headers=HOST).text
    assert 'aria-hidden="true">–' in page and page.count("“–”: not an area of that inspection") == 1


def test_the_glance_grid_says_what_an_inspection_graded_under_another_name_in_part(tmp_path):
    """The pack's grid and the office's page say the same of a 2021/22 resources grade shown
    under "Leadership and force management" (review 6, item 7): what that inspection graded."""
    import shutil

    from briefing.resources import data_dir
    from briefing.web import create_app
    from briefing.web.folder import OfficeFolder

    folder = OfficeFolder.open(tmp_path)
    for name in ("2021-22-peel.yaml", "2023-25-peel-article.yaml"):
        shutil.copyfile(data_dir() / "northamptonshire" / name, tmp_path / name)
    page = create_app(folder).test_client().get("/", headers=HOST).text
    row = re.search(r"<th scope=\"row\">Leadership and force management</th>(.*?)</tr>", page, re.S).group(1)
    assert row.count("as strategic planning, organisational management and value for money, a partial match") == 1
    row = re.search(r"<th scope=\"row\">Investigating crime</th>(.*?)</tr>", page, re.S).group(1)
    assert "partial match" not in row


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    from briefing.web.folder import OfficeFolder

    root = tmp_path_factory.mktemp("office")
    OfficeFolder.open(root).add_example()
    with serving(root) as (_, lines):
        yield address_of(lines)


@pytest.fixture(scope="module")
def pack_url(browser, example):  # noqa: F811
    """A pack of the example's latest two inspections, made through the form."""
    page = _opened(browser, example + "packs/new", 1280)
    page.get_by_role("button", name="Make the pack").click()
    page.wait_for_url(re.compile(r"/packs/[0-9a-f]+$"))
    yield page.url
    page.close()


def _opened(browser, url: str, width: int):
    """A page of `width` CSS pixels (900 high) at `url`, loaded."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


def _box(locator) -> dict:
    return locator.bounding_box()


def _on_screen(locator, width: int) -> bool:
    box = _box(locator)
    return box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


def test_make_a_pack_on_a_phone_shows_each_inspection_whole(browser, example):  # noqa: F811
    page = _opened(browser, example + "packs/new", 360)
    assert page.locator("select#older, select#newer").count() == 0  # no drop-down to cut the names
    labels = page.locator("fieldset:has(#older) label")
    assert labels.count() >= 2
    for label in labels.all():
        assert _on_screen(label, 360), label.inner_text()
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth"), label.inner_text()
    assert page.locator("#older-2").is_checked() and page.locator("#newer").is_checked()  # the latest two
    assert _violations(page) == []
    page.close()


def test_the_glance_grid_shows_every_inspection_on_a_desktop(browser, example):  # noqa: F811
    page = _opened(browser, example, 1280)
    region = page.locator(".table-wrap:has(table.grid)")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")
    heads = page.locator("table.grid thead th")
    assert heads.count() == 9  # the areas, and the example's eight inspections
    for head in heads.all():
        assert _on_screen(head, 1280) and _box(head)["x"] >= _box(region)["x"] - 0.5, head.inner_text()
    seen = page.locator("table.grid").evaluate(  # what the eye reads: the text a screen reader alone hears aside
        "t => { const c = t.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(e => e.remove()); "
        "return c.textContent; }")
    assert not re.search(r"not a .* area", seen)  # said once, in the key under the grid
    assert seen.count("–") > 20
    assert page.locator("p", has_text="“–”: not an area of that inspection").count() == 1
    hidden = page.locator("table.grid td .visually-hidden", has_text=re.compile(r"^not a PEEL 2015 \(February 2016\) area$"))
    assert hidden.count() > 0  # a screen reader still hears each cell in words
    assert _violations(page) == []
    page.close()


def test_on_a_phone_the_current_grades_and_the_response_need_no_sideways_scroll(browser, example):  # noqa: F811
    page = _opened(browser, example, 360)
    heads = page.locator("table.grid thead th")
    newest, area = heads.last, heads.first
    assert "PEEL 2023-25" in newest.inner_text()
    assert _on_screen(newest, 360) and _on_screen(area, 360)
    cell = page.locator("table.grid tbody tr", has_text="Investigating crime").locator("td").last
    assert cell.inner_text() == "requires improvement" and _on_screen(cell, 360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    rows = page.locator("#register-caption ~ tbody tr")
    assert rows.count() > 5
    for row in rows.all():
        for cell in row.locator("td").all():
            assert _on_screen(cell, 360), cell.inner_text()
            assert cell.evaluate("e => e.scrollWidth <= e.clientWidth"), cell.inner_text()
    first = rows.first.inner_text()
    assert re.search(r"Last day for the response\s+11 April 2024\s+Response\s+A response is on file", first), first
    assert _violations(page) == []
    page.close()


@pytest.mark.parametrize("width", PACK_WIDTHS)
def test_the_pack_page_shows_its_briefing_once_loaded(browser, pack_url, width):  # noqa: F811
    from PIL import Image

    page = _opened(browser, pack_url, width)  # until the load event, which waits for the framed briefing
    frame = page.locator("iframe.briefing")
    title = page.frame_locator("iframe.briefing").locator("h1")
    assert "inspection briefing" in title.inner_text()
    inner, outer = _box(title), _box(frame)
    assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
    assert outer["height"] >= 400  # a real window onto the briefing, not a sliver
    painted = Image.open(io.BytesIO(frame.screenshot())).convert("L")
    dark = sum(1 for value in painted.tobytes() if value < 100)
    assert dark > 0.02 * painted.width * painted.height  # the marking bar and the title are painted
    page.close()


def test_the_pack_on_a_phone_shows_its_current_grades_and_reflows_its_tables(browser, pack_url, example):  # noqa: F811
    page = _opened(browser, pack_url, 360)
    page.goto(example.rstrip("/") + page.locator("iframe.briefing").get_attribute("src"))
    grid = page.locator("table.grid").first
    newest = grid.locator("thead th").last
    assert "PEEL 2023-25" in newest.inner_text() and _on_screen(newest, 360)
    assert _on_screen(grid.locator("caption"), 360) and _on_screen(grid.locator("thead th").first, 360)
    movements = page.locator("table", has=page.locator("th", has_text="Movement")).first
    for head in ("Movement", "Note"):
        assert _on_screen(movements.locator("th", has_text=head), 360), head
    note = movements.locator("td", has_text="corrected the grade on 8 August 2024")
    assert _on_screen(note, 360)
    tallest = max(_box(cell)["height"] for cell in movements.locator("td.grade").all())
    assert tallest < 90, tallest  # a grade is a line or two, not a block the height of the note
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
