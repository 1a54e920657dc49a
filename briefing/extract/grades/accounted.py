"""Every grade word of a text accounted for: read into a grade statement, read as a count,
set aside by a named rule (the scale explained, a quotation, another force, a national
figure, an aim, an adjective), or reported, with its line, as a grade word that was not
placed. A grade statement whose words name no area of the cycle is not placed either.
Nothing is dropped without a word to the user."""

from __future__ import annotations

from briefing.extract.ruler import Claims, Span
from briefing.statements import ReadingWarning, Unplaced

NOT_PLACED = "reads like a grade statement that was not placed"
QUOTE_CHARS = 50  # how much of the sentence a warning quotes


def unplaced(ctx, claimed: list[Span], unread, cycle_id: str, counts=()) -> list[Unplaced]:
    """The grade words no rule claimed, and the statements whose phrase names no area of
    the cycle read with, in the text's order; a statement whose grade a count read on its
    line holds ("the force has no areas requiring improvement": a count of none) is none."""
    claims = Claims()
    claims.add(claimed)
    out = []
    for para in ctx.paras:
        if not ctx.may_grade(para):
            continue
        for _, sentence, found in ctx.sentence_words(para):
            for match in found:
                if not claims.overlap((Span(para.index, match.start(), match.end()),)):
                    out.append(Unplaced(_opening(sentence), match.group("g"), para.line_at(match.start("g")).place,
                                        NOT_PLACED))
    out += [Unplaced(s.phrase, s.grade, s.line.place, f"could not tell which area of {cycle_id}") for s in unread
            if not _word_placed(ctx.settled, s) and not any(c.place == s.line.place and s.grade in c.grades
                                                            for c in counts)]
    return sorted(out, key=lambda u: (u.place.page or 0, u.place.line or 0))


def _word_placed(settled, part) -> bool:
    """The grade word of a statement part no area was found for also gave a judgement: "only
    Adequate - at developing a positive workplace and that their service" places its word
    at developing a positive workplace, and "that their service" is no grade gone astray."""
    if settled is None or settled.resolve is None:
        return False
    judged = {j.area for j in settled.judgements if j.grade == part.grade and j.place == part.line.place}
    for statement in settled.grades:
        if statement.line == part.line and statement.grade == part.grade and part.phrase in statement.phrase:
            parts = settled.resolve.split(statement.phrase) if statement.listed else [(statement.phrase, None)]
            if any(area is not None and area.canonical in judged for _, area in parts):
                return True
    return False


def _opening(sentence: str) -> str:
    """The sentence's first words, enough to find it: "Good - at preventing crime ..."."""
    text = " ".join(sentence[:4 * QUOTE_CHARS].split())
    if len(text) <= QUOTE_CHARS:
        return text
    return text[:text.rfind(" ", 0, QUOTE_CHARS)] + " ..."


MOST_SAID = 40  # warnings of grade words not placed, one a line; the rest are counted in one more


def warnings_of(unplaced: list[Unplaced]) -> list[ReadingWarning]:
    """A warning for each grade word not placed, on its line, up to MOST_SAID, and a count of
    the rest (a text of thousands of stray grade words is not a report's grades)."""
    said = [ReadingWarning(warning(u), u.place) for u in unplaced[:MOST_SAID]]
    if len(unplaced) > MOST_SAID:
        said.append(ReadingWarning(f"{len(unplaced) - MOST_SAID:,} more grade words were not placed (the first "
                                   f"{MOST_SAID} are above)"))
    return said


def warning(item: Unplaced) -> str:
    if item.reason == NOT_PLACED:
        return f"{item.place}: '{item.text}' {item.reason}"
    return f"{item.place}: {item.reason} \"{item.text}\" is ({item.word}); add it by hand if it is a judgement"


PRAISED = "praise of a task, not a grade: \u201cgood at\u201d a task is read as a grade only where the task names an " \
          "area in the area's own words"


def praised(ctx, set_aside: list[tuple[str, Span]]) -> tuple[Unplaced, ...]:
    """The grade words set aside as praise of a practice ("The force is also good at achieving
    savings and improving productivity": aside.practice), each with its sentence and line, so a
    pack can say which it did not read as grades where a count leaves a grade unnamed."""
    out = []
    for rule, span in set_aside:
        if rule != "practice":
            continue
        para = ctx.paras[span.para]
        for start, sentence, found in ctx.sentence_words(para):
            if start <= span.start < start + len(sentence):
                word = para.text[span.start:span.end]
                out.append(Unplaced(" ".join(sentence.split()).strip("\u201c\u201d\" "), word.strip("\u2018\u2019'\" ").lower(),
                                    para.line_at(span.start).place, PRAISED))
                break
    return tuple(out)
