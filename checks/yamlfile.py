"""Safe YAML reading that keeps a position for every value.

We read PyYAML's *event stream* (never its constructor, so no code runs and no object is built from a
tag) and build plain values ourselves, each wrapped in a `Node` with its 1-based line and column.
That lets every later problem point at ``path:line:column``, and lets us refuse what PyYAML accepts
silently:

* duplicate keys (PyYAML keeps the last one);
* anchors and aliases (they hide where a value comes from; aliases also allow "billion laughs");
* explicit tags (``!!python/object``, ``!!str``): registry files hold plain data only;
* YAML 1.1 surprises: an unquoted value that a YAML 1.1 loader reads as a date, a boolean
  (``yes``/``NO``/``on``), a float, an octal or sexagesimal number. We do not guess: we ask the
  editor to quote it.
* nesting deeper than `MAX_DEPTH`, which would only exhaust recursion in later steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import Resolver

from .problems import Problem, problem

MAX_DEPTH = 64
MAX_DIGITS = 18  # every integer of up to 18 digits fits in 64 bits
# LibYAML's parser, where PyYAML was built with it, is about ten times faster than the pure-Python
# one and yields the same events (a plain scalar's style is '' rather than None).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_RESOLVER = Resolver()
_YAML11_KIND = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:float": "a floating-point number",
    "tag:yaml.org,2002:int": "a number in octal, hexadecimal, binary or sexagesimal form",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:merge": "a merge key",
    "tag:yaml.org,2002:value": "a value key",
}


@dataclass(slots=True)
class Node:
    """A value read from YAML, with where it starts (1-based) in its file. (Slots: a registry of
    100,000 claims holds hundreds of thousands of nodes; issue 11, memory.)"""

    value: Any  # str | int | bool | None | dict[str, Node] | list[Node]
    line: int
    column: int
    # For mappings: where each key starts, so an unknown key can be pointed at.
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    # For scalars: the style PyYAML reports (None plain, "'", '"', "|", ">"); "{" or "[" for flow
    # collections, None for block ones.
    style: str | None = None
    # Where the value ends (1-based line), so that a position can be told to lie inside it.
    end_line: int = 0

    def plain(self) -> Any:
        """The value with every Node unwrapped, as JSON Schema validation wants it."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def is_mapping(self) -> bool:
        """Whether the value is a mapping (asked without making the children of a fast-path node)."""
        return isinstance(self.value, dict)

    def deepest(self, path: list[str | int]) -> tuple[Node, bool]:
        """The node at a JSON path, or its deepest existing ancestor; and whether it was found."""
        node = self
        for step in path:
            child = None
            if isinstance(node.value, dict) and isinstance(step, str):
                child = node.value.get(step)
            elif isinstance(node.value, list) and isinstance(step, int) and 0 <= step < len(node.value):
                child = node.value[step]
            if child is None:
                return node, False
            node = child
        return node, True


@dataclass
class YamlFile:
    path: str
    root: Node | None
    problems: list[Problem]


def read_yaml(text_or_bytes: str | bytes, path: str) -> YamlFile:
    """Read one YAML document. Never raises on bad input: every fault becomes a Problem."""
    if isinstance(text_or_bytes, bytes):
        text = decode_utf8(text_or_bytes, path)
        if isinstance(text, Problem):
            return YamlFile(path, None, [text])
    else:
        text = text_or_bytes
    problems: list[Problem] = []
    try:
        root = _build(text, path, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and _NESTING_REFUSED in (exc.problem or ""):
            # LibYAML (PyYAML 6.0.4 and later) stops at 1,000 levels, and its scanner reads ahead of
            # the events we count, so the error comes before our own, lower limit is reached. The
            # text up to where it stopped is within its limit: read that to find our limit's place.
            exc = _TooDeep(mark.line + 1, mark.column + 1)
            try:
                _build(_before(text, mark.line, mark.column), path, [])
            except _TooDeep as ours:
                exc = ours
            except yaml.YAMLError:
                pass
            return YamlFile(path, None, [*problems, exc.problem(path)])
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "not well-formed"
        at = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
        hint = "; indent with spaces, not tabs" if at == "\t" else _hint(what)
        problems.append(problem(path, line, col, "yaml-syntax", f"YAML syntax: {what}{hint}"))
        return YamlFile(path, None, problems)
    except yaml.reader.ReaderError as exc:
        index = exc.position
        if _LOADER is not yaml.SafeLoader:  # LibYAML counts bytes of UTF-8, not characters
            index = len(text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore"))
        line, col = _position(text, index)
        problems.append(
            problem(
                path,
                line,
                col,
                "file-unreadable",
                f"character U+{exc.character:04X} is not allowed in YAML; remove it"
                if isinstance(exc.character, int)
                else f"unreadable: {exc.reason}",
            )
        )
        return YamlFile(path, None, problems)
    except _TooDeep as exc:
        return YamlFile(path, None, [*problems, exc.problem(path)])
    if root is None and not problems:
        # An empty or comment-only file is an empty mapping: the schema then says what it lacks,
        # rather than the file passing unnoticed.
        root = Node({}, 1, 1, end_line=1)
    return YamlFile(path, root, problems)


# Both parsers' wordings (pure Python, LibYAML).
_HINTS = {
    "expected <block end>": "; check this line's indentation: the keys of one mapping must line up",
    "did not find expected '-' indicator": "; check this line's indentation: the keys of one mapping must line up",
    "did not find expected key": "; check this line's indentation: the keys of one mapping must line up",
    "mapping values are not allowed": "; a value holding ': ' must be quoted",
    "found character '\\t' that cannot start any token": "; indent with spaces, not tabs",
    "found unexpected end of stream": "; a quoted value is not closed",
    "could not find expected ':'": "; a key needs ': ' after it, or a long value is not quoted",
}


def _hint(what: str) -> str:
    return next((hint for start, hint in _HINTS.items() if what.startswith(start)), "")


def decode_utf8(data: bytes, path: str) -> str | Problem:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, col = _position(good, len(good))
        return problem(
            path,
            line,
            col,
            "file-unreadable",
            f"byte 0x{data[exc.start]:02X} is not valid UTF-8; save the file as UTF-8",
        )


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_NESTING_REFUSED = "exceeded maximum nesting depth"


def _before(text: str, line: int, column: int) -> str:
    """The text before a 0-based line and column (columns count characters, in both parsers)."""
    start = 0
    for _ in range(line):
        start = text.index("\n", start) + 1
    return text[: start + column]


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column

    def problem(self, path: str) -> Problem:
        return problem(
            path, self.line, self.column, "yaml-too-deep", f"nesting deeper than {MAX_DEPTH} levels"
        )


def _build(text: str, path: str, problems: list[Problem]) -> Node | None:
    """Build Nodes from the event stream with an explicit stack (no recursion on hostile depth)."""
    stack: list[tuple[Node, str | None]] = []  # (container, pending key for mappings)
    root: Node | None = None
    documents = 0

    def attach(node: Node, key_node: Node | None = None) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        container, pending = stack[-1]
        if isinstance(container.value, list):
            container.value.append(node)
        elif pending is None:
            # This node is a key.
            if not isinstance(node.value, str):
                problems.append(
                    problem(path, node.line, node.column, "yaml-syntax", "a mapping key must be plain text")
                )
                stack[-1] = (container, "\0invalid")
                return
            key = node.value
            if key in container.value:
                first = container.keys[key]
                problems.append(
                    problem(
                        path,
                        node.line,
                        node.column,
                        "duplicate-key",
                        f"duplicate key '{key}' (first at line {first[0]}); YAML would keep only one: "
                        "remove or rename one of them",
                    )
                )
                key = f"\0dup:{node.line}:{node.column}"
            stack[-1] = (container, key)
            container.keys.setdefault(key, (node.line, node.column))
        else:
            if not pending.startswith("\0"):
                container.value[pending] = node
            stack[-1] = (container, None)

    for event in yaml.parse(text, Loader=_LOADER):
        line, col = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.append(
                    problem(path, line, col, "yaml-syntax", "a second YAML document; a file holds one")
                )
                break
            continue
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                problem(path, line, col, "yaml-anchor", f"alias *{event.anchor} refused; write the value out")
            )
            attach(Node(None, line, col))
            continue
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                problems.append(
                    problem(path, line, col, "yaml-anchor", f"anchor &{event.anchor} refused; remove it")
                )
            explicit_tag = event.tag is not None and not (
                isinstance(event, yaml.ScalarEvent) and event.tag == "!" and event.implicit[1]
            )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                explicit_tag = event.tag is not None and not event.implicit
            if explicit_tag:
                problems.append(
                    problem(path, line, col, "yaml-tag", f"tag {_shown_tag(event.tag)} refused; remove it")
                )
        if isinstance(event, yaml.ScalarEvent):
            is_key = bool(stack) and isinstance(stack[-1][0].value, dict) and stack[-1][1] is None
            # Keys stay text as written: YAML 1.1 would turn a key `on:` into True.
            value = event.value if is_key else _scalar(event, path, line, col, problems)
            node = Node(value, line, col, style=event.style or None, end_line=event.end_mark.line + 1)
            attach(node)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _TooDeep(line, col)
            node = Node({} if isinstance(event, yaml.MappingStartEvent) else [], line, col)
            if event.flow_style:
                node.style = "{" if isinstance(event, yaml.MappingStartEvent) else "["
            attach(node)
            stack.append((node, None))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            closed = stack.pop()[0]
            end = event.end_mark
            if closed.style:  # flow: ends at its closing bracket
                closed.end_line = end.line + 1
            else:  # block: the end mark is where the next token starts; its last line is the one before
                closed.end_line = max(end.line, closed.line)
    return root


def _scalar(event: yaml.ScalarEvent, path: str, line: int, col: int, problems: list[Problem]) -> Any:
    value = event.value
    if event.style or event.tag is not None:
        return value  # quoted or block scalars are text; explicit tags were refused above
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        if len(value.lstrip("+-")) > MAX_DIGITS:
            # Python refuses to read integers of more than 4,300 digits, and jsonschema-rs those past
            # 64 bits; no registry field needs more than a few digits. Kept as text, reported.
            problems.append(
                problem(
                    path,
                    line,
                    col,
                    "number-too-large",
                    f"an integer of {len(value.lstrip('+-')):,} digits; the checker reads integers of at most "
                    f"{MAX_DIGITS} digits: quote it if it is text, or correct it",
                )
            )
            return value
        return int(value)
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag in _YAML11_KIND:
        problems.append(
            problem(
                path,
                line,
                col,
                "ambiguous-scalar",
                f"unquoted {value} is read by YAML 1.1 loaders as {_YAML11_KIND[tag]}; "
                f"quote it if you mean the text: '{value}'",
            )
        )
    return value


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
