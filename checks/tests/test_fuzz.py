"""The checker's invariant under hostile input (issue 10, class 9).

Generated YAML documents and mutations of the real registry files (links, control characters, huge
values, deep nesting, cut and doubled lines) are run through the checker, in-process and a few
through the `claims` command, and must give: a result with located problems and never an exception
(exit 0, or exit 1 with problems; never 2, never a traceback); every output inert; nothing outside the
registry root read (a sentinel secret outside it never appears in any output) or written; and all of
it within a bound.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import cli, inert
from checks.checker import CheckResult, check
from checks.report import markdown
from checks.reporters import github, text
from checks.reporters import json as json_report

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "SENTINEL-SECRET-5d1e0c"
SECONDS = 30.0  # per example, for absurd input; a real registry checks in well under a second
REGISTRY_FILES = sorted(
    [
        *(p.relative_to(PROJECT).as_posix() for p in (PROJECT / "claims").glob("*.yaml")),
        "seeds/sources.yaml",
        "schema/vocabulary.yaml",
    ]
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def registry_copy() -> Iterator[tuple[Path, Path]]:
    """A copy of the real registry at <tmp>/registry, and <tmp>/outside holding the sentinel."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = base / "registry"
        for folder in ("seeds", "claims", "reports"):
            shutil.copytree(PROJECT / folder, root / folder)
        (root / "schema").mkdir()
        shutil.copyfile(PROJECT / "schema" / "vocabulary.yaml", root / "schema" / "vocabulary.yaml")
        outside = base / "outside"
        outside.mkdir()
        (outside / "secret.yaml").write_text(
            f"claims:\n  - id: {SECRET}\n    quote: {SECRET}\n{SECRET}: {SECRET}\n", encoding="utf-8"
        )
        (outside / "secret.txt").write_text(f"{SECRET}\n" * 3, encoding="utf-8")
        yield root, outside


def _listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file())


def assert_invariant(root: Path, outside: Path) -> CheckResult:
    """Check the registry and render every output; the invariant holds or an assertion says why."""
    before = _listing(outside)
    start = time.monotonic()
    result = check(root)  # an exception here is the failure the fuzz looks for
    outputs = [text(result), json_report(result), github(result)]
    if not result.failed:
        outputs.append(markdown(result))
    assert time.monotonic() - start < SECONDS
    for p in result.problems:
        assert isinstance(p.path, str) and p.path and not p.path.startswith("/")
        assert p.line >= 0 and p.column >= 0 and (p.line > 0 or p.column == 0)
        assert p.message
    for out in outputs:
        assert SECRET not in out
    for line in outputs[0].splitlines() + outputs[2].splitlines():
        assert not any(inert.unsafe(ch) for ch in line), line
    for line in outputs[2].splitlines()[:-1]:
        assert line.startswith(("::error file=", "::warning file="))
    json.loads(outputs[1])
    assert _listing(outside) == before
    return result


# --- hostile values ---------------------------------------------------------------------------------------

HOSTILE_TEXT = st.sampled_from(
    [
        "\n::error file=README.md,line=1::FAKE",
        "\x1b[31m",
        "\u202eevil",
        "\u2066x\u2069",
        "\x85",
        "\u2028",
        "\r",
        "\x00",
        "\u200b",
        "https://evil.example",
        "@octocat",
        "#1",
        "О",  # Cyrillic
        "９",  # full-width
        "128명",
        "8명",
        "4~5천억 원",
        "9999-12-31",
        "0000",
        "'",
        '"',
        "|",
        "`",
        "<script>",
        "&#124;",
        "%0A",
    ]
)
SCALARS = st.one_of(
    st.integers(-(10**20), 10**20),
    st.sampled_from(
        ["9" * 5000, "-" + "9" * 30, "1e400", "0x1F", "0o17", "1_000", ".inf", "true", "no", "~", ""]
    ),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    HOSTILE_TEXT,
    st.builds(lambda t, n: t * n, HOSTILE_TEXT, st.integers(1, 300)),
)
KEYS = st.sampled_from(
    ["claims", "sources", "resolutions", "subjects", "properties", "units", "id", "source", "quote", "subject",
     "property", "as_written", "unit", "as_of", "as_of_text", "occurrence", "note", "group", "status",
     "erroneous", "file", "sha256", "body", "first_line", "last_line", "published", "ko", "en"]
)  # fmt: skip
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(KEYS, st.text(max_size=8)), children, max_size=5),
    ),
    max_leaves=25,
)


def _dump(document: object) -> str:
    try:
        return yaml.safe_dump(document, allow_unicode=True, width=60)
    except (yaml.YAMLError, ValueError, OverflowError):
        return "claims: []\n"


@FUZZ
@given(
    target=st.sampled_from(
        [*REGISTRY_FILES, "claims/resolutions.yaml", "claims/new.yaml", "claims/deep/x.yml"]
    ),
    document=DOCUMENTS,
)
def test_generated_documents(target: str, document: object) -> None:
    with registry_copy() as (root, outside):
        path = root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dump(document), encoding="utf-8")
        result = assert_invariant(root, outside)
        assert result.failed or target.startswith("claims/")  # a broken index or vocabulary is an error


# --- mutations of the real registry -----------------------------------------------------------------------


@st.composite
def mutations(draw: st.DrawFn) -> list[tuple[str, str, object]]:
    ops = []
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(REGISTRY_FILES))
        kind = draw(
            st.sampled_from(
                [
                    "value",
                    "insert",
                    "delete-line",
                    "double-line",
                    "cut",
                    "deep",
                    "huge",
                    "link",
                    "bytes",
                    "name",
                ]
            )
        )
        if kind == "value":
            arg: object = (draw(st.integers(0, 400)), draw(SCALARS))
        elif kind == "insert":
            arg = (draw(st.integers(0, 10_000)), draw(HOSTILE_TEXT))
        elif kind in ("delete-line", "double-line", "cut"):
            arg = draw(st.integers(0, 10_000))
        elif kind == "deep":
            arg = draw(st.integers(10, 3_000))
        elif kind == "huge":
            arg = draw(st.sampled_from(["digits", "line", "lines"]))
        elif kind == "link":
            arg = draw(
                st.sampled_from(["secret", "secret-txt", "dev-zero", "dangling", "dir", "loop", "self"])
            )
        elif kind == "bytes":
            arg = draw(st.binary(min_size=1, max_size=8))
        else:
            arg = draw(HOSTILE_TEXT)
        ops.append((target, kind, arg))
    return ops


def _apply(root: Path, outside: Path, target: str, kind: str, arg: object) -> None:
    path = root / target
    if not path.is_file() or path.is_symlink():
        return
    lines = path.read_bytes().decode("utf-8", errors="surrogateescape").split("\n")
    if kind == "value":
        n, value = arg  # type: ignore[misc]
        i = n % len(lines)
        key, sep, _ = lines[i].partition(": ")
        if sep:
            lines[i] = f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value}"
    elif kind == "insert":
        at, what = arg  # type: ignore[misc]
        body = "\n".join(lines)
        at %= len(body) + 1
        lines = (body[:at] + what + body[at:]).split("\n")
    elif kind == "delete-line":
        del lines[arg % len(lines)]  # type: ignore[operator]
    elif kind == "double-line":
        i = arg % len(lines)  # type: ignore[operator]
        lines.insert(i, lines[i])
    elif kind == "cut":
        body = "\n".join(lines)
        lines = body[: arg % (len(body) + 1)].split("\n")  # type: ignore[operator]
    elif kind == "deep":
        lines.append("deep: " + "[" * int(arg) + "]" * int(arg))  # type: ignore[call-overload]
    elif kind == "huge":
        lines.append(
            {
                "digits": "huge: " + "9" * 5000,
                "line": "huge: " + "가" * 40_000,  # a 120 KB line
                "lines": "huge: >\n" + "  가나다라마바사 아자차카타파하\n" * 20_000,
            }[str(arg)]
        )
    elif kind == "link":
        path.unlink()
        target_of = {
            "secret": outside / "secret.yaml",
            "secret-txt": outside / "secret.txt",
            "dev-zero": Path("/dev/zero"),
            "dangling": root / "nowhere.yaml",
            "dir": outside,
            "loop": path,
            "self": root / "seeds" / "sources.yaml",
        }[str(arg)]
        path.symlink_to(target_of)
        return
    elif kind == "bytes":
        path.write_bytes(path.read_bytes() + bytes(arg))  # type: ignore[arg-type]
        return
    else:  # a hostile file name beside the file, holding the same claims
        if target.startswith("claims/") and "/" not in str(arg) and "\x00" not in str(arg):
            shutil.copyfile(path, path.with_name(f"x{arg}.yaml"))
        return
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))


@FUZZ
@given(ops=mutations())
def test_mutations_of_the_real_registry(ops: list[tuple[str, str, object]]) -> None:
    with registry_copy() as (root, outside):
        for target, kind, arg in ops:
            _apply(root, outside, target, kind, arg)
        assert_invariant(root, outside)


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(ops=mutations())
def test_mutations_through_the_command(ops: list[tuple[str, str, object]]) -> None:
    """`claims check` and `claims report` in-process: exit 0 or 1, never 2; the report is written
    only inside the registry."""
    with registry_copy() as (root, outside):
        for target, kind, arg in ops:
            _apply(root, outside, target, kind, arg)
        before = _listing(outside)
        for argv in (
            ["check", "--root", str(root)],
            ["report", "--root", str(root)],
            ["report", "--check", "--root", str(root)],
        ):
            assert cli.main(argv) in (0, 1)
        assert _listing(outside) == before


def test_the_unmutated_registry_is_clean() -> None:
    with registry_copy() as (root, outside):
        assert not assert_invariant(root, outside).problems


def test_a_hostile_registry_through_the_installed_command() -> None:
    """A real process: exit status 1, located problems, no traceback, no secret, nothing inert lost."""
    script = Path(sys.executable).parent / "claims"
    with registry_copy() as (root, outside):
        for target, kind, arg in [
            ("claims/news1-2020-12-07.yaml", "link", "secret"),
            ("seeds/sources.yaml", "value", (3, "9" * 5000)),
            ("claims/etoday-2023-08-28.yaml", "insert", (40, "\n::error file=x::FAKE\x1b[31m")),
            ("schema/vocabulary.yaml", "deep", 500),
            ("claims/newsway-2022-01-19.yaml", "huge", "line"),
        ]:
            _apply(root, outside, target, kind, arg)
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        for fmt in ("text", "github", "json"):
            run = subprocess.run(
                [str(script), "check", "--root", str(root), "--format", fmt],
                check=False,
                capture_output=True,
                text=True,
                timeout=120,
                env=env,
            )
            assert run.returncode == 1, run.stderr
            assert "Traceback" not in run.stdout + run.stderr and SECRET not in run.stdout + run.stderr
            assert all(
                not line.startswith("::") or line.startswith("::error file=")
                for line in run.stdout.splitlines()
            )
