"""Mail that says what happened, against scripted servers on 127.0.0.1: a 421 greeting is
retried, an answer lost after the message went says it may have been delivered, a reply
that never ends is cut at the timeout, a login written into the host is never echoed, and
a display name with a semicolon stays one quoted name.
"""

from __future__ import annotations

import email
import socket
import threading
import time
from email import policy

import pytest
from test_email import Recorder, env, smtp_server  # noqa: F401 (a fixture)

from briefing.errors import DeliveryError


class Scripted:
    """An SMTP server of a few lines: each connection is answered by the next script in
    `scripts` (the last repeats). A script is "ok", "421" (refused at the greeting),
    "drop-after-data" (reads the message, then hangs up without a word), "drip-after-data"
    (answers the message one byte a second) or "endless-greeting"."""

    def __init__(self, *scripts: str):
        self.scripts, self.connections, self.messages = list(scripts), 0, []
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self):
        self.stop.set()
        self.listener.close()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            script = self.scripts[min(self.connections, len(self.scripts) - 1)]
            self.connections += 1
            threading.Thread(target=self._talk, args=(conn, script), daemon=True).start()

    def _talk(self, conn: socket.socket, script: str):
        with conn, conn.makefile("rb") as lines:
            try:
                if script == "endless-greeting":
                    while not self.stop.is_set():
                        conn.sendall(b"220-still greeting you\r\n")
                        time.sleep(0.05)
                    return
                if script == "421":
                    conn.sendall(b"421 4.3.2 busy, try again later\r\n")
                    return
                conn.sendall(b"220 scripted.example ESMTP\r\n")
                self._session(conn, lines, script)
            except OSError:
                return

    def _session(self, conn, lines, script):
        for line in lines:
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                conn.sendall(b"250-scripted.example\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                conn.sendall(b"354 go ahead\r\n")
                body = b"".join(iter(lines.readline, b".\r\n"))
                self.messages.append(body)
                if script == "drop-after-data":
                    return
                if script == "drip-after-data":
                    for byte in b"250 queued\r\n":
                        conn.sendall(bytes([byte]))
                        time.sleep(1)
                    return
                conn.sendall(b"250 2.0.0 queued\r\n")
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 OK\r\n")


@pytest.fixture
def scripted():
    servers = []

    def start(*scripts):
        servers.append(Scripted(*scripts))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _send(runner, pack, port, *args, **settings):
    from briefing.cli import _register, cli

    _register()
    return runner.invoke(cli, ["email", str(pack), "--to", "pcc@example.org", *args], env=env(port, **settings),
                         catch_exceptions=False)


@pytest.fixture(scope="module")
def pack(default_pack, tmp_path_factory):
    return default_pack.copy(tmp_path_factory.mktemp("pack"))


def test_a_421_greeting_is_retried_and_the_message_then_sent(scripted, pack, monkeypatch, runner):
    from briefing.mail import send as sending

    server = scripted("421", "421", "ok")
    pauses = []
    monkeypatch.setattr(sending.time, "sleep", pauses.append)
    result = _send(runner, pack, server.port)
    assert result.exit_code == 0, result.stderr
    assert server.connections == 3 and len(server.messages) == 1 and pauses == [2.0, 4.0]


def test_a_server_that_stays_busy_is_said_after_three_tries_and_nothing_sent(scripted, pack, monkeypatch, runner):
    from briefing.mail import send as sending

    server = scripted("421")
    monkeypatch.setattr(sending.time, "sleep", lambda seconds: None)
    result = _send(runner, pack, server.port)
    assert result.exit_code == 1 and server.connections == 3
    assert result.stderr.strip() == (f"Error: 127.0.0.1:{server.port} kept refusing for now (it answered 421 4.3.2 "
                                     "busy, try again later); tried 3 times, nothing was sent")


@pytest.mark.parametrize("script", ["drop-after-data", "drip-after-data"])
def test_an_answer_lost_after_the_message_went_says_it_may_have_been_delivered(scripted, pack, runner, script):
    server = scripted(script)
    started = time.monotonic()
    result = _send(runner, pack, server.port, BRIEFING_SMTP_TIMEOUT="1")
    assert time.monotonic() - started < 8
    assert result.exit_code == 1 and len(server.messages) == 1 and server.connections == 1  # never sent twice
    line = result.stderr.strip()
    assert line.startswith(f"Error: the message went to 127.0.0.1:{server.port} but the answer to it was lost (")
    assert line.endswith("): it may have been delivered; ask a recipient before sending it again")
    assert "nothing was sent" not in line


def test_a_greeting_that_never_ends_is_cut_at_the_timeout(scripted, pack, runner):
    server = scripted("endless-greeting")
    started = time.monotonic()
    result = _send(runner, pack, server.port, BRIEFING_SMTP_TIMEOUT="0.5")
    assert time.monotonic() - started < 3  # one timeout, not ten
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no answer from 127.0.0.1:{server.port} within 0.5 s (timeout)"


@pytest.mark.parametrize("host", ["analyst:s3cr3t-Pa55@127.0.0.1", "smtp://analyst:s3cr3t-Pa55@127.0.0.1:25/"])
def test_a_login_written_into_the_host_is_never_echoed(runner, pack, host):
    for args in (["--check"], [str(pack), "--to", "pcc@example.org"]):
        from briefing.cli import _register, cli

        _register()
        result = runner.invoke(cli, ["email", *args], env=env(25, BRIEFING_SMTP_HOST=host), catch_exceptions=False)
        assert result.exit_code == 1
        assert "s3cr3t" not in result.output + result.stderr and "analyst" not in result.stderr
        assert result.stderr.strip() == ("Error: BRIEFING_SMTP_HOST holds a login before its '@' (not shown here); "
                                         "give the server's name alone (127.0.0.1), and the login in "
                                         "BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD")


def test_a_display_name_with_a_semicolon_stays_one_quoted_name(runner, pack, smtp_server):
    controller, handler = smtp_server(Recorder())
    from briefing.cli import _register, cli

    _register()
    result = runner.invoke(cli, ["email", str(pack), "--to", '"Smith; Jo" <jo@example.org>; chief@example.org'],
                           env=env(controller.port), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    (envelope,) = handler.messages
    assert envelope.rcpt_tos == ["jo@example.org", "chief@example.org"]
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert message["To"] == '"Smith; Jo" <jo@example.org>, chief@example.org'
    assert message["To"].addresses[0].display_name == "Smith; Jo"


def test_a_421_at_check_is_one_line(scripted):
    from briefing.mail.send import check
    from briefing.mail.settings import SmtpSettings

    server = scripted("421")
    with pytest.raises(DeliveryError) as raised:
        check(SmtpSettings("127.0.0.1", server.port, "none", "opcc@example.org", timeout=2))
    assert str(raised.value) == (f"127.0.0.1:{server.port} is refusing for now (it answered 421 4.3.2 busy, try "
                                 "again later); try again later")
