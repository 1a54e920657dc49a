"""Page 1, "At a glance": what a commissioner or a chief officer group reads if it reads
nothing else. The decision sought, three or four key messages each resting on the comparison
with its sources, the inspector's own headline words, the grades as a grid, where monitoring,
the inspection cycle and the actions stand.

Everything here is made from values the comparison, the record and the tracker already
hold; the words are data/wording.yaml's `paper` table. Nothing is read back out of a
sentence: a message exists because a count or a state says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.compare import Comparison, History
from briefing.compare.grades import WEAK
from briefing.compare.states import NOT_STATED
from briefing.compare.summaries import InspectionSummary
from briefing.document import earlier, summary
from briefing.document.grid import glance_grid
from briefing.document.header import decision_sought, paper_words
from briefing.document.model import BulletList, Column, Paragraph, Point, Points, Quote, Section, Table
from briefing.document.options import REPORT_TO, PackOptions
from briefing.document.wording import join_words, long_date, number, sentence, since_text
from briefing.frameworks import Frameworks
from briefing.reference import load_frameworks
from briefing.tracker import Progress, TrackerRow

MESSAGES = 4  # a page holds three or four; the rest are in the body


def _cited(*summaries: InspectionSummary, labels: tuple[str, ...] = ()) -> str:
    """ "Source: AFI 1 of PEEL 2021/22 (full report) and Finding 3 of PEEL 2023-25 (news
    article)": each label with its own source (`labels` in the order of `summaries`), never
    both findings filed under the first inspection."""
    names = " and ".join(f"{label} of {source_name(s)}" if label else source_name(s)
                         for s, label in zip(summaries, labels or ("",) * len(summaries)))
    return _messages()["sources"].format(names=names)


def _corrected(s: InspectionSummary, areas: set[str]) -> str:
    """The source, and where a grade stands as HMICFRS corrected it, that correction: the
    source used may give the grade as first published; where a grade is stated only in
    someone's quoted words (a chief constable's, in a news article), whose they are."""
    fixes = [f"{j.area_name} as HMICFRS corrected it on {j.corrected.when}" for j in s.judgements
             if j.corrected and j.area in areas]
    fixes += [f"{j.area_name} in the words of {j.by}{f' ({j.place})' if j.place else ''}" for j in s.judgements
              if j.by and j.area in areas]
    cited = _cited(s)
    return cited if not fixes else f"{cited[:-1]}; {join_words(fixes)}."


def source_name(s: InspectionSummary) -> str:
    """ "PEEL 2023-25 (news article)": short enough for page 1; the full citation, with its
    date, is under About the sources."""
    return f"{s.cycle_name} ({s.source_kind_name})"


def _messages() -> Mapping:
    return paper_words()["messages"]


def _lead(c: Comparison, monitoring) -> list[Point]:
    """What leads, as in the summary: enhanced monitoring (document.summary.monitoring_lines),
    inadequate grades named, grades only counted, causes of concern; then the other weak
    grades the newer source names."""
    points = [Point(f"{c.new.force} {monitoring.words()}.", _messages()["sources"].format(names=monitoring.source))
              ] if monitoring and monitoring.enhanced else []
    points += [Point(line, _cited(c.new)) for line in summary.weakest(c)]
    named = {g.area for g in c.grade_changes if g.new_state.graded and g.new_grade == "inadequate"}
    weak = [g for g in c.grade_changes if g.new_state.graded and g.new_grade in WEAK and g.area not in named]
    if weak:
        grades = [grade for grade in WEAK if any(g.new_grade == grade for g in weak)]
        names = [g.area_name + (f" ({g.new_grade})" if len(grades) > 1 else "") for g in weak]
        unstated = [g for g in c.grade_changes if g.new_state.state == NOT_STATED]  # else "one area ..." reads as a count
        rest = unstated[0].new_state.rest if unstated and all(g.new_state.rest for g in unstated) else ()
        # "every graded area it does not name was adequate", where the source says so, never "does not state every area's
        # grade" (review 14, item 18: Gwent)
        message = _messages()["weak" if not unstated else "weak_rest" if rest else "weak_named"]
        points.append(Point(message.format(
            count=sentence(summary.areas(len(weak))), are="is" if len(weak) == 1 else "are", grades=" or ".join(grades),
            new=c.new.cycle_name, names=join_words(names), rest=" or ".join(rest),
            **{"is": "is" if len(weak) == 1 else "are"}),
            _corrected(c.new, {g.area for g in weak})))
    best = [g.area_name for g in c.grade_changes if g.new_state.graded and g.new_grade == "outstanding"]
    if best and not weak and not named and not any(g.old_state.graded and g.new_state.graded for g in c.grade_changes):
        points.append(Point(_messages()["best_named"].format(  # no movement to lead with: what it graded best
            names=join_words(best), new=c.new.cycle_name, **{"is": "is" if len(best) == 1 else "are"}),
            _corrected(c.new, {g.area for g in c.grade_changes if g.area_name in best})))
    stated = any(j.grade != "ungraded" for j in c.new.judgements)  # else summary.weakest has said there are none
    if stated and not any(g.new_state.graded for g in c.grade_changes) and not c.new_counts:
        points.append(Point(_messages()["no_grades"].format(new=c.new.cycle_name, kind=c.new.source_kind_name),
                            _cited(c.new)))
    return points


def _movements(c: Comparison) -> list[Point]:
    lines = summary.movement_lines(c)
    bounded = summary.bounded_line(c)
    bounded = "" if bounded in lines[0] else bounded  # said in the first line where no area is graded in both
    text = " ".join(x for x in (lines[0], summary.stated_later_line(c), bounded, summary.downgrade_line(c), summary.falls_line(c),
                                summary.rises_line(c), summary.side_by_side(c), summary.comparability_line(c)) if x)
    return [Point(text, _cited(c.old, c.new))]


def _findings(c: Comparison) -> list[Point]:
    out = []
    if c.persisting:
        longest = max(c.persisting, key=lambda p: (p.times_raised, p.score))
        unique = sum(1 for p in c.persisting if p.times_raised == longest.times_raised) == 1
        n = c.persisting_count
        which = "it was" if n == 1 else "the longest-standing was" if unique else "one of them was"
        text = _messages()["persisting"].format(
            count=sentence(f"{summary.number(n)} concern{'s' if n > 1 else ''}"),
            old=c.old.cycle_name, new=c.new.cycle_name, persist="persists" if n == 1 else "persist",
            which=which, since=since_text(longest.first_raised, longest.times_raised, longest.not_on_file))
        out.append(Point(text, _cited(c.old, c.new, labels=(longest.old.label, longest.new.label))))
    if c.resolved or c.new_findings:
        out.append(Point(sentence(earlier.findings_line(c, quoted=True)), _cited(c.old, c.new)))
    return out


def gaps(c: Comparison, options: PackOptions) -> list[Point]:
    """What makes the comparison less than current or whole, said before what it qualifies:
    a later cycle whose reports were all out by the paper's date (the force's not on file),
    and cycles between the two compared with no data on file (review 6, items 11 and 12)."""
    from briefing.document.audience import ahead

    later, words, points = ahead(c, options), _messages(), []
    if later["passed"]:
        points.append(Point(words["passed"].format(passed=later["passed"], by=later["passed_by"], new=c.new.cycle_name),
                            words["cycles_source"]))
    fw = load_frameworks()
    between = {fw.short_name(x.id) for x in fw.cycles_between(c.old.cycle, c.new.cycle)} if c.old.cycle in fw.cycles \
        and c.new.cycle in fw.cycles else set()
    skipped = [name for name in c.not_on_file if name in between]
    if skipped:
        points.append(Point(words["skipped"].format(skipped=join_words(skipped), **{"is": "is" if len(skipped) == 1 else
                                                                                   "are"}), _cited(c.old, c.new)))
    return points


def key_messages(c: Comparison, monitoring=None, options: PackOptions | None = None) -> tuple[Point, ...]:
    """What makes the comparison less than current or whole first (`gaps`), then the most
    serious (inadequate grades, counts, causes of concern, the other weak grades), then the
    movements, persisting concerns and what the sources leave unknown: at most four, each
    with the sources it rests on; the sentences are the summary's own."""
    first = gaps(c, options) if options is not None else []
    # what makes the paper less than current is said beside the four, never in place of one: Humberside's only
    # concern fell off page 1 behind "no PEEL 2023-25 report of the force is on file" (review 13, item 14)
    return tuple([*first, *[*_lead(c, monitoring), *_movements(c), *_findings(c)][:MESSAGES]])


def actions_fact(rows: list[TrackerRow], progress: Progress, carried_from: str, c: Comparison) -> str:
    """Where the actions stand: the tracker's counts where one was carried in, else what the
    tracker that starts with this pack holds."""
    words = paper_words()["actions"]
    if carried_from:
        text = words["carried"].format(source=carried_from, open=progress.open_count,
                                       statuses="; ".join(f"{s} {n}" for s, n in progress.by_status) or "none",
                                       overdue=len(progress.overdue), awaiting=len(progress.awaiting))
        rag = ", ".join(f"{g} {n}" for g, n in progress.by_rag)
        return text + (" " + words["rag"].format(rag=rag) if rag else " " + words["no_rag"])
    if not rows:
        return words["first_none"]
    states = {key: sum(1 for r in rows if r.state in key.split("+")) for key in ("new+unsure-new+continues+persisting", "unknown", "report")}
    kinds = [(words[f"first_{key}"]["one" if n == 1 else "many"].format(new=c.new.cycle_name, old=c.old.cycle_name), n)
             for key, n in zip(("new", "unknown", "reports"), states.values()) if n]
    if len(kinds) == 1:  # "one row, for a finding of ...", "18 rows, all for findings of ..."
        parts = ("for " if len(rows) == 1 else "all for ") + kinds[0][0]
    else:
        parts = join_words([f"{number(n)} for {words}" for words, n in kinds])
    return words["first"].format(rows=f"{number(len(rows))} row{'s' if len(rows) != 1 else ''}", parts=parts)


def monitoring_fact(monitoring) -> str:
    """Where the force stands in HMICFRS's monitoring by the paper's date, only as a source on
    file states it (compare.monitoring): silence is "not stated", never Scan."""
    from briefing.compare.monitoring import not_stated

    if monitoring is None:
        return sentence(not_stated())
    return paper_words()["glance"]["monitoring"].format(words=sentence(monitoring.words()), source=monitoring.source)


def cycle_fact(c: Comparison, options: PackOptions) -> str:
    from briefing.document.audience import ahead

    later = ahead(c, options)
    words = paper_words()["cycle"]
    passed = words["passed"].format(passed=later["passed"], by=later["passed_by"]) if later["passed"] else ""
    if later["current"]:
        return passed + words["later"].format(current=later["current"], day=later["framework_day"] or "a date not recorded")
    return passed + words["same"].format(new=c.new.cycle_name)


def headline_quote(c: Comparison) -> tuple[Quote, ...]:
    """The inspector's own summary sentence of the newer report, with who and where."""
    quote = c.new.headline
    if quote is None or not quote.text.strip():
        return ()
    place = str(quote.place) if quote.place.line is not None or quote.place.page is not None else ""
    where = ", ".join(x for x in (quote.by, f"{c.new.cycle_name} ({c.new.source_kind_name})", place) if x)
    return (Quote(quote.text.strip().strip("\u201c\u201d\""), where),)


def _to_line(c: Comparison, options: PackOptions) -> str:
    report_to = options.office_short(c.new.force) if options.audience == "pcc" else REPORT_TO[options.audience]
    meeting = options.meeting_for(c.new.force)
    item = f", agenda item {options.agenda_item}" if options.agenda_item else ""
    return paper_words()["glance"]["to"].format(report_to=report_to, meeting=f", {meeting}{item}" if meeting else item,
                                                date=long_date(options.date))


def glance_section(c: Comparison, record: History | None, options: PackOptions, standing, open_count: int,
                   facts: tuple[tuple[str, str], ...], fw: Frameworks, monitoring=None) -> Section:
    """`facts` are the rows of the small table under the grid (monitoring, the cycle, the
    actions), made where those values are known."""
    words = paper_words()["glance"]
    lead, asked = decision_sought(c, options, standing, open_count)
    two_forces = (Paragraph(c.caveats[0], "caveat"),) if c.old.force != c.new.force else ()  # as --allow-different-forces promises
    blocks = [Paragraph(_to_line(c, options), "note"), *two_forces, Paragraph(lead, "lead"), BulletList(asked, ordered=True),
              Points(key_messages(c, monitoring, options)), *headline_quote(c)]
    blocks.append(glance_grid(c, record, fw))
    if facts:
        blocks.append(Table("Glance", words["facts_caption"], (Column("Item", 1), Column("Detail", 4)), facts))
    return Section(words["title"], 1, tuple(blocks), ends_page=True)
