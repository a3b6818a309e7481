"""The controlled vocabulary (schema/vocabulary.yaml): subjects, properties and units, with Korean
labels, so that the same fact from different outlets gets the same key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .schemas import load_file
from .yamlfile import Node

VOCABULARY = "schema/vocabulary.yaml"


@dataclass(frozen=True)
class Term:
    key: str
    ko: str
    en: str
    changes_over_time: bool = False


@dataclass
class Vocabulary:
    subjects: dict[str, Term] = field(default_factory=dict)
    properties: dict[str, Term] = field(default_factory=dict)
    units: dict[str, Term] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    loaded: bool = False
    node: Node | None = None  # the parsed file, for locating problems
    data: bytes = b""  # the bytes read, for content-keyed caching (checks.cache)


def load_vocabulary(root: Path) -> Vocabulary:
    loaded = load_file(root, VOCABULARY, "vocabulary.schema.json")
    vocabulary = Vocabulary(problems=loaded.problems, node=loaded.node, data=loaded.data)
    if not loaded.valid or loaded.node is None:
        return vocabulary
    plain = loaded.node.plain()
    for section in ("subjects", "properties", "units"):
        table = getattr(vocabulary, section)
        for key, entry in plain[section].items():
            table[key] = Term(key, entry["ko"], entry["en"], bool(entry.get("changes_over_time", False)))
    vocabulary.loaded = True
    return vocabulary
