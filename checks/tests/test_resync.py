"""Sentences of running text stand on their own for the readers (checks.quotes, `SENTENCE_START`):

* a scan may begin at a sentence start as if it had read everything before it (checks.coverage reads
  only the sentences around a skip); and
* a quote of whole sentences, read alone, has the figures and dates the article has there (the checks
  in the article, `whole_figure_in_article` and `whole_date_in_article`, are then not repeated).

Both hold only if no figure or date the readers find runs across a sentence's end, and none is read
otherwise for the words past it; if one were, `claims check` would judge a figure on less context
than the article gives. Held to it here over the five articles, generated articles
(benchmarks/generate.py) and hypothesis-built text mixing the figure tables' rows with sentence ends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.dates import find_times
from checks.quantity import Quantity, find_quantities
from checks.quotes import SENTENCE_START, whole_sentences
from checks.sources import load_sources

from .test_figures_table import ROWS, load_sentences
from .test_generate import generator

PROJECT = Path(__file__).resolve().parents[2]
PUBLISHED = date(2023, 8, 24)


def resyncs(text: str, published: date, every_position: bool = False) -> list[str]:
    """What a scan begun at a sentence start, or a quote of whole sentences read alone, finds
    differently from a scan of the whole text. Quotes are tried between sentence bounds, or, with
    `every_position`, between any two positions that `whole_sentences` accepts."""
    figures = find_quantities(text)
    times = find_times(text, published)
    faults = []
    for m in SENTENCE_START.finditer(text):
        a = m.start()
        if find_quantities(text, a) != [q for q in figures if q.start >= a]:
            faults.append(f"figures from {a}: {text[max(0, a - 20) : a + 20]!r}")
        if find_times(text, published, a) != [t for t in times if t.start >= a]:
            faults.append(f"times from {a}: {text[max(0, a - 20) : a + 20]!r}")
    bounds = (
        range(len(text) + 1)
        if every_position
        else sorted(
            {0, len(text)}
            | {m.start() for m in SENTENCE_START.finditer(text)}
            | {m.start() - 2 for m in SENTENCE_START.finditer(text)}  # at the last syllable
            | {m.start() - 1 for m in SENTENCE_START.finditer(text)}  # after the stop
        )
    )
    for a in bounds:
        for e in bounds:
            if a < e <= a + 400 and whole_sentences(text, a, e):
                alone = [_shifted(q, a) for q in find_quantities(text[a:e])]
                if alone != [q for q in figures if a <= q.start < e]:
                    faults.append(f"figures of {text[a:e]!r}")
                when = [
                    replace(t, start=t.start + a, end=t.end + a) for t in find_times(text[a:e], published)
                ]
                if when != [t for t in times if a <= t.start < e]:
                    faults.append(f"times of {text[a:e]!r}")
    return faults


def _shifted(q: Quantity, by: int) -> Quantity:
    paired = _shifted(q.paired, by) if q.paired is not None else None
    return replace(q, start=q.start + by, end=q.end + by, paired=paired)


def test_whole_sentences() -> None:
    text = "출범했다. 2021년에는 늘었다! 끝"
    first, second = text.index("출범"), text.index("2021")
    assert whole_sentences(text, first, text.index("."))  # at the last syllable
    assert whole_sentences(text, first, text.index(".") + 1)  # with the stop
    assert whole_sentences(text, second, text.index("!"))
    assert whole_sentences(text, first, len(text))  # to the end of the text
    assert not whole_sentences(text, first, text.index(".") - 1)  # cut inside the sentence
    assert not whole_sentences(text, second + 1, text.index("!"))  # begun inside one
    assert not whole_sentences("3.5% 올랐다", 0, 1)  # a digit and a point are no sentence


def test_the_sentence_start_pattern() -> None:
    text = "출범했다. 2021년에는 늘었다! 3.5% 올랐다? 128명. 2020. 12. 7 그리고"
    assert [m.start() for m in SENTENCE_START.finditer(text)] == [
        text.index("2021년"),
        text.index("3.5%"),
        text.index("128명"),
        text.index("2020."),
    ]  # after a syllable and its stop only: not inside 2020. 12. 7, where a digit precedes each stop


def test_the_articles_resync_at_every_sentence_start() -> None:
    index = load_sources(PROJECT)
    assert len(index.sources) >= 5  # the five articles, and any onboarded since
    for source in index.sources.values():
        for seg in source.body.segments:
            assert resyncs(seg.text, source.published) == [], source.id


def test_generated_articles_resync(tmp_path: Path) -> None:
    generator().build(tmp_path, 40, 8)
    index = load_sources(tmp_path)
    assert len(index.sources) == 40
    for source in index.sources.values():
        for seg in source.body.segments:
            assert resyncs(seg.text, source.published) == [], source.id


def test_a_window_begun_mid_figure_would_differ() -> None:
    # The checks have teeth: begun inside a figure, a scan finds another figure than the whole scan,
    # and a quote cut inside one reads another.
    text = "투자 규모는 약 3000억원이다."
    a = text.index("3000")
    assert find_quantities(text, a) != [q for q in find_quantities(text) if q.start >= a]
    assert [q.text for q in find_quantities(text[:a] + text[a:].split("원")[0])] == ["약 3000억"]


PIECES = [r.text for r in ROWS] + [s for _, s, _ in load_sentences()]
ENDS = ["다. ", "다! ", "까? ", "요. ", "음. ", " ", "다.", "됐다. "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(ENDS)), min_size=1, max_size=4))
def test_table_figures_between_sentence_ends_resync(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + end for piece, end in parts)
    assert resyncs(text, PUBLISHED, every_position=True) == []
