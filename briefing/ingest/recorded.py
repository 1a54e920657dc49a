"""What an office records about its own record: that it published its s.55 response to a
report, and whether a report it adds is one already on file.

A recorded response is a dataset of the form an office's published response has (the
report's title and date, and `response: {by, date, url}`), so the register and every pack
date the response as they would from the office's own web page. It is never a PEEL
inspection itself (it grades nothing), so a response to a PEEL report is written with the
report's title and no cycle, and is joined to its report by that title.
"""

from __future__ import annotations

from datetime import date

from briefing.model import Inspection, Response


def response_record(report: Inspection, by: str, day: date, url: str = "") -> Inspection:
    """The dataset that records the office's response to `report`."""
    return Inspection(force=report.force, cycle="", title=report.title, published=report.published,
                      source=url or "recorded by the office", source_kind="hand-kept", findings_complete=False,
                      report_type="other" if report.is_peel else report.report_type, covers=report.covers,
                      response=Response(by=by, date=day, url=url))


def same_report(a: Inspection, b: Inspection) -> bool:
    """Two datasets of one report: the same force, the same report (its PEEL cycle, or its
    title's words and year) and the same publication date. A response is not its report."""
    return (a.response is None) == (b.response is None) and a.force == b.force and a.key() == b.key() \
        and a.published == b.published


def on_file(report: Inspection, record: list[tuple[str, Inspection]]) -> str:
    """The name of the dataset on file holding this report, or ""."""
    return next((name for name, other in record if same_report(report, other)), "")
