"""`claims source add`: proposals learned from the five articles, a new article onboarded end to end,
and the refusals (outside seeds/, links, already indexed, dates without a label)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from checks import onboard
from checks.checker import check
from checks.cli import main
from checks.yamlfile import read_yaml

from .conftest import MakeRegistry

PROJECT = Path(__file__).resolve().parents[2]
INDEX = "seeds/sources.yaml"

# A new article as saved from the web: a weather bar, the headline twice, a labelled date and an
# edit, the byline, a share button inside the body, the sign-off, then copyright and related news.
NEW_ARTICLE = """\
2024년 11월 23일 토요일
  • 서울 4℃
엑사원 3.0 공개…LG AI연구원 인력 300명 넘어
엑사원 3.0 공개…LG AI연구원 인력 300명 넘어
입력 2024.08.07 09:00
수정 2024.08.07 10:30
김기자 기자
공유
LG AI연구원은 7일 엑사원 3.0을 공개했다. 연구원 인력은 300명을 넘었다.
배 원장은 "인재 확보에 더 투자하겠다"고 말했다.
kim@example.co.kr
Copyright © 예시일보. 무단전재 및 재배포 금지.
관련기사
  • 다른 기사 제목
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_of(root: Path) -> dict[str, bytes]:
    """The registry's files (not .claims_cache/, which any check may fill and anyone may delete)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.relative_to(root).as_posix().startswith(".claims_cache/")
    }


# --- the heuristics give the hand-curated answers for the five articles ---------------------------------

REAL = yaml.safe_load((PROJECT / INDEX).read_text(encoding="utf-8"))["sources"]


@pytest.mark.parametrize("entry", REAL, ids=[e["id"] for e in REAL])
def test_proposals_match_the_curated_index(entry: dict) -> None:
    lines = (PROJECT / "seeds" / entry["file"]).read_text(encoding="utf-8").split("\n")
    headline, _ = onboard.propose_headline(lines, entry["outlet"])
    assert onboard._strip(lines[headline - 1]) == entry["headline"]
    assert headline == entry["body"]["first_line"]
    last, _ = onboard.propose_end(lines, headline)
    assert last == entry["body"]["last_line"]
    omits = onboard.propose_omits(lines, headline, last, entry["outlet"])
    assert [(o.first, o.last) for o in omits] == [
        (o["first_line"], o["last_line"]) for o in entry["body"].get("omit", [])
    ]
    reporter, _ = onboard.propose_reporter(lines, headline, last)
    assert reporter == entry.get("reporter")
    dates = onboard.dates_on(lines, headline, last)
    published = [d for d in dates if d.day.isoformat() == entry["published"]]
    if "published_note" not in entry or entry["published_evidence"].startswith(("입력", "등록", "승인")):
        # A page that prints its date under a label: it is the first candidate, with that evidence.
        assert dates[0].kind == "published" and dates[0].evidence == entry["published_evidence"]
    else:
        # A page without a labelled date: no candidate is offered as a publication label.
        assert all(d.kind != "published" for d in dates)
        assert all(d.evidence in entry["published_evidence"] for d in published)


# --- a new article, end to end ---------------------------------------------------------------------------


@pytest.fixture
def root(make_registry: MakeRegistry) -> Path:
    return make_registry({"seeds/new_article.txt": NEW_ARTICLE})


def test_without_published_the_dates_are_listed_and_nothing_is_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files_of(root)
    path = str(root / "seeds/new_article.txt")
    code, out, _ = run(capsys, "source", "add", path, "--outlet", "예시일보", "--root", str(root))
    assert code == 1
    assert files_of(root) == before
    assert "  dates on the page, likeliest first:" in out
    listed = out[out.index("likeliest first:") :].splitlines()[1:4]
    assert listed == [
        "    2024-08-07 «입력 2024.08.07 09:00» (line 5; a publication label)",
        "    2024-08-07 «수정 2024.08.07 10:30» (line 6; an edit, not the publication)",
        "    2024-11-23 «2024년 11월 23일» (line 1; a bare date outside the article (weather bar, crawl))",
    ]
    assert "not written: give --published YYYY-MM-DD" in out


def test_a_new_article_is_onboarded_and_passes_the_check(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old_index = (root / INDEX).read_bytes()
    (root / "seeds" / "new_article.txt").chmod(0o444)  # evidence: never written to
    argv = ["source", "add", "seeds/new_article.txt", "--outlet", "예시일보", "--published", "2024-08-07"]
    monkeypatch.chdir(root)  # PATH is relative to the current directory; the root is found from it
    code, out, err = run(capsys, *argv, "--id", "yesi-2024-08-07")
    assert (code, err) == (0, ""), out
    new_index = (root / INDEX).read_bytes()
    assert new_index.startswith(old_index)
    assert (root / "seeds" / "new_article.txt").read_text(encoding="utf-8") == NEW_ARTICLE
    result = check(root)
    assert result.problems == []
    source = result.sources["yesi-2024-08-07"]
    assert source.usable
    entry = read_yaml(new_index, INDEX).root.get("sources").value[-1].plain()
    assert entry == {
        "id": "yesi-2024-08-07",
        "file": "new_article.txt",
        "sha256": hashlib.sha256(NEW_ARTICLE.encode()).hexdigest(),
        "outlet": "예시일보",
        "outlet_evidence": "Copyright © 예시일보. 무단전재 및 재배포 금지.",
        "headline": "엑사원 3.0 공개…LG AI연구원 인력 300명 넘어",
        "published": "2024-08-07",
        "published_evidence": "입력 2024.08.07 09:00",
        "reporter": "김기자",
        # Headline (line 3, the first of its two printings) to the sign-off (line 11); the share
        # button (line 8) left out.
        "body": {
            "first_line": 3,
            "last_line": 11,
            "omit": [{"first_line": 8, "last_line": 8, "what": "the share bar"}],
        },
    }
    assert "appended source yesi-2024-08-07 to seeds/sources.yaml" in out
    # The new article's sentences are now searchable, and claims can be added to it.
    code, out, _ = run(capsys, "find", "인력은 300명을 넘었다", "--root", str(root))
    assert code == 0 and out.startswith("seeds/new_article.txt:9:")


def test_default_id_needs_a_known_outlet(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--published",
        "2024-08-07",
        "--root",
        str(root),
    ]
    before = files_of(root)
    code, _, err = run(capsys, *argv, "--outlet", "예시일보")
    assert code == 1 and "no ID slug known for the outlet '예시일보': give --id <slug>-2024-08-07" in err
    assert files_of(root) == before
    # An outlet the index already has gives its slug (the test registry's 샘플일보 is `sample`).
    code, out, _ = run(capsys, *argv, "--outlet", "샘플일보", "--outlet-note", "test")
    assert code == 0 and "appended source sample-2024-08-07" in out


def test_published_date_without_a_label_needs_a_note(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--outlet",
        "예시일보",
        "--id",
        "x-2024-11-23",
    ]
    before = files_of(root)
    code, _, err = run(capsys, *argv, "--published", "2024-11-23", "--root", str(root))
    assert code == 1 and "is not printed under a publication label" in err and "--published-note" in err
    code, _, err = run(capsys, *argv, "--published", "2024-08-08", "--root", str(root))
    assert code == 1 and "no date on the page reads 2024-08-08" in err
    assert files_of(root) == before


def test_given_bounds_and_omits_are_used(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--outlet",
        "예시일보",
        "--id",
        "y-2024-08-07",
    ]
    argv += ["--published", "2024-08-07", "--body-lines", "3-10", "--omit", "7-8", "--root", str(root)]
    code, out, _ = run(capsys, *argv)
    assert code == 0, out
    entry = check(root).sources["y-2024-08-07"]
    assert entry.body_lines == [(3, 6), (9, 10)]


# --- refusals ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("omit", ["15-16", "3-99999999999"])
def test_an_omit_past_the_end_of_the_file_is_refused_not_a_crash(
    root: Path, capsys: pytest.CaptureFixture[str], omit: str
) -> None:
    # NEW_ARTICLE has 14 lines: line 15 does not exist.
    before = files_of(root)
    argv = [
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--outlet",
        "예시일보",
        "--id",
        "y-2024-08-07",
    ]
    code, _, err = run(capsys, *argv, "--published", "2024-08-07", "--omit", omit, "--root", str(root))
    assert (code, err) == (1, f"claims source add: --omit {omit}: the file has 14 lines\n")
    assert files_of(root) == before


def test_a_file_outside_seeds_is_refused(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "article.txt"
    outside.write_text(NEW_ARTICLE, encoding="utf-8")
    before = files_of(root)
    code, _, err = run(capsys, "source", "add", str(outside), "--outlet", "예시일보", "--root", str(root))
    assert code == 1 and "is outside seeds/" in err
    assert files_of(root) == before


def test_a_path_through_seeds_that_resolves_outside_is_refused(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (root / "seeds" / "sub").symlink_to(outside)
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds" / "sub" / "a.txt"), "--outlet", "예", "--root", str(root)
    )
    assert code == 1 and "is outside seeds/" in err
    # A link placed in seeds/ itself is refused too, wherever it points.
    (root / "seeds" / "link.txt").symlink_to(outside / "a.txt")
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds" / "link.txt"), "--outlet", "예", "--root", str(root)
    )
    assert code == 1 and "is a symbolic link" in err
    (root / "seeds" / "inner.txt").symlink_to(root / "seeds" / "new_article.txt")
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds" / "inner.txt"), "--outlet", "예", "--root", str(root)
    )
    assert code == 1 and "is a symbolic link" in err


def test_an_indexed_file_is_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_of(root)
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds/sample.txt"), "--outlet", "샘플일보", "--root", str(root)
    )
    assert code == 1
    assert "seeds/sample.txt is already indexed as 'sample-2024-01-02' (seeds/sources.yaml:2)" in err
    # The same bytes under another name are the same article.
    (root / "seeds" / "copy.txt").write_bytes((root / "seeds" / "sample.txt").read_bytes())
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds/copy.txt"), "--outlet", "샘플일보", "--root", str(root)
    )
    assert code == 1 and "has the same bytes" in err and "already indexed as 'sample-2024-01-02'" in err
    assert {k: v for k, v in files_of(root).items() if k != "seeds/copy.txt"} == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (".hidden.txt", NEW_ARTICLE.encode(), "may only hold letters"),
        ("with space.txt", NEW_ARTICLE.encode(), "may only hold letters"),
        ("latin1.txt", "기사".encode("euc-kr"), "is not UTF-8"),
    ],
)
def test_unusable_files_are_refused(
    root: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    (root / "seeds" / name).write_bytes(content)
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds" / name), "--outlet", "예", "--root", str(root)
    )
    assert code == 1 and message in err


def test_the_index_itself_and_missing_files_are_refused(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "source", "add", str(root / INDEX), "--outlet", "예", "--root", str(root))
    assert code == 1 and "the sources index itself" in err
    code, _, err = run(
        capsys, "source", "add", str(root / "seeds/nope.txt"), "--outlet", "예", "--root", str(root)
    )
    assert code == 1 and "no such file" in err


def test_source_needs_its_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["source"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):
        main(["source", "add", "--help"])
    assert "--published YYYY-MM-DD" in capsys.readouterr().out


# --- the heuristics on forms the five articles do not show ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "evidence"),
    [
        ("입력 : 2024.03.13 18:29", "published", "입력 : 2024.03.13 18:29"),
        ("[입력 2024.03.13 18:29]", "published", "입력 2024.03.13 18:29"),
        ("등록일 2022.01.19", "published", "등록일 2022.01.19"),
        ("송고시간 2024-03-13 18:29", "published", "송고시간 2024-03-13 18:29"),
        ("기사입력 2024. 3. 13. 18:29", "published", "기사입력 2024. 3. 13. 18:29"),
        ("  • 승인 2024.03.13 18:29", "published", "승인 2024.03.13 18:29"),
        ("최종수정 2024.03.14", "edited", "최종수정 2024.03.14"),
        ("Updated 2024-03-14", "edited", "Updated 2024-03-14"),
        ("최종편집2024-04-26 18:52 (금)", "site", "최종편집2024-04-26 18:52"),
        ("미입력 2024.03.14", "bare", "2024.03.14"),  # not a label: the end of another word
        # A space inside the label, and the label after the date (second review of issue 9: both were
        # bare dates, and the editor was asked for a note on how the date was derived).
        ("게재 일자 : 2024년 5월 20일", "published", "게재 일자 : 2024년 5월 20일"),
        ("2024.05.20 09:30 입력", "published", "2024.05.20 09:30 입력"),
        ("(2024-05-21 10:02 수정)", "edited", "2024-05-21 10:02 수정"),
        ("2024.05.20 09:30 입력했다", "bare", "2024.05.20 09:30"),  # a word that begins like a label
        ("2024년 11월 23일 토요일", "bare", "2024년 11월 23일"),
        ("(LG그룹 제공) 2020.12.7/뉴스1", "bare", "2020.12.7/뉴스1"),
    ],
)
def test_date_labels(line: str, kind: str, evidence: str) -> None:
    (seen,) = onboard.dates_on([line], 1, 1)
    assert (seen.kind, seen.evidence) == (kind, evidence)
    assert evidence in line  # evidence is text of the page, as printed


def test_impossible_dates_are_not_candidates() -> None:
    assert onboard.dates_on(["입력 2023.02.30 10:00", "등록 2023-13-01"], 1, 2) == []


@pytest.mark.parametrize("sign_off", ["홍길동 기자", "/홍길동 기자", "(끝)", "<끝>", "=홍길동 특파원"])
def test_a_byline_after_the_last_paragraph_ends_the_body(sign_off: str) -> None:
    lines = [
        "제목이 여기 있습니다 정말로",
        "입력 2024.01.02",
        "첫 문단은 이렇게 여러 단어로 길게 이어지다가 끝이 나는 문장입니다.",
        sign_off,
        "",
        "많이 본 뉴스",
        "다른 기사",
    ]
    assert onboard.propose_headline(lines, "예")[0] == 1
    assert onboard.propose_end(lines, 1)[0] == 4


def test_the_test_registrys_article_gives_its_entry() -> None:
    lines = (
        (Path(__file__).parent / "registry" / "seeds" / "sample.txt").read_text(encoding="utf-8").split("\n")
    )
    headline, _ = onboard.propose_headline(lines, "샘플일보")
    last, _ = onboard.propose_end(lines, headline)
    assert (headline, last) == (1, 5)  # checks/tests/registry/seeds/sources.yaml: body 1-5
    assert onboard.propose_reporter(lines, headline, last)[0] == "홍길동"


def test_dry_run_shows_the_entry_and_writes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_of(root)
    argv = [
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--outlet",
        "예시일보",
        "--id",
        "z-2024-08-07",
    ]
    code, out, _ = run(capsys, *argv, "--published", "2024-08-07", "--dry-run", "--root", str(root))
    assert code == 0
    assert "would append source z-2024-08-07 to seeds/sources.yaml" in out and "  - id: z-2024-08-07" in out
    assert files_of(root) == before


@pytest.mark.parametrize(
    "line",
    [
        "가",
        "가+",
        "가 가 가 가",
        "가- 가+",
        "페이스북 트위터 카카오톡 링크복사",
        "Facebook / Twitter / URL복사",
        "카카오스토리 네이버밴드",
    ],
)
def test_more_forms_of_buttons_are_page_furniture(line: str) -> None:
    # Font-size buttons printed as bare 가s, and rows of share buttons: inside the body, they are
    # proposed for `omit`, so that `claims find` and coverage never see them.
    lines = [
        "제목이 여기 있습니다 정말로",
        "입력 2024.01.02",
        line,
        "첫 문단은 이렇게 여러 단어로 길게 이어지다가 끝이 나는 문장입니다.",
        "홍길동 기자",
    ]
    assert [(o.first, o.last) for o in onboard.propose_omits(lines, 1, 5, "예시일보")] == [(3, 3)]


@pytest.mark.parametrize(
    "line",
    ["가나다 연구소는 크게 성장했다.", "페이스북은 이날 새 서비스를 공개했다.", "라인", "가격"],
)
def test_prose_that_names_a_network_is_not_furniture(line: str) -> None:
    assert onboard.furniture(line, "예시일보") is None


def test_the_line_count_is_the_editors(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # NEW_ARTICLE is 14 lines, each ending in a line break (as `wc -l` counts): not 15.
    code, out, _ = run(
        capsys,
        "source",
        "add",
        str(root / "seeds/new_article.txt"),
        "--outlet",
        "예시일보",
        "--root",
        str(root),
    )
    assert code == 1
    sha = hashlib.sha256(NEW_ARTICLE.encode("utf-8")).hexdigest()
    assert out.startswith(f"seeds/new_article.txt: 14 lines, sha256 {sha}\n")
    code, _, err = run(capsys, "source", "add", str(root / "seeds/new_article.txt"), "--outlet", "예시일보",
                       "--published", "2024-08-07", "--body-lines", "3-15", "--root", str(root))  # fmt: skip
    assert (code, err) == (1, "claims source add: --body-lines 3-15: the file has 14 lines\n")


@pytest.mark.parametrize("path", ["seeds/\x00.txt", "seeds/" + "a" * 300 + ".txt"])
def test_a_path_no_file_can_have_is_refused_not_a_crash(
    root: Path, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    code, _, err = run(capsys, "source", "add", path, "--outlet", "예시일보", "--root", str(root))
    assert code == 1
    assert "internal error" not in err and "not a file name that can be opened" in err
    assert "\x00" not in err


def test_a_registry_path_is_found_with_root_from_elsewhere(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`claims source add seeds/FILE --root DIR` run outside DIR: the path as the registry names it
    (a file of that name in the current directory would come first)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    argv = ["source", "add", "seeds/new_article.txt", "--outlet", "예시일보", "--published", "2024-08-07"]
    code, out, err = run(capsys, *argv, "--id", "yesi-2024-08-07", "--root", str(root), "--dry-run")
    assert (code, err) == (0, ""), out
    assert "  id: yesi-2024-08-07 (--id)" in out
    (elsewhere / "seeds").mkdir()
    (elsewhere / "seeds" / "new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, *argv, "--id", "yesi-2024-08-07", "--root", str(root), "--dry-run")
    assert code == 1 and "is outside seeds/" in err


# --- a deck under the headline, a share bar one button a line (a new outlet's page, review of issue 9) ---

DECKED = [
    "2024년 05월 20일 월요일",  # 1: the weather bar's date
    "  • 서울 18℃",
    "",
    "LG AI연구원, 인력 300여명으로 '껑충'…\"엑사원 3.0 하반기 공개\"",  # 4: the headline
    "",
    "출범 3년 반 만에 4배 가까이 늘어…美 스타트업에 1억달러 투자",  # 6: its deck
    "",
    "입력 2024.05.20 09:30",  # 8
    "수정 2024.05.20 11:02",
    "김지현 기자",
    "가",  # 11: font-size buttons, then the share bar one button a line
    "가",
    "공유하기",
    "페이스북",
    "",
    "트위터",
    "카카오톡",
    "URL복사",  # 18
    "LG AI연구원의 연구 인력이 올해 1분기 기준 300여명으로 늘었다. 출범 당시보다 4배 가까이 늘었다.",
    "라인",  # 20: alone, away from the share bar: a word of the article, never proposed
    "이 회사는 메신저 라인과 협력을 이어 가기로 했다고 밝혔다는 소식이다.",
    "김지현 기자 jhkim@etnews.com",  # 22
    "Copyright ⓒ 전자신문. 무단전재 및 재배포 금지.",
]


@pytest.mark.parametrize("decks", [1, 2, 3])
def test_the_headline_is_above_its_deck_not_the_deck(decks: int) -> None:
    # The line just above the date was taken for the headline: on a page with a deck (부제) the real
    # headline was left out of the body and the deck was recorded as the headline.
    lines = (
        DECKED[:5] + [f"부제 {n}번째 줄: 출범 3년 반 만에 4배 가까이 늘어" for n in range(decks)] + DECKED[6:]
    )
    headline, why = onboard.propose_headline(lines, "전자신문")
    assert headline == 4
    assert "deck" in why


def test_a_headline_printed_twice_above_its_deck_is_its_first_printing() -> None:
    lines = DECKED[:4] + ["", DECKED[3]] + DECKED[4:]
    assert onboard.propose_headline(lines, "전자신문")[0] == 4


def test_a_section_path_above_the_headline_is_not_the_headline() -> None:
    lines = ["홈 > 산업 > 전자·IT 일반", ""] + DECKED[3:]
    assert onboard.propose_headline(lines, "전자신문")[0] == 3


def test_a_share_bar_one_button_a_line_is_omitted_whole() -> None:
    headline, _ = onboard.propose_headline(DECKED, "전자신문")
    last, _ = onboard.propose_end(DECKED, headline)
    assert (headline, last) == (4, 22)
    omits = onboard.propose_omits(DECKED, headline, last, "전자신문")
    # 11-18 as one range: the bare 가s, 공유하기, then 페이스북 / 트위터 / 카카오톡 (each alone on its line,
    # which was left in the body between two omits) and URL복사. `라인` on line 20 stays.
    assert [(o.first, o.last) for o in omits] == [(11, 18)]
    assert "the share bar" in omits[0].what
