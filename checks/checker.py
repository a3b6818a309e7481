"""The checker: runs every check over a registry root and collects the problems.

Flow: vocabulary → sources (pins, bodies) → claims files (YAML, schema) → per claim: references,
quote, figure. Nothing here prints or exits; `checks.cli` reports and decides the exit status.
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import quantity
from .claims import Claim, find_claims_files, read_claims_file
from .compare import Group, compare
from .problems import Problem, Severity, problem
from .quotes import (
    MAX_CLOSEST_SEARCHES,
    MAX_FIGURE_CHARS,
    MAX_QUOTE_CHARS,
    MIN_QUOTE_LENGTH,
    Place,
    canonical,
)
from .resolutions import RESOLUTIONS, check_resolutions, load_resolutions
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
    # The comparison of the figures (checks.compare), with the editors' resolutions applied.
    groups: list[Group] = field(default_factory=list)
    # Closest-passage searches still allowed in this run: a bound on the work hundreds of near-miss
    # quotes can cause, counted (not timed) so that the output stays deterministic.
    closest_searches_left: int = MAX_CLOSEST_SEARCHES

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def check(root: Path) -> CheckResult:
    # The registry builds millions of small objects and frees none of them until the end: the
    # cyclic garbage collector would rescan them again and again for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(root)
    finally:
        if enabled:
            gc.enable()


def _check(root: Path) -> CheckResult:
    root = root.resolve()
    vocabulary = load_vocabulary(root)
    index = load_sources(root)
    problems = [*vocabulary.problems, *index.problems]
    files: dict[str, Node | None] = {VOCABULARY: vocabulary.node, INDEX: index.node}
    claims: list[Claim] = []
    claims_paths, not_followed = find_claims_files(root)
    problems.extend(not_followed)
    for file in claims_paths:
        parsed = read_claims_file(root, file)
        files[parsed.path] = parsed.node
        problems.extend(parsed.problems)
        claims.extend(parsed.claims)
        if parsed.plain is not None and parsed.plain["claims"]:
            continue  # read by the fast path, and not empty: ask no position
        items = parsed.node.get("claims") if parsed.node is not None else None
        if items is not None and items.value == []:
            problems.append(
                problem(parsed.path, items.line, items.column, "no-claims", "this file holds no claims")
            )
    result = CheckResult(root, index.sources, vocabulary, claims, problems, files)
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
        problems.extend(_check_claim(claim, result))
    resolutions = load_resolutions(root)
    files[RESOLUTIONS] = resolutions.node
    problems.extend(resolutions.problems)
    result.groups = compare(result, resolutions.by_group)
    problems.extend(check_resolutions(resolutions, result.groups))
    problems.sort(key=Problem.sort_key)
    return result


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


def _check_figure(claim: Claim, result: CheckResult, add: Add) -> None:
    try:
        read = quantity.read_quantity(unicodedata.normalize("NFC", claim.as_written))
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
