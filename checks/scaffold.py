"""Scaffolding a claim from a quote: the domain half of `claims add`.

The quote is checked by the checker itself (the claim, complete or not, is checked as if it were
appended: checks.editing.check_as_if), so its problems carry exactly the messages `claims check`
prints. The figures are read from the quote (checks.quantity); subject, property and unit are
suggested from the claims that already quote the same sentence, from claims of other articles with
the same figure, and from the vocabulary's Korean labels found in the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from .checker import CheckResult
from .claims import CLAIMS, Claim, claims_files, read_claims_file
from .compare import bounds_text
from .coverage import figure_range
from .dates import TimeReading, find_times
from .editing import MODELINE, EditRefused, Planned, check_as_if, new_problems, plan_append, write
from .inert import shell_word
from .problems import Problem
from .quantity import NotAFigure, Quantity, find_quantities, read_quantity
from .quotes import canonical
from .report import grouped
from .search import Article, fold
from .sources import Source, load_sources
from .yamlfile import read_yaml
from .yamlwrite import comment

# The problems that say the quote itself cannot be verified (checks.checker._check_claim).
QUOTE_CODES = (
    "unknown-source",
    "source-unusable",
    "quote-too-short",
    "quote-not-found",
    "quote-ambiguous",
    "occurrence-out-of-range",
)
REQUIRED = ("as_written", "unit", "subject", "property")
_ID = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*\Z")
_SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PROVISIONAL = "x-claims-add-provisional"
# After a date, the words that make it the time a figure holds (지난해 3분기 기준 128명, 올해 1월 현재).
_AS_OF_WORDS = ("기준", "현재")


@dataclass
class Request:
    source: str
    quote: str
    id: str | None = None
    subject: str | None = None
    property: str | None = None
    as_written: str | None = None
    unit: str | None = None
    as_of: str | None = None
    as_of_text: str | None = None
    occurrence: int | None = None
    note: str | None = None

    def fields(self, claim_id: str) -> dict[str, str | int]:
        """The claim as it is written, keys in the order the registry's files use."""
        # Quote, figure and time words are written in the canonical form the checker verifies (NFC,
        # whitespace folded): a quote pasted across a line break reads as one line.
        out: dict[str, str | int] = {"id": claim_id, "source": self.source, "quote": canonical(self.quote)}
        for key in ("occurrence", "subject", "property", "as_written", "unit", "as_of", "as_of_text", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = canonical(value) if key in ("as_written", "as_of_text") else value
        return out


@dataclass
class Suggestion:
    value: str
    why: str


@dataclass(frozen=True)
class Figure:
    """A figure of the quote as a claim would state it: its text, unit and exact value (None for an
    event date, which the time reader reads, not the figure reader)."""

    text: str
    unit: str | None
    value: Fraction | None = None
    reading: str = ""  # an event date: the days the time reader reads (2021-Q3, counted from …)
    as_of_words: str = ""  # a date followed by 기준 or 현재: it says when a figure holds, not an event
    days: str = ""  # a resolved date: the days it names, as an `as_of` label (2023-08)
    # A figure's bounds (low, high, low inclusive, high inclusive): a range has no single value.
    bounds: tuple[object, ...] = ()
    paired_with: str = ""  # the amount of a paired figure this one restates (1억 달러(약 1200억원))

    @classmethod
    def of(cls, q: Quantity, paired_with: str = "") -> Figure:
        bounds = (q.low, q.high, q.low_inclusive, q.high_inclusive)
        return cls(q.text, q.unit, q.value, bounds=bounds, paired_with=paired_with)

    @classmethod
    def of_date(cls, reading: TimeReading, quote: str, published: date) -> Figure:
        # As the registry writes an event date: whole, with the 까지 or 부터 that says which end of a
        # time it is (2030년까지, 2021년부터 2023년까지), as the checker's whole-date rule reads it.
        text = reading.text
        after = quote[reading.end : reading.end + 2]
        if after in ("까지", "부터") and not text.endswith(after):
            text += after
        if reading.span is None:
            how = f"not resolved: {reading.why}"
        else:
            how = (
                reading.span.label()
                if reading.relation == "at"
                else f"{reading.relation} {reading.span.label()}"
            )
            if reading.relative:
                how += f", counted from the publication date {published.isoformat()}"
        follows = quote[reading.end :].lstrip()
        words = next((w for w in _AS_OF_WORDS if follows.startswith(w)), "")
        days = reading.span.label() if reading.span is not None and reading.relation == "at" else ""
        return cls(text, "date", None, how, f"{reading.text} {words}" if words else "", days)

    def label(self) -> str:
        if self.unit == "date" and self.reading:
            return f"{self.text} ({self.reading})"
        return f"{self.text} ({self.unit})" if self.unit else self.text


@dataclass
class FigureOption:
    """One figure of the quote, with what a claim of it would be."""

    quantity: Figure
    unit: Suggestion | None
    subjects: list[Suggestion]
    properties: list[Suggestion]
    times: list[tuple[str, str, str]]  # (as_of, as_of_text, why)
    claimed_by: list[str]  # claims on the same sentence with this very figure
    time_of: list[str] = field(default_factory=list)  # a date: claims whose as_of_text it is
    # The figure's own time, when the quote says it (지난해 3분기 기준 128명: 128명 holds at 2021-Q3): the
    # ready-to-run command carries it, so that an editor who runs it as printed does not lose it.
    held_at: tuple[str, str] | None = None  # (as_of, as_of_text)


@dataclass
class Outcome:
    """What `claims add` found, and did."""

    status: str  # "written", "incomplete", "refused"
    problems: list[Problem] = field(default_factory=list)
    message: str = ""
    source: Source | None = None
    place: tuple[int, int] | None = None  # the quote's line and column in the article
    sentence: str = ""
    sentence_claims: list[Claim] = field(default_factory=list)
    options: list[FigureOption] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    claim_id: str = ""
    planned: Planned | None = None
    # The comparison groups the new claim joins: (group key, relation, explanation), for the editor
    # to see at once whether it agrees with other outlets or opens a conflict.
    groups: list[tuple[str, str, str]] = field(default_factory=list)
    # How the checker read the new claim's figure or date: the editor confirms it is what the article
    # means (a relative date resolved against the wrong day would otherwise pass unseen).
    reading: str = ""


def claims_path(root: Path, source_id: str, claims: list[Claim]) -> str:
    """Where a new claim of this source goes: the one file that already holds its claims, else
    claims/<source>.yaml."""
    files = sorted({c.path for c in claims if c.source == source_id})
    return files[0] if len(files) == 1 else f"{CLAIMS}/{source_id}.yaml"


def header(source: Source) -> str:
    return (
        MODELINE.format(schema="../schema/claims.schema.json")
        + "\n"
        + comment(f"# Claims stated by {source.outlet}, {source.published.isoformat()}: {source.headline}")
        + "\n"
        + comment(f"# ({source.file}). Schema: schema/claims.schema.json; keys: schema/vocabulary.yaml.")
        + "\n"
    )


def propose_id(source: str, prop: str, as_of: str | None, taken: set[str]) -> str:
    base = f"{source}.{prop}" + (f"-{as_of.replace('/', '-').lower()}" if as_of else "")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _existing(root: Path) -> list[Claim]:
    claims: list[Claim] = []
    for file in claims_files(root):
        claims.extend(read_claims_file(root, file).claims)
    return claims


def same_claim(a: Claim, fields: dict[str, str | int]) -> bool:
    return (
        a.source == fields["source"]
        and canonical(a.quote) == canonical(str(fields["quote"]))
        and a.subject == fields["subject"]
        and a.property == fields["property"]
        and canonical(a.as_written) == canonical(str(fields["as_written"]))
        and a.unit == fields["unit"]
        and a.as_of == fields.get("as_of")
        and (a.occurrence or 1) == fields.get("occurrence", 1)
    )


def _same_fact(a: Claim, fields: dict[str, str | int]) -> bool:
    return (
        a.source == fields["source"]
        and a.subject == fields["subject"]
        and a.property == fields["property"]
        and canonical(a.as_written) == canonical(str(fields["as_written"]))
        and a.unit == fields["unit"]
        and a.as_of == fields.get("as_of")
    )


def _same_figure_claimed(
    after: CheckResult, request: Request, claim_id: str, existing: list[Claim]
) -> str | None:
    """Why the new claim states again what a claim already states, or None: the same figure of the
    article, at the same place (as coverage places it: the whole figure in the quote's occurrence),
    for the same subject, property and unit. The words may differ (`500~600명` and `500~600명 규모`,
    `1억 달러` and `1억 달러(약 1360억원)`), and so may the time: one figure of an article has one time,
    and a second claim of it would count one outlet's statement twice."""
    source = after.sources.get(request.source)
    new = next((c for c in after.claims if c.id == claim_id), None)
    if source is None or new is None or claim_id not in after.places:
        return None
    mine = figure_range(source, new.quote, new.occurrence, new.as_written, new.unit)
    if mine is None:
        return None
    for other in existing:
        if (other.source, other.subject, other.property, other.unit) != (
            new.source,
            new.subject,
            new.property,
            new.unit,
        ) or other.id not in after.places:
            continue
        theirs = figure_range(source, other.quote, other.occurrence, other.as_written, other.unit)
        if theirs is not None and theirs[0] == mine[0] and theirs[1] < mine[2] and mine[1] < theirs[2]:
            time = f" at {other.as_of}" if other.as_of else ""
            return (
                f"claim {other.id} ({other.path}:{other.line}) already claims this figure of the article: "
                f"{other.as_written}{time} for {other.subject} / {other.property}; one figure is claimed once "
                "(edit that claim instead); nothing written"
            )
    return None


def add_claim(root: Path, request: Request, dry_run: bool = False) -> Outcome:
    if not _SOURCE_ID.match(request.source):
        raise EditRefused(f"--source '{request.source}' is not a source ID (e.g. newsway-2022-01-19)")
    if request.id is not None and not _ID.match(request.id):
        raise EditRefused(
            f"--id '{request.id}' is not in the ID form: lowercase letters, digits, single dots or hyphens "
            "(e.g. newsway-2022-01-19.headcount-2021-q3)"
        )
    if (request.as_of is None) != (request.as_of_text is None):
        raise EditRefused("--as-of and --as-of-text go together: the time, and the quote's words that say it")
    existing = _existing(root)
    taken = {c.id for c in existing}
    if request.id is not None and request.id in taken:
        first = next(c for c in existing if c.id == request.id)
        raise EditRefused(
            f"claim ID '{request.id}' is already used at {first.path}:{first.line}; choose another --id"
        )
    rel = claims_path(root, request.source, existing)
    missing = [f for f in REQUIRED if getattr(request, f) is None]
    if not missing:
        return _write(root, request, rel, existing, taken, dry_run)
    return _suggest(root, request, rel, existing, taken, missing)


def _plan(root: Path, request: Request, rel: str, claim_id: str, result_source: Source | None) -> Planned:
    head = header(result_source) if result_source is not None else None
    return plan_append(root, rel, "claims", request.fields(claim_id), head)


def _source_of(root: Path, source_id: str) -> Source | None:
    return load_sources(root).sources.get(source_id)


def _write(
    root: Path, request: Request, rel: str, existing: list[Claim], taken: set[str], dry_run: bool
) -> Outcome:
    assert request.property is not None
    claim_id = request.id or propose_id(request.source, request.property, request.as_of, taken)
    fields = request.fields(claim_id)
    for other in existing:
        if same_claim(other, fields):
            raise EditRefused(
                f"an identical claim is already in the registry: {other.id} ({other.path}:{other.line}); nothing written"
            )
    source = _source_of(root, request.source)
    planned = _plan(root, request, rel, claim_id, source)
    after = check_as_if(root, planned)
    mine = after.places.get(claim_id)
    for other in existing:
        theirs = after.places.get(other.id)
        if mine is None or theirs is None or not _same_fact(other, fields):
            continue
        if (theirs.line, theirs.column) <= (mine.end_line, mine.end_column) and (mine.line, mine.column) <= (
            theirs.end_line,
            theirs.end_column,
        ):
            raise EditRefused(
                f"claim {other.id} ({other.path}:{other.line}) already states this: the same figure "
                f"{other.as_written} for {other.subject} / {other.property}"
                + (f" at {other.as_of}" if other.as_of else "")
                + " from an overlapping quote; nothing written"
            )
    same = _same_figure_claimed(after, request, claim_id, existing)
    if same is not None:
        raise EditRefused(same)
    problems = new_problems(root, after)
    outcome = Outcome("refused", problems, source=after.sources.get(request.source), claim_id=claim_id)
    outcome.planned = planned
    if problems:
        outcome.message = f"not written: the claim would make {len(problems)} problem(s) in the registry"
        return outcome
    place = after.places.get(claim_id)
    outcome.place = (place.line, place.column) if place is not None else None
    outcome.reading = how_read(after, claim_id)
    outcome.groups = sorted(
        (g.key, g.relation, g.explanation)
        for g in after.groups
        if any(m.claim.id == claim_id for m in g.members)
    )
    if not dry_run:
        write(root, planned)
    outcome.status = "written"
    return outcome


def how_read(result: CheckResult, claim_id: str) -> str:
    """The claim's figure as the checker read it: value, unit and bounds; or, for an event date, the
    days it names, with how relative words were counted."""
    reading = result.dates.get(claim_id)
    if reading is not None and reading.span is not None:
        counted = f"; {reading.why}" if reading.relative and reading.why else ""
        return f"{reading.describe()} ({reading.precision}{counted})"
    q = result.quantities.get(claim_id)
    if q is None:
        return ""
    value = "no single value" if q.value is None else grouped(q.value)
    return f"{value} {q.unit or '(no unit)'}, bounds {bounds_text(q)}"


def _suggest(
    root: Path, request: Request, rel: str, existing: list[Claim], taken: set[str], missing: list[str]
) -> Outcome:
    provisional = request.id or _PROVISIONAL
    while provisional in taken:
        provisional += "-x"
    quote = canonical(request.quote)
    figures = find_quantities(quote)
    stand_in = Request(**request.__dict__)
    stand_in.as_written = request.as_written or (figures[0].text if figures else quote or "-")
    stand_in.unit = request.unit or "x"
    stand_in.subject = request.subject or "x"
    stand_in.property = request.property or "x"
    source = _source_of(root, request.source)
    planned = _plan(root, stand_in, rel, provisional, source)
    after = check_as_if(root, planned)
    outcome = Outcome("refused", source=after.sources.get(request.source), missing=missing, planned=planned)
    quote_problems = [
        p for p in after.problems if p.path == rel and p.line >= planned.line and p.code in QUOTE_CODES
    ]
    if quote_problems:
        outcome.problems = quote_problems
        outcome.message = "the quote cannot be verified; fix it first"
        return outcome
    place = after.places.get(provisional)
    if place is None or outcome.source is None:
        # The quote was not placed for a reason of its own (too long to search, say): every problem
        # of the claim, except those of the stand-in values, says why.
        outcome.problems = [
            p
            for p in after.problems
            if p.path == rel and p.line >= planned.line and not _about_stand_in(p, planned, stand_in, request)
        ]
        outcome.message = "the quote cannot be verified; fix it first"
        return outcome
    outcome.status = "incomplete"
    outcome.place = (place.line, place.column)
    article = Article(outcome.source)
    start = article.offset(place.line, place.column)
    end = article.offset(place.end_line, place.end_column) + 1
    s, e = article.sentence(start, end)
    outcome.sentence = canonical(article.text[s:e])
    on_sentence = []
    for claim in after.claims:
        p = after.places.get(claim.id)
        if claim.id == provisional or claim.source != request.source or p is None:
            continue
        a = article.offset(p.line, p.column)
        b = article.offset(p.end_line, p.end_column) + 1
        if a < e and s < b:
            on_sentence.append(claim)
    outcome.sentence_claims = sorted(on_sentence, key=lambda c: c.id)
    chosen: list[Figure]
    if request.as_written is not None and request.unit == "date":
        chosen = [Figure(canonical(request.as_written), "date")]  # an event date: the checker reads it
    elif request.as_written is not None:
        try:
            chosen = [Figure.of(read_quantity(request.as_written))]
        except NotAFigure as exc:
            outcome.status = "refused"
            outcome.message = f"cannot read --as-written '{request.as_written}' as a figure: {exc.message}"
            return outcome
    else:
        chosen = _figures_and_dates(quote, figures, outcome.source.published)
    others = [c for c in after.claims if c.id != provisional]
    held = _held_at(_figures_and_dates(quote, figures, outcome.source.published))
    paragraph = _paragraph_claims(after, request.source, article, place, provisional, outcome.sentence_claims)
    for q in chosen:
        option = _option(q, request, after, outcome.sentence, outcome.sentence_claims, others, paragraph)
        given = held.get((q.text, q.unit))
        first = [t for t in option.times if given is not None and t[:2] == given[:2]]
        if given is not None and first:
            # The time the quote gives this figure comes first among the times offered.
            option.held_at = given[:2]
            option.times = first + [t for t in option.times if t[:2] != option.held_at]
            as_of, words, why = first[0]
            option.times[0] = (as_of, words, f"{why}; «{given[2]}» says when {q.text} holds")
        outcome.options.append(option)
    return outcome


def _held_at(found: list[Figure]) -> dict[tuple[str, str | None], tuple[str, str, str]]:
    """The figures whose time the quote states in so many words: a date followed by 기준 or 현재 says
    when the figure right after it holds (지난해 3분기 기준 128명, 올해 1월 현재 300명). Only the next
    figure, and only when no other date comes between: `2023년 기준 매출 100억원, 영업이익 10억원` gives
    100억원 its time, and leaves 10억원's to the editor."""
    held: dict[tuple[str, str | None], tuple[str, str, str]] = {}
    for f, after in pairwise(found):
        if f.unit == "date" and f.as_of_words and f.days and after.unit != "date":
            words = f.as_of_words.rsplit(" ", 1)[0]
            held.setdefault((after.text, after.unit), (f.days, words, f.as_of_words))
    return held


def _paragraph_claims(
    result: CheckResult,
    source_id: str,
    article: Article,
    place: object,
    provisional: str,
    on_sentence: list[Claim],
) -> list[Claim]:
    """Claims of the same article on the quote's paragraph (its line of the article file) but not on
    its sentence: `투자는 향후 2년에 걸쳐 나눠 집행된다` names no subject, the sentence before it does."""
    lines = range(place.line, place.end_line + 1)  # type: ignore[attr-defined]
    seen = {c.id for c in on_sentence}
    out = []
    for claim in result.claims:
        p = result.places.get(claim.id)
        if claim.id == provisional or claim.id in seen or claim.source != source_id or p is None:
            continue
        if p.line in lines or p.end_line in lines:
            out.append(claim)
    return sorted(out, key=lambda c: c.id)


def _figures_and_dates(quote: str, figures: list[Quantity], published: date) -> list[Figure]:
    """What the quote states, in reading order, as `claims coverage` counts it: its dates (the time
    reader), and its figures (the number reader) outside them. A year, month or day written in digits
    inside a date is the date's: `2017년` of `2017년 설립` is the year 2017, not a count of 2017 years.
    A count in words inside one stays a figure of its own (`나흘` of `21일부터 나흘 동안`: four days)."""
    if published == date.min:  # no publication date to count relative words from
        return [Figure.of(q) for q in figures]
    dates = find_times(quote, published)
    found: list[tuple[int, int, Figure]] = [(d.start, 0, Figure.of_date(d, quote, published)) for d in dates]
    for q in figures:
        if not (q.text[:1].isdigit() and any(d.start < q.end and q.start < d.end for d in dates)):
            found.append((q.start, 0, Figure.of(q)))
            if q.paired is not None:
                # Either amount of a paired figure stands on its own (README): the other currency's
                # amount is offered too, right after it.
                found.append((q.start, 1, Figure.of(q.paired, paired_with=q.text)))
    return [f for _, _, f in sorted(found, key=lambda item: item[:2])]


def _claims_figure(claim: Claim, q: Figure, result: CheckResult) -> bool:
    """Does a claim on the sentence state this figure: as written, or without words that change nothing
    (`3조6000억원` of `총 3조6000억원`, `나흘` of `나흘 동안`: the same value in the same unit)?"""
    written = canonical(claim.as_written)
    if (claim.unit == "date") != (q.unit == "date"):
        return False
    if written == canonical(q.text):
        return True
    read = result.quantities.get(claim.id)
    # The same value, or for a range (500~600명 of 500~600명 규모) the same bounds.
    return (
        q.unit != "date"
        and read is not None
        and written in q.text
        and read.unit == q.unit
        and (
            (q.value is not None and read.value == q.value)
            or (
                q.value is None and (read.low, read.high, read.low_inclusive, read.high_inclusive) == q.bounds
            )
        )
    )


def _about_stand_in(p: Problem, planned: Planned, stand_in: Request, request: Request) -> bool:
    """Is this problem about a value `claims add` put in for a missing field?"""
    node = read_yaml(planned.new, planned.rel).root
    items = node.get("claims") if node is not None else None
    claim = items.value[-1] if items is not None and isinstance(items.value, list) and items.value else None
    if claim is None:
        return False
    for key in REQUIRED:
        field_node = claim.get(key)
        if getattr(request, key) is None and field_node is not None and field_node.line == p.line:
            return True
    return p.code in ("unit-mismatch", "figure-unreadable") and (
        request.unit is None or request.as_written is None
    )


def _option(
    q: Figure,
    request: Request,
    result: CheckResult,
    sentence: str,
    sentence_claims: list[Claim],
    others: list[Claim],
    paragraph_claims: list[Claim] = (),  # type: ignore[assignment]
) -> FigureOption:
    vocabulary = result.vocabulary
    if q.unit == "date":
        unit = Suggestion("date", "an event's date: the time reader reads it as the days it names")
    else:
        unit = Suggestion(q.unit, f"the unit of {q.text}") if q.unit else None
    unit_key = request.unit or q.unit
    claimed_by = [c.id for c in sentence_claims if _claims_figure(c, q, result)]
    time_of = [
        c.id
        for c in sentence_claims
        if q.unit == "date" and c.as_of_text is not None and canonical(c.as_of_text) == canonical(q.text)
    ]
    subjects: Counter[str] = Counter()
    why_subject: dict[str, str] = {}
    properties: Counter[str] = Counter()
    why_property: dict[str, str] = {}

    def vote(table: Counter[str], why: dict[str, str], key: str, weight: int, reason: str) -> None:
        table[key] += weight
        why.setdefault(key, reason)

    for c in sentence_claims:
        vote(subjects, why_subject, c.subject, 100, f"claim {c.id} quotes this sentence")
        if c.unit == unit_key:
            vote(properties, why_property, c.property, 100, f"claim {c.id} quotes this sentence, in {c.unit}")
    for c in paragraph_claims:
        vote(subjects, why_subject, c.subject, 20, f"claim {c.id} quotes this paragraph")
    same_value = [c for c in others if c.unit == unit_key and result.quantities.get(c.id) is not None]
    for c in same_value:
        if q.value is not None and result.quantities[c.id].value == q.value:
            # The same words (5년 간 and 5년 간) more likely state the same thing than the same value in
            # other words (5년 간, a plan's period, and 5년차, a year of tenure).
            weight = 30 if canonical(c.as_written) == canonical(q.text) else 10
            vote(subjects, why_subject, c.subject, weight, f"claim {c.id} states the same figure")
            vote(properties, why_property, c.property, weight, f"claim {c.id} states the same figure")
    if q.unit == "date" and q.days:
        # Another outlet's date claim naming the same days is most likely of the same event.
        for c in others:
            reading = result.dates.get(c.id)
            if c.source == request.source or reading is None or reading.span is None:
                continue
            if reading.relation == "at" and reading.span.label() == q.days:
                # Many things happen in a year: a year alone is weaker evidence than a month or a day.
                weight = 10 if reading.precision in ("year", "decade") else 30
                vote(subjects, why_subject, c.subject, weight, f"claim {c.id} states the same date")
                vote(properties, why_property, c.property, weight, f"claim {c.id} states the same date")
    folded_sentence, folded_quote = fold(sentence), fold(canonical(request.quote))
    named: list[str] = []  # the subjects' labels the sentence holds: their words name no property
    for key, term in sorted(vocabulary.subjects.items()):
        label = fold(term.ko)
        if label and label in folded_sentence:
            named.append(label)
            # A subject named in the quote the editor chose is likelier the figure's than one named
            # elsewhere in the sentence.
            in_quote = 20 if label in folded_quote else 0
            where = "the quote" if in_quote else "the sentence"
            vote(subjects, why_subject, key, 50 + len(label) + in_quote, f"{where} names {term.ko}")
    units_of: dict[str, set[str]] = {}
    for c in others:
        units_of.setdefault(c.property, set()).add(c.unit)
    # A word of a property's label tells properties apart as much as it is rare among the labels
    # (`취임` names one property, `회장` two, `계획` three); a word that is a subject's name (`구광모`)
    # says whose figure it is, not which; a word in the quote itself counts twice.
    label_words = {key: _label_words(term.ko) for key, term in vocabulary.properties.items()}
    frequency = Counter(w for words in label_words.values() for w in set(words))
    for key in sorted(vocabulary.properties):
        if unit_key is not None and key in units_of and unit_key not in units_of[key]:
            continue  # claims of this property use other units
        found = [
            w for w in label_words[key] if w in folded_sentence and not any(w in label for label in named)
        ]
        if found:
            weight = sum((24 if w in folded_quote else 12) // frequency[w] for w in found)
            vote(
                properties,
                why_property,
                key,
                max(weight, 1),
                f"the sentence says {', '.join(found)} ({vocabulary.properties[key].ko})",
            )
    chosen_subject = request.subject or (max(subjects, key=lambda k: (subjects[k], k)) if subjects else None)
    if chosen_subject is not None:
        for c in others:
            if c.subject == chosen_subject and c.unit == unit_key:
                vote(properties, why_property, c.property, 5, f"{chosen_subject} has claims of {c.property}")
    times: list[tuple[str, str, str]] = []
    quote = canonical(request.quote)
    # The time of a claim of this very figure first: it is most likely the figure's own.
    for c in sorted(sentence_claims, key=lambda c: (c.id not in claimed_by, c.id)):
        if c.as_of and c.as_of_text and canonical(c.as_of_text) in quote:
            entry = (c.as_of, c.as_of_text, f"the time of claim {c.id} ({c.as_written})")
            if entry[:2] not in [t[:2] for t in times]:
                times.append(entry)
    # Then every calendar time the quote states, read by the time reader as `claims check` reads
    # as_of_text, relative words counted from the publication date (지난해 3분기 in January 2022:
    # 2021-Q3), so the suggestion is what the check will accept. Only times that name a span
    # (`at`): `2023년까지` names the end of some time, not the figure's time.
    source = result.sources.get(request.source)
    if source is not None and source.published != date.min:
        for reading in find_times(quote, source.published):
            if reading.span is None or reading.relation != "at":
                continue
            entry = (reading.span.label(), reading.text)
            if entry in [t[:2] for t in times]:
                continue
            why = f"the quote says {reading.text}"
            if reading.relative:
                why += f", counted from the publication date {source.published.isoformat()}"
            if reading.vague:
                why += f" (some time within {reading.span.label()}: narrow it if the article says more)"
            times.append((*entry, why))

    def ranked(table: Counter[str], why: dict[str, str], known: dict[str, object]) -> list[Suggestion]:
        keys = sorted(table, key=lambda k: (-table[k], k))
        return [Suggestion(k, why[k]) for k in keys if k in known][:3]

    if q.unit == "date":
        times = []  # an event's date is its own time: compared as undated (README, "Event dates")
    return FigureOption(
        q,
        unit,
        ranked(subjects, why_subject, vocabulary.subjects),
        ranked(properties, why_property, vocabulary.properties),
        times,
        claimed_by,
        time_of,
    )


def _label_words(label: str) -> list[str]:
    """The words of a vocabulary label that can be looked for in a sentence: Korean, two letters or more."""
    words = (fold(w) for w in re.split(r"[\s()·,]+", label))
    return [w for w in dict.fromkeys(words) if len(w) >= 2 and not w.isascii()]


def command_line(request: Request, option: FigureOption | None, root_arg: str | None) -> str:
    """The `claims add` command that would write the claim, with the best suggestions filled in."""
    args = ["claims", "add", "--source", request.source, "--quote", canonical(request.quote)]
    if request.id:
        args += ["--id", request.id]
    as_written = request.as_written or (option.quantity.text if option else "FIGURE")
    unit = request.unit or (option.unit.value if option and option.unit else "UNIT")
    subject = request.subject or (option.subjects[0].value if option and option.subjects else "SUBJECT")
    prop = request.property or (option.properties[0].value if option and option.properties else "PROPERTY")
    args += ["--subject", subject, "--property", prop, "--as-written", as_written, "--unit", unit]
    if request.as_of is not None and request.as_of_text is not None:
        args += ["--as-of", request.as_of, "--as-of-text", request.as_of_text]
    elif option is not None and option.times and option.claimed_by:  # the time of this very figure
        as_of, words, _ = option.times[0]
        args += ["--as-of", as_of, "--as-of-text", words]
    elif option is not None and option.held_at is not None:  # the quote says when it holds (… 기준)
        args += ["--as-of", option.held_at[0], "--as-of-text", option.held_at[1]]
    if request.occurrence is not None:
        args += ["--occurrence", str(request.occurrence)]
    if request.note is not None:
        args += ["--note", request.note]
    if root_arg is not None:
        args += ["--root", root_arg]
    return " ".join(shell_word(a) for a in args)  # copied and run: inert, yet the same words
