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
    with folder.serving(address):
        say(f"Serving the data folder {folder.root}")
        if token:
            say(f"WARNING: bound to {host}: anyone who can reach port {server.effective_port} on this address can "
                "use this page, so each browser must first open the address below, which carries the access token.")
            say(f"Open {address}?token={token}")
        else:
            say(f"Open {address} in your browser (this computer only). Press Ctrl-C to stop.")
        try:
            server.run()
        finally:
            server.close()
