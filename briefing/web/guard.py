"""What stands between the pages and anyone else: the access token, the CSRF token, the
Host header, and the headers every answer carries.

Bound to 127.0.0.1 the server is this computer's alone, and a page on another site cannot
reach it through the browser either: a form it posts lacks the CSRF token, and a DNS name
pointed at 127.0.0.1 is refused by the Host check. Bound to another address (`--host`),
anyone who reaches the port could use it, so every request then needs the access token,
given once in the address `serve` prints and kept in the browser's session cookie.
"""

from __future__ import annotations

import hmac
import secrets

from flask import abort, redirect, request, session

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-src 'self'; "
       "frame-ancestors 'self'; base-uri 'none'")
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"  # a pack's own page


def csrf_token() -> str:
    """The token every form carries, made once per browser session."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def install(app, token: str | None, local: bool) -> None:
    """The checks run before every request and the headers added to every answer."""

    @app.before_request
    def _checks():
        if local and request.host.rsplit(":", 1)[0] not in LOOPBACK_NAMES:
            abort(421)  # a DNS name rebound to 127.0.0.1 by another site
        if token is not None and not session.get("access"):
            given = request.args.get("token", "")
            if not given or not hmac.compare_digest(given, token):
                abort(403)
            session["access"] = True
            return redirect(request.path)  # the token leaves the address bar and the history
        if request.method == "POST":
            sent = request.form.get("csrf_token", "")
            if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
                abort(400, "csrf")
        return None

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    app.jinja_env.globals["csrf_token"] = csrf_token
