"""Everything that turns a file into an Inspection: datasets, and reports via extract."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.errors import InputError
from briefing.file_kinds import is_dataset
from briefing.model import Inspection
from briefing.reference import Reference


def load_inspection(path: str | Path, reference: Reference | None = None) -> Inspection:
    """Read a dataset, or extract an inspection from a report (PDF, text, Markdown, HTML),
    with `reference`'s data (the process's own by default)."""
    path = Path(path)
    if is_dataset(path):
        from briefing.ingest.dataset import load_dataset

        return load_dataset(path, reference)
    from briefing.extract import extract_inspection

    return extract_inspection(path, reference)


def load_inspections(paths: Sequence[str | Path], reference: Reference | None = None) -> list[Inspection]:
    """Each file's inspection, in order. A report about several forces (a national press
    release with a part per force) gives the part about the force the other files are
    about, exactly as `briefing extract --force` would."""
    from briefing.extract import extract_inspections
    from briefing.ingest.dataset import load_datasets

    loaded: list[list[Inspection]] = []
    for path in map(Path, paths):
        if is_dataset(path):  # several: extract's datasets of a page about several forces
            loaded.append(load_datasets(path, reference))
        else:
            loaded.append(extract_inspections(path, reference))
    forces = {parts[0].force for parts in loaded if len(parts) == 1}
    out = []
    for path, parts in zip(map(Path, paths), loaded):
        if len(parts) == 1:
            out.append(parts[0])
            continue
        chosen = [i for i in parts if i.force in forces]
        if len(chosen) != 1:
            raise InputError(f"this page is about {len(parts)} forces ({', '.join(i.force for i in parts)}) and the "
                             "other inspections do not say which; extract it with briefing extract --force NAME",
                             file=str(path))
        out.append(chosen[0])
    return out
