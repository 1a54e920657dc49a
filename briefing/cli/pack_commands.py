"""pack: the main job, a briefing pack in Word, PDF and Excel."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from briefing.cli import cli
from briefing.document.options import AUDIENCES


def bundled_pair():
    """The two most recent bundled inspections of the bundled force, and its whole record."""
    from briefing.frameworks import load_frameworks
    from briefing.ingest.dataset import load_dataset
    from briefing.resources import bundled_datasets

    fw = load_frameworks()
    record = sorted((load_dataset(p) for p in bundled_datasets()),
                    key=lambda i: (i.published.sort_key(), fw.cycles[i.cycle].order))
    force = record[-1].force
    record = [i for i in record if i.force == force]
    return record[-2], record[-1], record


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--audience", type=click.Choice(list(AUDIENCES)), default="pcc", show_default=True,
              help="pcc: questions and the s.55 response; chief-officers: open findings with owners.")
@click.option("--formats", default="docx,pdf,xlsx", show_default=True, help="Comma-separated: docx, pdf, xlsx, json.")
@click.option("--marking", default="OFFICIAL", show_default=True,
              help="Protective marking printed on every page, e.g. OFFICIAL-SENSITIVE.")
@click.option("--author", default=lambda: os.environ.get("BRIEFING_AUTHOR", ""), help="Author for the paper header "
              "[default: $BRIEFING_AUTHOR].")
@click.option("--version", "version", default="1.0", show_default=True, help="Version number of the paper.")
@click.option("--date", "paper_date", type=click.DateTime(["%Y-%m-%d"]), help="Date of the paper [default: today].")
@click.option("--record", "record_files", multiple=True, type=click.Path(path_type=Path),
              help="Another inspection of the force for the history section (repeatable).")
@click.option("--overrides", type=click.Path(path_type=Path), help="YAML of finding links to pin or forbid.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Folder for the pack.")
@click.option("--email-to", "email_to", multiple=True, help="Email the pack to this address after writing it.")
def pack(inputs, audience, formats, marking, author, version, paper_date, record_files, overrides, out_dir, email_to):
    """Write a briefing pack comparing two inspections.

    INPUTS are OLD and NEW (datasets or report files). With none, the two most recent
    bundled inspections of the bundled force are compared, with its whole record.

    \b
    Example:
        briefing pack
        briefing pack old.yaml new.pdf --audience chief-officers -o packs/
    """
    from briefing.pack import pack_stem, parse_formats, start_writers, write_pack

    chosen = parse_formats(formats)
    if len(inputs) not in (0, 2):
        raise click.UsageError("give two inspections (OLD NEW), or none for the bundled force")
    pool = start_writers(chosen)
    try:
        briefing, cycle = _build(inputs, audience, marking, author, version, paper_date, record_files, overrides)
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        raise
    paths = write_pack(briefing, out_dir, pack_stem(briefing, cycle), chosen,
                       progress=lambda message: click.echo(message, err=True), pool=pool)
    for path in paths:
        click.echo(str(path))
    if email_to:
        from briefing.cli.email_commands import send_pack

        send_pack(paths, list(email_to), briefing)


def _build(inputs, audience, marking, author, version, paper_date, record_files, overrides):
    """Load, compare and build the Briefing; returns it and the newer inspection's cycle."""
    from briefing.compare import compare, history
    from briefing.compare.overrides import load_overrides
    from briefing.document import PackOptions, build_briefing
    from briefing.ingest import load_inspection

    if inputs:
        old, new = (load_inspection(p) for p in inputs)
        record = [old, new, *(load_inspection(p) for p in record_files)]
    else:
        old, new, record = bundled_pair()
    pins = load_overrides(overrides, old.findings, new.findings) if overrides else None
    comparison = compare(old, new, pins)
    force_record = history(record) if len(record) > 2 else None
    options = PackOptions(audience=audience, marking=marking, author=author, version=version,
                          date=paper_date.date() if paper_date else date.today())
    return build_briefing(comparison, force_record, options), new.cycle
