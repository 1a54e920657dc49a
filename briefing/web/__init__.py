"""The office's own web page: one more face over the library the command line uses.

Each page is one library call and a template (datasette's way): the register and the
record (compare), a report read (extract) and saved (ingest.dataset), a pack made
(pack.make_pack), a pack sent (mail). Nothing a page shows is worked out only for the
page. Forms work without JavaScript and the pages carry none; the styles follow the
GOV.UK Design System's patterns, written here, never fetched.
"""

from __future__ import annotations

import secrets

from briefing import limits
from briefing.web.folder import OfficeFolder

UPLOAD_BYTES = limits.REPORT_BYTES + limits.MB  # a report at the bound, with the form around it


def create_app(folder: OfficeFolder, token: str | None = None, local: bool = True):
    """The WSGI application for `folder`. `token`: required of every request (--host);
    `local`: bound to this computer only, so a Host header naming anything else is refused."""
    from flask import Flask

    from briefing.resources import templates_dir
    from briefing.web import errors, glance, guard, packs, responses, review, sending
    from briefing.writers.html import GRADE_CLASSES

    app = Flask(__name__, template_folder=str(templates_dir() / "web"), static_folder=None)
    app.config.update(SECRET_KEY=secrets.token_bytes(32), MAX_CONTENT_LENGTH=UPLOAD_BYTES,
                      MAX_FORM_MEMORY_SIZE=UPLOAD_BYTES, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_NAME="briefing", FOLDER=folder)
    app.jinja_env.autoescape = True
    from briefing.phrases import long_date

    app.jinja_env.filters["long_date"] = long_date  # data/wording.yaml's words for a date, as the pack's
    app.jinja_env.globals.update(erred=lambda errors, field: any(f == field for _, f in errors),
                                 grade_class=lambda word: GRADE_CLASSES.get(str(word).strip().lower(), ""))
    guard.install(app, token, local)
    for module in (glance, review, responses, packs, sending, errors):
        app.register_blueprint(module.pages)
    app.add_url_rule("/style.css", "style", _style)
    return app


def _style():
    """The stylesheet, with the grade colours the HTML briefing uses (writers.style)."""
    from flask import Response, render_template

    from briefing.writers.style import GRADE_FILL, grade_text

    css = render_template("style.css.j2", grades={g: (fill, grade_text(g)) for g, fill in GRADE_FILL.items()})
    return Response(css, mimetype="text/css", headers={"Cache-Control": "max-age=3600"})
