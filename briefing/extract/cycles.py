"""Which inspection cycle a text is about, weighed from every cue it gives.

Most texts people write never name the cycle; they give dates. So the cues, each a small
named function recorded with its reason and weight, are, from the strongest:
- a label: the programme with the cycle's own years ("PEEL 2021/22", "PEEL 2023 to 2025",
  "its 2023-25 PEEL report", "the 2023-25 inspection cycle", "Their 2018/19 report"): 4,
  outweighing every other cue; words about an earlier inspection count against (-2);
- the source address ("peel-assessments/peel-2016/"): 3; a heading ("Sussex 2016", a line
  that is only a year): 3 where it names a cycle;
- ordinals ("HMIC's third PEEL assessment") and cycle aliases ("integrated PEEL
  assessment"): 2 to 3;
- dates: when the inspection took place ("In January 2022, we inspected ...") by each
  cycle's `inspected` years, when the report was published by its `years`, and the page's
  own date (weakest: a PCC page may be years later); all from data/frameworks.yaml;
- the scale: "adequate" exists only from 2021/22, pillar grades only until 2018/19;
- what the text dates to the past ("rated inadequate in 2016", "since our last inspection
  in 2022"): the cycle is a later one;
- the inspectorate's name (HMIC until July 2017, "Her Majesty's" until September 2022);
- area wordings found in only some frameworks: at most 2, and never enough alone.
A cycle is settled only when a cue other than area wordings supports it; otherwise it
stays unsettled and the extraction says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from briefing.extract.dates import inspectorate_naming
from briefing.extract.grades.grammar import EARLIER
from briefing.extract.language import MONTH_FORMS, ORDINALS, PARTS_OF_YEAR, renamed
from briefing.extract.phrases import Phrases
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import KEEP_ALL, Reading, Ruler, adapted
from briefing.frameworks import Cycle, Frameworks, normalise

YEAR = r"(?:19|20)\d\d"
RANGE = rf"(?P<a>{YEAR})(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?P<b>(?:19|20)?\d\d)\b|(?P<glued>\d\d)\b)?"
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
INSPECTED = re.compile(rf"\b(?:we|hmicfrs|hmic|inspectors)\s+(?:re)?inspected\b|\binspection\s+(?:visits?\s+)?"
                       rf"(?:was\s+|were\s+)?(?:carried out|took place|completed|conducted)|\binspected\s+(?:[A-Z][\w&'-]*\s+)"
                       rf"{{0,4}}(?:in|during|between|from)\b|\bfieldwork\b|\bwe\s+(?:conducted|carried out)\s+(?:an?|our)\s+"
                       rf"(?:\w+\s+){{0,3}}inspection|\ban?\s+inspection\s+(?:in|during)\s+(?:[A-Z][a-z]+\s+)?{YEAR}\b"
                       rf"|\b(?:identified|issued|raised)\s+(?:\w+\s+){{0,2}}causes?\s+of\s+concern"
                       rf"|\b(?:entered|moved\s+into|placed\s+(?:in|into))\s+(?:the\s+)?(?:\W?engage\W?|enhanced)", re.IGNORECASE)
HAS_YEAR = re.compile(YEAR)  # every cue below names a year: a line without one is passed over at once
SINCE = re.compile(rf"\b(?:since|after)\s+(?:our|the|its)\s+(?:last|previous)\s+(?:peel\s+)?(?:inspection|report|assessment)"
                   rf"\s+(?:in\s+)?(?P<y>{YEAR})\b|\b(?:last|previous)\s+(?:\w+\s+)?(?:inspection|report|assessment)\s+"
                   rf"(?:in|of)\s+(?P<z>{YEAR})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    cycle: str
    weight: float
    reason: str
    kind: str = "label"  # label, address, heading, ordinal, alias, inspected, published, page-date, scale, later, naming, wording
    how: str = ""  # the rule that gave it (stamped by the engine)


class Calendar:
    """The cycles by their names' years, their inspection years and their publication years."""

    def __init__(self, fw: Frameworks):
        self.fw = fw
        self.main = [c for c in fw.cycles.values() if c.grades and not c.variant_of]

    def named(self, first: int, second: int | None = None) -> str | None:
        """The cycle a year or pair of years names: 2016 is PEEL 2016, 2021/22 PEEL 2021/22,
        "2023 to 2025" PEEL 2023-25; a span of several cycles names none."""
        for cycle in self.main:
            years = [int(y) for y in re.findall(r"\d{4}|(?<=-)\d\d(?!\d)", cycle.id)]
            own = (years[0], years[1] % 100 if len(years) > 1 else None)
            if own == (first, second % 100 if second is not None else None):
                return cycle.id
            if second is None and len(years) == 2 and first == 2018 and own[0] == 2018:
                return cycle.id  # "PEEL 2018": the 2018/19 integrated assessment
        for cycle in self.main:  # "our 2023-24 PEEL inspection": the first years of PEEL 2023-25
            years = [int(y) for y in re.findall(r"\d{4}|(?<=-)\d\d(?!\d)", cycle.id)]
            if second is not None and len(years) == 2 and years[0] == first and \
                    first % 100 < second % 100 < years[1] % 100:
                return cycle.id
        return None

    def published_in(self, year: int, month: int | None = None) -> list[str]:
        return [c.id for c in self.main if _within(span(c.years, c.id), year, month)]

    def late_in(self, year: int, month: int | None = None) -> list[str]:
        """Cycles with a straggler's report then (`late` in frameworks.yaml)."""
        return [c.id for c in self.main if c.late and _within(span(c.late, c.id), year, month)]

    def inspected_in(self, year: int, month: int | None = None) -> list[str]:
        return [c.id for c in self.main if _within(span(c.inspected, c.id), year, month)]

    def first_published(self, cid: str) -> int:
        cycle = self.fw.cycles[cid]
        return span(cycle.years, cycle.id)[0][0]

    def of_past_year(self, year: int) -> Cycle | None:
        """The earliest cycle a year spoken of as past can be: the one it names ("in our 2017
        inspection"), else the first whose reports came out that year."""
        cid = self.named(year) or next(iter(self.published_in(year)), None)
        return self.fw.cycles[cid] if cid else None


Month = tuple[int, int]


def span(years: str, fallback: str) -> tuple[Month, Month]:
    """ "2021-23" -> ((2021, 1), (2023, 12)); "2016-10 to 2017-04" -> ((2016, 10), (2017, 4))."""
    text = years or fallback
    if " to " in text:
        ends = []
        for side, default in zip(text.split(" to ", 1), (1, 12)):
            found = re.match(r"(\d{4})(?:-(\d\d))?", side.strip())
            ends.append((int(found.group(1)), int(found.group(2)) if found.group(2) else default))
        return ends[0], ends[1]
    found = [int(y) for y in re.findall(r"\d+", text)]
    if not found:
        return (0, 1), (0, 12)
    if len(found) == 2 and found[1] <= 12 and found[1] < found[0] % 100:
        return (found[0], found[1]), (found[0], found[1])  # "2024-02": one month
    first, last = found[0], found[1] if len(found) > 1 else found[0]
    return (first, 1), (first // 100 * 100 + last if last < 100 else last, 12)


def _within(bounds: tuple[Month, Month], year: int, month: int | None) -> bool:
    (y1, m1), (y2, m2) = bounds
    if month is None:
        return y1 <= year <= y2
    return (y1, m1) <= (year, month) <= (y2, m2)


def _years(match: re.Match) -> tuple[int, int | None]:
    second = match.group("b") or (match.groupdict().get("glued"))
    return int(match.group("a")), int(second) if second else None


def _spread(cycles: list[str], weight: float, reason: str, kind: str) -> list[Cue]:
    """A date that fits several cycles shares its weight among them."""
    return [Cue(c, weight / len(cycles) if len(cycles) > 1 else weight, reason, kind) for c in cycles]


# --- the cues ---------------------------------------------------------------------------

def label_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    cues, seen = [], set()
    for line in lines:
        if not HAS_YEAR.search(line.text) or line.text.lower().startswith("source:"):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            earlier = bool(EARLIER.search(sentence))
            for pattern in (AFTER_PROGRAMME, BEFORE_PROGRAMME, *BESIDE_INSPECTION):
                for match in pattern.finditer(sentence):
                    cid = cal.named(*_years(match))
                    if cid is None:
                        continue
                    words = match.group(0).strip()
                    weight = -2 if earlier else (4 if cid not in seen else 1)
                    cues.append(Cue(cid, weight, f'"{words}" (line {line.line})'
                                    + (" about an earlier inspection" if earlier else ""), "label"))
                    if not earlier:
                        seen.add(cid)
    return cues


def address_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    cues = []
    for line in lines[:3]:
        for url in re.findall(r"https?://\S+", line.text):
            path = url.lower()
            match = re.search(r"(?:peel|assessments?)[-/]?(20\d\d)(?:-(\d\d))?(?!\d)", path) or \
                re.search(r"[-/](20\d\d)-(\d\d)(?:/|$|\?|-)", path)
            cid = cal.named(int(match.group(1)), int(match.group(2)) if match.group(2) else None) if match else None
            if cid is None and match:
                cid = next(iter(cal.published_in(int(match.group(1)))), None) if not match.group(2) else None
            if cid:
                cues.append(Cue(cid, 3, f"the source address {url}", "address"))
            elif (dated := _address_date(path)):  # a page filed by date: /2022/november/, 2024-03-12, 2-may-2019
                cycles = cal.published_in(*dated) or cal.published_in(dated[0])
                cues += _spread(cycles, 1.0, f"the date in the source address {url}", "page-date")
    return cues


def heading_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    """ "Northshire 2016", "Cleveland 2021/22", or a line that is only a year ("2017"): the
    cycle it names, else the year its reports came out."""
    cues, seen = [], set()
    for line in lines:
        text = line.text.strip(" #*\t")
        if not text[-1:].isdigit():  # the heading ends in its year
            continue
        match = re.fullmatch(rf"(?:[A-Z][\w&.'\u2019 -]{{2,60}}?\s+(?:PEEL\s+)?)?{RANGE}", text)
        if not match:
            continue
        first, second = _years(match)
        cid = cal.named(first, second)
        if cid:
            cues.append(Cue(cid, 3 if cid not in seen else 1, f'the heading "{text}" (line {line.line})', "heading"))
            seen.add(cid)
        elif second is None:
            cues += _spread(cal.published_in(first), 1.5, f'the heading "{text}" (line {line.line})', "heading")
    return cues


ORDINAL_PEEL = re.compile(rf"\b({'|'.join(ORDINALS)})\s+peel\b", re.IGNORECASE)


def ordinal_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    cues = []
    order = sorted(cal.main, key=lambda c: c.order)
    for line in lines:
        if "peel" not in line.text.lower():  # a plain substring test before the pattern: most lines have no "PEEL"
            continue
        found = ORDINAL_PEEL.search(line.text)
        if found and ORDINALS[found.group(1).lower()] <= len(order):
            cues.append(Cue(order[ORDINALS[found.group(1).lower()] - 1].id, 2, f'"{found.group(0)}" (line {line.line})',
                            "ordinal"))
    return cues


def alias_cues(lines: list[SourceLine], cal: Calendar, folded: str) -> list[Cue]:
    """Cycle aliases without a year ("integrated peel assessment", "core business")."""
    names = {normalise(a): (c.id, a) for c in cal.fw.cycles.values() for a in c.aliases
             if not re.search(r"\d", a) and len(a) > 8}
    named = _alias_phrases(frozenset(names)).present(folded)
    if not named:
        return []  # the whole text at once first: most name no alias, and need no line-by-line reading
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")\b")
    words = {max(re.findall(r"[a-z0-9]+", alias), key=len) for alias in named}  # one in each line that names one
    cues, seen = [], set()
    for line in lines:
        lowered = line.text.lower()
        found = any(word in lowered for word in words) and pattern.search(normalise(line.text))
        if found:
            cid, alias = names[found.group(0)]
            cues.append(Cue(cid, 3 if cid not in seen else 1, f'"{alias}" (line {line.line})', "alias"))
            seen.add(cid)
    return cues


def inspected_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    """When the inspection took place: "Between 17 May and 11 June 2021, we inspected ...",
    "In January 2024, we inspected ...", "inspected in September 2023"."""
    for line in lines:
        if not HAS_YEAR.search(line.text):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            if INSPECTED.search(sentence) and not EARLIER.search(sentence):
                year = re.search(rf"\b({YEAR})\b", sentence)
                if year:
                    return _spread(cal.inspected_in(int(year.group(1))), 1.5,
                                   f'"{sentence.strip()[:80]}" (line {line.line}): inspected in {year.group(1)}',
                                   "inspected")
    return []


OWN_DATED = re.compile(rf"\bin\s+(?:our|its|the)\s+(?P<y>{YEAR})\s+(?:peel\s+)?(?:inspection|report|assessment)\b",
                       re.IGNORECASE)


def later_cues(lines: list[SourceLine], cal: Calendar, earlier_years: list[int],
               published_year: int | None = None) -> list[Cue]:
    """What the text puts in the past makes the cycle a later one: "rated inadequate in
    2016", "since our last inspection in 2022", "In our 2022 PEEL inspection, we found" in
    a text of 2025."""
    years = list(earlier_years)
    lines = [line for line in lines if HAS_YEAR.search(line.text)]
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            if EARLIER.search(sentence) or re.match(rf"^\W*in\s+(?:our|its|the)\s+{YEAR}\b", sentence, re.IGNORECASE):
                years += [int(m.group("a")) for p in (AFTER_PROGRAMME, BEFORE_PROGRAMME) for m in p.finditer(sentence)]
            if published_year:
                years += [int(m.group("y")) for m in OWN_DATED.finditer(sentence) if int(m.group("y")) < published_year]
    for line in lines:
        years += [int(m.group("y") or m.group("z")) for m in SINCE.finditer(line.text)]
    past = [c for c in (cal.of_past_year(y) for y in years) if c is not None]
    if not past:
        return []
    latest = max(past, key=lambda c: c.order)
    return [Cue(c.id, -1.5, f"the text speaks of {latest.short or latest.name} as past", "later") for c in cal.main
            if c.order <= latest.order]


NEXT_REPORT = re.compile(rf"\bnext\s+(?:peel\s+)?(?:inspection\s+)?report\b[^.]{{0,60}}?\b(?:due|expected|to be)\b[^.]{{0,30}}?"
                         rf"\bpublished\s+(?:in\s+)?(?:(?:the\s+)?(?P<part>{'|'.join(PARTS_OF_YEAR)})(?:\s+of)?\s+)?(?P<y>{YEAR})\b",
                         re.IGNORECASE)


def next_report_cues(lines: list[SourceLine], cal: Calendar) -> list[Cue]:
    """ "more detail ... in its next inspection report, due to be published in early 2024":
    the text is about the cycle whose report is still to come."""
    for line in lines:
        found = NEXT_REPORT.search(line.text)
        if found:
            month = PARTS_OF_YEAR.get((found.group("part") or "").lower())
            year = int(found.group("y"))
            return _spread(cal.published_in(year, month) or cal.published_in(year), 1.0,
                           f'"{found.group(0)[:70]}" (line {line.line})', "published")
    return []


def naming_cues(text: str, cal: Calendar) -> list[Cue]:
    """The inspectorate's name dates the page (data/language.yaml's renamings: HMIC until
    July 2017, HMICFRS after; "Her Majesty's" until September 2022, "His Majesty's" after).
    A page cannot be about a cycle whose reports came out after it, and a news story is
    written when its report comes out."""
    cues = []
    for name, side in inspectorate_naming(text).items():
        before, after, day = renamed(name)
        month = (day.year, day.month)
        when = day.strftime("%B %Y")
        if side == "before":
            cues += [Cue(c.id, -1.5, f"the inspectorate is named {before} (before {when})", "naming")
                     for c in cal.main if span(c.years, c.id)[0] > month]
        else:
            cues += [Cue(c.id, 0.25, f"the inspectorate is named {after} (from {when})", "naming")
                     for c in cal.main if span(c.years, c.id)[1] >= month]
    return cues


def wording_cues(folded: str, fw: Frameworks) -> list[Cue]:
    wordings: dict[str, set[str]] = defaultdict(set)  # each wording once, with every cycle that uses it
    for cycle in fw.cycles.values():
        if cycle.variant_of:
            continue
        for area in cycle.areas:
            for wording in area.wordings():
                key = normalise(wording)
                if len(key) >= 18:
                    wordings[key].add(cycle.id)
    held = _wording_phrases(frozenset(wordings)).present(folded.replace("antisocial", "anti social"))
    found = {key: cycles for key, cycles in wordings.items() if key in held}
    capped: dict[str, float] = defaultdict(float)
    out = []
    for key, cycles in found.items():
        if len(cycles) > 3:
            continue
        for cid in cycles:
            weight = min(1.0, 1 / len(cycles))
            if capped[cid] < 2:
                capped[cid] += weight
                out.append(Cue(cid, weight, f'the area wording "{key}"', "wording"))
    return out


@lru_cache(maxsize=4)
def _alias_phrases(aliases: frozenset[str]) -> Phrases:
    """The cycles' aliases, found in a folded text where the pattern \\b(?:...)\\b would
    find them (an apostrophe ends a word)."""
    return Phrases(aliases, word_chars="abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=4)
def _wording_phrases(keys: frozenset[str]) -> Phrases:
    """The area wordings, found whole in a text folded by normalise() (letters, digits and
    apostrophes between single spaces)."""
    return Phrases(keys, word_chars="abcdefghijklmnopqrstuvwxyz0123456789'")


def _address_date(path: str) -> tuple[int, int | None] | None:
    """A date a page is filed under: /2022/november/, /2017/12/12/, 2024-03-12, 2-may-2019, 19022024."""
    def month_of(word: str) -> int | None:
        if word.isdigit():
            return int(word) if 1 <= int(word) <= 12 else None
        return MONTH_FORMS.get(word)

    for pattern in (r"/(20\d\d)/(\d\d|[a-z]+)/", r"(?<!\d)(20\d\d)-(\d\d)-\d\d(?!\d)"):
        found = re.search(pattern, path)
        if found:
            return int(found.group(1)), month_of(found.group(2))
    found = re.search(r"\d{1,2}-([a-z]{3,9})-(20\d\d)(?!\d)", path)
    if found and month_of(found.group(1)):
        return int(found.group(2)), month_of(found.group(1))
    stamp = re.search(r"(?<!\d)(\d\d)(\d\d)(20\d\d)(?:\d{6})?(?!\d)", path)  # ddmmyyyy[hhmmss]
    if stamp and 1 <= int(stamp.group(1)) <= 31 and 1 <= int(stamp.group(2)) <= 12:
        return int(stamp.group(3)), int(stamp.group(2))
    return None


def totals_of(cues: list[Cue]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for cue in cues:
        totals[cue.cycle] += cue.weight
    return totals


SETTLING = {"label", "address", "heading", "ordinal", "alias", "inspected", "published", "page-date"}


@dataclass
class Cues:
    """What the cue rules read: the text (its Context) and what earlier steps found in it."""

    ctx: object  # context.Context
    published: tuple | None = None
    graded_adequate: bool = False
    pillars_graded: int = 0
    earlier_years: list[int] = field(default_factory=list)
    so_far: object = None  # set by the engine's driver

    @property
    def paras(self):
        return self.ctx.paras

    @cached_property
    def cal(self) -> Calendar:
        return Calendar(self.ctx.frameworks)

    @cached_property
    def lines(self) -> list[SourceLine]:
        return self.ctx.source

    @cached_property
    def dated(self) -> list[SourceLine]:
        """The lines every cue of a year reads."""
        return [line for line in self.lines if HAS_YEAR.search(line.text)]

    @cached_property
    def folded(self) -> str:
        """The whole text folded once, for the alias and the area-wording cues."""
        return normalise(self.ctx.text)


def published_cues(cues: Cues) -> list[Cue]:
    if not cues.published:
        return []
    cal, published = cues.cal, cues.published
    year, month = published[0], published[1] if len(published) > 1 else None
    when = f"{year}-{month:02d}" if month else str(year)
    fits = cal.published_in(year, month) or cal.published_in(year)
    late = [c for c in cal.late_in(year, month) if c not in fits]
    out = _spread(fits, 1.0, f"published in {when}", "published")
    out += [Cue(c, 0.25, f"published in {when}, when only a late report of it came out", "published") for c in late]
    if fits:  # a cycle whose reports did not come out then is unlikely, not impossible (late reports)
        out += [Cue(c.id, -0.75, f"not published in {when}", "published") for c in cal.main
                if c.id not in fits and c.id not in late]
    return out


ADEQUATE = re.compile(r"['\u2018\"\u201c]adequate['\u2019\"\u201d]|\b(?:rated|graded|judged|assessed|found|ranked|rates|be|"
                      r"as|was|is|are|were)\s+(?:as\s+)?adequate\b|\badequate\s+(?:in|at|for|across)\s+(?:\w+\s+)?"
                      r"(?:areas?|categor)", re.IGNORECASE)


def scale_cues(cues: Cues) -> list[Cue]:
    out = []
    if cues.graded_adequate or ADEQUATE.search(cues.ctx.text):
        out += [Cue(c.id, 1, 'the grade "adequate" (five-tier scale)', "scale") for c in cues.cal.main
                if c.scale == "five-tier"]
    if cues.pillars_graded:
        out += [Cue(c.id, 1, "grades for the effectiveness, efficiency and legitimacy pillars (until 2018/19)", "scale")
                for c in cues.cal.main if c.scale == "four-tier"]
    if cues.pillars_graded >= 2:  # an integrated report grades the pillars together; earlier ones had one report each
        out += [Cue(c.id, 0.5, "two or more pillars graded in one report (the integrated assessment)", "scale")
                for c in cues.cal.main if c.integrated]
    return out


def _rule(fn, given):
    """A cue function run by the engine: it returns a list of Cues, each a reading."""
    return adapted(fn, given, lambda cues, cue: Reading((), (cue,)), many=True)


CYCLE_RULES = Ruler([
    ("label", _rule(label_cues, lambda c: (c.dated, c.cal))),
    ("address", _rule(address_cues, lambda c: (c.lines, c.cal))),
    ("heading", _rule(heading_cues, lambda c: (c.dated, c.cal))),
    ("ordinal", _rule(ordinal_cues, lambda c: (c.lines, c.cal))),
    ("alias", _rule(alias_cues, lambda c: (c.lines, c.cal, c.folded))),
    ("inspected", _rule(inspected_cues, lambda c: (c.dated, c.cal))),
    ("wording", _rule(wording_cues, lambda c: (c.folded, c.ctx.frameworks))),
    ("published", _rule(published_cues, lambda c: (c,))),
    ("scale", _rule(scale_cues, lambda c: (c,))),
    ("later", _rule(later_cues, lambda c: (c.dated, c.cal, list(c.earlier_years),
                                           c.published[0] if c.published else None))),
    ("naming", _rule(naming_cues, lambda c: (c.ctx.text, c.cal))),
    ("next-report", _rule(next_report_cues, lambda c: (c.dated, c.cal))),
], repeats=KEEP_ALL)


def detect_cycle(ctx, published: tuple | None = None, graded_adequate: bool = False, pillars_graded: int = 0,
                 earlier_years: list[int] = (), rules: Ruler = CYCLE_RULES) -> tuple[str | None, list[Cue]]:
    """The cycle the text is about (or None) and every cue, strongest first."""
    cues = rules.read(Cues(ctx, published, graded_adequate, pillars_graded, list(earlier_years))).statements
    return settle(cues, ctx.frameworks), sorted(cues, key=lambda c: -c.weight)


def settle(cues: list[Cue], fw: Frameworks) -> str | None:
    """The best-supported cycle. A label, address, heading, date or alias settles it;
    without one, it is settled only by two kinds of cue together (area wordings and the
    inspectorate's name, say) ahead of the next cycle, never by area words alone. On a tie the
    earlier cycle (a later one sharing its areas, 2025-27 beside 2023-25, has fewer reports)."""
    totals = totals_of(cues)
    ranked = sorted(((round(v, 6), -fw.cycles[k].order, k) for k, v in totals.items()), reverse=True)
    if not ranked or ranked[0][0] < 1:
        return None
    best = ranked[0][2]
    kinds = {c.kind for c in cues if c.cycle == best and c.weight > 0}
    if kinds & SETTLING:
        return best
    kinds |= {"later"} if any(c.kind == "later" and c.cycle != best for c in cues) else set()
    rivals = [total for total, _, cid in ranked[1:] if fw.cycles[cid].areas != fw.cycles[best].areas]
    runner_up = rivals[0] if rivals else float("-inf")  # 2025-27 shares 2023-25's areas: no rival on area cues
    return best if len(kinds) >= 2 and kinds != {"naming"} and ranked[0][0] - runner_up > 0.2 else None


