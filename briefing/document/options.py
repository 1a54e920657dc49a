"""Who a pack is for and the committee-paper details printed in its header."""

from __future__ import annotations

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

    @property
    def audience_name(self) -> str:
        return AUDIENCES[self.audience]
