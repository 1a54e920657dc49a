"""Findings: the ordered rules that read causes of concern, areas for improvement and
recommendations where reports and people put them, and the engine that runs them.

A finding is read once: by the first rule, in this order, that reads its words or its
line. A finding's kind comes from its label (a heading, a numbered label, the words of a
lead-in); unlabelled statements in prose are "findings".
"""

from __future__ import annotations

import re

from briefing.extract.findings import inline, layout, lead_in, listed, numbered, prose
from briefing.extract.findings.base import Findings, Sections, whole_where_given
from briefing.extract.findings.continues import carried_on
from briefing.extract.findings.labels import kind_of
from briefing.extract.findings.layout import STATUS
from briefing.extract.findings.listed_areas import with_areas
from briefing.extract.ruler import Reading, Ruler, adapted
from briefing.model import Finding


def _rule(fn):
    """A finding rule of the Findings it is given, yielding Finding objects: each read
    claims the lines at its place (a PDF's whole page)."""
    return adapted(fn, lambda fx: (fx,), lambda fx, finding: Reading(fx.ctx.place_spans(finding.place), (finding,)),
                   many=True)


class _SameWords:
    """A finding repeats one read before when it has the same words, or is a copy of one
    cut short."""

    def __call__(self):
        seen: set[str] = set()

        def repeats(reading, finding) -> bool:
            key = re.sub(r"\W+", " ", finding.text.lower()).strip()
            if not key or key in seen or any(t.startswith(key) for t in seen):
                return True
            seen.add(key)
            return False

        return repeats


FINDING_RULES = Ruler([
    ("listed", _rule(listed.under_heading)),
    ("numbered", _rule(numbered.numbered)),
    ("lead-in", _rule(lead_in.lead_in)),
    ("inline-list", _rule(lead_in.inline_list)),
    ("recommends", _rule(lead_in.recommends)),
    ("label", _rule(inline.labelled)),
    ("named", _rule(inline.named)),
    ("register-entry", _rule(layout.register_entry)),
    ("register", _rule(layout.register_marks)),
    ("should-headings", _rule(layout.should_headings)),
    ("letter", _rule(layout.letter)),
    ("prose", _rule(prose.concerns)),
    ("quoted", _rule(prose.quoted)),
], repeats=_SameWords())


def _says_something(text: str, force: str) -> bool:
    """A finding says what is wrong or what to do: a label alone ("AFIs.", "Concern."), a
    status ("Open.") or the force's name, left by a page's layout, is none; "vulnerability."
    under "causes of concern in respect of:" is one."""
    bare = text.strip(" .:;,")
    return not (kind_of(bare) or kind_of(bare.rstrip("s")) or STATUS.match(bare)
                or re.fullmatch(r"[A-Z]{2,6}s?", bare) or (force and bare.lower() == force.lower()))


def read_findings(fx: Findings, rules: Ruler = FINDING_RULES) -> list[Finding]:
    """Every finding of the text, in the text's order, each stamped with its rule (`how`), with
    the words that say it carries on (continues.carried_on) and the areas it lists or points
    back to (listed_areas.with_areas); a cut-off copy of one given whole is left out (base.whole_where_given)."""
    found = carried_on([f for f in rules.read(fx).statements if _says_something(f.text, fx.force)], fx.ctx.source)
    found = with_areas(whole_where_given(found), fx.ctx.source, fx.resolve)
    return sorted(found, key=lambda f: (f.place.page or 0, f.place.line or 0))


def find_findings(ctx, resolve, judgements, force: str, published=None) -> list[Finding]:
    return read_findings(Findings(ctx, resolve, Sections(ctx, resolve, judgements), force, published))


__all__ = ["FINDING_RULES", "Findings", "Sections", "find_findings", "read_findings"]
