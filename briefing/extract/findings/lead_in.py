"""Findings introduced by a sentence that says what follows:

- a lead-in ending in ":" that names the kind, then the items: "we identified five causes
  of concern in respect of:", "which were that the force:", "We made the following
  recommendations, stating that the constabulary should:", "HMICFRS has recommended that
  by March 2023, all police forces should ensure that:", "West Mercia Police should,
  within three months:", "moved ... into Engage because the force needs to:" (the reasons
  for Engage are its causes of concern);
- the same within one sentence, items after a dash or colon and split at semicolons:
  "identified five causes of concern – A; B; and C";
- a recommendation stated as one: "HMIC recommends that the force should immediately:
  ...", "Recommendations also include that chief constables and PCCs should ...".
A "should" lead-in that names no kind is a recommendation when it sets a deadline
("Within six months the force should ... ensure that:"): areas for improvement have none.
"""

from __future__ import annotations

import re

from briefing.extract.findings.base import joined
from briefing.extract.findings.deadlines import deadline_of
from briefing.extract.findings.labels import kind_words
from briefing.extract.text import BULLET, strip_bullet

MAX_ITEMS = 20
ENGAGE = re.compile(r"\binto\s+(?:the\s+)?\W?engage\W?\s+(?:phase\s+|stage\s+)?because\b|\bplaced\s+(?:it\s+)?in\s+engage\b",
                    re.IGNORECASE)
RECOMMENDS = re.compile(r"^(?:\W*)(?:hmicfrs|hmic|we|the inspectorate|inspectors)\s+(?:has\s+|have\s+)?recommend(?:s|ed)\s+"
                        r"that\b", re.IGNORECASE)
ALSO_INCLUDE = re.compile(r"\b(?i:recommendations?\s+(?:also\s+)?includes?\s+(?:that\s+)?)(?P<text>[A-Z].{20,})$")
INLINE = re.compile(r"\b(?P<n>\w+)\s+(?P<kind>causes?\s+of\s+concern|recommendations|areas\s+for\s+improvement)\s*"
                    r"(?:[\u2013\u2014:-]|\bin\s+respect\s+of\b|\brelating\s+to\b|\babout\b)\s*(?P<items>[^.]+;[^.]+)")


def kind_named(text: str) -> str | None:
    """The finding kind a lead-in names ("five causes of concern", "the following recommendations")."""
    lowered = text.lower()
    if re.search(r"\brecommend", lowered):
        return "recommendation"
    for kind, pattern in kind_words():
        if kind not in ("finding", "innovative-practice") and re.search(rf"\b{pattern}\b", text, re.IGNORECASE):
            return kind
    if ENGAGE.search(text):
        return "cause-of-concern"
    return None


def lead_in(fx):
    """A lead-in ending in ":" and the list after it."""
    paras = fx.paras
    for n, para in enumerate(paras):
        text = para.text.strip()
        if not text.endswith(":") or len(text) > 600:
            continue
        kind = kind_named(text)
        stem = _stem(fx, text)
        if kind is None and stem and deadline_of(stem):
            kind = "recommendation"
        if kind is None:
            continue
        for item, where in _items(paras[n + 1:n + 1 + MAX_ITEMS]):
            yield fx.finding(kind, joined(stem, item), where, stem=stem or text)


def _stem(fx, text: str) -> str:
    """What each item continues, where the lead-in is a "should" sentence ("The force should
    immediately:"); a lead-in that only announces the list ("we identified three causes of
    concern:") joins nothing."""
    body = text[:-1].strip()
    tail = re.split(r",\s+(?:stating|saying|in which we said)\s+that\s+|\bbecause\s+", body)[-1]
    tail = re.sub(r"^(?:hmicfrs|hmic|we|the inspectorate)\s+(?:has\s+|have\s+)?recommend(?:s|ed)\s+that\s+", "", tail,
                  flags=re.IGNORECASE)
    if re.search(r"\b(?:should|must|needs? to|ensure that)\b[^.]*$", tail, re.IGNORECASE):
        return tail[:1].upper() + tail[1:] + ":"
    return ""


def _items(paras) -> list[tuple]:
    """The list after a lead-in, as (text, paragraph): bullets, or short paragraphs (a list
    that lost its bullets), until the first paragraph that is neither. A lower-case line
    after a bullet that has not ended carries it on (a page or column break)."""
    items: list[tuple] = []
    for para in paras:
        text = para.text.strip()
        bullet = BULLET.match(para.lines[0].text)
        if items and not bullet and text[:1].islower() and not re.search(r"[;.]\s*(?:and|or)?$", items[-1][0]):
            items[-1] = (f"{items[-1][0]} {text}", items[-1][1])
            continue
        short = len(text) <= 400 and text.endswith((";", ".", "; and", "and")) and text[:1].islower()
        if not (bullet or short):
            break
        items.append((strip_bullet(text), para))
        if not bullet and text.endswith("."):
            break
    return items


def inline_list(fx):
    """ "identified five causes of concern – A; B; and C": items split at semicolons."""
    for para in fx.paras:
        for match in INLINE.finditer(para.text):
            kind = kind_named(match.group("kind"))
            for piece in re.split(r";\s*(?:and\s+)?", match.group("items")):
                piece = re.sub(r"^(?:and|or)\s+", "", piece.strip(" ,"))
                if len(piece.split()) >= 1 and len(piece) >= 4:
                    yield fx.finding(kind, piece, para)


def recommends(fx):
    """A recommendation stated as one sentence or paragraph."""
    for para in fx.paras:
        text = strip_bullet(para.text.strip())
        if RECOMMENDS.match(text) and re.search(r"\b(?:should|must)\b", text, re.IGNORECASE):
            yield fx.finding("recommendation", text, para)
            continue
        also = ALSO_INCLUDE.search(text)
        if also:
            yield fx.finding("recommendation", also.group("text"), para)
