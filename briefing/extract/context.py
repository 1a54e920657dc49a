"""The one model of a text being read: its lines, its paragraphs, the top of its page, the
grade words in each paragraph, the wordings of every cycle's areas, and what earlier steps
of the reading settled.

Built once per text (`Context.of`); rules only read it. Which cycle the text is about is
settled after the grade rules have run (their statements are among its cues), so grade
rules see the areas of every cycle and later groups see what was settled (`settled`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from briefing.extract.forces import canonical_force, detect_force
from briefing.extract.grades.grammar import QUESTION, Grammar, sentences
from briefing.extract.language import naming_years
from briefing.extract.made import once
from briefing.extract.needs import FoldedText, found_at_stems, holds
from briefing.extract.reader import SourceLine
from briefing.extract.ruler import Span
from briefing.extract.text import Paragraph, paragraphs, unwrapped
from briefing.extract.text import sentences as sentence_texts
from briefing.extract.vocabulary import QUOTE, Vocabulary
from briefing.frameworks import Frameworks, normalise
from briefing.places import Place

_GRAMMARS: dict[str, Grammar] = {}


def grammar_of(fw: Frameworks) -> Grammar:
    """The grade grammar for the frameworks' grade words, compiled once."""
    vocabulary = once(Vocabulary.of, fw)
    if vocabulary.grades not in _GRAMMARS:
        _GRAMMARS[vocabulary.grades] = Grammar.of(vocabulary)
    return _GRAMMARS[vocabulary.grades]


def _area_wordings(fw: Frameworks) -> frozenset[str]:
    return frozenset(normalise(w) for c in fw.cycles.values() for a in c.areas for w in a.wordings())


def is_source(line: SourceLine) -> bool:
    return line.text[:7].lower() == "source:"  # no character lowers to two that could begin "source:"


@dataclass(frozen=True)
class Page:
    """The top of a text as a page: its address and opening, as the date, title and type
    rules read it."""

    address: str  # the web addresses on its first three lines, lower-cased
    top: str  # its first 80 lines (without the source address), joined by newlines
    top_lines: list[str]  # the same lines
    years: list[int]  # the years its top names, latest first (else those its naming allows)
    named: list[int]  # the years the inspectorate's name allows, latest first
    body: list[str]  # every non-blank line but the source address, its white space made single
    opening: str  # the first 60 of those, joined by newlines

    @property
    def inspectorates_own(self) -> bool:
        """The inspectorate's own page or report, not its press release or another's page:
        "I" there is the inspector."""
        return "justiceinspectorates.gov.uk" in self.address and "/news" not in self.address

    @classmethod
    def of(cls, lines: list[SourceLine], paras: list[Paragraph] | None = None) -> Page:
        """`paras`, the text's paragraphs where made already: each line's words, single-spaced,
        are there (Paragraph.line_span), not split and joined again."""
        address = " ".join(u for line in lines[:3] for u in re.findall(r"https?://\S+", line.text))
        top_lines = [line.text for line in lines[:80] if not is_source(line)]
        top = "\n".join(top_lines)
        years = sorted({int(y) for y in re.findall(r"\b(20\d\d)\b", top)}, reverse=True)
        named = sorted(naming_years(" ".join(line.text for line in lines)), reverse=True)
        if paras is None:
            body = [" ".join(line.text.split()) for line in lines if line.text.strip() and not is_source(line)]
        else:  # every line with words is in one paragraph, in order
            body = [para.text[slice(*para.line_span(i))] for para in paras for i, line in enumerate(para.lines)
                    if not is_source(line)]
        return cls(address.lower(), top, top_lines, years or named, named, body, "\n".join(body[:60]))


@dataclass
class Settled:
    """What earlier steps of the reading settled, for the rules of later groups."""

    published: tuple | None = None  # (year, month or None, day or None)
    grades: tuple = ()  # the grade statements read
    cycle: object = None  # the cycle read with (frameworks.Cycle)
    resolve: object = None  # its AreaResolver
    judgements: tuple = ()


@dataclass
class Context:
    paras: list[Paragraph]
    grammar: Grammar
    frameworks: Frameworks
    force: str = ""  # the force the user named (--force), if any
    source: list[SourceLine] = field(default_factory=list)  # every line as read, blank ones too
    forces: tuple = ()  # the Reference's forces (name, other names); the process's own when empty
    settled: Settled = field(default_factory=Settled)
    so_far: object = None  # what the group being run has read so far (ruler.Result), set by its driver
    _words: dict[int, list] = field(default_factory=dict, repr=False)
    _folded: dict[int, str] = field(default_factory=dict, repr=False)
    _questions: dict[int, list] = field(default_factory=dict, repr=False)
    _headings: dict[int, str] = field(default_factory=dict, repr=False)
    _heading_texts: dict[int, str] = field(default_factory=dict, repr=False)
    _sentences: dict[int, list] = field(default_factory=dict, repr=False)
    _sentence_words: dict[int, list] = field(default_factory=dict, repr=False)
    _sentence_texts: dict[int, list] = field(default_factory=dict, repr=False)
    _sentences_with: dict[tuple, list] = field(default_factory=dict, repr=False)
    _holding: dict[tuple, frozenset] = field(default_factory=dict, repr=False)
    _searched: dict[tuple, bool] = field(default_factory=dict, repr=False)
    _spans_at: dict[tuple, tuple] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, lines: list[SourceLine], frameworks: Frameworks, force: str = "", forces: tuple = ()) -> Context:
        return cls(paragraphs(lines), grammar_of(frameworks), frameworks, force, list(lines), tuple(forces))

    @cached_property
    def subject_force(self) -> str:
        """The force the text is about: the one named (--force, as data/forces.yaml names it),
        else the one it names most."""
        if self.force:
            return canonical_force(self.force, self.forces or None)
        return detect_force(self.source, self.forces or None) or ""

    @cached_property
    def page(self) -> Page:
        return Page.of(self.source, self.paras)

    @cached_property
    def text(self) -> str:
        """Every line's text, joined by spaces."""
        return " ".join(line.text for line in self.source)

    @cached_property
    def lines(self) -> list[tuple[Paragraph, int, SourceLine]]:
        """Every non-blank line in order, with its paragraph and its index there."""
        return [(para, i, line) for para in self.paras for i, line in enumerate(para.lines)]

    @cached_property
    def blocks(self) -> bool:
        """Each line is a block of its own (a web page's text), not a wrapped line."""
        return unwrapped([line for _, _, line in self.lines])

    @cached_property
    def line_index(self) -> dict[int, int]:
        """id of a SourceLine -> its place in `lines`."""
        return {id(line): n for n, (_, _, line) in enumerate(self.lines)}

    @cached_property
    def area_wordings(self) -> frozenset[str]:
        """Every area label and alias of every cycle, normalised: a heading naming one of
        them exactly is an area heading whichever cycle the text is about."""
        return once(_area_wordings, self.frameworks)

    def folded(self, para: Paragraph) -> str:
        """The paragraph's text case-folded, made once: rules test it for the words they
        need before running a pattern over the paragraph."""
        if para.index not in self._folded:
            self._folded[para.index] = para.text.casefold()
        return self._folded[para.index]

    def holding(self, words: tuple[str, ...]) -> frozenset[int]:
        """The indexes of the paragraphs whose folded text holds one of these words, found
        once for every rule that needs them (needs.needs)."""
        if words not in self._holding:
            self._holding[words] = self._folded_text.holding(words)
        return self._holding[words]

    @cached_property
    def _folded_text(self) -> FoldedText:
        return FoldedText(self.paras, [self.folded(para) for para in self.paras])

    def searched(self, pattern: re.Pattern, para: Paragraph) -> bool:
        """Whether the pattern is found in the paragraph's case-folded text, asked once for
        every rule that needs to know (counts: a number in a paragraph with a grade word)."""
        key = (pattern, para.index)
        if key not in self._searched:
            self._searched[key] = pattern.search(self.folded(para)) is not None
        return self._searched[key]

    def grade_words(self, para: Paragraph) -> list:
        """The grade-word matches of a paragraph's text (Grammar.words), found once, and only
        where a grade wording's first letters are (needs.found_at_stems)."""
        if para.index not in self._words:
            self._words[para.index] = found_at_stems(self.grammar.word, para.text, self.folded(para),
                                                     self.grammar.vocabulary.stems, QUOTE[1:-1])
        return self._words[para.index]

    @cached_property
    def graded_paras(self) -> list[Paragraph]:
        """The paragraphs with a grade word: all a grade or count rule of one paragraph reads.
        Those holding none of the grade words' stems are known at once, through the whole
        text (`holding`); the rest are tested as `grade_words` tests any paragraph."""
        stemmed = self.holding(self.grammar.vocabulary.stems)
        for para in self.paras:
            if para.index not in stemmed:
                self._words.setdefault(para.index, [])
        return [para for para in self.paras if self.grade_words(para)]

    def may_grade(self, para: Paragraph) -> bool:
        """Whether the paragraph has a grade word: the test every line-shaped grade rule
        needs to pass, from the grade words found once."""
        return bool(self.grade_words(para))

    def word_spans(self, para: Paragraph, start: int, end: int) -> tuple[Span, ...]:
        """The grade words that begin between `start` and `end` of a paragraph."""
        return tuple(Span(para.index, m.start(), m.end()) for m in self.grade_words(para) if start <= m.start() < end)

    def place_spans(self, place: Place) -> tuple[Span, ...]:
        """The text at a place: a text's line (a long line's pieces share its number), or a
        PDF's whole page (a PDF item is placed by its page), as one span a paragraph."""
        key = (place.page, place.line if place.page is None else None)
        if key not in self._spans_at:  # made once a place: a PDF page's findings each claim the whole page
            self._spans_at[key] = tuple(Span(para.index, para.line_span(first)[0] if para.starts else 0,
                                             para.line_span(last)[1] if para.starts else len(para.text))
                                        for para, first, last in self._lines_at.get(key, ()))
        return self._spans_at[key]

    @cached_property
    def _lines_at(self) -> dict[tuple, list[tuple[Paragraph, int, int]]]:
        """(page, line) -> the runs of a paragraph's lines there: (paragraph, first, last)."""
        out: dict[tuple, list[tuple[Paragraph, int, int]]] = {}
        for para in self.paras:
            run_key, first = None, 0
            for index, line in enumerate(para.lines):
                key = (line.page, line.line if line.page is None else None)
                if key != run_key:
                    if run_key is not None:
                        out.setdefault(run_key, []).append((para, first, index - 1))
                    run_key, first = key, index
            if run_key is not None:
                out.setdefault(run_key, []).append((para, first, len(para.lines) - 1))
        return out

    def sentences(self, para: Paragraph) -> list[tuple[int, str]]:
        """(start, sentence) of a paragraph, split once for every rule that reads sentences."""
        if para.index not in self._sentences:
            self._sentences[para.index] = list(sentences(para.text))
        return self._sentences[para.index]

    def sentences_with(self, para: Paragraph, words: tuple[str, ...]) -> list[tuple[int, str]]:
        """(start, sentence) of a paragraph's sentences holding one of `words` (needs.holds),
        found once for every rule that asks (the four monitoring rules read the same ones)."""
        key = (para.index, words)
        if key not in self._sentences_with:
            self._sentences_with[key] = [(start, s) for start, s in self.sentences(para) if holds(s, words)]
        return self._sentences_with[key]

    def sentences_holding(self, *words: str):
        """(paragraph, sentence) of each paragraph whose case-folded text holds one of `words`:
        a rule that needs a word tests it once a paragraph, before cutting it into sentences.
        Only the paragraphs found holding one through the whole text are tested (`holding`:
        it folds the dotless i an i as well, so it finds these and perhaps a few more)."""
        for index in sorted(self.holding(words)):
            para = self.paras[index]
            if any(word in self.folded(para) for word in words):
                if para.index not in self._sentence_texts:  # cut once for every rule that asks (improved, efforts)
                    self._sentence_texts[para.index] = sentence_texts(para.text)
                for sentence in self._sentence_texts[para.index]:
                    yield para, sentence

    def sentence_words(self, para: Paragraph) -> list[tuple[int, str, list]]:
        """(start, sentence, its grade-word matches) for each sentence of a paragraph, in
        one pass over both (the words are in order), made once for every rule."""
        if para.index not in self._sentence_words:
            words, at, out = self.grade_words(para), 0, []
            for start, sentence in self.sentences(para):
                end = start + len(sentence)
                while at < len(words) and words[at].start() < start:
                    at += 1
                first = at
                while at < len(words) and words[at].start() < end:
                    at += 1
                out.append((start, sentence, words[first:at]))
            self._sentence_words[para.index] = out
        return self._sentence_words[para.index]

    def is_area_wording(self, text: str) -> bool:
        return normalise(text) in self.area_wordings

    def heading_text(self, para: Paragraph) -> str:
        """The paragraph as a heading: without its markdown hashes and bullet."""
        if para.index not in self._heading_texts:
            self._heading_texts[para.index] = para.text.lstrip("#• ").strip()
        return self._heading_texts[para.index]

    def names_area(self, para: Paragraph, longest: int) -> bool:
        """The paragraph, shorter than `longest`, is a heading naming an area of any cycle
        exactly (each paragraph's wording folded once for the rules that ask)."""
        text = self.heading_text(para)
        if len(text) >= longest:
            return False
        if para.index not in self._headings:
            self._headings[para.index] = normalise(text)
        return self._headings[para.index] in self.area_wordings

    def questions(self, para: Paragraph) -> list[str]:
        """The inspection questions a paragraph asks ("How effective is the force at ...?"),
        found once for the grade rules and the finding rules' sections."""
        if para.index not in self._questions:
            self._questions[para.index] = QUESTION.findall(para.text) if "how " in self.folded(para) else []
        return self._questions[para.index]

    def line_before(self, line: SourceLine, back: int) -> SourceLine | None:
        n = self.line_index[id(line)] - back
        return self.lines[n][2] if n >= 0 else None
