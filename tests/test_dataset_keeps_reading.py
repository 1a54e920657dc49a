"""A report saved as a dataset (what `briefing extract` writes and the web page saves) makes
the same pack as the report read from its text: every fact the pack uses survives, among
them what the newer source says improved or still falls short ("still has challenges in
these areas"), whose quoted words a grade is, the areas a concern lists, and the "good at"
praise set aside. Real pairs of press releases and reports, read and compared both ways."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reading import SHARED

from briefing.compare import compare
from briefing.document import PackOptions, build_briefing
from briefing.extract import extract
from briefing.ingest.dataset import dump_dataset, load_dataset

DAY = date(2026, 12, 7)
PAIRS = [  # texts of ../shared: continuing words, an improvement, praise set aside, a chief constable's quoted grade
    ("corpus-2/texts/staffordshire-2021-22-pressrelease.txt", "corpus-2/texts/staffordshire-2023-25-pressrelease.txt"),
    ("corpus-2/texts/metropolitan-2021-22-pressrelease.txt", "corpus-2/texts/metropolitan-2023-25-pressrelease.txt"),
    ("corpus-2/texts/kent-2021-22-pressrelease.txt", "corpus-2/texts/kent-2023-25-report.txt"),
    ("corpus-2/texts/cheshire-2018-19-pressrelease.txt", "corpus-3/texts/cheshire-2023-25-news.txt"),
]


def _saved(inspection, folder: Path, name: str):
    path = folder / f"{name}.yaml"
    path.write_text(dump_dataset(inspection), encoding="utf-8")
    return load_dataset(path)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0].split("/")[-1].split("-20")[0] for p in PAIRS])
def test_a_pack_from_the_saved_datasets_says_what_the_pack_from_the_texts_says(tmp_path, old, new):
    paths = [SHARED / old, SHARED / new]
    if not all(p.exists() for p in paths):
        pytest.skip(f"{SHARED} is absent: clone the project with ../shared beside it to run this test")
    read = [extract(path).inspection for path in paths]
    saved = [_saved(inspection, tmp_path, name) for inspection, name in zip(read, ("old", "new"))]
    options = PackOptions(audience="pcc", date=DAY)
    from_text, from_data = (build_briefing(compare(*pair, as_of=DAY), None, options).to_dict() for pair in (read, saved))
    assert from_data == from_text
