"""pack: the main job, a briefing pack in Word, PDF and Excel. Parses options, calls make_pack."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from briefing.cli import cli
from briefing.document.options import AUDIENCES
from briefing.errors import shown
from briefing.writers import choices


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--audience", type=click.Choice(list(AUDIENCES)), default="pcc", show_default=True,
              help="pcc: questions and the s.55 response; chief-officers: open findings with owners.")
@click.option("--formats", default="docx,pdf,xlsx", show_default=True, help=f"Comma-separated: {choices()}.")
@click.option("--marking", default="OFFICIAL", show_default=True,
              help="Protective marking printed on every page, e.g. OFFICIAL-SENSITIVE.")
@click.option("--author", default=lambda: os.environ.get("BRIEFING_AUTHOR", ""), help="Author for the paper header "
              "[default: $BRIEFING_AUTHOR].")
@click.option("--version", "version", default="1.0", show_default=True, help="Version number of the paper.")
@click.option("--date", "paper_date", type=click.DateTime(["%Y-%m-%d"]), help="Date of the paper, on or after the newer report's publication [default: today].")
@click.option("--chief-comments-by", type=click.DateTime(["%Y-%m-%d"]),
              help="Date by which the chief constable's s.55 comments are asked for: on or after publication, "
                   "and by the last day of the s.55 period.")
@click.option("--record", "record_files", multiple=True, type=click.Path(path_type=Path),
              help="Another inspection of the force for the history section (repeatable).")
@click.option("--overrides", type=click.Path(path_type=Path), help="YAML of finding links to pin or forbid.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Folder for the pack.")
@click.option("--email-to", "email_to", multiple=True, help="Email the pack to this address after writing it.")
@click.option("--allow-different-forces", is_flag=True, help="Compare inspections of two different forces "
              "(refused otherwise; the pack says so on page 1).")
@click.option("--office", default="", help="The local policing body's title for 'Report to' and the response, e.g. "
              "\"Police, Fire and Crime Commissioner for Northamptonshire\" [default: from data/offices.yaml, else "
              "Police and Crime Commissioner].")
@click.option("--tracker", type=click.Path(path_type=Path), help="Last pack's workbook, as people edited it: its "
              "Actions (owners, dates, statuses, notes) are carried into this pack.")
def pack(inputs, audience, formats, marking, author, version, paper_date, chief_comments_by, record_files,
         overrides, out_dir, email_to, allow_different_forces, office, tracker):
    """Write a briefing pack comparing two inspections.

    INPUTS are OLD and NEW (datasets or report files). With none, the two most recent
    bundled inspections of the bundled force are compared, with its whole record.

    \b
    Example:
        briefing pack
        briefing pack old.yaml new.pdf --audience chief-officers -o packs/
    """
    from briefing.document.options import PackOptions
    from briefing.pack import PackRequest, make_pack
    from briefing.writers import parse_formats

    if len(inputs) not in (0, 2):
        raise click.UsageError("give two inspections (OLD NEW), or none for the bundled force")
    if email_to:  # a bad address is refused before any work is done
        from briefing.mail.addresses import parse_addresses

        email_to = parse_addresses(email_to, "--email-to")
    options = PackOptions(audience=audience, marking=marking, author=author, version=version,
                          date=paper_date.date() if paper_date else date.today(),
                          chief_comments_by=chief_comments_by.date() if chief_comments_by else None, office=office)
    request = PackRequest(inputs=inputs, record=record_files, overrides=overrides, options=options,
                          formats=parse_formats(formats), out_dir=out_dir,
                          allow_different_forces=allow_different_forces, tracker=tracker)
    result = make_pack(request, progress=lambda message: click.echo(message, err=True))
    for warning in result.briefing.warnings:
        click.echo(f"warning: {warning}", err=True)
    for path in result.paths:
        click.echo(shown(str(path)))
    if email_to:
        from briefing.cli.email_commands import send_pack

        send_pack(result.paths, email_to, result.briefing)


@cli.command(name="tracker")
@click.argument("workbook", type=click.Path(path_type=Path))
def tracker_command(workbook: Path) -> None:
    """Check an edited action tracker (a pack's workbook) before the next pack uses it.

    \b
    Example:
        briefing tracker output/kent-peel-2023-25-pcc-briefing.xlsx
    """
    from briefing.ingest.tracker import read_tracker
    from briefing.tracker import progress_of

    rows = read_tracker(workbook)
    p = progress_of(rows, date.today(), [], workbook.name)
    counts = "; ".join(f"{status}: {n}" for status, n in p.by_status) or "no rows"
    click.echo(f"{workbook}: ok ({len(rows)} rows: {counts}; overdue {len(p.overdue)})")


@cli.command(name="response")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--formats", default="html,docx", show_default=True, help=f"Comma-separated: {choices()}.")
@click.option("--author", default=lambda: os.environ.get("BRIEFING_AUTHOR", ""), help="Author named on the page.")
@click.option("--date", "paper_date", type=click.DateTime(["%Y-%m-%d"]), help="Date of the draft [default: today].")
@click.option("--record", "record_files", multiple=True, type=click.Path(path_type=Path),
              help="Another inspection of the force (repeatable).")
@click.option("--force", "force", default="", help="Whose response: for a national report that names no force.")
@click.option("--office", default="", help="The local policing body's title for 'Report to' and the response, e.g. "
              "\"Police, Fire and Crime Commissioner for Northamptonshire\" [default: from data/offices.yaml, else "
              "Police and Crime Commissioner].")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Folder for the response.")
def response_command(inputs, formats, author, paper_date, record_files, force, office, out_dir):
    """Draft the PCC's public s.55 response, ready to publish once people write their parts.

    The report, any grades, the PCC's and the chief constable's comments, and one entry per
    recommendation and cause of concern for the action taken or proposed (s.55(5B)). No
    protective marking, questions or analyst detail: it is for the public. INPUTS: one
    report of any kind (a thematic report's dataset, a revisit letter), or OLD NEW as for
    pack (the newer is answered), or none for the bundled force's latest inspection.

    \b
    Example:
        briefing response                  # the bundled force's latest inspection
        briefing response data/northamptonshire/reports/2021-02-disproportionate-use-of-police-powers.yaml
        briefing response old.yaml new.pdf --formats html -o web/
    """
    from briefing.document.options import PackOptions
    from briefing.pack import PackRequest, make_pack
    from briefing.writers import parse_formats

    if len(inputs) > 2:
        raise click.UsageError("give one report, two inspections (OLD NEW), or none for the bundled force")
    options = PackOptions(author=author, date=paper_date.date() if paper_date else date.today(), office=office)
    request = PackRequest(inputs=inputs, record=record_files, options=options, formats=parse_formats(formats),
                          out_dir=out_dir, document="response", force=force)
    result = make_pack(request, progress=lambda message: click.echo(message, err=True))
    for path in result.paths:
        click.echo(shown(str(path)))
