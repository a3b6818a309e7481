"""Claims: reading the hand-curated YAML files in claims/ into `Claim` values.

A claims file is ``claims: [ … ]``; see schema/claims.schema.json. Each file is read once; its
problems (YAML, shape) are collected, and every claim whose fields have the right types becomes a
`Claim` for the later checks, even when a sibling claim is broken.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .schemas import load_file
from .yamlfile import Node

CLAIMS = "claims"
RESOLUTIONS = "claims/resolutions.yaml"  # not a claims file: see checks.resolutions
SKIPS = "claims/skips.yaml"  # not a claims file: see checks.skips
_FIELDS = ("id", "source", "quote", "subject", "property", "as_written", "unit")


@dataclass
class Claim:
    id: str
    source: str
    quote: str
    subject: str
    property: str
    as_written: str
    unit: str
    path: str  # the claims file, relative to the registry root
    node: Node  # the claim's mapping in that file
    as_of: str | None = None
    as_of_text: str | None = None
    occurrence: int | None = None
    note: str | None = None

    @builtins.property  # the field `property` shadows the builtin here
    def line(self) -> int:
        return self.node.line

    def at(self, key: str) -> tuple[int, int]:
        """Where a field's value starts; the claim's own position when the field is absent."""
        child = self.node.get(key)
        return (child.line, child.column) if child is not None else (self.node.line, self.node.column)


@dataclass
class ClaimsFile:
    path: str
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    node: Node | None = None


def claims_files(root: Path) -> list[Path]:
    """Every claims file under claims/, in a fixed order whatever the file system's."""
    folder = root / CLAIMS
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and p.is_file()
        and p.relative_to(root).as_posix() not in (RESOLUTIONS, SKIPS)
    ]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def read_claims_file(root: Path, file: Path) -> ClaimsFile:
    rel = file.relative_to(root).as_posix()
    loaded = load_file(root, rel, "claims.schema.json")
    result = ClaimsFile(rel, problems=loaded.problems, node=loaded.node)
    if loaded.node is None:
        return result
    # Claims are used even when a sibling is malformed: each one's own problems say what is wrong.
    items = loaded.node.get("claims")
    if items is None or not isinstance(items.value, list):
        return result
    for item in items.value:
        claim = _claim(item, rel)
        if claim is not None:
            result.claims.append(claim)
    return result


def _claim(node: Node, path: str) -> Claim | None:
    if not isinstance(node.value, dict):
        return None
    values = {key: child.value for key, child in node.value.items()}
    if not all(isinstance(values.get(key), str) for key in _FIELDS):
        return None  # the schema problems already say which field is missing or wrong
    optional_str = {
        k: values.get(k) if isinstance(values.get(k), str) else None for k in ("as_of", "as_of_text", "note")
    }
    occurrence = values.get("occurrence")
    return Claim(
        **{key: values[key] for key in _FIELDS},
        path=path,
        node=node,
        occurrence=occurrence if isinstance(occurrence, int) and not isinstance(occurrence, bool) else None,
        **optional_str,
    )
