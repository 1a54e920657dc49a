"""A dataset's findings, and what the report says of them: how many of each kind it made,
which causes of concern it closed, and the stage each stands at in monitoring."""

from __future__ import annotations

from briefing.frameworks import Cycle
from briefing.ingest.dataset.checker import CLOSURE_KEYS, Checker, did_you_mean
from briefing.ingest.dataset.values import area_of, publication_date
from briefing.model import FINDING_KINDS, Finding
from briefing.statements import (
    MONITORING_EVENTS,
    MONITORING_STAGES,
    Closure,
    Improvement,
    Monitoring,
    StatedCount,
    Unplaced,
)


def read_findings(checker: Checker, data: dict, cycle: Cycle | None) -> tuple[Finding, ...]:
    out = []
    for path, item in checker.items(data, "findings"):
        kind = checker.text(item, "kind", path)
        if kind and kind not in FINDING_KINDS:
            checker.problem(f"kind {kind!r} is not one of {', '.join(FINDING_KINDS)}" + did_you_mean(kind, FINDING_KINDS),
                            *path, "kind")
            kind = ""
        text = checker.text(item, "text", path)
        area = area_of(checker, cycle, checker.text(item, "area", path, required=False), path, required=False)
        if kind and text:
            out.append(Finding(kind, area, text, id=checker.text(item, "id", path, False),
                               relates_to=checker.text(item, "relates_to", path, False),
                               place=checker.place(item, path), how=checker.how(item, path),
                               closed=_closure(checker, item["closed"], (*path, "closed")) if item.get("closed") else None,
                               cut=item.get("cut") is True, areas=_areas(checker, cycle, item, path),
                               continues_at=checker.place(item["continues_at"], (*path, "continues_at"))
                               if isinstance(item.get("continues_at"), dict) else None,
                               **{k: checker.text(item, k, path, False)
                                  for k in ("number", "addressee", "due", "status", "continues")}))
    return _once(checker, out)


def _areas(checker: Checker, cycle: Cycle | None, item: dict, path: tuple) -> tuple[str, ...]:
    """The areas a concern lists or points back to (Finding.areas): each an area of the cycle."""
    raw = item.get("areas") or []
    if not isinstance(raw, list):
        checker.problem("'areas' must be a list of the areas the finding names", *path, "areas")
        return ()
    return tuple(a for n, wording in enumerate(raw)
                 if (a := area_of(checker, cycle, str(wording), (*path, "areas", n), required=True)))


def _once(checker: Checker, findings: list[Finding]) -> tuple[Finding, ...]:
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


def _closure(checker: Checker, raw, path: tuple) -> Closure | None:
    """A closing of a cause of concern: the sentence that says so, what it names and where."""
    if not isinstance(raw, dict) or set(map(str, raw)) - CLOSURE_KEYS:
        checker.problem("a closing must be a mapping of text (the sentence that closes it), subject and line", *path)
        return None
    text = checker.text(raw, "text", path)
    return Closure(checker.text(raw, "subject", path, False), text, checker.place(raw, path), checker.how(raw, path),
                   raw.get("plural") is True, remaining=raw.get("remaining") is True) if text else None


def read_closures(checker: Checker, data: dict) -> tuple[Closure, ...]:
    return tuple(c for path, item in checker.items(data, "closures") if (c := _closure(checker, item, path)))


def read_improved(checker: Checker, data: dict, cycle: Cycle | None) -> tuple[Improvement, ...]:
    """What the source says the force improved, as extract read it: kept, so that a pack made from the
    saved dataset asks whether the improvement holds, as the pack made from the text does."""
    out = []
    for path, item in checker.items(data, "improved"):
        text = checker.text(item, "text", path)
        area = area_of(checker, cycle, item["area"], (*path, "area"), False) if item.get("area") else ""
        named = item.get("named_at")
        if text:
            out.append(Improvement(checker.text(item, "subject", path, False), text, checker.place(item, path), area,
                                   checker.how(item, path), checker.text(item, "ongoing", path, False),
                                   checker.place(named, (*path, "named_at")) if isinstance(named, dict) else None))
    return tuple(out)


def read_praised(checker: Checker, data: dict) -> tuple[Unplaced, ...]:
    """ "good at <a task>" the reading set aside as praise (Annex B says so, with its line)."""
    return tuple(Unplaced(text, checker.text(item, "word", path, False), checker.place(item, path),
                          checker.text(item, "reason", path, False))
                 for path, item in checker.items(data, "praised") if (text := checker.text(item, "text", path)))


def read_stated_counts(checker: Checker, data: dict) -> tuple[StatedCount, ...]:
    out = []
    for path, item in checker.items(data, "counts"):
        kind, count = checker.text(item, "kind", path), item.get("count")
        if kind and kind not in FINDING_KINDS:
            checker.problem(f"kind {kind!r} is not one of {', '.join(FINDING_KINDS)}" + did_you_mean(kind, FINDING_KINDS),
                            *path, "kind")
        elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
            checker.problem(f"count must be a whole number, not {count!r}", *path, "count")
        elif kind:
            out.append(StatedCount(kind, count, checker.place(item, path), checker.how(item, path),
                                   checker.text(item, "to", path, False)))
    return tuple(out)


def read_monitoring(checker: Checker, data: dict) -> tuple[Monitoring, ...]:
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
        when = publication_date(checker, item["date"], (*path, "date")) if item.get("date") not in (None, "") else None
        if stage:
            out.append(Monitoring(stage, event, when, checker.text(item, "text", path, False),
                                  checker.place(item, path), checker.how(item, path)))
    return tuple(out)
