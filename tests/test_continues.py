"""A later finding whose own words say it carries on from before ("still isn't"), matched to no
earlier finding on file: never "new", never left out of "which concerns persist".

Planted pair, after Devon and Cornwall's releases: 2021/22 states one concern about its
response to the public; the 2023-25 release says "the force still isn't attending incidents
... as fast as it should", worded too differently for the matcher. The pack said the sources
show no concern raised in both, called the 2023-25 finding new in the tracker, and asked
whether the 2021/22 concern was resolved without saying what HMICFRS had said.
"""

from __future__ import annotations

import json

from conftest import invoke
from packs import xlsx_values

OLD = ("PEEL 2021/22: An inspection of Dorset Police\n\nPublished on: 10 June 2022\n\n"
       "HMICFRS graded Dorset Police's performance across eight areas of policing and found the force was "
       "'inadequate' in responding to the public.\n\n"
       "However, the inspectorate said the force needs to improve how quickly it answers emergency calls.\n")
NEW = ("PEEL 2023-2025: An inspection of Dorset Police\n\nPublished on: 16 August 2024\n\n"
       "HMICFRS graded Dorset Police's performance across nine areas of policing and found the force was "
       "'requires improvement' in responding to the public.\n\n"
       "The inspectorate also said the force still isn't attending incidents resulting from calls for service as "
       "fast as it should.\n")


def test_a_finding_said_to_carry_on_is_said_so_everywhere(tmp_path, runner):
    for name, text in (("old.txt", OLD), ("new.txt", NEW)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = invoke(runner, "pack", tmp_path / "old.txt", tmp_path / "new.txt",
                    "--date", "2026-12-07", "--formats", "json,xlsx", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    model = json.loads(next((tmp_path / "out").glob("*-briefing.json")).read_text(encoding="utf-8"))
    text = " ".join(json.dumps(model, ensure_ascii=False).split())
    assert "says one of its findings carries on from before (\u201cstill isn't\u201d)" in text
    assert "one finding is said to carry on from before in the source's words" in text
    actions = xlsx_values(next((tmp_path / "out").glob("*.xlsx")))["Actions"]
    row = next(r for r in actions if any("still isn't attending" in str(v) for v in r))
    assert "said to carry on from before" in row and "new" not in row
    questions = next(s for s in model["sections"] if s["title"] == "Suggested questions for the meeting")
    asked = " ".join(" ".join(b.get("items", [])) for b in questions["blocks"])
    assert "HMICFRS says this carries on from before" in asked and "still isn't attending incidents" in asked


def test_the_sentence_after_a_finding_can_say_it_was_raised_before(tmp_path):
    """West Midlands 2023-25 (review 7, item 2): "I have serious concerns about how well the
    force investigates crime ... We have highlighted these problems in previous inspection
    reports, but the force's performance has declined." The finding was read from the first
    sentence and called new; the pack said no concern was raised in both inspections. A next
    sentence with continuing words ("still isn't") that does not point back to the finding says
    nothing of it."""
    from reading import read

    said = ("His Majesty's Inspector said: \u201cI have serious concerns about how well Dorset Police investigates "
            "crime, protects vulnerable people and manages offenders. {next}\n")
    text = NEW.replace("The inspectorate also said the force still isn't attending incidents resulting from calls for "
                       "service as fast as it should.\n", said)
    found = read(tmp_path, text.format(next="We have highlighted these problems in previous inspection reports, but "
                                            "the force's performance has declined.")).inspection.findings
    assert [f.continues for f in found if "serious concerns" in f.text] == ["highlighted these problems in previous"]
    found = read(tmp_path, text.format(next="Other forces' performance still isn't good enough.")).inspection.findings
    assert [f.continues for f in found if "serious concerns" in f.text] == [""]
