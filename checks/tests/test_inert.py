"""Registry text is inert in every output (issue 10, class 6): checks/inert.py and its users."""

from __future__ import annotations

import html
import json
import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import cli, inert
from checks.problems import problem
from checks.report import md

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


# --- markdown: nothing GitHub would turn into a link ------------------------------------------------------

# What GitHub links in rendered text: URLs, www., e-mail addresses, @mentions, #123, GH-123, commit hashes.
_LINKABLE = re.compile(
    r"(?i)[a-z]://|www\.|\w@\w|@[a-z0-9]|(?<!&)#[a-z0-9]|\bgh-\d|\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,}\b"
)


@pytest.mark.parametrize(
    "text",
    [
        "see https://evil.example/x?a=1 now",
        "HTTP://EVIL.EXAMPLE and ftp://x.example",
        "www.evil.example/login",
        "mail a.b@evil.example",
        "ping @octocat and @org/team",
        "fixes #123, owner/repo#45, GH-6, gh-7",
        "commit 1a2b3c4d5e6f7a8b",
        "<https://evil.example>",
        "[click](https://evil.example)",
    ],
)
def test_markdown_leaves_nothing_linkable(text: str) -> None:
    shown = md(text)
    assert not _LINKABLE.search(shown.replace("<span></span>", " ")), shown
    # Read back without the breaks and the escapes, the text is as written.
    assert html.unescape(re.sub(r"\\(.)", r"\1", shown.replace("<span></span>", ""))) == text


def test_markdown_keeps_plain_figures_and_entities() -> None:
    assert md("3600000000000원, 2024년, 80여명 | a") == "3600000000000원, 2024년, 80여명 &#124; a"


def test_report_links_only_to_its_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .test_report import registry as registry_fixture

    root = registry_fixture.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    resolutions = root / "claims" / "resolutions.yaml"
    text = resolutions.read_text(encoding="utf-8")
    resolutions.write_text(
        text.replace(
            "범위가 다를 수 있다.", "See https://evil.example, www.evil.example, @octocat, #1, a@b.example."
        ),
        encoding="utf-8",
    )
    status, _, err = _run(capsys, "report", "--root", str(root))
    assert status == 0, err
    report = (root / "reports" / "conflicts.md").read_text(encoding="utf-8")
    assert "See https<span></span>://evil.example" in report
    # The only links are the report's own, to the lines of its articles.
    links = re.findall(r"\]\(([^)]*)\)", report)
    assert links and all(re.fullmatch(r"\.\./seeds/[A-Za-z0-9_.-]+#L\d+", link) for link in links), links
    # Code spans (the group keys) are never linked; the rest holds nothing linkable.
    assert not _LINKABLE.search(re.sub(r"\]\([^)]*\)|<span></span>|<!--.*?-->|`[^`]*`", " ", report))


def test_claims_report_does_not_rewrite_an_unchanged_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_report import registry as registry_fixture

    root = registry_fixture.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    assert _run(capsys, "report", "--root", str(root))[0] == 0
    path = root / "reports" / "conflicts.md"
    os.chmod(path, 0o604)
    stamp = path.stat().st_mtime_ns - 5 * 10**9
    os.utime(path, ns=(stamp, stamp))
    status, out, _ = _run(capsys, "report", "--root", str(root))
    assert status == 0 and out.startswith("unchanged (not rewritten): reports/conflicts.md")
    assert path.stat().st_mtime_ns == stamp and stat.S_IMODE(path.stat().st_mode) == 0o604
    path.write_text("stale\n", encoding="utf-8")
    assert _run(capsys, "report", "--root", str(root))[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o604  # rewritten, mode kept
    assert sorted(p.name for p in path.parent.iterdir()) == ["conflicts.md"]
