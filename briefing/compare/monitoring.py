"""Where the force stands in HMICFRS's monitoring, as of a day, from what the sources on
file state: Scan (routine) or Engage (enhanced monitoring), and when it moved.

Kept as stated, never inferred: a record whose sources say nothing of monitoring gives no
status ("not stated in the sources on file"), never "Scan". The latest statement dated on
or before the day wins; a statement the source does not date takes its source's
publication date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from briefing.model import Inspection
from briefing.places import PublicationDate
from briefing.reference import reference
from briefing.statements import Monitoring

_WORDS = reference().wording["monitoring"]
# the stages said as a move on a day ("was moved into Engage ... on 6 December 2024"); the rest are said as stated
# on a day ("is in Scan ... (as stated on 23 January 2025)"), which its source's date is (review 14, item 14)
MOVES = ("engage-entered", "engage-left", "scan-left")


@dataclass(frozen=True)
class MonitoringStatus:
    """The latest statement of the force's monitoring stage on file, and where it is stated."""

    statement: Monitoring
    when: PublicationDate  # the statement's date, else its source's publication date
    source: str  # the source as a reader finds it (Inspection.cite())
    cycle: str = ""  # the source's cycle, where neither the statement nor its source is dated
    still: str = ""  # a later source's cycle, where that source (undated) says the force is still at this stage
    sourced: bool = False  # `when` is its source's date, the statement giving none

    @property
    def enhanced(self) -> bool:
        """In Engage on the day: moved into it, or stated to be in it (an undated "remains"
        tells only of its source's time, so it does not lead the paper)."""
        if self.cycle and self.statement.event == "remains":
            return False
        return self.statement.stage == "engage" and self.statement.event != "left"

    def words(self) -> str:
        """What follows the force's name: "was moved into Engage, HMICFRS's enhanced monitoring, on 6 December 2024";
        undated, in the past and tied to its source's cycle, since the present tense would claim today."""
        key = f"{self.statement.stage}-{self.statement.event}"
        if self.cycle:
            return _WORDS["undated"][key].format(cycle=self.cycle)
        dated = f" {'on' if self.when.exact else 'in'} {self.when}" if self.when.known else ""
        if self.sourced and key in MOVES and self.when.known:
            # a move its source tells of without its day happened by that source's date, not on it (review 13,
            # item 2: a letter of 29 November 2023 told of a decision given on 22 November)
            dated = _WORDS["by-source"].format(on="on or before" if self.when.exact else "in or before", date=self.when)
        still = _WORDS["still"].format(cycle=self.still) if self.still else ""
        return _WORDS[key].format(when=dated).rstrip(",") + still

    def to_json(self) -> dict:
        return {"stage": self.statement.stage, "event": self.statement.event, "date": self.when.iso(),
                "text": self.statement.text, "source": self.source, "words": self.words()}


def not_stated() -> str:
    return _WORDS["not-stated"]


def monitoring_status(reports: Iterable[Inspection], as_of: date) -> MonitoringStatus | None:
    """The latest statement of a monitoring stage in `reports` made by `as_of`, or None.

    A statement neither it nor its source dates (a press release: "moved into enhanced
    monitoring in December") is still a statement: it is said, undated, where its source's
    cycle is later than every dated statement's, since hiding it would leave a force in Engage
    "not stated"."""
    dated, undated = [], []
    for inspection in reports:
        cycle = reference().frameworks.cycles.get(inspection.cycle)
        order = cycle.order if cycle else -1
        for m in inspection.monitoring:
            when = m.date if m.date is not None and m.date.known else inspection.published
            if when.known and when.earliest <= as_of:
                sourced = m.date is None or not m.date.known  # the statement gives no date: its source's
                dated.append((MonitoringStatus(m, when, inspection.cite(), sourced=sourced), order))
            elif not when.known and cycle is not None and cycle.starts is not None and cycle.starts <= as_of:
                # undated: counted only where its cycle had begun by the paper's day
                undated.append((MonitoringStatus(m, when, inspection.cite(), cycle.short or cycle.name), order))
    dated = [s for s in dated if not _restated(s[0], dated)]
    best = max(dated, key=lambda s: (s[0].when.sort_key(), s[1]), default=None)
    latest = max(undated, key=lambda s: s[1], default=None)
    if latest is not None and best is not None and latest[1] >= best[1] and _agrees(best[0], latest[0]):
        return replace(best[0], still=latest[0].cycle)  # "moved into Engage in June 2022, and still in it in 2023-25"
    out = _move_out(best[0], undated, best[1]) if best is not None else None
    if out is not None:
        return out
    if latest is not None and (best is None or latest[1] > best[1]):
        return latest[0]
    return best[0] if best else None


def _restated(status: MonitoringStatus, dated: list) -> bool:
    """A move its source tells of without a day, where the same source gives the same move its
    day ("On 22 November ... my decision to place the force into Engage", then "the force being
    moved into Engage"): one move, on the day given, not a later one on the source's date."""
    return status.sourced and any(not other.sourced and other.source == status.source and
                                  other.statement.stage == status.statement.stage and
                                  other.statement.event == status.statement.event for other, _ in dated)


def _move_out(dated: MonitoringStatus, undated: list, order: int) -> MonitoringStatus | None:
    """An undated statement, in a source of the dated statement's time or later, that the
    force left the stage the dated one put it in: a force leaves Engage after it entered it
    ("moved into Engage in December 2020"; "has decided to remove the force from Engage"),
    so the move out is the latest, though its day is not given."""
    if dated.statement.event == "left":
        return None
    return next((s for s, o in undated if o >= order and s.statement.event == "left"
                 and s.statement.stage == dated.statement.stage), None)


def _agrees(dated: MonitoringStatus, undated: MonitoringStatus) -> bool:
    """A later, undated "remains" at the stage a dated statement moved the force into."""
    return (undated.statement.event == "remains" and dated.statement.event == "entered"
            and undated.statement.stage == dated.statement.stage)
