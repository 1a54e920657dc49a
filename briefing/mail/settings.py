"""SMTP settings from the environment or a config file; the environment wins.

A password is never taken from the command line (it would sit in shell history and the
process list) and is never printed: `SmtpSettings.__repr__` hides it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefing import limits
from briefing.errors import ConfigError
from briefing.ingest.located_yaml import read_located
from briefing.mail.addresses import ascii_address, ascii_domain

ENV = {
    "host": "BRIEFING_SMTP_HOST", "port": "BRIEFING_SMTP_PORT", "security": "BRIEFING_SMTP_SECURITY",
    "user": "BRIEFING_SMTP_USER", "password": "BRIEFING_SMTP_PASSWORD", "sender": "BRIEFING_SMTP_FROM",
    "ca_bundle": "BRIEFING_SMTP_CA_BUNDLE", "auth": "BRIEFING_SMTP_AUTH", "token_command": "BRIEFING_SMTP_TOKEN_COMMAND",
    "timeout": "BRIEFING_SMTP_TIMEOUT", "msal_tenant": "BRIEFING_MSAL_TENANT",
    "msal_client_id": "BRIEFING_MSAL_CLIENT_ID", "msal_client_secret": "BRIEFING_MSAL_CLIENT_SECRET",
    "msal_certificate": "BRIEFING_MSAL_CERTIFICATE", "msal_thumbprint": "BRIEFING_MSAL_THUMBPRINT",
}
CONFIG_KEYS = {"host", "port", "security", "user", "password", "from", "ca_bundle", "timeout", "auth", "token_command",
               "msal_tenant", "msal_client_id", "msal_certificate", "msal_thumbprint"}  # a secret: environment only
AUTH = ("password", "xoauth2", "none")
SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_CONFIG = Path("~/.config/briefing/config.yaml")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: str
    user: str = ""
    password: str = field(default="", repr=False)
    ca_bundle: str = ""
    verify: bool = True
    timeout: float = 30.0
    insecure_login: bool = False  # a password over a connection without TLS, only when asked for
    auth: str = "none"  # password | xoauth2 | none: no login unless one is set
    token_command: str = field(default="", repr=False)  # prints an OAuth2 access token (xoauth2)
    msal_tenant: str = ""  # Microsoft Entra ID: the tenant and the app registered for SMTP.Send
    msal_client_id: str = ""
    msal_client_secret: str = field(default="", repr=False)  # client credentials, for a service
    msal_certificate: str = ""  # or a certificate: its PEM private key file, and its thumbprint
    msal_thumbprint: str = ""

    def __repr__(self) -> str:
        hidden = "***" if self.password else ""
        return (f"SmtpSettings(host={self.host!r}, port={self.port}, security={self.security!r}, "
                f"sender={self.sender!r}, user={self.user!r}, password={hidden!r})")


def _config(path: Path | None) -> dict:
    candidate = (path or DEFAULT_CONFIG).expanduser()
    if not candidate.exists():
        if path is not None:
            raise ConfigError("no such config file", file=str(candidate))
        return {}
    doc = read_located(candidate, "config file", limits.CONFIG_BYTES)
    data = doc.data
    smtp = data.get("smtp", data) if isinstance(data, dict) else None
    if not isinstance(smtp, dict):
        raise ConfigError("expected a mapping 'smtp:' with host, port, security, user, password, from", file=str(candidate))
    unknown = set(smtp) - CONFIG_KEYS
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(CONFIG_KEYS))}",
                          file=str(candidate))
    prefix = ("smtp",) if "smtp" in data else ()
    for key, value in smtp.items():
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ConfigError(f"'{key}' must be a single value, not {type(value).__name__}", file=str(candidate),
                              place=f"line {doc.line(*prefix, key)}")
    if smtp.get("password"):
        _warn_if_readable(candidate)
    return {("sender" if k == "from" else k): v for k, v in smtp.items()}


def _user(user: str) -> str:
    """The login name as SMTP AUTH carries it: ASCII, a mailbox's domain in IDNA form."""
    user = ascii_address(user, ENV["user"])
    if not user.isascii():
        raise ConfigError(f"{ENV['user']} {user!r} is not ASCII, which an SMTP login cannot carry; use the "
                          "mailbox's ASCII name")
    return user


def _host(host: str) -> str:
    """The server's name alone. A host written as an address ("smtp://user:secret@mail...")
    holds a login, which would be echoed in every later message: it is refused naming only
    the server, never what came before the "@"."""
    host = host.strip()
    server = host.rpartition("@")[2].split("/")[0] if "@" in host else host.split("://")[-1].split("/")[0]
    if "@" in host:
        raise ConfigError(f"{ENV['host']} holds a login before its '@' (not shown here); give the server's name "
                          f"alone ({server.rsplit(':', 1)[0] or 'mail.example.org'}), and the login in {ENV['user']} "
                          f"and {ENV['password']}")
    if "://" in host or "/" in host:
        raise ConfigError(f"{ENV['host']} {host!r} is an address, not a server's name; give the name alone "
                          f"({server.rsplit(':', 1)[0]})")
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit() and name and ":" not in name:
        raise ConfigError(f"{ENV['host']} {host!r} holds a port; give the name alone ({name}) and set "
                          f"{ENV['port']}={port}")
    return host


def _warn_if_readable(path: Path) -> None:
    """A password in a file others can read is a password others have; say so, as ssh does."""
    mode = path.stat().st_mode
    if mode & 0o077:
        import click

        click.echo(f"Warning: {path} holds a password and others can read it (mode {mode & 0o777:o}); "
                   f"run: chmod 600 {path}", err=True)


def sender_address(config: Path | None = None, environ: dict | None = None) -> str:
    """The From address a real send would use (environment, then config file), for a dry
    run that must not need a mail server to be set."""
    environ = os.environ if environ is None else environ
    values = _config(config)
    sender = str(environ.get(ENV["sender"]) or values.get("sender") or environ.get(ENV["user"]) or values.get("user")
                 or "briefing@localhost")
    return ascii_address(sender, ENV["sender"])


def load_settings(config: Path | None = None, *, ca_bundle: str = "", verify: bool = True,
                  insecure_login: bool = False, environ: dict | None = None, sign_in_only: bool = False) -> SmtpSettings:
    """`sign_in_only`: for briefing email --login, which needs the mailbox and the Entra app,
    not a mail server."""
    environ = os.environ if environ is None else environ
    values = _config(config)
    values.update({key: environ[var] for key, var in ENV.items() if environ.get(var)})
    if ca_bundle:
        values["ca_bundle"] = ca_bundle
    if sign_in_only:
        values.setdefault("host", "-")
        values.setdefault("sender", values.get("user") or "-")
    if not values.get("host"):
        raise ConfigError("no mail server set: export BRIEFING_SMTP_HOST (and BRIEFING_SMTP_FROM), "
                          f"or put smtp: host: ... in {DEFAULT_CONFIG}")
    security = str(values.get("security", "starttls")).lower()
    if security not in SECURITY:
        raise ConfigError(f"BRIEFING_SMTP_SECURITY {security!r} is not one of {', '.join(SECURITY)}")
    port = _number(values, "port", DEFAULT_PORTS[security], whole=True)
    if not 1 <= port <= 65535:
        raise ConfigError(f"BRIEFING_SMTP_PORT {port} is not a port number (1 to 65535)")
    auth = str(values.get("auth") or ("password" if values.get("password") else "none")).lower()
    if auth not in AUTH:
        raise ConfigError(f"BRIEFING_SMTP_AUTH {auth!r} is not one of {', '.join(AUTH)}")
    if auth == "xoauth2" and not (values.get("user") and (values.get("token_command") or values.get("msal_client_id"))):
        raise ConfigError("BRIEFING_SMTP_AUTH=xoauth2 needs BRIEFING_SMTP_USER (the mailbox) and either "
                          "BRIEFING_SMTP_TOKEN_COMMAND (a program that prints an access token) or "
                          "BRIEFING_MSAL_TENANT and BRIEFING_MSAL_CLIENT_ID (then briefing email --login)")
    sender = values.get("sender") or values.get("user")
    if not sender:
        raise ConfigError("no sender address: export BRIEFING_SMTP_FROM")
    if values.get("ca_bundle") and not Path(values["ca_bundle"]).expanduser().exists():
        raise ConfigError("CA bundle not found", file=str(values["ca_bundle"]))
    return SmtpSettings(host=ascii_domain(_host(str(values["host"])), ENV["host"]), port=port, security=security,
                        sender=ascii_address(str(sender), ENV["sender"]), user=_user(str(values.get("user") or "")), password=str(values.get("password") or ""),
                        ca_bundle=str(values.get("ca_bundle") or ""), verify=verify, insecure_login=insecure_login,
                        auth=auth, token_command=str(values.get("token_command") or ""),
                        msal_tenant=str(values.get("msal_tenant") or ""),
                        msal_client_id=str(values.get("msal_client_id") or ""),
                        msal_client_secret=str(environ.get(ENV["msal_client_secret"]) or ""),
                        msal_certificate=str(values.get("msal_certificate") or ""),
                        msal_thumbprint=str(values.get("msal_thumbprint") or ""),
                        timeout=_number(values, "timeout", 30.0))


def _number(values: dict, key: str, default: float, whole: bool = False) -> float:
    raw = values.get(key)
    if raw in (None, ""):
        return default
    try:
        number = int(str(raw)) if whole else float(str(raw))
    except ValueError:
        raise ConfigError(f"{key} {raw!r} is not {'a whole number' if whole else 'a number'}") from None
    if not math.isfinite(number) or number <= 0:
        raise ConfigError(f"{key} {raw!r} must be more than zero")
    return number
