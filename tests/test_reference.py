"""data/ read and checked once (briefing.reference): a mistake an analyst makes there is
one line naming the file and the entry, and another folder of data, passed as a
parameter, is what the extraction and the pack read with."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from briefing import cli
from briefing.errors import InputError, ValidationFailed
from briefing.extract import extract
from briefing.pack import PackRequest, make_pack
from briefing.reference import FILES, Reference
from briefing.resources import data_dir


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the bundled data files, to change."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILES:
        shutil.copy(data_dir() / name, folder / name)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refused(folder: Path) -> str:
    with pytest.raises(InputError) as raised:
        Reference.read(folder)
    return str(raised.value)


def test_the_bundled_data_reads_whole():
    ref = Reference.read(data_dir())
    assert "peel-2023-25" in ref.frameworks.cycles and ref.s55["days"] == 56
    assert len(ref.forces) >= 43 and ("Metropolitan Police Service" in dict(ref.forces))
    assert ref.office_on("Northamptonshire Police", date(2026, 12, 7)).startswith("Police, Fire and Crime Commissioner")


@pytest.mark.parametrize("name,old,new,said", [
    ("finding_kinds.yaml", "severity: 3", "severity: high",
     "finding_kinds.yaml, finding_kinds.cause-of-concern.severity: expected a whole number, found 'high'"),
    ("forces.yaml", "  - City of London Police\n", "  - {City of London Police: City Police}\n",
     "forces.yaml, forces, entry 5: expected a name, or a name and a list of its other names, found "),
    ("report_types.yaml", "days: 56", "days: fifty-six", "report_types.yaml, s55.days: expected a whole number"),
    ("offices.yaml", "default: Police and Crime Commissioner", "fallback: x", "offices.yaml: missing 'default'"),
    ("offices.yaml", "2021-05-10: Mayor of West Yorkshire", "May 2021: Mayor of West Yorkshire",
     "offices.yaml, offices.West Yorkshire Police, the day 'May 2021' (write it as YYYY-MM-DD): expected a date"),
    ("source_kinds.yaml", "'/recommendation/'", "'(unclosed'",
     "source_kinds.yaml, source_kinds.register-entry.read.address, pattern 1: not a regular expression"),
    ("wording.yaml", "date: ", "date: [", "wording.yaml, line "),
])
def test_a_mistake_in_the_data_is_one_line_naming_the_file_and_the_entry(data, name, old, new, said):
    _edit(data, name, old, new)
    message = _refused(data)
    _, rest = said.split(name, 1)
    assert message.startswith(str(data / name)) and rest in message
    assert "\n" not in message


def test_a_missing_data_file_says_so(data):
    (data / "themes.yaml").unlink()
    assert "themes.yaml: cannot read the tool's data" in _refused(data)


def test_the_command_line_says_a_data_mistake_in_one_line(monkeypatch, capsys):
    def broken():
        raise InputError("expected a whole number, found 'high'", file="/data/finding_kinds.yaml",
                         place="finding_kinds.cause-of-concern.severity")

    monkeypatch.setattr("briefing.reference.reference", broken)
    monkeypatch.setattr("sys.argv", ["briefing", "pack"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == ("Error: /data/finding_kinds.yaml, finding_kinds.cause-of-concern.severity: "
                                       "expected a whole number, found 'high'\n")


def test_a_force_known_only_to_the_data_given_is_read_with_it(data, tmp_path):
    _edit(data, "forces.yaml", "  - City of London Police\n", "  - City of London Police\n  - Avalon Constabulary\n")
    report = tmp_path / "report.txt"
    report.write_text("Avalon Constabulary: PEEL 2023-25\n\nAvalon Constabulary was inspected in 2024. "
                      "Avalon Constabulary should improve how it answers calls.\n", encoding="utf-8")
    assert extract(report, reference=Reference.read(data)).inspection.force == "Avalon Constabulary"
    assert extract(report).inspection.force != "Avalon Constabulary"


def test_a_kind_of_page_known_only_to_the_data_given_is_read_with_it(data, tmp_path):
    _edit(data, "source_kinds.yaml", "  letter:\n", "  board-minutes:\n    name: police and crime board minutes\n"
          "    complete: false\n    read: {words: ['^minutes of the avalon board$']}\n  letter:\n")
    page = tmp_path / "minutes.txt"
    page.write_text("Minutes of the Avalon board\n\nThe board noted that Kent Police was rated good at "
                    "investigating crime.\n", encoding="utf-8")
    assert extract(page, reference=Reference.read(data)).inspection.source_kind == "board-minutes"
    assert extract(page).inspection.source_kind != "board-minutes"


def test_the_office_the_pack_reports_to_comes_from_the_data_given(data, tmp_path):
    _edit(data, "offices.yaml", "Police, Fire and Crime Commissioner for Northamptonshire",
          "Mayor of Northamptonshire")
    result = make_pack(PackRequest(out_dir=tmp_path / "out", formats=("json",), reference=Reference.read(data)))
    text = json.dumps(json.loads(result.paths[0].read_text(encoding="utf-8")))
    assert "Mayor of Northamptonshire" in text and "Police, Fire and Crime Commissioner" not in text


def test_a_paper_names_the_body_over_the_force_on_its_own_date():
    """West Yorkshire's PCC functions passed to its Mayor on 10 May 2021 (data/offices.yaml):
    a paper of December 2026 is for the Mayor, and one of before that day for the PCC."""
    from briefing.document.options import PackOptions

    ref = Reference.read(data_dir())
    assert PackOptions(date=date(2026, 12, 7)).office_for("West Yorkshire Police", ref) == "Mayor of West Yorkshire"
    assert PackOptions(date=date(2021, 5, 9)).office_for("West Yorkshire Police", ref) == "Police and Crime Commissioner"
    assert PackOptions(date=date(2024, 5, 6)).office_for("North Yorkshire Police", ref) == \
        "Police, Fire and Crime Commissioner for North Yorkshire"
    assert PackOptions(date=date(2024, 5, 7), office="The Board").office_for("North Yorkshire Police", ref) == "The Board"


def test_a_dataset_is_checked_against_the_data_given(data, tmp_path):
    """A source kind an office added to its own data/ is known to a dataset read with it."""
    from briefing.ingest.dataset import load_dataset

    _edit(data, "source_kinds.yaml", "  letter:\n", "  board-minutes:\n    name: police and crime board minutes\n"
          "    complete: false\n  letter:\n")
    original = (data_dir() / "northamptonshire" / "2021-22-peel.yaml").read_text(encoding="utf-8")
    dataset = tmp_path / "2021-22-peel.yaml"
    assert "\nsource_kind: report\n" in original
    dataset.write_text(original.replace("\nsource_kind: report\n", "\nsource_kind: board-minutes\n"), encoding="utf-8")
    assert load_dataset(dataset, Reference.read(data)).source_kind == "board-minutes"
    with pytest.raises(ValidationFailed, match="source_kind 'board-minutes' is not one of"):
        load_dataset(dataset)


def test_a_force_section_55_does_not_cover_is_never_given_a_duty_or_a_last_day(tmp_path):
    """British Transport Police is inspected under the Railways and Transport Safety Act 2003,
    not s.54 of the Police Act 1996: its pack was addressed to a "Police and Crime
    Commissioner", asked to confirm a s.55 response "due 17 April 2024" and given a skeleton
    with copies to the Home Secretary (review 4, item 2). Planted: the bundled force's two
    inspections, renamed British Transport Police."""
    from dataclasses import replace

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing
    from briefing.ingest.dataset import load_dataset

    old, new = (replace(load_dataset(data_dir() / "northamptonshire" / name), force="British Transport Police")
                for name in ("2021-22-peel.yaml", "2023-25-peel-article.yaml"))
    day = date(2026, 12, 7)
    briefing = build_briefing(compare(old, new, as_of=day), None, PackOptions(date=day))
    text = json.dumps([s.title for s in briefing.sections]) + json.dumps(
        [getattr(b, "text", "") or getattr(b, "items", "") for s in briefing.sections for b in s.blocks], default=str)
    assert "British Transport Police Authority" in text and "Police and Crime Commissioner" not in text
    assert "Railways and Transport Safety Act 2003" in text
    assert "Home Secretary" not in text and "was due" not in text and "56 days ended" not in text
    assert briefing.metadata.s55_due is None


def test_a_duty_whose_last_day_passed_is_the_body_of_that_day(tmp_path):
    """South Yorkshire's PCC functions passed to its Mayor on 7 May 2024 (data/offices.yaml). A
    paper of December 2026 is for the Mayor, but a response that was due before that day was
    the PCC's: the pack had called it "The Mayor of South Yorkshire's response ... due by 24
    April 2024" (review 5). Planted: the bundled inspections renamed South Yorkshire Police,
    the newer one published 16 February 2024 (last day 11 April 2024), made as a pack makes
    them (its options settled from the request's data)."""
    from dataclasses import replace

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing
    from briefing.ingest.dataset import load_dataset
    from briefing.pack import PackRequest

    old, new = (replace(load_dataset(data_dir() / "northamptonshire" / name), force="South Yorkshire Police")
                for name in ("2021-22-peel.yaml", "2023-25-peel-article.yaml"))
    day = date(2026, 12, 7)
    options = PackRequest(options=PackOptions(date=day)).options_for("South Yorkshire Police")
    briefing = build_briefing(compare(old, new, as_of=day), None, options)
    text = " ".join(briefing.text().split())
    assert briefing.metadata.audience and "For the Mayor of South Yorkshire" in text
    assert "The PCC's response under section 55 of the Police Act 1996 was due 11 April 2024" in text
    assert "requires the Police and Crime Commissioner to invite" in text
    asked = replace(options, office="The Board", offices=())
    assert "The Board's response under section 55" in " ".join(build_briefing(
        compare(old, new, as_of=day), None, asked).text().split())
