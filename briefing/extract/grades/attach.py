"""Where each grade word of a sentence scopes: one set of attachment principles.

A sentence is cut at its grade words (an adjective, "good use of", is no cut), and the
text between two of them belongs to the grade before it or to the grade after it:

- forward: a grade scopes over the areas after "-", ":", "at", "in", "for", "to its work
  on", "including" ... until the next grade, or until the clause where the next grade's
  own subject begins ("good at A, while B was rated adequate"); a list runs on across ";"
  while each piece names an area;
- subject: backward over the subject of "was/were (all) rated/graded/judged (as/to be)",
  "X - G", "X: G", "X requires improvement", from the last clause break before it ("while",
  "whereas", "but", ";", "with" before a participle); "judged X to be G" takes X;
- parenthesised: "A (good) and B (requires improvement)";
- fronted: "In X, the force was rated G", "When it comes to X, the force is G", "X: the force
  was graded G", where the clause's own subject is the force.
What names an area decides between them: a forward phrase that names no area of any cycle
("in the report that covers 2023 to 2025") gives way to a subject or a fronted phrase that
does. Whose grade it is (another force's, a national figure's) is settled before, by the
rules that set such words aside (grades/aside.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.areas import any_cycle
from briefing.extract.grades.grammar import LINKING_WORDS, REFERS_BACK, clean_phrase
from briefing.extract.vocabulary import QUOTE as Q

WINDOW = 600  # characters either side of a grade word that its scope may reach
CUT = re.compile(r";\s*|,?\s+(?:while|whilst|whereas|but|although|though|except|apart\s+from|other\s+than)\s+"
                 r"|,\s+however,?\s+", re.IGNORECASE)
WITH = re.compile(r"\s+with\s+(?!which|whom|whose)", re.IGNORECASE)  # "..., with A judged to be G": a clause of its own
FINITE = re.compile(r"\b(?:is|was|are|were|has|have|had|remains?|remained)\b", re.IGNORECASE)
PARTICIPLE = re.compile(r"\b(?:being|judged|rated|graded|assessed|deemed|considered|found|marked|ranked|scored)\b",
                        re.IGNORECASE)
LINK_END = re.compile(rf"(?:\b(?:{LINKING_WORDS}|being|deemed to|judged to|found to)\s*|[:\u2013\u2014]\s*|\s-\s*)"
                      rf"{Q}?\s*$", re.IGNORECASE)
PAREN = re.compile(rf"\(\s*{Q}?\s*$")
PAREN_CUT = re.compile(r"[,;()]\s*|\s+(?:and|on|at|in|for|was|were|is|are)\s+", re.IGNORECASE)
FRONTED = re.compile(r"^\W*(?:(?:in|on|for|regarding|as\s+for|as\s+regards|turning\s+to|when\s+it\s+comes\s+to|"
                     r"with\s+regards?\s+to|in\s+terms\s+of)\s+(?P<x>[^,;:]{3,120}?),\s+|(?P<y>[^,;:]{3,80}?):\s+)",
                     re.IGNORECASE)
FORCE_THEN_LINK = re.compile(rf"^\s*(?:(?:the\s+)?(?:force|constabulary|service)|it|they|we|[A-Z][\w&'\u2019-]*"
                             rf"(?:\s+(?:[A-Z][\w&'\u2019-]*|and|&|of)){{0,5}})\s+(?:(?:{LINKING_WORDS})\s+)*{Q}?\s*$",
                             re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    start: int  # the grade word's match, relative to the sentence
    end: int
    grade: str


def scopes(ctx, sentence: str, words: list[Word]) -> list[list[str]]:
    """The phrases each grade word of a sentence scopes over ([] for none)."""
    grammar, names = ctx.grammar, any_cycle(ctx.frameworks).names
    cuts = [w for w in words if w.grade == "requires improvement" or not grammar.adjectival(sentence, w.end)]
    places = {id(w): n for n, w in enumerate(cuts)}  # each word's place among the cuts, found once
    out, forward_before = [], False
    for word in words:
        index = places.get(id(word))
        if index is None:  # an adjective ("good use of"): no grade to place
            out.append([])
            continue
        low = cuts[index - 1].end if index else max(0, word.start - WINDOW)
        high = cuts[index + 1].start if index + 1 < len(cuts) else len(sentence)
        pre, post = sentence[low:word.start], sentence[word.end:min(high, word.end + WINDOW)]
        if index + 1 < len(cuts):  # up to where the next grade's own subject begins
            post = post[:_subject_start(post, cuts[index + 1].grade)]
        phrases, forward = _scope(ctx, sentence, word, pre, post, names, bool(index) and forward_before)
        out.append(phrases)
        forward_before = forward
    return out


def _subject_start(pre: str, grade: str) -> int | None:
    """Where, in the text before a grade word, the clause that is its subject begins, if the
    grade links back to one and a clause break comes before it."""
    if not (LINK_END.search(pre[-60:]) or grade == "requires improvement"):  # a link is a few words
        return None
    start = None
    for cut in CUT.finditer(pre):
        start = cut.start()
    clause = pre[start or 0:]
    if not FINITE.search(clause) and PARTICIPLE.search(clause):  # "..., with A judged to be G": a clause of its own
        for cut in WITH.finditer(pre):
            if start is None or cut.start() > start:
                start = cut.start()
    return start


def _scope(ctx, sentence, word: Word, pre: str, post: str, names, forward_before: bool) -> tuple[list[str], bool]:
    """The phrases a grade word scopes over, and whether it scoped forward."""
    grammar = ctx.grammar
    forward = grammar.phrases_after(post, names)
    if forward and any(names(p) for p in forward):
        return forward, True
    counted = not forward and grammar.after.match(post) is not None  # "good in two areas": a count's scope
    dash = bool(forward) and grammar.after.match(post).group("dash") is not None
    bracketed = _parenthesised(pre, any_cycle(ctx.frameworks).names_whole)
    if bracketed:
        return [bracketed], False
    subject = _subject(grammar, pre, word.grade, forward_before)
    if subject and names(subject):
        return [subject], False
    fronted = _fronted(sentence, word, names)
    if fronted:
        return [fronted], False
    if forward and not dash:
        return forward, True
    return ([subject] if subject else []), counted


def _subject(grammar, pre: str, grade: str, forward_before: bool) -> str:
    """The subject before a grade word; none where the grade before it scoped forward over
    this text and no clause break comes between."""
    start = _subject_start(pre, grade)
    if start is not None:
        pre = pre[start:]
        pre = pre[(CUT.match(pre) or WITH.match(pre)).end():]
    elif forward_before and not REFERS_BACK.search(pre):  # "in all areas, except A, where it requires improvement"
        return ""
    pre = re.sub(r"^\W*(?:and|or|but)\s+", "", pre, flags=re.IGNORECASE)
    return grammar.subject_before(pre, grade)


def _parenthesised(pre: str, names) -> str:
    """ "Preventing crime (good)": the item before the bracket that names an area."""
    if not PAREN.search(pre):
        return ""
    item = pre[:PAREN.search(pre).start()].rstrip()
    starts = [0] + [m.end() for m in PAREN_CUT.finditer(item)]
    for start in starts:  # the longest piece before the bracket that names an area
        piece = clean_phrase(item[start:])
        if piece and names(piece):
            return piece
    return ""


def _fronted(sentence: str, word: Word, names) -> str:
    """ "In investigating crime, the force was rated adequate": the phrase fronted before a
    clause whose subject is the force."""
    fronted = FRONTED.match(sentence)
    if not fronted or fronted.end() > word.start:
        return ""
    if not FORCE_THEN_LINK.match(sentence[fronted.end():word.start]):
        return ""
    phrase = clean_phrase(fronted.group("x") or fronted.group("y"))
    return phrase if names(phrase) else ""
