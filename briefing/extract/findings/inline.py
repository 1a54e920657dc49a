"""Findings whose label stands in the same sentence or paragraph as the finding itself.

- label: a label and the finding after a colon or dash ("Cause of concern: the force is
  not ...", "Recommendation – Within three months, the force should ..."), or a label on
  a line of its own with its text on the next line and no blank line between ("Areas for
  improvement" / "The force should ..." / "The force should ...": one finding a line
  where each line opens the same way, else one finding);
- named: a sentence that names the kind and then gives the finding: after a colon
  ("HMICFRS found one cause of concern: the force is not ..."), after "which are to" or
  "which is that" ("two areas for improvement, which are to improve X and to reduce Y"),
  or after "including that" ("three areas for improvement, including that the force
  should ...").
A finding spoken of but not given ("the cause of concern had been addressed") has no
words after its label; a sentence in quotation marks or said by someone, one about
another force, or a count across England and Wales is nobody's finding of this force.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract.findings.base import sentence_place
from briefing.extract.findings.labels import heading_kind, kind_of, kind_words, spoken_of
from briefing.extract.findings.listed import STOP
from briefing.extract.language import NUMBER, number
from briefing.extract.needs import holds
from briefing.extract.text import BULLET, strip_bullet
from briefing.model import KIND_WORDINGS

QUOTES = "\"'\u2018\u201c"  # a label then a quotation: a definition or someone's words, not a finding
TOPIC_WORDS = 6  # "Accelerated cause of concern: investigations" is a heading with its topic; longer is the finding
MIN_WORDS = 4  # "Cause of concern: none", "Recommendation: see below" give nothing
SAID = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|added|told|warned|claimed)\b", re.IGNORECASE)
NATIONAL = re.compile(r"\bacross\s+(?:england\s+and\s+wales|all\s+(?:\d+\s+|43\s+)?forces|the\s+country)\b|"
                      r"\bnationally\b|\bnationwide\b|\b(?:all|other|many|several|\d+)\s+(?:police\s+)?forces\s+"
                      r"(?:were|have\s+been|had\s+been)\b", re.IGNORECASE)
NOT_LABELS = ("finding", "innovative-practice")  # kinds no label here names
NOTHING = re.compile(r"^(?:none|nil|n/?a|not applicable|see below|see above|no\s+\w+)\W*$", re.IGNORECASE)


@cache
def _kinds() -> str:
    return "|".join(p for k, p in kind_words() if k not in NOT_LABELS)


@cache
def _label() -> re.Pattern:
    """A label opening a line, then its finding: "Cause of concern: ...", "AFI – ...",
    "Recommendation - ..."."""
    return re.compile(rf"^\W{{0,3}}(?:an?\s+|the\s+)?(?P<kind>{_kinds()})\s*(?::|\s[\u2013\u2014-]|[\u2013\u2014])\s*"
                      rf"(?P<text>\S.*)$", re.IGNORECASE)


@cache
def _named() -> tuple[re.Pattern, ...]:
    """A sentence naming how many findings of a kind, then giving them."""
    count = rf"(?P<n>{NUMBER}|an?|the\s+following|one\s+further)"
    kind = rf"(?:(?:main|further|new|additional|key|national|specific)\s+)?(?P<kind>{_kinds()})"
    return (
        re.compile(rf"\b{count}\s+{kind}\b[^:;.\"\u201c]{{0,60}}?:\s*(?P<items>\S.*)$", re.IGNORECASE),
        re.compile(rf"\b{count}\s+{kind}\s*,?\s+(?:which|that)\s+(?:are|is|were|was)\s+(?P<items>(?:to|that)\s+.+)$",
                   re.IGNORECASE),
        re.compile(rf"\b{count}\s+{kind}\s*,?\s+(?:including|among\s+them)\s+that\s+(?P<items>.+)$", re.IGNORECASE),
    )


def labelled(fx):
    """A label and its finding on one line, or a label line and its finding on the lines
    below it within one paragraph; the paragraphs after it that open as its finding does
    and say who should act are more of its kind ("Recommendations: Within six months chief
    constables should ..." / "Within six months the NPCC lead should ...")."""
    last = None  # (kind, opening) of the last finding a label gave, while paragraphs carry on its list
    holding = fx.ctx.holding(_kind_keys(every=True))  # a label names a kind: the other paragraphs' lines start none
    for para in fx.paras:
        labels = para.index in holding and any(_starts_label(line.text) for line in para.lines)
        if last and not labels:
            if _carries_on(para.text, last[1]):
                yield fx.finding(last[0], para.text, para)
                continue
            last = None
        if not labels:
            continue
        for kind, texts, line in _label_runs(para):
            for text in _one_a_line(texts):
                if len(text.split()) >= MIN_WORDS and not NOTHING.match(text) and text[:1] not in QUOTES:
                    yield fx.finding(kind, text, para, place=line.place)
                    last = (kind, _opening(text))


def _opening(text: str) -> str:
    return " ".join(text.lower().split()[:2])


def _carries_on(text: str, opening: str) -> bool:
    """A paragraph that opens as the labelled finding did and says who should act."""
    return _opening(text) == opening and bool(re.search(r"\b(?:should|must|needs?\s+to)\b", text, re.IGNORECASE))


def _starts_label(text: str) -> bool:
    text = text.strip()
    return bool(heading_kind(text) or _label().match(text)) and not text.endswith("?")


def _label_runs(para):
    """(kind, the lines of its finding, the first line) for each label in the paragraph."""
    kind, texts, first = None, [], None
    lines = para.lines
    for n, line in enumerate(lines):
        text = " ".join(line.text.split())
        label = _label().match(text)
        heading = None if label and len(label.group("text").split()) >= TOPIC_WORDS else heading_kind(text)
        label = None if heading else label
        if STOP.match(text):
            break  # "Main findings": the label's box is elsewhere (a PDF's closing list)
        if heading and n + 1 < len(lines) or label:
            if kind and texts:
                yield kind, texts, first
            kind = heading or kind_of(label.group("kind"))
            texts, first = ([label.group("text")] if label else []), (line if label else None)
        elif kind:
            texts.append(text)
            first = first or line
    if kind and texts:
        yield kind, texts, first


def _one_a_line(texts: list[str]) -> list[str]:
    """Lines that each open the same way ("The force should ...") or each carry a bullet
    are one finding each; other lines are one finding wrapped over them."""
    openings = {" ".join(strip_bullet(t).split()[:3]).lower() for t in texts}
    bullets = all(BULLET.match(t) for t in texts)
    if len(texts) > 1 and (bullets or len(openings) == 1):
        return [strip_bullet(t) for t in texts]
    return [" ".join(strip_bullet(t) for t in texts)]


@cache
def _kind_keys(every: bool = False) -> tuple[str, ...]:
    """The last two words of each wording of a kind ("for improvement", "of concern",
    "afi"), as few as find them all: a paragraph's text has one space between words, and
    one without any of these names no kind (of those a label names, or of `every` kind);
    "requires improvement" names none."""
    lasts = {" ".join(w.split()[-2:]).casefold() for k, ws in KIND_WORDINGS.items() if every or k not in NOT_LABELS
             for w in ws}
    return tuple(sorted(w for w in lasts if not any(o != w and o in w for o in lasts)))


def named(fx):
    """A sentence naming the kind of finding and then giving it."""
    keys = _kind_keys()
    holding = fx.ctx.holding(keys)
    for para in fx.paras:
        if para.index not in holding:
            continue
        for _, sentence in fx.ctx.sentences(para):
            if not holds(sentence, keys):
                continue
            found = next((m for m in (pattern.search(sentence) for pattern in _named()) if m), None)
            if not found or SAID.search(sentence) or NATIONAL.search(sentence) or spoken_of(sentence) \
                    or _other_force(fx, sentence):  # the tests of whose words these are, after the cheaper one
                continue
            kind = kind_of(found.group("kind")) or "finding"
            for item in _split(found.group("items"), found.group("n")):
                yield fx.finding(kind, item, para, place=sentence_place(para, sentence))


def _other_force(fx, sentence: str) -> bool:
    """The sentence names a force, and not the one the text is about."""
    if not fx.force:
        return False
    from briefing.extract.forces import force_scores

    named_forces = force_scores(sentence)
    return bool(named_forces) and fx.force not in named_forces


def _split(items: str, count: str) -> list[str]:
    """The findings a sentence gives: split at semicolons, or at "and" between like
    openings ("to improve X and to reduce Y") where that gives as many as it counts."""
    items = items.strip().rstrip(".")
    n = number(count.split()[-1]) if count.split()[-1].lower() not in ("a", "an", "following") else None
    pieces = [p for p in (re.sub(r"^(?:and|or)\s+", "", p.strip(" ,")) for p in re.split(r";\s*", items)) if p]
    if len(pieces) == 1 and n and n > 1:
        opening = re.match(r"^(to|that)\s", items, re.IGNORECASE)
        if opening:
            parallel = re.split(rf",?\s+and\s+(?={opening.group(1)}\s)", items, flags=re.IGNORECASE)
            pieces = parallel if len(parallel) == n else pieces
    pieces = [re.sub(r"^(?:to|that)\s+", "", p, flags=re.IGNORECASE) for p in pieces]
    shortest = MIN_WORDS if len(pieces) == 1 else 2  # one of a list may be short: "to reduce sickness absence"
    return [p[:1].upper() + p[1:] for p in pieces if len(p.split()) >= shortest and not NOTHING.match(p)]
