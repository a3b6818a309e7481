"""Quote verification: does a quote occur, exactly, in its article's body?

The one canonicalisation (README, "Quote verification"): Unicode NFC, then every run of whitespace
(spaces, tabs, line breaks, no-break spaces and every other character `str.isspace` accepts) folded to
one space; at either end of the quote, to nothing. Nothing else: no case folding, no punctuation or
typo repair. The article's own spelling wins.

A quote never spans an omitted block of page furniture: each contiguous run of body lines is searched
on its own.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from .homoglyphs import invisible, look_alike_text, named

MIN_QUOTE_LENGTH = 10  # characters after canonicalisation
MAX_QUOTE_CHARS = 2_000  # as schema/claims.schema.json says (quote maxLength); longer ones are not searched
MAX_FIGURE_CHARS = 200  # as schema/claims.schema.json says (as_written maxLength)
MAX_CLOSEST_SEARCHES = 200  # closest-passage searches per run; later quotes not found get a shorter message
_PROBE = 4  # length of the character n-grams that vote for the closest passage
# Bounds on the closest-passage search (see `Body.closest`): generous for real quotes (at most 2,000
# characters by the schema) and articles (a few thousand characters), so that they never change a
# real diagnostic, and small enough that no input makes the search slow.
_VOTE_CHARS = 2_000  # characters of the quote that vote for where it lies
_COMMON_GRAM = 64  # an n-gram occurring more often than this in a segment casts no vote
_SEARCH_CHARS = 1_000_000  # characters of each body segment searched
_ALIGN_CHARS = 600  # characters of the quote aligned character by character (difflib is quadratic)
_ALIGN_CONTEXT = 40  # characters aligned before the first difference of a longer quote


def canonical(text: str) -> str:
    """The canonical form of a quote: NFC, whitespace runs folded to one space, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Place:
    """Where a canonical match starts and ends in the article file (1-based line and column)."""

    line: int
    column: int
    end_line: int
    end_column: int


def nfc_lines(text: str) -> list[str]:
    """The lines of a text in Unicode NFC: the form every column we report counts in. (NFC never
    composes across a line break, so normalising line by line keeps the line numbers.)"""
    lines = text.split("\n")
    if unicodedata.is_normalized("NFC", text):
        return lines
    return [unicodedata.normalize("NFC", line) for line in lines]


class Lines(Sequence[str]):
    """The lines of a text in Unicode NFC (`nfc_lines`), held as one string and the offset each line
    starts at: a list of the lines repeated the article text line by line (issue 11: memory; tens of
    MiB at 10,000 articles). Indexing and slicing give the lines as `nfc_lines` does."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        if not unicodedata.is_normalized("NFC", text):
            text = "\n".join(nfc_lines(text))
        self.text = text  # the NFC text: the file's own when it is NFC already (most are)
        # Machine integers: 10,000 articles' line offsets as Python ints would take tens of MiB.
        self.starts = array("q", [0])
        find, i = text.find, text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = find("\n", i + 1)

    def __len__(self) -> int:
        return len(self.starts)

    def end(self, n: int) -> int:
        """The offset just past line n (0-based), its line break left out."""
        return self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)

    @overload
    def __getitem__(self, n: int) -> str: ...

    @overload
    def __getitem__(self, n: slice) -> list[str]: ...

    def __getitem__(self, n: int | slice) -> str | list[str]:
        if isinstance(n, slice):
            return [self[k] for k in range(*n.indices(len(self.starts)))]
        if n < 0:
            n += len(self.starts)
        if not 0 <= n < len(self.starts):
            raise IndexError("line index out of range")
        return self.text[self.starts[n] : self.end(n)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split("\n"))


_WORD = re.compile(r"\S+")  # for str patterns, \s is exactly what str.isspace() accepts


class _Segment:
    """A run of consecutive body lines, canonicalised, with a map back to file positions.

    The map is kept per word, not per character: canonical index k in word i lies at file offset
    word_file[i] + (k - word_canon[i]); a folded space maps to the first whitespace after its word.
    """

    def __init__(self, lines: Lines, first: int, last: int) -> None:
        """Lines `first` to `last` (1-based, inclusive) of `lines`."""
        self._lines = lines
        self._start, self._stop = lines.starts[first - 1], lines.end(last - 1)
        # str.split() splits exactly where _WORD's \S+ runs end (both use str.isspace).
        self.text = " ".join(lines.text[self._start : self._stop].split())
        self._map: tuple[array[int], array[int]] | None = None

    def _word_map(self) -> tuple[array[int], array[int]]:
        """Built on the first position asked (issue 11: a body only searched needs none), in arrays
        of machine integers (a tenth of the memory of lists, at 100,000 claims)."""
        if self._map is None:
            words = _WORD.finditer(self._lines.text, self._start, self._stop)
            word_file = array("q", [m.start() for m in words])
            word_canon = array("q", accumulate((len(w) + 1 for w in self.text.split(" ")), initial=0))
            if self.text:
                word_canon.pop()
            else:
                word_canon = array("q")
            self._map = (word_canon, word_file)
        return self._map

    def offset(self, k: int) -> int:
        """The offset in the (NFC) file text of canonical character k."""
        word_canon, word_file = self._word_map()
        i = bisect_right(word_canon, k) - 1
        return word_file[i] + (k - word_canon[i])


# Sentences of canonical body text (issue 11). A sentence starts just after the stop ending the one
# before (`…했다. `): a syllable, `.`, `!` or `?`, and the space. No figure or date the readers find
# runs across that, and none is read otherwise for the words past it (checks/tests/test_resync.py
# holds the readers to both), so the figures found in a run of whole sentences are those a scan of the
# whole article finds there: a scan may begin at a sentence start, and a quote of whole sentences reads
# as the article does.
SENTENCE_START = re.compile(r"(?<=[\uac00-\ud7a3][.!?] )")
_SENTENCE_STOP = re.compile(r"[.!?](?: |\Z)")


def whole_sentences(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins where a sentence begins and ends where one ends (at its last
    syllable, or its stop)."""
    if start > 0 and not SENTENCE_START.match(text, start):
        return False
    if end >= len(text):
        return True
    last = text[end - 1] if end > start else ""
    if "\uac00" <= last <= "\ud7a3":
        return _SENTENCE_STOP.match(text, end) is not None
    return last in ".!?" and text[end] == " " and end - start >= 2 and "\uac00" <= text[end - 2] <= "\ud7a3"


class Body:
    """An article body: the file's lines restricted to the body, ready for quote search."""

    def __init__(self, file_text: str, body_lines: list[tuple[int, int]], lines: Lines | None = None) -> None:
        """`lines`, when given, are `Lines(file_text)` already made (see `Source.lines`)."""
        lines = Lines(file_text) if lines is None else lines
        self._line_starts = lines.starts
        self.segments = [_Segment(lines, a, b) for a, b in body_lines]
        self._gram_cache: dict[int, dict[str, list[int]]] = {}

    def forget_positions(self) -> None:
        """Drop the word maps built to place quotes (rebuilt if asked again): a registry's claims
        files are checked one after the other, and most cite one article (issue 11: memory)."""
        for seg in self.segments:
            seg._map = None

    def find(self, quote: str) -> bool:
        q = canonical(quote)
        return bool(q) and any(q in s.text for s in self.segments)

    def occurrences(self, quote: str) -> list[Place]:
        """Every place the canonical quote occurs, overlapping ones included, in reading order."""
        q = canonical(quote)
        places: list[Place] = []
        if not q:
            return places
        for seg in self.segments:
            i = seg.text.find(q)
            while i != -1:
                places.append(self._place(seg, i, i + len(q)))
                i = seg.text.find(q, i + 1)
        return places

    def locate(self, segment: int, start: int, end: int) -> Place:
        """Where canonical characters [start, end) of a segment lie in the file (for checks.coverage)."""
        return self._place(self.segments[segment], start, end)

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _place(self, seg: _Segment, start: int, end: int) -> Place:
        line, col = self._position(seg.offset(start))
        end_line, end_col = self._position(seg.offset(end - 1))
        return Place(line, col, end_line, end_col)

    def _grams(self, n: int) -> dict[str, list[int]]:
        """Where each 4-gram of segment n starts, computed once per body; grams occurring more than
        `_COMMON_GRAM` times are dropped (they would vote everywhere, and cost as much)."""
        cached = self._gram_cache.get(n)
        if cached is None:
            text = self.segments[n].text[:_SEARCH_CHARS]
            cached = {}
            for i in range(len(text) - _PROBE + 1):
                cached.setdefault(text[i : i + _PROBE], []).append(i)
            cached = {g: at for g, at in cached.items() if len(at) <= _COMMON_GRAM}
            self._gram_cache[n] = cached
        return cached

    def closest(self, quote: str) -> Mismatch | None:
        """The passage of the body most like the quote, and what differs; None if nothing is alike.

        The work is bounded whatever the input (issue 10, class 3): only the first `_VOTE_CHARS`
        characters of the quote vote, common n-grams do not vote, only the first `_SEARCH_CHARS`
        characters of each body segment are searched, and difflib aligns at most `_ALIGN_CHARS`
        characters of the quote, from its first difference (`Mismatch.partial` then says so).
        """
        q = canonical(quote)
        if len(q) < _PROBE:
            return None
        best: tuple[int, int, int] | None = None  # (votes, -segment, -start)
        voters = q[:_VOTE_CHARS]
        for n in range(len(self.segments)):
            votes: dict[int, int] = {}
            grams = self._grams(n)
            for j in range(len(voters) - _PROBE + 1):
                for i in grams.get(voters[j : j + _PROBE], ()):
                    votes[i - j] = votes.get(i - j, 0) + 1
            for start, count in votes.items():
                key = (count, -n, -start)
                if best is None or key > best:
                    best = key
        if best is None:
            return None
        seg = self.segments[-best[1]]
        start = -best[2]
        offset = 0
        if len(q) > _ALIGN_CHARS:
            # Align only a part of a long quote: from a little before its first difference.
            first = _first_difference(seg.text, max(0, start), q)
            offset = max(0, min(first - _ALIGN_CONTEXT, len(q) - _ALIGN_CHARS))
            start += offset
        part = q[offset : offset + _ALIGN_CHARS]
        start = max(0, start)
        slack = max(8, len(part) // 4)
        # Two readings of where the quote lies: exactly at the voted start (right for changed
        # characters, and immune to repeated text nearby), or with slack around it (right when
        # characters were added or dropped). The one with fewer differing characters wins.
        candidates = []
        for lo, hi in ((start, start + len(part)), (max(0, start - slack), start + len(part) + slack)):
            hi = min(len(seg.text), hi)
            aligned = _align(seg.text[lo:hi], part)
            if aligned is not None:
                candidates.append((aligned[3], lo, aligned))
        if not candidates:
            return None
        _, lo, (a0, a1, differences, _) = min(candidates, key=lambda c: c[0])
        if offset:
            differences = [Difference(d.at + offset, d.quote, d.article) for d in differences]
        passage = seg.text[lo + a0 : lo + a1]
        place = self._place(seg, lo + a0, lo + max(a1, a0 + 1))
        return Mismatch(passage, place, differences, partial=len(q) > _ALIGN_CHARS)


def _first_difference(text: str, start: int, q: str) -> int:
    """The index of the first character of q that differs from text read from `start` (len(q) if none)."""
    for j, ch in enumerate(q):
        if start + j >= len(text) or text[start + j] != ch:
            return j
    return len(q)


def _align(window: str, q: str) -> tuple[int, int, list[Difference], int] | None:
    """Align the quote within a window: (passage start, end, differences, characters differing)."""
    ops = [list(op) for op in difflib.SequenceMatcher(None, window, q, autojunk=False).get_opcodes()]
    # Window text before and after the quote's match is not part of the passage.
    while ops and ops[0][0] == "delete":
        ops.pop(0)
    while ops and ops[-1][0] == "delete":
        ops.pop()
    if not ops:
        return None
    # An edge replacement taking more window than quote has swallowed context: keep only as many
    # window characters as quote characters it replaces.
    first, last = ops[0], ops[-1]
    if first[0] == "replace" and first[2] - first[1] > first[4] - first[3]:
        first[1] = first[2] - (first[4] - first[3])
    if last[0] == "replace" and last[2] - last[1] > last[4] - last[3]:
        last[2] = last[1] + (last[4] - last[3])
    differences = [
        Difference(j1 + 1, q[j1:j2], window[i1:i2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"
    ]
    cost = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")
    return ops[0][1], ops[-1][2], differences, cost


@dataclass(frozen=True)
class Difference:
    """At character `at` (1-based) of the canonical quote, the quote has `quote` where the article
    has `article` (either may be empty: an insertion or a deletion)."""

    at: int
    quote: str
    article: str

    def describe(self) -> str:
        at = f"at quote character {self.at}"
        if look_alike_text(self.quote, self.article):
            return (
                f"{at}: the quote has {named(self.quote)} where the article has {named(self.article)}; "
                "they look alike but are different characters"
            )
        if self.quote and not self.article and all(invisible(ch) for ch in self.quote):
            return f"{at}: the quote adds an invisible {named(self.quote)}, not in the article"
        if self.article and not self.quote and all(invisible(ch) for ch in self.article):
            return f"{at}: the article has an invisible {named(self.article)} here, missing from the quote"
        if not self.article:
            return f"at quote character {self.at}: the quote adds {self.quote!r}, not in the article"
        if not self.quote:
            return (
                f"at quote character {self.at}: the article has {self.article!r} here, missing from the quote"
            )
        return f"at quote character {self.at}: the quote has {self.quote!r} where the article has {self.article!r}"


@dataclass(frozen=True)
class Mismatch:
    passage: str
    place: Place
    differences: list[Difference]
    partial: bool = False  # only a part of a long quote was aligned: later differences are not listed
