"""A dataset's grades: the judgements, the counts of areas at each grade, the grade of
every area not named, how many areas were graded, and corrections made after publication."""

from __future__ import annotations

from briefing.frameworks import Cycle
from briefing.ingest.dataset.checker import Checker
from briefing.ingest.dataset.values import area_of, day_of, grade_of
from briefing.model import Correction, GradeCount, Judgement, RestGrade


def read_areas_graded(checker: Checker, data: dict) -> int | None:
    """ "areas_graded": how many areas the source says were graded, a whole number."""
    value = data.get("areas_graded")
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 30:
        checker.problem(f"areas_graded must be a whole number of areas (1 to 30), found {value!r}", "areas_graded")
        return None
    return value


def read_judgements(checker: Checker, data: dict, cycle: Cycle | None, key: str) -> tuple[Judgement, ...]:
    out, seen = [], {}
    for path, item in checker.items(data, key):
        wording = checker.text(item, "area", path)
        area = area_of(checker, cycle, wording, path, required=True)
        grade = grade_of(checker, cycle, item.get("grade", ""), path) if "grade" in item else ""
        if "grade" not in item:
            checker.problem("missing 'grade'", *path)
        if area and area in seen:
            checker.problem(f"area {wording!r} is graded twice (first at line {seen[area]})", *path, "area")
        elif area:
            seen[area] = checker.doc.line(*path)
        if area and grade:
            default = cycle.area(area).label if cycle else wording
            label = checker.text(item, "label", path, required=False) or default
            out.append(Judgement(area, label, grade, checker.place(item, path), how=checker.how(item, path),
                                 by=checker.text(item, "by", path, required=False)))
    return tuple(out)


def read_grade_counts(checker: Checker, data: dict, cycle: Cycle | None) -> tuple[GradeCount, ...]:
    out = []
    for path, item in checker.items(data, "grade_counts"):
        grades = item.get("grades")
        grades = [grades] if isinstance(grades, str) else grades or []
        resolved = tuple(grade_of(checker, cycle, g, path) for g in grades)
        count = item.get("count")
        if not isinstance(count, int) or count < 0:
            checker.problem(f"count must be a whole number, not {count!r}", *path, "count")
        elif resolved and all(resolved):
            out.append(GradeCount(resolved, count, checker.place(item, path), checker.how(item, path)))
    return tuple(out)


def read_rest(checker: Checker, data: dict, cycle) -> RestGrade | None:
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


def read_corrections(checker: Checker, data: dict, cycle: Cycle | None,
                 judgements: tuple[Judgement, ...]) -> tuple[Correction, ...]:
    """Grades changed after publication; each must name a graded area and its published grade."""
    published = {j.area: j for j in judgements}
    out = []
    for path, item in checker.items(data, "corrections"):
        area = area_of(checker, cycle, checker.text(item, "area", path), path, required=True)
        old = grade_of(checker, cycle, item.get("from", ""), (*path, "from")) if "from" in item else ""
        new = grade_of(checker, cycle, item.get("to", ""), (*path, "to")) if "to" in item else ""
        for key in ("from", "to", "date"):
            if key not in item:
                checker.problem(f"missing '{key}' (a correction needs area, from, to and date)", *path)
        when = day_of(checker, item["date"], (*path, "date")) if "date" in item else None
        if area and area not in published:
            checker.problem(f"correction of {item.get('area')!r}, which has no judgement in this dataset", *path, "area")
        elif area and old and published[area].grade != old:
            checker.problem(f"correction says {item.get('area')!r} was {old!r}, but the judgement records "
                            f"{published[area].grade!r}", *path, "from")
        if area and old and new and when:
            out.append(Correction(area, old, new, when, checker.text(item, "reason", path, False),
                                  checker.text(item, "source", path, False), checker.place(item, path)))
    return tuple(out)
