"""One module per output format, each with `render(briefing, path)` and `SUFFIX`.

Writers are imported only when used, so `briefing --help` stays instant and a broken
PDF library cannot stop the Excel workbook from being written. Adding a format (HTML,
say) means adding one module here and one line to WRITERS.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from briefing.errors import BriefingError

WRITERS = {
    "docx": "briefing.writers.docx",
    "pdf": "briefing.writers.pdf",
    "xlsx": "briefing.writers.xlsx",
    "json": "briefing.writers.json",
}
SUFFIXES = {name: f".{name}" for name in WRITERS}  # known without importing the writer


def get_writer(name: str) -> ModuleType:
    if name not in WRITERS:
        raise BriefingError(f"unknown format {name!r}; choose from {', '.join(WRITERS)}")
    return importlib.import_module(WRITERS[name])
