"""The checker: runs every check over a registry root and collects the problems.

Flow: vocabulary → sources (pins, bodies) → claims files (YAML, schema) → per claim: references,
quote, figure. Nothing here prints or exits; `checks.cli` reports and decides the exit status.
"""

from __future__ import annotations

import gc
import marshal
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from . import quantity
from .cache import Cache, decode, digest, encode, program_key
from .claims import Claim, ClaimsFile, find_claims_files, read_claims_file
from .compare import Group, compare
from .coverage import placed_claims, quote_at, skip_problems
from .dates import (
    DATE_UNIT,
    NotATime,
    TimeReading,
    find_times,
    possible_readings,
    read_date,
    read_time,
    time_in_context_problem,
    whole_date_in_article,
    whole_time_problem,
)
from .fastyaml import LazyTree, ProxyNode
from .files import Refusal
from .homoglyphs import hint_in
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
from .schemas import OVERLAY, did_you_mean, registry_bytes
from .skips import SKIPS, Skip, load_skips
from .sources import INDEX, Source, evidence_problems, load_sources
from .times import Span, month_start, parse_as_of
from .vocabulary import VOCABULARY, Vocabulary, load_vocabulary, unknown_key_message
from .whole_figure import whole_figure_in_article, whole_figure_problem, whole_figure_start
from .workers import fork_map, processes_for
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
    # The date read from each event-date claim's figure (`unit: date`), resolved against its article.
    dates: dict[str, TimeReading] = field(default_factory=dict)
    # The skips of claims/skips.yaml, and where each placed one's quote is (by the skip's index).
    skips: list[Skip] = field(default_factory=list)
    skip_places: dict[int, Place] = field(default_factory=dict)
    # What is computed from this result once and used by several readers (the report's header and the
    # pytest items both need checks.coverage's): by name.
    memo: dict[str, object] = field(default_factory=dict)
    # The comparison of the figures (checks.compare), with the editors' resolutions applied: see
    # `groups`, computed on first use (`claims check` compares only what the resolutions name).
    computed_groups: list[Group] | None = None
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    # Closest-passage searches still allowed in this run: a bound on the work hundreds of near-miss
    # quotes can cause, counted (not timed) so that the output stays deterministic. None while one
    # file is checked on its own (a cache entry, a worker process): a quote not found then sends the
    # file back to be checked in order, in the run.
    closest_searches_left: int | None = MAX_CLOSEST_SEARCHES
    # Claims files, and sources (their evidence and skips), whose results came from .claims_cache/
    # (checks.cache) in this run.
    cache_hits: int = 0
    source_cache_hits: int = 0

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
    # An edit checked before it is written (checks.editing, OVERLAY) leaves no cache entry behind.
    store = Cache(root, enabled=use_cache and OVERLAY.get() is None)
    try:
        return _check_with(root, store, jobs)
    finally:
        store.discard()  # the new pack, unless it was finished (`Cache.save`): a failed run leaves none


def _check_with(root: Path, store: Cache, jobs: int | None) -> CheckResult:
    vocabulary = load_vocabulary(root)
    index = load_sources(root, evidence=False)  # checked source by source: _check_sources
    problems = [*vocabulary.problems, *index.problems]
    files: dict[str, Node | None] = {VOCABULARY: vocabulary.node, INDEX: index.node}
    claims: list[Claim] = []
    claims_paths, not_followed = find_claims_files(root)
    problems.extend(not_followed)
    result = CheckResult(root, index.sources, vocabulary, claims, problems, files)

    # Each claims file is checked on its own (parse, schema, every claim's references, quote and
    # figure); what spans files (duplicate IDs, comparison, resolutions) comes after, from all of them.
    base = digest(program_key(), vocabulary.data, index.data)
    contents = [(rel, registry_bytes(root, rel)) for rel in claims_paths]
    # The file's path is part of the key: its problems are located in it by name (two files of the same
    # bytes shared an entry, and a warm run reported both at one path).
    keys = [digest(base, rel, data) if isinstance(data, bytes) else None for rel, data in contents]
    outcomes: list[_FileChecked | None] = []
    for (rel, data), key in zip(contents, keys):
        entry = store.get(key) if key is not None else None
        ok = entry is not None and _deps_hold(entry, index.sources)
        outcomes.append(_decode(entry, root, rel, data) if ok and entry is not None else None)
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
        result.dates.update(outcome.dates)
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
    skips = load_skips(root)
    files[SKIPS] = skips.node
    problems.extend(skips.problems)
    result.skips = skips.skips
    problems.extend(_check_sources(result, jobs, store, base))
    store.save()  # the entries used and stored, in one file (checks.cache)
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
    dates: dict[str, TimeReading]
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
    return _FileChecked(parsed, found, scratch.places, scratch.quantities, scratch.dates, deps)


def _encode(checked: _FileChecked) -> dict[str, Any]:
    """As JSON data, for the cache and for sending between processes."""
    parsed = checked.parsed
    return {
        "parsed": parsed.node is not None,
        "fast": parsed.fast,
        "problems": [[p.path, p.line, p.column, p.code, p.message] for p in checked.problems],
        "claims": [
            [c.position, c.id, c.source, c.quote, c.subject, c.property, c.as_written, c.unit]
            + [c.as_of, c.as_of_text, c.occurrence, c.note, c.figure_at]
            for c in parsed.claims
        ],
        "places": [[cid, p.line, p.column, p.end_line, p.end_column] for cid, p in checked.places.items()],
        "quantities": [[cid, encode(q)] for cid, q in checked.quantities.items()],
        "dates": [[cid, encode(d)] for cid, d in checked.dates.items()],
        "deps": checked.deps,
    }


_CLASSES: dict[str, type] = {"Quantity": quantity.Quantity}
_DATE_CLASSES: dict[str, type] = {"TimeReading": TimeReading, "Span": Span}


def _date(data: Any) -> TimeReading:
    known = decode(data, _DATE_CLASSES)
    if not isinstance(known, TimeReading):
        raise ValueError("not a time reading")  # noqa: TRY004 -- a bad cache entry: `_decode` ignores it
    return known


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


def _decode(record: dict[str, Any], root: Path, rel: str, data: bytes | Refusal) -> _FileChecked | None:
    """The inverse of `_encode`, with positions on demand from the file's bytes (read again then, unless
    the file is an edit not yet written: `OVERLAY`); None if it does not fit."""
    try:
        tree = None
        if isinstance(data, bytes):
            reread = None if OVERLAY.get() is not None else partial(registry_bytes, root, rel)
            tree = LazyTree(data, rel, strict=bool(record["fast"]), reread=reread)
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
                tuple(at) if at is not None else None,  # type: ignore[arg-type]
            )
            for n, cid, source, quote, subject, prop, as_written, unit, as_of, as_of_text, occurrence, note, at in record[
                "claims"
            ]
        ]
        found = [
            problem(path, line, col, code, message) for path, line, col, code, message in record["problems"]
        ]
        places = {cid: Place(a, b, c, d) for cid, a, b, c, d in record["places"]}
        quantities = {cid: _quantity(q) for cid, q in record["quantities"]}
        dates = {cid: _date(d) for cid, d in record["dates"]}
        node = ProxyNode(tree, ()) if record["parsed"] and tree is not None else None
        parsed = ClaimsFile(rel, claims, [], node, fast=bool(record["fast"]))
        return _FileChecked(parsed, found, places, quantities, dates, record["deps"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


# --- one source, with its body: the index's evidence, and the skips of the article -------------------


def _check_sources(result: CheckResult, jobs: int | None, store: Cache, base: str) -> list[Problem]:
    """What each usable article's own body decides: the evidence the index cites (headline, date,
    reporter printed), and its skips (each quote placed, and what it skips: checks.coverage). Source by
    source, in worker processes where that pays; after the claims, which the skips are checked with.

    A source that passed is remembered in the cache (checks.cache) under everything its checks read:
    the program, its index entry, its article's bytes, its skips and its placed claims. One with a
    problem is always checked again: its messages name positions in files its key does not cover."""
    found: list[Problem] = []
    by_source: dict[str, list[Skip]] = {}
    for skip in result.skips:
        source = result.sources.get(skip.source)
        if source is None or not source.usable:
            found.extend(_check_skip(skip, result))  # an unknown or unusable source: no body needed
        else:
            by_source.setdefault(skip.source, []).append(skip)
    claims = placed_claims(result, set(by_source))
    tasks = []
    for sid in sorted(sid for sid, source in result.sources.items() if source.usable):
        skips, of_source = by_source.get(sid, []), claims.get(sid, [])
        key = _source_key(base, result.sources[sid], skips, of_source) if store.enabled else None
        entry = store.get(key) if key is not None else None
        places = entry.get("places") if entry is not None else None
        if isinstance(places, list) and len(places) == len(skips):
            try:
                result.skip_places.update(
                    (skip.index, Place(*p)) for skip, p in zip(skips, places) if p is not None
                )
                result.source_cache_hits += 1
                continue
            except TypeError:
                pass  # not what this program writes: checked again
        tasks.append((sid, skips, of_source, key))
    size = sum(len(result.sources[sid].text or "") for sid, *_ in tasks)
    outcomes = fork_map(_source_worker, (result, tasks), len(tasks), processes_for(jobs, size))
    redo = []
    for (sid, skips, of_source, key), outcome in zip(tasks, outcomes):
        if outcome is None:
            redo.append((sid, skips, of_source))
            continue
        problems, places = outcome
        found.extend(problem(*p) for p in problems)
        result.skip_places.update((n, Place(*p)) for n, p in places)
        if not problems and key is not None:
            at = dict(places)
            store.put(key, {"places": [at.get(skip.index) for skip in skips]})
    # A skip's quote not found needs the run's closest-passage budget: checked here, in skip order.
    for sid, skips, of_source in sorted(redo, key=lambda task: task[1][0].index):
        outcome = _source_checked(result, sid, skips, of_source, budget=True)
        assert outcome is not None
        found.extend(problem(*p) for p in outcome[0])
        result.skip_places.update((n, Place(*p)) for n, p in outcome[1])
    return found


def _source_key(base: str, source: Source, skips: list[Skip], claims: list[Claim]) -> str:
    """What a source's own checks read (see `_check_sources`), as a cache key."""
    entry = source.node.plain()  # plain data: dicts, lists, text, numbers
    return digest(
        base,
        "source",
        marshal.dumps(
            [
                source.id,
                source.digest,
                entry,
                [[k.source, k.quote, k.occurrence, k.figure, k.reason, k.note] for k in skips],
                [[c.id, c.quote, c.occurrence, c.as_written, c.unit, c.as_of_text] for c in claims],
            ]
        ),
    )


Encoded = tuple[list[tuple[str, int, int, str, str]], list[tuple[int, tuple[int, int, int, int]]]]


def _source_checked(
    result: CheckResult, sid: str, skips: list[Skip], claims: list[Claim], budget: bool = False
) -> Encoded | None:
    """The evidence and skip problems of one source, and where its skips' quotes are; None when a
    skip's quote is not found and `budget` is off."""
    source = result.sources[sid]
    saved = result.closest_searches_left
    if not budget:
        result.closest_searches_left = None
    try:
        found = evidence_problems(source)
        for skip in skips:
            found.extend(_check_skip(skip, result))
        found.extend(skip_problems(result, sid, claims, skips))
    except _NeedsBudget:
        return None
    finally:
        if not budget:
            result.closest_searches_left = saved
    if "body" in source.__dict__:
        source.body.forget_positions()
    places = [
        (s.index, _place_tuple(result.skip_places[s.index])) for s in skips if s.index in result.skip_places
    ]
    return [(p.path, p.line, p.column, p.code, p.message) for p in found], places


def _place_tuple(p: Place) -> tuple[int, int, int, int]:
    return p.line, p.column, p.end_line, p.end_column


def _source_worker(
    state: tuple[CheckResult, list[tuple[str, list[Skip], list[Claim], str | None]]], n: int
) -> Encoded | None:
    result, tasks = state
    sid, skips, claims, _ = tasks[n]
    return _source_checked(result, sid, skips, claims)


# --- both cores -------------------------------------------------------------------------------------


def _check_files(
    contents: list[tuple[str, bytes | Refusal]], root: Path, result: CheckResult, jobs: int | None
) -> list[_FileChecked | None]:
    size = sum(len(data) for _, data in contents if isinstance(data, bytes))
    if processes_for(jobs, size) == 1 or len(contents) < 2:
        return [_file_checked(root, rel, data, result) for rel, data in contents]
    # Forked workers share the sources and vocabulary already loaded; each checks whole files and
    # sends back their records, the same JSON data the cache holds.
    records = fork_map(_file_worker, (root, result, contents), len(contents), processes_for(jobs, size))
    return [
        None if record is None else _decode(record, root, rel, data)
        for (rel, data), record in zip(contents, records)
    ]


def _file_worker(
    state: tuple[Path, CheckResult, list[tuple[str, bytes | Refusal]]], n: int
) -> dict[str, Any] | None:
    root, result, contents = state
    checked = _file_checked(root, contents[n][0], contents[n][1], result)
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
                add(key, code, unknown_key_message(key, value, table))

    source = result.sources.get(claim.source)
    # Relative times (지난해, 이날) are read against the article's publication date; a source too
    # broken to have one leaves them unread (its own problem says why).
    published = source.published if source is not None and source.published != date.min else None

    if claim.as_of is not None:
        try:
            as_of = parse_as_of(claim.as_of)
        except ValueError as exc:
            add("as_of", "invalid-value", f"as_of '{claim.as_of}' names no time ({exc}); e.g. '2021-Q3'")
        else:
            if claim.as_of_text is not None and published is not None:
                _check_as_of(claim, as_of, published, add, source)

    if len(claim.quote) > MAX_QUOTE_CHARS or len(claim.as_written) > MAX_FIGURE_CHARS:
        return found  # the schema refuses it (maxLength); searching it would only cost time

    figure_ok = _check_inside_quote(claim, add)
    claim.figure_at = figure_at(claim)
    if figure_ok:
        if claim.unit == DATE_UNIT:
            if published is not None:
                _check_date(claim, published, result, add)
        else:
            _check_figure(claim, result, add)

    place = place_quote(claim.source, claim.quote, claim.occurrence, result, add)
    if place is not None:
        result.places[claim.id] = place
        if figure_ok and source is not None:
            _check_figure_in_article(claim, source, result, add)
    return found


def _check_figure_in_article(claim: Claim, source: Source, result: CheckResult, add: Add) -> None:
    """The whole-figure rule again, with the article's words around the placed quote: a quote cut
    inside a figure (`28명으로` from `128명으로`) hides what it cuts off. (A date's: `_check_date`.)"""
    at = quote_at(source, claim.quote, claim.occurrence)
    if at is None:
        return
    k, start = at
    quote = canonical(claim.quote)
    message = whole_figure_in_article(
        source.body.segments[k].text,
        start,
        start + len(quote),
        canonical(claim.as_written),
        claim.unit,
    )
    if message is not None:
        add("as_written", "figure-not-in-quote", message)
        # A figure the article does not state is not compared.
        result.quantities.pop(claim.id, None)
        result.dates.pop(claim.id, None)


def place_quote(
    source_id: str, quote_text: str, occurrence: int | None, result: CheckResult, add: Add
) -> Place | None:
    """Where a quote (of a claim or a skip) is in its article body; problems through `add`."""
    source = result.sources.get(source_id)
    if source is None:
        add(
            "source",
            "unknown-source",
            f"source '{source_id}' is not in {INDEX}{did_you_mean(source_id, result.sources)}",
        )
        return None
    quote = canonical(quote_text)
    if len(quote) < MIN_QUOTE_LENGTH:
        what = "empty" if not quote else f"only {len(quote)} characters"
        add(
            "quote",
            "quote-too-short",
            f"the quote is {what}; quote at least {MIN_QUOTE_LENGTH} characters of the sentence that states the figure",
        )
        return None
    if not source.usable:
        add(
            "source",
            "source-unusable",
            f"cannot verify the quote: source '{source.id}' failed its own checks (see {INDEX})",
        )
        return None
    if occurrence is not None and occurrence < 1:
        return None  # the schema says what is wrong (minimum 1); as an index it would count from the end
    places = source.body.occurrences(quote)
    if not places:
        add("quote", "quote-not-found", _not_found(quote_text, source, result))
        return None
    if occurrence is not None and occurrence > len(places):
        add(
            "occurrence",
            "occurrence-out-of-range",
            f"occurrence {occurrence} asked, but the quote occurs {len(places)} time(s) in {source.file}",
        )
        return None
    if occurrence is None and len(places) > 1:
        where = ", ".join(f"{n}: line {p.line}" for n, p in enumerate(places, 1))
        add(
            "quote",
            "quote-ambiguous",
            f"the quote occurs {len(places)} times in {source.file} ({where}); lengthen it until it is unique, "
            "or add `occurrence: N` for the one meant",
        )
        return None
    return places[(occurrence or 1) - 1]


def _check_skip(skip: Skip, result: CheckResult) -> list[Problem]:
    """A skip's quote is checked like a claim's, and its figure must be inside it."""
    found: list[Problem] = []

    def add(key: str, code: str, message: str) -> None:
        line, col = skip.at(key)
        found.append(problem(skip.path, line, col, code, message))

    if canonical(skip.figure) not in canonical(skip.quote):
        hint = hint_in(canonical(skip.figure), canonical(skip.quote), "quote")
        add(
            "figure",
            "figure-not-in-quote",
            f"the figure '{skip.figure}' does not occur in the quote{hint}; copy it from the quote exactly as "
            "printed",
        )
        return found
    place = place_quote(skip.source, skip.quote, skip.occurrence, result, add)
    if place is not None:
        result.skip_places[skip.index] = place
    return found


def figure_at(claim: Claim) -> tuple[int, int]:
    """Where the claim's figure and its as_of_text's words stand whole in its canonical quote, as
    `checks.coverage.figure_range` places them (-1: not in the quote). Read here, where the quote's
    figures were just read (`quantity.figures_in` keeps them for the run), for the coverage, which
    otherwise reads every quote again (issue 11: a fifth of its time)."""
    quote = canonical(claim.quote)
    at = []
    for words, unit in ((claim.as_written, claim.unit), (claim.as_of_text, "")):
        part = canonical(words) if words is not None else ""
        at.append(whole_figure_start(quote, part, unit) if part and part in quote else -1)
    return at[0], at[1]


def _check_inside_quote(claim: Claim, add: Add) -> bool:
    quote = canonical(claim.quote)
    ok = True
    figure = canonical(claim.as_written)
    if figure not in quote:
        add(
            "as_written",
            "figure-not-in-quote",
            f"the figure '{claim.as_written}' does not occur in the quote{hint_in(figure, quote, 'quote')}; copy "
            "it from the quote exactly as printed",
        )
        ok = False
    elif (partial := whole_figure_problem(quote, figure, claim.unit)) is not None:
        add("as_written", "figure-not-in-quote", partial)
        ok = False
    if claim.as_of_text is not None and canonical(claim.as_of_text) not in quote:
        hint = hint_in(canonical(claim.as_of_text), quote, "quote")
        add(
            "as_of_text",
            "time-not-in-quote",
            f"as_of_text '{claim.as_of_text}' does not occur in the quote{hint}; copy the time words from the quote",
        )
    elif claim.as_of_text is not None and (part := whole_time_problem(quote, canonical(claim.as_of_text))):
        add("as_of_text", "time-not-in-quote", part)  # 3분기 out of 지난해 3분기: read alone, another year
    return ok


def _check_as_of(claim: Claim, as_of: Span, published: date, add: Add, source: Source | None = None) -> None:
    """as_of must say what as_of_text says, wherever the time reader can resolve the words (issue 7)."""
    assert claim.as_of_text is not None
    at = quote_at(source, claim.quote, claim.occurrence) if source is not None and source.usable else None
    if source is not None and at is not None:
        words = canonical(claim.as_of_text)
        segment, start = source.body.segments[at[0]].text, at[1]
        if (partial := whole_date_in_article(segment, start, canonical(claim.quote), words)) is not None:
            # 3분기 of a quote that starts inside 지난해 3분기: read alone, the wrong year would pass.
            add("as_of_text", "time-not-in-quote", partial.replace("the date '", "the time words '", 1))
            return
        if (
            other := time_in_context_problem(segment, start, canonical(claim.quote), words, published)
        ) is not None:
            # 4월 of 2021년 3월과 4월, 3월 of 이듬해 3월: read alone, the publication's year would pass.
            add("as_of_text", "time-not-in-quote", f"as_of_text '{claim.as_of_text}': {other}")
            return
    try:
        reading = read_time(claim.as_of_text, published)
    except NotATime as exc:
        # Times among other words (인력은 지난해 3분기, 출범 당시 80여명이던 인력은 지난해 3분기): the words as a
        # whole are no time the reader reads, but the times they hold are, and as_of must be one of them
        # (as_of 2019-Q1 passed unchecked beside 지난해 3분기, and coverage counted the time as claimed).
        held = [r for r in find_times(" ".join(claim.as_of_text.split()), published) if r.span is not None]
        if held and not any(r.admits(as_of) for r in held):
            add(
                "as_of",
                "as-of-mismatch",
                f"as_of '{claim.as_of}' is not what as_of_text '{claim.as_of_text}' says: its words hold "
                + " and ".join(f"'{r.text}', {r.describe()}" for r in held)
                + f", in an article published {published}; make as_of_text only the time words, and as_of "
                "the time they name",
            )
            return
        # 출범 당시, 최근: the words name no calendar time; the editor's value stands. 12월 in a January
        # article is a calendar time the reader will not pick for the editor (last December or the
        # coming one?), but as_of must still be one of the two.
        if exc.unit is not None and not _one_whole(as_of, exc.unit):
            # 전날 as 2019: the words name one day, whichever; the editor picks it, but a day.
            add(
                "as_of",
                "as-of-mismatch",
                f"as_of '{claim.as_of}' is not what as_of_text '{claim.as_of_text}' says: the words name one "
                f"{exc.unit}, counted from another time of the sentence (the reader does not resolve it; the "
                f"editor does), and as_of names {as_of.label()}, not one {exc.unit}",
            )
            return
        choices = [] if exc.no_calendar_time else possible_readings(claim.as_of_text, published)
        if choices and not any(c.admits(as_of) for c in choices):
            add(
                "as_of",
                "as-of-mismatch",
                f"as_of '{claim.as_of}' is not what as_of_text '{claim.as_of_text}' says: in an article "
                f"published {published} the words name "
                + " or ".join(c.describe() for c in choices)
                + " (the reader does not choose between them; the editor does, among those)",
            )
        return
    if reading.admits(as_of):
        return
    how = f" ({reading.why})" if reading.why else ""
    fix = (
        f"; write as_of: '{reading.span.label()}'"
        if reading.span and not reading.vague and reading.relation == "at"
        else ""
    )
    add(
        "as_of",
        "as-of-mismatch",
        f"as_of '{claim.as_of}' is not what as_of_text '{claim.as_of_text}' says: "
        f"the words name {reading.describe()}{how}, in an article published {published}{fix}",
    )


def _one_whole(span: Span, unit: str) -> bool:
    """Whether `span` is one whole calendar day, month or year."""
    s = span.start
    if unit == "day":
        return span.end == s + timedelta(days=1)
    if unit == "month":
        return s.day == 1 and span.end == month_start(s.year, s.month + 1)
    return (s.month, s.day) == (1, 1) and span.end == date(s.year + 1, 1, 1)


def _check_date(claim: Claim, published: date, result: CheckResult, add: Add) -> None:
    source = result.sources.get(claim.source)
    at = quote_at(source, claim.quote, claim.occurrence) if source is not None and source.usable else None
    if source is not None and at is not None:
        segment, start = source.body.segments[at[0]].text, at[1]
        partial = whole_date_in_article(segment, start, canonical(claim.quote), canonical(claim.as_written))
        if partial is not None:
            add("as_written", "figure-not-in-quote", partial)  # 8월 출시 out of 2023년 8월 출시
            return
        other = time_in_context_problem(
            segment, start, canonical(claim.quote), canonical(claim.as_written), published
        )
        if other is not None:
            # 4월 of 2021년 3월과 4월: whole as written, but read alone another year than the article's.
            add(
                "as_written",
                "date-unreadable",
                f"cannot read '{claim.as_written}' as a date on its own: {other}. A date claim states a date "
                "the reader can read whole (2021년 4월); claim another, or skip this one",
            )
            return
    try:
        reading = read_date(claim.as_written, published)
    except NotATime as exc:
        add(
            "as_written",
            "date-unreadable",
            f"cannot read '{claim.as_written}' as a date: {exc.message}. A date claim states a calendar "
            "time the article writes (2020년 12월, 지난해 8월 22일, 21일(현지시간), 지난달); "
            "words that name none (출범 당시, 최근) are not a date",
        )
        return
    result.dates[claim.id] = reading


# Figures repeat across claims (20명, 3조6000억 원); reading one is pure and its Quantity immutable.
_read_figure = lru_cache(maxsize=65536)(quantity.read_quantity)


def _check_figure(claim: Claim, result: CheckResult, add: Add) -> None:
    try:
        read = _read_figure(unicodedata.normalize("NFC", claim.as_written))
    except quantity.NotAFigure as exc:
        hint = ""
        source = result.sources.get(claim.source)
        if source is not None and source.published != date.min:
            try:
                read_date(claim.as_written, source.published)
                hint = f"; it reads as a date: for the date of an event use `unit: {DATE_UNIT}`"
            except NotATime:
                pass
        add(
            "as_written",
            "figure-unreadable",
            f"cannot read '{claim.as_written}' as a figure: {exc.message}{hint}",
        )
        return
    if read.unit != claim.unit:
        add(
            "unit",
            "unit-mismatch",
            f"the figure '{claim.as_written}' is in {read.unit or 'no unit'}, but the claim says unit '{claim.unit}'",
        )
        return
    result.quantities[claim.id] = read


def _not_found(quote: str, source: Source, result: CheckResult) -> str:
    head = f"the quote does not occur in the body of {source.id} ({source.file})"
    if result.closest_searches_left is None:
        raise _NeedsBudget
    if result.closest_searches_left <= 0:
        return head + (
            f"; the closest passage is not searched for beyond the first {MAX_CLOSEST_SEARCHES} quotes not "
            "found in one run: fix those first"
        )
    result.closest_searches_left -= 1  # the search of the whole file below counts as one too
    elsewhere = source.outside_body(quote)
    if elsewhere is not None:
        return (
            f"{head}; {elsewhere}: quote the article's own text, or correct the body's bounds if that is it"
        )
    mismatch = source.body.closest(quote)
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
