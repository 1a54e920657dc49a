"""Review 14's finding readings (Suffolk, Gwent, Derbyshire), each as a PCC's office would
meet it: the sentence that was read wrong or not at all, and what the source says."""

from __future__ import annotations

import pytest
from conftest import invoke
from reading import SHARED, read_shared

SUFFOLK_2017 = "corpus/texts/suffolk-2017-news-efficiency.txt"
SUFFOLK_2023 = "corpus/texts/suffolk-2023-25-press-release.txt"
GWENT_2018 = "corpus-2/texts/gwent-2018-19-forcepage.txt"
GWENT_2023 = "corpus-3/texts/gwent-2023-25-news.txt"
DERBYSHIRE_2021 = "corpus/texts/derbyshire-2021-22-press-release.txt"


def _findings(name: str) -> list[tuple[int, str, str]]:
    """(line, area, text) of each finding read from a shared text."""
    return [(f.place.line, f.area, f.text) for f in read_shared(name).inspection.findings]


def _pack(runner, tmp_path, old: str, new: str) -> str:
    """The PCC's pack of two shared texts, as its JSON document model's text."""
    if not (SHARED / old).exists() or not (SHARED / new).exists():
        pytest.skip(f"{old} or {new} is absent: clone the project with ../shared beside it to run this test")
    result = invoke(runner, "pack", SHARED / old, SHARED / new, "--formats", "json", "-o", tmp_path,
                    "--date", "2026-12-07")
    assert result.exit_code == 0, result.output
    return next(tmp_path.glob("*-briefing.json")).read_text(encoding="utf-8")


def test_praise_the_report_found_is_never_a_finding_to_resolve(runner, tmp_path):
    """New item 1 (FALSE): Suffolk 2017's "The report found that the force 'has impressive joint
    working practices ...' and 'has a culture of innovation ...'" (line 8) was a finding, so the pack
    put praise on the tracker and asked whether it was resolved; the source names "one way in which
    the force could improve" (line 16), and that alone is the finding."""
    assert [line for line, _, _ in _findings(SUFFOLK_2017)] == [16]
    text = _pack(runner, tmp_path, SUFFOLK_2017, SUFFOLK_2023)
    assert "impressive joint working practices" not in text
    assert "Two findings of PEEL 2017" not in text
    assert "One finding of PEEL 2017 (Finding 1) is not in the source used for PEEL 2023-25" in text


def test_the_inspectorates_finding_in_a_relative_clause_is_read(runner, tmp_path):
    """New item 6 (MISSING): Gwent 2023-25's "The inspection report, which found the Gwent force
    must improve how it investigates crime and protects the vulnerable, noted ..." (line 6) was no
    finding, so the pack said "the PEEL 2023-25 source lists no findings"."""
    assert _findings(GWENT_2023) == [
        (6, "investigating-crime", "The Gwent force must improve how it investigates crime and protects the vulnerable.")]
    text = _pack(runner, tmp_path, GWENT_2018, GWENT_2023)
    assert "PEEL 2023-25 source lists no findings" not in text
    assert "The Gwent force must improve how it investigates crime and protects the vulnerable." in text


def test_what_the_inspector_found_lacking_or_inconsistent_is_a_finding():
    """New item 8 (MISSING): Derbyshire 2021/22's HMI said "We found a lack of clarity regarding
    responsibility within the constabulary's governance and there is inconsistency across the
    constabulary when it comes to measuring performance" (line 24): the finding on performance a
    PCC most needs was not in the pack."""
    lines = {line: text for line, _, text in _findings(DERBYSHIRE_2021)}
    assert lines[24] == ("We found a lack of clarity regarding responsibility within the constabulary's governance "
                         "and there is inconsistency across the constabulary when it comes to measuring performance.")


def test_a_service_in_child_protection_investigations_is_tied_to_its_area():
    """New item 5: Gwent 2018/19's "the force should do more to provide a consistently good service
    in child protection investigations" (line 34) was "Not tied to an area", so the pack asked
    whether it was resolved beside the 2023-25 requires improvement grades in exactly that work; the
    work a service falls short in, by its head noun (investigations), is investigating crime."""
    assert _findings(GWENT_2018) == [(34, "investigating-crime", "The force should do more to provide a consistently "
                                          "good service in child protection investigations.")]


def test_its_response_to_the_public_is_responding_to_the_public():
    """New item 12: Suffolk 2023-25's "the constabulary needs to improve its response to the public"
    (line 16) was "Not tied to an area": the area's own name, said with its verb's noun."""
    areas = {line: area for line, area, text in _findings(SUFFOLK_2023) if "response to the public" in text}
    assert areas[16] == "responding-to-public"
