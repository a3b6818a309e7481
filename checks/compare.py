"""Comparison: which figures the outlets contradict, agree on, or report as changing over time.

The rules (README, "Comparison", is their documentation; keep the two in step):

1. Claims are compared when they are about the same thing: the same subject, property and unit.
2. The time a claim refers to is its `as_of` when it states one. A claim stating none is, for a
   property that changes over time (vocabulary: `changes_over_time: true`), taken as current on its
   article's publication date; for a one-off fact (`false`), it is *undated* and compared with every
   figure for the same thing. The date of a one-off event (`unit: date`) is undated even with an
   `as_of`: it cannot change over time.
3. Dated claims whose times overlap form one same-time group (overlap is chained: sorted by start,
   a claim joins the group while it overlaps the group's span). Undated claims join every same-time
   group; with no dated claim they form one group of their own.
4. A same-time group is judged on its members from different outlets:
   *contradiction* when two figures' bounds do not overlap (both cannot be true);
   *discrepancy* when all bounds overlap but two stated values differ by more than `TOLERANCE`
   of the larger; *agreement* otherwise; *single* when only one outlet states the figure.
   Event dates (`unit: date`) are intervals of days: two that share no day contradict; two that
   overlap with neither containing the other (days 21-24 and 22-25) are a discrepancy; one that
   contains the other (2021 and 2021-12: one is less precise) or equals it agree. Approximate words
   (20일께, 8월쯤) reach as far again on each side: 20일께 and 21일 share no day, but are a discrepancy.
5. When a thing has same-time groups at two or more different times, its dated claims also form a
   series over time. The series is a *change* when the figure moved: no one value lies within every
   member's bounds, or two stated values differ by more than `TOLERANCE` (for dates: no day is in
   every member's interval). Otherwise nothing changed: the series is an *agreement over time*
   (relation "agreement", `over_time` set), not a change.
6. A single-source group is left out when every one of its claims already stands in another group
   of the same thing (a comparison at some time, or the series): listing it again says nothing new.
7. Two outlets whose supporting sentences are near-identical (a run of `SHARED_RUN` words in common)
   share one origin, usually a press release or a wire story: their agreement is one confirmation,
   not two.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .claims import Claim
from .dates import DATE_UNIT, TimeReading
from .quantity import Quantity
from .quotes import Place
from .resolutions import Resolution
from .sources import Source
from .times import Span, day, parse_as_of

if TYPE_CHECKING:
    from .checker import CheckResult

TOLERANCE = Fraction(1, 100)
SHARED_RUN = 6

RELATIONS = ("contradiction", "discrepancy", "agreement", "change", "single")


@dataclass(frozen=True)
class Member:
    claim: Claim
    source: Source
    quantity: Quantity | None  # None for an event date
    place: Place
    span: Span | None  # None: undated (a one-off fact stated without a time)
    date: TimeReading | None = None  # the event date of a `unit: date` claim, as days

    @builtins.property
    def figure(self) -> Quantity:
        """The quantity of a figure claim (never called on a date claim)."""
        assert self.quantity is not None, self.claim.id
        return self.quantity

    @builtins.property
    def days(self) -> Span:
        """The interval of days of an event-date claim."""
        assert self.date is not None and self.date.span is not None, self.claim.id
        return self.date.span

    @builtins.property
    def reach(self) -> Span:
        """The days an event-date claim may name: its days, widened for approximate words (20일께)."""
        assert self.date is not None and self.date.reach is not None, self.claim.id
        return self.date.reach

    @cached_property
    def sentence(self) -> str:
        """The article sentence that supports the claim (needed only where outlets are compared)."""
        return supporting_sentence(self.source, self.place)

    @property
    def sort_key(self) -> tuple[object, ...]:
        return (self.source.published, self.source.outlet, self.claim.id)


@dataclass
class Group:
    key: str
    subject: str
    property: str
    unit: str
    relation: str
    when: str  # the span's as_of form; "undated"; for a change group, first…last
    members: list[Member]
    explanation: str
    shared_origins: list[list[Member]] = field(default_factory=list)
    resolution: Resolution | None = None
    over_time: bool = False  # a series over time (a change, or an agreement over time)

    @builtins.property  # the field `property` shadows the builtin here
    def outlets(self) -> list[str]:
        return sorted({m.source.outlet for m in self.members})

    @builtins.property  # the field `property` shadows the builtin here
    def is_conflict(self) -> bool:
        return self.relation in ("contradiction", "discrepancy")


def members_of(result: CheckResult) -> list[Member]:
    """Every claim that checked clean enough to compare: quote placed and figure read."""
    members = []
    for claim in result.claims:
        place = result.places.get(claim.id)
        read = result.quantities.get(claim.id)
        reading = result.dates.get(claim.id)
        source = result.sources.get(claim.source)
        if place is None or source is None or (read is None and (reading is None or reading.span is None)):
            continue
        prop = result.vocabulary.properties.get(claim.property)
        if claim.unit == DATE_UNIT and not (prop is not None and prop.changes_over_time):
            # The date of a one-off event is its own time, as_of or not: two outlets' dates of one visit
            # are compared (a contradiction), never a series (the visit did not "change" its date).
            span: Span | None = None
        elif claim.as_of is not None:
            try:
                span = parse_as_of(claim.as_of)
            except ValueError:
                continue  # reported by the checker as invalid-value
        elif prop is not None and prop.changes_over_time and claim.unit != DATE_UNIT:
            # An event date is a one-off fact whatever its property says: the date is its own time.
            span = day(source.published)
        else:
            span = None
        members.append(Member(claim, source, read, place, span, reading))
    return members


def compare(result: CheckResult, resolutions: dict[str, Resolution] | None = None) -> list[Group]:
    by_thing: dict[tuple[str, str, str], list[Member]] = {}
    for m in members_of(result):
        by_thing.setdefault((m.claim.subject, m.claim.property, m.claim.unit), []).append(m)
    units_per_thing: dict[tuple[str, str], int] = {}
    for subject, prop, _unit in by_thing:
        units_per_thing[(subject, prop)] = units_per_thing.get((subject, prop), 0) + 1
    groups: list[Group] = []
    for (subject, prop, unit), members in sorted(by_thing.items()):
        members.sort(key=lambda m: m.sort_key)
        base = f"{subject}/{prop}" + (f"[{unit}]" if units_per_thing[(subject, prop)] > 1 else "")
        groups.extend(_groups_for(base, subject, prop, unit, members))
    for g in groups:
        g.resolution = (resolutions or {}).get(g.key)
    return sorted(groups, key=lambda g: g.key)


def _groups_for(base: str, subject: str, prop: str, unit: str, members: list[Member]) -> list[Group]:
    dated = sorted((m for m in members if m.span is not None), key=lambda m: (m.span, *m.sort_key))
    undated = [m for m in members if m.span is None]
    clusters: list[tuple[Span, list[Member]]] = []
    for m in dated:
        assert m.span is not None
        if clusters and clusters[-1][0].overlaps(m.span):
            span, items = clusters[-1]
            clusters[-1] = (Span(span.start, max(span.end, m.span.end)), [*items, m])
        else:
            clusters.append((m.span, [m]))
    out: list[Group] = []
    if not clusters:
        out.append(_judge(f"{base}@undated", subject, prop, unit, "undated", undated))
    for span, items in clusters:
        label = span.label()
        group_members = sorted([*items, *undated], key=lambda m: m.sort_key)
        out.append(_judge(f"{base}@{label}", subject, prop, unit, label, group_members))
    if len(clusters) > 1:
        series = dated  # in time order
        when = f"{clusters[0][0].label()}…{clusters[-1][0].label()}"
        steps = " → ".join(
            f"{s.label()}: " + " / ".join(sorted({m.claim.as_written for m in items}))
            for s, items in clusters
        )
        if _unchanged(series, unit):
            relation, explanation = (
                "agreement",
                f"the figure did not move, so this is not a change: {steps}",
            )
        else:
            relation, explanation = "change", f"changes over time: {steps}"
        group = Group(base, subject, prop, unit, relation, when, series, explanation, over_time=True)
        group.shared_origins = shared_origins(series)
        out.append(group)
    return _without_redundant_singles(out)


def _without_redundant_singles(groups: list[Group]) -> list[Group]:
    """Rule 6: a single-source group whose every claim stands in another group says nothing new."""
    elsewhere = {m.claim.id for g in groups if g.relation != "single" for m in g.members}
    return [
        g for g in groups if g.relation != "single" or not all(m.claim.id in elsewhere for m in g.members)
    ]


def _unchanged(series: list[Member], unit: str) -> bool:
    """Rule 5: one value lies within every member's bounds and no two stated values differ."""
    if unit == DATE_UNIT:
        return max(m.days.start for m in series) < min(m.days.end for m in series)
    figures = [m.figure for m in series]
    lows = [(q.low, q.low_inclusive) for q in figures if q.low is not None]
    highs = [(q.high, q.high_inclusive) for q in figures if q.high is not None]
    if lows and highs:
        low = max(v for v, _ in lows)
        high = min(v for v, _ in highs)
        low_in = all(inc for v, inc in lows if v == low)
        high_in = all(inc for v, inc in highs if v == high)
        if not (low < high or (low == high and low_in and high_in)):
            return False
    values = [q.value for q in figures if q.value is not None]
    return not values or not differ(max(values), min(values))


def _judge(key: str, subject: str, prop: str, unit: str, when: str, members: list[Member]) -> Group:
    outlets = {m.source.outlet for m in members}
    group = Group(key, subject, prop, unit, "single", when, members, "")
    if len(outlets) < 2:
        what = "date" if unit == DATE_UNIT else "figure"
        group.explanation = f"only {next(iter(outlets))} states this {what}" if outlets else ""
        return group
    if unit == DATE_UNIT:
        _judge_dates(group, members, len(outlets))
        group.shared_origins = shared_origins(members)
        return group
    apart = _pair(
        members,
        lambda m: None if m.figure.low is None else (m.figure.low, not m.figure.low_inclusive),
        lambda m: None if m.figure.high is None else (m.figure.high, m.figure.high_inclusive),
        lambda a, b: not bounds_overlap(a.figure, b.figure),
    )
    spread = _pair(
        members,
        lambda m: m.figure.value,
        lambda m: m.figure.value,
        lambda a, b: differ(a.figure.value, b.figure.value),
    )
    if apart is not None:
        a, b = apart
        group.relation = "contradiction"
        group.explanation = (
            f"{a.source.outlet} {bounds_text(a.figure)} and {b.source.outlet} {bounds_text(b.figure)} "
            "cannot both be true"
        )
    elif spread is not None:
        a, b = spread
        group.relation = "discrepancy"
        group.explanation = (
            f"{a.source.outlet} states {a.claim.as_written}, {b.source.outlet} {b.claim.as_written}: "
            f"the bounds overlap, but the figures differ by more than {TOLERANCE * 100}%"
        )
    else:
        group.relation = "agreement"
        group.explanation = f"{len(outlets)} outlets agree within {TOLERANCE * 100}%"
    group.shared_origins = shared_origins(members)
    return group


def _judge_dates(group: Group, members: list[Member], outlets: int) -> None:
    """Rule 4 for event dates: disjoint days contradict, a partial overlap is a discrepancy, nesting agrees."""
    # 20일께 (around the 20th) and 21일 are not both exact, but may both be true: approximate words are
    # judged by their reach (TimeReading.reach), and a contradiction is two reaches that share no day.
    apart = _pair(
        members,
        lambda m: m.reach.start,  # the latest start against the earliest end
        lambda m: m.reach.end,
        lambda a, b: a.reach.start >= b.reach.end,
    )
    if apart is not None:
        a, b = sorted(apart, key=lambda m: (m.days, m.sort_key))  # the earlier date first
        group.relation = "contradiction"
        group.explanation = (
            f"{a.source.outlet} {a.days.display()} and {b.source.outlet} {b.days.display()} share no day: "
            "both cannot be true"
        )
        return
    # Every pair overlaps. A pair where neither contains the other: distinct intervals are few (one
    # per way of writing the date), so comparing them pairwise stays cheap.
    by_days: dict[Span, list[Member]] = {}
    for m in members:
        by_days.setdefault(m.days, []).append(m)
    spans = sorted(by_days)
    for i, x in enumerate(spans):
        for y in spans[i + 1 :]:
            if x.contains(y) or y.contains(x):
                continue
            pair = next(
                ((a, b) for a in by_days[x] for b in by_days[y] if a.source.outlet != b.source.outlet), None
            )
            if pair is not None:
                a, b = pair
                group.relation = "discrepancy"
                how = (
                    "overlap, but neither contains the other"
                    if x.overlaps(y)
                    else "share no day, but "
                    + " and ".join(
                        f"{m.claim.as_written} is approximate"
                        for m in (a, b)
                        if m.date and m.date.approximate
                    )
                    + ": both may be true"
                )
                group.explanation = (
                    f"{a.source.outlet} {a.days.display()} and {b.source.outlet} {b.days.display()} {how}"
                )
                return
    group.relation = "agreement"
    if len(spans) == 1:
        group.explanation = f"{outlets} outlets agree on {spans[0].display()}"
    else:
        widest = max(spans, key=lambda s: (s.end - s.start, s))
        group.explanation = (
            f"{outlets} outlets agree: {widest.display()} contains "
            + ", ".join(s.display() for s in spans if s != widest)
            + " (one is less precise than the other)"
        )


def _pair(
    members: list[Member],
    high_key: Callable[[Member], Any],
    low_key: Callable[[Member], Any],
    test: Callable[[Member, Member], bool],
) -> tuple[Member, Member] | None:
    """A pair from two different outlets that passes `test`, if any, in linear time.

    `test` is monotone in the keys: if any cross-outlet pair passes, then one of the pairs formed by
    the two outlets with the highest `high_key` and the two with the lowest `low_key` passes. (If
    the outlet with the highest is also the one with the lowest, pair each with the other's
    runner-up.) The test is applied to those few pairs only; ties resolve by the members' order.
    """

    def best(key: Callable[[Member], Any], highest: bool) -> list[Member]:
        per_outlet: dict[str, Member] = {}
        for m in members:
            k = key(m)
            if k is None:
                continue
            held = per_outlet.get(m.source.outlet)
            if held is None or (k > key(held) if highest else k < key(held)):
                per_outlet[m.source.outlet] = m
        ranked = sorted(per_outlet.values(), key=lambda m: (key(m), m.sort_key), reverse=highest)
        return ranked[:2]

    for a in best(high_key, True):
        for b in best(low_key, False):
            if a.source.outlet != b.source.outlet and test(a, b):
                return a, b
    return None


def bounds_overlap(a: Quantity, b: Quantity) -> bool:
    """Whether some value lies within both figures' bounds (open bounds are infinite)."""
    # The highest lower bound against the lowest upper bound.
    lows = [(q.low, q.low_inclusive) for q in (a, b) if q.low is not None]
    highs = [(q.high, q.high_inclusive) for q in (a, b) if q.high is not None]
    if not lows or not highs:
        return True
    low, low_inc = max(lows, key=lambda x: (x[0], not x[1]))
    high, high_inc = min(highs, key=lambda x: (x[0], x[1]))
    return low < high or (low == high and low_inc and high_inc)


def differ(a: Fraction | None, b: Fraction | None) -> bool:
    if a is None or b is None:
        return False
    scale = max(abs(a), abs(b))
    return scale > 0 and abs(a - b) > TOLERANCE * scale


def bounds_text(q: Quantity) -> str:
    low = "−∞" if q.low is None else str(q.low)
    high = "∞" if q.high is None else str(q.high)
    return f"{'[' if q.low_inclusive and q.low is not None else '('}{low}, {high}{']' if q.high_inclusive and q.high is not None else ')'}"


# --- independence ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?。…])\s+|\n")


# Characters read on either side of a quote for its sentence: far more than any sentence of a real
# article. A line of 100,000 characters without a full stop, with thousands of figures, made every
# figure's sentence cost the whole line (and hold it): quadratic (issue 10, class 3). Beyond this reach
# the sentence is cut.
SENTENCE_REACH = 400  # the longest sentence of the real articles has 171 characters, the longest line 314


def supporting_sentence(source: Source, place: Place) -> str:
    """The sentence(s) of the article line holding the quote, from its start to its end."""
    lines = source.lines
    text = "\n".join(lines[place.line - 1 : place.end_line])
    start = place.column - 1
    end = sum(len(x) + 1 for x in lines[place.line - 1 : place.end_line - 1]) + place.end_column
    a, b = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    bounds = (
        [a]
        + [a + m.end() for m in _SENTENCE_END.finditer(text[a:b])]
        + [len(text) + 1 if b == len(text) else b]
    )
    first = max(x for x in bounds if x <= start)
    last = min((x for x in bounds if x >= end), default=b)
    return " ".join(text[first:last].split())


def _runs(sentence: str) -> set[tuple[str, ...]]:
    words = sentence.split()
    return {tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1)}


def same_origin(a: str, b: str) -> bool:
    """Near-identical wording: a run of SHARED_RUN words in common."""
    return not _runs(a).isdisjoint(_runs(b))


def shared_origins(members: list[Member]) -> list[list[Member]]:
    """Sets of members from two or more outlets whose supporting sentences share an origin.

    Linear in the words of the sentences: each run of words is indexed once, and members sharing a
    run are joined (union-find), so a group of any size costs no pairwise comparison.
    """
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(members):
        for run in _runs(m.sentence):
            j = first_with.setdefault(run, i)
            if j != i:
                parent[find(i)] = find(j)
    sets: dict[int, list[Member]] = {}
    for i, m in enumerate(members):
        sets.setdefault(find(i), []).append(m)
    return [s for s in sets.values() if len({m.source.outlet for m in s}) > 1]
