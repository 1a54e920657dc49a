"""`briefing serve`: the web page on waitress, a production WSGI server in pure Python that
runs the same on Windows and Linux.

Bound to 127.0.0.1 unless a host is given: then anyone who can reach the port could use
the page, so a random access token is made and every request must carry it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from briefing.web.folder import OfficeFolder

LOCAL = "127.0.0.1"
THREADS = 4


def serve(folder: OfficeFolder, host: str = LOCAL, port: int = 8155,
          say: Callable[[str], None] = print) -> None:
    """Serve `folder` until interrupted; a second server on the same folder is refused."""
    from waitress.server import create_server

    from briefing.web import create_app

    local = host == LOCAL
    token = None if local else secrets.token_urlsafe(24)
    app = create_app(folder, token, local)
    server = create_server(app, host=host, port=port, threads=THREADS, ident="briefing",
                           max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024)
    address = f"http://{host if ':' not in host else f'[{host}]'}:{server.effective_port}/"
    _stop_on_sigterm()
    with folder.serving(address):
        say(f"Serving the data folder {folder.root}")
        if token:
            say(f"WARNING: bound to {host}: anyone who can reach port {server.effective_port} on this address can "
                "use this page, so each browser must first open the address below, which carries the access token.")
            say(f"Open {address}?token={token}")
        else:
            say(f"Open {address} in your browser (this computer only). Press Ctrl-C to stop.")
        try:
            server.run()  # returns when Ctrl-C or SIGTERM stops it
        finally:
            server.close()
    _said_as_every_command_says_it()


def _said_as_every_command_says_it() -> None:
    """waitress ends quietly on KeyboardInterrupt; the command line then says "interrupted" and
    exits 130 (Ctrl-C) or 143 (SIGTERM), as every other command does."""
    raise KeyboardInterrupt()  # the signal itself is in interrupts.SIGNALLED, which sets the status


def _stop_on_sigterm() -> None:
    """SIGTERM raised as KeyboardInterrupt while serving: waitress's event loop passes that one
    through, but catches and logs any other exception raised while it reads a request, so a
    SIGTERM landing then would leave the server running. The exit status stays 143."""
    import signal
    import threading

    from briefing import interrupts

    def stop(signum, frame):
        interrupts.SIGNALLED.append(signum)
        raise KeyboardInterrupt()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
