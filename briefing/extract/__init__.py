"""Reports -> Inspection: read a PDF, text, Markdown or web page and say what it is unsure of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import InputError
from briefing.extract.detect import detect_cycle, detect_force, detect_published
from briefing.extract.findings import find_findings
from briefing.extract.judgements import AreaFinder, find_counts, find_judgements
from briefing.extract.reader import read_report
from briefing.extract.text import paragraphs
from briefing.frameworks import load_frameworks
from briefing.model import KIND_LABELS, Inspection, PublicationDate, kind_count


@dataclass(frozen=True)
class Extraction:
    inspection: Inspection
    cycle_evidence: str
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        i = self.inspection
        parts = [f"{len(i.judgements)} judgements ({len(i.graded)} graded)"]
        parts += [kind_count(k, len(i.findings_of(k))) for k in KIND_LABELS
                  if i.findings_of(k) or k in ("area-for-improvement", "cause-of-concern")]
        return f"{', '.join(parts)}; cycle {i.cycle} (from \"{self.cycle_evidence}\")"


def extract(path: str | Path, force: str | None = None, cycle: str | None = None) -> Extraction:
    path = Path(path)
    lines, kind = read_report(path)
    fw = load_frameworks()
    warnings: list[str] = []
    if cycle:
        chosen = fw.cycle(cycle)
        if chosen is None:
            raise InputError(f"unknown cycle {cycle!r}; use one of {', '.join(fw.cycles)}")
        evidence = "--cycle"
    else:
        detected = detect_cycle(lines)
        if detected is None:
            raise InputError("not an inspection report that names its cycle (no 'PEEL 2021/22', 'Police effectiveness "
                             "2017', ...); give --cycle if it is one", file=str(path))
        chosen, evidence = fw.cycles[detected[0]], detected[1]
    force = force or detect_force(lines)
    if not force:
        raise InputError("cannot tell which force the report is about; give --force", file=str(path))
    paras = paragraphs(lines)
    judgements = find_judgements(paras, fw, chosen)
    counts = find_counts(paras, fw)
    findings = find_findings(paras, AreaFinder(chosen), judgements, force)
    warnings += _checks(lines, chosen, judgements, counts, findings)
    published = detect_published(lines)
    if published is None:
        warnings.append("no publication date found; set 'published' before relying on the s.55 deadline")
    inspection = Inspection(force=force, cycle=chosen.id, title=_title(lines, chosen.name, force),
                            published=PublicationDate(*published) if published else PublicationDate(0),
                            source=str(path), judgements=tuple(judgements), findings=tuple(findings),
                            grade_counts=tuple(counts), notes=" ".join(warnings))
    return Extraction(inspection, evidence, warnings)


def extract_inspection(path: str | Path) -> Inspection:
    return extract(path).inspection


def _title(lines, cycle_name: str, force: str) -> str:
    for line in lines[:15]:
        text = line.text.strip("# *").strip()
        if 15 < len(text) < 140 and ("inspection" in text.lower() or "peel" in text.lower()):
            return text
    return f"{cycle_name}: {force}"


def _checks(lines, cycle, judgements, counts, findings) -> list[str]:
    warnings = []
    text = "\n".join(l.text for l in lines)
    table = re.search(r"graded judgments? in (\d+) of these (\d+) as follows:?\s*\n\s*\n", text, re.I)
    if table:
        warnings.append(f"the grades table is missing from the text (\"graded judgments in {table.group(1)} of these "
                        f"{table.group(2)} as follows:\" is followed by nothing); grades were read from each section")
        if sum(j.graded for j in judgements) != int(table.group(1)):
            warnings.append(f"the report says {table.group(1)} areas are graded; {sum(j.graded for j in judgements)} "
                            "grades were found")
    if cycle.grades and not judgements:
        warnings.append("no graded judgements found" + ("; only counts are stated" if counts else ""))
    for count in counts:
        found = sum(j.grade in count.grades for j in judgements)
        if judgements and found != count.count:
            warnings.append(f"the text counts {count.count} area(s) as {' or '.join(count.grades)} ({count.place}) "
                            f"but {found} were found")
    if not findings:
        warnings.append("no findings found")
    return warnings
