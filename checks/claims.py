"""Claims: reading the hand-curated YAML files in claims/ into `Claim` values.

A claims file is ``claims: [ … ]``; see schema/claims.schema.json. Each file is read once; its
problems (YAML, shape) are collected, and every claim whose fields have the right types becomes a
`Claim` for the later checks, even when a sibling claim is broken.
"""

from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fastyaml import ProxyNode
from .files import Refusal, walk
from .problems import Problem, problem
from .schemas import OVERLAY, load_file
from .yamlfile import Node

CLAIMS = "claims"
RESOLUTIONS = "claims/resolutions.yaml"  # not a claims file: see checks.resolutions
SKIPS = "claims/skips.yaml"  # not a claims file: see checks.skips
_FIELDS = ("id", "source", "quote", "subject", "property", "as_written", "unit")
_SHARED = frozenset(("source", "subject", "property", "unit"))


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
    position: int = -1  # the claim's index in its file's `claims` list
    # Where its figure, and the words of its as_of_text, stand whole in the canonical quote
    # (`whole_figure.whole_figure_start`; -1: not in the quote), found by the check, which reads the quote
    # anyway; None when not found yet (`checks.coverage` then finds them itself).
    figure_at: tuple[int, int] | None = None

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
    # Read by the fast path (checks.fastyaml): valid, and positions are on demand.
    fast: bool = False
    data: bytes = b""  # the bytes read, for content-keyed caching


def find_claims_files(root: Path) -> tuple[list[str], list[Problem]]:
    """Every claims file under claims/ ('/'-separated, relative to the root), in a fixed order
    whatever the file system's; and the folder links met, which are not followed (checks.files)."""
    found, refused = walk(root, CLAIMS, (".yaml", ".yml"))
    problems = [problem(r.path, 0, 0, r.code, r.message) for r in refused]
    # A claims file an edit is about to create (checks.editing) is checked as if it were there.
    planned = [rel for rel in OVERLAY.get() or () if rel.startswith(f"{CLAIMS}/") and rel not in found]
    found = sorted([*found, *planned])
    return [rel for rel in found if rel not in (RESOLUTIONS, SKIPS)], problems


def claims_files(root: Path) -> list[Path]:
    """The claims files as paths (see `find_claims_files`, which also says what was not followed)."""
    return [root / rel for rel in find_claims_files(root)[0]]


def read_claims_file(root: Path, file: Path | str, data: bytes | Refusal | None = None) -> ClaimsFile:
    """Read one claims file (`data`: its bytes when already read, through checks.files)."""
    rel = file if isinstance(file, str) else file.relative_to(root).as_posix()
    loaded = load_file(root, rel, "claims.schema.json", nodes=False, data=data)
    result = ClaimsFile(rel, problems=loaded.problems, node=loaded.node, data=loaded.data)
    if loaded.node is None:
        return result
    if loaded.tree is not None:  # the fast path: valid, so every claim is a mapping of the right types
        result.fast = True
        for n, values in enumerate(loaded.plain["claims"]):
            claim = _claim(values, ProxyNode(loaded.tree, ("claims", n)), rel, n)
            if claim is not None:
                result.claims.append(claim)
        return result
    # Claims are used even when a sibling is malformed: each one's own problems say what is wrong.
    items = loaded.node.get("claims")
    listed = items.value if items is not None else None  # made once: a fast-path node makes them when asked
    if not isinstance(listed, list):
        return result
    for n, item in enumerate(listed):
        mapping = item.value
        if isinstance(mapping, dict):
            claim = _claim({key: child.value for key, child in mapping.items()}, item, rel, n)
            if claim is not None:
                result.claims.append(claim)
    return result


def _claim(values: dict[str, Any], node: Node, path: str, position: int) -> Claim | None:
    if not all(isinstance(values.get(key), str) for key in _FIELDS):
        return None  # the schema problems already say which field is missing or wrong
    optional_str = {
        k: values.get(k) if isinstance(values.get(k), str) else None for k in ("as_of", "as_of_text", "note")
    }
    occurrence = values.get("occurrence")
    return Claim(
        # Keys shared by many claims are kept once (sys.intern): tens of MiB at 100,000 claims.
        **{key: sys.intern(values[key]) if key in _SHARED else values[key] for key in _FIELDS},
        path=path,
        node=node,
        position=position,
        # Only what the schema allows (an integer from 1): it reports anything else.
        occurrence=occurrence
        if isinstance(occurrence, int) and not isinstance(occurrence, bool) and occurrence >= 1
        else None,
        **optional_str,
    )
