"""The time a figure refers to, as a half-open interval of days [start, end).

`as_of` forms (schema/claims.schema.json): YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, and an
interval START/END of those (END included: 2021/2023 is the three years 2021, 2022 and 2023).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_ONE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?\Z")


@dataclass(frozen=True, order=True)
class Span:
    start: date
    end: date  # exclusive

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def label(self) -> str:
        """The shortest as_of form naming exactly this span."""
        s, e = self.start, self.end
        last = e - timedelta(days=1)
        if e == s + timedelta(days=1):
            return s.isoformat()
        if s.day == 1 and e.day == 1:
            months = (e.year - s.year) * 12 + e.month - s.month
            if s.month == 1 and months == 12:
                return f"{s.year}"
            if months == 1:
                return f"{s.year}-{s.month:02d}"
            if months == 3 and s.month % 3 == 1:
                return f"{s.year}-Q{s.month // 3 + 1}"
            if months == 6 and s.month in (1, 7):
                return f"{s.year}-H{1 if s.month == 1 else 2}"
            if s.month == 1 and e.month == 1:
                return f"{s.year}/{last.year}"
            return f"{s.year}-{s.month:02d}/{last.year}-{last.month:02d}"
        return f"{s.isoformat()}/{last.isoformat()}"


def _one(text: str) -> Span:
    m = _ONE.match(text)
    if not m:
        raise ValueError(f"not a time: {text!r}")
    year = int(m.group(1))
    if m.group(3):
        start = date(year, int(m.group(2)), int(m.group(3)))  # ValueError on 2023-02-30
        return Span(start, start + timedelta(days=1))
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"no month {month}")
        return Span(date(year, month, 1), _month_start(year, month + 1))
    if m.group(4):
        q = int(m.group(4))
        return Span(date(year, 3 * q - 2, 1), _month_start(year, 3 * q + 1))
    if m.group(5):
        h = int(m.group(5))
        return Span(date(year, 6 * h - 5, 1), _month_start(year, 6 * h + 1))
    return Span(date(year, 1, 1), date(year + 1, 1, 1))


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def parse_as_of(text: str) -> Span:
    """The span an `as_of` value names; ValueError if it names none."""
    try:
        return _parse_as_of(text)
    except OverflowError:  # 9999-12-31: its day after is past the end of the calendar
        raise ValueError(f"{text!r} reaches past the end of the calendar") from None


def _parse_as_of(text: str) -> Span:
    if "/" in text:
        first, _, last = text.partition("/")
        a, b = _one(first), _one(last)
        if b.end <= a.start:
            raise ValueError(f"{text!r} ends before it starts")
        return Span(a.start, b.end)
    return _one(text)


def day(d: date) -> Span:
    return Span(d, d + timedelta(days=1))
