"""Findings introduced by a sentence that says what follows:

- a lead-in ending in ":" that names the kind, then the items: "we identified five causes
  of concern in respect of:", "which were that the force:", "We made the following
  recommendations, stating that the constabulary should:", "HMICFRS has recommended that
  by March 2023, all police forces should ensure that:", "West Mercia Police should,
  within three months:", "moved ... into Engage because the force needs to:" (the reasons
  for Engage are its causes of concern);
- the same within one sentence, items after a dash or colon and split at semicolons:
  "identified five causes of concern – A; B; and C";
- a recommendation stated as one: "HMIC recommends that the force should immediately:
  ...", "Recommendations also include that chief constables and PCCs should ...".
A "should" lead-in that names no kind is a recommendation when it sets a deadline
("Within six months the force should ... ensure that:"): areas for improvement have none.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract.findings.base import joined
from briefing.extract.findings.deadlines import deadline_of
from briefing.extract.findings.labels import kind_words, spoken_of
from briefing.extract.text import BULLET, strip_bullet

MAX_ITEMS = 20
LIMB = re.compile(r"^\(?[a-z]\)\s")
ENGAGE = re.compile(r"\binto\s+(?:the\s+)?\W?engage\W?\s+(?:phase\s+|stage\s+)?because\b|\bplaced\s+(?:it\s+)?in\s+engage\b",
                    re.IGNORECASE)
INSPECTORATE = r"(?:hmicfrs|hmic|we|the\s+inspectorate|(?:the\s+)?inspectors|the\s+report|the\s+inspection|h[ie][sr]\s+majesty's\s+" \
               r"inspector(?:ate)?(?:\s+of\s+constabulary)?(?:\s+[A-Z][a-z]+){0,3})"
RECOMMENDS = re.compile(rf"^(?:\W*){INSPECTORATE}\s+(?:has\s+|have\s+)?recommend(?:s|ed)\s+that\b", re.IGNORECASE)
# "... HMICFRS had recommended that the force ...", "It was recommended that ...": the recommendation is what follows
RECOMMENDED = re.compile(rf"(?:\b{INSPECTORATE}\s+(?:has\s+|have\s+|had\s+|also\s+)*recommend(?:s|ed)|\bit\s+(?:is|was|has\s+"
                         rf"been)\s+(?:also\s+)?recommended)\s+that\s+(?P<text>[a-z\d][^.\"\u201c\u201d]{{15,400}}\.?)", re.IGNORECASE)
ADDRESSEE = re.compile(r"^(?:by|within)?[^,]{0,40},?\s*(?:the\s+|all\s+|each\s+)?(?:[A-Z][\w'&-]*\s+){0,4}?(?:force|forces|"
                       r"constabulary|police|service|chief\s+constables?|pccs?|commissioners?|college|npcc|home\s+office|it)\b",
                       re.IGNORECASE)
ALSO_INCLUDE = re.compile(r"\b(?i:recommendations?\s+(?:also\s+)?includes?\s+(?:that\s+)?|recommendations?\b[^.]{0,120}?\b"
                          r"(?:this|these|which)\s+includes?\s+)(?P<text>[A-Z].{20,})$")
QUOTED = re.compile(r"\brecommendations?\b(?P<lead>[^\u201c\"]{0,160})[\u201c\"](?P<text>[^\u201d\"]{20,600}?\bshould\b"
                    r"[^\u201d\"]{5,600})(?:[\u201d\"]|$)", re.IGNORECASE)
INLINE = re.compile(r"\b(?P<n>\w+)\s+(?P<kind>causes?\s+of\s+concern|recommendations|areas\s+for\s+improvement)\s*"
                    r"(?:[\u2013\u2014:-]|\bin\s+respect\s+of\b|\brelating\s+to\b|\babout\b)\s*(?P<items>[^.]+;[^.]+)")


def kind_named(text: str) -> str | None:
    """The finding kind a lead-in names ("five causes of concern", "the following recommendations")."""
    lowered = text.lower()
    if re.search(r"\brecommend", lowered):
        return "recommendation"
    for kind, pattern in kind_words():
        if kind not in ("finding", "innovative-practice") and re.search(rf"\b{pattern}\b", text, re.IGNORECASE):
            return kind
    if ENGAGE.search(text):
        return "cause-of-concern"
    return None


def lead_in(fx):
    """A lead-in ending in ":" (or a sentence opening with the kind, "Recommendations from
    the report.") and the list after it; a "should" lead-in whose list was lost is itself
    the finding ("And by March 2023, all police forces must ensure:")."""
    paras = fx.paras
    for n, para in enumerate(paras):
        text = para.text.strip()
        if len(text) > 600 or text[:1].islower() or not (text.endswith(":") or text.endswith(".") and _opens_with_kind().match(text)):
            continue  # a lower-case line carries on a sentence above it: it leads nothing in
        kind = kind_named(text) if not spoken_of(text) else None
        stem = _stem(fx, text) if text.endswith(":") else ""
        if kind is None and stem and deadline_of(stem):
            kind = "recommendation"
        if kind is None:
            continue
        items = _items(paras[n + 1:n + 1 + MAX_ITEMS])
        if items and all(LIMB.match(item) for item, _ in items):  # "(a) ...; and (b) ...": limbs of one finding
            items = [(" ".join(item for item, _ in items), para)]
        for item, where in items:
            yield fx.finding(kind, joined(stem, item), where, stem=stem or text)
        if not items and stem and (deadline_of(stem) or kind == "recommendation"):
            yield fx.finding(kind, stem, para, stem=stem)


@cache
def _opens_with_kind() -> re.Pattern:
    """A sentence opening with the kind it lists: "Recommendations from the report."."""
    return re.compile(rf"^(?:{'|'.join(p for k, p in kind_words() if k != 'finding')})\b[^:]*\.$", re.IGNORECASE)


def _stem(fx, text: str) -> str:
    """What each item continues, where the lead-in is a "should" sentence ("The force should
    immediately:"); a lead-in that only announces the list ("we identified three causes of
    concern:") joins nothing."""
    body = strip_bullet(text[:-1].strip())
    tail = re.split(r",\s+(?:stating|saying|in which we said)\s+that\s+|\bbecause\s+", body)[-1]
    tail = re.sub(r"^(?:hmicfrs|hmic|we|the inspectorate)\s+(?:has\s+|have\s+)?recommend(?:s|ed)\s+that\s+", "", tail,
                  flags=re.IGNORECASE)
    if re.search(r"\b(?:should|must|needs? to|ensure that)\b[^.]*$", tail, re.IGNORECASE):
        return tail[:1].upper() + tail[1:] + ":"
    subject = SUBJECT_ENDS.search(tail)  # "causes of concern, which were that the force:" then "- was failing to ..."
    return subject.group("who")[:1].upper() + subject.group("who")[1:] if subject else ""


# a lead-in ending on the subject each item's verb goes on from (review 15, item 15: Wiltshire's causes of concern
# were printed as "was failing to understand ...")
SUBJECT_ENDS = re.compile(r"\bthat\s+(?P<who>the\s+(?:force|constabulary))\s*$", re.IGNORECASE)


def _indent(para) -> int:
    text = para.lines[0].text
    return len(text) - len(text.lstrip())


def _marker(para) -> str:
    """What marks a list item: a letter "(a)", a number "1.", a bullet, or nothing."""
    first = para.lines[0].text
    if re.match(r"^\s*\(?[a-z]\)\s", first):
        return "letter"
    if re.match(r"^\s*\d{1,2}[.)]\s", first):
        return "number"
    return "bullet" if BULLET.match(first) else ""


def _items(paras) -> list[tuple]:
    """The list after a lead-in, as (text, paragraph): bullets or numbers, or short
    paragraphs (a list that lost its bullets), until the first paragraph that is neither.
    A lower-case line after an item that has not ended, or indented under it, carries it on
    (a page or column break, a limb of a numbered item)."""
    items: list[tuple] = []
    for para in paras:
        text = para.text.strip()
        bullet = BULLET.match(para.lines[0].text) or re.match(r"^\s*(?:\d{1,2}[.)]|\(?[a-z]\))\s", para.lines[0].text)
        if items and not bullet and text[:1].islower() and (
                not re.search(r"[;.]\s*(?:and|or)?$", items[-1][0]) or _indent(para) > _indent(items[-1][1])):
            items[-1] = (f"{items[-1][0]} {text}", items[-1][1])
            continue
        short = len(text) <= 400 and text.endswith((";", ".", "; and", "and")) and text[:1].islower()
        if not (bullet or short) or (items and _marker(para) != _marker(items[0][1])):
            break  # the list has ended, or another list (of bullets after letters) begins
        items.append((strip_bullet(text), para))
        if not bullet and text.endswith("."):
            break
    return items


PARENTHESES = re.compile(r"\b(?P<kind>causes?\s+of\s+concern|recommendations|areas\s+for\s+improvement)\s*\((?P<items>[^()]{4,300})\)",
                         re.IGNORECASE)
APPOSITIVE = re.compile(r"\b(?:one|a|the)\s+(?P<kind>cause\s+of\s+concern|recommendation|area\s+for\s+improvement),\s+"
                        r"(?P<item>[a-z][\w ,'-]{3,80}?),\s+(?:as|which|was|is)\b", re.IGNORECASE)
ORDINALS = re.compile(r"\b(?P<kind>causes?\s+(?:of|for)\s+concern|recommendations|areas\s+for\s+improvement):\s+the\s+first\s+"
                      r"(?:(?:is|was)\s+)?(?:around|about|concerns?|on|relates?\s+to|regarding)?\s*(?P<first>[^.]{10,300})\.\s+"
                      r"The\s+second\b(?:\s+(?:cause\s+(?:of|for)\s+concern|recommendation|one))?\s+(?:is\s+)?"
                      r"(?:surround(?:s|ed)?|around|about|concern(?:s|ed)?|is|was|relate[sd]?\s+to|regarding)\s+"
                      r"(?P<second>[^.]{10,300}\.)",
                      re.IGNORECASE)


REFERENCE = re.compile(r"^(?:see|page|pages|p\.|pp\.|annex|appendix|chapter|section|paragraph)\b", re.IGNORECASE)


def _pieces(items: str, by_comma_and: bool = False) -> list[str]:
    cut = r";\s*(?:and\s+)?|,\s+and\s+" if by_comma_and else r";\s*(?:and\s+)?"
    pieces = [re.sub(r"^(?:and|or)\s+", "", p.strip(" ,")) for p in re.split(cut, items)]
    return [p for p in pieces if len(p) >= 4 and not REFERENCE.match(p)]


def inline_list(fx):
    """Findings listed inside a sentence: "identified five causes of concern – A; B; and
    C", "the remaining causes of concern (A, and B)", "one cause of concern, A, as ...",
    "two causes of concern: the first around A. The second surrounds B."."""
    for para in fx.paras:
        folded, text = fx.ctx.folded(para), para.text
        if not ("concern" in folded or "recommendation" in folded or "improvement" in folded):
            continue  # each shape below names the kind of its findings; each test below is one its pattern needs
        for match in INLINE.finditer(text) if ";" in text else ():
            for piece in _pieces(match.group("items")):
                yield fx.finding(kind_named(match.group("kind")), piece, para)
        for match in PARENTHESES.finditer(text) if "(" in text else ():
            for piece in _pieces(match.group("items"), by_comma_and=True):
                yield fx.finding(kind_named(match.group("kind")), piece, para)
        for match in APPOSITIVE.finditer(text) if "," in text else ():
            yield fx.finding(kind_named(match.group("kind")), match.group("item"), para)
        for match in ORDINALS.finditer(text) if "the second" in folded else ():
            kind = kind_named(match.group("kind"))
            yield fx.finding(kind, match.group("first"), para)
            yield fx.finding(kind, match.group("second"), para)


def recommends(fx):
    """A recommendation stated as one sentence or paragraph ("HMICFRS recommends that the
    force should ...", "Inspectors recommended that the force reviews ...", "It was
    recommended that ..."), or quoted after the word: "... one specifically for chief
    constables; "If forces haven't ..., they should ..."."""
    for para in fx.paras:
        if "recommend" not in para.text.lower():  # both shapes say the word
            continue
        text = strip_bullet(para.text.strip())
        if RECOMMENDS.match(text) and re.search(r"\b(?:should|must)\b", text, re.IGNORECASE):
            yield fx.finding("recommendation", text, para)
            continue
        said = RECOMMENDED.search(text)
        if said and ADDRESSEE.match(said.group("text")):
            body = said.group("text").rstrip(".")
            yield fx.finding("recommendation", body[:1].upper() + body[1:] + ".", para)
            continue
        also = ALSO_INCLUDE.search(text)
        if also:
            yield fx.finding("recommendation", also.group("text"), para)
        for quoted in QUOTED.finditer(text):
            yield fx.finding("recommendation", quoted.group("text"), para, stem="recommendation" + quoted.group("lead"))
