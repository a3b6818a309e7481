"""`claims add` and `claims source add` killed with SIGKILL at any moment: the file they write holds
its old bytes or its new ones, never a mix and never nothing, and no other file of the registry
changes (the second review of issue 9; test_add kills at one moment only, after the temporary file
is synced).

The moments are the program's own file operations: an audit hook (PEP 578) in the child counts every
file opened inside the registry, every temporary file made, every chmod, rename and removal, and
kills the process with SIGKILL just before the K-th of them happens. K runs over every operation of
the write (from the last reads of the file, through the temporary file, the lock, the last
comparison and the rename, to the folder's sync) and a sample of the earlier ones; a few kills at
random instants add the moments between operations (writing and syncing the temporary file). After
each kill, running the command again finishes the job (or refuses it as done), and the registry
checks clean.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks.checker import check

from .conftest import BASE_REGISTRY
from .test_add import FULL as ADD  # a complete `claims add` of the sample registry

PROJECT = Path(__file__).resolve().parents[2]
KILL_AT = "CLAIMS_TEST_KILL_AT"
# The child: count the file operations inside the registry (ROOT) and kill itself at the K-th one.
CHILD = """
import os, signal, sys
root, at = os.environ["CLAIMS_TEST_ROOT"], int(os.environ.get("CLAIMS_TEST_KILL_AT", "0"))
seen = 0
def hook(event, args):
    global seen
    if event == "open":
        path = args[0]
        if not (isinstance(path, str) and path.startswith(root)):
            return
    elif event not in ("tempfile.mkstemp", "os.rename", "os.remove", "os.chmod", "os.truncate"):
        return
    seen += 1
    if event == "tempfile.mkstemp":
        sys.stderr.write(f"temporary: {seen}\\n")
    if seen == at:
        os.kill(os.getpid(), signal.SIGKILL)
sys.addaudithook(hook)
from checks.cli import main
code = main(sys.argv[1:])
sys.stderr.write(f"operations: {seen}\\n")
sys.exit(code)
"""

# Every byte an editor may leave that a writer could "normalise": a BOM, CRLF, a tab and trailing
# spaces in comments and after values, a comment after the last item, no final newline.
HOSTILE = (
    "\ufeff# top\t comment with a tab   \r\nclaims:   \r\n  - id: a-claim\r\n    source: sample-2024-01-02\t# tab\r\n"
    "    quote: LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던   \r\n    subject: lg-ai-research\r\n"
    "    property: headcount\r\n    as_written: 80여명\r\n    unit: person\r\n  #\ttrailing comment  "
)
ARTICLE = """\
엑사원 3.0 공개…LG AI연구원 인력 300명 넘어
입력 2024.08.07 09:00
LG AI연구원은 7일 엑사원 3.0을 공개했다. 연구원 인력은 300명을 넘었다.
김기자 기자 kim@example.co.kr
Copyright © 예시일보. 무단전재 및 재배포 금지.
"""
SOURCE_ADD = ["--outlet", "예시일보", "--published", "2024-08-07", "--id", "yesi-2024-08-07"]


def registry(tmp_path: Path, case: str) -> tuple[Path, list[str], str]:
    """A fresh registry for the case, the command, and the file it writes."""
    root = tmp_path / "registry"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(BASE_REGISTRY, root, ignore=shutil.ignore_patterns(".claims_cache"))
    if case == "append":
        (root / "claims/sample.yaml").write_bytes(HOSTILE.encode("utf-8"))
        return root, ADD, "claims/sample.yaml"
    if case == "create":  # the article's first claim: the file is made
        (root / "claims/sample.yaml").unlink()
        return root, ADD, "claims/sample-2024-01-02.yaml"
    (root / "seeds/new.txt").write_text(ARTICLE, encoding="utf-8")
    # The article's path as the root holds it (a relative one is looked for in the current directory).
    return root, ["source", "add", str(root / "seeds/new.txt"), *SOURCE_ADD], "seeds/sources.yaml"


def child(root: Path, argv: list[str], kill_at: int = 0) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMS_TEST_ROOT": str(root), KILL_AT: str(kill_at), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv, "--root", str(root)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """The registry's files, but for the cache (any run may fill it) and a killed writer's temporary
    file (`.<name>.<random>.tmp`: the checker never reads it, the next write removes it)."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not rel.startswith(".claims_cache/") and not _litter(p):
            out[rel] = p.read_bytes()
    return out


def _litter(p: Path) -> bool:
    return p.name.startswith(".") and p.name.endswith(".tmp")


@pytest.mark.parametrize("case", ["append", "create", "source-add"])
def test_killed_at_any_moment_the_file_is_old_or_new(tmp_path: Path, case: str) -> None:
    root, argv, target = registry(tmp_path, case)
    before = snapshot(root)
    with child(root, argv) as proc:
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    operations = int(err.rsplit("operations: ", 1)[1])
    temporary = int(err.rsplit("temporary: ", 1)[1].split()[0])
    after = snapshot(root)
    new = after[target]
    old = before.get(target)
    assert old is None or (new.startswith(old) and len(new) > len(old))
    assert {k: v for k, v in after.items() if k != target} == {k: v for k, v in before.items() if k != target}

    # Every operation of the write (the file read again, the temporary file made, written, its mode set,
    # the folder locked, the file compared, the rename, the folder synced), and a sample of the
    # earlier ones (reading the registry), seeded: the same points on every run.
    points = set(range(max(1, temporary - 2), operations + 1))
    points |= set(random.Random(9).sample(range(1, operations), min(3, operations - 1)))
    outcomes = set()
    for k in sorted(points):
        root, argv, target = registry(tmp_path, case)
        with child(root, argv, k) as proc:
            proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, f"operation {k} of {operations} was not reached"
        outcomes.add(_judge(root, argv, target, before, old, new, f"killed before operation {k}"))
    # Both outcomes were seen: the kills straddle the rename.
    assert outcomes == {"old", "new"}

    # And at random instants, between operations too (writing and syncing the temporary file).
    rng = random.Random(90)
    started = time.monotonic()
    with child(registry(tmp_path, case)[0], argv) as proc:
        proc.communicate(timeout=120)
    duration = time.monotonic() - started
    for _ in range(3):
        root, argv, target = registry(tmp_path, case)
        with child(root, argv) as proc:
            time.sleep(rng.uniform(0.5, 1.0) * duration)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=120)
        _judge(root, argv, target, before, old, new, "killed at a random instant")


def _judge(
    root: Path,
    argv: list[str],
    target: str,
    before: dict[str, bytes],
    old: bytes | None,
    new: bytes,
    when: str,
) -> str:
    """The target holds its old bytes or its new ones, nothing else changed; then the command run again
    completes the edit (or refuses it as done) and the registry checks clean."""
    now = snapshot(root)
    held = now.get(target)
    assert held in (old, new), f"{when}: {target} holds neither its old bytes nor its new ones"
    assert {k: v for k, v in now.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }, f"{when}: another file changed"
    outcome = "new" if held == new else "old"
    # The next run is later: a temporary file younger than a couple of seconds may be one a writer has
    # just made and not yet locked (checks.files.FRESH_TEMP_SECONDS), and is left alone.
    for p in root.rglob("*.tmp"):
        if _litter(p):
            past = time.time() - 60
            os.utime(p, (past, past))
    with child(root, argv) as proc:
        _, err = proc.communicate(timeout=120)
    if outcome == "old":
        assert proc.returncode == 0, f"{when}: the command run again failed: {err}"
        assert snapshot(root)[target] == new
        # The run that wrote removed what a killed writer left.
        assert not [p for p in root.rglob("*.tmp") if _litter(p)], f"{when}: a temporary file was left"
    else:
        assert proc.returncode == 1  # done already: a duplicate, nothing written
        assert snapshot(root)[target] == new
    assert not check(root).problems, when
    return outcome
