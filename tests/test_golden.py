"""Golden JSON of the default pack's document model and comparison, as of a fixed date:
every change of a fact the bundled pack states shows in a reviewer's diff.

Regenerate after a deliberate change with `pytest tests/test_golden.py --update-golden`,
then read the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefing.document.options import PackOptions
from briefing.pack import PackRequest, build, load_comparison

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2026, 12, 2)  # the paper date the golden files are true of


def _check(name: str, value: dict, update: bool) -> None:
    path = GOLDEN / name
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if update:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run pytest {__file__} --update-golden"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), str(path),
                                                 "now"))[:80])
        pytest.fail(f"{name} differs from the golden file (rerun with --update-golden if the change is meant):\n{diff}")


@pytest.mark.parametrize("audience", ["pcc", "chief-officers"])
def test_the_default_briefing_is_the_golden_one(request, audience):
    briefing, _ = build(PackRequest(options=PackOptions(audience=audience, date=DAY)))
    _check(f"default-{audience}-briefing.json", briefing.to_dict(), request.config.getoption("--update-golden"))


def test_the_default_comparison_is_the_golden_one(request):
    loaded = load_comparison(PackRequest(options=PackOptions(date=DAY)))
    _check("default-comparison.json", {"comparison": loaded.comparison.to_json(),
                                       "register": [e.to_json() for e in loaded.register]},
           request.config.getoption("--update-golden"))
