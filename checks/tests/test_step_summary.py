"""Under GitHub Actions, `claims check` and `claims report` append a short markdown summary to the
job summary ($GITHUB_STEP_SUMMARY): appended, never truncated; registry text inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.cli import main

from .conftest import MakeRegistry
from .test_diff import GROUP, registry

EARLIER = "## Written by an earlier step\n\n"


@pytest.fixture
def summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "step_summary.md"
    path.write_text(EARLIER, encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(path))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return path


def test_check_appends_its_verdict(
    make_registry: MakeRegistry, summary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--root", str(make_registry())]) == 0
    assert summary.read_text(encoding="utf-8") == (
        EARLIER
        + "### `claims check`: passed\n\n1 claims over 1 sources: all quotes verified, no problems\n\n"
    )
    # A second run appends again: the summary of every step stays.
    assert main(["check", "--root", str(make_registry())]) == 0
    assert summary.read_text(encoding="utf-8").count("### `claims check`: passed") == 2
    assert summary.read_text(encoding="utf-8").startswith(EARLIER)
    capsys.readouterr()


def test_check_lists_problems_located_and_inert(
    make_registry: MakeRegistry, summary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = (make_registry() / "claims" / "sample.yaml").read_text(encoding="utf-8")
    hostile = sample.replace("subject: lg-ai-research", "subject: '<img src=x>|`x`'")
    assert main(["check", "--root", str(make_registry({"claims/sample.yaml": hostile}))]) == 1
    capsys.readouterr()
    lines = summary.read_text(encoding="utf-8").removeprefix(EARLIER).splitlines()
    assert lines[0] == "### `claims check`: failed"
    assert lines[2] == "1 claims over 1 sources: 2 error(s), 0 warning(s)"
    rows = [[c.strip() for c in line[1:-1].split("|")] for line in lines[4:] if line.startswith("|")]
    assert rows[0] == ["where", "severity", "code", "message"]
    assert [r[:3] for r in rows[2:]] == [
        ["claims/sample.yaml:5:14", "error", "`invalid-value`"],
        ["claims/sample.yaml:5:14", "error", "`unknown-subject`"],
    ]
    text = "\n".join(lines)
    assert "<img" not in text and "&lt;img src=x&gt;&#124;\\`x\\`" in text


def test_report_appends_the_open_conflicts(
    tmp_path: Path, summary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = registry(tmp_path / "registry", other=True)
    assert main(["report", "--root", str(root)]) == 0
    capsys.readouterr()
    lines = summary.read_text(encoding="utf-8").removeprefix(EARLIER).splitlines()
    assert lines[0] == "### Conflicts between outlets"
    assert lines[2] == (
        "1 open contradiction(s), 0 open discrepancy(ies), 0 resolved; the full report: reports/conflicts.md."
    )
    assert [c.strip() for c in lines[6][1:-1].split("|")] == [
        f"`{GROUP}`",
        "contradiction",
        "샘플일보 \\[80, 90) and 다른일보 \\[70, 80) cannot both be true",
    ]


def test_report_of_a_registry_with_problems_says_why_there_is_none(
    make_registry: MakeRegistry, summary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry({"claims/broken.yaml": "claims:\n  - id: x\n"})
    assert main(["report", "--root", str(root)]) == 1
    capsys.readouterr()
    assert (
        summary.read_text(encoding="utf-8")
        .removeprefix(EARLIER)
        .startswith("### `claims report`: not written, the registry has problems\n")
    )


def test_nothing_is_written_without_the_variable(
    make_registry: MakeRegistry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    assert main(["check", "--root", str(make_registry())]) == 0
    assert main(["report", "--root", str(make_registry()), "--check"]) == 0
    assert sorted(p for p in tmp_path.rglob("*") if "registry" not in p.parts) == before
    capsys.readouterr()


def test_an_unwritable_summary_is_reported_and_changes_no_verdict(
    make_registry: MakeRegistry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir" / "summary.md"))
    assert main(["check", "--root", str(make_registry())]) == 0
    err = capsys.readouterr().err
    assert (
        err.startswith("claims: cannot append to $GITHUB_STEP_SUMMARY (")
        and "No such file or directory" in err
    )
