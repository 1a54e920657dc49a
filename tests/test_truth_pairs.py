"""Packs for forces other than the bundled one, checked against a careful reader's truth:
../shared/tools/check-pairs' own logic (its truth files, area keys and the four kinds of
plainly false statement), run in-process on a representative set of its pairs, each the
case where a pack once said something false:

- Thames Valley 2021/22 -> 2023-25 press releases: a fall and an inadequate grade, once
  "no grade fell" and no word "inadequate";
- North Yorkshire 2021/22 news -> 2023-25 press release: eight areas the news states no
  grade for, once "no longer graded";
- Cleveland 2021/22 press release -> 2023-25 news: areas the older source leaves out, once
  "newly graded";
- Avon and Somerset 2021/22 force page -> 2023-25 PCC page: once "no longer graded" and "no
  grade fell";
- Lincolnshire 2021/22 PCC page -> 2023-25 press release: inadequate in four areas;
- Gloucestershire 2021/22 report -> 2023-25 press release: an inadequate grade;
- Lincolnshire 2018/19 -> 2021/22: an area the later cycle does not have;
- Surrey 2021/22 blog -> 2023-25 news: the inadequate grade the reader cannot place.
The whole set (75 pairs) runs with the tool itself: see the README.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest
from reading import SHARED

TOOL = SHARED / "tools" / "check-pairs"
PAIRS = [
    ("thames-valley-2021-22-press-release.txt", "thames-valley-2023-25-press-release.txt"),
    ("north-yorkshire-2021-22-news.txt", "north-yorkshire-2023-25-press-release.txt"),
    ("cleveland-2021-22-pressrelease.txt", "cleveland-2023-25-news.txt"),
    ("avon-and-somerset-2021-22-forcepage.txt", "avon-and-somerset-2023-25-pccpage.txt"),
    ("lincolnshire-2021-22-pccpage.txt", "lincolnshire-2023-25-pressrelease.txt"),
    ("gloucestershire-2021-22-report.txt", "gloucestershire-2023-25-pressrelease.txt"),
    ("lincolnshire-2018-19-report-legitimacy.txt", "lincolnshire-2021-22-pccpage.txt"),
    ("surrey-2021-22-residentsblog.txt", "surrey-2023-25-news.txt"),
]


@pytest.fixture(scope="module")
def checker():
    if not TOOL.exists():
        pytest.skip(f"{TOOL} is absent: clone the project with ../shared beside it to run this test")
    pytest.importorskip("yaml")
    loader = importlib.machinery.SourceFileLoader("check_pairs", str(TOOL))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("check_pairs", loader))
    loader.exec_module(module)
    texts = {f["file"].split("/")[-1]: f for f in module.texts([SHARED / c for c in ("corpus", "corpus-2", "corpus-3")])}
    return module, texts


def _false_statements(cp, old: dict, new: dict, tmp_path: Path) -> list[str]:
    """check-pairs' check, on the pack's document model instead of its PDF text."""
    from briefing.document import PackOptions
    from briefing.pack import PackRequest, make_pack

    result = make_pack(PackRequest(inputs=(old["path"], new["path"]), formats=("json",), out_dir=tmp_path,
                                   options=PackOptions(date=date(2026, 12, 7))))
    sheet = next(s.table for s in result.briefing.sheets if s.name == "Grades")
    col = {c.title: i for i, c in enumerate(sheet.columns)}
    flat = re.sub(r"\s+", " ", result.briefing.text())
    g_old, g_new, wrong = cp.truth_grades(old), cp.truth_grades(new), []
    for row in sheet.rows:
        k = cp.key(row[col["Area"]]) or cp.key(row[col["Later wording"]]) or cp.key(row[col["Earlier wording"]])
        earlier, later, move = (str(row[col[c]]).lower() for c in ("Earlier grade", "Later grade", "Movement"))
        for side, stated, truth in (("earlier", earlier, g_old), ("later", later, g_new)):
            if k in truth and stated in cp.RANK and stated != truth[k]:
                wrong.append(f"wrong-grade: {row[0]} {side} {stated}, the text says {truth[k]}")
        if ("no longer graded" in move or later == "not graded") and (k in g_new or k in cp.CORE[new["cycle"]]):
            wrong.append(f"not-graded: {row[0]} called {move or later!r}")
        if "newly graded" in move and (k in g_old or k in cp.CORE[old["cycle"]]):
            wrong.append(f"not-graded: {row[0]} called 'newly graded'")
    fell = any(k in g_old and cp.RANK[g_new[k]] > cp.RANK[g_old[k]] for k in g_new)
    worse = cp.counts_have(new, "inadequate") and "inadequate" not in g_old.values()
    if (fell or worse) and re.search(r"no graded area went down|no grade fell|no went down", flat, re.I):
        wrong.append("no-fall")
    said = [x for x in re.split(r"(?<=[.;:!?])\s+", flat) if re.search(r"\binadequate\b", x, re.I)
            and re.search(r"\b(areas?|one|two|three|four|five|six|seven|eight|nine|\d+)\b|" + "|".join(cp.AREA_WORDS),
                          x, re.I)]
    if ("inadequate" in g_new.values() or cp.counts_have(new, "inadequate")) and not said:
        wrong.append("no-inadequate")
    return wrong


@pytest.mark.parametrize("old,new", PAIRS, ids=[o.removesuffix(".txt") for o, _ in PAIRS])
def test_a_pack_from_two_public_texts_states_nothing_false(checker, old, new, tmp_path):
    cp, texts = checker
    assert _false_statements(cp, texts[old], texts[new], tmp_path) == []


def test_counts_lead_when_the_source_names_no_area(checker, tmp_path):
    """Lincolnshire 2023-25: 'requires improvement in four areas and inadequate in four', no
    area named; the pack says so on its first pages and in the grade table, never 'no grade fell'."""
    from briefing.document import PackOptions
    from briefing.pack import PackRequest, make_pack

    cp, texts = checker
    old, new = texts["lincolnshire-2021-22-pccpage.txt"], texts["lincolnshire-2023-25-pressrelease.txt"]
    briefing = make_pack(PackRequest(inputs=(old["path"], new["path"]), formats=("json",), out_dir=tmp_path,
                                     options=PackOptions(date=date(2026, 12, 7)))).briefing
    summary = " ".join(b.text for b in next(s for s in briefing.sections if s.title == "Executive summary").blocks
                       if hasattr(b, "text"))
    assert "inadequate in four areas" in summary and "requires improvement in four areas" in summary
    assert "No graded area went down" not in briefing.text() and "No grade fell" not in briefing.text()
    grades = next(b for s in briefing.sections for b in s.blocks if getattr(b, "name", "") == "Grades")
    assert ("Areas the PEEL 2023-25 source does not name", "", "inadequate (4 areas)") in [r[:3] for r in grades.rows]
    questions = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks[0].items
    assert questions[0].startswith("Lincolnshire Police was moved into Engage")  # the release moved it "in December"
    assert questions[1].startswith("The PEEL 2023-25 source says the force was graded inadequate in four areas")


def test_a_task_praised_within_an_area_is_no_grade_of_it(checker, tmp_path):
    """Cleveland 2023-25: 'is good at prioritising the calls it receives for service' praises a
    task inside responding to the public (found by the keyword "calls"), not the area's grade;
    read as one, the counts 'proved' Responding to the public went up to good."""
    from briefing.document import PackOptions
    from briefing.pack import PackRequest, make_pack

    cp, texts = checker
    old, new = texts["cleveland-2021-22-pressrelease.txt"], texts["cleveland-2023-25-pressrelease.txt"]
    briefing = make_pack(PackRequest(inputs=(old["path"], new["path"]), formats=("json",), out_dir=tmp_path,
                                     options=PackOptions(date=date(2026, 12, 7)))).briefing
    assert "Responding to the public went up" not in briefing.text()
    sheet = next(s.table for s in briefing.sheets if s.name == "Grades")
    col = {c.title: i for i, c in enumerate(sheet.columns)}
    responding = next(r for r in sheet.rows if r[col["Area"]] == "Responding to the public")
    assert (responding[col["Later grade"]], responding[col["Movement"]]) == ("not stated", "not known")


def test_a_concern_met_by_a_specific_shared_word_is_not_asked_as_resolved(checker):
    """Wiltshire 2021/22 -> 2023-25 press releases: 'Call handling remains a significant issue'
    carries on the 2021/22 concern about how the force 'manages victims' calls' (the shared
    word), not only the HMI's concern naming responding to the public in passing; once, the
    victims' calls concern was the one asked 'resolved?'."""
    from briefing.pack import PackRequest
    from briefing.pack.loading import load_comparison

    _, texts = checker
    old, new = texts["wiltshire-2021-22-pressrelease.txt"], texts["wiltshire-2023-25-pressrelease.txt"]
    comparison = load_comparison(PackRequest(inputs=(old["path"], new["path"]))).comparison
    assert [f.text for f in comparison.resolved if "victims' calls" in f.text] == []
    link = next(p for p in comparison.persisting if "victims' calls" in p.old.text)
    assert link.new.text.startswith("Call handling remains") and not link.merged
