"""pre-commit: our hooks manifest (.pre-commit-hooks.yaml, for other repositories) and this
repository's config (.pre-commit-config.yaml), validated by the real pre-commit tool.

The real thing runs at the end: `pre-commit try-repo <this repo> claims-check --all-files` in a git
repository holding a registry (pre-commit builds the hook's virtualenv from the package index, about
10 s), and this repository's local hooks under `pre-commit run`; both are skipped only when no package
index can be reached. The other tests run the manifest's entries exactly as pre-commit does (the entry
split like a shell, no file names, in the repository's root) and install the package from a built
wheel, which is what pre-commit's environment gets: the schemas must come with it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import BASE_REGISTRY

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MANIFEST = PROJECT / ".pre-commit-hooks.yaml"
CONFIG = PROJECT / ".pre-commit-config.yaml"

REGISTRY_FILES = [
    "claims/news1-2020-12-07.yaml",
    "claims/resolutions.yaml",
    "seeds/sources.yaml",
    "seeds/005_new-article.txt",  # a newly added article must trigger the check too
    "schema/vocabulary.yaml",
]
OTHER_FILES = ["README.md", "docs/quantities.md", ".github/workflows/claims.yml"]
# Never to be changed by a fixer: evidence, byte-exact test fixtures, generated files.
UNTOUCHABLE = [
    "seeds/",
    "checks/tests/cases/",
    "checks/tests/registry/",
    "checks/tests/contributing/",
    "reports/",
    "docs/problems.md",
]
FIXERS = ("trailing-whitespace", "end-of-file-fixer", "mixed-line-ending", "check-yaml")


def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], capture_output=True, text=True, cwd=PROJECT, check=False
    )


def test_manifest_is_valid_for_pre_commit() -> None:
    done = pre_commit("validate-manifest", str(MANIFEST))
    assert done.returncode == 0, done.stdout + done.stderr


def test_config_is_valid_for_pre_commit() -> None:
    done = pre_commit("validate-config", str(CONFIG))
    assert done.returncode == 0, done.stdout + done.stderr


def test_validators_reject_a_broken_manifest(tmp_path: Path) -> None:
    # The validation above can fail: a hook without its entry is refused.
    broken = tmp_path / "hooks.yaml"
    broken.write_text("- id: claims-check\n  name: claims check\n  language: python\n", encoding="utf-8")
    assert pre_commit("validate-manifest", str(broken)).returncode != 0


def hooks(path: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # the manifest
        return {h["id"]: h for h in data}
    return {h["id"]: h for repo in data["repos"] for h in repo["hooks"]}


@pytest.mark.parametrize("source", [MANIFEST, CONFIG], ids=["manifest", "config"])
def test_our_hooks_run_when_a_registry_file_changes_and_only_then(source: Path) -> None:
    ours = {k: h for k, h in hooks(source).items() if k.startswith("claims-")}
    assert {"claims-check", "claims-report"} <= set(ours)
    for hook in ours.values():
        assert hook["pass_filenames"] is False  # the whole registry is checked, not the staged files
        files = re.compile(str(hook["files"]))
        if hook["id"] != "claims-schema":
            assert all(files.search(f) for f in REGISTRY_FILES), hook["id"]
        assert not any(files.search(f) for f in OTHER_FILES), hook["id"]


def test_fixers_never_touch_evidence_fixtures_or_generated_files() -> None:
    config = hooks(CONFIG)
    tracked = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, cwd=PROJECT, check=True
    ).stdout.splitlines()
    protected = [f for f in tracked if any(f.startswith(u) for u in UNTOUCHABLE)]
    assert any(f.startswith("seeds/") for f in protected) and "docs/problems.md" in protected
    for fixer in FIXERS:
        exclude = re.compile(str(config[fixer]["exclude"]))
        touched = [f for f in protected if not exclude.search(f)]
        assert touched == [], f"{fixer} would run on {touched}"
        # ...and it still runs on the files it is for.
        assert not exclude.search("claims/news1-2020-12-07.yaml") and not exclude.search("README.md")


def test_local_hooks_install_what_pyproject_depends_on() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for hook_id, hook in hooks(CONFIG).items():
        if hook_id.startswith("claims-"):
            assert sorted(hook["additional_dependencies"]) == sorted(project["dependencies"]), hook_id


def registry_copy(at: Path) -> Path:
    """The engine's small test registry (clean by construction, whatever state the project's is in)."""
    shutil.copytree(BASE_REGISTRY, at)
    return at


def run_entry(entry: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """As pre-commit runs a hook with pass_filenames: false: the entry split like a shell, in the root."""
    argv = shlex.split(entry)
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=environment, check=False)


@pytest.mark.parametrize("source", [MANIFEST, CONFIG], ids=["manifest", "config"])
def test_claims_check_hook_passes_a_clean_registry_and_fails_a_broken_one(
    tmp_path: Path, source: Path
) -> None:
    root = registry_copy(tmp_path / "repo")
    entry = str(hooks(source)["claims-check"]["entry"])
    env = {"PYTHONPATH": str(PROJECT)} if entry.startswith("python -m") else None  # the repo's own checker
    done = run_entry(entry, root, env)
    assert done.returncode == 0, done.stdout + done.stderr
    claims = root / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    assert text.split("\n")[4] == "    subject: lg-ai-research"  # line 5, the value at column 14
    claims.write_text(text.replace("subject: lg-ai-research", "subject: lg-ai-reserch", 1), encoding="utf-8")
    done = run_entry(entry, root, env)
    assert done.returncode == 1
    assert done.stdout.startswith(
        "claims/sample.yaml:5:14: error unknown-subject subject 'lg-ai-reserch' "
        "is not in the vocabulary; did you mean 'lg-ai-research'?\n"
    )


def test_the_installed_package_carries_its_schemas(tmp_path: Path) -> None:
    """pre-commit installs the hook's repository as a package (not editable): the schemas, which live
    in the top-level schema/ folder, must be installed with it."""
    wheels = tmp_path / "wheels"
    # Built from a copy: an in-tree build writes build/ and *.egg-info, and tests may run in parallel.
    source = tmp_path / "source"
    shutil.copytree(
        PROJECT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "*.egg-info", "__pycache__", ".*cache*", ".hypothesis"
        ),
    )
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0 and "setuptools" in build.stderr and "No matching distribution" in build.stderr:
        pytest.skip("no package index to fetch the build backend (setuptools) from")
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("*.whl")
    # Installed under a prefix, as into pre-commit's virtualenv: code in site-packages, data beside it.
    # (--ignore-installed: without it pip would first uninstall this very environment's editable install.)
    prefix = tmp_path / "env"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--ignore-installed",
            "--prefix",
            str(prefix),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    (target,) = prefix.glob("lib/python3*/site-packages")
    root = registry_copy(tmp_path / "repo")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import checks, checks.schemas as s; "
        "assert checks.__file__.startswith(sys.argv[1]), checks.__file__; "
        "print(s.SCHEMA_DIR.relative_to(sys.argv[2]).as_posix()); "
        "from checks.cli import main; sys.exit(main(['check']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(target), str(prefix)],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "share/claims-registry/schema"
    assert done.stdout.splitlines()[-1].endswith("all quotes verified, no problems")


# --- the real thing: pre-commit installs our hooks and runs them ---------------------------------------

INDEX_UNREACHABLE = (
    "No matching distribution",
    "Could not find a version",
    "Failed to establish a new connection",
)


def real_pre_commit(home: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pre-commit itself, with its own store (it builds the hook's virtualenv from the package index)."""
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], capture_output=True, text=True, cwd=cwd, env=environment,
        check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        log = home / "pre-commit.log"
        said = done.stdout + done.stderr + (log.read_text(encoding="utf-8") if log.is_file() else "")
        if any(reason in said for reason in INDEX_UNREACHABLE):
            pytest.skip("pre-commit cannot reach a package index to build the hook's environment")
    return done


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A git repository holding a registry (another project using our hooks), and a pre-commit store."""
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("needs git and this project as a git checkout")
    repo = registry_copy(tmp_path_factory.mktemp("other") / "repo")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    return repo, tmp_path_factory.mktemp("pre-commit-home")


def test_pre_commit_try_repo_installs_our_hook_and_it_checks(hook_repository: tuple[Path, Path]) -> None:
    """`pre-commit try-repo` installs this repository as another project's hook would get it (the
    working tree's tracked files: uncommitted changes included), then runs it on that project."""
    repo, home = hook_repository
    done = real_pre_commit(home, repo, "try-repo", str(PROJECT), "claims-check", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^claims check\.+Passed$", done.stdout, flags=re.MULTILINE), done.stdout
    assert "??" not in git(repo, "status", "--porcelain", "--untracked-files=all")  # the cache ignores itself
    claims = repo / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("subject: lg-ai-research", "subject: lg-ai-reserch", 1), encoding="utf-8")
    git(repo, "add", "-A")
    try:
        done = real_pre_commit(home, repo, "try-repo", str(PROJECT), "claims-check", "--all-files")
        assert done.returncode == 1
        assert re.search(r"^claims check\.+Failed$", done.stdout, flags=re.MULTILINE), done.stdout
        assert (
            "claims/sample.yaml:5:14: error unknown-subject subject 'lg-ai-reserch' is not in the vocabulary; "
            "did you mean 'lg-ai-research'?"
        ) in done.stdout
    finally:
        claims.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")


def test_pre_commit_runs_this_repositorys_local_hooks(tmp_path: Path) -> None:
    """Our own hooks of .pre-commit-config.yaml, run by pre-commit in a clone of this repository. The
    config's other hooks come from GitHub repositories, which a machine without network access to
    GitHub cannot fetch: they are left out here (validate-config above checks them)."""
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("needs git and this project as a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(PROJECT), str(clone)], check=True)
    for tracked in git(PROJECT, "ls-files", "-m").splitlines():  # the working tree, as it is now
        shutil.copyfile(PROJECT / tracked, clone / tracked)
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["repos"] = [r for r in config["repos"] if r["repo"] == "local"]
    assert {h["id"] for r in config["repos"] for h in r["hooks"]} >= {"claims-check", "claims-report"}
    local = tmp_path / "local-hooks.yaml"
    local.write_text(yaml.safe_dump(config), encoding="utf-8")
    home = tmp_path / "pre-commit-home"
    done = real_pre_commit(home, clone, "run", "--all-files", "-c", str(local))
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("claims check", "claims report is current", "claims schema is in step with the vocabulary"):
        assert re.search(rf"^{name}\.+Passed$", done.stdout, flags=re.MULTILINE), done.stdout
    (clone / "reports" / "conflicts.md").write_text("stale\n", encoding="utf-8")
    done = real_pre_commit(home, clone, "run", "claims-report", "--all-files", "-c", str(local))
    assert done.returncode == 1
    assert "reports/conflicts.md" in done.stdout
