"""Everything that turns a file into an Inspection: datasets now, reports via extract."""

from __future__ import annotations

from pathlib import Path

from briefing.model import Inspection

DATASET_SUFFIXES = {".yaml", ".yml", ".json"}


def load_inspection(path: str | Path) -> Inspection:
    """Read a dataset, or extract an inspection from a report (PDF, text, Markdown, HTML)."""
    path = Path(path)
    if path.suffix.lower() in DATASET_SUFFIXES:
        from briefing.ingest.dataset import load_dataset

        return load_dataset(path)
    from briefing.extract import extract_inspection

    return extract_inspection(path)
