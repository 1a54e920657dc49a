"""Record our response: the office published its s.55 response to a report on a day, at an
address; the register and every pack then date the response from it."""

from __future__ import annotations

import re
from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for

from briefing.errors import BriefingError
from briefing.web.folder import current as folder
from briefing.web.record import read_record

pages = Blueprint("responses", __name__)


@pages.get("/responses/new")
def new():
    name, report = _report(request.args.get("report", ""))
    return render_template("response.html.j2", name=name, report=report, errors=[], form={"by": _office(report)})


@pages.post("/responses/new")
def record():
    from briefing.atomic import write_atomic
    from briefing.ingest.dataset import dump_dataset, load_dataset
    from briefing.ingest.recorded import response_record

    name, report = _report(request.form.get("report", ""))
    form = request.form
    if not report.published.known:  # it could not be joined to the report: the page says why, and how to go on
        return render_template("response.html.j2", name=name, report=report, errors=[], form=form), 400
    errors, day = _checked(form)
    if errors:
        return render_template("response.html.j2", name=name, report=report, errors=errors, form=form), 400
    recorded = response_record(report, " ".join(form["by"].split()), day, form.get("url", "").strip())
    target = folder().root / "responses" / f"{re.sub(r'[^a-z0-9]+', '-', report.key().lower())}-response.yaml"
    with folder().writing():
        path = write_atomic(target, dump_dataset(recorded).encode("utf-8"))
    load_dataset(path)  # read back as every command will read it
    from briefing.phrases import long_date

    flash(f"Recorded the response to {report.title}, published {long_date(day)}.")
    return redirect(url_for("glance.home", force=report.force))


def _report(name: str):
    for n, _, inspection in read_record(folder()).reports:
        if n == name and inspection.response is None:
            return n, inspection
    if not name:  # the address typed or kept without the report the link named
        raise BriefingError("no report was chosen: open the force at a glance and follow \"Record our response\" "
                            "beside the report")
    raise BriefingError(f"no report {name!r} on file to record a response to")


def _office(report) -> str:
    from briefing.document.options import PackOptions
    from briefing.reference import reference

    return PackOptions().office_for(report.force, reference()) if report.force else ""


def _checked(form) -> tuple[list, date | None]:
    errors, day = [], None
    if not form.get("by", "").strip():
        errors.append(("Enter who published the response", "by"))
    try:
        day = date(int(form.get("date-year", "")), int(form.get("date-month", "")), int(form.get("date-day", "")))
    except ValueError:
        errors.append(("Enter the day the response was published as a real date, for example 2 5 2024", "date-day"))
    if day and day > date.today():
        errors.append(("The response's date must be today or in the past", "date-day"))
    url = form.get("url", "").strip()
    if url and not re.fullmatch(r"https?://\S+", url):
        errors.append(("Enter the web address where the response is published, starting https://", "url"))
    return errors, day
