from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

BASE_REGISTRY = Path(__file__).parent / "registry"

MakeRegistry = Callable[..., Path]


@pytest.fixture
def make_registry(tmp_path: Path) -> MakeRegistry:
    """A copy of the small test registry, with files added or replaced: {relative path: text}."""

    def make(files: dict[str, str | bytes] | None = None, remove: tuple[str, ...] = ()) -> Path:
        root = tmp_path / "registry"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(BASE_REGISTRY, root)
        for rel in remove:
            (root / rel).unlink()
        for rel, content in (files or {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return root

    return make


@pytest.fixture(autouse=True)
def _no_job_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under GitHub Actions the commands append to the job summary: the tests' runs must not."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
