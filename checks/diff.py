"""What a change does to the registry: two roots of it (the base, e.g. the target branch of a pull
request, and the head) compared claim by claim, group by group, resolution by resolution.

Both roots are checked with the same rules (this checker and its schemas), so the diff shows what
the change does to the registry, not what a change of the tool would do. Everything is sorted by
claim ID or group key: the same two registries give the same bytes on any machine.

A conflict is *new* when the head has an open conflict (a contradiction or discrepancy without a
resolution that settles it) at a group key where the base had none, or a contradiction where the
base had only a discrepancy. `claims diff` exits 1 when the change introduces one.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from . import exactjson
from .checker import CheckResult, check
from .claims import Claim
from .problems import Severity
from .quotes import canonical
from .report import md, table
from .resolutions import Resolution, load_resolutions
from .sources import INDEX
from .vocabulary import Term

# The fields of a claim, in the order the schema lists them; `file` is where the claim is written.
CLAIM_FIELDS = (
    "file",
    "source",
    "quote",
    "occurrence",
    "subject",
    "property",
    "as_written",
    "unit",
    "as_of",
    "as_of_text",
    "note",
)
# The fields of a source (schema/sources.schema.json's order). A change to a source changes what its
# claims are checked against (its pin, body bounds) or how their dates are read (`published`): the
# reviewer must see it, not only the relations it moves.
SOURCE_FIELDS = (
    "file",
    "sha256",
    "outlet",
    "outlet_evidence",
    "outlet_note",
    "headline",
    "published",
    "published_evidence",
    "published_note",
    "reporter",
    "url",
    "body",
)
_SEVERITY = {"discrepancy": 1, "contradiction": 2}


class NotARegistry(Exception):
    """A root that cannot be checked at all (not a folder, or no sources index in it)."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class ClaimChange:
    id: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class SourceChange:
    id: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RelationChange:
    key: str
    before: str | None  # None: no such group on that side
    after: str | None


@dataclass(frozen=True)
class Conflict:
    key: str
    relation: str
    explanation: str


@dataclass(frozen=True)
class Regrouped:
    """A conflict on both sides whose claims changed: a claim joined it or left it. Its relation
    may be the same (so it is not a *new* conflict), but a resolution written about the old members
    says nothing about the new ones: the reviewer must read it again."""

    key: str
    relation: str  # on the changed side
    resolution: str | None  # the changed side's resolution status (explained, outlet-error, open)
    joined: tuple[str, ...]  # claim IDs
    left: tuple[str, ...]


@dataclass(frozen=True)
class ResolutionChange:
    group: str
    before: Resolution | None
    after: Resolution | None


@dataclass(frozen=True)
class SkipChange:
    """A skip (claims/skips.yaml) added, gone, or given another reason or note."""

    source: str
    figure: str
    quote: str
    before: tuple[str, str] | None  # (reason, note); None: no such skip on that side
    after: tuple[str, str] | None


@dataclass(frozen=True)
class TermChange:
    """A vocabulary term (schema/vocabulary.yaml) added, gone, or relabelled. A property's
    `changes_over_time` decides how its undated claims are compared (README, "Comparison"): a flip
    regroups every claim of it, and the reviewer must see the cause with the relations it moves."""

    section: str  # subjects, properties, units
    key: str
    before: Term | None  # None: no such term on that side
    after: Term | None


@dataclass(frozen=True)
class Health:
    """How cleanly one side checked: claims with errors are left out of its comparison."""

    errors: int
    warnings: int


@dataclass
class Diff:
    base: Health
    head: Health
    claims_before: int
    claims_after: int
    added: list[ClaimRecord] = field(default_factory=list)
    removed: list[ClaimRecord] = field(default_factory=list)
    changed: list[ClaimChange] = field(default_factory=list)
    sources_before: int = 0
    sources_after: int = 0
    sources_added: list[dict[str, object]] = field(default_factory=list)  # entries as written
    sources_removed: list[dict[str, object]] = field(default_factory=list)
    sources_changed: list[SourceChange] = field(default_factory=list)
    relations: list[RelationChange] = field(default_factory=list)
    new_conflicts: list[Conflict] = field(default_factory=list)
    closed_conflicts: list[Conflict] = field(default_factory=list)
    regrouped: list[Regrouped] = field(default_factory=list)
    resolutions: list[ResolutionChange] = field(default_factory=list)
    skips: list[SkipChange] = field(default_factory=list)
    vocabulary: list[TermChange] = field(default_factory=list)
    coverage: tuple[CoverageCounts, CoverageCounts] | None = None  # before, after

    @property
    def introduces_conflict(self) -> bool:
        return bool(self.new_conflicts)


def check_root(root: Path, label: str) -> CheckResult:
    """Check one side; refuse (NotARegistry) a root that is no registry at all. `label` names the
    side in the message, e.g. `--base ../main`."""
    if not root.is_dir():
        raise NotARegistry(f"{label}: {'not a directory' if root.exists() else 'no such directory'}")
    # Something at the index's place makes it a registry, even a link or a device there: the check
    # refuses that with a located problem (checks.files), and the diff exits 1, as `claims check` does;
    # so does a linked seeds/ folder, whatever lies behind it.
    if not (os.path.lexists(root / INDEX) or os.path.islink(root / os.path.dirname(INDEX))):
        raise NotARegistry(f"{label}: not a registry root (it has no {INDEX})")
    return check(root)


def _health(result: CheckResult) -> Health:
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    return Health(errors, len(result.problems) - errors)


def claim_fields(claim: Claim | ClaimRecord) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(claim, name, None) for name in CLAIM_FIELDS if name != "file"}
    values["file"] = claim.path
    return values


@dataclass(frozen=True)
class ClaimRecord:
    """A claim as the diff shows it: its ID and its fields as written (CLAIM_FIELDS; `path` is its file)."""

    id: str
    path: str
    source: str
    quote: str
    occurrence: int | None
    subject: str
    property: str
    as_written: str
    unit: str
    as_of: str | None
    as_of_text: str | None
    note: str | None


_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(ClaimRecord))


@dataclass(frozen=True)
class GroupInfo:
    """What the diff reads of one group."""

    relation: str
    is_conflict: bool
    open: bool  # a conflict without a resolution that settles it
    explanation: str
    resolution: str | None  # its resolution's status
    members: bytes  # its claims' IDs, sorted, marshalled and compressed


@dataclass
class Side:
    """Everything the diff reads of one checked registry, and nothing more: `claims diff` checks one
    side, keeps this, lets the check go, and checks the other (issue 11: two checked registries of
    100,000 claims held at once took over a gigabyte). The claims and the sources index's entries,
    the bulk of it, are kept marshalled and compressed until the two sides are compared."""

    health: Health
    claim_count: int
    claims: bytes  # [[ID, *fields]], the first claim of each ID, as `_RECORD_FIELDS`
    entries: bytes  # the sources index's entries by ID (`_entries`)
    groups: dict[str, GroupInfo]
    resolutions: dict[str, Resolution]
    skips: dict[tuple[str, str, str, int], tuple[str, str]]
    vocabulary: dict[str, dict[str, Term]]
    coverage: CoverageCounts | None

    def claims_by_id(self) -> dict[str, ClaimRecord]:
        return {values[0]: ClaimRecord(*values) for values in marshal.loads(zlib.decompress(self.claims))}

    def entries_by_id(self) -> dict[str, dict[str, object]]:
        return marshal.loads(zlib.decompress(self.entries))  # type: ignore[no-any-return]


def _pack(data: object) -> bytes:
    return zlib.compress(marshal.dumps(data), 1)


def side(result: CheckResult | Side) -> Side:
    """What the diff needs of a checked registry (see `Side`)."""
    if isinstance(result, Side):
        return result
    seen: set[str] = set()
    claims = []
    for claim in result.claims:
        if claim.id not in seen:  # a duplicate ID is the checker's error; the first one counts
            seen.add(claim.id)
            claims.append([getattr(claim, name) for name in _RECORD_FIELDS])
    groups = {
        g.key: GroupInfo(
            g.relation,
            g.is_conflict,
            g.is_conflict and not (g.resolution is not None and g.resolution.resolved),
            g.explanation,
            g.resolution.status if g.resolution is not None else None,
            _pack(sorted(m.claim.id for m in g.members)),
        )
        for g in result.groups
    }
    return Side(
        _health(result),
        len(result.claims),
        _pack(claims),
        _pack(_entries(result)),
        groups,
        _resolutions(result),
        _skips(result),
        {
            section: dict(getattr(result.vocabulary, section))
            for section in ("subjects", "properties", "units")
        },
        coverage_counts(result),
    )


def _resolutions(result: CheckResult) -> dict[str, Resolution]:
    return {g.key: g.resolution for g in result.groups if g.resolution is not None} | _stale(result)


def _stale(result: CheckResult) -> dict[str, Resolution]:
    # Resolutions naming no group are not attached to one; read them back from the checked file.
    keys = {g.key for g in result.groups}
    return {k: r for k, r in load_resolutions(result.root).by_group.items() if k not in keys}


def diff(base: CheckResult | Side, head: CheckResult | Side) -> Diff:
    base, head = side(base), side(head)
    out = Diff(base.health, head.health, base.claim_count, head.claim_count)
    before, after = base.claims_by_id(), head.claims_by_id()
    out.added = [after[i] for i in sorted(after.keys() - before.keys())]
    out.removed = [before[i] for i in sorted(before.keys() - after.keys())]
    for claim_id in sorted(before.keys() & after.keys()):
        old, new = claim_fields(before[claim_id]), claim_fields(after[claim_id])
        changes = tuple(FieldChange(f, old[f], new[f]) for f in CLAIM_FIELDS if old[f] != new[f])
        if changes:
            out.changed.append(ClaimChange(claim_id, changes))
    del before, after

    _diff_sources(out, base.entries_by_id(), head.entries_by_id())

    for key in sorted(base.groups.keys() | head.groups.keys()):
        was, now = base.groups.get(key), head.groups.get(key)
        if (was and was.relation) != (now and now.relation):
            out.relations.append(RelationChange(key, was and was.relation, now and now.relation))

    open_before = {k: g for k, g in base.groups.items() if g.open}
    open_after = {k: g for k, g in head.groups.items() if g.open}
    for key in sorted(open_after):
        g = open_after[key]
        had = open_before.get(key)
        if had is None or _SEVERITY[g.relation] > _SEVERITY[had.relation]:
            out.new_conflicts.append(Conflict(key, g.relation, g.explanation))
    for key in sorted(open_before.keys() - open_after.keys()):
        g = open_before[key]
        out.closed_conflicts.append(Conflict(key, g.relation, g.explanation))

    out.regrouped = regrouped(base.groups, head.groups)

    res_before, res_after = base.resolutions, head.resolutions
    for key in sorted(res_before.keys() | res_after.keys()):
        old_r, new_r = res_before.get(key), res_after.get(key)
        if _resolution_text(old_r) != _resolution_text(new_r):
            out.resolutions.append(ResolutionChange(key, old_r, new_r))

    skips_before, skips_after = base.skips, head.skips
    for key in sorted(skips_before.keys() | skips_after.keys()):
        old_s, new_s = skips_before.get(key), skips_after.get(key)
        if old_s != new_s:
            out.skips.append(SkipChange(key[0], key[2], key[1], old_s, new_s))

    for section in ("subjects", "properties", "units"):
        old_terms, new_terms = base.vocabulary[section], head.vocabulary[section]
        for key in sorted(old_terms.keys() | new_terms.keys()):
            if old_terms.get(key) != new_terms.get(key):
                out.vocabulary.append(TermChange(section, key, old_terms.get(key), new_terms.get(key)))

    out.coverage = coverage_before_after(base, head)
    return out


def _entries(result: CheckResult) -> dict[str, dict[str, object]]:
    """The sources index's entries by ID, as written (those the checker could read as sources)."""
    entries = {}
    for source_id, source in result.sources.items():
        entry = source.node.plain()
        if isinstance(entry, dict):
            entries[source_id] = {k: v for k, v in entry.items() if k != "id"}
    return entries


def _diff_sources(
    out: Diff, before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]
) -> None:
    out.sources_before, out.sources_after = len(before), len(after)
    out.sources_added = [{"id": i, **after[i]} for i in sorted(after.keys() - before.keys())]
    out.sources_removed = [{"id": i, **before[i]} for i in sorted(before.keys() - after.keys())]
    for source_id in sorted(before.keys() & after.keys()):
        old, new = before[source_id], after[source_id]
        names = [*SOURCE_FIELDS, *sorted((old.keys() | new.keys()) - set(SOURCE_FIELDS))]
        changes = tuple(FieldChange(f, old.get(f), new.get(f)) for f in names if old.get(f) != new.get(f))
        if changes:
            out.sources_changed.append(SourceChange(source_id, changes))


def regrouped(before: dict[str, GroupInfo], after: dict[str, GroupInfo]) -> list[Regrouped]:
    """Conflicts, on either side, whose group is on both sides with other claims in it."""
    out = []
    for key in sorted(after):
        g, was = after[key], before.get(key)
        if was is None or not (g.is_conflict or was.is_conflict) or g.members == was.members:
            continue
        ids_before = set(marshal.loads(zlib.decompress(was.members)))
        ids_after = set(marshal.loads(zlib.decompress(g.members)))
        if ids_before != ids_after:
            joined, left = tuple(sorted(ids_after - ids_before)), tuple(sorted(ids_before - ids_after))
            out.append(Regrouped(key, g.relation, g.resolution, joined, left))
    return out


def _skips(result: CheckResult) -> dict[tuple[str, str, str, int], tuple[str, str]]:
    """Skips by what they skip (source, quote, figure, occurrence): their reason and note."""
    by_key: dict[tuple[str, str, str, int], tuple[str, str]] = {}
    for skip in result.skips:
        key = (skip.source, canonical(skip.quote), skip.figure, skip.occurrence or 1)
        by_key.setdefault(key, (skip.reason, skip.note))  # a duplicate is the checker's skip-duplicate
    return by_key


def _resolution_text(r: Resolution | None) -> tuple[str, str, tuple[str, ...]] | None:
    # Where a resolution is written (its line) is not part of what it says.
    return None if r is None else (r.status, r.note, r.erroneous)


@dataclass(frozen=True)
class CoverageCounts:
    """How many figures and dates of the article bodies are claimed, skipped or uncovered (one side)."""

    total: int
    claimed: int
    skipped: int
    uncovered: int
    complete: bool  # False when the side has errors: its unplaced claims cover nothing yet


def coverage_counts(result: CheckResult) -> CoverageCounts:
    from .coverage import coverage

    cov = coverage(result, lean=True)
    return CoverageCounts(
        cov.total, cov.count("claimed"), cov.count("skipped"), cov.count("uncovered"), not result.failed
    )


def coverage_before_after(base: Side, head: Side) -> tuple[CoverageCounts, CoverageCounts] | None:
    """Coverage of the article bodies by claims and skips (`claims coverage`), before and after."""
    if base.coverage is None or head.coverage is None:
        return None
    return base.coverage, head.coverage


# --- markdown ----------------------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and {"first_line", "last_line"} <= value.keys():  # a source's body bounds
        value = _lines(value) + "".join(
            f"; omit {_lines(o)}" + (f" ({o['what']})" if o.get("what") else "")
            for o in value.get("omit") or []
            if isinstance(o, dict)
        )
    elif isinstance(value, (dict, list)):
        value = exactjson.dumps(value, indent=None)
    return md(str(value)) or "(empty)"


def _lines(bounds: dict[str, object]) -> str:
    return f"lines {bounds.get('first_line')}-{bounds.get('last_line')}"


_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/@\[\]…-]*")


def code_span(text: str) -> str:
    """A claim ID or group key as code. Only the characters keys are made of go between backticks
    (a `|` would split a table cell even inside a code span); anything else is escaped as text."""
    return f"`{text}`" if _KEY.fullmatch(text) else md(text)


def _health_note(side: str, h: Health) -> str:
    if not h.errors and not h.warnings:
        return ""
    left_out = " Claims with errors are left out of its comparison." if h.errors else ""
    return (
        f"> **The {side} registry has {_plural(h.errors, 'error')} and {_plural(h.warnings, 'warning')}** "
        f"(see `claims check`).{left_out}\n\n"
    )


def _summary_line(d: Diff) -> str:
    sources = []
    if d.sources_added or d.sources_removed or d.sources_changed:
        sources.append(
            f"sources {d.sources_before} → {d.sources_after} (+{len(d.sources_added)} added, "
            f"−{len(d.sources_removed)} removed, {len(d.sources_changed)} changed)"
        )
    parts = [
        *sources,
        (
            f"claims {d.claims_before} → {d.claims_after} "
            f"(+{len(d.added)} added, −{len(d.removed)} removed, {len(d.changed)} changed)"
        ),
        f"{_plural(len(d.relations), 'group')} changed relation",
        f"**{_plural(len(d.new_conflicts), 'new open conflict')}**",
        f"{_plural(len(d.closed_conflicts), 'open conflict')} closed",
        f"{_plural(len(d.resolutions), 'resolution')} added, changed or gone",
        f"{_plural(len(d.skips), 'skip')} added, changed or gone",
    ]
    if d.vocabulary:
        parts.append(f"{_plural(len(d.vocabulary), 'vocabulary term')} added, changed or gone")
    if d.coverage is not None and d.coverage[1].uncovered != d.coverage[0].uncovered:
        # Coverage must stay complete (pytest fails while a figure is uncovered): a reviewer reading
        # only this line must not miss a claim removed without a skip, or an article left half done.
        before, after = d.coverage[0].uncovered, d.coverage[1].uncovered
        parts.append(f"**{after} uncovered figure(s) and date(s)** (before: {before}; see *Coverage*)")
    return "; ".join(parts) + ".\n\n"


def _claims_table(claims: list[ClaimRecord]) -> str:
    rows = [
        [
            code_span(c.id),
            md(c.path),
            md(c.subject),
            md(c.property),
            md(c.as_written),
            md(c.unit),
            _value(c.as_of),
        ]
        for c in claims
    ]
    return table(["claim", "file", "subject", "property", "figure as written", "unit", "as of"], rows)


def _sources_table(entries: list[dict[str, object]]) -> str:
    rows = [
        [code_span(str(e["id"])), _value(e.get("file")), _value(e.get("outlet")), _value(e.get("published")),
         _value(e.get("headline"))]
        for e in entries
    ]  # fmt: skip
    return table(["source", "file", "outlet", "published", "headline"], rows)


def _changed(changes: list[ClaimChange] | list[SourceChange]) -> str:
    parts = []
    for change in changes:
        rows = []
        for fc in change.changes:
            before, after = _value(fc.before), _value(fc.after)
            if before == after:  # differs only in whitespace, which md folds
                after += " (whitespace differs)"
            rows.append([fc.field, before, after])
        parts.append(f"{code_span(change.id)}\n\n" + table(["field", "before", "after"], rows))
    return "\n".join(parts)


def _conflicts_table(conflicts: list[Conflict]) -> str:
    rows = [[code_span(c.key), c.relation, md(c.explanation)] for c in conflicts]
    return table(["group", "relation", "why"], rows)


def _relations_table(changes: list[RelationChange]) -> str:
    rows = [[code_span(c.key), c.before or "(no group)", c.after or "(no group)"] for c in changes]
    return table(["group", "before", "after"], rows)


def _regrouped_table(changes: list[Regrouped]) -> str:
    def ids(claims: tuple[str, ...]) -> str:
        return ", ".join(code_span(c) for c in claims) or "—"

    def resolution(status: str | None) -> str:
        return "none (open)" if status is None else f"**{md(status)}**: read it again"

    rows = [
        [code_span(c.key), c.relation, ids(c.joined), ids(c.left), resolution(c.resolution)] for c in changes
    ]
    return table(["group", "relation", "claims joined", "claims left", "resolution"], rows)


def _resolution_cell(r: Resolution | None) -> str:
    if r is None:
        return "(none)"
    extra = f" Erroneous: {md(', '.join(r.erroneous))}." if r.erroneous else ""
    return f"**{md(r.status)}**: {md(r.note)}{extra}"


def _resolutions_table(changes: list[ResolutionChange]) -> str:
    rows = [[code_span(c.group), _resolution_cell(c.before), _resolution_cell(c.after)] for c in changes]
    return table(["group", "before", "after"], rows)


def _coverage_table(before: CoverageCounts, after: CoverageCounts) -> str:
    def row(name: str, c: CoverageCounts) -> list[str]:
        mark = "" if c.complete else " (claims with errors not counted)"
        return [name + mark, str(c.total), str(c.claimed), str(c.skipped), str(c.uncovered)]

    def change(a: int, b: int) -> str:
        return f"{b - a:+d}" if b != a else "0"

    rows = [
        row("before", before),
        row("after", after),
        [
            "change",
            change(before.total, after.total),
            change(before.claimed, after.claimed),
            change(before.skipped, after.skipped),
            change(before.uncovered, after.uncovered),
        ],
    ]
    return table(["", "figures and dates", "claimed", "skipped", "uncovered"], rows)


def _skip_cell(value: tuple[str, str] | None) -> str:
    return "(none)" if value is None else f"**{md(value[0])}**: {md(value[1])}"


def _skips_table(changes: list[SkipChange]) -> str:
    rows = [
        [md(c.source), md(c.figure), md(c.quote), _skip_cell(c.before), _skip_cell(c.after)] for c in changes
    ]
    return table(["source", "figure", "quote", "before", "after"], rows)


def _term_cell(section: str, term: Term | None) -> str:
    if term is None:
        return "(none)"
    text = f"{md(term.ko)} ({md(term.en)})"
    if section == "properties":
        text += "; changes over time" if term.changes_over_time else "; a one-off fact"
    return text


def _vocabulary_table(changes: list[TermChange]) -> str:
    rows = [
        [c.section, code_span(c.key), _term_cell(c.section, c.before), _term_cell(c.section, c.after)]
        for c in changes
    ]
    return table(["section", "key", "before", "after"], rows)


def markdown(d: Diff) -> str:
    parts = [
        "## Claims registry: what this change does\n\n",
        _summary_line(d),
        _health_note("base", d.base),
        _health_note("changed", d.head),
        "### New open conflicts\n\n",
        _conflicts_table(d.new_conflicts) if d.new_conflicts else "None.\n",
        "\n",
    ]
    sections = (
        ("Open conflicts closed (resolved or gone)", d.closed_conflicts, _conflicts_table),
        ("Conflicts whose claims changed", d.regrouped, _regrouped_table),
        ("Claims added", d.added, _claims_table),
        ("Claims removed", d.removed, _claims_table),
        ("Claims changed", d.changed, _changed),
        ("Sources added", d.sources_added, _sources_table),
        ("Sources removed", d.sources_removed, _sources_table),
        ("Sources changed", d.sources_changed, _changed),
        ("Groups whose relation changed", d.relations, _relations_table),
        ("Resolutions added, changed or gone", d.resolutions, _resolutions_table),
        ("Skips added, changed or gone", d.skips, _skips_table),
        ("Vocabulary terms added, changed or gone", d.vocabulary, _vocabulary_table),
    )
    for title, items, render in sections:
        if items:
            parts.append(f"### {title}\n\n{render(items)}\n")  # type: ignore[operator]
    if d.coverage is not None:
        parts.append("### Coverage\n\n" + _coverage_table(*d.coverage))
    return "".join(parts).rstrip("\n") + "\n"


# --- JSON --------------------------------------------------------------------------------------------


def _resolution_json(r: Resolution | None) -> dict[str, object] | None:
    if r is None:
        return None
    return {"status": r.status, "note": r.note, "erroneous": list(r.erroneous)}


def _term_json(t: Term | None) -> dict[str, object] | None:
    return None if t is None else {"ko": t.ko, "en": t.en, "changes_over_time": t.changes_over_time}


def to_json(d: Diff) -> str:
    data = {
        "introduces_open_conflict": d.introduces_conflict,
        "problems": {
            side: {"errors": h.errors, "warnings": h.warnings}
            for side, h in (("base", d.base), ("head", d.head))
        },
        "claims": {
            "before": d.claims_before,
            "after": d.claims_after,
            "added": [claim_fields(c) | {"id": c.id} for c in d.added],
            "removed": [claim_fields(c) | {"id": c.id} for c in d.removed],
            "changed": [
                {
                    "id": c.id,
                    "fields": [{"field": f.field, "before": f.before, "after": f.after} for f in c.changes],
                }
                for c in d.changed
            ],
        },
        "sources": {
            "before": d.sources_before,
            "after": d.sources_after,
            "added": d.sources_added,
            "removed": d.sources_removed,
            "changed": [
                {
                    "id": c.id,
                    "fields": [{"field": f.field, "before": f.before, "after": f.after} for f in c.changes],
                }
                for c in d.sources_changed
            ],
        },
        "relations": [{"group": r.key, "before": r.before, "after": r.after} for r in d.relations],
        "new_open_conflicts": [
            {"group": c.key, "relation": c.relation, "explanation": c.explanation} for c in d.new_conflicts
        ],
        "closed_conflicts": [
            {"group": c.key, "relation": c.relation, "explanation": c.explanation} for c in d.closed_conflicts
        ],
        "conflicts_regrouped": [
            {
                "group": c.key,
                "relation": c.relation,
                "resolution": c.resolution,
                "joined": list(c.joined),
                "left": list(c.left),
            }
            for c in d.regrouped
        ],
        "resolutions": [
            {"group": r.group, "before": _resolution_json(r.before), "after": _resolution_json(r.after)}
            for r in d.resolutions
        ],
        "skips": [
            {
                "source": c.source,
                "figure": c.figure,
                "quote": c.quote,
                "before": None if c.before is None else {"reason": c.before[0], "note": c.before[1]},
                "after": None if c.after is None else {"reason": c.after[0], "note": c.after[1]},
            }
            for c in d.skips
        ],
        "vocabulary": [
            {
                "section": c.section,
                "key": c.key,
                "before": _term_json(c.before),
                "after": _term_json(c.after),
            }
            for c in d.vocabulary
        ],
        "coverage": None
        if d.coverage is None
        else {side: dataclasses.asdict(c) for side, c in zip(("before", "after"), d.coverage)},
    }
    return exactjson.dumps(data) + "\n"
