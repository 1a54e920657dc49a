"""What a source says beside its grades and findings, each kept as stated with its place:
what the force improved or still falls short in, a closing of a cause of concern, a count
of findings, the PCC's published response, the force's monitoring stage, a quoted line, and
what the reading could not settle. None is inferred: a source that does not say one says
nothing of it ("not stated")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefing.places import Place, PublicationDate

EFFORTS = "efforts"  # the rule reading the inspectorate's words of its earlier concerns as a whole
EFFORTS_IN = "efforts-in"  # the rule reading efforts to improve in a named field ("particularly in force leadership")


@dataclass(frozen=True)
class Improvement:
    """A source's statement that the force improved in something an earlier inspection
    found wanting: "the force had improved its response to the public"; or, with `ongoing`,
    that it still falls short there ("the force still has challenges in these areas"). Kept
    as stated, with its line, so a pack says what the newer source reports of an earlier
    finding it does not list, and asks whether the improvement holds, or what is left to
    do, not whether it was resolved. Where it names the grade the area had before
    (`from_grade`), a comparison knows that grade from it, as its words, where the earlier
    source on file does not state one."""

    subject: str  # what improved, in the source's words ("its response to the public")
    text: str  # the sentence that says so
    place: Place = field(default_factory=Place)
    area: str = ""  # the area the subject names, where it names one
    how: str = ""
    ongoing: str = ""  # its words saying the force still falls short there ("still has challenges in these areas"):
    #                    whatever improved, the earlier concern carries on, and a pack asks what is left to do
    named_at: Place | None = None  # where the areas it points back to are named (the sentence before), if elsewhere
    from_grade: str = ""  # the grade it says the area had before ("an improvement from the 'inadequate' grading it
    #                       received in this area in 2023"): the earlier inspection's grade, in the newer source's words
    year: int | None = None  # the year it puts on that earlier grade, where it gives one

    @property
    def every(self) -> bool:
        """Said of the earlier inspection's concerns as a whole, none named ("the force has made
        significant efforts to address the concerns and areas for improvement we identified"):
        efforts, never a finding resolved, and tied to none. Known by its rule (`how`), which a
        saved dataset keeps."""
        return self.how == EFFORTS

    @property
    def efforts_only(self) -> bool:
        """Efforts to improve in what it names, not that it improved ("had made considerable
        efforts to improve its performance, particularly in force leadership and management"):
        a pack says "made efforts to improve", never "has improved". Known by its rule (`how`)."""
        return self.how == EFFORTS_IN


@dataclass(frozen=True)
class Closure:
    """A source's statement that HMICFRS closed (or is closing, or discharged) a cause of
    concern: "I will be closing the force's cause of concern regarding responding to the
    public". Kept as stated, with its line, so a pack says "closed by HMICFRS's letter of
    26 September 2024 (line 27)" and never lists a closed concern as open."""

    subject: str  # what it is about, in the source's words ("responding to the public"); "" where it names none
    text: str  # the sentence that says so
    place: Place = field(default_factory=Place)
    how: str = ""
    plural: bool = False  # "the causes of concern": every one the source is about, where it names none
    by: str = ""  # the source that closes it, where not the finding's own ("HMICFRS's ... letter of 27 September 2024")
    remaining: bool = False  # "close the force's remaining causes of concern": those still open, some maybe closed before

    @property
    def named(self) -> bool:
        return bool(self.subject)


@dataclass(frozen=True)
class StatedCount:
    """A count of findings a source states ("has made nine recommendations"), whether or
    not it lists them."""

    kind: str  # a finding kind
    count: int
    place: Place = field(default_factory=Place)
    how: str = ""
    to: str = ""  # whom the source says they are made to ("the force and the police and crime commissioner")


def total_of(counts, kind: str) -> StatedCount | None:
    """The count a source states of all the findings of a kind: the largest ("11
    recommendations, 3 of which were for local forces" is 11), the rest parts of it."""
    return max((c for c in counts if c.kind == kind), key=lambda c: c.count, default=None)


@dataclass(frozen=True)
class Response:
    """The PCC's published s.55 response, where the source is one: who gave it and when."""

    by: str = ""
    date: date | None = None
    place: Place = field(default_factory=Place)
    url: str = ""  # where it is published
    how: str = ""  # the reading rule that found its date (extract/responses.py), "" where a person gave it


MONITORING_STAGES = ("scan", "engage")  # HMICFRS's two stages: Scan (routine) and Engage (enhanced monitoring)


MONITORING_EVENTS = ("entered", "left", "remains")


@dataclass(frozen=True)
class Monitoring:
    """A statement of the force's place in HMICFRS's monitoring ("moved into Engage",
    "enhanced monitoring", "removed from Engage"), dated where the source dates it.

    Kept as stated, not inferred: a source that does not mention monitoring says nothing
    about it, so its absence is "not stated", never "Scan"."""

    stage: str  # one of MONITORING_STAGES
    event: str = "remains"  # one of MONITORING_EVENTS: the force entered, left, or is in the stage
    date: PublicationDate | None = None  # when, as precisely as the source says
    text: str = ""  # the sentence that says so
    place: Place = field(default_factory=Place)
    how: str = ""


@dataclass(frozen=True)
class Quote:
    """A sentence of the report quoted as it stands, with its place: the inspector's own
    summary line ("I have concerns about how the force is investigating crime")."""

    text: str
    place: Place = field(default_factory=Place)
    by: str = ""  # who said it, where the source names them ("His Majesty's Inspector Michelle Skeer")
    how: str = ""


@dataclass(frozen=True)
class ReadingWarning:
    """What the reading could not settle, said to the user, with the place in the source it is
    about where it has one (a grade word not placed, a count the grades contradict), so a
    page can put it on its line; the CLI says its text."""

    text: str
    place: Place = field(default_factory=Place)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Unplaced:
    """A grade word the reader saw in a sentence that reads like a grade statement but did
    not place: shown to the user with its line, never silently dropped."""

    text: str  # the sentence, or its first 120 characters
    word: str  # the grade word
    place: Place = field(default_factory=Place)
    reason: str = ""  # why it was not placed, in the user's words
