"""The office's record that it published its s.55 response to a report: a dataset of the
form an office's published response has (README, "Recording a response"), naming the
report it answers by its force, its PEEL cycle or title, and its publication day, with
`response: {by, date, url}`. The register and every pack attach it to that report
(compare.record), as they would a response read from the office's web page.
"""

from __future__ import annotations

from datetime import date

from briefing.model import Inspection
from briefing.statements import Response


def response_record(report: Inspection, by: str, day: date, url: str = "") -> Inspection:
    """The dataset that records the office's response to `report`."""
    return Inspection(force=report.force, cycle=report.cycle, title=report.title, published=report.published,
                      source=url or "recorded by the office", source_kind="hand-kept", findings_complete=False,
                      report_type=report.report_type, covers=report.covers, response=Response(by=by, date=day, url=url))
