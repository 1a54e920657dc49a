"""Findings as reports lay them out:

- listed under a heading: "Areas for improvement", "Cause of concern", "Recommendations"
  (a stem such as "The force should immediately take steps to:" joins each bullet);
- as headings of their own ("The force should develop an effective digital strategy ..."),
  whose text lands away from the "Area for improvement" box in PDF text layers; a closing
  list of those headings, when the text has one, says which headings are areas for
  improvement;
- as ungraded bullets under "Findings that specifically relate to your force" (letters);
- in prose: the inspectorate's stated concerns, quoted "The force should ..." sentences and
  "The report noted that ..." (news copy).
"""

from __future__ import annotations

import re

from briefing.extract.areas import AreaResolver as AreaFinder
from briefing.extract.grades.lines import QUESTION
from briefing.extract.text import BULLET, Paragraph, sentences, strip_bullet
from briefing.model import Finding, Place

MARKERS = {
    "area-for-improvement": re.compile(r"^#*\s*areas? for improvement\s*$", re.IGNORECASE),
    "cause-of-concern": re.compile(r"^#*\s*(accelerated )?causes? (of|for) concern\s*$", re.IGNORECASE),
    "recommendation": re.compile(r"^#*\s*recommendations?\s*$", re.IGNORECASE),
    "innovative-practice": re.compile(r"^#*\s*(innovative|promising) practice\s*$", re.IGNORECASE),
}
LETTER_START = re.compile(r"findings that (specifically )?relate to (your|the) force", re.IGNORECASE)
LETTER_END = re.compile(r"^(yours (sincerely|faithfully)|kind regards)", re.IGNORECASE)
STOP = re.compile(r"^(#|summary\b|main findings\b|good$|outstanding$|adequate$|inadequate$|requires improvement$)", re.IGNORECASE)
FOOTNOTE = re.compile(r"^\d{1,2}\s{2,}\S")
CONCERN = re.compile(r"\b(has|have) (serious )?concerns? about\b", re.IGNORECASE)
REPORTED = re.compile(r"^the report (noted|found|said) that\s+", re.IGNORECASE)


def _should(force: str) -> re.Pattern:
    name = re.escape(force) if force else "the force"
    return re.compile(rf"^(to [^,]{{3,80}}, )?(the force|{name}|it) (should|needs to|must)\b", re.IGNORECASE)


class Sections:
    """The area a finding sits under: the last area heading or judgement before it."""

    def __init__(self, paras: list[Paragraph], find: AreaFinder, judgements):
        self.marks = []
        for para in paras:
            text = para.text.lstrip("#• ").strip()
            area = find(text, exact=True) if len(text) < 160 else None
            questions = [find(q, exact=True) for q in QUESTION.findall(para.text)] if not area else []
            area = area or next((a for a in reversed(questions) if a), None)
            if area:
                self.marks.append((_key(para), area.canonical))
        self.marks += [((j.place.page or 0, j.place.line or 0), j.area) for j in judgements]
        self.marks.sort()

    def area_at(self, para: Paragraph) -> str:
        key, area = _key(para), ""
        for mark, canonical in self.marks:
            if mark > key:
                break
            area = canonical
        return area


def _key(para: Paragraph) -> tuple[int, int]:
    return (para.start.page or 0, para.start.line)


def find_findings(paras: list[Paragraph], find: AreaFinder, judgements, force: str) -> list[Finding]:
    sections = Sections(paras, find, judgements)
    listed = list(_listed(paras, sections))
    # A report lists its areas for improvement under a heading or gives each as a heading
    # of its own; where it lists them, "should" headings are not read as more of them.
    headed = [] if any(f.kind == "area-for-improvement" for f in listed) else list(_headed(paras, sections, force))
    found = [*listed, *headed, *_letter(paras, find), *_prose(paras, sections, find, force), *_marked(paras, sections),
             *_quoted(paras, sections)]
    seen, out = set(), []
    for finding in sorted(found, key=lambda f: (f.place.page or 0, f.place.line or 0)):
        key = re.sub(r"\W+", " ", finding.text.lower()).strip()
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def _listed(paras, sections):
    """Items under a findings heading, until the next heading.

    Areas for improvement and recommendations are bulleted; a paragraph ending in ":" is a
    stem joined to each bullet, other paragraphs continue the bullet before them (wrapped
    sub-items such as "(a) ..."). A cause of concern is a paragraph.
    """
    kind, stem, item, concern = None, "", None, ""
    for para in paras:
        text = para.text.strip()
        marker = next((k for k, p in MARKERS.items() if p.match(text)), None)
        if marker or (kind and (STOP.match(text) or _is_area_heading(para, sections))):
            if item:
                yield _listed_finding(kind, stem, item, sections, concern)
            kind, stem, item = marker, "", None
            continue
        if kind is None or FOOTNOTE.match(text):
            continue
        bullet = BULLET.match(para.lines[0].text)
        if item is None and not stem and not bullet and not text.endswith(":") and kind != "cause-of-concern":
            kind = None  # the heading is not followed by a list (its boxes landed elsewhere)
            continue
        if bullet or kind == "cause-of-concern":
            if item:
                yield _listed_finding(kind, stem, item, sections, concern)
                if item[0] and kind == "cause-of-concern":
                    concern = item[0]
            item = [strip_bullet(text), para]
        elif item is None and text.endswith(":"):
            stem = text[:-1].strip()
        elif item is not None:
            item[0] += " " + text
    if item and kind:
        yield _listed_finding(kind, stem, item, sections, concern)


def _listed_finding(kind, stem, item, sections, concern) -> Finding:
    body = re.sub(r"[;,]?\s*\b(and|or)\s*$", "", item[0].strip()).rstrip(";, ")
    text = f"{stem} {body}" if stem else body
    text = text if text.endswith(".") else text + "."
    return Finding(kind, sections.area_at(item[1]), text, place=item[1].start.place,
                   relates_to=concern[:60] if kind == "recommendation" else "")


def _is_area_heading(para, sections) -> bool:
    return any(mark == _key(para) for mark, _ in sections.marks)


def _heading_runs(paras, should):
    """Headings in PDF text layers: one-line fragments between blank lines, no full stop, then body."""
    run: list[Paragraph] = []
    for para in paras:
        line = para.text.strip()
        fragment = para.single and len(line) <= 110 and not line.endswith(".") and not BULLET.match(para.lines[0].text)
        if fragment:
            starts = should.match(line) or any(p.match(line) for p in MARKERS.values()) or STOP.match(line)
            if starts and run:
                yield run, para
                run = []
            run.append(para)
            continue
        if run:
            yield run, para
        run = []
    if run:
        yield run, None


def _closing_list(paras, should) -> list[str]:
    """A closing list of tab-indented should-headings (a PDF's bookmarks), if the text has one."""
    entries = [l.text.strip() for p in paras for l in p.lines if l.text.startswith("\t") and should.match(l.text.strip())]
    return entries if len(entries) >= 3 else []


def _headed(paras, sections, force):
    should = _should(force)
    listed = {_norm(e) for e in _closing_list(paras, should)}
    for run, after in _heading_runs(paras, should):
        text = " ".join(p.text.strip() for p in run)
        if not should.match(text) or run[0].lines[0].text.startswith("\t"):
            continue
        boxed = text.endswith(":") and after is not None and BULLET.match(after.lines[0].text)
        if listed and _norm(text) not in listed and not boxed:
            continue
        if boxed:
            text = text + " " + _bullets_after(paras, after)
        yield Finding("area-for-improvement", sections.area_at(run[0]), text.strip(), place=run[0].start.place)


def _bullets_after(paras, first) -> str:
    start = paras.index(first)
    items = []
    for para in paras[start:]:
        if not BULLET.match(para.lines[0].text):
            break
        items.append(strip_bullet(para.text))
    return " ".join(items)


def _letter(paras, find):
    """Ungraded findings of a findings letter: bullets (and indented paragraphs) by heading.

    An indented line straight after a bullet continues it; after a blank line it is a
    finding of its own.
    """
    active, area, pending, last_line = False, "", None, -1
    for para in paras:
        text = para.text.strip()
        if LETTER_START.search(text):
            active = True
            continue
        if not active:
            continue
        if LETTER_END.match(text):
            break
        heading = find(text, exact=True) if para.single and len(text) < 80 else None
        indented = para.lines[0].text.startswith(" ")
        if heading:
            area = heading.canonical
        elif pending and indented and para.start.line == last_line + 1 and para.start.page is None:
            pending = Finding("finding", pending.area, f"{pending.text} {text}", place=pending.place)
        elif BULLET.match(para.lines[0].text) or indented:
            if pending:
                yield pending
            pending = Finding("finding", area, strip_bullet(text), place=para.start.place)
        last_line = para.lines[-1].line
    if pending:
        yield pending


def _sentence_place(para: Paragraph, sentence: str) -> Place:
    """The line a sentence starts on, within its paragraph."""
    probe = " ".join(sentence.split()[:4])
    for line in para.lines:
        if probe[:25] and probe[:25] in " ".join(line.text.split()):
            return line.place
    return para.start.place


def _prose(paras, sections, find, force):
    """Concerns stated in prose, quoted recommendations and reported findings (news copy)."""
    for para in paras:
        for sentence in sentences(para.text):
            plain = sentence.strip('"\' ')
            concern = CONCERN.search(plain)
            quoted = sentence.startswith('"') and _should(force).match(plain)
            reported = REPORTED.match(plain)
            if not (concern or quoted or reported):
                continue
            text = REPORTED.sub("", plain) if reported else plain
            text = text[0].upper() + text[1:]
            area = _area_in(text, find) or sections.area_at(para)
            yield Finding("finding", area, text, place=_sentence_place(para, sentence.strip('"')))


def _area_in(text: str, find: AreaFinder) -> str:
    """An area named inside a sentence ("how the force is investigating crime")."""
    lowered = text.lower()
    for area in find.cycle.areas:
        for wording in area.wordings():
            if len(wording) > 12 and wording.lower() in lowered:
                return area.canonical
    return ""


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# "AFI" and "Concern" mark register entries; a kind written out counts only when numbered
# ("Area for improvement 3"): unnumbered, it is a report's box heading, read by _listed.
MARK = re.compile(r"^(?:(?P<kind>afi|concern)(?:\s+\d+)?|(?P<long>area for improvement|action for further improvement|"
                  r"cause (?:of|for) concern|accelerated cause of concern|recommendation)\s+\d+)\s*:?$", re.IGNORECASE)
STATUS = re.compile(r"^(?:open|closed|complete|completed|discharged|in progress|awaiting review|being progressed|"
                    r"no further action(?: needed)?|superseded|\d{1,2} \w+ \d{4})$", re.IGNORECASE)
MARK_KINDS = {"afi": "area-for-improvement", "area for improvement": "area-for-improvement",
              "action for further improvement": "area-for-improvement", "concern": "cause-of-concern",
              "recommendation": "recommendation"}


def _marked(paras, sections):
    """Tracker and register pages: a line naming the kind ("AFI", "Concern", "Area for
    improvement 3"), perhaps a status ("Open"), then the finding's title on the next line."""
    lines = [(para, line) for para in paras for line in para.lines]
    for index, (para, line) in enumerate(lines):
        mark = MARK.match(line.text.strip(" •*#\t"))
        if not mark:
            continue
        word = (mark.group("kind") or mark.group("long")).lower()
        kind = MARK_KINDS.get(word, "cause-of-concern" if "concern" in word else "area-for-improvement")
        for _, title in lines[index + 1:index + 4]:
            text = " ".join(title.text.split()).strip(" •*")
            if not text or STATUS.match(text):
                continue
            if len(text.split()) >= 5 and not MARK.match(text):
                yield Finding(kind, sections.area_at(para), text if text.endswith(".") else text + ".",
                              place=title.place)
            break


QUOTED_SHOULD = re.compile(r"[\'\"\u2018\u201c](?P<q>(?:the (?:force|constabulary) |it )?(?:should|needs to|must) "
                           r"[^\'\"\u2019\u201d]{15,400})[\'\"\u2019\u201d]", re.IGNORECASE)


def _quoted(paras, sections):
    """A report's recommendation quoted inside a news sentence: "... stating that it 'should
    put in place better processes ...'"."""
    for para in paras:
        for match in QUOTED_SHOULD.finditer(para.text):
            text = match.group("q").strip()
            yield Finding("finding", sections.area_at(para), text[0].upper() + text[1:].rstrip(".") + ".",
                          place=_sentence_place(para, text))
