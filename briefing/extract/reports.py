"""What report a text is about when it is not (only) a PEEL assessment: its title as the
report names itself, its type, the inspectorates, the forces it covers and the counts of
findings it states. Each is read by named rules, the first that finds it winning.

Titles (never made up: a text whose report has no title it can be read from gets none):
- heading: an HMICFRS publication page's first line, the one above its "Published on:";
- report-link: the line after "Get the report" (press releases);
- response-to: "Commissioner's response to HMICFRS report: <title>";
- named: "the interim report: <title>", "the HMICFRS report, <title>, which ...",
  "the HMIC report <title> published by ...".
Types, from the words of the title and the text: monitoring letters (Engage, a return to
Scan), cause of concern revisit letters, force inspections (custody, crime data integrity,
child protection, vetting, a victim service assessment, a named force's report), joint
inspections with other inspectorates, national thematic ones, PEEL assessments, other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.extract.findings.labels import kind_words
from briefing.extract.language import NUMBER, number
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import Reading, Ruler, adapted

if TYPE_CHECKING:
    from briefing.extract.context import Page
from briefing.model import StatedCount

INSPECTORATES = {
    "HMICFRS": r"\bHMICFRS\b|Inspectorate of Constabulary and Fire (?:and|&) Rescue",
    "HMIC": r"\bHMIC\b(?!FRS|S)|Her Majesty's Inspectorate of Constabulary\b(?! and Fire)",
    "HMCPSI": r"\bHMCPSI\b|Crown Prosecution Service Inspectorate|\bCPS\s+Inspectorate",
    "HMIP": r"\bHMIP\b|Inspectorate of Prisons|Inspector of Prisons",
    "HMI Probation": r"\bHMI\s+Probation\b|Inspectorate of Probation",
    "Ofsted": r"\bOfsted\b",
    "CQC": r"\bCQC\b|Care Quality Commission",
}
REPORT_WORDS = r"(?:report|inspection|review|letter|assessment|revisit|inspection\s+report)"


@dataclass(frozen=True)
class Title:
    """A report's title as a title rule read it."""

    text: str
    how: str = ""


def _title_case(text: str) -> str:
    text = text.strip(" \u2018\u2019'\"\u201c\u201d:.,").strip()
    return re.sub(r"\s+[-\u2013\u2014]\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
                  r"november|december)\s+)?(?:19|20)\d\d$", "", text, flags=re.IGNORECASE)


# --- titles ------------------------------------------------------------------------------

def heading(page: Page) -> str:
    """An HMICFRS (or CJJI) publication or register page's first line; or the line above a
    "Published on:" label (the one above that where it is a "by" line)."""
    if re.search(r"justiceinspectorates\.gov\.uk/(?:hmicfrs/|cjji/)?(?:publication|publications|peel-reports|"
                 r"inspections?|inspection-report|recommendation|\?recommendation)", page.address) and page.body:
        first = re.sub(r"\s*\(\d{3,}\)\s*$", "", page.body[0])  # a register entry's number
        if 12 < len(first) < 200 and not re.match(r"^\d{3}\b|^page not found", first, re.IGNORECASE):
            return _joined(page.body, 0)
    if re.search(r"/news(?:-feed)?/", page.address):
        return ""  # a press release's headline is not the report's title
    for i, line in enumerate(page.body[1:12], start=1):
        if re.match(r"^(?:published\s+on|publication\s+date)\s*:", line, re.IGNORECASE):
            above = i - 1
            if above and re.match(r"^(?:an?\s+)?(?:joint\s+)?(?:inspection|report|review)\s+by\b", page.body[above],
                                  re.IGNORECASE):
                above -= 1
            return _joined(page.body, above)
    return ""


def subtitled(page: Page) -> str:
    """A title and its subtitle as a page's first two lines ("Disproportionate use of police
    powers" / "A spotlight on stop and search and the use of force")."""
    if len(page.body) > 1 and _joined(page.body, 0) != page.body[0]:
        return _joined(page.body, 0)
    return ""


def _joined(lines: list[str], index: int) -> str:
    """A title and its subtitle on the next line ("Disproportionate use of police powers" /
    "A spotlight on stop and search ...")."""
    title = lines[index]
    after = lines[index + 1] if index + 1 < len(lines) else ""
    if re.match(r"^(?:A|An)\s+(?:spotlight|inspection|review|joint|thematic|report)\b", after) and len(after) < 160 \
            and not title.endswith((".", ":")) and not re.search(r"\bby\s+(?:HM|the\s+inspectorate)", after):
        return f"{title}: {after}"
    return title


def report_link(page: Page) -> str:
    """ "Get the report" and, on the next line, the report's title."""
    for i, line in enumerate(page.body[:20]):
        if re.fullmatch(r"(?:get|read|download)\s+the\s+(?:full\s+)?report:?", line, re.IGNORECASE) and i + 1 < len(page.body):
            title = page.body[i + 1]
            if 12 < len(title) < 200:
                return title
    return ""


RESPONSE_TO = re.compile(r"\bresponse\s+to\s+(?:the\s+)?(?:hmicfrs|hmic)[’']?s?\s+(?:(?:thematic|national|joint)\s+)?"
                         r"(?:(?:report|letter|assessment)\s*(?:[:\u2013\u2014-]\s*|on\s+)?)?(?P<title>[A-Z\w][^.]{10,200})",
                         re.IGNORECASE)
NAMED = [
    re.compile(r"\b(?:published|publishes)\s+(?:its|a|the)\s+(?:[\w-]+\s+){0,3}(?:report|inspection|review)[:,]\s+"
               r"(?P<title>(?:An?|The)\s+[A-Za-z][^.;]{10,160}?)(?=,\s+which\b|[.;]|$)"),
    re.compile(r"\b(?:interim|final)?\s*report[:,]\s+(?P<title>(?:The\s+|An?\s+|Inspection\s+)?[A-Z][^.;]{10,160}?)"
               r"(?=,\s+which\b|,\s+published\b|\s+published\b|[.;]|$)"),
    re.compile(r"\b(?:HMICFRS|HMIC)\s+report,?\s+(?P<title>[A-Z][\w\s:,'\u2019-]{10,160}?)(?=,\s+which\b|,?\s+published\b|\.)"),
    re.compile(r"\b(?:report|inspection)\s+(?:[‘'\u201c\"])(?P<title>[A-Z][^’'\u201d\"]{10,160})"),
]


def response_to(page: Page) -> str:
    """ "Commissioner's response to HMICFRS report: <title>" in the first lines."""
    for line in page.body[:4]:
        found = RESPONSE_TO.search(line)
        if found and not re.match(r"^(?:the|this|that)\s+(?:above|report)\b", found.group("title"), re.IGNORECASE):
            return found.group("title")
    return ""


def above(page: Page) -> str:
    """A letter's subject line: the heading just above "in response to the above report"."""
    for i, line in enumerate(page.body[:20]):
        if re.search(r"\b(?:the|this)\s+above\s+(?:hmicfrs\s+|hmic\s+)?(?:report|inspection|letter)\b", line, re.IGNORECASE):
            for before in reversed(page.body[max(0, i - 3):i]):
                if 12 < len(before) < 200 and not before.endswith(".") and not re.search(r"\d{4}$|^dear\b", before,
                                                                                       re.IGNORECASE):
                    prefixed = RESPONSE_TO.search(before)  # "Commissioner's response to HMICFRS report: <title>"
                    return prefixed.group("title") if prefixed else before
    return ""


def named(page: Page) -> str:
    """A title the text names in a sentence: "welcomed the interim report: <title>"."""
    for line in page.body[:12]:
        for pattern in NAMED:
            found = pattern.search(line)
            if found and len(found.group("title").split()) >= 3:
                return found.group("title")
    return ""


def _rule(fn):
    """A title rule of the page's top (context.Page): it returns the title, or ""."""
    return adapted(fn, lambda ctx: (ctx.page,), lambda ctx, found: Reading((), (Title(_title_case(found)),)))


TITLE_RULES = Ruler([("heading", _rule(heading)), ("subtitled", _rule(subtitled)), ("report-link", _rule(report_link)),
                     ("above", _rule(above)), ("named", _rule(named)), ("response-to", _rule(response_to))], first=True)


def title_of(ctx, rules: Ruler = TITLE_RULES) -> tuple[str, str]:
    """The report's title and the rule that read it, or ("", "")."""
    found = rules.read(ctx).first
    return (found.text, found.how) if found else ("", "")


def peel_title(page: Page, cycle, force: str) -> str:
    """A PEEL report's own title ("PEEL 2023-2025: An inspection of X Police"), else the
    cycle settled and the force ("PEEL 2021/22: Kent Police"); with no cycle settled,
    none is named ("PEEL inspection: Kent Police"), never a cycle the text may not be about."""
    for text in page.top_lines[:39]:  # the first 40 lines, the source address among them
        text = text.strip("# *").strip()
        if re.search(r"\binspection of\b", text, re.IGNORECASE) and len(text) < 140:
            return text
    for text in page.top_lines[:14]:
        text = text.strip("# *").strip()
        if 15 < len(text) < 140 and ("inspection" in text.lower() or "peel" in text.lower()):
            return text
    name = cycle.name if cycle else "PEEL inspection"
    return f"{name}: {force}" if force else name


# --- types -------------------------------------------------------------------------------

TYPE_WORDS = {
    "monitoring-letter": r"\breturn\s+to\s+(?:the\s+)?(?:default\s+phase\s+of\s+monitoring|\W?scan\W?)|"
                         r"\b(?:released|removed|taken\s+out)\s+(?:of|from)\s+(?:\W?enhanced\s+monitoring\W?|\W?engage\W?)|"
                         r"\bmoved?\s+(?:\w+\s+){0,3}(?:in|into)\s+(?:an?\s+)?(?:\W?engage\W?|enhanced\s+(?:level\s+of\s+)?"
                         r"monitoring)|\bphase\s+of\s+monitoring\b|\b(?:moved\s+out\s+of|entered|exit(?:ed)?)\s+(?:the\s+)?"
                         r"\W?engage\W?",
    "revisit-letter": r"\brevisit\s+letter\b|\bcauses?\s+of\s+concern\W{1,3}revisit\b|\brevisit:|"
                      r"\bcauses?\s+of\s+concern\s+(?:revisit\s+|closure\s+)?letter\b|\bclosure\s+of\s+cause\s+of\s+concern\b",
    "national": r"\b(?:all|many|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:police\s+)?forces\b|"
                r"\bforces\s+in\s+England\s+and\s+Wales\b|\bnational\s+"
                r"(?:report|inspection|thematic|recommendations?)\b|\bthematic\b|\bspotlight\b",
    "force-inspection": r"\bcustody\s+suites?\b|\bcustody\s+services\b|\bcrime\s+data\s+integrity\b|\bCDI\b|"
                        r"\bchild\s+protection\b|\bvetting\s+and\s+counter[- ]corruption\b|\bvictim\s+service\s+"
                        r"assessment\b|\bre[-\u2011\s]?inspection\b",
    "joint-thematic": r"\bjoint\s+(?:thematic\s+)?inspection\b|\bcriminal\s+justice\s+joint\b|\bCJJI\b",
    "thematic": r"\bpolice\s+service\b|\bhow\s+(?:well|effectively)\s+the\s+police\b|\b(?:the\s+)?police\s+"
                r"response\s+to\b|\bthe\s+police\s+and\s+other\s+agencies\b|\breview\s+of\b|\bcore\s+business\b|"
                r"\bstrategic\s+policing\s+requirement\b|\bchief\s+constables\b|\bpolice\s+forces\b",
}
PEEL_WORDS = re.compile(r"\bPEEL\b|effectiveness,\s+efficiency\s+and\s+legitimacy|efficiency,\s+effectiveness\s+and\s+"
                        r"legitimacy", re.IGNORECASE)
ORDER = ("monitoring-letter", "revisit-letter", "national", "force-inspection", "joint-thematic", "thematic")


def report_type(page: Page, title: str, peel: bool, graded: bool = False) -> str:
    """The report's type: from its title's words first; then, for a text about a PEEL
    cycle (PEEL named, or grades read), a PEEL assessment unless it is a letter about one;
    else from the opening's words. Two inspectorates named together make a joint
    inspection, unless it is one of a force's own inspections (custody, say)."""
    for kind in ORDER:
        if title and re.search(TYPE_WORDS[kind], title, re.IGNORECASE):
            return _joint_or(kind, title, page)
    if title and PEEL_WORDS.search(title):
        return "peel"
    topic = re.search(TYPE_WORDS["force-inspection"], "\n".join([title, *page.body[:3]]), re.IGNORECASE)
    about_peel = bool(PEEL_WORDS.search(page.opening) or "peel" in page.address or (graded and not topic))
    for kind in ORDER:
        if re.search(TYPE_WORDS[kind], page.opening, re.IGNORECASE):
            if about_peel and kind not in ("monitoring-letter", "revisit-letter"):
                return "peel"
            return _joint_or(kind, page.opening, page)
    if about_peel:
        return "peel"
    if len(inspectorates_of(page.opening)) >= 2:
        return "joint-thematic"
    return "force-inspection" if _names_a_force(title or "\n".join(page.body[:4])) else "other"


def _joint_or(kind: str, words: str, page: Page) -> str:
    if kind == "national":
        kind = "thematic"
    if kind == "thematic" and len(inspectorates_of(page.opening)) >= 2:
        return "joint-thematic"
    if kind == "joint-thematic" and _names_a_force(words):
        return "force-inspection"  # a force's own inspection done with another inspectorate (custody)
    return kind


def _names_a_force(text: str) -> bool:
    from briefing.extract.forces import force_scores

    return bool(force_scores(text))


def inspectorates_of(text: str) -> tuple[str, ...]:
    found = [name for name, pattern in INSPECTORATES.items() if re.search(pattern, text)]
    if "HMICFRS" in found and "HMIC" in found:
        found.remove("HMIC")
    return tuple(found)


# --- counts ------------------------------------------------------------------------------

PAST_COUNT = re.compile(r"\b(?:of\s+the|previous|earlier|initial|original|last|(?:19|20)\d\d)\b", re.IGNORECASE)


def stated_counts(lines: list[SourceLine]) -> tuple[StatedCount, ...]:
    """Counts of findings this report makes: "has made nine recommendations", "made 43
    recommendations", "an additional 20 areas for improvement", never an earlier report's
    ("Of the 23 recommendations of the 2015 inspection")."""
    counted = [p for k, p in kind_words() if k in ("recommendation", "area-for-improvement", "cause-of-concern")]
    kinds = "|".join(counted)
    last_words = {re.split(r"\\s\+", p)[-1].lower().rstrip("s") for p in counted}  # "concern", "afi", ...
    pattern = re.compile(rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:(?:main|additional|further|new|more|national)\s+)?(?P<kind>{kinds})\b",
                         re.IGNORECASE)
    out: dict[str, StatedCount] = {}
    from briefing.extract.findings.labels import kind_of

    for line in lines:
        lowered = line.text.lower()
        if not any(word in lowered for word in last_words):  # a count names its kind, which ends in one of these
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
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
                    out[kind] = StatedCount(kind, n, SourceLine("", line.line, line.page).place, how="stated-count")
    return tuple(out.values())
