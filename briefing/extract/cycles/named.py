"""Cues where the text names its cycle: a label with the cycle's years, the source
address, a heading, an ordinal, an alias.

- label: the programme with the cycle's own years ("PEEL 2021/22", "PEEL 2023 to 2025",
  "its 2023-25 PEEL report", "the 2023-25 inspection cycle"): 4, outweighing every other
  cue; words about an earlier inspection count against (-2);
- address: the source address ("peel-assessments/peel-2016/"): 3; a page filed under a
  date ("/2022/november/") gives that date's cycles 1 (page-date);
- heading: "Sussex 2016", "Cleveland 2021/22", a line that is only a year: 3 where it
  names a cycle, else the year's reports 1.5;
- ordinal: "HMIC's third PEEL assessment": 2; alias: "integrated PEEL assessment": 3.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.cycles.calendar import RANGE, YEAR, years_of
from briefing.extract.cycles.cues import HAS_YEAR, Cue, Cues, said, sentences_of, spread
from briefing.extract.grades.grammar import EARLIER
from briefing.extract.language import MONTH_FORMS, ORDINALS
from briefing.extract.made import once
from briefing.extract.needs import holds
from briefing.extract.phrases import Phrases
from briefing.extract.ruler import whole_text
from briefing.frameworks import Frameworks, normalise

PROGRAMME = (r"(?:\bpeel\b|police effectiveness(?:,\s*efficiency\s*(?:and|&)\s*legitimacy)?|police efficiency|"
             r"police legitimacy|effectiveness, efficiency and legitimacy|efficiency, effectiveness and legitimacy|"
             r"crime inspection)")
AFTER_PROGRAMME = re.compile(rf"{PROGRAMME}\W{{0,3}}(?:(?!in\b|from\b|since\b|during\b|before\b|after\b|until\b|by\b|"
                             rf"of\b|between\b)[A-Za-z]+\W{{1,3}}){{0,6}}?{RANGE}", re.IGNORECASE)
BEFORE_PROGRAMME = re.compile(rf"(?<![\w/-]){RANGE}\s+\(?{PROGRAMME}", re.IGNORECASE)
TWO_YEARS = rf"(?P<a>{YEAR})\s*(?:/|-|\u2013|\u2014|to)\s*(?P<b>(?:19|20)?\d\d)\b"
BESIDE_INSPECTION = [  # a cycle's two years beside the words for an inspection, without the programme's name
    re.compile(rf"(?<![\w/-]){TWO_YEARS}\s+(?:peel\s+)?(?:inspection|report|assessment|cycle|programme)s?\b", re.IGNORECASE),
    re.compile(rf"\b(?:inspection|report|assessment|cycle)s?\s*\(\s*{TWO_YEARS}\s*\)", re.IGNORECASE),
    re.compile(rf"\b(?:inspection|report|assessment)s?\s+(?:spanning|covering|for)\s+{TWO_YEARS}", re.IGNORECASE)]
# the cycle's own years as a period: "the report that covers the period 2023 to 2025", "its performance from 2023 to 2025"
PERIOD = re.compile(rf"\b(?:period|from|between|covering|covers)\s+(?:the\s+years\s+)?(?P<a>{YEAR})\s*(?:to|and|-|\u2013)\s*"
                    rf"(?P<b>{YEAR})\b", re.IGNORECASE)
PERIOD_WEIGHT = 2  # a period may also be a statistic's: less than a label, more than a date
ORDINAL_PEEL = re.compile(rf"\b({'|'.join(ORDINALS)})\s+peel\b", re.IGNORECASE)


@whole_text
def label(c: Cues):
    """ "PEEL 2021/22", "its 2023-25 PEEL report", "the 2023-25 inspection cycle"."""
    seen = set()
    for line in c.dated:
        if line.text.lower().startswith("source:"):
            continue
        for sentence in sentences_of(line):
            if not HAS_YEAR.search(sentence):
                continue  # every pattern below names a year: a line's other sentences are passed over
            earlier = bool(EARLIER.search(sentence))
            for pattern in _worth_trying(sentence):
                for match in pattern.finditer(sentence):
                    cid = c.cal.named(*years_of(match), programme=pattern in (AFTER_PROGRAMME, BEFORE_PROGRAMME))
                    if cid is None:
                        continue
                    weight = -2 if earlier else (4 if cid not in seen else 1)
                    yield from said(Cue(cid, weight, f'"{match.group(0).strip()}" (line {line.line})'
                                        + (" about an earlier inspection" if earlier else ""), "label"))
                    if not earlier:
                        seen.add(cid)
            for match in PERIOD.finditer(sentence) if not earlier and holds(sentence, PERIOD_WORDS) else ():
                cid = c.cal.named(*years_of(match))
                if cid:
                    yield from said(Cue(cid, PERIOD_WEIGHT, f'"{match.group(0)}" (line {line.line})', "label"))


PROGRAMME_WORDS = ("peel", "police", "effectiveness", "efficiency", "crime inspection")  # one in each of PROGRAMME's
INSPECTION_WORDS = ("inspection", "report", "assessment", "cycle", "programme")  # one in each of BESIDE_INSPECTION's
PERIOD_WORDS = ("period", "from", "between", "covering", "covers")


def _worth_trying(sentence: str) -> tuple[re.Pattern, ...]:
    """The label patterns in their order, less those whose words the sentence lacks."""
    programme = (AFTER_PROGRAMME, BEFORE_PROGRAMME) if holds(sentence, PROGRAMME_WORDS) else ()
    return programme + (tuple(BESIDE_INSPECTION) if holds(sentence, INSPECTION_WORDS) else ())


@whole_text
def address(c: Cues):
    """ "peel-assessments/peel-2016/", "peel-2023-25"; a page filed by date: /2022/november/."""
    for line in c.lines[:3]:
        for url in re.findall(r"https?://\S+", line.text):
            path = url.lower()
            match = re.search(r"(?:peel|assessments?)[-/]?(20\d\d)(?:-(\d\d))?(?!\d)", path) or \
                re.search(r"[-/](20\d\d)-(\d\d)(?:/|$|\?|-)", path)
            cid = c.cal.named(int(match.group(1)), int(match.group(2)) if match.group(2) else None,
                              programme="peel" in match.group(0)) if match else None
            if cid is None and match:
                cid = next(iter(c.cal.published_in(int(match.group(1)))), None) if not match.group(2) else None
            if cid:
                yield from said(Cue(cid, 3, f"the source address {url}", "address"))
            elif (dated := address_date(path)):
                cycles = c.cal.published_in(*dated) or c.cal.published_in(dated[0])
                yield from spread(cycles, 1.0, f"the date in the source address {url}", "page-date")


@whole_text
def heading(c: Cues):
    """ "Northshire 2016", "Cleveland 2021/22", or a line that is only a year ("2017"): the
    cycle it names, else the year its reports came out."""
    seen = set()
    for line in c.dated:
        text = line.text.strip(" #*\t")
        if not text[-1:].isdigit():  # the heading ends in its year
            continue
        match = re.fullmatch(rf"(?:[A-Z][\w&.'\u2019 -]{{2,60}}?\s+(?:PEEL\s+)?)?{RANGE}", text)
        if not match:
            continue
        first, second = years_of(match)
        cid = c.cal.named(first, second, programme="peel" in text.lower())
        if cid:
            yield from said(Cue(cid, 3 if cid not in seen else 1, f'the heading "{text}" (line {line.line})', "heading"))
            seen.add(cid)
        elif second is None:
            yield from spread(c.cal.published_in(first), 1.5, f'the heading "{text}" (line {line.line})', "heading")


@whole_text
def ordinal(c: Cues):
    """ "HMIC's third PEEL assessment": the third cycle."""
    order = sorted(c.cal.main, key=lambda cycle: cycle.order)
    for line in c.lines:
        if "peel" not in line.text.lower():  # a plain substring test before the pattern: most lines have no "PEEL"
            continue
        found = ORDINAL_PEEL.search(line.text)
        if found and ORDINALS[found.group(1).lower()] <= len(order):
            yield from said(Cue(order[ORDINALS[found.group(1).lower()] - 1].id, 2, f'"{found.group(0)}" '
                                f'(line {line.line})', "ordinal"))


@whole_text
def alias(c: Cues):
    """Cycle aliases without a year ("integrated peel assessment", "core business")."""
    names = once(_aliases, c.cal.fw)
    named = _alias_phrases(frozenset(names)).present(c.folded)
    if not named:
        return  # the whole text at once first: most name no alias, and need no line-by-line reading
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")\b")
    words = {max(re.findall(r"[a-z0-9]+", a), key=len) for a in named}  # one in each line that names one
    seen = set()
    for line in c.lines:
        lowered = line.text.lower()
        found = any(word in lowered for word in words) and pattern.search(normalise(line.text))
        if found:
            cid, wording = names[found.group(0)]
            yield from said(Cue(cid, 3 if cid not in seen else 1, f'"{wording}" (line {line.line})', "alias"))
            seen.add(cid)


def _aliases(fw: Frameworks) -> dict[str, tuple[str, str]]:
    """normalised alias -> (cycle, the alias), for the aliases with no year in them."""
    return {normalise(a): (cycle.id, a) for cycle in fw.cycles.values() for a in cycle.aliases
            if not re.search(r"\d", a) and len(a) > 8}


@lru_cache(maxsize=4)
def _alias_phrases(aliases: frozenset[str]) -> Phrases:
    """The cycles' aliases, found in a folded text where the pattern \\b(?:...)\\b would
    find them (an apostrophe ends a word)."""
    return Phrases(aliases, word_chars="abcdefghijklmnopqrstuvwxyz0123456789")


def address_date(path: str) -> tuple[int, int | None] | None:
    """A date a page is filed under: /2022/november/, /2017/12/12/, 2024-03-12, /2017/ (its year
    only), 2-may-2019, 19022024."""
    def month_of(word: str) -> int | None:
        if word.isdigit():
            return int(word) if 1 <= int(word) <= 12 else None
        return MONTH_FORMS.get(word)

    for pattern in (r"/(20\d\d)/(\d\d|[a-z]+)/", r"(?<!\d)(20\d\d)-(\d\d)-\d\d(?!\d)"):
        found = re.search(pattern, path)
        if found:
            return int(found.group(1)), month_of(found.group(2))
    found = re.search(r"/(20\d\d)/", path)  # a news archive's year: /news-archive/2017/...
    if found:
        return int(found.group(1)), None
    found = re.search(r"\d{1,2}-([a-z]{3,9})-(20\d\d)(?!\d)", path)
    if found and month_of(found.group(1)):
        return int(found.group(2)), month_of(found.group(1))
    stamp = re.search(r"(?<!\d)(\d\d)(\d\d)(20\d\d)(?:\d{6})?(?!\d)", path)  # ddmmyyyy[hhmmss]
    if stamp and 1 <= int(stamp.group(1)) <= 31 and 1 <= int(stamp.group(2)) <= 12:
        return int(stamp.group(3)), int(stamp.group(2))
    return None
