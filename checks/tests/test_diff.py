"""`claims diff`: two small registries with a known difference, and what the markdown must say about it.

The expected output below is written from the difference itself (which claims were added, which
figures contradict), not copied from the program's output. Tables are compared cell by cell, so
that tabulate's padding is not what is tested.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.checker import CheckResult, check
from checks.cli import main
from checks.compare import compare
from checks.diff import diff, markdown
from checks.resolutions import load_resolutions

from .conftest import BASE_REGISTRY

# A second outlet's article about the same launch, stating a headcount the test registry's
# article (80여명, i.e. [80, 90)) contradicts: 70여명 is [70, 80).
OTHER_ARTICLE = (
    "LG AI연구원 출범\n"
    "입력 2020.12.08\n"
    "LG AI연구원은 출범 당시 연구 인력 70여명으로 시작했다고 밝혔다.\n"
    "다른 집계로는 출범 당시 인원이 85명이었다.\n"
    "또 다른 집계로는 출범 당시 인원이 80명이었다.\n"
    "김기자 기자\n"
)
OTHER_SOURCE = """\
  - id: other-2020-12-08
    file: other.txt
    sha256: {sha}
    outlet: 다른일보
    headline: LG AI연구원 출범
    published: '2020-12-08'
    published_evidence: 입력 2020.12.08
    reporter: 김기자
    body:
      first_line: 1
      last_line: 6
"""
OTHER_CLAIMS = """\
claims:
  - id: other-staff-at-founding
    source: other-2020-12-08
    quote: LG AI연구원은 출범 당시 연구 인력 70여명으로 시작했다고 밝혔다
    subject: lg-ai-research
    property: headcount
    as_written: 70여명
    unit: person
    as_of: 2020-12
    as_of_text: 출범 당시
"""
RESOLUTION = """\
resolutions:
  - group: lg-ai-research/headcount@2020-12
    status: explained
    note: 다른일보 counts research staff only | <b>not</b> all staff
"""
GROUP = "lg-ai-research/headcount@2020-12"
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_ci_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def registry(
    at: Path, *, other: bool = False, resolution: bool = False, files: dict[str, str] | None = None
) -> Path:
    """The engine's test registry at `at`; `other` adds the contradicting article and its claim."""
    shutil.copytree(BASE_REGISTRY, at)
    if other:
        (at / "seeds" / "other.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
        sha = hashlib.sha256(OTHER_ARTICLE.encode("utf-8")).hexdigest()
        with (at / "seeds" / "sources.yaml").open("a", encoding="utf-8") as index:
            index.write(OTHER_SOURCE.format(sha=sha))
        (at / "claims" / "other.yaml").write_text(OTHER_CLAIMS, encoding="utf-8")
    if resolution:
        (at / "claims" / "resolutions.yaml").write_text(RESOLUTION, encoding="utf-8")
    for rel, text in (files or {}).items():
        (at / rel).write_text(text, encoding="utf-8")
    return at


def run(capsys: pytest.CaptureFixture[str], base: Path, head: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["diff", "--base", str(base), "--root", str(head), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def cells(line: str) -> list[str]:
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in line[1:-1].split("|")]


def section(out: str, title: str) -> list[str]:
    """The lines of a `### title` section, blank lines dropped."""
    lines = out.splitlines()
    start = lines.index(f"### {title}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("### ")), len(lines))
    return [x for x in lines[start:end] if x]


def table_rows(lines: list[str]) -> list[list[str]]:
    """A markdown table's header and rows as cells (the |---| rule checked and dropped)."""
    assert set(lines[1]) <= set("|-: "), lines[1]
    return [cells(lines[0]), *(cells(x) for x in lines[2:])]


def test_new_contradiction_is_reported_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", other=True)
    code, out, err = run(capsys, base, head)
    assert code == 1
    assert "introduces 1 new open conflict(s)" in err
    lines = out.splitlines()
    assert lines[0] == "## Claims registry: what this change does"
    assert lines[2] == (
        "sources 1 → 2 (+1 added, −0 removed, 0 changed); "
        "claims 1 → 2 (+1 added, −0 removed, 0 changed); 1 group changed relation; **1 new open conflict**; "
        "0 open conflicts closed; 0 resolutions added, changed or gone; 0 skips added, changed or gone; "
        # The other article's figures but its one claimed are new uncovered ones (pytest fails on them).
        "**8 uncovered figure(s) and date(s)** (before: 5; see *Coverage*)."
    )
    assert table_rows(section(out, "Sources added")) == [
        ["source", "file", "outlet", "published", "headline"],
        ["`other-2020-12-08`", "other.txt", "다른일보", "2020-12-08", "LG AI연구원 출범"],
    ]
    assert table_rows(section(out, "New open conflicts")) == [
        ["group", "relation", "why"],
        [f"`{GROUP}`", "contradiction", "샘플일보 \\[80, 90) and 다른일보 \\[70, 80) cannot both be true"],
    ]
    assert table_rows(section(out, "Claims added")) == [
        ["claim", "file", "subject", "property", "figure as written", "unit", "as of"],
        [
            "`other-staff-at-founding`",
            "claims/other.yaml",
            "lg-ai-research",
            "headcount",
            "70여명",
            "person",
            "2020-12",
        ],
    ]
    # The group was a single-source figure; now two outlets contradict each other.
    assert table_rows(section(out, "Groups whose relation changed")) == [
        ["group", "before", "after"],
        [f"`{GROUP}`", "single", "contradiction"],
    ]
    for absent in (
        "Claims removed",
        "Claims changed",
        "Resolutions added, changed or gone",
        "Sources changed",
    ):
        assert f"### {absent}" not in lines
    # Coverage as `claims coverage` counts it on each side; the one new claim covers one more figure.
    counts = []
    for root in (base, head):
        assert main(["coverage", "--root", str(root), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        counts.append([str(data[k]) for k in ("total", "claimed", "skipped", "uncovered")])
    assert int(counts[1][1]) - int(counts[0][1]) == 1
    change = [f"{int(b) - int(a):+d}" if a != b else "0" for a, b in zip(*counts)]
    assert table_rows(section(out, "Coverage")) == [
        ["", "figures and dates", "claimed", "skipped", "uncovered"],
        ["before", *counts[0]],
        ["after", *counts[1]],
        ["change", *change],
    ]


def test_resolving_the_conflict_closes_it_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base", other=True)
    head = registry(tmp_path / "head", other=True, resolution=True)
    code, out, err = run(capsys, base, head)
    assert (code, err) == (0, "")
    assert section(out, "New open conflicts") == ["None."]
    assert table_rows(section(out, "Open conflicts closed (resolved or gone)"))[1] == [
        f"`{GROUP}`",
        "contradiction",
        "샘플일보 \\[80, 90) and 다른일보 \\[70, 80) cannot both be true",
    ]
    # Registry text is inert: the note's pipe and tag cannot break the table or become markup.
    assert table_rows(section(out, "Resolutions added, changed or gone")) == [
        ["group", "before", "after"],
        [
            f"`{GROUP}`",
            "(none)",
            "**explained**: 다른일보 counts research staff only &#124; &lt;b&gt;not&lt;/b&gt; all staff",
        ],
    ]
    # The relation itself did not change: the group is still a contradiction, now resolved.
    assert "### Groups whose relation changed" not in out


def test_removing_the_resolution_reopens_the_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base", other=True, resolution=True)
    head = registry(tmp_path / "head", other=True)
    code, out, _ = run(capsys, base, head)
    assert code == 1
    assert table_rows(section(out, "New open conflicts"))[1][:2] == [f"`{GROUP}`", "contradiction"]
    assert table_rows(section(out, "Resolutions added, changed or gone"))[1][1:] == [
        "**explained**: 다른일보 counts research staff only &#124; &lt;b&gt;not&lt;/b&gt; all staff",
        "(none)",
    ]


def test_removed_and_changed_claims_field_by_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base", other=True)
    sample = (BASE_REGISTRY / "claims" / "sample.yaml").read_text(encoding="utf-8")
    changed = sample.replace(
        "    as_of_text: 출범 당시\n", "    as_of_text: 출범 당시\n    note: the `launch` figure\n"
    )
    assert changed != sample
    head = registry(tmp_path / "head", files={"claims/sample.yaml": changed})
    code, out, _ = run(capsys, base, head)
    # The contradiction is gone with the claim that made it: nothing new is open.
    assert code == 0
    assert table_rows(section(out, "Claims removed"))[1][0] == "`other-staff-at-founding`"
    rows = section(out, "Claims changed")
    assert rows[0] == "`sample-staff-at-founding`"
    assert table_rows(rows[1:]) == [["field", "before", "after"], ["note", "—", "the \\`launch\\` figure"]]
    assert table_rows(section(out, "Groups whose relation changed"))[1] == [
        f"`{GROUP}`",
        "contradiction",
        "single",
    ]
    assert table_rows(section(out, "Open conflicts closed (resolved or gone)"))[1][:2] == [
        f"`{GROUP}`",
        "contradiction",
    ]


def test_moving_a_claim_to_another_file_is_a_change_of_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head")
    (head / "claims" / "sample.yaml").rename(head / "claims" / "moved.yaml")
    code, out, _ = run(capsys, base, head)
    assert code == 0
    assert table_rows(section(out, "Claims changed")[1:])[1] == [
        "file",
        "claims/sample.yaml",
        "claims/moved.yaml",
    ]


def _other(quote: str, figure: str) -> str:
    return OTHER_CLAIMS.replace(
        "LG AI연구원은 출범 당시 연구 인력 70여명으로 시작했다고 밝혔다", quote
    ).replace("as_written: 70여명", f"as_written: {figure}")


# Against the sample article's 80여명, [80, 90) with value 80:
# 85명 overlaps it but differs by more than 1% (a discrepancy); 80명 agrees; 70여명 contradicts.
DISCREPANT = _other("다른 집계로는 출범 당시 인원이 85명이었다", "85명")
AGREEING = _other("또 다른 집계로는 출범 당시 인원이 80명이었다", "80명")
CONTRADICTING = OTHER_CLAIMS


@pytest.mark.parametrize(
    ("base_claims", "head_claims", "relation", "new"),
    [
        (None, AGREEING, "agreement", []),
        (None, DISCREPANT, "discrepancy", [GROUP]),
        (AGREEING, DISCREPANT, "discrepancy", [GROUP]),
        (DISCREPANT, CONTRADICTING, "contradiction", [GROUP]),  # worse: contradiction where a discrepancy was
        (CONTRADICTING, DISCREPANT, "discrepancy", []),  # better: not new, even though still open
        (DISCREPANT, DISCREPANT, "discrepancy", []),  # an unchanged open conflict is not new
        (CONTRADICTING, AGREEING, "agreement", []),
    ],
    ids=[
        "agreement-is-no-conflict",
        "new-discrepancy",
        "agreement-to-discrepancy",
        "discrepancy-to-contradiction",
        "contradiction-to-discrepancy",
        "discrepancy-stays",
        "contradiction-to-agreement",
    ],
)
def test_only_a_new_open_conflict_exits_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    base_claims: str | None,
    head_claims: str,
    relation: str,
    new: list[str],
) -> None:
    base = registry(tmp_path / "base", other=True)
    if base_claims is None:
        (base / "claims" / "other.yaml").unlink()
    else:
        (base / "claims" / "other.yaml").write_text(base_claims, encoding="utf-8")
    head = registry(tmp_path / "head", other=True, files={"claims/other.yaml": head_claims})
    code, out, _ = run(capsys, base, head, "--format", "json")
    data = json.loads(out)
    assert [c["group"] for c in data["new_open_conflicts"]] == new
    assert code == (1 if new else 0)
    # The case is what it says: the head's group has the relation named.
    assert [g.relation for g in check(head).groups if g.key == GROUP] == [relation]


def test_identical_registries_differ_in_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = registry(tmp_path / "one", other=True, resolution=True)
    two = registry(tmp_path / "two", other=True, resolution=True)
    code, out, err = run(capsys, one, two)
    assert (code, err) == (0, "")
    assert out.splitlines()[2] == (
        "claims 2 → 2 (+0 added, −0 removed, 0 changed); 0 groups changed relation; "
        "**0 new open conflicts**; 0 open conflicts closed; 0 resolutions added, changed or gone; "
        "0 skips added, changed or gone."
    )
    assert [x for x in out.splitlines() if x.startswith("### ")] == ["### New open conflicts", "### Coverage"]
    assert table_rows(section(out, "Coverage"))[3] == ["change", "0", "0", "0", "0"]


def test_swapping_the_sides_swaps_added_and_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = registry(tmp_path / "one")
    two = registry(tmp_path / "two", other=True)
    forward = json.loads(run(capsys, one, two, "--format", "json")[1])
    backward = json.loads(run(capsys, two, one, "--format", "json")[1])
    assert forward["claims"]["added"] == backward["claims"]["removed"] != []
    assert forward["claims"]["removed"] == backward["claims"]["added"] == []
    assert [(r["before"], r["after"]) for r in forward["relations"]] == [
        (r["after"], r["before"]) for r in backward["relations"]
    ]


def test_output_does_not_depend_on_file_order_or_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", other=True)
    first = run(capsys, base, head)[1]
    # The same registries elsewhere, written in the opposite order.
    base2, head2 = tmp_path / "elsewhere" / "b", tmp_path / "elsewhere" / "h"
    for src, dst in ((base, base2), (head, head2)):
        for path in sorted(src.rglob("*"), reverse=True):
            target = dst / path.relative_to(src)
            if path.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    assert run(capsys, base2, head2)[1] == first


# --- roots that cannot be checked, or have problems ---------------------------------------------------


def test_a_root_that_is_no_registry_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = registry(tmp_path / "good")
    code, out, err = run(capsys, tmp_path / "missing", good)
    assert (code, out) == (2, "")
    assert err == f"claims diff: cannot check --base {tmp_path / 'missing'}: no such directory\n"
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert run(capsys, tmp_path / "file.txt", good)[2].endswith(
        f"--base {tmp_path / 'file.txt'}: not a directory\n"
    )
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, good, tmp_path / "empty")
    assert (code, out) == (2, "")
    assert err == (
        f"claims diff: cannot check --root {tmp_path / 'empty'}: not a registry root (it has no seeds/sources.yaml)\n"
    )


def test_a_base_with_problems_is_still_compared_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = OTHER_CLAIMS.replace(
        "70여명으로 시작했다고", "70여명으로 시작했다며"
    )  # quote not in the article
    base = registry(tmp_path / "base", other=True, files={"claims/other.yaml": broken})
    head = registry(tmp_path / "head", other=True)
    code, out, _ = run(capsys, base, head)
    assert (
        "> **The base registry has 1 error and 0 warnings** (see `claims check`). "
        "Claims with errors are left out of its comparison."
    ) in out.splitlines()
    # The claim is in both (only its quote changed); its figure joins the comparison only now.
    assert table_rows(section(out, "Claims changed")[1:])[1][0] == "quote"
    assert table_rows(section(out, "New open conflicts"))[1][:2] == [f"`{GROUP}`", "contradiction"]
    assert [r[0] for r in table_rows(section(out, "Coverage"))[1:3]] == [
        "before (claims with errors not counted)",
        "after",
    ]
    assert code == 1


def test_a_head_with_errors_exits_1_as_its_comparison_is_incomplete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = OTHER_CLAIMS.replace("70여명으로 시작했다고", "70여명으로 시작했다며")
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", other=True, files={"claims/other.yaml": broken})
    code, out, err = run(capsys, base, head)
    assert code == 1
    assert section(out, "New open conflicts") == ["None."]  # the broken claim is not compared...
    assert "> **The changed registry has 1 error and 0 warnings**" in out  # ...and the diff says so
    assert "the registry has 1 error(s); claims with errors are left out of the comparison" in err


def test_registry_text_is_inert_in_the_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = OTHER_CLAIMS.replace("id: other-staff-at-founding", "id: 'x|y`<img src=z>'")
    noted = hostile.replace(
        "as_of_text: 출범 당시\n", "as_of_text: 출범 당시\n    note: '**bold** [link](http://e.x) <script>'\n"
    )
    base = registry(tmp_path / "base", other=True, files={"claims/other.yaml": hostile})
    head = registry(tmp_path / "head", other=True, files={"claims/other.yaml": noted})
    code, out, _ = run(capsys, base, head)
    assert code == 1  # the ID breaks the schema: the changed registry has an error
    rows = section(out, "Claims changed")
    assert rows[0] == "x&#124;y\\`&lt;img src=z&gt;"
    # The URL is split so that GitHub does not link it (README, What the checker guarantees).
    assert table_rows(rows[1:])[1] == [
        "note",
        "—",
        "\\*\\*bold\\*\\* \\[link\\](http<span></span>://e.x) &lt;script&gt;",
    ]
    assert "<img" not in out and "<script" not in out and "**bold**" not in out


# --- properties, on sub-registries of the project's claims ---------------------------------------------


@pytest.fixture(scope="module")
def project_result() -> CheckResult:
    return check(PROJECT)


def _subset(result: CheckResult, ids: list[str]) -> CheckResult:
    """The project's registry as if it held only these claims (in this order)."""
    by_id = {c.id: c for c in result.claims}
    sub = dataclasses.replace(result, claims=[by_id[i] for i in ids])
    sub.groups = compare(sub, load_resolutions(PROJECT).by_group)
    return sub


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_diff_of_sub_registries(project_result: CheckResult, data: st.DataObject) -> None:
    ids = sorted(c.id for c in project_result.claims)
    one = data.draw(st.lists(st.sampled_from(ids), unique=True), label="base")
    two = data.draw(st.lists(st.sampled_from(ids), unique=True), label="head")
    base, head = _subset(project_result, one), _subset(project_result, two)
    with mock.patch("checks.diff.coverage_counts", return_value=None):  # not under test here; slow
        _properties(project_result, base, head, two, data)


def _properties(
    project_result: CheckResult, base: CheckResult, head: CheckResult, two: list[str], data: st.DataObject
) -> None:
    one = [c.id for c in base.claims]
    forward, backward = diff(base, head), diff(head, base)
    assert [c.id for c in forward.added] == sorted(set(two) - set(one))
    assert [c.id for c in forward.removed] == sorted(set(one) - set(two))
    assert forward.changed == []  # the same claims, unchanged
    assert [c.id for c in backward.added] == [c.id for c in forward.removed]
    assert [(r.key, r.after, r.before) for r in backward.relations] == [
        (r.key, r.before, r.after) for r in forward.relations
    ]
    # A new open conflict is an open conflict of the head; one closed was open in the base.
    open_in = {g.key for g in head.groups if g.is_conflict and not (g.resolution and g.resolution.resolved)}
    assert {c.key for c in forward.new_conflicts} <= open_in
    assert {c.key for c in forward.closed_conflicts}.isdisjoint(open_in)
    # The order the claims were read in changes nothing.
    shuffled = _subset(project_result, data.draw(st.permutations(two), label="head, reordered"))
    assert markdown(diff(base, shuffled)) == markdown(forward)
    assert markdown(diff(head, head)).count("None.") == 1  # no change: only "New open conflicts: None."


SKIP = """\
skips:
  - source: sample-2024-01-02
    quote: 입력 2024.01.02
    figure: 2024.01.02
    reason: page-furniture
    note: the dateline <i>inside</i> the body's lines
"""


def test_a_skip_added_is_listed_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", files={"claims/skips.yaml": SKIP})
    assert main(["check", "--root", str(head)]) == 0  # the skip is a sound one
    capsys.readouterr()
    code, out, _ = run(capsys, base, head)
    assert code == 0
    assert table_rows(section(out, "Skips added, changed or gone")) == [
        ["source", "figure", "quote", "before", "after"],
        [
            "sample-2024-01-02",
            "2024.01.02",
            "입력 2024.01.02",
            "(none)",
            "**page-furniture**: the dateline &lt;i&gt;inside&lt;/i&gt; the body's lines",
        ],
    ]
    # The dateline was uncovered; now it is skipped.
    assert table_rows(section(out, "Coverage"))[3][3:] == ["+1", "-1"]
    # Another reason for the same figure is a change, not a skip added and one gone.
    again = registry(
        tmp_path / "again", files={"claims/skips.yaml": SKIP.replace("page-furniture", "not-a-fact")}
    )
    rows = table_rows(section(run(capsys, head, again)[1], "Skips added, changed or gone"))
    assert [r[3].split(":")[0] for r in rows[1:]] == ["**page-furniture**"]
    assert rows[1][4].startswith("**not-a-fact**")


# A second claim of the other outlet in the resolved group: 85명 at the launch (line 4 of its article).
JOINING_CLAIM = """\
  - id: other-staff-85
    source: other-2020-12-08
    quote: 다른 집계로는 출범 당시 인원이 85명이었다
    subject: lg-ai-research
    property: headcount
    as_written: 85명
    unit: person
    as_of: 2020-12
    as_of_text: 출범 당시
"""


def test_a_claim_joining_a_resolved_conflict_is_shown_with_its_resolution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The conflict stays a contradiction and stays resolved, so it is not a new open conflict (exit
    # 0); but the resolution was written about the two claims before: the reviewer must see that a
    # third joined it, and that its resolution is to be read again.
    base = registry(tmp_path / "base", other=True, resolution=True)
    head = registry(tmp_path / "head", other=True, resolution=True)
    with (head / "claims" / "other.yaml").open("a", encoding="utf-8") as claims:
        claims.write(JOINING_CLAIM)
    code, out, err = run(capsys, base, head)
    assert (code, err) == (0, ""), err
    assert section(out, "New open conflicts") == ["None."]
    assert table_rows(section(out, "Conflicts whose claims changed")) == [
        ["group", "relation", "claims joined", "claims left", "resolution"],
        [f"`{GROUP}`", "contradiction", "`other-staff-85`", "—", "**explained**: read it again"],
    ]
    # And the other way round: the claim leaves the conflict.
    code, out, _ = run(capsys, head, base)
    assert code == 0
    assert table_rows(section(out, "Conflicts whose claims changed"))[1] == [
        f"`{GROUP}`",
        "contradiction",
        "—",
        "`other-staff-85`",
        "**explained**: read it again",
    ]
    assert main(["diff", "--base", str(base), "--root", str(head), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conflicts_regrouped"] == [
        {
            "group": GROUP,
            "relation": "contradiction",
            "resolution": "explained",
            "joined": ["other-staff-85"],
            "left": [],
        }
    ]


def test_a_claim_joining_a_group_that_is_no_conflict_is_not_listed_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 80명 (line 5 of the other article) agrees with the sample's 80여명: no conflict on either side.
    agreeing = (
        JOINING_CLAIM.replace("other-staff-85", "other-staff-80")
        .replace("인원이 85명이었다", "인원이 80명이었다")
        .replace("as_written: 85명", "as_written: 80명")
    )
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", other=True)
    (head / "claims" / "other.yaml").write_text("claims:\n" + agreeing, encoding="utf-8")
    code, out, _ = run(capsys, base, head)
    assert code == 0
    assert table_rows(section(out, "Groups whose relation changed"))[1] == [
        f"`{GROUP}`",
        "single",
        "agreement",
    ]
    assert "### Conflicts whose claims changed" not in out


def test_a_source_changed_is_shown_field_by_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new publication date moves every relative date of the article, new body bounds what its quotes
    are checked against: the reviewer sees the cause, not only the relations it moves."""
    base = registry(tmp_path / "base")
    index = (BASE_REGISTRY / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    assert "published: '2024-01-02'\n" in index and "      last_line: 5\n" in index
    changed = index.replace("published: '2024-01-02'", "published: '2024-01-03'").replace(
        "      last_line: 5\n",
        "      last_line: 5\n      omit:\n        - first_line: 2\n          last_line: 2\n"
        "          what: the dateline\n",
    )
    head = registry(tmp_path / "head", files={"seeds/sources.yaml": changed})
    code, out, _ = run(capsys, base, head)
    assert out.splitlines()[2].startswith("sources 1 → 1 (+0 added, −0 removed, 1 changed); claims 1 → 1 ")
    assert section(out, "Sources changed")[0] == "`sample-2024-01-02`"
    assert table_rows(section(out, "Sources changed")[1:]) == [
        ["field", "before", "after"],
        ["published", "2024-01-02", "2024-01-03"],
        [
            "body",
            "lines 1-5",
            "lines 1-5; omit lines 2-2 (the dateline)",
        ],
    ]
    assert main(["diff", "--base", str(base), "--root", str(head), "--format", "json"]) == code
    data = json.loads(capsys.readouterr().out)["sources"]
    assert (data["before"], data["after"], data["added"], data["removed"]) == (1, 1, [], [])
    assert data["changed"] == [
        {
            "id": "sample-2024-01-02",
            "fields": [
                {"field": "published", "before": "2024-01-02", "after": "2024-01-03"},
                {
                    "field": "body",
                    "before": {"first_line": 1, "last_line": 5},
                    "after": {
                        "first_line": 1,
                        "last_line": 5,
                        "omit": [{"first_line": 2, "last_line": 2, "what": "the dateline"}],
                    },
                },
            ],
        }
    ]
    # Unchanged sources are not mentioned at all.
    code, out, _ = run(capsys, base, registry(tmp_path / "same"))
    assert "sources" not in out.splitlines()[2] and "### Sources" not in out


def test_vocabulary_terms_added_changed_or_gone_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A property's changes_over_time decides how its claims are compared: a pull request that flips it
    regroups them. The reviewer sees the cause (second review of issue 9: the diff showed only the
    relations it moved), and new or relabelled terms, which every later claim will use."""
    base = registry(tmp_path / "base")
    vocabulary = (BASE_REGISTRY / "schema" / "vocabulary.yaml").read_text(encoding="utf-8")
    flipped = "  headcount: {ko: 인력, en: staff headcount, changes_over_time: true}\n"
    assert flipped in vocabulary
    changed = vocabulary.replace(flipped, flipped.replace("true", "false")).replace(
        "properties:\n",
        "properties:\n  headcount-target: {ko: 인력 목표, en: target headcount, changes_over_time: false}\n",
    )
    changed = changed.replace(
        "{ko: LG AI연구원, en: LG AI Research}", "{ko: LG AI 연구원, en: LG AI Research}"
    )
    head = registry(tmp_path / "head", files={"schema/vocabulary.yaml": changed})
    code, out, _ = run(capsys, base, head)
    assert code == 0
    assert out.splitlines()[2].endswith("; 3 vocabulary terms added, changed or gone.")
    assert table_rows(section(out, "Vocabulary terms added, changed or gone")) == [
        ["section", "key", "before", "after"],
        ["subjects", "`lg-ai-research`", "LG AI연구원 (LG AI Research)", "LG AI 연구원 (LG AI Research)"],
        [
            "properties",
            "`headcount`",
            "인력 (staff headcount); changes over time",
            "인력 (staff headcount); a one-off fact",
        ],
        ["properties", "`headcount-target`", "(none)", "인력 목표 (target headcount); a one-off fact"],
    ]
    assert main(["diff", "--base", str(base), "--root", str(head), "--format", "json"]) == code
    data = json.loads(capsys.readouterr().out)["vocabulary"]
    assert data[1] == {
        "section": "properties",
        "key": "headcount",
        "before": {"ko": "인력", "en": "staff headcount", "changes_over_time": True},
        "after": {"ko": "인력", "en": "staff headcount", "changes_over_time": False},
    }
    # An unchanged vocabulary is not mentioned at all.
    code, out, _ = run(capsys, base, registry(tmp_path / "same"))
    assert "vocabulary" not in out


def test_a_claim_removed_without_a_skip_is_in_the_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The figure the removed claim covered (80여명 of line 3) is uncovered now: pytest will fail on it,
    # and the reviewer reading only the first line sees it (second review of issue 9).
    base = registry(tmp_path / "base")
    head = registry(tmp_path / "head", files={"claims/sample.yaml": "claims: []\n"})
    code, out, _ = run(capsys, base, head)
    assert code == 0
    assert out.splitlines()[2].endswith(
        "; **6 uncovered figure(s) and date(s)** (before: 5; see *Coverage*)."
    )
    assert table_rows(section(out, "Coverage"))[1:3] == [
        ["before", "6", "1", "0", "5"],
        ["after", "6", "0", "0", "6"],
    ]


def test_claims_diff_lets_one_sides_check_go_before_it_checks_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two checked registries of 100,000 claims held at once took over a gigabyte: the diff keeps only
    what it needs of the first side (checks.diff.Side) while the second is checked, and says the same."""
    import weakref

    from checks import diff as diff_module

    one = registry(tmp_path / "one", other=True, resolution=True)
    two = registry(tmp_path / "two", other=True)
    expected = diff(check(one), check(two))
    held: list[weakref.ref[CheckResult]] = []
    real = diff_module.check_root

    def check_root(root: Path, label: str) -> CheckResult:
        assert all(ref() is None for ref in held), "the other side's check is still held"
        result = real(root, label)
        held.append(weakref.ref(result))
        return result

    monkeypatch.setattr(diff_module, "check_root", check_root)
    _code, out, _err = run(capsys, one, two)
    assert len(held) == 2
    assert out == markdown(expected)
