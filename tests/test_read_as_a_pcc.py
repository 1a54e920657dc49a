"""The bundled pack of 7 December 2026 read as a PCC would (issue 29, "Read as a PCC would"):
each test reads rendered text and names the wrong statement it once held.

From the bundled record: PEEL 2016 was published in March 2017, before s.37 of the Policing and
Crime Act 2017 came into force (2 May 2017); six reports on file have no response on file after
their 56 days (three since the PEEL 2021/22 report, three before it: two known only to the month);
the PEEL spotlight's one recommendation on file is its "Recommendation 2"; the disproportionality
spotlight's address is a blog; PEEL 2023-25 reports serious and organised crime separately; the
2018/19 and 2021/22 reports both ask for better community engagement, and 2018/19's cause of
concern on capacity to investigate is not 2021/22's AFI on wellbeing.
"""

from __future__ import annotations

import re
from datetime import date

from conftest import DATA, invoke
from packs import pdf_text

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.ingest.dataset import load_dataset

SPOTLIGHT = DATA / "reports" / "2023-07-peel-spotlight-getting-a-grip.yaml"
STOP_SEARCH = DATA / "reports" / "2021-02-disproportionate-use-of-police-powers.yaml"


def _flat(path) -> str:
    return " ".join(pdf_text(path).split())


def test_the_56_days_apply_from_2_may_2017(runner):
    import json

    reports = json.loads(invoke(runner, "register", "--date", "2026-12-07", "--format", "json").stdout)["reports"]
    peel_2016 = next(r for r in reports if r["published"] == "2017-03")
    assert peel_2016["s55_due"] is None and peel_2016["standing"] == "before-limit"
    assert "in force 2 May 2017): no statutory last day" in peel_2016["status"]


def test_every_report_without_a_response_is_counted(default_pack):
    text = _flat(default_pack.path("pdf"))
    assert ("For 6 reports on file the 56 days have ended and no response is on file; the 3 published on or before the "
            "PEEL 2021/22 report (24 November 2021) are on the workbook's Reports sheet") in text


def test_the_response_keeps_the_reports_own_recommendation_numbers_and_links_only_the_inspectorate(runner, tmp_path):
    result = invoke(runner, "response", SPOTLIGHT, "--date", "2023-08-01", "--formats", "html", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert ">Recommendation 2</h3>" in html and ">Recommendation 1</h3>" not in html
    invoke(runner, "response", STOP_SEARCH, "--date", "2026-12-07", "--formats", "html", "-o", tmp_path / "b")
    html = next((tmp_path / "b").glob("*.html")).read_text(encoding="utf-8")
    assert "write.as" not in html and "The report: Disproportionate use of police powers" in html
    peel = invoke(runner, "response", "--date", "2026-12-07", "--formats", "html", "-o", tmp_path / "p")
    assert peel.exit_code == 0, peel.output
    html = next((tmp_path / "p").glob("*.html")).read_text(encoding="utf-8")
    assert 'href="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/northamptonshire-2023-25/"' in html


def test_rows_are_named_in_the_later_cycles_words_and_soc_is_said_one_way(default_pack):
    grades = next(b for s in default_pack.briefing.sections for b in s.blocks if getattr(b, "name", "") == "Grades")
    names = [r[0] for r in grades.rows]
    assert "Leadership and force management" in names and "Police powers and public treatment" in names
    assert "Good use of resources and force management" not in names and "Treatment of the public" not in names
    soc = next(r for r in grades.rows if r[0] == "Serious and organised crime")
    assert soc[2:4] == ("not graded", "no longer graded") and "Not a PEEL 2023-25 area" in soc[4]
    grid = next(b for s in default_pack.briefing.sections for b in s.blocks if getattr(b, "name", "") == "GradeGrid")
    record = next(r for r in grid.rows if r.label == "Serious and organised crime")  # the record's grade grid
    assert record.cells[-1].text == "not graded" and "not on file" not in [c.text for c in record.cells]


def test_one_concern_is_one_concern_and_unrelated_ones_stay_apart(inspections):
    old = load_dataset(DATA / "2018-19-peel.yaml")
    c = compare(old, inspections["peel-2021-22"])
    links = {(p.old.label, p.new.label) for p in c.persisting}
    assert ("Area for improvement 2", "AFI 2") in links  # communities: 2018/19 and 2021/22 alike
    assert not any(p.new.label == "AFI 6" for p in c.persisting)  # wellbeing is not capacity to investigate
    assert not any("different communities" in f.text for f in c.resolved)
    assert not any("community engagement" in f.text for f in c.new_findings)


def test_community_engagement_is_counted_in_every_inspection_that_raises_it(default_pack):
    themes = next(b for s in default_pack.briefing.sections for b in s.blocks if getattr(b, "name", "") == "Themes")
    assert dict((r[0], r[1]) for r in themes.rows)["Community engagement"] == "at least 3 of 8"


def test_grammar_a_reader_would_notice(tmp_path, inspections):
    """No "no went down", "Of no areas", "biggest fall" of one fall, "longest-standing" of one concern."""
    bare = tmp_path / "bare.yaml"
    bare.write_text("force: Northamptonshire Police\ncycle: peel-2023-25\npublished: 2024-02-16\nsource: x.txt\n",
                    encoding="utf-8")
    pair = build_briefing(compare(inspections["peel-2021-22"], load_dataset(bare)), None,
                          PackOptions(date=date(2024, 3, 1)))
    text = " ".join(pair.text().split())
    assert "no went" not in text and "Of no areas" not in text and "Of none" not in text
    assert "No area is graded in both sources, so no movement of a grade can be shown" in text
    assert "No graded area went down" not in text
    default = build_briefing(compare(inspections["peel-2021-22"], inspections["peel-2023-25"]), None,
                             PackOptions(date=date(2024, 3, 1)))
    text = " ".join(default.text().split())
    assert "the one fall: Investigating crime" in " ".join(default.headline) and "biggest fall" not in text
    assert "One concern persists from the earlier inspection" in text and "longest-standing" not in text
    assert not re.search(r"\b0 earlier findings\b", text)


def test_a_concern_first_on_file_after_a_partial_source_may_go_back_further(tmp_path):
    """Three inspections: a 2018/19 assessment page (lists some findings only) that does not
    mention digital forensics, and 2021/22 and 2023-25 reports that both do: the concern is on
    file since 2021/22, and the pack says the 2018/19 source could not show whether it is older."""
    from briefing.compare import history
    from briefing.compare.comparison import with_record

    def write(name, body):
        path = tmp_path / name
        path.write_text("force: Northamptonshire Police\nsource: x.txt\n" + body, encoding="utf-8")
        return load_dataset(path)

    finding = ("findings:\n  - {kind: area-for-improvement, id: AFI 1, text: The force should make sure it can retrieve "
               "digital evidence from mobile phones quickly enough to avoid delaying investigations.}\n")
    record = history([
        write("a.yaml", "cycle: peel-2018-19\npublished: 2019-09-27\nsource_kind: assessment-page\nfindings:\n"
                        "  - {kind: area-for-improvement, text: The force should improve its call handling.}\n"),
        write("b.yaml", "cycle: peel-2021-22\npublished: 2021-11-24\nsource_kind: report\n" + finding),
        write("c.yaml", "cycle: peel-2023-25\npublished: 2024-02-16\nsource_kind: report\n" + finding)])
    c = with_record(record.steps[-1], record)
    (p,) = c.persisting
    assert (p.first_raised, p.earlier_unlisted) == ("PEEL 2021/22 (24 November 2021)", "PEEL 2018/19 (27 September 2019)")
    text = " ".join(build_briefing(c, record, PackOptions(date=date(2024, 3, 1))).text().split())
    assert ("the source on file for PEEL 2018/19 (27 September 2019), before it, does not list every finding, so it "
            "may go back further") in text
    assert "first raised PEEL 2021/22" not in text
