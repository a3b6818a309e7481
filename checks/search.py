"""Finding a sentence in the article bodies: `claims find`, and the sentence `claims add` suggests from.

An editor types what they read, not what the file holds: Korean spacing varies (`출범당시80여명` for
`출범 당시 80여명`), quotation marks come in many shapes (“ ” ‘ ’ " ' 「 」 『 』 ＂ …), and a word may be
misremembered. So the search runs on a *folded* form of each body segment (a run of body lines
between omitted page furniture): every whitespace and invisible formatting character removed, each character NFKC-normalised
and case-folded, every quotation mark made one, and likewise dashes, middle dots and tildes. Each folded
character keeps the offset of the article character it came from, so a hit is reported at its real
`path:line:column` and shown as the article prints it.

Exact hits are occurrences of the folded query in the folded text. Near hits are passages that differ
from it by at most a fifth of its characters: character bigrams of the query vote for alignments,
the few best per segment are aligned with difflib, and the work is bounded (query length, votes per
bigram, alignments per segment). A hit never spans omitted furniture.

This is a search aid: `claims add` and `claims check` still require the quote exactly as printed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from pathlib import Path

from .claims import Claim, claims_files, read_claims_file
from .dates import TimeReading, find_times
from .quantity import Quantity, find_quantities, quantity_json
from .quotes import Place, canonical
from .sources import Source, SourceIndex, load_sources

QUOTE_MARKS = "\"'“”„‟‘’‚‛「」『』〝〞〟＂＇«»‹›〈〉《》`´"
DASHES = "‐‑‒–—―−－"
MIDDLE_DOTS = "·‧・･∙⋅•ㆍ"  # ㆍ (U+318D) is how much Korean text writes "AIㆍ바이오"
TILDES = "~∼〜～"
_FOLD_TABLE = {
    **dict.fromkeys(QUOTE_MARKS, '"'),
    **dict.fromkeys(DASHES, "-"),
    **dict.fromkeys(MIDDLE_DOTS, "·"),
    **dict.fromkeys(TILDES, "~"),
}

MIN_NEAR = 6  # folded characters: a shorter query has too many near passages to mean anything
MAX_NEAR_QUERY = 400  # folded characters: longer queries are searched exactly only
MAX_POSTINGS = 64  # a bigram more frequent than this in a segment does not vote (bounds the work)
ALIGNMENTS_PER_SEGMENT = 4
NEAR_SHARE = 5  # a near hit differs in at most 1/NEAR_SHARE of the query's characters


@cache  # the characters of a registry are few: each is folded once
def fold_char(c: str) -> str:
    """The folded form of one character: '' for whitespace, else NFKC, case-folded, marks unified."""
    if c.isspace() or unicodedata.category(c) == "Cf":  # and invisible ones: zero-width space, soft hyphen
        return ""
    c = _FOLD_TABLE.get(c, c)
    folded = unicodedata.normalize("NFKC", c).casefold()
    return "".join(_FOLD_TABLE.get(x, x) for x in folded if not x.isspace())


def fold(text: str) -> str:
    return "".join(fold_char(c) for c in unicodedata.normalize("NFC", text))


def folded(text: str, start: int, end: int) -> tuple[str, array]:
    """text[start:end] folded, and for each folded character the offset in `text` it came from."""
    folds = list(map(fold_char, text[start:end]))
    # Offsets in one article file: under its size limit, far below 2**32.
    if max(map(len, folds), default=0) <= 1:
        # Every character folds to itself, another one or none (a space): the common case, in C.
        return "".join(folds), array("I", compress(range(start, end), folds))
    origin = array("I")
    for offset, f in enumerate(folds, start):
        origin.extend([offset] * len(f))  # ㈜ folds to (주): three characters from one
    return "".join(folds), origin


@dataclass
class _Segment:
    text: str  # folded
    origin: array  # origin[k]: offset in the NFC article text of the character folded character k came from
    start: int  # offset of the segment's first character in the NFC article text
    end: int  # offset just past its last character


class Article:
    """One article body, folded for search, with the way back to lines, columns and sentences."""

    def __init__(self, source: Source) -> None:
        self.source = source
        lines = source.lines
        self.text = lines.text
        self.line_starts = lines.starts
        self.segments: list[_Segment] = []
        for first, last in source.body_lines:
            start = self.line_starts[first - 1]
            end = lines.end(last - 1)
            self.segments.append(_Segment(*folded(self.text, start, end), start, end))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in NFC characters, as every problem counts) of an offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1

    def segment_at(self, offset: int) -> _Segment | None:
        return next((s for s in self.segments if s.start <= offset < s.end), None)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding the article text [start, end): from the end of the sentence before it
        (., ?, ! before a space, or a line break) to the end of the last sentence it touches."""
        seg = self.segment_at(start)
        lo, hi = (seg.start, seg.end) if seg is not None else (start, end)
        s = start
        while s > lo and not _ends_sentence_before(self.text, s, lo):
            s -= 1
        e = max(end, s)
        while e < hi and not _ends_sentence_before(self.text, e, lo):
            e += 1
        while s < e and self.text[s].isspace():
            s += 1
        return s, e


_CLOSERS = "”’\"')]」』>》〉"
_SENTENCE_END = re.compile(r"[.?!。][" + re.escape(_CLOSERS) + r"]*\Z")


def _ends_sentence_before(text: str, offset: int, lo: int) -> bool:
    """Is there a sentence boundary just before `offset`? A line break, or terminal punctuation
    (and closing quotes) followed by whitespace. `2.0` and `2020.12.7` are not boundaries."""
    if offset <= lo:
        return True
    if text[offset - 1] == "\n":
        return True
    if offset < len(text) and not text[offset].isspace():
        return False
    window = text[max(lo, offset - 4) : offset]
    return bool(_SENTENCE_END.search(window))


def flat(text: str) -> str:
    """Article text as shown to the editor: NFC, whitespace runs folded to one space."""
    return canonical(text)


@dataclass
class Hit:
    match: str  # "exact" or "near"
    source: Source
    start: int  # NFC offsets in the article text, [start, end)
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str  # the article's own words, whitespace folded
    differences: int  # characters differing from the query (0 for exact hits)
    sentence: str
    figures: list[Quantity]
    claims: list[str] = field(default_factory=list)
    # The sentence's dates (the time reader, relative words counted from the publication date): a
    # year in a date is a date (2017년 설립: the year 2017), which a claim states in unit `date`.
    dates: list[TimeReading] = field(default_factory=list)
    article: Article | None = field(default=None, repr=False, compare=False)


class Registry:
    """What a search needs: the usable articles, folded when first searched, and where each claim's
    quote lies in its article, placed when a hit in that article is described.

    At newsroom scale (10,000 articles, 100,000 claims) an article without a hit is folded, searched
    and dropped; the claims files are read only when a hit is described, and only the claims of the
    articles shown are placed: `claims find` folded every article and placed every quote before
    searching, 15 s and 650 MB at 100,000 claims (README, "Speed")."""

    def __init__(self, index: SourceIndex, root: Path) -> None:
        self.index = index
        self.root = root
        self.usable = {sid: s for sid, s in sorted(index.sources.items()) if s.usable}
        self._kept: dict[str, Article] = {}
        self._quoted_in: dict[str, list[tuple[int, int, str]]] = {}
        self._claims_of: dict[str, list[Claim]] | None = None  # read when a hit is described
        # The claims of an ID that more than one claim has, in the order the files are read.
        self._same_id: dict[str, list[Claim]] = {}

    def claims_of(self, sid: str) -> list[Claim]:
        """The claims citing the source, from every claims file (read on the first call)."""
        if self._claims_of is None:
            self._claims_of = {}
            first: dict[str, Claim] = {}
            for file in claims_files(self.root):
                for claim in read_claims_file(self.root, file).claims:
                    self._claims_of.setdefault(claim.source, []).append(claim)
                    if first.setdefault(claim.id, claim) is not claim:
                        self._same_id.setdefault(claim.id, [first[claim.id]]).append(claim)
        return self._claims_of.get(sid, [])

    def _placed(self, claim: Claim) -> list[Place] | None:
        """The places of the claim's quote in its usable article when it is verified (placed exactly
        once, or at its pinned occurrence), else None."""
        source = self.usable.get(claim.source)
        if source is None:
            return None
        places = source.body.occurrences(claim.quote)
        n = claim.occurrence or 1
        return places if len(places) >= n and (claim.occurrence is not None or len(places) == 1) else None

    def _placed_before(self, claim: Claim) -> bool:
        """A claim of the same ID, read before this one, is placed in another article: that one holds
        the ID (one ID, one place, whichever article is searched: `claims check` reports the duplicate)."""
        for other in self._same_id.get(claim.id, ()):
            if other is claim:
                return False
            if other.source != claim.source and self._placed(other) is not None:
                return True
        return False

    def article(self, sid: str, keep: bool = True) -> Article | None:
        """The usable article `sid`, folded for search (kept for later calls when `keep`)."""
        article = self._kept.get(sid)
        if article is None and sid in self.usable:
            article = Article(self.usable[sid])
            if keep:
                self._kept[sid] = article
        return article

    def kept(self, sid: str) -> bool:
        return sid in self._kept

    def quoted_in(self, sid: str, article: Article) -> list[tuple[int, int, str]]:
        """(start, end, claim ID) of every claim of the source whose quote is verified (placed exactly
        once, or at its pinned occurrence), in its article's NFC text."""
        if sid not in self._quoted_in:
            spans: list[tuple[int, int, str]] = []
            seen: set[str] = set()
            for claim in self.claims_of(sid):
                if claim.id in seen:
                    continue  # a duplicate ID: its first placed claim
                places = self._placed(claim)
                if places is not None and not self._placed_before(claim):
                    seen.add(claim.id)
                    spans.append((*span_of(article, places[(claim.occurrence or 1) - 1]), claim.id))
            self._quoted_in[sid] = spans
        return self._quoted_in[sid]


def load(root: Path) -> Registry:
    return Registry(load_sources(root), root)


def span_of(article: Article, place: Place) -> tuple[int, int]:
    return article.offset(place.line, place.column), article.offset(place.end_line, place.end_column) + 1


def claims_on(registry: Registry, article: Article, start: int, end: int) -> list[str]:
    """IDs of the claims whose quote overlaps the article text [start, end), sorted."""
    spans = registry.quoted_in(article.source.id, article)
    return sorted(cid for a, b, cid in spans if a < end and start < b)


def make_hit(registry: Registry, article: Article, match: str, start: int, end: int, differences: int) -> Hit:
    line, column = article.position(start)
    end_line, end_column = article.position(end - 1)
    hit = Hit(match, article.source, start, end, line, column, end_line, end_column, "", differences, "", [])
    hit.article = article
    return hit


def describe(registry: Registry, hits: list[Hit]) -> list[Hit]:
    """Fill in the article's words, the sentence, its figures and its claims: only for the hits
    shown, since a short query may have thousands."""
    for hit in hits:
        article = hit.article
        if article is None or hit.text:
            continue
        s, e = article.sentence(hit.start, hit.end)
        hit.text = flat(article.text[hit.start : hit.end])
        hit.sentence = flat(article.text[s:e])
        hit.figures = find_quantities(hit.sentence)
        hit.dates = find_times(hit.sentence, article.source.published)
        hit.claims = claims_on(registry, article, s, e)
    return hits


def find(registry: Registry, query: str, source_ids: list[str] | None = None) -> list[Hit]:
    """Every exact hit, then the near hits, in a fixed order (source ID, then position; near hits by
    fewest differing characters first)."""
    q = fold(query)
    if not q:
        return []
    ids = source_ids if source_ids is not None else sorted(registry.usable)
    exact: list[Hit] = []
    near: list[Hit] = []
    for sid in ids:
        article = registry.article(sid, keep=False)  # kept by its hits, if it has any
        if article is None:
            continue
        taken: list[tuple[int, int]] = []
        for seg in article.segments:
            i = seg.text.find(q)
            while i != -1:
                start, end = seg.origin[i], seg.origin[i + len(q) - 1] + 1
                exact.append(make_hit(registry, article, "exact", start, end, 0))
                taken.append((start, end))
                i = seg.text.find(q, i + 1)
        if MIN_NEAR <= len(q) <= MAX_NEAR_QUERY:
            for seg in article.segments:
                for a, b, cost in _near(seg, q):
                    start, end = seg.origin[a], seg.origin[b - 1] + 1
                    if any(start < y and x < end for x, y in taken):
                        continue
                    taken.append((start, end))
                    near.append(make_hit(registry, article, "near", start, end, cost))
        if not registry.kept(sid):
            # Its hits keep the article, for their words and sentence; its folded text is not needed again.
            article.segments = [_Segment("", array("I"), seg.start, seg.end) for seg in article.segments]
    exact.sort(key=lambda h: (h.source.id, h.start, h.end))
    near.sort(key=lambda h: (h.differences, h.source.id, h.start, h.end))
    return exact + near


def outside_bodies(
    registry: Registry, query: str, source_ids: list[str] | None = None
) -> list[tuple[Source, int]]:
    """Where the words occur in the searched articles' files but outside their bodies (page furniture,
    the lists after the article): the first such line per article. Never a hit, as it is not article
    text; `claims find` says so when the bodies hold no hit, so that an editor who sees the words in
    the file learns why they are not found, instead of retyping them."""
    q = fold(query)
    found: list[tuple[Source, int]] = []
    if not q:
        return found
    for sid in source_ids if source_ids is not None else sorted(registry.usable):
        source = registry.usable.get(sid)
        if source is None:
            continue
        inside = {n for first, last in source.body_lines for n in range(first, last + 1)}
        for n, line in enumerate(source.lines, 1):
            if n not in inside and q in fold(line):
                found.append((source, n))
                break
    return found


def _near(seg: _Segment, q: str) -> list[tuple[int, int, int]]:
    """Passages of a folded segment within the allowed distance of the folded query, best first:
    (start, end, characters differing), non-overlapping, none identical to the query."""
    text = seg.text
    if len(text) < 2:
        return []
    postings: dict[str, list[int]] = {}
    for i in range(len(text) - 1):
        postings.setdefault(text[i : i + 2], []).append(i)
    votes: dict[int, int] = {}
    for j in range(len(q) - 1):
        hits = postings.get(q[j : j + 2], ())
        if len(hits) > MAX_POSTINGS:
            continue
        for i in hits:
            votes[i - j] = votes.get(i - j, 0) + 1
    allowed = len(q) // NEAR_SHARE
    # An alignment that differs in at most `allowed` characters keeps at least this many bigrams.
    needed = max(2, len(q) - 1 - 2 * allowed)
    # Added or dropped characters shift the diagonal: a passage's votes are those of a band.
    band = _band_sums(votes, allowed)
    diagonals = sorted((d for d, v in band.items() if v >= needed), key=lambda d: (-band[d], d))
    found: list[tuple[int, int, int]] = []
    tried: list[int] = []
    slack = allowed + 2
    for d in diagonals:
        if len(tried) >= ALIGNMENTS_PER_SEGMENT:
            break
        if any(abs(d - t) <= slack for t in tried):
            continue
        tried.append(d)
        lo, hi = max(0, d - slack), min(len(text), d + len(q) + slack)
        aligned = _align(text[lo:hi], q)
        if aligned is None:
            continue
        a, b, cost = aligned
        if 0 < cost <= allowed and not any(lo + a < y and x < lo + b for x, y, _ in found):
            found.append((lo + a, lo + b, cost))
    return sorted(found, key=lambda f: (f[2], f[0]))


def _band_sums(votes: dict[int, int], width: int) -> dict[int, int]:
    """For each voted diagonal d, the votes of the diagonals d-width..d+width: one sliding window over
    the sorted diagonals, so the cost does not grow with the width (a long query allows a wide band:
    summing it diagonal by diagonal cost seconds per segment on hostile text)."""
    diagonals = sorted(votes)
    band: dict[int, int] = {}
    lo = hi = 0
    total = 0
    for d in diagonals:
        while hi < len(diagonals) and diagonals[hi] <= d + width:
            total += votes[diagonals[hi]]
            hi += 1
        while diagonals[lo] < d - width:
            total -= votes[diagonals[lo]]
            lo += 1
        band[d] = total
    return band


def _align(window: str, q: str) -> tuple[int, int, int] | None:
    """Where the query lies in a window, and how many characters differ.

    difflib may stretch an edge of the alignment over unrelated window text to reach a stray common
    character; so the passage may also be cut at the edge of any block of equal text, the query
    characters left outside then counting as differences. The cut with fewest differences wins.
    """
    ops = difflib.SequenceMatcher(None, window, q, autojunk=False).get_opcodes()
    # before[k]: characters differing in ops[:k]
    before = [0]
    for tag, i1, i2, j1, j2 in ops:
        before.append(before[-1] + (0 if tag == "equal" else max(i2 - i1, j2 - j1)))
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    best: tuple[int, int, int] | None = None
    for x, a in enumerate(equal):
        for b in equal[x:]:
            cost = before[b] - before[a] + ops[a][3] + (len(q) - ops[b][4])
            if best is None or (cost, ops[a][1]) < (best[2], best[0]):
                best = (ops[a][1], ops[b][2], cost)
    return best


def inert(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as escapes, never executed."""
    return "".join(
        c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
        for c in text
    )


def figure_label(q: Quantity) -> str:
    return f"{q.text} ({q.unit})" if q.unit else q.text


def date_label(d: TimeReading) -> str:
    if d.span is None:
        return f"{d.text} (not resolved: {d.why})"
    when = d.span.label() if d.relation == "at" else f"{d.relation} {d.span.label()}"
    return f"{d.text} ({when})"


def date_json(d: TimeReading) -> dict[str, object]:
    """A date of the sentence as the report's JSON gives an event date (README, "Event dates")."""
    span = d.span
    return {
        "text": d.text,
        "first": span.start.isoformat() if span else None,
        "last": span.last.isoformat() if span else None,
        "label": span.label() if span else None,
        "precision": d.precision,
        "relation": d.relation,
        "vague": d.vague,
        "relative": d.relative,
    }


def hit_json(hit: Hit) -> dict[str, object]:
    return {
        "match": hit.match,
        "source": hit.source.id,
        "path": hit.source.file,
        "line": hit.line,
        "column": hit.column,
        "end_line": hit.end_line,
        "end_column": hit.end_column,
        "text": hit.text,
        "differences": hit.differences,
        "sentence": hit.sentence,
        "figures": [quantity_json(q) for q in hit.figures],
        "dates": [date_json(d) for d in hit.dates],
        "claims": hit.claims,
    }


def hits_json(
    query: str,
    hits: list[Hit],
    shown: list[Hit],
    outside: Sequence[tuple[Source, int]] = (),
) -> dict[str, object]:
    return {
        "query": query,
        "exact": sum(h.match == "exact" for h in hits),
        "near": sum(h.match == "near" for h in hits),
        "hits": [hit_json(h) for h in shown],
        "outside_body": [{"source": s.id, "path": s.file, "line": n} for s, n in outside],
    }


ECHO_LIMIT = 80  # characters of the query a summary line repeats


def echo(query: str) -> str:
    """The query as a summary line repeats it: inert, and cut when long (a pasted paragraph, a
    hostile 20,000 characters), saying how long it was."""
    if len(query) <= ECHO_LIMIT:
        return inert(query)
    return inert(query[:ECHO_LIMIT]) + f"… ({len(query)} characters)"


def render_text(
    query: str,
    hits: list[Hit],
    shown: list[Hit],
    outside: Sequence[tuple[Source, int]] = (),
) -> str:
    out = []
    for h in shown:
        how = "exact" if h.match == "exact" else f"near, {h.differences} character(s) differ"
        out.append(f"{h.source.file}:{h.line}:{h.column}: {h.source.id} {how} «{inert(h.text)}»")
        out.append(f"  sentence: {inert(h.sentence)}")
        if h.figures:
            out.append("  figures: " + ", ".join(inert(figure_label(q)) for q in h.figures))
        if h.dates:
            out.append("  dates: " + ", ".join(inert(date_label(d)) for d in h.dates))
        if h.claims:
            out.append("  claims: " + ", ".join(h.claims))
    exact = sum(h.match == "exact" for h in hits)
    summary = f"{exact} exact and {len(hits) - exact} near hit(s) for «{echo(query)}»"
    if len(shown) < len(hits):
        summary += f"; {len(hits) - len(shown)} more not shown (--limit 0 shows all)"
    if hits:
        out.append(summary)
    elif outside:
        out.append(
            f"no hit for «{echo(query)}» in the article bodies; the words are outside them, not article text:"
        )
        out.extend(f"  {s.file}:{n}: {s.id}, page furniture or after the article" for s, n in outside)
    else:
        out.append(f"no hit for «{echo(query)}»; try fewer words, or words as printed")
    return "\n".join(out) + "\n"
