"""`claims number`: a figure may start with a minus, and a refusal says what and where (issue 8)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from checks.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("figure", "value"), [("-3.5%", "-7/2"), ("-1.2조원", "-1200000000000"), ("−0.5%p", "-1/2")]
)
def test_a_leading_minus_is_a_sign_not_an_option(
    capsys: pytest.CaptureFixture[str], figure: str, value: str
) -> None:
    code, out, err = _run(capsys, "number", figure)
    assert (code, err) == (0, "")
    data = json.loads(out, parse_float=Fraction, parse_int=Fraction)
    assert data["text"] == figure and data["value"] == Fraction(value)


def test_double_dash_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "number", "--", "-3.5%")
    assert code == 0 and json.loads(out)["value"] == -3.5


def test_help_is_still_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["number", "--help"])
    assert info.value.code == 0
    assert "expression" in capsys.readouterr().out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["number", "-x"])
    assert info.value.code == 2


@pytest.mark.parametrize(
    ("figure", "says"),
    [
        ("1,00명", '"1,00": digit groups after a comma have exactly three digits (1,000) (at offset 0)'),
        ("3조 뭐", 'unknown unit "뭐" after the number (at offset 3)'),
        ("(3%)", '"(" is not a number, a unit or a qualifier this reader knows (at offset 0)'),
        ("세대", '"세대" is the word "generation", not a figure (at offset 0)'),
    ],
)
def test_refusal_says_what_was_not_understood_and_where(
    capsys: pytest.CaptureFixture[str], figure: str, says: str
) -> None:
    code, out, err = _run(capsys, "number", figure)
    assert (code, out) == (1, "")
    assert err == f"claims number: '{figure}' is not a figure: {says}\n"
    assert "no digits or Korean numerals" not in err


def test_a_refused_expression_is_shown_inert_and_cut(capsys: pytest.CaptureFixture[str]) -> None:
    """The expression was echoed whole (100,000 digits gave a 100 KB line); escapes were repr's."""
    code, _, err = _run(capsys, "number", "1" * 100_000)
    assert code == 1 and len(err) < 2_300 and "…(+98,000 characters)" in err
    code, _, err = _run(capsys, "number", "1\x1b[31m\u202e명\n::error::x")
    assert code == 1 and err.count("\n") == 1 and "\x1b" not in err and "\u202e" not in err
    assert "1\\x1b[31m\\u202e명\\n::error::x" in err
