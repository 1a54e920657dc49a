"""The PCC's public s.55 response to one HMICFRS report, drafted as a page ready to publish
once people have written their parts.

Section 55 of the Police Act 1996 requires the PCC to invite the chief constable's comments,
then publish comments on the report (with the chief constable's and the PCC's response to
them) within 56 days, saying what action has been or will be taken on each recommendation
(s.55(5B)), and send them to HMICFRS and the Home Secretary. Any report that relates to
the force takes one, PEEL or thematic. Only what the public should read is here: the
report, any grades, the comments, one entry per recommendation and cause of concern that
falls to the force or the PCC, the rest noted. No protective marking, no suggested
questions, no analyst detail.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.cleaning import clean_model
from briefing.compare.addressed import due_date
from briefing.compare.counted import counted
from briefing.compare.monitoring import monitoring_status
from briefing.compare.register import ReportEntry
from briefing.compare.standing import outside_s55
from briefing.document.grades import counted_text
from briefing.document.model import Briefing, BulletList, Column, Link, Metadata, Paragraph, Section, Table
from briefing.document.options import PackOptions
from briefing.document.wording import inspectorate_name, join_words, long_date, number, plural
from briefing.frameworks import Frameworks
from briefing.model import KIND_LABELS, NOT_S55_TYPES, Finding, Inspection
from briefing.reference import load_frameworks, reference

WRITE = "[To be written by {who}: {what}]"
DEFAULT_OFFICE = "Police and Crime Commissioner"
ANSWERED = ("cause-of-concern", "recommendation")
NUMBERED = ("cause-of-concern", "recommendation", "area-for-improvement")  # the kinds HMICFRS numbers where it does


@dataclass(frozen=True)
class Subject:
    """The report a response answers, as the response names it."""

    report: Inspection
    entry: ReportEntry
    name: str  # "PEEL 2023-25" or the report's title

    @property
    def full_report(self) -> str:
        return self.report.report or self.report.title


def build_response(subject: Subject, options: PackOptions | None = None,
                   frameworks: Frameworks | None = None) -> Briefing:
    """The public s.55 response page; `frameworks` those the report was read with (the
    process's Reference's by default)."""
    options = options or PackOptions()
    fw = frameworks or load_frameworks()
    r, force = subject.report, subject.report.force
    office, chief = options.office_for(force), options.chief_for(force)
    what = "letter" if _letter(subject) else "report"
    title = (f"Response to the HMICFRS {subject.name} inspection of {force}" if _assessment(r) else
             f"Comments on the HMICFRS letter: {r.title}" if _letter(subject) else
             f"Response to the HMICFRS report: {r.title}")
    sections = (_about(subject, options, office, chief), *_grades(subject, options, fw),
                _comments(f"Comments of the {office}", f"the {office}",
                          f"comments on the {what}, and the response to the {chief}'s comments"),
                _comments(f"The {chief}'s comments", f"the office, from the {chief}'s comments",
                          f"the {chief}'s comments on the {what}, as received"),
                *_entries(subject))
    under = "" if outside_s55(force) or _letter(subject) else " under section 55 of the Police Act 1996"
    meta = Metadata(title=title, subject=f"The {office}'s response{under} to HMICFRS's report {r.title} ({force})",
                    author=options.author, language=options.language, marking="",
                    keywords=("HMICFRS", "section 55", force, *(("PEEL",) if r.cycle else ())),
                    date=long_date(options.date), version=options.version, audience="public",
                    s55_due=subject.entry.s55_due)
    return clean_model(Briefing(meta, sections, (), ()))


def _about(s: Subject, options: PackOptions, office: str, chief: str) -> Section:
    """What the report is and what the law requires, as of the draft's date: a day not on
    file is a placeholder for the office, never "in date not stated"."""
    r, e = s.report, s.entry
    name, url = r.reference()
    published = (f"on {r.published}" if r.published.exact else f"in {r.published}" if r.published.known
                 else "on [the date of publication: to be added by the office]")
    national = f" It is a national report, which section 55 puts to every {DEFAULT_OFFICE}." \
        if "all" in r.covers else ""
    duty = (f"Section 55 of the Police Act 1996 requires the {office} to invite the {chief}'s comments on the "
            f"report, to publish comments on it with the {chief}'s comments and the response to them, and to "
            "send them to HMICFRS and the Home Secretary.") if not outside_s55(r.force) else f"{outside_s55(r.force)}."
    if _letter(s):  # review 13, item 1: a monitoring letter was given the report's duty and its 56 days
        said = reference().wording["response"]["letter"]["said"]
        return Section("About this response", 1, (
            Paragraph(f"{inspectorate_name(r.published)} published its letter {name} {published}. It {said}."),
            *_monitoring(s, options), _link(name, url, "letter")))
    if r.published.sent and r.published.exact:
        return _about_letter(s, options, duty)
    blocks = [Paragraph(f"{_publishers(r)} {name} {published}.{national} {duty}{_when_due(e, options.date)}")]
    return Section("About this response", 1, (*blocks, *_monitoring(s, options), _link(name, url, "report")))


def _publishers(r) -> str:
    """ "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and HM
    Inspectorate of Prisons (HMIP) published their joint report": every inspectorate the report
    names, as a custody inspection is joint (review 12, item 10: the draft named HMICFRS alone)."""
    names = reference().wording["inspectorates"]
    others = [names[i] for i in r.inspectorates if i in names]
    if not others:
        return f"{inspectorate_name(r.published)} published its report"
    return f"{inspectorate_name(r.published)} and {join_words(others)} published their joint report"


def _closes_all(r: Inspection) -> str:
    """ "the causes of concern it had raised ('... we have closed the causes of concern', line
    18)", where the report closes every one it had raised (not "the remaining" ones, not one
    by name); else ""."""
    closure = next((c for c in r.closures if c.plural and not c.remaining and not c.by), None)
    if closure is None:
        return ""
    n = next((c.count for c in r.counts if c.kind == "cause-of-concern"), None)
    which = f"the {number(n)} causes of concern it had raised" if n and n > 1 else "the causes of concern it had raised"
    return f"{which} (\u201c{closure.text}\u201d, {closure.place})"


def _letter(s: Subject) -> bool:
    """A monitoring letter (data/report_types.yaml, s55 false): no s.55 duty, no 56 days."""
    return s.entry.standing.kind in ("letter", "published-no-limit", "published-undated") and \
        s.report.report_type in NOT_S55_TYPES


def _link(name: str, url: str, what: str):
    return Link(f"The {what}:", name, url) if url and official(url) else Paragraph(f"The {what}: {name}.")


def _about_letter(s: Subject, options: PackOptions, duty: str) -> Section:
    """A letter known by the day it was sent ("Sent on 21 May 2024"): the text does not say
    when it was published, so the draft says "sent on", and gives the 56 days' end only as
    it would be if the letter was published that day (review 9, item 13: Wiltshire's letter
    was said to be "published on 21 May 2024")."""
    name, url = s.report.reference()
    sent = s.report.published.exact
    due = s.entry.s55_due
    if due:
        end = "end" if due >= options.date else "ended"
        when = f"; if it was published that day, the 56 days for the response {end} on {long_date(due)}"
    else:
        when = ""
    said = (f"{inspectorate_name(s.report.published)} sent its letter {name} "
            f"on {long_date(sent)} (publication date not stated{when}). {duty}")
    return Section("About this response", 1, (Paragraph(said), *_monitoring(s, options), _link(name, url, "letter")))


def _monitoring(s: Subject, options: PackOptions) -> tuple:
    """ "It says Wiltshire Police is in Scan, HMICFRS's routine monitoring (as stated on 21 May
    2024).": the stage the report itself states, its latest by the draft's date, where it states
    one (review 15, item 8: a letter returning the force to Scan was drafted without a word of it)."""
    status = monitoring_status([s.report], options.date) if s.report.monitoring else None
    return (Paragraph(f"It says {s.report.force} {status.words()}."),) if status else ()


def official(url: str) -> bool:
    """An address of the inspectorate or the government (data/report_types.yaml): only these
    are linked as the report; a blog or a news site is no place to send the public for it."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in reference().official_hosts)


def _when_due(e: ReportEntry, today) -> str:
    """The deadline in the tense of the draft's date."""
    if e.s55_due:
        tense = "is due by" if e.s55_due >= today else "was due by"
        return (f" The response {tense} {long_date(e.s55_due)}, the last of the 56 days that begin with the day the "
                "report was published.")
    if e.standing.kind == "before-limit":
        return " The report was published before section 55 set a time limit for the response."
    if e.standing.kind == "outside":
        return ""
    return " The response is due within the 56 days that begin with the day the report was published."


def _assessment(report: Inspection) -> bool:
    """A PEEL assessment, named by its cycle and graded; a letter about a cycle (a revisit or
    monitoring letter) is named by its own title and gives no grades (review 9, item 13:
    Wiltshire's causes-of-concern letter was titled as the PEEL 2021/22 inspection, with a
    section asking for grades it never gave)."""
    return bool(report.cycle) and report.report_type == "peel"


def _grades(s: Subject, options: PackOptions, fw: Frameworks) -> list[Section]:
    """A PEEL report's grades as they stand on the draft's date, named as the cycle names
    its areas, with any grade HMICFRS corrected after publication said so; a report
    without grades has no such section."""
    if not _assessment(s.report):
        return _own_grades(s)
    cycle = fw.cycles[s.report.cycle]
    graded = s.report.corrected(options.date).graded
    if not graded:
        counts = [k for k in counted(s.report) if k.unnamed]
        said = (Paragraph(f"HMICFRS graded the force {join_words([counted_text(k) for k in counts])}."),) if counts else ()
        return [Section("The inspectorate's grades", 1, (*said, Paragraph(WRITE.format(
            who="the office", what=f"the grades given in {s.full_report}"), "placeholder")))]

    def area(j) -> str:
        own = cycle.area_for_canonical(j.area)
        return own.label if own else fw.area_name(j.area) or j.label

    rows = tuple((area(j), j.grade) for j in graded)
    blocks: list = [Table("Grades", f"Grades given in the {s.name} inspection of {s.report.force}",
                          (Column("Area", 3), Column("Grade", 1.5, "grade")), rows)]
    for j in graded:
        if j.correction:
            c = j.correction
            why = f" HMICFRS's reason: {c.reason.rstrip('.')}." if c.reason else ""
            blocks.append(Paragraph(f"{area(j)}: the report as published graded this {c.old_grade}. HMICFRS changed "
                                    f"the grade to {c.new_grade} on {c.when}.{why}", "note"))
    return [Section("The inspectorate's grades", 1, tuple(blocks))]


def _own_grades(s: Subject) -> list[Section]:
    """The grades a report that is not a PEEL assessment states, in its own words and with
    the line that states each (a force's vetting inspection: "Vetting, IT monitoring and
    counter-corruption: adequate"); none where it states none (a letter, most thematics).
    Review 9, item 12: Kent's vetting report's one grade was missing from its draft."""
    graded = s.report.graded
    if not graded:
        return []
    one = len(graded) == 1
    rows = tuple((j.label, j.grade, str(j.place) if j.place.line or j.place.page else "") for j in graded)
    return [Section("The inspectorate's grade" if one else "The inspectorate's grades", 1, (
        Paragraph(f"The report gives {'this graded judgement' if one else 'these graded judgements'}, in its own "
                  "words."),
        Table("Grades", f"Grades given in {s.full_report}", (Column("Area", 3), Column("Grade", 1.5, "grade"),
                                                             Column("Where the report says so", 1.5)), rows)))]


def _comments(title: str, who: str, what: str) -> Section:
    return Section(title, 1, (Paragraph(WRITE.format(who=who, what=what), "placeholder"),))


def _own_labels(report: Inspection) -> list[str]:
    """Each finding as the report names it: its own id or number, else which one listed, in
    words ("Recommendation, the first listed (not numbered in the source)"). A public response
    never prints "Recommendation 3" where the report numbers none: a reader would look for a
    number HMICFRS may have given to another (review 10, item 7: the Sussex stalking register)."""
    words = {n: w for w, n in reference().language["ordinals"].items()}
    seen: dict[str, int] = {}
    out = []
    for f, label in zip(report.findings, report.finding_labels()):
        seen[f.kind] = seen.get(f.kind, 0) + 1
        if f.id or f.number or f.kind not in NUMBERED or seen[f.kind] not in words:
            out.append(label)
        else:
            out.append(f"{KIND_LABELS[f.kind]}, the {words[seen[f.kind]]} listed (not numbered in the source)")
    return out


def _labelled(s: Subject) -> dict[Finding, str]:
    """Each finding's label, the register's copies included (a closed one is a copy marked closed)."""
    labels = dict(zip(s.report.findings, _own_labels(s.report)))
    return labels | {f: labels[replace(f, closed=None)] for f in s.entry.tracked + s.entry.for_information
                     if f.closed and replace(f, closed=None) in labels}


def _closed_note(f: Finding) -> str:
    """Who closed it and when, as far as the source says: a letter that closes the force's
    "remaining" causes of concern closes those still open, and does not say which of them
    were closed before it (review 9, item 13)."""
    what = "it" if f.kind == "cause-of-concern" else "the cause of concern it answers"
    c = f.closed
    if c.remaining:
        return (f"{c.by or 'The letter'} says HMICFRS has closed the force's remaining causes of concern ({c.place}), "
                f"so {what} is closed; whether by {'that' if c.by else 'this'} letter or earlier is not stated.")
    return f"HMICFRS has closed {what} in {c.by or 'this letter'}."


def _entries(s: Subject) -> list[Section]:
    labels, e = _labelled(s), s.entry
    answered = [f for f in e.tracked if f.kind in ANSWERED]
    blocks: list = [Paragraph("What has been done, or will be done, about each cause of concern and recommendation"
                              + ("." if _letter(s) else " (section 55(5B))."))]
    closed = _closes_all(s.report)
    if closed and not answered:  # review 13, item 9: a revisit that closed every cause of concern
        blocks += [Paragraph(f"The report says HMICFRS has closed {closed}.", "note"),
                   Paragraph(WRITE.format(who="the office", what="what was done about the causes of concern the "
                                          "report closes, if the office records it"), "placeholder")]
    elif _letter(s) and not answered:  # review 14, item 13: never "every ... in" a letter, as if it listed some
        blocks.append(Paragraph(WRITE.format(who="the office", what="any cause of concern the letter sets out, and what "
                                             "has been done about it, if the office records it"), "placeholder"))
    elif not e.complete:
        to = f", to {e.stated_to}" if e.stated_to else ""
        if e.stated:  # what the report says it makes, before what is to be written (review 15, item 9)
            blocks.append(Paragraph(f"The report makes {plural(e.stated, 'recommendation')}{to}."))
        blocks.append(Paragraph(WRITE.format(who="the office", what=f"every cause of concern and recommendation in "
                                             f"{s.full_report}; the source used for this draft does not list them "
                                             "all"), "placeholder"))
    elif not answered:
        blocks.append(Paragraph("The report makes no recommendation to the force or the commissioner and raises no "
                                "cause of concern."))
    out = [Section("Recommendations and causes of concern", 1, tuple(blocks))]
    for f in answered:
        heading = labels.get(f) or f.number or "Recommendation"
        words = due_date(f)[1]
        when = [Paragraph(f"The report asks for this {words}.", "note")] if words else []
        if f.closed:  # the office may still say what was done, but not as if it were open
            when.append(Paragraph(_closed_note(f), "note"))
        out.append(Section(heading, 2, (Paragraph(f.shown, "quote"), *when,
                                        Paragraph(WRITE.format(who="the office", what="the action taken or proposed, "
                                                               "who leads it and by when"), "placeholder"))))
    if e.for_information:
        out.append(Section("Recommendations for national bodies", 1, (
            Paragraph("The report also makes these recommendations to national bodies, noted here for information."),
            BulletList(tuple(f"{labels.get(f) or f.number}: {f.shown}".lstrip(": ") for f in e.for_information)))))
    afis = [f for f in e.tracked if f.kind == "area-for-improvement"]
    counted = next((c.count for c in s.report.counts if c.kind == "area-for-improvement"), 0)
    if not afis and counted:  # "we have highlighted 20 additional areas for improvement", none listed (review 15, 9)
        out.append(Section("Areas for improvement", 1, (Paragraph(
            f"The report also names {plural(counted, 'area')} for improvement; the source used for this draft does not "
            "list them."),)))
    if afis:
        out.append(Section("Areas for improvement", 1, (
            Paragraph(f"The report also names {plural(len(afis), 'area')} for improvement."),
            Table("AFIs", "Areas for improvement", (Column("Area for improvement", 1.2), Column("Text", 5)),
                  tuple((labels.get(f, ""), f.shown) for f in afis)))))
    return out
