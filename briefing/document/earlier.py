"""What the pack says of the earlier inspection's findings, from the comparison's typed
values: which persist (and since when), which the newer source does not list, and what
that source says of them in its own words: that they carry on ("still has challenges in
these areas") or that the force has improved on them. Said the same on page 1, in the
summary, the findings sections and the questions."""

from __future__ import annotations

from briefing.compare import Comparison
from briefing.compare.grades import WEAK
from briefing.compare.summaries import place_text
from briefing.document.wording import (
    join_words,
    new_words,
    number,
    sentence,
    since_text,
    unmatched_phrase,
)
from briefing.phrases import continuing_words
from briefing.sources import with_article


def continuing_line(c: Comparison) -> str:
    """What the newer source says carries on from before, where no earlier finding on file
    matches it, or "": said beside "no concern persists", which alone would reassure."""
    if not c.continuing:
        return ""
    one = len(c.continuing) == 1
    first = c.continuing[0]
    lead = (f"The {c.new.cycle_name} source says one of its findings carries on from before (\u201c{first.continues}\u201d), "
            "though this pack does not match it to an earlier finding on file" if one else
            f"The {c.new.cycle_name} source says {number(len(c.continuing))} of its findings carry on from before, though "
            "this pack does not match them to earlier findings on file; the first")
    return f"{lead}: \u201c{first.text}\u201d"


def persisting_line(c: Comparison) -> str:
    line = _persisting(c)
    return f"{line} {continuing_line(c)}" if c.continuing else line


def _persisting(c: Comparison) -> str:
    if not c.persisting and ongoing(c):  # the newer source's own word that earlier concerns carry on
        n = len(ongoing(c))
        return (f"No finding is matched in both sources, but the {c.new.cycle_name} source says the force still falls "
                f"short in the areas of {number(n)} {c.old.cycle_name} finding{'s' if n != 1 else ''} (below): "
                f"{'that concern carries' if n == 1 else 'those concerns carry'} on.")
    if not c.persisting and c.continuing:  # never "no concern raised in both" beside "this carries on from before",
        # which the next sentence says
        return f"No finding of the {c.old.cycle_name} source used is matched to one of the {c.new.cycle_name} source."
    if not c.persisting:
        if c.old.findings_complete and c.new.findings_complete and not c.continuing:
            return "No concern from the earlier inspection is raised again."
        if c.old.findings_complete and c.new.findings_complete:
            return "No finding of the earlier inspection is matched to one of the later."
        partial = [s for s in (c.old, c.new) if not s.findings_complete]
        known = join_words([f"{s.cycle_name} is known from {with_article(s.source_kind_name)}" for s in partial])
        which = "which does not list" if len(partial) == 1 else "neither of which lists"
        if len(partial) == 2 and c.old.source_kind_name == c.new.source_kind_name:  # one kind, said once
            known = (f"{c.old.cycle_name} and {c.new.cycle_name} are each known from "
                     f"{with_article(c.new.source_kind_name)}")
            which = "which does not list"
        return (f"No finding of the {c.old.cycle_name} source used is matched to one of the {c.new.cycle_name} source, "
                f"but {known}, {which} every finding: this does not show that none persists.{_weak_in_both(c)}")
    longest = max(c.persisting, key=lambda p: (p.times_raised, p.score))
    since = since_text(longest.first_raised, longest.times_raised, longest.not_on_file, longest.earlier_unlisted)
    if c.persisting_count == 1:
        return f"One concern persists from the earlier inspection. It was {since}: \u201c{longest.new.text}\u201d"
    unique = sum(1 for p in c.persisting if p.times_raised == longest.times_raised) == 1
    which = "The longest-standing on file was" if unique else "One of them was"
    return (f"{number(c.persisting_count).capitalize()} concerns persist from the earlier inspection. {which} "
            f"{since}: \u201c{longest.new.text}\u201d")


def _weak_in_both(c: Comparison) -> str:
    """ " Responding to the public and investigating crime are graded requires improvement or
    inadequate in both inspections: concerns there may persist.", or "": beside findings that
    do not match, grades that stayed weak are the plainest sign a concern carries on (review 13,
    item 8: Avon and Somerset's summary said "no concern raised in both" beside three such areas)."""
    weak = [g for g in c.grade_changes if g.old_grade in WEAK and g.new_grade in WEAK]
    if not weak:
        return ""
    names = [g.area_name for g in weak]
    said = join_words([names[0], *(n[:1].lower() + n[1:] for n in names[1:])])
    grades = " or ".join(w for w in WEAK if any(w in (g.old_grade, g.new_grade) for g in weak))  # as graded (review 14, 15)
    return (f" {said} {'is' if len(names) == 1 else 'are'} graded {grades} in both inspections: concerns there may "
            "persist.")


def findings_line(c: Comparison, quoted: bool = False) -> str:
    """What the newer source's findings are beside the older's; `quoted` (page 1, where no other
    sentence says it) says which the source says carry on, quoting a lone one, which the
    summary's paragraph before says and quotes already (review 14, item 10 and review 15,
    item 17: Humberside's summary said it twice)."""
    fresh, n = len(c.new_findings) - len(c.continuing), len(c.continuing)
    parts = [f"{number(fresh)} {'finding is' if fresh == 1 else 'findings are'} {new_words(c)}"] if fresh else \
        [] if n else [f"every finding of the {c.new.cycle_name} source has a counterpart in the earlier one"]
    if n and quoted:  # in the source's words ("still isn't ..."), though no earlier finding on file matches it
        parts.append(f"{number(n)} {'finding is' if n == 1 else 'findings are'} {continuing_words()} in "
                     "the source's words"
                     # the one concern a source says carries on, named where it is said (review 13, item 14)
                     + (f": \u201c{c.continuing[0].text.rstrip('.')}\u201d" if n == 1 and fresh == 0 else ""))
    later = (f"; the {c.new.cycle_name} source lists no findings" if not c.new.findings else
             f"; {' and '.join(parts)}" if parts else "")
    if not c.old.findings:
        return f"The {c.old.cycle_name} source lists no findings{later}."
    if not c.resolved:
        return f"Every finding of the {c.old.cycle_name} source is raised again{later}."
    return f"{sentence(unmatched_phrase(c, len(c.resolved)))}{later}.{improved_words(c)}"


def ongoing(c: Comparison) -> list:
    """The earlier findings the newer source does not list but says the force still falls
    short in ("still has challenges in these areas"), where it says so."""
    return [f for f in c.resolved if f.improved and f.improved.ongoing]


def ongoing_lines(imp) -> str:
    """ "lines 7-8": where the areas are named and where the source says they still fall short."""
    first = imp.named_at.line if imp.named_at and imp.named_at.line else imp.place.line
    last = imp.place.line
    if last is None:
        return ""
    return f"line {last}" if first in (None, last) else f"lines {first}-{last}"


def _which(c: Comparison, said: list, one: str) -> str:
    n = len(said)
    if len(c.resolved) == 1:
        return one
    if n == 1:
        return "one of them"
    return ("both" if n == 2 else f"all {number(n)}") if n == len(c.resolved) else f"{number(n)} of them"


def ongoing_words(c: Comparison, one: str = "that finding", quoted: bool = False) -> str:
    """What the newer source says still falls short in the areas of earlier findings it does
    not list, in its words and lines: treat them as ongoing and ask what is left to do, never
    "cannot show whether they were addressed"."""
    said = ongoing(c)
    if not said:
        return ""
    first = said[0].improved
    words = f" \u201c{first.text}\u201d" if quoted else ""
    where = ongoing_lines(first)
    which = _which(c, said, one)
    return (f" The {c.new.cycle_name} source says the force \u201c{first.ongoing}\u201d{f' ({where})' if where else ''}, "
            f"{'its areas' if which == 'it' else f'the areas of {which}'}:{words} {'Treat' if quoted else 'treat'} "
            f"{'it' if len(said) == 1 else 'them'} as ongoing and ask what is left to do.")


def improved_words(c: Comparison, one: str = "that finding", quoted: bool = False) -> str:
    """What the newer source says the force improved, of the earlier findings it does not
    list: its own word, with its line, beside "that does not show it was resolved"; `one` is
    how a lone finding is named, `quoted` gives the source's words too. What it says still
    falls short there comes first (ongoing_words)."""
    return ongoing_words(c, one, quoted) + _improved_words(c, one, quoted) + worked_on_words(c)


def worked_on_words(c: Comparison) -> str:
    """HMICFRS's words of its earlier concerns as a whole ("the force has made significant
    efforts to address the concerns and areas for improvement we identified"), quoted with
    its line, where earlier findings are not in the newer source: efforts, not a finding
    resolved, so the pack asks what the efforts achieved."""
    unknown = [f for f in c.resolved if not f.improved and not f.closed]
    if not c.worked_on or not unknown or c.unmatched_confirmed:
        return ""
    said = c.worked_on[0]
    where = f" ({place_text(said.place)})" if place_text(said.place) else ""
    return (f" HMICFRS says{where}: \u201c{said.text}\u201d That is efforts made, not that "
            f"{'it was' if len(unknown) == 1 else 'they were'} resolved: ask what the efforts achieved.")


def improved_verb(said) -> str:
    """What the newer source says of the earlier findings it speaks to: "has improved", or "has
    made efforts to improve" where that is all it says of them (Improvement.efforts_only), or both
    where it says each of some."""
    efforts = [i.efforts_only for i in said]
    return "has made efforts to improve" if all(efforts) else "has improved" if not any(efforts) else \
        "has improved, or made efforts to improve,"


def _improved_words(c: Comparison, one: str, quoted: bool) -> str:
    said = [f for f in c.resolved if f.improved and not f.improved.ongoing]
    if not said:
        return ""
    lines = join_words([f"line {f.improved.place.line}" for f in said if f.improved.place.line])
    which = one if len(c.resolved) == 1 else "one of them" if len(said) == 1 else f"{number(len(said))} of them"
    words = f" \u201c{said[0].improved.text}\u201d" if quoted else ""
    return (f" The {c.new.cycle_name} source says the force {improved_verb([f.improved for f in said])} on {which}{f' ({lines})' if lines else ''}:"
            f"{words} {'Ask' if quoted else 'ask'} {_ask(f.improved for f in said)}.")


def _ask(said) -> str:
    """What to ask of the newer source's words on earlier findings: whether an improvement it
    states is sustained, or, where it says only that efforts were made, what they achieved."""
    return "what the efforts achieved" if all(i.efforts_only for i in said) else "whether the improvement is sustained"
