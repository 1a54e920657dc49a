"""A response that names its report and the month it was published is attached to that
report (review 8, item 15: Surrey's custody response says the report "was published in
February 2022", the report's day being 2 February 2022; the register said the response
"gives no date for it")."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from reading import SHARED


def test_a_response_naming_its_reports_month_is_attached_to_it(runner):
    texts = SHARED / "thematic" / "texts"
    report, response = texts / "hmicfrs-surrey-custody-2022-report.txt", texts / "surrey-custody-2021-pcc-response.txt"
    if not (report.exists() and response.exists()):
        pytest.skip(f"{texts} is absent: clone the project with ../shared beside it to run this test")
    done = invoke(runner, "register", report, response, "--force", "Surrey Police", "--date", "2026-12-07",
                  "--format", "json")
    assert done.exit_code == 0, done.output
    (entry,) = json.loads(done.stdout)["reports"]
    assert entry["standing"] == "published-undated" and "names this report" not in entry["status"]
