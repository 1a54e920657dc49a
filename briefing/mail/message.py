"""The email that carries a pack: marking first in the subject, three lines on what changed."""

from __future__ import annotations

import mimetypes
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from briefing.document.narrative import render_text

MIME = {".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".json": "application/json"}


def subject_line(marking: str, subject: str) -> str:
    """The marking leads, as the handling rules expect: "OFFICIAL-SENSITIVE: ..."."""
    subject = " ".join(subject.split())
    return subject if subject.upper().startswith(marking.upper()) else f"{marking}: {subject}"


def build_message(*, sender: str, to: list[str], cc: list[str], subject: str, marking: str, title: str,
                  headline: list[str], attachments: list[Path]) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"] = sender, ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Subject"] = subject_line(marking, subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "briefing.local")
    body = render_text("email_body.txt.j2", title=title, marking=marking, headline=headline,
                       attachments=[(p.name, p.stat().st_size) for p in attachments])
    message.set_content(body + "\n")
    for path in attachments:
        mime = MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return message
