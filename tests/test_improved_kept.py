"""What a source says the force improved ("the force had improved its response to the
public") is kept in the dataset `briefing extract` writes and the web page saves, so a pack
made from the saved report asks whether the improvement holds, as one made from the text
does, and the review page shows it beside its line."""

from __future__ import annotations

import pytest
from reading import SHARED, read

from briefing.ingest.dataset import dump_dataset, load_dataset, to_dataset

TEXT = ("Kent Police PEEL 2023-25\n\nHMICFRS found that the force had improved its response to the public. It "
        "answers calls quickly.\n")


def test_an_improvement_survives_the_dataset(tmp_path):
    found = read(tmp_path, TEXT).inspection
    assert [i.subject for i in found.improved] == ["its response to the public"]
    (tmp_path / "saved.yaml").write_text(dump_dataset(found), encoding="utf-8")
    again = load_dataset(tmp_path / "saved.yaml")
    assert again.improved == found.improved  # subject, sentence, line, area and the rule that read it


def test_an_improvement_given_by_hand_names_a_known_area_or_keeps_the_words(tmp_path):
    path = tmp_path / "hand.yaml"
    path.write_text("force: Northamptonshire Police\ncycle: peel-2023-25\npublished: 2024-02-16\nimproved:\n"
                    "  - {subject: its response to the public, text: The force had improved its response to the "
                    "public., area: Responding to the public, line: 7}\n", encoding="utf-8")
    (improved,) = load_dataset(path).improved
    assert (improved.area, improved.place.line, improved.how) == ("responding-to-public", 7, "")


def test_a_pack_from_the_saved_newer_source_asks_whether_the_improvement_holds(tmp_path):
    from briefing.compare import compare
    from briefing.document.earlier import findings_line
    from briefing.extract import extract

    paths = [SHARED / "corpus-2" / "texts" / f"metropolitan-{cycle}-pressrelease.txt" for cycle in ("2021-22", "2023-25")]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/corpus-2 is absent: clone the project with ../shared beside it to run this test")
    old, new = (extract(p).inspection for p in paths)
    (tmp_path / "new.yaml").write_text(dump_dataset(new), encoding="utf-8")
    saved = load_dataset(tmp_path / "new.yaml")
    said = "says the force has improved on that finding (line 7): ask whether the improvement is sustained"
    assert said in findings_line(compare(old, new)) and said in findings_line(compare(old, saved))


def test_the_review_page_shows_an_improvement_and_saving_it_unchanged_keeps_it(tmp_path):
    from briefing.web.review_form import from_form

    draft = to_dataset(read(tmp_path, TEXT).inspection)
    form = {"force": draft["force"], "cycle": draft["cycle"], "published-year": "2024"}
    assert from_form(form, draft).data["improved"] == draft["improved"]
    assert "improved" not in from_form(form | {"improved0_remove": "1"}, draft).data
