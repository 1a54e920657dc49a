"""Hand-kept inspection datasets (YAML or JSON): read, check every rule, write.

Reading collects every problem before giving up, because an analyst fixing a file wants
the whole list at once, each as `FILE, line N: message` with a did-you-mean where we can.
Each part of a dataset is read by its own module (checker: the keys and the problems;
values; grades; findings; report; writing: the dataset form back); this one puts an
Inspection together from them and reads files.
"""

from __future__ import annotations

from pathlib import Path

from briefing import limits
from briefing.errors import InputError, ValidationFailed
from briefing.ingest.dataset.checker import KEY_SYNONYMS, Checker, check_keys, did_you_mean
from briefing.ingest.dataset.findings import (
    read_closures,
    read_findings,
    read_improved,
    read_monitoring,
    read_praised,
    read_stated_counts,
)
from briefing.ingest.dataset.grades import (
    read_areas_graded,
    read_corrections,
    read_grade_counts,
    read_judgements,
    read_rest,
)
from briefing.ingest.dataset.report import (
    force_of,
    read_claimed,
    read_headline,
    read_key_figures,
    read_names,
    read_report_type,
    read_response,
    read_response_link,
    read_source_kind,
    source_of,
    source_title_of,
)
from briefing.ingest.dataset.values import cycle_of, read_published, read_published_by
from briefing.ingest.dataset.writing import dump_dataset, dump_datasets, to_dataset
from briefing.ingest.located import Located
from briefing.model import Inspection
from briefing.places import PublicationDate
from briefing.reference import Reference
from briefing.reference import reference as default_reference

__all__ = ["did_you_mean", "dump_dataset", "dump_datasets", "inspection_from_data", "load_dataset", "load_datasets",
           "to_dataset"]

MAX_DATASET_BYTES = limits.DATASET_BYTES


def inspection_from_data(name: str, located: Located, reference: Reference | None = None) -> Inspection:
    """Build an Inspection from parsed data, or raise ValidationFailed listing every problem;
    `reference` is the data checked against (the process's own by default)."""
    checker = Checker(name, located, reference or default_reference())
    data = located.data
    if not isinstance(data, dict):
        raise ValidationFailed([InputError("expected a mapping with force, cycle, published, judgements, findings",
                                           file=name, place="line 1")])
    data = {KEY_SYNONYMS.get(k, k): v for k, v in data.items()}
    check_keys(checker, located.data)
    report_type = read_report_type(checker, data)
    cycle = cycle_of(checker, data.get("cycle"))
    published = read_published(checker, data)
    judgements = read_judgements(checker, data, cycle, "judgements")
    kind, complete = read_source_kind(checker, data)
    inspection = Inspection(
        force=force_of(checker.text(data, "force", (), required=False), reference), cycle=cycle.id if cycle else "",
        title=checker.text(data, "title", (), required=False) or (cycle.name if cycle else ""),
        published=published or PublicationDate(0), source=source_of(data.get("source"), name),
        published_by=read_published_by(checker, data), areas_graded=read_areas_graded(checker, data),
        rest=read_rest(checker, data, cycle),
        judgements=judgements, findings=read_findings(checker, data, cycle),
        key_figures=read_key_figures(checker, data), grade_counts=read_grade_counts(checker, data, cycle),
        notes=checker.text(data, "notes", (), required=False), source_kind=kind, findings_complete=complete,
        corrections=read_corrections(checker, data, cycle, judgements),
        report=checker.text(data, "report", (), required=False), report_type=report_type,
        source_title=checker.text(data, "source_title", (), required=False) or source_title_of(data.get("source")),
        grades_from=checker.text(data, "grades_from", (), required=False),
        inspectorates=read_names(checker, data, "inspectorates"), covers=read_names(checker, data, "covers"),
        counts=read_stated_counts(checker, data), response=read_response(checker, data),
        monitoring=read_monitoring(checker, data), closures=read_closures(checker, data),
        improved=read_improved(checker, data, cycle), praised=read_praised(checker, data),
        headline=read_headline(checker, data), response_link=read_response_link(checker, data),
        claimed=read_claimed(checker, data),
        warnings=tuple(checker.warnings))
    if checker.problems:
        raise ValidationFailed(checker.problems)
    return inspection


def load_dataset(path: str | Path, reference: Reference | None = None) -> Inspection:
    """The one inspection of a dataset file; a file of several (one per force) is refused,
    naming them, where one is wanted."""
    found = load_datasets(path, reference)
    if len(found) > 1:
        raise InputError(f"holds {len(found)} datasets ({', '.join(i.force or '?' for i in found)}); give it beside "
                         "an inspection of one of those forces, or split it", file=str(path))
    return found[0]


def load_datasets(path: str | Path, reference: Reference | None = None) -> list[Inspection]:
    """Every dataset in a file: one, or one per YAML document (extract's output for a page
    about several forces). Problems of every document are collected before raising."""
    path = Path(path)
    documents = _documents(path)
    out, problems = [], []
    for n, located in enumerate(documents, start=1):
        name = str(path) if len(documents) == 1 else f"{path} (document {n})"
        try:
            out.append(inspection_from_data(name, located, reference))
        except ValidationFailed as exc:
            problems += exc.problems
    if problems:
        raise ValidationFailed(problems)
    return out


def _documents(path: Path) -> list:
    """The file's documents with their lines (ingest.located_yaml); the bundled datasets'
    parsed once and kept between runs (briefing.parsed_cache), without the YAML library."""
    from briefing.ingest.text_files import read_text
    from briefing.parsed_cache import parsed

    def parse(text: str) -> list:
        from briefing.ingest.located_yaml import documents_of

        return documents_of(path, text)

    return parsed(path, read_text(path, MAX_DATASET_BYTES, "dataset"), parse, PARSERS)


# What a dataset's parsing depends on besides its text (briefing.parsed_cache).
PARSERS = ("briefing.ingest.located_yaml", "briefing.ingest.located", "briefing.ingest.nesting", "briefing.cleaning",
           "briefing.limits", "yaml")
