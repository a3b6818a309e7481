"""The comparison (checks.compare) on small hand-made registries, against the README's rules.

Every expected relation below is derived by hand from README.md, "Comparison", and the bounds of
docs/quantities.md (`80여명` is [80, 90), `약 100명` is [90, 110], `… 이상` is [v, ∞), a plain figure is
the point [v, v]); the comments say how.
"""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import date
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import compare
from checks.checker import CheckResult, check
from checks.compare import Group, same_origin, supporting_sentence
from checks.quotes import Place
from checks.sources import Source
from checks.tests import compare_cases
from checks.tests.compare_cases import (
    RANDOM_ARTICLES,
    RANDOM_FIGURES,
    RANDOM_TIMES,
    Article,
    RandomClaim,
    article,
    build,
    claim,
    layout,
    problems_text,
    random_registry,
)
from checks.times import Span, parse_as_of

HEADCOUNT = "lg-ai-research/headcount"


@pytest.fixture
def run(tmp_path: Path):
    """Build a registry from articles and claims, check it, insist it is clean, return the result."""
    numbers = count()

    def go(articles: list[Article], claims: list[dict[str, str]], **kwargs: object) -> CheckResult:
        root = build(tmp_path / f"registry-{next(numbers)}", articles, claims, **kwargs)  # type: ignore[arg-type]
        result = check(root)
        assert result.problems == [], problems_text(result)
        return result

    return go


def relations(result: CheckResult) -> dict[str, tuple[str, list[str]]]:
    return {g.key: (g.relation, [m.claim.id for m in g.members]) for g in result.groups}


def group(result: CheckResult, key: str) -> Group:
    found = [g for g in result.groups if g.key == key]
    assert len(found) == 1, sorted(g.key for g in result.groups)
    return found[0]


def pair(
    run, fig_a: str, fig_b: str, unit: str, *, prop: str = "headcount", as_of: str | None = "2021-Q3"
) -> CheckResult:
    """Two outlets, one figure each, stated for the same time (or both undated)."""
    words = "지난해 3분기 " if as_of else ""
    a = article("aa-2022-01-19", "가일보", "2022-01-19", f"LG AI연구원의 {words}규모는 {fig_a}으로 집계됐다.")
    b = article(
        "bb-2022-02-03", "나신문", "2022-02-03", f"업계에 따르면 {words}해당 수치는 {fig_b}에 달했다고 한다."
    )
    kw = {"as_of": as_of, "as_of_text": words.strip()} if as_of else {}
    return run(
        [a, b],
        [
            claim("aa.x", a.id, f"{words}규모는 {fig_a}으로 집계됐다", fig_a, unit, property=prop, **kw),
            claim("bb.x", b.id, f"{words}해당 수치는 {fig_b}에 달했다", fig_b, unit, property=prop, **kw),
        ],
    )


# --- the five relations --------------------------------------------------------------------------------


def test_contradiction_when_bounds_do_not_overlap(run) -> None:
    # 80여명 is [80, 90), 70여명 is [70, 80): no number is in both, so both cannot be true.
    a = article(
        "aa-2022-01-19",
        "가일보",
        "2022-01-19",
        "출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다.",
    )
    b = article("bb-2024-03-13", "나신문", "2024-03-13", "LG AI연구원의 출범 당시 연구 인력은 70여명이었다.")
    result = run(
        [a, b],
        [
            claim(
                "aa.founding",
                a.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "bb.founding",
                b.id,
                "출범 당시 연구 인력은 70여명이었다",
                "70여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
        ],
    )
    # One thing (one unit, so no [unit] in the key), one time: one group, members by publication date.
    assert relations(result) == {f"{HEADCOUNT}@2020-12": ("contradiction", ["aa.founding", "bb.founding"])}
    g = group(result, f"{HEADCOUNT}@2020-12")
    assert g.is_conflict
    assert g.when == "2020-12"
    assert g.outlets == ["가일보", "나신문"]
    assert "가일보" in g.explanation and "나신문" in g.explanation


def test_discrepancy_when_bounds_overlap_but_values_differ(run) -> None:
    # [6000억, ∞) and [7000억, ∞) overlap (7000억 is in both), but 6000억 and 7000억 differ by 1/7 of the
    # larger, far more than 1%.
    a = article(
        "aa-2023-08-24", "가일보", "2023-08-24", "엑사원은 2023년 기준 6000억개 이상의 말뭉치를 학습했다."
    )
    b = article(
        "bb-2023-08-28", "나신문", "2023-08-28", "엑사원 2.0은 2023년 한 해 7000억개 이상의 데이터를 익혔다."
    )
    result = run(
        [a, b],
        [
            claim(
                "aa.data",
                a.id,
                "2023년 기준 6000억개 이상의 말뭉치",
                "6000억개 이상",
                "item",
                subject="exaone",
                property="dataset-size",
                as_of="2023",
                as_of_text="2023년",
            ),
            claim(
                "bb.data",
                b.id,
                "2023년 한 해 7000억개 이상의 데이터",
                "7000억개 이상",
                "item",
                subject="exaone",
                property="dataset-size",
                as_of="2023",
                as_of_text="2023년",
            ),
        ],
    )
    assert relations(result) == {"exaone/dataset-size@2023": ("discrepancy", ["aa.data", "bb.data"])}
    assert group(result, "exaone/dataset-size@2023").is_conflict


def test_agreement_on_the_same_figure_written_two_ways(run) -> None:
    # 3조6000억원 and 3조 6000억 원 are both exactly 3,600,000,000,000 won. A plan's amount
    # (changes_over_time: false) stated without a time is undated: one group, keyed @undated.
    a = article("aa-2020-12-07", "가일보", "2020-12-07", "LG는 ABC 분야에 3조6000억원을 투자한다고 밝혔다.")
    b = article("bb-2021-01-05", "나신문", "2021-01-05", "그룹 차원의 투자액은 3조 6000억 원으로 알려졌다.")
    result = run(
        [a, b],
        [
            claim(
                "aa.plan",
                a.id,
                "ABC 분야에 3조6000억원을 투자한다",
                "3조6000억원",
                "KRW",
                subject="lg",
                property="investment",
            ),
            claim(
                "bb.plan",
                b.id,
                "투자액은 3조 6000억 원으로 알려졌다",
                "3조 6000억 원",
                "KRW",
                subject="lg",
                property="investment",
            ),
        ],
    )
    assert relations(result) == {"lg/investment@undated": ("agreement", ["aa.plan", "bb.plan"])}
    g = group(result, "lg/investment@undated")
    assert g.when == "undated"
    assert not g.is_conflict


@pytest.mark.parametrize(
    ("fig_a", "fig_b", "expected"),
    [
        # Both open upwards, so the bounds overlap; the values differ by 1억, exactly 1% of the larger
        # (100억): not more than 1% -> agreement.
        ("100억원 이상", "99억원 이상", "agreement"),
        ("99억원 이상", "100억원 이상", "agreement"),
        # 1억 1000만 is 1.1% of 100억; 1억 1 만 (100억 − 98억 9999만) is a hair over 1% -> discrepancy.
        ("100억원 이상", "98억 9000만원 이상", "discrepancy"),
        ("100억원 이상", "98억 9999만원 이상", "discrepancy"),
        # [90억, 110억] and [89.1억, 108.9억] overlap; 1% apart -> agreement.
        ("약 100억원", "약 99억원", "agreement"),
        # Plain figures are points: 100억 and 99억 are within 1% but cannot both be exact.
        ("100억원", "99억원", "contradiction"),
        ("100억원", "100억 원", "agreement"),
    ],
)
def test_tolerance_is_one_percent_of_the_larger_value(run, fig_a: str, fig_b: str, expected: str) -> None:
    result = pair(run, fig_a, fig_b, "KRW", prop="investment", as_of=None)
    assert relations(result) == {"lg-ai-research/investment@undated": (expected, ["aa.x", "bb.x"])}


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("100명", "agreement"),  # the same value
        ("101명", "agreement"),  # 1 is less than 1% of 101
        ("102명", "discrepancy"),  # 2 is more than 1% of 102; 102 is within [90, 110]
        ("108명", "discrepancy"),  # within [90, 110], 8 apart
        ("110명", "discrepancy"),  # the upper bound of 약 100 is included
        ("90명", "discrepancy"),  # and so is the lower one
        ("111명", "contradiction"),  # above 110
        ("89명", "contradiction"),  # below 90
    ],
)
def test_about_allows_ten_percent_either_way(run, other: str, expected: str) -> None:
    # 약 100명 is [90, 110], both ends included.
    result = pair(run, "약 100명", other, "person")
    assert relations(result) == {f"{HEADCOUNT}@2021-Q3": (expected, ["aa.x", "bb.x"])}


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("80명", "agreement"),  # 80 is in [80, 90) and equals the stated 80
        ("89명", "discrepancy"),  # in [80, 90) but 9 apart
        ("90명", "contradiction"),  # 90 is not in [80, 90): the upper end is excluded
        ("79명", "contradiction"),  # below 80
    ],
)
def test_odd_suffix_is_half_open(run, other: str, expected: str) -> None:
    result = pair(run, "80여명", other, "person")
    assert relations(result) == {f"{HEADCOUNT}@2021-Q3": (expected, ["aa.x", "bb.x"])}


def test_single_when_one_outlet_states_the_figure_even_twice(run) -> None:
    # Two articles of the same outlet, contradicting each other: still one outlet, so single.
    a1 = article("ga-2022-01-19", "가일보", "2022-01-19", "출범 당시 80여명이던 인력은 빠르게 늘었다.")
    a2 = article("ga-2024-03-13", "가일보", "2024-03-13", "출범 당시 연구 인력은 70여명이었다는 설명이다.")
    result = run(
        [a1, a2],
        [
            claim(
                "ga1.founding",
                a1.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "ga2.founding",
                a2.id,
                "출범 당시 연구 인력은 70여명이었다",
                "70여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
        ],
    )
    assert relations(result) == {f"{HEADCOUNT}@2020-12": ("single", ["ga1.founding", "ga2.founding"])}
    assert group(result, f"{HEADCOUNT}@2020-12").outlets == ["가일보"]


def test_same_outlet_twice_is_not_an_agreement(run) -> None:
    a1 = article("ga-2022-01-19", "가일보", "2022-01-19", "출범 당시 80여명이던 인력은 빠르게 늘었다.")
    a2 = article("ga-2024-03-13", "가일보", "2024-03-13", "출범 당시 인력은 80여명이었다는 설명이다.")
    result = run(
        [a1, a2],
        [
            claim(
                "ga1.founding",
                a1.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "ga2.founding",
                a2.id,
                "출범 당시 인력은 80여명이었다",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
        ],
    )
    assert relations(result) == {f"{HEADCOUNT}@2020-12": ("single", ["ga1.founding", "ga2.founding"])}


def test_same_outlet_pairs_are_not_judged_alongside_other_outlets(run) -> None:
    # 가일보 contradicts itself (80여 vs 70여), 나신문 agrees with its 80여명 ([80, 90) overlaps [80, 90),
    # same value) but contradicts its 70여명: the cross-outlet pair makes it a contradiction, and the
    # explanation names only cross-outlet pairs.
    a1 = article("ga-2022-01-19", "가일보", "2022-01-19", "출범 당시 80여명이던 인력은 빠르게 늘었다.")
    a2 = article("ga-2024-03-13", "가일보", "2024-03-13", "출범 당시 연구 인력은 70여명이었다는 설명이다.")
    b = article("na-2023-05-01", "나신문", "2023-05-01", "연구원은 출범 당시 80여명 규모로 시작했다.")
    result = run(
        [a1, a2, b],
        [
            claim(
                "ga1.founding",
                a1.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "ga2.founding",
                a2.id,
                "출범 당시 연구 인력은 70여명이었다",
                "70여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "na.founding",
                b.id,
                "출범 당시 80여명 규모로 시작했다",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
        ],
    )
    g = group(result, f"{HEADCOUNT}@2020-12")
    assert g.relation == "contradiction"
    # Published order: 가일보 2022, 나신문 2023, 가일보 2024.
    assert [m.claim.id for m in g.members] == ["ga1.founding", "na.founding", "ga2.founding"]
    # The one non-overlapping pair from two outlets: 가일보's 70여명 and 나신문's 80여명.
    assert "가일보 [70, 80)" in g.explanation and "나신문 [80, 90)" in g.explanation


def test_change_over_time_with_members_in_time_order(run) -> None:
    # 2020-12 and 2021-Q3 do not overlap: two same-time groups, and a change group of the dated claims.
    # The 2021-Q3 figure comes from the *earliest* article, so publication order is not time order.
    c = article(
        "cc-2022-01-19", "다뉴스", "2022-01-19", "인력은 지난해 3분기 기준 128명으로 빠르게 몸집을 키웠다."
    )
    a = article(
        "aa-2023-08-24", "가일보", "2023-08-24", "LG AI연구원은 출범 당시 80여명이던 연구진으로 출발했다."
    )
    b = article("bb-2024-03-13", "나신문", "2024-03-13", "연구원 출범 당시 인력은 80여명이었다.")
    result = run(
        [a, b, c],
        [
            claim(
                "aa.founding",
                a.id,
                "출범 당시 80여명이던 연구진",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "bb.founding",
                b.id,
                "출범 당시 인력은 80여명이었다",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "cc.q3",
                c.id,
                "인력은 지난해 3분기 기준 128명으로",
                "128명",
                "person",
                as_of="2021-Q3",
                as_of_text="지난해 3분기",
            ),
        ],
    )
    # 80여명 [80, 90) and 128명 share no value: the figure moved, a change. cc.q3 alone at 2021-Q3
    # is a single-source group, but the change already shows it: not listed again (rule 6).
    assert relations(result) == {
        HEADCOUNT: ("change", ["aa.founding", "bb.founding", "cc.q3"]),
        f"{HEADCOUNT}@2020-12": ("agreement", ["aa.founding", "bb.founding"]),
    }
    change = group(result, HEADCOUNT)
    spans = [m.span for m in change.members]
    assert spans == sorted(spans)  # type: ignore[type-var]
    assert change.when == "2020-12…2021-Q3"
    assert not change.is_conflict


def test_overlapping_times_form_one_group(run) -> None:
    # 2021 contains 2021-Q3: their times overlap, so one same-time group, labelled by their union, 2021.
    result = pair_times(run, ("2021", "2021년"), ("2021-Q3", "지난해 3분기"), "약 100명", "100명")
    assert relations(result) == {f"{HEADCOUNT}@2021": ("agreement", ["aa.x", "bb.x"])}


def test_adjacent_times_do_not_overlap(run) -> None:
    # 2021-H1 ends where 2021-07 starts (a span's end is exclusive): two times, so a series; 약 100명
    # is [90, 110], 128명 lies outside it: the figure moved, a change. Each time's single-source
    # group holds only a claim the change shows: not listed (rule 6).
    result = pair_times(run, ("2021-H1", "2021년 상반기"), ("2021-07", "2021년 7월"), "약 100명", "128명")
    assert relations(result) == {HEADCOUNT: ("change", ["aa.x", "bb.x"])}
    assert group(result, HEADCOUNT).when == "2021-H1…2021-07"


def pair_times(run, time_a: tuple[str, str], time_b: tuple[str, str], fig_a: str, fig_b: str) -> CheckResult:
    a = article(
        "aa-2022-01-19", "가일보", "2022-01-19", f"LG AI연구원의 {time_a[1]} 인력은 {fig_a}으로 집계됐다."
    )
    b = article(
        "bb-2022-02-03", "나신문", "2022-02-03", f"업계에 따르면 {time_b[1]} 연구원 수는 {fig_b}에 달했다."
    )
    return run(
        [a, b],
        [
            claim(
                "aa.x",
                a.id,
                f"{time_a[1]} 인력은 {fig_a}으로",
                fig_a,
                "person",
                as_of=time_a[0],
                as_of_text=time_a[1],
            ),
            claim(
                "bb.x",
                b.id,
                f"{time_b[1]} 연구원 수는 {fig_b}에",
                fig_b,
                "person",
                as_of=time_b[0],
                as_of_text=time_b[1],
            ),
        ],
    )


def test_undated_one_off_fact_joins_every_dated_group(run) -> None:
    # investment: changes_over_time false. 나신문's figure states no time: undated, so it is compared
    # with the 2023 figure (the same 3.6조: agreement) and the 2024 one (4조 vs 3.6조, both points:
    # contradiction). The change group holds the dated claims only.
    a = article(
        "aa-2023-03-02",
        "가일보",
        "2023-03-02",
        "LG는 2023년 기준 ABC 분야 투자 계획을 3조6000억원으로 잡았다.",
    )
    b = article("bb-2023-06-01", "나신문", "2023-06-01", "ABC 분야 투자 규모는 3조6000억원이라는 설명이다.")
    c = article("cc-2024-02-01", "다뉴스", "2024-02-01", "올해 투자 계획은 2024년 기준 4조원으로 늘었다.")
    result = run(
        [a, b, c],
        [
            claim(
                "aa.plan",
                a.id,
                "2023년 기준 ABC 분야 투자 계획을 3조6000억원으로",
                "3조6000억원",
                "KRW",
                subject="lg",
                property="investment",
                as_of="2023",
                as_of_text="2023년",
            ),
            claim(
                "bb.plan",
                b.id,
                "투자 규모는 3조6000억원이라는 설명이다",
                "3조6000억원",
                "KRW",
                subject="lg",
                property="investment",
            ),
            claim(
                "cc.plan",
                c.id,
                "2024년 기준 4조원으로 늘었다",
                "4조원",
                "KRW",
                subject="lg",
                property="investment",
                as_of="2024",
                as_of_text="2024년",
            ),
        ],
    )
    assert relations(result) == {
        "lg/investment": ("change", ["aa.plan", "cc.plan"]),
        "lg/investment@2023": ("agreement", ["aa.plan", "bb.plan"]),
        "lg/investment@2024": ("contradiction", ["bb.plan", "cc.plan"]),
    }
    bb = next(m for m in group(result, "lg/investment@2023").members if m.claim.id == "bb.plan")
    assert bb.span is None


def _dated_by_publication(run, published_b: str) -> CheckResult:
    a = article("aa-2022-01-19", "가일보", "2022-01-19", "LG AI연구원의 인력은 약 300명 규모다.")
    b = article(f"bb-{published_b}", "나신문", published_b, "연구원 인력은 현재 300명으로 알려졌다.")
    return run(
        [a, b],
        [
            claim("aa.now", a.id, "LG AI연구원의 인력은 약 300명", "약 300명", "person"),
            claim("bb.now", b.id, "인력은 현재 300명으로 알려졌다", "300명", "person"),
        ],
    )


def test_undated_changing_figure_is_dated_by_publication(run) -> None:
    # headcount changes over time: a figure stated without a time is current on its article's date.
    # Published on different days, the two figures are at different times: a series, not a same-time
    # comparison. 300 lies within 약 300명's [270, 330] and equals its value: nothing moved, so the
    # series is an agreement over time, not a change (rule 5).
    result = _dated_by_publication(run, "2023-08-24")
    assert relations(result) == {HEADCOUNT: ("agreement", ["aa.now", "bb.now"])}
    assert group(result, HEADCOUNT).over_time
    assert [m.span for m in group(result, HEADCOUNT).members] == [
        Span(date(2022, 1, 19), date(2022, 1, 20)),
        Span(date(2023, 8, 24), date(2023, 8, 25)),
    ]


def test_undated_changing_figures_published_the_same_day_are_compared(run) -> None:
    # The same day: one time; 300 is within 약 300명's [270, 330] and equals its value -> agreement.
    result = _dated_by_publication(run, "2022-01-19")
    assert relations(result) == {f"{HEADCOUNT}@2022-01-19": ("agreement", ["aa.now", "bb.now"])}


def test_different_units_are_never_compared(run) -> None:
    # 3조6000억원 and 30억달러 are both about lg/investment but in different units: two things, each
    # stated by one outlet; the keys carry the unit because the property has more than one.
    a = article("aa-2020-12-07", "가일보", "2020-12-07", "LG는 ABC 분야에 3조6000억원을 투자한다고 밝혔다.")
    b = article("bb-2021-01-05", "나신문", "2021-01-05", "LG의 투자 규모는 30억달러에 이른다.")
    result = run(
        [a, b],
        [
            claim(
                "aa.plan",
                a.id,
                "ABC 분야에 3조6000억원을 투자한다",
                "3조6000억원",
                "KRW",
                subject="lg",
                property="investment",
            ),
            claim(
                "bb.plan",
                b.id,
                "투자 규모는 30억달러에 이른다",
                "30억달러",
                "USD",
                subject="lg",
                property="investment",
            ),
        ],
    )
    assert relations(result) == {
        "lg/investment[KRW]@undated": ("single", ["aa.plan"]),
        "lg/investment[USD]@undated": ("single", ["bb.plan"]),
    }
    assert {g.unit for g in result.groups} == {"KRW", "USD"}


def test_contradiction_outranks_discrepancy(run) -> None:
    # Three outlets: 가 약 100명 [90, 110], 나 108명 (overlaps 가, 8 apart: a discrepancy), 다 111명
    # (outside 가's bounds: a contradiction; 108 vs 111 are points: also a contradiction).
    a = article("aa-2022-01-19", "가일보", "2022-01-19", "지난해 3분기 인력은 약 100명으로 집계됐다.")
    b = article("bb-2022-02-03", "나신문", "2022-02-03", "지난해 3분기 연구원 수는 108명이었다고 한다.")
    c = article("cc-2022-03-04", "다뉴스", "2022-03-04", "지난해 3분기 기준 직원은 111명으로 나타났다.")
    kw = {"as_of": "2021-Q3", "as_of_text": "지난해 3분기"}
    result = run(
        [a, b, c],
        [
            claim("aa.x", a.id, "지난해 3분기 인력은 약 100명", "약 100명", "person", **kw),
            claim("bb.x", b.id, "지난해 3분기 연구원 수는 108명", "108명", "person", **kw),
            claim("cc.x", c.id, "지난해 3분기 기준 직원은 111명", "111명", "person", **kw),
        ],
    )
    g = group(result, f"{HEADCOUNT}@2021-Q3")
    assert g.relation == "contradiction"
    assert "cannot both be true" in g.explanation
    assert "다뉴스 [111, 111]" in g.explanation  # 111 is in every non-overlapping pair


# --- independence ----------------------------------------------------------------------------------------

PRESS = "LG AI연구원은 초거대 인공지능 엑사원을 공개하며 3000억원을 투자한다고 밝혔다."
PRESS_COPY = "LG AI연구원은 초거대 인공지능 엑사원을 공개하며 3000억원을 투자한다고 14일 밝혔다."
PARAPHRASE = "엑사원 개발에 그룹이 쏟는 돈은 모두 3000억원에 이른다는 분석이 나온다."


def _independence(run, sentences: dict[str, tuple[str, str]]) -> CheckResult:
    articles = [
        article(f"{key}-2021-12-{10 + n:02d}", outlet, f"2021-12-{10 + n:02d}", sentence)
        for n, (key, (outlet, sentence)) in enumerate(sorted(sentences.items()))
    ]
    claims = [
        claim(
            f"{a.id.split('-')[0]}.plan",
            a.id,
            a.lines[0],
            "3000억원",
            "KRW",
            subject="exaone",
            property="investment",
        )
        for a in articles
    ]
    return run(articles, claims)


def test_near_identical_sentences_share_one_origin(run) -> None:
    # 가 and 나 share "LG AI연구원은 초거대 인공지능 엑사원을 공개하며 3000억원을 투자한다고": eight words in
    # a row. 다 is worded independently.
    result = _independence(
        run, {"aa": ("가일보", PRESS), "bb": ("나신문", PRESS_COPY), "cc": ("다뉴스", PARAPHRASE)}
    )
    g = group(result, "exaone/investment@undated")
    assert g.relation == "agreement"
    assert [[m.claim.id for m in s] for s in g.shared_origins] == [["aa.plan", "bb.plan"]]


def test_paraphrased_sentences_are_independent(run) -> None:
    result = _independence(run, {"aa": ("가일보", PRESS), "cc": ("다뉴스", PARAPHRASE)})
    g = group(result, "exaone/investment@undated")
    assert g.relation == "agreement"
    assert g.shared_origins == []


def test_one_outlet_does_not_share_an_origin_with_itself(run) -> None:
    result = _independence(run, {"aa": ("가일보", PRESS), "bb": ("가일보", PRESS_COPY)})
    g = group(result, "exaone/investment@undated")
    assert g.relation == "single"
    assert g.shared_origins == []


FIVE = "하나 둘 셋 넷 다섯"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Six words in a row in common -> one origin, however different the rest.
        (
            f"{FIVE} 여섯 사과 바나나 포도 수박 딸기 참외",
            f"{FIVE} 여섯 자동차 비행기 기차 버스 택시 자전거",
            True,
        ),
        # Five in a row only, and the rest unlike -> independent.
        (f"{FIVE} 사과 바나나 포도 수박 딸기 참외", f"{FIVE} 자동차 비행기 기차 버스 택시 자전거", False),
        # Exactly six words, all in common.
        (
            "LG AI연구원은 초거대 인공지능 엑사원을 공개했다",
            "LG AI연구원은 초거대 인공지능 엑사원을 공개했다",
            True,
        ),
        # Near-identical characters but fewer than six words: the rule counts words in a row only.
        ("엑사원3000억원투자발표", "엑사원3000억원투자발표함", False),
        ("하나 둘 셋 넷 다섯", "하나 둘 셋 넷 다섯", False),
        # Six words in common but not in a row.
        ("하나 둘 셋 X 넷 다섯 여섯", "하나 둘 셋 Y 넷 다섯 여섯", False),
        (PRESS, PRESS_COPY, True),
        (PRESS, PARAPHRASE, False),
        ("", "", False),  # nothing in common: no words, and an empty match
    ],
)
def test_same_origin(a: str, b: str, expected: bool) -> None:
    assert same_origin(a, b) is expected
    assert same_origin(b, a) is expected


def test_same_origin_counts_words_separated_by_any_whitespace() -> None:
    a = f"{FIVE}\n여섯 사과 바나나 포도 수박 딸기 참외"
    b = "하나  둘\t셋 넷 다섯 여섯 자동차 비행기 기차 버스 택시 자전거"
    assert same_origin(a, b)


def _source(text: str) -> Source:
    lines = text.split("\n")
    return Source(
        id="x-2024-01-02",
        file="seeds/x.txt",
        outlet="가일보",
        headline=lines[0],
        published=date(2024, 1, 2),
        reporter=None,
        body_lines=[(1, len(lines))],
        node=None,  # type: ignore[arg-type]
        text=text,
        usable=True,
    )


def _place(text: str, quote: str) -> Place:
    """The 1-based line and column of the quote's first and last characters, computed directly."""
    at = text.index(quote)
    end = at + len(quote) - 1
    line = text.count("\n", 0, at) + 1
    end_line = text.count("\n", 0, end) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Place(line, column, end_line, end_column)


SENTENCES = "제목\n첫 문장이다. 둘째 문장에 80여명이 있다. 셋째 문장?  넷째!\n다음 줄의 문장.\n끝 줄"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("80여명이 있다", "둘째 문장에 80여명이 있다."),  # the sentence around it, nothing more
        ("첫 문장이다", "첫 문장이다."),  # at the start of the line
        ("있다. 셋째", "둘째 문장에 80여명이 있다. 셋째 문장?"),  # a quote over two sentences: both
        ("넷째", "넷째!"),  # the last sentence of the line
        ("넷째!\n다음 줄", "넷째! 다음 줄의 문장."),  # across a line break: the lines are joined
        ("끝 줄", "끝 줄"),  # the last line of the file, no full stop
    ],
)
def test_supporting_sentence(quote: str, expected: str) -> None:
    assert supporting_sentence(_source(SENTENCES), _place(SENTENCES, quote)) == expected


def test_a_sentence_without_end_is_cut_at_the_reach_around_its_quote() -> None:
    """A line of 100,000 characters and no full stop: each figure's sentence was the whole line (a
    line of thousands of figures cost their number times its length, and `claims coverage` printed
    the line for each). Read SENTENCE_REACH characters either side of the quote, the sentence is cut."""
    from checks.compare import SENTENCE_REACH

    words = "가나다 " * 25_000
    text = "제목\n" + words + "80여명이 있다 " + words + "\n끝."
    sentence = supporting_sentence(_source(text), _place(text, "80여명이 있다"))
    left, right = text.index("80여명"), text.index("80여명") + len("80여명이 있다")
    assert sentence == " ".join(text[left - SENTENCE_REACH : right + SENTENCE_REACH].split())
    # A sentence that ends within the reach is whole, as before.
    short = "제목\n" + words + "첫 문장. 80여명이 있다. " + words
    assert supporting_sentence(_source(short), _place(short, "80여명이 있다")) == "80여명이 있다."


def test_members_carry_their_supporting_sentence(run) -> None:
    a = article(
        "aa-2022-01-19",
        "가일보",
        "2022-01-19",
        "앞 문장이다. 출범 당시 80여명이던 인력은 늘었다. 뒤 문장이다.",
    )
    result = run(
        [a],
        [
            claim(
                "aa.founding",
                a.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            )
        ],
    )
    (g,) = result.groups
    assert [m.sentence for m in g.members] == ["출범 당시 80여명이던 인력은 늘었다."]


# --- resolutions ---------------------------------------------------------------------------------------

CONFLICT = f"{HEADCOUNT}@2020-12"


def _resolved(run_or_root, resolutions: str) -> tuple[list, CheckResult]:
    """A registry with one contradiction (80여 vs 70여 at 2020-12), one agreement (lg/investment@undated)
    and the given claims/resolutions.yaml. Returns (problems, result)."""
    a = article(
        "aa-2022-01-19",
        "가일보",
        "2022-01-19",
        "출범 당시 80여명이던 인력은 늘었다.",
        "LG는 ABC 분야에 3조6000억원을 투자한다.",
    )
    b = article(
        "bb-2024-03-13",
        "나신문",
        "2024-03-13",
        "출범 당시 연구 인력은 70여명이었다.",
        "그룹 투자액은 3조 6000억 원으로 알려졌다.",
    )
    claims = [
        claim(
            "aa.founding",
            a.id,
            "출범 당시 80여명이던 인력은",
            "80여명",
            "person",
            as_of="2020-12",
            as_of_text="출범 당시",
        ),
        claim(
            "bb.founding",
            b.id,
            "출범 당시 연구 인력은 70여명이었다",
            "70여명",
            "person",
            as_of="2020-12",
            as_of_text="출범 당시",
        ),
        claim(
            "aa.plan",
            a.id,
            "ABC 분야에 3조6000억원을 투자한다",
            "3조6000억원",
            "KRW",
            subject="lg",
            property="investment",
        ),
        claim(
            "bb.plan",
            b.id,
            "투자액은 3조 6000억 원으로 알려졌다",
            "3조 6000억 원",
            "KRW",
            subject="lg",
            property="investment",
        ),
    ]
    root = build(Path(tempfile.mkdtemp(dir=run_or_root)), [a, b], claims, resolutions=resolutions)
    result = check(root)
    return result.problems, result


@pytest.mark.parametrize(
    ("status", "extra", "resolved"),
    [
        ("explained", "", True),
        ("outlet-error", "    erroneous: [bb.founding]\n", True),
        ("open", "", False),
    ],
)
def test_resolution_status(tmp_path: Path, status: str, extra: str, resolved: bool) -> None:
    text = f"resolutions:\n  - group: {CONFLICT}\n    status: {status}\n    note: 범위가 다르다.\n{extra}"
    problems, result = _resolved(tmp_path, text)
    assert problems == []
    g = group(result, CONFLICT)
    assert g.relation == "contradiction"
    assert g.resolution is not None
    assert g.resolution.status == status
    assert g.resolution.resolved is resolved
    assert g.resolution.note == "범위가 다르다."
    # The other groups carry no resolution.
    assert group(result, "lg/investment@undated").resolution is None


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        # Unknown key. "  - group: " is 11 characters: the value starts at column 12 of line 2.
        (
            f"resolutions:\n  - group: {HEADCOUNT}@2099\n    status: open\n    note: 조사 중\n",
            (2, 12),
            "no group",
        ),
        # An agreement is not a conflict.
        (
            "resolutions:\n  - group: lg/investment@undated\n    status: explained\n    note: 같다\n",
            (2, 12),
            "agreement",
        ),
        # The erroneous claim exists, but in another group.
        (
            f"resolutions:\n  - group: {CONFLICT}\n    status: outlet-error\n    note: 오류\n    erroneous: [aa.plan]\n",
            (2, 12),
            "aa.plan",
        ),
        # outlet-error without the erroneous claims.
        (
            f"resolutions:\n  - group: {CONFLICT}\n    status: outlet-error\n    note: 오류\n",
            (2, 12),
            "erroneous",
        ),
        # A member's ID but for a look-alike (Cyrillic о): the code points are named (issue 10, class 8).
        (
            f"resolutions:\n  - group: {CONFLICT}\n    status: outlet-error\n    note: 오류\n    erroneous: [bb.f\u043eunding]\n",
            (2, 12),
            "'о' (U+043E CYRILLIC SMALL LETTER O) where 'bb.founding' has 'o' (U+006F LATIN SMALL LETTER O)",
        ),
        # A valid entry first; the stale one below, after a comment, with `group` as its third key:
        # line 1 comment, 2 resolutions:, 3–5 the first entry, 6 comment, 7 "- status", 8 note, 9 group.
        # "    group: " is 11 characters: column 12.
        (
            (
                "# editors' notes\nresolutions:\n"
                f"  - group: {CONFLICT}\n    status: open\n    note: 조사 중\n"
                "  # a second one\n"
                "  - status: explained\n    note: 옛 설명\n    group: lg-ai-research/headcount@2021\n"
            ),
            (9, 12),
            "no group",
        ),
        # Indented by four, in flow style: "    - {group: " is 14 characters -> column 15.
        (
            "resolutions:\n    - {group: nothing/here@undated, status: open, note: 없음}\n",
            (2, 15),
            "no group",
        ),
    ],
)
def test_stale_resolution(tmp_path: Path, text: str, where: tuple[int, int], words: str) -> None:
    problems, _result = _resolved(tmp_path, text)
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        ("claims/resolutions.yaml", *where, "resolution-stale")
    ]
    assert words in problems[0].message


# --- order independence (hypothesis) ----------------------------------------------------------------------

random_claim = st.builds(
    RandomClaim,
    article=st.integers(0, len(RANDOM_ARTICLES) - 1),
    figure=st.integers(0, len(RANDOM_FIGURES) - 1),
    time=st.integers(0, len(RANDOM_TIMES) - 1),
    wording=st.integers(0, 1),
)
random_claims = st.lists(random_claim, min_size=1, max_size=7)


def _mapping(result: CheckResult) -> dict[str, tuple[str, list[str], list[list[str]]]]:
    assert result.problems == [], problems_text(result)
    return {
        g.key: (
            g.relation,
            [m.claim.id for m in g.members],
            [[m.claim.id for m in s] for s in g.shared_origins],
        )
        for g in result.groups
    }


@given(spec=random_claims, data=st.data())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_groups_do_not_depend_on_claim_order(spec: list[RandomClaim], data: st.DataObject) -> None:
    articles, claims = random_registry(spec)
    order = data.draw(st.permutations(range(len(claims))), label="order")
    split = data.draw(st.lists(st.integers(0, 3), min_size=len(claims), max_size=len(claims)), label="split")
    with tempfile.TemporaryDirectory() as tmp:
        first = _mapping(check(build(Path(tmp) / "a", articles, claims)))
        second = _mapping(check(build(Path(tmp) / "b", articles, files=layout(claims, order, split))))
    assert first == second
    # And every claim is in at least one group: a same-time group, or the series over time that
    # shows it when its own same-time group would only repeat it (rule 6).
    in_groups = {cid for key, (relation, ids, _) in first.items() for cid in ids}
    assert in_groups == {c["id"] for c in claims}


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Whether two figures' bounds share a value (README rule 4), written out from the definition."""
    lows = [(q.low, q.low_inclusive) for q in (a, b) if q.low is not None]
    highs = [(q.high, q.high_inclusive) for q in (a, b) if q.high is not None]
    if not lows or not highs:
        return True  # one side unbounded on both figures: each figure's own bounds are non-empty
    low = max(v for v, _ in lows)
    low_in = all(inc for v, inc in lows if v == low)
    high = min(v for v, _ in highs)
    high_in = all(inc for v, inc in highs if v == high)
    return low < high or (low == high and low_in and high_in)


def _expected_relation(g: Group) -> str:
    if len({m.source.outlet for m in g.members}) < 2:
        return "single"
    pairs = [(a, b) for a in g.members for b in g.members if a.source.outlet < b.source.outlet]
    if any(not _overlap(a.quantity, b.quantity) for a, b in pairs):
        return "contradiction"
    for a, b in pairs:
        x, y = a.quantity.value, b.quantity.value
        if x is not None and y is not None and abs(x - y) * 100 > max(abs(x), abs(y)):
            return "discrepancy"
    return "agreement"


@given(spec=st.lists(random_claim, min_size=2, max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_same_time_group_is_judged_by_the_rules(spec: list[RandomClaim]) -> None:
    # Every pair of members from two outlets, checked against the rules directly.
    articles, claims = random_registry(spec)
    with tempfile.TemporaryDirectory() as tmp:
        result = check(build(Path(tmp), articles, claims))
    assert result.problems == [], problems_text(result)
    for g in result.groups:
        if g.over_time:
            assert g.relation == _expected_series_relation(g), g.key
        else:
            assert g.relation == _expected_relation(g), g.key
    # Undated members (one-off facts without a time) are in every same-time group of their thing.
    for g in result.groups:
        for m in g.members:
            if m.span is None:
                thing = (g.subject, g.property, g.unit)
                assert all(
                    m in h.members
                    for h in result.groups
                    if (h.subject, h.property, h.unit) == thing and not h.over_time
                )
    # No single-source group only repeats claims another group of its thing already shows (rule 6).
    for g in result.groups:
        if g.relation == "single":
            others = {
                m.claim.id
                for h in result.groups
                if h is not g
                and h.relation != "single"
                and (h.subject, h.property, h.unit) == (g.subject, g.property, g.unit)
                for m in h.members
            }
            assert not all(m.claim.id in others for m in g.members), g.key


def _expected_series_relation(g: Group) -> str:
    """README rule 5, from the definition: every pair of members (whatever the outlet) shares a value
    and states values within 1% -> nothing moved, an agreement over time; otherwise a change."""
    pairs = [(a, b) for i, a in enumerate(g.members) for b in g.members[i + 1 :]]
    if any(not _overlap(a.quantity, b.quantity) for a, b in pairs):
        return "change"
    for a, b in pairs:
        x, y = a.quantity.value, b.quantity.value
        if x is not None and y is not None and abs(x - y) * 100 > max(abs(x), abs(y)):
            return "change"
    return "agreement"


# --- checks.times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021", date(2021, 1, 1), date(2022, 1, 1)),
        ("2021-03", date(2021, 3, 1), date(2021, 4, 1)),
        ("2021-12", date(2021, 12, 1), date(2022, 1, 1)),
        ("2021-03-05", date(2021, 3, 5), date(2021, 3, 6)),
        ("2021-12-31", date(2021, 12, 31), date(2022, 1, 1)),
        ("2024-02-29", date(2024, 2, 29), date(2024, 3, 1)),
        ("2021-Q1", date(2021, 1, 1), date(2021, 4, 1)),
        ("2021-Q3", date(2021, 7, 1), date(2021, 10, 1)),
        ("2021-Q4", date(2021, 10, 1), date(2022, 1, 1)),
        ("2021-H1", date(2021, 1, 1), date(2021, 7, 1)),
        ("2021-H2", date(2021, 7, 1), date(2022, 1, 1)),
        # Intervals include their end: 2021/2023 is three whole years.
        ("2021/2023", date(2021, 1, 1), date(2024, 1, 1)),
        ("2020-12/2021-Q3", date(2020, 12, 1), date(2021, 10, 1)),
        ("2021-03-05/2021-03-07", date(2021, 3, 5), date(2021, 3, 8)),
        ("2021-03/2021-03", date(2021, 3, 1), date(2021, 4, 1)),
        ("2021/2021-H1", date(2021, 1, 1), date(2021, 7, 1)),
    ],
)
def test_parse_as_of(text: str, start: date, end: date) -> None:
    assert parse_as_of(text) == Span(start, end)


@pytest.mark.parametrize(
    "text",
    [
        "2023/2021",  # reversed
        "2021-Q3/2021-Q1",
        "2021-03-05/2021-03-04",
        "2023-02-30",  # no such day
        "2023-02-29",  # not a leap year
        "2021-13",
        "2021-00",
        "2021-Q5",
        "2021-Q0",
        "2021-H3",
        "2021-3",
        "21",
        "",
        "2021-",
        "2021/",
        "/2021",
        "2021-03-05x",
        "late 2021",
    ],
)
def test_parse_as_of_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_as_of(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2021", "2021"),
        ("2021-Q3", "2021-Q3"),
        ("2021-07/2021-09", "2021-Q3"),  # the shortest form naming the span
        ("2021-01/2021-06", "2021-H1"),
        ("2021-Q1/2021-Q4", "2021"),
        ("2021-01-01/2021-01-31", "2021-01"),
        ("2021/2023", "2021/2023"),
        ("2020-12/2021-Q3", "2020-12/2021-09"),
        ("2021-03-05/2021-03-07", "2021-03-05/2021-03-07"),
    ],
)
def test_span_label(text: str, label: str) -> None:
    assert parse_as_of(text).label() == label


def test_overlap() -> None:
    assert parse_as_of("2021").overlaps(parse_as_of("2021-Q3"))
    assert parse_as_of("2021-Q3").overlaps(parse_as_of("2021"))
    assert not parse_as_of("2021-H1").overlaps(parse_as_of("2021-07"))
    assert not parse_as_of("2020-12").overlaps(parse_as_of("2021-Q3"))
    assert parse_as_of("2020-12/2021-Q3").overlaps(parse_as_of("2021-02-28"))


years = st.integers(1000, 9998)
single_forms = st.one_of(
    years.map(str),
    st.builds(lambda y, m: f"{y}-{m:02d}", years, st.integers(1, 12)),
    st.builds(lambda d: d.isoformat(), st.dates(date(1000, 1, 1), date(9998, 12, 31))),
    st.builds(lambda y, q: f"{y}-Q{q}", years, st.integers(1, 4)),
    st.builds(lambda y, h: f"{y}-H{h}", years, st.integers(1, 2)),
)


@given(single_forms)
@settings(max_examples=300, deadline=None)
def test_label_round_trips_single_forms(text: str) -> None:
    assert parse_as_of(text).label() == text


@given(single_forms, single_forms)
@settings(max_examples=300, deadline=None)
def test_label_names_the_same_span_for_intervals(first: str, last: str) -> None:
    text = f"{first}/{last}"
    try:
        span = parse_as_of(text)
    except ValueError:
        # Only a reversed interval is refused: its end is before its start.
        assert parse_as_of(last).end <= parse_as_of(first).start
        return
    assert span == Span(parse_as_of(first).start, parse_as_of(last).end)
    assert parse_as_of(span.label()) == span


def test_relations_constant() -> None:
    assert set(compare.RELATIONS) == {"contradiction", "discrepancy", "agreement", "change", "single"}


# --- event dates (unit: date) and agreement over time ------------------------------------------------------

DATES_VOCABULARY = compare_cases.VOCABULARY.replace(
    "properties:\n",
    "properties:\n  unveiling-date: {ko: 공개일, en: date unveiled, changes_over_time: false}\n"
    "  visit-date: {ko: 방문일, en: date of the visit, changes_over_time: false}\n",
).replace("units:\n", "units:\n  date: {ko: 날짜, en: calendar date}\n")


def date_pair(run, a_words: tuple[str, str, str], b_words: tuple[str, str, str], prop: str = "visit-date"):  # type: ignore[no-untyped-def]
    """Two outlets each stating one date: (published, sentence, date as written)."""
    a = article("aa-" + a_words[0], "가일보", a_words[0], a_words[1])
    b = article("bb-" + b_words[0], "나신문", b_words[0], b_words[1])
    return run(
        [a, b],
        [
            claim("aa.date", a.id, a_words[1].rstrip("."), a_words[2], "date", subject="lg", property=prop),
            claim("bb.date", b.id, b_words[1].rstrip("."), b_words[2], "date", subject="lg", property=prop),
        ],
        vocabulary=DATES_VOCABULARY,
    )


def test_dates_one_containing_the_other_agree(run) -> None:
    # 지난달 in an article of 2022-01-19 is December 2021; 2021년 contains it: one is less precise.
    result = date_pair(
        run,
        ("2022-01-19", "엑사원은 지난달 처음 공개됐다.", "지난달"),
        ("2024-03-13", "엑사원은 2021년 처음 선보였다.", "2021년"),
        prop="unveiling-date",
    )
    g = group(result, "lg/unveiling-date@undated")
    assert g.relation == "agreement"
    assert "2021 contains 2021-12" in g.explanation
    assert [m.days for m in g.members] == [
        Span(date(2021, 12, 1), date(2022, 1, 1)),
        Span(date(2021, 1, 1), date(2022, 1, 1)),
    ]


def test_dates_on_different_days_contradict(run) -> None:
    # 21일(현지시간) in an article of 2023-08-24 is 2023-08-21; 현지시간 22일 in one of 2023-08-28 is
    # 2023-08-22: no day in common.
    result = date_pair(
        run,
        ("2023-08-24", "구 대표는 21일(현지시간) 토론토 AI랩을 방문했다.", "21일(현지시간)"),
        ("2023-08-28", "구 회장이 현지시간 22일 토론토 AI랩을 찾았다.", "현지시간 22일"),
    )
    g = group(result, "lg/visit-date@undated")
    assert g.relation == "contradiction"
    assert g.explanation == "가일보 2023-08-21 and 나신문 2023-08-22 share no day: both cannot be true"


def test_the_same_day_written_two_ways_agrees(run) -> None:
    result = date_pair(
        run,
        ("2023-08-28", "구 회장이 현지시간 22일 토론토 AI랩을 찾았다.", "현지시간 22일"),
        (
            "2024-03-13",
            "구 회장이 지난해 8월 22일(현지시각) 토론토 AI랩을 찾았다.",
            "지난해 8월 22일(현지시각)",
        ),
    )
    g = group(result, "lg/visit-date@undated")
    assert (g.relation, g.explanation) == ("agreement", "2 outlets agree on 2023-08-22")


def test_dates_overlapping_without_containment_are_a_discrepancy(run) -> None:
    # Days 21-24 and 22-25 share days, but neither holds the other.
    result = date_pair(
        run,
        ("2023-08-24", "구 대표가 21일부터 나흘 동안 미국을 방문했다.", "21일부터 나흘 동안"),
        ("2023-08-28", "구 회장은 22~25일 미국을 방문했다.", "22~25일"),
    )
    g = group(result, "lg/visit-date@undated")
    assert g.relation == "discrepancy"
    assert "2023-08-21 – 2023-08-24" in g.explanation and "2023-08-22 – 2023-08-25" in g.explanation


def test_late_in_a_year_is_not_any_time_of_it(run) -> None:
    # 2021년 말 is late 2021 (some time in its last quarter), not March 2021: the two share no day. It
    # holds 2021년 12월 (one is less precise), and 지난달 25일 in an article of 2022-01-10 is 2021-12-25.
    result = date_pair(
        run,
        ("2024-03-13", "계획은 2021년 말 발표됐다.", "2021년 말"),
        ("2024-03-14", "계획은 2021년 3월 발표됐다.", "2021년 3월"),
    )
    assert group(result, "lg/visit-date@undated").relation == "contradiction"
    result = date_pair(
        run,
        ("2024-03-13", "계획은 2021년 말 발표됐다.", "2021년 말"),
        ("2022-01-10", "계획은 지난달 25일 발표됐다.", "지난달 25일"),
    )
    assert group(result, "lg/visit-date@undated").relation == "agreement"


def test_approximate_dates_reach_as_far_again(run) -> None:
    # 20일께 is around the 20th (the 19th to the 21st), not surely the 20th: with 21일 it is a discrepancy
    # (both may be true), never a contradiction; with 23일 the two share no day even so. (Review 7b.)
    result = date_pair(
        run,
        ("2023-08-25", "신제품은 20일께 공개됐다.", "20일께"),
        ("2023-08-26", "신제품은 지난 21일 공개됐다.", "지난 21일"),
    )
    g = group(result, "lg/visit-date@undated")
    assert (g.relation, g.explanation) == (
        "discrepancy",
        "가일보 2023-08-20 and 나신문 2023-08-21 share no day, but 20일께 is approximate: both may be true",
    )
    result = date_pair(
        run,
        ("2023-08-25", "신제품은 20일께 공개됐다.", "20일께"),
        ("2023-08-26", "신제품은 지난 23일 공개됐다.", "지난 23일"),
    )
    assert group(result, "lg/visit-date@undated").relation == "contradiction"
    # 8월쯤 reaches July to September: 9월 1일 is a discrepancy, 10월 a contradiction; 8월 22일 lies
    # within August itself and agrees.
    for other, relation in (("9월 1일", "discrepancy"), ("10월", "contradiction"), ("8월 22일", "agreement")):
        result = date_pair(
            run,
            ("2023-12-20", "신제품은 8월쯤 공개됐다.", "8월쯤"),
            ("2023-12-21", f"신제품은 {other} 공개됐다.", other),
        )
        assert group(result, "lg/visit-date@undated").relation == relation, other


def test_a_date_one_outlet_states_is_single(run) -> None:
    a = article("aa-2023-08-24", "가일보", "2023-08-24", "구 대표가 21일부터 나흘 동안 미국을 방문했다.")
    result = run(
        [a],
        [
            claim(
                "aa.date",
                a.id,
                "21일부터 나흘 동안 미국을 방문했다",
                "21일부터 나흘 동안",
                "date",
                subject="lg",
                property="visit-date",
            )
        ],
        vocabulary=DATES_VOCABULARY,
    )
    g = group(result, "lg/visit-date@undated")
    assert (g.relation, g.explanation) == ("single", "only 가일보 states this date")
    assert result.dates["aa.date"].span == Span(date(2023, 8, 21), date(2023, 8, 25))


def test_a_figure_stated_unchanged_at_two_times_is_an_agreement_over_time(run) -> None:
    # 16개 at 2020-12 and 16개 at 2022-01, from the same outlet: nothing moved.
    a = article(
        "aa-2022-01-19",
        "가일보",
        "2022-01-19",
        "2020년 12월 출범 당시 참여한 계열사는 16개였다.",
        "2022년 1월 현재 참여 계열사는 16개로 그대로다.",
    )
    result = run(
        [a],
        [
            claim(
                "aa.then",
                a.id,
                "2020년 12월 출범 당시 참여한 계열사는 16개였다",
                "16개",
                "item",
                as_of="2020-12",
                as_of_text="2020년 12월",
            ),
            claim(
                "aa.now",
                a.id,
                "2022년 1월 현재 참여 계열사는 16개로",
                "16개",
                "item",
                as_of="2022-01",
                as_of_text="2022년 1월 현재",
            ),
        ],
    )
    assert relations(result) == {"lg-ai-research/headcount": ("agreement", ["aa.then", "aa.now"])}
    g = group(result, "lg-ai-research/headcount")
    assert g.over_time and not g.is_conflict
    assert g.explanation == "the figure did not move, so this is not a change: 2020-12: 16개 → 2022-01: 16개"


def test_a_figure_that_moved_is_a_change(run) -> None:
    # 80여명 is [80, 90); 128명 lies outside it: the figure moved.
    a = article(
        "aa-2022-01-19",
        "가일보",
        "2022-01-19",
        "출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다.",
    )
    result = run(
        [a],
        [
            claim(
                "aa.then",
                a.id,
                "출범 당시 80여명이던 인력은",
                "80여명",
                "person",
                as_of="2020-12",
                as_of_text="출범 당시",
            ),
            claim(
                "aa.q3",
                a.id,
                "지난해 3분기 기준 128명으로 늘었다",
                "128명",
                "person",
                as_of="2021-Q3",
                as_of_text="지난해 3분기",
            ),
        ],
    )
    assert relations(result) == {"lg-ai-research/headcount": ("change", ["aa.then", "aa.q3"])}


def test_values_within_bounds_but_apart_are_a_change(run) -> None:
    # 약 100명 is [90, 110], 105명 lies within it, but the stated values differ by 5%: the figure as
    # stated moved (the same-time rule would call this a discrepancy, not an agreement).
    result = pair_times(run, ("2021-H1", "2021년 상반기"), ("2021-07", "2021년 7월"), "약 100명", "105명")
    assert relations(result) == {HEADCOUNT: ("change", ["aa.x", "bb.x"])}


# Written dates and the days they name, worked out by hand (all absolute, so the article's date
# does not matter).
RANDOM_DATES = (
    ("2021년", Span(date(2021, 1, 1), date(2022, 1, 1))),
    ("2021년 하반기", Span(date(2021, 7, 1), date(2022, 1, 1))),
    ("2021년 11월", Span(date(2021, 11, 1), date(2021, 12, 1))),
    ("2021년 12월", Span(date(2021, 12, 1), date(2022, 1, 1))),
    ("2021년 12월 5일", Span(date(2021, 12, 5), date(2021, 12, 6))),
    ("2021년 12월 5~15일", Span(date(2021, 12, 5), date(2021, 12, 16))),
    ("2021년 12월 1일부터 열흘 동안", Span(date(2021, 12, 1), date(2021, 12, 11))),
    ("2021~2022년", Span(date(2021, 1, 1), date(2023, 1, 1))),
    ("2022년", Span(date(2022, 1, 1), date(2023, 1, 1))),
    (
        "2021년 10월께",
        Span(date(2021, 10, 1), date(2021, 11, 1)),
    ),  # approximate: reaches September to November
)
# The days approximate words may name (20일께: as far again on each side), by hand.
RANDOM_REACH = {"2021년 10월께": Span(date(2021, 9, 1), date(2021, 12, 1))}

random_date_claims = st.lists(
    st.tuples(st.integers(0, len(RANDOM_ARTICLES) - 1), st.integers(0, len(RANDOM_DATES) - 1)),
    min_size=1,
    max_size=8,
)


def _expected_date_relation(members: list[tuple[str, Span, Span]]) -> str:
    """README, "Event dates", from the definition: every pair from two outlets (days, reach)."""
    if len({outlet for outlet, _, _ in members}) < 2:
        return "single"
    pairs = [(a, b) for oa, a, _ in members for ob, b, _ in members if oa < ob]
    reaches = [(a, b) for oa, _, a in members for ob, _, b in members if oa < ob]
    if any(a.end <= b.start or b.end <= a.start for a, b in reaches):
        return "contradiction"
    nested = [a.contains(b) or b.contains(a) for a, b in pairs]
    return "agreement" if all(nested) else "discrepancy"


@given(spec=random_date_claims)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_date_group_is_judged_by_the_rules(spec: list[tuple[int, int]]) -> None:
    lines: dict[int, list[str]] = {i: [] for i in range(len(RANDOM_ARTICLES))}
    claims = []
    for n, (a, d) in enumerate(spec):
        sid = RANDOM_ARTICLES[a][0]
        words = RANDOM_DATES[d][0]
        sentence = f"D{n}: 엑사원은 {words} 처음 공개됐다고 전해졌다."
        lines[a].append(sentence)
        claims.append(claim(f"d{n}", sid, sentence, words, "date", subject="lg", property="unveiling-date"))
    articles = [
        article(sid, outlet, published, *(lines[i] or ["(이 기사에는 날짜가 없다.)"]))
        for i, (sid, outlet, published) in enumerate(RANDOM_ARTICLES)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        result = check(build(Path(tmp), articles, claims, vocabulary=DATES_VOCABULARY))
    assert result.problems == [], problems_text(result)
    (g,) = result.groups  # one undated thing
    assert [m.days for m in g.members] == [RANDOM_DATES[spec[int(m.claim.id[1:])][1]][1] for m in g.members]
    expected = _expected_date_relation(
        [(m.source.outlet, m.days, RANDOM_REACH.get(m.claim.as_written, m.days)) for m in g.members]
    )
    assert g.relation == expected, [(m.source.outlet, m.claim.as_written) for m in g.members]


def test_a_date_is_undated_even_under_a_property_that_changes_over_time(run) -> None:
    # Were the dates taken as of their articles' publication days, these two would never be compared.
    vocabulary = DATES_VOCABULARY.replace(
        "visit-date: {ko: 방문일, en: date of the visit, changes_over_time: false}",
        "visit-date: {ko: 방문일, en: date of the visit, changes_over_time: true}",
    )
    a = article("aa-2023-08-24", "가일보", "2023-08-24", "구 대표는 21일(현지시간) 토론토 AI랩을 방문했다.")
    b = article("bb-2023-08-28", "나신문", "2023-08-28", "구 회장이 현지시간 22일 토론토 AI랩을 찾았다.")
    result = run(
        [a, b],
        [
            claim(
                "aa.date",
                a.id,
                "21일(현지시간) 토론토 AI랩을 방문했다",
                "21일(현지시간)",
                "date",
                subject="lg",
                property="visit-date",
            ),
            claim(
                "bb.date",
                b.id,
                "현지시간 22일 토론토 AI랩을 찾았다",
                "현지시간 22일",
                "date",
                subject="lg",
                property="visit-date",
            ),
        ],
        vocabulary=vocabulary,
    )
    assert relations(result) == {"lg/visit-date@undated": ("contradiction", ["aa.date", "bb.date"])}


@pytest.mark.parametrize(
    ("sentence", "written", "whole"),
    [
        # Read alone, 8월 in an article of 2024-10-10 is 2024-08: the quote says August 2023.
        ("계획은 2023년 8월 발표됐다.", "8월", "2023년 8월"),
        ("계획은 지난해 8월 발표됐다.", "8월", "지난해 8월"),
        # Read alone, 5일 is October 5; the quote says the 5th of last month.
        ("계획은 지난달 5일 발표됐다.", "5일", "지난달 5일"),
        # '23년 is a year the reader does not read: 8월 after it is no date it can claim.
        ("계획은 '23년 8월 발표됐다.", "8월", None),
    ],
)
def test_a_date_claim_states_the_whole_date(
    tmp_path: Path, sentence: str, written: str, whole: str | None
) -> None:
    a = article("aa-2024-10-10", "가일보", "2024-10-10", sentence)
    quote = sentence.rstrip(".")
    root = build(
        tmp_path,
        [a],
        [claim("aa.d", a.id, quote, written, "date", subject="lg", property="visit-date")],
        vocabulary=DATES_VOCABULARY,
    )
    result = check(root)
    assert [(p.code, p.line, p.column) for p in result.problems] == [("figure-not-in-quote", 7, 17)]
    if whole is not None:
        assert f"the quote's date '{whole}'" in result.problems[0].message
    assert "aa.d" not in result.dates  # never compared with a wrong date


def test_time_words_are_the_whole_time_of_the_quote(tmp_path: Path) -> None:
    # as_of_text 3분기 out of 지난해 3분기, in an article of 2024-10-10: read alone it is 2024-Q3, and
    # an as_of of 2024-Q3 (the wrong year: the quote says 2023) would pass the as_of check.
    a = article("aa-2024-10-10", "가일보", "2024-10-10", "LG AI연구원 인력은 지난해 3분기 기준 128명이다.")
    quote = "인력은 지난해 3분기 기준 128명이다"
    root = build(
        tmp_path,
        [a],
        [claim("aa.x", a.id, quote, "128명", "person", as_of="2024-Q3", as_of_text="3분기")],
    )
    result = check(root)
    assert [(p.code, p.line, p.column) for p in result.problems] == [("time-not-in-quote", 10, 17)]
    assert "'지난해 3분기'" in result.problems[0].message


def test_a_one_off_date_with_as_of_is_compared_not_a_series(run) -> None:
    # Each editor gave the visit date an as_of (the day it names). A visit's date does not change over
    # time: 2023-08-21 against 2023-08-22 is a contradiction, not a "change" of the date.
    a = article("aa-2023-08-24", "가일보", "2023-08-24", "구 대표는 21일(현지시간) 토론토를 찾았다.")
    b = article("bb-2023-08-28", "나신문", "2023-08-28", "구 회장은 22일(현지시간) 토론토를 찾았다.")
    result = run(
        [a, b],
        [
            claim(
                "aa.d",
                a.id,
                "구 대표는 21일(현지시간) 토론토를 찾았다",
                "21일(현지시간)",
                "date",
                subject="lg",
                property="visit-date",
                as_of="2023-08-21",
                as_of_text="21일(현지시간)",
            ),
            claim(
                "bb.d",
                b.id,
                "구 회장은 22일(현지시간) 토론토를 찾았다",
                "22일(현지시간)",
                "date",
                subject="lg",
                property="visit-date",
                as_of="2023-08-22",
                as_of_text="22일(현지시간)",
            ),
        ],
        vocabulary=DATES_VOCABULARY,
    )
    assert [(g.key, g.relation) for g in result.groups] == [("lg/visit-date@undated", "contradiction")]


@pytest.mark.parametrize(
    ("line", "quote", "written", "as_of", "as_of_text", "field"),
    [
        # The quote starts inside the article's date 2023년 8월: 8월 read alone is 2024-08.
        ("LG는 2023년 8월 엑사원을 출시했다.", "8월 엑사원을 출시했다", "8월", None, None, "as_written"),
        # The quote starts inside 지난해 3분기: 3분기 read alone is 2024-Q3, the as_of of the wrong year.
        (
            "인력은 지난해 3분기 기준 128명이다.",
            "3분기 기준 128명이다",
            "128명",
            "2024-Q3",
            "3분기",
            "as_of_text",
        ),
    ],
)
def test_the_quote_may_not_cut_the_articles_date(
    tmp_path: Path, line: str, quote: str, written: str, as_of: str | None, as_of_text: str | None, field: str
) -> None:
    a = article("aa-2024-10-10", "가일보", "2024-10-10", line)
    unit, kw = ("date", {"subject": "lg", "property": "visit-date"}) if as_of is None else ("person", {})
    if as_of is not None:
        kw |= {"as_of": as_of, "as_of_text": as_of_text}
    root = build(
        tmp_path, [a], [claim("aa.x", a.id, quote, written, unit, **kw)], vocabulary=DATES_VOCABULARY
    )
    result = check(root)
    assert [p.code for p in result.problems] == [
        "figure-not-in-quote" if field == "as_written" else "time-not-in-quote"
    ], problems_text(result)
    assert "the article's date" in result.problems[0].message


def test_one_outlet_in_two_encodings_is_one_outlet(tmp_path: Path) -> None:
    """샘플일보 written in decomposed Hangul (NFD) in one entry of the index was another outlet: the
    outlet's own two figures became a contradiction between outlets."""
    from .test_diff import registry

    root = registry(tmp_path / "r", other=True)
    index = root / "seeds" / "sources.yaml"
    nfd = unicodedata.normalize("NFD", "샘플일보")
    index.write_text(index.read_text(encoding="utf-8").replace("outlet: 다른일보", f"outlet: {nfd}"), "utf-8")
    result = check(root, use_cache=False)
    assert result.problems == []
    [group] = [g for g in result.groups if g.key == "lg-ai-research/headcount@2020-12"]
    assert (group.relation, group.outlets) == ("single", ["샘플일보"])
