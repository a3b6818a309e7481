"""The GitHub Actions workflow: valid under GitHub's workflow schema, and doing what README and the
issue promise (README's install and test commands, annotations, the diff and the conflicts in the
job summary, the report kept as an artifact)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
WORKFLOW = PROJECT / ".github" / "workflows" / "claims.yml"


def readme_commands() -> list[str]:
    """The commands of README's "Two commands" section, as a newcomer would copy them."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


DIFF_STEP = "What this pull request does to the comparison (job summary)"


def step(name: str) -> dict[str, Any]:
    return next(s for s in steps() if s.get("name") == name)


def steps() -> list[dict[str, Any]]:
    # PyYAML reads the key `on` as True (YAML 1.1); the steps are all this needs.
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    return job["steps"]


def test_workflow_is_valid_under_githubs_schema() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(broken),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1


def test_installs_and_tests_exactly_as_readme_says() -> None:
    install, test = readme_commands()
    runs = [s.get("run", "").strip() for s in steps()]
    assert install in runs
    assert any(r == test or r.startswith(test + " ") for r in runs)


def test_runs_on_pull_requests_and_diffs_against_the_target_branch() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert yaml.safe_load(text)[True]["pull_request"] is None  # `on: pull_request:` (every pull request)
    # The merge commit GitHub checks out, and its first parent (the diff's base), are both fetched.
    checkout = next(s for s in steps() if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 2
    base = step("Check out the target branch")
    assert "git worktree add --detach .claims-base HEAD^1" in base["run"]
    assert "claims diff --base .claims-base" in step(DIFF_STEP)["run"]
    for s in (base, step(DIFF_STEP)):
        assert s["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}"


def test_annotations_come_from_claims_check_in_githubs_format() -> None:
    # No --format: under Actions (GITHUB_ACTIONS=true) `claims check` chooses workflow commands itself.
    assert ".venv/bin/claims check" in [s.get("run", "").strip() for s in steps()]


def test_the_report_of_the_run_is_kept_as_an_artifact() -> None:
    tests = next(s for s in steps() if "--conflicts-report" in s.get("run", ""))
    written = re.search(r'--conflicts-report "\$RUNNER_TEMP/([^"]+)"', tests["run"])
    assert written
    upload = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "${{ runner.temp }}/" + written[1]
    assert upload["if"] == "${{ !cancelled() }}"  # kept when the tests fail too


# --- the steps' scripts, run for real in a git repository shaped as GitHub checks out a pull request -------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.com", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def run_step(repo: Path, name: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A step's `run` script as GitHub runs it under `shell: bash` (bash -eo pipefail)."""
    script = step(name)["run"]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository whose HEAD is the merge of a pull request (adding a contradicting outlet) into
    main, with `.venv/bin/claims` running this checker, and the variables GitHub sets."""
    from .test_diff import registry

    repo = registry(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "pr")
    with_other = registry(tmp_path / "other", other=True)
    for rel in ("seeds/other.txt", "seeds/sources.yaml", "claims/other.yaml"):
        shutil.copyfile(with_other / rel, repo / rel)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "pr: another outlet")
    git(repo, "checkout", "-q", "--detach", "main")
    git(repo, "merge", "-q", "--no-ff", "pr", "-m", "Merge pull request")
    shim = repo / ".venv" / "bin" / "claims"
    shim.parent.mkdir(parents=True)
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checks.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    (tmp_path / "runner").mkdir()
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "RUNNER_TEMP": str(tmp_path / "runner"),
    }
    return repo, env


def test_the_diff_steps_compare_the_merge_with_its_first_parent(
    pull_request: tuple[Path, dict[str, str]],
) -> None:
    repo, env = pull_request
    done = run_step(repo, "Check out the target branch", env)
    assert done.returncode == 0, done.stdout + done.stderr
    # The base is main as the pull request was merged into it: without the other outlet.
    assert git(repo / ".claims-base", "rev-parse", "HEAD") == git(repo, "rev-parse", "HEAD^1")
    assert not (repo / ".claims-base" / "claims" / "other.yaml").exists()
    done = run_step(repo, DIFF_STEP, env)
    # A new open conflict: the reviewer is warned, the job is not failed.
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::warning title=claims diff::" in done.stdout
    summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert summary.startswith("## Claims registry: what this change does\n")
    assert "**1 new open conflict**" in summary
    assert "| `other-staff-at-founding`" in summary


def test_a_diff_that_cannot_run_fails_its_step(pull_request: tuple[Path, dict[str, str]]) -> None:
    repo, env = pull_request
    assert run_step(repo, "Check out the target branch", env).returncode == 0
    (repo / ".claims-base" / "seeds" / "sources.yaml").unlink()  # the base is no registry: exit 2
    done = run_step(repo, DIFF_STEP, env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "not a registry root" in done.stderr


def test_the_base_step_refuses_a_checkout_that_is_not_a_merge(
    pull_request: tuple[Path, dict[str, str]],
) -> None:
    repo, env = pull_request
    git(repo, "checkout", "-q", "--detach", "pr")  # the head of the pull request, not its merge
    done = run_step(repo, "Check out the target branch", env)
    assert done.returncode == 1
    assert "::error title=claims diff::HEAD is not the merge commit" in done.stdout


def test_the_report_step_fails_on_a_stale_or_deleted_report(
    pull_request: tuple[Path, dict[str, str]],
) -> None:
    repo, env = pull_request
    name = "The committed report is current"
    # The merge adds a claim, so the committed report is stale once `claims report` has run.
    subprocess.run(
        [str(repo / ".venv/bin/claims"), "report"], cwd=repo, env=env, capture_output=True, check=False
    )
    assert run_step(repo, name, env).returncode == 1
    git(repo, "add", "reports/conflicts.md")
    git(repo, "commit", "-qm", "regenerate the report")
    assert run_step(repo, name, env).returncode == 0
    # A pull request that deletes the report: `claims report` writes it back as an untracked file.
    git(repo, "rm", "-q", "reports/conflicts.md")
    git(repo, "commit", "-qm", "drop the report")
    subprocess.run(
        [str(repo / ".venv/bin/claims"), "report"], cwd=repo, env=env, capture_output=True, check=False
    )
    assert (repo / "reports" / "conflicts.md").is_file()
    done = run_step(repo, name, env)
    assert done.returncode == 1
    assert "::error file=reports/conflicts.md,title=report-stale::" in done.stdout
