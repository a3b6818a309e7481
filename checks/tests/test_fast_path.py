"""No weaker check (issue 11): the fast YAML path, the cache and the worker processes find exactly what
the slow, positioned path finds, at the same place, with the same message.

Two levels: every YAML text the fast path vouches for must read, through the slow path, to the same
values with no problem at all (checked on every case folder's files, on hostile snippets, and on
mutated files from hypothesis); and every case folder and mutated registry checks to the same problems
(path, line, column, code, message) with the fast path on or off, the cache cold or warm, one process
or two.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import fastyaml
from checks.checker import CheckResult, check
from checks.tests.test_cases import BASE_REGISTRY, CASES, build, case_dirs
from checks.yamlfile import read_yaml

Seen = list[tuple[str, int, int, str, str]]


def problems(result: CheckResult) -> Seen:
    return [(p.path, p.line, p.column, p.code, p.message) for p in result.problems]


def claims_seen(result: CheckResult) -> list[tuple[object, ...]]:
    return [
        (c.path, c.line, c.id, c.quote, c.as_written, c.unit, c.as_of, c.occurrence, c.note)
        for c in result.claims
    ]


@pytest.fixture
def slow_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(fastyaml, "ENABLED", False)
    yield


def slow_check(root: Path) -> CheckResult:
    saved = fastyaml.ENABLED
    fastyaml.ENABLED = False
    try:
        return check(root, use_cache=False, jobs=1)
    finally:
        fastyaml.ENABLED = saved


def assert_same_as_slow(root: Path) -> None:
    slow = slow_check(root)
    expected, expected_claims = problems(slow), claims_seen(slow)
    for use_cache, jobs in ((False, 1), (True, 1), (True, 1), (False, 2)):
        # (True, 1) twice: the first run fills the cache, the second reads it.
        fast = check(root, use_cache=use_cache, jobs=jobs)
        assert problems(fast) == expected, (use_cache, jobs)
        assert claims_seen(fast) == expected_claims, (use_cache, jobs)
        assert fast.places == slow.places
        assert fast.quantities == slow.quantities
        assert [(g.key, g.relation) for g in fast.groups] == [(g.key, g.relation) for g in slow.groups]


# --- whole registries -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case", case_dirs("negative") + case_dirs("positive"), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_case_folder_checks_the_same_on_every_path(case: Path, tmp_path: Path) -> None:
    assert_same_as_slow(build(case, tmp_path))


def test_project_registry_checks_the_same_on_every_path(tmp_path: Path) -> None:
    root = tmp_path / "project"
    project = Path(__file__).resolve().parents[2]
    for folder in ("seeds", "claims", "schema", "reports"):
        shutil.copytree(project / folder, root / folder)
    assert_same_as_slow(root)


def test_skips_checked_in_workers_as_in_one_process(tmp_path: Path) -> None:
    # The per-source phase (evidence, skips) in two processes, with skips whose quotes are not found
    # (they need the run's closest-passage budget, and are checked again in order) and a stale one.
    root = tmp_path / "project"
    project = Path(__file__).resolve().parents[2]
    for folder in ("seeds", "claims", "schema", "reports"):
        shutil.copytree(project / folder, root / folder)
    skips = root / "claims" / "skips.yaml"
    text = skips.read_text(encoding="utf-8")
    text = text.replace("quote: ", "quote: 없는 말 ", 2)  # the first two skips' quotes no longer occur
    text += (
        "  - source: news1-2020-12-07\n    quote: 구광모 LG그룹 회장은 올해 초 신년사를 통해\n"
        "    figure: 올해 초\n    reason: not-a-fact\n    note: a quote the article does not hold\n"
    )
    skips.write_text(text, encoding="utf-8")
    one, two = check(root, use_cache=False, jobs=1), check(root, use_cache=False, jobs=2)
    assert problems(two) == problems(one)
    assert two.skip_places == one.skip_places
    assert [p.code for p in one.problems].count("quote-not-found") == 3


def test_the_reference_scan_has_teeth() -> None:
    # The comparison above means something only if the reference doubts what it should.
    assert (
        reference_doubts("a: &x 1\n") and reference_doubts("a: yes\n") and reference_doubts("a: [1,\n 2]\n")
    )
    assert reference_doubts("a: 'x\n  y'\n") and reference_doubts("a: | x\n")
    assert not reference_doubts("a: 1\nb: '2021'\nc: 3조 원\nd: >-\n  x\n")


def test_the_fast_path_is_taken_on_the_real_registry() -> None:
    """The scan must not doubt every file: otherwise the fast path would be dead code."""
    project = Path(__file__).resolve().parents[2]
    files = sorted(
        p for p in (project / "claims").glob("*.yaml") if p.name not in ("resolutions.yaml", "skips.yaml")
    )
    vouched = [f.name for f in files if fastyaml.fast_load(f.read_text(encoding="utf-8")) is not None]
    assert vouched == [f.name for f in files]


# --- one file at a time -------------------------------------------------------------------------------


# The scan as it was first written: regular expressions tried at every position of the text. The scan
# of checks.fastyaml finds the same places faster; it must doubt at least what this one doubts.
_REFERENCE_STRUCTURE = re.compile(
    r"(?m)(?:^|[ \[{,])[&*!@`]|^%|^(?:---|\.\.\.)(?:[ ]|$)|^[ ]*(?:-[ ]+)*\?(?:[ ]|$)"
    r"|[\[{,][ ]*[|>]|(?:^|[ ])[|>](?![-+1-9]*[ ]*$)"
)
_REFERENCE_TYPED = re.compile(
    r"(?m)(?:^[ ]*(?:[-?][ ]+)*|[-?][ ]+|:[ ]*|[\[{,][ ]*)"
    r"((?:[-+.](?![ ]|$)|[0-9])(?:[-+.0-9A-Za-z_/ ]|:(?![ ]|$))*|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[yYnN]|<<|=)"
    r"(?=[ ]*(?:$|[,\]}]|[ ]#))"
)
_REFERENCE_BRACKETS = re.compile(r"(?m)^.*[\[\]{}].*$")
_REFERENCE_QUOTE_START = re.compile(r"(?m)(?:^[ ]*(?:[-?][ ]+)*|[-?][ ]+|:[ ]*|[\[{,][ ]*)(?=['\"])")


def reference_doubts(text: str) -> bool:
    """Whether the reference scan doubts the text (before yaml-rs is asked)."""
    if fastyaml._CAREFUL.search(text):
        return True
    scanned = fastyaml._COMMENT_LINE.sub("", text) if "#" in text else text
    if _REFERENCE_STRUCTURE.search(scanned):
        return True
    for match in _REFERENCE_BRACKETS.finditer(scanned):
        line = match.group()
        if line.count("[") != line.count("]") or line.count("{") != line.count("}"):
            return True
    for match in _REFERENCE_QUOTE_START.finditer(scanned):
        if not fastyaml._QUOTED_ON_ONE_LINE.match(scanned, match.end()):
            return True
    for match in _REFERENCE_TYPED.finditer(scanned):
        token = match.group(1).rstrip(" ")
        if fastyaml._INT.match(token):
            if len(token.lstrip("+-")) > fastyaml.MAX_DIGITS:
                return True
        elif not fastyaml._text_for_both(token):
            return True
    return False


def assert_vouched_text_is_clean(text: str) -> None:
    data = fastyaml.fast_load(text)
    if data is None:
        return  # a doubt: the slow path decides
    assert not reference_doubts(text), text
    slow = read_yaml(text, "claims/x.yaml")
    assert slow.problems == [], text
    assert slow.root is not None and slow.root.plain() == data, text


def yaml_files() -> list[Path]:
    return sorted(p for p in CASES.rglob("*") if p.suffix in (".yaml", ".yml")) + sorted(
        p for p in BASE_REGISTRY.rglob("*") if p.suffix in (".yaml", ".yml")
    )


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(CASES.parent)))
def test_every_case_file_is_vouched_for_only_when_clean(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    assert_vouched_text_is_clean(text)


# Each must be doubted or read exactly as the slow path reads it; those marked doubt must be doubted.
HOSTILE = [
    ("a: 007\n", "doubt"),
    ("a: 0x1F\n", "doubt"),
    ("a: 0o17\n", "doubt"),
    ("a: 1_000\n", "doubt"),
    ("a: 1.5\n", "doubt"),
    ("a: .5\n", "doubt"),
    ("a: 1e3\n", "doubt"),
    ("a: .inf\n", "doubt"),
    ("a: 2021-01-01\n", "doubt"),
    ("a: 2021-01-01 10:00:00\n", "doubt"),
    ("a: 10:30\n", "doubt"),
    ("a: yes\n", "doubt"),
    ("a: Off\n", "doubt"),
    ("a: [on]\n", "doubt"),
    ('{"a":007}\n', "doubt"),
    ("- 007\n", "doubt"),
    ("a:\n  - - 007\n", "doubt"),
    ("a: b\n  007\n", "doubt"),
    ("a: &x 1\n", "doubt"),
    ("a: &x 1\nb: *x\n", "doubt"),
    ("a: !!str 1\n", "doubt"),
    ("a: !foo x\n", "doubt"),
    ("a: 1\na: 2\n", "doubt"),
    ("a: 1\n'a': 2\n", "doubt"),
    ("1: x\n", "doubt"),
    ("null: x\n", "doubt"),
    ("true: x\n", "doubt"),
    ("---\na: 1\n---\nb: 2\n", "doubt"),
    ("%YAML 1.2\n---\na: 1\n", "doubt"),
    ("? a\n: b\n", "doubt"),
    ("a:\tb\n", "doubt"),
    ("a: b\r\nc: d\r\n", "doubt"),
    ("a: b\x85c: d\n", "doubt"),
    ("a: b\u2028c\n", "doubt"),
    ("a: x\x07\n", "doubt"),
    ('a: "x\\u0041"\n', "doubt"),
    ("a: \ufeffx\n", "doubt"),
    ("- a\n- b\n", "doubt"),
    ("", "doubt"),
    ("# only a comment\n", "doubt"),
    ("a: 1\n" + "b:\n" + "".join("  " * i + "- \n" for i in range(1, 70)), "doubt"),
    ("a: [" * 70 + "]" * 70 + "\n", "doubt"),
    ("a: @x\n", "doubt"),
    ("a: {b: x, |c}\n", "doubt"),
    ("a: | x\n", "doubt"),
    ("a: [>]\n", "doubt"),
    ("a: 1234567890123456789\n", "doubt"),
    ("a: [1234567890123456789]\n", "doubt"),
    ("a: `x\n", "doubt"),
    ("a: b: c\n", "doubt"),
    ("a: [1, 2\n", "doubt"),
    ("a: 'unclosed\n", "doubt"),
    ("a: {ko: 인력, en:?  staff, x: true}\n", "doubt"),  # found by the fuzz: yaml-rs reads a key there
    ("a: [x:y, z]\n", "doubt"),
    ("a: {?&a ko: x, en: y}\n", "doubt"),
    ("a: {ko: x, en:, y}\n", "doubt"),
    ("a: {?007 ko: x, en: y}\n", "doubt"),
    # Text for both, or integers for both: may be vouched for.
    ("a: 1\nb: -2\nc: +3\n", "either"),
    ("a: R&D 5%\nb: 3조6000억 원\n", "either"),
    ("a: 2021-Q3\nb: 2020-12/2022-01\nc: '2021'\n", "either"),
    ("a: 엑사원 2.0\n", "either"),
    ("a: >-\n  folded\n  text\n\n  para\nb: |\n  lit\n   eral\n", "either"),
    ("a: 'it''s'\nb: \"dq\"\nc: ~\nd:\ne: null\nf: True\n", "either"),
    ("a: {ko: 원, en: \"x, y\"}\nb: [x, 'y', 1]\n", "either"),
    ("a: x # comment\n# whole-line comment with 007 and yes\nb: y\n", "either"),
    ("a:\n  b:\n    - c: d\n      e: 1\n", "either"),
    ("a: 0b12df8c\nb: 1d5025de\n", "either"),
]


@pytest.mark.parametrize("text, expect", HOSTILE, ids=[repr(t[:30]) for t, _ in HOSTILE])
def test_hostile_snippets(text: str, expect: str) -> None:
    if expect == "doubt":
        assert fastyaml.fast_load(text) is None
    assert_vouched_text_is_clean(text)


SNIPPETS = [
    "007",
    "0x1F",
    "1.5",
    "2021-01-01",
    "10:30",
    "yes",
    "on",
    "~",
    "null",
    "true",
    "&a ",
    "*a",
    "!!str ",
    "!t ",
    "\t",
    "- ",
    ": ",
    " #",
    "#",
    "'",
    '"',
    "\\",
    "\r",
    "\x85",
    "? ",
    "---",
    "...",
    "[",
    "]",
    "{",
    "}",
    ",",
    "|",
    ">",
    "\n",
    "\n  ",
    "\n    ",
    "\n- ",
    "%",
    "@",
    "`",
    "=",
    "<<",
    " 2.0",
    "+1",
    "-0",
    "1_0",
    ".5",
    "1e3",
    "Off",
    "NO",
    "\ufeff",
    "\x00",
    "한글",
    "R&D",
    "%p",
]
BASE_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((Path(__file__).resolve().parents[2] / "claims").glob("*.yaml"))[:3]
] + [(BASE_REGISTRY / "schema" / "vocabulary.yaml").read_text(encoding="utf-8")]


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    base=st.sampled_from(BASE_TEXTS),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(SNIPPETS), st.integers(0, 3)), min_size=1, max_size=4
    ),
)
def test_mutated_files_are_vouched_for_only_when_clean(
    base: str, edits: list[tuple[float, str, int]]
) -> None:
    text = base
    for where, snippet, cut in edits:
        at = int(where * len(text))
        text = text[:at] + snippet + text[at + cut :]
    assert_vouched_text_is_clean(text)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(SNIPPETS), st.integers(0, 3)), min_size=1, max_size=3
    )
)
def test_mutated_registries_check_the_same_on_every_path(
    edits: list[tuple[float, str, int]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("mutated") / "registry"
    shutil.copytree(BASE_REGISTRY, root)
    target = min((root / "claims").glob("*.yaml"))
    text = target.read_text(encoding="utf-8")
    for where, snippet, cut in edits:
        at = int(where * len(text))
        text = text[:at] + snippet + text[at + cut :]
    target.write_text(text, encoding="utf-8")
    assert_same_as_slow(root)


# Long values: the fast path doubts a text dense with keys and dashes (`_many_starts`).
DOCUMENT = """\
sources:
  - id: an-article-of-the-registry-with-a-long-identifier
    body:
      first_line: 1
      omit:
        - first_line: 2
          last_line: 3
    note: LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명이다
  - - 1
    - 2
  - 7
headline: 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 빠르게 몸집을 키우고 있다
"""


def test_a_fast_path_node_reads_as_the_slow_paths_node() -> None:
    """A fast-path node makes its children when asked and keeps none: every value, child, `get` and
    `is_mapping` of it, at every depth, is the slow path's (the positioned tree of read_yaml)."""
    from checks.yamlfile import Node, read_yaml

    slow = read_yaml(DOCUMENT, "x.yaml").root
    plain = fastyaml.fast_load(DOCUMENT)
    assert slow is not None and plain is not None
    fast = fastyaml.lazy_nodes(plain, fastyaml.LazyTree(DOCUMENT.encode(), "x.yaml"))

    def same(a: Node, b: Node, path: tuple[object, ...]) -> int:
        assert a.plain() == b.plain() and a.is_mapping() == isinstance(b.value, dict), path
        assert (a.line, a.column) == (b.line, b.column), path  # positions on demand, from the slow path
        if isinstance(b.value, dict):
            assert list(a.value) == list(b.value) and a.get("missing") is None
            return 1 + sum(same(a.get(k), v, (*path, k)) for k, v in b.value.items())  # type: ignore[arg-type]
        if isinstance(b.value, list):
            assert a.get("id") is None and len(a.value) == len(b.value)
            return 1 + sum(same(x, y, (*path, i)) for i, (x, y) in enumerate(zip(a.value, b.value)))
        assert a.value == b.value and a.get("id") is None
        return 1

    assert same(fast, slow, ()) == 16  # every node visited
