"""What report a text is about when it is not (only) a PEEL assessment: its title as the
report names itself (titles.py), its type (types.py), the inspectorates, the forces it
covers, the counts of findings it states (stated.py) and the grades it gives in its own
words where it is not a PEEL assessment (graded.py)."""

from __future__ import annotations

import re

from briefing.extract.reports.graded import stated_grades
from briefing.extract.reports.stated import stated_counts
from briefing.extract.reports.titles import TITLE_RULES, Title, monitoring_title, peel_title, title_of
from briefing.extract.reports.types import report_type

INSPECTORATES = {
    "HMICFRS": r"\bHMICFRS\b|Inspectorate of Constabulary and Fire (?:and|&) Rescue",
    "HMIC": r"\bHMIC\b(?!FRS|S)|Her Majesty's Inspectorate of Constabulary\b(?! and Fire)",
    "HMCPSI": r"\bHMCPSI\b|Crown Prosecution Service Inspectorate|\bCPS\s+Inspectorate",
    "HMIP": r"\bHMIP\b|Inspectorate of Prisons|Inspector of Prisons",
    "HMI Probation": r"\bHMI\s+Probation\b|Inspectorate of Probation",
    "Ofsted": r"\bOfsted\b",
    "CQC": r"\bCQC\b|Care Quality Commission",
}


def inspectorates_of(text: str) -> tuple[str, ...]:
    found = [name for name, pattern in INSPECTORATES.items() if re.search(pattern, text)]
    if "HMICFRS" in found and "HMIC" in found:
        found.remove("HMIC")
    return tuple(found)


__all__ = ["TITLE_RULES", "Title", "inspectorates_of", "monitoring_title", "peel_title", "report_type", "stated_counts",
           "stated_grades", "title_of"]
