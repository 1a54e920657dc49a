"""The bundled force's whole record, from its own pages (../shared/northamptonshire/).

Each hand-kept dataset cites the page (and line) of every judgement; `briefing extract`
on that page must give the same judgement. Every other page about the force must agree
with the dataset of its cycle wherever both grade an area, except a page's "not yet
graded" snapshot taken before that pillar's report came out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA, ROOT, invoke

from briefing.compare import history
from briefing.extract import extract
from briefing.ingest.dataset import load_dataset

PAGES = ROOT.parent / "shared" / "northamptonshire"
DATASETS = {p.stem: p for p in sorted(DATA.glob("*.yaml"))}


def page(name: str) -> Path:
    path = PAGES / name
    if not path.exists():
        pytest.skip(f"{path} is absent: clone the project with ../shared beside it to run this test")
    return path


def cited(dataset: Path):
    """(page file, line, area, grade) for each judgement: the page the dataset's header
    names, or the page and line its note names."""
    import yaml

    text = dataset.read_text(encoding="utf-8")
    main = re.search(r"\.\./shared/northamptonshire/([\w-]+\.txt)", text).group(1)
    for item in yaml.safe_load(text)["judgements"]:
        note = re.fullmatch(r"([\w-]+\.txt), line (\d+)", str(item.get("note", "")))
        yield (note.group(1), int(note.group(2))) if note else (main, item["line"]), item["area"], item["grade"]


@pytest.mark.parametrize("stem", ["2015-peel", "2016-peel", "2018-19-peel"])
def test_each_page_extracts_to_the_datasets_judgements(stem):
    for (name, line), area, grade in cited(DATASETS[stem]):
        got = {(j.area, j.grade, j.place.line) for j in extract(page(name)).inspection.judgements}
        assert (area, grade, line) in got, f"{name}: {area} {grade} at line {line} not extracted; got {got}"


def test_every_page_agrees_with_the_dataset_of_its_cycle():
    if not PAGES.exists():
        pytest.skip(f"{PAGES} is absent: clone the project with ../shared beside it to run this test")
    by_cycle = {load_dataset(p).cycle: load_dataset(p) for p in DATASETS.values()}
    for path in sorted(PAGES.glob("*.txt")):
        result = extract(path).inspection
        dataset = by_cycle.get(result.cycle)
        if dataset is None:
            continue
        recorded = {j.area: j.grade for j in dataset.corrected().judgements}
        published = {j.area: j.grade for j in dataset.judgements}
        for j in result.judgements:
            if j.area in recorded and j.grade != "ungraded":
                assert j.grade in (recorded[j.area], published[j.area]), \
                    f"{path.name} line {j.place.line}: {j.area} {j.grade}, the dataset says {recorded[j.area]}"


def test_history_shows_the_whole_record(runner):
    record = history([load_dataset(p) for p in DATASETS.values()])
    assert [i.cycle for i in record.inspections] == ["core-business-2014", "crime-2014", "peel-2015", "peel-2016",
                                                     "peel-2017", "peel-2018-19", "peel-2021-22", "peel-2023-25"]
    assert record.not_on_file == ()
    preventing = next(t for t in record.timelines if t.area == "preventing-crime")
    assert [(p.cycle, p.grade) for p in preventing.points] == [
        ("crime-2014", "good"), ("peel-2015", "requires improvement"), ("peel-2016", "requires improvement"),
        ("peel-2017", "requires improvement"), ("peel-2018-19", "requires improvement"),
        ("peel-2021-22", "adequate"), ("peel-2023-25", "adequate")]
    efficiency = next(t for t in record.timelines if t.area == "efficiency")
    # PEEL 2017 is on file by its effectiveness report only: its efficiency and legitimacy grades are
    # gaps the record says, not skips
    assert [(p.cycle, p.grade or p.state) for p in efficiency.points] == [
        ("crime-2014", "not-stated"), ("peel-2015", "requires improvement"), ("peel-2016", "good"),
        ("peel-2017", "not-stated"), ("peel-2018-19", "inadequate")]
    legitimacy = next(t for t in record.timelines if t.area == "legitimacy")
    assert ("peel-2017", "not-stated") in [(p.cycle, p.state) for p in legitimacy.points]
    soc = next(t for t in record.timelines if t.area == "serious-organised-crime")
    assert (soc.points[-1].cycle, soc.points[-1].state) == ("peel-2023-25", "not-graded")  # reported separately
    result = invoke(runner, "history", *DATASETS.values(), columns=200)
    assert result.exit_code == 0 and "8 inspections on file, oldest first" in result.stdout
    assert "Not on file" not in result.stdout
    assert invoke(runner, "validate", *DATASETS.values()).exit_code == 0
