"""Deep nesting is refused before any YAML or JSON parser sees the text, whichever PyYAML
and libyaml are installed (one libyaml release recurses without limit, the next stops at
1,000 levels and sent us to a parser that is quadratic in depth)."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_limits import run

from briefing.ingest import located_yaml
from briefing.ingest.nesting import TooDeep, check_nesting
from briefing.limits import NESTING_DEPTH

DEEP = {
    "brackets.json": "[" * 100_000 + "]" * 100_000,
    "notes.json": '{"force": "Kent Police", "cycle": "peel-2021-22", "published": "2022-03-01", "notes": '
                  + "[" * 100_000 + "]" * 100_000 + "}",
    "flow.yaml": "force: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "dashes.yaml": "force: Kent Police\nnotes:\n" + "- " * 100_000 + "deep\n",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_validate_refuses_in_one_line_within_a_second_without_any_parser(tmp_path, name, monkeypatch):
    def no_parser(*args, **kwargs):
        raise AssertionError("a YAML parser saw a text nested too deep for it")

    monkeypatch.setattr(yaml, "parse", no_parser)
    monkeypatch.setattr(located_yaml, "Loader", no_parser)
    monkeypatch.setattr(located_yaml, "_pure_python_error", no_parser)
    path = tmp_path / name
    path.write_text(DEEP[name], encoding="utf-8")
    result = run("validate", path, seconds=1.0)  # checks its CPU time
    line = 3 if name == "dashes.yaml" else 1
    assert result.stderr.splitlines()[0] == (f"{path}, line {line}: nested more than {NESTING_DEPTH} levels deep; "
                                             "a dataset needs four")
    assert result.returncode == 1


def test_quoted_commented_and_block_text_is_not_nesting():
    for text in ('a: "' + "[" * 1000 + '"\n', "a: '" + "{" * 1000 + "'\n", "a: 1 # " + "[" * 1000 + "\n",
                 "a: |\n  " + "[" * 1000 + "\n  '\nb: 1\n", "text: see " + "[" * 1000 + " and more\n",
                 "a: 'it''s " + "[" * 1000 + "'\n", 'a: "say \\"' + "[" * 1000 + '"\n'):
        check_nesting(text, NESTING_DEPTH)


nested = st.recursive(st.one_of(st.integers(), st.text(alphabet="ab'\"[]{}#:- ", max_size=6)),
                      lambda inner: st.one_of(st.lists(inner, max_size=3),
                                              st.dictionaries(st.text(alphabet="abc", min_size=1, max_size=3), inner,
                                                              max_size=3)),
                      max_leaves=40)


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


# The scan is an estimate from characters alone, and a fresh search has found corners twice
# (both kept below as examples): `BRIEFING_EXPLORE=1 pytest tests/test_nesting.py` searches afresh
# (tests/conftest.py: the suite's own search is fixed).
@settings(max_examples=300, deadline=None)
@given(value=nested, style=st.sampled_from(["block", "flow", "json"]))
@example(value={"a": ":- '", "aa": []}, style="block")  # a quote inside the plain scalar ":- '" opens nothing
@example(value={"a": ":[", "aa": [[0]]}, style="block")  # nor does a bracket inside the plain scalar ":["
def test_the_estimate_never_falls_below_the_real_depth(value, style):
    """Whatever a YAML or JSON writer produces, the scan says at least its real depth."""
    text = json.dumps(value) if style == "json" else yaml.safe_dump(value, default_flow_style=style == "flow")
    depth = _depth(value)
    if depth:
        with pytest.raises(TooDeep):
            check_nesting(text, depth - 1)
    if depth <= NESTING_DEPTH // 3:
        check_nesting(text, NESTING_DEPTH)  # and ordinary depths pass
