"""Add a report: upload (or paste) it, review every fact beside the line it came from and
the rule that read it, correct what is wrong, and save it as a dataset in the folder."""

from __future__ import annotations

import re
import shutil

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from briefing.errors import BriefingError
from briefing.web import drafts, review_form, uploads
from briefing.web.folder import current as folder

pages = Blueprint("review", __name__)
PASTE_CHARS = 4_000_000  # limits.REPORT_CHARS: the most text a report holds


@pages.get("/reports/new")
def add():
    return render_template("add.html.j2", errors=[], pasted="")


@pages.post("/reports/new")
def upload():
    from briefing.reference import reference

    given = request.files.get("report")
    pasted = request.form.get("pasted", "")
    if given and given.filename:
        raw, name = given.read(), drafts.upload_name(given.filename)
    elif pasted.strip():
        raw, name = pasted[:PASTE_CHARS + 1].encode("utf-8"), "pasted text"
    else:
        return _add_again([("Choose a file to upload, or paste the report's text", "report")], pasted)
    try:
        draft = drafts.read_upload(folder(), raw, name, uploads.report_kind(raw, name), reference())
    except BriefingError as exc:
        return _add_again([(str(exc), "report" if given and given.filename else "pasted")], pasted)
    return redirect(url_for("review.review", token=draft.token))


def _add_again(errors, pasted: str):
    return render_template("add.html.j2", errors=errors, pasted=pasted[:20000]), 400


def _draft(token: str):
    draft = drafts.open_draft(folder(), token)
    if not draft.path.is_dir():
        abort(404)  # saved already, or never made
    return draft


@pages.get("/reports/draft/<token>")
def review(token: str):
    return _review_page(_draft(token), None, [])


@pages.get("/reports/draft/<token>/source")
def source(token: str):
    draft = _draft(token)
    return render_template("source.html.j2", token=token, meta=draft.meta, lines=draft.lines,
                           marks=_marks(draft.meta["unplaced"]), read=_read_places(draft.data), highlight=highlight,
                           warned=_warned(draft.meta["warnings"]))


@pages.post("/reports/draft/<token>")
def save(token: str):
    from briefing.reference import reference

    draft = _draft(token)
    edited = review_form.from_form(request.form, draft.data)
    if request.form.get("action") != "save":
        draft.keep(edited.data)  # the lists for another cycle, or another empty row
        return redirect(url_for("review.review", token=token))
    inspection, problems = review_form.check(edited, draft.meta["name"], reference())
    if problems:
        return _review_page(draft, edited.data, problems), 400
    with folder().writing():
        name = _on_file(inspection)
        if name:
            return _review_page(draft, edited.data, [(f"This report is already on file as {name}; it was not added "
                                                      "again", "force")]), 409
        saved = _write(draft, inspection)
    shutil.rmtree(draft.path, ignore_errors=True)
    flash(f"Saved {inspection.title or inspection.key()} as {folder().name_of(saved)}.")
    return redirect(url_for("glance.home", force=inspection.force))


def _on_file(inspection) -> str:
    from briefing.web.record import read_record

    return read_record(folder()).holding(inspection)


def _write(draft, inspection):
    """The dataset and its report side by side, under the force's folder; never over another."""
    from dataclasses import replace

    from briefing.atomic import write_atomic
    from briefing.ingest.dataset import dump_dataset

    slug = re.sub(r"[^a-z0-9]+", "-", inspection.force.lower()).strip("-")[:60] or "national"
    stem, n = inspection.key(), 1
    while (folder().root / slug / f"{stem}.yaml").exists():
        n += 1
        stem = f"{inspection.key()}-{n}"
    report = folder().root / slug / f"{stem}.source{draft.source.suffix}"
    write_atomic(report, draft.source.read_bytes())
    inspection = replace(inspection, source=report.name)
    return write_atomic(folder().root / slug / f"{stem}.yaml", dump_dataset(inspection).encode("utf-8"))


def _review_page(draft, data, problems):
    from briefing.reference import reference
    from briefing.web.record import read_record

    meta, data = draft.meta, data if data is not None else draft.data
    texts = {(page, number): text for text, number, page in draft.lines}
    source = url_for("review.source", token=draft.token)
    return render_template("review.html.j2", token=draft.token, meta=meta, data=data, errors=problems,
                           choices=review_form.choices(data, reference()), anchor=anchor, said=said,
                           read_from=lambda item: read_from(item, texts, source), out_by=out_by(data),
                           on_file=_already(data, read_record(folder())))


def _already(data, record) -> str:
    inspection, _ = review_form.check(review_form.Edited(data), "draft", None)
    return record.holding(inspection) if inspection else ""


def out_by(data: dict) -> str:
    """The day, in words, by which a later source shows the report was out, where the
    report's own day is not on file ("published_by"): the person sees why the pack counts
    the s.55 days from it, and can give the real day."""
    from datetime import date

    from briefing.phrases import long_date

    value = data.get("published_by")
    if not value:
        return ""
    try:
        return long_date(value if isinstance(value, date) else date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def anchor(item: dict) -> str:
    """The id of the line (or PDF page) an item was read from, or ""."""
    if item.get("page"):
        return f"p{item['page']}" + (f"l{item['line']}" if item.get("line") else "")
    return f"l{item['line']}" if item.get("line") else ""


def read_from(item: dict, texts: dict, source: str) -> Markup:
    """Where a fact came from (the line itself, quoted) and the rule that read it, with a
    link to its place in the whole report."""
    where = anchor(item)
    place = ", ".join(f"{k} {item[k]}" for k in ("page", "line") if item.get(k))
    rule = Markup("read by the rule <strong>{}</strong>").format(item["how"]) if item.get("how") else \
        Markup("given by a person, not read by a rule")
    if not where:
        return Markup("Place in the report not recorded; ") + rule
    line = texts.get((item.get("page"), item.get("line"))) if item.get("line") else None
    quote = Markup('<span class="quote">“{}”</span>').format(line.strip()) if line else ""
    return Markup('From <a href="{}#{}" target="_blank" rel="noopener">{}<span class="visually-hidden"> (opens in a '
                  'new tab)</span></a>, ').format(source, where, place) + rule + quote


def _read_places(data: dict) -> set[str]:
    return {anchor(item) for key in ("judgements", "findings", "counts", *review_form.KEPT)
            for item in data.get(key) or [] if anchor(item)}


def _warned(warnings: list) -> dict[str, list[str]]:
    """The warnings about a line (or PDF page), by its id; a draft read before warnings had
    places holds plain strings, which are about no line."""
    out: dict[str, list[str]] = {}
    for w in warnings:
        if isinstance(w, dict) and anchor(w):
            out.setdefault(anchor(w), []).append(said(w))
    return out


def said(warning) -> str:
    """A warning's words, without the place it begins with where the page shows that place
    as a link ("line 8: 'Good - at ...' reads like ...")."""
    if not isinstance(warning, dict):
        return warning
    place = ", ".join(f"{k} {warning[k]}" for k in ("page", "line") if warning.get(k))
    return warning["text"].removeprefix(f"{place}: ") if place else warning["text"]


def _marks(unplaced: list[dict]) -> dict[str, list[str]]:
    marks: dict[str, list[str]] = {}
    for u in unplaced:
        marks.setdefault(anchor(u) or "-", []).append(u["word"])
    return marks


def highlight(text: str, words: list[str]) -> Markup:
    """The line, escaped, with each grade word that was not placed marked."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        out += [escape(text[last:found.start()]), Markup("<mark>"), escape(found.group()), Markup("</mark>")]
        last = found.end()
    return Markup("").join([*out, escape(text[last:])])
