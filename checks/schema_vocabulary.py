"""The vocabulary's keys in the claims schema, for editors: completion of subjects, properties and units.

schema/claims.schema.json carries, for `subject`, `property` and `unit`, an `enum` of the keys of
schema/vocabulary.yaml (and `enumDescriptions`, their labels, which editors show beside each key).
They are generated, never written by hand: `claims schema --write` regenerates them, and a test fails,
naming that command, when the committed schema is out of step with the vocabulary.

The checker does not use these enums. It validates with the schema *without* them (`without_vocabulary`)
and checks the keys against the registry's own vocabulary, which gives one located message with a
"did you mean" (`unknown-subject` …) instead of a list of every allowed key, and works for a registry
whose vocabulary is not this project's.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .inert import json_text

if TYPE_CHECKING:
    from .vocabulary import Vocabulary

CLAIMS_SCHEMA = "schema/claims.schema.json"
REGENERATE = "claims schema --write"
# A claim's field → the vocabulary section whose keys it takes.
FIELDS = {"subject": "subjects", "property": "properties", "unit": "units"}
_GENERATED = ("enum", "enumDescriptions")


def _field(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return schema["$defs"]["claim"]["properties"][name]


def without_vocabulary(schema: dict[str, Any]) -> dict[str, Any]:
    """The claims schema as the checker uses it: the generated enums left out."""
    out = copy.deepcopy(schema)
    for name in FIELDS:
        for key in _GENERATED:
            _field(out, name).pop(key, None)
    return out


def with_vocabulary(schema: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    """The claims schema with the vocabulary's keys (sorted) as the enums of subject, property, unit."""
    out = without_vocabulary(schema)
    for name, section in FIELDS.items():
        terms = getattr(vocabulary, section)
        keys = sorted(terms)
        _field(out, name)["enum"] = keys
        _field(out, name)["enumDescriptions"] = [f"{terms[k].ko} ({terms[k].en})" for k in keys]
    return out


def render(schema: dict[str, Any]) -> str:
    """The one text form of a schema file: two-space JSON, UTF-8 as is, a final newline. Characters a
    terminal or an editor would obey or hide (a bidi override, a C1 control in a vocabulary label) are
    \\u escapes: the same JSON value, inert where `claims schema` prints it (checks.inert)."""
    return json_text(json.dumps(schema, indent=2, ensure_ascii=False)) + "\n"


class VocabularyUnusable(Exception):
    """The vocabulary has problems: no keys can be generated from it."""


def generated_claims_schema(root: Path) -> str:
    """schema/claims.schema.json as it must read for the vocabulary of the registry at `root`.

    Titles, descriptions, patterns and examples come from the claims schema the checker uses
    (schema/ of this project, checks.schemas.SCHEMA_DIR); only the enums come from the vocabulary.
    """
    from .schemas import SCHEMA_DIR
    from .vocabulary import load_vocabulary

    vocabulary = load_vocabulary(root)
    if not vocabulary.loaded:
        raise VocabularyUnusable("\n".join(p.text() for p in vocabulary.problems))
    schema = json.loads((SCHEMA_DIR / "claims.schema.json").read_text(encoding="utf-8"))
    return render(with_vocabulary(schema, vocabulary))
