"""A report's type, from the words of its title first, then of the text's opening, by the
ordered cues of data/report_types.yaml (monitoring letters, revisit letters, the annual
assessment, national thematic reports, a force's own inspections, joint inspections).

Settled here, not in the cues: a text about a PEEL cycle (PEEL named, or grades read) is a
PEEL assessment unless it is a letter about one; a title naming one force is that force's
inspection ("The Metropolitan Police Service's handling of ...", "Stalking and
harassment: An inspection of Sussex Police ..."); a thematic report is a joint one only
where the text says the inspectorates worked together (naming another inspectorate is not
enough: a report may cite Ofsted's inspections, or the joint targeted area inspections,
a programme of their own).
"""

from __future__ import annotations

import re
from functools import cache

from briefing.reference import reference

PEEL_WORDS = re.compile(r"\bPEEL\b|effectiveness,\s+efficiency\s+and\s+legitimacy|efficiency,\s+effectiveness\s+and\s+"
                        r"legitimacy", re.IGNORECASE)
JOINT = re.compile(r"\bjoint(?:ly)?\b(?!\s+targeted)|\bparticipating\s+inspectorates?\b|\blead\s+inspectorate\b|\bpolice\s+and\s+(?:the\s+)?"
                   r"(?:cps|crown\s+prosecution\s+service)\b", re.IGNORECASE)
LETTERS = ("monitoring-letter", "revisit-letter")
HEADLINE_LINES = 3  # a page's headline and standfirst: where a letter's own page says what it is


@cache
def _cues() -> tuple[tuple[str, re.Pattern, bool], ...]:
    """(type, one pattern for its words, title only), from data/report_types.yaml."""
    return tuple((kind, re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE), title_only)
                 for kind, words, title_only in reference().type_cues)


def type_in_words(words: str, on_title: bool, skip: tuple = ()) -> str | None:
    """The first report type (data/report_types.yaml's order) whose words are in `words`;
    a type known only by its title's words counts only `on_title`."""
    return next((kind for kind, pattern, title_only in _cues()
                 if kind not in skip and (on_title or not title_only) and pattern.search(words)), None)


def report_type(page, title: str, peel: bool, graded: bool = False) -> str:
    """The report's type: from its title's words first; then, for a text about a PEEL
    cycle (PEEL named, or grades read), a PEEL assessment unless it is a letter about one;
    else from the opening's words. A letter's words count in the opening only in its
    headline: a PEEL report's news that says further down that the force left Engage is
    the report's. A text with no words of any type is a PEEL assessment where it names a
    PEEL cycle (`peel`), else a named force's inspection or other."""
    if title:
        kind = _by_title(title, page, graded)
        if kind:
            return kind
    force_words = next(pattern for kind, pattern, _ in _cues() if kind == "force-inspection")
    topic = force_words.search("\n".join([title, *page.body[:1]]))  # the heading: a later line may mention custody
    about_peel = bool(PEEL_WORDS.search(page.opening) or "peel" in page.address or (graded and not topic))
    kind = type_in_words(page.opening, on_title=False)
    if kind in LETTERS and type_in_words("\n".join(page.body[:HEADLINE_LINES]), on_title=False) not in LETTERS:
        kind = type_in_words(page.opening, on_title=False, skip=LETTERS)
    if kind:
        return "peel" if about_peel and kind not in LETTERS else _joint_or(kind, page.opening, page)
    if about_peel or peel:
        return "peel"  # no words of another type, and the text names a PEEL cycle
    if _joint(page):
        return "joint-thematic"
    return "force-inspection" if _names_a_force(title or "\n".join(page.body[:4])) else "other"


def _by_title(title: str, page, graded: bool) -> str | None:
    """The type the title's words give; a PEEL title over a text that grades the force is a
    PEEL source, whatever else it says ("PEEL spotlight report: ..." restating its grades)."""
    kind = type_in_words(title, on_title=True)
    if kind in (*LETTERS, "other"):
        return kind
    if graded and PEEL_WORDS.search(title):
        return "peel"
    if _names_a_force(title) and not PEEL_WORDS.search(title) and not title.endswith("."):
        return "force-inspection"
    if kind == "thematic" and JOINT.search(title):
        return "joint-thematic"  # "A joint thematic inspection of ...": the title says so
    if kind:
        return _joint_or(kind, title, page)
    return "peel" if PEEL_WORDS.search(title) else None


def _joint_or(kind: str, words: str, page) -> str:
    if kind == "thematic" and _joint(page):
        return "joint-thematic"
    if kind == "joint-thematic" and _names_a_force(words):
        return "force-inspection"  # a force's own inspection done with another inspectorate (custody)
    return kind


def _joint(page) -> bool:
    """Two inspectorates named, and the text says they worked together."""
    from briefing.extract.reports import inspectorates_of

    return len(inspectorates_of(page.opening)) >= 2 and bool(JOINT.search(page.opening))


def _names_a_force(text: str) -> bool:
    from briefing.extract.forces import force_scores

    return bool(force_scores(text))
