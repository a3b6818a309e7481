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


# A figure, a time or a skip's figure that does not occur in its quote only because of a look-alike or
# an invisible character: the message said "does not occur in the quote" and left the editor staring
# at two strings that look the same. (part, quote, the hint the message must hold; "" for none)
HINTS = [
    (
        "12８명",
        "기준 128명으로",
        "it looks like '128명' of the quote but is not: it has '８' (U+FF18 FULLWIDTH DIGIT EIGHT) where the quote has '8' (U+0038 DIGIT EIGHT)",
    ),
    (
        "128명",
        "기준 １28명으로",
        "it has '1' (U+0031 DIGIT ONE) where the quote has '１' (U+FF11 FULLWIDTH DIGIT ONE)",
    ),
    (
        "지난해 ３분기",
        "지난해 3분기 기준",
        "'３' (U+FF13 FULLWIDTH DIGIT THREE) where the quote has '3' (U+0033 DIGIT THREE)",
    ),
    ("128\u200b명", "기준 128명으로", "it has (U+200B ZERO WIDTH SPACE), which the quote has not there"),
    ("\ufeff80여명", "당시 80여명이던", "it has (U+FEFF ZERO WIDTH NO-BREAK SPACE)"),
    (
        "3조6ООО억",
        "3조6000억 원",
        "'О' (U+041E CYRILLIC CAPITAL LETTER O) where the quote has '0' (U+0030 DIGIT ZERO)",
    ),
    ("8O명", "기준 128명으로", ""),  # not alike anything there
    ("129명", "기준 128명으로", ""),  # a different figure, not a look-alike
]


@pytest.mark.parametrize("part, quote, hint", HINTS, ids=[repr(h[0]) for h in HINTS])
def test_a_part_not_in_its_quote_names_the_look_alikes(part: str, quote: str, hint: str) -> None:
    from checks.homoglyphs import hint_in

    found = hint_in(part, quote, "quote")
    assert (hint in found) if hint else found == ""


def test_the_checker_names_a_full_width_digit_in_a_figure(make_registry: MakeRegistry) -> None:
    claim = (make_registry() / "claims" / "sample.yaml").read_text(encoding="utf-8")
    root = make_registry({"claims/sample.yaml": claim.replace("as_written: 80여명", "as_written: ８0여명")})
    [p] = check(root).problems
    assert (p.path, p.line, p.column, p.code) == ("claims/sample.yaml", 7, 17, "figure-not-in-quote")
    assert "'８' (U+FF18 FULLWIDTH DIGIT EIGHT) where the quote has '8' (U+0038 DIGIT EIGHT)" in p.message


@pytest.mark.parametrize(
    ("key", "written", "line", "named"),
    [
        # The headline is looked for in the body, the others in the whole file.
        (
            "headline",
            "LG AI연구원 인력 늘어",
            6,
            "'Ｉ' (U+FF29 FULLWIDTH LATIN CAPITAL LETTER I) where the article has",
        ),
        ("published_evidence", "입력 2024.01.02", 8, "'０' (U+FF10 FULLWIDTH DIGIT ZERO) where the file has"),
        ("reporter", "홍길동", 9, "it has (U+200B ZERO WIDTH SPACE), which the file has not there"),
    ],
)
def test_evidence_in_the_sources_index_names_the_look_alikes(
    make_registry: MakeRegistry, key: str, written: str, line: int, named: str
) -> None:
    """The sources index's evidence (headline, published_evidence, reporter, outlet_evidence) is looked
    for in the article; one differing only by a look-alike or an invisible character was reported as
    "does not occur", the two texts looking the same."""
    index = (make_registry() / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    altered = {
        "headline": written.replace("I", "Ｉ"),
        "published_evidence": written.replace("01.02", "01.０2"),
        "reporter": written[:1] + "\u200b" + written[1:],
    }[key]
    root = make_registry({"seeds/sources.yaml": index.replace(f"{key}: {written}", f'{key}: "{altered}"')})
    problems = [p for p in check(root).problems if p.code == "source-evidence"]
    assert [(p.path, p.line) for p in problems] == [("seeds/sources.yaml", line)]
    assert named in problems[0].message
