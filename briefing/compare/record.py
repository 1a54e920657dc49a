"""A force's files checked as a whole before any command uses them, and each published
response attached to the one report it answers.

Datasets are each valid on their own and still wrong together: a response dated before
its report, two reports of one title sharing a response, the same report given twice, a
thematic copy of the PEEL report, a recommendation for another named force, a deadline
before publication, a count the listed findings contradict. Each is one line naming both
files: an error where the pack would otherwise state something false, a warning where the
file is set aside or a value left unused and the pack stays true.

A response is attached by the report's title (or PEEL cycle) *and* date, never by title
alone; a response whose report is not on file stands for that report in the register, and
one that names a report on file but gives it another date (or none) is kept beside that
report's row, typed, so the register says so rather than "none on file".

A page that gives no date (a press release, a news item) with the title and force of one
dated report on file is that report's page: its findings join the report's. Two dated
reports are never joined unless their dates agree (same_report).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from briefing.compare.addressed import DeadlineCheck, deadline_check, named_force
from briefing.errors import InputError
from briefing.model import NOT_S55_TYPES, Finding, Inspection
from briefing.phrases import long_date
from briefing.places import Place, PublicationDate
from briefing.reference import load_frameworks
from briefing.statements import Response, total_of
from briefing.words import content_stems

LETTERS = NOT_S55_TYPES | {"revisit-letter"}  # letters about a report, never the report itself


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
    misdated: dict[int, Named] = field(default_factory=dict)  # a response naming the report with another date, or none
    joined: dict[str, str] = field(default_factory=dict)  # an undated page's file -> the dated report's file it joined

    def answer_to(self, index: int) -> Answer | None:
        return self.answers.get(index)

    def misdated_to(self, index: int) -> PublicationDate | None:
        """The date a response on file gives report `index` where it is not the report's own
        (PublicationDate(0): it gives none), and no other response is attached; else None."""
        named = self.misdated.get(index)
        return named.inspection.published if named is not None and index not in self.answers else None

    def holding(self, file: str) -> Named | None:
        """The report on file that holds what `file` gave: itself, or the dated report its undated page joined."""
        file = self.joined.get(file, file)
        return next((n for n in self.reports if n.file == file), None)

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


def _page_of(page: Named, report: Named) -> bool:
    """Whether an undated `page` is an account of the dated `report`: the same force, the same
    title (or PEEL cycle), and no later source's bound on the page ("published_by") before the report's date."""
    a, b = page.inspection, report.inspection
    if a.published.known or not b.published.known or a.force != b.force or not same_title(a, b):
        return False
    if a.is_peel != b.is_peel or (a.report_type != b.report_type and LETTERS & {a.report_type, b.report_type}):
        return False  # a letter revisiting a report is not the report's page, nor a PEEL page a thematic report's
    return a.published_by is None or b.published.earliest is None or b.published.earliest <= a.published_by


def _join_undated(reports: list[Named]) -> tuple[list[Named], list[str], dict[str, str]]:
    """Each undated page joined to the one dated report on file of its title and force; a page
    that could be either of two dated reports of one title stays apart, and is said."""
    kept, warnings, joined = list(reports), [], {}
    for page in reports:
        homes = [n for n in kept if _page_of(page, n)]
        if len(homes) > 1:
            warnings.append(f"{page.file} gives no date, and {len(homes)} reports on file have its title "
                            f"({', '.join(f'{h.file}: {h.inspection.published}' for h in homes)}): it is joined to "
                            "none; set its 'published' to say which it is")
        if len(homes) != 1:
            continue
        home = homes[0]
        merged, added = _merged(home.inspection, page.inspection)
        kept = [Named(home.file, merged) if k is home else k for k in kept if k is not page]
        joined[page.file] = home.file
        what = (f"the {added} finding{'s' if added > 1 else ''} it lists that the report's file does not "
                f"{'are' if added > 1 else 'is'} joined to the report, without lines (theirs are the page's)"
                if added else "it lists no finding the report's file does not")
        warnings.append(f"{page.file} gives no date and has the title and force of {home.file} "
                        f"({home.inspection.title}, published {home.inspection.published}): it is taken as that "
                        f"report's page; {what}")
    return kept, warnings, joined


def _merged(report: Inspection, page: Inspection) -> tuple[Inspection, int]:
    """The report with the page's findings it does not hold; none where the report's source lists every
    finding (the page can only say them again in other words). A joined finding keeps no line: its
    line is of the page, not of the report's source."""
    if report.findings_complete:
        return report, 0
    new = [replace(f, place=Place(), closed=None) for f in page.findings
           if not any(_same_finding(f, g) for g in report.findings)]
    return (replace(report, findings=report.findings + tuple(new)) if new else report), len(new)


def _same_finding(a: Finding, b: Finding) -> bool:
    """One finding said twice: the same kind, and the same words (one's words all among the other's)."""
    if a.kind != b.kind:
        return False
    wa, wb = set(content_stems(a.text)), set(content_stems(b.text))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _attach(reports: list[Named], answers: list[Named]) -> tuple[dict[int, Answer], list[Named], list[str],
                                                                   dict[int, Named]]:
    """Each response to the report of its title and date; the rest stand for their own report."""
    attached: dict[int, Answer] = {}
    misdated: dict[int, Named] = {}
    alone, warnings = [], []
    for a in answers:
        titled = [i for i, r in enumerate(reports) if same_title(a.inspection, r.inspection)]
        dated = [i for i in titled if same_date(a.inspection.published, reports[i].inspection.published)]
        if len(dated) != 1:
            warnings += _unmatched(a, [reports[i] for i in titled], len(dated))
            if not titled:
                alone.append(a)
            if len(titled) == 1 and not dated:  # the one report of its title, which it dates otherwise (or not)
                misdated.setdefault(titled[0], a)
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
    return attached, alone, warnings, misdated


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
    for count in (total_of(i.counts, kind) for kind in dict.fromkeys(c.kind for c in i.counts)):  # "11, 3 of which
        # were for forces": the 11
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
    reports, more, joined = _join_undated(reports)
    warnings += more
    attached, alone, more, misdated = _attach(reports, answers)
    warnings += more
    for a in alone:
        if not a.inspection.response.date:
            warnings.append(f"{a.file}: the response gives no date, so whether it came within the 56 days is not known")
    everything = reports + alone
    for n in everything:
        warnings += _findings(n, force, forces)
    answers_of = dict(attached)
    answers_of.update({len(reports) + k: Answer(a.inspection.response, a.file) for k, a in enumerate(alone)})
    return Record(tuple(everything), answers_of, tuple(warnings), misdated, joined)


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


