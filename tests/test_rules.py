"""Every reading rule on its own fixture examples (tests/fixtures/rules/*.yaml): what it
must read, and texts it must not read (an adjective, the scale explained, another
force's grade, quoted commentary). Each rule runs alone through the one engine
(Ruler.read), so a case fails at its rule, and what it reads carries its name (`how`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.extract.areas import AreaResolver
from briefing.extract.context import Context
from briefing.extract.counts import COUNT_RULES, find_counts
from briefing.extract.dates import DATE_RULES, publication_date
from briefing.extract.findings import FINDING_RULES, Findings, Sections, read_findings
from briefing.extract.grades import GRADE_RULES
from briefing.extract.reader import SourceLine
from briefing.extract.reports import TITLE_RULES, title_of
from briefing.extract.responses import RESPONSE_RULES, response_of
from briefing.reference import load_frameworks

RULES = Path(__file__).parent / "fixtures" / "rules"
EIGHT_EXAMPLES = ("grades", "counts", "findings", "titles", "dates", "responses")  # the groups whose rules are written to at least eight examples each
ENGINES = {"grades": GRADE_RULES, "findings": FINDING_RULES, "dates": DATE_RULES, "counts": COUNT_RULES,
           "titles": TITLE_RULES, "responses": RESPONSE_RULES}


def fixtures(engine: str) -> dict:
    return yaml.safe_load((RULES / f"{engine}.yaml").read_text(encoding="utf-8"))


def cases(engine: str):
    for rule, examples in fixtures(engine).items():
        for n, example in enumerate(examples.get("reads", [])):
            yield pytest.param(rule, example, id=f"{rule}-reads-{n}")
        for n, text in enumerate(examples.get("not", [])):
            yield pytest.param(rule, {"text": text, "gives": None}, id=f"{rule}-not-{n}")


def lines_of(text: str) -> list[SourceLine]:
    return [SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1)]


def context(text: str) -> Context:
    return Context.of(lines_of(text), load_frameworks(), "Northshire Police")


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_rule_has_examples_it_reads_and_examples_it_does_not(engine):
    examples = fixtures(engine)
    assert sorted(examples) == sorted(ENGINES[engine].names()), "each rule needs its fixtures, and only real rules"
    for rule, cases_ in examples.items():
        assert cases_.get("reads") and cases_.get("not"), f"{engine} rule {rule} needs both kinds of example"
        if engine in EIGHT_EXAMPLES:
            assert len(cases_["reads"]) + len(cases_["not"]) >= 8, f"{engine} rule {rule} needs at least 8 examples"


@pytest.mark.parametrize(("rule", "example"), list(cases("grades")))
def test_grade_rule(rule, example):
    ctx = context(example["text"])
    read = GRADE_RULES.only([rule]).read(ctx)
    said = [f"{'earlier ' if s.earlier else ''}{s.grade}: {s.phrase}" for s in read.statements]
    if example["gives"] is None:
        assert said == [] and read.claimed == [], "the rule must neither read nor set aside any word here"
    else:
        assert said == example["gives"]
        assert {s.how for s in read.statements} <= {rule}
    if example.get("claims"):
        assert len(read.claimed) == example["claims"]


@pytest.mark.parametrize(("rule", "example"), list(cases("findings")))
def test_finding_rule(rule, example):
    ctx = context(example["text"])
    resolve = AreaResolver(load_frameworks().cycles["peel-2023-25"])
    fx = Findings(ctx, resolve, Sections(ctx, resolve, []), "Northshire Police")
    found = read_findings(fx, FINDING_RULES.only([rule]))
    if example["gives"] is None:
        assert found == []
        return
    assert len(found) == len(example["gives"]), [f"{f.kind}: {f.shown}" for f in found]
    for finding, expected in zip(found, example["gives"]):
        kind, opening = expected.split(": ", 1)
        assert finding.kind == kind and finding.shown.startswith(opening), f"{finding.kind}: {finding.shown}"  # as a pack prints it
        assert finding.how == rule
    for field in ("number", "addressee", "due", "status", "area", "areas"):
        if field in example:
            assert [list(v) if isinstance(v := getattr(f, field), tuple) else v for f in found] == example[field]


@pytest.mark.parametrize(("rule", "example"), list(cases("dates")))
def test_date_rule(rule, example):
    found, _ = publication_date(context(example["text"]), DATE_RULES.only([rule]))
    if example["gives"] is None:
        assert found is None
    else:
        assert found is not None and "-".join(f"{p:02d}" for p in found.parts() if p) == example["gives"]
        assert found.how == rule
        assert found.kind == example.get("kind", "published")  # a letter's "Sent on" day is not its publication


@pytest.mark.parametrize(("rule", "example"), list(cases("counts")))
def test_count_rule(rule, example):
    counts = find_counts(context(example["text"]), COUNT_RULES.only([rule]))
    assert [f"{' or '.join(c.grades)}: {c.count}" for c in counts] == (example["gives"] or [])
    assert {c.how for c in counts} <= {rule}


@pytest.mark.parametrize(("rule", "example"), list(cases("titles")))
def test_title_rule(rule, example):
    found, how = title_of(context(example["text"]), TITLE_RULES.only([rule]))
    if example["gives"] is None:
        assert not found
    else:
        assert (found, how) == (example["gives"], rule)


@pytest.mark.parametrize(("rule", "example"), list(cases("responses")))
def test_response_rule(rule, example):
    page = "SOURCE: https://www.northshire-pcc.gov.uk/statutory-response/custody/\n" + example["text"]
    found = response_of(context(page), "pcc-page", RESPONSE_RULES.only([rule]))
    assert found is not None, "every fixture is the top of a response page"
    assert (found.date.isoformat() if found.date else None) == example["gives"]
    assert found.how == (rule if found.date else "")  # the rule that read the date, written into the dataset


@pytest.mark.parametrize(("text", "kind"), [
    ("SOURCE: https://www.northshire-pcc.gov.uk/hmicfrs-reports-and-responses/\nHMICFRS reports and responses\n"
     "Section 55 requires the PCC to publish comments on each report.", "pcc-page"),
    ("SOURCE: https://news.northshire.police.uk/news/forces-response-to-report\nThe force's response to the HMICFRS "
     "report\nThe chief constable said the force accepts the findings.", "pcc-page"),
    ("Commissioner's response to HMICFRS report: Custody in Northshire\n23 January 2023", "news"),
])
def test_a_page_that_is_not_a_pcc_response_gives_none(text, kind):
    assert response_of(context(text), kind) is None
