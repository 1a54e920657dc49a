"""The sources, finding, figure, audience, history and annex sections of a briefing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from briefing.compare import Comparison, History
from briefing.compare.comparison import FindingRef, InspectionSummary
from briefing.document.model import Column, Paragraph, Section, Table
from briefing.document.narrative import render_blocks
from briefing.document.options import PackOptions
from briefing.document.wording import (
    area_label,
    figure_cells,
    join_words,
    long_date,
    new_words,
    report_to_check,
    sentence,
    since_text,
    unmatched_heading,
    unmatched_phrase,
    whole_sentences,
)
from briefing.compare.states import NOT_STATED
from briefing.document.grades import counted_text
from briefing.frameworks import Frameworks
from briefing.reference import load_frameworks
from briefing.model import KIND_LABELS, kind_count
from briefing.phrases import STATE_WORDS, area_state_words
from briefing.sources import source_kind_name, with_article

FINDING_COLUMNS = (Column("Finding", 1.3), Column("Area", 1.6), Column("Text", 5))


def _ref_row(ref: FindingRef) -> tuple[str, ...]:
    return ref.label, area_label(ref.area_name), ref.text


def _gaps(s: InspectionSummary) -> str:
    gaps = []
    if not s.findings_complete:
        gaps.append(f"lists {len(s.findings)} finding{'s' if len(s.findings) != 1 else ''}, not necessarily every "
                    "finding of the report")
    if s.published_exact is None:
        gaps.append(f"publication date known only as {s.published}")
    if not any(j.grade != "ungraded" for j in s.judgements):
        gaps.append("no graded judgements recorded")
    elif s.grades_from:
        gaps.append(f"grades {s.grades_from}")
    gaps += [f"grade corrected after publication: {c}" for c in s.corrections]
    return sentence("; ".join(gaps)) + "." if gaps else "Complete list of findings."


def sources_section(c: Comparison) -> Section:
    """What each source is and what it leaves out, so no reader mistakes a gap for a fact."""
    rows = tuple((s.cycle_name, s.cite, sentence(s.source_kind_name), _gaps(s))
                 for s in (c.old, c.new))
    blocks = [Table("Sources", "The sources this briefing rests on",
                    (Column("Inspection", 1.3), Column("Source", 3), Column("Kind", 1.5), Column("Gaps", 3.5)), rows)]
    if c.not_on_file:
        blocks.append(Paragraph(f"No data is on file for {join_words(c.not_on_file)}, between the earliest and "
                                      "latest inspections used; counts of how often a concern was raised cover only "
                                      "the inspections on file.", "note"))
    return Section("About the sources", 1, tuple(blocks))


def findings_sections(c: Comparison) -> list[Section]:
    rows = tuple((f"{p.old.label}: {p.old.text}", f"{p.new.label}: {p.new.text}",
                  sentence(since_text(p.first_raised, p.times_raised, p.not_on_file))
                        + (f"; {p.severity_change}" if p.severity_change else ""))
                 for p in c.persisting)
    persisting = Section("Persisting concerns", 1, (
        Paragraph(f"Findings of the {c.old.cycle_name} inspection raised again in {c.new.cycle_name}, "
                        "earlier and current wording side by side."),
        Table("Persisting", "Persisting concerns", (Column(f"Then ({c.old.cycle_name})", 4),
                                                    Column(f"Now ({c.new.cycle_name})", 4),
                                                    Column("Persisting since", 2.5)), rows)))
    if c.unmatched_confirmed:
        intro = (f"Findings of the {c.old.cycle_name} inspection that the {c.new.cycle_name} report does not raise "
                 "again. Not being raised again is not the same as HMICFRS discharging them.")
    else:
        intro = (f"{sentence(unmatched_phrase(c, len(c.resolved)))}. That does not show they were resolved: "
                 f"check them against {report_to_check(c)}.")
    resolved = Section(unmatched_heading(c), 1, (
        Paragraph(intro),
        Table("Resolved", unmatched_heading(c), FINDING_COLUMNS, tuple(_ref_row(r) for r in c.resolved))))
    if c.new_confirmed:
        heading, intro = "New findings", (f"Findings of the {c.new.cycle_name} inspection with no counterpart in "
                                          f"{c.old.cycle_name}.")
    else:
        heading = f"Later findings {new_words(c)}"
        intro = (f"Findings of the {c.new.cycle_name} inspection with no counterpart in the {c.old.cycle_name} source, "
                 f"which is {with_article(c.old.source_kind_name)} and does not list every finding: some may have been "
                 f"raised in {c.old.cycle_name} too.")
    new = Section(heading, 1, (
        Paragraph(intro), Table("New", heading, FINDING_COLUMNS, tuple(_ref_row(r) for r in c.new_findings))))
    return [persisting, resolved, new]


def figures_section(c: Comparison) -> Section:
    blocks = []
    for name, figures in ((c.new.cycle_name, c.new_figures), (c.old.cycle_name, c.old_figures)):
        if not figures:
            blocks.append(Paragraph(f"The {name} source, as recorded, states no key figures."))
            continue
        rows = tuple((f.name, *figure_cells(f), f.period) for f in figures)
        blocks.append(Table(f"Figures{len(blocks) + 1}", f"Key figures from {name}",
                            (Column("Figure", 3), Column("Force", 1.3, "number"),
                             Column("England and Wales", 1.5, "number"), Column("Period", 2.2)), rows))
    return Section("Key figures", 1, tuple(blocks))


class _Concern:
    """A persisting concern as the templates quote it: whole sentences and its history."""

    def __init__(self, p):
        self.label, self.area_name, self.since = p.new.label, p.new.area_name, p.first_raised
        self.quote = whole_sentences(p.new.text)


WEAK = ("requires improvement", "inadequate")
OWN_DATA = re.compile(r"\bdata\b.*\b(?:incorrect|wrong|inaccurate|error)|\b(?:incorrect|wrong|inaccurate)\b.*\bdata\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class _Corrected:
    area_name: str
    old_grade: str
    new_grade: str
    when: str
    own_data: bool  # HMICFRS says the force's own data was wrong


@dataclass(frozen=True)
class _Quoted:
    label: str
    quote: str


@dataclass(frozen=True)
class _NewInWeakArea:
    area_name: str
    grade: str
    label: str
    quote: str


def _question_context(c: Comparison, options: PackOptions) -> dict:
    """What the questions rest on, beyond downgrades and persisting concerns. A correction
    is asked about while its report's cycle is the one under way; once a later cycle has
    begun, it is the record, not news."""
    future = ahead(c, options)
    corrected = [] if future["current"] else [
        _Corrected(j.area_name, j.corrected.old_grade, j.corrected.new_grade, j.corrected.when,
                   bool(OWN_DATA.search(j.corrected.reason))) for j in c.new.judgements if j.corrected is not None]
    grades = {g.area: g.new_grade for g in c.grade_changes}
    weak_new = [_NewInWeakArea(f.area_name, grades[f.area], f.label, whole_sentences(f.text))
                for f in c.new_findings if grades.get(f.area) in WEAK]
    unknown = [] if c.unmatched_confirmed else [f for f in c.resolved if f.kind != "innovative-practice"]
    kinds = {f.kind for f in unknown}
    words = kind_count(kinds.pop(), len(unknown)) if len(kinds) == 1 else f"{len(unknown)} findings"
    inadequate = [g.area_name for g in c.grade_changes if g.new_state.graded and g.new_grade == "inadequate"]
    downgrades = [g for g in c.movements("down") if g.new_grade != "inadequate"]  # an inadequate grade is asked first
    unstated = [g.area_name for g in c.grade_changes if g.new_state.state == NOT_STATED]
    concerns = [_Quoted(f.label, whole_sentences(f.text)) for f in c.new.findings if f.kind == "cause-of-concern"]
    asked = inadequate or concerns or corrected or downgrades or c.persisting or weak_new or unknown or unstated
    settled = not asked and not future["current"] and c.every_area_graded_twice and c.old.findings_complete \
        and c.new.findings_complete
    return dict(corrected=corrected, weak_new=weak_new, unknown=len(unknown), unknown_words=words,
                old_name=c.old.cycle_name, new_name=c.new.cycle_name, inadequate=inadequate,
                counted=[counted_text(k) for k in c.new_counts if k.unnamed and "inadequate" in k.grades],
                concerns=concerns, downgrades=downgrades, unstated=join_words(unstated), unstated_count=len(unstated),
                settled=settled, monitoring=[], **future)


def audience_sections(c: Comparison, options: PackOptions, standing) -> list[Section]:
    """`standing` is where the response to the newer report stands (compare.register.ResponseStanding)."""
    concerns = [_Concern(p) for p in c.persisting]
    downs = c.movements("down")
    if options.audience == "pcc":
        questions = Section("Suggested questions for the meeting", 1, tuple(
            render_blocks("questions.txt.j2", persisting=concerns, **_question_context(c, options))))
        return [questions, _s55(c, options, standing)]
    return [_open_findings(c), Section("What HMICFRS will look for next", 1, tuple(
        render_blocks("next_inspection.txt.j2", persisting=concerns, downgrades=downs, **ahead(c, options))))]


def _s55(c: Comparison, options: PackOptions, standing) -> Section:
    """The duty, where the response stands on the paper's date, and a skeleton to draft it
    with, unless a response is on file already."""
    findings = c.new.findings
    formal = [f for f in findings if f.kind in ("cause-of-concern", "recommendation")]
    items = formal or [f for f in findings if f.kind != "innovative-practice"]
    blocks = list(render_blocks(
        "s55_response.txt.j2", said=standing.words("said"), published=c.new.published,
        office=options.office_for(c.new.force), answered=standing.on_file, past=standing.missing,
        limitless=standing.kind == "before-limit", due=long_date(c.s55_due) if c.s55_due else "",
        formal=bool(formal), complete=c.new.findings_complete, kind=with_article(c.new.source_kind_name),
        report=report_to_check(c), cycle=c.new.cycle_name,
        chief_by=long_date(options.chief_comments_by) if options.chief_comments_by else ""))
    if standing.on_file:
        return Section("Statutory response (section 55)", 1, tuple(blocks))
    parts = [("Chief constable's comments", "Invite the chief constable's comments on the report (s.55(4))"
              + (f"; requested by {long_date(options.chief_comments_by)}" if options.chief_comments_by else ""), ""),
             (f"{options.office_short(c.new.force)}'s comments on the report", "", ""),
             ("Response to the chief constable's comments", "", "")]
    parts += [(f.label, f.text, "") for f in items]
    parts.append(("Copies sent to", "HMICFRS and the Home Secretary (s.55(6))", ""))
    blocks.append(Table("Response", "Draft response skeleton",
                        (Column("Part", 1.5), Column("HMICFRS wording or what is needed", 4.5),
                         Column("Steps to be taken, or why no action; owner and date", 3.5)), tuple(parts)))
    return Section("Statutory response (section 55)", 1, tuple(blocks))


def ahead(c: Comparison, options: PackOptions) -> dict:
    """The PEEL cycle under way on the paper's date, where it is later than the newer
    inspection's: what the paper looks ahead to."""
    fw = load_frameworks()
    current = fw.current(options.date)
    newer = fw.cycles.get(c.new.cycle)
    later = current is not None and newer is not None and current.order > newer.order
    return dict(current=current.name if later else "",
                framework_day=long_date(current.framework_published) if later and current.framework_published else "")


def _open_findings(c: Comparison) -> Section:
    since = {p.new.label: p.first_raised for p in c.persisting}
    open_findings = sorted((f for f in c.new.findings if f.kind != "innovative-practice"), key=lambda f: f.area_name)
    intro = "Every finding of the latest inspection, by area, with a blank owner to agree."
    if not c.new.findings_complete:
        intro += (f" The source used is {with_article(c.new.source_kind_name)}, which does not list every finding: take the full "
                  f"list from {report_to_check(c)}.")
    blocks = [Paragraph(intro)]
    for area, group in groupby(open_findings, key=lambda f: f.area_name):
        name = area_label(area)
        rows = tuple((f.label, f.text,
                      f"persisting since {since[f.label]}" if f.label in since else "new", "")
                     for f in group)
        blocks.append(Table(f"Open {name}", name, (Column("Finding", 1.3), Column("Text", 5),
                                                         Column("Status", 2), Column("Owner", 1.5)), rows))
    return Section("Open findings by area", 1, tuple(blocks))


def _point(p) -> str:
    """ "good (PEEL 2021/22)", "not stated (PEEL 2023-25)"."""
    words = area_state_words(p.state, p.grade, p.why)
    return f"{words} ({p.inspection}{', ' + p.correction if p.correction else ''})"


def history_section(record: History, fw: Frameworks) -> Section:
    """The force's record: each area's grades over the cycles on file, and its themes."""
    rows = tuple((t.area_name, " \u2192 ".join(_point(p) for p in t.points)) for t in record.timelines)
    n = len(record.inspections)
    themes = tuple((t.name, f"{t.raised_in} of {t.of}", t.first, t.latest) for t in record.themes)
    intro = (f"Grades and recurring themes across the {n} inspections of {record.force} on file, oldest first: "
             f"{join_words(record.names())}.")
    if record.not_on_file:
        intro += (f" Not on file: {join_words(record.not_on_file)}; the record below leaves them out, so each count "
                  "covers only the inspections on file.")
    partial = [i for i in record.inspections if not i.findings_complete]
    if partial:
        names = join_words([f"{fw.short_name(i.cycle)} ({with_article(source_kind_name(i.source_kind))})" for i in partial])
        intro += (f" {len(partial)} of the {n} sources do not list every finding of their report ({names}): a theme "
                  "counted as not raised may be in a report not on file in full.")
    gaps = sorted({p.inspection for t in record.timelines for p in t.points if p.state == NOT_STATED})
    if gaps:
        intro += (f" Where an inspection graded an area but its source on file gives no grade ({join_words(gaps)}), "
                  f"the timeline says \u201c{STATE_WORDS[NOT_STATED]}\u201d.")
    intro += " The same caveats on comparing grades apply."
    return Section("The force's inspection record", 1, (
        Paragraph(intro),
        Table("Timeline", "Grades by area over time", (Column("Area", 2), Column("Grades, oldest first", 6)), rows),
        Table("Themes", f"Themes raised in findings, and in how many of the {n} inspections on file",
              (Column("Theme", 3), Column("Raised in", 1.2), Column("First", 2), Column("Latest", 2)), themes)))


def annexes(c: Comparison) -> list[Section]:
    findings = tuple((s.cycle_name, f.label, KIND_LABELS[f.kind], f.text, f.source)
                     for s in (c.old, c.new) for f in s.findings)
    judgements = tuple((s.cycle_name, j.area_name, j.label, j.grade,
                        j.source + (f". {j.correction}" if j.correction else ""))
                       for s in (c.old, c.new) for j in s.judgements)
    return [Section("Annex A: every finding and its source", 1, (
        Table("Annex", "Every finding of both inspections with its place in the source",
              (Column("Inspection", 1.3), Column("Finding", 1.3), Column("Kind", 1.5), Column("Text", 5),
               Column("Source", 2.2)), findings),)),
        Section("Annex B: every judgement as the source words it", 1, (
            Table("Judgements", "Every judgement of both inspections, in the source's own wording",
                  (Column("Inspection", 1.3), Column("Area", 2), Column("Source's wording", 2.6),
                   Column("Grade", 1.5, "grade"), Column("Source", 2.2)), judgements),))]
