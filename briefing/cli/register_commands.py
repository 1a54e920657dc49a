"""register: every HMICFRS report on file about the force, with its s.55 response."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import click

from briefing.cli import cli
from briefing.cli.tables import format_table, terminal_width
from briefing.phrases import long_date, short_date


@cli.command(name="register")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--force", "force", help="The force the register is for [default: the one the files name].")
@click.option("--date", "as_of", type=click.DateTime(["%Y-%m-%d"]), help="Where responses stand on this day "
              "[default: today].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def register_command(files: tuple[Path, ...], force: str | None, as_of, fmt: str) -> None:
    """List the force's HMICFRS reports with each s.55 response's last day and where it stands.

    FILES are datasets or texts of reports: PEEL, thematic, force inspections, revisit
    letters, and the PCC's published responses (which date the response to their report).
    With none, the bundled force's reports.

    \b
    Example:
        briefing register --date 2023-01-10
        briefing register reports/*.yaml response.txt --format json
    """
    from briefing.compare.register import brief_status
    from briefing.pack import load_register

    day = as_of.date() if as_of else date.today()
    from briefing.compare.monitoring import not_stated

    registered = load_register(files, day, force)
    force_name, entries, monitoring = registered.force, registered.entries, registered.monitoring
    for warning in registered.warnings:
        click.echo(f"warning: {warning}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"force": force_name, "as_of": day.isoformat(),
                               "monitoring": monitoring.to_json() if monitoring else None,
                               "reports": [e.to_json() for e in entries]}, indent=2, ensure_ascii=False))
        return
    rows = [[_short(e.published), e.title, short_date(e.s55_due) if e.s55_due else "-",
             brief_status(e, day), _for_force(e)] for e in entries]
    click.echo(f"{force_name}: {len(entries)} report{'s' if len(entries) != 1 else ''} on file, newest first; "
               f"responses as of {long_date(day)}")
    click.echo(textwrap.fill(f"HMICFRS monitoring: {force_name} {monitoring.words()} ({monitoring.source})" if monitoring
                             else f"HMICFRS monitoring: {not_stated()}", terminal_width()))
    click.echo(format_table(["Published", "Report", "Last day", "Response", "For the force"], rows))
    sent = (" A letter shown as sent gives no publication date: its last day is the one if it was published the day "
            "it was sent.") if any(e.published.sent for e in entries) else ""
    click.echo(textwrap.fill("Last day: the last of the 56 days that begin with publication day (s.55(5A) Police Act "
                             f"1996).{sent} For the force: the recommendations, causes of concern and areas for improvement "
                             "the source lists for it (a PEEL inspection's other findings are compared in its pack). A "
                             "response counts as published only where a copy is on file; --format json gives each "
                             "status in full.", terminal_width()))


def _short(published) -> str:
    if published.exact:  # a letter's sent day is no publication date: said so
        return f"sent {short_date(published.exact)}" if published.sent else short_date(published.exact)
    if published.month:
        return date(published.year, published.month, 1).strftime("%b %Y")
    return str(published.year) if published.known else "-"


def _for_force(e) -> str:
    n = len(e.for_force)
    closed = f"; {len(e.closed)} closed" if e.closed else ""
    if e.complete:
        return f"{n}{closed}"
    return (f"{n} listed; the report makes {e.stated}" if e.stated is not None else f"{n} listed") + closed
