"""The pytest plugin (checks.pytest_plugin): the registry as tests, run in a pytest subprocess."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.checker import check
from checks.report import markdown

from .conftest import BASE_REGISTRY

pytest_plugins = ["pytester"]

# The test registry (checks/tests/registry) claims one figure of its article; the fixture below skips
# the other five, so that its coverage is complete.
SKIPS = """\
skips:
  - source: sample-2024-01-02
    quote: 입력 2024.01.02
    figure: 2024.01.02
    reason: page-furniture
    note: the dateline
  - source: sample-2024-01-02
    quote: LG AI연구원은 2020년 12월 출범했다
    figure: 2020년 12월
    reason: other-subject
    note: the launch date is not followed by this test registry
  - source: sample-2024-01-02
    quote: 지난해 3분기 기준 128명으로 늘었다
    figure: 지난해 3분기
    reason: covered-elsewhere
    note: the time of the 128명 figure
  - source: sample-2024-01-02
    quote: 지난해 3분기 기준 128명으로 늘었다
    figure: 128명
    reason: other-subject
    note: not followed here
  - source: sample-2024-01-02
    quote: (사진) 출범 당시 80여명이던 연구원들이 모였다
    figure: 80여명
    reason: caption
    note: the photo caption restates the body
"""

# That registry gives a test to each registry file with a problem ("(file)": the file and every entry
# in it without a test of its own) and to each failing claim, source or skip, one to all the files
# without a problem, one to the coverage of each article with an uncovered figure and one to all the
# other articles, and one to the committed report. Clean, it is:
CLEAN_ITEMS = [
    "registry/seeds/sources.yaml::(files without problems)",
    "registry/seeds/sources.yaml::(coverage)",
    "registry/reports/conflicts.md::current",
]

# Prints each test's reported location, so that the tests below can see where a registry test is placed.
LOCATION_CONFTEST = """
def pytest_runtest_logreport(report):
    if report.when == "call":
        path, line, name = report.location
        print(f"LOCATION {report.nodeid} {path} {line} {report.outcome}")
"""


@pytest.fixture
def registry(pytester: pytest.Pytester) -> Path:
    root = pytester.path / "registry"
    shutil.copytree(BASE_REGISTRY, root)
    (root / "claims" / "skips.yaml").write_text(SKIPS, encoding="utf-8")
    (root / "reports" / "conflicts.md").write_text(markdown(check(root)), encoding="utf-8")
    pytester.makeconftest(LOCATION_CONFTEST)
    return root


def run(pytester: pytest.Pytester, root: Path, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess(
        "--registry", str(root), "-p", "no:cacheprovider", "-s", "-rA", *args
    )


def test_clean_registry_passes(pytester: pytest.Pytester, registry: Path) -> None:
    result = run(pytester, registry)
    result.assert_outcomes(passed=len(CLEAN_ITEMS))
    assert result.ret == pytest.ExitCode.OK
    for nodeid in CLEAN_ITEMS:
        result.stdout.fnmatch_lines([f"PASSED {nodeid}"])


def test_broken_claim_fails_alone_at_its_yaml_line(pytester: pytest.Pytester, registry: Path) -> None:
    claims = registry / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    assert "출범했다. 출범 당시" in text
    claims.write_text(text.replace("출범했다. 출범 당시", "출범했다, 출범 당시"), encoding="utf-8")
    result = run(pytester, registry)
    # The report cannot be regenerated from a registry with problems, nor its coverage counted: they
    # are skipped, not failed. The broken claim is a test of its own; its file's test passes, and so
    # does the one of the files without a problem.
    result.assert_outcomes(passed=2, failed=1, skipped=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "FAILED registry/claims/sample.yaml::sample-staff-at-founding*",
            "*1 failed, 2 passed, 2 skipped*",
        ]
    )
    # The failure shows the problem exactly as `claims check` prints it, located in the YAML file.
    result.stdout.fnmatch_lines(
        [
            (
                "claims/sample.yaml:4:12: error quote-not-found the quote does not occur in the body of "
                "sample-2024-01-02 (seeds/sample.txt)*the quote has ',' where the article has '.'*"
            )
        ]
    )
    # The test is placed at the claim in the YAML file (0-based line 1 is the claim's `- id:` line 2).
    result.stdout.fnmatch_lines(
        [
            "*LOCATION registry/claims/sample.yaml::sample-staff-at-founding registry/claims/sample.yaml 1 failed"
        ]
    )
    result.stdout.fnmatch_lines(["PASSED registry/claims/sample.yaml::(file)"])


def test_each_broken_claim_is_its_own_failure(pytester: pytest.Pytester, registry: Path) -> None:
    (registry / "claims" / "more.yaml").write_text(
        "claims:\n"
        "  - id: sample-staff-good\n"
        "    source: sample-2024-01-02\n"
        "    quote: 지난해 3분기 기준 128명으로 늘었다\n"
        "    subject: lg-ai-research\n"
        "    property: headcount\n"
        "    as_written: 128명\n"
        "    unit: person\n"
        "  - id: sample-staff-bad-unit\n"
        "    source: sample-2024-01-02\n"
        "    quote: 지난해 3분기 기준 128명으로 늘었다\n"
        "    subject: lg-ai-research\n"
        "    property: headcount\n"
        "    as_written: 128명\n"
        "    unit: KRW\n"
        "  - id: sample-staff-bad-subject\n"
        "    source: sample-2024-01-02\n"
        "    quote: 지난해 3분기 기준 128명으로 늘었다\n"
        "    subject: lg-ai-reserch\n"
        "    property: headcount\n"
        "    as_written: 128명\n"
        "    unit: person\n",
        encoding="utf-8",
    )
    result = run(pytester, registry)
    # The files without a problem pass in one test; more.yaml's (file) with its good claim passes, its 2
    # broken claims fail; the report and coverage are skipped. sample-staff-good claims 128명, which a
    # skip also skips: that skip is now stale (a failure of its own, in claims/skips.yaml, whose (file)
    # test passes).
    result.assert_outcomes(passed=3, failed=3, skipped=2)
    result.stdout.fnmatch_lines(["FAILED registry/claims/skips.yaml::128명*"])
    assert "more.yaml::sample-staff-good" not in result.stdout.str()  # clean: it passes with its file
    result.stdout.fnmatch_lines(
        [
            "*LOCATION registry/claims/more.yaml::(file) registry/claims/more.yaml 0 passed",
            "*LOCATION registry/claims/more.yaml::sample-staff-bad-unit registry/claims/more.yaml 8 failed",
            "*LOCATION registry/claims/more.yaml::sample-staff-bad-subject registry/claims/more.yaml 15 failed",
        ]
    )
    result.stdout.fnmatch_lines(["claims/more.yaml:15:11: error unit-mismatch *"])
    result.stdout.fnmatch_lines(["claims/more.yaml:19:14: error unknown-subject *"])


def test_file_level_problem_fails_the_file_item(pytester: pytest.Pytester, registry: Path) -> None:
    (registry / "claims" / "broken.yaml").write_text("claims:\n  - id: a\n   source: b\n", encoding="utf-8")
    (registry / "seeds" / "extra.txt").write_text("색인에 없는 기사\n", encoding="utf-8")
    result = run(pytester, registry)
    # The files without a problem pass in one test; the report and coverage items are skipped.
    result.assert_outcomes(passed=1, failed=2, skipped=2)
    result.stdout.fnmatch_lines(
        [
            "FAILED registry/claims/broken.yaml::(file)*",
            "FAILED registry/seeds/extra.txt::(file)*",
        ]
    )
    result.stdout.fnmatch_lines(["claims/broken.yaml:3:4: error yaml-syntax *"])
    result.stdout.fnmatch_lines(["seeds/extra.txt:0:0: error source-unindexed *"])


def test_warning_alone_passes(pytester: pytest.Pytester, registry: Path) -> None:
    (registry / "claims" / "empty.yaml").write_text("claims: []\n", encoding="utf-8")
    result = run(pytester, registry)
    # The warning does not fail its file, which has a test of its own to show it; the report item passes
    # as the registry has no error.
    result.assert_outcomes(passed=len(CLEAN_ITEMS) + 1)
    result.stdout.fnmatch_lines(
        ["*LOCATION registry/claims/empty.yaml::(file) registry/claims/empty.yaml 0 passed"]
    )


def test_uncovered_figure_fails_the_article_coverage_at_its_line(
    pytester: pytest.Pytester, registry: Path
) -> None:
    # Without the caption's skip, its 80여명 (line 4 of the article) is neither claimed nor skipped.
    skips = registry / "claims" / "skips.yaml"
    text = skips.read_text(encoding="utf-8")
    kept = text[: text.index("  - source: sample-2024-01-02\n    quote: (사진)")]
    skips.write_text(kept, encoding="utf-8")
    (registry / "reports" / "conflicts.md").write_text(markdown(check(registry)), encoding="utf-8")
    result = run(pytester, registry)
    # The article's coverage fails, in a test of its own; the one of every other article has none to
    # test, and is not collected; the files and the report (regenerated, so current) pass.
    result.assert_outcomes(passed=len(CLEAN_ITEMS) - 1, failed=1)
    assert "(coverage)" not in result.stdout.str()
    article = (BASE_REGISTRY / "seeds" / "sample.txt").read_text(encoding="utf-8").split("\n")
    line = next(n for n, x in enumerate(article, 1) if x.startswith("(사진)"))
    column = article[line - 1].index("80여명") + 1
    result.stdout.fnmatch_lines([f"seeds/sample.txt:{line}:{column}: uncovered figure '80여명' (person) «*»"])
    # The test is placed at the article file, at the uncovered figure's line (0-based in the location).
    result.stdout.fnmatch_lines(
        [f"*LOCATION registry/seeds/sample.txt::coverage registry/seeds/sample.txt {line - 1} failed"]
    )


def test_missing_registry_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess(
        "--registry", str(pytester.path / "nowhere"), "-p", "no:cacheprovider"
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR == 4
    result.stderr.fnmatch_lines([f"*--registry {pytester.path / 'nowhere'}: no such directory*"])


def test_registry_text_in_names_and_failures_is_inert(pytester: pytest.Pytester, registry: Path) -> None:
    """A file name and a claim ID holding a newline, a workflow command and escape codes: pytest's
    output shows them escaped, so no fake `::error` line and no terminal escape reaches a CI log."""
    claims = (registry / "claims" / "sample.yaml").read_text(encoding="utf-8")
    hostile = claims.replace(
        "id: sample-staff-at-founding", 'id: "x\\n::error file=a.py,line=1::FAKE\\x1b[31m\\u202e"'
    )
    (registry / "claims" / "evil\n::error file=b.py::FAKE\x1b[2J.yaml").write_text(hostile, encoding="utf-8")
    result = run(pytester, registry)
    output = result.stdout.str() + result.stderr.str()
    assert result.ret == 1
    assert not [line for line in output.splitlines() if line.startswith("::")]
    assert "\x1b" not in output and "\u202e" not in output
    assert "evil\\n%3A%3Aerror file=b.py%3A%3AFAKE\\x1b%5B2J.yaml" in output  # the node ID
    assert "evil\\n::error file=b.py::FAKE\\x1b[2J.yaml:2:9: error invalid-value" in output  # the problem
    assert "x\\n::error file=a.py,line=1::FAKE\\x1b[31m\\u202e" in output


# Saves a claims file (as an editor would) right after the registry is checked, before its problems
# are placed among its entries.
SAVED_MEANWHILE = """
import checks.pytest_plugin as plugin

checked = plugin.check


def check(root, *args, **kwargs):
    result = checked(root, *args, **kwargs)
    path = root / "claims" / "sample.yaml"
    path.write_bytes(path.read_bytes() + b"# saved meanwhile\\n")
    return result


plugin.check = check
"""


# Saves the claims file while the check runs, right after its result came from the cache: the check
# itself then asks where a duplicate ID is.
SAVED_DURING_THE_CHECK = """
import checks.checker as checker

decoded = checker._decode


def _decode(record, root, rel, data):
    out = decoded(record, root, rel, data)
    path = root / rel
    path.write_bytes(path.read_bytes() + b"# saved meanwhile\\n")
    return out


checker._decode = _decode
"""


@pytest.mark.parametrize(
    ("conftest", "copy_id", "changed"),
    [
        (SAVED_MEANWHILE, "sample-staff-copy", "claims/sample.yaml"),
        (SAVED_DURING_THE_CHECK, "sample-staff-at-founding", "claims/zz-copy.yaml"),
    ],
    ids=["after the check", "during the check"],
)
def test_a_claims_file_saved_while_it_is_checked_is_a_usage_error(
    pytester: pytest.Pytester,
    registry: Path,
    conftest: str,
    copy_id: str,
    changed: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Positions come from the bytes that were checked, read again when first asked: a file saved
    meanwhile (after the check, when its problems are placed among its claims; or during it, when the
    check locates a duplicate ID) gives no position in other bytes, and no internal error either, but
    says what to do."""
    claims = registry / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8").replace("as_written: 80여명", "as_written: 81여명")
    claims.write_text(text)
    (registry / "claims" / "zz-copy.yaml").write_text(text.replace("sample-staff-at-founding", copy_id))
    # Checked in worker processes (as at scale), the files' results come back without their bytes:
    # positions are read again on demand.
    monkeypatch.setenv("CLAIMS_JOBS", "2")
    pytester.makeconftest(conftest)
    result = run(pytester, registry)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{changed} changed while it was being checked*run the check again*"])
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
