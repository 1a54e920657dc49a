"""A force's files checked as a whole before any command uses them, and each published
response attached to the one report it answers.

Datasets are each valid on their own and still wrong together: a response dated before
its report, two reports of one title sharing a response, the same report given twice, a
thematic copy of the PEEL report, a recommendation for another named force, a deadline
before publication, a count the listed findings contradict. Each is one line naming both
files: an error where the pack would otherwise state something false, a warning where the
file is set aside or a value left unused and the pack stays true.

A response is attached by the report's title (or PEEL cycle) *and* date, never by title
alone; a response whose report is not on file stands for that report in the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefing.compare.addressed import DeadlineCheck, deadline_check, named_force
from briefing.errors import InputError
from briefing.model import Inspection, PublicationDate, Response
from briefing.phrases import long_date
from briefing.reference import load_frameworks
from briefing.words import content_stems


@dataclass(frozen=True)
class Named:
    """An inspection and the file it came from, for messages."""

    file: str
    inspection: Inspection


@dataclass(frozen=True)
class Answer:
    """A response on file, and the file that records it."""

    response: Response
    file: str


@dataclass(frozen=True)
class Record:
    """The force's reports, each once, and the response on file for each (by its index)."""

    reports: tuple[Named, ...]
    answers: dict[int, Answer] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def answer_to(self, index: int) -> Answer | None:
        return self.answers.get(index)

    @property
    def inspections(self) -> tuple[Inspection, ...]:
        return tuple(n.inspection for n in self.reports)


def _root(cycle: str) -> str:
    """A cycle's id, a variant question set counting as its cycle (PEEL 2021/22 revised is PEEL 2021/22)."""
    known = load_frameworks().cycles.get(cycle)
    return (known.variant_of or cycle) if known else cycle


def same_title(a: Inspection, b: Inspection) -> bool:
    """Two accounts of one report by name: the same PEEL cycle and force, or nearly the same title words."""
    if a.cycle and b.cycle:  # two PEEL inspections: one cycle (either question set) and one force
        return _root(a.cycle) == _root(b.cycle) and (a.force == b.force or not (a.force and b.force))
    wa, wb = set(content_stems(a.title)), set(content_stems(b.title))
    return bool(wa and wb) and len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def same_date(a: PublicationDate, b: PublicationDate) -> bool:
    """Dates that may be one day: equal as far as both are known (an unknown date matches none)."""
    if not (a.known and b.known):
        return False
    x, y = a.sort_key(), b.sort_key()
    return all(p == q or not p or not q for p, q in zip(x, y))


def same_report(a: Inspection, b: Inspection) -> bool:
    """One report given twice: the same title (or cycle) and the same date; a thematic copy of
    a PEEL report (its title names the cycle's report) is the PEEL report."""
    if not same_date(a.published, b.published):
        return False
    if a.cycle and b.cycle:
        return a.cycle == b.cycle and a.force == b.force
    return same_title(a, b)


def _fuller(a: Named, b: Named) -> bool:
    """Whether `a` holds more of the report than `b`: a PEEL dataset over a copy, then findings."""
    return (a.inspection.is_peel, a.inspection.findings_complete, len(a.inspection.findings)) > \
        (b.inspection.is_peel, b.inspection.findings_complete, len(b.inspection.findings))


def _distinct(reports: list[Named]) -> tuple[list[Named], list[str]]:
    kept: list[Named] = []
    warnings = []
    for n in reports:
        twin = next((k for k in kept if same_report(k.inspection, n.inspection)), None)
        if twin is None:
            kept.append(n)
            continue
        keep, drop = (n, twin) if _fuller(n, twin) else (twin, n)
        kept[kept.index(twin)] = keep
        warnings.append(f"{drop.file} and {keep.file} are the same report ({keep.inspection.title}, published "
                        f"{keep.inspection.published}): {keep.file} is used")
    return kept, warnings


def _attach(reports: list[Named], answers: list[Named]) -> tuple[dict[int, Answer], list[Named], list[str]]:
    """Each response to the report of its title and date; the rest stand for their own report."""
    attached: dict[int, Answer] = {}
    alone, warnings = [], []
    for a in answers:
        titled = [i for i, r in enumerate(reports) if same_title(a.inspection, r.inspection)]
        dated = [i for i in titled if same_date(a.inspection.published, reports[i].inspection.published)]
        if len(dated) != 1:
            warnings += _unmatched(a, [reports[i] for i in titled], len(dated))
            if not titled:
                alone.append(a)
            continue
        index, report = dated[0], reports[dated[0]]
        _check_order(a, report)
        earlier = attached.get(index)
        if earlier is None or _first(a.inspection.response, earlier.response):
            if earlier is not None:
                warnings.append(f"{a.file} and {earlier.file} both answer {report.inspection.title}: the earlier "
                                "response is used")
            attached[index] = Answer(a.inspection.response, a.file)
        else:
            warnings.append(f"{a.file} and {earlier.file} both answer {report.inspection.title}: the earlier "
                            "response is used")
    return attached, alone, warnings


def _unmatched(a: Named, titled: list[Named], dated: int) -> list[str]:
    if not titled:
        return []
    if dated > 1:
        return [f"{a.file} answers {a.inspection.title}, and {len(titled)} reports on file of that title and date "
                f"({', '.join(t.file for t in titled)}) could be it: it is attached to none"]
    dates = "; ".join(f"{t.file}: {t.inspection.published}" for t in titled)
    if not a.inspection.published.known:
        return [f"{a.file} answers {a.inspection.title} but gives no date for it, and a title alone may name another "
                f"report ({dates}): it is attached to none; set 'published' to the report's publication day"]
    return [f"{a.file} answers {a.inspection.title} published {a.inspection.published}, but no report on file of "
            f"that title was published then ({dates}): it is attached to none"]


def _first(a: Response, b: Response) -> bool:
    """Whether response `a` came before `b`: a dated response before an undated one."""
    return a.date is not None and (b.date is None or a.date < b.date)


def _check_order(a: Named, report: Named) -> None:
    """A response cannot come before the report it answers."""
    day, first = a.inspection.response.date, report.inspection.published.earliest
    if day is not None and first is not None and day < first:
        raise InputError(f"the response is dated {long_date(day)}, before the report it answers ({report.file}) "
                         f"was published ({report.inspection.published})", file=a.file)


def _findings(n: Named, force: str, forces) -> list[str]:
    """A finding for another named force, a deadline before publication, a count the list contradicts."""
    i, warnings = n.inspection, []
    labels = i.finding_labels()
    for finding, label in zip(i.findings, labels):
        other = named_force(finding, forces)
        if other and force and other != force:
            warnings.append(f"{n.file}, {label}: addressed to {other}, not {force}: listed for information only")
        if deadline_check(finding, i.published) is DeadlineCheck.BEFORE:
            warnings.append(f"{n.file}, {label}: its deadline ({finding.due}) is before the report was published "
                            f"({i.published}): no due date is taken from it")
    for count in i.counts:
        listed = len(i.findings_of(count.kind))
        if listed > count.count or (i.findings_complete and listed < count.count):
            warnings.append(f"{n.file}: lists {listed} of kind {count.kind}, but says the report makes {count.count}"
                            f" (line {count.place.line})" if count.place.line else
                            f"{n.file}: lists {listed} of kind {count.kind}, but says the report makes {count.count}")
    return warnings


def check_record(named: list[Named], force: str = "", forces=()) -> Record:
    """The files as one record: copies set aside, responses attached, every cross-file
    check made. `force` is whose record it is; `forces` the known forces (reference.forces)."""
    reports = [n for n in named if n.inspection.response is None]
    answers = [n for n in named if n.inspection.response is not None]
    reports, warnings = _distinct(reports)
    attached, alone, more = _attach(reports, answers)
    warnings += more
    for a in alone:
        if not a.inspection.response.date:
            warnings.append(f"{a.file}: the response gives no date, so whether it came within the 56 days is not known")
    everything = reports + alone
    for n in everything:
        warnings += _findings(n, force, forces)
    answers_of = dict(attached)
    answers_of.update({len(reports) + k: Answer(a.inspection.response, a.file) for k, a in enumerate(alone)})
    return Record(tuple(everything), answers_of, tuple(warnings))


def bare_response(inspection: Inspection) -> bool:
    """A response that says nothing of the inspection itself (the one-line form): never a
    source of grades or findings. A response page that states grades or findings is also a
    source about its report, and may stand for it."""
    return inspection.response is not None and not (inspection.judgements or inspection.grade_counts
                                                    or inspection.findings)


def responded_by(record: Record, index: int, as_of: date, last_day: date | None) -> tuple[date | None, bool]:
    """The response to report `index` published by `as_of`: its date, and whether one is on
    file without a date. An undated response cannot be placed before the end of the 56
    days, so it counts only once they have ended (`last_day`, the latest they can end)."""
    answer = record.answer_to(index)
    if answer is None:
        return None, False
    if answer.response.date is None:
        return None, last_day is None or last_day < as_of
    return (answer.response.date, False) if answer.response.date <= as_of else (None, False)


