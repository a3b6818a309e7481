"""The held-out figure tables (issue 8, round 2 review): figures written the way Korean news writes
them, each with the reading a careful Korean reader gives, written before the reader's own table was
read. Every row runs; a reading that differs from the expected one is a silently wrong number.

checks/tests/data/figures_heldout.tsv: one figure per row, for `read_quantity`.
checks/tests/data/running_heldout.tsv: sentences, for `find_quantities`: every figure found must be
expected (a word read as a figure fails) and every expected figure must be found with its reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantity import NotAFigure, Quantity, find_quantities, read_quantity

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Reading:
    """What a careful reader says: value, bounds (None = open), inclusivity, unit."""

    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    low_inclusive: bool
    high_inclusive: bool
    unit: str | None
    bounds_given: bool = True

    def describe(self) -> str:
        if not self.bounds_given:
            return f"value {self.value} {self.unit}"
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        return f"value {self.value} {left}{self.low},{self.high}{right} {self.unit}"


def _number(text: str) -> Fraction | None:
    return None if text == "-" else Fraction(text)


def parse_reading(spec: str) -> Reading:
    """`VALUE BOUNDS UNIT` (see the header of figures_heldout.tsv) or `v=VALUE UNIT`."""
    if spec.startswith("v="):
        value_text, unit = spec[2:].split()
        return Reading(_number(value_text), None, None, False, False, None if unit == "-" else unit, False)
    value_text, bounds, unit = spec.split()
    value = _number(value_text)
    if bounds == "=":
        low = high = value
        low_inclusive = high_inclusive = True
    else:
        low_text, high_text = bounds[1:-1].split(",")
        low, high = _number(low_text), _number(high_text)
        low_inclusive = bounds[0] == "[" and low is not None
        high_inclusive = bounds[-1] == "]" and high is not None
    return Reading(value, low, high, low_inclusive, high_inclusive, None if unit == "-" else unit)


def reading_of(q: Quantity) -> Reading:
    return Reading(q.value, q.low, q.high, q.low_inclusive, q.high_inclusive, q.unit)


def matches(q: Quantity, expected: Reading) -> bool:
    if not expected.bounds_given:
        return q.value == expected.value and q.unit == expected.unit
    return reading_of(q) == expected


@dataclass(frozen=True)
class Row:
    text: str
    expected: Reading | None  # None: a careful reader sees no single figure
    refusal_accepted: bool  # a documented limit: refusing is fine, a different reading is not
    paired: Reading | None
    line: int


def load_rows() -> list[Row]:
    rows = []
    lines = (DATA / "figures_heldout.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        text, spec, *rest = line.split("\t")
        paired = parse_reading(rest[0]) if rest and rest[0] else None
        if spec == "refuse":
            rows.append(Row(text, None, True, None, number))
            continue
        accepted = spec.startswith("either:")
        rows.append(Row(text, parse_reading(spec.removeprefix("either:")), accepted, paired, number))
    return rows


ROWS = load_rows()


def verdict(row: Row) -> tuple[str, str]:
    """('ok' | 'wrong' | 'refused' | 'false-figure', detail) for one row."""
    try:
        q = read_quantity(row.text)
    except NotAFigure as refusal:
        if row.expected is None or row.refusal_accepted:
            return "ok", refusal.message
        return "refused", refusal.message
    if row.expected is None:
        return "false-figure", reading_of(q).describe()
    if not matches(q, row.expected):
        return "wrong", f"read {reading_of(q).describe()}, a careful reader: {row.expected.describe()}"
    if row.paired is not None and (q.paired is None or not matches(q.paired, row.paired)):
        got = reading_of(q.paired).describe() if q.paired else "no pair"
        return "wrong", f"paired amount: read {got}, a careful reader: {row.paired.describe()}"
    return "ok", ""


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.line}:{r.text}" for r in ROWS])
def test_heldout_figure(row: Row) -> None:
    outcome, detail = verdict(row)
    assert outcome == "ok", f"{row.text!r}: {outcome}: {detail}"


def test_heldout_table_is_broad() -> None:
    assert len(ROWS) >= 400
    assert len({r.text for r in ROWS}) == len(ROWS), "a row is repeated"


@dataclass(frozen=True)
class Sentence:
    text: str
    figures: tuple[tuple[str, Reading | None], ...]
    line: int


def load_sentences() -> list[Sentence]:
    sentences = []
    lines = (DATA / "running_heldout.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        text, _, spec = line.partition("\t")
        figures = []
        for item in filter(None, (part.strip() for part in spec.split(";;"))):
            figure, _, reading = item.partition("=>")
            figures.append((figure.strip(), parse_reading(reading.strip()) if reading.strip() else None))
        sentences.append(Sentence(text, tuple(figures), number))
    return sentences


SENTENCES = load_sentences()


def running_problems(sentence: Sentence) -> list[str]:
    """Each missed, misread or unexpected figure in one sentence, in words."""
    found = find_quantities(sentence.text)
    used: set[int] = set()
    problems = []
    search_from = 0
    for figure, expected in sentence.figures:
        start = sentence.text.index(figure, search_from)
        search_from = start + len(figure)
        covering = [i for i, q in enumerate(found) if q.start <= start and start + len(figure) <= q.end]
        if not covering:
            problems.append(f"missed {figure!r}")
            continue
        used.add(covering[0])
        q = found[covering[0]]
        if expected is not None and not matches(q, expected):
            problems.append(f"{figure!r}: read {reading_of(q).describe()}, expected {expected.describe()}")
    for i, q in enumerate(found):
        if i not in used:
            problems.append(f"not a figure, read as one: {q.text!r} ({reading_of(q).describe()})")
    return problems


@pytest.mark.parametrize("sentence", SENTENCES, ids=[f"{s.line}:{s.text[:20]}" for s in SENTENCES])
def test_heldout_running_text(sentence: Sentence) -> None:
    assert running_problems(sentence) == []


# A predicate and its negation split the number line in two (Korean grammar: "did not exceed v" is
# everything "exceeded v" is not). Any amount, any unit, glued or after a particle.
PREDICATE_PAIRS = [
    ("을 넘었다", "을 넘지 못했다"),
    ("을 넘겼다", "을 넘기지 못했다"),
    ("을 넘어섰다", "을 넘어서지 못했다"),
    ("을 넘는다", "을 넘지 않는다"),
    ("을 넘는다", "을 안 넘는다"),
    ("을 웃돌았다", "을 웃돌지 못했다"),
    ("을 상회했다", "을 상회하지 못했다"),
    ("을 밑돌았다", "을 밑돌지 않았다"),
    ("을 하회했다", "을 하회하지 않았다"),
    ("을 돌파했다", "을 돌파하지 못했다"),
    ("을 돌파했다", " 돌파를 앞뒀다"),
    (" 이상", "에 못 미쳤다"),
    (" 이상", "에 미치지 못했다"),
    (" 이상", "에 미달했다"),
    (" 이상", "에 달하지 못했다"),
]
AMOUNTS = st.sampled_from(["{n}억원", "{n}만 명", "{n}조 원", "{n}개", "{n},000원"])


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(min_value=1, max_value=999), AMOUNTS, st.sampled_from(PREDICATE_PAIRS))
def test_negated_predicate_is_the_complement(n: int, amount: str, pair: tuple[str, str]) -> None:
    figure = amount.format(n=n)
    positive, negative = (read_quantity(figure + tail) for tail in pair)
    found = find_quantities(f"올해 매출은 {figure}{pair[1]}.")
    assert [q.text for q in found] == [negative.text]
    assert (found[0].low, found[0].high) == (negative.low, negative.high)
    v = positive.value
    assert v is not None and negative.value == v
    if positive.high is None:  # over v: the negation is at most / below v
        assert negative.low is None and positive.low == negative.high == v
        assert positive.low_inclusive != negative.high_inclusive
    else:  # under v: the negation is v or more
        assert positive.low is None and negative.high is None and positive.high == negative.low == v
        assert positive.high_inclusive != negative.low_inclusive
