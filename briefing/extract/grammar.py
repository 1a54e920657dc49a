"""How English states a graded judgement, as a small grammar over lines and sentences.

A grade statement binds a grade word to an area phrase on one side of it:
- after it, through a preposition: "is good at investigating crime", "rated outstanding
  for disrupting serious organised crime", "requires improvement in the way it protects
  vulnerable people", "received a 'Requires Improvement' grade in the area of Responding
  to the Public", "good in all three areas; A, B and C";
- before it, as subject or label: "The extent to which the force is effective at ... is
  good", "the efficiency with which the force carries out its responsibilities is good",
  "leadership and management also requires improvement", "Investigating crime: Adequate",
  "Efficiency - 'Requires improvement'";
- in a list: "the 'outstanding' areas included A and B", "the areas requiring improvement
  are A; B and C";
- on lines of their own: an area heading or question, then a grade line.
One grade spreads over a coordinated list of areas; several grades in one sentence are
read one by one. A grade used as an adjective ("good use of resources", "a good
standard") is not a judgement, and statements about an earlier inspection ("In 2017 we
judged ...", "our last inspection") are kept apart from the current one.

Every statement carries the line of its grade word, so a reader (or the corpus scorer)
finds the word on the cited line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.reader import SourceLine
from briefing.extract.text import Paragraph

Q = "['\u2018\u2019\"\u201c\u201d]"
GRADE = (r"outstanding|good|adequate|inadequate|requires?\s+improvements?|requiring\s+improvement"
         r"|required\s+improvement|not\s+yet\s+graded|not\s+graded|ungraded"
         r"|narrative\s+(?:rather\s+than\s+(?:a\s+)?graded\s+)?judge?ments?(?:\s+only)?")
GRADE_WORD = re.compile(rf"(?<![\w-]){Q}?(?P<g>{GRADE}){Q}?(?![\w-])", re.IGNORECASE)
PREP = r"(?:with regards? to|in relation to|in respect of|in terms of|in the area of|for|at|in|when|on|across)"
NOUN = r"(?:grades?|gradings?|ratings?|judge?ments?|assessments?|scores?)"
AFTER = re.compile(rf"^\s*{Q}?\s*(?:{NOUN}\s+)?(?:(?:has|have|had|was|were)\s+been\s+(?:awarded|given|assigned)\s+)?"
                   rf"(?:overall\s+)?{PREP}\s+(?:the\s+(?:area|areas)\s+of\s+)?(?P<p>.+)$", re.IGNORECASE)
# where an area phrase after a grade stops: the next clause or the next grade statement
PHRASE_END = re.compile(
    rf"[.;:!?](?:\s|$)|\s[-\u2013\u2014]\s|\s*\((?!\w+\))|,\s+which\b|,?\s+(?:but|while|whereas|although|though|however|"
    rf"because|since|after|following|compared|with\s+(?:the|its)\s+\w+\s+(?:judged|graded)|according|as\s+well\s+as)\b"
    rf"|,?\s+(?:and\s+)?(?:is|was|are|were|it|it's|the force|the constabulary|requires?)\s+(?=\S*\s*(?:{Q})?(?:{GRADE}))"
    rf"|,?\s+(?:and\s+)?{Q}?(?:{GRADE}){Q}?\s+{PREP}\b|\s+(?:and|but)\s+(?:it|they|the force|the constabulary)\s",
    re.IGNORECASE)
LINKING = re.compile(
    rf"(?:^|\s)(?:is|was|are|were|be|been|remains?|remained|as|has|have|also|still|now|overall|therefore|"
    rf"judged|assessed|rated|graded|found|considered|deemed|to|currently|once again|again|{Q})\s*$", re.IGNORECASE)
SUBJECT = re.compile(r"(?P<p>[A-Za-z][^.;!?]*?)(?:\s*[:\u2013\u2014]|\s+-|\s+(?:is|was|are|were|remains?)\b[^.;!?]*?)\s*$")
LABEL = re.compile(rf"^[\W\d]*?(?P<p>[A-Za-z][^:\u2013\u2014\t]{{2,160}}?)\s*(?::|\u2013|\u2014|\s-|\t| {{2,}})\s*"
                   rf"{Q}?(?P<g>{GRADE}){Q}?\s*\.?\s*$", re.IGNORECASE)
ROW = re.compile(rf"^[\W\d]*(?P<p>[A-Za-z][^.:;!?]{{2,120}}?)\s+{Q}?(?P<g>{GRADE}){Q}?\s*$", re.IGNORECASE)
VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|rated|graded|judged|found|assessed|received|"
                  r"remains?|got|gets|achieved|awarded|deemed|considered|as|it|its|we|our|they)\b", re.IGNORECASE)
ALONE = re.compile(rf"^\W*{Q}?(?P<g>{GRADE}){Q}?\W*$", re.IGNORECASE)
AREAS_LIST = re.compile(
    rf"(?:the\s+)?(?:{Q}?(?P<g1>{GRADE}){Q}?\s+areas?|areas?\s+(?:that\s+)?(?:were\s+|are\s+)?(?:graded\s+|rated\s+|judged\s+"
    rf"|found\s+|assessed\s+|highlighted\s+|identified\s+|deemed\s+|considered\s+)?(?:as\s+)?(?:being\s+)?{Q}?(?P<g2>{GRADE}){Q}?)\s+(?:included|include|includes|are|were|is|was"
    rf"|being|covered|related to)\s*:?\s+(?P<p>.+)$", re.IGNORECASE)
NUMBERED = re.compile(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|all|both|multiple|several|many|some|"
                      r"a number of|a range of|most|\d+)(?:\s+\w+)?\s+"
                      r"(?:areas?|categories|questions|of\s+\w+\s+areas?|counts|pillars)\b\s*(?P<rest>.*)$", re.IGNORECASE)
ATTRIBUTIVE_OK = {"at", "in", "for", "when", "on", "across", "with", "overall", "and", "or", "but", "grade", "grades",
                  "grading", "gradings", "rating", "ratings", "judgment", "judgement", "areas", "area", "by", "from",
                  "to", "as", "the", "after", "following", "compared", "since", "this", "last", "again", "while",
                  "whereas", "yet", "although", "so", "because", "now", "according", "said", "says", "he", "she",
                  "has", "have", "had", "was", "were", "is", "are", "which", "they", "we", "inspectors", "hmicfrs", "hmic", "over", "under", "than", "within", "judge"}
EARLIER = re.compile(r"\b(?:last|previous|prior|earlier|preceding)\s+(?:inspection|report|year|assessment|peel|time|cycle)"
                     r"|\bpreviously\b|\bago\b|\bhad been\s+(?:rated|graded|judged|assessed)", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)(\d\d)\b")
FORCE_SUBJECT = re.compile(r"^(?:.*\b(?:police|constabulary|force|service)|it|they|we|he|she|the\s+(?:force|constabulary))$",
                           re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    phrase: str  # the area as the text words it
    grade: str  # normalised: outstanding, good, adequate, requires improvement, inadequate, ungraded
    line: SourceLine  # the line holding the grade word
    earlier: bool = False  # about an earlier inspection, not this one
    how: str = ""  # which form of the grammar read it (for warnings and tests)


def grade_of(word: str) -> str:
    word = " ".join(word.lower().split())
    if "improvement" in word:
        return "requires improvement"
    if "graded" in word or "narrative" in word:
        return "ungraded"
    return word


def _clean_phrase(text: str) -> str:
    text = re.sub(rf"^{Q}+|{Q}+$", "", text.strip(" ,;:-\u2013\u2014\u2022*\t")).strip()
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(" ,;:.")


class _Offsets:
    """Where each character of a paragraph's joined text came from: its source line."""

    def __init__(self, para: Paragraph):
        self.starts, self.lines = [], []
        pos = 0
        for line in para.lines:
            self.starts.append(pos)
            self.lines.append(line)
            pos += len(" ".join(line.text.split())) + 1

    def line_at(self, offset: int) -> SourceLine:
        index = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                index = i
        return self.lines[index]


def _is_attributive(post: str) -> bool:
    """ "good use of", "a good standard": the grade word qualifies a noun, it is no grade."""
    match = re.match(rf"^{Q}?\s*([A-Za-z]+)", post)
    return bool(match) and match.group(1).lower() not in ATTRIBUTIVE_OK and not post.startswith((",", ".", ";"))


def _after(post: str) -> list[str]:
    match = AFTER.match(post)
    if not match:
        return []
    phrase = match.group("p")
    end = PHRASE_END.search(phrase)
    phrase = phrase[:end.start()] if end else phrase
    whole = match.group("p").strip()
    numbered = NUMBERED.match(whole)
    if numbered:  # "good in all three areas; A, B and C" or "in two areas - A and B"; a bare count is no list
        rest = numbered.group("rest")
        introduced = re.match(r"^(?:[;:(\u2013\u2014]|-\s|,?\s*(?:namely|including|which (?:are|were))\b)\s*(?P<list>.+)", rest)
        if not introduced:
            return []
        items = introduced.group("list")
        end = re.search(r"[.!?](?:\s|$)|\)", items)
        return [items[:end.start()] if end else items]
    if re.fullmatch(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b.*", phrase.strip(), re.IGNORECASE) and \
            len(phrase.split()) <= 4:
        return []  # "requires improvement in two": a count
    return [phrase]


def _before(pre: str, grade: str) -> str:
    """The subject or label a grade is said of, when it is not the force itself."""
    if not pre.strip():
        return ""
    linked = LINKING.search(pre) or re.search(r"[:\u2013\u2014]\s*$|\s-\s*$", pre)
    verb_grade = grade == "requires improvement"  # "X (also) requires improvement"
    if not linked and not verb_grade:
        return ""
    head = pre
    while True:  # drop trailing linking words
        trimmed = re.sub(rf"(?:\s+|^)(?:is|was|are|were|be|been|remains?|remained|as|has|have|also|still|now|overall|"
                         rf"therefore|judged|assessed|rated|graded|found|considered|deemed|to|currently|once again|again)"
                         rf"\s*$|\s*[:\u2013\u2014{Q}]\s*$|\s+-\s*$", "", head, flags=re.IGNORECASE)
        if trimmed == head:
            break
        head = trimmed
    head = re.split(r";\s*(?:and\s+)?|,\s+(?:and|but|while|whereas|however)\s+|\b(?:that|said|says|found|shows?|"
                    r"indicates?|whether)\s+|:\s+", head)[-1]
    head = re.sub(r"^(?:the\s+extent\s+to\s+which\s+(?:the\s+)?[\w\s&'\u2019-]*?\s+is\s+)", "", head.strip(), flags=re.IGNORECASE)
    head = re.sub(r"^(?:the\s+extent\s+to\s+which\s+(?:the\s+)?(?:force|constabulary|service|[\w&'\u2019-]+(?:\s+[\w&'\u2019-]+)"
                  r"{0,3}\s+(?:police|constabulary)))\s+", "", head, flags=re.IGNORECASE)
    head = re.sub(r"^(?:[\w&'-]+\s+){0,3}(?:police|constabulary|force)['\u2019]s?\s+", "", head, flags=re.IGNORECASE)
    head = re.sub(r"^(?:the\s+)?(?:force|constabulary)['\u2019]s\s+", "", head, flags=re.IGNORECASE)
    head = _clean_phrase(head)
    if not head or GRADE_WORD.search(head) or FORCE_SUBJECT.match(head) or len(head.split()) > 16 or re.search(r"\b\d+\s+forces\b|\bforces\b", head):
        return ""
    return head


def statements_in(paras: list[Paragraph]) -> list[Statement]:
    """Every grade statement of a text: lines read as labels or grade lines first, then
    sentences on the other lines."""
    found = [s for s, _ in _line_forms(paras)]
    taken = {(s.line.line, s.line.page) for s in found}
    seen = set()
    for statement, key in _sentence_forms(paras):
        if (statement.line.line, statement.line.page) in taken or (key, statement.phrase) in seen:
            continue
        seen.add((key, statement.phrase))
        found.append(statement)
    return found


def _line_forms(paras):
    lines = [line for para in paras for line in para.lines]
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        label = LABEL.match(text)
        if label and (re.match(r"^(?:and|or|but|the force|it|which)\b", label.group("p"), re.IGNORECASE)
                      or re.search(r"\b(?:is|was|are|were|be|been|as|to)\s*$", label.group("p"), re.IGNORECASE)):
            label = None  # a sentence that ends in its grade ("... crime is  good"), read as a sentence
        if label:
            yield (Statement(_clean_phrase(label.group("p")), grade_of(label.group("g")), line, how="label"),
                   (line.line, line.page or 0, label.start("g")))
            continue
        row = ROW.match(text)
        if row and not VERB.search(row.group("p")) and not GRADE_WORD.search(row.group("p")):
            yield (Statement(_clean_phrase(row.group("p")), grade_of(row.group("g")), line, how="row"),
                   (line.line, line.page or 0, row.start("g")))
            continue
        alone = ALONE.match(text)
        if alone and index:
            heading = _heading_before(lines, index)
            if heading is not None:
                yield (Statement(_clean_phrase(heading.text), grade_of(alone.group("g")), line, how="heading"),
                       (line.line, line.page or 0, alone.start("g")))


def _heading_before(lines: list[SourceLine], index: int) -> SourceLine | None:
    """The short line (an area or a question) a grade line answers: one of the two lines
    above it, with no full stop and no grade of its own."""
    for back in (1, 2):
        if index - back < 0:
            return None
        candidate = lines[index - back]
        text = " ".join(candidate.text.split()).strip(" \u2022*-")
        if not text:
            continue
        if GRADE_WORD.search(text) and not text.endswith("?"):
            return None
        if 3 <= len(text) <= 160 and not text.endswith((".", ":", ",")) and not text.lower().startswith("source:"):
            return candidate
        return None
    return None


def _sentences(text: str):
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018A-Z\u2022])|\s+\u2022\s+", text):
        yield start, text[start:match.start()]
        start = match.end()
    yield start, text[start:]


WINDOW = 600  # characters either side of a grade word that the grammar reads

ANAPHOR = re.compile(r"\b(?:this|that|the same|these)\s+(?:grade|grading|rating|judge?ment)s?\b(?P<post>.*)$", re.IGNORECASE)


def _sentence_forms(paras):
    last: tuple[str, SourceLine] | None = None  # the grade word read most recently, for "this grade"
    for para in paras:
        offsets = _Offsets(para)
        for start, sentence in _sentences(para.text):
            anaphor = ANAPHOR.search(sentence)
            if anaphor and last and not GRADE_WORD.search(sentence):
                for phrase in _after(anaphor.group("post")):  # "has received this grade in relation to A and B"
                    yield Statement(_clean_phrase(phrase), last[0], last[1], bool(EARLIER.search(sentence)),
                                    "sentence"), (last[1].line, last[1].page or 0, -start - 1)
            for match in GRADE_WORD.finditer(sentence):
                last = (grade_of(match.group("g")), offsets.line_at(start + match.start("g")))
            earlier = bool(EARLIER.search(sentence))
            years = [int("20" + y) for y in YEAR.findall(sentence)]
            listed = AREAS_LIST.search(sentence)
            if listed:
                grade = grade_of(listed.group("g1") or listed.group("g2"))
                word = listed.start("g1") if listed.group("g1") else listed.start("g2")
                line = offsets.line_at(start + word)
                phrase = listed.group("p")
                end = re.search(r"[.!?](?:\s|$)", phrase)
                yield (Statement(_clean_phrase(phrase[:end.start()] if end else phrase), grade, line, earlier,
                                 "list"), (line.line, line.page or 0, -1 - word))
            scale = _scale_spans(sentence)
            for match in GRADE_WORD.finditer(sentence):
                if listed and listed.start() <= match.start() < listed.end():
                    continue
                if any(a <= match.start() < b for a, b in scale):
                    continue
                # what a grade is said of lies within a few hundred characters of it; a window keeps
                # a run-on "sentence" of thousands of grade words linear, not quadratic
                pre = sentence[max(0, match.start() - WINDOW):match.start()]
                post = sentence[match.end():match.end() + WINDOW]
                grade = grade_of(match.group("g"))
                if grade != "requires improvement" and _is_attributive(post):
                    continue
                line = offsets.line_at(start + match.start("g"))
                key = (line.line, line.page or 0, start + match.start("g"))
                phrases = _after(post) or ([p] if (p := _before(pre, grade)) else [])
                if not phrases and grade == "ungraded":  # "we have assessed leadership ... a narrative judgment"
                    assessed = re.findall(r"\bassessed\s+([a-z][a-z\s-]{2,40}?)(?=\s+(?:across|in|for|at)\b|[.,;])",
                                          para.text[max(0, start + match.start() - WINDOW):start + match.start()],
                                          re.IGNORECASE)
                    phrases = assessed[-1:]
                for phrase in phrases:
                    phrase = _clean_phrase(phrase)
                    if phrase and len(phrase.split()) <= 40:
                        yield Statement(phrase, grade, line, earlier or bool(years) and _only_past(sentence),
                                        "sentence"), key
                        key = (*key[:2], key[2] + 0.5)


_ONE = rf"{Q}?(?:{GRADE}){Q}?"
SCALE = re.compile(rf"{_ONE}(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:,\s*)?(?:or\s+|and\s+)?{_ONE}){{2,}}", re.IGNORECASE)


def _scale_spans(sentence: str) -> list[tuple[int, int]]:
    """ "'outstanding', 'good', 'requires improvement', or 'inadequate'": the scale explained,
    no judgement (three or more grade words in a row)."""
    return [(m.start(), m.end()) for m in SCALE.finditer(sentence)]


def _only_past(sentence: str) -> bool:
    """ "In 2017 we judged the force as good ...": a year opening the clause dates it."""
    return bool(re.match(r"^\W*(?:in|by|during|since)\s+(?:\w+\s+)?(?:19|20)\d\d\b", sentence.strip(), re.IGNORECASE)) or \
        bool(re.search(r"\b(?:in|from)\s+(?:19|20)\d\d\s*(?:,\s*)?(?:we|hmic|hmicfrs|inspectors|it|the force)\s+"
                       r"(?:judged|rated|graded|assessed|found)", sentence, re.IGNORECASE))
