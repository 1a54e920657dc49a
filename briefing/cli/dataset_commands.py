"""validate, show and extract: reading one inspection at a time."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from briefing.cli import cli
from briefing.cli.tables import format_table
from briefing.errors import BriefingError, ValidationFailed
from briefing.model import KIND_LABELS, Inspection, kind_count


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check inspection datasets and report every problem, one line each.

    \b
    Example:
        briefing validate data/northamptonshire/*.yaml
    """
    from briefing.ingest.dataset import load_dataset

    failed = 0
    for path in files:
        try:
            inspection = load_dataset(path)
        except ValidationFailed as exc:
            failed += 1
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            continue
        except BriefingError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        click.echo(f"{path}: ok ({_counts(inspection)})")
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} file(s) have problems")


def _counts(inspection: Inspection) -> str:
    graded = len(inspection.graded)
    parts = [f"{len(inspection.judgements)} judgements ({graded} graded)"]
    for kind in KIND_LABELS:
        n = len(inspection.findings_of(kind))
        if n:
            parts.append(kind_count(kind, n))
    return ", ".join(parts)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def show(file: Path, fmt: str) -> None:
    """Print one inspection: its judgements, findings and key figures.

    FILE is a dataset (YAML or JSON) or a report (PDF, text, Markdown, HTML).

    \b
    Example:
        briefing show data/northamptonshire/2021-22-peel.yaml --format json
    """
    from briefing.ingest import load_inspection

    inspection = load_inspection(file)
    if fmt == "json":
        click.echo(json.dumps(inspection.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_inspection(inspection))


def render_inspection(inspection: Inspection) -> str:
    from briefing.frameworks import load_frameworks

    fw = load_frameworks()
    lines = [inspection.title, f"{inspection.force} - {fw.cycles[inspection.cycle].name} - published {inspection.published}",
             f"Source: {inspection.source}", ""]
    if inspection.judgements:
        rows = [[j.label, j.grade, str(j.place)] for j in inspection.judgements]
        lines += [format_table(["Area", "Grade", "Source"], rows), ""]
    if inspection.findings:
        rows = [[f.id or KIND_LABELS[f.kind], fw.area_name(f.area) if f.area else "", f.text, str(f.place)]
                for f in inspection.findings]
        lines += [format_table(["Finding", "Area", "Text", "Source"], rows), ""]
    if inspection.key_figures:
        rows = [[k.name, f"{k.value} {k.unit}".strip(), k.comparator, k.period] for k in inspection.key_figures]
        lines += [format_table(["Figure", "Force", "England and Wales", "Period"], rows), ""]
    lines += textwrap.wrap(_counts(inspection), 80)
    return "\n".join(lines)
