"""`claims find`: spacing and quotation-mark variants, near hits, furniture left out, exit status, JSON."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import search
from checks.cli import main

from .conftest import BASE_REGISTRY, MakeRegistry

SAMPLE = (Path(__file__).parent / "registry" / "seeds" / "sample.txt").read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE.split("\n")

# A second article: quotation marks of every kind, a line of furniture inside the body (omitted), and
# text after the body.
QUOTED = """\
엑사원 기사 제목
입력 2024.02.03
LG는 “엑사원”을 공개했다. 배 원장은 ‘상위 1% 수준’의 AI를 만들겠다고 했다.
가장크게 공유 버튼 전용 문구
그는 「AI 동맹」에 『16개』 계열사가 참여한다고 밝혔다.
김기자 기자
관련 기사 말뭉치 9999개
"""
QUOTED_ENTRY = """
  - id: quoted-2024-02-03
    file: quoted.txt
    sha256: {sha}
    outlet: 인용일보
    headline: 엑사원 기사 제목
    published: '2024-02-03'
    published_evidence: 입력 2024.02.03
    body:
      first_line: 1
      last_line: 6
      omit:
        - first_line: 4
          last_line: 4
"""


@pytest.fixture
def root(make_registry: MakeRegistry) -> Path:
    index = (Path(__file__).parent / "registry" / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    sha = hashlib.sha256(QUOTED.encode()).hexdigest()
    return make_registry(
        {"seeds/quoted.txt": QUOTED, "seeds/sources.yaml": index + QUOTED_ENTRY.format(sha=sha)}
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def find_json(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, "find", *argv, "--format", "json", "--root", str(root))
    return code, json.loads(out)


def col(line: int, text: str, nth: int = 0) -> int:
    """1-based column of the nth occurrence of text on a line of the sample article (independent of search)."""
    at = -1
    for _ in range(nth + 1):
        at = SAMPLE_LINES[line - 1].index(text, at + 1)
    return at + 1


@pytest.mark.parametrize(
    "query",
    [
        "출범 당시 80여명",
        "출범당시80여명",
        "출범  당시\t80여명",
        " 출 범 당 시 8 0 여 명 ",
        "출범\u00a0당시\u300080여명",
        "출범\u200b당시\u00ad80여명",  # zero-width space, soft hyphen
    ],
)
def test_spacing_variants_find_both_occurrences(
    root: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, data = find_json(capsys, root, query)
    assert code == 0
    exact = [(h["source"], h["line"], h["column"]) for h in data["hits"] if h["match"] == "exact"]
    assert exact == [
        ("sample-2024-01-02", 3, col(3, "출범 당시")),
        ("sample-2024-01-02", 4, col(4, "출범 당시")),
    ]
    assert data["hits"][0]["text"] == "출범 당시 80여명"  # the article's own spacing, not the query's


@pytest.mark.parametrize(
    ("query", "printed"),
    [
        ('"엑사원"을 공개', "“엑사원”을 공개"),
        ("'엑사원'을 공개", "“엑사원”을 공개"),
        ("「엑사원」을공개", "“엑사원”을 공개"),
        ("＂엑사원＂을 공개", "“엑사원”을 공개"),
        ("『엑사원』을 공개", "“엑사원”을 공개"),
        ("“상위 1% 수준”의", "‘상위 1% 수준’의"),
        ("‛상위 1% 수준‟의", "‘상위 1% 수준’의"),
        ("'AI 동맹'에 \"16개\" 계열사", "「AI 동맹」에 『16개』 계열사"),
        ("＇AI 동맹＇에", "「AI 동맹」에"),
    ],
)
def test_quotation_mark_variants(
    root: Path, capsys: pytest.CaptureFixture[str], query: str, printed: str
) -> None:
    code, data = find_json(capsys, root, query)
    assert code == 0
    hit = data["hits"][0]
    assert (hit["match"], hit["source"], hit["text"]) == ("exact", "quoted-2024-02-03", printed)
    line = QUOTED.split("\n")[hit["line"] - 1]
    assert line[hit["column"] - 1 :].startswith(printed.split(" ")[0])


def test_omitted_furniture_and_text_after_the_body_are_not_searched(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Never a hit; but the editor who sees the words in the file is told where they are and why they
    # are not found: line 4 of QUOTED is omitted furniture, line 7 comes after the body (lines 1-6).
    for query, line in (("공유 버튼 전용 문구", 4), ("말뭉치9999개", 7)):
        code, out, _ = run(capsys, "find", query, "--root", str(root))
        assert code == 1, query
        assert out == (
            f"no hit for «{query}» in the article bodies; the words are outside them, not article text:\n"
            f"  seeds/quoted.txt:{line}: quoted-2024-02-03, page furniture or after the article\n"
        )
        code, data = find_json(capsys, root, query)
        assert (code, data["hits"]) == (1, [])
        assert data["outside_body"] == [
            {"source": "quoted-2024-02-03", "path": "seeds/quoted.txt", "line": line}
        ]


def test_a_hit_never_spans_omitted_furniture(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Line 3 ends "했다." and line 5 starts "그는": joined only across the omitted line 4.
    _, data = find_json(capsys, root, "만들겠다고 했다. 그는")
    assert [h for h in data["hits"] if h["match"] == "exact"] == []
    assert all(h["line"] == h["end_line"] == 3 for h in data["hits"])  # near ones stay on their side


def test_no_hit_exits_1(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = find_json(capsys, root, "삼성전자 반도체")
    assert code == 1
    assert data == {"query": "삼성전자 반도체", "exact": 0, "near": 0, "hits": [], "outside_body": []}


def test_json_shape(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = find_json(capsys, root, "지난해 3분기 기준 128명")
    assert code == 0
    assert list(data) == ["query", "exact", "near", "hits", "outside_body"]
    hit = data["hits"][0]
    assert list(hit) == [
        "match", "source", "path", "line", "column", "end_line", "end_column",
        "text", "differences", "sentence", "figures", "dates", "claims",
    ]  # fmt: skip
    start = col(3, "지난해 3분기")
    assert (hit["path"], hit["line"], hit["column"]) == ("seeds/sample.txt", 3, start)
    assert (hit["end_line"], hit["end_column"]) == (3, start + len("지난해 3분기 기준 128명") - 1)
    # The sentence runs from the end of the one before it ("출범했다.") to its own full stop.
    assert hit["sentence"] == "출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다."
    figures = {f["text"]: f for f in hit["figures"]}
    assert (
        figures["80여명"]["unit"] == "person"
        and figures["80여명"]["low"] == 80
        and figures["80여명"]["high"] == 90
    )
    assert figures["128명"]["value"] == 128
    # Its date, counted from the article's publication date (2024-01-02): 지난해 3분기 is 2023's third quarter.
    assert hit["dates"] == [
        {
            "text": "지난해 3분기", "first": "2023-07-01", "last": "2023-09-30", "label": "2023-Q3",
            "precision": "quarter", "relation": "at", "vague": False, "relative": True,
        }
    ]  # fmt: skip
    # The test registry's one claim quotes "…출범했다. 출범 당시 80여명이던 인력은": this sentence.
    assert hit["claims"] == ["sample-staff-at-founding"]


def test_claims_listed_only_for_the_sentence_they_quote(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = find_json(capsys, root, "연구원들이 모였다")
    assert code == 0
    assert data["hits"][0]["line"] == 4 and data["hits"][0]["claims"] == []


def test_near_hits_come_after_exact_ones(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "80명이던" is not printed anywhere: both "80여명이던" passages are one character away.
    code, data = find_json(capsys, root, "출범 당시 80명이던 인력은")
    assert code == 0
    assert [(h["match"], h["line"], h["differences"]) for h in data["hits"]] == [("near", 3, 1)]
    code, data = find_json(capsys, root, "출범 당시 80여명이던")
    kinds = [h["match"] for h in data["hits"]]
    assert kinds == ["exact", "exact"]
    # Line 3 has it exactly; line 4 has "연구원들이" where the query has "인력": two characters.
    code, data = find_json(capsys, root, "출범 당시 80여명이던 인력")
    assert [(h["match"], h["line"], h["differences"]) for h in data["hits"]] == [
        ("exact", 3, 0),
        ("near", 4, 2),
    ]


def test_source_filter_and_unknown_source(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = find_json(capsys, root, "엑사원", "--source", "sample-2024-01-02")
    assert code == 1 and data["hits"] == []
    code, _, err = run(capsys, "find", "엑사원", "--source", "sample-2024-01-03", "--root", str(root))
    assert code == 2
    assert "no source 'sample-2024-01-03'" in err and "did you mean 'sample-2024-01-02'" in err


def test_empty_query_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "find", "  \t", "--root", str(root))
    assert code == 2 and "nothing to find" in err


def test_text_output(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", "출범당시80여명", "--root", str(root))
    assert code == 0
    first = out.splitlines()[0]
    assert first == f"seeds/sample.txt:3:{col(3, '출범 당시')}: sample-2024-01-02 exact «출범 당시 80여명»"
    assert out.splitlines()[-1] == "2 exact and 0 near hit(s) for «출범당시80여명»"


def test_output_is_the_same_whatever_the_order_of_the_index(
    make_registry: MakeRegistry, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, first = find_json(capsys, root, "엑사원 출범")  # near hits in both articles, if any
    index = (root / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    head, _, rest = index.partition("  - id: sample-2024-01-02")
    sample, _, quoted = rest.partition("\n  - id: quoted-2024-02-03")
    (root / "seeds" / "sources.yaml").write_text(
        head + "  - id: quoted-2024-02-03" + quoted.rstrip("\n") + "\n\n  - id: sample-2024-01-02" + sample,
        encoding="utf-8",
    )
    _, second = find_json(capsys, root, "엑사원 출범")
    assert first == second


# --- property: any spacing of any passage of the body is found, exactly, where it is ------------------

BODY_LINE = SAMPLE_LINES[2]


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(0, len(BODY_LINE) - 1),
    length=st.integers(1, 40),
    spaces=st.lists(st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\n"]), min_size=60, max_size=60),
)
def test_any_respacing_of_a_passage_is_found_at_its_place(start: int, length: int, spaces: list[str]) -> None:
    passage = BODY_LINE[start : start + length]
    chars = [c for c in passage if not c.isspace()]
    if not chars:
        return
    # Re-space: drop every space of the passage, then put random whitespace between its characters.
    query = "".join(c + spaces[i % len(spaces)] for i, c in enumerate(chars))
    hits = [h for h in search.describe(_registry(), search.find(_registry(), query)) if h.match == "exact"]
    expected_column = start + (len(passage) - len(passage.lstrip())) + 1
    assert (3, expected_column) in [(h.line, h.column) for h in hits]
    for h in hits:  # every hit is really there
        rest = SAMPLE_LINES[h.line - 1][h.column - 1 :]
        assert "".join(rest.split()).startswith("".join(chars))


_LOADED: list[search.Registry] = []


def _registry() -> search.Registry:
    if not _LOADED:
        _LOADED.append(search.load(BASE_REGISTRY))
    return _LOADED[0]


DOTS = "점과 물결 기사\n입력 2024.02.04\nLG는 인공지능·바이오·클린테크와 AI·바이오 분야에 4~5천억원을 투자한다.\n"
DOTS_ENTRY = """
  - id: dots-2024-02-04
    file: dots.txt
    sha256: {sha}
    outlet: 점일보
    headline: 점과 물결 기사
    published: '2024-02-04'
    published_evidence: 입력 2024.02.04
    body:
      first_line: 1
      last_line: 3
"""


@pytest.mark.parametrize(
    "query",
    [
        "인공지능ㆍ바이오ㆍ클린테크",
        "인공지능・바이오•클린테크",
        "ＡＩ·바이오",
        "ai·바이오",
        "4∼5천억원",
        "4～5천억원",
    ],
)
def test_middle_dots_tildes_and_full_width_letters(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    index = (BASE_REGISTRY / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    entry = DOTS_ENTRY.format(sha=hashlib.sha256(DOTS.encode()).hexdigest())
    root = make_registry({"seeds/dots.txt": DOTS, "seeds/sources.yaml": index + entry})
    code, data = find_json(capsys, root, query)
    assert code == 0
    assert [(h["match"], h["source"], h["line"]) for h in data["hits"]][:1] == [
        ("exact", "dots-2024-02-04", 3)
    ]


def test_words_that_start_with_a_minus_are_searched_not_taken_for_an_option(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `-128명으로` is text, as `claims number -3.5%` reads a figure: the sample article prints
    # `128명으로` (line 3), so the one differing character is the minus.
    code, data = find_json(capsys, root, "-128명으로")
    assert code == 0
    assert [(h["match"], h["line"], h["column"], h["differences"]) for h in data["hits"]] == [
        ("near", 3, col(3, "128명으로"), 1)
    ]


def test_a_long_query_is_echoed_cut_and_searched_whole(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "출범 당시 80여명이던 인력은 " * 300
    assert main(["find", query, "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert (
        out == f"no hit for «{query[:80]}… ({len(query)} characters)»; try fewer words, or words as printed\n"
    )
    assert main(["find", query, "--root", str(root), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["query"] == query  # tools get it whole


def _folded_one_by_one(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """The reference: each character folded on its own, each folded character with its offset."""
    chars, origin = [], []
    for offset in range(start, end):
        for f in search.fold_char(text[offset]):
            chars.append(f)
            origin.append(offset)
    return "".join(chars), origin


@given(
    text=st.text(alphabet=st.sampled_from("가나 다㈜ﬁ①Ⅻ\u200b\u00ad“”‘’—~·ABCabcİß12３４\t\n"), max_size=40),
    data=st.data(),
)
def test_a_folded_segment_keeps_the_offset_of_every_character(text: str, data: st.DataObject) -> None:
    """`folded` takes a fast path when no character folds to more than one (㈜ folds to three): both
    give what folding character by character gives."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    chars, origin = search.folded(text, start, end)
    assert (chars, list(origin)) == _folded_one_by_one(text, start, end)


# A claims file sorted before claims/sample.yaml, reusing the ID of its claim for a claim of the other
# article (a duplicate ID, which `claims check` reports).
DUPLICATE = """\
claims:
  - id: sample-staff-at-founding
    source: quoted-2024-02-03
    quote: LG는 “엑사원”을 공개했다.
    subject: lg-ai-research
    property: model-name
    as_written: 엑사원
    unit: name
"""


@pytest.mark.parametrize(
    ("query", "source", "claims"),
    [
        # The ID's first placed claim, in the order claims files are read: the one in claims/a.yaml.
        ("엑사원”을 공개", "quoted-2024-02-03", ["sample-staff-at-founding"]),
        # Its later claim of the same ID is not listed (one ID, one place), as before `find` placed the
        # claims article by article.
        ("출범 당시 80여명이던", "sample-2024-01-02", []),
    ],
)
def test_a_duplicate_id_is_listed_at_its_first_placed_claim_only(
    root: Path, capsys: pytest.CaptureFixture[str], query: str, source: str, claims: list[str]
) -> None:
    (root / "claims" / "a.yaml").write_text(DUPLICATE, encoding="utf-8")
    code, data = find_json(capsys, root, query, "--source", source)
    assert code == 0
    assert [(h["source"], h["claims"]) for h in data["hits"] if h["line"] in (3, 4)][:1] == [(source, claims)]
