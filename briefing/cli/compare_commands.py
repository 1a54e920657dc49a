"""compare and history: what changed between inspections, and a force's whole record."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click

from briefing.cli import cli
from briefing.cli.tables import format_table, terminal_width
from briefing.phrases import area_state_words, movement_words
from briefing.sources import with_article


@cli.command(name="compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--overrides", type=click.Path(path_type=Path),
              help="YAML file of links to pin or forbid: {pin: [{old: 'AFI 7', new: 'AFI 7'}], forbid: [...]}")
@click.option("--record", "record_files", multiple=True, type=click.Path(path_type=Path),
              help="Another inspection of the force, for how long each concern has lasted (repeatable).")
@click.option("--allow-different-forces", is_flag=True, help="Compare inspections of two different forces "
              "(refused otherwise, as it is usually a mistake).")
def compare_command(old: Path, new: Path, fmt: str, overrides: Path | None, record_files: tuple[Path, ...],
                    allow_different_forces: bool) -> None:
    """Show grade movements and persisting, resolved and new findings between two inspections.

    OLD and NEW are datasets or report files; the older inspection comes first.

    \b
    Example:
        briefing compare data/northamptonshire/2021-22-peel.yaml \\
            data/northamptonshire/2023-25-peel-article.yaml
    """
    from briefing.document.options import PackOptions
    from briefing.pack import PackRequest, load_comparison

    # the same comparison a pack makes: corrections as of today, lifetimes from the record
    request = PackRequest(inputs=(old, new), record=record_files, overrides=overrides, options=PackOptions(),
                          allow_different_forces=allow_different_forces)
    comparison = load_comparison(request).comparison
    if fmt == "json":
        click.echo(json.dumps(comparison.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_comparison(comparison))


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, terminal_width(), initial_indent=indent + "- ", subsequent_indent=indent + "  ")


def render_comparison(c) -> str:
    lines = [*textwrap.wrap(f"{c.new.force}: {c.old.cycle_name} ({c.old.published}) -> {c.new.cycle_name} "
                            f"({c.new.published})", terminal_width(), subsequent_indent="  "), ""]
    if c.caveats:
        lines.append("Grades are not directly comparable:" if not c.comparable else "Notes on comparing grades:")
        for note in c.caveats:
            lines += _wrap(note)
        lines.append("")
    rows = [[g.area_name, area_state_words(g.old_state.state, g.old_grade, g.old_state.why, c.old.cycle_name),
             area_state_words(g.new_state.state, g.new_grade, g.new_state.why, c.new.cycle_name),
             movement_words(g.movement, g.steps, g.new_state.why, c.new.cycle_name) + (" (partial match)" if g.partial else "")
             + (" (corrected)" if g.correction else "")]
            for g in c.grade_changes]
    lines += ["Grade movements", format_table(["Area", "Was", "Now", "Movement"], rows), ""]
    lines.append(f"Persisting concerns ({len(c.persisting)})")
    rows = [[p.old.label, p.new.label, f"{p.score:.2f}", p.new.text, p.reason] for p in c.persisting]
    lines += [format_table(["Was", "Now", "Score", "Now reads", "Why linked"], rows) if rows else "  none", ""]
    unmatched = ("Not raised again (in the older inspection only)" if c.unmatched_confirmed else
                 f"Not in the source used for the newer inspection ({with_article(c.new.source_kind_name)})")
    for title, refs in ((unmatched, c.resolved),
                        (("New (in the newer inspection only)" if c.new_confirmed else
                          f"Not in the source used for the older inspection ({with_article(c.old.source_kind_name)})"),
                         c.new_findings)):
        lines.append(f"{title}: {len(refs)}")
        rows = [[r.label, r.area_name, r.text] for r in refs]
        lines += [format_table(["Finding", "Area", "Text"], rows) if rows else "  none", ""]
    return "\n".join(lines).rstrip()


@cli.command(name="history")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def history_command(files: tuple[Path, ...], fmt: str) -> None:
    """Show a force's record across inspections: grades per area and recurring themes.

    \b
    Example:
        briefing history data/northamptonshire/*.yaml
    """
    from briefing.compare import history
    from briefing.ingest import load_inspections

    record = history(load_inspections(files))
    if fmt == "json":
        click.echo(json.dumps(record.to_json(), indent=2, ensure_ascii=False))
        return
    from briefing.reference import load_frameworks

    fw = load_frameworks()
    names = [fw.dated_name(i.cycle, i.published.year) for i in record.inspections]
    lines = [f"{record.force}: {len(names)} inspections on file, oldest first", *(f"  {n}" for n in names)]
    if record.not_on_file:
        lines.append(f"Not on file: {', '.join(record.not_on_file)} (counts below cover only the inspections on file)")
    lines += ["", "Grades by area"]
    rows = [[t.area_name, " -> ".join(f"{area_state_words(p.state, p.grade, p.why)} ({p.inspection})" for p in t.points)]
            for t in record.timelines]
    lines += [format_table(["Area", "Grades, oldest first"], rows), "", "Recurring themes in findings"]
    rows = [[t.name, f"{t.raised_in} of {t.of}", t.first, t.latest] for t in record.themes]
    lines.append(format_table(["Theme", f"Raised in (of {len(names)} on file)", "First", "Latest"], rows))
    click.echo("\n".join(lines))
