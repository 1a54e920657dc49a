"""Causes of concern a source says HMICFRS closed: "I will be closing the force's cause of
concern regarding responding to the public", "we have closed the causes of concern", "In
April 2023, we discharged this cause of concern", "a cause of concern around strategic
planning ... was discharged".

Read as rules of English: a verb of closing (close, discharge) with a cause or area of
concern as its object, or a cause of concern as the subject of "was/has been closed",
never under a negation ("has not been discharged") or a condition ("will close ... once").
What was closed is named where the sentence names it ("regarding X"), is the section the
sentence stands in where it says "this cause of concern", and is "the causes of concern"
of the source where it names none. A letter's own findings are marked closed by the
sentence; a report's are not (a PEEL report that closes its last inspection's causes of
concern goes on to raise new ones).
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.text import lines_holding
from briefing.model import Finding
from briefing.statements import Closure

CONCERN = r"(?:causes?|areas?)\s+(?:of|for)\s+concern"
ABOUT = r"(?:regarding|about|around|on|into|concerning|over|relating\s+to|related\s+to|in\s+relation\s+to|for)"
OWNER = r"(?:(?:the|this|that|these|those|its|their|all(?:\s+the)?|both|(?:the\s+)?(?:force|constabulary|service)['\u2019]s" \
        r"|(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+){0,3}['\u2019]s)\s+)"
COUNT = r"(?:(?:remaining|last|final|outstanding|one|two|three|four|five|six|\d+)\s+)"
REMAINING = re.compile(r"\b(?:remaining|outstanding)\b", re.IGNORECASE)  # those still open: which were is not said
ENDS = r"\s*(?:[.;:()]|,\s|$)|\s+(?:and|but|which|as|because|following|after|that|when|once|if|until|unless|" \
       r"in\s+(?:19|20)\d\d)\b"  # where what is closed ends: "regarding X, which ...", "regarding X once ..."
ACTIVE = re.compile(
    rf"\b(?:clos(?:e|ed|es|ing)|discharg(?:e|ed|es|ing))\s+(?P<owner>{OWNER}?{COUNT}?)(?P<what>{CONCERN})"
    rf"(?:\s+{ABOUT}\s+(?P<subject>[^.;:()]+?)(?={ENDS})|(?={ENDS}|\s+(?:we|from|issued|raised|identified|in)\b))",
    re.IGNORECASE)
PASSIVE = re.compile(
    rf"\b(?P<owner>{OWNER}?{COUNT}?)(?P<what>{CONCERN})(?:\s+{ABOUT}\s+(?P<subject>[^.;()]+?))?\s+"
    rf"(?:was|were|has|have|had|is|are)\s+(?:now\s+)?(?:been\s+)?(?:now\s+)?(?:formally\s+)?(?:closed|discharged)\b",
    re.IGNORECASE)
NEGATED = re.compile(r"\b(?:not|n['\u2019]t|never|no\s+longer\s+able\s+to|unable\s+to)\s+(?:yet\s+)?(?:been\s+)?"
                     r"(?:able\s+to\s+)?(?:be\s+)?$", re.IGNORECASE)
MAYBE = re.compile(r"\b(?:may|might|could|would|should|consider(?:ing)?|intends?\s+to|plans?\s+to|aims?\s+to|hopes?\s+to|"
                   r"expects?\s+to|whether\s+to|able\s+to\s+consider)\s+(?:be\s+)?$", re.IGNORECASE)
CONDITION = re.compile(r"^\W*\s*(?:once|when|if|until|unless|provided)\b", re.IGNORECASE)
CUE = re.compile(r"\b(?:clos|discharg)", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
HEADING_WORDS = 8  # a section's heading is a short line that ends on no stop
LETTERS = ("revisit-letter", "monitoring-letter")  # a letter's findings are the causes of concern it closes or keeps
CLOSES = ("cause-of-concern", "recommendation")  # a cause of concern and the recommendations made under it
STOP = frozenset("a an the of to and or in on for its their this that with by at from force's force".split())


def read_closures(lines) -> tuple[Closure, ...]:
    """Every closing of a cause of concern the source states, in its order."""
    out = []
    for index in _cued(lines):  # most lines close nothing: the sentence patterns run only where they may
        line = lines[index]
        for sentence in SENTENCE.findall(line.text):
            for found in (*ACTIVE.finditer(sentence), *PASSIVE.finditer(sentence)):
                if _refused(sentence, found, found.re is ACTIVE):
                    continue
                subject = (found.group("subject") or "").strip(" ,")
                if not subject and found.group("owner").strip().lower() in ("this", "that"):
                    subject = _heading_above(lines, index)
                out.append(Closure(subject, " ".join(sentence.split()), line.place, "closed" if found.re is ACTIVE
                                   else "closed-passive", plural=found.group("what").lower().startswith(("causes",
                                                                                                         "areas")),
                                   remaining=bool(REMAINING.search(found.group("owner")))))
                break
    return tuple(out)


def _cued(lines) -> list[int]:
    """The indexes of the lines holding a verb of closing, in order. CUE matches only where
    the lowered line holds "clo" or "charg" (ASCII letters that no other letter matches
    case-insensitively), which are found through the whole text at once; CUE itself, tried
    on a report's every line, would cost 11 ms on a 105-page report."""
    return [n for n in lines_holding([line.text for line in lines], ("clo", "charg")) if CUE.search(lines[n].text)]


def _refused(sentence: str, found: re.Match, active: bool) -> bool:
    """Not a closing: under a negation ("has not been discharged", "we could not close"), or
    on a condition still to be met ("will close the cause of concern once ...")."""
    before = sentence[:found.start()]
    if active and (NEGATED.search(before) or MAYBE.search(before)):
        return True
    if not active and re.search(r"\b(?:not|n['\u2019]t|never)\b", found.group(0), re.IGNORECASE):
        return True
    return bool(CONDITION.match(sentence[found.end():]))


def _heading_above(lines, index: int) -> str:
    """The heading of the section a line stands in: the nearest short line above it that
    ends on no stop ("Strategic planning, organisational management and value for money")."""
    for line in reversed(lines[:index]):
        if is_heading(line.text):
            return " ".join(line.text.split())
    return ""


ENDS_ON_A_STOP = re.compile(r"[.;:,!?]\s*$")
OPENS_AS_AN_ITEM = re.compile(r"\s*(?:[-\u2022*]|\d+[.)])\s")


def is_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= HEADING_WORDS and not ENDS_ON_A_STOP.search(text) and \
        not OPENS_AS_AN_ITEM.match(text) and not text.lower().startswith("source:")


def mark_closed(findings, closures: tuple[Closure, ...], report_type: str, lines) -> list[Finding]:
    """A letter's causes of concern and their recommendations, each with the sentence that
    closes it: all of them where the letter closes "the causes of concern" without naming
    them, else those named by the closing or standing in a section whose heading names it."""
    if report_type not in LETTERS or not closures:
        return list(findings)
    heads = _headings(lines)
    out = []
    for f in findings:
        closing = next((c for c in closures if f.kind in CLOSES and _closes(c, f, heads)), None)
        out.append(replace(f, closed=closing) if closing and not f.closed else f)
    return out


def _closes(closure: Closure, finding: Finding, heads: dict[int, str]) -> bool:
    if not closure.subject:
        return closure.plural
    want = _words(closure.subject)
    if not want:
        return False
    heading = heads.get(finding.place.line or 0, "")
    return want <= _words(finding.text) or want <= _words(heading) or _words(finding.text) == want


def _headings(lines) -> dict[int, str]:
    """Each line's section heading, by line number."""
    out, current = {}, ""
    for line in lines:
        if is_heading(line.text):
            current = " ".join(line.text.split())
        else:
            out[line.line] = current
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower().replace("\u2019", "'")) if w not in STOP
                     and len(w) > 2)


def closed_subjects(closures: tuple[Closure, ...]) -> tuple[str, ...]:
    """What the closings name, in the source's words, each once."""
    seen: list[str] = []
    for c in closures:
        if c.subject and c.subject not in seen:
            seen.append(c.subject)
    return tuple(seen)
