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

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import cli, inert
from checks.checker import CheckResult, check
from checks.quotes import canonical
from checks.report import markdown
from checks.reporters import github, text
from checks.reporters import json as json_report

pytest_plugins = ["pytester"]

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
# A deeper run than the suite's: CLAIMS_FUZZ_EXAMPLES=N gives each fuzz test N times its examples, drawn
# at random (derandomize off: pytest --hypothesis-seed=S repeats a run). The suite's own runs stay fixed.
SCALE = int(os.environ.get("CLAIMS_FUZZ_EXAMPLES", "0") or 0)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * max(SCALE, 1),
        deadline=None,
        derandomize=SCALE == 0,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FUZZ = fuzz(40)


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


# Every file the checker opens, every folder it lists, every file it makes, moves or removes, seen by a
# Python audit hook (PEP 578) while `touched` records: "nothing outside the root read or written" is
# observed, not only inferred from the outputs. An audit hook cannot be removed; it records nothing
# outside `touched`.
_AUDITED = frozenset(
    {"open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir",
     "os.symlink", "os.link", "os.chmod", "os.truncate", "os.utime", "shutil.copyfile", "shutil.rmtree"}
)  # fmt: skip
_RECORD: list[list[str]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _RECORD and event in _AUDITED and args:
        path = args[0]
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if isinstance(path, (str, os.PathLike)):
            _RECORD[-1].append(os.path.realpath(os.fspath(path)))


sys.addaudithook(_audit)


def _cache_key_folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.realpath(os.path.join(base, "claims-registry"))


@contextmanager
def touched(*roots: Path) -> Iterator[None]:
    """Within the block, every path the program opens, lists or changes lies inside one of `roots`, or
    is the program's own (its modules, its schemas, the Python it runs on, its cache-key folder)."""
    _RECORD.append([])
    try:
        yield
    finally:
        paths = _RECORD.pop()
    allowed = [
        *(os.path.realpath(r) for r in roots),
        os.path.realpath(PROJECT / "checks"),
        os.path.realpath(PROJECT / "schema"),
        *{os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)},
        _cache_key_folder(),
    ]
    strays = sorted({p for p in paths if not any(p == a or p.startswith(a + os.sep) for a in allowed)})
    assert strays == [], f"touched outside the registry: {strays}"


def assert_invariant(root: Path, outside: Path) -> CheckResult:
    """Check the registry and render every output; the invariant holds or an assertion says why."""
    before = _listing(outside)
    start = time.monotonic()
    with touched(root):
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
                st.sampled_from(
                    ["secret", "secret-txt", "dev-zero", "dangling", "dir", "loop", "self", "relative", "fifo",
                     "hardlink", "folder", "through-linked-dir", "reports", "report-file", "proc"]
                )
            )  # fmt: skip
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
    elif kind == "link" and arg in (
        "fifo",
        "hardlink",
        "folder",
        "through-linked-dir",
        "reports",
        "report-file",
    ):
        _special(root, outside, path, str(arg))
        return
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
            "relative": Path(os.path.relpath(outside / "secret.yaml", path.parent)),  # ../../outside/…
            "proc": Path("/proc/self/environ"),
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


def _special(root: Path, outside: Path, path: Path, how: str) -> None:
    """Special files and folder links in a registry file's place (or its folder's, or the report's)."""
    if how == "fifo":
        path.unlink()
        os.mkfifo(path)
    elif how == "hardlink":  # the outside secret under a registry name: the same file, not a link
        path.unlink()
        os.link(outside / "secret.yaml", path)
    elif how == "folder":  # the file's whole folder replaced by a link to a copy outside
        copy = outside / f"{path.parent.name}-copy"
        if not copy.exists() and not path.parent.is_symlink():
            shutil.copytree(path.parent, copy)
            shutil.copyfile(outside / "secret.yaml", copy / "secret.yaml")
            shutil.rmtree(path.parent)
            path.parent.symlink_to(copy)
    elif how == "through-linked-dir":  # a link inside the root to a linked folder leading out
        alias = root / "alias"
        if not alias.exists():
            alias.symlink_to(outside)
        path.unlink()
        path.symlink_to(Path(os.path.relpath(alias / "secret.yaml", path.parent)))
    elif how == "reports" and not (root / "reports").is_symlink():  # the report would be written outside
        shutil.rmtree(root / "reports")
        (root / "reports").symlink_to(outside)
    elif how == "report-file" and (root / "reports" / "conflicts.md").exists():
        (root / "reports" / "conflicts.md").unlink()
        (root / "reports" / "conflicts.md").symlink_to(outside / "secret.txt")


LINK_KINDS = ["secret", "secret-txt", "dev-zero", "dangling", "dir", "loop", "self", "relative", "fifo", "hardlink",
              "folder", "through-linked-dir", "reports", "report-file", "proc"]  # fmt: skip
LINKED_FILES = ["claims/newsway-2022-01-19.yaml", "claims/resolutions.yaml", "claims/skips.yaml",
                "seeds/sources.yaml", "schema/vocabulary.yaml"]  # fmt: skip


@pytest.mark.parametrize("target", LINKED_FILES)
@pytest.mark.parametrize("how", LINK_KINDS)
def test_every_kind_of_link_in_every_place(target: str, how: str) -> None:
    """Each link and special file of the fuzz, in the place of each kind of registry file (the fuzz's
    examples are drawn, and may miss some): the invariant, and `claims report` writes nothing outside."""
    with registry_copy() as (root, outside):
        _apply(root, outside, target, "link", how)
        result = assert_invariant(root, outside)
        if how not in ("reports", "report-file"):
            assert result.failed, "a link out of the registry, or a special file, is a problem"
        before = _listing(outside)
        with touched(root):
            assert _run_quietly(["report", "--root", str(root)]) in (0, 1)
        assert _listing(outside) == before


# Every integer field of the registry, at and past its edges: an index counted from the end (a negative
# occurrence or first line) crashed where the schema's refusal did not stop the value being used.
INTEGER_FIELDS = [
    ("seeds/sources.yaml", 28, "      first_line"),
    ("seeds/sources.yaml", 29, "      last_line"),
    ("seeds/sources.yaml", 31, "        - first_line"),
    ("seeds/sources.yaml", 32, "          last_line"),
    ("claims/skips.yaml", 9, "    occurrence"),
    ("claims/news1-2020-12-07.yaml", 0, "    occurrence"),  # added to the file's first claim
]
EDGES = [-(10**18) + 1, -(10**9), -2, -1, 0, 1, 2, 10**9, 10**18 - 1, "-0", "+1", "0x10", "1_0"]


@pytest.mark.parametrize("value", EDGES, ids=str)
@pytest.mark.parametrize("target, line, key", INTEGER_FIELDS, ids=lambda x: str(x).strip())
def test_every_integer_field_at_its_edges(target: str, line: int, key: str, value: object) -> None:
    with registry_copy() as (root, outside):
        path = root / target
        lines = path.read_text(encoding="utf-8").split("\n")
        if line:
            assert lines[line - 1].startswith(key + ":"), lines[line - 1]
            lines[line - 1] = f"{key}: {value}"
        else:
            at = next(n for n, text in enumerate(lines) if text.startswith("    source: "))
            lines.insert(at, f"{key}: {value}")
        path.write_text("\n".join(lines), encoding="utf-8")
        result = assert_invariant(root, outside)
        if value not in (1, 2, 10**9, 10**18 - 1, "+1", "1_0"):
            assert result.failed


@FUZZ
@given(ops=mutations())
def test_mutations_of_the_real_registry(ops: list[tuple[str, str, object]]) -> None:
    with registry_copy() as (root, outside):
        for target, kind, arg in ops:
            _apply(root, outside, target, kind, arg)
        assert_invariant(root, outside)


@fuzz(12)
@given(ops=mutations())
def test_mutations_through_the_command(ops: list[tuple[str, str, object]]) -> None:
    """`claims check` and `claims report` in-process: exit 0 or 1, never 2; the report is written
    only inside the registry."""
    with registry_copy() as (root, outside):
        for target, kind, arg in ops:
            _apply(root, outside, target, kind, arg)
        before = _listing(outside)
        with touched(root):
            for argv in (
                ["check", "--root", str(root)],
                ["report", "--root", str(root)],
                ["report", "--check", "--root", str(root)],
            ):
                assert cli.main(argv) in (0, 1)
        assert _listing(outside) == before


def test_the_audit_sees_a_file_read_or_written_outside(tmp_path: Path) -> None:
    """The audit that holds the fuzz to "nothing outside the root read or written" can fail."""
    root, elsewhere = tmp_path / "root", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret").write_text(SECRET)
    with touched(root):
        (root / "inside").write_text("x")
        (root / "inside").read_text()
    for act in (lambda: (elsewhere / "secret").read_text(), lambda: (elsewhere / "new").write_text("x")):
        try:
            with touched(root):
                act()
        except AssertionError as exc:
            assert "touched outside the registry" in str(exc)
        else:
            raise AssertionError("the audit saw nothing")


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


# --- round 2: skips, event dates and the commands added since (coverage, diff, find, schema) ------------------


def _bodies() -> list[tuple[str, str, str]]:
    """(source ID, publication date, canonical text of one body segment) of every real article."""
    result = check(PROJECT)
    return [
        (sid, s.published.isoformat(), seg.text)
        for sid, s in sorted(result.sources.items())
        for seg in s.body.segments
        if len(seg.text) > 40
    ]


BODIES = _bodies()
REASONS = ["other-subject", "caption", "restated-headline", "not-a-fact", "page-furniture", "covered-elsewhere",
           "not-a-figure"]  # fmt: skip
DATE_WORDS = st.sampled_from(
    ["2020년", "2020년 12월", "지난해", "지난해 8월 22일", "8월 22일", "22일", "21일(현지시간)", "2월", "12월",
     "1일", "21일", "2023년까지", "지난달", "이날", "올해", "9999년", "0000년", "2999년 12월 31일", "13월",
     "2월 30일", "지난 2월", "오는 12월", "연말", "3분기", "지난해 3분기", "2020.12.7", "현지시간 22일"]
)  # fmt: skip


@st.composite
def article_text(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(source ID, published, a quote cut from its body at random, a piece of that quote)."""
    sid, published, text = draw(st.sampled_from(BODIES))
    i = draw(st.integers(0, len(text) - 12))
    quote = text[i : i + draw(st.integers(10, 80))]
    a = draw(st.integers(0, len(quote) - 1))
    piece = quote[a : a + draw(st.integers(1, 12))]
    return sid, published, quote, piece


def _yaml_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


@st.composite
def skips_documents(draw: st.DrawFn) -> str:
    """claims/skips.yaml: skips cut from the real articles (figures whole, partial, spanning several),
    with hostile values mixed in; occasionally not even a list."""
    if draw(st.integers(0, 9)) == 0:
        return _dump(draw(DOCUMENTS))
    lines = ["skips:"]
    for _ in range(draw(st.integers(0, 6))):
        sid, _, quote, piece = draw(article_text())
        values: dict[str, object] = {
            "source": draw(st.one_of(st.just(sid), HOSTILE_TEXT, st.just(sid + "\n"))),
            "quote": draw(
                st.one_of(st.just(quote), st.builds(lambda q, h: q + h, st.just(quote), HOSTILE_TEXT))
            ),
            "figure": draw(st.one_of(st.just(piece), DATE_WORDS, HOSTILE_TEXT)),
            "reason": draw(st.one_of(st.sampled_from(REASONS), HOSTILE_TEXT)),
            "note": draw(st.one_of(st.just("n"), HOSTILE_TEXT)),
        }
        if draw(st.booleans()):
            values["occurrence"] = draw(st.one_of(st.integers(-3, 3), st.just(10**30), st.just("1")))
        keys = list(values)
        lines.append(f"  - {keys[0]}: {_yaml_text(values[keys[0]])}")
        lines.extend(f"    {k}: {_yaml_text(values[k])}" for k in keys[1:])
    return "\n".join(lines) + "\n"


@st.composite
def date_claims(draw: st.DrawFn) -> str:
    """A claims file of event dates (`unit: date`): quotes cut from the real articles at random, the
    date as a piece of the quote (often part of a longer date or number) or a date word."""
    lines = ["claims:"]
    for n in range(draw(st.integers(1, 5))):
        sid, _, quote, piece = draw(article_text())
        values = {
            "id": f"fuzz-date-{n}",
            "source": sid,
            "quote": quote,
            "subject": "lg-ai-research",
            "property": "launch-date",
            "as_written": draw(st.one_of(st.just(piece), DATE_WORDS, HOSTILE_TEXT)),
            "unit": draw(st.sampled_from(["date", "date", "year", "person"])),
        }
        lines.append(f"  - id: {values.pop('id')}")
        lines.extend(f"    {k}: {_yaml_text(v)}" for k, v in values.items())
    return "\n".join(lines) + "\n"


def assert_new_outputs(root: Path, outside: Path, result: CheckResult) -> None:
    """Coverage, the summaries and the editor's commands on the same registry: no exception, inert
    text, nothing outside read or written, within the bound."""
    from checks import coverage as coverage_module
    from checks.summaries import check_markdown, conflicts_markdown, conflicts_text

    before = _listing(outside)
    start = time.monotonic()
    with touched(root):
        cov = coverage_module.coverage(result)
        texts = [coverage_module.text(cov, everything=True), *conflicts_text(result, "reports/conflicts.md")]
        json.loads(coverage_module.json(cov))
        markdowns = [check_markdown(result), conflicts_markdown(result)]
    assert time.monotonic() - start < SECONDS
    for out in [*texts, *markdowns]:
        assert SECRET not in out
    for line in "\n".join(texts).splitlines():
        assert not line.startswith("::") and not any(inert.unsafe(ch) for ch in line), line
    assert _listing(outside) == before


def _run_quietly(argv: list[str]) -> int:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    assert SECRET not in out.getvalue() + err.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code


@FUZZ
@given(document=skips_documents())
def test_generated_skips(document: str) -> None:
    with registry_copy() as (root, outside):
        (root / "claims" / "skips.yaml").write_text(document, encoding="utf-8")
        result = assert_invariant(root, outside)
        assert_new_outputs(root, outside, result)


@FUZZ
@given(document=date_claims(), skips=st.one_of(st.none(), skips_documents()))
def test_generated_date_claims(document: str, skips: str | None) -> None:
    with registry_copy() as (root, outside):
        (root / "claims" / "fuzz-dates.yaml").write_text(document, encoding="utf-8")
        if skips is not None:
            (root / "claims" / "skips.yaml").write_text(skips, encoding="utf-8")
        result = assert_invariant(root, outside)
        assert_new_outputs(root, outside, result)
        # A date claim that passes states, read alone, the days its article's words name there: the
        # independent reading is the time reader's over the whole body segment.
        from checks.dates import find_times

        for claim in result.claims:
            reading = result.dates.get(claim.id)
            if reading is None or claim.path != "claims/fuzz-dates.yaml":
                continue
            source = result.sources[claim.source]
            segment = next(s.text for s in source.body.segments if canonical(claim.quote) in s.text)
            spans = {t.span for t in find_times(segment, source.published) if t.span is not None}
            assert reading.span in spans, (claim.quote, claim.as_written, reading.span)


@fuzz(10)
@given(
    ops=mutations(), skips=skips_documents(), query=st.one_of(HOSTILE_TEXT, st.text(min_size=1, max_size=40))
)
def test_new_commands_on_mutated_registries(
    ops: list[tuple[str, str, object]], skips: str, query: str
) -> None:
    """coverage, diff (against the unmutated registry), find and schema --check: exit 0 or 1, never 2
    (a query of nothing but spaces is the one usage error find has), nothing outside touched."""
    with registry_copy() as (root, outside), registry_copy() as (base, _):
        for target, kind, arg in ops:
            _apply(root, outside, target, kind, arg)
        (root / "claims" / "skips.yaml").write_text(skips, encoding="utf-8")
        before = _listing(outside)
        from checks.search import fold

        with touched(root, base):
            for argv in (
                ["coverage", "--root", str(root)],
                ["coverage", "--check", "--format", "json", "--root", str(root)],
                ["diff", "--base", str(base), "--root", str(root)],
                ["diff", "--base", str(root), "--root", str(base), "--format", "json"],
                ["schema", "--check", "--root", str(root)],
            ):
                assert _run_quietly(argv) in (0, 1), argv
            if fold(query):
                # After `--`: a query starting with a dash is text, not an option (`--f` was a usage error,
                # exit 2, found with CLAIMS_FUZZ_EXAMPLES=25).
                assert _run_quietly(["find", "--root", str(root), "--", query]) in (0, 1)
        assert _listing(outside) == before


# --- pytest itself, on hostile registries -------------------------------------------------------------------

HOSTILE_REGISTRIES = {
    "links": [
        ("claims/news1-2020-12-07.yaml", "link", "secret"),
        ("claims/etoday-2023-08-28.yaml", "link", "fifo"),
        ("claims/skips.yaml", "link", "hardlink"),
        ("schema/vocabulary.yaml", "link", "dev-zero"),
        ("claims/resolutions.yaml", "link", "through-linked-dir"),
    ],
    "text": [
        ("claims/etoday-2023-08-28.yaml", "insert", (40, "\n::error file=x::FAKE\x1b[31m\u202e")),
        ("claims/newsway-2022-01-19.yaml", "name", "\n::error::FAKE\x1b[2J"),
        ("seeds/sources.yaml", "value", (20, "\u202e\x85\u2028::warning::x")),
        ("claims/resolutions.yaml", "value", (4, "\n::error::FAKE")),
    ],
    "huge": [
        ("claims/newsway-2022-01-19.yaml", "huge", "line"),
        ("schema/vocabulary.yaml", "deep", 3000),
        ("seeds/sources.yaml", "value", (3, "9" * 5000)),
        ("claims/nocutnews-2023-08-24.yaml", "huge", "lines"),
    ],
    "folders": [
        ("claims/skips.yaml", "link", "folder"),
        ("seeds/sources.yaml", "link", "reports"),
    ],
}


@pytest.mark.parametrize("name", sorted(HOSTILE_REGISTRIES))
def test_pytest_on_a_hostile_registry(pytester: pytest.Pytester, name: str) -> None:
    """`pytest --registry` as CI runs it: failures (exit 1), never an INTERNALERROR or a usage error,
    no secret and no raw control character in its output, nothing outside written."""
    with registry_copy() as (root, outside):
        for target, kind, arg in HOSTILE_REGISTRIES[name]:
            _apply(root, outside, target, kind, arg)
        before = _listing(outside)
        result = pytester.runpytest_subprocess("--registry", str(root), "-p", "no:cacheprovider", "-rA")
        out = result.stdout.str() + result.stderr.str()
        assert result.ret == 1, out[-2000:]
        assert "INTERNALERROR" not in out and "Traceback" not in out and SECRET not in out
        for line in out.splitlines():
            assert not line.lstrip().startswith("::") and not any(inert.unsafe(ch) for ch in line), line
        assert _listing(outside) == before
