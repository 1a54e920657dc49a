"""Make a pack: two inspections (the latest two by default), the audience, marking, paper
date and author, and last quarter's tracker if there is one; shown as the HTML briefing,
with the Word, PDF and workbook to download. One call: pack.make_pack."""

from __future__ import annotations

import json
import shutil
from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, send_from_directory, url_for

from briefing.errors import BriefingError
from briefing.web import uploads
from briefing.web.folder import current as folder
from briefing.web.record import choose_force, read_record

pages = Blueprint("packs", __name__)
FORMATS = ("docx", "pdf", "xlsx", "html")
PACKS = "packs"


def _choices():
    from briefing.document.options import AUDIENCES, MARKINGS
    from briefing.reference import reference

    record = read_record(folder())
    force = choose_force(record, request.values.get("force"))
    peel = record.peel(force, reference().frameworks) if force else []
    return record, force, peel, {"audiences": [(k, v[:1].upper() + v[1:]) for k, v in AUDIENCES.items()],
                                 "markings": [(m, m) for m in MARKINGS],
                                 "inspections": _said(peel, reference().frameworks)}


def _said(peel, fw) -> list[tuple[str, str]]:
    """Each inspection as a person says it, "PEEL 2021/22, published 24 November 2021", from
    the frameworks' names, newest first (as the register). Each is on file once (Record.peel),
    so no two read alike."""
    return [(name, f"{fw.short_name(i.cycle)}, published {i.published}") for name, _, i in reversed(peel)]


@pages.get("/packs/new")
def new():
    record, force, peel, lists = _choices()
    form = {"older": peel[-2][0] if len(peel) > 1 else "", "newer": peel[-1][0] if peel else "",
            "audience": "pcc", "marking": "OFFICIAL", "author": ""}
    return render_template("pack_form.html.j2", force=force, peel=peel, lists=lists, form=form, errors=[],
                           today=date.today())


@pages.post("/packs/new")
def make():
    record, force, peel, lists = _choices()
    form = request.form
    errors, request_ = _request(record, force, peel, form)
    if errors:
        return render_template("pack_form.html.j2", force=force, peel=peel, lists=lists, form=form, errors=errors,
                               today=date.today()), 400
    from briefing.pack import make_pack

    token, out = folder().new_item(PACKS)
    try:
        with folder().writing():
            result = make_pack(request_(out))
            if request_.tracker:  # the statuses the glance shows, replaced whole
                from briefing.atomic import write_atomic

                write_atomic(_latest_tracker(), request_.tracker)
    except BriefingError as exc:
        shutil.rmtree(out, ignore_errors=True)
        return render_template("pack_form.html.j2", force=force, peel=peel, lists=lists, form=form,
                               errors=[(str(exc), "older")], today=date.today()), 400
    (out / "warnings.json").write_text(json.dumps(list(result.briefing.warnings)), encoding="utf-8")
    return redirect(url_for("packs.show", token=token))


def _latest_tracker():
    path = folder().private("trackers") / "latest.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class _Request:
    """What make_pack is asked, but for the folder it writes into (made once the form is good)."""

    def __init__(self, **kwargs):
        self.kwargs, self.tracker = kwargs, kwargs.pop("tracker_bytes")

    def __call__(self, out):
        from briefing.pack import PackRequest

        tracker = None
        if self.tracker:
            tracker = out / "tracker-uploaded.xlsx"
            tracker.write_bytes(self.tracker)
        return PackRequest(**self.kwargs, out_dir=out, tracker=tracker, formats=FORMATS)


def _request(record, force, peel, form):
    from briefing.document.options import AUDIENCES, PackOptions

    errors = []
    names = {n: p for n, p, _ in peel}
    older, newer = form.get("older", ""), form.get("newer", "")
    if older not in names or newer not in names:
        errors.append(("Choose two PEEL inspections on file", "older"))
    elif older == newer:
        errors.append(("Choose two different inspections: the earlier and the later", "newer"))
    day = _date(form, errors)
    audience = form.get("audience") if form.get("audience") in AUDIENCES else "pcc"
    marking = " ".join(form.get("marking", "OFFICIAL").split())[:60] or "OFFICIAL"
    tracker = request.files.get("tracker")
    raw = tracker.read() if tracker and tracker.filename else b""
    if raw:
        try:
            uploads.tracker_kind(raw, tracker.filename)
        except BriefingError as exc:
            errors.append((str(exc), "tracker"))
    if errors:
        return errors, None
    others = [p for n, p, i in record.of(force) if p not in (names[older], names[newer])]
    options = PackOptions(audience=audience, marking=marking, author=" ".join(form.get("author", "").split())[:120],
                          date=day)
    return [], _Request(inputs=[names[older], names[newer]], record=list(dict.fromkeys(others)), options=options,
                        tracker_bytes=raw)


def _date(form, errors) -> date:
    parts = [form.get(f"date-{p}", "").strip() for p in ("year", "month", "day")]
    if not any(parts):
        return date.today()
    try:
        return date(*(int(p) for p in parts))
    except ValueError:
        errors.append(("Enter the paper's date as a real date, for example 14 3 2024", "date-day"))
        return date.today()


@pages.get("/packs/<token>")
def show(token: str):
    from briefing.mail.pack_files import read_pack

    out = folder().private(PACKS, token)
    if not out.is_dir():
        abort(404)
    pack = read_pack(out)
    files = [(p.name, p.suffix, p.stat().st_size) for p in sorted(out.glob(f"{pack.stem.name}.*"))
             if p.suffix in (".docx", ".pdf", ".xlsx")]
    warnings = json.loads((out / "warnings.json").read_text(encoding="utf-8"))
    return render_template("pack.html.j2", token=token, pack=pack, files=files, warnings=warnings,
                           page=f"{pack.stem.name}.html")


@pages.get("/packs/<token>/files/<name>")
def download(token: str, name: str):
    out = folder().private(PACKS, token)
    response = send_from_directory(out, name, as_attachment=not name.endswith(".html"))
    if name.endswith(".html"):
        from briefing.web.guard import PAGE_CSP

        response.headers["Content-Security-Policy"] = PAGE_CSP
    return response
