"""The GitHub Actions workflow: valid under GitHub's workflow schema, and doing what README and the
issue promise (README's install and test commands, annotations, the diff and the conflicts in the
job summary, the report kept as an artifact)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parents[2]
WORKFLOW = PROJECT / ".github" / "workflows" / "claims.yml"


def readme_commands() -> list[str]:
    """The commands of README's "Two commands" section, as a newcomer would copy them."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


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
    base = next(s for s in steps() if s.get("uses", "").startswith("actions/checkout") and "with" in s)
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    diff = next(s for s in steps() if "claims diff" in s.get("run", ""))
    assert (
        diff["run"] == f'.venv/bin/claims diff --base {base["with"]["path"]} | tee -a "$GITHUB_STEP_SUMMARY"'
    )


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
