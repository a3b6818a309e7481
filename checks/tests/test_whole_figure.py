"""A figure must stand whole in its quote (checks/whole_figure.py; issue 10, class 1)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quotes import canonical
from checks.whole_figure import whole_figure_problem, whole_figure_start

# (quote, as_written, unit, passes). Each failing row is a figure that occurs in the quote as text but
# would make the report state a figure the article does not.
TABLE = [
    ("지난해 3분기 기준 128명으로 늘었다", "28명", "person", False),
    ("지난해 3분기 기준 128명으로 늘었다", "8명", "person", False),
    ("지난해 3분기 기준 128명으로 늘었다", "128명", "person", True),
    ("출범 당시 80여명이던 인력은", "0여명", "person", False),
    ("출범 당시 80여명이던 인력은", "80여명", "person", True),
    ("비율은 13%였다", "3%", "percent", False),
    ("비율은 13%였다", "13%", "percent", True),
    ("매출의 3.5%를", "5%", "percent", False),
    ("매출의 3.5%를", "3.5%", "percent", True),
    ("11억 원을 투자", "1억 원", "KRW", False),
    ("11억 원을 투자", "1억", "KRW", False),
    ("1,280명이 일한다", "280명", "person", False),
    ("1,280명이 일한다", "1,280명", "person", True),
    # A range is claimed whole: one end of it is not what the article states.
    ("4~5천억 원 규모", "5천억 원", "KRW", False),
    ("4~5천억 원 규모", "5천억", "KRW", False),
    ("4~5천억 원 규모", "4~5천억 원", "KRW", True),
    # A paired amount: either amount stands on its own, each whole.
    ("1억 달러(약 1200억원)를 들여", "1억 달러", "USD", True),
    ("1억 달러(약 1200억원)를 들여", "약 1200억원", "KRW", True),
    ("1억 달러(약 1200억원)를 들여", "1200억원", "KRW", False),
    # A qualifier that changes the bounds may not be dropped; a word that changes nothing may.
    ("약 3000억개의 데이터", "3000억개", "item", False),
    ("약 3000억개의 데이터", "약 3000억개", "item", True),
    ("총 3조6000억원을 투자", "3조6000억원", "KRW", True),
    ("5년 간 투자한다", "5년", "year", True),
    # The same text twice: one whole occurrence is enough.
    ("28명에서 128명으로", "28명", "person", True),
    ("128명에서 28명으로", "28명", "person", True),
    # Read alone a figure, but where it stands the reader finds words, or a figure it does not read:
    # passing it would state a figure the article does not.
    ("구 회장은 취임 후", "구 회", "times", False),  # Koo, the chairman: not 9 times
    ("1년 만인 2021년", "만인", "person", False),  # after a year: not 10,000 people
    ("새 방침을 천명했다", "천명", "person", False),  # declared: not 1,000 people
    ("필요한 시간을 줄였다", "한 시간", "hour", False),
    ("바이오 분야 연구", "오 분", "minute", False),
    ("연구 명단에 올랐다", "구 명", "person", False),
    ("US$100 million을 투자", "$100", "USD", False),
    ("US$100 million을 투자", "US$100", "USD", False),
    ("$1.5 billion 규모", "$1.5", "USD", False),
    ("$2.5M을 모았다", "$2.5", "USD", False),
    ("$1 million(약 13억원)", "약 13억원", "KRW", True),  # the Korean amount beside it stands
    ("직원 아홉 명이 일한다", "아홉 명", "person", True),
    # Not a figure the reader knows: left to the figure-reading check.
    ("LG AI연구원은 2020년 12월", "LG AI연구원", "person", True),
    ("출범 당시 80여명이던 인력은", "80여명이던", "person", True),
    # Event dates are the time reader's: a date claim is read from as_written alone, so a part of the
    # quote's date names other days (12월 alone is counted from the publication year; 21일 alone is a
    # day of the publication month, not of last month).
    ("2020년 12월 출범했다", "2020년 12월", "date", True),
    ("2022년 12월 출범했다", "2년", "date", False),
    ("2022년 12월 출범했다", "12월", "date", False),
    ("지난달 21일(현지시간) 공개", "21일(현지시간)", "date", False),
    ("지난달 21일(현지시간) 공개", "지난달 21일(현지시간)", "date", True),
    ("지난달 21일(현지시간) 공개", "1일", "date", False),
    ("지난 2020년 12월 출범했다", "2020년 12월", "date", True),  # 지난 only stresses the past: same days
    ("'23년 8월 출시", "8월", "date", False),  # after a two-digit year the reader does not read
    ("2023년까지 3년간", "2023년까지", "date", True),  # until: the date 2023년 is its end
]


@pytest.mark.parametrize("quote, figure, unit, passes", TABLE, ids=[f"{r[1]} in {r[0]}" for r in TABLE])
def test_whole_figure(quote: str, figure: str, unit: str, passes: bool) -> None:
    problem = whole_figure_problem(canonical(quote), canonical(figure), unit)
    assert (problem is None) == passes, problem


def test_the_message_names_the_quotes_figure() -> None:
    problem = whole_figure_problem("지난해 3분기 기준 128명으로 늘었다", "28명", "person")
    assert problem is not None and "'128명'" in problem
    problem = whole_figure_problem("1억 달러(약 1200억원)를 들여", "1200억원", "KRW")
    assert problem is not None and "'약 1200억원'" in problem  # the tightest figure around it
    problem = whole_figure_problem("2022년 12월 출범했다", "2년", "date")
    assert problem is not None and "'2022년'" in problem


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    n=st.integers(10, 10**9),
    cut=st.integers(1, 9),
    unit=st.sampled_from([("명", "person"), ("%", "percent"), ("억 원", "KRW"), ("개", "item")]),
    before=st.sampled_from(["", "인력은 ", "총 ", "(", "기준 "]),
    after=st.sampled_from(["", "으로 늘었다", ")", "이다", " 규모"]),
)
def test_a_cut_number_never_passes(n: int, cut: int, unit: tuple[str, str], before: str, after: str) -> None:
    """Any tail of a number's digits is not that figure, whatever surrounds it."""
    digits = str(n)
    if cut >= len(digits):
        cut = len(digits) - 1
    quote = canonical(f"{before}{digits}{unit[0]}{after}")
    tail = digits[cut:] + unit[0]
    assert whole_figure_problem(quote, canonical(tail), unit[1]) is not None
    assert whole_figure_problem(quote, canonical(digits + unit[0]), unit[1]) is None


@pytest.mark.parametrize(
    "quote, figure, unit, start",
    [
        ("128명에서 28명으로", "28명", "person", 7),  # not inside 128명
        ("28명에서 128명으로", "28명", "person", 0),
        ("2022년 12월, 2년 뒤", "2년", "date", 11),
        ("비율은 13%였다", "3%", "percent", 5),  # none whole: the first occurrence
        ("비율은 13%였다", "7%", "percent", -1),
    ],
)
def test_whole_figure_start(quote: str, figure: str, unit: str, start: int) -> None:
    assert whole_figure_start(quote, figure, unit) == start
