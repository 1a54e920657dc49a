"""Narrative from the Jinja2 templates in templates/, turned into document blocks.

Templates write plain text (tag lines leave blank lines, which is harmless): blank lines
separate paragraphs, lines starting "- " are
bullets and "1. " numbered items, a line starting "> " is a caveat. Writers escape for
their own format, so templates never need to think about markup.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.document.model import Block, BulletList, Paragraph
from briefing.resources import templates_dir


@lru_cache(maxsize=1)
def environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=False,
                             trim_blocks=False, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=False, bytecode_cache=_bytecode_cache(jinja2))
    env.filters["plural"] = lambda n, one, many=None: one if n == 1 else (many or one + "s")
    env.filters["number"] = lambda n: ["no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                       "nine", "ten"][n] if 0 <= n <= 10 else str(n)
    env.filters["sentence"] = lambda s: s[:1].upper() + s[1:] if s else s
    return env


def _bytecode_cache(jinja2):
    """Compiled templates kept between runs (Jinja checks each template's age), so a pack
    does not recompile them every time; none where the cache folder cannot be written."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None
    except OSError:
        return None


def render_text(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def to_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in text.split("\n\n"):
        for block in _chunk_blocks([line.strip() for line in chunk.strip().splitlines() if line.strip()]):
            previous = blocks[-1] if blocks else None
            if isinstance(block, BulletList) and isinstance(previous, BulletList) and previous.ordered == block.ordered:
                blocks[-1] = BulletList(previous.items + block.items, block.ordered)  # one list across tag lines
            else:
                blocks.append(block)
    return blocks


def _chunk_blocks(lines: list[str]) -> list[Block]:
    """One blank-line-separated chunk: runs of plain lines join into one paragraph."""
    out: list[Block] = []
    words: list[str] = []
    items: list[str] = []
    ordered = False

    def flush_paragraph() -> None:
        if words:
            text = " ".join(words)
            out.append(Paragraph(text[2:], "caveat") if text.startswith("> ") else Paragraph(text))
            words.clear()

    def flush_list() -> None:
        if items:
            out.append(BulletList(tuple(items), ordered=ordered))
            items.clear()

    for line in lines:
        numbered = line[:1].isdigit() and ". " in line[:4]
        if line.startswith("- ") or numbered:
            flush_paragraph()
            if items and ordered != numbered:
                flush_list()
            ordered = numbered
            items.append(line.split(" ", 1)[1])
        elif items and not line.startswith("> "):
            items[-1] += " " + line  # a wrapped bullet
        else:
            flush_list()
            words.append(line)
    flush_paragraph()
    flush_list()
    return out


def render_blocks(template: str, **context) -> list[Block]:
    return to_blocks(render_text(template, **context))
