"""Which inspection cycle a text is about, weighed from every cue it gives.

Cues, each recorded with its reason and weight:
- the source address ("peel-assessments/peel-2016/", "peel-reports/x-2021-22/"): 3
- the programme named with a year near it ("PEEL 2021/22", "PEEL: Police effectiveness,
  efficiency and legitimacy 2018/19", "PEEL 2023 to 2025"), a cycle alias of
  data/frameworks.yaml ("integrated PEEL assessment", "core business"), or a heading
  like "Northshire 2016": 3 the first time, 1 after;
- ordinals ("HMIC's third PEEL assessment"): 2;
- the grade "adequate", which exists only from 2021/22: 1 to each five-tier cycle;
- area wordings found in only some frameworks: up to 2;
- the publication year: 0.5 to the cycles published that year.
Words about an earlier inspection ("our last inspection in 2019", "in 2015 it was rated")
count against the cycle they name. The cycle comes from what the text says, never from a
publication date alone: one cycle's reports appear over two or more years.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from briefing.extract.grades.grammar import EARLIER
from briefing.extract.reader import SourceLine
from briefing.frameworks import Frameworks, normalise

ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
YEARS = re.compile(r"\b(20\d\d)(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?:20)?(\d\d)|(\d\d)(?=\b))?\b")
PROGRAMME = re.compile(r"\bpeel\b|police effectiveness|police efficiency|police legitimacy|"
                       r"effectiveness, efficiency and legitimacy|efficiency, effectiveness and legitimacy", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    cycle: str
    weight: float
    reason: str


def _ranges(fw: Frameworks) -> list[tuple[int, int, str]]:
    """(first year, last year, cycle) of the graded PEEL cycles, from their ids."""
    out = []
    for cycle in fw.cycles.values():
        if cycle.variant_of or not cycle.grades:
            continue
        years = [int(y) for y in re.findall(r"\d+", cycle.id)]
        if years:
            first = years[0]
            last = first + (int(str(years[1])[-2:]) - first % 100) if len(years) > 1 else first
            out.append((first, last, cycle.id))
    return sorted(out)


def cycle_for_years(fw: Frameworks, first: int, second: int | None = None) -> str | None:
    """ "2021/22" -> peel-2021-22; "2024" -> peel-2023-25 (the cycle whose span holds it)."""
    for start, end, cid in _ranges(fw):
        if first == start and (second is None or second in (end, end % 100)):
            return cid
    return next((cid for start, end, cid in _ranges(fw) if start <= first <= end), None)


def _address_cues(lines: list[SourceLine], fw: Frameworks) -> list[Cue]:
    cues = []
    for line in lines[:3]:
        for url in re.findall(r"https?://\S+", line.text):
            path = url.lower()
            match = re.search(r"(?:peel|assessments?)[-/]?(20\d\d)(?:-(\d\d))?", path) or \
                re.search(r"[-/](20\d\d)-(\d\d)(?:/|$|\?)", path)
            if match:
                cid = cycle_for_years(fw, int(match.group(1)), int(match.group(2)) if match.group(2) else None)
                if cid:
                    cues.append(Cue(cid, 3, f"the source address {url}"))
            elif (year := _address_year(path)):  # a page filed by date: /2022/november/, 2024-03-12, 19022024
                cues += [Cue(c.id, 0.5, f"the date in the source address {url}") for c in fw.cycles.values()
                         if c.grades and not c.variant_of and _published_span(c)[0] <= year <= _published_span(c)[1]]
    return cues


def _text_cues(lines: list[SourceLine], fw: Frameworks) -> list[Cue]:
    cues: list[Cue] = []
    seen: set[str] = set()
    for line in lines:
        text = line.text
        if text.lower().startswith("source:"):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            earlier = bool(EARLIER.search(sentence)) or bool(re.search(r"\b(?:in|since|from)\s+20\d\d\b", sentence, re.IGNORECASE)
                                                             and re.search(r"\b(?:was|were|had|rated|judged|graded)\b",
                                                                           sentence, re.IGNORECASE))
            cues += _programme_cues(sentence, fw, seen, earlier, line.line)
        heading = re.match(r"^\s*[A-Z][\w&.'\u2019 -]{2,60}?\s+(?:PEEL\s+)?(20\d\d)(?:[/-](\d\d))?\s*$", text)
        if heading:
            cid = cycle_for_years(fw, int(heading.group(1)), int(heading.group(2)) if heading.group(2) else None)
            if cid:
                cues.append(Cue(cid, 3 if cid not in seen else 1, f'the heading "{text.strip()}" (line {line.line})'))
                seen.add(cid)
    return cues


def _programme_cues(sentence: str, fw: Frameworks, seen: set[str], earlier: bool, line: int) -> list[Cue]:
    cues = []
    lowered = sentence.lower()
    for match in PROGRAMME.finditer(sentence):
        window = sentence[match.start():match.end() + 90]
        years = YEARS.search(window)
        if not years:
            continue
        second = years.group(2) or years.group(3)  # "2023-25", or "202325" where a dash was lost
        cid = cycle_for_years(fw, int(years.group(1)), int(second) if second else None)
        if cid:
            words = window[:years.end()].strip()
            weight = -2 if earlier else (3 if cid not in seen else 1)
            cues.append(Cue(cid, weight, f'"{words}" (line {line}){" about an earlier inspection" if earlier else ""}'))
            if not earlier:
                seen.add(cid)
            break
    fieldwork = re.search(r"\binspect(?:ed|ion)\s+(?:visits?\s+)?(?:was\s+)?(?:carried out\s+|completed\s+)?(?:in|during)\s+"
                          r"(?:[a-z]+\s+)?(20\d\d)\b", lowered)
    if fieldwork and not earlier:
        cid = cycle_for_years(fw, int(fieldwork.group(1)))
        if cid:
            cues.append(Cue(cid, 1, f'"{fieldwork.group(0)}" (line {line}): fieldwork in {fieldwork.group(1)}'))
    ordinal = re.search(r"\b(first|second|third|fourth|fifth)\s+peel\b", lowered)
    if ordinal:
        ranges = _ranges(fw)
        index = ORDINALS[ordinal.group(1)]
        if index < len(ranges):
            cues.append(Cue(ranges[index][2], 2, f'"{ordinal.group(0)}" (line {line})'))
    names, pattern = _alias_pattern(fw)
    found = pattern.search(normalise(sentence)) if pattern else None
    if found:
        cycle_id, alias = names[found.group(0)]
        cues.append(Cue(cycle_id, 3 if cycle_id not in seen else 1, f'"{alias}" (line {line})'))
        seen.add(cycle_id)
    return cues


_ALIASES: dict[int, tuple[dict, re.Pattern | None]] = {}


def _alias_pattern(fw: Frameworks) -> tuple[dict, re.Pattern | None]:
    """Cycle aliases without a year ("integrated peel assessment", "core business"), as one pattern."""
    if id(fw) not in _ALIASES:
        names = {normalise(a): (c.id, a) for c in fw.cycles.values() for a in c.aliases
                 if not re.search(r"\d", a) and len(a) > 8}
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")\b") \
            if names else None
        _ALIASES[id(fw)] = (names, pattern)
    return _ALIASES[id(fw)]


def _wording_cues(lines: list[SourceLine], fw: Frameworks) -> list[Cue]:
    text = f" {normalise(' '.join(l.text for l in lines)).replace('antisocial', 'anti social')} "
    found: dict[str, set[str]] = defaultdict(set)
    for cycle in fw.cycles.values():
        if cycle.variant_of:
            continue
        for area in cycle.areas:
            for wording in area.wordings():
                key = normalise(wording)
                if len(key) >= 18 and f" {key} " in text:
                    found[key].add(cycle.id)
    cues = []
    for key, cycles in found.items():
        if len(cycles) <= 3:
            cues += [Cue(c, min(1.0, 1 / len(cycles)), f'the area wording "{key}"') for c in cycles]
    capped: dict[str, float] = defaultdict(float)
    out = []
    for cue in cues:
        if capped[cue.cycle] < 2:
            capped[cue.cycle] += cue.weight
            out.append(cue)
    return out


def totals_of(cues: list[Cue]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for cue in cues:
        totals[cue.cycle] += cue.weight
    return totals


def _address_year(path: str) -> int | None:
    from datetime import date

    for pattern in (r"/(20\d\d)/(?:\d\d|[a-z]+)/", r"(?<!\d)(20\d\d)-\d\d-\d\d(?!\d)"):
        found = re.search(pattern, path)
        if found:
            return int(found.group(1))
    stamp = re.search(r"(?<!\d)(\d\d)(\d\d)(20\d\d)(?:\d{6})?(?!\d)", path)  # ddmmyyyy[hhmmss]
    if stamp:
        try:
            return date(int(stamp.group(3)), int(stamp.group(2)), int(stamp.group(1))).year
        except ValueError:
            return None
    return None


def _published_span(cycle) -> tuple[int, int]:
    """The years a cycle's reports came out, from `years:` in frameworks.yaml ("2021-23")."""
    found = [int(y) for y in re.findall(r"\d+", cycle.years or cycle.id)]
    if not found:
        return (0, 0)
    first = found[0]
    last = found[1] if len(found) > 1 else first
    return first, (first // 100 * 100 + last if last < 100 else last)


def _first_year(cid: str) -> int:
    years = re.findall(r"\d{4}", cid)
    return int(years[0]) if years else 0


def detect_cycle(lines: list[SourceLine], fw: Frameworks, published_year: int | None = None,
                 graded_adequate: bool = False) -> tuple[str | None, list[Cue]]:
    cues = _address_cues(lines, fw) + _text_cues(lines, fw) + _wording_cues(lines, fw)
    text = " ".join(l.text for l in lines)
    graded_adequate = graded_adequate or bool(re.search(
        r"['\u2018\"\u201c]adequate['\u2019\"\u201d]|\b(?:rated|graded|judged|assessed|found|ranked|rates|be|as|was|is|are|were)\s+"
        r"(?:as\s+)?adequate\b|\badequate\s+(?:in|at|for|across)\s+(?:\w+\s+)?(?:areas?|categor)", text, re.IGNORECASE))
    if re.search(r"\bHer Majesty", text):
        cues += [Cue(c.id, 0.25, "Her Majesty's inspectorate (before September 2022)") for c in fw.cycles.values()
                 if _published_span(c)[0] <= 2022 and c.grades and not c.variant_of]
    elif re.search(r"\bHis Majesty", text):
        cues += [Cue(c.id, 0.25, "His Majesty's inspectorate (from September 2022)") for c in fw.cycles.values()
                 if _published_span(c)[1] >= 2022 and c.grades and not c.variant_of]
    if re.search(r"\bHMICFRS\b|Fire (?:and|&) Rescue Services", text):  # HMIC became HMICFRS in July 2017
        cues += [Cue(c.id, 0.25, "the inspectorate is named HMICFRS (from July 2017)") for c in fw.cycles.values()
                 if _first_year(c.id) >= 2017 and c.grades and not c.variant_of]
    elif re.search(r"\bHMIC\b", text):
        cues += [Cue(c.id, 0.25, "the inspectorate is named HMIC (before July 2017)") for c in fw.cycles.values()
                 if _first_year(c.id) <= 2017 and c.grades and not c.variant_of]
    if graded_adequate:
        cues += [Cue(c.id, 1, 'the grade "adequate" (five-tier scale)') for c in fw.cycles.values()
                 if c.scale == "five-tier" and not c.variant_of]
    if published_year and cues:
        spans = [c.id for c in fw.cycles.values() if c.grades and not c.variant_of
                 and _published_span(c)[0] <= published_year <= _published_span(c)[1]]
        cues += [Cue(cid, 1.0 if len(spans) == 1 else 0.5, f"published in {published_year}") for cid in spans]
        if spans:  # a cycle whose reports did not come out that year is unlikely, not impossible (late reports)
            cues += [Cue(cid, -0.75, f"not published in {published_year}") for cid in set(totals_of(cues)) - set(spans)]
    totals = totals_of(cues)
    # on a tie the earlier cycle: a later one that shares its areas (2025-27 and 2023-25) has fewer reports
    best = max(totals.items(), key=lambda kv: (round(kv[1], 6), -fw.cycles[kv[0]].order), default=(None, 0))
    return (best[0] if best[1] >= 1 else None), sorted(cues, key=lambda c: -c.weight)
