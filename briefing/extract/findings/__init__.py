"""Findings: the ordered rules that read causes of concern, areas for improvement and
recommendations where reports and people put them, and the engine that runs them.

A finding is read once: by the first rule, in this order, that reads its words or its
line. A finding's kind comes from its label (a heading, a numbered label, the words of a
lead-in); unlabelled statements in prose are "findings".
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.findings import inline, layout, lead_in, listed, numbered, prose
from briefing.extract.findings.base import Findings, Sections
from briefing.extract.ruler import Ruler
from briefing.model import Finding

FINDING_RULES = Ruler([
    ("listed", listed.under_heading),
    ("numbered", numbered.numbered),
    ("lead-in", lead_in.lead_in),
    ("inline-list", lead_in.inline_list),
    ("recommends", lead_in.recommends),
    ("label", inline.labelled),
    ("named", inline.named),
    ("register-entry", layout.register_entry),
    ("register", layout.register_marks),
    ("should-headings", layout.should_headings),
    ("letter", layout.letter),
    ("prose", prose.concerns),
    ("quoted", prose.quoted),
])


def read_findings(fx: Findings, rules: Ruler = FINDING_RULES) -> list[tuple[str, Finding]]:
    """(rule, finding) for every finding of the text, in the text's order; each finding's
    `how` is the rule that read it."""
    seen_text: set[str] = set()
    seen_place: set[tuple] = set()
    found: list[tuple[str, Finding]] = []
    for rule in rules:
        taken = []
        for finding in rule.apply(fx):
            key = re.sub(r"\W+", " ", finding.text.lower()).strip()
            place = (finding.place.page, finding.place.line)
            if not key or key in seen_text or place in seen_place or any(t.startswith(key) for t in seen_text):
                continue  # the same words, a copy cut short, or a line an earlier rule has read
            seen_text.add(key)
            taken.append(place)
            found.append((rule.name, replace(finding, how=rule.name)))
        seen_place.update(taken)
        fx.found = [f for _, f in found]
    return sorted(found, key=lambda rf: (rf[1].place.page or 0, rf[1].place.line or 0))


def find_findings(ctx, resolve, judgements, force: str, published=None) -> list[Finding]:
    fx = Findings(ctx, resolve, Sections(ctx, resolve, judgements), force, published)
    return [finding for _, finding in read_findings(fx)]


__all__ = ["FINDING_RULES", "Findings", "Sections", "find_findings", "read_findings"]
