"""Access tokens for XOAUTH2 (Microsoft 365, Gmail) from a token command.

The convention of msmtp's `passwordeval` and mutt's oauth2 helper: a program the
organisation already has prints a fresh access token on stdout. It runs without a shell
(no quoting surprises), within a time limit, and its token is never printed, logged or put
in an error message.
"""

from __future__ import annotations

import os
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
        code, out = _run_capped(argv, timeout)
    except FileNotFoundError:
        raise ConfigError(f"token command {argv[0]!r} not found") from None
    except PermissionError:
        raise ConfigError(f"token command {argv[0]!r} cannot be run (permission denied)") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"token command {argv[0]!r} did not finish within {timeout:g} s") from None
    if out is None:
        raise ConfigError(f"token command {argv[0]!r} printed more than {TOKEN_BYTES // 1024} KB; it should print "
                          "one access token")
    if code != 0:  # its messages may hold a token or a secret: never repeated
        raise ConfigError(f"token command {argv[0]!r} failed (exit {code}); run it yourself to see why")
    token = out.decode("utf-8", errors="replace").strip()
    if not token or any(c.isspace() for c in token):
        raise ConfigError(f"token command {argv[0]!r} printed {'nothing' if not token else 'more than one token'}; "
                          "it should print one access token")
    return token


TOKEN_BYTES = 64 * 1024  # an access token is a few kilobytes


def _run_capped(argv: list[str], timeout: float) -> tuple[int, bytes | None]:
    """Run the command, reading at most TOKEN_BYTES of what it prints (None if it prints
    more: it is stopped); what it says on stderr is not kept."""
    import selectors
    import time

    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    end = time.monotonic() + timeout
    chunks, total = [], 0
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    raise subprocess.TimeoutExpired(argv, timeout)
                if not selector.select(left):
                    continue
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                total += len(chunk)
                if total > TOKEN_BYTES:
                    return -1, None
                chunks.append(chunk)
        return process.wait(max(0.1, end - time.monotonic())), b"".join(chunks)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


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
