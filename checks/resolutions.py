"""Resolutions: an editor's recorded explanation of a conflict (claims/resolutions.yaml).

A resolution names a group by its key (as printed in the report), gives a status and a note:
  explained     the figures do not really conflict (two versions of a product, different scopes,
                rounding); resolved.
  outlet-error  one outlet got it wrong; `erroneous` lists the wrong claims; resolved.
  open          investigated, not settled: the conflict stays among the open ones, with the note.
A resolution that names no conflict (the key is unknown, or the group is no longer a contradiction
or discrepancy) is an error: it must be updated with the claims it explains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .claims import RESOLUTIONS
from .problems import Problem, problem
from .schemas import did_you_mean, load_file
from .yamlfile import Node

if TYPE_CHECKING:
    from .compare import Group

RESOLVED = ("explained", "outlet-error")


@dataclass(frozen=True)
class Resolution:
    group: str
    status: str
    note: str
    erroneous: tuple[str, ...]
    line: int
    column: int

    @property
    def resolved(self) -> bool:
        return self.status in RESOLVED


@dataclass
class Resolutions:
    by_group: dict[str, Resolution] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    node: Node | None = None


def load_resolutions(root: Path) -> Resolutions:
    loaded = load_file(root, RESOLUTIONS, "resolutions.schema.json", required=False)
    out = Resolutions(problems=loaded.problems, node=loaded.node)
    if not loaded.valid or loaded.node is None:
        return out
    entries = loaded.node.get("resolutions")
    assert entries is not None
    for entry in entries.value:
        plain = entry.plain()
        group_node = entry.get("group")
        assert group_node is not None
        if plain["group"] in out.by_group:
            out.problems.append(
                problem(
                    RESOLUTIONS,
                    group_node.line,
                    group_node.column,
                    "duplicate-id",
                    f"group '{plain['group']}' already has a resolution; merge the two",
                )
            )
            continue
        out.by_group[plain["group"]] = Resolution(
            plain["group"],
            plain["status"],
            plain["note"],
            tuple(plain.get("erroneous", ())),
            group_node.line,
            group_node.column,
        )
    return out


def check_resolutions(resolutions: Resolutions, groups: list[Group]) -> list[Problem]:
    """A resolution must name a conflict of the current comparison (and, with `erroneous`, its claims)."""
    found = []
    by_key = {g.key: g for g in groups}
    conflicts = [g.key for g in groups if g.is_conflict]
    for r in sorted(resolutions.by_group.values(), key=lambda r: r.line):
        group = by_key.get(r.group)
        message = None
        if group is None:
            message = f"no group '{r.group}' in the comparison{did_you_mean(r.group, conflicts)}"
        elif not group.is_conflict:
            message = (
                f"group '{r.group}' is now a{'n' if group.relation[0] in 'aeiou' else ''} {group.relation}, "
                "not a conflict: remove this resolution, or update it with the claims it explains"
            )
        else:
            ids = {m.claim.id for m in group.members}
            strangers = [c for c in r.erroneous if c not in ids]
            if strangers:
                # A look-alike of a member's ID (a Cyrillic letter) is named by its code points.
                named = ", ".join(f"'{c}'{did_you_mean(c, sorted(ids))}" for c in strangers)
                message = f"erroneous claim(s) {named} are not in group '{r.group}'"
            elif r.status == "outlet-error" and not r.erroneous:
                message = "status outlet-error needs `erroneous`: the IDs of the wrong claims"
        if message:
            found.append(problem(RESOLUTIONS, r.line, r.column, "resolution-stale", message))
    return found
