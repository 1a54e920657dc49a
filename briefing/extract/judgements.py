"""Grade statements to judgements: which of a cycle's areas each names, which cycle's
question set the text follows, which pillars it grades, and which statements are dated
to an earlier inspection. A statement that names no area of the cycle is left unplaced
(accounted.py says so)."""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.areas import resolver
from briefing.extract.cycles import span
from briefing.extract.grades import Statement
from briefing.extract.grades.grammar import clean_phrase
from briefing.frameworks import Cycle, Frameworks, normalise
from briefing.model import Judgement

PILLAR_WORDS = re.compile(r"^(?:its\s+|the\s+)?(?:overall\s+)?(?:police\s+)?(?P<pillar>effectiveness|efficiency|legitimacy)\b"
                          r"(?!,\s+efficiency)|(?:police\s+)?effectiveness,\s+efficiency,?\s+and\s+legitimacy",
                          re.IGNORECASE)


def pillars_graded(statements: list[Statement], pillar=lambda: None) -> int:
    """How many of the effectiveness, efficiency and legitimacy pillars the text grades; an
    overall grade of a text about one pillar's report (`pillar()`) grades that pillar."""
    named: set[str] = set()
    for s in statements:
        found = PILLAR_WORDS.search(s.phrase) if s.grade != "ungraded" else None
        if found:
            named |= {found.group("pillar").lower()} if found.group("pillar") else {"effectiveness", "efficiency",
                                                                                     "legitimacy"}
        elif s.grade != "ungraded" and OVERALL.search(s.phrase) and (one := pillar()):
            named.add(one)
    return len(named)


def dated(statements: list[Statement], cycle: Cycle) -> list[Statement]:
    """A grade the text dates to a year before the cycle's inspections ("was rated
    inadequate in 2016" in a 2018/19 text) is about an earlier inspection."""
    first = span(cycle.inspected, cycle.id)[0][0]
    return [replace(s, earlier=True) if s.year and s.year < first else s for s in statements]


def question_set(fw: Frameworks, cycle: Cycle, statements: list[Statement], graded: int | None = None) -> Cycle:
    """Of a cycle's question sets (PEEL 2021/22's original and revised), the one whose areas
    the text names: "crime data integrity" is graded for every force only in the revised set. A set that grades
    every force in a fixed number of areas is not the one where the text says fewer were graded
    (`graded`: "across nine areas" is the revised set, the original grading ten)."""
    family = [cycle, *(c for c in fw.cycles.values() if c.variant_of == cycle.id)]
    if graded:
        family = [c for c in family if not (c.areas_graded and graded < c.areas_graded)] or family
    if len(family) == 1:
        return family[0]
    current = [s for s in statements if not s.earlier]

    def named(candidate: Cycle, every: bool = False) -> int:
        """The phrases naming an area the set grades; `every`: one it grades for every force, as
        an area it grades for some only (the original set's crime data, part of its victim
        service assessment) tells the set apart less surely."""
        resolve = resolver(candidate)
        return sum(area is not None and area.graded and not (every and area.some_forces) for s in current
                   for _, area in (resolve.split(s.phrase) if s.listed else [(s.phrase, resolve(s.phrase))]))

    def labelled(candidate: Cycle) -> int:
        """Phrases worded as the set's own labels, not as another set's: "good use of resources"
        is the revised set's label and an alias of the original's (Humberside 2021/22)."""
        labels, resolve = {normalise(a.label) for a in candidate.areas if a.graded}, resolver(candidate)
        return sum(normalise(piece) in labels for s in current
                   for piece, _ in (resolve.split(s.phrase) if s.listed else [(s.phrase, None)]))

    return max(family, key=lambda c: (named(c), named(c, every=True), labelled(c), c is cycle))


def best_reading_cycle(fw: Frameworks, statements: list[Statement]) -> Cycle:
    """With no cycle settled, read areas with the framework that understands most phrases."""
    def understood(cycle: Cycle) -> int:
        resolve = resolver(cycle)
        return sum(resolve(s.phrase) is not None for s in statements)

    candidates = [c for c in fw.cycles.values() if c.grades and not c.variant_of]
    return max(candidates, key=lambda c: (understood(c), c.order))


LINE_RULES = ("label", "area-label", "row", "heading", "question-heading", "ungraded-question", "areas-list")


def judgements_of(statements: list[Statement], cycle: Cycle, pillar=lambda: None) -> tuple[list[Judgement], list]:
    """Statements to judgements of the cycle's areas. An area is recorded once: from a
    statement that names it in its own words if there is one ("requires improvement at
    responding to the public"), else from the first paraphrase ("call handling is good").
    An overall grade of a text about one pillar's report (`pillar()`, asked only of such a
    grade) is that pillar's."""
    resolve = resolver(cycle)
    candidates, unread = [], []
    for order, s in enumerate(statements):
        if s.earlier:
            continue
        parts = resolve.split(s.phrase) if s.listed else [(s.phrase, resolve(s.phrase))]
        for phrase, area in parts:
            phrase = clean_phrase(phrase)
            overall = OVERALL.search(phrase) if area is None else None
            if overall and (named := pillar()):
                area, phrase = resolve(named), overall.group(0)  # "received an overall grading of": its words
            if area is None:
                if s.how in LINE_RULES or len(phrase.split()) <= 8:
                    unread.append(Statement(phrase, s.grade, s.line, s.earlier, s.how))
                continue
            if s.grade == "ungraded" or (area.graded and s.grade in cycle.grades):
                own_words = resolve.exact_area(phrase) or resolve.close_spelling(phrase)
                candidates.append((0 if own_words else 1, order, Judgement(area.canonical, phrase, s.grade,
                                                                           s.line.place, how=s.how)))
    found: dict[str, Judgement] = {}
    for _, _, judgement in sorted(candidates, key=lambda c: c[:2]):
        found.setdefault(judgement.area, judgement)
    ordered = sorted(found.values(), key=lambda j: (j.place.page or 0, j.place.line or 0))
    return ordered, unread


CYCLE_YEARS = re.compile(r"(?<![\w/-])(?P<a>(?:19|20)\d\d)(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?P<b>(?:19|20)?\d\d))?(?![\w/])")


def earlier_only(fw: Frameworks, statements: list[Statement]) -> tuple[Cycle, list[Statement], str] | None:
    """A text that states grades only of an earlier inspection, which it dates by its cycle
    ("The force was last inspected in 2018/19, when it was rated 'good' for ..."), and names
    no cycle of its own, gives that inspection's grades: (the cycle, the statements as its
    own, the evidence), or None."""
    from briefing.extract.cycles import Calendar

    if not statements or any(not s.earlier for s in statements):
        return None
    calendar = Calendar(fw)
    named = {calendar.named(int(m.group("a")), int(m.group("b")) if m.group("b") else None)
             for s in statements for m in CYCLE_YEARS.finditer(s.line.text)} - {None}
    if len(named) != 1:
        return None
    cycle = fw.cycles[named.pop()]
    return (cycle, [replace(s, earlier=False) for s in statements],
            f"the only grades it states are those of the {cycle.short or cycle.name} inspection it names "
            f"(line {statements[0].line.line})")


OVERALL = re.compile(r"\boverall\s+(?:grade|grading|rating|judge?ment)\b", re.IGNORECASE)
PILLAR_REPORT = re.compile(r"\b(?:report|inspection|findings|assessment)\s+(?:in)?to\s+(?:the\s+)?(?:police\s+)?"
                           r"(?P<a>effectiveness|efficiency|legitimacy)\b(?!,|\s+(?:and|or)\s)|\bpeel:?\s+police\s+(?P<b>effectiveness|"
                           r"efficiency|legitimacy)\s+(?:19|20)\d\d\b|\bcovering\s+\W?(?P<c>effectiveness|efficiency|legitimacy)\b",
                           re.IGNORECASE)


def report_pillar(text: str) -> str | None:
    """The one pillar a text says its report is about ("their report into the Effectiveness
    of ...", "PEEL: Police Effectiveness 2017"), or None: an overall grade stated of such a
    report is that pillar's grade."""
    named = {next(g for g in m.groups() if g).lower() for m in PILLAR_REPORT.finditer(text)}
    return named.pop() if len(named) == 1 else None

