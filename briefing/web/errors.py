"""What a person sees when a request cannot be done: one clear line and the way on, never a
traceback (the server's log has that)."""

from __future__ import annotations

from flask import Blueprint, render_template
from werkzeug.exceptions import HTTPException

from briefing import limits
from briefing.errors import BriefingError

pages = Blueprint("errors", __name__)

SAID = {
    400: ("This form could not be accepted", "It did not carry this page's security token (the page may be from an "
          "earlier run of briefing serve). Go back, reload the page and send the form again."),
    403: ("Open the address briefing serve printed", "This server was started with --host, so it needs the access "
          "token that the address briefing serve printed carries."),
    404: ("Page not found", "There is nothing at this address. Start again from the force at a glance."),
    413: ("The file is too big", f"A report is at most {limits.REPORT_BYTES // limits.MB} MB. Nothing was saved."),
    421: ("Open this page at 127.0.0.1", "This server answers only addresses naming this computer "
          "(127.0.0.1 or localhost)."),
}


@pages.app_errorhandler(HTTPException)
def http_error(exc: HTTPException):
    title, line = SAID.get(exc.code, (exc.name, exc.description or ""))
    return render_template("error.html.j2", title=title, line=line), exc.code


@pages.app_errorhandler(BriefingError)
def briefing_error(exc: BriefingError):
    return render_template("error.html.j2", title="This could not be done", line=str(exc)), 400
