"""The vocabulary and the number reader speak of units with the same keys."""

from __future__ import annotations

from pathlib import Path

from checks import quantity
from checks.dates import DATE_UNIT
from checks.vocabulary import load_vocabulary

PROJECT = Path(__file__).resolve().parents[2]


def test_project_vocabulary_loads_clean() -> None:
    vocabulary = load_vocabulary(PROJECT)
    assert vocabulary.problems == [] and vocabulary.loaded


def test_every_unit_the_reader_produces_is_in_the_vocabulary_with_a_spelling_it_reads() -> None:
    units = load_vocabulary(PROJECT).units
    missing = sorted(set(quantity.UNITS) - set(units))
    assert missing == [], f"add these units to schema/vocabulary.yaml: {missing}"
    for key, spellings in quantity.UNITS.items():
        assert units[key].ko in spellings, f"{key}: Korean label {units[key].ko!r} is not one of {spellings}"


def test_every_vocabulary_unit_is_one_the_reader_can_produce() -> None:
    # A unit no figure can be read in would make every claim using it a unit-mismatch. Dates are
    # read by the time reader (checks/dates.py), not the number reader.
    assert sorted(set(load_vocabulary(PROJECT).units) - set(quantity.UNITS) - {DATE_UNIT}) == []


def test_the_date_unit_is_in_the_vocabulary_and_no_quantity_unit() -> None:
    assert DATE_UNIT in load_vocabulary(PROJECT).units
    assert DATE_UNIT not in quantity.UNITS
