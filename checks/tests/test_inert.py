"""Registry text is inert in every output (issue 10, class 6): checks/inert.py and its users."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import cli, inert
from checks.problems import problem

from .conftest import MakeRegistry

# Everything that could end a line, start an escape sequence, reorder text or hide in it.
HOSTILE = "A\n::error file=README.md,line=1::FAKE\r\x1b[31mRED\x1b]0;title\x07\x9b2J\u202eevil\u2066\u2028\u0085\u200bZ"
RAW = ("\n", "\r", "\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2028", "\u0085", "\u200b")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def hostile_root(make_registry: MakeRegistry) -> Path:
    """A resolution key, a claim value and a claims file name full of hostile characters."""
    escaped = json.dumps(HOSTILE)  # a YAML double-quoted scalar takes JSON's escapes
    resolutions = f"resolutions:\n  - group: {escaped}\n    status: open\n    note: {escaped}\n"
    claim = (Path(__file__).parent / "registry" / "claims" / "sample.yaml").read_text(encoding="utf-8")
    claim = claim.replace("subject: lg-ai-research", f"subject: {escaped}").replace(
        "id: sample-staff", "id: x"
    )
    return make_registry(
        {
            "claims/resolutions.yaml": resolutions,
            f"claims/evil{HOSTILE.replace('/', '')}.yaml": claim,
        }
    )


def test_text_output_keeps_one_problem_per_line(
    hostile_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "check", "--root", str(hostile_root), "--format", "text")
    assert status == 1 and err == ""
    assert not any(ch in out.removesuffix("\n").replace("\n", "") for ch in RAW)
    lines = out.splitlines()
    assert all(
        line.split(":", 1)[0] in ("claims/resolutions.yaml", "claims/sample.yaml")
        or line.startswith(("claims/evilA\\n", "2 claims"))
        for line in lines
    ), lines
    assert any("A\\n::error file=README.md,line=1::FAKE\\r\\x1b[31mRED" in line for line in lines)


def test_github_output_has_no_fake_workflow_command(
    hostile_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "check", "--root", str(hostile_root), "--format", "github")
    assert status == 1
    lines = out.splitlines()
    assert all(line.startswith(("::error file=claims/", "::warning file=claims/")) for line in lines[:-1]), (
        lines
    )
    assert not any(ch in out.removesuffix("\n").replace("\n", "") for ch in RAW)
    # Exactly one command per problem: the hostile ones are inside a message, escaped.
    assert sum(line.count("::error ") for line in lines) >= len(lines) - 1
    for line in lines[:-1]:  # the properties are exactly file, line, col, title: none injected
        properties = line.split("::", 2)[1].split(" ", 1)[1].split(",")
        assert [p.split("=", 1)[0] for p in properties] in (
            ["file", "title"],
            ["file", "line", "col", "title"],
        )


def test_json_output_is_inert_and_exact(hostile_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "check", "--root", str(hostile_root), "--format", "json")
    assert status == 1
    assert not any(ch in out.replace("\n", "") for ch in RAW)  # newlines only between JSON tokens
    data = json.loads(out)
    messages = " ".join(p["message"] for p in data["problems"])
    assert HOSTILE in messages  # escaped in the text, exact once parsed
    assert any(HOSTILE.replace("/", "") in p["path"] for p in data["problems"])


def test_report_errors_on_stderr_are_inert(hostile_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "report", "--root", str(hostile_root))
    assert status == 1 and out == ""
    assert not any(ch in err.replace("\n", "") for ch in RAW)
    assert all(not line.startswith("::") for line in err.splitlines())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_terminal_text_is_one_line_of_safe_characters(text: str) -> None:
    shown = inert.terminal(text, limit=10**6)
    assert not any(inert.unsafe(ch) for ch in shown)
    assert "\n" not in shown and "\r" not in shown


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_github_data_is_one_line_and_json_round_trips(text: str) -> None:
    assert "\n" not in inert.github_data(text) and "::" not in inert.github_property(text)
    encoded = inert.json_text(json.dumps(text, ensure_ascii=False))
    assert json.loads(encoded) == text
    assert not any(inert.unsafe(ch) for ch in encoded)


def test_problem_text_is_inert_but_problem_keeps_the_value() -> None:
    p = problem("claims/a\nb.yaml", 1, 2, "invalid-value", "value 'x\x1by'")
    assert p.text() == "claims/a\\nb.yaml:1:2: error invalid-value value 'x\\x1by'"
    assert p.message == "value 'x\x1by'"


def test_long_values_are_cut_in_text() -> None:
    shown = inert.terminal("x" * 5000)
    assert len(shown) < 2100 and shown.endswith("…(+3,000 characters)")
