"""Findings listed under a heading that names their kind: "Areas for improvement",
"Cause of concern", "Recommendations", "Areas for Improvement (8)".

Items are bullets, or paragraphs that say what the force should do; a paragraph ending
in ":" is a stem joined to each item after it ("The force should immediately:", "By 30
September 2024, the force should:"); other paragraphs continue the item before them
(wrapped sub-items such as "(a) ..."). A bullet ending in ":" followed by bullets that
begin in lower case is one finding with its limbs ("The force should ensure that, in relation
to stop and search:", "- all relevant officers ...;", "- effective external scrutiny takes
place."). A cause of concern is a paragraph. The list ends at the next heading, or where
body text in sentences follows a bulleted item that ended with its full stop.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract.findings.base import joined
from briefing.extract.findings.labels import heading_kind, kind_of, kind_words
from briefing.extract.text import BULLET, strip_bullet

# a sentence saying who should act, perhaps after when or why: "Within three months, the force should",
# "By 30 June 2025, chief constables should", "The College of Policing must"
ACTS = re.compile(r"^(?:(?i:by|within|to|in order to|from|immediately|as a priority|over)\b[^,]{2,80},\s+)?"
                  r"(?:[A-Z][\w'\u2019&-]*|(?i:the|all|each|every))(?:\s+[\w'\u2019&()-]+){0,7}?\s+(?:should|must|needs?\s+to)\b")
STOP = re.compile(r"^(#|summary\b|main findings\b|good$|outstanding$|adequate$|inadequate$|requires improvement$)",
                  re.IGNORECASE)
ONE_FINDING = 400  # characters: a recommendation or area for improvement is a sentence or two
FOOTNOTE = re.compile(r"^\d{1,2}\s{2,}\S")


def under_heading(fx):
    """Items under a findings heading, until the next heading. Under a heading that only
    ends with the label ("PEEL improvement plan AFI 4"), perhaps with its topic on the next
    line, only items that say what the force should do are findings (an action plan's
    bullets are not)."""
    kind, stem, item, concern, strict, topic = None, "", None, "", False, False
    limbs = False  # the item is a bulleted stem ending in ":", its lower-case bullets its limbs
    for para in fx.paras:
        text = para.text.strip()
        trailing = None if heading_kind(text) else _trailing_kind(text)
        marker = heading_kind(text) or trailing
        if topic and not marker and _topic(para, text):
            topic = False
            continue
        topic = bool(trailing)
        if marker or (kind and (STOP.match(text) or fx.sections.is_area_heading(para) or _question(text))):
            if item:
                yield _item(fx, kind, stem, item, concern)
            kind, stem, item, strict = marker, "", None, topic
            continue
        if kind is None or FOOTNOTE.match(text):
            continue
        if strict and not (fx.should.match(strip_bullet(text)) or ACTS.match(strip_bullet(text))):
            if item:
                yield _item(fx, kind, stem, item, concern)
            kind, item = None, None  # an action plan's bullets under the label, not findings
            continue
        bullet = BULLET.match(para.lines[0].text)
        if limbs and bullet and strip_bullet(text)[:1].islower():
            item[0] += " " + strip_bullet(text)
            continue
        limbs = False
        if item is not None and item[2] and not bullet and item[0].endswith(".") and (_body(text) or _sentence(text)):
            yield _item(fx, kind, stem, item, concern)
            kind, item = None, None  # the report's text after its list of bullets
            continue
        should = fx.ctx.blocks and fx.should.match(strip_bullet(text)) or \
            (item is None and not stem and _one_finding(text) and ACTS.match(text))  # a tracker's titles; a first finding
        if text.endswith(":") and (not item or text[:1].isupper() or bullet):
            if item:
                yield _item(fx, kind, stem, item, concern)
                item = None
            stem = text[:-1].strip() if not bullet else ""
            if bullet:
                item, limbs = [strip_bullet(text), para, True], True
            continue
        if item is None and not stem and not bullet and not should and kind != "cause-of-concern":
            kind = None  # the heading is not followed by a list (its boxes landed elsewhere)
            continue
        if bullet or should or kind == "cause-of-concern":
            if item:
                yield _item(fx, kind, stem, item, concern)
                if kind == "cause-of-concern":
                    concern = item[0]
            item = [strip_bullet(text), para, bool(bullet)]
        elif item is not None and not _commentary(fx, item, text):
            item[0] += " " + text
    if item and kind:
        yield _item(fx, kind, stem, item, concern)


def _body(text: str) -> bool:
    """A paragraph of the report's own text: sentences, starting with a capital."""
    return text[:1].isupper() and text.count(". ") >= 2 and len(text) > 200


def _sentence(text: str) -> bool:
    """A whole sentence or more of its own, starting with a capital and ending with its full
    stop: after a bullet that ended with its own, it is the report's text (Dyfed-Powys 2018/19:
    "Dyfed-Powys Police requires improvement in preventing crime ..." under its last AFI), not
    more of the bullet, whose wrapped lines begin in lower case or with "(a)"."""
    return text[:1].isupper() and text.endswith(".") and not text.startswith("(")


def _one_finding(text: str) -> bool:
    """A paragraph that is one finding ("Within three months, the force should ..."), not a
    heading run into the body that explains it."""
    return text.endswith(".") and len(text) <= ONE_FINDING and text.count(". ") <= 1


@cache
def _trailing() -> re.Pattern:
    kinds = "|".join(p for k, p in kind_words() if k not in ("finding", "innovative-practice"))
    return re.compile(rf"^[A-Z][\w ,'&-]{{2,60}}?\s(?P<kind>{kinds})\s*(?:\d{{1,3}}(?:\s*(?:-|\u2013|to|and|&)\s*\d{{1,3}})?)?$",
                      re.IGNORECASE)


def _trailing_kind(text: str) -> str | None:
    """The kind a short heading ends with: "PEEL improvement plan AFI 4", "Progress on AFIs 1 - 3"."""
    found = _trailing().match(text) if len(text) <= 80 else None
    return kind_of(found.group("kind")) if found else None


def _topic(para, text: str) -> bool:
    """A short line naming what the labelled finding is about ("Victim service assessment")."""
    return len(text.split()) <= 6 and not re.search(r"[.:;!?]$", text) and not BULLET.match(para.lines[0].text)


def _item(fx, kind, stem, item, concern):
    return fx.finding(kind, joined(stem, item[0]), item[1], stem=stem,
                      relates_to=concern[:60] if kind == "recommendation" else "")


def _question(text: str) -> bool:
    return text.endswith("?") and len(text) < 200


def _commentary(fx, item, text: str) -> bool:
    """Under a list of "X should ..." titles (a tracker page), the paragraph after each
    title explains it; it is not more of the title."""
    return bool(fx.should.match(item[0])) and len(text) > 200
