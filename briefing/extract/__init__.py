"""Reports -> Inspection: read a PDF, text, Markdown or web page and say what it is unsure of.

A readable text is never refused: when its cycle, force or date cannot be settled the
dataset is written with what was found, `notes` and warnings say what is missing, and it
fails `briefing validate` until a person fills the gap. Comparing or packing a report
directly needs those three, so there the gap is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from briefing import limits
from briefing.errors import InputError
from briefing.extract import reports
from briefing.extract.areas import resolver
from briefing.extract.claimed import claimed_movement
from briefing.extract.closures import mark_closed, read_closures
from briefing.extract.context import Context, Settled
from briefing.extract.counts import COUNT_RULES, areas_graded, in_order, in_rest, rest_grade
from briefing.extract.cycles import Cue, cycle_published, detect_cycle, names_cycle, weakly_settled
from briefing.extract.dates import for_report, publication_date, published_by
from briefing.extract.findings import find_findings
from briefing.extract.findings.improved import read_improved
from briefing.extract.forces import canonical_force, force_sections
from briefing.extract.grades import Statement, read_grades
from briefing.extract.grades.accounted import praised, unplaced, warnings_of
from briefing.extract.grades.tense import past_years
from briefing.extract.grades.whose import spoken_by
from briefing.extract.headline import read_headline
from briefing.extract.judgements import (
    best_reading_cycle,
    dated,
    earlier_only,
    judgements_of,
    pillars_graded,
    question_set,
    report_pillar,
)
from briefing.extract.monitoring import read_monitoring
from briefing.extract.reader import SourceLine, read_report
from briefing.extract.responses import response_link, response_of
from briefing.extract.ruler import collector_held
from briefing.extract.scope import covered
from briefing.frameworks import Cycle, Frameworks
from briefing.model import KIND_LABELS, PEEL_RELATED, Inspection, kind_count
from briefing.places import PublicationDate
from briefing.reference import Reference
from briefing.reference import reference as default_reference
from briefing.statements import ReadingWarning


@dataclass(frozen=True)
class Extraction:
    inspection: Inspection
    cycle_evidence: str
    said: tuple[ReadingWarning, ...] = ()  # what the reading could not settle, each with its place where it has one
    earlier: tuple[Statement, ...] = ()  # grades the text gives for an earlier inspection
    lines: tuple[SourceLine, ...] = ()  # the source's lines as read, that every place points into

    @property
    def warnings(self) -> list[str]:
        """The warnings as the CLI says them."""
        return [w.text for w in self.said]

    def summary(self) -> str:
        i = self.inspection
        parts = [f"{len(i.judgements)} judgements ({len(i.graded)} graded)"]
        parts += [kind_count(k, len(i.findings_of(k))) for k in KIND_LABELS
                  if i.findings_of(k) or k in ("area-for-improvement", "cause-of-concern")]
        if i.unplaced:
            parts.append(f"{len(i.unplaced)} grade word{'s' if len(i.unplaced) > 1 else ''} not placed (warnings below)")
        cycle = f"cycle {i.cycle} (from {self.cycle_evidence})" if i.cycle else "cycle not settled"
        return f"{', '.join(parts)}; {cycle}"


@collector_held()
def extract_all(path: str | Path, force: str | None = None, cycle: str | None = None,
                reference: Reference | None = None) -> list[Extraction]:
    """One extraction per force a page is about: a national press-release page with a part
    per force gives one each (or the part of `force`); any other text gives one.
    `reference` is the data read with (briefing.reference): the process's own by default."""
    path = Path(path)
    reference = reference or default_reference()
    lines, notes = read_report(path)
    sections = force_sections(lines, reference.forces)
    if not sections:
        return [extract_lines(lines, path, force, cycle, notes, reference)]
    if force:
        wanted = canonical_force(force, reference.forces)
        chosen = [(name, part) for name, part in sections if name == wanted]
        if not chosen:
            raise InputError(f"this page has parts for {', '.join(n for n, _ in sections)}, not {force!r}",
                             file=str(path))
        sections = chosen
    return [extract_lines(part, path, name, cycle, notes, reference) for name, part in sections]


@collector_held()
def extract(path: str | Path, force: str | None = None, cycle: str | None = None,
            reference: Reference | None = None) -> Extraction:
    path = Path(path)
    lines, notes = read_report(path)
    return extract_lines(lines, path, force, cycle, notes, reference)


@collector_held()
def extract_lines(lines, path: Path, force: str | None = None, cycle: str | None = None,
                  notes: list[str] = (), reference: Reference | None = None) -> Extraction:
    """`notes` are the reader's own (an encoding guessed), said first among the warnings;
    `reference` the data read with (the process's own by default)."""
    reference = reference or default_reference()
    fw = reference.frameworks
    ctx = Context.of(lines, fw, force or "", reference.forces)
    grades = read_grades(ctx)
    statements = grades.statements
    found, undated = publication_date(ctx)
    published = found.parts() if found else None
    warnings: list[str | ReadingWarning] = list(notes)  # those with a place are typed where they are made
    if undated:
        warnings.append(undated)
    chosen, evidence, named, caution = _cycle(fw, cycle, published, statements, ctx)
    if not named and not cycle and (dated_only := earlier_only(fw, statements)):
        # "last inspected in 2018/19, when it was rated ...", and no more: a page whose own date alone put it in a
        # later cycle (a preview of the next inspection) gives no grades of that one, only these
        chosen, statements, evidence = dated_only
        named = True  # the text names the cycle its grades are of
        if published and not cycle_published(chosen, published):
            warnings.append(f"the page's date ({PublicationDate(*published)}) is not the {chosen.short or chosen.name} "
                            "report's; set 'published' from that report")
            published = None
    def pillar():
        return report_pillar(ctx.text)
    page = ctx.page
    title, _ = reports.title_of(ctx)
    force = ctx.subject_force
    counted = COUNT_RULES.read(ctx)
    counts = in_order(counted)
    graded = bool(counts) or bool(judgements_of(statements, chosen or best_reading_cycle(fw, statements), pillar)[0])
    kind = chosen.report_type if chosen and chosen.report_type != "peel" else \
        reports.report_type(page, title, named, graded)
    if kind == "other" and not title:
        kind = "peel"  # nothing says what report this is: read as the usual case, and say the cycle is missing
    if kind not in PEEL_RELATED and not cycle and chosen and chosen.report_type == "peel":
        chosen, evidence = None, ""  # a thematic or force report is not about a PEEL cycle, whatever its dates
    found, another = for_report(found, kind)  # a date its sentence gives for another report is not this one's
    if another:
        published = None
        warnings.append(another)
    if found and published and found.day is None:
        warnings.append(f"the publication date is known only as {PublicationDate(*published)} ({found.how}); set the "
                        "day from the report before relying on the s.55 deadline")
    if chosen:
        statements = dated(statements, chosen)
    reading = chosen or best_reading_cycle(fw, statements)
    peel = kind in PEEL_RELATED or bool(chosen)  # else a report's grades are its own, in its own words
    judgements, unread = judgements_of(statements, reading, pillar) if peel else (reports.stated_grades(ctx), [])
    if judgements and peel:  # a commission's own list of the areas it covered: the rest were not graded
        judgements += [j for j in covered(ctx, fw, reading, resolver(reading)) if j.area not in {g.area for g in judgements}]
    judgements = spoken_by(ctx, judgements)  # a chief constable quoted: whose words they are
    ctx.settled = Settled(published, tuple(statements), reading, resolver(reading), tuple(judgements))
    findings = find_findings(ctx, ctx.settled.resolve, judgements, force,
                             PublicationDate(*published).exact if published else None)
    closures = read_closures(lines)
    findings = mark_closed(findings, closures, kind, lines)
    warnings += _gaps(chosen if kind == "peel" else True, force, published, evidence)
    warnings += [caution] if caution and chosen else []
    rest = rest_grade(ctx)
    loose = [u for u in unplaced(ctx, grades.claimed + counted.claimed, unread, reading.id, counts)
             if (peel or u.place not in {j.place for j in judgements}) and not in_rest(ctx, u, rest)]
    warnings += warnings_of(loose)
    warnings += _checks(lines, reading, judgements, counts, findings)
    earlier = tuple(s for s in statements if s.earlier)
    if earlier:
        warnings.append(ReadingWarning("grades stated for an earlier inspection were kept out: " + "; ".join(
            f"{s.phrase} {s.grade} (line {s.line.line})" for s in earlier[:6]), earlier[0].line.place))
    monitoring = tuple(read_monitoring(ctx, force, published))
    if kind == "monitoring-letter" and not title and (title := reports.monitoring_title(force, monitoring)):
        warnings.append("the title was given from the move between monitoring stages the text states; set 'title' from the "
                        "source if it has one")
    if kind != "peel" and not title:
        warnings.append("the report's title could not be read; set 'title' from the report")
    source_kind = _source_kind(lines, reference)
    inspection = Inspection(force=force, cycle=chosen.id if chosen else "",
                            title=(reports.peel_title(page, chosen, force) if kind == "peel" else title) or "",
                            published=PublicationDate(*published, kind=found.kind if found else "published") if published else PublicationDate(0),
                            published_by=None if published else published_by(ctx, kind), source=str(path), judgements=tuple(judgements), findings=tuple(findings),
                            grade_counts=tuple(counts), areas_graded=areas_graded(ctx), rest=rest, notes=" ".join(f"{w}"[:1].upper() + f"{w}"[1:] + "." for w in warnings),
                            source_kind=source_kind, findings_complete=False, report_type=kind,
                            inspectorates=reports.inspectorates_of(page.opening), covers=_covers(kind, page, force),
                            counts=reports.stated_counts(lines), response=(response := response_of(ctx, source_kind)),
                            response_link=None if response else response_link(ctx.source),
                            monitoring=monitoring, closures=closures, headline=read_headline(ctx, force),
                            claimed=claimed_movement(ctx),
                            improved=read_improved(ctx, ctx.settled.resolve),
                            praised=praised(ctx, grades.set_aside),
                            unplaced=tuple(loose))  # its warnings travel in the Extraction, said once by pack
    said = tuple(w if isinstance(w, ReadingWarning) else ReadingWarning(w) for w in warnings)
    return Extraction(inspection, evidence, said, earlier, tuple(lines))


def extract_inspections(path: str | Path, reference: Reference | None = None) -> list[Inspection]:
    """The inspections a report gives, for compare, pack and the register: one, or one per
    force of a page about several. A PEEL inspection must name its cycle and force, another
    report its title and force (a national report may name none), or those would be
    guesses (an unknown date only leaves the s.55 date blank)."""
    out = []
    for result in extract_all(path, reference=reference):
        i = result.inspection
        needed = (("cycle", i.cycle if i.is_peel else "-"), ("force", i.force or ("-" if "all" in i.covers else "")),
                  ("title", i.title or ("-" if i.is_peel else "")))
        missing = [what for what, value in needed if not value]
        if missing:
            raise InputError(f"cannot tell the {' or '.join(missing)} of this report; run briefing extract on it, fill "
                             "in what is missing, and use the dataset", file=str(path))
        if len(i.findings) > limits.FINDINGS_PER_INSPECTION:
            raise InputError(f"reads as {len(i.findings):,} findings; an inspection has at most "
                             f"{limits.FINDINGS_PER_INSPECTION:,} (is this one report?)", file=str(path))
        out.append(replace(i, warnings=i.warnings + tuple(result.warnings)))  # said again by pack and register
    return out


def extract_inspection(path: str | Path, reference: Reference | None = None) -> Inspection:
    """The one inspection a report gives; a page about several forces is refused, naming them."""
    found = extract_inspections(path, reference)
    if len(found) > 1:
        raise InputError(f"this page is about {len(found)} forces ({', '.join(i.force for i in found)}); give it beside "
                         "an inspection of one of them, or extract it with briefing extract --force NAME", file=str(path))
    return found[0]


class CycleRead(NamedTuple):
    chosen: Cycle | None
    evidence: str
    named: bool = False  # the text names the cycle (a label, its address, a heading), not only dates or wordings
    caution: str = ""  # a cycle settled on weak cues alone, said as a warning


def _cycle(fw: Frameworks, wanted: str | None, published, statements, ctx) -> CycleRead:
    if wanted:
        chosen = fw.cycle(wanted)
        if chosen is None:
            raise InputError(f"unknown cycle {wanted!r}; use one of {', '.join(fw.cycles)}")
        return CycleRead(chosen, "--cycle", True)
    current = [s for s in statements if not s.earlier]
    adequate = any(s.grade == "adequate" for s in current)
    earlier_years = [s.year for s in statements if s.year] + past_years(ctx)
    cid, cues = detect_cycle(ctx, published, adequate, pillars_graded(current, lambda: report_pillar(ctx.text)),
                             earlier_years)
    if cid is None:
        return CycleRead(None, "")
    evidence = "; ".join(f"{c.reason}: {c.weight:+g}" for c in _top(cues, cid))
    chosen = question_set(fw, fw.cycles[cid], statements, areas_graded(ctx))
    if chosen.id != cid:
        evidence += f"; the {chosen.name} names more of its areas"
    return CycleRead(chosen, evidence, names_cycle(cues, cid), weakly_settled(cues, fw.cycles[cid]))


def _top(cues: list[Cue], cid: str) -> list[Cue]:
    return [c for c in cues if c.cycle == cid][:3]


def _covers(kind: str, page, force: str) -> tuple[str, ...]:
    """The forces a report is about: all of them for a national one, else the force read."""
    if kind in ("thematic", "joint-thematic") and not re.search(r"\b(?:one|two|three|four|five|\d+)\s+(?:police\s+)?"
                                                                 r"forces\b", page.opening, re.IGNORECASE):
        return ("all",)
    return (force,) if force else ()


def _gaps(cycle, force, published, evidence) -> list[str]:
    gaps = []
    if cycle is None:
        gaps.append("the inspection cycle could not be settled (no 'PEEL 2021/22', 'Police effectiveness 2017', "
                    "source address or heading names it); set 'cycle' or give --cycle")
    if not force:
        gaps.append("the force could not be settled; set 'force' or give --force")
    if not published:
        gaps.append("no publication date found; set 'published' before relying on the s.55 deadline")
    return gaps


def _source_kind(lines, reference: Reference) -> str:
    """What kind of page this is, from its address and first lines (data/source_kinds.yaml)."""
    from briefing.sources import kind_of_text

    address = " ".join(u for l in lines[:3] for u in re.findall(r"https?://\S+", l.text))
    head = "\n".join(" ".join(l.text.split()) for l in lines[:40])
    return kind_of_text(address, head, any(l.page is not None for l in lines), reference)


FLAT_TEXT_CHARS = 1_500  # a text this long in a line or two has lost its line breaks
CHARS_PER_LINE = 1_000


def _checks(lines, cycle, judgements, counts, findings) -> list[str | ReadingWarning]:
    warnings: list[str | ReadingWarning] = []
    text = "\n".join(l.text for l in lines)
    table = re.search(r"graded judgments? in (\w+) of these (\w+) as follows:?\s*\n", text, re.IGNORECASE)
    if table:
        warnings.append(ReadingWarning(f"the grades table is missing from the text (\"graded judgments in "
                                       f"{table.group(1)} of these {table.group(2)} as follows:\" is followed by no "
                                       "table); grades were read from the text", lines[text.count("\n", 0, table.start())].place))
    if cycle.grades and not judgements:
        warnings.append("no graded judgements found" + ("; only counts are stated" if counts else ""))
    for count in counts:
        found = sum(j.grade in count.grades for j in judgements)
        if judgements and found > count.count:
            warnings.append(ReadingWarning(f"the text counts {count.count} area(s) as {' or '.join(count.grades)} "
                                           f"({count.place}) but {found} were found", count.place))
    used = {(l.page, l.line) for l in lines if l.text.strip()}  # a long line's pieces share its number
    if len(text) > FLAT_TEXT_CHARS and len(used) * CHARS_PER_LINE < len(text):
        warnings.append(f"the text has almost no line breaks ({len(used):,} line(s) for {len(text):,} characters): "
                        "headings and lists cannot be told apart, so findings and grades may be missed; get a copy "
                        "with its line breaks (the PDF, or the page saved as text)")
    if not findings:
        warnings.append("no findings found" + ("; a summary or news item may not list them: check the full report"
                                               if judgements else ""))
    return warnings
