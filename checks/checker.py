"""The checker: runs every check over a registry root and collects the problems.

Flow: vocabulary → sources (pins, bodies) → claims files (YAML, schema) → per claim: references,
quote, figure. Nothing here prints or exits; `checks.cli` reports and decides the exit status.
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import quantity
from .claims import Claim, find_claims_files, read_claims_file
from .compare import Group, compare
from .coverage import check_skips, quote_at
from .dates import (
    DATE_UNIT,
    NotATime,
    TimeReading,
    read_date,
    read_time,
    whole_date_in_article,
    whole_time_problem,
)
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
from .skips import SKIPS, Skip, load_skips
from .sources import INDEX, Source, load_sources
from .times import Span, parse_as_of
from .vocabulary import VOCABULARY, Vocabulary, load_vocabulary, unknown_key_message
from .whole_figure import whole_figure_in_article, whole_figure_problem
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
    # The comparison of the figures (checks.compare), with the editors' resolutions applied.
    groups: list[Group] = field(default_factory=list)
    # Closest-passage searches still allowed in this run: a bound on the work hundreds of near-miss
    # quotes can cause, counted (not timed) so that the output stays deterministic.
    closest_searches_left: int = MAX_CLOSEST_SEARCHES
    # The skips of claims/skips.yaml, and where each placed one's quote is (by the skip's index).
    skips: list[Skip] = field(default_factory=list)
    skip_places: dict[int, Place] = field(default_factory=dict)
    # What is computed from this result once and used by several readers (the report's header and the
    # pytest items both need checks.coverage's): by name.
    memo: dict[str, object] = field(default_factory=dict)

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
    skips = load_skips(root)
    files[SKIPS] = skips.node
    problems.extend(skips.problems)
    result.skips = skips.skips
    for skip in skips.skips:
        problems.extend(_check_skip(skip, result))
    resolutions = load_resolutions(root)
    files[RESOLUTIONS] = resolutions.node
    problems.extend(resolutions.problems)
    result.groups = compare(result, resolutions.by_group)
    problems.extend(check_resolutions(resolutions, result.groups))
    problems.extend(check_skips(result))
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
        add(
            "figure",
            "figure-not-in-quote",
            f"the figure '{skip.figure}' does not occur in the quote; copy it from the quote exactly as printed",
        )
        return found
    place = place_quote(skip.source, skip.quote, skip.occurrence, result, add)
    if place is not None:
        result.skip_places[skip.index] = place
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
    try:
        reading = read_time(claim.as_of_text, published)
    except NotATime:
        return  # 출범 당시, 최근: the words name no calendar time; the editor's value stands
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


def _check_date(claim: Claim, published: date, result: CheckResult, add: Add) -> None:
    source = result.sources.get(claim.source)
    at = quote_at(source, claim.quote, claim.occurrence) if source is not None and source.usable else None
    if source is not None and at is not None:
        segment, start = source.body.segments[at[0]].text, at[1]
        partial = whole_date_in_article(segment, start, canonical(claim.quote), canonical(claim.as_written))
        if partial is not None:
            add("as_written", "figure-not-in-quote", partial)  # 8월 출시 out of 2023년 8월 출시
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


def _check_figure(claim: Claim, result: CheckResult, add: Add) -> None:
    try:
        read = quantity.read_quantity(unicodedata.normalize("NFC", claim.as_written))
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
