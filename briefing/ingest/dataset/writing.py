"""An inspection back in its dataset form, as `briefing extract` writes it and the web
page saves it."""

from __future__ import annotations

import json

from briefing.model import Inspection
from briefing.places import Place
from briefing.statements import Closure


def to_dataset(inspection: Inspection) -> dict:
    """The dataset form of an inspection, as `briefing extract` writes it."""

    def place(p: Place, how: str = "") -> dict:
        return {k: v for k, v in (("page", p.page), ("line", p.line), ("how", how or None)) if v is not None}

    def compact(d: dict) -> dict:
        return {k: v for k, v in d.items() if v not in ("", None, (), [], {})}

    def closure(c: Closure | None) -> dict:
        return compact({"subject": c.subject, "text": c.text, "plural": c.plural or None, "remaining": c.remaining or None,
                        **place(c.place, c.how)}) if c else {}

    # a response kept even where it names no one and no date ({by: ''}): the source is the response
    return compact({
        "force": inspection.force, "cycle": inspection.cycle,
        "report_type": inspection.report_type, "title": inspection.title,
        "published": inspection.published.iso() if inspection.published.known else "",
        "date_kind": inspection.published.kind if inspection.published.known and inspection.published.sent else "",
        "source": inspection.source,
        "published_by": inspection.published_by.isoformat() if inspection.published_by else "",
        "areas_graded": inspection.areas_graded,
        "rest": compact({"grades": list(inspection.rest.grades), "text": inspection.rest.text,
                         **place(inspection.rest.place, inspection.rest.how)}) if inspection.rest else "",
        "source_title": inspection.source_title, "source_kind": inspection.source_kind,
        "findings_complete": inspection.findings_complete, "report": inspection.report,
        "grades_from": inspection.grades_from, "inspectorates": list(inspection.inspectorates), "covers": list(inspection.covers),
        "response": {"by": inspection.response.by} | compact({"date": inspection.response.date.isoformat()
                             if inspection.response.date else "", "url": inspection.response.url,
                             **place(inspection.response.place, inspection.response.how)})
        if inspection.response else "",
        "headline": compact({"text": inspection.headline.text, "by": inspection.headline.by,
                             **place(inspection.headline.place, inspection.headline.how)}) if inspection.headline else "",
        "claimed": compact({"text": inspection.claimed.text, **place(inspection.claimed.place, inspection.claimed.how)})
        if inspection.claimed else "",
        "response_link": compact({"text": inspection.response_link.text,
                                  **place(inspection.response_link.place, inspection.response_link.how)})
        if inspection.response_link else "",
        "monitoring": [compact({"stage": m.stage, "event": m.event, "date": m.date.iso() if m.date else "",
                                "text": m.text, **place(m.place, m.how)}) for m in inspection.monitoring],
        "closures": [closure(c) for c in inspection.closures],
        "improved": [compact({"subject": i.subject, "text": i.text, "area": i.area, "ongoing": i.ongoing,
                              "named_at": place(i.named_at) if i.named_at else None, **place(i.place, i.how)})
                     for i in inspection.improved],
        "praised": [compact({"text": u.text, "word": u.word, "reason": u.reason, **place(u.place)})
                    for u in inspection.praised],
        "notes": inspection.notes,
        "judgements": [compact({"area": j.area, "label": j.label, "grade": j.grade, "by": j.by, **place(j.place, j.how)})
                       for j in inspection.judgements],
        "grade_counts": [compact({"grades": list(c.grades), "count": c.count, **place(c.place, c.how)})
                         for c in inspection.grade_counts],
        "findings": [compact({"kind": f.kind, "id": f.id, "number": f.number, "area": f.area, "text": f.text,
                              "addressee": f.addressee, "due": f.due, "status": f.status,
                              "relates_to": f.relates_to, "continues": f.continues,
                              "continues_at": place(f.continues_at) if f.continues_at else None,
                              "closed": closure(f.closed),
                              "cut": f.cut or None, "areas": list(f.areas),
                              **place(f.place, f.how)})
                     for f in inspection.findings],
        "key_figures": [compact({"name": k.name, "value": k.value, "unit": k.unit, "period": k.period,
                                 "comparator": k.comparator, **place(k.place, k.how)}) for k in inspection.key_figures],
        "counts": [compact({"kind": c.kind, "count": c.count, "to": c.to, **place(c.place, c.how)})
                   for c in inspection.counts],
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
