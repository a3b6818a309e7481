"""`claims coverage` and claims/skips.yaml (checks.coverage, checks.skips) on the small test registry.

The test registry's article (checks/tests/registry/seeds/sample.txt) reads, lines 1-5 being its body:
    LG AI연구원 인력 늘어
    입력 2024.01.02
    LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다.
    (사진) 출범 당시 80여명이던 연구원들이 모였다.
    홍길동 기자
Its one claim states the first 80여명 (line 3). By hand, a reader finds six figures and dates: the
dateline 2024.01.02, the date 2020년 12월 (one date, not the figures 2020년 and 12월), 80여명, the date
지난해 3분기, 128명 (line 3), and the caption's 80여명 (line 4). Expected positions below are computed
from the article text itself (str.index), not from the code under test.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from checks.checker import check
from checks.cli import main
from checks.coverage import coverage

from .conftest import BASE_REGISTRY, MakeRegistry

ARTICLE = (BASE_REGISTRY / "seeds" / "sample.txt").read_text(encoding="utf-8").split("\n")


def at(line: int, text: str, nth: int = 1) -> tuple[int, int]:
    """(line, column) of the nth occurrence of text on a line of the sample article, 1-based."""
    i = -1
    for _ in range(nth):
        i = ARTICLE[line - 1].index(text, i + 1)
    return line, i + 1


def skip(quote: str, figure: str, reason: str = "other-subject", occurrence: int | None = None) -> str:
    pin = f"    occurrence: {occurrence}\n" if occurrence else ""
    return (
        f"  - source: sample-2024-01-02\n    quote: {quote}\n{pin}    figure: {figure}\n"
        f"    reason: {reason}\n    note: for the test\n"
    )


# Skips for all but the caption's 80여명 (line 4).
ALL_BUT_CAPTION = (
    "skips:\n"
    + skip("입력 2024.01.02", "2024.01.02", "page-furniture")
    + skip("LG AI연구원은 2020년 12월 출범했다", "2020년 12월")
    + skip("지난해 3분기 기준 128명으로 늘었다", "지난해 3분기")
    + skip("지난해 3분기 기준 128명으로 늘었다", "128명")
)
CAPTION = skip("(사진) 출범 당시 80여명이던 연구원들이 모였다", "80여명", "caption")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def found_at(root: Path) -> dict[tuple[int, int], tuple[str, str, str]]:
    (article,) = coverage(check(root)).articles
    return {(f.line, f.column): (f.kind, f.text, f.status) for f in article.found}


def test_the_readers_find_every_figure_and_date_once(make_registry: MakeRegistry) -> None:
    assert found_at(make_registry()) == {
        at(2, "2024.01.02"): ("date", "2024.01.02", "uncovered"),
        at(3, "2020년 12월"): ("date", "2020년 12월", "uncovered"),
        at(3, "80여명"): ("figure", "80여명", "claimed"),
        at(3, "지난해 3분기"): ("date", "지난해 3분기", "uncovered"),
        at(3, "128명"): ("figure", "128명", "uncovered"),
        at(4, "80여명"): ("figure", "80여명", "uncovered"),
    }


def test_one_uncovered_figure_fails_check_at_its_line_and_column(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION})
    assert check(root).problems == []
    status, out, err = run_cli(capsys, "coverage", "--root", str(root), "--check")
    line, column = at(4, "80여명")
    assert status == 1
    assert f"seeds/sample.txt:{line}:{column}: uncovered figure '80여명' (person)" in out
    assert "«(사진) 출범 당시 80여명이던 연구원들이 모였다.»" in out
    assert out.count(": uncovered ") == 1
    assert "1 figure(s) and date(s) neither claimed nor skipped" in err
    assert "Coverage: 1 of 6 figures and dates claimed, 4 skipped with reasons, 1 uncovered" in out
    # Without --check the listing is the same, and the status is 0: it only lists.
    assert run_cli(capsys, "coverage", "--root", str(root))[0] == 0


def test_a_skip_makes_it_pass(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION + CAPTION})
    assert check(root).problems == []
    status, out, err = run_cli(capsys, "coverage", "--root", str(root), "--check")
    assert (status, err) == (0, "")
    assert "Coverage: 1 of 6 figures and dates claimed, 5 skipped with reasons" in out
    assert "uncovered" not in out.splitlines()[-1]


def test_a_claim_makes_it_pass_and_a_skip_of_it_stale(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    claim = (
        "claims:\n  - id: caption-staff\n    source: sample-2024-01-02\n"
        "    quote: (사진) 출범 당시 80여명이던 연구원들이 모였다\n    subject: lg-ai-research\n"
        "    property: headcount\n    as_written: 80여명\n    unit: person\n    as_of: '2020-12'\n"
        "    as_of_text: 출범 당시\n"
    )
    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION, "claims/caption.yaml": claim})
    assert run_cli(capsys, "coverage", "--root", str(root), "--check")[0] == 0
    # Now skip the claimed figure too: the skip is stale, a located problem of `claims check`.
    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION + CAPTION, "claims/caption.yaml": claim})
    problems = [(p.path, p.line, p.code) for p in check(root).problems]
    caption_figure_line = (ALL_BUT_CAPTION + CAPTION).split("\n").index("    figure: 80여명") + 1
    assert problems == [("claims/skips.yaml", caption_figure_line, "skip-stale")]
    assert "caption-staff" in check(root).problems[0].message
    # And coverage refuses to count a registry with problems.
    status, out, err = run_cli(capsys, "coverage", "--root", str(root), "--check")
    assert status == 1 and "skip-stale" in err and out == ""


def test_a_pinned_occurrence_covers_that_place_only(make_registry: MakeRegistry) -> None:
    # 출범 당시 80여명이던 occurs on line 3 and line 4; the base claim holds line 3's (its quote is
    # longer). A skip pinned to occurrence 2 covers the caption's 80여명; occurrence 1 would be stale.
    root = make_registry(
        {"claims/skips.yaml": "skips:\n" + skip("출범 당시 80여명이던", "80여명", "caption", 2)}
    )
    assert check(root).problems == []
    assert found_at(root)[at(4, "80여명")] == ("figure", "80여명", "skipped")
    root = make_registry(
        {"claims/skips.yaml": "skips:\n" + skip("출범 당시 80여명이던", "80여명", "caption", 1)}
    )
    assert [p.code for p in check(root).problems] == ["skip-stale"]


def test_a_year_claim_covers_a_whole_year_date_only(make_registry: MakeRegistry) -> None:
    # A claim in unit `year` (the curators' founding-year claims) of 2020년 does not cover the date
    # 2020년 12월 (it spans only part of it); a date claim of the same words does.
    def claim(as_written: str, unit: str, prop: str) -> str:
        return (
            "claims:\n  - id: launch\n    source: sample-2024-01-02\n"
            "    quote: LG AI연구원은 2020년 12월 출범했다\n    subject: lg-ai-research\n"
            f"    property: {prop}\n    as_written: {as_written}\n    unit: {unit}\n"
        )

    vocabulary = (BASE_REGISTRY / "schema" / "vocabulary.yaml").read_text(encoding="utf-8")
    vocabulary = vocabulary.replace("units:\n", "units:\n  year: {ko: 년, en: years}\n").replace(
        "properties:\n",
        "properties:\n  founding-year: {ko: 설립 연도, en: year founded, changes_over_time: false}\n",
    )
    root = make_registry(
        {"claims/launch.yaml": claim("2020년", "year", "founding-year"), "schema/vocabulary.yaml": vocabulary}
    )
    assert check(root).problems == []
    assert found_at(root)[at(3, "2020년 12월")][2] == "uncovered"
    root = make_registry({"claims/launch.yaml": claim("2020년 12월", "date", "launch-date")})
    assert check(root).problems == []
    assert found_at(root)[at(3, "2020년 12월")][2] == "claimed"


def test_page_furniture_is_not_counted(make_registry: MakeRegistry) -> None:
    # Omit the dateline line (2) as furniture: its date is no longer found.
    index = (BASE_REGISTRY / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    index = index.replace(
        "      last_line: 5\n",
        "      last_line: 5\n      omit:\n        - first_line: 2\n          last_line: 2\n          what: dateline\n",
    )
    root = make_registry({"seeds/sources.yaml": index})
    assert check(root).problems == []
    assert at(2, "2024.01.02") not in found_at(root)
    assert len(found_at(root)) == 5


def test_coverage_json(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION})
    status, out, err = run_cli(capsys, "coverage", "--root", str(root), "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert (data["total"], data["claimed"], data["skipped"], data["uncovered"]) == (6, 1, 4, 1)
    (article,) = data["articles"]
    assert article["source"] == "sample-2024-01-02" and article["file"] == "seeds/sample.txt"
    by_place = {(f["line"], f["column"]): f for f in article["figures"]}
    caption = by_place[at(4, "80여명")]
    assert caption["status"] == "uncovered" and caption["kind"] == "figure" and caption["by"] == []
    assert by_place[at(3, "80여명")]["by"] == ["sample-staff-at-founding"]
    date = by_place[at(3, "지난해 3분기")]
    assert (date["kind"], date["value"], date["status"]) == ("date", "2023-Q3", "skipped")
    assert date["by"] == [
        f"claims/skips.yaml:{ALL_BUT_CAPTION.split(chr(10)).index('  - source: sample-2024-01-02', 10) + 1}"
    ]


def test_the_report_header_shows_the_coverage(make_registry: MakeRegistry) -> None:
    from checks.report import markdown

    root = make_registry({"claims/skips.yaml": ALL_BUT_CAPTION})
    text = markdown(check(root))
    assert "**Coverage: 1 of 6 figures and dates claimed, 4 skipped with reasons, 1 uncovered**" in text


def test_project_coverage_runs_and_counts_every_found_item_once() -> None:
    # On the project's own registry: every found item has one status, dates and figures never overlap.
    project = Path(__file__).resolve().parents[2]
    cov = coverage(check(project))
    assert cov.total == cov.count("claimed") + cov.count("skipped") + cov.count("uncovered")
    for article in cov.articles:
        spans = [((f.line, f.column), (f.end_line, f.end_column)) for f in article.found]
        for (a_start, a_end), (b_start, _b_end) in pairwise(spans):
            assert a_end < b_start, article.source


def test_the_words_of_a_claims_time_are_claimed_with_it(make_registry: MakeRegistry) -> None:
    # The claim states 128명 as of 지난해 3분기: both the figure and its time are claimed by it.
    claim = (
        "claims:\n  - id: staff-q3\n    source: sample-2024-01-02\n    quote: 지난해 3분기 기준 128명으로 늘었다\n"
        "    subject: lg-ai-research\n    property: headcount\n    as_written: 128명\n    unit: person\n"
        "    as_of: 2023-Q3\n    as_of_text: 지난해 3분기\n"
    )
    root = make_registry({"claims/q3.yaml": claim})
    assert check(root).problems == []
    (article,) = coverage(check(root)).articles
    by_place = {(f.line, f.column): f for f in article.found}
    assert (by_place[at(3, "128명")].status, by_place[at(3, "128명")].by) == ("claimed", ("staff-q3",))
    assert (by_place[at(3, "지난해 3분기")].status, by_place[at(3, "지난해 3분기")].by) == (
        "claimed",
        ("staff-q3",),
    )
    # A skip of that time is then stale.
    root = make_registry(
        {
            "claims/q3.yaml": claim,
            "claims/skips.yaml": "skips:\n" + skip("지난해 3분기 기준 128명으로 늘었다", "지난해 3분기"),
        }
    )
    assert [(p.code, "staff-q3" in p.message) for p in check(root).problems] == [("skip-stale", True)]


def test_time_words_claim_times_not_the_figures_they_hold(make_registry: MakeRegistry) -> None:
    # An as_of_text that holds more than the time: '출범 당시 80여명이던 인력은 지난해 3분기' would pass
    # off 80여명 as claimed by a claim of 128명. The words of a time claim the times in them only.
    claim = (
        "claims:\n  - id: staff-q3\n    source: sample-2024-01-02\n"
        "    quote: 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다\n"
        "    subject: lg-ai-research\n    property: headcount\n    as_written: 128명\n    unit: person\n"
        "    as_of: 2023-Q3\n    as_of_text: 출범 당시 80여명이던 인력은 지난해 3분기\n"
    )
    root = make_registry({"claims/sample.yaml": claim})
    assert check(root).problems == []
    (article,) = coverage(check(root)).articles
    by_place = {(f.line, f.column): f for f in article.found}
    assert by_place[at(3, "80여명")].status == "uncovered"
    assert by_place[at(3, "지난해 3분기")].by == ("staff-q3",)


def test_a_skip_skips_one_figure(make_registry: MakeRegistry) -> None:
    # One skip whose figure runs from 80여명 to 128명 would hide three figures and dates for one reason.
    root = make_registry(
        {
            "claims/skips.yaml": "skips:\n"
            + skip("인력은 지난해 3분기 기준 128명으로 늘었다", "지난해 3분기 기준 128명")
        }
    )
    result = check(root)
    assert [(p.code, p.line, p.column) for p in result.problems] == [("skip-too-broad", 4, 13)]
    (article,) = coverage(result).articles
    by_place = {(f.line, f.column): f for f in article.found}
    assert by_place[at(3, "128명")].status == "uncovered"
    assert by_place[at(3, "지난해 3분기")].status == "uncovered"


def test_a_date_claim_covers_a_date_only_whole(tmp_path: Path) -> None:
    # The article breaks the date 2020년 12월 across two lines; the quote stops at the line's end, so the
    # claim says 2020년 only. The date the article prints (2020년 12월) is then not claimed: an editor
    # must claim it whole, not pass the month off as covered by a claim of the year.
    from checks.tests.compare_cases import article, build, claim
    from checks.tests.test_compare import DATES_VOCABULARY

    a = article("aa-2024-01-02", "가일보", "2024-01-02", "LG AI연구원은 2020년", "12월 출범했다.")
    root = build(
        tmp_path / "year-only",
        [a],
        [claim("aa.d", a.id, "LG AI연구원은 2020년", "2020년", "date", subject="lg", property="visit-date")],
        vocabulary=DATES_VOCABULARY,
    )
    result = check(root)
    # The checker refuses the claim (the article's date is 2020년 12월); coverage does not count it either.
    assert [p.code for p in result.problems] == ["figure-not-in-quote"]
    found = {f.text: f.status for f in coverage(result).articles[0].found}
    assert found["2020년 12월"] == "uncovered"
    # Claimed whole (the quote across the line break), it is covered.
    root = build(
        tmp_path / "whole",
        [a],
        [
            claim(
                "aa.d",
                a.id,
                "LG AI연구원은 2020년 12월 출범했다",
                "2020년 12월",
                "date",
                subject="lg",
                property="visit-date",
            )
        ],
        vocabulary=DATES_VOCABULARY,
    )
    result = check(root)
    assert result.problems == []
    found = {f.text: f.status for f in coverage(result).articles[0].found}
    assert found["2020년 12월"] == "claimed"


# --- `claims coverage --skips`: a skip for every uncovered figure, to give its reason (issue 9, review) -----

PROJECT = Path(__file__).resolve().parents[2]
PROJECT_SOURCES = sorted(check(PROJECT).sources)


def _without_article(root: Path, source: str) -> None:
    """The registry as it was when the article was just onboarded: none of its claims or skips (and
    no resolutions, which may name groups its claims were in)."""
    import re
    import shutil

    for folder in ("seeds", "claims", "schema", "reports"):
        shutil.copytree(PROJECT / folder, root / folder)
    (root / "claims" / f"{source}.yaml").unlink(missing_ok=True)
    skips = root / "claims" / "skips.yaml"
    items = re.split(r"(?m)^(?=  - source: )", skips.read_text(encoding="utf-8"))
    skips.write_text(
        "".join(x for x in items if not x.startswith(f"  - source: {source}\n")), encoding="utf-8"
    )
    (root / "claims" / "resolutions.yaml").write_text("resolutions: []\n", encoding="utf-8")


@pytest.mark.parametrize("source", PROJECT_SOURCES)
def test_every_skip_proposed_for_an_article_skips_its_figure(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each skip `claims coverage --skips` proposes, its reason and note written, skips the very figure
    it was proposed for: pasted whole, the article is covered and the registry checks clean. (The
    quote must be in the body, unique or pinned by `occurrence`, and hold the figure whole.)"""
    root = tmp_path / "registry"
    _without_article(root, source)
    before = check(root)
    assert not before.failed
    uncovered = [f for f in coverage(before).uncovered if f.source == source]
    assert uncovered  # every figure of the article, now that nothing claims or skips them
    assert main(["coverage", "--skips", "--root", str(root)]) == 0
    stubs = capsys.readouterr().out
    assert stubs.count("\n  - source: ") == len(coverage(before).uncovered)
    # Left empty, reason and note are refused: the choice is the editor's.
    skips = root / "claims" / "skips.yaml"
    kept = skips.read_text(encoding="utf-8").rstrip("\n") + "\n"
    skips.write_text(kept + stubs, encoding="utf-8")
    assert {p.code for p in check(root).problems} == {"invalid-value"}
    filled = stubs.replace("reason: ''", "reason: not-a-fact").replace("note: ''", "note: a test's note")
    skips.write_text(kept + filled, encoding="utf-8")
    after = check(root)
    assert after.problems == []
    assert coverage(after).complete


def test_proposed_skips_are_inert_on_the_terminal_and_read_back_as_the_article(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # An article comes in a pull request: a bidi override and an escape sequence in a sentence with a
    # figure reach the terminal escaped, in YAML that reads back as the article's own text.
    import hashlib

    from checks.inert import unsafe

    text = "\n".join(ARTICLE).replace("(사진) 출범 당시", "(사진)\u202e\x1b[31m 출범 당시")
    index = (BASE_REGISTRY / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    old_sha = hashlib.sha256("\n".join(ARTICLE).encode("utf-8")).hexdigest()
    assert old_sha in index
    index = index.replace(old_sha, hashlib.sha256(text.encode("utf-8")).hexdigest())
    root = make_registry({"seeds/sample.txt": text, "seeds/sources.yaml": index})
    assert main(["coverage", "--skips", "--root", str(root)]) == 0
    stubs = capsys.readouterr().out
    assert not [c for c in stubs if unsafe(c) and c != "\n"]
    assert "\\u202E\\u001B[31m 출범 당시 80여명이던" in stubs
    filled = stubs.replace("reason: ''", "reason: caption").replace("note: ''", "note: a test's note")
    (root / "claims" / "skips.yaml").write_text("skips:\n" + filled, encoding="utf-8")
    result = check(root)
    assert result.problems == [] and coverage(result).complete


@pytest.mark.parametrize("case", ["project", "one uncovered", "no skips"])
def test_a_lean_coverage_counts_what_the_whole_one_lists(case: str, make_registry: MakeRegistry) -> None:
    """The report's header and pytest's coverage tests take a lean coverage (counts, and the uncovered
    figures only): the same counts and the same uncovered figures as the whole listing."""
    root = {
        "project": Path(__file__).resolve().parents[2],
        "one uncovered": make_registry({"claims/skips.yaml": ALL_BUT_CAPTION}),
        "no skips": make_registry(),
    }[case]
    whole, lean = coverage(check(root)), coverage(check(root), lean=True)
    assert lean is not whole
    assert [len(a.found) for a in lean.articles] == [len(a.uncovered) for a in whole.articles]
    for status in ("claimed", "skipped", "uncovered"):
        assert [a.count(status) for a in lean.articles] == [
            sum(1 for f in a.found if f.status == status) for a in whole.articles
        ]
    assert [a.total for a in lean.articles] == [len(a.found) for a in whole.articles]
    assert lean.uncovered == whole.uncovered
    assert lean.summary() == whole.summary()


@pytest.mark.parametrize("case", ["project", "one uncovered", "generated", "generated, warm"])
def test_where_the_check_found_each_figure_is_where_the_coverage_would(
    case: str, make_registry: MakeRegistry, tmp_path: Path
) -> None:
    """The check tells the coverage where each claim's figure and time words stand in its quote
    (Claim.figure_at), so that no quote is read twice: the same places as the coverage finds itself,
    and the same coverage, figure by figure."""
    from checks.checker import figure_at

    from .test_generate import generator

    if case.startswith("generated"):
        root = tmp_path / "generated"
        generator().build(root, 40, 10)
    else:
        root = {"project": PROJECT, "one uncovered": make_registry({"claims/skips.yaml": ALL_BUT_CAPTION})}[
            case
        ]
    if case.endswith("warm"):
        check(root)  # the claims come from the cache, with the places
    result = check(root)
    assert result.claims and all(c.figure_at is not None for c in result.claims)
    fresh = [figure_at(c) for c in result.claims]
    assert [c.figure_at for c in result.claims] == fresh
    assert {at for pair in fresh for at in pair} - {-1}, "some figures are placed"
    by_the_check = coverage(result)
    for claim in result.claims:
        claim.figure_at = None  # found again by the coverage itself
    result.memo.clear()
    assert coverage(result) == by_the_check
