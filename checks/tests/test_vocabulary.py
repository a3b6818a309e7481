"""The vocabulary and the number reader speak of units with the same keys."""

from __future__ import annotations

from pathlib import Path

from checks import quantity
from checks.dates import DATE_UNIT
from checks.vocabulary import load_vocabulary

from .conftest import MakeRegistry

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


def test_a_key_with_no_close_match_says_where_keys_live_and_how_to_add_one(
    make_registry: MakeRegistry,
) -> None:
    # Nothing in the vocabulary is close to these: a "did you mean" cannot help, so the message must
    # say what to do (a key of schema/vocabulary.yaml, or a new entry there, then `claims schema --write`).
    from checks.checker import check

    sample = (Path(__file__).parent / "registry" / "claims" / "sample.yaml").read_text(encoding="utf-8")
    text = sample.replace("subject: lg-ai-research", "subject: samsung-sds").replace(
        "property: headcount", "property: patents-filed"
    )
    root = make_registry({"claims/sample.yaml": text})
    found = {p.code: p for p in check(root).problems}
    subject, prop = found["unknown-subject"], found["unknown-property"]
    assert (subject.line, subject.column, prop.line, prop.column) == (5, 14, 6, 15)
    assert subject.message == (
        "subject 'samsung-sds' is not in the vocabulary (schema/vocabulary.yaml): use one of its keys, or "
        "add it under `subjects` with its Korean and English labels (ko, en), then run `claims schema --write`"
    )
    assert "add it under `properties` with ko, en and changes_over_time" in prop.message
    # A close key is still named instead.
    root = make_registry({"claims/sample.yaml": sample.replace("property: headcount", "property: headcont")})
    (close,) = [p for p in check(root).problems if p.code == "unknown-property"]
    assert close.message == "property 'headcont' is not in the vocabulary; did you mean 'headcount'?"


def test_a_distant_did_you_mean_also_says_how_to_add_a_new_term(make_registry: MakeRegistry) -> None:
    # `headcount-target` is a new property, not a typo of `headcount`: "did you mean 'headcount'?" alone
    # sent the editor to the wrong key (second review of issue 9). A typo gets the "did you mean" alone.
    from checks.checker import check

    sample = (Path(__file__).parent / "registry" / "claims" / "sample.yaml").read_text(encoding="utf-8")
    root = make_registry(
        {"claims/sample.yaml": sample.replace("property: headcount", "property: headcount-target")}
    )
    (new,) = [p for p in check(root).problems if p.code == "unknown-property"]
    assert new.message == (
        "property 'headcount-target' is not in the vocabulary; did you mean 'headcount'? If it is a new term, "
        "add it under `properties` with ko, en and changes_over_time in schema/vocabulary.yaml, then run "
        "`claims schema --write`"
    )
