"""The time reader: calendar times written in Korean news text, resolved against the article's
publication date.

Two uses (issue 7): an event date is a claim (`unit: date`, read from `as_written` by `read_date`), and
a claim's `as_of` must agree with what its `as_of_text` says (`read_time`). `find_times` lists every
calendar time in running text, for `claims coverage`.

What a careful Korean reader does, and so what this reader does (README, "Comparison", has the table):

- `2020년`, `2020년 12월`, `2023년 8월 22일`, `2021년 3분기`, `2022년 상반기`, `2020년대`, `2020.12.7`,
  `2023-08-28`: absolute, as written.
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
  itself those words are ambiguous too.
- `N일` without a month is the most recent day N on or before the publication day (this month when
  N <= the publication day, else the month before); `지난 N일` the most recent before it, `오는 N일`
  the next after it. `(현지시간)` and `현지시간 N일` leave the day as written.
- `연말`, `연초` without a year are of the publication year (some time within it).
- Intervals: `21일부터 나흘 동안` (the 21st and the three days after), `21~24일`, `2021~2022년`,
  `2021년부터 2023년까지`. `2023년까지` ("until 2023") and `21일부터` ("from the 21st") name one end
  of a time: their span is the named time, their relation "until" or "from".
- `초`/`말`/`중` (`2021년 말`, `8월 초`, `연말`) name a time somewhere within the span (vague);
  `초순`/`중순`/`하순` are the days 1-10, 11-20 and 21 to the end of the month.
- `최근` (recently), `당시`, `출범 당시`, `현재`, `그동안`: no calendar time. The reader says so and
  never guesses.

Everything the reader reads is exact: a span of whole days, [start, end). Patterns look at bounded
windows only (no unbounded repetition), so hostile input cannot make them backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

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
    "이후",
    "이전",
    "출범",
    "설립",
    "취임",
    "공개",
)


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

    def describe(self) -> str:
        """The time in words a reader of a problem message understands."""
        if self.span is None:
            return f"no calendar time ({self.why})"
        label = self.span.label()
        if self.vague and self.within is not None:
            part = "early" if self.span.start == self.within.start else "late"
            label = f"a time {part} in {self.within.label()} (within {label})"
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

    def __init__(self, message: str, position: int = 0, no_calendar_time: bool = False) -> None:
        super().__init__(f"{message} (at offset {position})")
        self.message = message
        self.position = position
        self.no_calendar_time = no_calendar_time


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


def _shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + by
    return k // 12, k % 12 + 1


# --- patterns --------------------------------------------------------------------------------------

_HANGUL = "가-힣"
_S = r"[ \t]?"  # at most one space between parts (running text is whitespace-folded first)
# Words after a number that make it a duration or an amount, not a calendar time: 3년간, 5일 동안,
# 8개월 만에, 30년이 넘는, 5년차.
_NOT_YEAR = rf"(?!{_S}(?:간|동안|만(?![{_HANGUL}])|만에|째|차|이상|넘|여|가량|정도))"
_NOT_DAY = (
    rf"(?!{_S}(?:(?:간|만|째|차|씩|치|여|전|후|뒤|내)(?![{_HANGUL}])|동안|만에|이내|이상|이하|미만|넘|연속|"
    r"가량|정도|전에|후에|뒤에|내에|안에|분))"
)
_NOT_MONTH = rf"(?!{_S}(?:간|동안|분(?![기{_HANGUL}])))"
_RANGE = r"[~∼〜～]"
_PAREN_LOCAL = re.compile(
    rf"{_S}\((?:미국{_S}|현지{_S}|한국{_S})?(?:현지시간|현지{_S}시간|현지시각|현지{_S}시각|한국시간|한국{_S}시간)\)"
)
_PAREN_WEEKDAY = re.compile(rf"{_S}\([월화수목금토일]\)")
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
_QUARTER = re.compile(rf"([1-4]){_S}(?:[·/]{_S}4{_S})?분기(?!{_S}(?:연속|째|동안|만에|간(?![{_HANGUL}])))")
_HALF = re.compile(r"(상|하)반기")
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
    day_range: tuple[int, int] | None = None
    year_unsaid: bool = False  # 연말, 연초 alone: the year is not written


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
        if m := self.match(_DECADE, p):
            parts.decade = int(m.group(1))
            return parts, m.end()
        if m := self.match(_YEAR_RANGE, p):
            parts.year_range = (int(m.group(1)), int(m.group(2)))
            return parts, m.end()
        if m := self.match(_NUMERIC_DATE, p):
            parts.year, parts.month, parts.day = int(m.group(1)), int(m.group(3)), int(m.group(4))
            return parts, m.end()
        if m := self.match(_NUMERIC_MONTH, p):
            parts.year, parts.month = int(m.group(1)), int(m.group(2))
            if 1 <= parts.month <= 12:
                return parts, m.end()
            return None
        end = p
        if m := self.match(_YEAR, p):
            parts.year = int(m.group(1))
            end = m.end()
            if parts.direction == "오는":
                return None  # 오는 2025년: a plain year; "오는" before a year is rare and unneeded
            parts.direction = None  # 지난 2020년 12월: "지난" only stresses that it is past
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
                if d := self.match(_DAY_RANGE, q):
                    parts.day_range = (int(d.group(1)), int(d.group(2)))
                    return parts, self._day_tail(d.end())
                if d := self.match(_DAY, q):
                    parts.day = int(d.group(1))
                    return parts, self._day_tail(d.end())
                if m := self.match(_MODIFIER_OK_AFTER, end):
                    parts.modifier = m.group(1)
                    end = m.end()
                return parts, end
            if (w := _word_at(t, p, _REL_WEEK)) is not None:
                parts.week_offset = _REL_WEEK[w]
                return parts, p + len(w)
            if (w := _word_at(t, p, _REL_DAY)) is not None:
                parts.day_offset = _REL_DAY[w]
                return parts, p + len(w)
        return self._year_part(p, parts)

    def _year_part(self, p: int, parts: _Parts) -> tuple[_Parts, int] | None:
        """What may follow a year (or stand alone): a quarter, a half, a month (and day), a day."""
        if m := self.match(_QUARTER, p):
            parts.quarter = int(m.group(1))
            return parts, m.end()
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
        if m := self.match(_MONTH, p):
            parts.month = int(m.group(1))
            end = m.end()
            q = self.ws(end)
            if d := self.match(_DAY_RANGE, q):
                parts.day_range = (int(d.group(1)), int(d.group(2)))
                return parts, self._day_tail(d.end())
            if d := self.match(_DAY, q):
                parts.day = int(d.group(1))
                return parts, self._day_tail(d.end())
            if mod := self.match(_MODIFIER_OK_AFTER, end):
                parts.modifier = mod.group(1)
                end = mod.end()
            return parts, end
        if parts.year is None and parts.year_offset is None:
            if d := self.match(_DAY_RANGE, p):
                parts.day_range = (int(d.group(1)), int(d.group(2)))
                return parts, self._day_tail(d.end())
            if d := self.match(_DAY, p):
                parts.day = int(d.group(1))
                return parts, self._day_tail(d.end())
        return None

    def _day_tail(self, p: int) -> int:
        for pattern in (_PAREN_WEEKDAY, _PAREN_LOCAL):
            if m := self.match(pattern, p):
                p = m.end()
        return p

    # --- resolving --------------------------------------------------------------------------------

    def resolve(self, parts: _Parts, base: _Parts | None = None) -> tuple[Span, str, bool, bool, str]:
        """(span, precision, vague, relative, how): ValueError (with a message) when unresolvable.

        `base` is the start of a `… 부터 … 까지` interval: the end inherits its year and month."""
        pub = self.pub
        if parts.decade is not None:
            return Span(date(parts.decade, 1, 1), date(parts.decade + 10, 1, 1)), "decade", False, False, ""
        if parts.year_range is not None:
            a, b = parts.year_range
            if b <= a:
                raise ValueError(f"{a}~{b}년 ends before it starts")
            return Span(date(a, 1, 1), date(b + 1, 1, 1)), "interval", False, False, ""
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
            if year is None and b > pub.month:
                raise ValueError(f"'{a}~{b}월' without a year, ending after the publication month: ambiguous")
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
                    try:
                        interval_end = self.resolve(second[0], base=self._anchor(parts))[0]
                    except (ValueError, OverflowError) as exc:  # OverflowError: the day after 9999-12-31
                        interval_error = str(exc)
                    relation = "from-to"
                    text_end = second[1]
                    consumed = second[1] + 2
                else:
                    relation = "from"
                    consumed = end + 2
        elif self.t.startswith("까지", end):
            relation = "until"
            consumed = end + 2
        text = self.t[p:text_end]
        try:
            span, precision, vague, relative, how = self.resolve(parts)
            if relation == "for-days":
                if precision != "day":
                    raise ValueError(f"'{text}': a number of days counted from a {precision}, not a day")
                span = Span(span.start, span.start + timedelta(days=interval_days))
                precision, relation = "interval", "at"
            elif relation == "from-to":
                if interval_error:
                    raise ValueError(interval_error)
                assert interval_end is not None
                if interval_end.end <= span.start:
                    raise ValueError(f"'{text}' ends before it starts")
                span = Span(span.start, interval_end.end)
                precision, relation, vague = "interval", "at", False
        except (ValueError, OverflowError) as exc:
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

    def _anchor(self, parts: _Parts) -> _Parts:
        """The year and month a `… 까지` end inherits from the start of the interval."""
        try:
            span = self.resolve(parts)[0]
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
        if prev.isdigit() or prev in ".,_@/:-":
            return False
        # 8월 after '23년 or 23년: a year the reader does not read (a two-digit year) comes first; alone,
        # the month would be counted from the publication year, a silent wrong year.
        return not _AFTER_A_YEAR.search(text, max(0, i - 8), i)
    return True


_AFTER_A_YEAR = re.compile(r"\d[ \t]?년[ \t]?\Z")


def find_times(text: str, published: date) -> list[TimeReading]:
    """Every calendar time in running text, in order, not overlapping. Unresolvable ones are listed
    too (span None, with why): they are times all the same, and an editor must claim or skip them."""
    if not isinstance(text, str):
        return []
    parser = _Parser(text, published)
    out: list[TimeReading] = []
    i, n = 0, len(text)
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
        out.append(reading)
        i = max(reading.end, i + 1)
    return out


_SUFFIXES = ("기준", "현재", "에는", "에도", "에", "의", "엔", "께", "경", "쯤", "무렵", "중", "내")


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
        if any(word in text for word in NO_CALENDAR_TIME):
            raise NotATime(f"'{text}' names no calendar time", 0, no_calendar_time=True)
        raise NotATime(f"'{text}' is not a time the reader knows", 0)
    reading, end = got
    rest = text[end:].strip()
    while rest:
        suffix = next((s for s in _SUFFIXES if rest.startswith(s)), None)
        if suffix is None:
            break
        if suffix in ("중", "내", "께", "경", "쯤", "무렵"):
            reading = _vague(reading)
        rest = rest[len(suffix) :].strip()
    if rest:
        where = len(text) - len(rest)
        raise NotATime(f"'{rest}' after '{text[:end]}': the reader cannot say what time that is", where)
    if reading.span is None:
        raise NotATime(f"'{text}' cannot be resolved: {reading.why}", 0)
    return reading


def _vague(r: TimeReading) -> TimeReading:
    return TimeReading(
        r.text, r.start, r.end, r.span, r.precision, r.relation, True, r.relative, r.why, r.within
    )


def read_date(text: str, published: date) -> TimeReading:
    """An event date as a claim writes it (`as_written`), read as days. NotATime when it is not one."""
    return read_time(text, published)


# The extent of a time in running text does not depend on the publication date (only its days do).
_ANY_PUBLICATION = date(2000, 1, 1)
# Two publication dates far apart: words naming the same days under both name the same days always.
_TWO_PUBLICATIONS = (date(2001, 6, 15), date(2017, 11, 3))


def _same_days(part: str, whole: str) -> bool:
    """Whether `part`, read alone, names the days `whole` names whatever the publication date."""
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
    readings = find_times(quote, _ANY_PUBLICATION)
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
    if not _AFTER_A_YEAR.search(quote, max(0, s - 8), s):
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
    ).replace("in the quote (after", "in the article (after", 1)
