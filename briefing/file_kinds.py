"""Which files the tool reads as datasets: every other file it is given as a report is read
as one (a PDF, Word document, web page, Markdown or text). Its own module, importing nothing,
so the console entry can ask before any library or data file loads (briefing.entry)."""

from __future__ import annotations

from pathlib import Path

DATASET_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
WORKBOOK_SUFFIXES = frozenset({".xlsx"})  # a tracker, or a register kept in Excel: read as cells, not as a report


def is_dataset(path: str | Path) -> bool:
    return Path(path).suffix.lower() in DATASET_SUFFIXES


def is_report(path: str | Path) -> bool:
    """A file given to a command that is read as a report (not a dataset, a workbook or a folder)."""
    path = Path(path)
    return path.suffix.lower() not in DATASET_SUFFIXES | WORKBOOK_SUFFIXES and path.is_file()
