"""Counts of findings a text says its report makes ("has made nine recommendations"),
whether or not it lists them: kept as StatedCount, so a pack can say the source lists
fewer than the report makes."""

from __future__ import annotations

import re

from briefing.extract.findings.labels import kind_of, kind_words
from briefing.extract.language import NUMBER, number
from briefing.extract.reader import SourceLine
from briefing.extract.text import lines_holding
from briefing.statements import StatedCount

PAST_COUNT = re.compile(r"\b(?:of\s+the|previous|earlier|initial|original|last|(?:19|20)\d\d)\b", re.IGNORECASE)
# "Of the 29 recommendations made during that previous inspection, ... Two recommendations are
# no longer applicable": once a paragraph speaks of an earlier inspection, its later counts are
# of that inspection's findings, unless a sentence says this report made them
ABOUT_EARLIER = re.compile(r"\b(?:previous|earlier|initial|original|last)\s+(?:inspection|report|visit)s?\b|"
                           r"\blast\s+inspected\b", re.IGNORECASE)
# "made 2 recommendations to it (and the police and crime commissioner)": whom a count's findings are
# made to, where the words after the count say; "it" is the force the report is about
TO = re.compile(r"^\s+to\s+(?P<who>it|the\s+force|the\s+constabulary|the\s+chief\s+constable|forces|chief\s+constables)\b"
                r"(?:\s*\(?\s*and\s+(?:to\s+)?(?P<also>the\s+police(?:,\s+fire)?\s+and\s+crime\s+commissioner|the\s+pcc|"
                r"the\s+commissioner|the\s+mayor)\b\)?)?", re.IGNORECASE)
# "made 11 recommendations, 3 of which were for local forces": the part of a count that is for
# forces (so for the force a pack is about), kept beside the total
PART = re.compile(rf"^,?\s+(?:and\s+)?(?P<n>{NUMBER})\s+of\s+(?:which|them|these)\s+(?:(?:were|are|was|is)\s+)?(?:made\s+)?"
                  r"(?:for|to|aimed\s+at|addressed\s+to)\s+(?P<who>(?:local\s+|all\s+|individual\s+|the\s+)?(?:police\s+)?"
                  r"forces|chief\s+constables)\b", re.IGNORECASE)
OWN = re.compile(r"\b(?:we\s+(?:have\s+)?(?:made|make)|this\s+(?:report|inspection)\s+(?:has\s+)?(?:makes?|made))\b",
                 re.IGNORECASE)


def stated_counts(lines: list[SourceLine]) -> tuple[StatedCount, ...]:
    """Counts of findings this report makes: "has made nine recommendations", "made 43
    recommendations", "an additional 20 areas for improvement", never an earlier report's
    ("Of the 23 recommendations of the 2015 inspection", and the sentences after it)."""
    counted = [p for k, p in kind_words() if k in ("recommendation", "area-for-improvement", "cause-of-concern")]
    kinds = "|".join(counted)
    last_words = {re.split(r"\\s\+", p)[-1].lower().rstrip("s") for p in counted}  # "concern", "afi", ...
    pattern = re.compile(rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:(?:main|additional|further|new|more|national)\s+)?(?P<kind>{kinds})\b",
                         re.IGNORECASE)
    out: dict[str, StatedCount] = {}
    for index in lines_holding([line.text for line in lines], tuple(last_words)):  # a count names its kind,
        line = lines[index]  # which ends in one of these
        earlier = False
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            earlier = earlier or bool(ABOUT_EARLIER.search(sentence))
            if earlier and not OWN.search(sentence):
                continue
            for match in pattern.finditer(sentence):
                lead = sentence[max(0, match.start() - 40):match.start()]
                tail = sentence[match.end():match.end() + 40]
                if re.search(r"\b(?:nearly|about|around|approximately|over|more\s+than|some|up\s+to|almost)\s*$", lead,
                             re.IGNORECASE):
                    continue  # HMICFRS states its counts exactly; "nearly 80" is somebody else's
                if PAST_COUNT.search(lead[-14:]) or re.match(r"^\s*(?:of|from)\s+(?:the|its|our)\s+(?:19|20)\d\d", tail) or \
                        re.search(r"\b(?:of|from)\s+(?:the|its)\s+(?:(?:19|20)\d\d|previous|earlier|initial)\b", tail):
                    continue
                kind = kind_of(match.group("kind").replace("AFIs", "AFI"))
                if kind and kind not in out:
                    n = number(match.group("n"))
                    more = re.match(rf"\s+and\s+(?P<m>{NUMBER})\b(?!\s+(?:\w+\s+)?(?:{kinds}))", tail, re.IGNORECASE)
                    n += number(more.group("m")) if more else 0  # "two national recommendations and one for ..."
                    place = SourceLine("", line.line, line.page).place
                    out[kind] = StatedCount(kind, n, place, how="stated-count", to=_made_to(sentence[match.end():]))
                    part = PART.match(sentence[match.end():])
                    if part and number(part.group("n")) < n:
                        out[f"{kind} for forces"] = StatedCount(kind, number(part.group("n")), place, how="stated-count",
                                                                to=" ".join(part.group("who").split()))
    return tuple(out.values())


def _made_to(after: str) -> str:
    """Whom the words after a count say its findings are made to: "the force and the police and
    crime commissioner" of "to it (and the police and crime commissioner)"; "" where they do not say."""
    found = TO.match(after)
    if not found:
        return ""
    who = "the force" if found.group("who").lower() == "it" else " ".join(found.group("who").split())
    return f"{who} and {' '.join(found.group('also').split())}" if found.group("also") else who
