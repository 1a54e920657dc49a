"""Causes of concern a letter says HMICFRS closed (extract/closures.py, compare/closings.py),
each case a small text or dataset written here, with what is planted:

- a closure letter "closing the force's cause of concern regarding answering calls from the
  public", whose section "Cause of concern: answering calls from the public" holds a cause of
  concern and a recommendation, and a second section on crime recording that stays open:
  the first two are closed, with the line that says so, the third is not;
- "has not been closed", "will close ... once", "may close": no closing;
- "we discharged this cause of concern" under a heading: that section's findings closed;
- a PEEL-style report that "closed the causes of concern from our last inspection" and
  raises new ones: none of its own is marked closed;
- a revisit letter that "closed the causes of concern" and lists none: the register says
  so, never only "the source on file lists none";
- a later letter closing "the cause of concern regarding the management of registered sex
  offenders" of an earlier report on file: that report's cause of concern is closed, the
  letter named as the reason; an earlier one on another subject stays open;
- a monitoring letter (a return to Scan): no s.55 last day, never a response missing.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import invoke
from reading import read

from briefing.ingest.dataset import dump_dataset, load_dataset

FORCE = "Northamptonshire Police"
LETTER = """SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/northamptonshire-cause-of-concern-closed-letter/
Northamptonshire Police: closure of cause of concern letter

Published on: 3 October 2024

Thank you for the presentation at the oversight group last week.

{closing}

Cause of concern: answering calls from the public

The force is too slow to answer calls from the public

Within three months, Northamptonshire Police should:

  • improve how it answers non-emergency calls so that callers wait less.

Cause of concern: crime recording

The force does not record all the crimes reported to it

Crime recording remains a cause of concern.
"""
CLOSING = "I am pleased to tell you that I will be closing the force's cause of concern regarding answering calls " \
          "from the public."


def _closed(tmp_path, closing: str = CLOSING):
    found = read(tmp_path, LETTER.format(closing=closing)).inspection
    return found, {f.text[:30]: f.closed for f in found.findings}


def test_a_named_closing_closes_its_section_and_not_the_next(tmp_path):
    found, closed = _closed(tmp_path)
    assert found.report_type == "revisit-letter"
    assert [c.subject for c in found.closures] == ["answering calls from the public"]
    assert found.closures[0].place.line == 8
    slow = next(v for k, v in closed.items() if k.startswith("The force is too slow"))
    should = next(v for k, v in closed.items() if "non-emergency" in k or k.startswith("Within"))
    assert slow is not None and slow.place.line == 8
    assert should is not None
    recording = [v for k, v in closed.items() if k.startswith("The force does not record")]
    assert recording == [None]


def test_a_negated_or_conditional_closing_closes_nothing(tmp_path):
    for closing in ("The force's cause of concern regarding answering calls from the public has not been closed.",
                    "We will close the cause of concern regarding answering calls from the public once calls are "
                    "answered in time.",
                    "We may close the cause of concern regarding answering calls from the public next year."):
        found, closed = _closed(tmp_path, closing)
        assert found.closures == (), closing
        assert not any(closed.values()), closing


def test_this_cause_of_concern_is_the_section_it_stands_in(tmp_path):
    text = LETTER.format(closing="").replace("The force is too slow to answer calls from the public\n",
                                             "The force is too slow to answer calls from the public\n\n"
                                             "In May 2024, we discharged this cause of concern.\n")
    found = read(tmp_path, text).inspection
    assert [c.subject for c in found.closures] == ["Cause of concern: answering calls from the public"]
    states = {f.text[:25]: bool(f.closed) for f in found.findings}
    assert states["The force is too slow to "] is True
    assert states["The force does not record"] is False


def test_a_report_closing_its_last_inspections_concerns_keeps_its_own_open(tmp_path):
    text = ("SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/northamptonshire-2023-25/\n"
            "PEEL 2023-2025: An inspection of Northamptonshire Police\n\nPublished on: 5 March 2025\n\n"
            "We have closed the causes of concern from our last inspection.\n\nCauses of concern\n\n"
            "The force needs to improve how it investigates crime.\n")
    found = read(tmp_path, text).inspection
    assert found.closures and found.closures[0].plural
    assert not any(f.closed for f in found.findings)


def test_a_closed_finding_survives_the_dataset(tmp_path):
    found, _ = _closed(tmp_path)
    (tmp_path / "letter.yaml").write_text(dump_dataset(found), encoding="utf-8")
    again = load_dataset(tmp_path / "letter.yaml")
    assert [bool(f.closed) for f in again.findings] == [bool(f.closed) for f in found.findings]
    assert again.closures == found.closures


def _register(runner, *files: Path, day: str = "2026-12-07"):
    result = invoke(runner, "register", *files, "--force", FORCE, "--date", day, "--format", "json")
    assert result.exit_code == 0, result.output
    return {r["title"]: r for r in json.loads(result.stdout)["reports"]}


def test_an_unnamed_closing_is_said_in_the_register_and_the_pack(runner, tmp_path):
    letter = tmp_path / "revisit.txt"
    letter.write_text("SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/northamptonshire-"
                      "missing-children-causes-of-concern-revisit/\nNorthamptonshire Police's handling of missing "
                      "children: Causes of concern – revisit\n\nPublished on: 4 February 2025\n\nWhen we inspected "
                      "the force in 2023 we issued two causes of concern.\n\nThe response has been positive, and we "
                      "have closed the causes of concern.\n", encoding="utf-8")
    entry = next(iter(_register(runner, letter).values()))
    assert entry["closures"] == [{"subject": None, "text": "The response has been positive, and we have closed the "
                                  "causes of concern.", "line": 8, "page": None}]
    from briefing.compare.record import Named, check_record
    from briefing.compare.register import register
    from briefing.document.reports import recommendations_cell
    from briefing.extract import extract_inspection

    record = check_record([Named(str(letter), extract_inspection(letter))], FORCE)
    import datetime

    cell = recommendations_cell(register(record, FORCE, datetime.date(2026, 12, 7))[0])
    assert "closed the causes of concern (line 8), without naming them" in cell


EARLIER = ("force: Northamptonshire Police\nreport_type: force-inspection\ntitle: 'Northamptonshire Police: an "
           "inspection of public protection'\npublished: 2023-02-10\nsource: protection.txt\nfindings:\n"
           "- kind: cause-of-concern\n  id: CoC1\n  text: The force is not managing registered sex offenders well "
           "enough.\n- kind: recommendation\n  relates_to: CoC1\n  text: Within six months the force should clear its "
           "backlog of home visits.\n- kind: cause-of-concern\n  text: The force does not record crime accurately.\n")
LATER = ("force: Northamptonshire Police\nreport_type: revisit-letter\ntitle: 'Northamptonshire Police: causes of "
         "concern revisit letter'\npublished: 2024-05-02\nsource: letter.txt\nclosures:\n- subject: the management of "
         "registered sex offenders\n  text: 'In April 2024, we closed the cause of concern regarding the management of "
         "registered sex offenders.'\n  line: 12\n")


def test_a_later_letter_closes_an_earlier_reports_cause_of_concern_by_name(runner, tmp_path):
    (tmp_path / "earlier.yaml").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "later.yaml").write_text(LATER, encoding="utf-8")
    reports = _register(runner, tmp_path / "earlier.yaml", tmp_path / "later.yaml")
    closed = reports["Northamptonshire Police: an inspection of public protection"]["closed_for_force"]
    assert [c["text"][:40] for c in closed] == ["The force is not managing registered sex",
                                                "Within six months the force should clear"]
    assert closed[0]["closed_by"] == "HMICFRS's cause of concern revisit letter of 2 May 2024"
    assert closed[0]["line"] == 12
    # the letter before the report closes nothing of it
    early = LATER.replace("published: 2024-05-02", "published: 2022-05-02")
    (tmp_path / "later.yaml").write_text(early, encoding="utf-8")
    reports = _register(runner, tmp_path / "earlier.yaml", tmp_path / "later.yaml", day="2026-12-07")
    assert reports["Northamptonshire Police: an inspection of public protection"]["closed_for_force"] == []


def test_a_later_letter_closing_the_remaining_causes_of_concern_closes_every_one_of_that_inspection(runner, tmp_path):
    """Wiltshire: the December 2022 revisit letter restates the 2021/22 inspection's three causes
    of concern; the May 2024 letter says "we have been able to close the force's remaining causes
    of concern" and names none. The earlier letter's three stayed "open" (review 5). Planted: two
    letters about PEEL 2021/22; a letter about another cycle, or one closing "the causes of
    concern" without "remaining" or "all", closes nothing of the earlier letter."""
    first = ("force: Northamptonshire Police\nreport_type: revisit-letter\ncycle: peel-2021-22\ntitle: 'Northamptonshire "
             "Police: PEEL cause of concern revisit letter'\npublished: 2022-12-20\nsource: first.txt\nfindings:\n"
             "- kind: cause-of-concern\n  text: The force does not protect vulnerable people well enough.\n"
             "- kind: cause-of-concern\n  text: The force does not have adequate strategic plans.\n")
    closing = ("We have been able to close the force's remaining causes of concern.")
    second = ("force: Northamptonshire Police\nreport_type: revisit-letter\ncycle: peel-2021-22\ntitle: 'Northamptonshire "
              "Police: PEEL causes of concern letter'\npublished: 2024-05-21\nsource: second.txt\nclosures:\n"
              f"- {{text: \"{closing}\", plural: true, line: 21}}\n")
    (tmp_path / "first.yaml").write_text(first, encoding="utf-8")
    for text, cycle, closes in ((closing, "peel-2021-22", 2), (closing, "peel-2023-25", 0),
                                ("We have closed the causes of concern.", "peel-2021-22", 0)):
        (tmp_path / "second.yaml").write_text(second.replace(closing, text).replace("cycle: peel-2021-22", f"cycle: {cycle}"),
                                              encoding="utf-8")
        reports = _register(runner, tmp_path / "first.yaml", tmp_path / "second.yaml")
        closed = reports["Northamptonshire Police: PEEL cause of concern revisit letter"]["closed_for_force"]
        assert len(closed) == closes, (text, cycle)
        assert all(c["closed_by"] == "HMICFRS's cause of concern revisit letter of 21 May 2024" for c in closed)


MONITORING = ("SOURCE: https://hmicfrs.justiceinspectorates.gov.uk/publication-html/northamptonshire-return-to-scan/\n"
              "Northamptonshire Police: return to default phase of monitoring\n\nPublished on: 6 March 2025\n\n"
              "I am pleased to let you know that we have decided to return Northamptonshire Police to our default "
              "phase of monitoring, which is known as Scan.\n")


def test_a_monitoring_letter_has_no_s55_last_day_and_is_never_missing(runner, tmp_path):
    letter = tmp_path / "scan.txt"
    letter.write_text(MONITORING, encoding="utf-8")
    entry = next(iter(_register(runner, letter).values()))
    assert entry["report_type"] == "monitoring-letter"
    assert entry["s55_due"] is None and entry["standing"] == "letter"
    assert entry["status"].startswith("a monitoring letter: the s.55 duty applies to inspection reports")
    table = invoke(runner, "register", letter, "--force", FORCE, "--date", "2026-12-07")
    assert "none on file" not in table.stdout and "ended" not in table.stdout


def test_the_web_reviews_data_keeps_what_was_closed(tmp_path):
    """A person who saves the review form unchanged keeps the closing and the closed findings."""
    from briefing.ingest.dataset import to_dataset
    from briefing.web.review_form import FINDING_FIELDS, from_form

    found, _ = _closed(tmp_path)
    draft = to_dataset(found)
    form = {"force": draft["force"], "report_type": draft["report_type"], "title": draft["title"],
            "published-year": "2024", "published-month": "10", "published-day": "3"}
    for i, item in enumerate(draft["findings"]):
        form |= {f"f{i}_{name}": str(item.get(name, "")) for name in FINDING_FIELDS}
    data = from_form(form, draft).data
    assert data["closures"] == draft["closures"]
    assert [bool(f.get("closed")) for f in data["findings"]] == [bool(f.closed) for f in found.findings]


def test_a_letter_about_a_peel_cycle_is_its_own_report_and_comes_after_the_inspection(inspections):
    """Wiltshire's two cause-of-concern letters carry the 2021/22 cycle they revisit: each took
    the PEEL report's key, so the pack called all three "the PEEL 2021/22 report itself" and
    listed neither letter among the reports since it (review 4, item 18). Planted: a letter
    with the bundled 2021/22 inspection's cycle, dated, beside that report with no date."""
    from dataclasses import replace
    from datetime import date

    from briefing.compare.record import Named, check_record
    from briefing.compare.register import register
    from briefing.document.reports import Since
    from briefing.places import PublicationDate
    from briefing.reference import load_frameworks

    report = replace(inspections["peel-2021-22"], published=PublicationDate(0))
    letter = replace(report, report_type="revisit-letter", title="Northamptonshire Police: PEEL cause of concern "
                     "revisit letter", published=PublicationDate(2022, 12, 20), judgements=(), findings=())
    assert letter.key() != report.key() == "peel-2021-22"
    entries = register(check_record([Named("report", report), Named("letter", letter)], report.force),
                       report.force, date(2026, 12, 7))
    since = Since(report.published, "the PEEL 2021/22 report", "peel-2021-22",
                  {c.id: c.order for c in load_frameworks().cycles.values()})
    assert [e.title for e in entries if since.after(e)] == [letter.title]
    assert [e.key for e in entries if since.itself(e)] == ["peel-2021-22"]


def test_a_monitoring_letter_given_as_the_newer_inspection_has_no_s55_duty(inspections):
    """Lincolnshire: HMICFRS's news of the move to Engage, given as the 2023-25 inspection, was
    given a s.55 last day and a skeleton, though it says the report is "due to be published next
    year" (review 5, item 3). Planted: the bundled 2023-25 inspection as a monitoring letter."""
    from dataclasses import replace
    from datetime import date

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing

    day = date(2026, 12, 7)
    letter = replace(inspections["peel-2023-25"], report_type="monitoring-letter")
    c = compare(inspections["peel-2021-22"], letter, as_of=day)
    assert c.s55_due is None
    briefing = build_briefing(c, None, PackOptions(date=day))
    text = " ".join(briefing.text().split())
    assert "is a monitoring letter, not an inspection report" in text
    assert "Draft response skeleton" not in text and "agree, from the draft skeleton" not in text
    assert "was due" not in text.split("HMICFRS reports since the last pack")[0]


def test_an_earlier_sources_own_closed_cause_of_concern_is_closed_in_the_tracker_and_never_asked_about(inspections):
    """Gloucestershire: the earlier source (news of leaving Engage) says a cause of concern
    "was discharged by HMICFRS"; read as closed, it was still "status unknown" in the tracker
    and asked "which does the force consider resolved?" (review 5, item 5). Planted: the bundled
    2021/22 inspection's findings replaced by two causes of concern, one of them closed, and a
    newer source that lists neither."""
    from dataclasses import replace
    from datetime import date

    from briefing.compare import compare
    from briefing.document import PackOptions, build_briefing
    from briefing.model import Finding
    from briefing.places import Place
    from briefing.statements import Closure

    closing = Closure("strategic planning", "A cause of concern around strategic planning was discharged by HMICFRS.",
                      Place(22))
    old = replace(inspections["peel-2021-22"], findings=(
        Finding("cause-of-concern", "", "The force does not have adequate strategic plans.", closed=closing),
        Finding("cause-of-concern", "", "The force does not record crime accurately.")))
    day = date(2026, 12, 7)
    briefing = build_briefing(compare(old, inspections["peel-2023-25"], as_of=day), None, PackOptions(date=day))
    actions = next(s for s in briefing.sheets if s.name == "Actions").table
    rows = {r[2]: r for r in actions.rows}
    closed = rows["The force does not have adequate strategic plans."]
    assert "closed by HMICFRS, as this source says (line 22)" in closed and "closed by HMICFRS" in closed
    assert any("status unknown" in str(cell) for cell in rows["The force does not record crime accurately."])
    (questions,) = next(s for s in briefing.sections if s.title == "Suggested questions for the meeting").blocks
    [asked] = [q for q in questions.items if "consider it resolved" in q or "consider resolved" in q]
    assert asked.startswith("One cause of concern of PEEL 2021/22")
