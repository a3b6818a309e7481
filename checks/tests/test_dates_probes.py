"""A held-out table of Korean time words as Korean news writes them (round-2 review of issue 7).

Written before reading test_dates.py, from Korean usage and the calendar, not from the reader's output:
each row is (class, words, publication date, expected). Expected is the days a careful Korean reader
gives, "YYYY-MM-DD..YYYY-MM-DD" (both days included), prefixed with "~" for words naming some time
within those days (초, 말, 중, 께), "<" for the end of a time (까지), ">" for its start (부터); or "R":
the reader must refuse (no calendar time, ambiguous, not a date at all, or a form it does not read).
Classes: abs, vague, until, from, relyear, relmonth, relweek, relday, nmonth (a month without a year),
nquarter, nday (a day without a month), list (1·2월), range (intervals), near (a time without its year or month whose coming one is
near), nocal (no calendar time), notdate (looks like a date, is not).
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from checks.dates import NotATime, TimeReading, read_time

A = date(2024, 3, 20)  # Wednesday
B = date(2024, 1, 10)
C = date(2023, 8, 22)
D = date(2024, 3, 1)
E = date(2023, 3, 1)
F = date(2020, 12, 7)
G = date(2024, 12, 31)
H = date(2023, 8, 25)
I = date(2024, 8, 1)
J = date(2025, 3, 1)
K = date(2024, 5, 1)


def y(n: int) -> str:
    return f"{n}-01-01..{n}-12-31"


def m(n: int, k: int) -> str:
    return f"{n}-{k:02d}-01..{n}-{k:02d}-{calendar.monthrange(n, k)[1]:02d}"


def d(s: str) -> str:
    return f"{s}..{s}"


def q(n: int, k: int) -> str:
    return f"{n}-{3 * k - 2:02d}-01..{n}-{3 * k:02d}-{calendar.monthrange(n, 3 * k)[1]:02d}"


def h(n: int, k: int) -> str:
    return f"{n}-01-01..{n}-06-30" if k == 1 else f"{n}-07-01..{n}-12-31"


PROBES = [
    # class: absolute
    ("abs", "2023년 8월 22일", A, d("2023-08-22")),
    ("abs", "2023.8.22", A, d("2023-08-22")),
    ("abs", "2023. 8. 22", A, d("2023-08-22")),
    ("abs", "2023.08.22.", A, d("2023-08-22")),
    ("abs", "2023-08-22", A, d("2023-08-22")),
    ("abs", "2023/8/22", A, d("2023-08-22")),
    ("abs", "23년 8월", A, "R"),
    ("abs", "'23년 8월", A, "R"),
    ("abs", "2023년", A, y(2023)),
    ("abs", "2023년 상반기", A, h(2023, 1)),
    ("abs", "2023년 하반기", A, h(2023, 2)),
    ("abs", "2023년 1분기", A, q(2023, 1)),
    ("abs", "2023년 1/4분기", A, q(2023, 1)),
    ("abs", "2023년 1·4분기", A, q(2023, 1)),
    ("abs", "2023년 4분기", A, q(2023, 4)),
    ("abs", "2023년 5분기", A, "R"),
    ("abs", "2023년 0월", A, "R"),
    ("abs", "2023년 13월", A, "R"),
    ("abs", "2023년 8월 32일", A, "R"),
    ("abs", "2023년 4월 31일", A, "R"),
    ("abs", "2023년 2월 29일", A, "R"),
    ("abs", "2024년 2월 29일", A, d("2024-02-29")),
    ("abs", "2023년 12월 31일", A, d("2023-12-31")),
    ("abs", "2023년 8월 22일(현지시간)", A, d("2023-08-22")),
    ("abs", "2023년 8월 22일(화)", A, d("2023-08-22")),
    ("abs", "2023년 8월 초순", A, "2023-08-01..2023-08-10"),
    ("abs", "2023년 8월 중순", A, "2023-08-11..2023-08-20"),
    ("abs", "2023년 8월 하순", A, "2023-08-21..2023-08-31"),
    ("abs", "2023년 2월 하순", A, "2023-02-21..2023-02-28"),
    ("abs", "2024년 2월 하순", A, "2024-02-21..2024-02-29"),
    ("abs", "2020년대", A, "2020-01-01..2029-12-31"),
    ("abs", "2020~2022년", A, "2020-01-01..2022-12-31"),
    ("abs", "2020년~2022년", A, "2020-01-01..2022-12-31"),
    ("abs", "2024~2025년", A, "2024-01-01..2025-12-31"),
    ("abs", "2025~2024년", A, "R"),
    ("abs", "2021년부터 2023년까지", A, "2021-01-01..2023-12-31"),
    ("abs", "2023년부터 2025년까지", A, "2023-01-01..2025-12-31"),
    ("abs", "2023년 8월 21~24일", A, "2023-08-21..2023-08-24"),
    ("abs", "2023년 8월 21일~24일", A, "2023-08-21..2023-08-24"),
    ("abs", "2023년 8월 22~23일", A, "2023-08-22..2023-08-23"),
    ("abs", "2023년 8월 21~24일(현지시간)", A, "2023-08-21..2023-08-24"),
    ("abs", "2023년 8월 21일부터 24일까지", A, "2023-08-21..2023-08-24"),
    ("abs", "2023년 12월 28일부터 2024년 1월 3일까지", A, "2023-12-28..2024-01-03"),
    ("abs", "2023.8", A, m(2023, 8)),
    ("abs", "2023.08", A, m(2023, 8)),
    ("abs", "2023.13", A, "R"),
    ("abs", "2024.2.29", A, d("2024-02-29")),
    ("abs", "2023.2.29", A, "R"),
    ("abs", "2023.13.1", A, "R"),
    ("abs", "2024년 1~3월", A, "2024-01-01..2024-03-31"),
    ("abs", "2050년", A, y(2050)),
    ("abs", "2023년에", A, y(2023)),
    ("abs", "2023년의", A, y(2023)),
    ("abs", "2023년엔", A, y(2023)),
    ("abs", "2023년에는", A, y(2023)),
    ("abs", "2023년 8월에", A, m(2023, 8)),
    ("abs", "2021년 7월 1일 기준", A, d("2021-07-01")),
    ("abs", "2023년 8월 현재", A, m(2023, 8)),
    ("abs", "지난 2020년 12월", A, m(2020, 12)),
    ("abs", "2020년 12월", F, m(2020, 12)),
    ("abs", "2023년 8월 24~21일", A, "R"),
    # class: vague parts (초/중/말/경/께/중/내)
    ("vague", "2023년 연말", A, "~2023-10-01..2023-12-31"),
    ("vague", "2023년 말", A, "~2023-10-01..2023-12-31"),
    ("vague", "2023년 초", A, "~2023-01-01..2023-03-31"),
    ("vague", "2023년 중", A, "~" + y(2023)),
    ("vague", "2023년 내", A, "~" + y(2023)),
    ("vague", "2023년 8월 초", A, "~2023-08-01..2023-08-10"),
    ("vague", "2023년 8월 말", A, "~2023-08-21..2023-08-31"),
    ("vague", "2023년 8월 중", A, "~" + m(2023, 8)),
    ("vague", "2023년 8월경", A, "~" + m(2023, 8)),
    ("vague", "2023년 8월께", A, "~" + m(2023, 8)),
    ("vague", "2023년 2월 말", A, "~2023-02-21..2023-02-28"),
    ("vague", "2021년 말 기준", A, "~2021-10-01..2021-12-31"),
    ("vague", "연말", A, "~2024-10-01..2024-12-31"),
    ("vague", "연초", A, "~2024-01-01..2024-03-31"),
    ("vague", "올 연말", A, "~2024-10-01..2024-12-31"),
    ("vague", "연내", A, "~" + y(2024)),
    ("vague", "지난해 말", A, "~2023-10-01..2023-12-31"),
    ("vague", "지난해 연말", A, "~2023-10-01..2023-12-31"),
    ("vague", "지난해 말 현재", A, "~2023-10-01..2023-12-31"),
    ("vague", "지난달 말", A, "~2024-02-21..2024-02-29"),
    ("vague", "이달 초", A, "~2024-03-01..2024-03-10"),
    ("vague", "다음 달 초", A, "~2024-04-01..2024-04-10"),
    ("vague", "이달 말", A, "~2024-03-21..2024-03-31"),
    ("vague", "올해 말", A, "~2024-10-01..2024-12-31"),
    ("vague", "올해 초", A, "~2024-01-01..2024-03-31"),
    ("vague", "올해 중", A, "~" + y(2024)),
    ("vague", "2월 말", A, "~2024-02-21..2024-02-29"),
    ("vague", "3월 초", A, "~2024-03-01..2024-03-10"),
    ("vague", "이달 중순", A, "2024-03-11..2024-03-20"),
    ("vague", "2023년 8월 22일께", A, "~" + d("2023-08-22")),
    # class: until / from
    ("until", "2023년까지", A, "<" + y(2023)),
    ("until", "2030년까지", A, "<" + y(2030)),
    ("until", "2025년까지", A, "<" + y(2025)),
    ("until", "연말까지", A, "<~2024-10-01..2024-12-31"),
    ("until", "지난달까지", A, "<" + m(2024, 2)),
    ("from", "2023년부터", A, ">" + y(2023)),
    ("from", "2023년 8월 22일부터", A, ">" + d("2023-08-22")),
    ("from", "8월부터", C, ">" + m(2023, 8)),
    ("from", "지난달부터", A, ">" + m(2024, 2)),
    # class: relative years
    ("relyear", "올해", A, y(2024)),
    ("relyear", "금년", A, y(2024)),
    ("relyear", "지난해", A, y(2023)),
    ("relyear", "지난 해", A, y(2023)),
    ("relyear", "작년", A, y(2023)),
    ("relyear", "재작년", A, y(2022)),
    ("relyear", "지지난해", A, y(2022)),
    ("relyear", "내년", A, y(2025)),
    ("relyear", "명년", A, y(2025)),
    ("relyear", "내후년", A, y(2026)),
    ("relyear", "지난해", B, y(2023)),
    ("relyear", "올해", G, y(2024)),
    ("relyear", "내년", G, y(2025)),
    ("relyear", "지난해 3분기", A, q(2023, 3)),
    ("relyear", "지난해 4분기", B, q(2023, 4)),
    ("relyear", "지난해 8월 22일", A, d("2023-08-22")),
    ("relyear", "지난해 하반기", A, h(2023, 2)),
    ("relyear", "지난해 12월", B, m(2023, 12)),
    ("relyear", "지난해 1~3월", A, "2023-01-01..2023-03-31"),
    ("relyear", "올해 3분기", A, q(2024, 3)),
    ("relyear", "올해 1월", G, m(2024, 1)),
    ("relyear", "올 상반기", A, h(2024, 1)),
    ("relyear", "올 하반기", A, h(2024, 2)),
    ("relyear", "올 3분기", A, q(2024, 3)),
    ("relyear", "내년 1월", G, m(2025, 1)),
    ("relyear", "내년 상반기", A, h(2025, 1)),
    ("relyear", "작년 2월 29일", J, d("2024-02-29")),
    ("relyear", "지난해 2월 29일", J, d("2024-02-29")),
    ("relyear", "올해 2월 29일", J, "R"),
    # class: relative months/weeks/days
    ("relmonth", "지난달", A, m(2024, 2)),
    ("relmonth", "지난달", B, m(2023, 12)),
    ("relmonth", "지난달", date(2024, 1, 31), m(2023, 12)),
    ("relmonth", "지난 달", A, m(2024, 2)),
    ("relmonth", "이달", A, m(2024, 3)),
    ("relmonth", "이번 달", A, m(2024, 3)),
    ("relmonth", "이달", G, m(2024, 12)),
    ("relmonth", "다음달", A, m(2024, 4)),
    ("relmonth", "다음 달", G, m(2025, 1)),
    ("relmonth", "내달", A, m(2024, 4)),
    ("relmonth", "지난달 25일", A, d("2024-02-25")),
    ("relmonth", "지난달 30일", A, "R"),
    ("relmonth", "지난달 31일", date(2024, 5, 10), "R"),
    ("relmonth", "지난달 30일", date(2024, 5, 10), d("2024-04-30")),
    ("relmonth", "다음 달 5일", A, d("2024-04-05")),
    ("relweek", "지난주", A, "2024-03-11..2024-03-17"),
    ("relweek", "지난 주", A, "2024-03-11..2024-03-17"),
    ("relweek", "이번주", A, "2024-03-18..2024-03-24"),
    ("relweek", "이번 주", A, "2024-03-18..2024-03-24"),
    ("relweek", "다음 주", A, "2024-03-25..2024-03-31"),
    ("relweek", "지난주", B, "2024-01-01..2024-01-07"),
    ("relweek", "지난주", date(2024, 1, 3), "2023-12-25..2023-12-31"),
    ("relday", "이날", A, d("2024-03-20")),
    ("relday", "오늘", A, d("2024-03-20")),
    ("relday", "어제", A, d("2024-03-19")),
    ("relday", "그제", A, d("2024-03-18")),
    ("relday", "그저께", A, d("2024-03-18")),
    ("relday", "내일", A, d("2024-03-21")),
    ("relday", "모레", A, d("2024-03-22")),
    ("relday", "어제", D, d("2024-02-29")),
    ("relday", "어제", date(2025, 1, 1), d("2024-12-31")),
    ("relday", "내일", G, d("2025-01-01")),
    ("relday", "이날", F, d("2020-12-07")),
    ("relday", "전날", A, "R"),
    ("relday", "당일", A, "R"),
    ("relday", "다음날", A, "R"),
    ("relday", "엊그제", A, "R"),
    # class: month without a year / 지난·오는 N월
    ("nmonth", "지난 1월", A, m(2024, 1)),
    ("nmonth", "지난 11월", A, m(2023, 11)),
    ("nmonth", "지난 12월", B, m(2023, 12)),
    ("nmonth", "지난 3월", A, "R"),
    ("nmonth", "오는 3월", A, "R"),
    ("nmonth", "오는 5월", A, m(2024, 5)),
    ("nmonth", "오는 1월", A, m(2025, 1)),
    ("nmonth", "12월", B, "R"),
    ("nmonth", "12월 말", B, "R"),
    ("nmonth", "1월", B, m(2024, 1)),
    ("nmonth", "3월", A, m(2024, 3)),
    ("nmonth", "2월", A, m(2024, 2)),
    ("nmonth", "5월", A, "R"),
    ("nmonth", "1~3월", A, "2024-01-01..2024-03-31"),
    ("nmonth", "1~5월", A, "R"),
    ("nmonth", "8월 22일", C, d("2023-08-22")),
    ("nmonth", "8월 23일", C, d("2023-08-23")),
    ("nmonth", "9월 1일", C, "R"),
    ("nmonth", "지난 8월 22일", C, "R"),
    ("nmonth", "지난 8월 21일", C, d("2023-08-21")),
    ("nmonth", "지난 8월 23일", C, d("2022-08-23")),
    ("nmonth", "오는 9월 1일", C, d("2023-09-01")),
    ("nmonth", "오는 1월 5일", C, d("2024-01-05")),
    ("nmonth", "8월 21~24일", C, "2023-08-21..2023-08-24"),
    ("nmonth", "8월 21일부터 9월 3일까지", date(2023, 9, 10), "2023-08-21..2023-09-03"),
    ("nmonth", "2월 29일", D, d("2024-02-29")),
    ("nmonth", "2월 29일", E, "R"),
    ("nmonth", "오는 2월 29일", D, "R"),
    ("nmonth", "지난 2월 29일", J, "R"),  # the most recent 29 February is 2024's; refusing is allowed
    # class: quarters/halves without a year
    ("nquarter", "1분기", A, q(2024, 1)),
    ("nquarter", "1/4분기", A, q(2024, 1)),
    ("nquarter", "2분기", A, "R"),
    ("nquarter", "4분기", B, "R"),
    ("nquarter", "상반기", A, h(2024, 1)),
    ("nquarter", "하반기", A, "R"),
    ("nquarter", "하반기", I, h(2024, 2)),
    ("nquarter", "3분기", I, q(2024, 3)),
    ("nquarter", "4분기", I, "R"),
    ("nquarter", "지난 4분기", B, q(2023, 4)),
    ("nquarter", "오는 3분기", A, q(2024, 3)),
    # class: day without a month
    ("nday", "15일", A, d("2024-03-15")),
    ("nday", "20일", A, d("2024-03-20")),
    ("nday", "1일", D, d("2024-03-01")),
    ("nday", "25일", A, "R"),
    ("nday", "30일", K, "R"),
    ("nday", "31일", D, "R"),
    ("nday", "29일", D, "R"),
    ("nday", "21일(현지시간)", C, d("2023-08-21")),
    ("nday", "22일(현지시간)", C, d("2023-08-22")),
    ("nday", "현지시간 22일", C, d("2023-08-22")),
    ("nday", "현지시간 21일", C, d("2023-08-21")),
    ("nday", "21일(현지시간)", date(2023, 8, 20), "R"),
    ("nday", "지난 21일(현지시간)", C, d("2023-08-21")),
    ("nday", "21~24일", H, "2023-08-21..2023-08-24"),
    ("nday", "21~24일(현지시간)", H, "2023-08-21..2023-08-24"),
    ("nday", "21일부터 나흘 동안", H, "2023-08-21..2023-08-24"),
    ("nday", "21일부터 나흘간", H, "2023-08-21..2023-08-24"),
    ("nday", "21일부터 3일간", H, "2023-08-21..2023-08-23"),
    ("nday", "21일부터 24일까지", H, "2023-08-21..2023-08-24"),
    ("nday", "지난 5일", A, d("2024-03-05")),
    ("nday", "지난 25일", A, d("2024-02-25")),
    ("nday", "지난 20일", A, "R"),
    ("nday", "지난 28일", E, d("2023-02-28")),
    ("nday", "지난 29일", E, "R"),
    ("nday", "지난 2일", D, d("2024-02-02")),
    ("nday", "오는 5일", D, d("2024-03-05")),
    ("nday", "오는 1일", A, d("2024-04-01")),
    ("nday", "오는 31일", date(2024, 4, 5), "R"),
    # class: no calendar time
    ("nocal", "최근", A, "R"),
    ("nocal", "당시", A, "R"),
    ("nocal", "출범 당시", A, "R"),
    ("nocal", "그동안", A, "R"),
    ("nocal", "현재", A, "R"),
    ("nocal", "향후", A, "R"),
    ("nocal", "그해", A, "R"),
    ("nocal", "이듬해", A, "R"),
    ("nocal", "전년", A, "R"),
    ("nocal", "전년도", A, "R"),
    ("nocal", "지난 분기", A, "R"),
    ("nocal", "오늘날", A, "R"),
    ("nocal", "연말정산", A, "R"),
    ("nocal", "연중무휴", A, "R"),
    # class: look like dates, are not
    ("notdate", "3일간", A, "R"),
    ("notdate", "5·18", A, "R"),
    ("notdate", "24시간", A, "R"),
    ("notdate", "1월물", A, "R"),
    ("notdate", "12월물", B, "R"),
    ("notdate", "3년간", A, "R"),
    ("notdate", "5일 동안", A, "R"),
    ("notdate", "8개월", A, "R"),
    ("notdate", "30일 이내", A, "R"),
    ("notdate", "10년 만에", A, "R"),
    ("notdate", "지난 3년", A, "R"),
    ("notdate", "지난 2년간", A, "R"),
    ("notdate", "지난 10일간", A, "R"),
    ("notdate", "지난 10일 동안", A, "R"),
    ("notdate", "10일 만에", A, "R"),
    ("notdate", "10일째", A, "R"),
    ("notdate", "5일 전", A, "R"),
    ("notdate", "3일 후", A, "R"),
    ("notdate", "3·1절", A, "R"),
    ("notdate", "6·25", A, "R"),
    ("notdate", "8·15", A, "R"),
    ("notdate", "9.11", A, "R"),
    ("notdate", "365일", A, "R"),
    ("notdate", "100일", A, "R"),
    ("notdate", "0일", A, "R"),
    ("notdate", "21세기", A, "R"),
    ("notdate", "2023학년도", A, "R"),
    ("notdate", "1세대", A, "R"),
    ("notdate", "2000년 이상", A, "R"),
    ("notdate", "3개월간", A, "R"),
    ("notdate", "1일 1회", A, "R"),
    ("notdate", "2분기 연속", A, "R"),
    ("notdate", "12시", A, "R"),
    ("notdate", "1월 1일부터 3개월", A, "R"),
    ("notdate", "2023년 8월 22일 오후", A, "R"),
    ("notdate", "이날 오전", A, "R"),
    ("notdate", "올해로", A, "R"),
    ("notdate", "5월 18일", A, "R"),
    # class: 지난/오는 before a year only stress past or future; a year they contradict is refused
    ("abs", "오는 2025년", A, y(2025)),
    ("abs", "오는 2030년까지", A, "<" + y(2030)),
    ("abs", "오는 2025년 상반기", A, h(2025, 1)),
    ("abs", "지난 2019년", A, y(2019)),
    ("abs", "지난 2030년", A, "R"),
    ("abs", "오는 2020년", A, "R"),
    ("abs", "지난 2024년 12월", A, "R"),
    ("abs", "오는 2023년 8월", A, "R"),
    # class: a time without its year or month whose coming one is near (round-3 review): as 연초 in a
    # November article, the reader refuses rather than pick this year's (1월 중 출시 in December, 1일부터
    # 시행 in an article of the 28th mean the coming ones as often as not)
    ("near", "1월", date(2023, 12, 5), "R"),
    ("near", "2월", date(2023, 12, 5), "R"),
    ("near", "3월", date(2023, 12, 5), m(2023, 3)),
    ("near", "1월", date(2023, 11, 5), "R"),
    ("near", "2월", date(2023, 11, 5), m(2023, 2)),
    ("near", "1월", date(2023, 10, 5), m(2023, 1)),
    ("near", "1월 중", date(2023, 12, 20), "R"),
    ("near", "1월 5일", date(2023, 12, 20), "R"),
    ("near", "1~2월", date(2023, 12, 1), "R"),
    ("near", "1분기", date(2023, 11, 20), "R"),
    ("near", "1분기", date(2023, 10, 20), q(2023, 1)),
    ("near", "상반기", date(2023, 12, 1), "R"),
    ("near", "상반기 중", date(2023, 11, 1), "R"),
    ("near", "상반기", date(2023, 10, 1), h(2023, 1)),
    ("near", "상반기 중", A, "~" + h(2024, 1)),
    ("near", "내년 1월", date(2023, 12, 5), m(2024, 1)),
    ("near", "올해 1월", date(2023, 12, 5), m(2023, 1)),
    ("near", "1일", date(2024, 1, 30), "R"),
    ("near", "1일부터 사흘간", date(2024, 1, 30), "R"),
    ("near", "5일", date(2024, 1, 30), "R"),
    ("near", "7일", date(2024, 1, 31), "R"),
    ("near", "8일", date(2024, 1, 31), d("2024-01-08")),
    ("near", "2일(현지시간)", date(2024, 4, 28), "R"),
    ("near", "지난 1일", date(2024, 1, 30), d("2024-01-01")),
    ("near", "다음 달 1일", date(2024, 1, 30), d("2024-02-01")),
    ("near", "30일", date(2024, 1, 30), d("2024-01-30")),
    ("near", "30일", date(2024, 1, 31), d("2024-01-30")),  # February has no 30th
    # class: lists of months, days or quarters (1·2월 수출): consecutive ones an interval, others refused;
    # never the last of them alone (2월 out of 1·2월 is February only)
    ("list", "1·2월", A, "2024-01-01..2024-02-29"),
    ("list", "2023년 1·2월", A, "2023-01-01..2023-02-28"),
    ("list", "1월·2월", A, "2024-01-01..2024-02-29"),
    ("list", "1·2·3월", A, q(2024, 1)),
    ("list", "1·3월", A, "R"),
    ("list", "21·22일", date(2023, 8, 24), "2023-08-21..2023-08-22"),
    ("list", "8월 21·22일", date(2023, 8, 24), "2023-08-21..2023-08-22"),
    ("list", "지난달 21·22일", A, "2024-02-21..2024-02-22"),
    ("list", "21·23일", date(2023, 8, 24), "R"),
    ("list", "2023년 1·2분기", A, h(2023, 1)),
    ("list", "2023년 3·4분기", A, q(2023, 3)),  # the old way of writing 3/4분기: the third quarter
    # class: intervals written with 지난/오는, with ~ between whole dates, or with 초/말 at their ends
    ("range", "오는 3~4월", date(2023, 8, 24), "2024-03-01..2024-04-30"),
    ("range", "오는 1~2월", date(2023, 8, 24), "2024-01-01..2024-02-29"),
    ("range", "지난 11~12월", A, "2023-11-01..2023-12-31"),
    ("range", "지난 1~2월", A, "2024-01-01..2024-02-29"),
    ("range", "지난 2~4월", A, "R"),  # the months hold the publication month
    ("range", "8월 21일~9월 3일", date(2023, 9, 10), "2023-08-21..2023-09-03"),
    ("range", "2023년 12월 28일~2024년 1월 3일", A, "2023-12-28..2024-01-03"),
    ("range", "지난해 12월~올해 2월", A, "2023-12-01..2024-02-29"),
    ("range", "2월 말부터 3월 초까지", A, "2024-02-21..2024-03-10"),
    ("range", "2월 말~3월 초", A, "2024-02-21..2024-03-10"),
    ("range", "3월부터 5일까지", A, "R"),  # the 5th of which month?
    ("range", "3월~5일", A, "R"),
    ("range", "2023.8.22~23", A, "R"),  # the end unread: the start alone is not what the words say
    ("range", "2023년 8월~현재", A, "R"),
    # the forms of the round-3 brief not listed above
    ("vague", "내년 초", A, "~2025-01-01..2025-03-31"),
    ("vague", "2023년 8월 말께", A, "~2023-08-21..2023-08-31"),
    ("vague", "작년 말", A, "~2023-10-01..2023-12-31"),
    ("nday", "지난 20일", date(2024, 3, 25), d("2024-03-20")),
    ("nmonth", "오는 3월", date(2023, 8, 24), m(2024, 3)),
    ("nocal", "2020년대 초반", A, "R"),
    ("nocal", "3년 전", A, "R"),
    ("nocal", "작년 이맘때", A, "R"),
    ("nocal", "이튿날", A, "R"),
    ("nocal", "같은 날", A, "R"),
]


def _render(r: TimeReading) -> str:
    assert r.span is not None
    flag = {"until": "<", "from": ">"}.get(r.relation, "") + ("~" if r.vague else "")
    return f"{flag}{r.span.start}..{r.span.last}"


@pytest.mark.parametrize(("kind", "words", "published", "expected"), PROBES, ids=lambda v: str(v))
def test_probe(kind: str, words: str, published: date, expected: str) -> None:
    try:
        got = _render(read_time(words, published))
    except NotATime:
        got = "R"
    assert got == expected, f"{kind}: {words!r} in an article of {published}"


def test_the_table_is_broad() -> None:
    assert len(PROBES) >= 250
