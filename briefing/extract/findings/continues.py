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


# the next sentence speaks of the finding's own matter: "We have highlighted these problems in previous inspection
# reports" after "I have serious concerns about how well the force investigates crime"
BACK = re.compile(r"\b(?:these|this|those|the\s+same|it)\b", re.IGNORECASE)


def said_next(finding: Finding, texts: dict) -> Finding:
    """The finding, with the continuing words of the sentence that follows it on its line,
    where that sentence points back to it ("these problems") and says they were raised
    before: the finding is then said to carry on, in the words of that sentence."""
    if finding.continues or finding.place.line is None:
        return finding
    line = texts.get((finding.place.page, finding.place.line), "")
    at = line.find(finding.text[:60])
    if at < 0:
        return finding
    rest = line[at + len(finding.text):].lstrip(" .\u201d\"")
    sentence = re.split(r"(?<=[.!?])\s+", rest, maxsplit=1)[0] if rest else ""
    found = CONTINUES.search(sentence)
    return replace(finding, continues=found.group(0)) if found and BACK.search(sentence[:found.end()]) else finding


def carried_on(findings: list[Finding], lines=()) -> list[Finding]:
    """Each finding with the words that say it carries on from before, where its own text has
    them, the sentence after it on its line does ("We have highlighted these problems in
    previous inspection reports"), or another finding of the same source in its area does:
    "There are ongoing concerns about how the force investigates crime" says the source's
    concern about investigating crime carries on, whichever of its sentences then words that
    concern. `lines` are the source's lines (extract.reader.SourceLine)."""
    texts = {(line.page, line.line): line.text for line in lines}
    found = [said_next(said_to_continue(f), texts) for f in findings]
    said = {}
    for f in found:
        if f.continues and f.area:
            said.setdefault(f.area, f.continues)
    return [replace(f, continues=said[f.area]) if not f.continues and f.area in said else f for f in found]
