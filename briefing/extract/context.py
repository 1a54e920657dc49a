"""Everything a rule may look at while reading one text: its paragraphs and lines, the
grade words in each paragraph, and the wordings of every cycle's areas.

Built once per text; rules only read it. Which cycle the text is about is settled after
the grade rules have run (their statements are among its cues), so grade rules see the
areas of every cycle and finding rules see the settled one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from briefing.extract.grades.grammar import QUESTION, Grammar, sentences
from briefing.extract.reader import SourceLine
from briefing.extract.text import Paragraph, unwrapped
from briefing.frameworks import Frameworks, normalise


@dataclass
class Context:
    paras: list[Paragraph]
    grammar: Grammar
    frameworks: Frameworks
    force: str = ""
    _words: dict[int, list] = field(default_factory=dict, repr=False)
    _folded: dict[int, str] = field(default_factory=dict, repr=False)
    _questions: dict[int, list] = field(default_factory=dict, repr=False)
    _headings: dict[int, str] = field(default_factory=dict, repr=False)
    _heading_texts: dict[int, str] = field(default_factory=dict, repr=False)
    _sentences: dict[int, list] = field(default_factory=dict, repr=False)
    _sentence_words: dict[int, list] = field(default_factory=dict, repr=False)

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
        return frozenset(normalise(w) for c in self.frameworks.cycles.values() for a in c.areas for w in a.wordings())

    def folded(self, para: Paragraph) -> str:
        """The paragraph's text case-folded, made once: rules test it for the words they
        need before running a pattern over the paragraph."""
        if para.index not in self._folded:
            self._folded[para.index] = para.text.casefold()
        return self._folded[para.index]

    def grade_words(self, para: Paragraph) -> list:
        """The grade-word matches of a paragraph's text, found once."""
        if para.index not in self._words:
            self._words[para.index] = self.grammar.words(para.text, self.folded(para))
        return self._words[para.index]

    def may_grade(self, para: Paragraph) -> bool:
        """Whether the paragraph has a grade word: the test every line-shaped grade rule
        needs to pass, from the grade words found once."""
        return bool(self.grade_words(para))

    def words_in(self, para: Paragraph, start: int, end: int) -> tuple[int, ...]:
        """Where the grade words between `start` and `end` of a paragraph begin."""
        return tuple(m.start() for m in self.grade_words(para) if start <= m.start() < end)

    def sentences(self, para: Paragraph) -> list[tuple[int, str]]:
        """(start, sentence) of a paragraph, split once for every rule that reads sentences."""
        if para.index not in self._sentences:
            self._sentences[para.index] = list(sentences(para.text))
        return self._sentences[para.index]

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
