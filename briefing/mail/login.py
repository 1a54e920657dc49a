"""Logging in to the mail server: one attempt with the best mechanism offered, an OAuth2
token asked for once more when refused, and a refusal said in one line that never holds the
password or the token.
"""

from __future__ import annotations

import smtplib

from briefing.mail.exchange import server_name
from briefing.mail.settings import SmtpSettings

BASIC_REFUSED = ("5.7.30", "5.7.139", "basic authentication is not supported", "basic authentication is disabled")


def refused_login(settings: SmtpSettings, exc: smtplib.SMTPAuthenticationError) -> str:
    """What to do about a refused login, in one line; never the password or the token."""
    where, answer = server_name(settings), exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) \
        else str(exc.smtp_error)
    if settings.auth == "password" and any(mark in answer.lower() for mark in BASIC_REFUSED):
        return (f"{where} refuses passwords (Basic authentication is switched off, as Microsoft 365 does from "
                f"December 2026: {exc.smtp_code} {answer.split()[0] if answer.split() else ''}); use OAuth2: set "
                "BRIEFING_SMTP_AUTH=xoauth2 and BRIEFING_SMTP_TOKEN_COMMAND to a program that prints an access "
                "token, or write a draft for your own mail client with briefing email --draft")
    if settings.auth == "xoauth2":
        source = "the token command" if settings.token_command else "Microsoft Entra ID"
        return (f"access token refused by {where} for {settings.user!r} ({exc.smtp_code}), after asking {source} "
                "again; check the mailbox name, that the token is for SMTP (scope SMTP.Send), and that "
                "SMTP AUTH is enabled for the mailbox")
    return f"login refused by {where} for user {settings.user!r} ({exc.smtp_code})"


def login(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    """One attempt with the best offered mechanism: smtplib's login() would retry with others,
    and some servers drop the connection after the first refusal, hiding the real answer."""
    if settings.auth == "xoauth2":
        return _login_xoauth2(smtp, settings)
    offered = smtp.esmtp_features.get("auth", "").upper().split()
    mechanism = next((m for m in ("CRAM-MD5", "PLAIN", "LOGIN") if m in offered), None)
    if mechanism is None:
        raise smtplib.SMTPNotSupportedError("no supported AUTH mechanism")
    smtp.user, smtp.password = settings.user, settings.password
    smtp.auth(mechanism, getattr(smtp, "auth_" + mechanism.lower().replace("-", "_")))


def _login_xoauth2(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    """XOAUTH2 with a token from the token command; a refused token is asked for once more
    (the command may hand out a fresh one), then the refusal stands."""
    from briefing.mail.oauth import xoauth2

    if "XOAUTH2" not in smtp.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("no XOAUTH2")
    for attempt in (1, 2):
        try:
            smtp.auth("XOAUTH2", xoauth2(settings.user, access_token(settings, refresh=attempt == 2)))
            return
        except smtplib.SMTPAuthenticationError:
            if attempt == 2:
                raise
            smtp.ehlo()


def access_token(settings: SmtpSettings, refresh: bool = False, http_client=None) -> str:
    """From the token command when one is set, else from Microsoft Entra ID via MSAL."""
    if settings.token_command:
        from briefing.mail.oauth import token_from_command

        return token_from_command(settings.token_command, settings.timeout)
    from briefing.mail.entra import token

    return token(settings, http_client=http_client, refresh=refresh)
