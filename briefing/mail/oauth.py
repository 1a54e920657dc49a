"""Access tokens for XOAUTH2 (Microsoft 365, Gmail) from a token command.

The convention of msmtp's `passwordeval` and mutt's oauth2 helper: a program the
organisation already has prints a fresh access token on stdout. It runs without a shell
(no quoting surprises), within a time limit, and its token is never printed, logged or put
in an error message.
"""

from __future__ import annotations

import shlex
import subprocess

from briefing.errors import ConfigError

TOKEN_SECONDS = 60


def token_from_command(command: str, timeout: float = TOKEN_SECONDS) -> str:
    """The token the command prints, or one clear line saying why there is none."""
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise ConfigError(f"BRIEFING_SMTP_TOKEN_COMMAND cannot be read ({exc})") from None
    if not argv:
        raise ConfigError("BRIEFING_SMTP_TOKEN_COMMAND is empty")
    try:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise ConfigError(f"token command {argv[0]!r} not found") from None
    except PermissionError:
        raise ConfigError(f"token command {argv[0]!r} cannot be run (permission denied)") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"token command {argv[0]!r} did not finish within {timeout:g} s") from None
    if run.returncode != 0:
        last = next((line.strip() for line in reversed(run.stderr.splitlines()) if line.strip()), "no message")
        raise ConfigError(f"token command {argv[0]!r} failed (exit {run.returncode}): {last[:200]}")
    token = run.stdout.strip()
    if not token or any(c.isspace() for c in token):
        raise ConfigError(f"token command {argv[0]!r} printed {'nothing' if not token else 'more than one token'}; "
                          "it should print one access token")
    return token


def xoauth2(user: str, token: str):
    """The SASL XOAUTH2 response for smtplib.auth: the token first; an empty line if the
    server answers with its error challenge (as RFC 7628's error flow asks)."""
    sent = []

    def respond(challenge=None) -> str:
        if sent:
            return ""
        sent.append(True)
        return f"user={user}\x01auth=Bearer {token}\x01\x01"

    return respond
