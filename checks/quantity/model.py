"""What the figure reader returns: a `Quantity`, or a `NotAFigure` refusal saying why and where."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    low_inclusive: bool
    high_inclusive: bool
    unit: str | None
    qualifiers: tuple[str, ...]
    # For "1억 달러(약 1200억원)" the outer amount (whose span covers the parentheses) links to the inner
    # one; the inner one has paired=None and is not listed separately by find_quantities.
    paired: Quantity | None = None


class NotAFigure(ValueError):
    """Input that is not a figure. Attributes: message (str, says why), position (int offset)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at offset {position})")
        self.message = message
        self.position = position
