"""Look-alike characters are named by code point in messages (checks/homoglyphs.py; issue 10, class 8)."""

from __future__ import annotations

import pytest

from checks.checker import check
from checks.homoglyphs import look_alike, name
from checks.quotes import Difference

from .conftest import MakeRegistry


@pytest.mark.parametrize(
    "quote, article",
    [
        ("О", "O"),  # Cyrillic and Latin capital O
        ("Ο", "O"),  # Greek omicron
        ("а", "a"),
        ("р", "p"),  # names differ (ER, P): a hand-made class
        ("Ａ", "A"),  # full-width
        ("１", "1"),
        ("％", "%"),
        ("ㅇ", "ᄋ"),  # compatibility and conjoining jamo
        ("–", "-"),  # en dash and hyphen-minus
        ("−", "-"),  # minus sign
        ("ㆍ", "·"),  # Hangul araea and middle dot
        ("’", "'"),
        ("〜", "~"),
    ],
)
def test_look_alikes_are_named(quote: str, article: str) -> None:
    assert look_alike(quote, article) and look_alike(article, quote)
    text = Difference(5, quote, article).describe()
    assert f"'{quote}' ({name(quote)})" in text and f"'{article}' ({name(article)})" in text
    assert "look alike" in text


@pytest.mark.parametrize("a, b", [("a", "A"), ("O", "Q"), ("가", "거"), ("1", "7"), ("었", "였")])
def test_different_looking_characters_are_not_named(a: str, b: str) -> None:
    assert not look_alike(a, b)
    assert "U+" not in Difference(5, a, b).describe()


def test_invisible_characters_are_named() -> None:
    assert "(U+200B ZERO WIDTH SPACE)" in Difference(3, "\u200b", "").describe()
    assert "(U+00AD SOFT HYPHEN)" in Difference(3, "", "\u00ad").describe()
    assert "invisible" in Difference(3, "\u2060", "").describe()


def test_name_of_a_control_character() -> None:
    assert name("\x1b") == "U+001B <control>"


def test_the_checker_names_a_cyrillic_letter(make_registry: MakeRegistry) -> None:
    claim = (make_registry() / "claims" / "sample.yaml").read_text(encoding="utf-8")
    root = make_registry({"claims/sample.yaml": claim.replace("LG AI연구원은", "LG АI연구원은")})
    [p] = check(root).problems
    assert (p.path, p.line, p.column, p.code) == ("claims/sample.yaml", 4, 12, "quote-not-found")
    assert (
        "the quote has 'А' (U+0410 CYRILLIC CAPITAL LETTER A) where the article has "
        "'A' (U+0041 LATIN CAPITAL LETTER A); they look alike but are different characters"
    ) in p.message
