"""What every finding rule shares: the text's context, the area each paragraph sits
under, and one way to make a Finding with its addressee and deadline."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from briefing.extract.areas import AreaResolver, stems
from briefing.extract.context import Context
from briefing.extract.findings.deadlines import addressee_of, deadline_of
from briefing.extract.text import Paragraph
from briefing.model import Finding
from briefing.places import Place


def should_pattern(force: str) -> re.Pattern:
    """A sentence opening with what the force should do: "The force should", "Kent Police
    needs to", "To improve X, the constabulary must"."""
    name = re.escape(force) if force else "the force"
    return re.compile(rf"^(to [^,]{{3,80}}, )?(the force|the constabulary|{name}|it) (should|needs to|must)\b",
                      re.IGNORECASE)


class Sections:
    """The area a finding sits under: the last area heading or judgement before it."""

    def __init__(self, ctx: Context, resolve: AreaResolver, judgements):
        self.marks = []
        exact: dict[str, object] = {}  # a heading met again ("Main findings", "Area for improvement") resolved once
        for para in ctx.paras:
            text = ctx.heading_text(para)
            if len(text) < 160 and text not in exact:
                exact[text] = resolve(text, exact=True)
            area = exact[text] if len(text) < 160 else None
            questions = [resolve(q, exact=True) for q in ctx.questions(para)] if not area else []
            area = area or next((a for a in reversed(questions) if a), None) or _question_area(text, resolve)
            if area:
                self.marks.append((_key(para), area.canonical))
        # a judgement opens a section where its line states it alone ("Investigating crime: good");
        # a press release's list of grades ("requires improvement in responding to the public,
        # investigating crime ... and its workforce") opens none: what follows is not about its last area
        lines = Counter((j.place.page or 0, j.place.line or 0) for j in judgements)
        self.marks += [(key, j.area) for j in judgements if lines[key := (j.place.page or 0, j.place.line or 0)] == 1]
        self.marks.sort()
        self.headings = {mark for mark, _ in self.marks}

    def area_at(self, para: Paragraph) -> str:
        key, area = _key(para), ""
        for mark, canonical in self.marks:
            if mark > key:
                break
            area = canonical
        return area

    def is_area_heading(self, para: Paragraph) -> bool:
        return _key(para) in self.headings


# a report's question as a heading: "To what extent does the force treat all of the people it serves with fairness and
# respect?", "How well does the force ensure that its workforce behaves ethically and lawfully?"
QUESTION_HEADING = re.compile(r"^(?:to\s+what\s+extent|how\s+(?:well|good|effective|efficient|legitimate)\w*)\s+(?:does|is)\s+"
                              r"the\s+(?:force|constabulary)\b[^?]{5,180}\?$", re.IGNORECASE)


def _question_area(text: str, resolve: AreaResolver):
    """The area whose question a heading asks, by the area's name in the question's words
    (nearly all of "Treating the people it serves with fairness and respect" in "To what extent
    does the force treat all of the people it serves with fairness and respect?"), where one area
    alone is named so: what is listed under it is that question's, whatever area the summary
    above it named last. None for any other text, or where two areas are named alike."""
    if not QUESTION_HEADING.match(text.strip()):
        return None
    asked = set(stems(text))
    named = []
    for area in resolve.cycle.areas:
        label = set(stems(area.label))
        if len(label) >= 3 and len(label & asked) >= 0.8 * len(label):
            named.append((len(label & asked), area))
    named.sort(key=lambda x: -x[0])
    return named[0][1] if len(named) == 1 or len(named) > 1 and named[0][0] > named[1][0] else None


def _key(para: Paragraph) -> tuple[int, int]:
    return (para.start.page or 0, para.start.line)


@dataclass
class Findings:
    """What finding rules read: the text's context, its areas, its force and its date."""

    ctx: Context
    resolve: AreaResolver
    sections: Sections
    force: str = ""
    published: date | None = None
    should: re.Pattern = field(init=False)
    so_far: object = None  # what the rules have read so far (ruler.Result), set by the engine's driver

    def __post_init__(self):
        self.should = should_pattern(self.force)

    @property
    def paras(self) -> list[Paragraph]:
        return self.ctx.paras

    @property
    def found(self) -> list[Finding]:
        """What earlier rules have read."""
        return self.so_far.statements if self.so_far is not None else []

    def finding(self, kind: str, text: str, para: Paragraph, place: Place | None = None, stem: str = "",
                number: str = "", relates_to: str = "", status: str = "", area: str = "") -> Finding:
        """A finding of `kind`; its addressee and deadline from its own words or its stem
        ("By March 2023, all police forces should ensure that:")."""
        text = LIST_END.sub("", " ".join(text.split()))  # "...placed upon them; and": a list's joint, not its words
        cut = _cut_off(text, para, len(self.paras))  # "so that it a", "its counter-corruption": never made to look whole
        text = text if cut or text.endswith((".", "?", "!", ":")) or not text else text + "."
        return Finding(kind, area or self.sections.area_at(para), text, place=place or para.start.place, cut=cut,
                       relates_to=relates_to, number=number, status=status,
                       addressee=addressee_of(text, stem) if kind == "recommendation" else "",
                       due=deadline_of(f"{stem} {text}", self.published) if kind == "recommendation" else "")


LIST_END = re.compile(r"\s*[;,]\s*(?:and|or)?\s*$")  # review 15, item 13: West Mercia's "...; and." and ";."
ENDS = (".", "?", "!", ":", ";", ",", ")", "\u201d", '"', "'", "\u2019")


# a sentence's end followed by another sentence: the paragraph is running text, not a list item or a heading
SENTENCE_THEN_ANOTHER = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+[\"\u201c]?[A-Z]")


def _cut_off(text: str, para: Paragraph, paras: int) -> bool:
    """The finding is its paragraph's last words and they end on no sentence's end, where the
    paragraph is the source's last or is running text (a sentence ends before the finding's):
    the text, or an excerpt of it, was cut there ("so that it a", "teams that have sufficient
    skill"), whatever its last word. A list item or a heading ends on no full stop whole."""
    last = " ".join(para.text.split())
    ends_para = bool(text) and not text.endswith(ENDS) and not last.endswith(ENDS) and last.endswith(text.split()[-1])
    return ends_para and (para.index == paras - 1 or bool(SENTENCE_THEN_ANOTHER.search(last[:len(last) - len(text)]
                                                                                          + text[:1])))


def _said(text: str) -> str:
    """A finding's words alone, for telling copies apart (its case and punctuation aside)."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def whole_where_given(findings: list[Finding]) -> list[Finding]:
    """The findings less each cut-off copy of one the text gives whole elsewhere: two excerpts
    of one page, the first ending "...teams that have sufficient skill", are one finding, at
    the whole one's line (a whole copy read first already takes the cut one's place)."""
    keys = [_said(f.text) for f in findings]
    return [f for f, key in zip(findings, keys)
            if not (f.cut and key and any(k != key and k.startswith(key) for k in keys))]


def joined(stem: str, body: str) -> str:
    """A list item with the stem that introduces it: "The force should immediately: review ..."."""
    body = re.sub(r"[;,]?\s*\b(and|or)\s*$", "", body.strip()).rstrip(";, ")
    return f"{stem} {body}" if stem else body


def sentence_place(para: Paragraph, sentence: str) -> Place:
    """The line a sentence starts on, within its paragraph."""
    probe = " ".join(sentence.split()[:4])
    for line in para.lines:
        if probe[:25] and probe[:25] in " ".join(line.text.split()):
            return line.place
    return para.start.place
