"""The review form and the dataset it edits: the form's fields from a draft dataset, the
dataset back from the fields, and each of the library's problems put beside its field.

A draft is a dataset as `briefing extract` writes it (ingest.dataset.to_dataset). A row of
the form is an item of the draft: what a person changes replaces the item's value and
its reading rule (the value is then theirs, not the rule's); its place in the source is
kept. Saving checks the result with the same code as `briefing validate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

LISTS = {"judgements": "j", "findings": "f", "counts": "c"}  # edited row by row
KEPT = ("grade_counts", "monitoring", "closures", "improved", "key_figures")  # shown, and removable
TOP = ("force", "report_type", "cycle", "title", "published")  # the report's own fields, in the form's order
FINDING_FIELDS = ("kind", "number", "text", "addressee", "due")


@dataclass
class Edited:
    data: dict
    fields: dict[tuple, str] = field(default_factory=dict)  # dataset path -> the form field that set it


def from_form(form, draft: dict) -> Edited:
    """The dataset the form describes, starting from the draft it was made from."""
    data = {k: v for k, v in draft.items() if k not in LISTS and k not in KEPT}
    edited = Edited(data)
    for key in ("force", "report_type", "cycle", "title", "notes"):
        value = " ".join(form.get(key, "").split()) if key != "notes" else form.get(key, "").strip()
        data[key] = value
        edited.fields[(key,)] = key
    data["published"] = _published(form)
    edited.fields[("published",)] = "published-day" if form.get("published-day") else "published-year"
    for key, prefix in LISTS.items():
        data[key] = _rows(form, draft.get(key) or [], prefix, key, edited)
    for key in KEPT:
        data[key] = [item for i, item in enumerate(draft.get(key) or []) if not form.get(f"{key}{i}_remove")]
    edited.data = {k: v for k, v in data.items() if v not in ("", None, [], {})}
    return edited


def _published(form) -> str:
    parts = [form.get(f"published-{p}", "").strip() for p in ("year", "month", "day")]
    year, month, day = parts
    if not year:
        return ""
    text = year + (f"-{int(month):02d}" if month.isdigit() else f"-{month}" if month else "")
    return text + ((f"-{int(day):02d}" if day.isdigit() else f"-{day}") if day and month else "")


def _rows(form, items: list, prefix: str, key: str, edited: Edited) -> list:
    out = []
    for i, item in [*enumerate(items), ("n", {})]:
        row = f"{prefix}{i}"
        if form.get(f"{row}_remove"):
            continue
        value = _row(form, row, key, dict(item))
        if value is None:
            continue
        for name in value:
            edited.fields[(key, len(out), name)] = f"{row}_{name}"
        edited.fields[(key, len(out))] = f"{row}_{'area' if key == 'judgements' else 'kind'}"
        out.append(value)
    return out


def _row(form, row: str, key: str, item: dict) -> dict | None:
    names = {"judgements": ("area", "grade"), "findings": FINDING_FIELDS, "counts": ("kind", "count")}[key]
    given = {name: " ".join(form.get(f"{row}_{name}", "").split()) for name in names}
    if not item and not any(given.values()):
        return None  # the empty row for a new item, left empty
    if key == "judgements" and given["area"] != item.get("area"):
        item.pop("label", None)  # the report's wording was for the area it named
    changed = any(given[name] != str(item.get(name, "")) for name in names)
    item.update({name: value for name, value in given.items() if value or name in item})
    for name in names:
        if not item.get(name) and name not in ("area", "grade", "kind", "text", "count"):
            item.pop(name, None)
    if key == "counts" and item.get("count", "").isdigit():
        item["count"] = int(item["count"])
    if changed:
        item.pop("how", None)  # a person's value now, not the rule's
    if key == "findings" and changed:
        _continues(item)
    return item


def _continues(finding: dict) -> None:
    """The words of an edited text that say it carries on from before, found by the reading
    rule itself: a pack never repeats words a person took out, and a finding typed by hand
    that says "still isn't" is not called new either."""
    from briefing.extract.findings.continues import continuing_words

    if finding.get("continues_at"):  # another sentence's words (Finding.continues_at): editing this one keeps them
        return
    words = continuing_words(finding.get("text", ""))
    if words:
        finding["continues"] = words
    else:
        finding.pop("continues", None)


def check(edited: Edited, name: str, reference):
    """The Inspection, or the problems as (message, form field) in the dataset's order."""
    from briefing.errors import ValidationFailed
    from briefing.ingest.dataset import inspection_from_data
    from briefing.ingest.located_yaml import load_located

    shown = {**{key: "" for key in TOP}, **edited.data}  # each on a line of its own, so "missing" finds its field
    text = yaml.safe_dump(shown, sort_keys=False, allow_unicode=True, width=10_000)
    located = load_located(text)
    try:
        return inspection_from_data(name, located, reference), []
    except ValidationFailed as failed:
        at_line = {}
        for path, line in sorted(located.lines.items(), key=lambda item: len(item[0])):
            at_line[line] = path
        problems = []
        for problem in failed.problems:
            line = int(problem.place.split()[-1]) if problem.place and problem.place.startswith("line ") else None
            path = at_line.get(line, ())
            problems.append((problem.message, _field(edited, path)))
        return None, problems


def _field(edited: Edited, path: tuple) -> str:
    while path:
        if path in edited.fields:
            return edited.fields[path]
        path = path[:-1]
    return "force"


def choices(data: dict, reference) -> dict:
    """The drop-downs: the cycle's own areas and grades (every one, where no cycle is set),
    the finding kinds, report types, cycles and forces, from data/."""
    fw = reference.frameworks
    cycle = fw.cycles.get(data.get("cycle") or "")
    areas = [(a.canonical, a.label) for a in cycle.areas] if cycle else sorted(fw.canonical_names.items(),
                                                                                key=lambda kv: kv[1])
    grades = [(g, g) for g in (*(cycle.grades if cycle else sorted(fw.ranks, key=fw.ranks.get)), "ungraded")]
    return {"areas": areas, "grades": grades, "cycle": cycle,
            "kinds": [(k, v["label"]) for k, v in reference.finding_kinds.items()],
            "report_types": [(k, v["name"]) for k, v in reference.report_types.items()],
            "cycles": [(c.id, c.name) for c in fw.cycles.values()],
            "forces": [(name, name) for name, _ in reference.forces]}
