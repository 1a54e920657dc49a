"""The SMTP connection's clock: each reply of the server whole within one timeout, however
slowly its lines come, and the whole exchange within EXCHANGE_READS timeouts.

Why: the socket timeout bounds each read, but a server sending a line a second (a greeting
that never ends, an answer dripped after the data) would never trip it.
"""

from __future__ import annotations

import smtplib
import socket
import time

from briefing.mail.settings import SmtpSettings


def server_name(settings: SmtpSettings) -> str:
    return f"{settings.host}:{settings.port}"


EXCHANGE_READS = 10  # the whole exchange may take this many timeouts, however the server drips its lines


class Deadline:
    """Cuts the connection when a reply, or the whole exchange, runs past its time: the
    socket timeout bounds each read, but a server sending a line a second would never trip
    it. One watcher thread for both deadlines: a reply's, set while smtplib reads one, and
    the exchange's."""

    def __init__(self, smtp: smtplib.SMTP, seconds: float):
        import threading

        self.smtp, self.expired = smtp, ""  # "reply" or "exchange", once cut
        self.end, self.reply_end, self.done = time.monotonic() + seconds, None, False
        self.changed = threading.Condition()
        threading.Thread(target=self._watch, daemon=True).start()

    def reply(self, seconds: float | None) -> None:
        """A reply began (it must end within `seconds`), or ended (None)."""
        with self.changed:
            self.reply_end = None if seconds is None else time.monotonic() + seconds
            self.changed.notify()

    def stop(self) -> None:
        with self.changed:
            self.done = True
            self.changed.notify()

    def _watch(self) -> None:
        with self.changed:
            while not self.done:
                due = min(self.end, self.reply_end or self.end)
                if time.monotonic() >= due:
                    self.expired = "reply" if self.reply_end is not None and self.reply_end <= self.end else "exchange"
                    return self._cut()
                self.changed.wait(due - time.monotonic())

    def _cut(self) -> None:
        sock = getattr(self.smtp, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Replies:
    """smtplib's reader, each reply held to one timeout however slowly its lines come."""

    def getreply(self):
        deadline = getattr(self, "_briefing_deadline", None)
        if deadline is not None:
            deadline.reply(self.timeout)
        try:
            reply = super().getreply()
        finally:
            if deadline is not None:
                deadline.reply(None)
        if deadline is not None and deadline.expired:  # what came before the cut is no reply
            raise smtplib.SMTPServerDisconnected("timed out")
        return reply


class SMTP(Replies, smtplib.SMTP):
    pass


class SMTPSSL(Replies, smtplib.SMTP_SSL):
    pass


def expired(smtp) -> str:
    """"reply" or "exchange" where a deadline cut the connection, else ""."""
    deadline = getattr(smtp, "_briefing_deadline", None)
    return deadline.expired if deadline else ""


def stop(smtp) -> None:
    deadline = getattr(smtp, "_briefing_deadline", None)
    if deadline is not None:
        deadline.stop()


def too_slow(settings: SmtpSettings, smtp) -> str:
    """A deadline passed: a reply's (one timeout), or the whole exchange's."""
    if expired(smtp) == "exchange":
        return (f"mail server {server_name(settings)} did not finish the exchange within "
                f"{settings.timeout * EXCHANGE_READS:g} s")
    return f"no answer from {server_name(settings)} within {settings.timeout:g} s (timeout)"
