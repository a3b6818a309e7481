"""JSON Schema validation of registry files, with every error located at path:line:column.

check-jsonschema reports schema errors without line numbers; we validate the plain data and map each
error's JSON path back to the `Node` it came from. Unknown keys get a "did you mean".
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import importlib.metadata
import json
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

try:  # a fast first pass; see `validate`
    import jsonschema_rs
except ImportError:  # pragma: no cover - the checker stays correct without it, only slower
    jsonschema_rs = None

from .fastyaml import LazyTree, ProxyNode, fast_load, lazy_nodes
from .files import Refusal, read_bytes
from .homoglyphs import look_alike_text, named, skeleton
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
    schema = _schema(name)
    return without_vocabulary(schema) if name == "claims.schema.json" else schema


def _schema(name: str) -> Any:
    """The tool's own schema file, read through the same door as registry files."""
    data = read_bytes(SCHEMA_DIR, name, tool=True)
    if isinstance(data, bytes):
        return json.loads(data.decode("utf-8"))
    raise OSError(f"the checker's schema {SCHEMA_DIR / name} cannot be read: {data.message}")


def refusal_problem(rel: str, refusal: Refusal) -> Problem:
    """A file that was not read, as a problem located in that file."""
    message = (
        refusal.message if refusal.line or refusal.message.startswith(rel) else f"{rel}: {refusal.message}"
    )
    return problem(rel, refusal.line, refusal.column, refusal.code, message)


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


def _fast_valid(schema_name: str, instance: Any) -> bool:
    """jsonschema-rs's verdict; False (the slow path then decides) when it raises."""
    try:
        return bool(_fast(schema_name).is_valid(instance))
    except Exception:  # noqa: BLE001 -- whatever the fast validator chokes on, the thorough one judges
        return False


# The work of one suggestion is bounded whatever the registry holds (issue 10, "It can be made slow"): a
# vocabulary or a sources index is the registry's own and may hold a hundred thousand keys, all alike.
# Up to _ALL_COMPARED choices, each is compared with the word; beyond, only the _NEIGHBOURS on either side
# of it in sorted order and those that differ from it only by look-alike characters. difflib scores at
# most _SCORED of them in full: the suggestion may get coarser for absurd input, never slower.
_ALL_COMPARED = 128
_NEIGHBOURS = 32
_SCORED = 32


class _Choices:
    """The sorted string choices of one collection, and its look-alike index (built when first needed)."""

    def __init__(self, choices: Any) -> None:
        self.source = choices
        self.size = len(choices)
        self.keys = sorted(c for c in choices if isinstance(c, str))
        self.by_skeleton: dict[str, list[str]] | None = None
        self.answers: dict[str, str] = {}

    def near(self, word: str) -> list[str]:
        if len(self.keys) <= _ALL_COMPARED:
            return self.keys
        i = bisect.bisect_left(self.keys, word)
        pool = self.keys[max(0, i - _NEIGHBOURS) : i + _NEIGHBOURS]
        if self.by_skeleton is None:
            self.by_skeleton = {}
            for key in self.keys:
                self.by_skeleton.setdefault(skeleton(key), []).append(key)
        alike = self.by_skeleton.get(skeleton(word), [])[:_NEIGHBOURS]
        return sorted(set(pool) | set(alike))


_INDEXES: list[_Choices] = []  # the last few collections asked about (the object is kept: `is` holds)


def _choices(choices: Any) -> _Choices:
    """The index of a collection; a large one is kept (a vocabulary, the sources index), a small one is
    sorted afresh each time (cheap), so that the small ones never push a large one out."""
    if len(choices) <= _ALL_COMPARED:
        return _Choices(choices)
    for index in _INDEXES:
        if index.source is choices and index.size == len(choices):
            return index
    index = _Choices(choices)
    _INDEXES.insert(0, index)
    del _INDEXES[8:]
    return index


def did_you_mean(word: str, choices: Any) -> str:
    if not isinstance(word, str) or len(word) > 200:  # no key is this long; difflib would only spend time
        return ""
    index = _choices(choices)
    answer = index.answers.get(word)
    if answer is None:
        pool = index.near(word)
        answer = _look_alike(word, pool) or _close(word, pool)
        if len(index.answers) < 10_000:
            index.answers[word] = answer
    return answer


def _close(word: str, pool: list[str]) -> str:
    """difflib.get_close_matches(word, pool, n=1, cutoff=0.6), scoring at most _SCORED choices in full."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best, best_score, scored = "", 0.6, 0
    for choice in pool:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= best_score and matcher.quick_ratio() >= best_score:
            if scored == _SCORED:
                break
            scored += 1
            score = matcher.ratio()
            if score >= best_score:  # on a tie the later choice, as get_close_matches's nlargest
                best, best_score = choice, score
    return f"; did you mean '{best}'?" if best else ""


def look_alike_hint(word: str, choices: Any) -> str:
    """When `word` only looks like one of `choices` (a Cyrillic 'с' for a Latin 'c'), say which
    characters differ, with their code points: "did you mean 'caption'" alone would leave the editor
    staring at two strings that look the same (issue 10, class 8)."""
    if not isinstance(word, str) or len(word) > 200:
        return ""
    return _look_alike(word, _choices(choices).near(word))


def _look_alike(word: str, pool: list[str]) -> str:
    for choice in pool:
        if choice != word and look_alike_text(word, choice):
            differ = [(a, b) for a, b in zip(word, choice) if a != b][:3]
            shown = "; ".join(f"{named(a)} where '{choice}' has {named(b)}" for a, b in differ)
            return f"; it looks like '{choice}' but is not: it has {shown}"
    return ""


def validate(root: Node, schema_name: str, path: str) -> list[Problem]:
    problems: list[Problem] = []
    instance = root.plain()
    # Most files are valid: jsonschema-rs says so about a hundred times faster. Only a file it
    # rejects goes through jsonschema, whose errors carry the paths we locate. A file jsonschema-rs
    # rejects and jsonschema accepts is a problem (`_disagreement`); tests check they agree.
    fast = _fast(schema_name)
    fast_valid: bool | None = None
    if fast is not None:
        try:
            fast_valid = fast.is_valid(instance)
        except Exception:  # noqa: BLE001 -- whatever the fast validator chokes on, the thorough one judges
            fast_valid = None
    if fast_valid:
        return problems
    errors = sorted(validator(schema_name).iter_errors(instance), key=lambda e: list(map(str, e.path)))
    for error in errors:
        problems.extend(_problems_for(error, root, path))
    if not errors and fast_valid is False:
        problems.append(_disagreement(fast, instance, root, path))
    return problems


def _disagreement(fast: Any, instance: Any, root: Node, path: str) -> Problem:
    """The fast validator rejects what the thorough one accepts: never silence (issue 10, class 5).

    The schemas are written so that both read them alike (patterns end in `(?!\\n)$`, since Python's
    `$` also matches before a final newline; integers stay within 64 bits), and the tests run both
    over every case and over fuzzed values; this is the net under that."""
    where: list[str | int] = []
    with contextlib.suppress(Exception):  # locating is a courtesy; the problem stands without it
        first = next(iter(fast.iter_errors(instance)), None)
        where = list(getattr(first, "instance_path", []) or [])
    node, _ = root.deepest(where)
    return problem(
        path,
        node.line,
        node.column,
        "invalid-value",
        f"{_where(where)}: the two schema validators disagree about this value (jsonschema-rs refuses it, "
        "jsonschema accepts it), so it is treated as invalid; write it plainly, and report this",
    )


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
    if "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
        # A key of the wrong form: point at the key itself, not at its mapping.
        line, col = target.keys.get(error.instance, (node_line, node_col)) if found else (node_line, node_col)
        return [problem(path, line, col, "invalid-value", f"{_where(at)}: key {_brief(error)}")]
    if not at:
        # The file is not even a mapping: perhaps not a registry file at all (a link to another file).
        # Say what it is without showing any of it.
        return [
            problem(
                path,
                node_line,
                node_col,
                "invalid-value",
                f"the file holds {_kind(error.instance)}, not a mapping",
            )
        ]
    hint = ""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if description:
        hint = f"; expected {description}"
    return [problem(path, node_line, node_col, "invalid-value", f"{_where(at)}: {_brief(error)}{hint}")]


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else "a mapping"


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
    if kind == "enum" and isinstance(value, str):
        return f"{error.message}{look_alike_hint(value, error.validator_value or ())}"
    return error.message


# Registry files as they would read after an edit, by path relative to the root. `claims add` and
# `claims source add` run the whole checker on the file they are about to write, before replacing the
# real one (checks.editing); nothing else sets this.
OVERLAY: ContextVar[Mapping[str, bytes] | None] = ContextVar("OVERLAY", default=None)


def registry_bytes(root: Path, rel: str) -> bytes | Refusal:
    """A registry file's bytes through the one door (checks.files), or as an edit would leave them
    (OVERLAY, set by checks.editing)."""
    overlay = OVERLAY.get()
    return overlay[rel] if overlay is not None and rel in overlay else read_bytes(root, rel)


@dataclass
class Loaded:
    """One registry YAML file read, parsed and validated."""

    node: Node | None  # None when absent or not well-formed YAML
    problems: list[Problem]
    valid: bool  # well-formed and of the schema's shape
    # Set when the fast path read the file (checks.fastyaml): its plain data, and the tree that
    # gives positions on demand. `node` then holds LazyNodes (or, with `nodes=False`, a ProxyNode).
    plain: Any = None
    tree: LazyTree | None = None
    data: bytes = b""  # the bytes read, for content-keyed caching


def load_file(
    root: Path,
    rel: str,
    schema_name: str,
    required: bool = True,
    fast: bool = True,
    nodes: bool = True,
    data: bytes | Refusal | None = None,
) -> Loaded:
    """Read, parse and validate one registry file. Never raises: every fault is a Problem.

    With `fast`, a file the fast path vouches for and jsonschema-rs finds valid is not parsed with
    positions; with `nodes=False` as well, its node is a ProxyNode and the caller uses `plain`.
    """
    if data is None:
        data = registry_bytes(root, rel)
    if isinstance(data, Refusal):
        if data.missing and not required:
            return Loaded(None, [], False)
        return Loaded(None, [refusal_problem(rel, data)], False)
    if fast and _fast(schema_name) is not None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        plain = fast_load(text) if text is not None else None
        if plain is not None and _fast_valid(schema_name, plain):
            tree = LazyTree(data, rel)  # the bytes, not the text: half the memory until asked
            node = lazy_nodes(plain, tree) if nodes else ProxyNode(tree, ())
            return Loaded(node, [], True, plain, tree, data)
    parsed = read_yaml(data, rel)
    if parsed.root is None:
        return Loaded(None, parsed.problems, False)
    shape = validate(parsed.root, schema_name, rel)
    return Loaded(parsed.root, [*parsed.problems, *shape], not parsed.problems and not shape, data=data)
