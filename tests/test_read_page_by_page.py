"""What a reader of the finished paper noticed, page by page (the polish brief): a report
whose publication date is not on file, the chart's last label against its legend, and each
finding once in the chief officers' pack.

Planted: the bundled PEEL 2023-25 source with its publication date taken away (a text that
states none), or known only to the month; a chart of six areas whose later grades use all
five words of the scale (the legend's longest), the last area not graded in the later cycle.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from conftest import DATA

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.document.model import Chart, GradeBar
from briefing.ingest.dataset import load_dataset
from briefing.places import PublicationDate

SCALE = ("inadequate", "requires improvement", "adequate", "good", "outstanding")


def _pack_text(published: PublicationDate, day: date, audience: str = "pcc"):
    old = load_dataset(DATA / "2021-22-peel.yaml")
    new = dataclasses.replace(load_dataset(DATA / "2023-25-peel-article.yaml"), published=published)
    briefing = build_briefing(compare(old, new), None, PackOptions(date=day, audience=audience))
    glance = next(s for s in briefing.sections if s.title == "At a glance")
    return " ".join(briefing.text().split()), glance


def test_a_report_with_no_date_on_file_says_so_plainly_and_asks_for_it():
    text, glance = _pack_text(PublicationDate(0), date(2025, 6, 1))  # PEEL 2023-25 reports still coming out
    assert "which is not known" not in text and "56 days of publication, which" not in text
    decision = next(b for b in glance.blocks if getattr(b, "kind", "") == "list")
    s55 = next(item for item in decision.items if "section 55" in item)
    assert "which" not in s55 and "(the sources on file do not give it)" in s55
    assert "is due" not in s55 and "was due" not in s55  # neither running nor ended: nothing on file says which
    assert ("The 56 days begin on the day the report was published, which the sources on file do not give, so the "
            "last day cannot be given here") in text


def test_a_report_with_no_date_on_file_of_a_cycle_long_over_has_had_its_56_days():
    """PEEL 2023-25's reporting years end in December 2025 (frameworks.yaml), so a year later the
    response was due by 24 February 2026 at the latest if the report came out within them: said as
    that bound, never "due", and never as a fact about every report of the cycle."""
    text, glance = _pack_text(PublicationDate(0), date(2026, 12, 7))
    decision = next(b for b in glance.blocks if getattr(b, "kind", "") == "list")
    s55 = next(item for item in decision.items if "section 55" in item)
    assert s55.startswith("confirm that the response") and "was due by 24 February 2026 at the latest" in s55
    assert "if the report came out within PEEL 2023-25's reporting years, which end in December 2025" in s55
    assert "cannot be given" not in text and "is due" not in text


def test_a_report_with_no_date_is_never_said_to_be_published_before_another(tmp_path):
    """Both releases undated (the Metropolitan Police's): the 2023-25 report cannot be "published
    on or before" the 2021/22 one (it was said of both, so of a report years the younger)."""
    from click.testing import CliRunner
    from conftest import ROOT, invoke

    texts = ROOT.parent / "shared" / "corpus-2" / "texts"
    pair = [texts / f"metropolitan-{cycle}-pressrelease.txt" for cycle in ("2021-22", "2023-25")]
    if not all(p.exists() for p in pair):
        pytest.skip(f"{texts} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(CliRunner(), "pack", *pair, "--date", "2026-12-07", "--formats", "json", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    text = " ".join(next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8").split())
    assert "the 56 days have ended" in text
    assert "published on or before the PEEL 2021/22 report" not in text
    # placed by their cycles: the 2023-25 report is after the 2021/22 one, which is not after itself
    assert "1 report on file was published after the PEEL 2021/22 report (date not stated)" in text
    assert "the PEEL 2021/22 report (date not stated) itself is on the workbook's Reports sheet" in text
    assert "do not say whether PEEL 2023-2025" not in text


def test_the_last_day_a_cycles_reports_came_out():
    from briefing.compare.register import published_by
    from briefing.reference import load_frameworks

    cycles = load_frameworks().cycles
    assert published_by(cycles["peel-2021-22"]) == date(2024, 2, 29)  # its straggler, after "2021-09 to 2023-06"
    assert published_by(cycles["peel-2023-25"]) == date(2025, 12, 31)
    assert published_by(cycles["peel-2018-19"]) == date(2020, 3, 31)
    assert published_by(None) is None


def test_a_report_known_only_to_the_month_gives_the_latest_last_day_years_later():
    text, glance = _pack_text(PublicationDate(2024, 2), date(2026, 12, 7))
    assert "due within 56 days of publication" not in text
    assert "the 56 days ended by 24 April 2024 at the latest" in text  # 29 Feb + 55 days
    assert "is due by" not in text  # ended long before the paper's date, so never "is due"


def _text_boxes(drawing) -> list[tuple[float, float, float, float, str]]:
    """Each run of text in the drawing as printed on a page: (left, bottom, right, top, text)."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    data = renderPDF.drawToString(drawing)
    page = pypdfium2.PdfDocument(data)[0]
    textpage = page.get_textpage()
    boxes = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        boxes.append((left, bottom, right, top, textpage.get_text_bounded(left, bottom, right, top).strip()))
    return boxes


def test_no_word_of_the_pdf_chart_runs_into_another():
    from briefing.writers.pdf_chart import chart_drawing
    from briefing.writers.pdf_fonts import fonts

    ranked = reversed(list(enumerate(SCALE)))  # outstanding first, as the chart lists areas
    bars = tuple(GradeBar(f"Area {i + 1}", "adequate", g, 2, r) for i, (r, g) in enumerate(ranked))
    chart = Chart("Grades", "", (*bars, GradeBar("Area 6", "adequate", "", 2, None)), "PEEL 2021/22", "PEEL 2023-25",
                  SCALE)
    width = 480  # the body's width on A4 at the PDF's margins, less a little
    drawing = chart_drawing(chart, width, fonts()[0])
    boxes = [b for b in _text_boxes(drawing) if b[4]]
    assert any(b[4] == "not graded" for b in boxes) and any("upper bar" in b[4] for b in boxes)
    assert max(b[2] for b in boxes) <= width + 1, "the legend runs off the page"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"{a[4]!r} runs into {b[4]!r}"


@pytest.fixture(scope="module")
def chiefs():
    old = load_dataset(DATA / "2021-22-peel.yaml")
    new = load_dataset(DATA / "2023-25-peel-article.yaml")
    return build_briefing(compare(old, new), None, PackOptions(date=date(2026, 12, 7), audience="chief-officers"))


def test_the_chief_officers_see_each_finding_once_where_they_allocate_it(chiefs):
    tables = [b for s in chiefs.sections for b in s.blocks if getattr(b, "kind", "") == "table"]
    texts = [row[2] for t in tables if t.name.startswith("Open ") for row in t.rows]
    assert len(texts) == 21 and len(set(texts)) == 21  # the news article's 3 and 2021/22's 18, once each
    elsewhere = [row[2] for t in tables if t.name in ("Resolved", "New") for row in t.rows]
    assert not set(elsewhere) & set(texts), "a finding is listed twice"
    unmatched = next(s for s in chiefs.sections if s.title == "Earlier findings not in the source used")
    said = " ".join(b.text for b in unmatched.blocks if getattr(b, "kind", "") == "paragraph")
    assert "All of them are listed under Open findings by area, marked \u201cstatus unknown\u201d" in said


def test_the_pccs_pack_still_lists_the_earlier_findings_it_does_not_allocate():
    old = load_dataset(DATA / "2021-22-peel.yaml")
    new = load_dataset(DATA / "2023-25-peel-article.yaml")
    pcc = build_briefing(compare(old, new), None, PackOptions(date=date(2026, 12, 7)))
    resolved = next(b for s in pcc.sections for b in s.blocks if getattr(b, "name", "") == "Resolved")
    assert len(resolved.rows) == 18



ONE_OF_EACH = {  # planted: one of everything, where the words once spoke of many
    "old.yaml": "force: Wiltshire Police\ncycle: peel-2021-22\npublished: 2022-06-10\nsource: a.txt\n"
                "source_kind: press-release\njudgements:\n"
                + "".join(f"  - {{area: {a}, grade: good}}\n" for a in (
                    "public-treatment", "preventing-crime", "responding-to-public", "investigating-crime",
                    "protecting-vulnerable", "managing-offenders", "workforce", "force-management"))
                + "findings:\n  - {kind: area-for-improvement, id: AFI 1, area: Responding to the public, "
                  "text: The force should answer emergency calls within the national target.}\n",
    # all eight areas good in 2021/22; 2023-25 counts one area inadequate without naming it, and lists no finding
    "new.yaml": "force: Wiltshire Police\ncycle: peel-2023-25\npublished: 2024-08-16\nsource: b.txt\n"
                "source_kind: press-release\ngrade_counts:\n  - {grades: [inadequate], count: 1}\n",
}


@pytest.fixture(scope="module")
def one_of_each(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-of-each")
    for name, text in ONE_OF_EACH.items():
        (folder / name).write_text(text, encoding="utf-8")
    old, new = (load_dataset(folder / n) for n in ONE_OF_EACH)
    return {audience: build_briefing(compare(old, new), None, PackOptions(date=date(2026, 12, 7), audience=audience))
            for audience in ("pcc", "chief-officers")}


def _section_text(briefing, title: str) -> str:
    section = next(s for s in briefing.sections if s.title == title)
    return " ".join(" ".join(getattr(b, "items", ())) + getattr(b, "text", "") for b in section.blocks)


def test_one_of_each_is_said_as_one(one_of_each):
    pcc, chiefs = one_of_each["pcc"], one_of_each["chief-officers"]
    questions = _section_text(pcc, "Suggested questions for the meeting")
    assert "graded inadequate in one area. Which area is it, and what is the plan for it?" in questions
    assert "Does the force consider it resolved, and on what evidence?" in questions
    glance = " ".join(chiefs.text().split())
    assert "for the one open finding listed under Open findings by area" in glance
    assert "each of the 1 open" not in glance
    intro = _section_text(chiefs, "Open findings by area")
    assert "1 finding, with its lead and owner" in intro and "It is from the PEEL 2021/22 inspection" in intro
    assert "raised it again is not stated; check it against" in intro
    summary = " ".join(pcc.text().split())
    assert "PEEL 2021/22 and PEEL 2023-25 are each known from an inspectorate press release, which does not" in summary


def test_page_one_says_what_the_counts_prove_fell(tmp_path):
    """No area is graded in both, but every 2021/22 grade on file was good and 2023-25 counts two
    inadequate areas among its nine: one at least is among the eight that were good."""
    (tmp_path / "old.yaml").write_text(ONE_OF_EACH["old.yaml"], encoding="utf-8")
    (tmp_path / "new.yaml").write_text(ONE_OF_EACH["new.yaml"].replace("count: 1", "count: 2"), encoding="utf-8")
    c = compare(load_dataset(tmp_path / "old.yaml"), load_dataset(tmp_path / "new.yaml"))
    glance = next(s for s in build_briefing(c, None, PackOptions(date=date(2026, 12, 7))).sections
                  if s.title == "At a glance")
    points = " ".join(p.text for b in glance.blocks if getattr(b, "kind", "") == "points" for p in b.items)
    assert "so no one area's movement can be shown" in points
    assert "The PEEL 2023-25 source's counts show that at least one area went down" in points


def test_the_tracker_calls_a_finding_new_only_where_the_earlier_source_lists_every_finding(tmp_path):
    """Planted: both sources are press releases; the newer one states a concern the older does
    not list. The pages say "not in the earlier source used": the tracker, carried from quarter
    to quarter, must not say "new" (the Met's "ongoing concerns" were marked new there)."""
    from briefing.tracker import COLUMNS

    (tmp_path / "old.yaml").write_text(ONE_OF_EACH["old.yaml"], encoding="utf-8")
    (tmp_path / "new.yaml").write_text(ONE_OF_EACH["new.yaml"] + "findings:\n  - {kind: area-for-improvement, "
                                       "id: Finding 1, area: Investigating crime, text: The force should improve "
                                       "how it supervises investigations.}\n", encoding="utf-8")
    c = compare(load_dataset(tmp_path / "old.yaml"), load_dataset(tmp_path / "new.yaml"))
    for audience in ("pcc", "chief-officers"):
        briefing = build_briefing(c, None, PackOptions(date=date(2026, 12, 7), audience=audience))
        actions = next(s for s in briefing.sheets if s.name == "Actions").table
        titles = [col.title for col in actions.columns]
        row = next(r for r in actions.rows if "supervises investigations" in r[titles.index("Finding")])
        assert row[titles.index("State")] == "not in the earlier source used"
        assert row[titles.index("In the latest inspection")] == "not in the earlier source used"
        assert [col.title for col in COLUMNS] == titles
    chiefs = " ".join(briefing.text().split())
    assert "| new |" not in chiefs and "supervises investigations" in chiefs


def test_a_report_dated_only_by_a_later_source_has_the_nearer_bound_on_its_last_day():
    """Humberside's 2021/22 release is a repost dated 29 November 2022 that says the inspector
    "recently said": the last day was 23 January 2023 at the latest, not "by 24 April 2024 if the
    report came out within PEEL 2021/22's reporting years" (true, but fifteen months looser)."""
    from briefing.compare.standing import response_standing
    from briefing.reference import load_frameworks

    cycle = load_frameworks().cycles["peel-2021-22"]
    standing = response_standing(None, None, date(2026, 12, 7), PublicationDate(0), cycle=cycle,
                                 source_by=date(2022, 11, 29))
    assert standing.kind == "ended-by-source" and standing.missing
    assert standing.words("said") == ("was due by 23 January 2023 at the latest, since the report came out on or "
                                      "before 29 November 2022 (its own date is not on file), and no copy of it is on file")
    assert response_standing(None, None, date(2026, 12, 7), PublicationDate(0), cycle=cycle).kind == "ended-by-cycle"


@pytest.mark.parametrize("cycle_id", ["crime-2014", "peel-2015"])
def test_a_report_of_a_cycle_that_ended_before_the_limit_has_no_statutory_last_day(cycle_id):
    """Norfolk's 2014 and Dyfed-Powys's 2015 reports, dated only by their cycle, were given "the
    56 days ended by ..." and counted among responses missing; every report of those cycles came
    out before 2 May 2017, when the limit began, so none has a statutory last day."""
    from briefing.compare.standing import response_standing
    from briefing.reference import load_frameworks

    cycle = load_frameworks().cycles[cycle_id]
    standing = response_standing(None, None, date(2026, 12, 7), PublicationDate(0), cycle=cycle)
    assert standing.kind == "before-limit" and not standing.missing
    undated_2017 = response_standing(None, None, date(2026, 12, 7), PublicationDate(0), cycle=None,
                                     source_by=date(2018, 3, 22))
    assert undated_2017.kind == "ended-by-source"  # a bound after the limit began still bounds the last day
