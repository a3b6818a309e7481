"""The JSON form of a `Quantity` (what `claims number` prints)."""

from __future__ import annotations

from .model import Quantity


def quantity_json(q: Quantity) -> dict[str, object]:
    """The JSON shape of a Quantity (for checks.exactjson.dumps): Fractions stay Fractions."""
    return {
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "low_inclusive": q.low_inclusive,
        "high_inclusive": q.high_inclusive,
        "unit": q.unit,
        "qualifiers": list(q.qualifiers),
        "paired": quantity_json(q.paired) if q.paired is not None else None,
    }
