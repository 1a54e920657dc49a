"""Cues from the dates a text gives, mapped to cycles by the spans of data/frameworks.yaml:

- inspected: when the inspection took place ("In January 2022, we inspected ...") by each
  cycle's `inspected` months;
- published: when the report was published, by each cycle's `years` (a cycle whose
  reports did not come out then is less likely: late reports exist);
- later: what the text puts in the past ("rated inadequate in 2016", "since our last
  inspection in 2022") makes the cycle a later one;
- next-report: "its next inspection report, due to be published in early 2024";
- naming: the inspectorate's name dates the page (data/language.yaml's renamings).
"""

from __future__ import annotations

import re

from briefing.extract.cycles.calendar import YEAR, span
from briefing.extract.cycles.cues import Cue, Cues, said, sentences_of, spread
from briefing.extract.cycles.named import AFTER_PROGRAMME, BEFORE_PROGRAMME
from briefing.extract.dates import dateline
from briefing.extract.grades.grammar import EARLIER
from briefing.extract.language import PARTS_OF_YEAR, inspectorate_naming, renamed
from briefing.extract.ruler import whole_text

INSPECTED = re.compile(rf"\b(?:we|hmicfrs|hmic|inspectors)\s+(?:re)?inspected\b|\binspection\s+(?:visits?\s+)?"
                       rf"(?:was\s+|were\s+)?(?:carried out|took place|completed|conducted)|\binspected\s+(?:[A-Z][\w&'-]*\s+)"
                       rf"{{0,4}}(?:in|during|between|from)\b|\bfieldwork\b|\bwe\s+(?:conducted|carried out)\s+(?:an?|our)\s+"
                       rf"(?:\w+\s+){{0,3}}(?:inspection|assessment)|\ban?\s+inspection\s+(?:in|during)\s+(?:[A-Z][a-z]+\s+)?{YEAR}\b"
                       rf"|\b(?:identified|issued|raised)\s+(?:\w+\s+){{0,2}}causes?\s+of\s+concern", re.IGNORECASE)
# entering Engage follows an inspection: its date points, more weakly, to the cycle inspected then
ENGAGED = re.compile(r"\b(?:entered|moved\s+into|placed\s+(?:in|into))\s+(?:the\s+)?(?:\W?engage\W?|enhanced)", re.IGNORECASE)
SINCE = re.compile(rf"\b(?:since|after)\s+(?:our|the|its|it's)\s+(?:last|previous)\s+(?:[\w,()]+\s+){{0,6}}?(?P<noun>inspection|"
                   rf"report|assessment)\s+(?:in\s+)?(?P<y>{YEAR})\b|\b(?:last|previous)\s+(?:\w+\s+)?(?P<other>inspection|report|"
                   rf"assessment)\s+(?:in|of)\s+(?P<z>{YEAR})\b", re.IGNORECASE)
# a grade given in a year, said as news: "which in 2024 rated it inadequate", "In 2024, HMICFRS graded the force"
GRADED_IN = re.compile(rf"\b(?:in|during)\s+(?P<y>{YEAR}),?\s+(?:(?:it|they|hmicfrs|hmic|the\s+inspectorate|inspectors)\s+)?"
                       rf"(?:rated|graded|judged|assessed)\b", re.IGNORECASE)
PAST_TENSE = re.compile(r"\b(?:was|were|had|has\s+been|have\s+been)\b", re.IGNORECASE)
OWN_DATED = re.compile(rf"\bin\s+(?:our|its|the)\s+(?P<y>{YEAR})\s+(?:peel\s+)?(?:inspection|report|assessment)\b",
                       re.IGNORECASE)
NEXT_REPORT = re.compile(rf"\bnext\s+(?:peel\s+)?(?:inspection\s+)?report\b[^.]{{0,60}}?\b(?:due|expected|to be)\b[^.]{{0,30}}?"
                         rf"\bpublished\s+(?:in\s+)?(?:(?:the\s+)?(?P<part>{'|'.join(PARTS_OF_YEAR)})(?:\s+of)?\s+)?(?P<y>{YEAR})\b",
                         re.IGNORECASE)


A_YEAR = re.compile(rf"\b({YEAR})\b")
IN_OUR_YEAR = re.compile(rf"^\W*in\s+(?:our|its|the)\s+{YEAR}\b", re.IGNORECASE)  # "In our 2022 PEEL inspection"
INSPECTED_WEIGHT = 2.0  # when the inspection took place names its cycle better than when a page about it came out
ENGAGED_WEIGHT = 1.5  # when the force entered Engage: soon after the inspection that found its causes of concern


@whole_text
def inspected(c: Cues):
    """ "Between 17 May and 11 June 2021, we inspected ...", "In January 2024, we inspected
    ...", "inspected in September 2023"."""
    for line in c.dated:
        for sentence in sentences_of(line):
            inspected, engaged = INSPECTED.search(sentence), ENGAGED.search(sentence)
            year = A_YEAR.search(sentence) if (inspected or engaged) and not EARLIER.search(sentence) else None
            if year:
                yield from spread(c.cal.inspected_in(int(year.group(1))), INSPECTED_WEIGHT if inspected else ENGAGED_WEIGHT,
                                  f'"{sentence.strip()[:80]}" (line {line.line}): inspected in {year.group(1)}',
                                  "inspected")
                return


@whole_text
def published(c: Cues):
    """The publication date read: the cycles whose reports came out then."""
    if not c.published:
        return
    cal = c.cal
    year, month = c.published[0], c.published[1] if len(c.published) > 1 else None
    when = f"{year}-{month:02d}" if month else str(year)
    fits = cal.published_in(year, month) or cal.published_in(year)
    late = [cid for cid in cal.late_in(year, month) if cid not in fits]
    yield from spread(fits, 1.0, f"published in {when}", "published")
    yield from said(*(Cue(cid, 0.25, f"published in {when}, when only a late report of it came out", "published")
                      for cid in late))
    if fits:  # a cycle whose reports did not come out then is unlikely, not impossible (late reports)
        yield from said(*(Cue(cycle.id, -0.75, f"not published in {when}", "published") for cycle in cal.main
                          if cycle.id not in fits and cycle.id not in late))


@whole_text
def later(c: Cues):
    """What the text puts in the past makes the cycle a later one: "rated inadequate in
    2016", "since our last inspection in 2022", "In our 2022 PEEL inspection, we found" in
    a text of 2025."""
    published_year = c.published[0] if c.published else None
    years = list(c.earlier_years)
    for line in c.dated:
        for sentence in sentences_of(line):
            if EARLIER.search(sentence) or IN_OUR_YEAR.match(sentence):
                years += [int(m.group("a")) for p in (AFTER_PROGRAMME, BEFORE_PROGRAMME) for m in p.finditer(sentence)]
            if published_year:
                years += [int(m.group("y")) for m in OWN_DATED.finditer(sentence) if int(m.group("y")) < published_year]
    past = [cycle for cycle in (c.cal.of_past_year(y) for y in years) if cycle is not None] + _last(c)
    if past:
        latest = max(past, key=lambda cycle: cycle.order)
        yield from said(*(Cue(cycle.id, -1.5, f"the text speaks of {latest.short or latest.name} as past", "later")
                          for cycle in c.cal.main if cycle.order <= latest.order))


def _last(c: Cues) -> list:
    """The cycles of the last inspection the text names ("since our last inspection in
    2022"; "the previous report in 2016" is of the cycle whose reports came out then,
    the earliest of them)."""
    out = []
    for line in c.dated:
        for m in SINCE.finditer(line.text):
            year, noun = int(m.group("y") or m.group("z")), (m.group("noun") or m.group("other")).lower()
            published = [c.cal.fw.cycles[cid] for cid in c.cal.published_in(year)]
            cycle = min(published, key=lambda cycle: cycle.order) if noun == "report" and published else \
                c.cal.of_past_year(year)
            out += [cycle] if cycle else []
    return out


@whole_text
def since(c: Cues):
    """ "since its last PEEL report in 2022": the text is about the cycle after that one."""
    past = _last(c)
    following = c.cal.after(max(past, key=lambda cycle: cycle.order)) if past else None
    if following:
        last = max(past, key=lambda cycle: cycle.order)
        yield from said(Cue(following.id, 1.5, f"the text follows the last inspection, {last.short or last.name}",
                            "since"))


@whole_text
def graded_in(c: Cues):
    """ "which in 2024 rated it inadequate": grades given that year, said as news, are of a
    cycle whose reports came out then (a grade the text puts in the past is not: later)."""
    for line in c.dated:
        for sentence in sentences_of(line):
            found = GRADED_IN.search(sentence)
            if found and not EARLIER.search(sentence) and not PAST_TENSE.search(sentence[max(0, found.start() - 30):found.end()]):
                year = int(found.group("y"))
                yield from spread(c.cal.published_in(year), 1.0, f'"{found.group(0)}" (line {line.line})', "published")
                return


@whole_text
def page_dated(c: Cues):
    """The page's own dateline ("Jan 29, 2025" under a news headline), where no publication
    date was read: a page is written when its report comes out, or after."""
    dated = None if c.published else dateline(c.ctx.page.top_lines)
    if dated:
        year, month = dated[0], dated[1]
        when = f"{year}-{month:02d}" if month else str(year)
        yield from spread(c.cal.published_in(year, month) or c.cal.published_in(year), 1.0,
                          f"the page is dated {when}", "page-date")


@whole_text
def next_report(c: Cues):
    """ "more detail ... in its next inspection report, due to be published in early 2024":
    the text is about the cycle whose report is still to come."""
    for line in c.dated:
        found = NEXT_REPORT.search(line.text)
        if found:
            month = PARTS_OF_YEAR.get((found.group("part") or "").lower())
            year = int(found.group("y"))
            yield from spread(c.cal.published_in(year, month) or c.cal.published_in(year), 1.0,
                              f'"{found.group(0)[:70]}" (line {line.line})', "published")
            return


@whole_text
def naming(c: Cues):
    """The inspectorate's name dates the page (HMIC until July 2017, HMICFRS after; "Her
    Majesty's" until September 2022, "His Majesty's" after). A page cannot be about a
    cycle whose reports came out after it, and a news story is written when its report
    comes out."""
    for name, side in inspectorate_naming(c.ctx.text).items():
        before, after, day = renamed(name)
        month, when = (day.year, day.month), day.strftime("%B %Y")
        if side == "before":
            yield from said(*(Cue(cycle.id, -1.5, f"the inspectorate is named {before} (before {when})", "naming")
                              for cycle in c.cal.main if span(cycle.years, cycle.id)[0] > month))
        else:
            yield from said(*(Cue(cycle.id, 0.25, f"the inspectorate is named {after} (from {when})", "naming")
                              for cycle in c.cal.main if span(cycle.years, cycle.id)[1] >= month))
