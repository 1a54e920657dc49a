"""The inspector's own headline sentence, where the text has one: the summary line a PCC
paper quotes ("I am satisfied with some aspects of the performance of Kent Police ...",
"I have concerns about how the force is investigating crime"), with its place and who
said it where the text names them. Read by the first of these named rules that finds one:

- quoted: the inspector's words in a press release or news story, attributed before or
  after the quotation ("His Majesty's Inspector of Constabulary Roy Wilsher said:",
  "..., Chief Inspector of Constabulary Ms Skeer notes"), a quotation running on over the
  paragraphs that open with a quotation mark;
- observations: the first such sentence under the inspector's own heading ("HM
  Inspector's observations", "Overall summary") or on the inspectorate's own page;
- summary: the opening sentence of a "Summary" in the inspectorate's voice ("We found
  that ...", "Our inspection found ...") on the inspectorate's own page or report.
A headline is a sentence judging the force ("I am pleased with", "I am satisfied with", "I
have concerns about", "I congratulate the force on"), never the words of someone else: a chief constable's or a PCC's
"I am pleased with the report" is theirs, and a PCC's page speaks as the PCC.
"""

from __future__ import annotations

import re

from briefing.extract.about import About
from briefing.extract.findings.base import ENDS
from briefing.extract.grades.whose import OPENS_QUOTE  # a paragraph carrying on the quotation before it
from briefing.extract.ruler import Reading, Ruler, Span, whole_text
from briefing.statements import Quote

JUDGES = re.compile(r"^\W*(?:[^.;\"]{0,60},\s*)?I\s+(?:am|'m)\s+(?:(?:very|really|particularly|also|now|still|generally)\s+)?"
                    r"(?:pleased|satisfied|disappointed|concerned|encouraged|impressed|reassured|delighted|worried)\s+"
                    r"(?:with|by|about|at)\b|^\W*(?:[^.;\"]{0,60},\s*)?I\s+have\s+(?:(?:serious|some|real|significant|grave)\s+)?"
                    r"concerns?\s+about\b"
                    # "I congratulate Northshire Police on its overall good performance ..., although it needs to improve
                    # in some areas": the inspector's verdict, its praise and its reserve in one (review 13, item 10)
                    r"|^\W*(?:[^.;\"]{0,60},\s*)?I\s+(?:would\s+like\s+to\s+|want\s+to\s+)?congratulate\b", re.IGNORECASE)
INSPECTOR = re.compile(r"\b(?:(?:His|Her)\s+Majesty's\s+|HM\s+)?(?:Chief\s+)?Inspector\s+of\s+Constabulary(?:\s+and\s+(?:HM\s+)?"
                       r"Inspector\s+of\s+Fire\s+(?:&|and)\s+Rescue\s+Services)?,?\s+(?P<name>(?:(?:Sir|Dame|Dr|Mr|Ms|Mrs)\s+)?"
                       r"[A-Z][a-z]+(?:\s+[A-Z][\w'-]+)?)")
SAYS = re.compile(r"\b(?:said|says|added|adds|commented|notes|noted|stated|wrote|warned|concluded)\b\s*(?:in\s+[^:\"]{0,60})?:?",
                  re.IGNORECASE)
LEAD = re.compile(r'^[^"]*?\b(?:said|says|added|notes|commented|stated)\b[^"]{0,80}?:?\s*"')
OWN_HEADING = re.compile(r"^(?:(?:hm|his\s+majesty's|her\s+majesty's)\s+)?(?:chief\s+)?inspector's\s+(?:observations|summary)$|"
                         r"^hmi's\s+observations$|^overall\s+summary$", re.IGNORECASE)
SUMMARY_HEADING = re.compile(r"^(?:overall\s+)?summary(?:\s+of\s+(?:our\s+)?(?:main\s+)?findings)?$", re.IGNORECASE)
OUR_VOICE = re.compile(r"^(?:We\s+(?:found|concluded|judged|are\s+(?:pleased|concerned))|Our\s+(?:inspection|assessment)\s+"
                       r"(?:found|concluded))\b")


def read_headline(ctx, force: str, rules: Ruler | None = None) -> Quote | None:
    """The inspector's headline sentence, or None."""
    return (rules or HEADLINE_RULES).read(About(ctx, force)).first


TURN = re.compile(r"^\W*(?:But|However|Yet|That\s+said|Nevertheless|Even\s+so)\b")


def _with_turn(ctx, para, start: int, sentence: str) -> str:
    """The sentence, and the next one where it turns on it ("I am satisfied with some aspects
    ... But there are areas in which the force needs to improve."): quoted alone, the first
    half reads as the whole verdict."""
    following = [(at, s) for at, s in ctx.sentences(para) if at >= start + len(sentence)]
    if following and TURN.match(following[0][1]) and \
            _within_quotes(para.text, following[0][0]) == _within_quotes(para.text, start):
        at, turn = following[0]
        return para.text[start:at + len(turn)]
    if following or para.index + 1 >= len(ctx.paras):
        return sentence
    # the quotation runs on into a paragraph that turns on it ("“However, there are areas in which it needs to
    # improve."): Suffolk's page 1 quoted the praise alone (review 14, item 2)
    nxt = ctx.paras[para.index + 1]
    said = ctx.sentences(nxt)
    opening = said[0][1].lstrip() if said else ""
    if OPENS_QUOTE.match(opening) and TURN.match(opening):
        return f"{sentence.rstrip()} {opening.lstrip(QUOTES)}"
    return sentence


QUOTES = "\u201c\"\u2018' "


def _cut(ctx, para, sentence: str) -> bool:
    """The source's text ends inside the sentence ("... has been continuing to make to impr"):
    quoted on page 1, it would read as the inspector's whole words."""
    words = sentence.rstrip()
    return para.index == len(ctx.paras) - 1 and not words.endswith(ENDS) and \
        " ".join(para.text.split()).endswith(" ".join(words.split()[-3:]))


def _quote(para, start: int, sentence: str, by: str) -> Reading:
    text = " ".join(sentence.strip(" \"'\u201c\u201d").split())
    return Reading((Span(para.index, start, start + len(sentence)),), (Quote(text, para.line_at(start).place, by),))


@whole_text
def quoted(about: About):
    """The inspector's quoted words: the first sentence of them that judges the force."""
    ctx, by = about.ctx, None  # by: who is speaking in the quotation being read, None outside one
    names = _inspectors(ctx)
    for para in ctx.paras:
        speaker = _speaker(para.text, names)
        by = speaker if speaker is not None else (by if para.text.startswith('"') else None)
        if not by:
            continue  # no quotation, or someone else's
        for start, sentence in ctx.sentences(para):
            lead = LEAD.match(sentence)  # 'Mr Wilsher said: "I am pleased ...': the words after the attribution
            start, sentence = (start + lead.end(), sentence[lead.end():]) if lead else (start, sentence)
            if JUDGES.search(sentence) and _within_quotes(para.text, start) and not _cut(ctx, para, sentence):
                yield _quote(para, start, _with_turn(ctx, para, start, sentence), by)
                return


def _inspectors(ctx) -> dict[str, str]:
    """Every inspector the text names, by surname: "Wilsher" -> "His Majesty's Inspector of
    Constabulary Roy Wilsher"."""
    out = {}
    for para in ctx.paras:
        if "Inspector" in para.text:
            for found in INSPECTOR.finditer(para.text):
                out[found.group("name").split()[-1]] = " ".join(found.group(0).split()).strip(", ")
    return out


def _speaker(text: str, names: dict[str, str]) -> str | None:
    """Who a paragraph says is speaking: an inspector (their name as the text gives it), ""
    for someone else, or None where it attributes nothing."""
    if '"' not in text and not text.rstrip().endswith(":"):
        return None  # no words attributed here (a line ending "... said:" gives the next paragraph's)
    said = SAYS.search(text)  # after the test of quotation marks: most paragraphs have none
    if not said:
        return None
    around = text[max(0, said.start() - 120):said.start()]
    named = INSPECTOR.search(around)
    if named:
        return " ".join(named.group(0).split()).strip(", ")
    surname = next((name for name in names if re.search(rf"\b(?:Mr|Ms|Mrs|Sir|Dame|Dr)?\s*{re.escape(name)}\b", around)), None)
    return names[surname] if surname else ""


def _within_quotes(text: str, at: int) -> bool:
    """An odd number of quotation marks before `at`, or one opening right there."""
    return text[:at].count('"') % 2 == 1 or text[at:at + 1] == '"'


@whole_text
def observations(about: About):
    """Under the inspector's own heading, or on the inspectorate's own page, the first
    sentence that judges the force."""
    ctx = about.ctx
    own_page = ctx.page.inspectorates_own
    named = set(_inspectors(ctx).values())
    by = next(iter(named)) if len(named) == 1 else "HM Inspector"  # the inspector writes "I"; 'HM' is true of Her and His Majesty's
    under = False
    for para in ctx.paras:
        heading = ctx.heading_text(para)
        if len(heading) < 60 and not heading.endswith("."):
            under = bool(OWN_HEADING.match(heading)) or (under and not heading)
            continue
        if not (under or own_page) or SAYS.search(para.text) and '"' in para.text:
            continue
        for start, sentence in ctx.sentences(para):
            if JUDGES.search(sentence) and not _cut(ctx, para, sentence):
                yield _quote(para, start, _with_turn(ctx, para, start, sentence), by)
                return


@whole_text
def summary(about: About):
    """The opening sentence of a "Summary" on the inspectorate's own page or report, in its
    own voice ("We found that ...")."""
    ctx = about.ctx
    if not ctx.page.inspectorates_own:
        return
    for n, para in enumerate(ctx.paras[:-1]):
        if SUMMARY_HEADING.match(ctx.heading_text(para)):
            body = ctx.paras[n + 1]
            start, sentence = ctx.sentences(body)[0]
            if OUR_VOICE.match(sentence):
                yield _quote(body, start, sentence, "HMICFRS")
            return


HEADLINE_RULES = Ruler([("quoted", quoted), ("observations", observations), ("summary", summary)], first=True)
