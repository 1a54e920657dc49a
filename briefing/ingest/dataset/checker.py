"""The keys a dataset may hold, and the checker that gathers every problem with its line.

An analyst fixing a file wants the whole list at once, each as `FILE, line N: message`
with a did-you-mean where we can: so nothing here raises; each reader of a part of the
dataset (briefing.ingest.dataset's modules) tells the checker and goes on.
"""

from __future__ import annotations

import difflib

from briefing import limits
from briefing.errors import BriefingError, InputError
from briefing.ingest.located import Located
from briefing.places import Place
from briefing.reference import Reference

TOP_KEYS = ("force", "cycle", "report_type", "title", "published", "date_kind", "published_by", "source", "source_title", "source_kind",
            "findings_complete", "report", "grades_from",
            "inspectorates", "covers", "response", "notes", "judgements", "findings", "key_figures", "grade_counts", "counts",
            "areas_graded", "rest",
            "corrections", "monitoring", "closures", "improved", "praised", "headline", "response_link", "claimed")
KEY_SYNONYMS = {"judgments": "judgements", "key_figure": "key_figures", "figures": "key_figures"}
REQUIRED = ("force",)  # and a cycle for a PEEL assessment, a title for any other report
# A report that states no date is still that report: without 'published' its date is "not stated" and its s.55 day
# is bounded by its cycle (or a later source's 'published_by'), as when the report itself is given.
UNDATED = ("the report's publication date is not given ('published'): packs and the register say it is not stated and "
           "bound the s.55 last day by what is known; set it from the report to give the day")
PLACE_KEYS = {"line", "page", "how"}  # where a fact was read, and the reading rule that read it
CLOSURE_KEYS = {"subject", "text", "plural", "remaining", "note"} | PLACE_KEYS  # a closing of a cause of concern (model.Closure)
ITEM_KEYS = {
    "judgements": {"area", "label", "grade", "by", "note"} | PLACE_KEYS,
    "findings": {"kind", "area", "text", "id", "relates_to", "note", "number", "addressee", "due", "status",
                 "continues", "continues_at", "closed", "cut", "areas"} | PLACE_KEYS,
    "key_figures": {"name", "value", "unit", "period", "comparator", "note"} | PLACE_KEYS,
    "grade_counts": {"grades", "count", "note"} | PLACE_KEYS,
    "corrections": {"area", "from", "to", "date", "reason", "source", "note"} | PLACE_KEYS,
    "counts": {"kind", "count", "to", "note"} | PLACE_KEYS,
    "monitoring": {"stage", "event", "date", "text", "note"} | PLACE_KEYS,
    "closures": CLOSURE_KEYS,
    "improved": {"subject", "text", "area", "ongoing", "named_at", "note"} | PLACE_KEYS,  # "has improved its ...",
    #                                                   "still has challenges in these areas" (model.Improvement)
    "praised": {"text", "word", "reason", "note"} | PLACE_KEYS,  # "good at <a task>" set aside (model.Unplaced)
}


def did_you_mean(word: str, choices) -> str:
    """A suggestion for a mistyped word: a choice it begins, else the closest spelling."""
    word, choices = str(word).lower(), [str(c) for c in choices]
    starts = [c for c in choices if c.lower().startswith(word)]
    close = starts or difflib.get_close_matches(word, choices, n=1, cutoff=0.6) or \
        difflib.get_close_matches(word, [c.lower() for c in choices], n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class Checker:
    """Accumulates problems with their lines while a dataset is turned into an Inspection."""

    def __init__(self, name: str, located: Located, reference: Reference):
        self.name, self.doc, self.reference, self.fw = name, located, reference, reference.frameworks
        self.problems: list[BriefingError] = []
        self.warnings: list[str] = []  # what the user should know, though the dataset is used

    def problem(self, message: str, *path) -> None:
        line = self.doc.line(*path)
        self.problems.append(InputError(message, file=self.name, place=f"line {line}" if line else None))

    def place(self, item: dict, path: tuple) -> Place:
        line, page = item.get("line"), item.get("page")
        whole = {}
        for key, value in (("line", line), ("page", page)):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
            if value is not None and not ok:
                self.problem(f"{key} must be a whole number from 1, not {value!r}", *path, key)
            whole[key] = value if ok else None
        return Place(line=whole["line"], page=whole["page"])

    def how(self, item: dict, path: tuple) -> str:
        """The reading rule a fact came from, as extract wrote it: kept so a reviewer sees why."""
        return self.text(item, "how", path, required=False)

    def text(self, item: dict, key: str, path: tuple, required: bool = True) -> str:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(f"missing '{key}'", *path)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            kind = "yes/no value" if isinstance(value, bool) else "list" if isinstance(value, list) else \
                "mapping" if isinstance(value, dict) else type(value).__name__
            self.problem(f"'{key}' must be text, not a {kind}", *path, key)
            return ""
        text = " ".join(str(value).split())
        if len(text) > limits.FIELD_CHARS:
            self.problem(f"'{key}' is {len(text):,} characters; one entry is at most {limits.FIELD_CHARS:,} "
                         "(are several run together?)", *path, key)
        return text

    def items(self, data: dict, key: str) -> list[tuple[tuple, dict]]:
        raw = data.get(key) or []
        if not isinstance(raw, list):
            self.problem(f"'{key}' must be a list", key)
            return []
        if len(raw) > limits.FINDINGS_PER_INSPECTION:
            self.problem(f"'{key}' has {len(raw):,} entries; an inspection has at most "
                         f"{limits.FINDINGS_PER_INSPECTION:,}", key)
            return []
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                self.problem(f"each entry of '{key}' must be a mapping of keys to values", key, i)
                continue
            for unknown in set(map(str, item)) - ITEM_KEYS[key]:
                self.problem(f"unknown key {unknown!r} in {key}" + did_you_mean(unknown, ITEM_KEYS[key])
                             + (" (quote text that contains commas)" if item.get(unknown) is None else ""),
                             key, i, unknown)
            out.append(((key, i), item))
        return out


def check_keys(checker: Checker, data: dict) -> None:
    for key in data:
        if key in KEY_SYNONYMS:
            continue
        if key not in TOP_KEYS:
            checker.problem(f"unknown key {key!r}" + did_you_mean(key, TOP_KEYS), key)
    peel = data.get("report_type", "peel") == "peel"
    for key in (*REQUIRED, "cycle" if peel else "title"):
        if _blank(data.get(key)):
            needs = "every dataset needs force and cycle" if peel else \
                "a report that is not a PEEL assessment needs force and title"
            checker.problem(f"missing '{key}' ({needs})", key)
    if _blank(data.get("published")) and data.get("response") is None:
        checker.warnings.append(UNDATED)


def _blank(value) -> bool:
    return value is None or not str(value).strip()
