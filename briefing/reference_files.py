"""The shape of each file of data/, checked as it is read: a mistake an analyst made there
is one InputError naming the file and the entry (".../forces.yaml, forces, entry 12:
expected a name, or a name and a list of its other names"), before any report is read.
briefing.reference reads the files and makes the Reference from what these return."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from briefing.errors import InputError
from briefing.frameworks import parse_frameworks

FINDING_KIND = {"label": str, "plural": str, "short": str, "severity": int, "s55": bool, "wordings": list}
REPORT_TYPE = {"name": str, "plural": str}
def fields_of(raw: Mapping[str, object]) -> dict:
    """The Reference's fields (all but its folder) from the files' parsed data, by file name,
    each checked."""
    return dict(frameworks=_frameworks(raw["frameworks.yaml"]), forces=_forces(raw["forces.yaml"]),
                finding_kinds=_table(raw["finding_kinds.yaml"], "finding_kinds.yaml", "finding_kinds", FINDING_KIND),
                report_types=_table(raw["report_types.yaml"], "report_types.yaml", "report_types", REPORT_TYPE),
                s55=_s55(raw["report_types.yaml"]), source_kinds=_source_kinds(raw["source_kinds.yaml"]),
                theme_table=_theme_table(raw["themes.yaml"]), offices=_offices(raw["offices.yaml"]),
                default_office=_check(_get(raw["offices.yaml"], "default", "offices.yaml"), str, "offices.yaml",
                                      "default"),
                wording=_wording(raw["wording.yaml"]), official_hosts=_hosts(raw["report_types.yaml"]),
                meetings=_meetings(raw["offices.yaml"]), language=_language(raw["language.yaml"]),
                chief_officers=_chiefs(raw["offices.yaml"]), outside_s55=_outside_s55(raw["offices.yaml"]),
                type_cues=_type_cues(raw["report_types.yaml"]))


TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list", dict: "a table of entries",
              date: "a date (YYYY-MM-DD)"}


def _check(value, kind: type, file: str, place: str):
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(f"expected {TYPE_NAMES[kind]}, found {value!r:.60}", file=file, place=place)
    return value


def _get(raw, key: str, file: str, place: str | None = None):
    _check(raw, dict, file, place or "the file")
    if key not in raw:
        raise InputError(f"missing {key!r}", file=file, place=place)
    return raw[key]


def _table(raw, file: str, key: str, shape: dict[str, type]) -> Mapping[str, Mapping]:
    """A table of entries, each with every field of `shape` of its type."""
    entries = _check(_get(raw, key, file), dict, file, key)
    for name, entry in entries.items():
        for field, kind in shape.items():
            _check(_get(entry, field, file, f"{key}.{name}"), kind, file, f"{key}.{name}.{field}")
    return MappingProxyType({name: MappingProxyType(dict(entry)) for name, entry in entries.items()})


def _frameworks(raw):
    for key in ("canonical_areas", "scales", "cycles", "ranks"):
        _check(_get(raw, key, "frameworks.yaml"), dict, "frameworks.yaml", key)
    try:
        return parse_frameworks(raw)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"cannot read the inspection frameworks ({type(exc).__name__}: {exc})",
                         file="frameworks.yaml") from None


def _forces(raw) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for i, entry in enumerate(_check(_get(raw, "forces", "forces.yaml"), list, "forces.yaml", "forces")):
        if isinstance(entry, str):
            out.append((entry, ()))
        elif isinstance(entry, dict) and len(entry) == 1 and isinstance(next(iter(entry)), str) \
                and isinstance(next(iter(entry.values())), list) and all(isinstance(a, str) for a in next(iter(entry.values()))):
            name, aliases = next(iter(entry.items()))
            out.append((name, tuple(aliases)))
        else:
            raise InputError(f"expected a name, or a name and a list of its other names, found {entry!r:.60}",
                             file="forces.yaml", place=f"forces, entry {i + 1}")
    return tuple(out)


def _s55(raw) -> Mapping:
    s55 = _get(raw, "s55", "report_types.yaml")
    _check(_get(s55, "days", "report_types.yaml", "s55"), int, "report_types.yaml", "s55.days")
    _check(_get(s55, "limit_from", "report_types.yaml", "s55"), date, "report_types.yaml", "s55.limit_from")
    return MappingProxyType(dict(s55))


def _hosts(raw) -> tuple[str, ...]:
    hosts = _check(_get(raw, "official_hosts", "report_types.yaml"), list, "report_types.yaml", "official_hosts")
    for i, host in enumerate(hosts):
        _check(host, str, "report_types.yaml", f"official_hosts, entry {i + 1}")
    return tuple(h.lower() for h in hosts)


def _source_kinds(raw) -> Mapping[str, Mapping]:
    """The kinds, each way of knowing one a regular expression (compiled here to check it)."""
    table = _table(raw, "source_kinds.yaml", "source_kinds", {"name": str, "complete": bool})
    for key, value in table.items():
        for field in ("address", "words"):
            for i, pattern in enumerate((value.get("read") or {}).get(field, ())):
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise InputError(f"not a regular expression ({exc})", file="source_kinds.yaml",
                                     place=f"source_kinds.{key}.read.{field}, pattern {i + 1}") from None
    return table


def _theme_table(raw) -> Mapping[str, Mapping]:
    table = _table(raw, "themes.yaml", "themes", {"name": str, "keywords": list})
    for name, entry in table.items():
        for i, keyword in enumerate(entry["keywords"]):
            _check(keyword, str, "themes.yaml", f"themes.{name}.keywords, keyword {i + 1}")
    return table


def held_on(periods, day: date) -> str:
    """Of (first day or None, title) pairs, oldest first, the title held on `day`, or ""."""
    held = [title for start, title in periods if start is None or start <= day]
    return held[-1] if held else ""


def _offices(raw) -> Mapping[str, tuple[tuple[date | None, str], ...]]:
    """force -> its body's title, or {first day: title} where the body changed."""
    offices = _check(_get(raw, "offices", "offices.yaml"), dict, "offices.yaml", "offices")
    out = {}
    for force, held in offices.items():
        if isinstance(held, str):
            out[force] = ((None, held),)
            continue
        for start, title in _check(held, dict, "offices.yaml", f"offices.{force}").items():
            _check(start, date, "offices.yaml", f"offices.{force}, the day {start!r} (write it as YYYY-MM-DD)")
            _check(title, str, "offices.yaml", f"offices.{force}.{start}")
        out[force] = tuple(sorted(held.items()))
    return MappingProxyType(out)


def _chiefs(raw) -> Mapping[str, str]:
    """Optional: force -> the title of its chief officer, with a default."""
    chiefs = _check(raw.get("chief_officers") or {}, dict, "offices.yaml", "chief_officers")
    for force, title in chiefs.items():
        _check(title, str, "offices.yaml", f"chief_officers.{force}")
    return MappingProxyType(dict(chiefs))


def _outside_s55(raw) -> Mapping[str, str]:
    """Optional: force -> why section 55 does not cover its reports."""
    outside = _check(raw.get("outside_s55") or {}, dict, "offices.yaml", "outside_s55")
    for force, why in outside.items():
        _check(why, str, "offices.yaml", f"outside_s55.{force}")
    return MappingProxyType(dict(outside))


def _meetings(raw) -> Mapping[str, Mapping[str, str]]:
    """Optional: force -> {audience: meeting}."""
    meetings = _check(raw.get("meetings") or {}, dict, "offices.yaml", "meetings")
    for force, by_audience in meetings.items():
        for audience, meeting in _check(by_audience, dict, "offices.yaml", f"meetings.{force}").items():
            _check(meeting, str, "offices.yaml", f"meetings.{force}.{audience}")
    return MappingProxyType({force: MappingProxyType(dict(m)) for force, m in meetings.items()})


def _type_cues(raw) -> tuple:
    """Each cue names a report type of the file and gives regular expressions (compiled here
    to check them)."""
    file, out = "report_types.yaml", []
    types = _get(raw, "report_types", file)
    for i, cue in enumerate(_check(raw.get("type_cues", []), list, file, "type_cues"), start=1):
        place = f"type_cues, cue {i}"
        kind = _check(_get(cue, "type", file, place), str, file, f"{place}.type")
        if kind not in types:
            raise InputError(f"type {kind!r} is not one of {', '.join(types)}", file=file, place=place)
        words = _check(_get(cue, "words", file, place), list, file, f"{place}.words")
        for n, pattern in enumerate(words, start=1):
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                raise InputError(f"not a regular expression ({exc})", file=file, place=f"{place}.words, pattern {n}") from None
        out.append((kind, tuple(words), _check(cue.get("title_only", False), bool, file, f"{place}.title_only")))
    return tuple(out)


def _language(raw) -> Mapping:
    """Number words, ordinals and parts of the year as whole numbers; twelve months, each
    with its other forms; the degree adverbs ("very good at") as words; each renaming with
    the names before and after and its day."""
    file = "language.yaml"
    for key in ("numbers", "ordinals", "parts_of_year"):
        for word, value in _check(_get(raw, key, file), dict, file, key).items():
            _check(value, int, file, f"{key}.{word}")
    months = _check(_get(raw, "months", file), dict, file, "months")
    if len(months) != 12:
        raise InputError(f"expected the twelve months in order, found {len(months)}", file=file, place="months")
    for name, forms in months.items():
        for form in _check(forms, list, file, f"months.{name}"):
            _check(form, str, file, f"months.{name}")
    for word in _check(_get(raw, "degree_adverbs", file), list, file, "degree_adverbs"):
        _check(word, str, file, "degree_adverbs")  # each a word the grade reader puts in a pattern
    for word in _check(_get(raw, "status_labels", file), list, file, "status_labels"):
        _check(word, str, file, "status_labels")  # where an action stands, never an area graded
    for name, entry in _check(_get(raw, "renamings", file), dict, file, "renamings").items():
        for field, kind in (("before", str), ("after", str), ("day", date)):
            _check(_get(entry, field, file, f"renamings.{name}"), kind, file, f"renamings.{name}.{field}")
    return MappingProxyType(dict(raw))


STAGE_EVENTS = ("engage-entered", "engage-remains", "engage-left", "scan-entered", "scan-remains", "scan-left")
WORDED = {"states": ("not-graded", "not-stated", "no-area"),
          "movements": ("new-area", "no-longer-graded", "not-an-area", "same", "not-known", "counted-down", "counted-up"),
          "unmatched": ("confirmed", "partial"), "unmatched_new": ("confirmed", "partial"),
          "monitoring": (*STAGE_EVENTS, "not-stated", "by-source"),
          "inspectorates": ("HMCPSI", "HMIP", "HMI Probation", "Ofsted", "CQC")}  # extract/reports INSPECTORATES, but HMICFRS
RESPONSE_STANDINGS = ("published", "published-late", "published-no-limit", "published-undated", "before-limit", "due",
                      "due-tomorrow", "due-today", "ended", "ended-by", "ended-by-cycle", "ended-by-source", "running",
                      "date-unknown", "letter", "outside",
                      "absent", "misdated", "misdated-undated", "linked")  # the last four: what stands for {none}


def _wording(raw) -> Mapping:
    """Each table words every value of a typed standing made in compare/ (the keys are those values)."""
    _check(_get(raw, "date", "wording.yaml"), str, "wording.yaml", "date")
    for table, keys in WORDED.items():
        _check(_get(raw, table, "wording.yaml"), dict, "wording.yaml", table)
        for key in keys:
            _check(_get(raw[table], key, "wording.yaml", table), str, "wording.yaml", f"{table}.{key}")
    undated = _check(_get(raw["monitoring"], "undated", "wording.yaml", "monitoring"), dict, "wording.yaml",
                     "monitoring.undated")
    for key in STAGE_EVENTS:  # every stage and event, said of an undated source
        _check(_get(undated, key, "wording.yaml", "monitoring.undated"), str, "wording.yaml", f"monitoring.undated.{key}")
    _check(_get(raw, "response", "wording.yaml"), dict, "wording.yaml", "response")
    for key in RESPONSE_STANDINGS:
        entry = _check(_get(raw["response"], key, "wording.yaml", "response"), dict, "wording.yaml", f"response.{key}")
        for form in ("full", "brief", "said"):
            _check(_get(entry, form, "wording.yaml", f"response.{key}"), str, "wording.yaml", f"response.{key}.{form}")
    return MappingProxyType(dict(raw))
