"""A finding whose own words say it carries on from an earlier inspection: "the force still
isn't attending incidents as fast as it should", "despite being raised in its previous
inspection", "the force hasn't improved in this area", "There are ongoing concerns about
...". Kept as the words that say so, so a pack never calls such a finding new or asks
whether its forerunner was resolved without saying what HMICFRS said; whether it matches
an earlier finding on file is compare's work.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.model import Finding

NOT = r"(?:isn['\u2019]t|is\s+not|aren['\u2019]t|are\s+not|doesn['\u2019]t|does\s+not|don['\u2019]t|do\s+not|hasn['\u2019]t|" \
      r"has\s+not|haven['\u2019]t|have\s+not|can['\u2019]t|cannot|not)"
CONTINUES = re.compile(
    rf"\bstill\s+(?:{NOT}|needs?|lacks?|fails?|failing|struggles?|struggling|requires?|has\s+(?:too|a\s+backlog|no))\b"
    rf"|\b(?:continues?|continuing)\s+to\s+(?:fail|struggle|need|lack|be\s+(?:a\s+)?(?:concern|problem|too|not))\b"
    rf"|\b(?:ongoing|continuing|persistent)\s+(?:concerns?|issues?|problems?|failings?|weakness(?:es)?)\b"
    rf"|\bremains?\s+(?:a\s+)?(?:(?:cause\s+(?:of|for)\s+)?concern|an?\s+(?:(?:significant|serious|major|key|real)\s+)?"
    rf"(?:issue|problem)|unresolved|too)\b|\bconcerns?\s+remains?\b"
    rf"|\bdespite\s+(?:it\s+)?(?:being|having\s+been)\s+(?:raised|highlighted|identified)\b"
    rf"|\b(?:hasn['\u2019]t|has\s+not|haven['\u2019]t|have\s+not)\s+(?:yet\s+)?(?:improved|addressed|resolved)\b"
    rf"|\bhighlighted\s+(?:these|this|the\s+same)\s+(?:problems?|issues?|concerns?)\s+(?:in|at)\s+(?:previous|earlier|our\s+last)\b",
    re.IGNORECASE)


def continuing_words(text: str) -> str:
    """The words of a finding's text that say it carries on from before, or ""."""
    found = CONTINUES.search(text)
    return found.group(0) if found else ""


def said_to_continue(finding: Finding) -> Finding:
    """The finding, with the words that say it carries on from before where its text has them."""
    words = "" if finding.continues else continuing_words(finding.text)
    return replace(finding, continues=words) if words else finding


def carried_on(findings: list[Finding]) -> list[Finding]:
    """Each finding with the words that say it carries on from before, where its own text has
    them or another finding of the same source in its area does: "There are ongoing concerns
    about how the force investigates crime" says the source's concern about investigating
    crime carries on, whichever of its sentences then words that concern."""
    found = [said_to_continue(f) for f in findings]
    said = {}
    for f in found:
        if f.continues and f.area:
            said.setdefault(f.area, f.continues)
    return [replace(f, continues=said[f.area]) if not f.continues and f.area in said else f for f in found]
