"""The committee paper's own header: who the paper goes to, at which meeting, from whom and
why, in the order offices print it (the Essex OPCC's block: report to, title, agenda item,
date, version, author, then purpose and recommendations), and the decision it seeks.

Every row is either asked for (pack options), known for the office (data/offices.yaml) or
computed from the comparison; a row with nothing to say is left out, never printed empty.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.compare import Comparison
from briefing.compare.register import ResponseStanding
from briefing.document.model import Column, Section, Table
from briefing.document.options import REPORT_TO, PackOptions
from briefing.document.wording import long_date, sentence


def paper_words() -> Mapping:
    """data/wording.yaml's `paper` table: the header's labels and the standard purpose and decisions."""
    from briefing.reference import reference

    return reference().wording["paper"]


def _names(c: Comparison, options: PackOptions) -> dict[str, str]:
    return dict(office=options.office_for(c.new.force), short=options.office_short(c.new.force), force=c.new.force,
                new=c.new.cycle_name, old=c.old.cycle_name)


def purpose(c: Comparison, options: PackOptions) -> str:
    return options.purpose or paper_words()["purpose"][options.audience].format(**_names(c, options))


def decision_sought(c: Comparison, options: PackOptions, standing: ResponseStanding,
                    open_findings: int) -> tuple[str, tuple[str, ...]]:
    """The lead-in ("The PFCC is asked to:") and what the meeting is asked to decide: as given
    with --recommendation, else the standard decisions for the audience, the s.55 one by
    where the response stands on the paper's date (compare.register.ResponseStanding)."""
    words = paper_words()
    names = _names(c, options)
    lead = words["asked"][options.audience].format(**names)
    if options.recommendations:
        return lead, options.recommendations
    decisions = words["decisions"]
    if options.audience == "pcc":
        s55 = _s55_decision(decisions, standing)
        return lead, tuple(item.format(**names) for item in (decisions["note"], *s55))
    items = ((decisions["allocate"],) if open_findings else ()) + (decisions["note"], decisions["next"])
    each = "the one open finding" if open_findings == 1 else f"each of the {open_findings} open findings"
    return lead, tuple(item.format(open=each, **names) for item in items)


def _s55_decision(decisions: Mapping, standing: ResponseStanding) -> tuple[str, ...]:
    said = standing.words("said")
    if standing.on_file:
        return (decisions["noted"].replace("{said}", said),)
    if standing.missing:
        return (decisions["confirm"].replace("{said}", said),)
    if standing.kind == "before-limit" or not standing.has_duty:  # no duty with a time limit to confirm or act on
        return ()
    if standing.kind == "date-unknown":  # due, or ended long ago: nothing on file says which
        return (decisions["check_date"],)
    return (decisions["respond"].replace("{said}", said),)


def _compared(c: Comparison) -> str:
    """The two inspections by cycle and date: a source's own title may be a news headline."""
    def when(s) -> str:
        if s.published_iso != "unknown":
            return f"published {s.published}"
        return "publication date not stated" + (f"; out on or before {long_date(s.published_by)}" if s.published_by
                                                else "")

    return f"{c.old.cycle_name} ({when(c.old)}) and {c.new.cycle_name} ({when(c.new)})"


def header_section(c: Comparison, options: PackOptions, standing: ResponseStanding) -> Section:
    labels = paper_words()["labels"]
    report_to = options.office_for(c.new.force) if options.audience == "pcc" else REPORT_TO[options.audience]
    two_forces = c.old.force != c.new.force
    rows = [("marking", options.marking), ("report_to", report_to), ("meeting", options.meeting_for(c.new.force)),
            ("agenda_item", options.agenda_item), ("date", long_date(options.date)), ("version", options.version),
            ("author", options.author), ("contact", options.contact),
            ("force", f"{c.old.force} (earlier) and {c.new.force} (later)" if two_forces else ""),
            ("compared", _compared(c))]
    if options.audience == "pcc":
        rows.append(("s55", sentence(standing.words())))
    rows.append(("purpose", purpose(c, options)))
    table = Table("Paper", "Paper details", (Column("Item", 1), Column("Detail", 3)),
                  tuple((labels[key], value.strip()) for key, value in rows if value.strip()))
    return Section("About this paper", 1, (table,))  # two forces compared: said on page 1 (glance)
