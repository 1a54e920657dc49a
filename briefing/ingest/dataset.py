"""Hand-kept inspection datasets (YAML or JSON): read, check every rule, write.

Reading collects every problem before giving up, because an analyst fixing a file wants
the whole list at once, each as `FILE, line N: message` with a did-you-mean where we can.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from pathlib import Path

from briefing import limits
from briefing.errors import BriefingError, InputError, ValidationFailed
from briefing.frameworks import Cycle
from briefing.ingest.located import Located
from briefing.model import (
    FINDING_KINDS,
    MONITORING_EVENTS,
    MONITORING_STAGES,
    REPORT_TYPES,
    Closure,
    Correction,
    Finding,
    GradeCount,
    Inspection,
    Judgement,
    KeyFigure,
    Monitoring,
    Place,
    PublicationDate,
    Quote,
    Response,
    RestGrade,
    StatedCount,
)
from briefing.reference import Reference
from briefing.reference import reference as default_reference
from briefing.sources import source_kinds

TOP_KEYS = ("force", "cycle", "report_type", "title", "published", "published_by", "source", "source_title", "source_kind",
            "findings_complete", "report", "grades_from",
            "inspectorates", "covers", "response", "notes", "judgements", "findings", "key_figures", "grade_counts", "counts",
            "areas_graded", "rest",
            "corrections", "monitoring", "closures", "headline")
KEY_SYNONYMS = {"judgments": "judgements", "key_figure": "key_figures", "figures": "key_figures"}
REQUIRED = ("force", "published")  # and a cycle for a PEEL assessment, a title for any other report
PLACE_KEYS = {"line", "page", "how"}  # where a fact was read, and the reading rule that read it
CLOSURE_KEYS = {"subject", "text", "plural", "note"} | PLACE_KEYS  # a closing of a cause of concern (model.Closure)
ITEM_KEYS = {
    "judgements": {"area", "label", "grade", "note"} | PLACE_KEYS,
    "findings": {"kind", "area", "text", "id", "relates_to", "note", "number", "addressee", "due", "status",
                 "continues", "closed", "cut"} | PLACE_KEYS,
    "key_figures": {"name", "value", "unit", "period", "comparator", "note"} | PLACE_KEYS,
    "grade_counts": {"grades", "count", "note"} | PLACE_KEYS,
    "corrections": {"area", "from", "to", "date", "reason", "source", "note"} | PLACE_KEYS,
    "counts": {"kind", "count", "note"} | PLACE_KEYS,
    "monitoring": {"stage", "event", "date", "text", "note"} | PLACE_KEYS,
    "closures": CLOSURE_KEYS,
}
MAX_DATASET_BYTES = limits.DATASET_BYTES


def did_you_mean(word: str, choices) -> str:
    """A suggestion for a mistyped word: a choice it begins, else the closest spelling."""
    word, choices = str(word).lower(), [str(c) for c in choices]
    starts = [c for c in choices if c.lower().startswith(word)]
    close = starts or difflib.get_close_matches(word, choices, n=1, cutoff=0.6) or \
        difflib.get_close_matches(word, [c.lower() for c in choices], n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Checker:
    """Accumulates problems with their lines while a dataset is turned into an Inspection."""

    def __init__(self, name: str, located: Located, reference: Reference):
        self.name, self.doc, self.reference, self.fw = name, located, reference, reference.frameworks
        self.problems: list[BriefingError] = []
        self.warnings: list[str] = []  # what the user should know, though the dataset is used

    def problem(self, message: str, *path) -> None:
        line = self.doc.line(*path)
        self.problems.append(InputError(message, file=self.name, place=f"line {line}" if line else None))

    def place(self, item: dict, path: tuple) -> Place:
        line, page = item.get("line"), item.get("page")
        whole = {}
        for key, value in (("line", line), ("page", page)):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
            if value is not None and not ok:
                self.problem(f"{key} must be a whole number from 1, not {value!r}", *path, key)
            whole[key] = value if ok else None
        return Place(line=whole["line"], page=whole["page"])

    def how(self, item: dict, path: tuple) -> str:
        """The reading rule a fact came from, as extract wrote it: kept so a reviewer sees why."""
        return self.text(item, "how", path, required=False)

    def text(self, item: dict, key: str, path: tuple, required: bool = True) -> str:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(f"missing '{key}'", *path)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            kind = "yes/no value" if isinstance(value, bool) else "list" if isinstance(value, list) else \
                "mapping" if isinstance(value, dict) else type(value).__name__
            self.problem(f"'{key}' must be text, not a {kind}", *path, key)
            return ""
        text = " ".join(str(value).split())
        if len(text) > limits.FIELD_CHARS:
            self.problem(f"'{key}' is {len(text):,} characters; one entry is at most {limits.FIELD_CHARS:,} "
                         "(are several run together?)", *path, key)
        return text

    def items(self, data: dict, key: str) -> list[tuple[tuple, dict]]:
        raw = data.get(key) or []
        if not isinstance(raw, list):
            self.problem(f"'{key}' must be a list", key)
            return []
        if len(raw) > limits.FINDINGS_PER_INSPECTION:
            self.problem(f"'{key}' has {len(raw):,} entries; an inspection has at most "
                         f"{limits.FINDINGS_PER_INSPECTION:,}", key)
            return []
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                self.problem(f"each entry of '{key}' must be a mapping of keys to values", key, i)
                continue
            for unknown in set(map(str, item)) - ITEM_KEYS[key]:
                self.problem(f"unknown key {unknown!r} in {key}" + did_you_mean(unknown, ITEM_KEYS[key])
                             + (" (quote text that contains commas)" if item.get(unknown) is None else ""),
                             key, i, unknown)
            out.append(((key, i), item))
        return out


EARLIEST_YEAR = 1990  # HMIC's published force inspections start in the 1990s


def _areas_graded(checker: _Checker, data: dict) -> int | None:
    """ "areas_graded": how many areas the source says were graded, a whole number."""
    value = data.get("areas_graded")
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 30:
        checker.problem(f"areas_graded must be a whole number of areas (1 to 30), found {value!r}", "areas_graded")
        return None
    return value


def _published_by(checker: _Checker, data: dict):
    """ "published_by": the report came out on or before this day (a later source's date)."""
    if data.get("published_by") in (None, ""):
        return None
    day = _published(checker, data["published_by"], ("published_by",))
    if day is not None and day.exact is None:
        checker.problem("published_by must be a day (YYYY-MM-DD): the report came out on or before it", "published_by")
    return day.exact if day is not None else None


def _published(checker: _Checker, value, path: tuple = ("published",)) -> PublicationDate | None:
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


def _cycle(checker: _Checker, value) -> Cycle | None:
    cycle = checker.fw.cycle(str(value)) if value else None
    if value and cycle is None:
        checker.problem(f"cycle {value!r} is not one of {', '.join(checker.fw.cycles)}"
                        + did_you_mean(value, checker.fw.cycles), "cycle")
    return cycle


def _area(checker: _Checker, cycle: Cycle | None, wording: str, path: tuple, required: bool) -> str:
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


def _grade(checker: _Checker, cycle: Cycle | None, wording, path: tuple) -> str:
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


def _judgements(checker: _Checker, data: dict, cycle: Cycle | None, key: str) -> tuple[Judgement, ...]:
    out, seen = [], {}
    for path, item in checker.items(data, key):
        wording = checker.text(item, "area", path)
        area = _area(checker, cycle, wording, path, required=True)
        grade = _grade(checker, cycle, item.get("grade", ""), path) if "grade" in item else ""
        if "grade" not in item:
            checker.problem("missing 'grade'", *path)
        if area and area in seen:
            checker.problem(f"area {wording!r} is graded twice (first at line {seen[area]})", *path, "area")
        elif area:
            seen[area] = checker.doc.line(*path)
        if area and grade:
            default = cycle.area(area).label if cycle else wording
            label = checker.text(item, "label", path, required=False) or default
            out.append(Judgement(area, label, grade, checker.place(item, path), how=checker.how(item, path)))
    return tuple(out)


def _findings(checker: _Checker, data: dict, cycle: Cycle | None) -> tuple[Finding, ...]:
    out = []
    for path, item in checker.items(data, "findings"):
        kind = checker.text(item, "kind", path)
        if kind and kind not in FINDING_KINDS:
            checker.problem(f"kind {kind!r} is not one of {', '.join(FINDING_KINDS)}" + did_you_mean(kind, FINDING_KINDS),
                            *path, "kind")
            kind = ""
        text = checker.text(item, "text", path)
        area = _area(checker, cycle, checker.text(item, "area", path, required=False), path, required=False)
        if kind and text:
            out.append(Finding(kind, area, text, id=checker.text(item, "id", path, False),
                               relates_to=checker.text(item, "relates_to", path, False),
                               place=checker.place(item, path), how=checker.how(item, path),
                               closed=_closure(checker, item["closed"], (*path, "closed")) if item.get("closed") else None,
                               cut=item.get("cut") is True,
                               **{k: checker.text(item, k, path, False)
                                  for k in ("number", "addressee", "due", "status", "continues")}))
    return _once(checker, out)


def _once(checker: _Checker, findings: list[Finding]) -> tuple[Finding, ...]:
    """Each finding once: an id used twice is refused (the tracker would merge two actions);
    the same finding written twice is counted once, and the user told."""
    by_id: dict[str, Finding] = {}
    seen: dict[tuple, Finding] = {}
    out = []
    for f in findings:
        if f.id and f.id in by_id:
            checker.problem(f"finding id {f.id!r} is used twice ({by_id[f.id].place} and {f.place}); each finding "
                            "needs its own", "findings")
            continue
        key = (f.kind, " ".join(f.text.lower().split()), f.id)
        if key in seen:
            checker.warnings.append(f"the finding at {f.place} repeats the one at {seen[key].place} and is counted "
                                    "once")
            continue
        by_id[f.id] = seen[key] = f
        out.append(f)
    return tuple(out)


def _figures(checker: _Checker, data: dict) -> tuple[KeyFigure, ...]:
    out = []
    for path, item in checker.items(data, "key_figures"):
        name, value = checker.text(item, "name", path), checker.text(item, "value", path)
        if name and value:
            out.append(KeyFigure(name, value, *(checker.text(item, k, path, False)
                                                for k in ("unit", "period", "comparator")),
                                 place=checker.place(item, path), how=checker.how(item, path)))
    return tuple(out)


def _counts(checker: _Checker, data: dict, cycle: Cycle | None) -> tuple[GradeCount, ...]:
    out = []
    for path, item in checker.items(data, "grade_counts"):
        grades = item.get("grades")
        grades = [grades] if isinstance(grades, str) else grades or []
        resolved = tuple(_grade(checker, cycle, g, path) for g in grades)
        count = item.get("count")
        if not isinstance(count, int) or count < 0:
            checker.problem(f"count must be a whole number, not {count!r}", *path, "count")
        elif resolved and all(resolved):
            out.append(GradeCount(resolved, count, checker.place(item, path), checker.how(item, path)))
    return tuple(out)


def _date(checker: _Checker, value, path: tuple) -> date | None:
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    except ValueError:
        checker.problem(f"date {value!r} is not a day like 2024-08-08", *path)
        return None
    if not EARLIEST_YEAR <= day.year <= date.today().year + 1:
        checker.problem(f"date {day.isoformat()} is not between {EARLIEST_YEAR} and next year", *path)
        return None
    return day


def _corrections(checker: _Checker, data: dict, cycle: Cycle | None,
                 judgements: tuple[Judgement, ...]) -> tuple[Correction, ...]:
    """Grades changed after publication; each must name a graded area and its published grade."""
    published = {j.area: j for j in judgements}
    out = []
    for path, item in checker.items(data, "corrections"):
        area = _area(checker, cycle, checker.text(item, "area", path), path, required=True)
        old = _grade(checker, cycle, item.get("from", ""), (*path, "from")) if "from" in item else ""
        new = _grade(checker, cycle, item.get("to", ""), (*path, "to")) if "to" in item else ""
        for key in ("from", "to", "date"):
            if key not in item:
                checker.problem(f"missing '{key}' (a correction needs area, from, to and date)", *path)
        when = _date(checker, item["date"], (*path, "date")) if "date" in item else None
        if area and area not in published:
            checker.problem(f"correction of {item.get('area')!r}, which has no judgement in this dataset", *path, "area")
        elif area and old and published[area].grade != old:
            checker.problem(f"correction says {item.get('area')!r} was {old!r}, but the judgement records "
                            f"{published[area].grade!r}", *path, "from")
        if area and old and new and when:
            out.append(Correction(area, old, new, when, checker.text(item, "reason", path, False),
                                  checker.text(item, "source", path, False), checker.place(item, path)))
    return tuple(out)


def _source_kind(checker: _Checker, data: dict) -> tuple[str, bool]:
    kinds = source_kinds(checker.reference)
    kind = str(data.get("source_kind") or "hand-kept")
    if kind not in kinds:
        checker.problem(f"source_kind {kind!r} is not one of {', '.join(kinds)}" + did_you_mean(kind, kinds),
                        "source_kind")
        return "hand-kept", False
    complete = data.get("findings_complete", kinds[kind].complete)
    if not isinstance(complete, bool):
        checker.problem(f"findings_complete must be true or false, not {complete!r}", "findings_complete")
        complete = False
    return kind, complete


def _check_keys(checker: _Checker, data: dict) -> None:
    for key in data:
        if key in KEY_SYNONYMS:
            continue
        if key not in TOP_KEYS:
            checker.problem(f"unknown key {key!r}" + did_you_mean(key, TOP_KEYS), key)
    peel = data.get("report_type", "peel") == "peel"
    for key in (*REQUIRED, "cycle" if peel else "title"):
        if data.get(key) is None or not str(data.get(key)).strip():
            needs = "every dataset needs force, cycle, published" if peel else \
                "a report that is not a PEEL assessment needs force, title, published"
            checker.problem(f"missing '{key}' ({needs})", key)


def _report_type(checker: _Checker, data: dict) -> str:
    kind = str(data.get("report_type") or "peel")
    if kind not in REPORT_TYPES:
        checker.problem(f"report_type {kind!r} is not one of {', '.join(REPORT_TYPES)}" + did_you_mean(kind, REPORT_TYPES),
                        "report_type")
        return "peel"
    return kind


def _names(checker: _Checker, data: dict, key: str) -> tuple[str, ...]:
    """A list of names (inspectorates, forces covered): a list of text, or one text."""
    raw = data.get(key)
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        checker.problem(f"'{key}' must be a list of names (or one name)", key)
        return ()
    return tuple(" ".join(i.split()) for i in items)


def _stated_counts(checker: _Checker, data: dict) -> tuple[StatedCount, ...]:
    out = []
    for path, item in checker.items(data, "counts"):
        kind, count = checker.text(item, "kind", path), item.get("count")
        if kind and kind not in FINDING_KINDS:
            checker.problem(f"kind {kind!r} is not one of {', '.join(FINDING_KINDS)}" + did_you_mean(kind, FINDING_KINDS),
                            *path, "kind")
        elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
            checker.problem(f"count must be a whole number, not {count!r}", *path, "count")
        elif kind:
            out.append(StatedCount(kind, count, checker.place(item, path), checker.how(item, path)))
    return tuple(out)


def _response(checker: _Checker, data: dict) -> Response | None:
    raw = data.get("response")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(map(str, raw)) - {"by", "date", "url", "line", "page", "how", "note"}:
        checker.problem("'response' must be a mapping of by (who published it), date and url", "response")
        return None
    when = _date(checker, raw["date"], ("response", "date")) if raw.get("date") not in (None, "") else None
    return Response(checker.text(raw, "by", ("response",), required=False), when, checker.place(raw, ("response",)),
                    checker.text(raw, "url", ("response",), required=False), checker.how(raw, ("response",)))


def _monitoring(checker: _Checker, data: dict) -> tuple[Monitoring, ...]:
    out = []
    for path, item in checker.items(data, "monitoring"):
        stage, event = checker.text(item, "stage", path), str(item.get("event") or "remains")
        if stage and stage not in MONITORING_STAGES:
            checker.problem(f"stage {stage!r} is not one of {', '.join(MONITORING_STAGES)}"
                            + did_you_mean(stage, MONITORING_STAGES), *path, "stage")
            continue
        if event not in MONITORING_EVENTS:
            checker.problem(f"event {event!r} is not one of {', '.join(MONITORING_EVENTS)}"
                            + did_you_mean(event, MONITORING_EVENTS), *path, "event")
            continue
        when = _published(checker, item["date"], (*path, "date")) if item.get("date") not in (None, "") else None
        if stage:
            out.append(Monitoring(stage, event, when, checker.text(item, "text", path, False),
                                  checker.place(item, path), checker.how(item, path)))
    return tuple(out)


def _closure(checker: _Checker, raw, path: tuple) -> Closure | None:
    """A closing of a cause of concern: the sentence that says so, what it names and where."""
    if not isinstance(raw, dict) or set(map(str, raw)) - CLOSURE_KEYS:
        checker.problem("a closing must be a mapping of text (the sentence that closes it), subject and line", *path)
        return None
    text = checker.text(raw, "text", path)
    return Closure(checker.text(raw, "subject", path, False), text, checker.place(raw, path), checker.how(raw, path),
                   raw.get("plural") is True) if text else None


def _closures(checker: _Checker, data: dict) -> tuple[Closure, ...]:
    return tuple(c for path, item in checker.items(data, "closures") if (c := _closure(checker, item, path)))


def _rest(checker: _Checker, data: dict, cycle) -> RestGrade | None:
    """ "All other graded areas were adequate": the grade of every graded area not named."""
    raw = data.get("rest")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(map(str, raw)) - {"grades", "text", "line", "page", "how", "note"} or \
            not isinstance(raw.get("grades"), list) or not raw["grades"]:
        checker.problem("'rest' must be a mapping of grades (a list: the grade of every graded area the source does not "
                        "name), text and line", "rest")
        return None
    grades = tuple(str(g) for g in raw["grades"])
    if cycle is not None and any(g not in cycle.grades for g in grades):
        checker.problem(f"'rest' grades {', '.join(grades)} are not all grades of the cycle's scale", "rest")
        return None
    return RestGrade(grades, checker.text(raw, "text", ("rest",), False), checker.place(raw, ("rest",)),
                     checker.how(raw, ("rest",)))


def _headline(checker: _Checker, data: dict) -> Quote | None:
    raw = data.get("headline")
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or set(map(str, raw)) - {"text", "by", "line", "page", "how", "note"}:
        checker.problem("'headline' must be the inspector's summary sentence, or a mapping of text, by and line",
                        "headline")
        return None
    text = checker.text(raw, "text", ("headline",))
    return Quote(text, checker.place(raw, ("headline",)), checker.text(raw, "by", ("headline",), False),
                 checker.how(raw, ("headline",))) if text else None


def inspection_from_data(name: str, located: Located, reference: Reference | None = None) -> Inspection:
    """Build an Inspection from parsed data, or raise ValidationFailed listing every problem;
    `reference` is the data checked against (the process's own by default)."""
    checker = _Checker(name, located, reference or default_reference())
    data = located.data
    if not isinstance(data, dict):
        raise ValidationFailed([InputError("expected a mapping with force, cycle, published, judgements, findings",
                                           file=name, place="line 1")])
    data = {KEY_SYNONYMS.get(k, k): v for k, v in data.items()}
    _check_keys(checker, located.data)
    report_type = _report_type(checker, data)
    cycle = _cycle(checker, data.get("cycle"))
    published = _published(checker, data["published"]) if data.get("published") not in (None, "") else None
    judgements = _judgements(checker, data, cycle, "judgements")
    kind, complete = _source_kind(checker, data)
    inspection = Inspection(
        force=_force(checker.text(data, "force", (), required=False), reference), cycle=cycle.id if cycle else "",
        title=checker.text(data, "title", (), required=False) or (cycle.name if cycle else ""),
        published=published or PublicationDate(0), source=_source(data.get("source"), name),
        published_by=_published_by(checker, data), areas_graded=_areas_graded(checker, data),
        rest=_rest(checker, data, cycle),
        judgements=judgements, findings=_findings(checker, data, cycle),
        key_figures=_figures(checker, data), grade_counts=_counts(checker, data, cycle),
        notes=checker.text(data, "notes", (), required=False), source_kind=kind, findings_complete=complete,
        corrections=_corrections(checker, data, cycle, judgements),
        report=checker.text(data, "report", (), required=False), report_type=report_type,
        source_title=checker.text(data, "source_title", (), required=False) or _source_title(data.get("source")),
        grades_from=checker.text(data, "grades_from", (), required=False),
        inspectorates=_names(checker, data, "inspectorates"), covers=_names(checker, data, "covers"),
        counts=_stated_counts(checker, data), response=_response(checker, data),
        monitoring=_monitoring(checker, data), closures=_closures(checker, data), headline=_headline(checker, data),
        warnings=tuple(checker.warnings))
    if checker.problems:
        raise ValidationFailed(checker.problems)
    return inspection


def _force(name: str, reference: Reference | None) -> str:
    """The force as data/forces.yaml names it ("Northants Police" is Northamptonshire Police);
    required, but checked by _check_keys. A name that is already a force's own is kept
    without loading the reading rules' force names (briefing.extract: 0.2 s of a pack's CPU)."""
    forces = (reference or default_reference()).forces
    if not name or any(name == own for own, _ in forces):
        return name
    from briefing.extract.forces import canonical_force

    return canonical_force(name, forces)


def _source_title(value) -> str:
    return str(value.get("title") or "") if isinstance(value, dict) else ""


def _source(value, fallback: str) -> str:
    if isinstance(value, dict):
        return str(value.get("document") or value.get("url") or value.get("file") or fallback)
    return str(value or fallback)


def load_dataset(path: str | Path, reference: Reference | None = None) -> Inspection:
    """The one inspection of a dataset file; a file of several (one per force) is refused,
    naming them, where one is wanted."""
    found = load_datasets(path, reference)
    if len(found) > 1:
        raise InputError(f"holds {len(found)} datasets ({', '.join(i.force or '?' for i in found)}); give it beside "
                         "an inspection of one of those forces, or split it", file=str(path))
    return found[0]


def load_datasets(path: str | Path, reference: Reference | None = None) -> list[Inspection]:
    """Every dataset in a file: one, or one per YAML document (extract's output for a page
    about several forces). Problems of every document are collected before raising."""
    path = Path(path)
    documents = _documents(path)
    out, problems = [], []
    for n, located in enumerate(documents, start=1):
        name = str(path) if len(documents) == 1 else f"{path} (document {n})"
        try:
            out.append(inspection_from_data(name, located, reference))
        except ValidationFailed as exc:
            problems += exc.problems
    if problems:
        raise ValidationFailed(problems)
    return out


def _documents(path: Path) -> list:
    """The file's documents with their lines (ingest.located_yaml); the bundled datasets'
    parsed once and kept between runs (briefing.parsed_cache), without the YAML library."""
    from briefing.ingest.text_files import read_text
    from briefing.parsed_cache import parsed

    def parse(text: str) -> list:
        from briefing.ingest.located_yaml import documents_of

        return documents_of(path, text)

    return parsed(path, read_text(path, MAX_DATASET_BYTES, "dataset"), parse, PARSERS)


# What a dataset's parsing depends on besides its text (briefing.parsed_cache).
PARSERS = ("briefing.ingest.located_yaml", "briefing.ingest.located", "briefing.ingest.nesting", "briefing.cleaning",
           "briefing.limits", "yaml")


def to_dataset(inspection: Inspection) -> dict:
    """The dataset form of an inspection, as `briefing extract` writes it."""

    def place(p: Place, how: str = "") -> dict:
        return {k: v for k, v in (("page", p.page), ("line", p.line), ("how", how or None)) if v is not None}

    def compact(d: dict) -> dict:
        return {k: v for k, v in d.items() if v not in ("", None, (), [], {})}

    def closure(c: Closure | None) -> dict:
        return compact({"subject": c.subject, "text": c.text, "plural": c.plural or None, **place(c.place, c.how)}) if c else {}

    return compact({
        "force": inspection.force, "cycle": inspection.cycle,
        "report_type": inspection.report_type, "title": inspection.title,
        "published": inspection.published.iso() if inspection.published.known else "", "source": inspection.source,
        "published_by": inspection.published_by.isoformat() if inspection.published_by else "",
        "areas_graded": inspection.areas_graded,
        "rest": compact({"grades": list(inspection.rest.grades), "text": inspection.rest.text,
                         **place(inspection.rest.place, inspection.rest.how)}) if inspection.rest else "",
        "source_title": inspection.source_title, "source_kind": inspection.source_kind,
        "findings_complete": inspection.findings_complete, "report": inspection.report,
        "grades_from": inspection.grades_from, "inspectorates": list(inspection.inspectorates), "covers": list(inspection.covers),
        "response": compact({"by": inspection.response.by, "date": inspection.response.date.isoformat()
                             if inspection.response.date else "", "url": inspection.response.url,
                             **place(inspection.response.place, inspection.response.how)})
        if inspection.response else "",
        "headline": compact({"text": inspection.headline.text, "by": inspection.headline.by,
                             **place(inspection.headline.place, inspection.headline.how)}) if inspection.headline else "",
        "monitoring": [compact({"stage": m.stage, "event": m.event, "date": m.date.iso() if m.date else "",
                                "text": m.text, **place(m.place, m.how)}) for m in inspection.monitoring],
        "closures": [closure(c) for c in inspection.closures],
        "notes": inspection.notes,
        "judgements": [compact({"area": j.area, "label": j.label, "grade": j.grade, **place(j.place, j.how)})
                       for j in inspection.judgements],
        "grade_counts": [compact({"grades": list(c.grades), "count": c.count, **place(c.place, c.how)})
                         for c in inspection.grade_counts],
        "findings": [compact({"kind": f.kind, "id": f.id, "number": f.number, "area": f.area, "text": f.text,
                              "addressee": f.addressee, "due": f.due, "status": f.status,
                              "relates_to": f.relates_to, "continues": f.continues, "closed": closure(f.closed),
                              "cut": f.cut or None,
                              **place(f.place, f.how)})
                     for f in inspection.findings],
        "key_figures": [compact({"name": k.name, "value": k.value, "unit": k.unit, "period": k.period,
                                 "comparator": k.comparator, **place(k.place, k.how)}) for k in inspection.key_figures],
        "counts": [compact({"kind": c.kind, "count": c.count, **place(c.place, c.how)}) for c in inspection.counts],
        "corrections": [compact({"area": c.area, "from": c.old_grade, "to": c.new_grade, "date": c.date.isoformat(),
                                 "reason": c.reason, "source": c.source, **place(c.place)})
                        for c in inspection.corrections],
    })


def dump_dataset(inspection: Inspection, fmt: str = "yaml") -> str:
    data = to_dataset(inspection)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def dump_datasets(inspections, fmt: str = "yaml") -> str:
    """Several datasets in one text: a JSON list, or YAML documents separated by ---."""
    if fmt == "json":
        return json.dumps([to_dataset(i) for i in inspections], indent=2, ensure_ascii=False) + "\n"
    import yaml

    return yaml.safe_dump_all([to_dataset(i) for i in inspections], sort_keys=False, allow_unicode=True, width=100)
