"""One module per output format, each with `render(briefing, path)`; FORMATS is the only
list of formats the tool has (pack, email and their help texts all read it).

Writers are imported only when used, so `briefing --help` stays instant and a broken
PDF library cannot stop the Excel workbook from being written. Adding a format (HTML,
say) means adding one module here and one entry to FORMATS.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from briefing.errors import BriefingError


@dataclass(frozen=True)
class Format:
    """A format the tool writes: the module that writes it, and how files and messages name it."""

    module: str
    suffix: str
    title: str  # "Word document": how messages name it
    mime: str
    purpose: str  # what a reader does with it, for an email body
    sheets: bool = False  # translates the workbook's sheets (a 50,000-row tracker's million cells), not only the sections


FORMATS = {
    "docx": Format("briefing.writers.docx", ".docx", "Word document",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "the briefing to edit, with real headings for a screen reader"),
    "pdf": Format("briefing.writers.pdf", ".pdf", "PDF", "application/pdf", "the briefing to read"),
    "xlsx": Format("briefing.writers.xlsx", ".xlsx", "Excel workbook",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "every finding with filters, and the actions tracker", sheets=True),
    "html": Format("briefing.writers.html", ".html", "web page", "text/html",
                   "the briefing for any browser, phone or screen reader"),
    "json": Format("briefing.writers.json", ".json", "JSON model", "application/json",
                   "the document model, for other tools", sheets=True),
}
WRITERS = {name: f.module for name, f in FORMATS.items()}
SUFFIXES = {name: f.suffix for name, f in FORMATS.items()}  # known without importing the writer


def choices() -> str:
    return ", ".join(FORMATS)


def parse_formats(text: str, option: str = "--formats") -> list[str]:
    """ "docx, PDF,.xlsx" -> ["docx", "pdf", "xlsx"]; unknown names refused in one line."""
    formats = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise BriefingError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {choices()}")
    return list(dict.fromkeys(formats))


def format_of(suffix: str) -> Format | None:
    return next((f for f in FORMATS.values() if f.suffix == suffix.lower()), None)


def get_writer(name: str) -> ModuleType:
    if name not in FORMATS:
        raise BriefingError(f"unknown format {name!r}; choose from {choices()}")
    return importlib.import_module(FORMATS[name].module)
