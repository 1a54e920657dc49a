"""email: send a pack, check the mail settings, or write the message to an .eml file."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import cli
from briefing.writers import FORMATS, choices


def _attachments(text: str) -> list[str]:
    chosen = [a.strip().lower().lstrip(".") for a in text.split(",") if a.strip()]
    unknown = [a for a in chosen if a not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {choices()}", param_hint="--attach")
    return chosen


def _settings(config: Path | None, ca_bundle: Path | None, no_verify: bool, insecure_login: bool = False):
    from briefing.mail.settings import load_settings

    if no_verify:
        click.echo("WARNING: certificate verification is OFF (--no-verify). The connection can be intercepted; "
                   "use --ca-bundle for a private mail server instead.", err=True)
    return load_settings(config, ca_bundle=str(ca_bundle or ""), verify=not no_verify, insecure_login=insecure_login)


@cli.command()
@click.argument("pack_path", metavar="PACK_DIR_OR_FILE", required=False, type=click.Path(path_type=Path))
@click.option("--to", "to", multiple=True, help="Recipient (repeatable).")
@click.option("--cc", multiple=True, help="Copy to (repeatable).")
@click.option("--subject", help="Subject; the protective marking is put first. [default: the pack's title]")
@click.option("--attach", default="pdf", show_default=True, help=f"Comma-separated: {choices()}.")
@click.option("--dry-run", is_flag=True, help="Write the complete message as an .eml beside the pack; send nothing.")
@click.option("--draft", is_flag=True, help="Write an unsent draft (.eml) that Outlook or Thunderbird opens ready "
              "to send from your own mail client; no mail server needed.")
@click.option("--check", is_flag=True, help="Connect and log in to the mail server without sending.")
@click.option("--login", "sign_in", is_flag=True, help="Sign in to Microsoft 365 once (device code) so later sends "
              "refresh silently; needs BRIEFING_MSAL_TENANT, BRIEFING_MSAL_CLIENT_ID and BRIEFING_SMTP_USER.")
@click.option("--config", type=click.Path(path_type=Path), help="Config file with an smtp: section "
              "[default: ~/.config/briefing/config.yaml]. Environment variables win.")
@click.option("--ca-bundle", type=click.Path(path_type=Path), help="CA certificates to trust for a private mail server.")
@click.option("--no-verify", is_flag=True, help="Do not verify the server's certificate (unsafe; says so loudly).")
@click.option("--insecure-login", is_flag=True, help="Allow the password over a connection without TLS "
              "(security: none); only for a private link.")
def email(pack_path, to, cc, subject, attach, dry_run, draft, check, sign_in, config, ca_bundle, no_verify,
          insecure_login):
    """Email a briefing pack (the PDF by default) to the PCC and chief officers.

    SMTP settings come from BRIEFING_SMTP_HOST, _PORT, _SECURITY (starttls, ssl, none),
    _USER, _PASSWORD and _FROM, or a config file. The password is never an option.

    \b
    Example:
        briefing email output/ --to pcc@example.org --attach pdf,xlsx
        briefing email --check
    """
    if sign_in:
        from briefing.mail.entra import cache_path, login
        from briefing.mail.settings import load_settings

        who = login(load_settings(config, sign_in_only=True), lambda text: click.echo(text, err=True))
        click.echo(f"Signed in as {who}; the sign-in is kept in {cache_path()} (readable by you alone)")
        return
    if check:
        from briefing.mail.send import check as check_server

        click.echo(check_server(_settings(config, ca_bundle, no_verify, insecure_login)))
        return
    if pack_path is None or not to:
        raise click.UsageError("give the pack (a folder or file) and at least one --to address")
    from briefing.mail.addresses import parse_addresses
    from briefing.mail.pack_files import read_pack

    to, cc = parse_addresses(to, "--to"), parse_addresses(cc, "--cc")
    pack = read_pack(pack_path)
    files = [pack.file(FORMATS[kind].suffix) for kind in _attachments(attach)]
    route = "draft" if draft else "dry-run" if dry_run else "send"
    done = _email(pack, files, to, cc, subject or "", route, config, ca_bundle, no_verify, insecure_login)
    click.echo(done, err=route == "send")


def _email(pack, files, to, cc, subject, route, config, ca_bundle=None, no_verify=False, insecure_login=False) -> str:
    """Settings for the route (a dry run or draft needs no server), then the one send call."""
    from briefing.mail.outbox import email_pack
    from briefing.mail.settings import sender_address

    settings = _settings(config, ca_bundle, no_verify, insecure_login) if route == "send" else None
    return email_pack(pack, files, to, cc, subject, route, settings, "" if settings else sender_address(config))


def send_pack(paths: list[Path], to: list[tuple[str, str]], briefing) -> None:
    """Email the PDF of a pack just written (briefing pack --email-to, already parsed)."""
    from briefing.mail.outbox import pack_just_written

    pack, files = pack_just_written(paths, briefing)
    click.echo(_email(pack, files, to, [], "", "send", None), err=True)
