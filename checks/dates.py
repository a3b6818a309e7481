"""The time reader: calendar times written in Korean news text, resolved against the article's
publication date.

Two uses (issue 7): an event date is a claim (`unit: date`, read from `as_written` by `read_date`), and
a claim's `as_of` must agree with what its `as_of_text` says (`read_time`). `find_times` lists every
calendar time in running text, for `claims coverage`.

What a careful Korean reader does, and so what this reader does (README, "Comparison", has the table):

- `2020년`, `2020년 12월`, `2023년 8월 22일`, `2021년 3분기`, `2022년 상반기`, `2020년대`, `2020.12.7`,
  `2023-08-28`: absolute, as written (`1900년대`, `2000년대`: the decade or the century? refused).
- `올해` (this year), `지난해`/`작년` (last year), `재작년`, `내년`, `내후년`: counted from the publication
  year; `지난해 3분기`, `지난해 8월 22일`, `올해 상반기` likewise.
- `이날`/`오늘` (the publication day), `어제`, `내일`; `이달`, `지난달`, `다음 달`/`내달`; `이번 주`,
  `지난주`, `다음 주` (Monday to Sunday).
- `N월` without a year, up to the publication month, is of the publication year (news writes
  `지난해 N월` or `지난 N월` for a month of last year); after it (`12월` in a January article: last
  December, or the coming one?) the words are ambiguous, and the reader refuses to guess. Likewise
  `N분기`, `상반기`, `하반기` without a year: this year's up to the current one, else refused.
  `지난 N월` is the most recent month N before the publication month (`지난 1월` in 2024-03 is
  2024-01, `지난 11월` is 2023-11); `오는 N월` the next one after it. When N is the publication month
  itself those words are ambiguous too. A month, quarter or half of this year whose coming one starts
  within two months (`1월`, `1분기`, `상반기` in a December article) is refused as well, as `연초` is.
- `N일` without a month is day N of the publication month when N <= the publication day, unless the
  coming day N, next month, is a week away or less (`1일` in an article of the 28th: refused); after
  the publication day it is refused (but for a day the month lacks: `31일` on September 1 is August 31).
  `지난 N일` is the most recent before it, `오는 N일` the next after it. `(현지시간)` and `현지시간 N일`
  leave the day as written.
- `지난 2020년 12월`, `오는 2030년`: `지난` and `오는` only stress past or future; a time they
  contradict (`지난 2030년` in an article of 2023) is refused.
- `연말`, `연초` without a year are of the publication year (some time within it).
- Intervals: `21일부터 나흘 동안` (the 21st and the three days after), `21~24일`, `2021~2022년`,
  `2021년부터 2023년까지`, `8월 21일~9월 3일`, `오는 3~4월` (next year's when May has begun). `2023년까지` ("until 2023") and `21일부터` ("from the 21st") name one end
  of a time: their span is the named time, their relation "until" or "from".
- Lists: `1·2월`, `21·22일`, `1·2분기` are the consecutive times listed, as an interval; others (`1·3월`)
  are several times and refused; `3·4분기` is the old spelling of the third quarter.
- `초`/`말`/`중` (`2021년 말`, `8월 초`, `연말`) name a time somewhere within the span (vague);
  `초순`/`중순`/`하순` are the days 1-10, 11-20 and 21 to the end of the month.
- `최근` (recently), `당시`, `출범 당시`, `현재`, `그동안`: no calendar time. The reader says so and
  never guesses. `전날`, `이튿날`, `이듬해`, `전월` (ONE_UNIT_OF_ANOTHER_TIME) are counted from another
  time of the sentence: not resolved either, but they name one day, year or month (`NotATime.unit`).
- `22일(화)`: the weekday must be the day's, else refused; it settles a day the words leave ambiguous
  (`25일(금)` in an article of Thursday the 24th). `24일 오전 10시`, `이날 오후`: the day. `지난주 금요일`,
  `지난 금요일`, `오는 화요일`: a weekday of a week, or the most recent (next) one.
- `21-24일`, `2021–2023년`, `8월 22일-24일`: a dash between numbers is a range mark; `1, 2월` a list;
  `1~3분기`, `상·하반기` intervals. A bare number before a comma or range mark (`2021, 2022년`,
  `2020~21년`) is never dropped to read the last number alone.
- `20일께`, `8월쯤`, `2021년 무렵`: approximate (`TimeReading.approximate`, and `reach`).

Everything the reader reads is exact: a span of whole days, [start, end). Patterns look at bounded
windows only (no unbounded repetition), so hostile input cannot make them backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from .quotes import SENTENCE_START, whole_sentences
from .times import Span, month_start

DATE_UNIT = "date"
PRECISIONS = ("day", "week", "month", "quarter", "half", "year", "decade", "interval")

# Words that name a time with no calendar date: the editor's value stands (issue 7).
NO_CALENDAR_TIME = (
    "최근",
    "당시",
    "현재",
    "그동안",
    "그간",
    "향후",
    "과거",
    "앞으로",
    "한때",
    "그때",
    "그해",
    "이듬해",
    "전날",
    "당일",
    "다음날",
    "이튿날",
    "이맘때",
    "그날",
    "같은 날",
    "같은 해",
    "전년",
    "전월",
    "이후",
    "이전",
    "출범",
    "설립",
    "취임",
    "공개",
)


# Words naming one whole day, month or year counted from another time of the sentence (전날: the day
# before the day the sentence is about; 이듬해: the year after the year it names), not from the publication
# date. The reader does not resolve them (no calendar time of their own), but they name one day (month,
# year) all the same: an as_of naming a span of another size (전날 as 2019) is not what they say.
ONE_UNIT_OF_ANOTHER_TIME = {
    "전날": "day",
    "전일": "day",
    "당일": "day",
    "그날": "day",
    "같은 날": "day",
    "다음날": "day",
    "다음 날": "day",
    "이튿날": "day",
    "익일": "day",
    "전월": "month",
    "그달": "month",
    "같은 달": "month",
    "그해": "year",
    "같은 해": "year",
    "이듬해": "year",
    "다음 해": "year",
    "전년": "year",
    "전년도": "year",
}


@dataclass(frozen=True)
class TimeReading:
    """A calendar time read from text: its words, where they are, and the days they name."""

    text: str  # the words, as written (for running text: without a trailing 까지/부터)
    start: int  # offsets into the text read
    end: int
    span: Span | None  # the days named; None when the words cannot be resolved (see `why`)
    precision: str  # one of PRECISIONS
    relation: str = "at"  # "at"; "until" (2023년까지: the named time is the end); "from" (21일부터)
    vague: bool = False  # 연말, 8월 초: some time within `span`, not all of it
    relative: bool = False  # resolved against the publication date
    why: str = ""  # how relative words were resolved, or why they cannot be
    # For 초/말 (2021년 말, 8월 초): the whole time the words are part of (2021, 2023-08); `span` is then
    # the part they point at (the last quarter, the first ten days), some time within which is meant.
    within: Span | None = None
    # 20일께, 8월쯤, 2021년 무렵: around that time, most likely within it but not surely (께, 경, 쯤, 무렵, 즈음
    # are approximate, not 중 or 내). Also `vague`.
    approximate: bool = False

    @property
    def reach(self) -> Span | None:
        """The days the words may name: `span`, and for approximate words as much again on each side
        (20일께: the 19th to the 21st; 8월께: July to September). Two outlets' dates are a contradiction
        only when their reaches share no day."""
        if self.span is None or not self.approximate:
            return self.span
        s, e = self.span.start, self.span.end
        if s.day == 1 and e.day == 1:  # whole months (8월께, 2021년 무렵, 연말께): as many months again
            months = (e.year - s.year) * 12 + e.month - s.month
            k, n = s.year * 12 + s.month - 1 - months, e.year * 12 + e.month - 1 + months
            start = date(k // 12, k % 12 + 1, 1) if k >= 12 else date.min
            end = date(n // 12, n % 12 + 1, 1) if n // 12 <= 9999 else date.max
            return Span(start, end)
        length = e - s
        return Span(
            s - length if s - date.min >= length else date.min,
            e + length if date.max - e >= length else date.max,
        )

    def describe(self) -> str:
        """The time in words a reader of a problem message understands."""
        if self.span is None:
            return f"no calendar time ({self.why})"
        label = self.span.label()
        if self.vague and self.within is not None:
            part = "early" if self.span.start == self.within.start else "late"
            label = f"a time {part} in {self.within.label()} (within {label})"
        elif self.approximate:
            label = f"a time around {label}"
        elif self.vague:
            label = f"a time within {label}"
        if self.relation == "until":
            label = f"a time ending within {label}"
        elif self.relation == "from":
            label = f"a time starting within {label}"
        return label

    def admits(self, span: Span) -> bool:
        """Whether `span` (an editor's as_of) is what these words say."""
        if self.span is None:
            return True
        if self.relation == "until":
            return self.span.start < span.end <= self.span.end
        if self.relation == "from":
            return self.span.start <= span.start < self.span.end
        if self.vague and self.within is not None:
            # 2021년 말: as_of 2021-12 or 2021-Q4 say it more precisely, 2021 less precisely; 2021-03
            # is not the end of 2021.
            return self.within.contains(span) and span.overlaps(self.span)
        if self.vague:
            return self.span.start <= span.start and span.end <= self.span.end
        return span == self.span


class NotATime(ValueError):
    """Words the reader cannot turn into days. Attributes: message (says why), position (offset)."""

    def __init__(
        self, message: str, position: int = 0, no_calendar_time: bool = False, unit: str | None = None
    ) -> None:
        super().__init__(f"{message} (at offset {position})")
        self.message = message
        self.position = position
        self.no_calendar_time = no_calendar_time
        self.unit = unit  # for ONE_UNIT_OF_ANOTHER_TIME words: the one day, month or year they name


# --- calendar arithmetic ---------------------------------------------------------------------------


def _year(y: int) -> Span:
    return Span(date(y, 1, 1), date(y + 1, 1, 1))


def _month(y: int, m: int) -> Span:
    return Span(date(y, m, 1), month_start(y, m + 1))


def _is_vague(modifier: str | None) -> bool:
    """초, 말, 중, 내 name some time within the span; 초순, 중순, 하순 name exact days."""
    return modifier in ("초", "말", "중", "내")


def _month_precision(modifier: str | None) -> str:
    """A month, or ten days of it (초순, 중순, 하순: an interval of days)."""
    return "interval" if modifier in ("초순", "상순", "중순", "하순") else "month"


def _early_or_late(span: Span, precision: str, modifier: str) -> Span:
    """The part of a year or month that 초 (early) and 말 (late) point at, some time within which is meant.

    A careful reader does not take 2021년 말 for March 2021, nor 8월 초 for August 25: 초 and 말 are
    vague, but not the whole span. For a year, the first and the last quarter (연초 is January or
    February, 연말 November or December: a quarter leaves room); for a month, the first and the last
    ten days, as 초순 and 하순 (8월 말 is the 20s to the end)."""
    s = span.start
    if precision == "year":
        return Span(s, s.replace(month=4)) if modifier == "초" else Span(s.replace(month=10), span.end)
    return Span(s, s.replace(day=11)) if modifier == "초" else Span(s.replace(day=21), span.end)


def _current_last_month(pub: date, of: str | None) -> int:
    """The last month a time of this year without its year may end in: the publication month, or the
    last month of the current quarter or half (3분기 in August is this year's third quarter)."""
    if of == "quarter":
        return 3 * ((pub.month - 1) // 3 + 1)
    if of == "half":
        return 6 if pub.month <= 6 else 12
    return pub.month


def _shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + by
    return k // 12, k % 12 + 1


# A day, month, quarter or half named without its month or year, already begun at publication, is read as
# the current one (15일 in an article of the 20th, 3월 in August), unless the coming one is near: 1일 in
# an article of the 28th, 1월 in December, 1분기 or 상반기 in November say "the coming one" as often as
# "the one this year" (1일부터 시행, 1월 중 출시), and only the verb tells. As 연초 in a November or
# December article, the reader refuses them. Near: within a week for a day, within two months for the
# start of a month, quarter or half (the same two months as 연초's).
NEAR_DAYS = 7
NEAR_MONTHS = 2


def _coming_day_is_near(day: int, pub: date) -> bool:
    """Whether day `day` of the month after publication's is at most NEAR_DAYS days ahead."""
    y, m = _shift_month(pub.year, pub.month, 1)
    if day > monthrange(y, m)[1]:
        return False
    return (date(y, m, day) - pub).days <= NEAR_DAYS


def _refuse_if_the_coming_one_is_near(first_month: int, pub: date, words: str) -> None:
    """ValueError when a time of this year starting in `first_month` also comes again soon after `pub`."""
    if first_month < pub.month and first_month + 12 - pub.month <= NEAR_MONTHS:
        raise ValueError(
            f"'{words}' without a year, in an article of {pub}: this year's (a past event) or the coming "
            f"one, from {pub.year + 1}-{first_month:02d} (a plan)? the words do not say, and the reader "
            f"does not guess; write the year ({pub.year}년 {words}, 내년 {words})"
        )


# --- patterns --------------------------------------------------------------------------------------

_HANGUL = "가-힣"
_S = r"[ \t]?"  # at most one space between parts (running text is whitespace-folded first)
# Words after a number that make it a duration or an amount, not a calendar time: 3년간, 5일 동안,
# 8개월 만에, 30년이 넘는, 5년차.
_NOT_YEAR = rf"(?!{_S}(?:간|동안|만(?![{_HANGUL}])|만에|째|차|이상|넘|여|가량|정도))"
_NOT_DAY = (
    rf"(?!{_S}(?:(?:간|만|째|차|씩|치|여|전|후|뒤|내|새)(?![{_HANGUL}])|동안|만에|이내|이상|이하|미만|넘|연속|"
    r"가량|정도|전에|후에|뒤에|내에|안에|분))"
)
_NOT_MONTH = rf"(?!{_S}(?:간|동안|분(?![기{_HANGUL}])))"
# Between the ends of an interval: a tilde (21~24일), or a hyphen or en dash between numbers (21-24일,
# 2021–2023년), as Korean news writes both.
_RANGE_MARKS = "~∼〜～⁓"
# A hyphen or a dash between numbers; Korean text also sets the figure dash, em dash, horizontal bar and
# minus sign there (2021—2023년: read as 2023년 alone before, a date claim of it passed).
_DASHES = "-–‐‑‒—―−﹘﹣⸺－"
_RANGE = "[" + _RANGE_MARKS + re.escape(_DASHES) + "]"
_LOCAL_WORD = (
    rf"(?:미국{_S}|현지{_S}|한국{_S})?(?:현지시간|현지{_S}시간|현지시각|현지{_S}시각|한국시간|한국{_S}시간)"
)
_PAREN_LOCAL = re.compile(rf"{_S}\({_LOCAL_WORD}\)")
# 22일(화), 22일(화요일), 22일(화·현지시간), 22일(현지시간·화): the weekday a day falls on. It must be the day's
# (a careful reader notices 22일(수) when the 22nd is a Tuesday), and it settles a day the words alone
# leave ambiguous (25일(금) in an article of Thursday the 24th is the coming Friday).
_WEEKDAYS = "월화수목금토일"  # Monday first, as date.weekday()
# 지난주 금요일, 지난 금요일(18일): a weekday named as the day, not after one.
_WEEKDAY_NAME = re.compile(
    rf"([{_WEEKDAYS}])요일(?:{_S}\((\d{{1,2}})일\))?(?=[은는이가을를에의도엔까부]|[^가-힣]|\Z)"
)
_PAREN_WEEKDAY = re.compile(
    rf"{_S}\((?:{_LOCAL_WORD}{_S}[·,]?{_S})?([{_WEEKDAYS}])(?:요일)?(?:{_S}[·,]{_S}{_LOCAL_WORD})?\)"
)
_PREFIX_LOCAL = re.compile(rf"(?:현지시간|현지{_S}시간|현지시각|현지{_S}시각){_S}(?=\d)")

_DECADE = re.compile(rf"(\d{{3}}0){_S}년대")
_YEAR_RANGE = re.compile(rf"(\d{{4}}){_S}(?:년{_S})?{_RANGE}{_S}(\d{{4}}){_S}년{_NOT_YEAR}")
_NUMERIC_DATE = re.compile(r"(\d{4})([.\-/])[ ]?(\d{1,2})\2[ ]?(\d{1,2})(?![\d])\.?")
_NUMERIC_MONTH = re.compile(r"(\d{4})\.(\d{1,2})(?![\d.])")
_YEAR = re.compile(rf"(\d{{4}}){_S}년(?!대){_NOT_YEAR}")
_MONTH = re.compile(rf"(\d{{1,2}}){_S}월{_NOT_MONTH}")
_MONTH_RANGE = re.compile(rf"(\d{{1,2}}){_S}(?:월{_S})?{_RANGE}{_S}(\d{{1,2}}){_S}월{_NOT_MONTH}")
_DAY = re.compile(rf"(\d{{1,2}}){_S}일{_NOT_DAY}")
_DAY_RANGE = re.compile(rf"(\d{{1,2}}){_S}(?:일{_S})?{_RANGE}{_S}(\d{{1,2}}){_S}일{_NOT_DAY}")
_DAYS_COUNT = re.compile(r"(\d{1,2})[ ]?일")  # 21일부터 3일간: a number of days
# 3분기 연속 흑자, 2분기째: a number of quarters, not a quarter of the calendar.
_NOT_QUARTERS = rf"(?!{_S}(?:연속|째|동안|만에|간(?![{_HANGUL}])))"
_QUARTER = re.compile(rf"([1-4]){_S}(?:[·/]{_S}4{_S})?분기{_NOT_QUARTERS}")
# 1~3분기 (누적): the first three quarters; read whole, never as 3분기 alone.
_QUARTER_RANGE = re.compile(rf"([1-4]){_S}(?:분기{_S})?{_RANGE}{_S}([1-4]){_S}분기{_NOT_QUARTERS}")
_HALF = re.compile(r"(상|하)반기")
# 1·2월 수출, 21·22일 양일간, 1·2분기: a list of months, days or quarters. Consecutive ones are an interval
# (January and February); others (1·3월) are several times, not one, and are refused. Read as a whole so
# that the last of them is never taken alone (2월 out of 1·2월 names February only: a silent wrong span).
# The middle dots Korean text writes between listed items (· U+00B7, ㆍ U+318D, ・ U+30FB, ‧ U+2027,
# ∙ U+2219), and a comma after a bare number (1, 2월: January and February; 1월, 2월 are two times).
_LIST_MARKS = "·ㆍ・‧∙"
_LIST = f"[{_LIST_MARKS}]"
_MONTH_LIST = re.compile(rf"((?:\d{{1,2}}월?{_LIST}|\d{{1,2}},{_S}){{1,11}})(\d{{1,2}}){_S}월{_NOT_MONTH}")
_DAY_LIST = re.compile(rf"((?:\d{{1,2}}일?{_LIST}|\d{{1,2}},{_S}){{1,30}})(\d{{1,2}}){_S}일{_NOT_DAY}")
_QUARTER_LIST = re.compile(rf"((?:[1-4](?:분기)?{_LIST}|[1-4],{_S}){{1,3}})([1-4]){_S}분기")
_HALVES = re.compile(rf"상{_S}{_LIST}{_S}하반기")  # 상·하반기: both halves, the whole year
_MODIFIER_OK_AFTER = re.compile(
    rf"{_S}(초순|상순|중순|하순|초|말|중)(?:(?=[에께경쯤의엔])|(?=까지|부터)|(?![{_HANGUL}]))"
)

_REL_YEAR = {
    "올해": 0,
    "금년": 0,
    "지난해": -1,
    "지난 해": -1,
    "작년": -1,
    "재작년": -2,
    "지지난해": -2,
    "내년": 1,
    "명년": 1,
    "내후년": 2,
}
_REL_MONTH = {
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "지난달": -1,
    "지난 달": -1,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
_REL_DAY = {"이날": 0, "오늘": 0, "어제": -1, "내일": 1, "그저께": -2, "그제": -2, "모레": 2}
_REL_WEEK = {"이번 주": 0, "이번주": 0, "지난주": -1, "지난 주": -1, "다음 주": 1, "다음주": 1}
_YEAR_PART = {"연말": "말", "연초": "초", "연중": "중", "연내": "내"}
_NATIVE_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
    "보름": 15,
}


# What may follow a time word: a particle (올해로, 이날에는, 연말까지), not more of a word (오늘날,
# 연말정산, 연중무휴 are not times).
_PARTICLE_STARTS = frozenset("은는이가을를에의도로와과만까부엔께쯤인")


_LONGEST_FIRST: dict[int, tuple[str, ...]] = {}


def _word_at(text: str, p: int, words: dict[str, int] | dict[str, str]) -> str | None:
    """The longest of `words` at p that ends a word or is followed by a particle."""
    ordered = _LONGEST_FIRST.get(id(words))
    if ordered is None:
        ordered = _LONGEST_FIRST[id(words)] = tuple(sorted(words, key=len, reverse=True))
    for w in ordered:
        if text.startswith(w, p):
            after = text[p + len(w)] if p + len(w) < len(text) else " "
            if not ("가" <= after <= "힣") or after in _PARTICLE_STARTS:
                return w
    return None


# --- the parser ------------------------------------------------------------------------------------


@dataclass
class _Parts:
    """What a time expression says, before it is resolved."""

    year: int | None = None
    year_offset: int | None = None  # 올해 0, 지난해 -1, …
    month: int | None = None
    month_offset: int | None = None  # 이달 0, 지난달 -1
    day: int | None = None
    day_offset: int | None = None  # 이날 0, 어제 -1
    week_offset: int | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    modifier: str | None = None  # 초, 말, 중, 내, 초순, 중순, 하순
    direction: str | None = None  # "지난" (before), "오는" (after)
    year_range: tuple[int, int] | None = None
    month_range: tuple[int, int] | None = None
    # month_range came from quarters or halves (1~3분기, 상·하반기): the last month it may end in, without a
    # year, is that of the current quarter or half, as for 3분기 alone.
    month_range_of: str | None = None
    day_range: tuple[int, int] | None = None
    year_unsaid: bool = False  # 연말, 연초 alone: the year is not written
    year_stress: str | None = None  # 지난 2020년 (past), 오는 2030년 (to come)
    unreadable: str | None = None  # why the words, a time all the same, name no one span (1·3월)
    weekday: int | None = None  # 22일(화): 1, as date.weekday()
    # 지난주 금요일, 지난 금요일, 오는 화요일: the day is a weekday of a week (4, 1), and (18일) after it, the day
    # of the month the article gives for it.
    weekday_day: int | None = None
    weekday_date: int | None = None


class _Parser:
    def __init__(self, text: str, published: date) -> None:
        self.t = text
        self.pub = published

    def match(self, pattern: re.Pattern[str], p: int) -> re.Match[str] | None:
        return pattern.match(self.t, p)

    def ws(self, p: int) -> int:
        return p + 1 if p < len(self.t) and self.t[p] in " \t" else p

    # A time at p: (parts, end of the words), or None.
    def parts(self, p: int) -> tuple[_Parts, int] | None:
        t = self.t
        parts = _Parts()
        local = self.match(_PREFIX_LOCAL, p)
        if local:
            p = local.end()
        for word in ("지난", "오는"):
            if t.startswith(word, p) and p + len(word) < len(t) and t[p + len(word)] == " ":
                q = p + len(word) + 1
                if q < len(t) and t[q].isdigit():
                    parts.direction = word
                    p = q
                    break
                if (e := self._weekday_name(q, parts)) is not None:
                    parts.direction = word  # 지난 금요일: the most recent Friday before publication
                    return parts, e
        if m := self.match(_DECADE, p):
            parts.decade = int(m.group(1))
            return parts, m.end()
        if m := self.match(_YEAR_RANGE, p):
            parts.year_range = (int(m.group(1)), int(m.group(2)))
            return parts, m.end()
        if m := self.match(_NUMERIC_DATE, p):
            parts.year, parts.month, parts.day = int(m.group(1)), int(m.group(3)), int(m.group(4))
            return parts, self._day_tail(m.end(), parts)  # 2023.8.22(화)
        if m := self.match(_NUMERIC_MONTH, p):
            parts.year, parts.month = int(m.group(1)), int(m.group(2))
            if 1 <= parts.month <= 12:
                return parts, m.end()
            return None
        end = p
        if m := self.match(_YEAR, p):
            parts.year = int(m.group(1))
            end = m.end()
            # 지난 2020년 12월, 오는 2030년까지: 지난 and 오는 only stress that the year is past or to come.
            # A year they contradict (지난 2030년 in an article of 2023) is a typo the reader does not
            # settle: the reading carries the contradiction, and resolving it refuses (see `resolve`).
            parts.year_stress = parts.direction
            parts.direction = None
        elif (w := _word_at(t, p, _REL_YEAR)) is not None and not parts.direction:
            parts.year_offset = _REL_YEAR[w]
            end = p + len(w)
        elif t.startswith("올", p) and t.startswith(" ", p + 1) and not parts.direction:
            # 올 상반기, 올 연말, 올 3분기: 올 is 올해 before a part of the year.
            rest = self._year_part(p + 2, _Parts(year_offset=0))
            if (
                rest is None
                and (m := self.match(_MODIFIER_OK_AFTER, p + 1))
                and m.group(1) in ("초", "말", "중")
            ):
                return _Parts(year_offset=0, modifier=m.group(1)), m.end()  # 올 초, 올 말: 올해 초
            return rest
        if parts.year is not None or parts.year_offset is not None:
            after = self._year_part(self.ws(end), parts)
            if after is not None:
                return after
            if m := self.match(_MODIFIER_OK_AFTER, end):
                parts.modifier = m.group(1)
                return parts, m.end()
            return parts, end
        if parts.direction is None:
            if (w := _word_at(t, p, _YEAR_PART)) is not None:
                parts.year_offset = 0
                parts.modifier = _YEAR_PART[w]
                parts.year_unsaid = True
                return parts, p + len(w)
            if (w := _word_at(t, p, _REL_MONTH)) is not None:
                parts.month_offset = _REL_MONTH[w]
                end = p + len(w)
                q = self.ws(end)
                # 지난달 25일, 이달 21~24일: a day of the month the words name.
                if (e := self._listed(_DAY_LIST, q, parts, "days")) is not None:
                    return parts, self._day_tail(e, parts)
                if d := self.match(_DAY_RANGE, q):
                    parts.day_range = (int(d.group(1)), int(d.group(2)))
                    return parts, self._day_tail(d.end(), parts)
                if d := self.match(_DAY, q):
                    parts.day = int(d.group(1))
                    return parts, self._day_tail(d.end(), parts)
                if m := self.match(_MODIFIER_OK_AFTER, end):
                    parts.modifier = m.group(1)
                    end = m.end()
                return parts, end
            if (w := _word_at(t, p, _REL_WEEK)) is not None:
                parts.week_offset = _REL_WEEK[w]
                if (e := self._weekday_name(self.ws(p + len(w)), parts)) is not None:
                    return parts, e  # 지난주 금요일
                return parts, p + len(w)
            if (w := _word_at(t, p, _REL_DAY)) is not None:
                parts.day_offset = _REL_DAY[w]
                return parts, p + len(w)
        return self._year_part(p, parts)

    def _year_part(self, p: int, parts: _Parts) -> tuple[_Parts, int] | None:
        """What may follow a year (or stand alone): a quarter, a half, a month (and day), a day."""
        if m := self.match(_QUARTER_RANGE, p):
            parts.month_range = (3 * int(m.group(1)) - 2, 3 * int(m.group(2)))
            parts.month_range_of = "quarter"
            return parts, m.end()
        if m := self.match(_HALVES, p):
            parts.month_range, parts.month_range_of = (1, 12), "half"
            return parts, m.end()
        if m := self.match(_QUARTER, p):
            parts.quarter = int(m.group(1))
            return parts, m.end()
        if (end := self._listed(_QUARTER_LIST, p, parts, "quarters")) is not None:
            return parts, end
        if m := self.match(_HALF, p):
            parts.half = 1 if m.group(1) == "상" else 2
            return parts, m.end()
        if (parts.year is not None or parts.year_offset is not None) and (
            w := _word_at(self.t, p, _YEAR_PART)
        ):
            parts.modifier = _YEAR_PART[w]  # 올 연말, 2023년 연말, 지난해 연말
            return parts, p + len(w)
        if m := self.match(_MONTH_RANGE, p):
            parts.month_range = (int(m.group(1)), int(m.group(2)))
            return parts, m.end()
        if (end := self._listed(_MONTH_LIST, p, parts, "months")) is not None:
            return parts, end
        if m := self.match(_MONTH, p):
            parts.month = int(m.group(1))
            end = m.end()
            q = self.ws(end)
            if (e := self._listed(_DAY_LIST, q, parts, "days")) is not None:
                return parts, self._day_tail(e, parts)
            if d := self.match(_DAY_RANGE, q):
                parts.day_range = (int(d.group(1)), int(d.group(2)))
                return parts, self._day_tail(d.end(), parts)
            if d := self.match(_DAY, q):
                parts.day = int(d.group(1))
                return parts, self._day_tail(d.end(), parts)
            if mod := self.match(_MODIFIER_OK_AFTER, end):
                parts.modifier = mod.group(1)
                end = mod.end()
            return parts, end
        if parts.year is None and parts.year_offset is None:
            if (e := self._listed(_DAY_LIST, p, parts, "days")) is not None:
                return parts, self._day_tail(e, parts)
            if d := self.match(_DAY_RANGE, p):
                parts.day_range = (int(d.group(1)), int(d.group(2)))
                return parts, self._day_tail(d.end(), parts)
            if d := self.match(_DAY, p):
                parts.day = int(d.group(1))
                return parts, self._day_tail(d.end(), parts)
        return None

    def _listed(self, pattern: re.Pattern[str], p: int, parts: _Parts, what: str) -> int | None:
        """A list of months, days or quarters at p (1·2월): its end, with `parts` set; else None."""
        m = self.match(pattern, p)
        if m is None:
            return None
        numbers = [int(x) for x in re.findall(r"\d+", m.group(1))] + [int(m.group(2))]
        if any(b != a + 1 for a, b in pairwise(numbers)):
            parts.unreadable = (
                f"'{m.group(0)}' names {len(numbers)} {what}, not one time; a claim states one of them, "
                "or the whole span in other words"
            )
        elif what == "months":
            parts.month_range = (numbers[0], numbers[-1])
        elif what == "days":
            parts.day_range = (numbers[0], numbers[-1])
        else:  # quarters: the months they cover
            parts.month_range = (3 * numbers[0] - 2, 3 * numbers[-1])
            parts.month_range_of = "quarter"
        return m.end()

    def _weekday_name(self, p: int, parts: _Parts) -> int | None:
        """금요일 at p (and a day of the month in parentheses after it, 금요일(18일)): its end, or None."""
        m = _WEEKDAY_NAME.match(self.t, p)
        if m is None:
            return None
        parts.weekday_day = _WEEKDAYS.index(m.group(1))
        if m.group(2):
            parts.weekday_date = int(m.group(2))
        return m.end()

    def _day_tail(self, p: int, parts: _Parts) -> int:
        """After a day: its weekday (recorded in `parts`) and local time, in parentheses, either order."""
        for _ in range(2):
            if m := self.match(_PAREN_WEEKDAY, p):
                parts.weekday = _WEEKDAYS.index(m.group(1))
                p = m.end()
            elif m := self.match(_PAREN_LOCAL, p):
                p = m.end()
        return p

    # --- resolving --------------------------------------------------------------------------------

    def resolve(self, parts: _Parts, base: _Parts | None = None) -> tuple[Span, str, bool, bool, str]:
        """(span, precision, vague, relative, how): ValueError (with a message) when unresolvable.

        `base` is the start of a `… 부터 … 까지` interval: the end inherits its year and month."""
        pub = self.pub
        if parts.unreadable is not None:
            raise ValueError(parts.unreadable)
        if parts.decade is not None:
            if parts.decade % 100 == 0:
                # 1900년대 초 is the early twentieth century as often as 1900-1909: the decade, or the century?
                raise ValueError(
                    f"'{parts.decade}년대': the decade {parts.decade}–{parts.decade + 9} or the century "
                    f"{parts.decade}–{parts.decade + 99}? Korean writes both, and the reader does not guess"
                )
            return Span(date(parts.decade, 1, 1), date(parts.decade + 10, 1, 1)), "decade", False, False, ""
        if parts.year_range is not None:
            a, b = parts.year_range
            if b <= a:
                raise ValueError(f"{a}~{b}년 ends before it starts")
            return Span(date(a, 1, 1), date(b + 1, 1, 1)), "interval", False, False, ""
        if parts.weekday_day is not None:
            wd = parts.weekday_day
            if parts.week_offset is not None:  # 지난주 금요일: the Friday of last week (Monday to Sunday)
                d = pub - timedelta(days=pub.weekday()) + timedelta(weeks=parts.week_offset, days=wd)
                how = f"{_WEEKDAYS[wd]}요일 of the week of {pub + timedelta(weeks=parts.week_offset)}"
            elif parts.direction == "지난":  # the most recent one before the publication day
                d = pub - timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
                how = f"the most recent {_WEEKDAYS[wd]}요일 before the publication date {pub}"
            else:  # 오는: the next one after it
                d = pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
                how = f"the next {_WEEKDAYS[wd]}요일 after the publication date {pub}"
            if parts.weekday_date is not None and parts.weekday_date != d.day:
                raise ValueError(
                    f"{how} is {d}, not the {parts.weekday_date}일 the words give: the reader does not guess "
                    "which is wrong"
                )
            return Span(d, d + timedelta(days=1)), "day", False, True, how
        if parts.week_offset is not None:
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=parts.week_offset)
            return Span(monday, monday + timedelta(days=7)), "week", False, True, f"the week of {pub}"
        if parts.day_offset is not None:
            d = pub + timedelta(days=parts.day_offset)
            return Span(d, d + timedelta(days=1)), "day", False, True, f"publication date {pub}"
        if parts.month_offset is not None:
            y, m = _shift_month(pub.year, pub.month, parts.month_offset)
            if parts.day is not None or parts.day_range is not None:
                days = parts.day_range or (parts.day, parts.day)
                precision = "interval" if parts.day_range else "day"
                return (
                    self._days(y, m, days),
                    precision,
                    False,
                    True,
                    f"{y}-{m:02d}, from the publication date {pub}",
                )
            return (
                self._modified(_month(y, m), "month", parts.modifier),
                _month_precision(parts.modifier),
                _is_vague(parts.modifier),
                True,
                f"{y}-{m:02d}, from the publication date {pub}",
            )
        relative = parts.year is None
        how = ""
        year = parts.year
        if year is None and parts.year_offset is not None:
            year = pub.year + parts.year_offset
            how = f"{year}, counted from the publication year {pub.year}"
        if year is None and base is not None and base.year is not None:
            year = base.year
        month = parts.month
        if month is None and parts.day is not None and base is not None and base.month is not None:
            month = base.month
        if parts.quarter is not None or parts.half is not None:
            y = year if year is not None else pub.year
            now_q, now_h = (pub.month - 1) // 3 + 1, 1 if pub.month <= 6 else 2
            if year is None and parts.direction is not None:
                # 지난 4분기: the most recent fourth quarter before the current one; 오는 3분기: the next.
                n, now = (parts.quarter, now_q) if parts.quarter is not None else (parts.half or 1, now_h)
                word = (
                    f"{parts.direction} {parts.quarter}분기" if parts.quarter else f"{parts.direction} 반기"
                )
                if n == now:
                    raise ValueError(f"'{word}' in an article of {pub}: this one or a year away? ambiguous")
                if parts.direction == "지난":
                    y = pub.year if n < now else pub.year - 1
                else:
                    y = pub.year if n > now else pub.year + 1
                how = f"{y}, counted from the publication date {pub}"
            elif year is None:
                # 4분기 실적 in a January article is usually last year's fourth quarter: a quarter or
                # half after the current one, without a year, is ambiguous.
                if (parts.quarter or 0) > now_q or (parts.half or 0) > now_h:
                    name = f"{parts.quarter}분기" if parts.quarter is not None else "하반기"
                    raise ValueError(
                        f"'{name}' without a year, after the publication date {pub}: this year's or last "
                        "year's? the words do not say, and the reader does not guess"
                    )
                first = 3 * parts.quarter - 2 if parts.quarter is not None else 6 * (parts.half or 1) - 5
                name = f"{parts.quarter}분기" if parts.quarter is not None else "상반기"
                _refuse_if_the_coming_one_is_near(first, pub, name)
                how = f"{y}, the publication year"
            if parts.quarter is not None:
                q = parts.quarter
                return Span(date(y, 3 * q - 2, 1), month_start(y, 3 * q + 1)), "quarter", False, relative, how
            h = parts.half or 1
            return Span(date(y, 6 * h - 5, 1), month_start(y, 6 * h + 1)), "half", False, relative, how
        if parts.month_range is not None:
            a, b = parts.month_range
            if not (1 <= a < b <= 12):
                raise ValueError(f"{a}~{b}월 is not a range of months")
            y = year if year is not None else pub.year
            if year is None and parts.direction is not None:
                # 오는 3~4월 in May: next year's; 지난 11~12월 in March: last year's.
                if a <= pub.month <= b:
                    raise ValueError(
                        f"'{parts.direction} {a}~{b}월' in an article of {pub:%Y-%m}: the months hold the "
                        "publication month; the reader does not guess"
                    )
                if parts.direction == "지난":
                    y = pub.year if b < pub.month else pub.year - 1
                else:
                    y = pub.year if a > pub.month else pub.year + 1
                how = f"{y}, counted from the publication date {pub}"
            elif year is None and b > _current_last_month(pub, parts.month_range_of):
                now = {"quarter": "quarter", "half": "half"}.get(parts.month_range_of or "", "month")
                raise ValueError(
                    f"months {a} to {b} without a year, ending after the publication {now} ({pub}): this year's "
                    "or last year's? ambiguous"
                )
            elif year is None:
                _refuse_if_the_coming_one_is_near(a, pub, f"{a}~{b}월")
            return Span(date(y, a, 1), month_start(y, b + 1)), "interval", False, relative, how
        if month is not None:
            if not 1 <= month <= 12:
                raise ValueError(f"there is no month {month}")
            days = parts.day_range or ((parts.day, parts.day) if parts.day is not None else None)
            y = year
            if y is None and parts.direction and days is not None:
                y, how = self._month_day_year(month, days[0], parts.direction)
            elif y is None:
                y, how = self._month_year(month, parts)
            if days is not None:
                span = self._days(y, month, days)
                return span, "interval" if parts.day_range else "day", False, relative, how
            span = self._modified(_month(y, month), "month", parts.modifier)
            return span, _month_precision(parts.modifier), _is_vague(parts.modifier), relative, how
        if parts.day is not None or parts.day_range is not None:
            # A day without a month: the most recent such day on or before publication.
            d0 = parts.day if parts.day is not None else parts.day_range[0]  # type: ignore[index]
            y, m, how = self._day_month(d0, parts.direction)
            days = parts.day_range or (d0, d0)
            return self._days(y, m, days), "interval" if parts.day_range else "day", False, True, how
        if year is not None:
            if parts.year_unsaid and (
                (parts.modifier == "말" and pub.month <= 2) or (parts.modifier == "초" and pub.month >= 11)
            ):
                # 연말 in a January article: the year-end just past (연말 특수) or the coming one? 연초 in
                # December: this year's start or the coming one's? The words do not say.
                word = "연말" if parts.modifier == "말" else "연초"
                raise ValueError(
                    f"'{word}' without a year in an article of {pub}: the one just past or the coming one? "
                    f"the words do not say; write the year ({pub.year - 1}년 말, {pub.year}년 초, …)"
                )
            span = self._modified(_year(year), "year", parts.modifier)
            return span, "year", _is_vague(parts.modifier), relative, how
        raise ValueError("no calendar time")

    def _days(self, y: int, m: int, days: tuple[int, int]) -> Span:
        a, b = days
        if b < a:
            raise ValueError(f"{a}~{b}일 ends before it starts")
        try:
            return Span(date(y, m, a), date(y, m, b) + timedelta(days=1))
        except ValueError:
            raise ValueError(f"there is no day {b if a <= 28 else a} in {y}-{m:02d}") from None

    def _modified(self, span: Span, unit: str, modifier: str | None) -> Span:
        if unit == "month" and modifier in ("초순", "상순", "중순", "하순"):
            s = span.start
            if modifier == "중순":
                return Span(s.replace(day=11), s.replace(day=21))
            if modifier == "하순":
                return Span(s.replace(day=21), span.end)
            return Span(s, s.replace(day=11))
        return span

    def _month_year(self, month: int, parts: _Parts) -> tuple[int, str]:
        pub = self.pub
        if parts.direction == "지난":
            if month == pub.month:
                raise ValueError(
                    f"'지난 {month}월' in an article of {pub:%Y-%m}: this month or the same month last year? "
                    "the reader does not guess"
                )
            y = pub.year if month < pub.month else pub.year - 1
            return y, f"{y}, the most recent {month}월 before the publication date {pub}"
        if parts.direction == "오는":
            if month == pub.month:
                raise ValueError(f"'오는 {month}월' in an article of {pub:%Y-%m} is ambiguous")
            y = pub.year if month > pub.month else pub.year + 1
            return y, f"{y}, the next {month}월 after the publication date {pub}"
        if month > pub.month:
            # 12월 in a January article: last December (a past event) or the coming one (a plan)?
            raise ValueError(
                f"'{month}월' without a year, after the publication month {pub:%Y-%m}: this year's or last "
                "year's? the words do not say, and the reader does not guess"
            )
        _refuse_if_the_coming_one_is_near(month, pub, f"{month}월")
        return pub.year, f"{pub.year}, the publication year (a month without a year)"

    def _month_day_year(self, month: int, day: int, direction: str) -> tuple[int, str]:
        pub = self.pub
        if (month, day) == (pub.month, pub.day):
            raise ValueError(f"'{direction} {month}월 {day}일' is the publication date itself: ambiguous")
        before = (month, day) < (pub.month, pub.day)
        if direction == "지난":
            y = pub.year if before else pub.year - 1
        else:
            y = pub.year + (1 if before else 0)
        return y, f"{y}, counted from the publication date {pub}"

    def _day_month(self, day: int, direction: str | None) -> tuple[int, int, str]:
        pub = self.pub
        if direction == "지난":
            if day == pub.day:
                raise ValueError(f"'지난 {day}일' in an article of {pub}: today or a month ago? ambiguous")
            shift = 0 if day < pub.day else -1
        elif direction == "오는":
            if day == pub.day:
                raise ValueError(f"'오는 {day}일' in an article of {pub}: ambiguous")
            shift = 0 if day > pub.day else 1
        elif day < pub.day and _coming_day_is_near(day, pub):
            # 1일 in an article of the 28th: the 1st of this month, four weeks back, or the coming 1st, a
            # few days ahead (1일부터 시행된다)? The coming one is what a plan means; only the verb tells.
            raise ValueError(
                f"'{day}일' without a month, in an article of {pub}: day {day} of this month (a past event) "
                f"or the coming day {day} of next month, {NEAR_DAYS} days ahead or less (a plan)? the "
                f"words do not say, and the reader does not guess; write '지난 {day}일', '다음 달 {day}일' or "
                "the month"
            )
        elif day <= pub.day:
            shift = 0
        elif day <= monthrange(pub.year, pub.month)[1]:
            # 25일 in an article of March 20: February 25 (a past event: 25일 발표했다) or the coming
            # March 25 (a plan: 25일 열린다)? Korean news writes both bare; only the verb tells, and
            # the reader sees the date alone. (Past events of last month are usually 지난달 25일.)
            raise ValueError(
                f"'{day}일' without a month, after the publication day {pub}: day {day} of the month "
                f"before (a past event) or the coming day {day} of this month (a plan)? the words do not "
                f"say, and the reader does not guess; write '지난달 {day}일', '지난 {day}일' or the month"
            )
        else:
            shift = -1  # 31일 in an article of September 1: September has no 31st; it is August 31
        y, m = _shift_month(pub.year, pub.month, shift)
        where = (
            "the publication month"
            if shift == 0
            else ("the month before" if shift < 0 else "the month after")
        )
        return y, m, f"{y}-{m:02d}-{day:02d}: {day}일 of {where} (published {pub})"

    # --- a whole expression, with its interval tail ---------------------------------------------------

    def reading(self, p: int) -> tuple[TimeReading, int] | None:
        """The time starting at p: the reading and the end of everything consumed (까지/부터 included)."""
        got = self.parts(p)
        if got is None:
            return None
        parts, end = got
        relation = "at"
        consumed = end
        text_end = end
        interval_end: Span | None = None
        interval_error = ""
        if self.t.startswith("부터", end):
            q = self.ws(end + 2)
            days = None
            w = _word_at(self.t, q, _NATIVE_DAYS) or next(
                (w for w in _NATIVE_DAYS if self.t.startswith(w + "간", q)),
                None,  # 나흘간, 사흘간
            )
            if w is not None:
                days, r = _NATIVE_DAYS[w], q + len(w)
            elif m := _DAYS_COUNT.match(self.t, q):
                days, r = int(m.group(1)), m.end()
            if days is not None:
                r2 = self.ws(r)
                if self.t.startswith("동안", r2):
                    text_end = consumed = r2 + 2
                elif self.t.startswith("간", r):
                    text_end = consumed = r + 1
                else:
                    days = None
            if days is not None:
                relation = "for-days"
                interval_days = days
            else:
                second = self.parts(q)
                if second is not None and self.t.startswith("까지", second[1]):
                    interval_end, interval_error = self._interval_end(second[0], parts)
                    relation = "from-to"
                    text_end = second[1]
                    consumed = second[1] + 2
                else:
                    relation = "from"
                    consumed = end + 2
        elif self.t.startswith("까지", end):
            relation = "until"
            consumed = end + 2
        elif (q := self._after_range_mark(end)) is not None:
            # 8월 21일~9월 3일, 2023년 12월 28일~2024년 1월 3일, 2월 말~3월 초: one interval. (21~24일, 3~5월
            # and 2021~2023년 are read by their own patterns.) Read alone, 8월 21일 would be one day.
            relation = "from-to"
            second = self.parts(q)
            if second is None:
                # 2023.8.22~23, (2023년 8월~현재): an interval whose end the reader cannot read. The start
                # alone is not what the words say; the mark is part of the time, which is refused.
                interval_error = (
                    "an interval ('~', '-') whose end the reader cannot read; write the end in full"
                )
                text_end = consumed = self.ws(end) + 1
            else:
                interval_end, interval_error = self._interval_end(second[0], parts)
                text_end = consumed = second[1]
                if self.t.startswith("까지", consumed):
                    consumed += 2
        text = self.t[p:text_end]
        try:
            span, precision, vague, relative, how = self._resolve_with_weekday(parts)
            stress = parts.year_stress
            if (stress == "지난" and span.start > self.pub) or (stress == "오는" and span.end <= self.pub):
                tense = "past" if stress == "지난" else "to come"
                raise ValueError(
                    f"'{text}' in an article of {self.pub}: {stress} says the time is {tense}, but "
                    f"{span.label()} is not; the reader does not guess which word is wrong"
                )
            if relation == "for-days":
                if precision != "day":
                    raise ValueError(f"'{text}': a number of days counted from a {precision}, not a day")
                span = Span(span.start, span.start + timedelta(days=interval_days))
                precision, relation = "interval", "at"
            elif relation == "from-to":
                if interval_error:
                    raise ValueError(interval_error)
                assert interval_end is not None
                if parts.modifier in ("초", "말") and precision in ("year", "month"):
                    span = _early_or_late(span, precision, parts.modifier)  # 2월 말부터: from the 21st
                if interval_end.end <= span.start:
                    raise ValueError(f"'{text}' ends before it starts")
                span = Span(span.start, interval_end.end)
                precision, relation, vague = "interval", "at", False
        except (ValueError, OverflowError) as exc:  # OverflowError: 9999년 12월 31일부터 나흘 동안
            if relation in ("for-days", "from-to"):
                relation = "at"
            why = (
                "it runs past the end of the calendar (9999-12-31)"
                if isinstance(exc, OverflowError)
                else str(exc)
            )
            return TimeReading(text, p, text_end, None, "day", relation, False, True, why), consumed
        within = None
        if vague and parts.modifier in ("초", "말") and precision in ("year", "month"):
            within, span = span, _early_or_late(span, precision, parts.modifier)
        reading = TimeReading(text, p, text_end, span, precision, relation, vague, relative, how, within)
        return reading, consumed

    def _after_range_mark(self, p: int) -> int | None:
        """Where the second time of `A~B` starts, when a range mark follows p."""
        q = self.ws(p)
        if q < len(self.t) and self.t[q] in _RANGE_MARKS:
            return self.ws(q + 1)
        # 8월 22일-24일: a dash is a range mark only before the next time's number (2023년 8월 22일 - LG는 …
        # is a dateline, not an interval).
        if (
            q < len(self.t)
            and self.t[q] in _DASHES
            and (r := self.ws(q + 1)) < len(self.t)
            and self.t[r].isdigit()
        ):
            return r
        return None

    def _interval_end(self, second: _Parts, first: _Parts) -> tuple[Span | None, str]:
        """The days of the end of an interval (its year and month from the start), or why it has none."""
        day_alone = (second.day is not None or second.day_range is not None) and (
            second.month is None and second.month_offset is None
        )
        if day_alone and first.day is None and first.day_range is None:
            # 3월부터 5일까지: the 5th of which month? Not the start's, which names none.
            return None, "the end of the interval names a day without its month, and the start no day"
        base = self._anchor(first)
        if (
            second.year is None
            and second.year_offset is None
            and second.month is not None
            and base.year is not None
            and (start_month := self._start_month(first)) is not None
            and second.month < start_month
        ):
            # 2023년 12월 28일~1월 3일: an end whose month comes before the start's is in the next year.
            base = _Parts(year=base.year + 1)
        try:
            span, precision, *_ = self._resolve_with_weekday(second, base=base)
        except ValueError as exc:
            return None, str(exc)
        if second.modifier in ("초", "말") and precision in ("year", "month"):
            span = _early_or_late(span, precision, second.modifier)  # 3월 초까지: until the 10th
        return span, ""

    def _start_month(self, parts: _Parts) -> int | None:
        try:
            return self._resolve_with_weekday(parts)[0].start.month
        except ValueError:
            return None

    # --- the weekday of a day: a check, and what settles an ambiguous day -----------------------------

    def _resolve_with_weekday(
        self, parts: _Parts, base: _Parts | None = None
    ) -> tuple[Span, str, bool, bool, str]:
        """`resolve`, and the weekday written after the day (22일(화)): it must be the day's; when the
        words alone leave the day ambiguous, the one nearby day that falls on it is meant."""
        try:
            got = self._resolve_in_calendar(parts, base)
        except ValueError as exc:
            if parts.weekday is None or base is not None:
                raise
            settled = self._settled_by_weekday(parts)
            if settled is None:
                raise ValueError(f"{exc}; the weekday does not settle it") from None
            return settled
        span = got[0]
        one_day = span.end - span.start == timedelta(days=1)
        if parts.weekday is not None and one_day and span.start.weekday() != parts.weekday:
            raise ValueError(
                f"{span.start} is a {_WEEKDAYS[span.start.weekday()]}요일, not a {_WEEKDAYS[parts.weekday]}요일: "
                "the day and its weekday disagree, and the reader does not guess which is wrong"
            )
        return got

    def _resolve_in_calendar(self, parts: _Parts, base: _Parts | None) -> tuple[Span, str, bool, bool, str]:
        """`resolve`, with a time at the end of the calendar (9999년 12월 31일: its day after is past it) a
        ValueError the reader reports, never an OverflowError out of the checker."""
        try:
            return self.resolve(parts, base)
        except OverflowError:
            raise ValueError("the time reaches past the end of the calendar") from None

    def _settled_by_weekday(self, parts: _Parts) -> tuple[Span, str, bool, bool, str] | None:
        """The one day near publication that the words name and that falls on their weekday, else None.

        Only a day missing its month (25일(금)) or its year (12월 28일(목)), without 지난/오는: the candidates
        are that day of the months (years) around publication, as `possible_readings` offers them."""
        if (
            parts.day is None
            or parts.direction is not None
            or parts.year is not None
            or parts.year_offset is not None
            or parts.month_offset is not None
            or parts.unreadable is not None
        ):
            return None
        pub = self.pub
        if parts.month is None:
            places = [_shift_month(pub.year, pub.month, k) for k in (-1, 0, 1)]
            reach = 32
        else:
            places = [(pub.year + k, parts.month) for k in (-1, 0, 1)]
            reach = 366
        found = []
        for y, m in places:
            try:
                d = date(y, m, parts.day)
            except ValueError:
                continue
            if abs((d - pub).days) <= reach and d.weekday() == parts.weekday:
                found.append(d)
        if len(found) != 1:
            return None
        d = found[0]
        how = f"{d}: the only {parts.day}일 near the publication date {pub} that is a {_WEEKDAYS[parts.weekday]}요일"
        return Span(d, d + timedelta(days=1)), "day", False, True, how

    def _anchor(self, parts: _Parts) -> _Parts:
        """The year and month a `… 까지` end inherits from the start of the interval."""
        try:
            span = self._resolve_with_weekday(parts)[0]
        except (ValueError, OverflowError):
            return _Parts()
        return _Parts(year=span.start.year, month=span.start.month if parts.day is not None else None)


# The first characters of every time word (지난해, 올해, 이날, 현지시간 22일, 연말, 상반기, …).
_FIRST_CHARACTERS = frozenset(
    w[0]
    for table in (
        _REL_YEAR,
        _REL_MONTH,
        _REL_DAY,
        _REL_WEEK,
        _YEAR_PART,
        {"올": 0, "지난": 0, "오는": 0, "현지": 0},
    )
    for w in table
) | frozenset("상하")


def _may_start(text: str, i: int) -> bool:
    """Can a time begin at i? Not inside a word or a number (뉴스1, A380, 12.7)."""
    if i == 0:
        return True
    prev = text[i - 1]
    if prev.isalpha():
        return False
    if text[i].isdigit():
        if prev.isdigit() or prev in ".,_@/:" or prev in _DASHES or prev in _LIST_MARKS:
            return False
        # 2021, 2022년 or 2020~21년 (lists and ranges the reader does not read whole): 2022년 or 21년 alone
        # names one end of the words only. Nor 8월 after '23년 or 23년: a year the reader does not read (a
        # two-digit year) comes first; alone, the month would be counted from the publication year, a
        # silent wrong year.
        return not (
            _AFTER_A_BARE_NUMBER.search(text, max(0, i - 4), i)
            or _AFTER_A_YEAR.search(text, max(0, i - 8), i)
        )
    return True


_AFTER_A_YEAR = re.compile(r"\d[ \t]?년[ \t]?\Z")
_AFTER_A_BARE_NUMBER = re.compile(rf"\d(?:,|[ \t]?[{_RANGE_MARKS}])[ \t]?\Z")


def find_times(text: str, published: date, start: int = 0, stop: int | None = None) -> list[TimeReading]:
    """Every calendar time in running text, in order, not overlapping. Unresolvable ones are listed
    too (span None, with why): they are times all the same, and an editor must claim or skip them.

    A time that leaves out its year or month (`4월`, `5일`) is read as the publication date's only where
    nothing in its sentence says otherwise (`_Sentence`): after words counting from another time
    (`이듬해 3월`, `같은 달 1일`) it is one time with them, unresolved; after an earlier time of the
    sentence naming another year or month (`2021년 3월과 4월`, `지난달 2일과 5일`) it is unresolved too.

    `start` and `stop` as for `checks.quantity.find_quantities`: times starting in text[start:stop]
    (the sentence is read from `start`)."""
    if not isinstance(text, str):
        return []
    parser = _Parser(text, published)
    sentence = _Sentence(text, start)
    out: list[TimeReading] = []
    i, n = start, len(text) if stop is None else min(stop, len(text))
    while i < n:
        c = text[i]
        if not (c.isdigit() or c in _FIRST_CHARACTERS) or not _may_start(text, i):
            i += 1
            continue
        got = parser.reading(i)
        if got is None:
            i += 1
            continue
        reading, _ = got
        out.append(sentence.read(parser, reading, out[-1].end if out else start))
        i = max(reading.end, i + 1)
    return out


# Words before a time that leaves out its year (이듬해 3월, 그해 3월 1일, 매년 3월, 2년 뒤 3월) or its month
# (같은 달 1일, 전월 5일, 한 달 뒤 1일): the time is counted from another time of the sentence, not from the
# publication date. Read as the publication's, 3월 of 이듬해 3월 in an article of 2023 would be 2023-03.
_YEAR_WORDS_BEFORE = re.compile(
    r"그 ?이듬 ?해|그 ?다음 ?해|이듬 ?해|같은 ?해|다음 ?해|다음 ?년도|그 ?해|전년도|전년|전해|당해 ?연도|당해|"
    r"해당 ?연도|익년|첫 ?해|매년|매해|해마다|\d{1,3} ?년여? ?(?:뒤|후|전|만)|(?:한|두|세) ?해 ?(?:뒤|후|전)"
)
_MONTH_WORDS_BEFORE = re.compile(
    r"같은 ?달|그 ?달|전월|전달|익월|당월|매월|매달|\d{1,2} ?(?:개월|달)여? ?(?:뒤|후|전|만)|"
    r"(?:한|두|석|넉) ?달 ?(?:뒤|후|전|만)"
)
_WORDS_BEFORE_END = re.compile(r"(?:인|의|에|엔|인 )? ?\Z")
_WORDS_BEFORE_REACH = 16  # characters before a time looked at for such words


def _left_out(parts: _Parts) -> str | None:
    """What a time leaves to the publication date: "month" (a day alone: 5일, 21~24일), "year" (a month,
    quarter or half alone: 4월, 2분기, 하반기, 연말), or None (it writes its year, or counts from the
    publication date in words of its own: 지난달, 이날, 지난주 금요일, 지난 4월)."""
    if any(
        v is not None
        for v in (
            parts.year,
            parts.year_range,
            parts.decade,
            parts.month_offset,
            parts.day_offset,
            parts.week_offset,
            parts.direction,
            parts.weekday_day,
        )
    ):
        return None
    if parts.year_offset is not None and not parts.year_unsaid:
        return None
    if (
        parts.month is None
        and parts.month_range is None
        and parts.quarter is None
        and parts.half is None
        and not parts.year_unsaid
    ):
        return "month" if parts.day is not None or parts.day_range is not None else None
    return "year"


def _months(span: Span) -> set[tuple[int, int]] | None:
    """The one (year, month) a span lies within, as a set; None when it spans more than one month."""
    last = span.end - timedelta(days=1)
    return (
        {(span.start.year, span.start.month)}
        if (last.year, last.month) == (span.start.year, span.start.month)
        else None
    )


class _Sentence:
    """The times of the sentence read so far that write their year (and month), for the times after
    them that leave theirs out. Sentence ends (`checks.quotes.SENTENCE_START`) are looked for once
    over the text, from where the last look stopped: the reader stays linear."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.looked = start
        self.year_words: TimeReading | None = None  # the last time of the sentence writing its year
        self.month_words: TimeReading | None = None  # … and naming one month

    def _to(self, p: int) -> None:
        """A sentence starting after the last look, up to p (p included), ends the times before it."""
        if p > self.looked and SENTENCE_START.search(self.text, self.looked + 1, p):
            self.year_words = self.month_words = None
        self.looked = max(self.looked, p)

    def read(self, parser: _Parser, reading: TimeReading, free_from: int) -> TimeReading:
        """The reading as the sentence makes it; `free_from`: where the text no earlier time holds begins."""
        got = parser.parts(reading.start)
        left_out = _left_out(got[0]) if got is not None else None
        self._to(reading.start)
        if left_out is None:
            if got is not None and (
                reading.span is not None or got[0].year is not None or got[0].year_offset is not None
            ):
                self.year_words = reading
                self.month_words = reading if reading.span is None or _months(reading.span) else None
            return reading
        before = self.text[max(free_from, reading.start - _WORDS_BEFORE_REACH) : reading.start]
        for unit, words in (("year", _YEAR_WORDS_BEFORE), ("month", _MONTH_WORDS_BEFORE)):
            if unit == "month" and left_out != "month":
                continue
            m = _last_words(words, before)
            if m is not None:
                at = reading.start - len(before) + m.start()
                return replace(
                    reading,
                    text=self.text[at : reading.end],
                    start=at,
                    span=None,
                    why=(
                        f"'{m.group(0).strip()}' before '{reading.text}' counts its {unit} from another time of "
                        "the sentence, not from the publication date; the reader does not resolve it"
                    ),
                )
        if reading.span is None:
            return reading
        earlier = (
            self.month_words if left_out == "month" and self.month_words is not None else self.year_words
        )
        if earlier is None:
            return reading
        if earlier.span is None:
            why = (
                f"'{reading.text}' leaves out its {left_out}, and '{earlier.text}' before it in the sentence, "
                f"which would give it, cannot be resolved ({earlier.why})"
            )
            return replace(reading, span=None, why=why)
        if left_out == "month" and earlier is self.month_words:
            theirs = _months(earlier.span) or set()
            ours = (reading.span.start.year, reading.span.start.month)
            if ours in theirs:
                return reading
            ((y, m2),) = theirs
            given, own = f"{y}-{m2:02d}", f"{ours[0]}-{ours[1]:02d}"
        else:
            last = earlier.span.end - timedelta(days=1)
            if earlier.span.start.year <= reading.span.start.year <= last.year:
                return reading
            given = (
                str(earlier.span.start.year)
                if last.year == earlier.span.start.year
                else (f"{earlier.span.start.year}-{last.year}")
            )
            own = str(reading.span.start.year)
            left_out = "year"
        why = (
            f"'{reading.text}' leaves out its {left_out}, and '{earlier.text}' before it in the sentence names "
            f"{given}: that {left_out}, or the publication date's ({own})? the words do not say, and the reader "
            f"does not guess; write the {left_out}"
        )
        return replace(reading, span=None, why=why)


def _last_words(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The words of `pattern` that end `before` (but for a particle and a space), if any."""
    found = None
    for m in pattern.finditer(before):
        if _WORDS_BEFORE_END.match(before, m.end()) and (
            m.start() == 0 or not before[m.start() - 1].isalnum()
        ):
            found = m
    return found


@lru_cache(maxsize=16384)
def times_in(text: str, published: date) -> tuple[TimeReading, ...]:
    """`find_times`, remembered (as `checks.quantity.figures_in`): a quote is read for its dates by
    several checks of one claim; a TimeReading is immutable, and a tuple cannot be changed by a caller."""
    return tuple(find_times(text, published))


_SUFFIXES = (
    "기준",
    "현재",
    "에는",
    "에도",
    "에",
    "의",
    "엔",
    "께",
    "경",
    "쯤",
    "무렵",
    "즈음",
    "중",
    "내",
    "안",
)
# Some time within the span: 2021년 중, 올해 안(에), 8월께; of those, 께 and the like are approximate.
_WITHIN_SUFFIXES = frozenset(("중", "내", "안", "께", "경", "쯤", "무렵", "즈음"))
_APPROXIMATE_SUFFIXES = frozenset(("께", "경", "쯤", "무렵", "즈음"))
# The time of day after a day (24일 오전 10시, 이날 오후, 7일 오후 2시(현지시간)): the day stays the day. A 께
# after the hour (오후 3시께) makes the hour approximate, not the day.
_HOUR = rf"\d{{1,2}}{_S}시(?:{_S}(?:\d{{1,2}}{_S}분|반))?"
_TIME_OF_DAY = re.compile(
    rf"(?:(?:오전|오후|새벽|아침|낮|저녁|밤){_S}(?:{_HOUR})?|정오|{_HOUR})(?:{_S}(?:께|경|쯤))?"
    rf"(?:{_S}\({_LOCAL_WORD}\))?"
)


def read_time(text: str, published: date) -> TimeReading:
    """Read `text` as ONE time (an as_of_text, say), resolved against `published`.

    Raises NotATime when the words are not one calendar time, name none (`출범 당시`: then
    `no_calendar_time` is set), or cannot be resolved (`지난 3월` in a March article)."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not text:
        raise NotATime("empty", 0)
    parser = _Parser(text, published)
    got = parser.reading(0)
    if got is None:
        if (unit := _one_unit_of_another_time(text)) is not None:
            raise NotATime(
                f"'{text}' names one {unit} counted from another time of the sentence, not from the "
                "publication date",
                0,
                no_calendar_time=True,
                unit=unit,
            )
        if any(word in text for word in NO_CALENDAR_TIME):
            raise NotATime(f"'{text}' names no calendar time", 0, no_calendar_time=True)
        raise NotATime(f"'{text}' is not a time the reader knows", 0)
    reading, end = got
    if (
        reading.span is not None
        and reading.span.end - reading.span.start == timedelta(days=1)
        and reading.relation == "at"
        and (m := _TIME_OF_DAY.match(text, parser.ws(end)))
        and m.end() > parser.ws(end)
    ):
        end = m.end()
    rest = text[end:].strip()
    while rest:
        suffix = next((s for s in _SUFFIXES if rest.startswith(s)), None)
        if suffix is None:
            break
        if suffix in _WITHIN_SUFFIXES:
            reading = _vague(reading, approximate=suffix in _APPROXIMATE_SUFFIXES)
        rest = rest[len(suffix) :].strip()
    if rest:
        where = len(text) - len(rest)
        raise NotATime(f"'{rest}' after '{text[:end]}': the reader cannot say what time that is", where)
    if reading.span is None:
        raise NotATime(f"'{text}' cannot be resolved: {reading.why}", 0)
    return reading


def _one_unit_of_another_time(text: str) -> str | None:
    """The unit of `text` when it is one of ONE_UNIT_OF_ANOTHER_TIME (전날, 이듬해 에, 전날 오후), else None."""
    word = next(
        (w for w in sorted(ONE_UNIT_OF_ANOTHER_TIME, key=len, reverse=True) if text.startswith(w)), None
    )
    if word is None:
        return None
    unit = ONE_UNIT_OF_ANOTHER_TIME[word]
    rest = text[len(word) :].strip()
    if unit == "day" and (m := _TIME_OF_DAY.match(rest)) and m.end() > 0:
        rest = rest[m.end() :].strip()
    while rest:
        suffix = next((s for s in _SUFFIXES if rest.startswith(s) and s not in _WITHIN_SUFFIXES), None)
        if suffix is None:
            return None
        rest = rest[len(suffix) :].strip()
    return unit


def possible_readings(text: str, published: date) -> list[TimeReading]:
    """The readings between which the reader hesitates, when it refuses `text` as ambiguous.

    `12월` in a January article is last December or the coming one; `25일` in an article of March 20
    is February 25 or March 25; `지난 3월` in March is this March or last year's; `연말` in January is
    the year-end just past or the coming one. Each candidate is the same words with their year (and
    month) written out, read by the same reader, and kept when it comes within a year (for a day: a
    month) of the publication date, on the side `지난`/`오는` say. [] when the words name no calendar
    time, or lack no year or month (an ambiguity of another kind: the reader offers nothing)."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    got = _Parser(text, published).parts(0) if text else None
    if got is None:
        return []
    parts = got[0]
    if (
        parts.year is not None
        or (parts.year_offset is not None and not parts.year_unsaid)
        or parts.unreadable is not None
        or any(v is not None for v in (parts.month_offset, parts.day_offset, parts.week_offset))
        or any(v is not None for v in (parts.decade, parts.year_range))
    ):
        return []
    core = text
    if m := _PREFIX_LOCAL.match(core):
        core = core[m.end() :]  # local time leaves the day as written
    direction = None
    for word in ("지난", "오는"):
        if core.startswith(word + " ") and core[len(word) + 1 : len(word) + 2].isdigit():
            direction, core = word, core[len(word) + 1 :]
    pub = published
    if any(v is not None for v in (parts.month, parts.month_range, parts.quarter, parts.half)) or (
        parts.year_unsaid
    ):
        prefixes = [f"{y}년 " for y in (pub.year - 1, pub.year, pub.year + 1)]
        reach = timedelta(days=366)  # the year is missing: the one just past and the coming one
    elif parts.day is not None or parts.day_range is not None:
        prefixes = [f"{y}년 {m}월 " for y, m in (_shift_month(pub.year, pub.month, k) for k in (-1, 0, 1))]
        reach = timedelta(days=32)  # the month is missing: last month's day and next month's
    else:
        return []
    out: list[TimeReading] = []
    for prefix in prefixes:
        try:
            r = read_time(prefix + core, pub)
        except NotATime:
            continue
        assert r.span is not None
        near = r.span.end > pub - reach and r.span.start < pub + reach
        if direction == "지난":
            near = near and r.span.start <= pub
        elif direction == "오는":
            near = near and r.span.end > pub
        if near and all(r.span != o.span for o in out):
            out.append(r)
    return out


def _vague(r: TimeReading, approximate: bool = False) -> TimeReading:
    return replace(r, vague=True, approximate=r.approximate or approximate)


def read_date(text: str, published: date) -> TimeReading:
    """An event date as a claim writes it (`as_written`), read as days. NotATime when it is not one."""
    return read_time(text, published)


# The extent of a time in running text does not depend on the publication date (only its days do).
_ANY_PUBLICATION = date(2000, 1, 1)
# Two publication dates far apart: words naming the same days under both name the same days always.
# (Not November or December, not late in a month: there a month or day of this year whose coming one is
# near is refused, and 1월 out of 1월 중 would no longer read as the same days as the whole.)
_TWO_PUBLICATIONS = (date(2001, 6, 15), date(2017, 10, 3))


_YEAR_STRESS = re.compile(r"(?:지난|오는) (?=\d{4})")


def _same_days(part: str, whole: str) -> bool:
    """Whether `part`, read alone, names the days `whole` names whatever the publication date."""
    # 지난 2020년 12월: 지난 before a year only stresses the past; whether it contradicts the year depends
    # on the publication date, and the two dates below are not the article's.
    whole = _YEAR_STRESS.sub("", whole, count=1) if _YEAR_STRESS.match(whole) else whole
    try:
        return all(read_time(part, p).span == read_time(whole, p).span is not None for p in _TWO_PUBLICATIONS)
    except NotATime:
        return False


def whole_date_start(quote: str, written: str, starts: list[int]) -> int | str:
    """Where, among `starts` (occurrences of `written` in `quote`), the date stands whole in the quote;
    else the message saying what the quote's date is.

    A date claim is read from its `as_written` alone, so a part of a longer date is read wrong without
    a word: `8월` out of `2023년 8월` (or `지난해 8월`) in an article of 2024-10 reads as 2024-08, `22일`
    out of `2023년 8월 22일` as a day of the publication month. The time reader, run over the quote,
    must find the date there: starting where `as_written` starts, no part of it outside `as_written`
    (`2023년까지` holds the date `2023년`; `21일(현지시간)` out of `21일(현지시간)부터 나흘 동안` is only
    its start)."""
    readings = times_in(quote, _ANY_PUBLICATION)
    outside: list[TimeReading] = []
    for s in starts:
        e = s + len(written)
        around = [r for r in readings if r.start < e and s < r.end]
        over = [r for r in around if r.start < s or r.end > e]
        if around and not over and any(r.start == s for r in around):
            return s
        if len(over) == 1 and _same_days(written, over[0].text):
            return s  # 2020년 12월 out of 지난 2020년 12월: 지난 only stresses the past
        outside.extend(r for r in over if r not in outside)
    if outside:
        outside.sort(key=lambda r: (r.end - r.start, r.start))
        return (
            f"the date '{written}' is only part of the quote's date '{outside[0].text}': read alone it names "
            "other days (a month without its year is counted from the publication date); copy the whole "
            "date exactly as printed"
        )
    s = starts[0]
    if _AFTER_A_BARE_NUMBER.search(quote, max(0, s - 4), s):
        before = quote[max(0, s - 8) : s].rstrip()
        return (
            f"the time reader finds no date at '{written}' in the quote (after '{before}'): it ends a list or a "
            "range of bare numbers (2021, 2022년; 2020~21년), and read alone it names one end of them only; a "
            "date claim states a date the reader can read whole (2022년, 2021~2022년)"
        )
    if not _AFTER_A_YEAR.search(quote, max(0, s - 8), s):
        if _Parser(" ".join(written.split()), _ANY_PUBLICATION).reading(0) is not None:
            # 5일 out of 출시 5일 만에, 2023년 out of 2023년 회계연도: read alone, a day or a year; in the
            # quote, the words around it make it a duration or something else, which the reader does not
            # find as a time.
            after = quote[s + len(written) : s + len(written) + 6].strip()
            return (
                f"the time reader finds no date at '{written}' in the quote (before '{after}'): the words "
                "around it make it a duration, a count or a name, not a calendar time (5일 만에, 3년간); a date "
                "claim states a calendar time the article writes"
            )
        return s  # no date here at all (출범 당시, 80여명): the date reader says what it makes of the words
    before = quote[max(0, s - 8) : s].rstrip()
    return (
        f"the time reader finds no date at '{written}' in the quote (after '{before}'): read alone it would "
        "name days the quote may not mean (a month after a two-digit year, '23년 8월, is counted from the "
        "publication year); a date claim states a date the reader can read whole (2023년 8월)"
    )


def whole_time_problem(quote: str, words: str) -> str | None:
    """None when the time words (an as_of_text, canonical like `quote`) stand whole in the quote; else
    why not. `3분기` out of `지난해 3분기`, read alone, is this year's third quarter: an as_of checked
    against it would pass with the wrong year."""
    starts = []
    i = quote.find(words)
    while i != -1:
        before = quote[i - 1] if i > 0 else ""
        after = quote[i + len(words)] if i + len(words) < len(quote) else ""
        if not (before.isdigit() or after.isdigit()):
            starts.append(i)
        i = quote.find(words, i + 1)
    if not starts:
        return f"the time words '{words}' are only part of a number of the quote; copy them whole"
    found = whole_date_start(quote, words, starts)
    return None if isinstance(found, int) else found.replace("the date '", "the time words '", 1)


# How far around a quote a date of the article may reach (지난해 8월 22일(현지시각)부터 나흘 동안 is 25).
CONTEXT = 32


def whole_date_in_article(segment: str, quote_start: int, quote: str, written: str) -> str | None:
    """None when the date `written` (found whole in `quote`) is whole in the article too; else why not.

    The quote may start or stop inside the article's date: `8월 출시했다` out of `2023년 8월
    출시했다` holds the whole date `8월` as far as the quote goes, and read alone it is counted from
    the publication year. Only a window around the quote is read: a date is short."""
    if whole_sentences(segment, quote_start, quote_start + len(quote)):
        return None  # the article reads the quote's dates as the quote alone does (checks.quotes)
    i = quote.find(written)
    while i != -1 and isinstance(whole_date_start(quote, written, [i]), str):
        i = quote.find(written, i + 1)
    if i == -1:
        return None  # the quote's own check (whole_date_start) says what is wrong
    a = max(0, quote_start - CONTEXT)
    window = segment[a : quote_start + len(quote) + CONTEXT]
    found = whole_date_start(window, written, [quote_start + i - a])
    if isinstance(found, int):
        return None
    return found.replace(
        "the quote's date", "the article's date (the quote starts or ends inside it)", 1
    ).replace("in the quote (", "in the article (", 1)


# How far before a time its sentence is read for the earlier times that give it its year or month.
SENTENCE_CHARS = 400


def time_in_context_problem(
    segment: str, quote_start: int, quote: str, written: str, published: date
) -> str | None:
    """None when the time words `written` (whole in `quote`, placed at `quote_start` of the canonical
    body segment) name, read alone, the days the reader reads there in the article; else why not.

    A date claim and an as_of_text are read alone, against the publication date. A time that leaves
    out its year or month is then the publication date's; in its sentence, an earlier time may give it
    another (`4월` of `2021년 3월과 4월`: April 2021, not of the publication year), or words before it
    count it from another time (`3월` of `이듬해 3월`). Read from its sentence's start (at most
    SENTENCE_CHARS back), with the article's publication date."""
    i = quote.find(written)
    while i != -1 and isinstance(whole_date_start(quote, written, [i]), str):
        i = quote.find(written, i + 1)
    if i == -1:
        return None  # the extent checks say what is wrong
    at = quote_start + i
    begin = max(0, at - SENTENCE_CHARS)
    begin = max((m.start() for m in SENTENCE_START.finditer(segment, begin, at + 1)), default=begin)
    here = next((r for r in find_times(segment, published, begin, at + 1) if r.start <= at < r.end), None)
    if here is None:
        return None
    try:
        alone = read_time(written, published)
    except NotATime:
        return None  # the reader says what it makes of the words alone
    if here.span is not None and here.span == alone.span:
        return None  # 2020년 12월 of 지난 2020년 12월: 지난 only stresses the past
    if here.start < at:
        return (
            f"in the article '{written}' is part of the time '{here.text}'"
            + (f" ({here.why})" if here.span is None else "")
            + f": read alone it names {alone.describe()}, which the article does not say"
        )
    if here.span is None:
        return f"read alone '{written}' names {alone.describe()}, but in the article's sentence {here.why}"
    return (
        f"read alone '{written}' names {alone.describe()}, but in the article's sentence it names "
        f"{here.describe()}"
    )
