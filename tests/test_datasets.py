"""The hand-kept datasets hold what the seeds say, each item at its place in the seed."""

from __future__ import annotations

import re

import pytest
from conftest import SEED_FILES, seed

NORMALISE = re.compile(r"[^a-z0-9]+")


def words(text: str) -> str:
    return NORMALISE.sub(" ", text.lower().replace("’", "'")).strip()


def test_2021_22_counts(inspections):
    peel = inspections["peel-2021-22"]
    assert len(peel.judgements) == 12
    assert len(peel.graded) == 10
    assert len(peel.findings_of("area-for-improvement")) == 19
    assert {j.grade for j in peel.graded} == {"adequate", "requires improvement"}
    assert sum(j.grade == "adequate" for j in peel.graded) == 4


def test_2023_25_grades_match_the_article_counts(inspections):
    article = inspections["peel-2023-25"]
    stated = {c.grades: c.count for c in article.grade_counts}
    for grades, count in stated.items():
        assert sum(j.grade in grades for j in article.graded) == count
    assert article.published.exact.isoformat() == "2024-02-16"


def test_2017_cause_of_concern_has_its_recommendations(inspections):
    report = inspections["peel-2017"]
    (concern,) = report.findings_of("cause-of-concern")
    recs = report.findings_of("recommendation")
    assert len(recs) == 6 and all(r.relates_to == concern.id for r in recs)
    assert len(report.findings_of("area-for-improvement")) == 12


@pytest.mark.parametrize("cycle", sorted(SEED_FILES))
def test_every_item_is_at_its_place_in_the_seed(inspections, cycle):
    """The opening words of each finding stand within a few lines of its recorded line."""
    lines = seed(cycle).read_text(encoding="utf-8").splitlines()
    inspection = inspections[cycle]
    for finding in inspection.findings:
        # Lists under a stem ("The force should immediately take steps to: - act on ...") and
        # the article's reported speech keep the seed's closing words rather than its opening.
        window = words(" ".join(lines[finding.place.line - 3: finding.place.line + 8]))
        text = words(finding.text).split()
        opening, closing = " ".join(text[:4]), " ".join(text[-4:])
        assert opening in window or closing in window, \
            f"{finding.id or finding.text[:40]} is not at line {finding.place.line}"
    for judgement in inspection.judgements:
        line = words(lines[judgement.place.line - 1])
        assert judgement.grade in line or (judgement.grade == "ungraded" and ("ungraded" in line or "grade" in line)), \
            f"{judgement.label}: grade not stated at line {judgement.place.line}"
