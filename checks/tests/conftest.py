from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.problems import Example

BASE_REGISTRY = Path(__file__).parent / "registry"

MakeRegistry = Callable[..., Path]


@pytest.fixture
def make_registry(tmp_path: Path) -> MakeRegistry:
    """A copy of the small test registry, with files added or replaced: {relative path: text}."""

    def make(
        files: dict[str, str | bytes] | None = None,
        remove: tuple[str, ...] = (),
        links: dict[str, str] | None = None,
    ) -> Path:
        """`links`: {relative path: link target}; a target's content, if any, is given in `files`
        under the target's own path (relative to the root, which may lead outside it)."""
        root = tmp_path / "registry"
        if root.exists():
            shutil.rmtree(root)
        # Not a cache a developer's `claims … --root checks/tests/registry` left there (gitignored).
        shutil.copytree(BASE_REGISTRY, root, ignore=shutil.ignore_patterns(".claims_cache"))
        for rel in remove:
            (root / rel).unlink()
        for rel, content in (files or {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        for rel, to in (links or {}).items():
            link = root / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            if link.exists() or link.is_symlink():
                link.unlink()
            link.symlink_to(to)
        return root

    return make


def lay_example(make: MakeRegistry, example: Example) -> Path:
    """A test registry with a problem code's example laid over it (checks.problems.Example)."""
    if not example.link:
        return make({example.file: example.text})
    # The link's target, relative to the root (possibly outside it, e.g. ../outside.yaml).
    target = (Path(example.file).parent / example.link).as_posix()
    return make({target: example.text}, links={example.file: example.link})


@pytest.fixture(autouse=True)
def _no_job_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under GitHub Actions the commands append to the job summary: the tests' runs must not."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
