"""Does the figure as written stand in its quote as a whole figure? (issue 10, class 1)

A plain substring test lets `as_written: 28명` pass inside a quote saying `128명`, and the report then
states 28 people. The rule here: some occurrence of the figure (canonical forms, see checks.quotes)
must be a whole figure of the quote *as the quantity reader finds it* (`find_quantities`):

* it lies inside one figure the reader finds in the quote (or inside the paired amount of one, as
  `약 1200억원` in `1억 달러(약 1200억원)`), and
* read on its own, it means exactly what that figure means: the same value, bounds and unit. So words
  that change nothing may be left out (`총 3조6000억원` claimed as `3조6000억원`, `5년 간` as `5년`),
  but nothing that changes the figure: not digits (`28명` in `128명`, `3%` in `13%`, `1억` in
  `11억 원`), not a qualifier (`3000억개` in `약 3000억개`, `80명` in `80여명`), and not one end of a
  range (`5천억` in `4~5천억 원`: the article states a range, and the claim takes it whole), and
* no digit touches it on either side.

Where the reader finds no figure at the occurrence, or the figure as written cannot be read on its own
(`80여명이던`), only the digit boundaries are checked: the figure-reading check that follows then says
what it cannot read. Event dates (`unit: date`)
are the time reader's: for them too only the digit boundaries are checked here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import quantity

_DIGIT_JOINERS = ".,"  # 1,000 and 1.5: a digit across one of these continues the number


def _touches_a_digit(text: str, start: int, end: int) -> bool:
    """Whether a digit continues the number across either edge of text[start:end]."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if (
        before in _DIGIT_JOINERS
        and start > 1
        and text[start - 2].isdigit()
        and text[start : start + 1].isdigit()
    ):
        return True
    return bool(
        after in _DIGIT_JOINERS
        and end + 1 < len(text)
        and text[end + 1].isdigit()
        and text[end - 1].isdigit()
    )


@lru_cache(maxsize=4096)
def _read(figure: str) -> quantity.Quantity | None:
    """The figure as written, read alone (figures repeat across claims: read each once)."""
    try:
        return quantity.read_quantity(unicodedata.normalize("NFC", figure))
    except quantity.NotAFigure:
        return None


def _same(a: quantity.Quantity, b: quantity.Quantity) -> bool:
    return (a.value, a.low, a.high, a.low_inclusive, a.high_inclusive, a.unit) == (
        b.value,
        b.low,
        b.high,
        b.low_inclusive,
        b.high_inclusive,
        b.unit,
    )


def whole_figure_problem(quote: str, figure: str, unit: str) -> str | None:
    """None when `figure` stands whole in `quote` (both canonical, NFC); else what the quote's figure
    actually is, for the message. Assumes `figure` occurs in `quote` as a substring."""
    found = _whole(quote, figure, unit)
    return found if isinstance(found, str) else None


def whole_figure_start(quote: str, figure: str, unit: str) -> int:
    """Where in `quote` the figure stands whole (the occurrence the claim means, e.g. to show it in
    bold: not the `28명` inside an earlier `128명`); the first occurrence when none does, -1 if none."""
    found = _whole(quote, figure, unit) if figure in quote else None
    return found if isinstance(found, int) else quote.find(figure)


def _whole(quote: str, figure: str, unit: str) -> int | str:
    """The start of the first occurrence standing whole, or the message saying why none does."""
    starts = []
    i = quote.find(figure)
    while i != -1:
        starts.append(i)
        i = quote.find(figure, i + 1)
    bounded = [s for s in starts if not _touches_a_digit(quote, s, s + len(figure))]
    if unit == "date":
        return bounded[0] if bounded else _digit_message(quote, figure, starts[0])
    found = quantity.find_quantities(quote)
    figures = [part for q in found for part in (q, q.paired) if part is not None]
    own = _read(figure)
    met: list[quantity.Quantity] = []
    for s in starts:
        e = s + len(figure)
        around = [q for q in figures if q.start < e and s < q.end]
        if not around or own is None:
            if s in bounded:
                # No figure the reader knows here, or the figure cannot be read at all: the
                # figure-reading check (checks.checker) says what it makes of it.
                return s
            continue
        inside = [q for q in around if q.start <= s and e <= q.end]
        if s in bounded and own is not None and any(_same(own, q) for q in inside):
            return s
        met.extend(q for q in around if q not in met)
    if not met:
        return _digit_message(quote, figure, starts[0])
    # The tightest figure around the occurrence is the one the editor most likely meant.
    met.sort(key=lambda q: (q.end - q.start, q.start))
    shown = f"'{met[0].text}'"
    return (
        f"the figure '{figure}' is not a whole figure of the quote: there the quote's figure is {shown}; "
        "copy the whole figure exactly as printed, with its qualifiers (a range is claimed whole)"
    )


def _digit_message(quote: str, figure: str, start: int) -> str:
    a, b = start, start + len(figure)
    while a > 0 and (quote[a - 1].isdigit() or quote[a - 1] in _DIGIT_JOINERS):
        a -= 1
    while b < len(quote) and (quote[b].isdigit() or quote[b] in _DIGIT_JOINERS):
        b += 1
    return (
        f"the figure '{figure}' is only part of a number of the quote ('{quote[a:b]}'); "
        "copy the whole figure exactly as printed"
    )
