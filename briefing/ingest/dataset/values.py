"""The values every part of a dataset is checked against: a date, a cycle, an area of a
cycle and a grade on its scale, each read the same way wherever it appears."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from briefing.frameworks import Cycle
from briefing.ingest.dataset.checker import Checker, did_you_mean
from briefing.places import PublicationDate

EARLIEST_YEAR = 1990  # HMIC's published force inspections start in the 1990s


def publication_date(checker: Checker, value, path: tuple = ("published",)) -> PublicationDate | None:
    if isinstance(value, date):
        value = value.isoformat()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value).strip())
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            pass
        else:
            latest = date.today().year + 1
            if EARLIEST_YEAR <= year <= latest:
                return PublicationDate(year, month, day)
            checker.problem(f"{path[-1]} year {year} is not between {EARLIEST_YEAR} and {latest}", *path)
            return None
    checker.problem(f"{path[-1]} date {value!r} is not a date like 2024-02-16 (or 2024-02, or 2024)", *path)
    return None


DATE_KINDS = ("published", "sent")  # what a report's day is (places.PublicationDate.kind)


def read_published(checker: Checker, data: dict) -> PublicationDate | None:
    """ "published" with its kind ("date_kind: sent": a letter's sent date, its publication
    date not stated), so a dataset written by `extract` reads back as it was read."""
    published = publication_date(checker, data["published"]) if data.get("published") not in (None, "") else None
    kind = str(data.get("date_kind") or "published").strip()
    if kind not in DATE_KINDS:
        checker.problem(f"date_kind {kind!r} is not one of {', '.join(DATE_KINDS)}", "date_kind")
        return published
    return replace(published, kind=kind) if published else None


def read_published_by(checker: Checker, data: dict):
    """ "published_by": the report came out on or before this day (a later source's date)."""
    if data.get("published_by") in (None, ""):
        return None
    day = publication_date(checker, data["published_by"], ("published_by",))
    if day is not None and day.exact is None:
        checker.problem("published_by must be a day (YYYY-MM-DD): the report came out on or before it", "published_by")
    return day.exact if day is not None else None


def day_of(checker: Checker, value, path: tuple) -> date | None:
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    except ValueError:
        checker.problem(f"date {value!r} is not a day like 2024-08-08", *path)
        return None
    if not EARLIEST_YEAR <= day.year <= date.today().year + 1:
        checker.problem(f"date {day.isoformat()} is not between {EARLIEST_YEAR} and next year", *path)
        return None
    return day


def cycle_of(checker: Checker, value) -> Cycle | None:
    cycle = checker.fw.cycle(str(value)) if value else None
    if value and cycle is None:
        checker.problem(f"cycle {value!r} is not one of {', '.join(checker.fw.cycles)}"
                        + did_you_mean(value, checker.fw.cycles), "cycle")
    return cycle


def area_of(checker: Checker, cycle: Cycle | None, wording: str, path: tuple, required: bool) -> str:
    if not wording:
        return ""
    if wording in checker.fw.canonical_names:
        return wording
    if cycle is None:
        return wording
    area = cycle.area(wording)
    if area:
        return area.canonical
    if not required:  # findings may name a sub-area of the report; keep the wording
        return wording
    labels = [a.label for a in cycle.areas]
    checker.problem(f"area {wording!r} is not an area of {cycle.id} ({'; '.join(labels)})"
                    + (did_you_mean(wording, labels) or did_you_mean(wording, [a.canonical for a in cycle.areas])),
                    *path, "area")
    return ""


def grade_of(checker: Checker, cycle: Cycle | None, wording, path: tuple) -> str:
    grade = checker.fw.grade(str(wording))
    allowed = list(cycle.grades) if cycle else list(checker.fw.ranks)
    if grade == "ungraded" or (grade and grade in allowed):
        return grade
    if cycle and not allowed:
        message = f"{cycle.id} made no graded judgements; use grade 'ungraded' or record a finding instead"
    elif grade:  # a real grade word, but not on this cycle's scale ('adequate' before 2021/22)
        message = f"grade {wording!r} is not on the {cycle.scale} scale of {cycle.id} ({', '.join(allowed)})"
    else:
        suffix = f" in {cycle.id}" if cycle else ""
        message = (f"grade {wording!r} is not one of {', '.join(allowed)}{suffix}"
                   + did_you_mean(wording, allowed + ["ungraded"]))
    checker.problem(message, *path, "grade")
    return ""
