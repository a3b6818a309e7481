"""Data-driven cases, in the style of check-jsonschema's: adding a case is adding a directory.

``cases/negative/<name>/`` and ``cases/positive/<name>/`` hold registry files (relative paths such as
``claims/x.yaml`` or ``seeds/sources.yaml``) that are laid over a copy of the test registry
(``checks/tests/registry``). A negative case also holds ``expected.txt``: every problem the checker
must report, one ``path:line:column code`` per line, sorted as the checker sorts them; nothing more
and nothing less. A positive case must check clean: no problem at all, not even a warning.

Two more files let a case hold what a plain file cannot: ``links.txt`` makes special files, one per
line, ``PATH -> TARGET`` (a symbolic link) or ``PATH fifo`` (a named pipe); files under ``_outside/``
are laid next to the registry root, outside it (``_outside/x`` is ``../x`` from the root), for links
to lead to.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checks.checker import check
from checks.problems import CODES

HERE = Path(__file__).parent
CASES = HERE / "cases"
BASE_REGISTRY = HERE / "registry"
EXPECTED = "expected.txt"
LINKS = "links.txt"
OUTSIDE = "_outside"

Located = tuple[str, int, int, str]


def case_dirs(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def overlay_files(case: Path) -> list[Path]:
    """The case's registry files, relative to the case directory (expected.txt excluded)."""
    return sorted(
        p.relative_to(case)
        for p in case.rglob("*")
        if p.is_file() and p.relative_to(case) not in (Path(EXPECTED), Path(LINKS))
    )


def build(case: Path, tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(BASE_REGISTRY, root)
    for rel in overlay_files(case):
        target = root / rel if rel.parts[0] != OUTSIDE else tmp_path / rel.relative_to(OUTSIDE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case / rel, target)  # byte for byte: BOMs, bad bytes and tabs stay as written
    links = case / LINKS
    for line in links.read_text(encoding="utf-8").splitlines() if links.is_file() else []:
        target = root / line.split(" ", 1)[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        if line.endswith(" fifo"):
            os.mkfifo(target)
        else:
            target.symlink_to(line.split(" -> ", 1)[1])
    return root


def parse_expected(case: Path) -> list[Located]:
    out: list[Located] = []
    for number, line in enumerate((case / EXPECTED).read_text(encoding="utf-8").splitlines(), 1):
        where, _, code = line.partition(" ")
        path, row, column = where.rsplit(":", 2)
        assert code in CODES, f"{case.name}/{EXPECTED}:{number}: unknown code {code!r}"
        out.append((path, int(row), int(column), code))
    return out


def located(root: Path) -> list[Located]:
    return [(p.path, p.line, p.column, p.code) for p in check(root).problems]


@pytest.mark.parametrize("case", case_dirs("negative"), ids=lambda p: p.name)
def test_negative_case(case: Path, tmp_path: Path) -> None:
    expected = parse_expected(case)
    actual = located(build(case, tmp_path))
    assert actual == expected, "\n".join(f"{p}:{line}:{col} {code}" for p, line, col, code in actual)


@pytest.mark.parametrize("case", case_dirs("positive"), ids=lambda p: p.name)
def test_positive_case(case: Path, tmp_path: Path) -> None:
    result = check(build(case, tmp_path))
    assert [f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems] == []
    assert len(result.sources) == 1
    assert result.claims, "a positive case checks at least one claim"


# --- the cases themselves ----------------------------------------------------------------------------


def test_there_are_cases_of_both_kinds() -> None:
    assert len(case_dirs("negative")) >= 25
    assert len(case_dirs("positive")) >= 5


@pytest.mark.parametrize("case", case_dirs("negative"), ids=lambda p: p.name)
def test_negative_case_is_well_formed(case: Path) -> None:
    expected = parse_expected(case)
    assert expected, f"{case.name}: a negative case expects at least one problem"
    assert expected == sorted(expected), f"{case.name}/{EXPECTED} is not sorted"
    assert overlay_files(case) or (case / LINKS).is_file(), f"{case.name}: no registry files"
    text = (case / EXPECTED).read_text(encoding="utf-8")
    assert text.endswith("\n") and "\n\n" not in text and "\r" not in text


@pytest.mark.parametrize("case", case_dirs("positive"), ids=lambda p: p.name)
def test_positive_case_is_well_formed(case: Path) -> None:
    assert not (case / EXPECTED).exists(), f"{case.name}: a positive case expects nothing"
    assert overlay_files(case), f"{case.name}: no registry files"


def test_every_code_has_a_negative_case() -> None:
    covered = {code for case in case_dirs("negative") for *_, code in parse_expected(case)}
    assert sorted(set(CODES) - covered) == []


def test_overlay_replaces_and_adds_files(tmp_path: Path) -> None:
    case = CASES / "negative" / "article-edited"
    root = build(case, tmp_path)
    assert (root / "seeds" / "sample.txt").read_bytes() == (case / "seeds" / "sample.txt").read_bytes()
    assert (root / "claims" / "sample.yaml").is_file()
    assert not (root / EXPECTED).exists()
