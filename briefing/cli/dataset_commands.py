"""validate, show and extract: reading one inspection at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from briefing.cli import cli
from briefing.cli.tables import format_table
from briefing.errors import BriefingError, ValidationFailed, shown
from briefing.model import KIND_LABELS, REPORT_TYPE_NAMES, Inspection, kind_count
from briefing.phrases import long_date


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check inspection datasets and report every problem, one line each.

    \b
    Example:
        briefing validate data/northamptonshire/*.yaml
    """
    from briefing.ingest.dataset import load_datasets

    failed = 0
    for path in files:
        try:
            inspections = load_datasets(path)
        except ValidationFailed as exc:
            failed += 1
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            continue
        except BriefingError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        for n, inspection in enumerate(inspections, start=1):
            name = f"{shown(str(path))} (document {n}, {inspection.force})" if len(inspections) > 1 else shown(str(path))
            click.echo(f"{name}: ok ({_counts(inspection)})")
            for warning in inspection.warnings:
                click.echo(f"{name}: warning: {warning}", err=True)
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} file(s) have problems")


def _counts(inspection: Inspection) -> str:
    """ "19 judgements (9 graded), 4 areas for improvement"; for a report that is not a PEEL
    assessment, its type and what its source says it holds ("report makes 43 recommendations")."""
    graded = len(inspection.graded)
    parts = [f"{len(inspection.judgements)} judgements ({graded} graded)"] if inspection.is_peel or \
        inspection.judgements else [REPORT_TYPE_NAMES[inspection.report_type]]
    for kind in KIND_LABELS:
        n = len(inspection.findings_of(kind))
        if n:
            parts.append(kind_count(kind, n))
    parts += [f"the report makes {kind_count(c.kind, c.count)} (as the source says)" for c in inspection.counts
              if c.count != len(inspection.findings_of(c.kind))]
    if inspection.response is not None:
        parts.append(f"a response{' dated ' + long_date(inspection.response.date) if inspection.response.date else ''}")
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
    if fmt == "json":  # the dataset form, as extract writes it and validate reads it
        from briefing.ingest.dataset import dump_dataset

        click.echo(dump_dataset(inspection, "json"), nl=False)
    else:
        click.echo(render_inspection(inspection))


def render_inspection(inspection: Inspection) -> str:
    from briefing.reference import load_frameworks

    fw = load_frameworks()
    what = fw.cycles[inspection.cycle].name if inspection.cycle else REPORT_TYPE_NAMES[inspection.report_type]
    from briefing.sources import source_kind_name

    complete = "lists every finding" if inspection.findings_complete else "does not list every finding"
    head = [inspection.title, f"{inspection.force or 'All forces'} - {what} - published {inspection.published}",
            f"Source: {inspection.cite()} ({source_kind_name(inspection.source_kind)}; {complete})",
            *([f"File: {inspection.source}"] if inspection.source != inspection.cite() else [])]
    lines = [part for line in head for part in textwrap.wrap(line, 80, subsequent_indent="  ")] + [""]
    if inspection.judgements:
        today = inspection.corrected()
        rows = [[j.label, j.grade + (f" (corrected {j.correction.when}; published as {j.correction.old_grade})"
                                     if j.correction else ""), str(j.place)] for j in today.judgements]
        lines += [format_table(["Area", "Grade", "Source"], rows), ""]
    if inspection.findings:
        rows = [[f.id or f.number or KIND_LABELS[f.kind], fw.area_name(f.area) if f.area else f.addressee, f.text,
                 str(f.place)] for f in inspection.findings]
        lines += [format_table(["Finding", "Area or addressee", "Text", "Source"], rows), ""]
    if inspection.key_figures:
        rows = [[k.name, f"{k.value} {k.unit}".strip(), k.comparator, k.period] for k in inspection.key_figures]
        lines += [format_table(["Figure", "Force", "England and Wales", "Period"], rows), ""]
    lines += textwrap.wrap(_counts(inspection), 80)
    return "\n".join(lines)
