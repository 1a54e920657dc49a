"""The email that carries a pack: marking first in the subject, three lines on what changed."""

from __future__ import annotations

import mimetypes
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from briefing import limits
from briefing.document.narrative import render_text
from briefing.document.wording import s55_status
from briefing.errors import InputError
from briefing.limits import regular_file_size
from briefing.writers import format_of


def subject_line(marking: str, subject: str) -> str:
    """The marking leads, as the handling rules expect: "OFFICIAL-SENSITIVE: ..."."""
    subject = " ".join(subject.split())
    return subject if subject.upper().startswith(marking.upper()) else f"{marking}: {subject}"


def build_message(*, sender: str, to: str, cc: str, subject: str, marking: str, title: str,
                  headline: list[str], attachments: list[Path], s55_due: date | None = None,
                  today: date | None = None) -> EmailMessage:
    total = sum(regular_file_size(p, limits.ATTACHMENT_BYTES, "attachment") for p in attachments)
    if total > limits.ATTACHMENT_BYTES:
        raise InputError(f"the attachments come to {total // limits.MB} MB; one email carries at most "
                         f"{limits.ATTACHMENT_BYTES // limits.MB} MB (attach fewer files, e.g. --attach pdf)")
    message = EmailMessage()
    message["From"], message["To"] = sender, to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject_line(marking, subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "briefing.local")
    status = s55_status(s55_due, today or date.today())
    body = render_text("email_body.txt.j2", title=title, marking=marking, headline=headline,
                       deadline=f"The PCC's section 55 response {status}." if status else "",
                       attachments=[(p.name, p.stat().st_size, _purpose(p)) for p in attachments])
    message.set_content(body + "\n")
    for path in attachments:
        known = format_of(path.suffix)
        mime = (known.mime if known else None) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return message


def _purpose(path: Path) -> str:
    known = format_of(path.suffix)
    return f"{known.title}, {known.purpose}" if known else "attachment"
