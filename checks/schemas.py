"""JSON Schema validation of registry files, with every error located at path:line:column.

check-jsonschema reports schema errors without line numbers; we validate the plain data and map each
error's JSON path back to the `Node` it came from. Unknown keys get a "did you mean".
"""

from __future__ import annotations

import difflib
import importlib.metadata
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

try:  # a fast first pass; see `validate`
    import jsonschema_rs
except ImportError:  # pragma: no cover - the checker stays correct without it, only slower
    jsonschema_rs = None

from .problems import Problem, problem
from .schema_vocabulary import without_vocabulary
from .yamlfile import Node, read_yaml


# The schemas belong to the tool, not to the registry being checked: they define the format the
# checker understands. They live in the project's top-level schema/ folder.
def _schema_dir() -> Path:
    """schema/ beside the package in a checkout (and an editable install); in an installed wheel,
    where its data files went (pyproject.toml, data-files), found through the wheel's file list."""
    here = Path(__file__).resolve().parent.parent / "schema"
    if (here / "claims.schema.json").is_file():
        return here
    try:
        for file in importlib.metadata.files("claims-registry") or ():
            if file.name == "claims.schema.json" and file.parent.name == "schema":
                return Path(str(file.locate())).resolve().parent
    except importlib.metadata.PackageNotFoundError:
        pass
    return here  # absent: reading a schema fails, naming this folder


SCHEMA_DIR = _schema_dir()


@cache
def checker_schema(name: str) -> dict[str, Any]:
    """A schema as the checker validates with it. The claims schema's vocabulary enums are for editors;
    the checker checks those keys against the registry's own vocabulary (checks.schema_vocabulary)."""
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return without_vocabulary(schema) if name == "claims.schema.json" else schema


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = checker_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@cache
def _fast(name: str) -> Any:
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.validator_for(checker_schema(name), validate_formats=True)


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def validate(root: Node, schema_name: str, path: str) -> list[Problem]:
    problems: list[Problem] = []
    instance = root.plain()
    # Most files are valid: jsonschema-rs says so about a hundred times faster. Only a file it
    # rejects goes through jsonschema, whose errors carry the paths we locate. (A file jsonschema-rs
    # rejects and jsonschema accepts simply yields no problem; tests check they agree.)
    fast = _fast(schema_name)
    if fast is not None and fast.is_valid(instance):
        return problems
    errors = sorted(validator(schema_name).iter_errors(instance), key=lambda e: list(map(str, e.path)))
    for error in errors:
        problems.extend(_problems_for(error, root, path))
    return problems


def _where(path: list[str | int]) -> str:
    shown = ""
    for step in path:
        shown += f"[{step}]" if isinstance(step, int) else (f".{step}" if shown else step)
    return shown or "the file"


def _problems_for(error: jsonschema.ValidationError, root: Node, path: str) -> list[Problem]:
    at = list(error.absolute_path)
    target, found = root.deepest(at)
    node_line, node_col = target.line, target.column
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [
            problem(
                path,
                node_line,
                node_col,
                "missing-field",
                f"{_where(at)} is missing the required field '{missing}'",
            )
        ]
    if error.validator == "dependentRequired":
        return [problem(path, node_line, node_col, "missing-field", f"{_where(at)}: {error.message}")]
    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        out = []
        instance = error.instance if isinstance(error.instance, dict) else {}
        for key in sorted(k for k in instance if k not in allowed):
            line, col = target.keys.get(key, (node_line, node_col)) if found else (node_line, node_col)
            out.append(
                problem(
                    path,
                    line,
                    col,
                    "unknown-field",
                    f"{_where(at)} has an unknown field '{key}'{did_you_mean(key, allowed)}",
                )
            )
        return out
    hint = ""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if description:
        hint = f"; expected {description}"
    return [problem(path, node_line, node_col, "invalid-value", f"{_where(at)}: {_brief(error)}{hint}")]


def _brief(error: jsonschema.ValidationError) -> str:
    value = error.instance
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    if len(shown) > 60:
        shown = shown[:57] + "...'"
    kind = error.validator
    if kind == "type":
        return f"{shown} is not of type {error.validator_value}"
    if kind == "pattern":
        return f"{shown} is not in the expected form"
    if kind in ("minLength", "maxLength", "minimum", "maximum", "minItems"):
        return f"{shown} is out of range ({kind} {error.validator_value})"
    if kind == "format":
        return f"{shown} is not a valid {error.validator_value}"
    return error.message


@dataclass
class Loaded:
    """One registry YAML file read, parsed and validated."""

    node: Node | None  # None when absent or not well-formed YAML
    problems: list[Problem]
    valid: bool  # well-formed and of the schema's shape


def load_file(root: Path, rel: str, schema_name: str, required: bool = True) -> Loaded:
    """Read, parse and validate one registry file. Never raises: every fault is a Problem."""
    try:
        data = (root / rel).read_bytes()
    except OSError as exc:
        if not required and not (root / rel).exists():
            return Loaded(None, [], False)
        why = exc.strerror or type(exc).__name__
        return Loaded(None, [problem(rel, 0, 0, "file-unreadable", f"cannot read {rel}: {why}")], False)
    parsed = read_yaml(data, rel)
    if parsed.root is None:
        return Loaded(None, parsed.problems, False)
    shape = validate(parsed.root, schema_name, rel)
    return Loaded(parsed.root, [*parsed.problems, *shape], not parsed.problems and not shape)
