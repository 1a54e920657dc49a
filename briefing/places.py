"""Where a fact was read (a page or line of its source) and when a report came out, as
precisely as a source says ("2024", "February 2024", "16 February 2024"): the two things
every fact of the model carries, whichever report it is from."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date


def long_date(day: date) -> str:
    from briefing.phrases import long_date as words

    return words(day)


@dataclass(frozen=True)
class Place:
    """Where in the source a fact was read: a line of a text file or a page of a PDF."""

    line: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "place not recorded"


@dataclass(frozen=True)
class PublicationDate:
    """A publication date that may be known only to the month or year.

    Reports and articles often give only "March 2018"; we keep what is stated rather than
    invent a day, and refuse to compute a statutory deadline from an imprecise date. Its
    kind says what the day is: a letter's "Sent on 21 May 2024" is the day it was sent, and
    the day it was published is not stated (a pack says "sent on", never "published on",
    and gives the s.55 last day only as "if published that day").
    """

    year: int
    month: int | None = None
    day: int | None = None
    kind: str = field(default="published", compare=False)  # what the day is: "published", or "sent" (a letter's)

    @property
    def sent(self) -> bool:
        """The day a letter was sent, not one stated as its publication."""
        return self.kind == "sent"

    @property
    def exact(self) -> date | None:
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def earliest(self) -> date | None:
        """The first day a publication known to the day, month or year can have come out."""
        return date(self.year, self.month or 1, self.day or 1) if self.known else None

    @property
    def latest(self) -> date | None:
        """The last day it can have come out."""
        if not self.known:
            return None
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def known(self) -> bool:
        return self.year > 0

    def __str__(self) -> str:
        if not self.known:
            return "date not stated"
        if self.exact:
            return long_date(self.exact)
        if self.month:
            return date(self.year, self.month, 1).strftime("%B %Y")
        return str(self.year)

    @classmethod
    def from_iso(cls, text: str) -> PublicationDate:
        """The inverse of iso(): "2021", "2021-03", "2021-03-04" or "unknown"."""
        parts = [int(p) for p in text.split("-")] if text and text != "unknown" else [0]
        return cls(*parts)

    def iso(self) -> str:
        if not self.known:
            return "unknown"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)
