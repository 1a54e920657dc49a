"""The PCC's public s.55 response, drafted as a page ready to publish once people have
written their parts.

Section 55 of the Police Act 1996 asks the PCC to publish comments on the report (with the
chief constable's comments and the PCC's response to them) within 56 days, and to say what
action has been or will be taken on each recommendation (s.55(5B)). Only what the public
should read is here: the report, its grades, the comments, one entry per recommendation
and cause of concern. No protective marking, no suggested questions, no analyst detail.
"""

from __future__ import annotations

from briefing.cleaning import clean_model
from briefing.compare import Comparison
from briefing.document.model import Briefing, Column, Metadata, Paragraph, Section, Table
from briefing.document.options import PackOptions
from briefing.document.wording import long_date, report_to_check

WRITE = "[To be written by {who}: {what}]"


def build_response(c: Comparison, options: PackOptions | None = None) -> Briefing:
    options = options or PackOptions()
    title = f"Response to the HMICFRS {c.new.cycle_name} inspection of {c.new.force}"
    sections = (_about(c), _grades(c),
                _comments("The Police and Crime Commissioner's comments", "the Police and Crime Commissioner",
                          "comments on the report, and the response to the chief constable's comments"),
                _comments("The Chief Constable's comments", "the office, from the chief constable's comments",
                          "the chief constable's comments on the report, as received"),
                *_entries(c))
    meta = Metadata(title=title, subject=f"The Police and Crime Commissioner's response under section 55 of the Police "
                                         f"Act 1996 to HMICFRS's {c.new.cycle_name} inspection of {c.new.force}",
                    author=options.author, language=options.language, marking="",
                    keywords=("HMICFRS", "PEEL", "section 55", c.new.force), date=long_date(options.date),
                    version=options.version, audience="public", s55_due=c.s55_due)
    return clean_model(Briefing(meta, sections, (), ()))


def _about(c: Comparison) -> Section:
    published = f"on {c.new.published}" if c.new.published_exact else f"in {c.new.published}"
    report = c.new.report or c.new.title
    due = (f" The response is due by {long_date(c.s55_due)}, the last of the 56 days that begin with the day the "
           "report was published." if c.s55_due else
           " The response is due within the 56 days that begin with the day the report was published.")
    blocks = [Paragraph(f"His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) published "
                        f"its report {report} {published}. Section 55 of the Police Act 1996 asks the Police and Crime "
                        f"Commissioner to publish comments on it, and to send them to HMICFRS and the Home Secretary."
                        + due)]
    if c.new.source.startswith(("http://", "https://")):
        blocks.append(Paragraph(f"The report: {c.new.source}"))
    return Section("About this response", 1, tuple(blocks))


def _grades(c: Comparison) -> Section:
    graded = [j for j in c.new.judgements if j.grade and j.grade != "ungraded"]
    if not graded:
        return Section("The inspectorate's grades", 1, (Paragraph(WRITE.format(
            who="the office", what=f"the grades given in {report_to_check(c)}"), "placeholder"),))
    rows = tuple((j.area_name or j.label, j.grade) for j in graded)
    return Section("The inspectorate's grades", 1, (Table("Grades", f"Grades given in the {c.new.cycle_name} "
                                                               f"inspection of {c.new.force}",
                                                               (Column("Area", 3), Column("Grade", 1.5, "grade")),
                                                               rows),))


def _comments(title: str, who: str, what: str) -> Section:
    return Section(title, 1, (Paragraph(WRITE.format(who=who, what=what), "placeholder"),))


def _entries(c: Comparison) -> list[Section]:
    formal = [f for f in c.new.findings if f.kind in ("cause-of-concern", "recommendation")]
    intro = ("What has been done, or will be done, about each cause of concern and recommendation "
             "(section 55(5B)).")
    blocks: list = [Paragraph(intro)]
    if not c.new.findings_complete:
        blocks.append(Paragraph(WRITE.format(who="the office", what=f"every cause of concern and recommendation in "
                                                                    f"{report_to_check(c)}; the source used for this "
                                             "draft does not list them all"), "placeholder"))
    if not formal and c.new.findings_complete:
        blocks.append(Paragraph("The report makes no recommendations and raises no causes of concern."))
    out = [Section("Recommendations and causes of concern", 1, tuple(blocks))]
    for f in formal:
        out.append(Section(f.label, 2, (Paragraph(f.text, "quote"),
                                        Paragraph(WRITE.format(who="the office", what="the action taken or proposed, "
                                                               "who leads it and by when"), "placeholder"))))
    afis = [f for f in c.new.findings if f.kind == "area-for-improvement"]
    if afis:
        out.append(Section("Areas for improvement", 1, (
            Paragraph(f"The report also names {len(afis)} area{'s' if len(afis) != 1 else ''} for improvement."),
            Table("AFIs", "Areas for improvement", (Column("Area for improvement", 1.2), Column("Text", 5)),
                  tuple((f.label, f.text) for f in afis)))))
    return out
