"""A finding that lists several concerns, matched concern by concern.

An inspector's "I have concerns about its performance - particularly about the accuracy of
its crime recording, its response to the public, and its management of sexual and violent
offenders" is three concerns. A later finding that the force "still isn't attending incidents"
raises one of them again, not all three: the matcher (matching.match_findings) scores each
concern as a row of its own, and a link carries only the concerns it shares; the rest stay not
raised again, and the pack says which part is which (summaries.FindingRef.concerns).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.compare.links import Link
from briefing.compare.themes import themes_of
from briefing.model import Finding

# where a finding's list of concerns begins: "I have concerns about its performance - particularly about A, B,
# and C"; the list is the rest of the sentence
LIST_OPENS = re.compile(r"\b(?:particularly|in\s+particular|especially|notably|including)\s+(?:about\s+|with\s+|in\s+|over\s+)?"
                        r"|\bconcern(?:s|ed)?\s+(?:about|over|with)\s+", re.IGNORECASE)
SERIAL_CUT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?")  # "A, B, and C": its "and" inside C ("sexual and violent") stays
# "A, B and C": the first "and" after the last comma cuts too, one inside C stays ("managing its offenders and suspects")
LAST_ITEM = re.compile(r"^(?P<before>(?:.*,\s*)?.*?)\s+(?:and|or)\s+(?P<last>.+)$")
# HMICFRS's set opening of a list of concerns: "concerns about Northshire Police's performance in A, B and C"
PERFORMANCE_IN = re.compile(r"^.*?\bperformance\s+(?:in|at)\s+", re.IGNORECASE)


def concerns_of(text: str) -> tuple[str, ...]:
    """The concerns a finding lists, in its words, where it lists two or more, each on a theme of
    its own ("the accuracy of its crime recording, its response to the public, and its management
    of sexual and violent offenders"): the matcher scores each apart, so a later finding about one
    of them carries that one only. () where the list names fewer than two themes: a list of tasks
    within one concern ("how it responds to the public, plans its work and ...") is one."""
    opens = list(LIST_OPENS.finditer(text))
    if not opens:
        return ()
    parts = _items(PERFORMANCE_IN.sub("", text[opens[-1].end():].strip().rstrip(".;:!?\u201d\"' ")))
    themes = [themes_of(p) for p in parts]
    named = [t for t in themes if t]
    if len(parts) < 2 or len(named) < 2 or len(frozenset().union(*named)) < 2:
        return ()
    return parts


def _items(tail: str) -> tuple[str, ...]:
    """The items of a list ending a sentence: cut at its commas, and, without a serial comma
    ("A, B, and C"), at the first "and" after the last comma."""
    items = [p.strip() for p in SERIAL_CUT.split(tail) if p.strip()]
    last = LAST_ITEM.match(items[-1]) if items and not re.search(r",\s*(?:and|or)\s", tail) else None
    if last:
        items[-1:] = [last.group("before").strip(), last.group("last").strip()]
    return tuple(items)


def by_concern(old: Sequence[Finding], whole: set[int]) -> tuple[list[Finding], list[tuple[int, str]]]:
    """One row per finding, or per concern of a finding that lists several (its words alone, in
    the area that concern names); with each row, its finding's index and its concern ("" for the
    whole finding)."""
    rows, owners = [], []
    for i, finding in enumerate(old):
        parts = () if i in whole else concerns_of(finding.text)
        for k, part in enumerate(parts or ("",)):
            rows.append(replace(finding, text=part, area=_area_of_part(finding, parts, k)) if part else finding)
            owners.append((i, part))
    return rows, owners


def _area_of_part(finding: Finding, parts: tuple[str, ...], k: int) -> str:
    """The area of a finding's k-th concern: the k-th of the areas the finding lists, one to a
    concern in the same order ("how it responds to the public, protects vulnerable people and makes
    use of its resources": responding, vulnerable people, force management); else none. The
    finding's own area is its first concern's, and would put "makes use of its resources" on the
    theme of responding to the public (themes.finding_themes), linking it to a later concern about
    call handling."""
    return finding.areas[k] if len(finding.areas) == len(parts) else ""


def area_of_concerns(finding: Finding, parts: tuple[str, ...]) -> str:
    """The area of the one concern of a finding left `parts` names, where it is one the finding
    lists in order (_area_of_part); else the finding's own area. What the newer source says
    improved in that concern's area speaks to it (comparison._improved)."""
    listed = concerns_of(finding.text)
    if len(parts) == 1 and parts[0] in listed:
        return _area_of_part(finding, listed, listed.index(parts[0])) or finding.area
    return finding.area


def by_finding(links: list[Link], owners: list[tuple[int, str]]) -> list[Link]:
    """Links of concern rows as links of their findings: one per old and new finding, carrying
    the concerns linked, or none where every concern of the finding went to that one new finding."""
    listed: dict[int, list[str]] = {}
    for i, part in owners:
        listed.setdefault(i, []).append(part)
    out: dict[tuple[int, int], Link] = {}
    for link in links:
        i, part = owners[link.old]
        key = (i, link.new)
        said = f"its concern \u201c{part}\u201d, " if part else ""
        if key in out:
            first = out[key]
            out[key] = replace(first, score=max(first.score, link.score), reason=f"{first.reason}; {said}{link.reason}",
                               concerns=first.concerns + ((part,) if part else ()))
        else:
            out[key] = replace(link, old=i, reason=f"{said}{link.reason}" if said else link.reason,
                               concerns=(part,) if part else ())
    whole = [replace(link, concerns=()) if link.concerns and len(link.concerns) == len(listed[link.old]) else link
             for link in out.values()]
    return sorted(whole, key=lambda link: (link.new, link.old))


def concerns_left(old: Sequence[Finding], links: Sequence[Link]) -> dict[int, tuple[str, ...]]:
    """For each old finding linked only by some of its concerns, the concerns no link carries:
    the newer source does not raise those again (or the source used does not show them)."""
    carried: dict[int, set[str] | None] = {}
    for link in links:
        if not link.concerns:
            carried[link.old] = None  # linked whole
        elif carried.get(link.old, set()) is not None:
            carried[link.old] = carried.get(link.old, set()) | set(link.concerns)
    return {i: left for i, said in carried.items() if said is not None
            and (left := tuple(p for p in concerns_of(old[i].text) if p not in said))}
