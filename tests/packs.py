"""Helpers to read rendered packs back, as a person (or an office suite) would see them."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path


def docx_text(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    parts = []
    for child in document.element.body.iterchildren():  # paragraphs and tables in reading order
        if child.tag.endswith("}p"):
            parts.append(Paragraph(child, document).text)
        elif child.tag.endswith("}tbl"):
            for row in Table(child, document).rows:
                parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def xlsx_values(path: Path) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    workbook = load_workbook(str(path))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook.worksheets}


def words(text: str) -> Counter:
    return Counter(re.findall(r"[a-z0-9]+", text.lower()))


def contains_words(haystack: str, needle: str) -> bool:
    """Every word of `needle` occurs in `haystack` (as often): robust to wrapping in table cells."""
    have, want = words(haystack), words(needle)
    return all(have[w] >= n for w, n in want.items())


def zip_member(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")
