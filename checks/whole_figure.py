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

A figure as written that reads alone but stands where the reader finds no figure is refused: the reader
finds words there (`구 회` of `구 회장은` is 9 times alone, `만인` of `1년 만인` 10,000 people) or a
figure it does not read (`US$100` of `US$100 million`). When the figure as written cannot be read on its
own (`80여명이던`), only the digit boundaries are checked: the figure-reading check that follows then
says what it cannot read. Event dates (`unit: date`) are the time reader's: after the digit boundaries,
`checks.dates.whole_date_start` says whether the date stands whole (`8월` out of `2023년 8월` does not).

The quote alone is not enough context: a quote may start or end inside a figure of the article
(`28명으로 늘었다` cut from `128명으로 늘었다`, `3000억개의` from `약 3000억개의`). So once the quote is
placed in its article, a figure near the quote's edges is checked again on the article's text around
it (`whole_figure_in_article`), looking only at occurrences inside the quote. (Dates have their own
check in the article: `checks.dates.whole_date_in_article`.)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import quantity
from .dates import DATE_UNIT, _same_days, whole_date_start
from .quantity.tables import LOOK_BACK_CHARS
from .quotes import whole_sentences

# Characters of the article read on either side of a figure near a placed quote's edge: enough for any
# qualifier or digits a quote's edge can cut off (약, 총, 여, 4~), and for the farthest the figure reader
# looks back (talk of shares earlier in the sentence makes 3주 no longer weeks: 16 characters let a quote
# that starts after 보통주 pass 3주 as weeks where the article's reader refuses it); the window is widened to
# the next space.
CONTEXT_CHARS = LOOK_BACK_CHARS + 2
_MAX_WIDENING = 24

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


def whole_figure_in_article(text: str, start: int, end: int, figure: str, unit: str) -> str | None:
    """`whole_figure_problem` for a quote placed at text[start:end] of its article (a canonical body
    segment): the figures are read with the article's words around the quote, so a quote cut inside a
    figure cannot make a part of it pass.

    The reader's verdict on a figure depends on the words near it only: a figure standing farther than
    CONTEXT_CHARS inside both edges of the quote was already judged with all the context it has (by
    `whole_figure_problem` on the quote), and is not read again. Otherwise only a window around the
    figure's occurrences is read, so the cost stays that of a short text."""
    if unit == DATE_UNIT:
        return None  # checks.dates.whole_date_in_article
    if whole_sentences(text, start, end):
        return None  # the article reads the quote's figures as the quote alone does (checks.quotes)
    starts = []
    i = text.find(figure, start)
    while i != -1 and i + len(figure) <= end:
        starts.append(i)
        i = text.find(figure, i + 1)
    if not starts or all(
        s - start >= CONTEXT_CHARS and end - (s + len(figure)) >= CONTEXT_CHARS for s in starts
    ):
        return None
    a = max(0, starts[0] - CONTEXT_CHARS)
    if a > 0:
        space = text.rfind(" ", max(0, a - _MAX_WIDENING), a)
        a = space + 1 if space != -1 else a
    b = min(len(text), starts[-1] + len(figure) + CONTEXT_CHARS)
    if b < len(text):
        space = text.find(" ", b, b + _MAX_WIDENING)
        b = space if space != -1 else b
    lo, hi = max(start, a) - a, min(end, b) - a  # the quote's part of the window
    found = _whole(text[a:b], figure, unit, lo, hi, "article")
    return found if isinstance(found, str) else None


def means_the_same(part: str, whole: str, kind: str) -> bool:
    """Whether `part`, a piece of the figure or date `whole` the readers found, read alone means the
    same (`14개월` of `14개월 동안`): the words left out change nothing. `kind` is "figure" or "date"."""
    if kind == "date":
        return _same_days(part, whole)
    a, b = _read(part), _read(whole)
    return a is not None and b is not None and _same(a, b)


def whole_figure_start(quote: str, figure: str, unit: str) -> int:
    """Where in `quote` the figure stands whole (the occurrence the claim means, e.g. to show it in
    bold: not the `28명` inside an earlier `128명`); the first occurrence when none does, -1 if none."""
    found = _whole(quote, figure, unit) if figure in quote else None
    if isinstance(found, int):
        return found
    if unit == "date" and found is not None:
        # A date the time reader does not find whole: the occurrence no digit touches (2년 in 2022년 12월, 2년 뒤).
        bounded = (i for i in _occurrences(quote, figure) if not _touches_a_digit(quote, i, i + len(figure)))
        return next(bounded, quote.find(figure))
    return quote.find(figure)


def _occurrences(text: str, part: str) -> list[int]:
    out = []
    i = text.find(part)
    while i != -1:
        out.append(i)
        i = text.find(part, i + 1)
    return out


def _whole(
    quote: str, figure: str, unit: str, lo: int = 0, hi: int | None = None, where: str = "quote"
) -> int | str:
    """The start of the first occurrence standing whole, or the message saying why none does.

    Only occurrences within quote[lo:hi] count (the rest is context read around them)."""
    hi = len(quote) if hi is None else hi
    starts = []
    i = quote.find(figure, lo)
    while i != -1 and i + len(figure) <= hi:
        starts.append(i)
        i = quote.find(figure, i + 1)
    if not starts:
        return -1
    bounded = [s for s in starts if not _touches_a_digit(quote, s, s + len(figure))]
    if unit == "date":
        # The time reader says whether the date stands whole (checks.dates.whole_date_start).
        return (
            whole_date_start(quote, figure, bounded) if bounded else _digit_message(quote, figure, starts[0])
        )
    found = quantity.figures_in(quote)
    figures = [part for q in found for part in (q, q.paired) if part is not None]
    own = _read(figure)
    met: list[quantity.Quantity] = []
    words: int | None = None  # an occurrence where the reader finds words, not a figure
    for s in starts:
        e = s + len(figure)
        around = [q for q in figures if q.start < e and s < q.end]
        if own is None:
            if s in bounded:
                # The figure cannot be read at all: the figure-reading check (checks.checker) says why.
                return s
            continue
        if not around:
            # Read alone it is a figure, but where it stands the reader finds none: 구 회 (9 times) in
            # 구 회장은, 한 시간 in 필요한 시간, US$100 of US$100 million. Passing it would state a figure
            # the article does not.
            if words is None and s in bounded:
                words = s
            continue
        inside = [q for q in around if q.start <= s and e <= q.end]
        if s in bounded and own is not None and any(_same(own, q) for q in inside):
            return s
        met.extend(q for q in around if q not in met)
    if not met:
        if words is not None:
            return _words_message(quote, figure, words, where)
        return _digit_message(quote, figure, starts[0], where)
    # The tightest figure around the occurrence is the one the editor most likely meant.
    met.sort(key=lambda q: (q.end - q.start, q.start))
    shown = f"'{met[0].text}'"
    return (
        f"the figure '{figure}' is not a whole figure of the {where}: there the {where}'s figure is {shown}; "
        "copy the whole figure exactly as printed, with its qualifiers (a range is claimed whole)"
    )


def _words_message(quote: str, figure: str, start: int, where: str) -> str:
    a, b = start, start + len(figure)
    # The words around it, to the spaces on either side (a few words at most).
    space = quote.rfind(" ", max(0, a - _MAX_WIDENING), a)
    a = space + 1 if space != -1 else max(0, a - _MAX_WIDENING)
    space = quote.find(" ", b + 1, b + _MAX_WIDENING)
    b = space if space != -1 else min(len(quote), b + _MAX_WIDENING)
    return (
        f"the figure '{figure}' is no figure of the {where} as the figure reader finds it: there it is part "
        f"of '{quote[a:b]}', which the reader does not read as that figure; claim a figure the {where} "
        "states, exactly as printed (`claims find` lists the figures of a sentence)"
    )


def _digit_message(quote: str, figure: str, start: int, where: str = "quote") -> str:
    a, b = start, start + len(figure)
    while a > 0 and (quote[a - 1].isdigit() or quote[a - 1] in _DIGIT_JOINERS):
        a -= 1
    while b < len(quote) and (quote[b].isdigit() or quote[b] in _DIGIT_JOINERS):
        b += 1
    return (
        f"the figure '{figure}' is only part of a number of the {where} ('{quote[a:b]}'); "
        "copy the whole figure exactly as printed"
    )
