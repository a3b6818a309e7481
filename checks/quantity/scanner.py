"""The scanner: reads one figure (`read_quantity`) or every figure in running text (`find_quantities`).

Each step looks at a bounded window of the text, so hostile input cannot trigger regex backtracking and
`find_quantities` runs in time linear in the input. The tables it reads live in `tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from .model import NotAFigure, Quantity
from .tables import (
    _ADVERB_INDEX,
    _AGE_NOUNS,
    _BARE_NEEDS,
    _BARE_NOT_WORDS,
    _CALENDAR_UNITS,
    _COHORTS,
    _COMPARATIVE_INDEX,
    _COMPOUND,
    _COUNTER_NOT_BEFORE,
    _DAE_FOLLOWERS,
    _DASHES,
    _DAY_INDEX,
    _DAY_WORDS,
    _DIGIT_ONLY_COUNTERS,
    _DIGITS,
    _FOLLOWERS,
    _FULL_WIDTH,
    _FULL_WIDTH_CHARS,
    _GAN_FOLLOWERS,
    _GENERAL_INDEX,
    _GENERAL_UNITS,
    _GLUED_ONLY,
    _HALF_FOLLOWERS,
    _HALF_INDEX,
    _HALF_UNITS,
    _HALF_WORDS,
    _HANGUL_STARTS,
    _INSTALLATION_NOUNS,
    _LARGE,
    _LARGE_BLOCKERS,
    _MACHINE_NOUNS,
    _NATIVE_INDEX,
    _NATIVE_ONES,
    _NATIVE_PAIRS,
    _NATIVE_TENS,
    _NO_BRACKET,
    _NOT_FIGURES_INDEX,
    _NOT_YET_INDEX,
    _NOTE_SUFFIX,
    _NUMBER_LABEL_NOUNS,
    _OFFICE_NOUNS,
    _ONES_INDEX,
    _ONLY_PREDICATES,
    _OVER_INDEX,
    _PLACES,
    _POSTQUAL_INDEX,
    _PREDICATE_PARTICLES,
    _PREDICATES,
    _PREFIX_CURRENCIES,
    _PREFIX_ONLY_STARTS,
    _PREQUAL_INDEX,
    _RANGE_MARKS,
    _SCALED_UNITS,
    _SHARE_NOUNS,
    _SHARE_VERBS,
    _SHARE_WORDS,
    _SIGN_INDEX,
    _SIGN_WORDS,
    _SIGNED_UNITS,
    _SIGNS,
    _SINO_DIGITS,
    _SINO_PAIRS,
    _SPACED_UNIT_WORDS,
    _START_CHARS,
    _START_RE,
    _STRICT_FOLLOWERS,
    _TEMPERATURE_UNITS,
    _TENS_INDEX,
    _TIME_UNITS,
    _TOP_N_NOUNS,
    _TRIANGLES,
    _UNREAD_INDEX,
    _VAGUE_ATTACHED_OK,
    _WEEK_AFTER,
    _WEEK_AFTER_NOT,
    _WEEK_BEFORE,
    _WEEK_SHARE_PARTICLES,
    _WEEK_VERBS,
    _WS,
    APPROX_TOLERANCE,
    HOUSEHOLDS_FROM,
    LOOK_BACK_CHARS,
    MAX_DIGITS,
    MAX_GAP,
    NATIVE_COUNTERS,
    NOT_FIGURES,
    QUALIFIERS,
    REFUSED_COUNTERS,
    SHARES_FROM,
    UNREAD_WORDS,
    WEEKS_AT_MOST,
    _is_hangul,
    _is_latin,
)

# 헌법 1조, 형법 250조, 시행령 3조: words after which a bare N조 is an article of the law.
_LAW_WORDS: tuple[str, ...] = ("법", "령", "규칙", "조례", "헌장", "협약", "개정안", "규정", "정관")
# 4세 경영, 오너 3세: the words around N세 that make it a generation of an owner family.
_HEIR_AFTER: tuple[str, ...] = ("경영", "승계", "체제")
_HEIR_BEFORE: tuple[str, ...] = ("오너", "재벌", "총수", "창업", "家")
# 하다/되다 after a Hangul numeral and a unit make the whole a verb: 천명하다 (declare), 구명하다.
_VERB_SYLLABLES: frozenset[str] = frozenset("하한했해함할됐된되")
# US$100 million, $1.5 billion, $2.5M: English scale words are not read, and the figure without its
# scale word is a million or a billion times too small (issue 10: a wrong figure must not pass).
_SCALE_WORD_RE = re.compile(
    r"[ \u00a0]?(thousand|million|billion|trillion|[mbt]n)(?![A-Za-z])", re.IGNORECASE
)
_SCALE_LETTER_RE = re.compile(r"[KMB](?![A-Za-z])")  # glued to an amount in a currency: $2.5M, $3B
_CURRENCY_SIGNS = "$€£¥₩"
# 2030세대, 5060세대: two neighbouring age brackets written as one number.
_DECADE_PAIRS: frozenset[Fraction] = frozenset(Fraction(100 * a + a + 10) for a in range(10, 90, 10))
# 1300원선, 3%선, 코스피 2,500선: 선 (the level of) after money, rates and index points (round 3).
_LEVEL_UNITS: frozenset[str] = frozenset({"KRW", "USD", "EUR", "JPY", "CNY", "GBP", "percent", "point"})
# 2만 톤급, 1조원급, 2000cc급, 17만㎥급: 급 (of the class of) after a measure or an amount (round 3).
_CLASS_UNITS: frozenset[str] = frozenset(
    {"ton", "kg", "mL", "litre", "m3", "m", "km", "inch", "kW", "MW", "GW", "nm", "GB", "TB"}
    | {"KRW", "USD", "EUR", "JPY", "CNY", "GBP"}
)
_MONEY_UNITS: frozenset[str] = frozenset({"KRW", "USD", "EUR", "JPY", "CNY", "GBP"})
# Glued after these units, 선/급/제 are markers, not the start of a word (round 3).
_UNIT_SUFFIXES: dict[str, frozenset[str]] = {
    "선": _LEVEL_UNITS,
    "급": _CLASS_UNITS,
    "제": frozenset({"year", "month", "week", "day", "hour"}),  # 주 52시간제, 주 5일제, 4년제 대학
    # 55인치형 TV, 전용 84㎡형 (a model, a size type); 55인치형 was read as 55 people (인 + 치) before.
    "형": frozenset({"inch", "m2", "ton", "kg", "mL", "litre", "GB", "TB", "nm", "kW", "MW", "GW"}),
    # 오후 3시께, 2시경, 15일께, 3월경, 2030년경: around that time (issue 8, second review; 2시경 was refused
    # and 오후 2시경 not found at all).
    "께": frozenset({"clock-hour", "day", "calendar-month", "year"}),
    "경": frozenset({"clock-hour", "day", "calendar-month", "year"}),
}
# The syllables of 되다 (to come to): 되는, 된다, 됐다, 될, 돼, 됩니다.
_BECOME: frozenset[str] = frozenset("되된됐될돼됩")
_COME_PARTICLES: frozenset[str] = frozenset("이가도")
_LIST_MARKS: frozenset[str] = frozenset(",· ")
# Units a figure in parentheses never restates another figure in (2조원(2023년), 30%(1위)); a year only after
# a time (3년(36개월) is a pair, 2조원(2023년) is not).
# What a figure in parentheses may restate: the same measure in another unit (1억 달러(약 1200억원),
# 3년(36개월), 10㎞(6.2마일)). Anything else there is another figure: a date or a rank says when or where
# (매출 2조원(2023년), 점유율 30%(1위)), and a share or a multiple is a second fact (직원 3만명(30%), 매출
# 2조원(30%), 100명(2배)): paired, it was hidden from running text (a claim of the 30% covered the 3만명).
# An index's move in points is restated as a percentage (코스피는 23.45포인트(0.94%) 내린): the same move.
_RESTATES: dict[str, str] = {
    **{unit: "money" for unit in ("KRW", "USD", "EUR", "JPY", "CNY", "GBP")},
    **{unit: "time" for unit in ("year", "month", "week", "day", "hour", "minute", "second", "quarter")},
    **{unit: "length" for unit in ("km", "m", "cm", "mm", "nm", "inch")},
    **{unit: "area" for unit in ("km2", "m2", "ha", "hectare", "pyeong")},
    **{unit: "volume" for unit in ("m3", "litre", "mL", "barrel")},
    **{unit: "mass" for unit in ("t", "ton", "kg", "g")},
    **{unit: "energy" for unit in ("kWh", "MWh", "GWh", "TWh")},
    **{unit: "power" for unit in ("kW", "MW", "GW")},
    **{unit: "data" for unit in ("GB", "TB")},
}
# Units whose figure the second review looks at again (unit_is_read).
_SECOND_LOOK: frozenset[str] = frozenset(_MONEY_UNITS | {"clock-hour", "occurrence"})
# Labels that are a list's last item can be read alone (3·4분기 → 4분기 is one of the two quarters named);
# counts cannot (피해자 2, 3명 is two or three people, not three; 20·30대 are the twenties and thirties).
_LIST_LABEL_UNITS: frozenset[str] = frozenset(
    {"calendar-month", "clock-hour", "rank", "ordinal", "floor", "quarter"}
)
# 23년 4분기, 24년 상반기: a two-digit year before these is a year written short (2023), not 23 years.
_SHORT_YEAR_BEFORE: tuple[str, ...] = (
    "상반기",
    "하반기",
    "상·하반기",
    "연간",
    "1분기",
    "2분기",
    "3분기",
    "4분기",
)
# Units whose ranges count labels (이달 1~20일, 1~20위, 1~20층): 1~20 there is one to twenty, never the
# spoken 10~20 (round 3, see spoken_tens). Not years: 2~30년 (걸린다) is said for 20~30 years.
_LABEL_UNITS: frozenset[str] = frozenset(
    {"day", "calendar-month", "clock-hour", "rank", "ordinal", "floor", "quarter"}
)

# ---------------------------------------------------------------------------------------------------
# Internal results


@dataclass
class _Interval:
    low: Fraction | None
    high: Fraction | None
    low_inc: bool
    high_inc: bool

    @staticmethod
    def point(v: Fraction) -> _Interval:
        return _Interval(v, v, True, True)


@dataclass
class _Num:
    end: int
    value: Fraction
    has_large: bool
    last_large: int | None
    has_place: bool
    decimal: bool
    yeo_pos: int | None  # 여 written before the last large unit (2000여억)
    head: int = 1  # what the first coefficient multiplies: 1000 * 10**8 in 5천억, 10**8 in 4000억


@dataclass
class _Core:
    start: int
    end: int
    value: Fraction | None
    base: _Interval
    kind: str  # "arabic" | "sino" | "native" | "vague" | "word" | "fraction"
    marks: list[tuple[int, str]] = field(default_factory=list)
    unit: str | None = None
    has_large: bool = False
    last_large: int | None = None
    has_place: bool = False
    decimal: bool = False
    signed: bool = False
    yeo: bool = False
    preset_unit: bool = False  # currency prefix or fused word: no unit may follow
    bare_vague: bool = False  # 수 / 몇 with no place word: needs a counter
    bare_man: bool = False  # 만 with no count (만 원): needs a unit, spaced in running text
    head: int = 1  # see _Num.head; a range's first number borrows it (4~5천억 = 4천억~5천억)


@dataclass
class _Endpoint:
    start: int
    end: int
    core: _Core
    value: Fraction | None
    base: _Interval
    unit: str | None
    pre: list[str]
    quals: list[tuple[int, str]]
    compound: bool = False  # 3년 6개월, 1시간 30분: read in the smaller unit
    # 영하 5~10도, 섭씨 20~30도: sign words and 섭씨 before a range wait for the range's unit and apply
    # to both ends (issue 8 review: a Korean reader reads 영하 5~10도 as −10 … −5 ℃).
    deferred: tuple[list[tuple[int, str]], bool] | None = None
    signed_by_word: bool = False


@dataclass
class _Figure:
    start: int
    end: int
    value: Fraction | None
    interval: _Interval
    unit: str | None
    quals: list[tuple[int, str]]
    endpoints: list[_Endpoint]
    paired: _Figure | None = None


# ---------------------------------------------------------------------------------------------------
# Bounds


def _next_step(v: Fraction) -> Fraction | None:
    """Place value of the last non-zero digit of v (80 → 10, 128 → 1, 1.5 → 1/10); None for 0."""
    if v <= 0:
        return None
    step = Fraction(1)
    x = v
    for _ in range(MAX_DIGITS * 2 + 2):
        if x.denominator == 1:
            break
        x *= 10
        step /= 10
    else:
        return None  # not a terminating decimal (never produced for a written number)
    n = x.numerator
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step


# What a predicate's direction becomes when the verb is negated (넘지 못했다: not over v = at most v).
_NEGATED_KIND: dict[str, str] = {
    "more-than": "at-most",
    "at-least": "less-than",
    "less-than": "at-least",
    "at-most": "more-than",
    "marker": "less-than",  # 달하지 못했다, 못 미친다: short of v
    "approaching": "less-than",
}


def _negated(words: list[str], kinds: list[str]) -> list[str]:
    """A negation turns the predicate next to it around: the one after it (못 미치는), else before it."""
    out = list(kinds)
    for i, k in enumerate(kinds):
        if k != "negation":
            continue
        j = i + 1 if i + 1 < len(kinds) and kinds[i + 1] in _NEGATED_KIND else i - 1
        if 0 <= j < len(kinds) and kinds[j] in _NEGATED_KIND:
            # 3%에 불과하지 않다 (not merely 3 %) is more than 3 %, not short of it.
            out[j] = "more-than" if words[j] in _ONLY_PREDICATES else _NEGATED_KIND[kinds[j]]
    return [k for k in out if k != "negation"]


def _apply(base: _Interval, words: list[str]) -> _Interval:
    """Apply bound qualifiers: approximation widens, then direction opens one side (docs: composition)."""
    kinds = [QUALIFIERS[w].kind for w in words]
    if "negation" in kinds:
        kinds = _negated(words, kinds)
    low, high, low_inc, high_inc = base.low, base.high, base.low_inc, base.high_inc
    t = APPROX_TOLERANCE
    if ("approx" in kinds or "approaching" in kinds) and low is not None:
        low = low - t * abs(low)
    if ("approx" in kinds or "slightly-over" in kinds) and high is not None:
        high = high + t * abs(high)
    lower = [k for k in kinds if k in ("at-least", "more-than")]
    upper = [k for k in kinds if k in ("at-most", "less-than")]
    if lower and upper:
        # "최대 10% 이상" contradicts itself; we do not guess, so the figure bounds nothing.
        return _Interval(None, None, False, False)
    if lower:
        return _Interval(low, None, low is not None and low_inc and "more-than" not in lower, False)
    if upper:
        return _Interval(None, high, False, high is not None and high_inc and "less-than" not in upper)
    return _Interval(low, high, low_inc, high_inc)


# ---------------------------------------------------------------------------------------------------
# The scanner


class _Parser:
    def __init__(self, text: str, strict: bool) -> None:
        self.orig = text
        self.t = text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHARS.search(text) else text
        self.n = len(text)
        self.strict = strict
        self.error: tuple[int, str] | None = None
        self.skip_to = 0  # find mode: a failed candidate may tell the caller where the junk ends
        self.range_refused: tuple[int, str, int] | None = None
        self.has_numerals: bool | None = None

    # -- small helpers ----------------------------------------------------------------------------

    def at(self, q: int) -> str:
        return self.t[q] if 0 <= q < self.n else ""

    def fail(self, q: int, message: str) -> None:
        # Only read_quantity reports why; running text just moves on (and saves the bookkeeping).
        if self.strict and (self.error is None or q >= self.error[0]):
            self.error = (q, message)

    def ws_end(self, q: int) -> int:
        """End of a short whitespace run at q (q itself when there is none or it is too long)."""
        r = q
        while r < self.n and self.t[r] in _WS and r - q <= MAX_GAP:
            r += 1
        return q if r - q > MAX_GAP else r

    def ends_word(self, q: int, followers: frozenset[str]) -> bool:
        c = self.at(q)
        return not _is_hangul(c) or c in followers

    def match(self, q: int, index: dict[str, tuple[str, ...]]) -> str | None:
        # The hottest lookup of the scan (about a third of its calls to at()): the character is read inline.
        words = index.get(self.t[q]) if 0 <= q < self.n else None
        if words is not None:
            for w in words:
                if self.t.startswith(w, q):
                    return w
        return None

    def unit_at(self, q: int, index: dict[str, tuple[str, ...]], followers: frozenset[str]) -> str | None:
        """Longest unit spelling at q that ends at a word boundary."""
        written = ""
        for w in index.get(self.at(q), ()):
            if not self.t.startswith(w, q):
                continue
            if written and written.startswith(w):
                # 52시간제, 3세대주택, 3%pts: a longer unit is written here and is no unit (a word goes on);
                # its first syllables are not a shorter unit (52시 + 간, 3세 + 대 read wrong before).
                continue
            written = w
            e = q + len(w)
            if _is_latin(w[-1]):
                if _is_latin(self.at(e)):
                    continue
            elif _is_hangul(w[-1]) and not self.ends_word(e, followers) and not self.level_or_class(w, e):
                continue
            if w == "대" and self.at(e) in _DIGITS:
                continue  # 1대1 (one-on-one), 3대0 (a score): not machines
            return w
        return None

    def level_or_class(self, w: str, e: int) -> bool:
        """Is the unit w followed at e by 선 (1300원선: the level of), 급 (2만 톤급: the class of) or 제
        (주 52시간제, 4년제: a system of)?"""
        c = self.at(e)
        if c not in _UNIT_SUFFIXES or not self.ends_word(e + 1, _FOLLOWERS):
            return False
        return _GENERAL_UNITS.get(w) in _UNIT_SUFFIXES[c]

    def skip_alnum(self, q: int) -> int:
        r = q
        while r < self.n and (self.t[r].isalnum() or self.t[r] in ".,") and r - q < 10 * MAX_DIGITS:
            r += 1
        return r

    # -- Arabic numbers ---------------------------------------------------------------------------

    def arabic_token(self, q: int) -> tuple[int, int | Fraction, bool] | None:
        """Digits with optional comma groups (1,200) and decimals (1.5): (end, value, is_decimal)."""
        t, n = self.t, self.n
        r = q
        while r < n and t[r] in _DIGITS:
            r += 1
            if r - q > MAX_DIGITS:
                while r < n and t[r] in _DIGITS:
                    r += 1
                self.skip_to = max(self.skip_to, r)
                self.fail(q, f"more than {MAX_DIGITS} digits in a row")
                return None
        if r == q:
            return None
        digits = t[q:r]
        if r - q <= 3:
            # 1,200 and 127,010,000: exactly three digits per group; "1,2위" stops before the comma.
            while (
                self.at(r) == ","
                and len(t[r + 1 : r + 4]) == 3
                and all(c in _DIGITS for c in t[r + 1 : r + 4])
                and self.at(r + 4) not in _DIGITS
                and len(digits) + 3 <= MAX_DIGITS
            ):
                digits += t[r + 1 : r + 4]
                r += 4
        if self.at(r) == "," and self.at(r + 1) in _DIGITS:
            k = r + 1
            while k < n and t[k] in _DIGITS and k - r <= MAX_DIGITS:
                k += 1
            if k - r - 1 != 1:  # one digit is a list (1,2위; 3,4분기): the figure stops before the comma
                # 1,00명 or 1,0000원: a misplaced comma; any reading of it would be a guess.
                self.skip_to = max(self.skip_to, k)
                self.fail(q, f'"{t[q:k]}": digit groups after a comma have exactly three digits (1,000)')
                return None
        if self.at(r) == "." and self.at(r + 1) in _DIGITS:
            s = r + 1
            while s < n and t[s] in _DIGITS and s - r <= MAX_DIGITS:
                s += 1
            if s - r > MAX_DIGITS:
                self.fail(r, f"more than {MAX_DIGITS} decimal digits")
                return None
            frac = t[r + 1 : s]
            return s, Fraction(int(digits + frac), 10 ** len(frac)), True
        return r, int(digits), False  # an int until the end: Fraction arithmetic is slow

    def chain_end(self, q: int) -> int | None:
        """End of a date/time/version/phone-like chain (2020.12.7, 2023-08-28, 06:00), else None."""
        t, n = self.t, self.n

        def digits(r: int) -> int:
            s = r
            while s < n and t[s] in _DIGITS and s - r <= MAX_DIGITS:
                s += 1
            return s

        r = digits(q)
        sep = self.at(r)
        if sep == ":" and self.at(r + 1) in _DIGITS:
            r = digits(r + 1)
            while self.at(r) == ":" and self.at(r + 1) in _DIGITS:
                r = digits(r + 1)
            return r
        if sep not in (".", "-", "/"):
            return None

        def step(r: int) -> int | None:
            if self.at(r) != sep:
                return None
            s = r + 1
            if sep == "." and self.at(s) == " ":
                s += 1
            return digits(s) if self.at(s) in _DIGITS else None

        r1 = step(r)
        if r1 is None:
            return None
        r2 = step(r1)
        if r2 is None:
            return None
        end = r2
        for _ in range(8):
            nxt = step(end)
            if nxt is None:
                break
            end = nxt
        return end

    def small(self, q: int, script: str) -> tuple[int, int | Fraction, bool, bool, int] | None:
        """A number below 만 written with digits and/or 천백십 (3천5백, 삼천육백, 1,200, 1.5, 4천 5백).

        Returns (end, value, has_place_word, is_decimal, place of the first term)."""
        total: int | Fraction = 0
        last_place: int | None = None
        first_place = 1
        pos = q
        terms = 0
        decimal = False
        has_place = False
        while True:
            if terms and last_place is not None and self.at(pos) in _WS:
                # 4천 5백만, 백 이십 명: a space between the terms of one group, read only when the next
                # term carries a smaller place word (4천 500명 stays two numbers).
                g = self.ws_end(pos)
                if g == pos or not self.term_with_place(g, script, last_place):
                    break
                pos = g
            coef: int | Fraction | None = None
            ce = pos
            cdec = False
            if script == "arabic":
                tok = self.arabic_token(pos)
                if tok is not None:
                    ce, coef, cdec = tok
            elif self.at(pos) in _SINO_DIGITS:
                coef, ce = _SINO_DIGITS[self.t[pos]], pos + 1
            if (
                not terms
                and coef is not None
                and ce < self.n
                and self.t[ce] in _WS
                and not cdec
                and 0 < coef < 10
            ):
                # 5 천 원, 오 천 원, 구 백 명: a one-digit coefficient spaced from its place word, read
                # only when a large unit or a unit follows the place word (read alone, 천 원 is 1,000).
                g = self.ws_end(ce)
                if (
                    g > ce
                    and self.at(g) in _PLACES
                    and (self.large_at(g + 1, None, script) is not None or self.unit_after(g + 1))
                ):
                    ce = g
            pc = self.at(ce)
            if pc in _PLACES:
                place = _PLACES[pc]
                c = 1 if coef is None else coef
                if (last_place is not None and place >= last_place) or decimal or not 0 < c < 10:
                    break
                if cdec and terms:
                    break
                total += c * place
                if not terms:
                    first_place = place
                last_place, has_place, decimal = place, True, cdec
                terms += 1
                pos = ce + 1
                continue
            if coef is not None:
                if last_place is not None and (cdec or decimal or coef >= last_place):
                    break
                total += coef
                pos = ce
                terms += 1
                decimal = decimal or cdec
            break
        if terms == 0:
            return None
        return pos, total, has_place, decimal, first_place

    def term_with_place(self, g: int, script: str, below: int) -> bool:
        """Does a term such as 5백 / 이십 / 백 start at g, with a place word smaller than `below`?"""
        c = self.at(g)
        r = g
        if script == "arabic":
            while r < self.n and self.t[r] in _DIGITS and r - g < 2:
                r += 1
            if r == g or self.at(r) in _DIGITS:
                return False
        elif c in _SINO_DIGITS:
            r = g + 1
        pc = self.at(r)
        return pc in _PLACES and _PLACES[pc] < below

    def starts_small(self, q: int, script: str) -> bool:
        c = self.at(q)
        if c in _PLACES:
            return True
        return c in _DIGITS if script == "arabic" else c in _SINO_DIGITS

    def large_at(self, r: int, last: int | None, script: str = "arabic") -> int | None:
        c = self.at(r)
        if c not in _LARGE:
            return None
        size = _LARGE[c]
        if last is not None and size >= last:
            return None
        nxt = self.at(r + 1)
        if script == "sino" and (nxt in _SINO_DIGITS or nxt in _PLACES):
            return size  # 일조사천억: the number goes on (조사 would be "investigation" after digits)
        if any(self.t.startswith(w, r) for w in _LARGE_BLOCKERS[c]):
            return None
        return size

    def calendar_unit_follows(self, q: int) -> bool:
        """A spaced last group is not joined before a date unit: "1억 2020년" is two figures."""
        for r in (q, self.ws_end(q)):
            w = self.unit_at(r, _GENERAL_INDEX, _FOLLOWERS)
            if w is not None and _GENERAL_UNITS[w] in _CALENDAR_UNITS:
                return True
        return False

    def count_unit_follows(self, q: int) -> bool:
        """Is the unit after a spaced last group (at q, or after a space) anything but money?"""
        for r in (q, self.ws_end(q)):
            w = self.unit_at(r, _GENERAL_INDEX, _FOLLOWERS)
            if w is not None:
                return _GENERAL_UNITS[w] not in _MONEY_UNITS
        return False

    def number(self, q: int, script: str) -> _Num | None:
        """Groups joined by large units: 3조6000억, 2억 5000만, 삼천육백억, 2000여억, 천만."""
        total: int | Fraction = 0
        last: int | None = None
        has_large = has_place = decimal = False
        yeo_pos: int | None = None
        pos, end, groups, spaced = q, q, 0, False
        head = 1
        while True:
            sm = self.small(pos, script)
            if sm is None and groups == 0 and script == "sino" and self.at(pos) == "만":
                sm = (pos, 1, False, False, 1)  # 만 원 = 10,000 won
            if sm is None:
                break
            s_end, s_val, s_place, s_dec, s_first = sm
            r = s_end
            yeo = self.at(r) == "여" and self.at(r + 1) in _LARGE and s_val > 0
            if yeo:
                r += 1
            size = self.large_at(r, last, script)
            if size is None and not yeo and self.at(r) in _WS:
                # 5 억 원, 2,000 억 원, 3천 만원: a space before the large unit (issue 8). In running text
                # only when a unit or more of the number follows, so "3 만에" stays a 3.
                g = self.ws_end(r)
                size = self.large_at(g, last, script) if g > r else None
                if size is not None and (self.strict or self.number_goes_on(g + 1, script)):
                    r = g
                else:
                    size = None
            if size is not None:
                if groups and (s_dec or s_val >= 10000):
                    break
                if not groups:
                    head = s_first * size
                total += s_val * size
                last, has_large = size, True
                has_place, decimal = has_place or s_place, decimal or s_dec
                groups += 1
                end = r + 1
                if yeo:
                    yeo_pos = r - 1
                    break
                if s_dec:
                    break
                if self.starts_small(end, script):
                    pos, spaced = end, False
                    continue
                g = self.ws_end(end)
                if g > end and self.starts_small(g, script):
                    pos, spaced = g, True
                    continue
                if script == "sino" and total == size == 10**4 and self.term_with_place(g, "arabic", 10**4):
                    # 만 5천 원 = 15,000 won: 만 written alone, the rest in digits.
                    script, pos, spaced = "arabic", g, g > end
                    continue
                break
            if yeo:
                break
            if groups == 0:
                total, end, has_place, decimal = s_val, s_end, s_place, s_dec
                head = s_first
                groups = 1
                break
            if spaced and self.at(s_end) in _LARGE:
                break  # "1억 2억": the second is its own figure
            if s_dec or s_val >= 10000:
                break
            if last is not None and last >= 10**8 and s_place and self.t[s_end - 1] in _PLACES:
                # 1억 5천, 3조 5천: said for 1억 5천만 and 3조 5천억, written out it is 100,005,000: the
                # reader cannot tell which was meant, so the figure is refused, not guessed.
                what = self.t[q:s_end]
                self.skip_to = max(self.skip_to, s_end)
                self.fail(q, f'"{what}": the last group has no 만/억 after it; write the unit (e.g. 5천만)')
                return None
            if spaced:
                if script == "sino" and not s_place and not self.unit_after(s_end):
                    # 삼억 이 회사, 삼만 일: a spaced lone syllable is "this" or "days" unless a unit follows.
                    break
                if self.calendar_unit_follows(s_end):
                    break
                if last is not None and last >= 10**8 and self.count_unit_follows(s_end):
                    # 당첨금 20억 5명, 1조 3개사: an amount and a count, not 2,000,000,005 people (round 3).
                    # Money keeps its exact last group (1억 500원, 1억 2345만 6789원); after 만 the last
                    # group joins (1만 5000명 = 15,000 people).
                    break
            total += s_val
            end = s_end
            has_place = has_place or s_place
            break
        if groups == 0:
            return None
        return _Num(end, Fraction(total), has_large, last, has_place, decimal, yeo_pos, head)

    def number_goes_on(self, e: int, script: str) -> bool:
        g = self.ws_end(e)
        return self.unit_after(e) or self.starts_small(e, script) or (g > e and self.starts_small(g, script))

    def arabic(self, q: int, start: int, negative: bool = False) -> _Core | None:
        chain = self.chain_end(q)
        if chain is not None:
            self.skip_to = max(self.skip_to, chain)
            what = self.t[start:chain]
            self.fail(q, f'"{what}" looks like a date, time, version or phone number, not a figure')
            return None
        num = self.number(q, "arabic")
        if num is None:
            return None
        value = -num.value if negative else num.value
        core = _Core(
            start,
            num.end,
            value,
            _Interval.point(value),
            "arabic",
            has_large=num.has_large,
            last_large=num.last_large,
            has_place=num.has_place,
            decimal=num.decimal,
            signed=start != q,
            head=num.head,
        )
        if num.yeo_pos is not None:
            self.apply_yeo(core, num.yeo_pos)
        return core

    def apply_yeo(self, core: _Core, pos: int) -> bool:
        """80여 → [80, 90); 2000여억 → [2000억, 3000억). False when 여 cannot apply (0, negative)."""
        core.marks.append((pos, "여"))
        core.yeo = True
        if core.kind == "vague":
            return True  # 수십여 명: already vague, 여 adds nothing
        if core.value is None:
            return False
        step = _next_step(core.value)
        if step is None:
            core.marks.pop()
            core.yeo = False
            return False
        core.base = _Interval(core.value, core.value + step, True, False)
        return True

    # -- Hangul numbers ---------------------------------------------------------------------------

    def hangul(self, q: int) -> _Core | None:
        word = self.not_a_figure_word(q)
        if word is not None:
            self.skip_to = max(self.skip_to, q + len(word))
            self.fail(q, f'"{word}" is the word "{NOT_FIGURES[word]}", not a figure')
            return None
        # Only read_quantity says why (running text finds no counter after them and moves on anyway).
        unread = self.match(q, _UNREAD_INDEX) if self.strict and self.t[q] in _UNREAD_INDEX else None
        if unread is not None:
            self.skip_to = max(self.skip_to, q + len(unread))
            self.fail(q, f'"{unread}" ({UNREAD_WORDS[unread]}) is not read as a figure; write the number')
            return None
        for reader in (self.day_word, self.half_word, self.native, self.vague):
            core = reader(q)
            if core is not None:
                return core
        if self.t[q : q + 2] in _SINO_PAIRS:
            # 이삼일, 삼사십 명; alone (이삼) refused with the pair's own message, not read as 이 + junk.
            core = self.sino_pair(q)
            if core is not None or self.strict:
                return core
        return self.sino(q)

    def day_word(self, q: int) -> _Core | None:
        w = self.match(q, _DAY_INDEX)
        if w is None or not self.ends_word(q + len(w), _STRICT_FOLLOWERS):
            return None
        v = Fraction(_DAY_WORDS[w])
        unit = "week" if w == "일주일" else "day"  # 일주일 is one week, the only week word
        return _Core(q, q + len(w), v, _Interval.point(v), "word", unit=unit, preset_unit=True)

    def not_a_figure_word(self, q: int) -> str | None:
        for w in _NOT_FIGURES_INDEX.get(self.t[q : q + 2], ()):
            if self.t.startswith(w, q):
                e = q + len(w)
                if w.endswith("분") and self.at(e) == "의":
                    return None  # 십분의 일, 이분의 일: fractions
                nxt = self.at(e)
                if nxt in _PLACES or nxt in _LARGE or (nxt in _SINO_DIGITS and self.at(e + 1) in _PLACES):
                    return None  # 일조이천억: the number goes on
                if all(c in _SINO_DIGITS or c in _PLACES or c in _LARGE for c in w):
                    g = self.ws_end(e)
                    if self.unit_after(e) or nxt in _SINO_DIGITS or (g > e and self.starts_small(g, "sino")):
                        return None  # 일조 원, 일조이만, 일조 이천억: all numerals, and the figure goes on
                return w
        return None

    def half_word(self, q: int) -> _Core | None:
        w = self.match(q, _HALF_INDEX)
        if w is not None and self.ends_word(q + len(w), _FOLLOWERS):
            v, unit = _HALF_WORDS[w]
            return _Core(q, q + len(w), v, _Interval.point(v), "word", unit=unit, preset_unit=True)
        if not self.t.startswith("절반", q) or not self.ends_word(q + 2, _FOLLOWERS):
            return None
        v = Fraction(50)
        return _Core(q, q + 2, v, _Interval.point(v), "word", unit="percent", preset_unit=True)

    def native(self, q: int) -> _Core | None:
        tens = self.match(q, _TENS_INDEX)
        r = q + (len(tens) if tens else 0)
        ones = None if tens == "스무" else self.match(r, _ONES_INDEX)
        if tens is not None and ones is None and tens != "스무" and self.at(r) in _WS:
            # 스물 세 명: the ones after a space, read only when a counter follows them.
            g = self.ws_end(r)
            spaced = self.match(g, _ONES_INDEX) if g > r else None
            if spaced is not None and spaced not in ("하나", "둘", "셋", "넷"):
                h = self.ws_end(g + len(spaced))
                second = self.match(h, _ONES_INDEX) if h > g + len(spaced) else None
                if second is not None and spaced + second in _NATIVE_PAIRS:
                    h = self.ws_end(h + len(second))  # 열 두 세 명: the pair 두세 after the tens
                if self.unit_at(h, _NATIVE_INDEX, _STRICT_FOLLOWERS) is not None:
                    r, ones = g, spaced
        if tens is None and ones is None:
            return None
        base_value = _NATIVE_TENS[tens] if tens else 0
        end = r + (len(ones) if ones else 0)
        if ones is not None and ones not in _NATIVE_PAIRS and self.at(end) in _WS:
            # 한 두 명, 두 세 개: a pair written with a space; read alone, 두 명 would be exactly two.
            g = self.ws_end(end)
            second = self.match(g, _ONES_INDEX) if g > end else None
            if second is not None and ones + second in _NATIVE_PAIRS:
                h = self.ws_end(g + len(second))
                if self.unit_at(h, _NATIVE_INDEX, _STRICT_FOLLOWERS) is not None:
                    ones, end = ones + second, g + len(second)
        if ones in _NATIVE_PAIRS:
            a, b = _NATIVE_PAIRS[ones]
            interval = _Interval(Fraction(base_value + a), Fraction(base_value + b), True, True)
            return _Core(q, end, None, interval, "native", marks=[(r, ones)])
        v = Fraction(base_value + (_NATIVE_ONES[ones] if ones else 0))
        return _Core(q, end, v, _Interval.point(v), "native")

    def vague(self, q: int) -> _Core | None:
        head = self.at(q)
        if head == "십" and self.at(q + 1) == "수":
            return self.ten_odd(q)
        if head not in ("수", "몇"):
            return None
        r = q + 1
        place = 1
        g = self.ws_end(r)
        if g > r and self.at(g) in _PLACES:
            r = g  # 수 백명, 몇 십 개: the place word after a space
        if self.at(r) in _PLACES:
            place = _PLACES[self.at(r)]
            r += 1
        word_end = r
        size = self.large_at(r, None)
        g = self.ws_end(r) if size is None and r < self.n and self.t[r] in _WS else r
        if g > r and self.large_at(g, None) is not None and self.unit_after(g + 1):
            # 수십 만 명, 수 만 명, 수백 억 원: the large unit after a space; alone, 만 명 would read 10,000.
            r = word_end = g
            size = self.large_at(r, None)
        if size is not None:
            if place == 1:
                word_end = r + 1
            r += 1
        else:
            size = 1
        low = Fraction(place * size)
        core = _Core(
            q,
            r,
            None,
            _Interval(low, 10 * low, True, False),
            "vague",
            marks=[(q, head + self.t[q + 1 : word_end].strip())],
            has_large=size > 1,
            last_large=size if size > 1 else None,
            has_place=r > q + 1,
            bare_vague=r == q + 1,
            head=place * size,
        )
        return core

    def sino_pair(self, q: int) -> _Core | None:
        """이삼일 = [2, 3] days, 오륙 명, 삼사십 명 = [30, 40], 이삼백억 원 (round 3): two neighbouring
        Sino-Korean digits, read only with a place word, a large unit or a unit after them."""
        word = self.t[q : q + 2]
        a, b = _SINO_PAIRS[word]
        r = q + 2
        place = size = 1
        if self.at(r) in _PLACES:
            place = _PLACES[self.t[r]]
            r += 1
        large = self.large_at(r, None, "sino")
        if large is not None:
            size = large
            r += 1
        if place == size == 1 and not self.unit_after(r):
            if self.strict:
                self.fail(
                    q, f'"{word}" ({a} or {b}) needs a counter or a place word after it (이삼일, 삼사십 명)'
                )
            return None
        m = place * size
        return _Core(
            q,
            r,
            None,
            _Interval(Fraction(a * m), Fraction(b * m), True, True),
            "sino",
            marks=[(q, word)],
            has_large=size > 1,
            last_large=size if size > 1 else None,
            has_place=place > 1,
            head=m,
        )

    def ten_odd(self, q: int) -> _Core | None:
        """십수 년 = (10, 20) years, 십수억 원 = (10억, 20억): 十數, "more than ten" (and less than 20)."""
        r = q + 2
        size = self.large_at(r, None)
        if size is not None:
            r += 1
        else:
            size = 1
        low = Fraction(10 * size)
        return _Core(
            q,
            r,
            None,
            _Interval(low, 2 * low, False, False),
            "vague",
            marks=[(q, "십수")],
            has_large=size > 1,
            last_large=size if size > 1 else None,
            has_place=True,
            head=10 * size,
        )

    def sino(self, q: int) -> _Core | None:
        c = self.at(q)
        if c == "영" and self.strict and not _is_hangul(self.at(q + 1)):
            return _Core(q, q + 1, Fraction(0), _Interval.point(Fraction(0)), "sino")
        if c in _LARGE and c != "만":
            self.fail(q, f'"{c}" needs a count before it (e.g. 1{c})')
            return None
        if not (c in _SINO_DIGITS or c in _PLACES or c == "만"):
            self.not_understood(q)
            return None
        num = self.number(q, "sino")
        if num is None:
            if self.error is None or self.error[0] < q:
                self.fail(q, f'"{c}" is not the start of a number')
            return None
        if c == "만" and num.end == q + 1 and not self.strict and not self.unit_after(num.end):
            return None  # 만 alone is 10,000 (read_quantity("만")), but in running text it is mostly "only"
        core = _Core(
            q,
            num.end,
            num.value,
            _Interval.point(num.value),
            "sino",
            has_large=num.has_large,
            last_large=num.last_large,
            has_place=num.has_place,
            bare_man=c == "만" and num.end == q + 1,
            head=num.head,
        )
        if num.yeo_pos is not None:
            self.apply_yeo(core, num.yeo_pos)
        return core

    def unit_after(self, q: int) -> bool:
        return any(self.unit_at(r, _GENERAL_INDEX, _FOLLOWERS) for r in (q, self.ws_end(q)))

    # -- one endpoint: [qualifier] number [여] [unit] [여|반|간|compound] --------------------------

    def core(self, q: int) -> _Core | None:
        c = self.at(q)
        if not c:
            self.fail(q, "no digits or Korean numerals")
            return None
        if c in _DIGITS:
            return self.arabic(q, q)  # first: most figures begin with a digit, no currency sign does
        for sym, key in _PREFIX_CURRENCIES:
            if self.t.startswith(sym, q) and self.at(q + len(sym)) in _DIGITS:
                core = self.arabic(q + len(sym), q)
                if core is not None:
                    core.unit, core.preset_unit = key, True
                return core
        if c in _SIGNS and self.at(q + 1) in _DIGITS:
            return self.arabic(q + 1, q, negative=c != "+")
        if _is_hangul(c):
            return self.hangul(q)
        self.not_understood(q)
        return None

    def not_understood(self, q: int) -> None:
        """Say what was not understood at q; "no digits or Korean numerals" only when that is true."""
        if not self.strict:
            return
        if self.has_numerals is None:  # computed once: this runs at many positions of running text
            self.has_numerals = any(c in _DIGITS for c in self.t)
        if not self.has_numerals:
            self.fail(q, "no digits or Korean numerals")
            return
        r = q
        while r < self.n and not self.t[r].isspace() and self.t[r] not in _DIGITS and r - q < 20:
            r += 1
        word = self.t[q : max(r, q + 1)]
        self.fail(q, f'"{word}" is not a number, a unit or a qualifier this reader knows')

    def fraction(self, core: _Core) -> _Core | None:
        """3분의 1 = one third, read as a percentage (100/3 %) so it compares with 33%."""
        q = core.end
        if not self.t.startswith("분의", q) and self.t.startswith("분의", self.ws_end(q)):
            q = self.ws_end(q)  # 3 분의 1
        if not self.t.startswith("분의", q) or core.value is None or core.yeo:
            return None
        if core.value <= 0 or core.value.denominator != 1 or core.signed:
            return None
        r = self.ws_end(q + 2)
        c = self.at(r)
        script = "arabic" if c in _DIGITS else "sino"
        if not self.starts_small(r, script) and c != "만":
            return None
        num = self.number(r, script)
        if num is None or num.yeo_pos is not None or any(c in _WS for c in self.t[r : num.end]):
            return None  # keep the numerator short: "3분의 1", "1만분의 1"
        w = self.unit_at(num.end, _GENERAL_INDEX, _STRICT_FOLLOWERS)
        if w is not None and _GENERAL_UNITS[w] != "percent":
            # 100분의 1초 is a hundredth of a second, not 1 % (round 3: read as 1 % before); the unit
            # after the numerator is attached as for any number.
            v = num.value / core.value
            return _Core(core.start, num.end, v, _Interval.point(v), "fraction")
        v = num.value / core.value * 100
        return _Core(core.start, num.end, v, _Interval.point(v), "fraction", unit="percent", preset_unit=True)

    def endpoint(self, p: int) -> _Endpoint | None:
        if p < self.n and self.t[p] == "만" and self.at(p + 1) in _WS:
            # 만 65세: 만 is "full age" before an age; before anything else 만 is 10,000 (만 원).
            g = self.ws_end(p + 1)
            if self.at(g) in _DIGITS:
                saved = self.error
                aged = self.endpoint(g)
                full = aged is not None and (
                    aged.unit == "age"
                    or aged.unit in _HALF_UNITS
                    and aged.value is not None
                    and 0 < aged.value < 1000  # 만 3년, 만 5개월 (full); not a calendar year
                )
                if aged is not None and full:
                    aged.start = p
                    aged.quals.insert(0, (p, "만"))
                    return aged
                if aged is not None and not self.strict and not self.term_with_place(g, "arabic", 10**4):
                    # 만 65명: neither a full age nor 만 5천 원; 65명 alone would drop the 만.
                    self.skip_to = max(self.skip_to, aged.end)
                    return None
                self.error = saved
        quals: list[tuple[int, str]] = []
        pre: list[str] = []
        signs: list[tuple[int, str]] = []
        q = p
        for _ in range(3):
            w = self.match(q, _PREQUAL_INDEX)
            sign = None if w is not None else self.match(q, _SIGN_INDEX)
            if w is None and sign is None:
                break
            word = w or sign
            assert word is not None
            r = q + len(word)
            g = self.ws_end(r)
            if g == r and self.at(r) not in _DIGITS:
                break  # 약물, 총리, 최대주주, 연구, 월급: words, not qualifiers
            # 영하 십도, 마이너스 삼 퍼센트: a sign word before a Hangul numeral too, after a space (second
            # review: running text read 영하 십도 as +10 degrees, the sign left behind).
            spelled = g > r and (
                self.at(g) in _SINO_DIGITS or self.at(g) in _PLACES or self.at(g) in _NATIVE_INDEX
            )
            if sign is not None and (signs or (self.at(g) not in _DIGITS and not spelled)):
                break
            quals.append((q, word))
            if sign is not None:
                signs.append((q, sign))
            else:
                pre.append(word)
            q = g
        core = self.core(q)
        if core is None:
            return None
        if core.kind in ("arabic", "sino"):
            frac = self.fraction(core)
            if frac is not None:
                core = frac
        if self.at(core.end) == "여" and not core.yeo and core.kind in ("arabic", "sino", "vague"):
            # 80여명, 10여 년, 1000여: but not 3여단 (brigade) or 5여성, where 여 starts a word.
            after = core.end + 1
            unit_next = self.unit_at(self.ws_end(after), _GENERAL_INDEX, _FOLLOWERS)
            if (self.ends_word(after, _FOLLOWERS) or unit_next) and self.apply_yeo(core, core.end):
                core.end = after
        lone_digit = core.end - core.start == 1 and self.t[core.start] in _SINO_DIGITS
        if core.kind == "sino" and lone_digit and not self.strict:
            return None  # 이 (this), 구 (Koo), 사 (company): a lone digit syllable is almost never a number
        ep = _Endpoint(p, core.end, core, core.value, core.base, core.unit, pre, quals + core.marks)
        if not core.preset_unit and not self.read_unit(ep):
            return None
        if not self.after_unit(ep):
            return None
        if "섭씨" in pre or signs:
            if self.range_follows(ep.end):
                ep.deferred = (signs, "섭씨" in pre)
            elif not self.apply_prefix_words(ep, signs, "섭씨" in pre):
                return None
        return ep

    def range_follows(self, q: int) -> bool:
        return self.at(self.ws_end(q)) in _RANGE_MARKS or self.t.startswith("에서", q)

    def apply_prefix_words(self, ep: _Endpoint, signs: list[tuple[int, str]], celsius: bool) -> bool:
        """섭씨 30도, 영하 5도, 마이너스 3%, △3.5%: the unit or the sign the words before a figure set."""
        if celsius:
            if ep.unit not in _TEMPERATURE_UNITS:
                self.fail(
                    ep.start,
                    f'"섭씨" (Celsius) needs a temperature after it, not "{self.t[ep.start : ep.end]}"',
                )
                return False
            ep.unit = "celsius"
        if not signs:
            return True
        ep.signed_by_word = True
        pos, word = signs[0]
        if ep.core.signed or ep.value is not None and ep.value < 0:
            self.fail(pos, f'"{word}" before a number that already has a sign')
            return False
        if word in ("영하", "영상"):
            if ep.unit not in _TEMPERATURE_UNITS:
                self.fail(pos, f'"{word}" (below/above zero) needs a temperature (영하 5도)')
                return False
            ep.unit = "celsius"
        elif word in _TRIANGLES:
            if ep.unit not in _SIGNED_UNITS:
                # △2021년 출범: in a list the triangle is a bullet, and a count or a date has no sign.
                self.fail(pos, f'"{word}" before a count or a date is a list bullet, not a sign')
                return False
            if self.at(pos + 1) in _WS and _SIGN_WORDS[word] < 0:
                # △ 500억원, ▼ 1.2%: spaced, a triangle is as often a list bullet as a minus, and the two
                # readings differ in sign: neither is guessed (glued, △500억원 is a minus).
                self.skip_to = max(self.skip_to, ep.end)
                self.fail(
                    pos, f'"{word}" followed by a space may be a list bullet or a minus; glue it (△3.5%)'
                )
                return False
        elif ep.unit in _TIME_UNITS or ep.unit in _CALENDAR_UNITS:
            self.fail(pos, f'"{word}" before a duration or a date')
            return False
        if _SIGN_WORDS[word] < 0:
            b = ep.base
            ep.value = -ep.value if ep.value is not None else None
            ep.base = _Interval(
                -b.high if b.high is not None else None,
                -b.low if b.low is not None else None,
                b.high_inc,
                b.low_inc,
            )
        return True

    def read_unit(self, ep: _Endpoint) -> bool:
        """Attach the unit after the number. False when this number cannot stand without one."""
        core = ep.core
        q = core.end
        g = self.ws_end(q)
        if core.kind == "native":
            # 한층 (further), 한번 (once, "try"): glued, these are words; counted, news writes 한 층, 한 번.
            spots = (q, g) if self.strict else ((g,) if g > q else ())
            for r in spots:
                w = self.unit_at(r, _NATIVE_INDEX, _STRICT_FOLLOWERS)
                if w is not None:
                    key = self.counter_unit(w, NATIVE_COUNTERS[w], core, r)
                    if key is None:
                        return False
                    if not key:
                        continue
                    ep.unit, ep.end = key, r + len(w)
                    return True
            self.fail(q, f'native Korean numeral "{self.t[core.start : q]}" needs a counter (명, 개, 배, …)')
            return False
        if core.bare_vague:
            w = self.unit_at(q, _GENERAL_INDEX, _STRICT_FOLLOWERS)
            if w is not None and (w in _VAGUE_ATTACHED_OK or core.marks[0][1] == "몇"):
                key = self.counter_unit(w, _GENERAL_UNITS[w], core, q)
                if key is None:
                    return False
                if key:
                    ep.unit, ep.end = key, q + len(w)
                    return True
            w = self.unit_at(g, _GENERAL_INDEX, _STRICT_FOLLOWERS) if g > q else None
            if w is not None:
                key = self.counter_unit(w, _GENERAL_UNITS[w], core, g)
                if key is None:
                    return False
                if key:
                    ep.unit, ep.end = key, g + len(w)
                    return True
            if self.range_follows(q):
                return True  # 수~수십 명: the range's second end carries the unit (range_tail checks it)
            self.fail(q, f'"{self.t[core.start : q]}" needs a counter after it (수 명, 몇 년)')
            return False
        score_end = self.score_end(g) if self.at(g) == "대" else None
        if score_end is not None:
            end = score_end
            self.skip_to = max(self.skip_to, end)
            self.fail(
                core.start, f'"{self.t[core.start : end]}" is a score or a pairing (1대1, 3대0), not a figure'
            )
            return False
        followers = _FOLLOWERS if core.kind in ("arabic", "sino", "vague") else _STRICT_FOLLOWERS
        spots = (q, g) if g > q else (q,)
        if core.bare_man and not self.strict:
            spots = (g,) if g > q else ()  # "1년 만인": 만 (after) + 인 (is), not 10,000 people
        # 3초과 is "more than 3", not "3 seconds" + 과.
        if self.match(q, _POSTQUAL_INDEX) is None:
            for r in spots:
                w = self.unit_at(r, _GENERAL_INDEX, followers)
                if w is None or (w in _GLUED_ONLY and r != q):
                    continue
                if (r != q or core.has_large) and self.t.startswith(_SPACED_UNIT_WORDS, r):
                    # 1조 시대, 1조 인수, 100억 개인 (and in headlines 1조시대): a word, not the unit
                    continue
                if core.kind == "sino" and r == q and w in ("도", "시") and not self.strict:
                    continue  # 천도 (moving the capital), 백도, 이천시 and 사천시 (cities): words, not figures
                if core.kind == "sino" and self.at(r + len(w)) in _VERB_SYLLABLES:
                    continue  # 입장을 천명한 (declared), 구명했다: a Hangul word made a verb, not a count
                if w == "도" and self.t.startswith(_BARE_NOT_WORDS, r):
                    continue  # 4도어 (four doors), 2도움 (two assists): not degrees
                key = self.counter_unit(w, _GENERAL_UNITS[w], core, r)
                if key is None:
                    return False
                if not key:
                    continue
                if w == "세대" and ep.value in _DECADE_PAIRS and r == q and self.t[core.start : q].isdigit():
                    # 2030세대, 5060세대: the people in their twenties and thirties, not 2,030 generations.
                    self.skip_to = max(self.skip_to, r + 2)
                    self.fail(
                        core.start,
                        f'"{self.t[core.start : r + 2]}" names two age brackets (the 20s and 30s), not a count',
                    )
                    return False
                if w == "대":
                    if not self.dae_is_read(ep, r):
                        return False
                    age = self.age_bracket(ep, r == q, r + 1)
                    if age is None:
                        return False  # 20대가: refused, not guessed
                    if age:
                        return True
                    if core.kind == "sino":
                        # 삼대 (three generations), 사대 (the four major): Hangul N대 is a word.
                        self.fail(
                            core.start,
                            f'"{self.t[core.start : r + 1]}" written in Hangul is a word, not a count',
                        )
                        return False
                    if self.is_top_n(core, r == q, r + 1):
                        key = "top-n"
                if w in _SCALED_UNITS and ep.value is not None:
                    # 3할 = 30 %: the number is scaled into the unit it names a part of.
                    key, factor = _SCALED_UNITS[w]
                    ep.value = ep.value * factor
                    b = ep.base
                    ep.base = _Interval(
                        b.low * factor if b.low is not None else None,
                        b.high * factor if b.high is not None else None,
                        b.low_inc,
                        b.high_inc,
                    )
                    if w == "할" and ep.base.low == ep.base.high:
                        parts = self.pun_ri(r + 1)
                        if parts is not None:
                            # 타율 3할2푼5리 = 32.5 % (issue 8, second review: read as 30 % before).
                            extra, end = parts
                            ep.value += extra
                            ep.base = _Interval.point(ep.value)
                            ep.unit, ep.end = key, end
                            return True
                if w == "세" and self.heir_context(core.start, r + 1):
                    key = "generation"  # 4세 경영, 오너 3세, 재벌 2세: a family's generation, not an age
                if key == "generation" and w == "세대":
                    key = self.households_or_generations(ep, r)
                    if key is None:
                        return False
                if key in _SECOND_LOOK and not self.unit_is_read(key, w, core, ep, r):
                    return False
                ep.unit, ep.end = key, r + len(w)
                return True
        nxt = self.at(q)
        if core.kind == "arabic" and nxt == "차" and core.value is not None:
            # 1차 목표, 2차전지, 4차 산업혁명: 차 after a bare number is an order (the first round, a
            # secondary battery), not a count; 5년차 (after a unit) is read above as a year.
            self.skip_to = max(self.skip_to, q + 1)
            self.fail(q, f'"{self.t[core.start : q + 1]}" is an order (round, stage), not a figure')
            return False
        if core.kind == "arabic" and _is_latin(nxt):
            end = self.skip_alnum(q)
            self.skip_to = max(self.skip_to, end)
            self.fail(q, f'unknown unit "{self.t[q:end]}" after the number')
            return False
        if core.kind == "arabic" and nxt in REFUSED_COUNTERS and self.ends_word(q + 1, _FOLLOWERS):
            self.skip_to = max(self.skip_to, q + 1)
            self.fail(q, f'"{self.t[core.start : q + 1]}": {REFUSED_COUNTERS[nxt]}')
            return False
        if (
            nxt == "선"
            and core.kind == "arabic"
            and core.value is not None
            and core.value >= 100
            and self.ends_word(q + 1, _FOLLOWERS)
        ):
            return True  # 코스피 2,500선 (the 2,500 level); 3선 의원, 38선 are terms and lines: not read
        if (
            core.kind == "arabic"
            and _is_hangul(nxt)
            and not (self.ends_word(q, _FOLLOWERS) and (core.has_large or self.particle_at(q)))
        ):
            end = q
            while end < self.n and _is_hangul(self.t[end]) and end - q < 20:
                end += 1
            self.fail(q, f'unknown unit "{self.t[q:end]}" after the number')
            return self.strict  # strict mode reports it as trailing text; running text: a name (5호선)
        return True

    def unit_is_read(self, key: str, w: str, core: _Core, ep: _Endpoint, r: int) -> bool:
        """The second review's labels told by the unit and what follows it: False (refused) for 5만원권 (a
        banknote), 이천시 (a city), 코스피 3000시대 (an era), 31번 확진자 (a number label)."""
        e = r + len(w)
        if key in _MONEY_UNITS:
            if self.at(e) != _NOTE_SUFFIX:
                return True
            # 5만원권, 1만원권: the note of that value, not an amount.
            self.skip_to = max(self.skip_to, e + 1)
            self.fail(core.start, f'"{self.t[core.start : e + 1]}" names a banknote, not an amount')
            return False
        if key == "clock-hour":
            if ep.value is None or ep.value <= 24:
                return True
            if core.kind == "sino":
                self.fail(core.start, f'"{self.t[core.start : e]}" is a name (이천시, 사천시), not a time')
                return False
            if self.at(e) == "대":
                # 코스피 3000시대 (the 3,000 era): 시대 is a word, not 3,000 o'clock.
                self.skip_to = max(self.skip_to, e + 1)
                self.fail(r, f'"{self.t[core.start : e + 1]}": 시대 is "era", not o\'clock')
                return False
            return True
        if w == "번" and self.number_label(core.start, e):
            self.skip_to = max(self.skip_to, e)
            self.fail(core.start, f'"{self.t[core.start : e]}" is a number label (31번 확진자), not a count')
            return False
        return True

    def pun_ri(self, q: int) -> tuple[Fraction, int] | None:
        """After 할: 2푼 (2 %) and 5리 (0.5 %), glued or spaced: (the percent they add, their end)."""
        extra = Fraction(0)
        end = None
        for word, size in (("푼", Fraction(1)), ("리", Fraction(1, 10))):
            g = self.ws_end(q)
            if self.at(g) in _DIGITS and self.at(g + 1) == word and self.ends_word(g + 2, _FOLLOWERS):
                extra += int(self.t[g]) * size
                q = end = g + 2
            elif word == "푼":
                return None
        return None if end is None else (extra, end)

    def particle_at(self, q: int) -> bool:
        """Does the Hangul after a bare number at q begin a particle, not a word (3부터, not 3부 리그)?"""
        needs = _BARE_NEEDS.get(self.t[q])
        if needs is not None:
            return self.t.startswith(needs, q) if needs else False
        return not self.t.startswith(_BARE_NOT_WORDS, q)

    def dae_is_read(self, ep: _Endpoint, r: int) -> bool:
        """N대 (no unit before 대) that neither machines nor the top N nor an age can be: False, refused."""
        core = ep.core
        if core.kind != "arabic":
            return True
        g = self.ws_end(r + 1)
        if g > r + 1 and self.t.startswith(_OFFICE_NOUNS, g) and not core.has_large and not core.decimal:
            # 21대 국회, 20대 대선, 4대 회장: the Nth (an ordinal), read before as the top N.
            self.skip_to = max(self.skip_to, r + 1)
            self.fail(
                core.start, f'"{self.t[core.start : r + 1]}" is the Nth (21대 국회: an ordinal), not a figure'
            )
            return False
        if core.last_large is not None and core.last_large >= 10**8:
            # 20억대 아파트, 10억대 자산가 (priced in that range) or 1억대 판매 (a hundred million machines):
            # the unit of money is not written and the two readings differ; read before as machines.
            self.skip_to = max(self.skip_to, r + 1)
            self.fail(
                core.start,
                f'"{self.t[core.start : r + 1]}" may be a range of money (20억원대) or a count of machines;'
                " write the unit",
            )
            return False
        return True

    def households_or_generations(self, ep: _Endpoint, r: int) -> str | None:
        """N세대: a generation below 20 (5세대 이동통신), households from 20 (아파트 300세대), a cohort's name
        (386세대) refused."""
        v = ep.value
        core = ep.core
        if v is None or core.kind != "arabic" or v.denominator != 1 or core.decimal:
            return "generation"
        if v in _COHORTS and r == core.end:
            self.skip_to = max(self.skip_to, r + 2)
            self.fail(
                core.start, f'"{self.t[core.start : r + 2]}" names a cohort (the 386 generation), not a count'
            )
            return None
        return "household" if v >= HOUSEHOLDS_FROM else "generation"

    def number_label(self, start: int, e: int) -> bool:
        """N번 before 확진자, 후보, 타자, 출구 … or after 기호: a label (31번 확진자), not N times."""
        g = self.ws_end(e)
        if g > e and self.t.startswith(_NUMBER_LABEL_NOUNS, g):
            return True
        return self.word_before(start) in ("기호", "등번호", "번호")

    # -- counters with a second meaning (review r8b) -----------------------------------------------

    def counter_unit(self, w: str, key: str, core: _Core, r: int) -> str | None:
        """The unit a counter w at r names after this number: "" when w is part of a word here (이병,
        벌어들였다: the caller goes on as if no counter were written), None when the figure is refused
        (a careful reader cannot tell which unit is meant)."""
        e = r + len(w)
        if w == "개국" and self.at(e) == "어":
            return ""  # 3개국어: three languages, not three countries
        if w in _DIGIT_ONLY_COUNTERS:
            if core.kind == "sino":
                return ""  # 이병 (a private), 일벌 (a worker bee), 만기 (maturity), 사기 (fraud)
            if self.at(e) and self.at(e) in _COUNTER_NOT_BEFORE.get(w, ""):
                return ""  # 벌어들였다, 3병동, 석권, 표면
            if w == "기" and not self.installation_named(core.start):
                self.skip_to = max(self.skip_to, e)
                self.fail(r, f'"{self.t[core.start : e]}": {REFUSED_COUNTERS["기"]}')
                return None
        if w == "주":
            return self.week_or_share(core, e)
        return key

    def word_before(self, start: int) -> str:
        """The word before the number, when a space separates them ("" when glued or at the start)."""
        b = start
        while b > 0 and self.t[b - 1] in _WS and start - b <= MAX_GAP:
            b -= 1
        if b == start or start - b > MAX_GAP:
            return ""
        a = b
        while a > 0 and self.t[a - 1].isalnum() and b - a < 20:
            a -= 1
        return self.t[a:b]

    def installation_named(self, start: int) -> bool:
        """Is the word just before the number one that 기 counts (원전 2기, 신형 위성 3기)?"""
        return self.word_before(start).endswith(_INSTALLATION_NOUNS)

    def word_after(self, p: int, words: tuple[str, ...]) -> bool:
        for w in words:
            if self.t.startswith(w, p):
                return len(w) > 1 or self.ends_word(p + 1, _FOLLOWERS)
        return False

    def verb_after(self, p: int, verbs: tuple[str, ...]) -> bool:
        """A verb at p, or after a particle (and 씩) at p: 10주를 샀다, 3주가 지났다, 10주씩 배정."""
        for _ in range(3):
            if self.t.startswith(verbs, p):
                return True
            if self.at(p) not in _WEEK_SHARE_PARTICLES:
                return False
            p = self.ws_end(p + 1)
        return False

    def week_or_share(self, core: _Core, after: int) -> str | None:
        """주 after a number: weeks (3주간, 2주 만에, 52주 신고가) or shares (100만주, 1주당, 10주를 샀다).

        The words right next to the figure decide first, then the size of the number; where neither
        tells, or the two point different ways, the figure is refused (docs/quantities.md)."""
        what = self.t[core.start : after]
        week = share = False
        spots = [after, self.ws_end(after)]
        qual = self.match(spots[1], _POSTQUAL_INDEX)
        if qual is not None:  # 1주 이상 보유한 주주, 3주 정도 걸린다: the verb after a qualifier decides too
            spots.append(self.ws_end(spots[1] + len(qual)))
        for p in spots:
            if self.t.startswith(_WEEK_AFTER_NOT, p):
                continue
            week = week or self.word_after(p, _WEEK_AFTER) or self.verb_after(p, _WEEK_VERBS)
            share = share or self.verb_after(p, _SHARE_VERBS)
        share = share or self.at(after) == "당" or core.has_large  # 1주당 (per share); 100만주
        word = self.word_before(core.start)
        week = week or word in _WEEK_BEFORE  # 최근 3주, 지난 2주
        share = share or word.endswith(_SHARE_NOUNS)  # 보통주 10주, 자사주 3만주
        if week and share:
            self.fail(core.start, f'"{what}": the words around it speak of both weeks and shares; not read')
            return None
        if share:
            return "share"
        if week:
            return "week"
        low, high = core.base.low, core.base.high
        if low is not None and low >= SHARES_FROM:
            return "share"  # 1000주: nobody counts a thousand weeks
        sentence = self.t[max(0, core.start - LOOK_BACK_CHARS) : core.start]
        cut = max(sentence.rfind(c) for c in ("다.", "!", "?", "\n", ". "))
        talk_of_shares = any(w in sentence[cut + 1 :] for w in _SHARE_WORDS)
        other_end = self.range_end_after(after)  # 10주~100주: a range is read in one unit
        if other_end is not None and other_end >= SHARES_FROM:
            return "share"
        small = high is not None and high <= WEEKS_AT_MOST
        if small and not talk_of_shares and (other_end is None or other_end <= WEEKS_AT_MOST):
            return "week"
        if talk_of_shares:
            why = "shares are spoken of before it"
        elif small:
            why = "the other end of the range may be weeks or shares"
        else:
            why = "the number is between a year of weeks and 100"
        self.fail(
            core.start,
            f'"{what}" may be weeks or shares ({why}); nothing after it tells which '
            "(3주간, 2주 만에 are weeks; 10주를 매입, 1주당 are shares)",
        )
        return None

    def range_end_after(self, after: int) -> Fraction | None:
        """The second end of a range of 주 right after this one, from its digits and large units
        (10주~100주 → 100, 10주~1만주 → 10000); None when no such range follows."""
        p = self.ws_end(after)
        if self.at(p) not in "~∼〜～-–":
            return None
        p = self.ws_end(p + 1)
        e = p
        while (
            e < self.n
            and e - p < 2 * MAX_DIGITS
            and (self.t[e] in _DIGITS or self.t[e] in ",." or self.t[e] in _LARGE)
        ):
            e += 1
        if e == p or not self.t.startswith("주", self.ws_end(e)):
            return None
        value, group = Fraction(0), ""
        try:
            for c in self.t[p:e]:
                if c in _LARGE:
                    value += Fraction(group.replace(",", "") or "1") * _LARGE[c]
                    group = ""
                else:
                    group += c
            return value + Fraction(group.replace(",", "") or "0")
        except ValueError:
            return None

    def heir_context(self, start: int, end: int) -> bool:
        """N세 next to 경영/승계 or after 오너/재벌/총수/家 counts a family's generations (LG 4세 경영)."""
        g = self.ws_end(end)
        if g > end and self.t.startswith(_HEIR_AFTER, g):
            return True
        before = self.t[max(0, start - 4) : start].rstrip()
        return before.endswith(_HEIR_BEFORE)

    def people_count_at(self, g: int) -> bool:
        """Does a count of people (1명, 두 명, 3명의) start at g?"""
        r = g
        while (self.at(r) in _DIGITS or self.at(r) == ",") and r - g < MAX_DIGITS:
            r += 1
        if r == g:
            ones = self.match(g, _ONES_INDEX)
            if ones is None:
                return False
            r = g + len(ones)
        w = self.unit_at(self.ws_end(r), _GENERAL_INDEX, _FOLLOWERS)
        return w is not None and _GENERAL_UNITS[w] == "person"

    def score_end(self, d: int) -> int | None:
        """Where "대 N" ends when 대 at d joins a score or a ratio: 1대1, 3대0, 2대 1로, 10 대 1의 경쟁률.

        None when 대 is not followed by a bare number (차량 10대 3000만원: the second has a unit)."""
        g = self.ws_end(d + 1)
        if self.at(g) not in _DIGITS:
            return None
        end = g
        while self.at(end) in _DIGITS and end - g < MAX_DIGITS:
            end += 1
        decimal = self.at(end) in (".", ",") and self.at(end + 1) in _DIGITS
        if g > d + 1 and (decimal or self.unit_after(end) or self.at(end) in _LARGE):
            return None  # spaced: 10대 3000만원, 10대 1.5배 are a count and another figure
        return end

    def age_bracket(self, ep: _Endpoint, attached: bool, after: int) -> bool | None:
        """20대 남성, 이십대: N대 (N = 10 … 90) is an age bracket [N, N + 10) before a word for people.

        True: read as an age bracket; False: not one (machines or top-N); None: cannot be told."""
        core = ep.core
        v = core.value
        if not attached or core.has_large or core.decimal or core.yeo or v is None or core.signed:
            return False
        if v.denominator != 1 or not 10 <= v <= 90 or v % 10:
            return False
        if core.kind == "arabic":
            if self.word_before(core.start).endswith(_MACHINE_NOUNS):
                return False  # 차량 20대를 도입했다: vehicles, not people in their twenties
            g = self.ws_end(after)
            # 60대 이상 고령층, 30대 이하: a qualifier between the bracket and what it is about is looked past
            # (read as machines, 30대 이하 would be "30 or fewer", not "in their thirties or younger").
            look = after
            w = self.match(g, _POSTQUAL_INDEX)
            if w is not None and w not in _PREDICATES and QUALIFIERS[w].kind != "marker":
                look = g + len(w)
                g = self.ws_end(look)
            alone = g >= self.n or not self.at(g).isalnum()  # "20대" by itself, or before punctuation
            # Headlines shorten the person: 20대 남 붙잡혀, 40대 男, 30대 여 (man, woman).
            alone = alone or (g > look and self.at(g) in "남여男女" and not _is_hangul(self.at(g + 1)))
            alone = alone or (g > look and self.people_count_at(g))  # 20대 1명이 숨졌다, 30대 두 명
            if not alone and not self.t.startswith(_AGE_NOUNS, g) and not self.named_person(g):
                if g == look and _is_hangul(self.at(g)):
                    # 20대가, 20대의: people in their twenties or twenty machines; the reader cannot tell.
                    self.fail(core.start, f'"{self.t[core.start : look]}" may be an age bracket or a count')
                    self.skip_to = max(self.skip_to, look)
                    return None
                if (
                    g > look
                    and self.at(g).isalpha()
                    and not self.t.startswith(_TOP_N_NOUNS, g)
                    and not self.word_before(core.start).endswith(_MACHINE_NOUNS)
                ):
                    # 20대 중, 30대 팬덤: an age bracket or the top N, and nothing says which (issue 8, second
                    # review: 70대 할머니 and 40대 A씨 were read as the top 70 and 40 before the word list grew).
                    self.fail(core.start, f'"{self.t[core.start : look]}" may be an age bracket or the top N')
                    self.skip_to = max(self.skip_to, look)
                    return None
                return False
        elif core.kind != "sino":
            return False
        ep.unit, ep.end = "age", after
        ep.base = _Interval(v, v + 10, True, False)
        ep.quals.append((after - 1, "대"))
        return True

    def is_top_n(self, core: _Core, attached: bool, after: int) -> bool:
        """세계 10대 AI 석학, 3대 분야: N대 + noun is "the top/major N", not N machines."""
        if core.kind != "arabic" or not attached or core.has_large or core.decimal or core.value is None:
            return False
        if not (1 <= core.value <= 1000) or core.value.denominator != 1:
            return False
        g = self.ws_end(after)
        if g == after or not self.at(g).isalpha():
            return False
        if self.word_before(core.start).endswith(_MACHINE_NOUNS) or self.t.startswith("중 ", g):
            return False  # 로봇 100대 도입, 전기차 3대 중 1대: machines, not the top 100
        return self.match(g, _POSTQUAL_INDEX) is None

    def named_person(self, g: int) -> bool:
        """Is the word at g a person named short (A씨, 김모씨, 김씨): 40대 A씨 is a man in his forties."""
        for k in (1, 2, 3):
            if (
                self.at(g + k) == "씨"
                and self.t[g : g + k].isalnum()
                and self.ends_word(g + k + 1, _FOLLOWERS)
            ):
                return True
        return False

    def after_unit(self, ep: _Endpoint) -> bool:
        core = ep.core
        q = ep.end
        unit = ep.unit
        if unit == "percent" and self.t[q - 1 : q] in ("%", "％"):
            g = self.ws_end(q)
            if g > q and self.t.startswith("포인트", g) and self.ends_word(g + 3, _FOLLOWERS):
                # 3% 포인트 is 3 percentage points, not 3 % followed by a word.
                ep.unit = unit = "percentage-point"
                ep.end = q = g + 3
        if (
            unit is not None
            and unit not in _NO_BRACKET
            and self.at(q) == "대"
            and self.ends_word(q + 1, _DAE_FOLLOWERS)
        ):
            if not self.bracket(ep, q):
                return False
            ep.end = q + 1
            return True
        counted = core.kind in ("arabic", "sino", "native") and not core.preset_unit
        yeo_after = unit is not None and counted and not core.yeo and self.at(q) == "여"
        if yeo_after and self.ends_word(q + 1, _FOLLOWERS) and self.apply_yeo(core, q):  # 1년여
            ep.base = core.base
            ep.quals.append((q, "여"))
            q += 1
        exact = (
            core.value is not None
            and not core.yeo
            and core.base.low == core.base.high == core.value
            and core.value.denominator == 1
            and core.value >= 0
        )
        if unit in _COMPOUND and exact and core.kind in ("arabic", "sino", "native"):
            sub, factor, spellings = _COMPOUND[unit]
            for r in (q, self.ws_end(q)):
                script = "arabic" if self.at(r) in _DIGITS else "sino"
                if not self.starts_small(r, script) or self.at(r) in _PLACES:
                    continue  # the second part starts with a digit: 3년 6개월, not 3년 십개월
                sm = self.small(r, script)
                if sm is None or sm[3] or sm[1] >= factor or sm[1] <= 0:
                    continue
                w = self.unit_at(sm[0], _GENERAL_INDEX, _FOLLOWERS)
                if w in spellings:
                    assert core.value is not None
                    ep.value = core.value * factor + sm[1]
                    ep.base = _Interval.point(ep.value)
                    ep.unit = unit = sub
                    ep.compound = True
                    q = sm[0] + len(w)
                    break
        if unit in _HALF_UNITS and ep.value is not None and ep.base.low == ep.base.high and not core.yeo:
            for r in (q, self.ws_end(q)):
                # 3년 반 = 3.5 years; 반도체 (semiconductor) is a word, so the boundary set lacks 도.
                if self.t.startswith("반", r) and self.ends_word(r + 1, _HALF_FOLLOWERS):
                    ep.value = ep.value + Fraction(1, 2)
                    ep.base = _Interval.point(ep.value)
                    q = r + 1
                    break
        if unit in _TIME_UNITS:
            g = self.ws_end(q)
            for r in (q, g):
                if self.at(r) == "간" and self.ends_word(r + 1, _GAN_FOLLOWERS):
                    ep.quals.append((r, "간"))
                    q = r + 1
                    g = self.ws_end(q)
                    break
            # 3년째 (for the third year running), 3년 만에 / 3년 만의 (after three years): the duration as
            # stated (round 3; before, read_quantity refused them as trailing text).
            if self.at(q) == "째" and self.ends_word(q + 1, _FOLLOWERS):
                ep.quals.append((q, "째"))
                q += 1
            else:
                for r in (q, g):
                    if (
                        self.at(r) == "만"
                        and self.at(r + 1) in ("에", "의")
                        and self.ends_word(r + 2, _FOLLOWERS)
                    ):
                        ep.quals.append((r, self.t[r : r + 2]))
                        q = r + 2
                        break
        c = self.at(q)
        if c in _UNIT_SUFFIXES and self.ends_word(q + 1, _FOLLOWERS):
            bare = unit is None and core.kind == "arabic" and ep.value is not None and ep.value >= 100
            if unit in _UNIT_SUFFIXES[c] or c == "선" and bare:
                ep.quals.append((q, c))  # 1300원선, 2,500선 (the level of); 2만 톤급; 주 52시간제
                q += 1
        ep.end = q
        return True

    def bracket(self, ep: _Endpoint, q: int) -> bool:
        """500억원대 = [500억, 600억), 20%대 = [20, 30), 1990년대 = [1990, 2000): "in the range of"."""
        core = ep.core
        v = ep.value
        what = self.t[ep.start : q + 1]
        if core.kind == "vague":
            ep.quals.append((q, "대"))  # 수백억원대: already a range of that size
            return True
        if v is None or core.yeo or v < 0 or ep.base.low != ep.base.high:
            self.fail(q, f'"{what}": 대 (in the range of) needs one exact number before it')
            return False
        if ep.unit == "year":
            if v.denominator != 1 or v % 10 or v < 1000:
                # 80년대 is the 1980s (or 2080s): the century is not written, so no year can be given.
                self.fail(q, f'"{what}" names a decade without its century; write it in full (1980년대)')
                return False
            step = Fraction(10)
        else:
            # 0%대 (zero-point-something percent) = [0, 1): the step of a zero is one unit.
            step = _next_step(v) or Fraction(1)
        ep.base = _Interval(v, v + step, True, False)
        ep.quals.append((q, "대"))
        return True

    # -- a whole figure: endpoint [range] [qualifiers after] [(paired amount)] ---------------------

    def range_tail(self, e1: _Endpoint) -> tuple[str, int, _Endpoint] | None:
        q = e1.end
        g = self.ws_end(q)
        c = self.at(g)
        if c in _RANGE_MARKS:
            mark, s = c, g + 1
        else:
            two = self.t[q : q + 2]
            if two == "에서":
                mark, g, s = "에서", q, q + 2
            elif two == "부터" and self.ws_end(q + 2) > q + 2:
                mark, g, s = "부터", q, q + 2  # 10명부터 20명까지 (까지 is required below)
            elif g > q and self.t[g : g + 2] == "내지" and self.ws_end(g + 2) > g + 2:
                mark, s = "내지", g + 2  # 3명 내지 5명: "from … to", in formal writing
            else:
                return None
        saved = self.error
        e2 = self.endpoint(self.ws_end(s))
        self.error = saved
        if e2 is None or e2.value is None and e2.core.kind not in ("vague", "native"):
            return None
        if e1.core.bare_vague and (e2.core.kind != "vague" or e1.unit is not None):
            return None  # 수~수십 명 is a range; 수~3명 is not
        if e2.compound and e1.unit in _COMPOUND and _COMPOUND[e1.unit][0] == e2.unit:
            # 1시간~2시간 30분: the first end is read in the second's smaller unit (60~150 minutes).
            factor = _COMPOUND[e1.unit][1]
            b = e1.base
            e1.value = e1.value * factor if e1.value is not None else None
            e1.base = _Interval(
                b.low * factor if b.low is not None else None,
                b.high * factor if b.high is not None else None,
                b.low_inc,
                b.high_inc,
            )
            e1.unit = e2.unit
        if e1.compound and e2.unit in _COMPOUND and _COMPOUND[e2.unit][0] == e1.unit:
            factor = _COMPOUND[e2.unit][1]  # 1년 6개월~2년 = 18~24 months
            b = e2.base
            e2.value = e2.value * factor if e2.value is not None else None
            e2.base = _Interval(
                b.low * factor if b.low is not None else None,
                b.high * factor if b.high is not None else None,
                b.low_inc,
                b.high_inc,
            )
            e2.unit = e1.unit
        if e1.unit is not None and e2.unit is not None and e1.unit != e2.unit:
            return None
        if (mark in _DASHES or mark in ("⁓", "에서", "부터", "내지")) and e2.unit is None:
            return None
        if mark == "부터":
            # 2020년부터 2023년까지, 3월부터: dates are the time reader's, and 부터 alone is "since".
            if e2.unit in _CALENDAR_UNITS or not self.t.startswith("까지", e2.end):
                return None
            if not self.ends_word(e2.end + 2, _FOLLOWERS):
                return None
            e2.quals.append((e2.end, "까지"))
            e2.end += 2
        if mark == "에서":
            if self.ws_end(s) == s:
                return None
            # 80명에서 128명으로 늘었다: a change from one figure to another, not a range.
            if self.t.startswith(("으로", "로", "이 됐", "가 됐", "이 되", "가 되"), e2.end):
                return None  # 10명에서 20명이 됐다: also a change
        low1, low2 = e1.base.low, e2.base.low
        if low1 is None or low2 is None or e2.base.high is None:
            return None
        m = self.carried_multiplier(e1, e2, low1, low2)
        if m is None:
            return None
        if m != 1:
            b = e1.base
            e1.value = e1.value * m if e1.value is not None else None
            hi = b.high * m if b.high is not None else None
            low1 = low1 * m
            e1.base = _Interval(low1, hi, b.low_inc, b.high_inc)
        # 1조~수조 원: a vague second end starts where the first does ([1조, 10조)).
        vague_top = e2.core.kind == "vague" and e2.base.high is not None and low1 < e2.base.high
        if not (low1 < low2 or low1 == low2 and vague_top):
            return None
        return mark, g, e2

    def carried_multiplier(self, e1: _Endpoint, e2: _Endpoint, low1: Fraction, low2: Fraction) -> int | None:
        """What the first number of a range is multiplied by; None when the range cannot be read.

        A Korean reader carries the second number's whole multiplier over to a bare first number:
        4~5천억 = 4천억~5천억, 3~4백만 = 3백만~4백만, 1~2천 명 = 1천~2천 명. Where that would put the
        first end above the second, only the large unit is carried (500~1천억 = 500억~1천억, 4천~5천억 =
        4천억~5천억, 수백~수천억 = 수백억~수천억). A first number that is complete by itself stays (5천~1만원)."""
        c1, c2 = e1.core, e2.core
        if e2.compound and e1.unit is None:
            # 1~2시간 30분: 1 hour or 1 minute? The second end is read in minutes, the first has no unit.
            text = self.t[e1.start : e2.end]
            self.range_refused = (
                e1.start,
                f'range "{text}": the first number has no unit; write it (e.g. 1시간~2시간 30분)',
                e2.end,
            )
            return None
        numeric = ("arabic", "sino", "vague")
        if e1.unit is not None or c1.has_large or c1.kind not in numeric or c2.kind not in numeric:
            return 1
        if c1.bare_vague:
            return c2.last_large or 1  # 수~수십 명 = [1, 100), 수~수십억 = [1억, 100억)
        spoken = self.spoken_tens(e1, e2, low1)
        if spoken is not None:
            return spoken or None
        candidates: list[int] = []
        if not c1.has_place and c2.head > 1:
            candidates.append(c2.head)
        if c2.last_large is not None and c2.last_large not in candidates:
            candidates.append(c2.last_large)
        if not candidates:
            return 1
        for i, m in enumerate(candidates):
            if i and candidates[0] == c2.head and not c1.has_place and low1 * c2.head < 10 * low2:
                # 5~5천억, 8~5천억: the first number is no longer than the second's coefficient, so the
                # whole multiplier was meant, and the range runs backwards: refused, not guessed.
                break
            if low1 * m < low2:
                return m
        complete = c1.has_place or low1 >= c2.head
        if complete and low1 < low2 <= low1 * 10**4:
            return 1
        text = self.t[e1.start : e2.end]
        message = (
            f'range "{text}": which unit the first number carries cannot be told; write both ends in full'
        )
        self.range_refused = (e1.start, message, e2.end)
        return None

    def spoken_tens(self, e1: _Endpoint, e2: _Endpoint, low1: Fraction) -> int | None:
        """2~30명, 4~50만원, 3~40대: a one-digit first number before the next ten (round 3).

        Said aloud (이삼십 명, 사오십만 원), 2~30 is 20~30; read as written it is 2 to 30. Both are met in
        Korean writing, so the reader refuses (0) unless the unit tells: an age bracket is always the
        spoken form (2대 is no age: 2~30대 = [20, 40)), and labels are always as written (이달 1~20일,
        1~20위). None: not this form."""
        c1, c2 = e1.core, e2.core
        if c1.kind != "arabic" or c2.kind != "arabic" or c1.has_place or c1.decimal or c1.signed or c1.yeo:
            return None
        if low1.denominator != 1 or not 1 <= low1 <= 8 or c2.signed or c2.decimal:
            return None
        lead = c2.start
        while self.at(lead) in _DIGITS and lead - c2.start <= MAX_DIGITS:
            lead += 1
        digits = self.t[c2.start : lead]
        zeros = len(digits) - 1
        if zeros < 1 or digits != f"{int(low1) + 1}" + "0" * zeros or self.at(lead) in _PLACES:
            return None
        if self.at(lead) in (",", ".") and self.at(lead + 1) in _DIGITS:
            return None
        if e2.unit == "age" and any(w == "대" for _, w in e2.quals):
            return 10**zeros
        if e2.unit in _LABEL_UNITS:
            return None
        text = self.t[e1.start : e2.end]
        d = int(low1)
        spoken = d * 10**zeros
        message = (
            f'range "{text}": "{d}" may stand for {spoken} ({d}~{digits} is said for {spoken}~{digits}) '
            f"or for {d}; write both ends in full"
        )
        self.range_refused = (e1.start, message, e2.end)
        return 0

    def comparative(self, q: int) -> tuple[int, str, int] | None:
        """보다 많은/높은/적은 … after the figure at q: the figure is a threshold (1조원보다 많은 돈)."""
        g = self.ws_end(q + 2)
        w = self.match(g, _COMPARATIVE_INDEX) if g > q + 2 else None
        if w is None:
            return None
        e = g + len(w)
        while _is_hangul(self.at(e)) and e - g < len(w) + 3:
            e += 1
        # 지난해 3%보다 높은 4%: another figure after the adjective; the first is a rate stated exactly.
        nxt = self.ws_end(e)
        if nxt > e and (self.at(nxt) in _DIGITS or self.may_start(nxt) and self.figure_at(nxt)):
            return None
        return g, w, e

    def does_not_come_to(self, q: int) -> list[tuple[int, str, int]] | None:
        """After 이/가/도: (채) 안 된다, 되지 않는다, 못 된다: the figure is not reached, less than v."""
        r = self.ws_end(q)
        if r == q:
            return None
        if self.t.startswith("채", r) and self.ws_end(r + 1) > r + 1:
            r = self.ws_end(r + 1)
        neg = self.at(r)
        d = self.ws_end(r + 1)
        if neg in ("안", "못") and d > r + 1 and self.at(d) in _BECOME:
            e = d + 1
            while _is_hangul(self.at(e)) and e - d < 4:
                e += 1
            return [(r, neg, r + 1), (d, "되", e)]
        if neg == "되" and self.t.startswith("지", r + 1):
            g = self.ws_end(r + 2)
            if g > r + 2 and self.at(g) in ("않", "못"):
                e = g + 1
                while _is_hangul(self.at(e)) and e - g < 4:
                    e += 1
                return [(r, "되", r + 2), (g, self.t[g], e)]
        return None

    def figure_at(self, q: int) -> bool:
        """Does a figure with a unit begin at q (checked without disturbing the scan)?"""
        saved = (self.error, self.skip_to, self.range_refused)
        fig = self.figure(q, allow_pair=False)
        self.error, self.skip_to, self.range_refused = saved
        return fig is not None and fig.unit is not None

    def postquals(self, q: int) -> list[tuple[int, str, int]]:
        out: list[tuple[int, str, int]] = []
        c = self.t[q] if q < self.n else ""
        if c == "보" and self.t.startswith("보다", q):
            found = self.comparative(q)
            return [found] if found is not None else out
        if c in _COME_PARTICLES and self.at(q + 1) in _WS:
            comes = self.does_not_come_to(q + 1)
            if comes is not None:
                return comes
        for _ in range(2):
            found = None
            negated: tuple[int, str, int] | None = None
            for r in (q, self.ws_end(q)) if self.ws_end(q) > q else (q,):
                w = self.match(r, _POSTQUAL_INDEX)
                if w is None:
                    continue
                e = r + len(w)
                if w == "초과" and self.t.startswith("달성", self.ws_end(e)):
                    continue  # 목표를 10% 초과 달성: 10 % over the target, exactly, not "more than 10 %"
                if w in _PREDICATES or (
                    self.ends_word(e, _FOLLOWERS)
                    and not self.t.startswith("이상하", r)
                    and not self.t.startswith("이상적", r)
                ):
                    found = (r, w, e)
                    break
            if found is None and self.at(q) in _PREDICATE_PARTICLES:
                r = self.ws_end(q + 1)
                if r > q + 1:
                    # 10%를 훌쩍 넘었다: an adverb between the particle and the predicate sets no bound.
                    adverb = self.match(r, _ADVERB_INDEX)
                    if adverb is not None and self.ws_end(r + len(adverb)) > r + len(adverb):
                        r = self.ws_end(r + len(adverb))
                    # 1조원에 못 미쳤다, 1조원을 안 넘는: the negation before the predicate.
                    neg = self.t[r] if self.at(r) in ("못", "안") else None
                    if neg is not None and self.ws_end(r + 1) > r + 1:
                        w = self.match(self.ws_end(r + 1), _OVER_INDEX)
                        if w is not None:
                            out.append((r, neg, r + 1))
                            r = self.ws_end(r + 1)
                    w = self.match(r, _OVER_INDEX)
                    if w is not None:
                        found = (r, w, r + len(w))
            if found is None:
                break
            r, w, e = found
            if w in _PREDICATES:
                # 달하는, 웃돌았다, 넘겼다: the verb's ending belongs to the phrase the predicate ends.
                while _is_hangul(self.at(e)) and e - r < len(w) + 4:
                    e += 1
                found = (r, w, e)
                # 넘지 못했다, 돌파하지 못한, 밑돌지 않았다: the negation after the 지 ending turns it around.
                g = self.ws_end(e)
                if self.at(e - 1) == "지" and g > e and self.at(g) in ("못", "않"):
                    f = g + 1
                    while _is_hangul(self.at(f)) and f - g < 4:
                        f += 1
                    if not self.t.startswith("을까", g + 1):  # 넘지 않을까 (might it not exceed?) asks
                        negated = (g, self.t[g], f)
                not_yet = self.match(g, _NOT_YET_INDEX) if g > e and self.at(e - 1) in "을를이가" else None
                if not_yet is not None:
                    # 100조원 돌파를 앞뒀다, 돌파를 눈앞에: about to pass v, so still below it.
                    f = g + len(not_yet)
                    while _is_hangul(self.at(f)) and f - g < len(not_yet) + 3:
                        f += 1
                    negated = (g, not_yet, f)
            out.append(found)
            q = found[2]
            if negated is not None:
                out.append(negated)
                q = negated[2]
                break
        return out

    def figure(self, p: int, allow_pair: bool = True) -> _Figure | None:
        e1 = self.endpoint(p)
        if e1 is None:
            return None
        self.range_refused = None
        tail = self.range_tail(e1)
        if tail is None and self.range_refused is not None:
            pos, message, end = self.range_refused
            self.error = (pos, message)
            self.skip_to = max(self.skip_to, end)
            return None
        flipped = False
        if e1.deferred is not None:
            signs, celsius = e1.deferred
            if tail is not None and e1.unit is None:
                e1.unit = tail[2].unit
            # On a refusal nothing of it is read: not the bare 3 of 영하 3~영하 1도, not the 5% of △ 3~5%.
            skip = tail[2].end if tail is not None else e1.end
            if signs and signs[0][1] in _TRIANGLES and e1.unit not in _SIGNED_UNITS:
                skip = e1.start  # △2021~2022년: a bullet; the figure after it is read on its own
            if not self.apply_prefix_words(e1, signs, celsius):
                self.skip_to = max(self.skip_to, skip)
                return None
            if tail is not None:
                e2 = tail[2]
                # The sign covers the second end too unless that end has its own (영하 5도에서 영상 3도).
                own = e2.signed_by_word or e2.core.signed or (e2.value is not None and e2.value < 0)
                if not self.apply_prefix_words(e2, [] if own else signs, celsius):
                    self.skip_to = max(self.skip_to, skip)
                    return None
                flipped = not own and bool(signs) and _SIGN_WORDS[signs[0][1]] < 0
        quals = list(e1.quals)
        if tail is None:
            last = e1
            endpoints = [e1]
        else:
            mark, mark_pos, e2 = tail
            h = self.ws_end(e2.end)
            if h > e2.end and self.t.startswith("사이", h) and self.ends_word(h + 2, _FOLLOWERS):
                e2.quals.append((h, "사이"))  # 10%에서 20% 사이: "between" closes the range
                e2.end = h + 2
            last = e2
            endpoints = [e1, e2]
            quals.append((mark_pos, mark))
            quals.extend(e2.quals)
        post = self.postquals(last.end)
        end = post[-1][2] if post else last.end
        quals.extend((r, w) for r, w, _ in post)
        post_words = [w for _, w, _ in post]
        if tail is None:
            interval = _apply(e1.base, e1.pre + post_words)
            value = e1.value
            unit = e1.unit
        else:
            e2 = endpoints[1]
            if e2.pre:
                i1, i2, whole = _apply(e1.base, e1.pre), _apply(e2.base, e2.pre), post_words
            else:
                i1, i2, whole = e1.base, e2.base, e1.pre + post_words
            if flipped:  # both ends negated: −5 … −10 is the interval [−10, −5]
                i1, i2 = i2, i1
            interval = _apply(_Interval(i1.low, i2.high, i1.low_inc, i2.high_inc), whole)
            value = None
            unit = e2.unit or e1.unit
        quals.sort(key=lambda x: x[0])
        scale = _SCALE_WORD_RE.match(self.t, end) or (
            _SCALE_LETTER_RE.match(self.t, end) if any(c in _CURRENCY_SIGNS for c in self.t[p:end]) else None
        )
        if scale is not None:
            self.fail(
                scale.start(),
                f'the English scale word "{scale.group().strip()}" after the number is not read (the figure '
                "without it would be a thousand or more times too small); claim the amount the article "
                "writes in Korean units, if it writes one",
            )
            self.skip_to = max(self.skip_to, scale.end())
            return None
        fig = _Figure(p, end, value, interval, unit, quals, endpoints)
        if not self.strict and not self.stands_alone(fig):
            self.skip_to = max(self.skip_to, fig.end)
            return None
        if allow_pair and fig.unit is not None:
            self.pair(fig)
        return fig

    def stands_alone(self, fig: _Figure) -> bool:
        """Running text only: reject readings that are far more often something else."""
        kinds = {e.core.kind for e in fig.endpoints}
        if fig.unit is None and kinds & {"sino", "vague"}:
            return False  # 천재, 수조 (water tank), 만나: Hangul numerals count only with a unit
        # 헌법 1조, 형법 250조: after the name of a law, N조 is an article, not N trillion.
        if (
            fig.unit is None
            and fig.endpoints[-1].core.last_large == 10**12
            and self.t[max(0, fig.start - 6) : fig.start].rstrip().endswith(_LAW_WORDS)
        ):
            return False
        # 엑사원 2.0, 11.18: a bare decimal (no unit, qualifier, sign or large unit) is a version or a date.
        core = fig.endpoints[0].core
        bare_decimal = (
            len(fig.endpoints) == 1
            and core.kind == "arabic"
            and core.decimal
            and not core.has_large
            and not core.has_place
            and fig.unit is None
            and not fig.quals
            and not core.signed
            # 코스피 2,471.52: comma groups make it a number (an index level), never a version (round 3).
            and "," not in self.t[core.start : core.end]
        )
        if bare_decimal:
            return False
        # 3·4분기, 3,4분기, 1·2위: a bare number before a list mark is the first item of a list whose unit
        # is written once at the end; read alone it would be a count of nothing.
        listed = self.at(fig.end) in ",·/" and self.at(fig.end + 1) in _DIGITS  # and 1/3, 3/4분기
        # 피해자 2, 3명: a comma and a space too (issue 8, second review; the 2 was read alone before).
        listed = listed or (self.t[fig.end : fig.end + 2] == ", " and self.at(fig.end + 2) in _DIGITS)
        # 5·18, 6·25: a bare number after a digit and a middle dot is the day of a date.
        dated = self.at(fig.start - 1) == "·" and self.at(fig.start - 2) in _DIGITS
        if fig.unit is None and (listed or dated):
            return False
        # The labels of the second review are bare numbers, years, or a list's last item (after , · or ", ").
        if fig.unit is None or fig.unit == "year" or self.at(fig.start - 1) in _LIST_MARKS:
            return not self.label_not_figure(fig)
        return True

    def short_year(self, i: int) -> bool:
        """After an apostrophe, are the two digits at i a year written short ('24년, ’24 시즌, not '10만 명')?"""
        if self.at(i + 1) not in _DIGITS or self.at(i + 2) in _DIGITS:
            return False
        if self.t[i - 1] != "'":
            return True  # ’ and ‘ before digits are apostrophes: a closing quote never opens a word
        c = self.at(i + 2)
        return c == "년" or not (c.isalnum() or c in ("%", ".", ","))

    def label_not_figure(self, fig: _Figure) -> bool:
        """Running text: is this bare number or count a label (issue 8, second review)?

        Stock codes (005930), road addresses (테헤란로 152), scores and pairs (3-1로, 2022-2023, 123-45),
        a year written short before a quarter (23년 4분기), a team (2인 1조), and the last item of a list
        of counts (피해자 2, 3명, 20·30대: two or three people, the twenties and thirties): each was read
        as a figure before, a number no careful reader sees there."""
        core = fig.endpoints[0].core
        if core.kind != "arabic" or core.signed or core.decimal or len(fig.endpoints) != 1:
            return False
        t = self.t
        s = fig.start
        prev = t[s - 1] if s else ""
        if fig.unit not in _LIST_LABEL_UNITS and prev in (",", "·", " ") and s >= 2:
            sep = 2 if prev == " " and t[s - 2] == "," else 1 if prev != " " else 0
            if sep and s > sep and t[s - sep - 1] in _DIGITS:
                return True  # 2, 3명; 20·30대: the last item of a list of counts
        if fig.unit is None:
            if fig.quals:
                return False
            if core.last_large == 10**12:
                before = self.word_before(core.start)
                # 2인 1조, 3인 1조로 근무: one team of two, not a trillion.
                return before.endswith("인") and before[:-1].isdigit() and core.value <= 10 * 10**12
            if core.has_large or core.has_place:
                return False
            digits = t[core.start : core.end]
            if len(digits) > 1 and digits[0] == "0":
                return True  # 005930, 007: a code or a number label, never written for a figure
            nxt = self.at(core.end)
            if len(digits) == 6 and prev == "(" and nxt == ")":
                return True  # 삼성전자(005930), LG에너지솔루션(373220): a stock code
            if (nxt in _DASHES or nxt == "+") and self.at(core.end + 1) in _DIGITS:
                return True  # 3-1로 (a score), 2022-2023 시즌, 역삼동 123-45, 1+1 행사
            if prev not in _WS:
                return False
            before = self.word_before(core.start)
            if before in ("TOP", "Top", "top", "톱", "BEST", "Best", "베스트"):
                return True  # 세계 TOP 10, 톱 10: a ranking's name (glued, TOP10 and 톱10 were skipped)
            # 테헤란로 152, 세종대로 110, 테헤란로78길 14: a road address.
            road = (
                before.endswith("길") or before.endswith("로") and len(before) >= 2 and _is_hangul(before[-2])
            )
            return road and "," not in digits and len(digits) <= 4
        if fig.unit == "year" and not fig.quals and fig.end == core.end + 1 and core.end - core.start == 2:
            g = self.ws_end(fig.end)
            if t.startswith(_SHORT_YEAR_BEFORE, g):
                return True
            r = g
            while self.at(r) in _DIGITS and r - g < 2:
                r += 1
            if r > g and self.at(r) == "월":
                return True  # 23년 4월: April 2023
        return False

    def pair(self, fig: _Figure) -> None:
        """1억 달러(약 1200억원): link the converted amount in parentheses."""
        r = self.ws_end(fig.end)
        if self.at(r) != "(":
            return
        s = self.ws_end(r + 1)
        for marker in ("한화", "원화"):
            if self.t.startswith(marker, s) and self.ws_end(s + 2) > s + 2:
                s = self.ws_end(s + 2)
                break
        saved_error, saved_skip = self.error, self.skip_to
        inner = self.figure(s, allow_pair=False)
        self.error, self.skip_to = saved_error, saved_skip
        if inner is None or inner.unit is None or inner.unit == fig.unit:
            return
        same = _RESTATES.get(inner.unit) == _RESTATES.get(fig.unit or "", "")
        if not same and {fig.unit, inner.unit} != {"point", "percent"}:
            return  # not the same measure again (_RESTATES): two figures
        e = self.ws_end(inner.end)
        if self.at(e) != ")":
            return
        fig.paired = inner
        fig.end = e + 1

    def to_quantity(self, fig: _Figure) -> Quantity:
        iv = fig.interval
        return Quantity(
            text=self.orig[fig.start : fig.end],
            start=fig.start,
            end=fig.end,
            value=fig.value,
            low=iv.low,
            high=iv.high,
            low_inclusive=iv.low is not None and iv.low_inc,
            high_inclusive=iv.high is not None and iv.high_inc,
            unit=fig.unit,
            qualifiers=tuple(w for _, w in fig.quals),
            paired=self.to_quantity(fig.paired) if fig.paired is not None else None,
        )

    def may_start(self, i: int) -> bool:
        """Running text: can a figure begin at i? (Not inside a word, a number or a model name.)"""
        c = self.t[i]
        if c not in _START_CHARS:
            return False
        prev = self.t[i - 1] if i else " "
        if prev.isalpha():
            # 뉴스1, A380, 한국: digits and numerals glued to a word belong to the word. "US$" is the
            # one exception, and its own check below looks at the character before the U.
            return False
        if c in _DIGITS:
            if (prev in _DASHES or prev == "+") and i >= 2 and self.t[i - 2].isalnum():
                return False  # COVID-19, 04-26: the tail of a code or date; 1+1 (a promotion)
            if prev in "’‘'" and self.short_year(i):
                return False  # ’24년, '24 시즌: a year written short (2024), not 24 years
            return not (prev.isdigit() or prev in ".,_@/:")
        if c in _TRIANGLES:
            # ▲ 10원 (a plus either way); △ 500억원 and ▼ 1.2% are refused in endpoint(), not read as +.
            return self.at(self.ws_end(i + 1)) in _DIGITS
        if c in _SIGNS or c in "$€£¥₩":
            return self.at(i + 1) in _DIGITS and not (prev.isdigit() or prev in ".,_@/:-")
        if c == "U":
            return self.t.startswith("US$", i) and self.at(i + 3) in _DIGITS and not prev.isdigit()
        if c in _PREFIX_ONLY_STARTS:
            return any(
                self.match(i, index) is not None for index in (_PREQUAL_INDEX, _SIGN_INDEX, _HALF_INDEX)
            )
        return c in _HANGUL_STARTS


# ---------------------------------------------------------------------------------------------------
# Public API


def _clip(s: str, limit: int = 30) -> str:
    return s if len(s) <= limit else s[:limit] + "…"


def read_quantity(text: str) -> Quantity:
    """Read `text` as ONE figure (with its qualifiers and unit; surrounding whitespace allowed).

    Raises NotAFigure (with a message saying why, and the offset) for anything else."""
    if not isinstance(text, str):
        raise TypeError(f"read_quantity needs a str, not {type(text).__name__}")
    start = 0
    while start < len(text) and text[start].isspace():
        start += 1
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise NotAFigure("no digits or Korean numerals (empty input)", start)
    parser = _Parser(text[:end], strict=True)
    fig = parser.figure(start)
    if fig is None:
        pos, message = parser.error or (start, "no digits or Korean numerals")
        raise NotAFigure(message, pos)
    if fig.end < end:
        rest_start = fig.end
        while text[rest_start].isspace():
            rest_start += 1
        rest = text[rest_start:end]
        if rest[0] == "/" and rest[1:2].isdigit():
            raise NotAFigure('a fraction or a pair written with "/" is not read (write 3분의 1)', rest_start)
        if rest[0] in ",·" and rest[1:2].strip():
            raise NotAFigure(f'a list ("{_clip(text[start:end])}") is more than one figure', rest_start)
        if fig.unit is None and rest[0].isalpha():
            word = rest[:40].split()[0]
            raise NotAFigure(f'unknown unit "{_clip(word)}" after the number', rest_start)
        raise NotAFigure(f'trailing text "{_clip(rest)}"', rest_start)
    return parser.to_quantity(fig)


def find_quantities(text: str, start: int = 0, stop: int | None = None) -> list[Quantity]:
    """Every figure in running text, in order, non-overlapping, with exact spans. Never raises on a str.

    `start` and `stop`: only figures starting in text[start:stop], the scan begun at `start` (the words
    before it are still read as context); a figure may end after `stop`. The same figures as a scan of
    the whole text only where no figure of that scan runs across `start` (`checks.coverage`)."""
    if not isinstance(text, str):
        return []
    parser = _Parser(text, strict=False)
    out: list[Quantity] = []
    i, n = start, len(text) if stop is None else min(stop, len(text))
    search = _START_RE.search
    while i < n:
        # Jump to the next character a figure can begin with (one C-level scan instead of a Python step
        # per character: most of running text is words).
        m = search(parser.t, i, n)
        if m is None:
            break
        i = m.start()
        if not parser.may_start(i):
            i += 1
            continue
        parser.skip_to = 0
        fig = parser.figure(i)
        if fig is not None and fig.end > i:
            out.append(parser.to_quantity(fig))
            i = fig.end
        else:
            i = max(i + 1, parser.skip_to)
    return out
