"""extract: read a report (PDF, text, Markdown, web page) into a dataset."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import cli


@cli.command()
@click.argument("report", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the dataset here [default: stdout].")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--force", "force", help="The force, when the report does not make it clear.")
@click.option("--cycle", help="The inspection cycle (e.g. peel-2023-25), when the report does not name it.")
def extract(report: Path, output: Path | None, fmt: str, force: str | None, cycle: str | None) -> None:
    """Extract judgements and findings from a report, with the page or line of each.

    Prints a summary and anything it could not settle on stderr. Check the result with
    `briefing show` and correct it by hand before relying on it. A page about several
    forces gives one dataset per force (a JSON list, or YAML documents); --force picks one.

    \b
    Example:
        briefing extract peel-2021-22.pdf -o data/northamptonshire/2021-22.yaml
    """
    from briefing.atomic import write_atomic
    from briefing.extract import extract_all
    from briefing.ingest.dataset import dump_dataset, dump_datasets

    results = extract_all(report, force=force, cycle=cycle)
    text = dump_dataset(results[0].inspection, fmt) if len(results) == 1 else \
        dump_datasets([r.inspection for r in results], fmt)
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(str(output))
    else:
        click.echo(text, nl=False)
    if len(results) > 1:
        click.echo(f"this page is about {len(results)} forces ({', '.join(r.inspection.force for r in results)}); "
                   "each has its own dataset (give --force NAME for one)", err=True)
    for result in results:
        prefix = f"{result.inspection.force}: " if len(results) > 1 else ""
        click.echo(prefix + result.summary(), err=True)
        for warning in result.warnings:
            click.echo(f"warning: {prefix}{warning}", err=True)
