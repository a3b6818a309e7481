"""JSON output that keeps figures exact.

The standard encoder cannot write `Fraction` or `Decimal`, and `float` would lose digits and may
switch to scientific notation (``1e+16``). Every figure we print goes through `number_token`, which
writes the plain decimal digits of the exact value.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .inert import json_text

# A fraction whose denominator has prime factors other than 2 and 5 (e.g. 1/3) has no finite decimal
# form; it is written with this many digits after the point, rounded half-even.
REPEATING_DIGITS = 12


def number_token(value: int | Fraction | Decimal) -> str:
    """The JSON number token for an exact value, never in scientific notation."""
    if isinstance(value, bool):
        raise TypeError("booleans are not figures")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        value = Fraction(value)
    if not isinstance(value, Fraction):
        raise TypeError(f"not an exact number: {value!r}")
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    places = max(twos, fives) if den == 1 else REPEATING_DIGITS
    scaled = round(value * 10**places)  # Fraction.__round__ is exact, half-even
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return sign + text


def dumps(obj: Any, indent: int | None = 2) -> str:
    """Like `json.dumps(obj, ensure_ascii=False, sort_keys=False)` but exact for figures, and with
    control, bidi and other format characters escaped so that the text is inert on a terminal."""
    return json_text("".join(_encode(obj, indent, 0)))


def _encode(obj: Any, indent: int | None, level: int):
    if obj is None or isinstance(obj, (bool, str)):
        yield json.dumps(obj, ensure_ascii=False)
    elif isinstance(obj, (int, Fraction, Decimal)):
        yield number_token(obj)
    elif isinstance(obj, float):
        raise TypeError(f"floats are not exact; refusing to write {obj!r}")
    elif isinstance(obj, dict):
        if not obj:
            yield "{}"
            return
        yield "{"
        for i, (key, value) in enumerate(obj.items()):
            yield _sep(i, indent, level + 1)
            yield json.dumps(str(key), ensure_ascii=False) + ": "
            yield from _encode(value, indent, level + 1)
        yield _close(indent, level) + "}"
    elif isinstance(obj, (list, tuple)):
        if not obj:
            yield "[]"
            return
        yield "["
        for i, value in enumerate(obj):
            yield _sep(i, indent, level + 1)
            yield from _encode(value, indent, level + 1)
        yield _close(indent, level) + "]"
    else:
        raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def _sep(i: int, indent: int | None, level: int) -> str:
    comma = "," if i else ""
    if indent is None:
        return comma + (" " if i else "")
    return comma + "\n" + " " * (indent * level)


def _close(indent: int | None, level: int) -> str:
    return "" if indent is None else "\n" + " " * (indent * level)
