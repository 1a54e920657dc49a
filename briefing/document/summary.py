"""What the executive summary and the three headline lines may say, from the comparison's
typed values only: the weakest grades first (named or counted), a movement only between
two grades, a gap said as a gap, and no reassurance resting on missing evidence."""

from __future__ import annotations

from briefing.compare import Comparison
from briefing.compare.grades import GradeChange
from briefing.compare.states import DOWN, LATER, NEWLY, NO_LONGER, NOT_KNOWN, NOT_STATED, SAME, UP
from briefing.compare.summaries import place_text
from briefing.document.grades import counted_text, unnamed_counts
from briefing.document.wording import (
    join_words,
    kinds_in_words,
    new_words,
    number,
    report_to_check,
)
from briefing.phrases import continuing_words, unmatched_words


def areas(n: int) -> str:
    """ "one area", "four areas"."""
    return f"{number(n)} area{'s' if n != 1 else ''}"


def worst_downgrade(c: Comparison) -> GradeChange | None:
    downs = c.movements(DOWN)
    return min(downs, key=lambda g: g.steps) if downs else None


def weakest(c: Comparison) -> list[str]:
    """The sentences that lead: inadequate grades named, grades counted without names, and
    the causes of concern the newer source lists."""
    lines = []
    if not _graded(c.new, c.new_counts):  # the source may word them in ways the reader does not know
        lines.append(_unread(c, c.new))
    inadequate = [g.area_name for g in c.grade_changes if g.new_state.graded and g.new_grade == "inadequate"]
    if inadequate:
        lines.append(f"{c.new.cycle_name} graded the force inadequate at {join_words(inadequate)}.")
    counts = list(c.new_counts) if any(k.unnamed or not k.count for k in c.new_counts) else []  # all, the named too:
    if counts:  # "outstanding in six areas (all six named), good in two areas", not "good in two" as if that were all;
        # and "outstanding or good in no area" (the Met 2023-25), which names none as there are none to name
        names = "; it does not name the areas" if not any(k.named for k in counts) and any(k.unnamed for k in counts) \
            else ""
        lines.append(f"The {c.new.cycle_name} source says the force was graded "
                     f"{join_words([counted_text(k) for k in counts])}{names}{_counted_rest(c)}.")
    concerns = [f for f in c.new.findings if f.kind == "cause-of-concern"]
    if concerns:
        lines.append(f"The {c.new.cycle_name} source lists {kinds_in_words('cause-of-concern', len(concerns))}.")
    return lines


def unplaced(c: Comparison) -> tuple[str, list[str]]:
    """The grade words the reader saw in the newer source but could not tie to an area: a
    lead-in and one quoted line each, so a grade the pack cannot place is still said."""
    words = c.new.unplaced
    if not words:
        return "", []
    # a grade word, not a grade: "missed out on an Outstanding rating" is none (review 15, item 11: West Mercia)
    lead = (f"The {c.new.cycle_name} source uses {'a grade word' if len(words) == 1 else f'{number(len(words))} grade words'}"
            f" this pack could not tie to an area; check {'it' if len(words) == 1 else 'them'} against the report:")
    return lead, [f"\u201c{u.text}\u201d ({place_text(u.place) or 'place not recorded'}, the word \u201c{u.word}\u201d)"
                  for u in words]


def movement_lines(c: Comparison) -> list[str]:
    """How the grades moved, as far as two grades show it, and what is not known."""
    up, down, same = (len(c.movements(m)) for m in (UP, DOWN, SAME))
    compared = up + down + same
    lines, bounded = [], bounded_line(c)
    both = "both inspections" if stated_later_line(c) else "both sources"  # an earlier grade the newer source states
    if compared == 1:
        g = next(g for g in c.grade_changes if g.movement in (UP, DOWN, SAME))
        went = {UP: "went up", DOWN: "went down", SAME: "stayed the same"}[g.movement]
        lines.append(f"One area, {g.area_name}, is graded in {both}: it {went}.")
    elif compared:
        lines.append(f"Of the {number(compared)} areas graded in {both}, {number(up)} went up, {number(down)} went "
                     f"down and {number(same)} stayed the same.")
    elif bounded:
        lines.append(f"No area is graded by name in both sources. {bounded}")
    else:
        proven = c.falls_at_least or c.rises_at_least
        lines.append(("No area is graded by name in both sources, so no one area's movement can be shown." if proven
                      else "No area is graded in both sources, so no movement of a grade can be shown.") + _old_unread(c)
                     + _claimed(c))
    if compared and bounded:
        lines.append(bounded)
    lines += [stated_later_line(c)] if stated_later_line(c) else []
    if side_by_side(c):
        lines.append(side_by_side(c))
    newly, dropped = len(c.movements(NEWLY)), len(c.movements(NO_LONGER))
    if newly:
        lines.append(f"{areas(newly).capitalize()} {'is' if newly == 1 else 'are'} graded in {c.new.cycle_name} but "
                     f"{'was' if newly == 1 else 'were'} not graded in {c.old.cycle_name}.")
    if dropped:
        lines.append(f"{areas(dropped).capitalize()} graded in {c.old.cycle_name} {'is' if dropped == 1 else 'are'} "
                     f"not graded in {c.new.cycle_name}.")
    lines += _unknown(c)
    return lines


def _claimed(c: Comparison) -> str:
    """ " The PEEL 2023-25 source says: "... four had improved by two grades ..." (line 7); it
    names none of the areas": the newer source's own count of areas that moved, quoted beside
    "no movement can be shown", as a claim the pack cannot place (review 8, item 4: Greater
    Manchester's newsletter). HMICFRS's word on comparing the cycles is said beside it."""
    said = c.new.claimed
    if said is None:
        return ""
    return (f" The {c.new.cycle_name} source says: \u201c{said.text.rstrip('.')}\u201d ({place_text(said.place)}); "
            "it names none of the areas.")


def _old_unread(c: Comparison) -> str:
    """ " No grade ... was read from the PEEL 2021/22 source ...": said beside "no movement can be
    shown" where the older source of a graded cycle gave the reader nothing (a report opening
    whose table of grades is missing), so page 1 says why and where the grades are, as it does
    for the newer source; "" where it gave a grade or a count."""
    if _graded(c.old, c.old_counts) or not any(g.old_state.state == NOT_STATED for g in c.grade_changes):
        return ""
    return " " + _unread(c, c.old)


def _graded(side, counts) -> bool:
    """Whether the source gave the reader a grade or a count of grades."""
    return any(j.grade != "ungraded" for j in side.judgements) or bool(counts)


def _unread(c: Comparison, side) -> str:
    return (f"No grade and no count of grades was read from the {side.cycle_name} source: take them from "
            f"{report_to_check(c, side)}.")


def stated_later_line(c: Comparison) -> str:
    """The earlier grades the newer source states ("a significant improvement from the
    'inadequate' grading it received in this area"), each said as its words, with its line,
    beside the movement it makes: on page 1 too, since such a movement is often the largest."""
    return " ".join(_stated_later(c, g) for g in c.grade_changes if g.old_state.why == LATER)


def _stated_later(c: Comparison, g: GradeChange) -> str:
    where = place_text(g.old_state.stated.place) if g.old_state.stated else ""
    return (f"{g.area_name} went from {g.old_grade} to {g.new_grade}: the {c.old.cycle_name} grade is the "
            f"{c.new.cycle_name} source's{f' ({where})' if where else ''}; the {c.old.cycle_name} source on file "
            "does not state it.")


def _unknown(c: Comparison) -> list[str]:
    unknown = c.movements(NOT_KNOWN)
    lines = []
    if unknown:
        sides = [f"the {side.cycle_name} source states no grade for {areas(n)}{graded_words(side, counts)}"
                 for side, attr, counts in ((c.new, "new_state", c.new_counts), (c.old, "old_state", c.old_counts))
                 if (n := sum(1 for g in unknown if getattr(g, attr).state == NOT_STATED))]
        which = 'that area' if len(unknown) == 1 else f'those {number(len(unknown))} areas'
        each = "each of " if len(unknown) > 1 else ""  # "how that area moved" (review 13, item 22)
        how = f"how {each}{which} moved" if c.falls_at_least or c.rises_at_least else f"whether {which} moved"
        lines.append(f"{join_words(sides)[:1].upper()}{join_words(sides)[1:]}, so {how} is not known.")  # beside "at least five went up"
    return lines + [line for line in (falls_line(c), rises_line(c)) if line]


def graded_words(side, counts=()) -> str:
    """ " (it says eight areas were graded; it counts seven it does not name: six good and one
    adequate)": the source's own total, where it gives one, and the grades it counts without
    naming their areas (`counts`), beside the framework's areas it states no grade for, so
    "no grade for nine areas" is never read as nine areas ungraded (review 11, item 8)."""
    n, rest = side.areas_graded, side.rest
    said = [f"it says {number(n)} {'area was' if n == 1 else 'areas were'} graded"
            + (f" and names {'it' if n == 1 else 'them all'}" if side.names_its_total else "")] if n else []
    if unnamed := sum(k.unnamed for k in counts):
        said.append(f"it counts {number(unnamed)} it does not name: {unnamed_counts(counts)}")
    if rest:  # "all other graded areas were adequate": their grade, never how many or which
        said.append(f"its {rest.place} says every graded area it does not name was {' or '.join(rest.grades)}")
    return f" ({'; '.join(said)})" if said else ""


def falls_line(c: Comparison) -> str:
    """The falls the newer source's counts prove beyond those it names, or "": said wherever
    the movements are (page 1 too), as "no movement can be shown" is not the whole truth."""
    down = len(c.movements(DOWN))
    if c.falls_at_least <= down + _bounded(c, DOWN):
        return ""
    if _bounded(c, DOWN):  # some are named above, by the counts: the total, without "neither names them"
        whose = "The two sources' counts of grades" if c.falls_need_both else f"The {c.new.cycle_name} source's counts"
        return f"In all, {whose[0].lower()}{whose[1:]} show that at least {areas(c.falls_at_least)} went down."
    if c.falls_need_both:
        named = f", though they name only {number(down)}" if down else \
            f", though neither names {_them(c.falls_at_least)}"
        return f"The two sources' counts of grades show that at least {areas(c.falls_at_least)} went down{named}."
    named = f", though it names only {number(down)}" if down else \
        f", though it does not name {_them(c.falls_at_least)}"
    return (f"The {c.new.cycle_name} source's counts show that at least {areas(c.falls_at_least)} went "
            f"down{named}.")


def _bounded(c: Comparison, way: str) -> int:
    """How many areas the counts prove went `way`, named on one side only (said by bounded_line)."""
    return sum(1 for g in c.grade_changes if g.bound == way)


def _them(n: int) -> str:
    return "it" if n == 1 else "them"


def comparability_line(c: Comparison) -> str:
    """HMICFRS's caveat beside any movement page 1 states, where it says the cycles' grades are
    not directly comparable: a downgrade read alone on page 1 is taken at face value."""
    moved = c.movements(UP) or c.movements(DOWN) or c.falls_at_least or c.rises_at_least
    if c.comparable or not moved:
        return ""
    return (f"HMICFRS says grades of {c.old.cycle_name} and {c.new.cycle_name} are not directly comparable"
            f"{_no_adequate(c)} (see Grade movements).")


def _no_adequate(c: Comparison) -> str:
    """ ", and the PEEL 2018/19 scale had no adequate grade, so good then and adequate now need
    not mean performance fell", where a fall from good to adequate crosses into the scale that
    brought adequate in: HMICFRS's own caveat, for exactly that fall (review 14, item 3: Gwent's
    preventing crime was a "downgrade" on page 1, the caveat only on page 3)."""
    from briefing.reference import load_frameworks

    old = load_frameworks().cycles.get(c.old.cycle)
    if old is None or "adequate" in old.grades or not any(
            g.old_grade == "good" and g.new_grade == "adequate" for g in c.movements(DOWN)):
        return ""
    return (f"; the {c.old.cycle_name} scale had no adequate grade, and HMICFRS says a fall from good to adequate "
            "does not necessarily mean that performance fell")


def rises_line(c: Comparison) -> str:
    """The rises the two sources' grades and counts prove beyond those named, or "" (North
    Yorkshire's five areas below adequate in 2021/22, and "good in five areas and adequate in
    four" in 2023-25: the release's main message, which no named pair of grades shows)."""
    up = len(c.movements(UP))
    if c.rises_at_least <= up + _bounded(c, UP):
        return ""
    if _bounded(c, UP):  # some are named above, by the counts: the total, without "neither names them"
        return f"In all, the two sources' grades and counts show that at least {areas(c.rises_at_least)} went up."
    named = f", though they name only {number(up)}" if up else \
        f", though neither names {_them(c.rises_at_least)} in both"
    return f"The two sources' grades and counts show that at least {areas(c.rises_at_least)} went up{named}."


def downgrade_line(c: Comparison) -> str:
    """The worst fall named, or "No graded area went down" only where every area is graded on
    both sides and no count proves a fall."""
    worst = worst_downgrade(c)
    if worst is not None:
        lead = "The one downgrade" if len(c.movements(DOWN)) == 1 else "The largest downgrade"
        steps = f", down {-worst.steps} grades" if worst.steps < -1 else ""
        partial = (f" ({worst.old_label} in {c.old.cycle_name}: the areas match only in part, so the movement is "
                   "indicative)" if worst.partial else "")
        return f"{lead} is {worst.area_name}: {worst.old_grade} in {c.old.cycle_name}, {worst.new_grade} now{steps}{partial}."
    if c.every_area_graded_twice and not c.falls_at_least:
        return "No graded area went down."
    return ""


def headline(c: Comparison) -> tuple[str, ...]:
    """Three lines on what changed, for an email body and the workbook's Summary."""
    up, down, same = (len(c.movements(m)) for m in (UP, DOWN, SAME))
    worst = worst_downgrade(c)
    both = up + down + same
    grades = (f"Grades: of {both} area{'s' if both != 1 else ''} graded in both sources, {up} up, {down} down, "
              f"{same} unchanged" if both else "Grades: no area graded in both sources")
    if c.falls_at_least > down or c.rises_at_least > up:  # what the counts prove, as the pages say it
        proven = [f"at least {n} {way}" for n, named, way in ((c.rises_at_least, up, "up"), (c.falls_at_least, down, "down"))
                  if n > named]
        grades += f"; by the sources' grades and counts, {' and '.join(proven)}"
    if worst:
        grades += (f"; {'the one fall' if down == 1 else 'the biggest fall'}: {worst.area_name} "
                   f"({worst.old_grade} to {worst.new_grade})")
    unknown = len(c.movements(NOT_KNOWN))
    if unknown:
        grades += f"; {unknown} not stated in a source"
    counts = [counted_text(k) for k in c.new_counts if k.unnamed]
    if counts:
        grades += f"; {c.new.cycle_name} counts {join_words(counts)}"
    findings = (f"Findings: {c.persisting_count} persisting, {len(c.resolved)} {unmatched_words(c.unmatched_confirmed)}, "
                f"{len(c.new_findings) - len(c.continuing)} {new_words(c)}"
                + (f", {len(c.continuing)} {continuing_words()}" if c.continuing else "") + ".")
    comparable = ("HMICFRS says these grades are not directly comparable." if not c.comparable
                  else "HMICFRS treats these grades as comparable.")
    return grades + ".", findings, comparable


def monitoring_lines(c: Comparison, monitoring) -> tuple[str, ...]:
    """A sentence on the force's monitoring stage where a source on file states one: it leads
    the summary and the questions when the force is in Engage."""
    if monitoring is None:
        return ()
    return (f"{c.new.force} {monitoring.words()} ({monitoring.source}).",)


def response_line(c: Comparison, standing) -> str:
    """The fourth headline line, for the PCC: where the s.55 response stands."""
    return f"s.55 response to {c.new.cycle_name}: {standing.words()}."


def _counted_rest(c) -> str:
    """With the grades it names, the counts hold every graded area once, so each area it does
    not name has the one grade left (Bedfordshire: good and requires improvement named, adequate
    in seven of nine): said, so no one asks what the source already gives."""
    if not c.new.counted_rest:
        return ""
    return (f", but with the grades it names its counts hold every graded area, so each area it does not name is "
            f"{' or '.join(c.new.counted_rest)}")


def bounded_line(c: Comparison) -> str:
    """The areas named on one side only whose movement the other side's counts prove: "The
    counts prove that Police powers and public treatment went down from outstanding (by at
    least one grade)", or ""."""
    said = [f"{g.area_name} went {g.bound} from {g.old_grade}" if g.old_grade else
            f"{g.area_name} went {g.bound} to {g.new_grade}" for g in c.grade_changes if g.bound]
    if not said:
        return ""
    return (f"The counts of the source that does not name {'it' if len(said) == 1 else 'them'} prove that "
            f"{join_words(said)}, by at least one grade.")


def praised_lines(c: Comparison) -> list[str]:
    """Under Annex B: each "good at <a task>" a source states where its counts leave that grade
    unnamed, said as not read and why, so an analyst checks it against the full report rather
    than wonder why the grade was missed (review 7, item 9: Kent 2021/22's "good at achieving
    savings and improving productivity", beside "good in four areas", two named)."""
    out = []
    for side, counts in ((c.old, c.old_counts), (c.new, c.new_counts)):
        unnamed = {g for k in counts if k.unnamed for g in k.grades}
        for p in side.praised:
            if p.word in unnamed:
                where = place_text(p.place)
                out.append(f"Not read as a grade: {side.cycle_name}{f', {where}' if where else ''}, \u201c{p.text}\u201d "
                           f"(\u201c{p.word} at\u201d a task is read as a grade only where the task names an area in "
                           f"the area's own words). It may be one of the {p.word} grades the source counts but does not "
                           f"name: check it against the full HMICFRS report of the {side.cycle_name} inspection.")
    return out


SCALE = ("outstanding", "good", "adequate", "requires improvement", "inadequate")


def side_by_side(c: Comparison) -> str:
    """Where no area is graded in both sources but each counts its grades, the two sources'
    counts set side by side, as stated, so a fall or rise the counts show is seen though no
    area's movement can be (review 6, item 26: the Met's one inadequate and one good in
    2021/22 beside two inadequate and none good or outstanding in 2023-25); "" otherwise."""
    if any(g.movement in (UP, DOWN, SAME) for g in c.grade_changes) or not c.old_counts or not c.new_counts:
        return ""

    def said(counts) -> str:
        ordered = sorted(counts, key=lambda k: min(SCALE.index(g) for g in k.grades if g in SCALE)
                         if any(g in SCALE for g in k.grades) else len(SCALE))
        return join_words([counted_text(k).split(" (")[0] for k in ordered])

    caveat = "" if c.comparable or comparability_line(c) else \
        " (HMICFRS says the two cycles' grades are not directly comparable)"  # said once
    return (f"The two sources' counts of grades, side by side: {c.old.cycle_name}, {said(c.old_counts)}; "
            f"{c.new.cycle_name}, {said(c.new_counts)}{caveat}.")
