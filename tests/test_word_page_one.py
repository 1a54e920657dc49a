"""Word's page 1 on one A4 page, as the PDF's is (writers/docx_fit.py): LibreOffice lays the
Word file out, and page 2 starts with the contents that follow page 1.

Planted: the bundled PEEL 2023-25 source given the inspector's headline, an Engage statement
and a cause of concern (sentences of the shapes HMICFRS uses), compared with the bundled
2021/22 report and its whole record (a grid of three inspections and eleven areas), with six
recommendations for the meeting: before docx_fit, its page 1 ran onto page 2 in Word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

LONG_PAGE_ONE = dict(  # planted in the bundled PEEL 2023-25 source
    headline={"text": "I am pleased with some aspects of the force's performance in keeping people safe, reducing "
                      "crime and providing victims with an effective service.",
              "by": "His Majesty's Inspector of Constabulary", "line": 9},
    monitoring=[{"stage": "engage", "event": "entered", "line": 3,
                 "text": "His Majesty's Chief Inspector of Constabulary has today moved Northamptonshire Police into "
                         "an enhanced level of monitoring."}],
    cause={"kind": "cause-of-concern", "id": "Cause of concern 1", "area": "Investigating crime",
           "text": "The force is not carrying out effective investigations which lead to satisfactory results for "
                   "victims, and it does not make sure that multi-agency risk assessment conferences are effective."})
RECOMMENDATIONS = (  # six, as an office may give them
    "note the grades and findings of HMICFRS's PEEL 2023-25 inspection and what changed since PEEL 2021/22",
    "agree the response under section 55 of the Police Act 1996 from the draft skeleton in this paper",
    "ask the Chief Constable for a plan by March for the cause of concern on investigations",
    "ask the Chief Constable to report back on the 18 areas for improvement of 2021/22",
    "note that HMICFRS moved the force into Engage, its enhanced monitoring, and ask for the plan the force agreed",
    "agree that the Accountability Board reviews progress on the cause of concern at each meeting until it is closed")


def _long_page_one(runner, folder) -> Path:
    import yaml
    from conftest import invoke

    source = yaml.safe_load((DATA / "2023-25-peel-article.yaml").read_text(encoding="utf-8"))
    source.update(headline=LONG_PAGE_ONE["headline"], monitoring=LONG_PAGE_ONE["monitoring"], source="article.txt")
    source["findings"].append(LONG_PAGE_ONE["cause"])
    new = folder / "2023-25.yaml"
    new.write_text(yaml.safe_dump(source, sort_keys=False, allow_unicode=True), encoding="utf-8")
    records = [a for name in ("2014-crime-inspection", "2015-peel", "2016-peel", "2017-effectiveness", "2018-19-peel")
               for a in ("--record", DATA / f"{name}.yaml")]
    options = [a for r in RECOMMENDATIONS for a in ("--recommendation", r)]
    result = invoke(runner, "pack", DATA / "2021-22-peel.yaml", new, *records, *options, "--date", "2026-12-07",
                    "--meeting", "Accountability Board, 12 January 2027", "--formats", "docx", "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return next((folder / "out").glob("*.docx"))


@pytest.mark.slow
def test_words_page_one_holds_on_one_page_as_printed(default_pack, runner, tmp_path):
    """LibreOffice lays the Word file out: page 2 starts with the contents that follow page 1."""
    from programs import need_libreoffice, soffice_convert
    from pypdf import PdfReader

    need_libreoffice("docx")
    for i, docx in enumerate((default_pack.path("docx"), _long_page_one(runner, tmp_path))):
        run = soffice_convert(docx, tmp_path / f"pdf{i}", "pdf", tmp_path / "profile")
        assert run.returncode == 0, run.stderr
        pages = PdfReader(next((tmp_path / f"pdf{i}").glob("*.pdf"))).pages
        first, second = (" ".join(p.extract_text().split()) for p in pages[:2])
        assert "Monitoring, inspection cycle and actions" in first and "people to fill in" in first
        assert second.replace("OFFICIAL", "", 1).strip().startswith("Contents"), f"{docx.name}: {second[:200]}"
