"""Sending a pack: the one call `briefing email` and `briefing pack --email-to` both make.

Three routes share one message: send it through the office's mail server, write it as an
.eml beside the pack (a dry run), or write an unsent draft that Outlook or Thunderbird
opens ready to send from the person's own account (no server, no login).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.mail.pack_files import PackFiles

ROUTES = ("send", "dry-run", "draft")


def email_pack(pack: PackFiles, files: Sequence[Path], to: list[tuple[str, str]], cc: list[tuple[str, str]],
               subject: str = "", route: str = "send", settings=None, sender: str = "") -> str:
    """Email `files` of `pack`; returns what happened, in a line for the user. `to` and `cc`
    are (name, address) pairs (mail.addresses.parse_addresses); `settings` the mail
    settings (needed to send), `sender` the From address of a dry run or draft."""
    if route not in ROUTES:
        raise ValueError(f"route {route!r} is not one of {', '.join(ROUTES)}")
    message = _message(list(files), to, cc, subject or pack.title, pack, settings.sender if settings else sender)
    if route == "draft":
        return str(_draft(message, pack.stem.with_name(pack.stem.name + "-draft.eml")))
    if route == "dry-run":
        from briefing.atomic import write_atomic

        return str(write_atomic(pack.stem.with_name(pack.stem.name + ".eml"), message.as_bytes()))
    from briefing.mail.send import deliver

    recipients = [address for _, address in to + cc]
    deliver(settings, message, recipients)
    return f"Sent {', '.join(f.name for f in files)} to {', '.join(recipients)}"


def _draft(message, eml: Path) -> Path:
    from briefing.atomic import write_atomic

    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft, ready to send
    if message["From"] == "briefing@localhost":  # nothing set: the mail client fills in its own account
        del message["From"]
    return write_atomic(eml, message.as_bytes(policy=message.policy.clone(linesep="\r\n")))


def _message(files, to, cc, subject, pack: PackFiles, sender: str):
    from briefing.mail.addresses import header_value
    from briefing.mail.message import build_message

    return build_message(sender=sender, to=header_value(to), cc=header_value(cc), subject=subject,
                         marking=pack.marking, title=pack.title, headline=list(pack.headline), attachments=files,
                         s55_due=pack.s55_due)


def pack_just_written(paths: Sequence[Path], briefing) -> tuple[PackFiles, list[Path]]:
    """A pack this process has just written, as email_pack takes it: its PDF (else its first file)."""
    pdf = [p for p in paths if p.suffix == ".pdf"] or list(paths[:1])
    meta = briefing.metadata
    return PackFiles(pdf[0].with_suffix(""), meta.title, meta.marking, briefing.headline, meta.s55_due), pdf
