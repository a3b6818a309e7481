"""Appending one item to a registry file's list, safely: the editing half of `claims add` and
`claims source add`.

What an editor wrote is never rewritten: the new file is the old file's bytes, unchanged, followed by
the new item (checks.yamlwrite), with at most a line break added first when the file lacked a final
one. Before anything is written:

1. the new text is read back: the list must hold the old items unchanged plus exactly the new one,
   and every other key must be unchanged (otherwise the file's shape does not allow a safe append,
   and we say so rather than guess);
2. the whole checker runs on the registry as it would be (checks.schemas.OVERLAY), and any problem
   the edit would add refuses it;
3. the file is replaced atomically (checks.atomic), and only if it still holds what was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .atomic import FileChanged, replace_file
from .checker import CheckResult, check
from .files import Refusal, WriteRefused, read_bytes
from .problems import Problem, Severity
from .schemas import OVERLAY
from .yamlfile import Node, read_yaml
from .yamlwrite import list_item

MODELINE = "# yaml-language-server: $schema={schema}"


class EditRefused(Exception):
    """The edit cannot be made safely; the message says why and what to do. Nothing was written."""


@dataclass
class Planned:
    rel: str  # the file, relative to the registry root
    old: bytes | None  # what it holds now (None: it does not exist yet)
    new: bytes
    line: int  # where the new item starts in the new file (1-based)


def plan_append(
    root: Path, rel: str, list_key: str, fields: Mapping[str, object], header: str | None = None
) -> Planned:
    """The file `rel` with `fields` appended as the last item of its top-level list `list_key`.

    `header` (comment lines) starts a file that does not exist yet."""
    try:
        linked = (root / rel).is_symlink()
    except (OSError, ValueError) as exc:  # a name too long for the file system (from a too-long ID)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise EditRefused(f"{rel}: not a file name that can be opened ({reason})") from None
    if linked:
        raise EditRefused(f"{rel} is a symbolic link; registry files are edited in place, not through links")
    read = read_bytes(root, rel)
    old: bytes | None = None
    if isinstance(read, Refusal):
        if not read.missing:
            raise EditRefused(read.message)
    else:
        old = read
    if old is None:
        text = (header or "") + f"{list_key}:\n" + list_item(fields, 2, 4)
        new = text.encode("utf-8")
        node = _read_back(new, rel)
        items = node.get(list_key) if node is not None else None
        if (
            items is None
            or not isinstance(items.value, list)
            or [i.plain() for i in items.value] != [dict(fields)]
        ):
            raise EditRefused(
                f"internal error: the new {rel} does not read back as written"
            )  # pragma: no cover
        return Planned(rel, None, new, items.value[0].line)
    parsed = read_yaml(old, rel)
    if parsed.root is None or parsed.problems:
        where = parsed.problems[0].text() if parsed.problems else f"{rel}: not a YAML mapping"
        raise EditRefused(f"{rel} has a problem to fix first, by hand: {where}")
    if not isinstance(parsed.root.value, dict):
        raise EditRefused(f"{rel} is not a YAML mapping; fix it first")
    items = parsed.root.get(list_key)
    if items is not None and items.value is not None and not isinstance(items.value, list):
        raise EditRefused(f"{rel}: `{list_key}` is not a list; fix it first")
    if items is not None and items.style == "[":
        raise EditRefused(
            f"{rel}:{items.line}:{items.column}: `{list_key}` is a flow list ([...]); write it as a block "
            f"list (`{list_key}:` then one `  - ` item per entry) and run the command again"
        )
    if items is not None and list(parsed.root.value)[-1] != list_key:
        raise EditRefused(
            f"cannot append safely to {rel}: `{list_key}` must be the file's last key, a block list: move it "
            "to the end of the file; or add the entry by hand"
        )
    crlf = b"\r\n" in old
    newline = "\r\n" if crlf else "\n"
    text = old.decode("utf-8-sig")
    lines = text.splitlines()
    dash, keys = 2, 4
    existing = items.value if items is not None and isinstance(items.value, list) else []
    if existing:
        first = existing[0]
        line = lines[first.line - 1] if first.line - 1 < len(lines) else ""
        dash = len(line) - len(line.lstrip(" "))
        if not line[dash:].startswith("-") or first.column - 1 <= dash:
            dash, keys = 2, 4
        else:
            keys = first.column - 1
    item = list_item(fields, dash, keys, newline).encode("utf-8")
    ending = b"" if old.endswith((b"\n", b"\r")) or not old else newline.encode()
    attempts = []
    if items is None:
        attempts.append(old + ending + f"{list_key}:{newline}".encode() + item)
    else:
        if existing:
            attempts.append(old + ending + newline.encode() + item)  # a blank line between items
        attempts.append(old + ending + item)
    why = ""
    for new in attempts:
        node = _read_back(new, rel)
        if node is None or not isinstance(node.value, dict):
            why = why or (
                "after the file's last line the new item would not be YAML of the same document "
                "(does the file end its document with `...` or start another with `---`?)"
            )
            continue
        new_items = node.get(list_key)
        if (
            new_items is None
            or not isinstance(new_items.value, list)
            or len(new_items.value) != len(existing) + 1
        ):
            why = (
                why
                or f"`{list_key}` must be the file's last key, a block list: move it to the end of the file"
            )
            continue
        same_old = [i.plain() for i in new_items.value[:-1]] == [i.plain() for i in existing]
        same_rest = {k: v.plain() for k, v in node.value.items() if k != list_key} == {
            k: v.plain() for k, v in parsed.root.value.items() if k != list_key
        }
        if same_old and same_rest and new_items.value[-1].plain() == dict(fields):
            return Planned(rel, old, new, new_items.value[-1].line)
        why = why or (
            "the new item would change a value already there (a block scalar, `|` or `>`, at the end "
            "of the file without its final line break?)"
            if not same_old
            else f"`{list_key}` must be the file's last key, a block list: move it to the end of the file"
        )
    raise EditRefused(f"cannot append safely to {rel}: {why}; or add the entry by hand")


def _read_back(data: bytes, rel: str) -> Node | None:
    parsed = read_yaml(data, rel)
    return None if parsed.problems else parsed.root


def check_as_if(root: Path, planned: Planned) -> CheckResult:
    """The checker's result for the registry as it would be with the planned file written."""
    token = OVERLAY.set({planned.rel: planned.new})
    try:
        return check(root)
    finally:
        OVERLAY.reset(token)


def new_problems(root: Path, after: CheckResult) -> list[Problem]:
    """Errors in `after` that the registry as it is does not have (the edit's own problems)."""
    errors = [p for p in after.problems if p.severity is Severity.ERROR]
    if not errors:
        return []
    before = set(check(root).problems)
    return [p for p in errors if p not in before]


def write(root: Path, planned: Planned) -> None:
    try:
        replace_file(root, planned.rel, planned.new, planned.old)
    except (FileChanged, WriteRefused) as exc:
        raise EditRefused(str(exc)) from None
