"""The pieces of English the grade rules share: where an area phrase after a grade word
ends, what may link a subject to its grade, and when a grade word is only an adjective.

Compiled once per vocabulary of grade words (data/frameworks.yaml), so every rule reads
the same words the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.vocabulary import QUOTE as Q

QUOTES = "'\u2018\u2019\"\u201c\u201d"
from briefing.extract.vocabulary import Vocabulary

PREP = (r"(?:with regards? to|in relation to|in respect of|in terms of|in the area of|in the following areas?|when it comes to|"
        r"(?:for|to)\s+(?:its|their|the\s+(?:force|constabulary)['\u2019]s)\s+(?:work|performance|approach)\s+(?:in|on|to)|"
        r"for|at|in|when|on|across|including)")
NOUN = r"(?:grades?|gradings?|ratings?|judge?ments?|assessments?|scores?)"
LINKING_WORDS = (r"is|was|are|were|be|been|being|remains?|remained|as|has|have|also|still|now|overall|therefore|judged|"
                 r"assessed|rated|graded|found|considered|deemed|to|currently|once again|again|marked|ranked|scored|"
                 r"to be|as being")
# words that may follow a grade word that is still a grade ("good at", "good overall", "good in two areas"); any
# other word after it makes the grade word an adjective ("good use of", "a good standard")
NOT_A_NOUN = frozenset("""at in for when on across with overall and or but grade grades grading gradings rating ratings
judgment judgement areas area by from to as the after following compared since this last again while whereas yet
although so because now according said says he she has have had was were is are which they we inspectors hmicfrs hmic
over under than within judge including despite due thanks given where who whilst unlike like except apart alongside
ahead both either""".split())
EARLIER = re.compile(r"\b(?:last|previous|prior|earlier|preceding)\s+(?:inspection|report|year|assessment|peel|time|cycle)"
                     r"|\b(?:was|were)\s+last\s+(?:inspected|assessed|graded)"
                     r"|\bpreviously\b|\bago\b|\bhad been\s+(?:rated|graded|judged|assessed)", re.IGNORECASE)
SAME_AS_BEFORE = re.compile(r"\b(?:unchanged|same|consistent|as it was|as before|maintain(?:ed|s)?|retain(?:ed|s)?|"
                            r"keeps?|kept|remains?|remained|again|once more|still)\b", re.IGNORECASE)
# a grade named as where an improvement started, the grade received before: "a significant improvement from the
# 'inadequate' grading it received in this area in 2023" (STARTED_FROM before the grade word, RECEIVED_THEN after it)
STARTED_FROM = re.compile(r"\bimprovement\s+(?:from|on)\s+(?:the|its|an?)\s+\W?$", re.IGNORECASE)
RECEIVED_THEN = re.compile(r"^\W?\s*(?:grade|grading|rating|judge?ment)\s+(?:it|the\s+force|the\s+constabulary)\s+(?:had\s+)?"
                           r"(?:received|was\s+given|was\s+awarded|got)\b(?P<rest>[^.;]*)", re.IGNORECASE)
SET_LEAD = re.compile(r"^\W*(?:the\s+)?extent\s+to\s+which\s+(?:the\s+)?[\w\s&'\u2019-]*?\s+is\s+", re.IGNORECASE)
REFERS_BACK = re.compile(r",?\s+(?:which|where|in which)\b(?:\s+(?:it|the force|the constabulary|they|its\s+\w+(?:\s+\w+)?))?"
                         r"(?:\s+(?:was|were|is|are|had been|has been))?\s*$", re.IGNORECASE)
QUESTION = re.compile(r"how (?:effective|good|well|efficient|legitimate)(?:ly)? (?:is|does) the (?:force|constabulary)"
                      r"(?: at)? [^?]{5,120}\?", re.IGNORECASE)  # an inspection question, as a heading
FORCE_SUBJECT = re.compile(r"^(?:.*\b(?:police|constabulary|force|service)|it|they|we|he|she|the\s+(?:force|constabulary))$",
                           re.IGNORECASE)


@dataclass(frozen=True)
class Grammar:
    vocabulary: Vocabulary
    word: re.Pattern  # a grade word, quoted or not, as group "g"
    after: re.Pattern  # what follows a grade word when an area phrase follows it
    phrase_end: re.Pattern  # where such a phrase stops
    linking: re.Pattern  # the words that link a subject to a grade after it
    subject_trail: re.Pattern  # linking words at the end of a subject, to be trimmed
    scale: re.Pattern  # three or more grade words in a row: the scale explained
    label: re.Pattern  # "Investigating crime: Adequate"
    row: re.Pattern  # "Protecting vulnerable people  Good"
    alone: re.Pattern  # a line that is only a grade
    areas_list: re.Pattern  # "the 'outstanding' areas included A and B"
    numbered: re.Pattern  # "all three areas", "two of the nine areas"

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> Grammar:
        grade = vocabulary.grades
        one = rf"{Q}?(?:{grade}){Q}?"
        return cls(
            vocabulary=vocabulary,
            word=re.compile(rf"{vocabulary.lead}(?<![\w-]){Q}?(?P<g>{grade}){Q}?(?![\w-])", re.IGNORECASE),
            after=re.compile(rf"^\s*{Q}?\s*(?:{NOUN}\s+)?(?:(?:has|have|had|was|were)\s+been\s+(?:awarded|given|assigned)"
                             rf"\s+)?(?:overall\s+)?(?:(?P<dash>[:\u2013\u2014]|-(?=\s))\s*(?:{PREP}\s+)?|{PREP}\s+)"
                             rf"(?:the\s+(?:area|areas)\s+of\s+)?(?P<p>.+)$", re.IGNORECASE),
            phrase_end=re.compile(
                rf"[.;:!?](?:\s|$)|\s[-\u2013\u2014]\s|\s*\((?!\w+\))|,\s+which\b|\s+which\s+(?:is|was|are|were)\s+where\b"
                rf"|,?\s+(?:but|while|whereas|although|though|"
                rf"however|because|since|after|following|compared|with\s+(?:the|its)\s+\w+\s+(?:judged|graded)|according|"
                rf"as\s+well\s+as)\b|,?\s+(?:and\s+)?(?:is|was|are|were|it|it's|the force|the constabulary|requires?)\s+"
                rf"(?=\S*\s*(?:{Q})?(?:{grade}))|,?\s+(?:and\s+)?{one}\s+{PREP}\b|\s+(?:and|but)\s+(?:it|they|the force|"
                rf"the constabulary)\s", re.IGNORECASE),
            linking=re.compile(rf"(?:^|\s)(?:{LINKING_WORDS}|{Q})\s*$", re.IGNORECASE),
            subject_trail=re.compile(rf"(?:\s+|^)(?:{LINKING_WORDS})\s*$|\s*(?:[:\u2013\u2014]|{Q})\s*$|\s+-\s*$",
                                     re.IGNORECASE),
            scale=re.compile(rf"{one}(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:,\s*)?(?:or\s+|and\s+)?{one}|\s+{Q}(?:{grade}){Q}){{2,}}",
                             re.IGNORECASE),
            label=re.compile(rf"^[\W\d]*?(?P<p>[A-Za-z][^:\u2013\u2014\t]{{2,160}}?)\s*(?::|\u2013|\u2014|\s-|\t| {{2,}})\s*"
                             rf"{Q}?(?P<g>{grade}){Q}?\s*\.?\s*$", re.IGNORECASE),
            row=re.compile(rf"^[\W\d]*(?P<p>[A-Za-z][^.:;!?]{{2,120}}?)\s+{Q}?(?P<g>{grade}){Q}?\s*$", re.IGNORECASE),
            alone=re.compile(rf"^\W*{Q}?(?P<g>{grade}){Q}?\W*$", re.IGNORECASE),
            areas_list=re.compile(
                rf"(?:the\s+)?(?:{Q}?(?P<g1>{grade}){Q}?\s+areas?|areas?\s+(?:that\s+)?(?:were\s+|are\s+)?(?:graded\s+|"
                rf"rated\s+|judged\s+|found\s+|assessed\s+|highlighted\s+|identified\s+|deemed\s+|considered\s+)?(?:as\s+)?"
                rf"(?:being\s+)?{Q}?(?P<g2>{grade}){Q}?)\s+(?:included|include|includes|are|were|is|was|being|covered|"
                rf"related to)\s*:?\s+(?P<p>.+)$", re.IGNORECASE),
            numbered=re.compile(r"^(?:the\s+|its\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|all|both|"
                                r"multiple|several|many|some|a number of|a range of|most|\d+)(?:\s+\w+){0,2}?\s+"
                                r"(?:areas?|categories|questions|of\s+\w+\s+areas?|counts|pillars)\b\s*(?P<rest>.*)$",
                                re.IGNORECASE),
        )

    def words(self, text: str, folded: str | None = None) -> list[re.Match]:
        """The grade words of a text. Most paragraphs of a report hold none, and a substring
        test of the case-folded text for each wording's first letters is a fraction of the
        pattern's cost, so the pattern runs only where one of them is."""
        if not self.may_hold(text, folded):
            return []
        return list(self.word.finditer(text))

    def may_hold(self, text: str, folded: str | None = None) -> bool:
        """Whether a grade word could be in the text: one of the stems is."""
        folded = text.casefold() if folded is None else folded
        return any(stem in folded for stem in self.vocabulary.stems)

    def grade_of(self, word: str) -> str:
        return self.vocabulary.grade_of(word)

    # --- phrases after and before a grade word -----------------------------------------

    def adjectival(self, text: str, end: int) -> bool:
        """Whether the grade word ending at `end` of `text` is an adjective; a quoted one
        ("the areas graded 'inadequate' included") is named, never an adjective."""
        return text[end - 1:end] not in QUOTES and self.is_adjective(text[end:end + 40])

    def is_adjective(self, post: str) -> bool:
        """ "good use of", "a good standard": the grade word qualifies a noun, it is no grade."""
        match = FIRST_WORD.match(post)  # a quoted grade word ("'inadequate' included") is named, no adjective
        return bool(match) and match.group(1).lower() not in NOT_A_NOUN

    def phrases_after(self, post: str, names=None) -> list[str]:
        """The area phrase (or the listed phrases) a grade word binds through a preposition,
        a dash or a colon; a list runs on across ";" while each piece `names` an area."""
        match = self.after.match(post)
        if not match:
            return []
        whole = match.group("p").strip()
        numbered = self.numbered.match(whole)
        if numbered:  # "good in all three areas; A, B and C" or "in two areas - A and B"; a bare count is no list
            introduced = re.match(r"^(?:[;:(\u2013\u2014]|-\s|,?\s*(?:namely|including|which (?:are|were)|of)\b)\s*"
                                  r"(?P<list>.+)", numbered.group("rest"))
            if not introduced:
                return []
            items = introduced.group("list")
            end = re.search(r"[.!?](?:\s|$)|\)", items)
            return [items[:end.start()] if end else items]
        phrase = match.group("p")
        end = self.phrase_end.search(phrase)
        while end and names and phrase[end.start()] == ";":  # "for A; B; and C": a list, not the end
            rest = phrase[end.end():]
            after = self.phrase_end.search(rest)
            if not names(re.sub(r"^(?:and|or)\s+", "", rest[:after.start()] if after else rest)):
                break
            end = self.phrase_end.search(phrase, end.end()) if after else None
        phrase = phrase[:end.start()] if end else phrase
        if re.fullmatch(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b.*", phrase.strip(), re.IGNORECASE) \
                and len(phrase.split()) <= 4:
            return []  # "requires improvement in two": a count
        return [phrase]

    def subject_before(self, pre: str, grade: str) -> str:
        """The subject or label a grade is said of, when it is not the force itself: "The
        extent to which the force is efficient ... is good", "leadership ... requires
        improvement", "A and B, which were all judged to be adequate", "in how it records
        crime, where its performance was outstanding"."""
        pre = re.split(r"[.!?]\s+", pre)[-1]  # a subject never runs over a full stop
        if not pre.strip():
            return ""
        linked = self.linking.search(pre) or re.search(r"[:\u2013\u2014]\s*$|\s-\s*$", pre) or SET_LEAD.match(pre)
        if not linked and grade != "requires improvement":  # "X (also) requires improvement" needs no link
            return ""
        head = pre
        while True:
            trimmed = self.subject_trail.sub("", head)
            trimmed = re.sub(r"\s+(?:all|both|each)\s*$", "", trimmed, flags=re.IGNORECASE)
            if trimmed == head:
                break
            head = trimmed
        refers = REFERS_BACK.search(head)
        if refers:  # "X, which were" / "in X, where its performance was": the grade is X's
            head = re.split(r";|:\s+|\b(?:except|including|particularly|especially|notably)\s+", head[:refers.start()])[-1]
            head = re.sub(r"^.*?\b(?:in|at|for)\s+(?=(?:how|the way|its|their)\b)", "", head, flags=re.IGNORECASE)
        head = re.split(r";\s*(?:and\s+)?|,\s+(?:and|but|while|whereas|however)\s+|\b(?:that|said|says|found|finds?|shows?|"
                        r"indicates?|whether|judged|rated|graded|assessed|considered|deemed|marked|ranked)\s+|:\s+", head)[-1]
        head = SET_LEAD.sub("", head.strip())
        head = re.sub(r"^(?:the\s+extent\s+to\s+which\s+(?:the\s+)?(?:force|constabulary|service|[\w&'\u2019-]+"
                      r"(?:\s+[\w&'\u2019-]+){0,3}\s+(?:police|constabulary)))\s+", "", head, flags=re.IGNORECASE)
        head = re.sub(r"^(?:[\w&'-]+\s+){0,3}(?:police|constabulary|force)['\u2019]s?\s+", "", head, flags=re.IGNORECASE)
        head = re.sub(r"^(?:the\s+)?(?:force|constabulary)['\u2019]s\s+", "", head, flags=re.IGNORECASE)
        head = clean_phrase(head)
        if OTHERS.search(head):
            return ""  # "... with the majority of the remaining categories being assessed as adequate": no area named
        if not head or self.word.search(head) or FORCE_SUBJECT.match(head) or len(head.split()) > 30 \
                or re.search(r"\bforces\b", head):
            return ""
        return head

    def scale_spans(self, sentence: str) -> list[tuple[int, int]]:
        """ "'outstanding', 'good', 'requires improvement', or 'inadequate'": the scale explained."""
        return [(m.start(), m.end()) for m in self.scale.finditer(sentence)]


OTHERS = re.compile(r"\b(?:remaining|other|rest\s+of\s+the)\s+(?:categories|areas|questions|pillars|judg(?:e)?ments)\b",
                    re.IGNORECASE)  # the areas a sentence leaves unnamed: a count's subject, never an area
TRAILING = re.compile(r"(?:[\s,;]+(?:and|or|but|is|was|are|were|while|whereas|with))+\s*$", re.IGNORECASE)


# the patterns of the functions below, compiled once, not looked up in re's cache at each of a reading's calls
FIRST_WORD = re.compile(r"^\s*([A-Za-z]+)")
QUOTES_AT_ENDS = re.compile(rf"^{Q}+|{Q}+$")
SPACES = re.compile(r"\s+")
LEADING_LINK = re.compile(r"^(?:and|or|but)\s+", re.IGNORECASE)
SENTENCE_CUT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018A-Z\u2022])|\s+\u2022\s+")
YEAR_OPENS = re.compile(r"^\W*(?:in|by|during|since)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
YEAR_THEN_JUDGED = re.compile(r"\b(?:in|from)\s+(?:19|20)\d\d\s*(?:,\s*)?(?:we|hmic|hmicfrs|inspectors|it|the force)\s+"
                              r"(?:judged|rated|graded|assessed|found)", re.IGNORECASE)


def clean_phrase(text: str) -> str:
    text = QUOTES_AT_ENDS.sub("", text.strip(" ,;:-\u2013\u2014\u2022*\t").lstrip(") ")).strip()
    text = LEADING_LINK.sub("", SPACES.sub(" ", text))
    text = TRAILING.sub("", text.rstrip(" ,;:.")).rstrip(" ,;:.")
    return QUOTES_AT_ENDS.sub("", text).strip()


def sentences(text: str):
    """(start, sentence) in a paragraph's text; a bullet mark starts a sentence too."""
    start = 0
    for match in SENTENCE_CUT.finditer(text):
        yield start, text[start:match.start()]
        start = match.end()
    yield start, text[start:]


def only_past(sentence: str) -> bool:
    """ "In 2017 we judged the force as good ...": a year opening the clause dates it."""
    return bool(YEAR_OPENS.match(sentence.strip())) or bool(YEAR_THEN_JUDGED.search(sentence))
