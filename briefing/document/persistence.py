"""How long each persisting concern has been raised: from a force's history when given."""

from __future__ import annotations

from briefing.compare import Comparison, History
from briefing.frameworks import load_frameworks


def _name(inspection) -> str:
    return f"{load_frameworks().cycles[inspection.cycle].name} ({inspection.published})"


def persistence(comparison: Comparison, record: History | None) -> dict[str, tuple[str, int]]:
    """new finding text -> (where it was first raised, inspections in a row that raised it)."""
    old_name = f"{comparison.old.cycle_name} ({comparison.old.published})"
    result = {p.new.text: (old_name, 2) for p in comparison.persisting}
    if record is None or record.inspections[-1].title != comparison.new.title:
        return result
    latest = record.inspections[-1]
    for p in comparison.persisting:
        index = next((i for i, f in enumerate(latest.findings) if f.text == p.new.text), None)
        if index is None:
            continue
        chain = record.lineage(index)
        if len(chain) >= 2:
            result[p.new.text] = (_name(chain[-1][0]), len(chain))
    return result
