"""The report (checks.report) and `claims report`: determinism, escaping, exact numbers, the command,
atomic writing. Registries are built from scratch (checks/tests/compare_cases)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Self

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import cli, report
from checks.checker import CheckResult, check
from checks.compare import RELATIONS
from checks.quantity import read_quantity
from checks.report import analysis_json, figure, grouped, korean, markdown, write_atomically
from checks.tests.compare_cases import (
    RANDOM_ARTICLES,
    RANDOM_FIGURES,
    RANDOM_TIMES,
    VOCABULARY,
    RandomClaim,
    article,
    build,
    claim,
    layout,
    problems_text,
    random_registry,
)

PROJECT = Path(__file__).resolve().parents[2]


def clean(root: Path) -> CheckResult:
    result = check(root)
    assert result.problems == [], problems_text(result)
    return result


# --- a small registry for the command --------------------------------------------------------------------

A = article(
    "aa-2022-01-19",
    "가일보",
    "2022-01-19",
    "출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다.",
    "LG는 ABC 분야에 3조6000억원을 투자한다고 밝혔다.",
)
B = article(
    "bb-2024-03-13",
    "나신문",
    "2024-03-13",
    "LG AI연구원의 출범 당시 연구 인력은 70여명이었다.",
    "그룹 투자액은 3조 6000억 원으로 알려졌다.",
    "엑사원은 약 3000억개의 말뭉치를 학습했다.",
)
CLAIMS = [
    claim(
        "aa.founding",
        A.id,
        "출범 당시 80여명이던 인력은",
        "80여명",
        "person",
        as_of="2020-12",
        as_of_text="출범 당시",
    ),
    claim(
        "aa.q3",
        A.id,
        "지난해 3분기 기준 128명으로",
        "128명",
        "person",
        as_of="2021-Q3",
        as_of_text="지난해 3분기",
    ),
    claim(
        "aa.plan",
        A.id,
        "ABC 분야에 3조6000억원을 투자한다",
        "3조6000억원",
        "KRW",
        subject="lg",
        property="investment",
    ),
    claim(
        "bb.founding",
        B.id,
        "출범 당시 연구 인력은 70여명이었다",
        "70여명",
        "person",
        as_of="2020-12",
        as_of_text="출범 당시",
    ),
    claim(
        "bb.plan",
        B.id,
        "투자액은 3조 6000억 원으로 알려졌다",
        "3조 6000억 원",
        "KRW",
        subject="lg",
        property="investment",
    ),
    claim(
        "bb.data",
        B.id,
        "엑사원은 약 3000억개의 말뭉치를",
        "약 3000억개",
        "item",
        subject="exaone",
        property="dataset-size",
    ),
]
RESOLUTIONS = (
    "resolutions:\n"
    "  - group: lg-ai-research/headcount@2020-12\n"
    "    status: open\n"
    "    note: 범위가 다를 수 있다.\n"
)


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return build(tmp_path / "registry", [A, B], CLAIMS, resolutions=RESOLUTIONS)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- determinism ------------------------------------------------------------------------------------------

random_claims = st.lists(
    st.builds(
        RandomClaim,
        article=st.integers(0, len(RANDOM_ARTICLES) - 1),
        figure=st.integers(0, len(RANDOM_FIGURES) - 1),
        time=st.integers(0, len(RANDOM_TIMES) - 1),
        wording=st.integers(0, 1),
    ),
    min_size=1,
    max_size=7,
)


def _resolutions_for(result: CheckResult) -> str | None:
    """A resolution for every conflict, alternating the statuses, so both report sections fill."""
    conflicts = [g for g in result.groups if g.is_conflict]
    if not conflicts:
        return None
    lines = ["resolutions:"]
    for n, g in enumerate(conflicts):
        status = ("explained", "open", "outlet-error")[n % 3]
        lines += [f'  - group: "{g.key}"', f"    status: {status}", "    note: 편집자 메모"]
        if status == "outlet-error":
            lines.append(f"    erroneous: [{g.members[-1].claim.id}]")
    return "\n".join(lines) + "\n"


@given(spec=random_claims, data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_report_bytes_do_not_depend_on_claim_order_or_files(
    spec: list[RandomClaim], data: st.DataObject
) -> None:
    articles, claims = random_registry(spec)
    order = data.draw(st.permutations(range(len(claims))), label="order")
    split = data.draw(st.lists(st.integers(0, 3), min_size=len(claims), max_size=len(claims)), label="split")
    with tempfile.TemporaryDirectory() as tmp:
        resolutions = _resolutions_for(clean(build(Path(tmp) / "plain", articles, claims)))
        first = clean(build(Path(tmp) / "a", articles, claims, resolutions=resolutions))
        second = clean(
            build(Path(tmp) / "b", articles, files=layout(claims, order, split), resolutions=resolutions)
        )
        assert markdown(first) == markdown(second)
        assert analysis_json(first) == analysis_json(second)


def _rich_registry(root: Path) -> Path:
    """A registry with every kind of group (indexes into the RANDOM_* tables of compare_cases)."""
    spec = [
        RandomClaim(article=0, figure=0, time=1, wording=0),  # 가일보 80여명, 2020-12
        RandomClaim(article=2, figure=1, time=1, wording=1),  # 나신문 70여명, 2020-12: contradiction
        RandomClaim(article=3, figure=2, time=4, wording=0),  # 다뉴스 약 100명, 2022-H1
        RandomClaim(article=4, figure=3, time=4, wording=1),  # 라경제 108명, 2022-H1: discrepancy
        RandomClaim(article=1, figure=4, time=3, wording=0),  # 가일보 100명, 2021-Q3
        RandomClaim(article=2, figure=5, time=3, wording=0),  # 나신문 100명 이상, 2021-Q3: agreement
        RandomClaim(article=3, figure=7, time=3, wording=0),  # 다뉴스 100개: another unit, single
        RandomClaim(article=0, figure=8, time=0, wording=1),  # 가일보 3조6000억원, undated
        RandomClaim(article=4, figure=9, time=0, wording=0),  # 라경제 3조 6000억 원, undated
        RandomClaim(article=3, figure=10, time=2, wording=1),  # 다뉴스 약 3조원, 2021
        RandomClaim(article=2, figure=12, time=0, wording=0),  # 나신문 30억달러: single
    ]
    articles, claims = random_registry(spec)
    return build(root, articles, claims)


def _claims_report(root: Path, seed: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "checks.cli", "report", "--root", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=PROJECT,
        check=False,
    )


def test_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    root = _rich_registry(tmp_path / "registry")
    relations = {g.relation for g in clean(root).groups}
    assert relations == set(RELATIONS)  # the registry exercises every kind of group
    outputs = []
    for seed in ("0", "12345"):
        done = _claims_report(root, seed, "--format", "json")
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0] == analysis_json(check(root))
    # And the markdown written by `claims report`, in two copies of the registry.
    written = []
    for seed in ("0", "12345"):
        copy = tmp_path / f"copy-{seed}"
        shutil.copytree(root, copy)
        done = _claims_report(copy, seed)
        assert done.returncode == 0, done.stderr
        written.append((copy / "reports" / "conflicts.md").read_bytes())
    assert written[0] == written[1]


# --- escaping ---------------------------------------------------------------------------------------------

HOSTILE = "|`코드`<script>alert(1)</script>**bold**[x](javascript:alert(1))@someone\u202e"
HOSTILE_OUTLET = "악성\n일보 " + HOSTILE
HOSTILE_VOCABULARY = VOCABULARY.replace(
    "lg-ai-research: {ko: LG AI연구원, en: LG AI Research}",
    'lg-ai-research: {ko: "LG|AI`연구원`<i>", en: "**LG** [x](javascript:alert(1)) @lg"}',
).replace("person: {ko: 명, en: people}", 'person: {ko: "명|<b>", en: people}')


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _hostile_registry(root: Path, *, with_change: bool) -> CheckResult:
    # The article prints the hostile text, so that a quote holding it is verified; the claim's quote
    # wraps it across a line break (whitespace is folded before matching).
    ev = article(
        "ev-2022-01-19",
        HOSTILE_OUTLET,
        "2022-01-19",
        f"공격 문장 {HOSTILE} 인력은 지난해 3분기 80여명이다.",
        f"투자 문장 {HOSTILE} 3조6000억원 규모다.",
    )
    ok = article(
        "ok-2022-02-03",
        "나신문",
        "2022-02-03",
        "지난해 3분기 인력은 70여명이었다.",
        "2021년 4분기에는 100명이었다.",
    )
    claims = [
        claim(
            "ev.q3",
            ev.id,
            f"공격 문장 {HOSTILE}\n인력은 지난해 3분기 80여명",
            "80여명",
            "person",
            as_of="2021-Q3",
            as_of_text="지난해 3분기",
            note=HOSTILE,
        ),
        claim(
            "ev.plan",
            ev.id,
            f"투자 문장 {HOSTILE} 3조6000억원",
            "3조6000억원",
            "KRW",
            subject="lg",
            property="investment",
            note=HOSTILE,
        ),
        claim(
            "ok.q3",
            ok.id,
            "지난해 3분기 인력은 70여명이었다",
            "70여명",
            "person",
            as_of="2021-Q3",
            as_of_text="지난해 3분기",
        ),
    ]
    if with_change:
        claims.append(
            claim(
                "ok.q4",
                ok.id,
                "2021년 4분기에는 100명이었다",
                "100명",
                "person",
                as_of="2021-Q4",
                as_of_text="2021년 4분기",
            )
        )
    resolutions = (
        "resolutions:\n"
        "  - group: lg-ai-research/headcount@2021-Q3\n"
        "    status: outlet-error\n"
        f"    note: {_yaml_string(HOSTILE + ' 설명')}\n"
        "    erroneous: [ok.q3]\n"
    )
    return clean(build(root, [ev, ok], claims, resolutions=resolutions, vocabulary=HOSTILE_VOCABULARY))


def _tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _separators(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def _outside_code_fences(text: str) -> str:
    return re.sub(r"```.*?```", "", text, flags=re.DOTALL)


def _assert_inert(text: str) -> None:
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown, escaped
    # The only tags are the report's own bold figures and its generated-file comment.
    assert text.count("<!--") == 1
    # <b> marks the figure; an empty <span></span> breaks what GitHub would autolink (checks.report.md).
    tags = re.findall(r"<[^>]*>?", re.sub(r"<!--[^<>]*-->|<span></span>", "", text))
    assert set(tags) <= {"<b>", "</b>"}
    assert "\u202e" not in text and "U+202E" in text
    assert "**bold**" not in text and r"\*\*bold\*\*" in text
    assert not re.search(r"(?<!\\)\[x", text)
    assert "](javascript" not in text.replace(r"\](javascript", "")
    assert not re.search(r"(?<!\\)@someone", text)
    assert "`코드`" not in text and r"\`코드\`" in text
    assert "&#124;" in text
    assert "**LG**" not in text
    assert text.count("<b>") == text.count("</b>")  # no stray tag from registry text


def test_hostile_text_cannot_break_tables_or_inject_markup(tmp_path: Path) -> None:
    result = _hostile_registry(tmp_path / "registry", with_change=False)
    relations = {g.key: g.relation for g in result.groups}
    assert relations == {
        "lg-ai-research/headcount@2021-Q3": "contradiction",
        "lg/investment@undated": "single",
    }
    text = markdown(result)
    tables = _tables(text)
    assert len(tables) == 3  # the counts, the resolved contradiction's members, the single figures
    for table in tables:
        header = _separators(table[0])
        assert all(_separators(row) == header for row in table), table
    # The hostile claims' rows are there (two in the contradiction table, one single).
    assert sum("&lt;script&gt;" in row for table in tables for row in table) == 2
    _assert_inert(text)
    # Whitespace inside registry text (the outlet's line break) cannot end a table row.
    assert "악성 일보" in text
    # The JSON carries the registry text as it is: a JSON string escapes what must be.
    data = json.loads(analysis_json(result))
    outlets = {m["outlet"] for g in data["groups"] for m in g["members"]}
    assert HOSTILE_OUTLET in outlets


def test_hostile_text_in_a_change_group(tmp_path: Path) -> None:
    result = _hostile_registry(tmp_path / "registry", with_change=True)
    assert "lg-ai-research/headcount" in {g.key for g in result.groups if g.relation == "change"}
    text = markdown(result)
    for table in _tables(text):
        header = _separators(table[0])
        assert all(_separators(row) == header for row in table), table
    # Outside the chart's code block, everything is escaped as above. (A fence inside registry text
    # would end the chart's block early: backticks must not reach it.)
    _assert_inert(_outside_code_fences(text))
    assert text.count("```") == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a&#124;b"),
        ("<i>x</i>", "&lt;i&gt;x&lt;/i&gt;"),
        ("&lt;", "&amp;lt;"),  # an entity in registry text is shown as written, not decoded
        (
            "`x` *y* _z_ [a](b) #h ~s~ !i @u $m \\",
            "\\`x\\` \\*y\\* \\_z\\_ \\[a\\](b) \\#<span></span>h \\~s\\~ \\!i \\@<span></span>u \\$m \\\\",
        ),
        ("a\tb\n\nc\u2028d", "a b c d"),  # whitespace, line breaks included, folds to one space
        ("x\u202ey", "xU+202Ey"),  # a bidi override is shown, not obeyed
        ("x\u200by\x00", "xU+200ByU+0000"),  # zero-width and control characters too
        ("인력 80여명", "인력 80여명"),
    ],
)
def test_md(text: str, expected: str) -> None:
    assert report.md(text) == expected


# --- numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3600000000000, "3,600,000,000,000"),
        (10**4, "10,000"),
        (9999, "9999"),  # below 10,000 no grouping: years and counts read better bare
        (2020, "2020"),
        (0, "0"),
        (-12345, "-12,345"),
        (Fraction(3, 2), "1.5"),
        (Fraction(123456, 10), "12,345.6"),
        (Fraction(1, 10**7), "0.0000001"),
        (Fraction(1, 3), "0.333333333333"),  # no finite decimal: 12 places
        (99990000000000000000, "99,990,000,000,000,000,000"),
    ],
)
def test_grouped(value: Fraction | int, expected: str) -> None:
    assert grouped(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3600000000000, "3조 6000억"),
        (10**4, "1만"),
        (12345, "1만 2345"),
        (100000001, "1억 1"),
        (10**16, "1경"),
        (99990000000000000000, "9999경"),
        (10**20, "10000경"),
        (123456789012345678, "12경 3456조 7890억 1234만 5678"),
        (-36000, "-3만 6000"),
        (Fraction(100000, 2), "5만"),  # a whole number held as a fraction
        (9999, None),  # too small for a Korean large unit
        (Fraction(3, 2), None),
        (Fraction(100001, 10), None),  # not whole
    ],
)
def test_korean(value: Fraction | int, expected: str | None) -> None:
    assert korean(value) == expected


def test_figure_writes_both_forms() -> None:
    assert figure(Fraction(3600000000000)) == "3,600,000,000,000 (3조 6000억)"
    assert figure(Fraction(128)) == "128"
    assert figure(None) == "—"


@given(
    st.lists(st.text(st.sampled_from("a\n가 |")), min_size=1).filter(lambda parts: "".join(parts).strip("\n"))
)
def test_the_report_in_parts_ends_with_one_line_break(parts: list[str]) -> None:
    """The report is rendered in parts (never held whole): its text ends with exactly one line break,
    whatever the parts end with, and is otherwise what the parts say."""
    from checks.report import _one_newline_at_end

    assert "".join(_one_newline_at_end(iter(parts))) == "".join(parts).rstrip("\n") + "\n"


@given(st.integers(10**4, 10**20))
@settings(max_examples=300, deadline=None)
def test_korean_form_reads_back(n: int) -> None:
    assert read_quantity(korean(n) + "원").value == n


def test_no_scientific_notation_even_for_huge_or_tiny_figures(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "  percent: {ko: 퍼센트, en: percent}\n"
    a = article(
        "aa-2023-01-02",
        "가일보",
        "2023-01-02",
        "누적 거래액은 9999경원에 달한다.",
        "오차는 0.0000001%에 불과하다.",
    )
    b = article("bb-2023-01-03", "나신문", "2023-01-03", "누적 거래액이 약 9999경원이라는 추산이다.")
    claims = [
        claim(
            "aa.huge",
            a.id,
            "누적 거래액은 9999경원에 달한다",
            "9999경원",
            "KRW",
            subject="lg",
            property="investment",
        ),
        claim(
            "aa.tiny",
            a.id,
            "오차는 0.0000001%에 불과하다",
            "0.0000001%",
            "percent",
            subject="lg",
            property="investment",
        ),
        claim(
            "bb.huge",
            b.id,
            "누적 거래액이 약 9999경원이라는",
            "약 9999경원",
            "KRW",
            subject="lg",
            property="investment",
        ),
    ]
    result = clean(build(tmp_path / "registry", [a, b], claims, vocabulary=vocabulary))
    text, data = markdown(result), analysis_json(result)
    for out in (text, data):
        assert "e+" not in out and "E+" not in out
        assert not re.search(r"\d[eE][-+]?\d", out)
    # 9999경 = 9999 × 10^16; 약 widens it by 10% either way: 8999.1경 and 10998.9경.
    assert "99,990,000,000,000,000,000 (9999경)" in text
    assert "[8999경 1000조, 10998경 9000조]" in text.replace("\\[", "[").replace("\\]", "]")
    assert "0.0000001" in text
    assert '"value": 99990000000000000000' in data
    assert '"low": 89991000000000000000' in data
    assert '"high": 109989000000000000000' in data
    assert '"value": 0.0000001' in data


# --- the command --------------------------------------------------------------------------------------------


def test_claims_report_writes_the_report(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "report", "--root", str(registry))
    assert (status, err) == (0, "")
    path = registry / "reports" / "conflicts.md"
    assert out.startswith("wrote reports/conflicts.md")
    assert path.read_text(encoding="utf-8") == markdown(check(registry))
    text = path.read_text(encoding="utf-8")
    # The groups of this registry, worked out by hand: 80여 vs 70여 at 2020-12 (contradiction, open);
    # the headcount over time (change; 128명 at 2021-Q3 stands in it, so it is not listed again as a
    # single); 3조6000억원 twice (agreement); 약 3000억개 of training data (single).
    assert "## Open contradictions\n\n### `lg-ai-research/headcount@2020-12`" in text
    assert "**Resolution (open):** 범위가 다를 수 있다." in text
    assert "## Resolved conflicts\n\nNone." in text
    assert "### `lg/investment@undated`" in text
    assert "### `lg-ai-research/headcount`\n" in text
    assert (
        "**6 claims** from **2 articles** by **2 outlets** (가일보, 나신문), compared in **4 groups**" in text
    )


def test_claims_report_check(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(registry)
    path = registry / "reports" / "conflicts.md"
    # Missing.
    status, out, err = run_cli(capsys, "report", "--root", root, "--check")
    assert status == 1
    assert "missing" in err and "`claims report`" in err
    assert not path.exists()  # --check writes nothing
    # Current.
    assert run_cli(capsys, "report", "--root", root)[0] == 0
    status, out, err = run_cli(capsys, "report", "--root", root, "--check")
    assert (status, out.strip(), err) == (0, "reports/conflicts.md is current", "")
    # Stale: 나신문's founding figure is moved to 2021-Q3 (a claim edit that changes the groups).
    before = path.read_bytes()
    edited = [dict(c, as_of="2021-Q3") if c["id"] == "bb.founding" else c for c in CLAIMS]
    build(registry, [A, B], edited, resolutions=None)
    (registry / "claims" / "resolutions.yaml").unlink()  # its conflict is gone with the edit
    assert clean(registry)
    status, out, err = run_cli(capsys, "report", "--root", root, "--check")
    assert status == 1
    assert "stale" in err and "`claims report`" in err
    assert path.read_bytes() == before  # --check writes nothing
    # Regenerated: current again.
    assert run_cli(capsys, "report", "--root", root)[0] == 0
    assert run_cli(capsys, "report", "--root", root, "--check")[0] == 0


def test_claims_report_json(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "report", "--root", str(registry), "--format", "json")
    assert (status, err) == (0, "")
    assert not (registry / "reports").exists()  # json prints; it writes no file
    data = json.loads(out, parse_float=Decimal)
    assert data["claims"] == 6 and data["sources"] == 2
    assert [g["key"] for g in data["groups"]] == sorted(g["key"] for g in data["groups"])
    by_key = {g["key"]: g for g in data["groups"]}
    assert {k: g["relation"] for k, g in by_key.items()} == {
        "exaone/dataset-size@2024-03-13": "single",  # undated, changes over time: its article's date
        "lg-ai-research/headcount": "change",
        "lg-ai-research/headcount@2020-12": "contradiction",
        "lg/investment@undated": "agreement",
    }
    for g in data["groups"]:
        assert g["relation"] in {"contradiction", "discrepancy", "agreement", "change", "single"}
        assert g["resolution"] is None or isinstance(g["resolution"], dict)
        for m in g["members"]:
            assert {
                "claim",
                "source",
                "file",
                "outlet",
                "published",
                "as_written",
                "value",
                "low",
                "high",
                "unit",
                "as_of",
            } <= set(m)
            assert m["file"] in ("seeds/aa-2022-01-19.txt", "seeds/bb-2024-03-13.txt")
            for key in ("value", "low", "high"):
                assert m[key] is None or type(m[key]) is int  # exact whole figures: JSON integers
    assert by_key["lg-ai-research/headcount@2020-12"]["resolution"] == {
        "status": "open",
        "resolved": False,
        "note": "범위가 다를 수 있다.",
        "erroneous": [],
    }
    founding = by_key["lg-ai-research/headcount@2020-12"]["members"]
    assert [
        (
            m["claim"],
            m["source"],
            m["outlet"],
            m["published"],
            m["as_written"],
            m["value"],
            m["low"],
            m["high"],
            m["unit"],
            m["as_of"],
        )
        for m in founding
    ] == [
        ("aa.founding", "aa-2022-01-19", "가일보", "2022-01-19", "80여명", 80, 80, 90, "person", "2020-12"),
        ("bb.founding", "bb-2024-03-13", "나신문", "2024-03-13", "70여명", 70, 70, 80, "person", "2020-12"),
    ]
    (plan, plan_b) = by_key["lg/investment@undated"]["members"]
    assert (plan["value"], plan["low"], plan["high"], plan["as_of"]) == (3600000000000,) * 3 + (None,)
    assert plan_b["as_written"] == "3조 6000억 원"
    (data_member,) = by_key["exaone/dataset-size@2024-03-13"]["members"]
    # 약 3000억: [2700억, 3300억].
    assert (data_member["value"], data_member["low"], data_member["high"]) == (
        300000000000,
        270000000000,
        330000000000,
    )
    assert '"value": 3600000000000' in out  # digits, not 3.6e+12


def test_claims_report_refuses_a_broken_registry(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = [dict(c, quote="출범 당시 90여명이던 인력은") if c["id"] == "aa.founding" else c for c in CLAIMS]
    build(registry, [A, B], broken)
    status, _out, err = run_cli(capsys, "report", "--root", str(registry))
    assert status == 1
    assert "quote-not-found" in err and "claims report" in err
    assert not (registry / "reports" / "conflicts.md").exists()
    # With an earlier report present, it is left as it was.
    (registry / "reports").mkdir()
    (registry / "reports" / "conflicts.md").write_text("earlier\n", encoding="utf-8")
    assert run_cli(capsys, "report", "--root", str(registry))[0] == 1
    assert (registry / "reports" / "conflicts.md").read_text(encoding="utf-8") == "earlier\n"
    assert run_cli(capsys, "report", "--root", str(registry), "--format", "json")[:2] == (1, "")


# --- atomic writing -----------------------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "conflicts.md")


def test_write_atomically_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    write_atomically(path, "first\n")
    write_atomically(path, "second\n")
    assert path.read_text(encoding="utf-8") == "second\n"
    assert _leftovers(path.parent) == []


def test_a_failed_replace_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    write_atomically(path, "old report\n")

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(path, "new report\n" * 1000)
    assert path.read_text(encoding="utf-8") == "old report\n"
    assert _leftovers(path.parent) == []


def test_a_write_failing_midway_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    write_atomically(path, "old report\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        """A file handle whose write puts half the text on disk, then fails."""

        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self) -> Self:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def __getattr__(self, name: str) -> object:
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        write_atomically(path, "new report\n" * 1000)
    assert path.read_text(encoding="utf-8") == "old report\n"
    assert _leftovers(path.parent) == []


def test_a_failed_first_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reports" / "conflicts.md"

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write_atomically(path, "report\n")
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_claims_report_keeps_the_old_report_when_writing_fails(
    registry: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = registry / "reports" / "conflicts.md"
    path.parent.mkdir()
    path.write_text("earlier\n", encoding="utf-8")

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    status, _out, err = run_cli(capsys, "report", "--root", str(registry))
    assert status == 2  # an internal error, said briefly
    assert "No space left on device" in err
    assert path.read_text(encoding="utf-8") == "earlier\n"
    assert _leftovers(path.parent) == []


# --- event dates in the report --------------------------------------------------------------------------

DATES_VOCABULARY = VOCABULARY.replace(
    "properties:\n",
    "properties:\n  visit-date: {ko: 방문일, en: date of the visit, changes_over_time: false}\n",
).replace("units:\n", "units:\n  date: {ko: 날짜, en: calendar date}\n")


def dates_registry(root: Path) -> Path:
    a = article(
        "aa-2023-08-24", "가일보", "2023-08-24", "구 대표가 21일(현지시간)부터 나흘 동안 미국을 방문했다."
    )
    b = article("bb-2023-08-28", "나신문", "2023-08-28", "구 회장이 현지시간 22일 토론토 AI랩을 찾았다.")
    claims = [
        claim(
            "aa.visit",
            a.id,
            "21일(현지시간)부터 나흘 동안 미국을 방문했다",
            "21일(현지시간)부터 나흘 동안",
            "date",
            subject="lg",
            property="visit-date",
        ),
        claim(
            "bb.visit",
            b.id,
            "현지시간 22일 토론토 AI랩을 찾았다",
            "현지시간 22일",
            "date",
            subject="lg",
            property="visit-date",
        ),
    ]
    return build(root, [a, b], claims, vocabulary=DATES_VOCABULARY)


def test_a_date_reads_as_a_date_in_the_report(tmp_path: Path) -> None:
    result = check(dates_registry(tmp_path / "r"))
    assert result.problems == [], problems_text(result)
    text = markdown(result)
    # The interval 21-24 contains the 22nd: the two outlets agree (one is less precise).
    assert "### `lg/visit-date@undated`" in text and "**agreement**" in text
    assert "## Single-source dates\n\nNone." in text  # the one date group is an agreement
    row_a = next(line for line in text.splitlines() if line.startswith("| 가일보"))
    row_b = next(line for line in text.splitlines() if line.startswith("| 나신문"))
    cells_a = [c.strip() for c in row_a.strip("|").split("|")]
    cells_b = [c.strip() for c in row_b.strip("|").split("|")]
    # outlet, published, as of, date as written, date, precision, quote, source line
    assert cells_a[2] == "—"  # no `as of`: the date is a time itself
    assert "in 날짜 (date), the date of a one-off event: **agreement**" in text
    assert cells_a[4] == "2023-08-21 – 2023-08-24" and cells_a[5] == "interval, counted from 2023-08-24"
    assert cells_b[4] == "2023-08-22" and cells_b[5] == "day, counted from 2023-08-28"
    header = next(line for line in text.splitlines() if "date as written" in line)
    assert [c.strip() for c in header.strip("|").split("|")] == [
        "outlet",
        "published",
        "as of",
        "date as written",
        "date",
        "precision",
        "quote",
        "source line",
    ]
    # No number and no bounds for a date; no bar chart.
    assert "bounds" not in header and "mermaid" not in text


def test_a_date_member_in_json(tmp_path: Path) -> None:
    data = json.loads(analysis_json(check(dates_registry(tmp_path / "r"))))
    (g,) = data["groups"]
    assert (g["key"], g["relation"], g["unit"], g["over_time"]) == (
        "lg/visit-date@undated",
        "agreement",
        "date",
        False,
    )
    a, b = g["members"]
    assert a["date"] == {
        "first": "2023-08-21",
        "last": "2023-08-24",
        "label": "2023-08-21/2023-08-24",
        "precision": "interval",
        "relation": "at",
        "vague": False,
        "approximate": False,
        "relative": True,
    }
    assert b["date"]["first"] == b["date"]["last"] == "2023-08-22" and b["date"]["precision"] == "day"
    for m in (a, b):
        assert not {"value", "low", "high", "low_inclusive", "high_inclusive"} & set(m)
        assert m["unit"] == "date" and m["as_written"] in ("21일(현지시간)부터 나흘 동안", "현지시간 22일")
