"""Findings placed by a document's layout rather than labelled in its sentences:

- as headings of their own in a PDF text layer ("The force should develop an effective
  digital strategy ..."), whose text lands away from the "Area for improvement" box; a
  closing list of those headings, where the text has one, says which headings are areas
  for improvement;
- register and tracker pages: a line naming the kind ("AFI", "Concern", "Area for
  improvement 3"), perhaps a status ("Open"), then the finding's title; an HMICFRS
  register entry (its status history in [status] markup) is one recommendation;
- findings letters: ungraded bullets under "Findings that specifically relate to your force".
"""

from __future__ import annotations

import re

from briefing.extract.findings.deadlines import deadline_of
from briefing.extract.findings.labels import heading_pattern
from briefing.extract.findings.listed import STOP
from briefing.extract.text import BULLET, Paragraph, strip_bullet

LETTER_START = re.compile(r"findings that (specifically )?relate to (your|the) force", re.IGNORECASE)
LETTER_END = re.compile(r"^(yours (sincerely|faithfully)|kind regards)", re.IGNORECASE)
MARK = re.compile(r"^(?:(?P<kind>afi|concern)(?:\s+\d+)?|(?P<long>area for improvement|action for further improvement|"
                  r"cause (?:of|for) concern|accelerated cause of concern|recommendation)\s+\d+)\s*:?$", re.IGNORECASE)
STATUS = re.compile(r"^(?:open|closed|complete|completed|discharged|in progress|awaiting review|being progressed|"
                    r"no further action(?: needed)?|superseded|\d{1,2} \w+ \d{4})$", re.IGNORECASE)
MARK_KINDS = {"afi": "area-for-improvement", "area for improvement": "area-for-improvement",
              "action for further improvement": "area-for-improvement", "concern": "cause-of-concern",
              "recommendation": "recommendation"}
REGISTER = re.compile(r"\[status\]\s*(?P<status>[\w -]+?)\s*\[/status\]", re.IGNORECASE)


def should_headings(fx):
    """ "The force should ..." headings of a PDF text layer."""
    if any(f.kind == "area-for-improvement" for f in fx.found):
        return  # the report lists its areas for improvement under a heading: "should" headings are not more of them
    listed = {_norm(e) for e in _closing_list(fx)}
    for run, after in _heading_runs(fx):
        text = " ".join(p.text.strip() for p in run)
        should = fx.should.match(text)
        if not should or run[0].lines[0].text.startswith("\t") or _headline(fx, text, text[should.end():]):
            continue
        boxed = text.endswith(":") and after is not None and BULLET.match(after.lines[0].text)
        if listed and _norm(text) not in listed and not boxed:
            continue
        if boxed:
            text = text + " " + _bullets_after(fx.paras, after)
        yield fx.finding("area-for-improvement", text.strip(), run[0])


VAGUE = re.compile(r"^(?:improve|do\s+better|(?:make|making)\s+(?:\w+\s+)?improvements?)\W*$", re.IGNORECASE)


def _headline(fx, text: str, action: str) -> bool:
    """ "North Yorkshire Police must make urgent improvements" is a page's headline, not a
    finding: the page's own title (its address ends in the heading's words, or it is a web
    page's first line), or a "must" with no more to do than improve; a heading of a finding
    says what to do."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    page = fx.ctx.page
    address = page.address.rstrip("/ ")
    first = bool(address) and bool(page.body) and " ".join(text.split()).startswith(" ".join(page.body[0].split())[:60])
    return len(action.split()) < 2 or bool(VAGUE.match(action.strip())) or bool(slug and address.endswith(slug)) or first


def _heading_runs(fx):
    """Headings in PDF text layers: fragments of up to four lines between blank lines, no
    full stop, then body."""
    run: list[Paragraph] = []
    for para in fx.paras:
        line = para.text.strip()
        # a heading wraps onto further lines in a narrow column; only a "should" lead-in ends with a colon
        wrapped = 1 < len(para.lines) <= 4 and len(line) <= 110 * len(para.lines) and \
            (not line.endswith((":", ";")) or bool(fx.should.match(line)))
        fragment = (para.single and len(line) <= 110 or wrapped) and not line.endswith(".") \
            and not BULLET.match(para.lines[0].text)
        if fragment:
            starts = fx.should.match(line) or heading_pattern().match(line) or STOP.match(line)
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


def _closing_list(fx) -> list[str]:
    """A closing list of tab-indented should-headings (a PDF's bookmarks), if the text has one."""
    entries = [l.text.strip() for p in fx.paras for l in p.lines
               if l.text.startswith("\t") and fx.should.match(l.text.strip())]
    return entries if len(entries) >= 3 else []


def _bullets_after(paras, first) -> str:
    items = []
    # a paragraph's index is its place: asked first, as paras.index() compares whole paragraphs field by field
    at = first.index if first.index < len(paras) and paras[first.index] is first else paras.index(first)
    for para in paras[at:]:
        if not BULLET.match(para.lines[0].text):
            break
        items.append(strip_bullet(para.text))
    return " ".join(items)


def register_marks(fx):
    """Tracker and register pages: a kind line, perhaps a status, then the title."""
    lines = [(para, line) for para in fx.paras for line in para.lines]
    for index, (para, line) in enumerate(lines):
        mark = MARK.match(line.text.strip(" •*#\t"))
        if not mark:
            continue
        word = (mark.group("kind") or mark.group("long")).lower()
        kind = MARK_KINDS.get(word, "cause-of-concern" if "concern" in word else "area-for-improvement")
        status = ""
        for title_para, title in lines[index + 1:index + 4]:
            text = " ".join(title.text.split()).strip(" •*")
            if not text or STATUS.match(text):
                status = status or text
                continue
            if len(text.split()) >= 5 and not MARK.match(text):
                yield fx.finding(kind, text, title_para, place=title.place, status=status)
            break


def register_entry(fx):
    """An HMICFRS recommendations register entry: the recommendation first, then its status
    history in [status] markup; the latest status is kept."""
    statuses = [m.group("status").replace("-", " ") for p in fx.paras for m in REGISTER.finditer(p.text)]
    if not statuses:
        return
    for para in fx.paras:
        text = para.text.strip()
        if REGISTER.search(text) or text.startswith("["):
            break
        if fx.should.search(text) or re.search(r"\b(?:the force|forces?|chief constables?)\s+should\b", text,
                                                re.IGNORECASE):
            if deadline_of(text) or re.match(r"^(?:within|by|to address)\b", text, re.IGNORECASE):
                yield fx.finding("recommendation", text, para, status=statuses[-1].capitalize())


def letter(fx):
    """Ungraded findings of a findings letter: bullets (and indented paragraphs) by heading.

    An indented line straight after a bullet continues it; after a blank line it is a
    finding of its own.
    """
    active, area, pending, last_line = False, "", None, -1
    opening = fx.ctx.holding(("relate to",))  # what LETTER_START needs
    for para in fx.paras:
        if not active and para.index not in opening:
            continue
        text = para.text.strip()
        if para.index in opening and LETTER_START.search(text):
            active = True
            continue
        if not active:
            continue
        if LETTER_END.match(text):
            break
        heading = fx.resolve(text, exact=True) if para.single and len(text) < 80 else None
        indented = para.lines[0].text.startswith(" ")
        if heading:
            area = heading.canonical
        elif pending and indented and para.start.line == last_line + 1 and para.start.page is None:
            pending = (f"{pending[0]} {text}", pending[1], pending[2])
        elif BULLET.match(para.lines[0].text) or indented:
            if pending:
                yield fx.finding("finding", pending[0], pending[1], area=pending[2])
            pending = (strip_bullet(text), para, area)
        last_line = para.lines[-1].line
    if pending:
        yield fx.finding("finding", pending[0], pending[1], area=pending[2])


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
