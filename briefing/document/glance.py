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
from briefing.compare.comparison import InspectionSummary
from briefing.document.grid import glance_grid
from briefing.document.header import decision_sought, paper_words
from briefing.document.model import BulletList, Column, Paragraph, Point, Points, Section, Table
from briefing.document.options import REPORT_TO, PackOptions
from briefing.document.wording import join_words, long_date, sentence, since_text, whole_sentences
from briefing.frameworks import Frameworks
from briefing.model import KIND_LABELS, KIND_PLURALS
from briefing.sources import with_article
from briefing.tracker import Progress, TrackerRow

WEAK = ("requires improvement", "inadequate")
MESSAGES = 4  # a page holds three or four; the rest are in the body


def _number(n: int) -> str:
    from briefing.document.narrative import environment

    return environment().filters["number"](n)


def _count(n: int, one: str, many: str) -> str:
    """ "one area", "three areas": the count in words with its noun agreeing."""
    return f"{_number(n)} {one if n == 1 else many}"


def _kinds(kind: str, n: int) -> str:
    return _count(n, KIND_LABELS[kind].lower(), KIND_PLURALS[kind])


def source_name(s: InspectionSummary) -> str:
    """ "PEEL 2023-25 (news article)": short enough for page 1; the full citation, with its
    date, is under About the sources."""
    return f"{s.cycle_name} ({s.source_kind_name})"


def _cited(*summaries: InspectionSummary, labels: tuple[str, ...] = ()) -> str:
    names = " and ".join(source_name(s) for s in summaries)
    return _messages()["sources"].format(names=", ".join(labels) + (" of " if labels else "") + names)


def _messages() -> Mapping:
    return paper_words()["messages"]


def _causes(c: Comparison) -> list[Point]:
    causes = [f for f in c.new.findings if f.kind == "cause-of-concern"]
    if not causes:
        return []
    text = _messages()["causes"].format(new=c.new.cycle_name, count=_kinds("cause-of-concern", len(causes)),
                                        first=whole_sentences(causes[0].text, 200))
    return [Point(text, _cited(c.new, labels=(causes[0].label,)))]


def _grades(c: Comparison) -> list[Point]:
    """The weakest grades now, then the movements between the two inspections."""
    words = _messages()
    out = []
    weak = [g for g in c.grade_changes if g.new_grade in WEAK]
    if weak:
        grades = [g for g in WEAK if any(w.new_grade == g for w in weak)]
        named = [g.area_name + (f" ({g.new_grade})" if len(grades) > 1 else "") for g in weak]
        out.append(Point(words["weak"].format(new=c.new.cycle_name, count=sentence(_count(len(weak), "area", "areas")),
                                              are="is" if len(weak) == 1 else "are", grades=" or ".join(grades),
                                              names=join_words(named)), _cited(c.new)))
    elif not any(g.new_grade for g in c.grade_changes):
        out.append(Point(words["no_grades"].format(new=c.new.cycle_name, kind=c.new.source_kind_name),
                         _cited(c.new)))
    moved = {m: len(c.movements(m)) for m in ("up", "down", "same")}
    compared = sum(moved.values())
    if not compared:
        out.append(Point(words["none_compared"].format(old=c.old.cycle_name, new=c.new.cycle_name),
                         _cited(c.old, c.new)))
        return out
    text = words["movements"].format(compared=_count(compared, "area", "areas"),
                                     **{k: _number(v) for k, v in moved.items()})
    downs = sorted(c.movements("down"), key=lambda g: g.steps)
    if downs:
        g = downs[0]
        text += " " + words["fall"].format(which="one" if len(downs) == 1 else "largest", area=g.area_name,
                                           old_grade=g.old_grade, new_grade=g.new_grade, old=c.old.cycle_name,
                                           new=c.new.cycle_name)
    out.append(Point(text, _cited(c.old, c.new)))
    return out


def _findings(c: Comparison) -> list[Point]:
    words = _messages()
    out = []
    if c.persisting:
        longest = max(c.persisting, key=lambda p: (p.times_raised, p.score))
        text = words["persisting"].format(count=sentence(_count(len(c.persisting), "concern", "concerns")),
                                          old=c.old.cycle_name, new=c.new.cycle_name,
                                          persist="persists" if len(c.persisting) == 1 else "persist",
                                          since=since_text(longest.first_raised, longest.times_raised,
                                                           longest.not_on_file))
        out.append(Point(text, _cited(c.old, c.new, labels=(f"{longest.old.label} and {longest.new.label}",))))
    if not c.resolved:
        return out
    n = len(c.resolved)
    if c.unmatched_confirmed:
        text = words["unmatched"].format(count=sentence(_count(n, "finding", "findings")), old=c.old.cycle_name,
                                         are="is" if n == 1 else "are", new=c.new.cycle_name,
                                         fresh=_number(len(c.new_findings)),
                                         fresh_are="is" if len(c.new_findings) == 1 else "are")
    else:
        text = words["unknown"].format(new=c.new.cycle_name, kind=with_article(c.new.source_kind_name),
                                       count=_count(n, "finding", "findings"), old=c.old.cycle_name,
                                       were="was" if n == 1 else "were")
    out.append(Point(text, _cited(c.new)))
    return out


def key_messages(c: Comparison) -> tuple[Point, ...]:
    """Causes of concern and the weakest grades lead, then movements, persisting concerns and
    what the sources leave unknown: at most four, each with the sources it rests on."""
    return tuple([*_causes(c), *_grades(c), *_findings(c)][:MESSAGES])


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
    states = {key: sum(1 for r in rows if r.state in key.split("+")) for key in ("new+persisting", "unknown", "report")}
    parts = [words["first_new"].format(n=states["new+persisting"], new=c.new.cycle_name)]
    if states["unknown"]:
        parts.append(words["first_unknown"].format(n=states["unknown"], old=c.old.cycle_name))
    if states["report"]:
        parts.append(words["first_reports"].format(n=states["report"]))
    return words["first"].format(rows=len(rows), parts=join_words(parts))


def _to_line(c: Comparison, options: PackOptions) -> str:
    report_to = options.office_short(c.new.force) if options.audience == "pcc" else REPORT_TO[options.audience]
    meeting = options.meeting_for(c.new.force)
    item = f", agenda item {options.agenda_item}" if options.agenda_item else ""
    return paper_words()["glance"]["to"].format(report_to=report_to, meeting=f", {meeting}{item}" if meeting else item,
                                                date=long_date(options.date))


def glance_section(c: Comparison, record: History | None, options: PackOptions, deadline: str, open_count: int,
                   facts: tuple[tuple[str, str], ...], fw: Frameworks) -> Section:
    """`facts` are the rows of the small table under the grid (monitoring, the cycle, the
    actions), made where those values are known."""
    words = paper_words()["glance"]
    lead, asked = decision_sought(c, options, deadline, open_count)
    blocks = [Paragraph(_to_line(c, options), "note"), Paragraph(lead, "lead"), BulletList(asked, ordered=True),
              Points(key_messages(c))]
    blocks.append(glance_grid(c, record, fw))
    if facts:
        blocks.append(Table("Glance", words["facts_caption"], (Column("Item", 1), Column("Detail", 4)), facts))
    return Section(words["title"], 1, tuple(blocks), ends_page=True)
