"""Coverage: which figures and dates of the article bodies no claim covers (`claims coverage`).

Figures are found by the number reader (`checks.quantity.find_quantities`) and dates by the time
reader (`checks.dates.find_times`) in each article body, page furniture left out (sources index
`omit`), on the same canonical text quotes are matched against. Where a date and a figure overlap
(`2020년 12월` holds the figures `2020년` and `12월`; `21일(현지시간)부터 나흘 동안` holds `21일` and
`나흘`), the date is counted, once.

A found figure is
- *claimed* when a claim's quote holds it at that place of the article (the quote's one occurrence, or
  the one pinned with `occurrence`) and the claim's figure is that figure: `as_written`, looked for in
  the quote from its start (as the report bolds it), overlaps it. A claim covers a date only when its
  `as_written` spans the whole date: a `year` claim of `2020년` covers the date `2020년`, but the `day`
  claim `나흘` does not cover the date `21일(현지시간)부터 나흘 동안`, nor a date claim of `2020년` (its
  quote cut at a line break) the date `2020년 12월`.
  The times in a claim's `as_of_text` (dates, figures of time) are claimed too: they are the claim's
  time, which the time reader checks (`지난해 3분기` in `지난해 3분기 기준 128명`); other figures there are not,
  nor a time the words hold only in part;
- *skipped* when, instead, a skip of claims/skips.yaml holds it the same way (its `figure` in its
  `quote`);
- *uncovered* otherwise. `claims coverage --check` fails while anything is uncovered.

A skip must skip something: one whose figure the readers do not find, or find already claimed, is
stale (`skip-stale`); two skips of one figure are one too many (`skip-duplicate`); one skip whose
figure spans several figures or dates skips none of them (`skip-too-broad`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import exactjson
from .compare import supporting_sentence
from .dates import find_times
from .inert import terminal
from .problems import Problem, problem
from .quantity import find_quantities
from .quotes import MIN_QUOTE_LENGTH, SENTENCE_START, canonical
from .skips import SKIPS, Skip
from .sources import Source
from .whole_figure import means_the_same, whole_figure_start
from .workers import fork_map, processes_for

if TYPE_CHECKING:
    from .checker import CheckResult
    from .claims import Claim

STATUSES = ("claimed", "skipped", "uncovered")
MAX_LINE_SHOWN = 10_000  # characters of one line of the text listing (a sentence can be long)

# Units of a figure of time: the words of a claim's as_of_text may hold one (출범 후 14개월 동안).
TIME_UNITS = frozenset(
    (
        "century",
        "year",
        "quarter",
        "month",
        "calendar-month",
        "week",
        "day",
        "hour",
        "clock-hour",
        "minute",
        "second",
    )
)


@dataclass(frozen=True)
class Found:
    """A figure or date the readers find in an article body."""

    source: str
    file: str
    kind: str  # "date" or "figure"
    text: str  # as printed (whitespace folded)
    line: int  # where it starts in the article file (1-based)
    column: int
    end_line: int  # where its last character is
    end_column: int
    sentence: str  # the sentence(s) of the article that hold it
    value: str  # a date as days (2023-08-21 – 2023-08-24) or why it cannot be resolved; a figure's unit
    status: str  # one of STATUSES
    by: tuple[str, ...]  # the claims (IDs), or the skips (claims/skips.yaml:LINE), that cover it
    # Where it is in the body's canonical text (segment, start, end): what a skip of it quotes.
    segment: int = field(default=-1, compare=False)
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)

    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class ArticleCoverage:
    source: str
    file: str
    outlet: str
    published: str
    found: list[Found] = field(default_factory=list)
    # A lean coverage (`coverage(result, lean=True)`: what the report's header and pytest's coverage
    # tests need) keeps only the uncovered figures in `found`, and the number of each status here.
    tally: dict[str, int] | None = None

    @property
    def total(self) -> int:
        return sum(self.tally.values()) if self.tally is not None else len(self.found)

    def count(self, status: str) -> int:
        if self.tally is not None:
            return self.tally.get(status, 0)
        return sum(1 for f in self.found if f.status == status)

    @property
    def uncovered(self) -> list[Found]:
        return [f for f in self.found if f.status == "uncovered"]


@dataclass
class Coverage:
    articles: list[ArticleCoverage] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(a.total for a in self.articles)

    def count(self, status: str) -> int:
        return sum(a.count(status) for a in self.articles)

    @property
    def uncovered(self) -> list[Found]:
        return [f for a in self.articles for f in a.uncovered]

    @property
    def complete(self) -> bool:
        return not self.uncovered

    def summary(self) -> str:
        """One line for a report's header: Coverage: 118 of 120 figures claimed, 2 skipped with reasons."""
        text = (
            f"Coverage: {self.count('claimed')} of {self.total} figures and dates claimed, "
            f"{self.count('skipped')} skipped with reasons"
        )
        uncovered = self.count("uncovered")
        return text + (f", {uncovered} uncovered" if uncovered else "")


# --- finding ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    segment: int
    start: int  # canonical offsets in the segment
    end: int
    kind: str
    value: str


def _items(source: Source, windows: Iterable[tuple[int, int, int]] | None = None) -> list[_Item]:
    """Dates and figures of the body, in reading order; a figure overlapping a date is the date's.

    `windows`: only the figures and dates of the sentences holding text[start:stop] of a segment, for
    each (segment, start, stop), read from the start of the first of them (what a skip needs: `claims
    check` reads a few sentences, not every article)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    if windows is None:
        spans = {k: [(0, len(seg.text))] for k, seg in enumerate(source.body.segments)}
    else:
        # Where each segment's sentences start, found once: looking for them again from the segment's
        # start for every window made thousands of skips in a long article quadratic (issue 10, class 3).
        sentences: dict[int, list[int]] = {}
        for k, start, stop in sorted(windows):
            text = source.body.segments[k].text
            if k not in sentences:
                sentences[k] = [m.start() for m in SENTENCE_START.finditer(text)]
            starts = sentences[k]
            i = bisect_right(starts, start + 1)
            begin = starts[i - 1] if i else 0
            j = bisect_left(starts, stop)
            stop = starts[j] if j < len(starts) else len(text)
            merged = spans.setdefault(k, [])
            if merged and begin <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
            else:
                merged.append((begin, stop))
    out: list[_Item] = []
    for k, ranges in sorted(spans.items()):
        seg = source.body.segments[k]
        for start, stop in ranges:
            dates = find_times(seg.text, source.published, start, stop)
            starts = [d.start for d in dates]
            for d in dates:
                value = d.span.display() if d.span is not None else f"unresolved: {d.why}"
                out.append(_Item(k, d.start, d.end, "date", value))
            for q in find_quantities(seg.text, start, stop):
                i = bisect_left(starts, q.end)  # dates starting before the figure ends
                if i and dates[i - 1].end > q.start:
                    continue
                out.append(_Item(k, q.start, q.end, "figure", q.unit or "no unit"))
    return sorted(out, key=lambda it: (it.segment, it.start))


def quote_at(source: Source, quote: str, occurrence: int | None) -> tuple[int, int] | None:
    """(segment, canonical start) of the quote's occurrence, counted as `Body.occurrences` counts."""
    q = canonical(quote)
    n = 0
    want = occurrence or 1
    for k, seg in enumerate(source.body.segments):
        i = seg.text.find(q)
        while i != -1:
            n += 1
            if n == want:
                return k, i
            i = seg.text.find(q, i + 1)
    return None


def figure_range(
    source: Source, quote: str, occurrence: int | None, figure: str, unit: str = "", offset: int | None = None
) -> tuple[int, int, int] | None:
    """(segment, start, end) of the figure inside the quote's occurrence: where it stands whole (as
    `claims check` and the report read it: the `28명` after an earlier `128명`), else its first place.
    `offset`: where that is in the canonical quote, when the check found it (`Claim.figure_at`; -1:
    not in the quote)."""
    at = quote_at(source, quote, occurrence)
    if at is None:
        return None
    f = canonical(figure)
    if offset is None:
        q = canonical(quote)
        if not f or f not in q:
            return None
        offset = whole_figure_start(q, f, unit)
    elif offset < 0:
        return None
    k, start = at
    return k, start + offset, start + offset + len(f)


def _quote_reaches(source: Source, claim: Claim, reach: dict[int, tuple[int, int]]) -> bool:
    at = quote_at(source, claim.quote, claim.occurrence)
    if at is None or at[0] not in reach:
        return False
    lo, hi = reach[at[0]]
    return at[1] < hi and lo < at[1] + len(canonical(claim.quote))


def _covers(rng: tuple[int, int, int], item: _Item, whole_date: bool) -> bool:
    k, a, b = rng
    if k != item.segment or not (a < item.end and item.start < b):
        return False
    return not whole_date or item.kind != "date" or (a <= item.start and item.end <= b)


class _Index:
    """The found items by segment and start, to list those a range overlaps without reading them all:
    a claim or a skip looked through every figure of its article, so thousands of claims of a long
    article took minutes (issue 10, class 3: every step linear in what the registry holds)."""

    def __init__(self, items: list[_Item]) -> None:
        self.items = items  # sorted by (segment, start)
        self.keys = [(it.segment, it.start) for it in items]
        self.longest = max((it.end - it.start for it in items), default=0)

    def overlapping(self, rng: tuple[int, int, int]) -> range:
        """Indices of the items that may overlap rng (a superset; `_covers` decides)."""
        k, a, b = rng
        return range(bisect_left(self.keys, (k, a - self.longest)), bisect_left(self.keys, (k, b)))


@dataclass
class _Article:
    coverage: ArticleCoverage
    # For each skip (by index): the found items it covers, and whether a claim covers them too.
    skip_hits: dict[int, list[tuple[Found, bool]]]
    # Skips whose figure spans several figures or dates (by the skip's index): what it spans.
    too_broad: dict[int, list[str]] = field(default_factory=dict)
    # Skips whose figure is only a part of one (by the skip's index): the message. They skip nothing.
    partial: dict[int, str] = field(default_factory=dict)


def _part_of(skip: Skip, rng: tuple[int, int, int], item: _Item, text: str) -> str | None:
    """A skip names a figure or date the readers find whole: a part of one (`2`, `명` or `28명` of
    `128명`, `12월` of `2020년 12월`) would pass the whole off as skipped. As for a claim, words that
    change nothing may be left out (`14개월` of `14개월 동안`)."""
    _, a, b = rng
    if a <= item.start and item.end <= b:
        return None
    whole = text[item.start : item.end]
    if item.start <= a and b <= item.end and means_the_same(text[a:b], whole, item.kind):
        return None
    return (
        f"the figure '{skip.figure}' is only part of the {item.kind} '{whole}' the readers find there: "
        "a skip names the whole figure or date, exactly as printed"
    )


def _article(
    source: Source, claims: list[Claim], skips: list[Skip], near_skips: bool = False, lean: bool = False
) -> _Article:
    """The article's coverage; with `near_skips`, only of the sentences its skips are in (what the skips'
    own checks need); `lean`, only the uncovered figures kept, the others counted (ArticleCoverage)."""
    skip_ranges = {
        skip.index: figure_range(source, skip.quote, skip.occurrence, skip.figure) for skip in skips
    }
    items = _items(source, [r for r in skip_ranges.values() if r is not None] if near_skips else None)
    if near_skips:
        # A claim can cover only what its quote overlaps: those of the other sentences need no reading.
        reach: dict[int, tuple[int, int]] = {}
        for item in items:
            lo, hi = reach.get(item.segment, (item.start, item.end))
            reach[item.segment] = (min(lo, item.start), max(hi, item.end))
        claims = [c for c in claims if _quote_reaches(source, c, reach)]
    index = _Index(items)
    claimed: dict[int, list[str]] = {}
    for claim in claims:
        known = claim.figure_at or (None, None)  # found by the check (Claim.figure_at)
        rng = figure_range(source, claim.quote, claim.occurrence, claim.as_written, claim.unit, known[0])
        if rng is not None:
            for n in index.overlapping(rng):
                if _covers(rng, items[n], whole_date=True):
                    claimed.setdefault(n, []).append(claim.id)
        # The words giving the claim's time (as_of_text) are claimed too: the time reader checks them
        # against as_of, so they are as verified as the figure (지난해 3분기 in 지난해 3분기 기준 128명).
        # Only times are: a date, or a figure of time (14개월 in 출범 후 14개월 동안). An as_of_text that
        # holds more than the time (출범 당시 80여명이던) must not pass off the figure it holds as claimed.
        if claim.as_of_text is not None:
            rng = figure_range(source, claim.quote, claim.occurrence, claim.as_of_text, offset=known[1])
            if rng is not None:
                for n in index.overlapping(rng):
                    item = items[n]
                    # Whole only: a piece of a date the words cut (`2` of `2020년 12월`) is not the time.
                    if (
                        (item.kind == "date" or item.value in TIME_UNITS)
                        and rng[0] == item.segment
                        and rng[1] <= item.start
                        and item.end <= rng[2]
                        and claim.id not in claimed.get(n, [])
                    ):
                        claimed.setdefault(n, []).append(claim.id)
    skipped: dict[int, list[Skip]] = {}
    too_broad: dict[int, list[str]] = {}
    partial: dict[int, str] = {}
    for skip in skips:
        rng = skip_ranges[skip.index]
        if rng is None:
            continue
        hits = [n for n in index.overlapping(rng) if _covers(rng, items[n], whole_date=False)]
        if len(hits) > 1:
            # A skip skips one figure or date, with its reason: one whose `figure` spans several would
            # pass them all off as skipped for one reason. It skips none (skip-too-broad).
            too_broad[skip.index] = [
                source.body.segments[items[n].segment].text[items[n].start : items[n].end] for n in hits
            ]
            continue
        if hits:
            fault = _part_of(skip, rng, items[hits[0]], source.body.segments[rng[0]].text)
            if fault is not None:
                partial[skip.index] = fault
                continue
        for n in hits:
            skipped.setdefault(n, []).append(skip)
    article = ArticleCoverage(source.id, source.file, source.outlet, source.published.isoformat())
    if lean:
        article.tally = {status: 0 for status in STATUSES}
    skip_hits: dict[int, list[tuple[Found, bool]]] = {}
    for n, item in enumerate(items):
        by_claims = sorted(claimed.get(n, []))
        by_skips = skipped.get(n, [])
        if near_skips and not by_skips:
            continue  # what the skips' own checks need: the figures the skips hit
        status = "claimed" if by_claims else ("skipped" if by_skips else "uncovered")
        if article.tally is not None:
            article.tally[status] += 1
            if status != "uncovered":
                continue  # counted; neither located nor kept
        place = source.body.locate(item.segment, item.start, item.end)
        found = Found(
            source.id,
            source.file,
            item.kind,
            source.body.segments[item.segment].text[item.start : item.end],
            place.line,
            place.column,
            place.end_line,
            place.end_column,
            "" if near_skips else supporting_sentence(source, place),
            item.value,
            status,
            # A skip is named by its line, which takes the skips file's positions: only when listed.
            tuple(by_claims) if by_claims or near_skips else tuple(s.id for s in by_skips),
            item.segment,
            item.start,
            item.end,
        )
        article.found.append(found)
        for skip in by_skips:
            skip_hits.setdefault(skip.index, []).append((found, bool(by_claims)))
    return _Article(article, skip_hits, too_broad, partial)


def placed_claims(result: CheckResult, sources: set[str] | None = None) -> dict[str, list[Claim]]:
    """The claims whose quote was placed, by source."""
    claims: dict[str, list[Claim]] = {}
    for claim in result.claims:
        if claim.id in result.places and (sources is None or claim.source in sources):
            claims.setdefault(claim.source, []).append(claim)
    return claims


def _placed(result: CheckResult) -> tuple[dict[str, list[Claim]], dict[str, list[Skip]]]:
    skips: dict[str, list[Skip]] = {}
    for skip in result.skips:
        if skip.index in result.skip_places:
            skips.setdefault(skip.source, []).append(skip)
    return placed_claims(result), skips


def coverage(result: CheckResult, sources: Iterable[str] | None = None, lean: bool = False) -> Coverage:
    """The coverage of every usable article (or of the given source IDs), in source-ID order; `lean`:
    only the uncovered figures kept, the others counted (a fraction of the memory at scale).

    Reading every article body is the costly part: the coverage of a whole registry is computed once
    per check result and kept with it (a whole one serves a lean request too)."""
    memo = "coverage-lean" if lean else "coverage"
    if sources is None:
        for key in ("coverage", memo):
            cached = result.memo.get(key)
            if isinstance(cached, Coverage):
                return cached
    claims, skips = _placed(result)
    wanted = set(sources) if sources is not None else None
    sids = [
        sid
        for sid in sorted(result.sources)
        if result.sources[sid].usable and (wanted is None or sid in wanted)
    ]
    tasks = [(sid, claims.get(sid, []), skips.get(sid, []), lean) for sid in sids]
    for skip in result.skips[:1]:
        skip.line  # noqa: B018 -- the skips' positions (their IDs), found once before the workers fork
    size = sum(len(result.sources[sid].text or "") for sid in sids)
    out = Coverage(list(fork_map(_article_worker, (result, tasks), len(tasks), processes_for(None, size))))
    if sources is None:
        result.memo[memo] = out
    return out


def _article_worker(
    state: tuple[CheckResult, list[tuple[str, list[Claim], list[Skip], bool]]], n: int
) -> ArticleCoverage:
    result, tasks = state
    sid, claims, skips, lean = tasks[n]
    source = result.sources[sid]
    article = _article(source, claims, skips, lean=lean).coverage
    source.body.forget_positions()
    return article


def skip_problems(result: CheckResult, sid: str, claims: list[Claim], skips: list[Skip]) -> list[Problem]:
    """skip-stale, skip-duplicate and skip-too-broad for the skips of one source whose quote and figure
    were placed, given its placed claims (`placed_claims`)."""
    skips = [skip for skip in skips if skip.index in result.skip_places]
    found: list[Problem] = []
    if skips:
        article = _article(result.sources[sid], claims, skips, near_skips=True)
        first_skip: dict[tuple[int, int], Skip] = {}
        for skip in sorted(skips, key=lambda s: s.index):
            hits = article.skip_hits.get(skip.index, [])
            # Positions (skip.at) are asked only for a problem: a skips file read by the fast path is
            # parsed again to give them.
            if skip.index in article.partial:
                found.append(
                    problem(SKIPS, *skip.at("figure"), "figure-not-in-quote", article.partial[skip.index])
                )
                continue
            if skip.index in article.too_broad:
                spans = article.too_broad[skip.index]
                found.append(
                    problem(
                        SKIPS,
                        *skip.at("figure"),
                        "skip-too-broad",
                        f"'{skip.figure}' spans {len(spans)} figures and dates ("
                        + ", ".join(f"'{t}'" for t in spans)
                        + "): a skip skips one, with its own reason; write one skip per figure, `figure` "
                        "exactly as printed",
                    )
                )
                continue
            if not hits:
                found.append(
                    problem(
                        SKIPS,
                        *skip.at("figure"),
                        "skip-stale",
                        f"the readers find no figure or date at '{skip.figure}' in this quote: there is nothing "
                        "to skip; remove the skip (or correct `figure`)",
                    )
                )
                continue
            if all(claimed for _, claimed in hits):
                ids = sorted({i for f, _ in hits for i in f.by})
                found.append(
                    problem(
                        SKIPS,
                        *skip.at("figure"),
                        "skip-stale",
                        f"'{skip.figure}' at {hits[0][0].where()} is claimed by {', '.join(ids)}: "
                        "a claimed figure needs no skip; remove it",
                    )
                )
                continue
            for f, claimed in hits:
                if claimed:
                    continue
                earlier = first_skip.setdefault((f.line, f.column), skip)
                if earlier is not skip:
                    found.append(
                        problem(
                            SKIPS,
                            skip.line,
                            skip.node.column,
                            "skip-duplicate",
                            f"'{f.text}' at {f.where()} is already skipped at {earlier.id}; remove one of the two",
                        )
                    )
                    break
    return found


# --- rendering -------------------------------------------------------------------------------------


def text(cov: Coverage, everything: bool = False) -> str:
    """Per article, its counts and every uncovered figure (with `everything`, every figure) located.

    Each line is made inert (checks.inert): an outlet's name, a file name or an article's sentence
    holding a line break or an escape code cannot start a fake line or drive the terminal."""
    lines = []
    for a in cov.articles:
        lines.append(
            f"{a.file} ({a.source}, {a.outlet}, {a.published}): {a.total} figures and dates, "
            f"{a.count('claimed')} claimed, {a.count('skipped')} skipped, {a.count('uncovered')} uncovered"
        )
        for f in a.found if everything else a.uncovered:
            by = f" by {', '.join(f.by)}" if f.by else ""
            lines.append(f"{f.where()}: {f.status} {f.kind} '{f.text}' ({f.value}){by} «{f.sentence}»")
    lines.append(cov.summary())
    return "\n".join(terminal(line, limit=MAX_LINE_SHOWN) for line in lines) + "\n"


SKIP_QUOTE_MAX = 2000  # the schema's maxLength of a quote


def skip_stub(source: Source, f: Found) -> dict[str, str | int]:
    """A skip of the uncovered figure or date `f`, as claims/skips.yaml takes it, but for its reason and
    note, left empty for the editor (`claims check` refuses them empty: the choice is the editor's).

    The quote is the sentence holding the figure within its line of the article (a headline or a
    dateline has no full stop to end it), as the body prints it; it starts at the figure when an
    earlier copy of the figure in the sentence would be taken for it; it has at least
    MIN_QUOTE_LENGTH characters and at most the schema's 2000; `occurrence` is given when the body
    holds it more than once. `claims check` places it, and the skip, where the figure is."""
    text = source.body.segments[f.segment].text

    def line_of(k: int) -> int:
        return source.body.locate(f.segment, k, k + 1).line

    # The figure's line, in the segment's canonical text (line numbers grow with the offset).
    line_start = bisect_left(range(f.start + 1), f.line, key=line_of)
    line_end = bisect_right(range(len(text)), f.end_line, key=line_of)
    begin = max([line_start, *(m.start() for m in SENTENCE_START.finditer(text, line_start, f.start + 1))])
    after = SENTENCE_START.search(text, f.end, line_end)
    stop = after.start() if after is not None else line_end
    figure = text[f.start : f.end]
    if text.find(figure, begin, f.start + len(figure)) != f.start:
        begin = f.start  # an earlier copy of the figure in the sentence would be the one skipped
    alone = begin == f.start
    while stop - begin < MIN_QUOTE_LENGTH and (stop < len(text) or (begin > 0 and not alone)):
        if stop < len(text):
            stop += 1
        else:
            begin -= 1
    if stop - begin > SKIP_QUOTE_MAX:
        begin, stop = max(begin, f.start - 200), min(stop, f.end + 200)
    while begin < f.start and text[begin] == " ":  # canonical text: no space at either end
        begin += 1
    while stop > f.end and text[stop - 1] == " ":
        stop -= 1
    quote = text[begin:stop]
    stub: dict[str, str | int] = {"source": source.id, "quote": quote}
    n, nth = 0, 0
    for k, seg in enumerate(source.body.segments):
        i = seg.text.find(quote)
        while i != -1:
            n += 1
            if (k, i) == (f.segment, begin):
                nth = n
            i = seg.text.find(quote, i + 1)
    if n > 1:
        stub["occurrence"] = nth
    stub.update(figure=figure, reason="", note="")
    return stub


def skip_stubs(cov: Coverage, sources: dict[str, Source]) -> str:
    """Every uncovered figure and date as a skip to paste at the end of claims/skips.yaml, its reason
    and note left for the editor to write (or the figure to claim instead)."""
    from .schemas import checker_schema
    from .yamlwrite import comment, list_item

    reasons = checker_schema("skips.schema.json")["$defs"]["skip"]["properties"]["reason"]["enum"]

    out = [
        "# Paste under `skips:` in claims/skips.yaml the ones that are not claims, then give each a reason",
        f"# ({', '.join(reasons)}) and a note saying why. Claim the others instead (`claims add`).",
    ]
    for f in cov.uncovered:
        out.append(terminal(comment(f"  # {f.where()}: {f.kind} '{f.text}' ({f.value})")))
        # Articles come in pull requests too: what they hold reaches the terminal escaped, as YAML that
        # reads back as the article's own text.
        out.append(list_item(skip_stub(sources[f.source], f), 2, 4, inert=True).rstrip("\n"))
    return "\n".join(out) + "\n"


def found_json(f: Found) -> dict[str, object]:
    return {
        "kind": f.kind,
        "text": f.text,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "value": f.value,
        "status": f.status,
        "by": list(f.by),
        "sentence": f.sentence,
    }


def json(cov: Coverage) -> str:
    return (
        exactjson.dumps(
            {
                "total": cov.total,
                "claimed": cov.count("claimed"),
                "skipped": cov.count("skipped"),
                "uncovered": cov.count("uncovered"),
                "articles": [
                    {
                        "source": a.source,
                        "file": a.file,
                        "outlet": a.outlet,
                        "published": a.published,
                        "total": a.total,
                        "claimed": a.count("claimed"),
                        "skipped": a.count("skipped"),
                        "uncovered": a.count("uncovered"),
                        "figures": [found_json(f) for f in a.found],
                    }
                    for a in cov.articles
                ],
            }
        )
        + "\n"
    )
