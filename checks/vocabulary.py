"""The controlled vocabulary (schema/vocabulary.yaml): subjects, properties and units, with Korean
labels, so that the same fact from different outlets gets the same key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, problem
from .schemas import validate
from .yamlfile import Node, read_yaml

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


def load_vocabulary(root: Path) -> Vocabulary:
    vocabulary = Vocabulary()
    try:
        data = (root / VOCABULARY).read_bytes()
    except OSError as exc:
        vocabulary.problems.append(
            problem(VOCABULARY, 0, 0, "file-unreadable", f"no vocabulary: {exc.strerror}; create {VOCABULARY}")
        )
        return vocabulary
    parsed = read_yaml(data, VOCABULARY)
    vocabulary.problems.extend(parsed.problems)
    if parsed.root is None:
        return vocabulary
    vocabulary.node = parsed.root
    shape = validate(parsed.root, "vocabulary.schema.json", VOCABULARY)
    vocabulary.problems.extend(shape)
    if shape:
        return vocabulary
    plain = parsed.root.plain()
    for section in ("subjects", "properties", "units"):
        table = getattr(vocabulary, section)
        for key, entry in plain[section].items():
            table[key] = Term(key, entry["ko"], entry["en"], bool(entry.get("changes_over_time", False)))
    vocabulary.loaded = not parsed.problems
    return vocabulary
