"""The sources, finding, figure, history and annex sections of a briefing (the audience's
own sections are in document/audience.py)."""

from __future__ import annotations

from briefing.compare import Comparison, History
from briefing.compare.states import NOT_STATED, SEPARATELY, area_title
from briefing.compare.summaries import FindingRef, InspectionSummary
from briefing.document import earlier, summary
from briefing.document.model import Column, Paragraph, Section, Table
from briefing.document.wording import (
    area_label,
    figure_cells,
    join_words,
    long_date,
    new_words,
    number,
    report_to_check,
    sentence,
    since_text,
    unmatched_heading,
    unmatched_phrase,
)
from briefing.frameworks import Frameworks
from briefing.model import KIND_LABELS
from briefing.phrases import STATE_WORDS
from briefing.places import Place, PublicationDate
from briefing.reference import load_frameworks
from briefing.sources import source_kind_name, with_article

FINDING_COLUMNS = (Column("Finding", 1.3), Column("Area", 1.6), Column("Text", 5))


def _ref_row(ref: FindingRef) -> tuple[str, ...]:
    return ref.label, area_label(ref.area_name), ref.text + ref.partly


def _gaps(s: InspectionSummary) -> str:
    gaps = []
    if not s.findings_complete:
        gaps.append(f"lists {len(s.findings)} finding{'s' if len(s.findings) != 1 else ''}, not necessarily every "
                    "finding of the report" if s.findings else "lists no findings")
    if s.published_exact is None:
        gaps.append(f"publication date known only as {s.published}" if PublicationDate.from_iso(s.published_iso).known
                    else "publication date not stated" + (f" (out on or before {long_date(s.published_by)})"
                                                           if s.published_by else ""))
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


def _listed(intro: str, table: Table, none: str, elsewhere: str = "") -> tuple:
    """A section's intro and table, or one sentence where there is nothing to list (the intro,
    where what it introduces is listed elsewhere)."""
    return (Paragraph(intro), table) if table.rows else (Paragraph(intro if elsewhere else none),)


def _elsewhere(refs, listed: frozenset[str], where: str, what: str) -> tuple[tuple, str]:
    """The rows of `refs` not already listed under `where`, and the sentence saying where the
    others are: a finding is printed once, where the audience acts on it."""
    moved = [r for r in refs if r.tracker_id in listed]
    if not moved:
        return tuple(_ref_row(r) for r in refs), ""
    rest = tuple(_ref_row(r) for r in refs if r.tracker_id not in listed)
    n = len(moved)
    who = ("It is" if n == 1 else "All of them are") if not rest else \
        f"{sentence(number(n))} of them {'is' if n == 1 else 'are'}"
    said = f" {who} listed under {where}{what}" + ("; the others follow." if rest else ".")
    return rest, said


def _side(name: str, heading: str, intro: str, refs, sides, listed: frozenset[str], where: str, what: str) -> Section:
    """One side's unmatched findings (the earlier's not raised again, the later's new): its table,
    or why there is none; `sides` is (this side, the other side)."""
    this, other = sides
    none = (f"The {this.cycle_name} source lists no findings." if not this.findings else
            f"Every finding of the {this.cycle_name} source is matched to one of {other.cycle_name}.")
    rows, said = _elsewhere(refs, listed, where, what)
    return Section(heading, 1, _listed(intro + said, Table(name, heading, FINDING_COLUMNS, rows), none, said))


def findings_sections(c: Comparison, listed: frozenset[str] = frozenset(), where: str = "") -> list[Section]:
    """`listed`: the tracker ids of findings an audience's own section lists (`where`, the
    chief officers' Open findings by area), left out of the tables here and pointed to."""
    rows = tuple((f"{p.old.label}: {p.old.text}{p.old.partly}", f"{p.new.label}: {p.new.text}",
                  sentence(since_text(p.first_raised, p.times_raised, p.not_on_file, p.earlier_unlisted))
                        + (f"; {p.severity_change}" if p.severity_change else ""))
                 for p in c.persisting)
    persisting = Section("Persisting concerns", 1, _listed(
        f"Findings of the {c.old.cycle_name} inspection raised again in {c.new.cycle_name}, earlier and current "
        "wording side by side.",
        Table("Persisting", "Persisting concerns", (Column(f"Then ({c.old.cycle_name})", 4),
                                                    Column(f"Now ({c.new.cycle_name})", 4),
                                                    Column("Persisting since", 2.5)), rows),
        f"No finding of the {c.old.cycle_name} source is matched to one of the {c.new.cycle_name} source."))
    if c.unmatched_confirmed:
        intro = (f"Findings of the {c.old.cycle_name} inspection that the {c.new.cycle_name} report does not raise "
                 "again. Not being raised again is not the same as HMICFRS discharging them.")
    else:
        one = len(c.resolved) == 1
        intro = (f"{sentence(unmatched_phrase(c, len(c.resolved)))}. That does not show "
                 f"{'it was' if one else 'they were'} resolved: check {'it' if one else 'them'} against "
                 f"{report_to_check(c)}.")
    intro += earlier.improved_words(c, one="it", quoted=True)
    resolved = _side("Resolved", unmatched_heading(c), intro, c.resolved, (c.old, c.new), listed, where,
                     ", marked \u201cstatus unknown\u201d")
    if c.new_confirmed:
        heading, intro = "New findings", (f"Findings of the {c.new.cycle_name} inspection with no counterpart in "
                                          f"{c.old.cycle_name}.")
    else:
        heading = f"Later findings {new_words(c)}"
        intro = (f"Findings of the {c.new.cycle_name} inspection with no counterpart in the {c.old.cycle_name} source, "
                 f"which is {with_article(c.old.source_kind_name)} and does not list every finding: some may have been "
                 f"raised in {c.old.cycle_name} too.")
    if c.continuing:  # its own words say it carries on: never "new", whatever the earlier source lists
        n, said = len(c.continuing), dict.fromkeys(f.continues for f in c.continuing)  # each wording once
        # "the source says": the words may be another sentence's in the finding's area ("There are ongoing concerns
        # about how the force investigates crime"), never each finding's own (review 13, item 18)
        intro += (f" The source says of {'one' if n == 1 else number(n)} of them that "
                  f"{'it carries' if n == 1 else 'they carry'} on from "
                  f"before ({join_words([chr(0x201c) + w + chr(0x201d) for w in said])}): "
                  f"treat {'it as a concern that persists' if n == 1 else 'them as concerns that persist'}, "
                  f"though this pack does not match "
                  f"{'it to an earlier finding' if n == 1 else 'them to earlier findings'} on file.")
    new = _side("New", heading, intro, c.new_findings, (c.new, c.old), listed, where, "")
    return [persisting, resolved, new]


def figures_section(c: Comparison) -> Section:
    blocks = []
    for name, figures in ((c.new.cycle_name, c.new_figures), (c.old.cycle_name, c.old_figures)):
        if not figures:
            # never "states no key figures": figures are not read from a report's text (review 13, item 6:
            # Staffordshire's release gives 38% of victims declining a DASH risk assessment)
            blocks.append(Paragraph(f"No key figures are on file for {name}: they are not read from a report's text, "
                                    "so add any the report gives to its dataset (key_figures)."))
            continue
        rows = tuple((f.name, *figure_cells(f), f.period) for f in figures)
        blocks.append(Table(f"Figures{len(blocks) + 1}", f"Key figures from {name}",
                            (Column("Figure", 3), Column("Force", 1.3, "number"),
                             Column("England and Wales", 1.5, "number"), Column("Period", 2.2)), rows))
    return Section("Key figures", 1, tuple(blocks))


def history_section(record: History, fw: Frameworks) -> Section:
    """The force's record: each area's grades over the cycles on file, as a grid, and its themes."""
    from briefing.document.grid import record_grid

    n = len(record.inspections)
    themes = tuple((t.name, f"{'at least ' if t.at_least else ''}{t.raised_in} of {t.of}", t.first, t.latest)
                   for t in record.themes)
    intro = (f"Grades and recurring themes across the {n} inspections of {record.force} on file, oldest first: "
             f"{join_words(record.names())}.")
    if record.not_on_file:
        intro += (f" Not on file: {join_words(record.not_on_file)}; the record below leaves them out, so each count "
                  "covers only the inspections on file.")
    partial = [i for i in record.inspections if not i.findings_complete]
    if partial:
        names = join_words([f"{fw.short_name(i.cycle)} ({with_article(source_kind_name(i.source_kind))})" for i in partial])
        intro += (f" {len(partial)} of the {n} sources do not list every finding of their report ({names}): a theme "
                  "they do not raise may be in the full report, so its count is \u201cat least\u201d.")
    gaps = sorted({p.inspection for t in record.timelines for p in t.points if p.state == NOT_STATED})
    if gaps:
        intro += (f" Where an inspection graded an area but its source on file gives no grade ({join_words(gaps)}), "
                  f"the grid says \u201c{STATE_WORDS[NOT_STATED]}\u201d.")
    intro += " The same caveats on comparing grades apply."
    return Section("The force's inspection record", 1, (
        Paragraph(intro),
        record_grid(record, fw),
        Table("Themes", f"Themes raised in findings, and in how many of the {n} inspections on file",
              (Column("Theme", 3), Column("Raised in", 1.2), Column("First on file", 2), Column("Latest", 2)), themes)))


def _place(place: str) -> str:
    """ "page 12" or "line 663" as model.Place says it; a fact kept by hand without one says so."""
    return "not recorded" if place in ("", str(Place())) else place


def _graded_separately(c: Comparison) -> set[tuple[str, str]]:
    """("old" or "new", area) for each grade a source states of an area its cycle grades only
    in separate reports (Merseyside 2023-25's "outstanding in disrupting serious organised crime
    in its regional HMICFRS inspection"): the annex says whose grade it is, as the grid does."""
    return {(side, g.area) for g in c.grade_changes for side, state in (("old", g.old_state), ("new", g.new_state))
            if state.why == SEPARATELY and state.elsewhere}


def annexes(c: Comparison) -> list[Section]:
    """The analyst's detail, at the end: what each source is and how its grades were read, then
    every finding and judgement in the source's own words with its page (a document) or line
    (a text), the source itself named once above each table rather than on every row."""
    sources = sources_section(c)
    cites = Paragraph(" ".join(f"{s.cycle_name}: {s.cite}." for s in (c.old, c.new)), "note")
    findings = tuple((s.cycle_name, f.label, KIND_LABELS[f.kind], f.text, _place(f.place))
                     for s in (c.old, c.new) for f in s.findings)
    separate = _graded_separately(c)
    fw = load_frameworks()  # each row's area in its own cycle's words (review 15, item 12: "Good use of resources and
    #                         force management" beside 2023-25's "leadership and force management")
    judgements = tuple((s.cycle_name, area_title(fw, (s.cycle,) if s.cycle in fw.cycles else (), j.area), j.label,
                        f"{j.grade} (a separate inspection's grade, not {s.cycle_name}'s)" if (side, j.area) in separate
                        else j.grade, _place(j.place), sentence(j.correction))
                       for side, s in (("old", c.old), ("new", c.new)) for j in s.judgements)
    return [sources,
            Section("Annex A: every finding and its place in the source", 1, (cites, Table(
                "Annex", "Every finding of both inspections, with its page or line in the source",
                (Column("Inspection", 1.3), Column("Finding", 1.3), Column("Kind", 1.5), Column("Text", 5),
                 Column("Page or line", 1.3)), findings))),
            Section("Annex B: every judgement as the source words it", 1, (cites, Table(
                "Judgements", "Every judgement of both inspections, in the source's own wording, with its page or line",
                (Column("Inspection", 1.3), Column("Area", 1.8), Column("Source's wording", 2.2),
                 Column("Grade", 1.5, "grade"), Column("Page or line", 1.2), Column("Correction", 2.4)), judgements),
                *(Paragraph(line, "note") for line in summary.praised_lines(c))))]
