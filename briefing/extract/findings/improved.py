"""What the inspectorate says the force improved: "the force had improved its response to the
public", "The force had also improved the way it manages offenders and suspects".

Read as a rule of English: "has/had/have (also) improved" with what improved as its object
("its ...", "the way it ...", "how it ..."), or the improvement named as a noun ("has made
improvements in how it keeps people safe", "observed improvements in call handling"), or
efforts to improve in a field it names ("made considerable efforts to improve its performance,
particularly in force leadership": kept as efforts, statements.Improvement.efforts_only), never
under a negation ("has not improved" is a
concern that carries on, findings/continues.py). Only the inspectorate's word counts: a
sentence on its own page or press release outside quotation marks, or one that names it
as saying so ("The inspectorate said that ..."); a PCC's or chief constable's claim of
improvement is theirs. Kept with its line and the area its object names, so a pack can say
what the newer source reports of an earlier finding it does not list.

And what it says still falls short in areas it has just named: "the force still has
challenges in these areas", after a sentence listing them (findings/listed_areas.py). That
is the inspectorate's word that the earlier concerns there carry on, whatever improved.
"""

from __future__ import annotations

import re

from briefing.extract.findings.base import sentence_place
from briefing.extract.findings.listed_areas import listed
from briefing.extract.findings.prose import ATTRIBUTION, INSPECTORS, area_named_by, is_release
from briefing.extract.grades.grammar import RECEIVED_THEN, STARTED_FROM
from briefing.extract.needs import holds
from briefing.extract.text import sentences
from briefing.statements import EFFORTS, EFFORTS_IN, Improvement

IMPROVED = re.compile(r"\b(?:has|had|have)\s+(?:also\s+|significantly\s+|greatly\s+|considerably\s+|since\s+)?improved\s+"
                      r"(?P<subject>(?:its|their|the\s+way\s+(?:it|the\s+force|the\s+constabulary)|how\s+(?:it|the\s+force|"
                      r"the\s+constabulary))\s+[^,.;]+?)(?=\s+and\b|[,.;]|$)", re.IGNORECASE)
QUOTES = re.compile(r"[\"\u201c\u201d]")
# efforts to improve, in a field it names: "Inspectors found Wiltshire Police had made considerable efforts to improve
# its performance, particularly in force leadership and management": the field is what it speaks to, as efforts
EFFORTS_TO_IMPROVE = re.compile(
    r"\b(?:has|had|have)\s+(?:also\s+)?made\s+(?:\w+\s+)?efforts?\s+to\s+improve\s+(?:its|their|the\s+force['\u2019]s)\s+"
    r"(?:overall\s+)?(?:performance|services?|work|policing)\s*,?\s+(?:particularly|especially|notably|most\s+notably)\s+"
    r"(?:in|with|on)\s+(?P<subject>[^,.;]+?)(?=\s+and\s+(?:in|with|on)\b|[,.;]|$)", re.IGNORECASE)
# the improvement named as a noun: "North Yorkshire Police has made improvements in how it keeps people safe, reduces
# crime and ...", "Inspectors ... observed improvements in call handling and how quickly it arrives at emergency ...",
# "the force has made progress in how it investigates crime"; its object runs to the sentence's end or to who said it
# (", the police inspectorate has said"). Never what is still to come ("needs to make improvements in"), nor
# progress somewhere unnamed ("has made progress in some areas")
IMPROVEMENTS_IN = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:also\s+|now\s+|since\s+)?(?:made|shown|achieved|seen)|observed|found|noted|saw)\s+"
    r"(?:some\s+|significant\s+|considerable\s+|clear\s+|notable\s+|marked\s+|real\s+|substantial\s+|good\s+)?"
    r"(?:improvements?|progress)\s+(?:in|to|with)\s+"
    r"(?!(?:some|several|many|most|all|other|a\s+(?:few|number\s+of))\b|(?:these|those|the)\s+areas\b|areas\b)"
    r"(?P<subject>[^.;]+?)(?=,\s+(?:the\s+)?(?:police\s+)?(?:inspectorate|hmicfrs|hmic|inspectors?)\b|[.;]|$)",
    re.IGNORECASE)


# what it says still falls short in the areas the sentence before lists: "However, the inspectorate said that
# the force still has challenges in these areas", after "... helped the service better monitor the standard of
# investigations, how it responds to the public, and how it manages the risk posed by offenders"
STILL = re.compile(r"\bstill\s+(?:has|have|faces?)\s+(?:some\s+|significant\s+|serious\s+|major\s+|real\s+|many\s+|"
                   r"a\s+number\s+of\s+)?(?:challenges|problems|issues|weaknesses|difficulties|work\s+to\s+do)\s+"
                   r"(?:in|across)\s+(?:these|those)\s+areas\b", re.IGNORECASE)


def read_improved(ctx, resolve) -> tuple[Improvement, ...]:
    """Every improvement the inspectorate states, in the text's order, then what it says
    still falls short (read_ongoing)."""
    return _improved(ctx, resolve) + (read_ongoing(ctx, resolve) + read_from_grade(ctx, resolve)
                                      if resolve is not None else ()) + read_efforts(ctx)


def read_ongoing(ctx, resolve) -> tuple[Improvement, ...]:
    """Where the inspectorate says the force still has challenges in the areas the sentence
    before lists: one statement for each area, each with the words that say so (`ongoing`),
    the two sentences as its text and the place of each, so a pack treats the earlier
    findings in those areas as carrying on and asks what is left to do."""
    own = ctx.page.inspectorates_own or is_release(ctx.page)
    out = []
    for n in sorted(ctx.holding(("still",))):  # those folded holding it, found through the whole text at once
        para = ctx.paras[n]
        said = sentences(para.text) if "still" in para.text else ()
        for sentence in said:
            found = STILL.search(sentence)
            if found and (INSPECTORS.search(sentence.lower()) or own and not QUOTES.search(sentence)):
                at = said.index(sentence)
                prior, where = (said[at - 1], para) if at else _last_sentence_before(ctx.paras, n)
                named = listed(prior, resolve) if where is not None else ()
                text = f"{prior} {sentence}"
                out += [Improvement(subject, text, sentence_place(para, sentence), area, "ongoing", found.group(0),
                                    sentence_place(where, prior)) for subject, area in named]
    return tuple(out)


def _last_sentence_before(paras, n: int) -> tuple[str, object]:
    """(the last sentence, its paragraph) of the nearest paragraph before the n-th that has
    one, else ("", None): cut into sentences only where a "still" sentence opens a paragraph,
    not every paragraph of the text in case one does."""
    for para in reversed(paras[:n]):
        said = sentences(para.text)
        if said:
            return said[-1], para
    return "", None


def _improved(ctx, resolve) -> tuple[Improvement, ...]:
    own = ctx.page.inspectorates_own or is_release(ctx.page)
    out = []
    for para, sentence in ctx.sentences_holding("improve", "progress"):
        efforts = _search(EFFORTS_TO_IMPROVE, sentence, ("effort",))
        found = _search(IMPROVED, sentence, ("improved",)) or \
            _search(IMPROVEMENTS_IN, sentence, ("improvement", "progress")) or efforts
        if not found or not (INSPECTORS.search(sentence.lower()) or own and not QUOTES.search(sentence)):
            continue
        subject = " ".join(found.group("subject").split())
        area = area_named_by(subject, resolve) if resolve is not None else ""
        out.append(Improvement(subject, sentence, sentence_place(para, sentence), area,
                               EFFORTS_IN if found is efforts else "improved"))
    return tuple(out)


def _search(pattern: re.Pattern, sentence: str, words: tuple[str, ...]):
    """The pattern's first match in the sentence, tried only where the sentence holds one of
    the words it cannot match without: most sentences with "improve" hold none of "improved",
    "improvement" or "effort" ("needs to improve"), and each pattern is long."""
    return pattern.search(sentence) if holds(sentence, words) else None


def read_from_grade(ctx, resolve) -> tuple[Improvement, ...]:
    """Where the source names the grade an area improved from: "Sussex Police was rated as
    'good' for its work in responding to the public. This is a significant improvement from
    the 'inadequate' grading it received in this area in 2023." The area is the one its own
    words name, else ("in this area") the one graded in the sentence before; kept with both
    sentences, their line and the year it gives, so a comparison knows the earlier grade as
    this source states it. Outside quotation marks only: a quoted officer's claim is theirs."""
    out = []
    for para in ctx.graded_paras:
        said = ctx.sentence_words(para)
        for at, (start, sentence, words) in enumerate(said):
            for word in words:
                a, b = word.start("g") - start, word.end("g") - start
                then = RECEIVED_THEN.match(sentence[b:])
                if not then or not STARTED_FROM.search(sentence[max(0, a - 60):a]) or QUOTES.search(sentence):
                    continue
                prior = said[at - 1][1] if at else ""
                area, subject = _area_before(ctx, para, prior, then.group("rest"), resolve)
                year = re.search(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", then.group("rest"))
                out.append(Improvement(subject, f"{prior} {sentence}".strip(), sentence_place(para, sentence), area,
                                       "improved-from-grade", named_at=sentence_place(para, prior) if prior else None,
                                       from_grade=ctx.grammar.grade_of(word.group("g")),
                                       year=int(year.group(1)) if year else None))
    return tuple(out)


def _area_before(ctx, para, prior: str, rest: str, resolve) -> tuple[str, str]:
    """(area, its words) an improvement from a grade is about: named in its own clause, else
    the one area graded in the sentence before ("... in this area"), else none."""
    own = area_named_by(rest, resolve)
    if own:
        return own, " ".join(rest.split())
    line = sentence_place(para, prior).line if prior else None
    before = {j.area: j.label for j in ctx.settled.judgements if line and j.place.line == line and j.label in prior}
    return next(iter(before.items())) if len(before) == 1 else ("", "")


# the inspectorate's words of its earlier concerns as a whole: "Since our last inspection, the force has made
# significant efforts to address the concerns and areas for improvement we identified", "it has made progress in all
# the areas of improvement identified in our last inspection"
WORKED_ON = re.compile(r"\b(?:has|have)\s+(?:made|shown|put\s+in)\s+(?:\w+\s+){0,2}?(?:efforts?|progress|work)\s+"
                     r"(?:to\s+address|(?:in\s+)?addressing|on|in|against|towards)\s+(?P<what>(?:the|our|its|all\s+the)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:concerns?|areas?\s+(?:for|of)\s+improvement|recommendations?|causes?\s+of\s+concern)"
                     r"(?:\s+and\s+(?:[\w-]+\s+){0,3}?(?:concerns?|areas?\s+(?:for|of)\s+improvement|recommendations?))?\s+"
                     r"(?:(?:we|hmicfrs|the\s+inspectorate|inspectors)\s+(?:identified|raised|made|found|set\s+out|gave)|"
                     r"(?:identified|raised|made|found|set\s+out)\s+(?:in|at|during|by)\s+(?:our|the|its|hmicfrs['\u2019]s?)\s+"
                     r"(?:last|previous|earlier|most\s+recent|(?:19|20)\d\d)\s+inspection))",
                     re.IGNORECASE)
WORKED_ON_WORDS = ("concern", "improvement", "recommendation")  # what WORKED_ON's concerns are, one of them in any match


def read_efforts(ctx) -> tuple[Improvement, ...]:
    """Where the inspectorate says the force has worked on the concerns it raised before,
    naming none of them: "Since our last inspection, the force has made significant efforts
    to address the concerns and areas for improvement we identified". The concerns are
    "ours" ("we identified"), so the words are the inspectorate's, quoted or not. Kept with
    its line, tied to no finding: a pack quotes it beside "cannot show whether they were
    addressed" and asks what the efforts achieved, never calls one resolved."""
    out = []
    for para, sentence in ctx.sentences_holding("effort", "progress"):
        found = WORKED_ON.search(sentence) if holds(sentence, WORKED_ON_WORDS) else None
        if found:
            said = ATTRIBUTION.match(sentence)  # "The inspector wrote: "Since ...": the words, not who said them
            text = sentence[said.end() if said else 0:].strip().strip("\u201c\u201d\"")
            out.append(Improvement(" ".join(found.group("what").split()), text, sentence_place(para, sentence),
                                   how=EFFORTS))
    return tuple(out)
