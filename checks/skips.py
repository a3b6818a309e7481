"""Skips: figures of the article bodies that are deliberately not claims (claims/skips.yaml).

`claims coverage` lists every figure and date of every article body that no claim covers. A figure an
editor decides is not a claim (a photo caption restating the body, a figure about something else, a
dateline inside the body's lines) is recorded here with its quote, the figure as printed, a reason
from a fixed list (schema/skips.schema.json) and a note, so that a reviewer can read why. Skips are
checked like claims: the quote must occur in the article body, the figure inside the quote; a skip
that covers no uncovered figure is stale (`skip-stale`), and two skips of one figure are one too many
(`skip-duplicate`); see checks.coverage.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from pathlib import Path

from .claims import SKIPS
from .problems import Problem
from .schemas import load_file
from .yamlfile import Node

__all__ = ["SKIPS", "Skip", "Skips", "load_skips"]
SCHEMA = "skips.schema.json"
_FIELDS = ("source", "quote", "figure", "reason", "note")


@dataclass
class Skip:
    source: str
    quote: str
    figure: str
    reason: str
    note: str
    node: Node  # the skip's mapping in claims/skips.yaml
    index: int  # its position in the list (0-based), to tell skips apart
    occurrence: int | None = None
    path: str = SKIPS

    @builtins.property
    def line(self) -> int:
        return self.node.line

    @builtins.property
    def id(self) -> str:
        """How a skip is named in messages and coverage listings."""
        return f"{SKIPS}:{self.node.line}"

    def at(self, key: str) -> tuple[int, int]:
        """Where a field's value starts; the skip's own position when the field is absent."""
        child = self.node.get(key)
        return (child.line, child.column) if child is not None else (self.node.line, self.node.column)


@dataclass
class Skips:
    skips: list[Skip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    node: Node | None = None


def load_skips(root: Path) -> Skips:
    """claims/skips.yaml, when there is one. Skips with the right field types are used even when a
    sibling is malformed: each one's own problems say what is wrong."""
    loaded = load_file(root, SKIPS, SCHEMA, required=False)
    out = Skips(problems=loaded.problems, node=loaded.node)
    items = loaded.node.get("skips") if loaded.node is not None else None
    listed = items.value if items is not None else None  # made once: a fast-path node makes them when asked
    if not isinstance(listed, list):
        return out
    for index, item in enumerate(listed):
        mapping = item.value
        if not isinstance(mapping, dict):
            continue
        values = {key: child.value for key, child in mapping.items()}
        if not all(isinstance(values.get(key), str) for key in _FIELDS):
            continue
        occurrence = values.get("occurrence")
        out.skips.append(
            Skip(
                **{key: values[key] for key in _FIELDS},
                node=item,
                index=index,
                # Below 1 the schema refuses it (minimum 1); as an index it would count from the end.
                occurrence=occurrence
                if isinstance(occurrence, int) and not isinstance(occurrence, bool) and occurrence >= 1
                else None,
            )
        )
    return out
