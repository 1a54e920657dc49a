"""Deliver a message over SMTP with verified TLS, one clear line for every failure (the
exchange's clock is mail.exchange's, the login mail.login's).

Transient refusals (4xx, at any step: a 421 greeting, a 454 login, a 451 after the data)
are retried a bounded number of times with growing pauses; permanent ones (5xx) are
reported at once, naming the address the server refused. Each reply of the server must
come whole within the timeout, and the whole exchange within EXCHANGE_READS timeouts,
however slowly a server drips its lines. Once the message has gone, a lost answer is said
to be one: the message may have been delivered.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage

from briefing.errors import DeliveryError
from briefing.mail.exchange import EXCHANGE_READS, SMTP, SMTPSSL, Deadline, expired, server_name, stop, too_slow
from briefing.mail.login import login, refused_login
from briefing.mail.settings import SmtpSettings

RETRIES = 3


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.ca_bundle or None)
    if not settings.verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    """An open, secured and logged-in connection, or a DeliveryError saying what failed."""
    where = server_name(settings)
    if settings.security == "none" and settings.auth != "none" and not settings.insecure_login:
        what = "an access token" if settings.auth == "xoauth2" else "the password"
        raise DeliveryError(f"will not send {what} for {settings.user!r} to {where} without encryption "
                            "(security: none); use starttls or ssl, or --insecure-login if the link is private")
    smtp, opened = None, False
    try:
        if settings.security == "ssl":
            smtp = SMTPSSL(timeout=settings.timeout, context=tls_context(settings))
        else:
            smtp = SMTP(timeout=settings.timeout)
        smtp._briefing_deadline = Deadline(smtp, settings.timeout * EXCHANGE_READS)  # the whole exchange
        smtp._host = settings.host  # what TLS checks the certificate against (smtplib sets it only in __init__)
        code, text = smtp.connect(settings.host, settings.port)
        if code != 220:  # smtplib raises this only when it connects itself
            raise smtplib.SMTPConnectError(code, text)
        smtp.ehlo()
        if settings.security == "starttls":
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise DeliveryError(f"mail server {where} does not offer STARTTLS; "
                                    "set BRIEFING_SMTP_SECURITY=ssl or none if that is intended")
            smtp.starttls(context=tls_context(settings))
            smtp.ehlo()
        if settings.auth != "none":
            login(smtp, settings)
        opened = True
        return smtp
    except DeliveryError:
        raise
    except socket.gaierror:
        raise DeliveryError(f"mail server name {settings.host!r} not found") from None
    except ConnectionRefusedError:
        raise DeliveryError(f"connection refused by {where}; is the mail server running on that port?") from None
    except TimeoutError:
        raise DeliveryError(f"no answer from {where} within {settings.timeout:g} s (timeout)") from None
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(f"certificate of {where} could not be verified ({exc.verify_message}); "
                            "name a CA bundle with --ca-bundle for a private mail server") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"TLS with {where} failed: {exc.reason or exc}") from None
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:  # a 421 greeting, a 454 login: the server may take it later
            raise _Transient(f"it answered {_refusal(exc.smtp_code, exc.smtp_error)}") from None
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            raise DeliveryError(refused_login(settings, exc)) from None
        raise DeliveryError(f"{where} refused the connection: {_refusal(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPNotSupportedError:
        if settings.auth == "xoauth2":
            raise DeliveryError(f"mail server {where} does not offer OAuth2 logins (XOAUTH2) on this connection") \
                from None
        raise DeliveryError(f"mail server {where} does not accept logins (AUTH) on this connection") from None
    except smtplib.SMTPServerDisconnected as exc:
        if "timed out" in str(exc) or expired(smtp):
            raise DeliveryError(too_slow(settings, smtp)) from None
        raise DeliveryError(f"mail server {where} closed the connection") from None
    except UnicodeError:
        raise DeliveryError("a mail setting (the server's name, the user or the password) holds a character that "
                            "is not ASCII, which the SMTP exchange cannot carry; use an ASCII password (an app "
                            "password) and the server's ASCII name") from None
    except (smtplib.SMTPException, OSError) as exc:
        if expired(smtp):
            raise DeliveryError(too_slow(settings, smtp)) from None
        raise DeliveryError(f"could not talk to {where}: {exc}") from None
    finally:
        if smtp is not None and not opened:
            stop(smtp)
            smtp.close()


def check(settings: SmtpSettings) -> str:
    """Connect, secure and log in without sending; returns what was confirmed."""
    try:
        smtp = _connect(settings)
    except _Transient as exc:
        raise DeliveryError(f"{server_name(settings)} is refusing for now ({exc}); try again later") from None
    size = smtp.esmtp_features.get("size", "")
    smtp.quit()
    stop(smtp)
    login = {"password": f", logged in as {settings.user} with a password",
             "xoauth2": f", logged in as {settings.user} with an OAuth2 token (XOAUTH2) from "
                        + ("the token command" if settings.token_command else "Microsoft Entra ID (MSAL)"),
             "none": ", no login (BRIEFING_SMTP_AUTH=none)"}[settings.auth]
    limit = f"; it accepts messages up to {int(size) // 1024} KB" if size.strip().isdigit() and int(size) else ""
    return f"{server_name(settings)} reachable ({settings.security}){login}{limit}"


def _check_size(smtp: smtplib.SMTP, settings: SmtpSettings, size: int) -> None:
    limit = smtp.esmtp_features.get("size", "").strip()
    if limit.isdigit() and int(limit) and size > int(limit):
        raise DeliveryError(f"message is {size // 1024} KB but {server_name(settings)} accepts at most "
                            f"{int(limit) // 1024} KB; attach fewer files (e.g. --attach pdf)")


def deliver(settings: SmtpSettings, message: EmailMessage, recipients: list[str], *, retries: int = RETRIES,
            pause: float = 2.0, sleep: Callable[[float], None] | None = None) -> None:
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))  # SMTP wants CRLF line ends
    for attempt in range(1, retries + 1):
        try:
            return _send_once(settings, data, recipients)
        except _Transient as exc:
            if attempt == retries:
                raise DeliveryError(f"{server_name(settings)} kept refusing for now ({exc}); tried {retries} times, "
                                    "nothing was sent") from None
            (sleep or time.sleep)(pause * 2 ** (attempt - 1))


class _Transient(DeliveryError):
    """A 4xx answer: the server may accept the same message a little later."""


def _refusal(code: int, text: bytes) -> str:
    return f"{code} {text.decode(errors='replace')}".strip()


def _send_once(settings: SmtpSettings, data: bytes, recipients: list[str]) -> None:
    """MAIL, every RCPT, then DATA only if every recipient was accepted: all or nothing."""
    smtp = _connect(settings)
    where, sent = server_name(settings), False
    try:
        _envelope(smtp, settings, data, recipients)
        code, text = smtp.docmd("data")
        if code != 354:
            _fail(code, f"{where} refused the message: {_refusal(code, text)}")
        smtp.send(_dot_stuffed(data))
        sent = True  # from here the server may have the whole message, whatever follows
        code, text = smtp.getreply()
        if code != 250:
            _fail(code, f"{where} refused the message: {_refusal(code, text)}")
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # accepted is accepted; a goodbye lost changes nothing
    except (smtplib.SMTPServerDisconnected, TimeoutError, OSError) as exc:
        raise DeliveryError(_lost(settings, smtp, exc, sent)) from None
    finally:
        stop(smtp)
        smtp.close()


def _envelope(smtp: smtplib.SMTP, settings: SmtpSettings, data: bytes, recipients: list[str]) -> None:
    where = server_name(settings)
    _check_size(smtp, settings, len(data))
    options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
    code, text = smtp.mail(settings.sender, options)
    if code != 250:
        _fail(code, f"{where} refused the sender {settings.sender}: {_refusal(code, text)}")
    refused = {}
    for address in recipients:
        code, text = smtp.rcpt(address)
        if code not in (250, 251):
            refused[address] = (code, text)
    if refused:
        smtp.rset()
        names = "; ".join(f"{addr} ({_refusal(c, t)})" for addr, (c, t) in refused.items())
        _fail(min(c for c, _ in refused.values()), f"{where} refused the recipient {names}; nothing was sent")


def _dot_stuffed(data: bytes) -> bytes:
    """The message as DATA carries it: a line starting with "." gets a second, and a line
    with a single "." ends it (what smtplib.data does, done here so that the moment the
    message has gone is known)."""
    import re

    data = re.sub(rb"(?m)^\.", b"..", data)
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _lost(settings: SmtpSettings, smtp, exc: BaseException, sent: bool) -> str:
    """What a connection lost mid-send means for the user: before the message went,
    nothing was sent; after, the server may have it all (sending again could send twice)."""
    where = server_name(settings)
    why = (too_slow(settings, smtp) if expired(smtp) or isinstance(exc, TimeoutError)
           else f"{where} dropped the connection")
    if sent:
        return (f"the message went to {where} but the answer to it was lost ({why}): it may have been delivered; "
                "ask a recipient before sending it again")
    return f"{why} before the message was accepted; nothing was sent"


def _fail(code: int, message: str) -> None:
    if 400 <= code < 500:
        raise _Transient(message)
    raise DeliveryError(message)
