"""A scan of running text may begin at a sentence start as if it had read everything before it
(checks.coverage reads only the sentences around a skip: `_SENTENCE_START`). That holds only if no
figure or date the readers find runs across a sentence's end; if one did, the skip checks of `claims
check` would see other figures than `claims coverage` sees. Held to it here over the five articles,
generated articles (benchmarks/generate.py) and hypothesis-built text mixing the figure tables' rows
with sentence ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.coverage import _SENTENCE_START
from checks.dates import find_times
from checks.quantity import find_quantities
from checks.sources import load_sources

from .test_figures_table import ROWS, load_sentences
from .test_generate import generator

PROJECT = Path(__file__).resolve().parents[2]
PUBLISHED = date(2023, 8, 24)


def resyncs(text: str, published: date) -> list[str]:
    """What a scan begun at a sentence start finds differently from a scan of the whole text."""
    figures = find_quantities(text)
    times = find_times(text, published)
    faults = []
    for m in _SENTENCE_START.finditer(text):
        a = m.start()
        if find_quantities(text, a) != [q for q in figures if q.start >= a]:
            faults.append(f"figures from {a}: {text[max(0, a - 20) : a + 20]!r}")
        if find_times(text, published, a) != [t for t in times if t.start >= a]:
            faults.append(f"times from {a}: {text[max(0, a - 20) : a + 20]!r}")
    return faults


def test_the_sentence_start_pattern() -> None:
    text = "출범했다. 2021년에는 늘었다! 3.5% 올랐다? 128명. 2020. 12. 7 그리고"
    assert [m.start() for m in _SENTENCE_START.finditer(text)] == [
        text.index("2021년"),
        text.index("3.5%"),
        text.index("128명"),
        text.index("2020."),
    ]  # after a syllable and its stop only: not inside 2020. 12. 7, where a digit precedes each stop


def test_the_articles_resync_at_every_sentence_start() -> None:
    index = load_sources(PROJECT)
    assert len(index.sources) == 5
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
    # The check has teeth: begun inside a figure, a scan finds another figure than the whole scan.
    text = "투자 규모는 약 3000억원이다."
    a = text.index("3000")
    assert find_quantities(text, a) != [q for q in find_quantities(text) if q.start >= a]


PIECES = [r.text for r in ROWS] + [s for _, s, _ in load_sentences()]
ENDS = ["다. ", "다! ", "까? ", "요. ", "음. ", " ", "다.", "됐다. "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(ENDS)), min_size=1, max_size=6))
def test_table_figures_between_sentence_ends_resync(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + end for piece, end in parts)
    assert resyncs(text, PUBLISHED) == []
