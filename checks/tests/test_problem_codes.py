"""Every problem code's own examples (checks/problems.py) are run here: the failing example must be
reported at the documented place, the passing one must check clean. The docs are generated from the
same table, so documentation and behaviour cannot drift apart."""

from __future__ import annotations

import pytest

from checks.checker import check
from checks.commands.explain import explain
from checks.problems import CODES, Code

from .conftest import MakeRegistry, lay_example


@pytest.mark.parametrize("code", sorted(CODES), ids=str)
def test_failing_example_is_reported_where_documented(code: str, make_registry: MakeRegistry) -> None:
    spec: Code = CODES[code]
    root = lay_example(make_registry, spec.failing)
    found = {(p.path, p.line, p.column, p.code) for p in check(root).problems}
    expected = (spec.at_path or spec.failing.file, *spec.at, code)
    assert expected in found, f"{code}: expected {expected}, found {sorted(found)}"


@pytest.mark.parametrize("code", sorted(CODES), ids=str)
def test_passing_example_is_clean(code: str, make_registry: MakeRegistry) -> None:
    spec = CODES[code]
    root = lay_example(make_registry, spec.passing)
    assert [f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in check(root).problems] == []


def test_base_registry_is_clean(make_registry: MakeRegistry) -> None:
    result = check(make_registry())
    assert result.problems == []
    assert len(result.claims) == 1 and len(result.sources) == 1


def test_docs_are_generated_from_the_codes() -> None:
    from pathlib import Path

    from checks.docs import problems_markdown

    doc = Path(__file__).resolve().parents[2] / "docs" / "problems.md"
    assert doc.read_text(encoding="utf-8") == problems_markdown(), (
        "docs/problems.md is stale: regenerate it with `claims explain --markdown > docs/problems.md`"
    )


def test_explain_shows_both_examples() -> None:
    text = explain(CODES["quote-not-found"])
    assert "Failing example" in text and "Passing example" in text and "늘어났다" in text
