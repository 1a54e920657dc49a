"""What a dataset says of its report beside grades and findings: its type, force and
source, the inspectorates and forces it covers, its key figures, the inspector's headline
and the office's response."""

from __future__ import annotations

from briefing.ingest.dataset.checker import Checker, did_you_mean
from briefing.ingest.dataset.values import day_of
from briefing.model import REPORT_TYPES, KeyFigure
from briefing.reference import Reference
from briefing.reference import reference as default_reference
from briefing.sources import source_kinds
from briefing.statements import Quote, Response


def read_report_type(checker: Checker, data: dict) -> str:
    kind = str(data.get("report_type") or "peel")
    if kind not in REPORT_TYPES:
        checker.problem(f"report_type {kind!r} is not one of {', '.join(REPORT_TYPES)}" + did_you_mean(kind, REPORT_TYPES),
                        "report_type")
        return "peel"
    return kind


def read_source_kind(checker: Checker, data: dict) -> tuple[str, bool]:
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


def force_of(name: str, reference: Reference | None) -> str:
    """The force as data/forces.yaml names it ("Northants Police" is Northamptonshire Police);
    required, but checked by check_keys. A name that is already a force's own is kept
    without loading the reading rules' force names (briefing.extract: 0.2 s of a pack's CPU)."""
    forces = (reference or default_reference()).forces
    if not name or any(name == own for own, _ in forces):
        return name
    from briefing.extract.forces import canonical_force

    return canonical_force(name, forces)


def source_of(value, fallback: str) -> str:
    if isinstance(value, dict):
        return str(value.get("document") or value.get("url") or value.get("file") or fallback)
    return str(value or fallback)


def source_title_of(value) -> str:
    return str(value.get("title") or "") if isinstance(value, dict) else ""


def read_names(checker: Checker, data: dict, key: str) -> tuple[str, ...]:
    """A list of names (inspectorates, forces covered): a list of text, or one text."""
    raw = data.get(key)
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        checker.problem(f"'{key}' must be a list of names (or one name)", key)
        return ()
    return tuple(" ".join(i.split()) for i in items)


def read_key_figures(checker: Checker, data: dict) -> tuple[KeyFigure, ...]:
    out = []
    for path, item in checker.items(data, "key_figures"):
        name, value = checker.text(item, "name", path), checker.text(item, "value", path)
        if name and value:
            out.append(KeyFigure(name, value, *(checker.text(item, k, path, False)
                                                for k in ("unit", "period", "comparator")),
                                 place=checker.place(item, path), how=checker.how(item, path)))
    return tuple(out)


def read_response(checker: Checker, data: dict) -> Response | None:
    raw = data.get("response")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(map(str, raw)) - {"by", "date", "url", "line", "page", "how", "note"}:
        checker.problem("'response' must be a mapping of by (who published it), date and url", "response")
        return None
    when = day_of(checker, raw["date"], ("response", "date")) if raw.get("date") not in (None, "") else None
    return Response(checker.text(raw, "by", ("response",), required=False), when, checker.place(raw, ("response",)),
                    checker.text(raw, "url", ("response",), required=False), checker.how(raw, ("response",)))


def read_response_link(checker: Checker, data: dict) -> Quote | None:
    """ "response_link": the source's line linking the PCC's published response (no copy on file)."""
    return _quote(checker, data, "response_link", "the source's words linking the published response, or a mapping "
                  "of text and line")


def read_claimed(checker: Checker, data: dict) -> Quote | None:
    """ "claimed": the source's words on how many areas moved, naming none of them."""
    return _quote(checker, data, "claimed", "the source's words on how many areas moved, or a mapping of text and line")


def read_headline(checker: Checker, data: dict) -> Quote | None:
    return _quote(checker, data, "headline", "the inspector's summary sentence, or a mapping of text, by and line",
                  by=True)


def _quote(checker: Checker, data: dict, key: str, shape: str, by: bool = False) -> Quote | None:
    """A quoted line of the source: its words alone, or a mapping of text (and who said it,
    where `by`) with its place and the rule that read it."""
    raw = data.get(key)
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or set(map(str, raw)) - {"text", "line", "page", "how", "note", *(("by",) if by else ())}:
        checker.problem(f"'{key}' must be {shape}", key)
        return None
    text = checker.text(raw, "text", (key,))
    return Quote(text, checker.place(raw, (key,)), checker.text(raw, "by", (key,), False) if by else "",
                 checker.how(raw, (key,))) if text else None
