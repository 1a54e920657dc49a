"""Which inspection cycle a text is about, weighed from every cue it gives.

Most texts people write never name the cycle; they give dates. So the cues are rules of
one group (CYCLE_RULES), each yielding weighted votes with their reasons, from the
strongest: the cycle named (named.py: a label, the source address, a heading, an
ordinal, an alias); the dates the text gives (dated.py: when it was inspected, when
published, what it puts in the past, the inspectorate's name); the scale ("adequate"
exists only from 2021/22, pillar grades only until 2018/19); and area wordings found in
only some frameworks (at most 2, and never enough alone). Settling is one step after
them: a cycle is settled only when a cue other than area wordings supports it; otherwise
it stays unsettled and the extraction says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from briefing.extract.cycles import dated, named
from briefing.extract.cycles.calendar import Calendar, cycle_published, span
from briefing.extract.cycles.cues import Cue, Cues, said
from briefing.extract.made import once
from briefing.extract.phrases import Phrases
from briefing.extract.ruler import KEEP_ALL, Ruler, whole_text
from briefing.frameworks import Frameworks, normalise
from briefing.places import PublicationDate

ADEQUATE = re.compile(r"['\u2018\"\u201c]adequate['\u2019\"\u201d]|\b(?:rated|graded|judged|assessed|found|ranked|rates|be|"
                      r"as|was|is|are|were)\s+(?:as\s+)?adequate\b|\badequate\s+(?:in|at|for|across)\s+(?:\w+\s+)?"
                      r"(?:areas?|categor)", re.IGNORECASE)


@whole_text
def scale(c: Cues):
    """ "adequate" exists only from PEEL 2021/22; pillar grades only until 2018/19."""
    main = c.cal.main
    if c.graded_adequate or ADEQUATE.search(c.ctx.text):
        yield from said(*(Cue(cycle.id, 1, 'the grade "adequate" (five-tier scale)', "scale") for cycle in main
                          if cycle.scale == "five-tier"))
    if c.pillars_graded:
        yield from said(*(Cue(cycle.id, 1, "grades for the effectiveness, efficiency and legitimacy pillars (until "
                              "2018/19)", "scale") for cycle in main if cycle.scale == "four-tier"))
    if c.pillars_graded >= 2:  # an integrated report grades the pillars together; earlier ones had one report each
        yield from said(*(Cue(cycle.id, 0.5, "two or more pillars graded in one report (the integrated assessment)",
                              "scale") for cycle in main if cycle.integrated))


@whole_text
def wording(c: Cues):
    """Area wordings only some frameworks use ("recording data about crime"): at most 2 a cycle."""
    wordings = once(_long_wordings, c.ctx.frameworks)
    held = _wording_phrases(frozenset(wordings)).present(c.folded.replace("antisocial", "anti social"))
    capped: dict[str, float] = defaultdict(float)
    for key, cycles in wordings.items():
        if key not in held or len(cycles) > 3:
            continue
        for cid in cycles:
            weight = min(1.0, 1 / len(cycles))
            if capped[cid] < 2:
                capped[cid] += weight
                yield from said(Cue(cid, weight, f'the area wording "{key}"', "wording"))


def _long_wordings(fw: Frameworks) -> dict[str, set[str]]:
    """Each area wording of 18 characters or more, normalised, with every cycle that uses it."""
    wordings: dict[str, set[str]] = defaultdict(set)
    for cycle in fw.cycles.values():
        if cycle.variant_of:
            continue
        for area in cycle.areas:
            for words in area.wordings():
                key = normalise(words)
                if len(key) >= 18:
                    wordings[key].add(cycle.id)
    return wordings


@lru_cache(maxsize=4)
def _wording_phrases(keys: frozenset[str]) -> Phrases:
    """The area wordings, found whole in a text folded by normalise() (letters, digits and
    apostrophes between single spaces)."""
    return Phrases(keys, word_chars="abcdefghijklmnopqrstuvwxyz0123456789'")


CYCLE_RULES = Ruler([
    ("label", named.label),
    ("address", named.address),
    ("heading", named.heading),
    ("ordinal", named.ordinal),
    ("alias", named.alias),
    ("inspected", dated.inspected),
    ("wording", wording),
    ("published", dated.published),
    ("page-date", dated.page_dated),
    ("scale", scale),
    ("later", dated.later),
    ("since", dated.since),
    ("graded-in", dated.graded_in),
    ("naming", dated.naming),
    ("next-report", dated.next_report),
], repeats=KEEP_ALL)

SETTLING = {"label", "address", "heading", "ordinal", "alias", "inspected", "published", "page-date", "since"}


def detect_cycle(ctx, published: tuple | None = None, graded_adequate: bool = False, pillars_graded: int = 0,
                 earlier_years: list[int] = (), rules: Ruler = CYCLE_RULES) -> tuple[str | None, list[Cue]]:
    """The cycle the text is about (or None) and every cue, strongest first."""
    cues = rules.read(Cues(ctx, published, graded_adequate, pillars_graded, list(earlier_years))).statements
    cues = [c for c in cues if not _before_framework(ctx.frameworks.cycles[c.cycle], published)]
    return settle(cues, ctx.frameworks), sorted(cues, key=lambda c: -c.weight)


def _before_framework(cycle, published: tuple | None) -> bool:
    """A text out before a cycle's framework was published (PEEL 2025-27's, 11 April 2025)
    is about no inspection of it: its grades and dates are an earlier cycle's."""
    if not published or cycle.framework_published is None:
        return False
    year, month, day = (*published, None, None)[:3]
    latest = PublicationDate(year, month, day).latest
    return latest is not None and latest < cycle.framework_published


def totals_of(cues: list[Cue]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for cue in cues:
        totals[cue.cycle] += cue.weight
    return totals


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


NAMING = {"label", "address", "heading", "ordinal", "alias"}


def names_cycle(cues: list[Cue], cid: str) -> bool:
    """The text names the cycle (a label, its address, a heading, an ordinal or an alias),
    not only dates, wordings or the scale."""
    return any(c.cycle == cid and c.weight > 0 and c.kind in NAMING for c in cues)


WEAK_KINDS = {"wording": "its area wordings", "scale": "its grade scale", "naming": "the inspectorate's name",
              "later": "what it puts in the past"}


def weakly_settled(cues: list[Cue], cycle) -> str:
    """A warning where the cycle (a frameworks.Cycle) rests on no date, label, address or
    heading, only on area wordings, the scale and the like: the user should check it; else ""."""
    kinds = {c.kind for c in cues if c.cycle == cycle.id and c.weight > 0}
    if kinds & SETTLING:
        return ""
    named = [WEAK_KINDS.get(k, k) for k in sorted(kinds)]
    said = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    return f"the cycle ({cycle.name}) was settled only from {said}, with no date, label, address or heading naming it; " \
           "check it, or give --cycle"


__all__ = ["CYCLE_RULES", "Calendar", "cycle_published", "Cue", "Cues", "detect_cycle", "names_cycle", "settle", "span",
           "weakly_settled"]
