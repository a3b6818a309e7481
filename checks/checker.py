"""The checker: runs every check over a registry root and collects the problems.

Flow: vocabulary → sources (pins, bodies) → claims files (YAML, schema) → per claim: references,
quote, figure. Nothing here prints or exits; `checks.cli` reports and decides the exit status.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import quantity
from .cache import Cache, decode, digest, encode, program_key
from .claims import Claim, ClaimsFile, find_claims_files, read_claims_file
from .compare import Group, compare
from .fastyaml import LazyTree, ProxyNode
from .files import Refusal, read_bytes
from .problems import Problem, Severity, problem
from .quotes import (
    MAX_CLOSEST_SEARCHES,
    MAX_FIGURE_CHARS,
    MAX_QUOTE_CHARS,
    MIN_QUOTE_LENGTH,
    Place,
    canonical,
)
from .resolutions import RESOLUTIONS, Resolution, check_resolutions, load_resolutions
from .schemas import did_you_mean
from .sources import INDEX, Source, load_sources
from .times import parse_as_of
from .vocabulary import VOCABULARY, Vocabulary, load_vocabulary
from .whole_figure import whole_figure_problem
from .yamlfile import Node


@dataclass
class CheckResult:
    root: Path
    sources: dict[str, Source]
    vocabulary: Vocabulary
    claims: list[Claim]
    problems: list[Problem]
    # Parsed registry files by relative path (None when unparseable), for locating problems.
    files: dict[str, Node | None] = field(default_factory=dict)
    # Where each verified claim's quote is in its article.
    places: dict[str, Place] = field(default_factory=dict)
    # The quantity read from each claim's figure.
    quantities: dict[str, quantity.Quantity] = field(default_factory=dict)
    # The comparison of the figures (checks.compare), with the editors' resolutions applied: see
    # `groups`, computed on first use (`claims check` compares only what the resolutions name).
    computed_groups: list[Group] | None = None
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    # Closest-passage searches still allowed in this run: a bound on the work hundreds of near-miss
    # quotes can cause, counted (not timed) so that the output stays deterministic. None while one
    # file is checked on its own (a cache entry, a worker process): a quote not found then sends the
    # file back to be checked in order, in the run.
    closest_searches_left: int | None = MAX_CLOSEST_SEARCHES
    # Claims files whose results came from .claims_cache/ (checks.cache) in this run.
    cache_hits: int = 0

    @property
    def groups(self) -> list[Group]:
        if self.computed_groups is None:
            self.computed_groups = compare(self, self.resolutions)
        return self.computed_groups

    @groups.setter
    def groups(self, groups: list[Group]) -> None:
        self.computed_groups = groups

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def check(root: Path, use_cache: bool = True, jobs: int | None = None) -> CheckResult:
    """Check the registry at `root`. `use_cache`: reuse and store per-file results in .claims_cache/
    (checks.cache); `jobs`: processes for the files not cached (None: as many as pays, see `_jobs`)."""
    # The registry builds millions of small objects and frees none of them until the end: the
    # cyclic garbage collector would rescan them again and again for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(root, use_cache, jobs)
    finally:
        if enabled:
            gc.enable()


def _check(root: Path, use_cache: bool, jobs: int | None) -> CheckResult:
    root = root.resolve()
    vocabulary = load_vocabulary(root)
    index = load_sources(root)
    problems = [*vocabulary.problems, *index.problems]
    files: dict[str, Node | None] = {VOCABULARY: vocabulary.node, INDEX: index.node}
    claims: list[Claim] = []
    claims_paths, not_followed = find_claims_files(root)
    problems.extend(not_followed)
    result = CheckResult(root, index.sources, vocabulary, claims, problems, files)

    # Each claims file is checked on its own (parse, schema, every claim's references, quote and
    # figure); what spans files (duplicate IDs, comparison, resolutions) comes after, from all of them.
    store = Cache(root, enabled=use_cache)
    base = digest(program_key(), vocabulary.data, index.data)
    contents = [(rel, read_bytes(root, rel)) for rel in claims_paths]
    keys = [digest(base, data) if isinstance(data, bytes) else None for _, data in contents]
    outcomes: list[_FileChecked | None] = []
    for (rel, data), key in zip(contents, keys):
        entry = store.get(key) if key is not None else None
        ok = entry is not None and _deps_hold(entry, index.sources)
        outcomes.append(_decode(entry, rel, data) if ok and entry is not None else None)
    missing = [n for n, outcome in enumerate(outcomes) if outcome is None]
    for n, outcome in zip(missing, _check_files([contents[n] for n in missing], root, result, jobs)):
        outcomes[n] = outcome
        key = keys[n]
        if outcome is not None and key is not None and store.enabled:
            store.put(key, _encode(outcome))
    for (rel, data), outcome in zip(contents, outcomes):
        if outcome is None:
            # A quote not found needs the run's closest-passage budget: checked here, in file order,
            # as if nothing were cached.
            outcome = _file_checked(root, rel, data, result, budget=True)
            assert outcome is not None
        files[rel] = outcome.parsed.node
        claims.extend(outcome.parsed.claims)
        problems.extend(outcome.problems)
        result.places.update(outcome.places)
        result.quantities.update(outcome.quantities)
    del contents, outcomes
    result.cache_hits = store.hits

    seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in seen:
            first = seen[claim.id]
            line, col = claim.at("id")
            problems.append(
                problem(
                    claim.path,
                    line,
                    col,
                    "duplicate-id",
                    f"claim ID '{claim.id}' is already used at {first.path}:{first.line}; give this claim a new ID",
                )
            )
        else:
            seen[claim.id] = claim
    resolutions = load_resolutions(root)
    files[RESOLUTIONS] = resolutions.node
    problems.extend(resolutions.problems)
    result.resolutions = resolutions.by_group
    problems.extend(check_resolutions(resolutions, _groups_named(result, resolutions.by_group)))
    problems.sort(key=Problem.sort_key)
    return result


def _groups_named(result: CheckResult, resolutions: dict[str, Resolution]) -> list[Group]:
    """The groups of the things the resolutions name, compared alone (a thing's groups depend only on
    its own claims); all groups when a resolution names no group of those (its message then suggests
    the closest of all conflicts)."""
    things = set()
    for key in resolutions:
        subject, _, prop = re.sub(r"\[[^\]]*\]$", "", key.partition("@")[0]).partition("/")
        things.add((subject, prop))
    named = [c for c in result.claims if (c.subject, c.property) in things]
    groups = compare(replace(result, claims=named, computed_groups=None), resolutions)
    keys = {g.key for g in groups}
    return groups if all(key in keys for key in resolutions) else result.groups


def _no_claims(parsed: ClaimsFile) -> list[Problem]:
    if parsed.fast and parsed.claims:  # valid, so every item of the list is a claim
        return []  # read by the fast path, and not empty: ask no position
    items = parsed.node.get("claims") if parsed.node is not None else None
    if items is not None and items.value == []:
        return [problem(parsed.path, items.line, items.column, "no-claims", "this file holds no claims")]
    return []


# --- one claims file, as a record that can be cached or sent between processes ----------------------


class _NeedsBudget(Exception):
    """A quote was not found: its message depends on the run's closest-passage budget."""


@dataclass
class _FileChecked:
    """Everything one claims file yields on its own."""

    parsed: ClaimsFile
    problems: list[Problem]
    places: dict[str, Place]
    quantities: dict[str, quantity.Quantity]
    deps: list[list[Any]]  # [source id, present, usable, sha256 of its bytes] for each source cited


def _file_checked(
    root: Path, rel: str, data: bytes | Refusal, result: CheckResult, budget: bool = False
) -> _FileChecked | None:
    """Check one claims file on its own; None when a quote is not found and `budget` is off."""
    parsed = read_claims_file(root, rel, data)
    scratch = CheckResult(
        root,
        result.sources,
        result.vocabulary,
        parsed.claims,
        [],
        closest_searches_left=result.closest_searches_left if budget else None,
    )
    found = [*parsed.problems, *_no_claims(parsed)]
    try:
        for claim in parsed.claims:
            found.extend(_check_claim(claim, scratch))
    except _NeedsBudget:
        return None
    if budget:
        result.closest_searches_left = scratch.closest_searches_left
    for sid in {c.source for c in parsed.claims}:
        s = result.sources.get(sid)
        if s is not None and s.usable and "body" in s.__dict__:  # a Body built (cached_property)
            s.body.forget_positions()
    deps = []
    for sid in sorted({c.source for c in parsed.claims}):
        s = result.sources.get(sid)
        deps.append([sid, s is not None, s is not None and s.usable, s.digest if s is not None else None])
    return _FileChecked(parsed, found, scratch.places, scratch.quantities, deps)


def _encode(checked: _FileChecked) -> dict[str, Any]:
    """As JSON data, for the cache and for sending between processes."""
    parsed = checked.parsed
    return {
        "parsed": parsed.node is not None,
        "fast": parsed.fast,
        "problems": [[p.path, p.line, p.column, p.code, p.message] for p in checked.problems],
        "claims": [
            [c.position, c.id, c.source, c.quote, c.subject, c.property, c.as_written, c.unit]
            + [c.as_of, c.as_of_text, c.occurrence, c.note]
            for c in parsed.claims
        ],
        "places": [[cid, p.line, p.column, p.end_line, p.end_column] for cid, p in checked.places.items()],
        "quantities": [[cid, encode(q)] for cid, q in checked.quantities.items()],
        "deps": checked.deps,
    }


_CLASSES: dict[str, type] = {"Quantity": quantity.Quantity}


def _deps_hold(entry: dict[str, Any], sources: dict[str, Source]) -> bool:
    """The articles the entry's claims cite are as they were when it was made."""
    try:
        for sid, present, usable, sha in entry["deps"]:
            s = sources.get(sid)
            now = [s is not None, s is not None and s.usable, s.digest if s is not None else None]
            if now != [present, usable, sha]:
                return False
    except (KeyError, TypeError, ValueError):
        return False
    return True


# A figure's quantity is a pure function of its text (checks.quantity): one object per distinct text.
_QUANTITIES: dict[str, quantity.Quantity] = {}


def _quantity(data: Any) -> quantity.Quantity:
    text = data["fields"]["text"]
    known = _QUANTITIES.get(text) if isinstance(text, str) else None
    if known is None:
        known = decode(data, _CLASSES)
        if not isinstance(known, quantity.Quantity):
            raise ValueError("not a quantity")
        if len(_QUANTITIES) < 65536:
            _QUANTITIES[text] = known
    return known


def _decode(record: dict[str, Any], rel: str, data: bytes | Refusal) -> _FileChecked | None:
    """The inverse of `_encode`, with positions on demand from the file's bytes; None if it does not fit."""
    try:
        tree = LazyTree(data, rel, strict=bool(record["fast"])) if isinstance(data, bytes) else None
        claims = [
            Claim(
                cid,
                sys.intern(source),
                quote,
                sys.intern(subject),
                sys.intern(prop),
                as_written,
                sys.intern(unit),
                rel,
                ProxyNode(tree, ("claims", n)) if tree is not None else None,  # type: ignore[arg-type]
                as_of,
                as_of_text,
                occurrence,
                note,
                n,
            )
            for n, cid, source, quote, subject, prop, as_written, unit, as_of, as_of_text, occurrence, note in record[
                "claims"
            ]
        ]
        found = [
            problem(path, line, col, code, message) for path, line, col, code, message in record["problems"]
        ]
        places = {cid: Place(a, b, c, d) for cid, a, b, c, d in record["places"]}
        quantities = {cid: _quantity(q) for cid, q in record["quantities"]}
        node = ProxyNode(tree, ()) if record["parsed"] and tree is not None else None
        parsed = ClaimsFile(rel, claims, [], node, fast=bool(record["fast"]))
        return _FileChecked(parsed, found, places, quantities, record["deps"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


# --- both cores -------------------------------------------------------------------------------------

# Below this many bytes of claims files to check, a second process costs more than it saves (measured
# with benchmarks/run.py on a 2-core machine: README, "Speed").
PARALLEL_MIN_BYTES = 2_000_000
_WORKER: tuple[Path, CheckResult] | None = None


def _jobs(jobs: int | None, size: int) -> int:
    if jobs is not None:
        return max(1, jobs)
    env = os.environ.get("CLAIMS_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if size < PARALLEL_MIN_BYTES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 8)


def _check_files(
    contents: list[tuple[str, bytes | Refusal]], root: Path, result: CheckResult, jobs: int | None
) -> list[_FileChecked | None]:
    size = sum(len(data) for _, data in contents if isinstance(data, bytes))
    processes = _jobs(jobs, size)
    if processes == 1 or len(contents) < 2:
        return [_file_checked(root, rel, data, result) for rel, data in contents]
    global _WORKER
    # Forked workers share the sources and vocabulary already loaded (copy on write); each checks
    # whole files and sends back their records, the same JSON data the cache holds.
    _WORKER = (root, result)
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            # In order, decoded as they arrive: a record is dropped as soon as it is decoded.
            chunk = max(1, min(64, len(contents) // (processes * 4)))
            records = pool.imap(_worker, contents, chunksize=chunk)
            return [
                None if record is None else _decode(record, rel, data)
                for (rel, data), record in zip(contents, records)
            ]
    finally:
        _WORKER = None


def _worker(item: tuple[str, bytes | Refusal]) -> dict[str, Any] | None:
    assert _WORKER is not None
    root, result = _WORKER
    checked = _file_checked(root, item[0], item[1], result)
    return None if checked is None else _encode(checked)


# Reports a problem at a field of the claim: add(field, code, message).
Add = Callable[[str, str, str], None]


def _check_claim(claim: Claim, result: CheckResult) -> list[Problem]:
    found: list[Problem] = []

    def add(key: str, code: str, message: str) -> None:
        line, col = claim.at(key)
        found.append(problem(claim.path, line, col, code, message))

    vocabulary = result.vocabulary
    if vocabulary.loaded:
        for key, table, code in (
            ("subject", vocabulary.subjects, "unknown-subject"),
            ("property", vocabulary.properties, "unknown-property"),
            ("unit", vocabulary.units, "unknown-unit"),
        ):
            value = getattr(claim, key)
            if value not in table:
                add(key, code, f"{key} '{value}' is not in the vocabulary{did_you_mean(value, table)}")

    if claim.as_of is not None:
        try:
            parse_as_of(claim.as_of)
        except ValueError as exc:
            add("as_of", "invalid-value", f"as_of '{claim.as_of}' names no time ({exc}); e.g. '2021-Q3'")

    if len(claim.quote) > MAX_QUOTE_CHARS or len(claim.as_written) > MAX_FIGURE_CHARS:
        return found  # the schema refuses it (maxLength); searching it would only cost time

    figure_ok = _check_inside_quote(claim, add)
    if figure_ok:
        _check_figure(claim, result, add)

    source = result.sources.get(claim.source)
    if source is None:
        add(
            "source",
            "unknown-source",
            f"source '{claim.source}' is not in {INDEX}{did_you_mean(claim.source, result.sources)}",
        )
        return found
    quote = canonical(claim.quote)
    if len(quote) < MIN_QUOTE_LENGTH:
        what = "empty" if not quote else f"only {len(quote)} characters"
        add(
            "quote",
            "quote-too-short",
            f"the quote is {what}; quote at least {MIN_QUOTE_LENGTH} characters of the sentence that states the figure",
        )
        return found
    if not source.usable:
        add(
            "source",
            "source-unusable",
            f"cannot verify the quote: source '{source.id}' failed its own checks (see {INDEX})",
        )
        return found
    places = source.body.occurrences(quote)
    if not places:
        add("quote", "quote-not-found", _not_found(claim, source, result))
        return found
    if claim.occurrence is not None and claim.occurrence > len(places):
        add(
            "occurrence",
            "occurrence-out-of-range",
            f"occurrence {claim.occurrence} asked, but the quote occurs {len(places)} time(s) in {source.file}",
        )
        return found
    if claim.occurrence is None and len(places) > 1:
        where = ", ".join(f"{n}: line {p.line}" for n, p in enumerate(places, 1))
        add(
            "quote",
            "quote-ambiguous",
            f"the quote occurs {len(places)} times in {source.file} ({where}); lengthen it until it is unique, "
            "or add `occurrence: N` for the one meant",
        )
        return found
    result.places[claim.id] = places[(claim.occurrence or 1) - 1]
    return found


def _check_inside_quote(claim: Claim, add: Add) -> bool:
    quote = canonical(claim.quote)
    ok = True
    figure = canonical(claim.as_written)
    if figure not in quote:
        add(
            "as_written",
            "figure-not-in-quote",
            f"the figure '{claim.as_written}' does not occur in the quote; copy it from the quote exactly as printed",
        )
        ok = False
    elif (partial := whole_figure_problem(quote, figure, claim.unit)) is not None:
        add("as_written", "figure-not-in-quote", partial)
        ok = False
    if claim.as_of_text is not None and canonical(claim.as_of_text) not in quote:
        add(
            "as_of_text",
            "time-not-in-quote",
            f"as_of_text '{claim.as_of_text}' does not occur in the quote; copy the time words from the quote",
        )
    return ok


# Figures repeat across claims (20명, 3조6000억 원); reading one is pure and its Quantity immutable.
_read_figure = lru_cache(maxsize=65536)(quantity.read_quantity)


def _check_figure(claim: Claim, result: CheckResult, add: Add) -> None:
    try:
        read = _read_figure(unicodedata.normalize("NFC", claim.as_written))
    except quantity.NotAFigure as exc:
        add("as_written", "figure-unreadable", f"cannot read '{claim.as_written}' as a figure: {exc.message}")
        return
    if read.unit != claim.unit:
        add(
            "unit",
            "unit-mismatch",
            f"the figure '{claim.as_written}' is in {read.unit or 'no unit'}, but the claim says unit '{claim.unit}'",
        )
        return
    result.quantities[claim.id] = read


def _not_found(claim: Claim, source: Source, result: CheckResult) -> str:
    head = f"the quote does not occur in the body of {source.id} ({source.file})"
    if result.closest_searches_left is None:
        raise _NeedsBudget
    if result.closest_searches_left <= 0:
        return head + (
            f"; the closest passage is not searched for beyond the first {MAX_CLOSEST_SEARCHES} quotes not "
            "found in one run: fix those first"
        )
    result.closest_searches_left -= 1
    mismatch = source.body.closest(claim.quote)
    if mismatch is None:
        return head + "; nothing in the article resembles it: check `source`"
    p = mismatch.place
    shown = mismatch.differences[:3]
    more = len(mismatch.differences) - len(shown)
    differs = "; ".join(d.describe() for d in shown) + (f"; and {more} more" if more > 0 else "")
    if mismatch.partial:
        differs += " (the quote is long: only the part around its first difference was compared)"
    return (
        f"{head}. Closest passage, {source.file}:{p.line}:{p.column}: «{mismatch.passage}». "
        f"It differs {differs}. The article's own spelling wins: copy it exactly, typos included"
    )
