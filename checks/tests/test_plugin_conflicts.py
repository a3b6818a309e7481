"""pytest reports the conflicts itself: its terminal summary names the open contradictions and
discrepancies and the report's path, and `--conflicts-report PATH` writes the report from the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.cli import main

from .test_diff import GROUP, registry

pytest_plugins = ["pytester"]

CONTRADICTION = f"contradiction {GROUP}: 샘플일보 [80, 90) and 다른일보 [70, 80) cannot both be true"


def run(pytester: pytest.Pytester, root: Path, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("--registry", str(root), "-p", "no:cacheprovider", *args)


def claims_report(root: Path) -> None:
    assert main(["report", "--root", str(root)]) == 0


def test_terminal_summary_names_open_conflicts_and_the_report(pytester: pytest.Pytester) -> None:
    root = registry(pytester.path / "registry", other=True)
    claims_report(root)
    result = run(pytester, root)  # (the test articles' coverage items fail: only the summary is under test)
    result.stdout.fnmatch_lines(
        [
            "*= open conflicts between outlets =*",
            CONTRADICTION,
            "1 open contradiction(s), 0 open discrepancy(ies), 0 resolved; the report: registry/reports/conflicts.md",
        ]
    )


def test_a_resolved_conflict_is_counted_not_named(pytester: pytest.Pytester) -> None:
    root = registry(pytester.path / "registry", other=True, resolution=True)
    claims_report(root)
    result = run(pytester, root)
    result.stdout.fnmatch_lines(
        [
            "*= open conflicts between outlets =*",
            "0 open contradiction(s), 0 open discrepancy(ies), 1 resolved; the report: registry/reports/conflicts.md",
        ]
    )
    result.stdout.no_fnmatch_line("contradiction *")


def test_conflicts_report_writes_the_same_bytes_as_claims_report(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    root = registry(pytester.path / "registry", other=True)
    twin = registry(tmp_path / "twin", other=True)
    claims_report(twin)  # the independent way: the command, on an identical registry
    target = pytester.path / "out" / "conflicts.md"
    result = run(pytester, root, "--conflicts-report", str(target))
    # The committed report is stale (not regenerated): the run fails, but the report is still written.
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert target.read_bytes() == (twin / "reports" / "conflicts.md").read_bytes()
    assert b"## Open contradictions" in target.read_bytes()
    result.stdout.fnmatch_lines([CONTRADICTION, f"*; the report: {target}"])


def test_conflicts_report_is_not_written_from_a_registry_with_problems(pytester: pytest.Pytester) -> None:
    broken = "claims:\n  - id: x\n"
    root = registry(pytester.path / "registry", other=True, files={"claims/broken.yaml": broken})
    target = pytester.path / "conflicts.md"
    result = run(pytester, root, "--conflicts-report", str(target))
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert not target.exists()
    result.stdout.fnmatch_lines([f"{target} not written: the registry has problems*"])
    assert f"the report: {target}" not in result.stdout.str()  # not named as if it were there
    result.stdout.fnmatch_lines(["*; the report: *reports/conflicts.md"])


def test_conflicts_report_without_a_registry_run_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_one="def test_one():\n    pass\n")
    result = pytester.runpytest_subprocess(
        "test_one.py", "--conflicts-report", "x.md", "-p", "no:cacheprovider"
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--conflicts-report needs the registry checked in this run*"])


def test_an_unwritable_conflicts_report_fails_the_run(pytester: pytest.Pytester) -> None:
    root = registry(pytester.path / "registry", other=True)
    claims_report(root)
    blocker = pytester.path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "conflicts.md"
    result = run(pytester, root, "--conflicts-report", str(target))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stdout.fnmatch_lines([f"cannot write --conflicts-report {target}: *"])
