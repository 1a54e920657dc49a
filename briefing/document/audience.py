"""The sections a pack's audience reads: for the PCC, the suggested questions and the
statutory response; for chief officers, what HMICFRS will look for next. What they ask
rests on the comparison's typed values, the response's standing and the cycle under way
on the paper's date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.compare import Comparison
from briefing.compare.grades import WEAK
from briefing.compare.standing import outside_s55, published_by
from briefing.compare.states import NOT_STATED
from briefing.document import earlier, summary
from briefing.document.grades import counted_text, unnamed_counts
from briefing.document.model import Column, Paragraph, Section, Table
from briefing.document.narrative import render_blocks
from briefing.document.options import PackOptions
from briefing.document.wording import (
    join_words,
    kinds_in_words,
    long_date,
    number,
    published_words,
    report_to_check,
    whole_sentences,
)
from briefing.model import KIND_LABELS
from briefing.places import PublicationDate
from briefing.reference import load_frameworks
from briefing.sources import with_article


class _Concern:
    """A persisting concern as the templates quote it: whole sentences and its history; where
    several earlier findings persist in it, their labels ("as Finding 1 and Finding 3")."""

    def __init__(self, p, earlier_labels: tuple[str, ...] = ()):
        self.label, self.area_name, self.since = p.new.label, p.new.area_name, p.first_raised
        self.since_words = (f"on file since {p.first_raised}; the source for {p.earlier_unlisted}, before it, does not "
                            "list every finding" if p.earlier_unlisted else f"first raised in {p.first_raised}")
        if len(earlier_labels) > 1:
            self.since_words += f", as {join_words(list(earlier_labels))}"
        self.quote = whole_sentences(p.new.text)
        # the earlier words beside the later: the link is this pack's, and a reader judges it from both (review 15,
        # item 1: Gwent's "child protection investigations" was said raised again by a sentence on all investigations)
        earlier = whole_sentences(p.old.text) if len(earlier_labels) <= 1 and not p.manual else ""
        self.earlier = earlier if not earlier or earlier.endswith((".", "?", "!")) else earlier + "."
        self.earlier_label = p.old.label or "a finding"


def _concerns(c: Comparison) -> list[_Concern]:
    """One persisting concern per newer finding: two earlier findings matched to one later one
    are one concern raised again, asked about once, not two questions word for word the same
    (review 11, item 4)."""
    by_new: dict[str, list] = {}
    for p in c.persisting:
        by_new.setdefault(p.new.tracker_id or p.new.label, []).append(p)
    return [_Concern(ps[0], tuple(dict.fromkeys(p.old.label for p in ps))) for ps in by_new.values()]




def _worked_on(c: Comparison) -> dict | None:
    """HMICFRS's words of its earlier concerns as a whole, with its line, for the question on
    earlier findings the newer source does not list (earlier.worked_on_words)."""
    said = c.worked_on[0] if c.worked_on else None
    return {"said": said.text, "line": said.place.line} if said else None


@dataclass(frozen=True)
class _Corrected:
    area_name: str
    old_grade: str
    new_grade: str
    when: str
    own_data: bool  # HMICFRS says the force's own data was wrong


@dataclass(frozen=True)
class _Improved:
    label: str  # the earlier finding
    quote: str
    said: str  # the newer source's sentence saying the force improved
    line: int | None
    verb: str = "has improved"  # or "has made efforts to improve", where that is all it says (earlier.improved_verb)
    efforts: bool = False  # that is all it says (Improvement.efforts_only): the question asks what they achieved


@dataclass(frozen=True)
class _Quoted:
    label: str
    quote: str
    said_at: str = ""  # where the source's words that it carries on stand, where not in it ("line 3")
    words: str = ""  # those words ("ongoing concerns")


@dataclass(frozen=True)
class _NewInWeakArea:
    area_name: str
    grade: str
    label: str
    quote: str
    again: str = ""  # the older inspection's name, where it graded the area the same (review 7, item 7)
    unlisted: bool = False  # the older source lists no findings, so "new" cannot be said (review 11, item 7)
    partial: bool = False  # it lists some, not every one: "new" cannot be said either (review 15, item 2: Dyfed-Powys)


def _question_context(c: Comparison, options: PackOptions) -> dict:
    """What the questions rest on, beyond downgrades and persisting concerns. A correction
    is asked about while its report's cycle is the one under way; once a later cycle has
    begun, it is the record, not news."""
    future = ahead(c, options)
    corrected = [] if future["current"] else [
        _Corrected(j.area_name, j.corrected.old_grade, j.corrected.new_grade, j.corrected.when,
                   j.own_data) for j in c.new.judgements if j.corrected is not None]
    grades = {g.area: g.new_grade for g in c.grade_changes}
    same = {g.area for g in c.grade_changes if g.movement == "same"}
    weak_new = [_NewInWeakArea(f.area_name, grades[f.area], f.label, whole_sentences(f.text),
                               c.old.cycle_name if f.area in same else "", not c.old.findings,
                               bool(c.old.findings) and not c.old.findings_complete)
                for f in c.new_findings if grades.get(f.area) in WEAK and not f.continues]
    continuing = [_Quoted(f.label, whole_sentences(f.text), f.continues_at, f.continues) for f in c.continuing]
    improved = [_Improved(f.label, whole_sentences(f.text), whole_sentences(f.improved.text), f.improved.place.line,
                          earlier.improved_verb([f.improved]), f.improved.efforts_only)
                for f in c.resolved if f.improved and not f.improved.ongoing and not f.closed]  # its own word on it
    ongoing = _ongoing(c)
    unknown = [] if c.unmatched_confirmed else [f for f in c.resolved if f.kind != "innovative-practice"
                                                and not f.closed and not f.improved]
    kinds = {f.kind for f in unknown}
    words = kinds_in_words(kinds.pop(), len(unknown)) if len(kinds) == 1 else \
        f"{number(len(unknown))} finding{'s' if len(unknown) != 1 else ''}"
    inadequate = [g.area_name for g in c.grade_changes if g.new_state.graded and g.new_grade == "inadequate"]
    downgrades = [g for g in c.movements("down") if g.new_grade != "inadequate"]  # an inadequate grade is asked first
    unstated = [] if c.new.counted_rest else [g.area_name for g in c.grade_changes if g.new_state.state == NOT_STATED]
    counted_downs = [g for g in c.grade_changes if g.bound == "down"]  # proven by the counts, grade not named
    asked_of = {g.area_name for g in downgrades} | {f.area_name for f in weak_new}
    improve = [_Improve(g.area_name, g.old_grade if g.movement == "same" else "")
               for g in c.grade_changes if g.new_state.graded and g.new_grade == "requires improvement"
               and g.area_name not in asked_of]  # named, and not asked about as a fall or a new concern
    concerns = [_Quoted(f.label, whole_sentences(f.text)) for f in c.new.findings if f.kind == "cause-of-concern"]
    asked = inadequate or concerns or corrected or downgrades or c.persisting or continuing or weak_new or unknown or \
        unstated or improve or counted_downs or improved or ongoing
    settled = not asked and not future["current"] and c.every_area_graded_twice and c.old.findings_complete \
        and c.new.findings_complete
    partly = sum(1 for f in unknown if f.concerns)  # raised again in part: the rest is what is not in the source
    unknown_is = ("is" if len(unknown) == 1 else "are") if not partly else ("is, in part," if partly == len(unknown) == 1
                  else f"are ({'all' if partly == len(unknown) else number(partly)} of them in part)")
    return dict(corrected=corrected, weak_new=weak_new, continuing=continuing, unknown=len(unknown), unknown_words=words,
                unknown_is=unknown_is,  # which they are, where few: the findings section counts others (review 13, 23)
                unknown_labels=join_words([f.label for f in unknown if f.label]) if len(unknown) <= 4 else "",
                improved=improved, ongoing=ongoing, worked_on=_worked_on(c) if unknown else None,
                old_name=c.old.cycle_name, new_name=c.new.cycle_name, inadequate=inadequate, improve=improve,
                counted_downs=counted_downs,
                counted=[{"words": counted_text(k), "unnamed": k.unnamed, "concern": _concern_areas(c, k.unnamed)}
                         for k in c.new_counts if k.unnamed and "inadequate" in k.grades],
                concerns=concerns, downgrades=downgrades, unstated=join_words(unstated), unstated_count=len(unstated),
                unstated_weak=" or ".join(c.unstated_weak_grades), unstated_unnamed=sum(k.unnamed for k in c.new_counts),
                unstated_counted=unnamed_counts(c.new_counts), unstated_graded=summary.graded_words(c.new).strip(" ()"), unstated_outside=c.new.names_its_total,
                unstated_pointed=join_words(_pointed(c)), unstated_pointed_n=len(_pointed(c)),
                settled=settled, **future)


@dataclass(frozen=True)
class _ConcernAreas:
    """The areas a concern of the newer source lists, set beside grades it counts but does not
    name: HMICFRS's concerns, never called grades (review 7, item 8)."""

    label: str
    place: str
    names: str  # "Investigating crime, Protecting vulnerable people and Managing offenders"
    quote: str
    ask: str  # "Are these the three inadequate areas": as many areas as the count leaves unnamed, or not


def _pointed(c: Comparison) -> list[str]:
    """ "Investigating crime (Finding 1, line 14)": the areas whose newer grade the source does
    not state but whose findings it ties to them, set beside the grades it counts without
    naming their areas, so the question asks whether they are the weak ones (West Yorkshire
    2023-25: "needs to improve the way it investigates crime", two requires improvement
    unnamed; review 8, item 17). Never called their grade."""
    unstated = {g.area for g in c.grade_changes if g.new_state.state == NOT_STATED}
    named: dict[str, list[str]] = {}
    for f in c.new.findings:
        if f.area in unstated and f.kind != "innovative-practice":
            named.setdefault(f.area_name, []).append(f"{f.label}, {f.place}" if f.place else f.label)
    return [f"{name} ({'; '.join(where)})" for name, where in named.items()]


def _concern_areas(c: Comparison, unnamed: int) -> _ConcernAreas | None:
    """The first concern of the newer source that lists two or more areas, else the first
    "serious concerns" it ties to one area ("I have serious concerns about how the force is
    responding to the public"), for the question about `unnamed` inadequate grades it counts
    without naming them: asked, never taken as the grade."""
    f = next((f for f in c.new.findings if len(f.areas) >= 2), None) or \
        next((f for f in c.new.findings if f.area and SERIOUS.search(f.text)), None)
    if f is None:
        return None
    n, names = (len(f.areas), list(f.area_names)) if len(f.areas) >= 2 else (1, [f.area_name])
    if n == 1:
        ask = ("Is this the inadequate area" if unnamed == 1 else
               f"Is it among the {number(unnamed)} inadequate areas, and which are the others")
    else:
        ask = (f"Are these the {number(unnamed)} inadequate areas" if n == unnamed else
               f"Which of them are the {number(unnamed)} inadequate areas" if n > unnamed else
               f"Are they among the {number(unnamed)} inadequate areas, and which are the others")
    return _ConcernAreas(f.label, f.place, join_words(names), whole_sentences(f.text), ask)


SERIOUS = re.compile(r"\bserious\s+concerns?\b", re.IGNORECASE)  # the inspector's words for what it finds worst


@dataclass(frozen=True)
class _Ongoing:
    labels: str  # the earlier findings, "Finding 1 and Finding 2"
    quotes: tuple[str, ...]
    said: str  # the newer source's two sentences, whole: the areas named, and that the force still has challenges there
    lines: str  # "lines 7-8"


def _ongoing(c: Comparison) -> list[_Ongoing]:
    """The earlier findings whose areas the newer source says still fall short, one question
    for each statement of it (review 7, item 5)."""
    said: dict[str, list] = {}
    for f in earlier.ongoing(c):
        if not f.closed:
            said.setdefault(f.improved.text, []).append(f)
    return [_Ongoing(join_words([f.label for f in fs]), tuple(whole_sentences(f.text) for f in fs),
                     text, earlier.ongoing_lines(fs[0].improved)) for text, fs in said.items()]


def audience_sections(c: Comparison, options: PackOptions, standing, monitoring: tuple[str, ...] = ()) -> list[Section]:
    """`standing` is where the response to the newer report stands (compare.register.ResponseStanding);
    `monitoring` the sentence on the force's monitoring stage, where one is stated."""
    concerns = _concerns(c)
    downs = c.movements("down")
    if options.audience == "pcc":
        questions = Section("Suggested questions for the meeting", 1, tuple(
            render_blocks("questions.txt.j2", persisting=concerns, monitoring=monitoring,
                          **_question_context(c, options))))
        return [questions, _s55(c, options, standing)]
    return [Section("What HMICFRS will look for next", 1, tuple(
        render_blocks("next_inspection.txt.j2", persisting=concerns, downgrades=downs, held=_held_below(c),
                      old_name=c.old.cycle_name, new_name=c.new.cycle_name, **ahead(c, options))))]


def _held_below(c: Comparison) -> list:
    """Areas graded the same in both inspections, and below adequate: inspectors look for a plan
    there as much as where a grade fell (Northamptonshire's responding to the public, requires
    improvement in PEEL 2021/22 and again, as corrected, in PEEL 2023-25)."""
    return [g for g in c.grade_changes if g.movement == "same" and g.new_state.graded
            and g.new_grade in ("requires improvement", "inadequate")]


def _s55(c: Comparison, options: PackOptions, standing) -> Section:
    """The duty, where the response stands on the paper's date, and a skeleton to draft it
    with, unless a response is on file already; for a force section 55 does not cover, why."""
    if standing.kind == "outside":
        return Section("Section 55", 1, (Paragraph(f"{outside_s55(c.new.force)}. The {options.office_for(c.new.force)} "
                                                   "may still publish comments on the report; nothing on file says "
                                                   "whether it has."),))
    if standing.kind == "letter":  # a monitoring letter given as the newer inspection: no duty with a last day
        return Section("Section 55", 1, (Paragraph(f"The {c.new.cycle_name} source {standing.words('said')}."),))
    findings = c.new.findings
    formal = [f for f in findings if f.kind in ("cause-of-concern", "recommendation")]
    items = formal or [f for f in findings if f.kind != "innovative-practice"]
    chief = options.chief_for(c.new.force)
    blocks = list(render_blocks(
        "s55_response.txt.j2", said=standing.words("said"), published=c.new.published,
        office=options.office_for(c.new.force, on=standing.duty_day), answered=standing.on_file, past=standing.missing,
        traced=standing.traced,
        limitless=standing.kind == "before-limit", due=long_date(c.s55_due) if c.s55_due else "",
        latest=long_date(standing.latest) if standing.latest else "",
        formal=bool(formal), complete=c.new.findings_complete, kind=with_article(c.new.source_kind_name),
        report=report_to_check(c), cycle=c.new.cycle_name, items=bool(items),
        published_known=PublicationDate.from_iso(c.new.published_iso).known,
        published_phrase=(f"published on {c.new.published}" if c.new.published_exact
                          else published_words(c.new.published_iso)),
        chief_by=long_date(options.chief_comments_by) if options.chief_comments_by else "", chief=chief))
    if standing.on_file:
        return Section("Statutory response (section 55)", 1, tuple(blocks))
    parts = [(f"{chief}'s comments", f"Invite the {chief}'s comments on the report (s.55(4))"
              + (f"; requested by {long_date(options.chief_comments_by)}" if options.chief_comments_by else ""), ""),
             (f"{options.office_short(c.new.force)}'s comments on the report", "", ""),
             (f"Response to the {chief}'s comments", "", "")]
    parts += [(f.label if formal else _not_formal(f), f.text, "") for f in items]
    parts.append(("Copies sent to", "HMICFRS and the Home Secretary (s.55(6))", ""))
    blocks.append(Table("Response", "Draft response skeleton",
                        (Column("Part", 1.5), Column("HMICFRS wording or what is needed", 4.5),
                         Column("Steps to be taken, or why no action; owner and date", 3.5)), tuple(parts)))
    return Section("Statutory response (section 55)", 1, tuple(blocks))


def _not_formal(f) -> str:
    """A skeleton row for a finding that is neither a recommendation nor a cause of concern
    (the source lists none): its kind said, so no one answers an inspector's quoted words as
    a recommendation under s.55(5B) (review 6, item 25)."""
    kind = "a concern the source states" if f.kind == "finding" else with_article(KIND_LABELS[f.kind].lower())
    return f"{f.label}: {kind}, not a recommendation"


@dataclass(frozen=True)
class _Improve:
    """An area named requires improvement, and whether the older inspection graded it the same
    (Avon 2021/22 -> 2023-25: "requires improvement in both: why has the last plan not moved
    it?", review 6, item 24)."""

    area: str
    again: str = ""


def ahead(c: Comparison, options: PackOptions) -> dict:
    """The PEEL cycle under way on the paper's date, where it is later than the newer
    inspection's: what the paper looks ahead to."""
    fw = load_frameworks()
    current = fw.current(options.date)
    newer = fw.cycles.get(c.new.cycle)
    later = current is not None and newer is not None and current.order > newer.order
    passed = passed_cycles(c, options.date)
    return dict(current=current.name if later else "",
                framework_day=long_date(current.framework_published) if later and current.framework_published else "",
                next_comparable=current.comparability.comparable_with_previous if later else None,
                passed=passed[0][0] if passed else "", passed_by=passed[0][1] if passed else "")


def passed_cycles(c: Comparison, day) -> list[tuple[str, str]]:
    """PEEL cycles after the newer inspection's whose reports were all out by `day` (the
    paper's date), each with that month: Durham compared 2018/19 with 2021/22 on 7 December
    2026, when every force's 2023-25 report had been out for a year (review 6, item 11)."""
    fw = load_frameworks()
    newer = fw.cycles.get(c.new.cycle)
    if newer is None or newer.report_type != "peel":
        return []
    out = []
    for cycle in fw.cycles.values():
        by = published_by(cycle) if cycle.order > newer.order and cycle.report_type == "peel" and cycle.grades \
            and not cycle.variant_of else None
        on_file = {fw.cycles[x].variant_of or x for x in c.cycles_on_file if x in fw.cycles}
        if by is not None and by < day and cycle.id not in on_file:
            out.append((cycle.short or cycle.name, f"{by:%B %Y}"))
    return out
