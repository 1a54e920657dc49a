"""The Briefing as one self-contained web page that an office may publish as it stands.

Semantic HTML (landmarks, one h1, nested headings, tables with captions and scoped
headers, a skip link, the language set), styles inline, no script at all, the chart as
inline SVG with a text alternative and the same figures as a table. Every value passes
through Jinja's autoescape, so text from a report is always shown, never run.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from briefing.document.model import Briefing, Chart, display
from briefing.writers.style import GRADE_FILL, OLD_FILL, grade_fill, grade_text

SUFFIX = ".html"
GRADE_CLASSES = {grade: f"grade-{i}" for i, grade in enumerate(GRADE_FILL, start=1)}


@lru_cache(maxsize=1)
def _template():
    import jinja2

    from briefing.resources import templates_dir

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False)
    env.filters["breaks"] = lambda text: Markup("<br>").join(escape(line) for line in str(text).split("\n"))
    env.filters["show"] = display
    return env.get_template("briefing.html.j2")


def render(briefing: Briefing, path: Path) -> None:
    counter = itertools.count(1)
    page = _template().render(
        meta=briefing.metadata, sections=briefing.sections, chart=chart_html,
        grade_colours={g: (GRADE_FILL[g], grade_text(g)) for g in GRADE_FILL},
        grade_class=lambda value: GRADE_CLASSES.get(str(value).strip().lower(), ""),
        new_id=lambda: f"t{next(counter)}")
    Path(path).write_text(page, encoding="utf-8")


def chart_html(chart: Chart) -> Markup:
    """Bars as inline SVG (a picture for sighted readers, named by its title and text
    alternative, every bar labelled with its grade word so colour is never the only cue),
    then the same grades as a table for everyone else."""
    width, bar_w, row, top = 640, 360, 62, 4
    height = top + row * len(chart.bars)
    unit = bar_w / max(len(chart.scale), 1)
    parts = [f'<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" font-family="Arial, sans-serif">',
             f'<title id="chart-title">{escape(chart.title)}</title><desc id="chart-desc">{escape(chart.alt_text)}</desc>']
    for i, bar in enumerate(chart.bars):
        y = top + i * row
        parts.append(f'<text x="0" y="{y + 14}" font-size="14" font-weight="bold" fill="#0b0c0c">'
                     f'{escape(bar.label)}</text>')
        for offset, rank, grade, fill, words in ((20, bar.old_rank, bar.old_grade, OLD_FILL, bar.old_words),
                                                 (38, bar.new_rank, bar.new_grade, grade_fill(bar.new_grade) or OLD_FILL,
                                                  bar.new_words)):
            if rank is None:
                parts.append(f'<text x="0" y="{y + offset + 12}" font-size="12" fill="#505a5f">{escape(words)}</text>')
                continue
            length = unit * (rank + 1)
            parts.append(f'<rect x="0" y="{y + offset}" width="{length:.1f}" height="15" fill="#{fill}"/>'
                         f'<text x="{length + 6:.1f}" y="{y + offset + 12}" font-size="12" fill="#0b0c0c">'
                         f'{escape(grade)}</text>')
    parts.append("</svg>")
    key = (f"Upper (grey) bar: {escape(chart.old_name)}; lower bar: {escape(chart.new_name)}, coloured by its grade. "
           "Longer is better.")
    rows = "".join(f"<tr><th scope=\"row\">{escape(b.label)}</th><td>{escape(b.old_grade or b.old_words)}</td>"
                   f"<td>{escape(b.new_grade or b.new_words)}</td></tr>" for b in chart.bars)
    table = (f'<div class="table-wrap" role="region" aria-label="{escape(chart.title)}: the figures" tabindex="0">'
             f"<table><caption>{escape(chart.title)}: the grades behind the chart</caption><thead><tr>"
             f'<th scope="col">Area</th><th scope="col">{escape(chart.old_name)}</th>'
             f'<th scope="col">{escape(chart.new_name)}</th></tr></thead><tbody>{rows}</tbody></table></div>')
    return Markup(f'<figure><figcaption>{escape(chart.title)}</figcaption><p class="note">{key}</p>'
                  f"{''.join(parts)}</figure>{table}")
