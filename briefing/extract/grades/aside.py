"""Grade words that are no grade of this force, set aside by name before any sentence rule
can read them: each rule claims the words and states nothing, so its name says why.

- quotation: somebody's own words in quotation marks (a chief constable's "we are a good
  force", she said), not the report's;
- other-force: the clause is about another named force ("Neighbouring Cleveland Police was
  rated outstanding ...");
- national: the clause's subject is forces in general, a number of them or a statistic
  ("Across England and Wales, 9 forces were graded inadequate ...", "62% of forces");
- aim: a grade hoped for ("our ambition is to be outstanding", "working towards good");
- practice: praise of a practice the narrative names, not an area ("is also good at
  identifying victims with mental health problems", "good at prioritising the calls it receives");
- adjective: the word qualifies a noun ("good use of its resources", "an outstanding officer");
- address: the page's source address ("SOURCE: https://.../force-rated-good");
- question: an inspection question ("How good is the force at preventing crime?");
- vague: a share of the areas, not counted ("with most deemed to be 'good' or 'adequate'");
- pending: a grade still to come ("is not yet graded"), not yet published when the
  source was written;
- negated: a grade the force was not given ("The force was not graded outstanding or good in
  any area", "no area was rated inadequate"): it places no grade, and read as one it would
  tell a commissioner the opposite of the report;
- earlier: what no rule read in a clause about an earlier inspection ("In 2019, the force
  was rated inadequate in all ..."); tried last, so a grade of the earlier inspection that
  a rule can place is read, and kept apart as such.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from briefing.extract.areas import any_cycle
from briefing.extract.forces import force_mentions
from briefing.extract.grades.grammar import only_past
from briefing.extract.grades.tense import WINDOW, clause_at, is_earlier
from briefing.extract.needs import holds
from briefing.extract.ruler import Reading, Span
from briefing.reference import reference

QUOTED = re.compile(r"[\u201c\"](?P<q>[^\u201c\u201d\"]{12,1200})[\u201d\"]|^\W{0,3}[\u201c\"](?P<open>[^\u201c\u201d\"]{12,1200})$")
SPEAKER = re.compile(r"\b(?:said|says|say|added|adds|told|commented|explained|stated|continued|responded|warned|"
                     r"welcomed|acknowledged)\b", re.IGNORECASE)
SOMEBODY = re.compile(r"\b(?:commissioner|pcc|chief\s+constable|deputy|assistant\s+chief|superintendent|councillor|mayor|"
                      r"spokes(?:man|woman|person)|minister|mp|chair(?:man|woman)?|leader|officer|federation|union)\b",
                      re.IGNORECASE)
OUR_VOICE = re.compile(r"\b(?:we|we['\u2019](?:re|ve)|our|us)\b", re.IGNORECASE)
THE_REPORT = re.compile(r"\b(?:the\s+(?:report|inspectorate|inspection|inspectors?)|hmicfrs|hmic|hm(?:\s+chief)?\s+inspector|"
                        r"(?:his|her)\s+majesty['\u2019]s\s+(?:chief\s+)?inspector|inspector\s+of\s+constabulary)\b",
                        re.IGNORECASE)
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty)"
NATIONAL = re.compile(rf"\b(?:{NUMBER}|all|most|many|several|some|other|few|these|those|no)\s+(?:\w+\s+){{0,2}}?"
                      rf"(?:police\s+)?(?:forces|services)\b|\bforces\s+(?:in|across|nationally)\b|\bnational(?:ly)?\b"
                      rf"|\bacross\s+(?:england|wales|the\s+country)\b|\bin\s+england\s+and\s+wales\b"
                      rf"|\bof\s+(?:all\s+)?(?:the\s+)?(?:{NUMBER}\s+)?(?:police\s+)?forces\b|\d\s*(?:%|per\s*cent)",
                      re.IGNORECASE)
NATIONAL_WORDS = ("forces", "services", "national", "across", "england", "%", "per")  # each way of NATIONAL needs one
AIM_WORDS = re.compile(r"\b(?:aim|ambiti|aspir|striv|want|goal|target|hop|determined|work|journey|push|plan|intend|"
                       r"committed|seek)", re.IGNORECASE)
AIM = re.compile(r"\b(?:aims?|aiming|ambitions?|ambitious|aspires?|aspirations?|strives?|striving|wants?|goals?|targets?|"
                 r"hopes?|hoping|determined|working|works|journey|push(?:ing)?|plans?|intends?|committed|seeks?|seeking)"
                 r"\s+(?:\w+\s+){0,3}?(?:to\s+(?:be|become|achieve|reach|get\s+to|move\s+to|return\s+to|regain)|towards?|"
                 r"of\s+(?:being|becoming|achieving))\s+(?:an?\s+|the\s+|to\s+)?['\u2018\u2019\"\u201c]?$", re.IGNORECASE)


def _set_aside(ctx, para, test, needs: re.Pattern | None = None):
    """A reading of no statement for each grade word of the paragraph `test` sets aside;
    `needs` is what a sentence must hold for the test to be worth making (a sentence of
    forty thousand grade words is tested once, not forty thousand times)."""
    if not ctx.may_grade(para):
        return
    for start, sentence, found in ctx.sentence_words(para):
        if not found or needs is not None and not needs.search(sentence):
            continue  # no grade word in the sentence to set aside, or nothing the test needs
        for match in found:
            if test(ctx, sentence, match.start() - start, match.end() - start, ctx.grammar.grade_of(match.group("g"))):
                yield Reading((Span(para.index, match.start(), match.end()),))


def quotation(ctx, para):
    """Somebody's words in quotation marks, said by someone other than the inspectorate."""
    if '"' not in para.text and "\u201c" not in para.text:
        return
    quotes = [q for q in QUOTED.finditer(para.text) if len(_words(q).split()) >= 3]
    for match in ctx.grade_words(para) if quotes else ():
        quote = next((q for q in quotes if q.start(_group(q)) <= match.start() < q.end(_group(q))), None)
        if quote and _spoken(para.text, quote) and not _reported(para.text, match):
            yield Reading((Span(para.index, match.start(), match.end()),))


REPORTED = re.compile(r"\b(?:rated|graded|judged|assessed|found\s+to\s+be|grades?|gradings?|ratings?|inspect\w*|hmicfrs|"
                      r"hmic|report)\b", re.IGNORECASE)


def _reported(text: str, word: re.Match) -> bool:
    """ "in which we were graded 'outstanding' for ...": a grade reported in somebody's words
    is read; their own view ("we are a good force") is not."""
    return bool(REPORTED.search(clause_at(text, word.start())))


def _group(quote: re.Match) -> str:
    """A quotation closed in the paragraph, or one that opens it and runs on (a speech of
    several paragraphs closes only at its last)."""
    return "q" if quote.group("q") is not None else "open"


def _words(quote: re.Match) -> str:
    return quote.group(_group(quote))


def _spoken(text: str, quote: re.Match) -> bool:
    """Somebody's own words: said by a PCC, a chief officer, a spokesperson, or in the first
    person plural of a force or office; never words the inspectorate is named as saying."""
    around = text[max(0, quote.start() - 150):quote.start()] + " " + text[quote.end():quote.end() + 150]
    if THE_REPORT.search(around):
        return False
    said = SPEAKER.search(around) or not text[:quote.start()].strip() or text[:quote.start()].rstrip().endswith(":")
    return bool(said) and bool(SOMEBODY.search(around) or OUR_VOICE.search(_words(quote)))


def other_force(ctx, para):
    """The clause names another force before the grade word, nearer to it than this one."""
    subject = ctx.subject_force
    if not subject or not ctx.may_grade(para):
        return
    mentions = force_mentions(para.text, ctx.forces or None)
    if not mentions:
        return  # no force named in the paragraph
    starts = [m[0] for m in mentions]
    for start, sentence, found in ctx.sentence_words(para):
        breaks = clause_breaks(sentence) if found else []
        for match in found:
            at = bisect_left(starts, match.start()) - 1  # the force named last before the word
            if at < 0 or mentions[at][1] > match.start():
                continue
            if mentions[at][0] >= start + clause_start(breaks, match.start() - start) and mentions[at][2] != subject:
                yield Reading((Span(para.index, match.start(), match.end()),))


CLAUSE_BREAK = re.compile(r";|\s[\u2013\u2014-]\s|,?\s+(?:while|whilst|whereas|but|although|though)\s", re.IGNORECASE)


def clause_breaks(sentence: str) -> list[int]:
    """Where each clause of a sentence after its first begins."""
    return [cut.end() for cut in CLAUSE_BREAK.finditer(sentence)]


def clause_start(breaks: list[int], at: int) -> int:
    """Where the clause holding the character at `at` begins (within WINDOW characters)."""
    index = bisect_right(breaks, at) - 1
    return max(breaks[index] if index >= 0 else 0, at - WINDOW, 0)


def clause_before(sentence: str, at: int) -> str:
    """The clause holding the grade word at `at`, up to the word."""
    return sentence[clause_start(clause_breaks(sentence[:at]), at):at]


ONE_OF = re.compile(rf"\b(?:one|two|three|four|five)\s+of\s+(?:only\s+|just\s+)?(?:the\s+)?(?:few\s+|handful\s+of\s+)?"
                    rf"(?:{NUMBER}\s+)?(?:police\s+)?(?:forces|services)\b|\bthe\s+only\s+(?:police\s+)?(?:force|service)\b",
                    re.IGNORECASE)


def national(ctx, para):
    """Forces in general, a number of them, or a statistic is the clause's subject; "one
    of only four forces to be judged outstanding" is the force's own grade."""
    for start, sentence, found in ctx.sentence_words(para) if ctx.may_grade(para) else ():
        named = [m.span() for m in NATIONAL.finditer(sentence)] if found and holds(sentence, NATIONAL_WORDS) else []
        if not named:
            continue
        ones, breaks = [m.span() for m in ONE_OF.finditer(sentence)], clause_breaks(sentence)
        for match in found:
            at = match.start() - start
            low = clause_start(breaks, at)
            if any(low <= a and b <= at for a, b in named) and not any(low <= a and b <= at for a, b in ones):
                yield Reading((Span(para.index, match.start(), match.end()),))


def aim(ctx, para):
    """A grade the force hopes to reach."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: bool(AIM.search(s[max(0, a - 80):a])), AIM_WORDS)


# "the force is good at keeping victims updated throughout an investigation": praise of a practice
PRAISED = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|generally\s+|particularly\s+|very\s+|consistently\s+)?$",
                     re.IGNORECASE)
PRACTICE = re.compile(r"[\u2019\u201d'\"]?\s+at\s+(?P<what>\w+ing\b[^.;:,]{3,160})")
GOOD_AT = re.compile(r"\b(?:good|outstanding)\W{0,2}\s+at\s+\w+ing\b", re.IGNORECASE)


def practice(ctx, para):
    """Praise of a practice in the narrative ("It is also good at identifying victims with
    mental health problems"): "good at" and what it does, naming no area of any cycle, is
    no grade of an area, and asking the office to place it would send it after a non-grade.
    An area is named in a word of its own name, not by a keyword alone: "good at prioritising
    the calls it receives" praises a task inside responding to the public, and read as that
    area's grade it would let the counts "prove" the area went up."""
    names = any_cycle(ctx.frameworks).names_in_own_words
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: g in ("good", "outstanding") and _practice(s, a, b, names),
                          GOOD_AT)


def _practice(sentence: str, start: int, end: int, names) -> bool:
    what = PRACTICE.match(sentence, end)
    return bool(what) and bool(PRAISED.search(sentence[max(0, start - 40):start].rstrip("\u2018\u201c'\" ") + " ")) \
        and not names(what.group("what"))


def adjective(ctx, para):
    """A grade word qualifying a noun: "good use of resources", "an outstanding example"."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: g != "requires improvement" and c.grammar.adjectival(s, b))


_ADVERBS = "|".join(map(re.escape, reference().language["degree_adverbs"]))  # data/language.yaml
DEGREE = re.compile(rf"\b(?:{_ADVERBS})\s+['\u2018\u201c\"]?$", re.IGNORECASE)
DEGREE_WORDS = re.compile(rf"\b(?:{_ADVERBS})\b", re.IGNORECASE)
GRADED_BY_DEGREE = ("outstanding", "good", "adequate", "inadequate")  # adjectives; "requires improvement" is a verb


def _qualified(ctx, sentence: str, start: int, end: int, grade: str) -> bool:
    return grade in GRADED_BY_DEGREE and bool(DEGREE.search(sentence[max(0, start - 30):start]))


def degree(ctx, para):
    """A grade word an adverb of degree qualifies: "very good at", "generally good in"."""
    yield from _set_aside(ctx, para, _qualified, DEGREE_WORDS)


def address(ctx, para):
    """The page's source address: words of a web address, not of a sentence."""
    for index, line in enumerate(para.lines):
        if line.text.lower().startswith("source:"):
            yield Reading(ctx.word_spans(para, *para.line_span(index)))


HOW = re.compile(r"\bhow\s+['\u2018\u201c\"]?$", re.IGNORECASE)


def question(ctx, para):
    """A question, asked or reported, not a grade: "How good is the force at ...?", "we
    assessed how good the force is"."""
    if "how " not in ctx.folded(para):
        return
    for match in ctx.grade_words(para):
        if HOW.search(para.text[max(0, match.start() - 10):match.start("g")]):
            yield Reading((Span(para.index, match.start(), match.end()),))


VERB = r"(?:graded|rated|judged|assessed|deemed|considered|marked|ranked|found\s+to\s+be|given|awarded)"
NEGATED = re.compile(
    rf"(?:(?:\bnot|\bnever|n['\u2019]t)\s+(?:been\s+|be\s+)?{VERB}"
    rf"|\b(?:no|none\s+of\s+(?:the|its)|not\s+(?:a\s+)?single)\s+(?:[\w'\u2019]+\s+){{0,2}}?(?:areas?|questions?|grades?|pillars?|fields?)"
    rf"\s+(?:[\w'\u2019]+\s+){{0,3}}?(?:was|were|is|are|has\s+been|have\s+been)\s+{VERB})"
    r"\s+(?:as\s+|to\s+be\s+)?(?:an?\s+)?(?:(?:['\u2018\u201c\"]?\w+(?:\s+improvement)?['\u2019\u201d\"]?)\s*(?:,|or|nor|and)\s+)*"
    r"['\u2018\u201c\"]?$", re.IGNORECASE)
# "with most deemed to be 'good' or 'adequate'": a share, not a count nor an area's grade
VAGUE = re.compile(
    rf"\b(?:most|many|some|several|others|the\s+majority|the\s+rest|the\s+remainder)\s+(?:of\s+(?:them|the\s+(?:other\s+)?"
    rf"(?:areas|questions)|its\s+areas)\s+)?(?:(?:other\s+)?areas\s+)?(?:(?:were|are|was|is|being)\s+)?{VERB}\s+"
    r"(?:as\s+|to\s+be\s+)?(?:(?:['\u2018\u201c\"]?\w+(?:\s+improvement)?['\u2019\u201d\"]?)\s*(?:,|or|and)\s+)*"
    r"['\u2018\u201c\"]?$", re.IGNORECASE)
VAGUE_WORDS = re.compile(r"\b(?:most|many|some|several|others|majority|rest|remainder)\b", re.IGNORECASE)
NOT_WORDS = re.compile(r"\b(?:not|never|no|none)\b|n['\u2019]t\b", re.IGNORECASE)


def negated(ctx, para):
    """A grade word the sentence denies: "were not graded Outstanding or Good in any areas"
    (every word of the list), "no area was rated inadequate"."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: bool(NEGATED.search(s[max(0, a - 160):a])), NOT_WORDS)


# "is not yet graded": the grade was not published when the source was written
PENDING = re.compile(r"\bnot\s+yet\s+graded\b", re.IGNORECASE)
YET = re.compile(r"\byet\b", re.IGNORECASE)


def pending(ctx, para):
    """A grade still to come ("The extent to which the force is effective ... is not yet
    graded"): HMICFRS's pages showed it until a pillar's report came out. The area's grade
    is unstated, never "not graded": read as ungraded, it would tell a commissioner that
    PEEL 2017 did not grade effectiveness."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: bool(PENDING.search(s, max(0, a - 12), b + 12)), YET)


def vague(ctx, para):
    """A share of the areas, not counted: "with most deemed to be 'good' or 'adequate'"."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: bool(VAGUE.search(s[max(0, a - 160):a])), VAGUE_WORDS)


def earlier(ctx, para):
    """A grade word in a clause about an earlier inspection that no rule placed."""
    yield from _set_aside(ctx, para, lambda c, s, a, b, g: bool(PAST_WORDS.search(s, max(0, a - WINDOW), b + 60)) and (
        is_earlier(s, a, b) or (a <= WINDOW and only_past(s[:a])) or bool(PREVIOUS.search(s[max(0, a - 30):a]))),
        PAST_WORDS)


PAST_WORDS = re.compile(r"\b(?:(?:19|20)\d\d|last|previous|previously|prior|earlier|preceding|former|ago|had|from)\b",
                        re.IGNORECASE)  # what is_earlier, only_past and PREVIOUS each need


PREVIOUS = re.compile(r"\b(?:previous|prior|earlier|former|last)\s*['\u2018\u201c\"]?$", re.IGNORECASE)  # "the previous 'inadequate'"

