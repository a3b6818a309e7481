"""The fast (jsonschema-rs) and the thorough (jsonschema) validators never disagree silently
(issue 10, class 5).

Python's `re.search` lets `$` match before a final newline; ECMA-262 and jsonschema-rs do not. So
every pattern of our schemas ends in `(?!\\n)$`, integers stay within 64 bits (checks.yamlfile), and
these tests run both validators over every registry file we have and over fuzzed values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import schemas
from checks.checker import check
from checks.schemas import SCHEMA_DIR, validator
from checks.yamlfile import read_yaml

from .conftest import MakeRegistry

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SCHEMAS = ("claims.schema.json", "sources.schema.json", "resolutions.schema.json", "vocabulary.schema.json")


def schema_for(rel: str) -> str | None:
    if rel.endswith("seeds/sources.yaml"):
        return "sources.schema.json"
    if rel.endswith("schema/vocabulary.yaml"):
        return "vocabulary.schema.json"
    if rel.endswith("claims/resolutions.yaml"):
        return "resolutions.schema.json"
    if "claims/" in rel and rel.endswith((".yaml", ".yml")):
        return "claims.schema.json"
    return None


def _fast(name: str) -> Any:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def agree(instance: Any, name: str) -> tuple[bool, bool]:
    return _fast(name).is_valid(instance), validator(name).is_valid(instance)


def registry_files() -> list[Path]:
    found = [*(HERE / "cases").rglob("*.y*ml"), *(HERE / "registry").rglob("*.y*ml")]
    found += [
        *(ROOT / "claims").glob("*.yaml"),
        ROOT / "seeds" / "sources.yaml",
        ROOT / "schema" / "vocabulary.yaml",
    ]
    return sorted(p for p in found if p.is_file() and schema_for(p.as_posix()))


@pytest.mark.parametrize("path", registry_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_validators_agree_on_every_registry_file(path: Path) -> None:
    parsed = read_yaml(path.read_bytes(), path.name)
    if parsed.root is None:
        pytest.skip("not well-formed YAML: never validated")
    name = schema_for(path.as_posix())
    assert name is not None
    fast, thorough = agree(parsed.root.plain(), name)
    assert fast == thorough


def test_every_pattern_refuses_a_final_newline() -> None:
    for name in SCHEMAS:
        text = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        for pattern in re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', text):
            regex = json.loads(f'"{pattern}"')
            assert regex.endswith("(?!\\n)$"), f"{name}: {regex}"


_PATTERNED = [
    ("claims.schema.json", ["claims", 0, "id"]),
    ("claims.schema.json", ["claims", 0, "source"]),
    ("claims.schema.json", ["claims", 0, "subject"]),
    ("claims.schema.json", ["claims", 0, "unit"]),
    ("claims.schema.json", ["claims", 0, "as_of"]),
    ("claims.schema.json", ["claims", 0, "occurrence"]),
    ("claims.schema.json", ["claims", 0, "quote"]),
    ("sources.schema.json", ["sources", 0, "id"]),
    ("sources.schema.json", ["sources", 0, "file"]),
    ("sources.schema.json", ["sources", 0, "sha256"]),
    ("sources.schema.json", ["sources", 0, "published"]),
    ("sources.schema.json", ["sources", 0, "body", "first_line"]),
    ("resolutions.schema.json", ["resolutions", 0, "group"]),
]
_CLAIM = {
    "id": "a-b.c",
    "source": "s-1",
    "quote": "q" * 12,
    "subject": "s",
    "property": "p",
    "as_written": "1명",
    "unit": "person",
    "as_of": "2021-Q3",
    "as_of_text": "t",
    "occurrence": 1,
}
_SOURCE = {
    "id": "s-1",
    "file": "a.txt",
    "sha256": "0" * 64,
    "outlet": "o",
    "headline": "h",
    "published": "2024-01-02",
    "published_evidence": "e",
    "body": {"first_line": 1, "last_line": 2},
}
_BASES = {
    "claims.schema.json": {"claims": [_CLAIM]},
    "sources.schema.json": {"sources": [_SOURCE]},
    "resolutions.schema.json": {"resolutions": [{"group": "a/b@2020", "status": "open", "note": "n"}]},
}


def _set(base: Any, path: list[str | int], value: Any) -> Any:
    copy = json.loads(json.dumps(base))
    here = copy
    for step in path[:-1]:
        here = here[step]
    here[path[-1]] = value
    return copy


# Text around the shapes the patterns accept, and the characters that slip past a careless one.
_tricky = st.sampled_from(["\n", "\r", "\r\n", "\x00", "\x1b", "\u2028", "\u0085", " ", "\t", "-", ".", "/"])
_shapes = st.sampled_from(
    ["abc", "a-b", "2021", "2021-Q3", "2020-12-07", "0" * 64, "s-1", "a.txt", "person", "A-1"]
)
_values = st.one_of(
    st.builds(
        lambda a, b, c: a + b + c, st.sampled_from(["", "\n"]), _shapes, st.sampled_from(["", "\n", "\n\n"])
    ),
    st.builds(lambda s, t, i: s[:i] + t + s[i:], _shapes, _tricky, st.integers(0, 10)),
    st.text(max_size=12),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.none(),
)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(target=st.sampled_from(_PATTERNED), value=_values)
def test_both_validators_agree_on_fuzzed_values(target: tuple[str, list[str | int]], value: Any) -> None:
    name, path = target
    instance = _set(_BASES[name], path, value)
    fast, thorough = agree(instance, name)
    assert fast == thorough, (name, path, value)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(key=st.one_of(_values.filter(lambda v: isinstance(v, str)), st.text(max_size=8)))
def test_both_validators_agree_on_fuzzed_vocabulary_keys(key: str) -> None:
    term = {"ko": "k", "en": "e"}
    instance = {"subjects": {key: term}, "properties": {}, "units": {key: term}}
    fast, thorough = agree(instance, "vocabulary.schema.json")
    assert fast == thorough, repr(key)


def test_a_disagreement_at_run_time_is_a_located_problem(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refusing:
        """A fast validator that rejects what the thorough one accepts."""

        def is_valid(self, instance: Any) -> bool:
            return False

        def iter_errors(self, instance: Any) -> Any:
            class Error:
                instance_path = ("claims", 0, "unit")

            return iter([Error()])

    monkeypatch.setattr(schemas, "_fast", lambda name: Refusing() if name == "claims.schema.json" else None)
    problems = [(p.path, p.line, p.column, p.code) for p in check(make_registry()).problems]
    assert problems == [("claims/sample.yaml", 8, 11, "invalid-value")]


def test_a_fast_validator_that_raises_falls_back_to_the_thorough_one(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Raising:
        def is_valid(self, instance: Any) -> bool:
            raise ValueError("surrogates not allowed")

    monkeypatch.setattr(schemas, "_fast", lambda name: Raising())
    assert check(make_registry()).problems == []
