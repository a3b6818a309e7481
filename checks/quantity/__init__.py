"""Read Korean numeric expressions as exact quantities with bounds.

Conflict detection compares figures, and Korean news writes them in forms that general number
parsers get wrong (``3조6000억`` is 3,600,000,000,000; ``80여명`` is "eighty-odd people", not 0).
This module reads one figure (`read_quantity`) or every figure in running text (`find_quantities`)
and returns a `Quantity`: the exact value as stated plus the interval of values the wording allows.

Everything is exact (`fractions.Fraction`); no binary approximation of a figure is ever made. The reader
is a small hand-written scanner: each step looks at a bounded window of the text, so hostile input
cannot trigger regex backtracking, and `find_quantities` runs in time linear in the input.

docs/quantities.md is the reference for every form read, the qualifier table (`QUALIFIERS`), the
units table (`UNITS`) and the known limits.
"""

from functools import lru_cache

from .jsonform import quantity_json
from .model import NotAFigure, Quantity
from .scanner import find_quantities, read_quantity
from .tables import (
    APPROX_TOLERANCE,
    MAX_DIGITS,
    MAX_GAP,
    NATIVE_COUNTERS,
    NOT_FIGURES,
    QUALIFIER_KINDS,
    QUALIFIERS,
    UNITS,
    QualifierRule,
)


@lru_cache(maxsize=16384)
def figures_in(text: str) -> tuple[Quantity, ...]:
    """`find_quantities`, remembered: one claim's checks read its quote several times (the figure in
    the quote, the time words, coverage), and a Quantity is immutable. A tuple, so no caller can change
    what the next one gets."""
    return tuple(find_quantities(text))


__all__ = [
    "APPROX_TOLERANCE",
    "MAX_DIGITS",
    "MAX_GAP",
    "NATIVE_COUNTERS",
    "NOT_FIGURES",
    "QUALIFIERS",
    "QUALIFIER_KINDS",
    "UNITS",
    "NotAFigure",
    "QualifierRule",
    "Quantity",
    "figures_in",
    "find_quantities",
    "quantity_json",
    "read_quantity",
]
