"""Where the force stands in HMICFRS's monitoring, as of a day, from what the sources on
file state: Scan (routine) or Engage (enhanced monitoring), and when it moved.

Kept as stated, never inferred: a record whose sources say nothing of monitoring gives no
status ("not stated in the sources on file"), never "Scan". The latest statement dated on
or before the day wins; a statement the source does not date takes its source's
publication date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from briefing.model import Inspection, Monitoring, PublicationDate
from briefing.reference import reference

_WORDS = reference().wording["monitoring"]


@dataclass(frozen=True)
class MonitoringStatus:
    """The latest statement of the force's monitoring stage on file, and where it is stated."""

    statement: Monitoring
    when: PublicationDate  # the statement's date, else its source's publication date
    source: str  # the source as a reader finds it (Inspection.cite())

    @property
    def enhanced(self) -> bool:
        """In Engage on the day: moved into it, or stated to be in it."""
        return self.statement.stage == "engage" and self.statement.event != "left"

    def words(self) -> str:
        """What follows the force's name: "was moved into Engage, HMICFRS's enhanced monitoring, on 6 December 2024"."""
        dated = f" {'on' if self.when.exact else 'in'} {self.when}" if self.when.known else ""
        return _WORDS[f"{self.statement.stage}-{self.statement.event}"].format(when=dated).rstrip(",")

    def to_json(self) -> dict:
        return {"stage": self.statement.stage, "event": self.statement.event, "date": self.when.iso(),
                "text": self.statement.text, "source": self.source, "words": self.words()}


def not_stated() -> str:
    return _WORDS["not-stated"]


def monitoring_status(reports: Iterable[Inspection], as_of: date) -> MonitoringStatus | None:
    """The latest statement of a monitoring stage in `reports` made by `as_of`, or None."""
    stated = []
    for inspection in reports:
        for m in inspection.monitoring:
            when = m.date if m.date is not None and m.date.known else inspection.published
            if when.known and when.earliest <= as_of:
                stated.append(MonitoringStatus(m, when, inspection.cite()))
    return max(stated, key=lambda s: s.when.sort_key(), default=None)
