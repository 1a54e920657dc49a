"""The grade table and chart of a pack, and the Grades sheet's rows: each area's two sides
as the comparison types them (graded, not graded, not stated), and the grades a source
counts without naming the areas, each as a row of its own."""

from __future__ import annotations

from briefing.compare import Comparison
from briefing.compare.counted import CountedGrades
from briefing.compare.states import NOT_KNOWN, NOT_STATED, AreaState
from briefing.document.grid import as_graded
from briefing.document.model import Chart, Column, GradeBar, Paragraph, Section, Table
from briefing.document.wording import join_words, movement_text, number, side_text
from briefing.frameworks import Frameworks
from briefing.phrases import STATE_WORDS, movement_words


def counted_grades(count: CountedGrades) -> str:
    """ "inadequate", "good or outstanding"."""
    return " or ".join(count.grades)


def unnamed_counts(counts) -> str:
    """ "six good and one adequate": the grades counts give areas they do not name."""
    return join_words([f"{number(k.unnamed)} {counted_grades(k)}" for k in counts if k.unnamed])


def counted_text(count: CountedGrades) -> str:
    """ "inadequate in four areas", "requires improvement in four areas (two of them named)", "good in
    five areas (all five named)" (never "(all named)" after the last count alone: review 15, item 18),
    "outstanding or good in no area" (never "in none areas")."""
    if not count.count:
        return f"{counted_grades(count)} in no area"
    areas = f"{number(count.count)} area{'s' if count.count != 1 else ''}"
    if count.named > count.count:  # a grade corrected by hand, or misread: the two cannot both stand
        return (f"{counted_grades(count)} in {areas}, though it names {number(count.named)} areas so graded: "
                "a grade or the count is wrong, so check them against the report")
    named = "" if not count.named else " (named)" if count.count == count.named == 1 else \
        f" (all {number(count.count)} named)" if count.count == count.named else f" ({number(count.named)} of them named)"
    return f"{counted_grades(count)} in {areas}{named}"


def _count_rows(c: Comparison) -> list[tuple[str, str, str, str, str]]:
    """A row for each count a source gives of areas it does not name."""
    rows = []
    for side, name, counts in (("new", c.new.cycle_name, c.new_counts), ("old", c.old.cycle_name, c.old_counts)):
        for count in (k for k in counts if k.unnamed):
            cell = f"{counted_grades(count)} ({count.unnamed} area{'s' if count.unnamed != 1 else ''})"
            note = (f"The {name} source says {counted_text(count)}: it does not name the other "
                    f"{number(count.unnamed)}." if count.named else
                    f"The {name} source says {counted_text(count)} and does not name "
                    f"{'it' if count.count == 1 else 'them'}.")
            rows.append((f"Areas the {name} source does not name", cell if side == "old" else "",
                         cell if side == "new" else "", movement_words(NOT_KNOWN), note))
    return rows


def _graded_as(c: Comparison, fw: Frameworks, g) -> list[tuple[str, str, str]]:
    """(cycle name, grade, "as good use of resources, a partial match") for each side whose
    grade the cycle gave an area the row names otherwise and matches only in part, as the
    grid on page 1 says it: Cleveland's 2021/22 "use of resources: inadequate" was shown here
    as leadership inadequate, with no word of it (review 10, item 8)."""
    cycles = [c.old.cycle, c.new.cycle]
    return [(side.cycle_name, state.grade, note) for side, state in ((c.old, g.old_state), (c.new, g.new_state))
            if state.graded and (note := as_graded(fw, cycles, side.cycle, g.area, g.area_name))]


def _chart_words() -> str:
    from briefing.reference import reference

    return reference().wording["paper"]["grid"]["as_graded_chart"]


def grade_rows(c: Comparison, fw: Frameworks) -> list[tuple[str, str, str, str, str]]:
    """Area, earlier side, later side, movement, note: one row an area, then the counts."""
    rows = []
    for g in c.grade_changes:
        graded_as = " ".join(f"{name}: {grade} {note}." for name, grade, note in _graded_as(c, fw, g))
        rows.append((g.area_name, side_text(g.old_state, c.old.cycle_name), side_text(g.new_state, c.new.cycle_name),
                     movement_text(g, c.new.cycle_name),
                     " ".join(x for x in (("Partial match. " if g.partial else "") + g.note, g.correction,
                                          "" if g.partial else graded_as) if x)))
    return rows + _count_rows(c)


def grades_section(c: Comparison, fw: Frameworks) -> Section:
    blocks = [Paragraph(note, "caveat") for note in c.caveats]
    blocks.append(Table("Grades", f"Grade movements, {c.old.cycle_name} to {c.new.cycle_name}",
                        (Column("Area", 3), Column(f"Was ({c.old.cycle_name})", 2, "grade"),
                         Column(f"Now ({c.new.cycle_name})", 2, "grade"), Column("Movement", 2),
                         Column("Note", 3)), tuple(grade_rows(c, fw))))
    gaps = _gaps_note(c)
    if gaps:
        blocks.append(Paragraph(gaps, "note"))
    blocks.append(chart(c, fw))
    return Section("Grade movements", 1, tuple(blocks))


def _gaps_note(c: Comparison) -> str:
    """What "not stated" means here, where a row says it."""
    sides = [name for name, attr in ((c.old.cycle_name, "old_state"), (c.new.cycle_name, "new_state"))
             if any(getattr(g, attr).state == NOT_STATED for g in c.grade_changes)]
    if not sides:
        return ""
    return (f"\u201c{STATE_WORDS[NOT_STATED].capitalize()}\u201d: the cycle grades the area, but the source used for "
            f"{join_words(sides)} gives no grade for it; the full report has it. A movement is shown only between "
            "two grades.")


def _bar_side(state: AreaState, cycle: str, fw: Frameworks) -> tuple[str, int | None, str]:
    return state.grade, fw.ranks.get(state.grade) if state.graded else None, side_text(state, cycle)


def chart(c: Comparison, fw: Frameworks) -> Chart:
    """A bar for every area with a grade on either side, and one for each count of areas a
    source does not name."""
    scale = tuple(sorted(fw.ranks, key=fw.ranks.get))
    bars = []
    for g in c.grade_changes:
        if g.old_state.graded or g.new_state.graded:
            (og, orank, owords), (ng, nrank, nwords) = (_bar_side(g.old_state, c.old.cycle_name, fw),
                                                        _bar_side(g.new_state, c.new.cycle_name, fw))
            label = g.area_name + "".join(f" ({_chart_words().format(cycle=name)})"
                                          for name, _, _ in ([] if g.partial else _graded_as(c, fw, g)[:1]))
            bars.append(GradeBar(label, og, ng, orank, nrank, owords, nwords))
    for count in (k for k in c.new_counts if k.unnamed and len(k.grades) == 1):
        grade = count.grades[0]
        bars.append(GradeBar(f"{count.unnamed} area{'s' if count.unnamed != 1 else ''} the source does not name", "",
                             grade, None, fw.ranks.get(grade), movement_words(NOT_KNOWN), grade))
    described = "; ".join(f"{b.label}: {b.old_grade or b.old_words} to {b.new_grade or b.new_words}" for b in bars)
    return Chart(f"Grades in {c.old.cycle_name} and {c.new.cycle_name}",
                 f"Bar chart of grades by area, {c.old.cycle_name} against {c.new.cycle_name}. {described}.",
                 tuple(bars), c.old.cycle_name, c.new.cycle_name, scale)
