"""A grade before the areas it covers, the commonest shape in force, PCC and council
writing:

- "Good – at preventing crime, police powers and public treatment";
- "• Outstanding – in engaging with and treating the public ...";
- "rated 'good' at:", "'Good' in the following areas:" or "but 'inadequate' in:", then a
  list, one area an item, until the next grade or heading;
- "Under the 'adequate' grade was: A; B; C".
"""

from __future__ import annotations

import re

from briefing.extract.grades.grammar import clean_phrase
from briefing.extract.grades.statement import Statement
from briefing.extract.grades.tense import is_earlier
from briefing.extract.ruler import Reading, Span
from briefing.extract.text import BULLET, strip_bullet
from briefing.extract.vocabulary import QUOTE as Q

LEAD_PREP = r"(?:(?:at|in|for|across)\s+)?"
ABBREVIATION = re.compile(r"\s\((?:[A-Z][A-Za-z&]{1,7}s?|[a-z]{2,4})\)")  # "anti-social behaviour (ASB) and ...": no end
MAX_ITEMS = 15  # a list longer than any cycle's areas is not a list of areas


def _patterns(grades: str):
    first = re.compile(rf"^{Q}?(?P<g>{grades}){Q}?\s*(?:[:\u2013\u2014]|\s-)\s*{LEAD_PREP}(?P<p>\S.*)$", re.IGNORECASE)
    lead = re.compile(rf"(?P<g>{grades}){Q}?\s*(?:\([^()]{{1,80}}\)\s*)?(?:,?\s*(?:at|in|for|across))?"
                      rf"(?:\s+(?:the\s+)?following(?:\s+\w+){{0,2}})?\s*:\s*$", re.IGNORECASE)
    grade_was = re.compile(rf"(?P<g>{grades}){Q}?\s+(?:grade|grading|rating|category)s?\s+(?:was|were|is|are|went to|"
                           rf"included|includes|covers|covered)\s*:?\s*(?P<p>\S.*)$", re.IGNORECASE)
    return first, lead, grade_was


def grade_then_list(ctx, para):
    """A grade first, then the areas it covers: on its own line before a dash, or before
    a colon that opens a list, or as "the 'adequate' grade was: A; B"."""
    if not ctx.grade_words(para):  # every reading below starts at a grade word
        return
    first, lead, grade_was = _patterns(ctx.grammar.vocabulary.grades)
    text = strip_bullet(para.text)
    offset = para.text.index(text[:20]) if text else 0
    match = first.match(text) or (_names_grade(ctx.folded(para)) and grade_was.search(text))
    if match:
        phrase = re.split(r"(?<=[a-z)])\.\s|\s\(", ABBREVIATION.sub("", match.group("p")))[0]
        yield _reading(ctx, para, offset + match.start("g"), [phrase], text, match.start("g"))
        return
    opened = lead.search(text) if text.endswith(":") else None  # a lead-in ends with its colon
    if not opened:
        return
    items = []
    for later in ctx.paras[para.index + 1:para.index + 1 + MAX_ITEMS]:
        if ctx.grade_words(later) or later.text.startswith("#") or not _item(later):
            break
        items.append(strip_bullet(later.text))
    if items:
        yield _reading(ctx, para, offset + opened.start("g"), items, text, opened.start("g"))


def _names_grade(folded: str) -> bool:
    """Whether "the 'adequate' grade was: ..." could be read: it names a grade, grading,
    rating or category (a test cheaper than the pattern)."""
    return "grad" in folded or "rating" in folded or "categor" in folded


def _item(para) -> bool:
    """A list item: a bullet, or a short line with no full stop (lists that lost their bullets)."""
    return bool(BULLET.match(para.lines[0].text)) or (para.single and len(para.text) <= 120
                                                       and not para.text.rstrip().endswith("."))


def _reading(ctx, para, at: int, phrases: list[str], text: str, text_at: int) -> Reading:
    word = next((m for m in ctx.grade_words(para) if m.start("g") == at), None)
    if word is None:
        return Reading()
    grade = ctx.grammar.grade_of(word.group("g"))
    earlier = is_earlier(text, text_at, text_at + len(word.group("g")))
    line = para.line_at(at)
    statements = tuple(Statement(clean_phrase(p), grade, line, earlier, listed=True)
                       for p in phrases if clean_phrase(p))
    return Reading((Span(para.index, word.start(), word.end()),), statements)
