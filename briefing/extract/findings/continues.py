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

from briefing.extract.closures import is_heading
from briefing.extract.monitoring import SOURCE as ADDRESS
from briefing.model import Finding

NOT = r"(?:isn['\u2019]t|is\s+not|aren['\u2019]t|are\s+not|doesn['\u2019]t|does\s+not|don['\u2019]t|do\s+not|hasn['\u2019]t|" \
      r"has\s+not|haven['\u2019]t|have\s+not|can['\u2019]t|cannot|not)"
# said to have been raised before, by name of the finding kind: "this was highlighted as an area for improvement
# during our last PEEL inspection"; it carries on unless the sentence goes on to say it was answered (ANSWERED)
RAISED_BEFORE = (r"\b(?:highlighted|raised|identified|flagged)\s+as\s+(?:an?\s+)?(?:areas?\s+for\s+improvement|causes?\s+"
                 r"(?:of|for)\s+concern|concerns?|issues?|problems?)\s+(?:during|in|at|by)\s+(?:the|our|its|their)\s+"
                 r"(?:last|previous|earlier)\s+(?:\w+\s+)?inspections?\b")
CONTINUES = re.compile(
    rf"\bstill\s+(?:{NOT}|needs?|lacks?|fails?|failing|struggles?|struggling|requires?|has\s+(?:too|a\s+backlog|no))\b"
    rf"|\b(?:continues?|continuing)\s+to\s+(?:fail|struggle|need|lack|be\s+(?:a\s+)?(?:concern|problem|too|not))\b"
    rf"|\b(?:ongoing|continuing|persistent)\s+(?:concerns?|issues?|problems?|failings?|weakness(?:es)?)\b"
    rf"|\bremains?\s+(?:a\s+)?(?:(?:cause\s+(?:of|for)\s+)?concern|an?\s+(?:(?:significant|serious|major|key|real)\s+)?"
    rf"(?:issue|problem)|unresolved|too)\b|\bconcerns?\s+remains?\b"
    rf"|\bdespite\s+(?:it\s+)?(?:being|having\s+been)\s+(?:raised|highlighted|identified)\b"
    rf"|\b(?:hasn['\u2019]t|has\s+not|haven['\u2019]t|have\s+not)\s+(?:yet\s+)?(?:improved|addressed|resolved)\b"
    rf"|\bhighlighted\s+(?:these|this|the\s+same)\s+(?:problems?|issues?|concerns?)\s+(?:in|at)\s+(?:previous|earlier|our\s+last)\b"
    rf"|{RAISED_BEFORE}", re.IGNORECASE)
# what follows "raised before" and answers it: "..., and the force has since addressed it"
ANSWERED = re.compile(r"\b(?:has|have|had)\s+(?:since\s+|now\s+|also\s+|largely\s+)?(?:improved|addressed|resolved|"
                      r"made\s+(?:good|significant|real|some|considerable)\s+progress)\b", re.IGNORECASE)


def continuing_words(text: str) -> str:
    """The words of a finding's text that say it carries on from before, or "": not where it
    says it was raised before and then that the force has since answered it."""
    found = CONTINUES.search(text)
    if not found or re.fullmatch(RAISED_BEFORE, found.group(0), re.IGNORECASE) and ANSWERED.search(text[found.end():]):
        return ""
    return found.group(0)


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
    words = continuing_words(sentence)
    return replace(finding, continues=words) if words and BACK.search(sentence[:sentence.find(words) + len(words)]) \
        else finding


# a sentence whose subject points back to what was said before it, as said by the inspector or reported:
# "This was highlighted ...", "He said that this was highlighted ..."
POINTS_BACK = re.compile(r"^(?:[^,.;:\u201c\"]{0,60}?\b(?:said|says|added|adds|noted|notes|stated|states)\s+(?:that\s+)?)?"
                         r"(?:this|it|these|those|the\s+same\s+\w+)\b", re.IGNORECASE)
PARAGRAPHS_BACK = 3  # "a paragraph or two after" the finding it speaks of: no further


def said_after(findings: list[Finding], lines) -> list[Finding]:
    """The findings, each with the continuing words of a later sentence of its passage that
    points back with its subject ("He said that this was highlighted as an area for
    improvement during the last inspection, but performance has deteriorated"), standing on
    a line of no finding of its own, a paragraph or two after it: it speaks of the nearest
    finding before it. A heading or a page's address line ends the passage."""
    at = {f.place.line: i for i, f in enumerate(findings) if f.place.line is not None and f.place.page is None}
    out, last, gap = list(findings), None, 0
    for line in lines if at else ():  # a PDF's findings are placed by page: none is on a line of its own
        if line.line in at:
            last, gap = at[line.line], 0
        elif last is None:
            continue  # no finding before it in the passage: nothing to say of the line
        elif is_heading(line.text) or ADDRESS.match(line.text.strip()):
            last = None
        elif line.text.strip() and last is not None:
            gap += 1
            words = _pointing_back(line.text) if gap <= PARAGRAPHS_BACK else ""
            if words and not out[last].continues:
                out[last] = replace(out[last], continues=words, continues_at=line.place)
    return out


def _pointing_back(text: str) -> str:
    """The continuing words of the paragraph's opening sentence where its subject points back,
    or "": a "this" later in the paragraph speaks of the sentence before it, not of a finding."""
    sentence = re.split(r"(?<=[.!?])\s+", text.strip().lstrip("\u201c\"\u2018' "), maxsplit=1)[0]
    return continuing_words(sentence) if POINTS_BACK.match(sentence) else ""


def carried_on(findings: list[Finding], lines=()) -> list[Finding]:
    """Each finding with the words that say it carries on from before, where its own text has
    them, the sentence after it on its line does ("We have highlighted these problems in
    previous inspection reports"), or another finding of the same source in its area does:
    "There are ongoing concerns about how the force investigates crime" says the source's
    concern about investigating crime carries on, whichever of its sentences then words that
    concern. `lines` are the source's lines (extract.reader.SourceLine)."""
    # each line's text by its place, for the findings placed by line (a PDF's are placed by page)
    texts = {(line.page, line.line): line.text for line in lines} if any(f.place.line is not None for f in findings) \
        else {}
    found = said_after([said_next(said_to_continue(f), texts) for f in findings], lines)
    said = {}
    for f in found:
        if f.continues and f.area:
            said.setdefault(f.area, (f.continues, f.continues_at or f.place))
    return [replace(f, continues=said[f.area][0], continues_at=said[f.area][1]) if not f.continues and f.area in said
            else f for f in found]
