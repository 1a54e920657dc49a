"""Send a pack: through the office's mail settings (as `briefing email` sends), or as an
unsent Outlook draft (.eml) to download and send from the person's own mailbox."""

from __future__ import annotations

from flask import Blueprint, render_template, request, send_from_directory

from briefing.errors import BriefingError
from briefing.web.folder import current as folder

pages = Blueprint("sending", __name__)
ATTACHABLE = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"}


def _settings():
    """The office's mail settings, or the one line that says what is missing."""
    from briefing.mail.settings import load_settings

    try:
        return load_settings(), ""
    except BriefingError as exc:
        return None, str(exc)


@pages.get("/packs/<token>/send")
def form(token: str):
    from briefing.mail.pack_files import read_pack

    settings, missing = _settings()
    pack = read_pack(folder().private("packs", token))
    return render_template("send.html.j2", token=token, pack=pack, settings=settings, missing=missing, errors=[],
                           form={"attach": ["pdf"], "route": "draft"})


@pages.post("/packs/<token>/send")
def send(token: str):
    from briefing.mail.addresses import parse_addresses
    from briefing.mail.outbox import email_pack
    from briefing.mail.pack_files import read_pack
    from briefing.mail.settings import sender_address

    out = folder().private("packs", token)
    pack = read_pack(out)
    settings, missing = _settings()
    form_ = request.form
    route = "send" if form_.get("route") == "send" and settings else "draft"
    attach = [a for a in form_.getlist("attach") if a in ATTACHABLE] or ["pdf"]
    try:
        to = parse_addresses([form_.get("to", "")], "To") if form_.get("to", "").strip() else []
        cc = parse_addresses([form_.get("cc", "")], "Copy to") if form_.get("cc", "").strip() else []
        if route == "send" and not to:
            raise BriefingError("Enter at least one address to send the pack to")
        files = [pack.file(ATTACHABLE[a]) for a in attach]
        done = email_pack(pack, files, to, cc, "", route, settings if route == "send" else None,
                          "" if route == "send" else sender_address())
    except BriefingError as exc:
        return render_template("send.html.j2", token=token, pack=pack, settings=settings, missing=missing,
                               errors=[(str(exc), "to")], form={**form_, "attach": attach, "route": route}), 400
    if route == "draft":
        from pathlib import Path

        return send_from_directory(out, Path(done).name, as_attachment=True, mimetype="message/rfc822")
    return render_template("sent.html.j2", token=token, pack=pack, done=done)
