"""The controlled vocabulary (schema/vocabulary.yaml): subjects, properties and units, with Korean
labels, so that the same fact from different outlets gets the same key."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .schemas import did_you_mean, load_file
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


# What to do about a key the vocabulary lacks, by field; `claims check` and `claims add` say it.
_EXTEND = {
    "subject": "add it under `subjects` with its Korean and English labels (ko, en)",
    "property": "add it under `properties` with ko, en and changes_over_time",
    "unit": "a unit is the one the figure reader gives (`claims number`); add it under `units` with ko, en",
}


def _a_typo(value: str, close: str) -> bool:
    """Whether the "did you mean" names a key so close to the value that it is surely a typo of it."""
    match = re.search(r"'(.*)'", close)
    if match is None:
        return True
    return difflib.SequenceMatcher(None, value, match.group(1)).ratio() >= _TYPO


_TYPO = 0.8  # lg-ai-reserch and lg-ai-research: 0.96; processing-time-cut and training-image-count: 0.61


def unknown_key_message(field_name: str, value: str, table: dict[str, Term]) -> str:
    """The message for a claim's subject, property or unit that is not a vocabulary key: the key
    meant, when one is close; else how to pick one or extend the vocabulary (an editor on deadline
    should not have to look up where the keys live)."""
    close = did_you_mean(value, table)
    if close and _a_typo(value, close):
        return f"{field_name} '{value}' is not in the vocabulary{close}"
    if close:
        # A distant match (`processing-time-cut`: did you mean 'training-image-count'?) is more likely a
        # new term than a typo: say how to add it too.
        return (
            f"{field_name} '{value}' is not in the vocabulary{close} If it is a new term, "
            f"{_EXTEND[field_name]} in {VOCABULARY}, then run `claims schema --write`"
        )
    return (
        f"{field_name} '{value}' is not in the vocabulary ({VOCABULARY}): use one of its keys, or "
        f"{_EXTEND[field_name]}, then run `claims schema --write`"
    )
