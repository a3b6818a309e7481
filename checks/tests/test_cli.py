"""The `claims` command line, end to end: exit status, output formats, explain, hostile input."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cli import build_parser, main
from checks.problems import CODES

from .conftest import MakeRegistry

TEXT_LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) (?P<code>[a-z0-9-]+) (?P<message>.+)$"
)
QUOTE_TYPO = {
    "claims/example.yaml": CODES["quote-not-found"].failing.text,  # reported at 4:12
}
CLEAN_SUMMARY = "1 claims over 1 sources: all quotes verified, no problems"


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests choose the format themselves; a CI's GITHUB_ACTIONS must not leak in."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CLAIMS_DEBUG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- claims check: exit status and text ---------------------------------------------------------------


def test_clean_registry_exits_0(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--root", str(make_registry()))
    assert code == 0
    assert out == CLEAN_SUMMARY + "\n"
    assert err == ""


def test_problems_exit_1_with_located_text_lines(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry({**QUOTE_TYPO, "claims/other.yaml": "claims: []\n"})
    code, out, err = run(capsys, "check", "--root", str(root))
    assert code == 1
    lines = out.splitlines()
    assert lines[-1] == "2 claims over 1 sources: 1 error(s), 1 warning(s)"
    parsed = [TEXT_LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    found = [(m["path"], int(m["line"]), int(m["column"]), m["severity"], m["code"]) for m in parsed if m]
    assert found == [
        ("claims/example.yaml", 4, 12, "error", "quote-not-found"),
        ("claims/other.yaml", 1, 9, "warning", "no-claims"),
    ]
    assert lines[0].startswith("claims/example.yaml:4:12: error quote-not-found the quote does not occur")
    # The closest passage, located, and what differs.
    assert "seeds/sample.txt:3:" in lines[0] and "the quote has '어났' where the article has '었'" in lines[0]
    assert err == ""


def test_warnings_alone_exit_0(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(make_registry({"claims/empty.yaml": "claims: []\n"})))
    assert code == 0
    assert out.splitlines()[0] == "claims/empty.yaml:1:9: warning no-claims this file holds no claims"


def test_whole_file_problems_have_line_and_column_0(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--root", str(make_registry({"seeds/extra.txt": "새 기사\n"})))
    assert code == 1
    assert out.splitlines()[0].startswith("seeds/extra.txt:0:0: error source-unindexed ")


def test_default_root_is_found_around_the_current_directory(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_registry(QUOTE_TYPO)
    monkeypatch.chdir(root / "claims")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.startswith("claims/example.yaml:4:12: error quote-not-found ")


# --- usage errors ----------------------------------------------------------------------------------------


def test_root_that_is_not_a_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    code, out, err = run(capsys, "check", "--root", str(missing))
    assert code == 2
    assert out == ""
    assert err == f"claims check: --root {missing}: no such directory\n"
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    assert run(capsys, "check", "--root", str(a_file))[0] == 2


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["check", "--no-such-option"],
        ["check", "--format", "xml"],
        ["check", "--root"],
        ["explain", "a", "b"],
    ],
    ids=[
        "no-command",
        "unknown-command",
        "unknown-option",
        "unknown-format",
        "option-without-value",
        "extra-arg",
    ],
)
def test_argparse_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: claims")


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out, _ = capsys.readouterr()
    for command in ("check", "explain", "number"):
        assert command in out


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:  # argparse offers no public way to walk subcommands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.extend(_parsers(sub, (*path, name)))
    return found


def test_every_help_keeps_its_example_lines_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    # An example in a command's description (an indented line, e.g. a command to copy) must reach
    # `--help` as written: argparse's default formatter reflows it into the paragraph around it.
    checked = 0
    for path, parser in _parsers(build_parser()):
        description = parser.description or ""
        examples = [line for line in description.splitlines() if line.startswith("  ") and line.strip()]
        if not examples:
            continue
        with pytest.raises(SystemExit):
            main([*path, "--help"])
        out = capsys.readouterr().out
        for line in examples:
            assert line in out.splitlines(), f"claims {' '.join(path)} --help reflows: {line!r}"
        checked += 1
    assert checked >= 3  # find, add, source add at least


# --- JSON ------------------------------------------------------------------------------------------------


def test_json_format(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry({**QUOTE_TYPO, "claims/other.yaml": "claims: []\n"})
    code, out, _ = run(capsys, "check", "--root", str(root), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"claims", "sources", "problems"}
    assert type(data["claims"]) is int and data["claims"] == 2
    assert type(data["sources"]) is int and data["sources"] == 1
    assert isinstance(data["problems"], list) and len(data["problems"]) == 2
    for item in data["problems"]:
        assert set(item) == {"path", "line", "column", "code", "severity", "message"}
        assert type(item["line"]) is int and type(item["column"]) is int
        assert item["code"] in CODES
        assert item["severity"] == CODES[item["code"]].severity.value
        assert isinstance(item["message"], str) and item["message"]
    first = data["problems"][0]
    assert (first["path"], first["line"], first["column"], first["code"], first["severity"]) == (
        "claims/example.yaml",
        4,
        12,
        "quote-not-found",
        "error",
    )
    assert "'어났'" in first["message"]


def test_json_format_clean(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(make_registry()), "--format", "json")
    assert code == 0
    assert json.loads(out) == {"claims": 1, "sources": 1, "problems": []}


def test_json_is_chosen_over_github_actions(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "check", "--root", str(make_registry(QUOTE_TYPO)), "--format", "json")
    assert code == 1
    assert json.loads(out)["problems"][0]["code"] == "quote-not-found"


# --- GitHub annotations ------------------------------------------------------------------------------------

# A file name holding the characters a workflow command property must escape, and a figure whose message
# holds '%' and a line break.
ODD_PATH = "claims/a%b,c:d.yaml"
ODD_CLAIM = """\
claims:
  - id: sample-odd
    source: sample-2024-01-02
    quote: 지난해 3분기 기준 128명으로 늘었다
    subject: lg-ai-research
    property: headcount
    as_written: "1%\\n28명"
    unit: person
"""


def _annotations(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::")]


def test_github_format_escapes_properties_and_data(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry({ODD_PATH: ODD_CLAIM, **QUOTE_TYPO})
    code, out, _ = run(capsys, "check", "--root", str(root), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    annotations = _annotations(out)
    assert len(annotations) == 2 and len(lines) == 3  # one line per problem, then the summary
    assert lines[-1] == "3 claims over 1 sources: 2 error(s), 0 warning(s)"
    odd = annotations[0]
    assert odd.startswith("::error file=claims/a%25b%2Cc%3Ad.yaml,line=7,col=17,title=figure-not-in-quote::")
    data = odd.split("title=figure-not-in-quote::", 1)[1]
    assert "'1%25\\n28명'" in data  # % escaped; the line break shown as \n (checks.inert), not obeyed
    assert "\n" not in data
    typo = annotations[1]
    assert typo.startswith("::error file=claims/example.yaml,line=4,col=12,title=quote-not-found::")
    # In the data part ':' and ',' stay as they are.
    typo_data = typo.split("::", 2)[2]
    assert "seeds/sample.txt:3:" in typo_data and ", " in typo_data


def test_github_format_warning_and_whole_file(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry({"claims/empty.yaml": "claims: []\n", "seeds/extra.txt": "새 기사\n"})
    code, out, _ = run(capsys, "check", "--root", str(root), "--format", "github")
    assert code == 1
    assert _annotations(out) == [
        "::warning file=claims/empty.yaml,line=1,col=9,title=no-claims::this file holds no claims",
        (
            "::error file=seeds/extra.txt,title=source-unindexed::extra.txt is not in seeds/sources.yaml; "
            "onboard it: `claims source add seeds/extra.txt --outlet OUTLET` pins its sha256 and proposes its entry"
        ),
    ]


def test_github_format_clean(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(make_registry()), "--format", "github")
    assert code == 0
    assert out == CLEAN_SUMMARY + "\n"


def test_github_actions_selects_annotations(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_registry(QUOTE_TYPO)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert out.startswith("::error file=claims/example.yaml,line=4,col=12,title=quote-not-found::")
    # An explicit format wins.
    code, out, _ = run(capsys, "check", "--root", str(root), "--format", "text")
    assert out.startswith("claims/example.yaml:4:12: error quote-not-found ")
    # Anything but "true" is not GitHub Actions.
    monkeypatch.setenv("GITHUB_ACTIONS", "1")
    code, out, _ = run(capsys, "check", "--root", str(root))
    assert out.startswith("claims/example.yaml:4:12: error quote-not-found ")


# --- explain ---------------------------------------------------------------------------------------------


def test_explain_one_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "quote-not-found")
    assert code == 0 and err == ""
    assert out.startswith("quote-not-found (error)\n")
    assert "Failing example (claims/example.yaml; reported at claims/example.yaml:4:12)" in out
    assert "Passing example" in out and "늘어났다" in out


def test_explain_source_code_names_where_it_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "source-unusable")
    assert code == 0
    assert "reported at claims/sample.yaml:3:13" in out


def test_explain_all_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain")
    assert code == 0
    for name, spec in CODES.items():
        assert f"{name} ({spec.severity.value})" in out


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("quote-not-fond", "quote-not-found"), ("duplicate-ids", "duplicate-id"), ("yaml-tags", "yaml-tag")],
)
def test_explain_unknown_code_suggests(
    typo: str, suggestion: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "explain", typo)
    assert code == 2
    assert out == ""
    assert err == f"claims explain: no problem code '{typo}'; did you mean '{suggestion}'?\n"


def test_explain_unknown_code_without_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "zzzzzz")
    assert code == 2 and out == ""
    assert err == "claims explain: no problem code 'zzzzzz'\n"


def test_explain_markdown_is_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "--markdown")
    assert code == 0
    assert out == (Path(__file__).resolve().parents[2] / "docs" / "problems.md").read_text(encoding="utf-8")


# --- number ----------------------------------------------------------------------------------------------


def test_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "number", "80여명")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["unit"] == "person" and data["value"] == 80
    code, out, err = run(capsys, "number", "출범 당시")
    assert code == 1 and out == ""
    assert err.startswith("claims number: '출범 당시' is not a figure: ")


# --- hostile registries ------------------------------------------------------------------------------------


def _hostile_files() -> dict[str, str | bytes]:
    big_quote = "출범 당시 80여명이던 인력은 " * 70_000  # about 1 MB
    return {
        "claims/big.yaml": (
            "claims:\n  - id: big\n    source: sample-2024-01-02\n"
            f"    quote: {big_quote}\n"
            "    subject: lg-ai-research\n    property: headcount\n    as_written: 80여명\n    unit: person\n"
        ),
        "claims/deep-flow.yaml": "claims: " + "[" * 90_000 + "\n",  # under the line limit
        "claims/deep-block.yaml": "claims:\n" + "".join(" " * i + "- \n" for i in range(0, 400, 2)),
        "claims/garbage.yaml": bytes(range(256)) * 64,
        "claims/nul.yaml": "claims:\n  - id: a\x00b\n",
        "claims/huge-key.yaml": "claims: []\n" + "k" * 100_000 + ": 1\n",
        "claims/aliases.yaml": "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\nclaims: []\n",
        "seeds/garbage.txt": bytes(range(256)),
    }


def test_hostile_registry_never_produces_a_traceback(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMS_DEBUG", "1")  # an internal error would print its traceback
    root = make_registry(_hostile_files())
    outputs = {}
    for fmt in ("text", "json"):
        code, out, err = run(capsys, "check", "--root", str(root), "--format", fmt)
        assert code == 1, err
        assert "Traceback" not in out + err
        assert "internal error" not in err
        assert err == ""
        outputs[fmt] = out
    found = {(p["path"], p["code"]) for p in json.loads(outputs["json"])["problems"]}
    assert {
        ("claims/big.yaml", "file-too-large"),  # a 2 MB line
        ("claims/deep-flow.yaml", "yaml-too-deep"),
        ("claims/deep-block.yaml", "yaml-too-deep"),
        ("claims/garbage.yaml", "file-unreadable"),
        ("claims/nul.yaml", "file-unreadable"),
        ("claims/aliases.yaml", "yaml-anchor"),
        ("seeds/garbage.txt", "source-unindexed"),
    } <= found


# --- the installed script ----------------------------------------------------------------------------------


def _claims_script() -> Path:
    beside = Path(sys.executable).parent / "claims"
    found = shutil.which("claims")
    script = beside if beside.is_file() else Path(found) if found else beside
    if not script.is_file():
        pytest.fail(f"the `claims` script is not installed beside {sys.executable}")
    return script


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CLAIMS_DEBUG")}
    env["CLAIMS_DEBUG"] = "1"
    return env


def test_installed_script_end_to_end(make_registry: MakeRegistry) -> None:
    script = _claims_script()
    clean = subprocess.run(
        [str(script), "check", "--root", str(make_registry())],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, CLEAN_SUMMARY + "\n", "")

    broken = subprocess.run(
        [str(script), "check", "--root", str(make_registry({**QUOTE_TYPO, **_hostile_files()}))],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
        check=False,
    )
    assert broken.returncode == 1, broken.stderr
    assert "Traceback" not in broken.stdout + broken.stderr
    assert "claims/example.yaml:4:12: error quote-not-found " in broken.stdout

    usage = subprocess.run(
        [str(script), "chekc"], capture_output=True, text=True, env=_env(), timeout=60, check=False
    )
    assert usage.returncode == 2
    assert "invalid choice: 'chekc'" in usage.stderr


@pytest.mark.parametrize("argv", [["check"], ["check", "--format", "json"], ["report", "--format", "json"]])
def test_a_reader_that_goes_away_stops_it_quietly(make_registry: MakeRegistry, argv: list[str]) -> None:
    """`claims check | head -0`: the pipe is closed before a byte is written. The command stops with the
    status of a process killed by SIGPIPE, and says nothing (it was an internal error, exit 2)."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes
    try:
        done = subprocess.run(
            [str(_claims_script()), *argv, "--root", str(make_registry())],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, "")


@pytest.mark.parametrize(
    ("body", "where"),
    [
        # The body ends at line 3: line 4, a photo caption, is outside it.
        ("      first_line: 1\n      last_line: 3\n", "outside the body (lines 1-3 in seeds/sources.yaml)"),
        # Line 4 is left out as furniture.
        (
            (
                "      first_line: 1\n      last_line: 5\n      omit:\n        - first_line: 4\n"
                "          last_line: 4\n          what: a photo caption\n"
            ),
            "in or across page furniture left out of the body (`omit` in seeds/sources.yaml)",
        ),
    ],
)
def test_a_quote_from_outside_the_body_says_where_it_is(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], body: str, where: str
) -> None:
    # Not "nothing resembles it": the words are in the file (checks/tests/registry/seeds/sample.txt,
    # line 4, from column 6), just not in the article's body.
    index = (Path(__file__).parent / "registry" / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    index = index.replace("      first_line: 1\n      last_line: 5\n", body)
    claim = (
        "claims:\n  - id: caption-claim\n    source: sample-2024-01-02\n"
        "    quote: 출범 당시 80여명이던 연구원들이 모였다\n    subject: lg-ai-research\n"
        "    property: headcount\n    as_written: 80여명\n    unit: person\n"
    )
    root = make_registry({"seeds/sources.yaml": index, "claims/caption.yaml": claim})
    code, out, _ = run(capsys, "check", "--root", str(root))
    assert code == 1
    (line,) = [x for x in out.splitlines() if "quote-not-found" in x]
    assert line == (
        "claims/caption.yaml:4:12: error quote-not-found the quote does not occur in the body of "
        f"sample-2024-01-02 (seeds/sample.txt); it is at seeds/sample.txt:4:6, {where}: quote the article's "
        "own text, or correct the body's bounds if that is it"
    )


def test_a_usage_error_echoing_what_was_typed_is_inert(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "find", "엑사원", "--source", "\u202eevil\x1b[2J")
    assert code == 2
    assert err.startswith("claims find: no source '\\u202eevil\\x1b[2J' in seeds/sources.yaml")
