"""The force at a glance: its reports with each s.55 response (the register), its grades
over the cycles on file (the history), and its open actions by status (the last tracker)."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for

from briefing.compare.states import NO_AREA
from briefing.errors import BriefingError
from briefing.phrases import area_state_words
from briefing.web.folder import current as folder
from briefing.web.record import choose_force, read_record

pages = Blueprint("glance", __name__)


@pages.get("/")
def home():
    from briefing.compare.monitoring import not_stated as monitoring_not_stated
    from briefing.reference import reference

    record = read_record(folder())
    force = choose_force(record, request.args.get("force"))
    if not force:
        from briefing.document.wording import number
        from briefing.web.folder import bundled_example

        return render_template("start.html.j2", folder=folder().root, unreadable=record.unreadable,
                               example=bundled_example(), number=number)
    today = date.today()
    registered = _register(record, force, today)
    return render_template("glance.html.j2", force=force, forces=record.forces, today=today,
                           register=registered.entries, checked=registered.warnings,
                           monitoring=registered.monitoring, monitoring_not_stated=monitoring_not_stated(),
                           grid=(grid := _grid(record, force, reference())), partly=_partly(grid, reference()),
                           state_words=area_state_words, no_area=NO_AREA,
                           grid_key=reference().wording["paper"]["grid"]["short_key"],
                           names=_names(record, force), actions=_actions(today),
                           packs=_packs(), unreadable=record.unreadable, folder=folder().root)


def _names(record, force: str) -> dict[str, str]:
    """Each register key's dataset, to record a response to: a report's own, never a response's, and the
    dated one where an undated page of the same report is on file too (the register joins the page to it)."""
    reports = [(n, i) for n, _, i in record.of(force) if i.response is None]
    return {i.key(): n for n, i in sorted(reports, key=lambda r: r[1].published.known)}


def _register(record, force: str, today: date):
    from briefing.pack import load_register

    paths = list(dict.fromkeys(p for _, p, _ in record.of(force)))
    return load_register(paths, today, force)


def _grid(record, force: str, ref):
    """The force's grades by area over its PEEL inspections on file (compare.history)."""
    from briefing.compare import history

    peel = [i for _, _, i in record.peel(force, ref.frameworks)]
    return history(peel, ref.frameworks, as_of=date.today()) if peel else None


def _partly(grid, ref):
    """What a cell's inspection graded where it names the area otherwise and matches it in part
    ("as good use of resources, a partial match"): the pack grid's own note (document.grid)."""
    from briefing.document.grid import as_graded

    cycles = [i.cycle for i in grid.inspections] if grid else []
    return lambda area, name, index: as_graded(ref.frameworks, cycles, cycles[index], area, name)


def _actions(today: date):
    """Open actions by status, from the tracker last uploaded with a pack."""
    from briefing.ingest.tracker import read_tracker
    from briefing.tracker import progress_of

    latest = folder().private("trackers") / "latest.xlsx"
    if not latest.exists():
        return None
    try:
        return progress_of(read_tracker(latest), today, [], "the tracker uploaded with the last pack")
    except BriefingError as exc:
        return exc


def _packs():
    from briefing.mail.pack_files import read_pack

    made = []
    packs = folder().private("packs")
    for path in sorted(packs.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)[:5] if packs.exists() else []:
        try:
            made.append((path.name, read_pack(path)))
        except BriefingError:
            continue
    return made


@pages.post("/example")
def add_example():
    count = folder().add_example()
    flash(f"The example force's {count} reports were copied into {folder().root / 'example'}. Remove that folder "
          "when you no longer want them.")
    return redirect(url_for("glance.home"))
