"""Nothing a registry holds makes the checker slow (issue 10, class 3).

Each test feeds absurd generated input and asserts a bound far above what the bounded code needs
(well under a second each on a laptop) and far below what the unbounded code took (tens of seconds
to many minutes): a guard against a regression, not a benchmark. Normal inputs are never timed.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
import yaml

from checks.checker import check
from checks.files import MAX_LINE_BYTES
from checks.quotes import MAX_CLOSEST_SEARCHES, Body

from .conftest import MakeRegistry

GUARD_SECONDS = 20.0
ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "seeds" / "000_2bb025a428dcf2eb.txt").read_text(encoding="utf-8")


def _near_miss(text: str, length: int, every: int = 50) -> str:
    """`length` characters of `text` (repeated), with every `every`-th character changed."""
    flat = " ".join(text.split())
    chars = list((flat * (length // len(flat) + 1))[:length])
    for k in range(0, len(chars), every):
        chars[k] = "Ж"
    return "".join(chars)


def _timed(fn):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    value = fn()
    return value, time.monotonic() - start


def test_a_long_near_miss_quote_is_aligned_in_part_and_fast() -> None:
    lines = ARTICLE.split("\n")
    body = Body(ARTICLE, [(1, len(lines))])
    mismatch, seconds = _timed(lambda: body.closest(_near_miss(ARTICLE, 10_000)))
    assert seconds < GUARD_SECONDS
    assert mismatch is not None and mismatch.partial
    assert mismatch.differences and mismatch.differences[0].quote == "Ж"
    assert (mismatch.place.line, mismatch.place.column) == (1, 1)


def test_a_short_quote_is_still_aligned_whole() -> None:
    lines = ARTICLE.split("\n")
    body = Body(ARTICLE, [(1, len(lines))])
    mismatch = body.closest(_near_miss(ARTICLE, 300))
    assert mismatch is not None and not mismatch.partial
    assert len(mismatch.differences) == 6  # characters 1, 51, ..., 251 changed


def test_a_repetitive_article_does_not_make_voting_quadratic() -> None:
    text = "가나다라마바사 " * (MAX_LINE_BYTES // 30)
    body = Body(text, [(1, 1)])
    _, seconds = _timed(lambda: body.closest(("가나다라마바사 " * 300)[:2000] + "X"))
    assert seconds < GUARD_SECONDS


def _claim(n: int, quote: str, source: str = "sample-2024-01-02") -> dict[str, object]:
    return {
        "id": f"near-miss-{n}",
        "source": source,
        "quote": quote,
        "subject": "lg-ai-research",
        "property": "headcount",
        "as_written": "80여명",
        "unit": "person",
    }


def test_hundreds_of_near_miss_quotes_are_bounded(make_registry: MakeRegistry) -> None:
    sample = (
        "LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다. "
    )
    quotes = [
        _near_miss(sample * 20, 1_990, every=37 + n % 5).replace("80여명", "80여명") for n in range(400)
    ]
    claims = [_claim(n, q + " 80여명") for n, q in enumerate(quotes)]
    root = make_registry(
        {"claims/many.yaml": yaml.safe_dump({"claims": claims}, allow_unicode=True, width=80)}
    )
    result, seconds = _timed(lambda: check(root))
    assert seconds < GUARD_SECONDS * 3
    not_found = [p for p in result.problems if p.code == "quote-not-found"]
    assert len(not_found) == 400
    searched = [p for p in not_found if "Closest passage" in p.message]
    assert len(searched) == MAX_CLOSEST_SEARCHES
    assert all("not searched for beyond the first" in p.message for p in not_found if p not in searched)


def test_a_five_megabyte_line_is_refused_fast(make_registry: MakeRegistry) -> None:
    line = "    note: " + "가" * (5 * 1024 * 1024 // 3) + "\n"
    root = make_registry({"claims/huge.yaml": "claims:\n  - id: huge\n" + line})
    result, seconds = _timed(lambda: check(root))
    assert seconds < GUARD_SECONDS
    assert [(p.path, p.line, p.code) for p in result.problems] == [("claims/huge.yaml", 3, "file-too-large")]


def test_a_five_megabyte_quote_over_many_lines_is_not_searched(make_registry: MakeRegistry) -> None:
    quote_lines = "".join(f"      {_near_miss(ARTICLE, 90, every=7)}\n" for _ in range(50_000))
    text = (
        "claims:\n  - id: huge-quote\n    source: sample-2024-01-02\n    quote: >\n"
        + quote_lines
        + "    subject: lg-ai-research\n    property: headcount\n    as_written: 80여명\n    unit: person\n"
    )
    root = make_registry({"claims/huge.yaml": text})
    result, seconds = _timed(lambda: check(root))
    assert seconds < GUARD_SECONDS * 2
    assert [(p.line, p.code) for p in result.problems] == [(4, "invalid-value")]  # quote maxLength


def big_index(article: bytes, last_line: int) -> str:
    """The sources index of one large article, seeds/big.txt, whose body runs from line 1."""
    return f"""\
sources:
  - id: big-2024-01-02
    file: big.txt
    sha256: {hashlib.sha256(article).hexdigest()}
    outlet: 큰일보
    headline: 제목 줄
    published: '2024-01-02'
    published_evidence: 제목 줄
    body:
      first_line: 1
      last_line: {last_line}
"""


def test_a_pinned_article_of_long_repetitive_lines_is_bounded(make_registry: MakeRegistry) -> None:
    line = "가나다라마바사 " * (MAX_LINE_BYTES // 30)
    article = ("제목 줄\n" + (line + "\n") * 40).encode("utf-8")  # 4 MB
    index = big_index(article, last_line=41)
    claims = [
        _claim(n, ("가나다라마바사 " * 200) + f"다른 문장 {n}번 80여명", "big-2024-01-02") for n in range(50)
    ]
    root = make_registry(
        {
            "seeds/big.txt": article,
            "seeds/sources.yaml": index,
            "claims/big.yaml": yaml.safe_dump({"claims": claims}, allow_unicode=True, width=80),
        },
        remove=("seeds/sample.txt", "claims/sample.yaml"),
    )
    result, seconds = _timed(lambda: check(root))
    assert seconds < GUARD_SECONDS * 2
    assert {p.code for p in result.problems} == {"quote-not-found"}


# --- "did you mean": a vocabulary or a sources index of the registry's own making ------------------------


def _alike_keys(n: int) -> dict[str, int]:
    """`n` keys all alike: every one passes difflib's quick filters against a near-miss of any other."""
    return {f"subj-{i:06d}-abcdefgh": 1 for i in range(n)}


def test_a_suggestion_among_sixty_thousand_alike_keys_is_bounded() -> None:
    """One unknown subject against a vocabulary of 60,000 keys all alike took 1.8 s (difflib scored
    every key); a claims file of 300 such subjects ran for more than five minutes."""
    from checks.schemas import did_you_mean

    keys = _alike_keys(60_000)
    words = [f"subj-{i * 7:06d}-abcdefgX" for i in range(300)]
    answers, seconds = _timed(lambda: [did_you_mean(w, keys) for w in words])
    assert seconds < GUARD_SECONDS
    # Still a suggestion, from the neighbours of the word in sorted order.
    assert answers[1] == "; did you mean 'subj-000007-abcdefgh'?"


def test_a_look_alike_among_many_keys_is_still_named() -> None:
    """Beyond the neighbours in sorted order, the look-alikes are found by their skeleton: a Cyrillic
    first letter sorts far from the key it imitates."""
    from checks.schemas import did_you_mean

    keys = _alike_keys(10_000)
    answer = did_you_mean("\u0455ubj-004321-abcdefgh", keys)  # Cyrillic ѕ (U+0455) for Latin s
    assert "it looks like 'subj-004321-abcdefgh'" in answer and "U+0455" in answer


def test_a_registry_with_a_huge_vocabulary_and_unknown_subjects_is_bounded(
    make_registry: MakeRegistry,
) -> None:
    root = make_registry()
    vocabulary = root / "schema" / "vocabulary.yaml"
    alike = "".join(f"  subj-{i:06d}-abcdefgh: {{ko: 주제, en: subject}}\n" for i in range(20_000))
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace("subjects:\n", "subjects:\n" + alike, 1),
        encoding="utf-8",
    )
    claims = root / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    _, _, item = text.partition("  - id: ")
    extra = "".join(
        "  - id: "
        + item.replace("sample-staff-at-founding", f"c{i}").replace(
            "subject: lg-ai-research", f"subject: subj-{i * 3:06d}-abcdefgx"
        )
        for i in range(200)
    )
    claims.write_text(text + extra, encoding="utf-8")
    result, seconds = _timed(lambda: check(root, use_cache=False))
    assert seconds < GUARD_SECONDS
    unknown = [p for p in result.problems if p.code == "unknown-subject"]
    assert len(unknown) == 200 and all("did you mean 'subj-" in p.message for p in unknown)


# --- the fast YAML path's scan (checks/fastyaml.py) ---------------------------------------------------------


def test_a_line_of_many_scalar_starts_is_read_fast(make_registry: MakeRegistry) -> None:
    """`- 1 - 1 - 1 …` or `:1:1:1 …` inside one long value: the fast path's scan restarted at each of its
    25,000 places a scalar may start and rescanned the rest of the line from each (a 32 KB line took
    9 seconds, a line just under the 100,000-byte limit minutes, a file of them hours)."""
    root = make_registry()
    claims = root / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    for filler in ("- 1 ", ":1", "- 1:2 "):
        value = filler * ((MAX_LINE_BYTES - 20) // len(filler)) + "~"
        claims.write_text(text + f"    note: '{value}'\n" * 3, encoding="utf-8")
        result, seconds = _timed(lambda: check(root, use_cache=False))
        assert seconds < GUARD_SECONDS
        # Each long note is refused by the schema, at its own line.
        assert [(p.line, p.code) for p in result.problems if p.code == "invalid-value"] == [
            (11, "invalid-value")
        ]


# --- claims source add (checks/onboard.py) ------------------------------------------------------------------


def test_a_page_of_thousands_of_dates_is_listed_in_linear_time() -> None:
    """Each date's label was searched for in the whole line before it, and a bare date's evidence grown
    over the whole run of text around it: a 3.7 MB page of dates took 170 s in `claims source add`."""
    from checks.onboard import dates_on

    for line in ("2021년 11월 11일 " * 5000, "2021.11.11" * 5000, "입력 2024.01.02 " * 5000):
        seen, seconds = _timed(lambda line=line: dates_on([line] * 10, 1, 10))  # type: ignore[misc]
        assert seconds < GUARD_SECONDS
        assert len(seen) == 50_000
        assert len(seen[0].evidence) <= 100  # a bare date's run is cut: `2021.11.112021.11.11…`


def test_an_address_search_over_a_long_run_of_letters_is_linear() -> None:
    from checks.onboard import _EMAIL

    for text in ("a" * 200_000, "a" * 200_000 + "@", "x" * 50_000 + " joo501@cbs.co.kr"):
        found, seconds = _timed(lambda text=text: _EMAIL.search(text))  # type: ignore[misc]
        assert seconds < GUARD_SECONDS
        assert (found is not None) == text.endswith(".kr")


def test_coverage_of_an_article_of_long_lines_of_figures_is_linear(make_registry: MakeRegistry) -> None:
    """Lines of thousands of dates and figures and no full stop: each one's supporting sentence was the
    whole line (and `claims coverage` printed it for each): a 3.7 MB article ran for more than five
    minutes."""
    from checks.coverage import coverage

    line = "2021년 11월 11일 3조원 " * 2500  # about 90 KB, under the line limit
    article = ("제목 줄\n" + (line + "\n") * 4).encode("utf-8")
    index = big_index(article, last_line=5)
    root = make_registry(
        {"seeds/big.txt": article, "seeds/sources.yaml": index},
        remove=("seeds/sample.txt", "claims/sample.yaml"),
    )
    found, seconds = _timed(lambda: coverage(check(root)).articles[0].found)
    assert seconds < GUARD_SECONDS
    assert len(found) == 4 * 2500 * 2  # each date and each amount
    assert max(len(f.sentence) for f in found) < 1_000


def test_claims_and_skips_of_a_long_article_are_matched_to_its_figures_in_linear_work(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each claim and each skip looked through every figure of its article (and each skip's sentence was
    found by reading the segment from its start): 4,000 claims and 4,000 skips of an 800 KB article took
    15 s in `claims check` and 30 s in `claims coverage`, quadratically more for more. Counted, not
    timed: the figures a claim or a skip is compared with stay a handful each."""
    from checks import coverage as coverage_module
    from checks.coverage import coverage

    n = 300
    lines = ["큰 기사 제목"] + [
        f"회사 {i}번 부서의 직원은 {1000 + i}명이고 매출은 {2000 + i}억원이다." for i in range(n)
    ]
    article = ("\n".join(lines) + "\n").encode("utf-8")
    index = f"""\
sources:
  - id: big-2024-01-02
    file: big.txt
    sha256: {hashlib.sha256(article).hexdigest()}
    outlet: 큰일보
    headline: 큰 기사 제목
    published: '2024-01-02'
    published_evidence: 큰 기사 제목
    body:
      first_line: 1
      last_line: {n + 1}
"""
    claims = [
        {
            "id": f"big-{i}",
            "source": "big-2024-01-02",
            "quote": f"회사 {i}번 부서의 직원은 {1000 + i}명이고",
            "subject": "lg-ai-research",
            "property": "headcount",
            "as_written": f"{1000 + i}명",
            "unit": "person",
        }
        for i in range(n)
    ]
    skips = [
        {
            "source": "big-2024-01-02",
            "quote": f"매출은 {2000 + i}억원이다",
            "figure": f"{2000 + i}억원",
            "reason": "other-subject",
            "note": "a figure of the test",
        }
        for i in range(n)
    ]
    root = make_registry(
        {
            "seeds/big.txt": article,
            "seeds/sources.yaml": index,
            "claims/big.yaml": yaml.safe_dump({"claims": claims}, allow_unicode=True, width=200),
            "claims/skips.yaml": yaml.safe_dump({"skips": skips}, allow_unicode=True, width=200),
        },
        remove=("seeds/sample.txt", "claims/sample.yaml"),
    )
    compared = 0
    covers = coverage_module._covers

    def counted(*args: object, **kwargs: object) -> bool:
        nonlocal compared
        compared += 1
        return covers(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(coverage_module, "_covers", counted)
    result = check(root, use_cache=False, jobs=1)
    assert not result.problems
    found = coverage(result).articles[0].found
    assert [f.status for f in found].count("claimed") == n
    assert [f.status for f in found].count("skipped") == n
    # 2n figures and dates (plus the headline's none): before, every claim and skip met all of them
    # (2n × 2n comparisons in coverage, n × 2n more in the skips' check): 360,000 here.
    assert compared <= 10 * 2 * n
