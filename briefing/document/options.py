"""Who a pack is for and the committee-paper details printed in its header."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

AUDIENCES = {
    "pcc": "the Police and Crime Commissioner",
    "chief-officers": "the force's chief officers",
}
REPORT_TO = {"pcc": "Police and Crime Commissioner", "chief-officers": "Chief Officer Group"}
MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE")


@dataclass(frozen=True)
class PackOptions:
    audience: str = "pcc"
    marking: str = "OFFICIAL"
    author: str = ""
    version: str = "1.0"
    date: date = field(default_factory=date.today)
    language: str = "en-GB"
    chief_comments_by: date | None = None  # when the chief constable's s.55 comments are asked for
    office: str = ""  # the local policing body's title, where not the force's own (data/offices.yaml)
    offices: tuple = ()  # (first day or None, title), oldest first: the force's bodies, from the data a pack was asked with
    meeting: str = ""  # the meeting the paper goes to, with its date as people write it ("Accountability Board, 12 January 2027")
    agenda_item: str = ""
    purpose: str = ""  # the paper's purpose in one sentence; a standard one for the audience when empty
    recommendations: tuple[str, ...] = ()  # what the meeting is asked to decide; the standard ones when empty
    contact: str = ""  # how to reach the author: an email address or a telephone number

    def office_for(self, force: str, reference=None, on: date | None = None) -> str:
        """ "Police, Fire and Crime Commissioner for Northamptonshire": as asked, else as data/offices.yaml
        knows the force's office on the paper's date (or `on`: a s.55 duty whose last day has
        passed was the body's of that day), else "Police and Crime Commissioner". `reference` is
        the data read with (briefing.reference.Reference; the process's own by default)."""
        from briefing.reference import reference as default_reference
        from briefing.reference_files import held_on

        day = min(on or self.date, self.date)
        if self.office or self.offices:
            return self.office or held_on(self.offices, day)
        known = reference or default_reference()
        return known.office_on(force, day) or known.default_office

    def chief_for(self, force: str, reference=None) -> str:
        """The title of the force's chief officer, whose comments s.55(4) asks for: "Chief
        Constable", or "Commissioner" in London (data/offices.yaml)."""
        from briefing.reference import reference as default_reference

        return (reference or default_reference()).chief_for(force)

    def meeting_for(self, force: str, reference=None) -> str:
        """The meeting as asked, else the one data/offices.yaml knows this office puts such papers
        to, else none (the header then prints no meeting row rather than guess one)."""
        from briefing.reference import reference as default_reference

        known = reference or default_reference()
        return self.meeting or known.meetings.get(force, {}).get(self.audience, "")

    @property
    def audience_name(self) -> str:
        return AUDIENCES[self.audience]

    def office_short(self, force: str, on: date | None = None) -> str:
        """ "PFCC" for a Police, Fire and Crime Commissioner, "PCC" for a Police and Crime
        Commissioner; a body without initials people use keeps its name."""
        office = self.office_for(force, on=on)
        words = re.sub(r"\s+for\s+.*$", "", office)
        if re.fullmatch(r"Police(?:, Fire)? and Crime Commissioner", words):
            return "".join(w[0] for w in re.findall(r"[A-Z]\w+", words))
        return office

    def audience_for(self, force: str) -> str:
        """ "the Police, Fire and Crime Commissioner for Northamptonshire", "the force's chief officers"."""
        return f"the {self.office_for(force)}" if self.audience == "pcc" else AUDIENCES[self.audience]
