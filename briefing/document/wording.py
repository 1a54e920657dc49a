"""How facts read in a pack: deadlines relative to the paper's date, figures with their
units, whole sentences, and what a gap in a source means for a claim."""

from __future__ import annotations

import re
from datetime import date

from briefing.compare import Comparison
from briefing.compare.grades import GradeChange
from briefing.compare.states import NAMED_ALL, AreaState
from briefing.model import KIND_LABELS, KIND_PLURALS, KeyFigure
from briefing.phrases import (
    STATE_WORDS,
    area_state_words,
    long_date,
    movement_words,
    unmatched_new_words,
    unmatched_words,
)
from briefing.places import PublicationDate
from briefing.sources import with_article


def movement_text(change: GradeChange, later: str) -> str:
    """ "up 2 grades", "not known", "down, by the counts", "not a PEEL 2021/22 area" (`later` names the later cycle)."""
    if change.bound:
        return movement_words(f"counted-{change.bound}")
    return movement_words(change.movement, change.steps, change.new_state.why, later)


def side_text(state: AreaState, cycle: str) -> str:
    """One side of a grade row: the grade, "not graded", "not stated" (`cycle` names the side's cycle)."""
    if state.rest:  # "all other graded areas were adequate": its grade if it was graded, no more
        return STATE_WORDS["rest"].format(grade=" or ".join(state.rest))
    if state.elsewhere:  # a separate inspection's grade the source states beside PEEL's
        return STATE_WORDS["separately"].format(grade=state.elsewhere)
    if state.why == NAMED_ALL:  # the source's count of graded areas and the areas it names leave it out
        return STATE_WORDS[NAMED_ALL]
    return area_state_words(state.state, state.grade, state.why, cycle)


def area_label(area_name: str) -> str:
    """The canonical area's name, or a plain phrase for a finding tied to no area."""
    return area_name or "Not tied to an area"


def s55_status(due: date | None, today: date) -> str:
    """A predicate for "The PCC's response ...": "is due in 12 days (11 April 2024)", "is due
    today (...)", or "was due 11 April 2024" (the s.55 section says once what to check)."""
    if due is None:
        return ""
    days = (due - today).days
    if days > 1:
        return f"is due in {days} days ({long_date(due)})"
    if days == 1:
        return f"is due tomorrow ({long_date(due)})"
    if days == 0:
        return f"is due today ({long_date(due)})"
    return f"was due {long_date(due)}"


def sentence(text: str) -> str:
    """Capital first letter, the rest as written (str.capitalize would lower "PEEL")."""
    return text[:1].upper() + text[1:]


def figure_value(value: str, unit: str) -> str:
    """ "20%", "4.2 per 1,000": a percent sign sits on its number, other units one space away."""
    if not value:
        return ""
    unit = unit.strip()
    if not unit or unit in value or not re.fullmatch(r"[<>~]?\s*[-+]?[\d,]*\.?\d+", value.strip()):
        return value  # a comparator in words ("highest in England and Wales") takes no unit
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def figure_cells(figure: KeyFigure) -> tuple[str, str]:
    return figure_value(figure.value, figure.unit), figure_value(figure.comparator, figure.unit)


def whole_sentences(text: str, limit: int = 260) -> str:
    """The opening sentences of a finding that fit in `limit` characters, never cut mid-word:
    the first sentence whole when even it is longer."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text.strip())
    out = parts[0]
    for part in parts[1:]:
        if len(out) + 1 + len(part) > limit:
            break
        out += " " + part
    return out


def new_words(c: Comparison) -> str:
    """ "new", or "not in the earlier source used" where the older source does not list every finding."""
    return unmatched_new_words(c.new_confirmed)


def unmatched_heading(c: Comparison) -> str:
    words = unmatched_words(c.unmatched_confirmed)
    return sentence(words) if c.unmatched_confirmed else f"Earlier findings {words}"


def report_to_check(c: Comparison, side=None) -> str:
    """The full report a reader takes what the source lacks from: the newer inspection's, or `side`'s."""
    side = side or c.new
    return side.report or f"the full HMICFRS report of the {side.cycle_name} inspection"


def published_words(iso: str) -> str:
    """ "published 16 February 2024", "published in March 2018", "publication date not stated"."""
    published = PublicationDate.from_iso(iso)
    if not published.known:
        return "publication date not stated"
    return f"published {published}" if published.exact else f"published in {published}"


def unmatched_phrase(c: Comparison, n: int) -> str:
    """What the count of unmatched earlier findings may claim, given the newer source; a finding
    raised again in part only (FindingRef.concerns) is counted so."""
    partly = sum(1 for f in c.resolved if f.concerns)
    findings = f"{number(n)} earlier {'finding is' if n == 1 else 'findings are'}"
    if partly:
        findings = (f"{findings}, in part," if partly == n == 1 else
                    f"{findings} ({'all' if partly == n else number(partly)} of them in part)")
    if c.unmatched_confirmed:
        return f"{findings} {unmatched_words(True)}"
    return (f"{findings} {unmatched_words(False)} for {c.new.cycle_name} "
            f"({with_article(c.new.source_kind_name)}, which does not list every finding)")


def since_text(first_raised: str, times: int, not_on_file: tuple[str, ...], earlier_unlisted: str = "") -> str:
    """ "raised in PEEL 2015 (February 2016) and in all 5 inspections on file since": `times`
    counts the first inspection too, so the ones since are one fewer."""
    since = times - 1
    later = "the one inspection" if since == 1 else f"all {since} inspections"
    gap = ""
    if not_on_file:
        gap = f" ({join_words(not_on_file)} {'is' if len(not_on_file) == 1 else 'are'} not on file)"
    before = (f"; the source on file for {earlier_unlisted}, before it, does not list every finding, so it may go "
              "back further" if earlier_unlisted else "")
    return f"raised in {first_raised} and in {later} on file since{gap}{before}"


def join_words(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(n: int, zero: str = "none") -> str:
    """ "none" (or `zero`: "no" before a noun), "one" ... "ten", then digits: a count as a sentence says it."""
    return zero if n == 0 else NUMBER_WORDS[n - 1] if 0 < n <= len(NUMBER_WORDS) else str(n)


def kinds_in_words(kind: str, n: int) -> str:
    """ "one area for improvement", "two causes of concern", "18 areas for improvement": a count
    of one kind of finding as a sentence says it."""
    return f"{number(n)} {KIND_LABELS[kind].lower() if n == 1 else KIND_PLURALS[kind]}"


def plural(n: int, noun: str, nouns: str = "") -> str:
    """ "1 report", "3 reports", "2 earlier reports": the count with its noun agreeing."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def inspectorate_name(published: PublicationDate) -> str:
    """The inspectorate as it was named when the report came out (data/language.yaml's
    renamings): "Her Majesty's Inspectorate of Constabulary (HMIC)" before fire and rescue
    joined it, "Her Majesty's" until 8 September 2022, "His Majesty's" after, and "HM" where
    the date does not settle which. A 2022 custody report's draft said "His Majesty's"
    (review 11, item 9)."""
    from briefing.extract.language import renamed

    _, _, joined = renamed("fire-and-rescue")
    her, his, acceded = renamed("monarch")
    first, last = published.earliest, published.latest
    body = "Inspectorate of Constabulary (HMIC)" if last and last < joined else \
        "Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)"
    who = her if last and last < acceded else his if first and first >= acceded else "HM"
    return f"{who} {body}"
