"""benchmarks/generate.py: the synthetic registry the speed benchmark runs on (issue 11) is
deterministic and one that `claims check` accepts, with comparison groups worth judging."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from checks.checker import check

GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate", module)
    spec.loader.exec_module(module)
    return module


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_registry_is_deterministic_and_checks_clean(tmp_path: Path) -> None:
    gen = generator()
    gen.build(tmp_path / "a", 60, 8)
    gen.build(tmp_path / "b", 60, 8)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    result = check(tmp_path / "a", use_cache=False)
    assert [p.text() for p in result.problems] == []
    assert len(result.claims) == 480 and len(result.sources) == 60
    sizes = [len(p.read_bytes()) for p in (tmp_path / "a" / "seeds").glob("*.txt")]
    assert min(sizes) >= 2800 and max(sizes) <= 5600  # "3-5 KB" articles, give or take a paragraph
    relations = {g.relation for g in result.groups}
    assert {"agreement", "change"} <= relations
    assert max(len(g.members) for g in result.groups) >= 10  # many outlets on the same thing
    units = {c.unit for c in result.claims}
    assert {"KRW", "USD", "person", "year", "percent"} <= units
    assert any(q.paired is not None for q in result.quantities.values())  # 1억 달러(약 1300억원)
    assert any(c.as_of is not None for c in result.claims)


def test_another_seed_gives_another_registry(tmp_path: Path) -> None:
    gen = generator()
    gen.build(tmp_path / "a", 10, 3, seed=1)
    gen.build(tmp_path / "b", 10, 3, seed=2)
    assert tree(tmp_path / "a") != tree(tmp_path / "b")
