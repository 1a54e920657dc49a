"""The action tracker: one row per finding, kept by people from quarter to quarter.

The Actions sheet of every workbook is the tracker. Its columns are defined here once: the
document builder writes them and ingest.tracker reads them back, so a pack made with
`--tracker LAST.xlsx` carries owners, dates, statuses and notes into the next quarter.
Columns briefing fills are refreshed each time; the columns people fill are theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from briefing.phrases import continuing_words, unmatched_new_words

STATUSES = ("Not started", "In progress", "Awaiting HMICFRS sign-off", "Closed by HMICFRS", "Superseded")
NOT_ASSESSED = "Not yet assessed"  # how a blank Status reads: a first tracker's rows, nobody's claim yet
# no commas: Excel reads a drop-down list as comma-separated
OPEN_STATUSES = STATUSES[:2]
AWAITING = STATUSES[2]
CLOSED_BY_HMICFRS = STATUSES[3]  # a source on file says HMICFRS closed it
RAG = ("Red", "Amber", "Green")
# What a row's finding is now, typed: the code a pack decides by, the word the sheet shows.
STATES = {"new": "new", "unsure-new": unmatched_new_words(False), "continues": continuing_words(), "persisting": "persisting", "unknown": "status unknown", "not-raised": "not raised again",
          "raised-again": "raised again", "report": "another report", "hand": "added by hand",
          "unmatched": "matches no finding", "closed": "closed by HMICFRS"}
EXPLAINED = frozenset({"unknown", "not-raised", "raised-again", "report", "hand", "closed", "continues"})  # true of their own inspection
UNMATCHED = "matches no finding of the inspections compared; kept as it was"


@dataclass(frozen=True)
class TrackerColumn:
    title: str
    field: str
    width: float
    role: str = "text"  # text | date | status
    choices: tuple[str, ...] = ()
    editable: bool = False  # filled by people (kept from the last tracker) or by briefing (refreshed)
    required: bool = False  # the reader refuses a tracker without it


COLUMNS = (  # the columns a person fills in come straight after the finding, so they print on its page
    TrackerColumn("ID", "id", 1.4, required=True),
    TrackerColumn("Reference", "label", 1.0),  # as the report names it: "AFI 7", "Recommendation 2"
    TrackerColumn("Finding", "finding", 3.2),
    TrackerColumn("Lead chief officer", "lead", 1.2, editable=True),
    TrackerColumn("Owner", "owner", 1.2, editable=True),
    TrackerColumn("Due date", "due", 1.1, "date", editable=True),
    TrackerColumn("Status", "status", 1.6, "status", STATUSES, editable=True, required=True),
    TrackerColumn("RAG", "rag", 0.8, "status", RAG, editable=True),
    TrackerColumn("Progress and evidence", "progress", 2, editable=True),
    TrackerColumn("Last updated", "updated", 1.1, "date", editable=True),
    TrackerColumn("Area", "area", 1.5),
    TrackerColumn("Inspection", "inspection", 1.4),
    TrackerColumn("Kind", "kind", 1.3),
    TrackerColumn("In the latest inspection", "standing", 2),
    TrackerColumn("State", "state", 1.1, "status", tuple(STATES.values())),
    TrackerColumn("Earlier wording", "earlier", 3),
    TrackerColumn("Addressed to", "addressee", 1.4),
    TrackerColumn("Deadline in the report", "deadline", 1.8),
    TrackerColumn("Related finding", "related", 3),
)
EDITABLE = tuple(c.field for c in COLUMNS if c.editable)
_FIELDS = tuple(c.field for c in COLUMNS)
HAND = "added by hand"


@dataclass(frozen=True)
class TrackerRow:
    id: str = ""
    label: str = ""  # "AFI 7", "Cause of concern 2": what people call it
    inspection: str = ""
    kind: str = ""
    area: str = ""
    finding: str = ""
    standing: str = ""  # what became of it, in words: "persisting since PEEL 2015 (February 2016)"
    state: str = ""  # the same, typed: a key of STATES
    earlier: str = ""
    addressee: str = ""  # whom the report asks to act, as written
    deadline: str = ""  # the report's words for when ("by July 2022"): the due date's source
    related: str = ""  # the open PEEL finding a thematic recommendation overlaps, and why
    lead: str = ""
    owner: str = ""
    due: date | None = None
    status: str = "Not started"
    rag: str = ""
    progress: str = ""
    updated: date | None = None
    place: str = ""  # where the row was read ("Actions!A7"), for messages; not written

    def cells(self) -> tuple:
        """The row as the Actions sheet's cells, in COLUMNS' order (a tracker may hold 50,000)."""
        values = self.__dict__
        return tuple(STATES.get(values[f], "") if f == "state" else ("" if values[f] is None else values[f])
                     for f in _FIELDS)

    def marked(self, **changes) -> TrackerRow:
        """The row with `changes`: what dataclasses.replace gives, at a fifth of its cost (it runs
        the frozen __init__, setting every field one by one; 0.4 s of a 50,000-row tracker's
        pack). Sound while the class computes nothing in __init__ (no __post_init__)."""
        if not changes.keys() <= _ALL_FIELDS:
            raise TypeError(f"TrackerRow has no field {sorted(changes.keys() - _ALL_FIELDS)[0]!r}")
        row = object.__new__(TrackerRow)
        row.__dict__.update(self.__dict__, **changes)
        return row

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due is not None and self.due < today


_ALL_FIELDS = frozenset(f.name for f in fields(TrackerRow))

def carry_forward(fresh: list[TrackerRow], earlier: list[TrackerRow], links: dict[str, str],
                  standing: dict[str, tuple[str, str]]) -> tuple[list[TrackerRow], list[str]]:
    """The new tracker: every fresh row with the edits of its earlier row, then every
    earlier row with no fresh row (never dropped), marked for what happened to it.

    `links` maps a fresh row's id to the id of the earlier finding it persists from;
    `standing` says what became of earlier findings with no row of their own now, as a
    state and words (("not-raised", "not raised again in ..."), ("raised-again", "raised
    again as ...")). Returns the rows and what could not be matched (named, never guessed).
    """
    by_id = {row.id: row for row in earlier if row.id}
    used: set[str] = set()
    rows = []
    for row in fresh:
        before = by_id.get(row.id) or by_id.get(links.get(row.id, ""))
        if before is not None:
            used.add(before.id)
            # people's edits win; an empty due date leaves the one the report's deadline gave
            edits = {f: getattr(before, f) for f in EDITABLE if not (f == "due" and before.due is None)}
            if before.id != row.id:
                edits["earlier"] = f"{before.id}: {before.finding}" if before.finding else before.id
            row = row.marked(**edits)
        rows.append(row)
    unmatched = []
    fresh_ids = {row.id for row in fresh}
    compared = {_source(i) for i in (*fresh_ids, *links.values(), *standing)}
    for row in earlier:
        if row.id in used or row.id in fresh_ids:
            continue
        if not row.id or row.state == "hand":
            rows.append(row.marked(standing=HAND, state="hand"))
        elif row.id in standing:
            state, words = standing[row.id]
            rows.append(row.marked(standing=words, state=state))
        elif row.state in EXPLAINED and _source(row.id) not in compared:
            rows.append(row)  # an earlier inspection's row, as the last pack said (its words name that inspection)
        else:  # an id no finding has: what the last pack said of it ("new", "persisting") would now be false
            rows.append(row.marked(standing=UNMATCHED, state="unmatched"))
            unmatched.append(f"{row.id} ({row.place})" if row.place else row.id)
    return rows, unmatched


def _source(finding_id: str) -> str:
    """The inspection or report a finding id belongs to: "peel-2021-22" of "peel-2021-22/AFI 7"."""
    return finding_id.split("/", 1)[0]


@dataclass(frozen=True)
class Progress:
    """What the pack says about the tracker: counts, what is overdue, what awaits sign-off."""

    by_status: tuple[tuple[str, int], ...]
    by_rag: tuple[tuple[str, int], ...]
    overdue: tuple[TrackerRow, ...]
    awaiting: tuple[TrackerRow, ...]
    oldest_open: tuple[TrackerRow, ...]
    unmatched: tuple[str, ...]
    source: str

    @property
    def open_count(self) -> int:
        return sum(n for status, n in self.by_status if status in OPEN_STATUSES)


def progress_of(rows: list[TrackerRow], today: date, unmatched: list[str], source: str) -> Progress:
    counts = {NOT_ASSESSED: sum(1 for r in rows if not r.status), **{s: sum(1 for r in rows if r.status == s)
                                                                     for s in STATUSES}}
    rags = {g: sum(1 for r in rows if r.rag == g) for g in RAG}
    open_rows = [r for r in rows if r.is_open]
    oldest = sorted((r for r in open_rows if r.due), key=lambda r: r.due)[:5]
    return Progress(tuple((s, n) for s, n in counts.items() if n), tuple((g, n) for g, n in rags.items() if n),
                    tuple(r for r in rows if r.overdue(today)), tuple(r for r in rows if r.status == AWAITING),
                    tuple(oldest), tuple(unmatched), source)
