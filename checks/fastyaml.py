"""The fast path for registry YAML: a Rust parser where a cheap scan proves the file is plain.

`checks.yamlfile` builds a positioned tree from LibYAML's event stream and refuses what YAML would
accept silently (anchors, aliases, tags, duplicate keys, YAML 1.1 surprises, deep nesting). That
costs about as much as loading the file with PyYAML, and the positions are needed only for the files
that have a problem. Here (issue 11) a file is parsed by yaml-rs, several times faster, and its data
is used only when a cheap scan vouches that `read_yaml` would read the same values and find no
problem at all:

* the text has no character that needs care: tab, carriage return, backslash (escapes), NEL, line or
  paragraph separator, byte-order mark, control or other non-printable character;
* nothing that can start an anchor, alias, tag or reserved indicator (`& * ! @ \\``) follows a space,
  a line start or a flow indicator; `|` and `>` stand only as a block scalar's header, at a line's end; no directive (`%`), document marker (`---`, `...`) or
  complex key (`?`) starts a line;
* no plain scalar reads differently under YAML 1.1 (PyYAML's resolver) and YAML 1.2 (yaml-rs):
  every plain value that starts like a number is a plain decimal integer, or text for both; none is
  yes/no/on/off, a merge or a value key;
* yaml-rs accepts the file (it refuses duplicate keys), its root is a mapping, every key is text, no
  value is a float, and nesting is at most `MAX_DEPTH` deep.

Anything else (a doubt, not a verdict) goes down the slow path, which decides. The scan may doubt
good files; it must never vouch for a file the slow path faults or reads differently: the tests run
both paths on every case folder and on mutated files (checks/tests/test_fast_path.py).

Positions are computed on demand: `LazyTree` runs the slow path the first time a line or column of
the file is asked for, and nodes built from the fast data answer through it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

from .files import FileChangedDuringRun
from .yamlfile import _INT, _RESOLVER, MAX_DEPTH, MAX_DIGITS, Node, read_yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - without it every file takes the slow path
    yaml_rs = None

import yaml

# Characters the scan does not vouch for (see the module docstring): everything outside the printable
# set LibYAML accepts, and tab, CR, backslash, NEL, LS, PS and BOM inside it.
_CAREFUL = re.compile(
    r"[^\n\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# The scan below finds what the module docstring lists with regular expressions that begin with the
# character they look for (a literal first character lets the regex engine skip ahead at C speed), then
# asks in Python whether that place is where YAML would see structure. It doubts at least every file a
# scan of the whole text by position would doubt (checks/tests/test_fast_path.py keeps that reference
# scan and compares); doubting more only sends a file down the slow path.
_ANCHOR_OR_RESERVED = re.compile(r"(?<![^\n \[{,])[&*!@`]")
_DOCUMENT_MARKER = re.compile(r"(?m)^(?:---|\.\.\.)(?:[ ]|$)")
_COMPLEX_KEY = re.compile(r"(?m)^[ ]*(?:-[ ]+)*\?(?:[ ]|$)")
_BLOCK_INDICATOR = re.compile(r"[|>]")
_HEADER_TO_END = re.compile(r"(?m)[-+1-9]*[ ]*$")


def _structure(text: str) -> bool:
    """Whether an anchor, alias, tag, reserved indicator, directive, document marker, complex key, or
    a `|` or `>` other than a block scalar's header at a line's end may stand in the text."""
    if any(c in text for c in "&*!@`") and _ANCHOR_OR_RESERVED.search(text):
        return True
    if text.startswith("%") or "\n%" in text:
        return True
    if ("---" in text or "..." in text) and _DOCUMENT_MARKER.search(text):
        return True
    if "?" in text and _COMPLEX_KEY.search(text):
        return True
    if "|" in text or ">" in text:
        for m in _BLOCK_INDICATOR.finditer(text):
            i = j = m.start()
            while j > 0 and text[j - 1] == " ":
                j -= 1
            if j > 0 and text[j - 1] in "[{,":
                return True  # in a flow collection
            if (i == 0 or text[i - 1] in " \n") and not _HEADER_TO_END.match(text, i + 1):
                return True  # not a block scalar's header ending its line
    return False


# Where a scalar can start: after a line's indentation (and sequence or complex-key indicators), after
# a sequence dash or a complex-key mark and spaces, after a key's colon, after a flow indicator.
_LINE_INDENT = re.compile(r"[ ]*(?:[-?][ ]+)*")


def _scalar_may_start(text: str, p: int) -> bool:
    j = p
    while j > 0 and text[j - 1] == " ":
        j -= 1
    before = text[j - 1] if j > 0 else "\n"
    if before in ":[{," or (before in "-?" and j < p):
        return True
    line_start = text.rfind("\n", 0, p) + 1
    return _LINE_INDENT.fullmatch(text, line_start, p) is not None


# A plain scalar that may be typed: it starts like a number (or is one of YAML 1.1's words) where a
# scalar can start, and runs to where a plain scalar ends. Over-matching only sends files to the slow
# path; `: ` ends a plain scalar, so it ends a candidate too, and `- ` starts none.
# A typed token's first character with the character before it (the two sets share no character, so
# no two such pairs overlap); one at the text's very start is looked at apart.
_TYPED_FIRST = re.compile(r"[\n :\[{,][-+.0-9yYnNoO<=]")
_TYPED_START = frozenset("-+.0123456789yYnNoO<=")
_TYPED = re.compile(
    r"(?m)((?:[-+.](?![ ]|$)|[0-9])(?:[-+.0-9A-Za-z_/ ]|:(?![ ]|$))*|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[yYnN]|<<|=)"
    r"(?=[ ]*(?:$|[,\]}]|[ ]#))"
)
# A line that is only a comment: no structure and no value can start in it (in a block or quoted
# scalar it is text, which a scan may skip).
_COMMENT_LINE = re.compile(r"(?m)^[ ]*#.*$")
_TEXT_FOR_BOTH: dict[str, bool] = {}


def _text_for_both(token: str) -> bool:
    """Whether a plain scalar is text for PyYAML's YAML 1.1 resolver and for yaml-rs alike."""
    known = _TEXT_FOR_BOTH.get(token)
    if known is None:
        known = _RESOLVER.resolve(yaml.ScalarNode, token, (True, False)) == "tag:yaml.org,2002:str"
        if known:  # ask yaml-rs itself rather than guess its number forms (0x, 0o, 0b, 1_000, .5, 1e3)
            try:
                known = yaml_rs.loads(f"k: {token}\n", parse_datetime=False) == {"k": token}
            except Exception:  # noqa: BLE001 -- a refusal is a doubt
                known = False
        if len(_TEXT_FOR_BOTH) < 100_000:
            _TEXT_FOR_BOTH[token] = known
    return known


_QUOTE_CHAR = re.compile(r"['\"]")
# A colon in a flow collection that is not followed by a space (`{en:, x}`, `{en:? x}`).
_COLON_IN_FLOW = re.compile(r":(?! )")
_QUOTED_ON_ONE_LINE = re.compile(r"'(?:[^'\n]|'')*'|\"[^\"\n]*\"")


def _one_line_collections_and_quotes(text: str) -> bool:
    """Every flow collection and quoted scalar opens and closes on one line. Where one spans lines,
    LibYAML and yaml-rs disagree about the indentation its continuation needs (found by the tests)."""
    if any(c in text for c in "[]{}"):
        for line in text.split("\n"):
            if line.count("[") != line.count("]") or line.count("{") != line.count("}"):
                return False
            if ("[" in line or "{" in line) and ("?" in line or _COLON_IN_FLOW.search(line)):
                # `{en:? x}`: yaml-rs reads a key where LibYAML refuses the colon; `{?x: y}`, `{?&a
                # x: y}`: a complex key for one, text for the other (found by the fuzz)
                return False
    if "'" in text or '"' in text:
        for m in _QUOTE_CHAR.finditer(text):
            p = m.start()
            if _scalar_may_start(text, p) and not _QUOTED_ON_ONE_LINE.match(text, p):
                return False
    return True


# Where a line holds many places a scalar may start inside one long run of scalar characters (`- 1 - 1
# - 1 …`, `:1:1:1 …`), _TYPED reads the run again from each of them: quadratic in the line's length (a line of
# 100,000 bytes took minutes). A text dense with such places, or a long line with more than a few, is a
# doubt: the slow path, linear, reads it (issue 10, class 3). A real claims file has about one per line.
_MANY_STARTS = 4
_LONG_LINE = re.compile(r"(?m)^.{64,}$")


def _many_starts(text: str) -> bool:
    if text.count(":") + text.count("- ") > len(text) // 16:
        return True
    for match in _LONG_LINE.finditer(text):
        line = match.group()
        if line.count(":") + line.count("- ") > _MANY_STARTS:
            return True
    return False


def _plain_scalars_agree(text: str) -> bool:
    if _many_starts(text):
        return False
    starts = [m.start() + 1 for m in _TYPED_FIRST.finditer(text)]
    if text[:1] in _TYPED_START and text:
        starts.insert(0, 0)
    for p in starts:
        match = _TYPED.match(text, p) if _scalar_may_start(text, p) else None
        if match is None:
            continue
        token = match.group(1).rstrip(" ")
        if _INT.match(token):  # an integer for both, unless too long for the slow path to take
            if len(token.lstrip("+-")) > MAX_DIGITS:
                return False
        elif not _text_for_both(token):
            return False
    return True


_INT_LIMIT = 10**MAX_DIGITS


def _vetted(data: Any) -> bool:
    """A mapping at the root, text keys, no floats, integers of at most MAX_DIGITS digits, nesting
    within MAX_DEPTH."""
    if type(data) is not dict:
        return False
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if type(value) is dict:
            for key in value:
                if type(key) is not str:
                    return False
            children = value.values()
        else:
            children = value
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind is float or (kind is int and not -_INT_LIMIT < child < _INT_LIMIT):
                return False
    return True


# Off: every file takes the slow path (the tests compare the two).
ENABLED = True


def fast_load(text: str) -> dict[str, Any] | None:
    """The file's data when the slow path would certainly read the same and find no problem; else None."""
    if not ENABLED or yaml_rs is None or _CAREFUL.search(text):
        return None
    scanned = _COMMENT_LINE.sub("", text) if "#" in text else text
    if _structure(scanned) or not _one_line_collections_and_quotes(scanned):
        return None
    if not _plain_scalars_agree(scanned):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 -- any refusal is a doubt: the slow path says what is wrong
        return None
    return data if _vetted(data) else None


class FastPathDisagrees(Exception):
    """The slow path found a problem in a file the fast path vouched for: a bug, never a guess."""


class LazyTree:
    """The positioned tree of a file, built by the slow path the first time a position is asked.

    `strict`: the fast path vouched for the file, so the slow path must find no problem in it.
    `reread`: the bytes are not kept (at 100,000 claims, 40 MB of claims files held for the few
    positions a run asks: issue 11, memory) but read again through `reread` when a position is first
    asked, and used only if they are the bytes checked (their BLAKE2 digest is kept); otherwise
    `FileChangedDuringRun`, never a position in other bytes."""

    def __init__(
        self,
        text: str | bytes,
        path: str,
        strict: bool = True,
        reread: Callable[[], bytes | object] | None = None,
    ) -> None:
        self.path = path
        self.strict = strict
        self._reread = reread if isinstance(text, bytes) else None
        self._digest = hashlib.blake2b(text, digest_size=32).digest() if self._reread is not None else None
        self.text: str | bytes | None = None if self._reread is not None else text

    def _bytes(self) -> str | bytes:
        if self.text is not None:
            return self.text
        assert self._reread is not None
        data = self._reread()
        if not isinstance(data, bytes) or hashlib.blake2b(data, digest_size=32).digest() != self._digest:
            raise FileChangedDuringRun(
                f"{self.path} changed while it was being checked, so its problems cannot be located: "
                "run the check again"
            )
        return data

    @cached_property
    def root(self) -> Node:
        parsed = read_yaml(self._bytes(), self.path)
        if parsed.root is None and not self.strict:
            raise FastPathDisagrees(f"{self.path}: no positioned tree for a file that could not be read")
        if parsed.root is None or (parsed.problems and self.strict):
            found = "; ".join(p.text() for p in parsed.problems[:3])
            raise FastPathDisagrees(
                f"{self.path}: the fast YAML path vouched for a file with problems: {found}"
            )
        return parsed.root

    def at(self, path: tuple[str | int, ...]) -> Node:
        node, found = self.root.deepest(list(path))
        if not found:
            raise FastPathDisagrees(f"{self.path}: no value at {path} in the positioned tree")
        return node


class ProxyNode(Node):
    """A node whose value and position are the slow path's, computed on first use."""

    __slots__ = ("_path", "_tree")

    def __init__(self, tree: LazyTree, path: tuple[str | int, ...]) -> None:
        self._tree = tree
        self._path = path

    def _real(self) -> Node:
        return self._tree.at(self._path)

    value = property(lambda self: self._real().value)  # type: ignore[assignment]
    line = property(lambda self: self._real().line)  # type: ignore[assignment]
    column = property(lambda self: self._real().column)  # type: ignore[assignment]
    keys = property(lambda self: self._real().keys)  # type: ignore[assignment]
    style = property(lambda self: self._real().style)  # type: ignore[assignment]
    end_line = property(lambda self: self._real().end_line)  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ProxyNode({self._tree.path}, {self._path})"


class LazyNode(ProxyNode):
    """A node of the fast path's data (plain dicts, lists and scalars), its position on demand. Its
    children are made when asked (`value`, `get`), as LazyNodes, and not kept: a tree of them for a
    sources index of 10,000 entries held about 50 MB beside the data itself (issue 11, memory)."""

    __slots__ = ("_plain",)

    def __init__(self, tree: LazyTree, path: tuple[str | int, ...], plain: Any) -> None:
        super().__init__(tree, path)
        self._plain = plain

    @property  # type: ignore[override]
    def value(self) -> Any:
        data = self._plain
        if type(data) is dict:
            return {k: LazyNode(self._tree, (*self._path, k), v) for k, v in data.items()}
        if type(data) is list:
            return [LazyNode(self._tree, (*self._path, i), v) for i, v in enumerate(data)]
        return data

    def get(self, key: str) -> LazyNode | None:
        data = self._plain
        if type(data) is dict and key in data:
            return LazyNode(self._tree, (*self._path, key), data[key])
        return None

    def is_mapping(self) -> bool:
        return type(self._plain) is dict

    def plain(self) -> Any:
        return self._plain

    def __repr__(self) -> str:
        return f"LazyNode({self._tree.path}, {self._path})"


def lazy_nodes(data: Any, tree: LazyTree, path: tuple[str | int, ...] = ()) -> LazyNode:
    """Fast-path data as a node, as `read_yaml` wraps values in Nodes (children made when asked)."""
    return LazyNode(tree, path, data)
