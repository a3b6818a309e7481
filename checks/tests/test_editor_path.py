"""An editor's path through a new outlet's article, end to end (the second review of issue 9).

`data/new_article_etnews.txt` is an article as a news site prints it, written for this test (it is
not evidence of the registry): a menu and a weather bar, the headline with a deck (부제) under it,
the dateline and its edit, the byline, font-size buttons and a share bar one button a line, a photo
caption, the body, the sign-off, copyright and related news. Its figures are of every kind an
editor claims: a headcount with 여 and the time it holds (올해 1분기 기준 300여명), a date in relative
words (지난해 8월), a percentage, a range (500~600명), a paired amount (1억 달러(약 1360억원)), a
duration, a year of an event. It is onboarded into the engine's test registry, with a frozen copy
of the project's vocabulary (`data/editor_path_vocabulary.yaml`: the project's registry grows with
every editor's pull request, and this test must not move with it), and claimed with the commands an
editor runs, each suggestion checked against what the sentence says.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from checks.checker import check
from checks.cli import main

from .conftest import BASE_REGISTRY

ARTICLE = Path(__file__).parent / "data" / "new_article_etnews.txt"
VOCABULARY = Path(__file__).parent / "data" / "editor_path_vocabulary.yaml"
SOURCE = "etnews-2024-05-20"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def commands(out: str) -> list[list[str]]:
    """The ready-to-run `claims add` commands a suggestion prints, as the shell would split them."""
    return [shlex.split(line)[1:] for line in out.splitlines() if line.strip().startswith("claims add ")]


def option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else None


@pytest.fixture(scope="module")
def onboarded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "registry"
    shutil.copytree(BASE_REGISTRY, root, ignore=shutil.ignore_patterns(".claims_cache"))
    (root / "claims" / "sample.yaml").unlink()  # its keys are the test vocabulary's, not this one's
    shutil.copyfile(VOCABULARY, root / "schema" / "vocabulary.yaml")
    shutil.copyfile(ARTICLE, root / "seeds" / "etnews_20240520.txt")
    code = main(
        # The path as the root holds it: `seeds/…` would be the project's own file when the project has
        # onboarded this very article (the current directory is the project's root under pytest).
        ["source", "add", str(root / "seeds" / "etnews_20240520.txt"), "--outlet", "전자신문"]
        + ["--published", "2024-05-20"]
        + ["--root", str(root)]
    )
    assert code == 0
    return root


@pytest.fixture
def root(onboarded: Path, tmp_path: Path) -> Path:
    """A fresh copy of the onboarded registry for each test: claims added by one do not leak."""
    copy = tmp_path / "registry"
    shutil.copytree(onboarded, copy, ignore=shutil.ignore_patterns(".claims_cache"))
    return copy


def test_the_proposed_entry_is_the_articles(root: Path) -> None:
    # The headline is line 12, above its deck (line 14), the dateline (16) and the byline (19); the body
    # ends at the sign-off (44), before the copyright; the font-size buttons and the share bar, one
    # button a line (21-28), are left out whole.
    entry = check(root).sources[SOURCE]
    assert entry.headline == "LG AI연구원, 인력 300여명으로 '껑충'…\"엑사원 3.0 하반기 공개\""
    body = entry.node.plain()["body"]
    assert (body["first_line"], body["last_line"]) == (12, 44)
    assert [(o["first_line"], o["last_line"]) for o in body["omit"]] == [(21, 28)]
    assert entry.node.plain()["reporter"] == "김지현"
    assert entry.node.plain()["published_evidence"] == "입력 2024.05.20 09:30"


def test_a_figures_time_stated_with_gijun_is_in_the_command(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 올해 1분기 기준 300여명: 300여명 holds in the first quarter of 2024 (the article is of May 2024). The
    # command printed for it carries that time: run as printed, the claim is not dated May 20 instead.
    quote = "LG AI연구원의 연구 인력이 올해 1분기 기준 300여명으로 늘었다"
    code, out, _ = run(capsys, "add", "--source", SOURCE, "--quote", quote, "--root", str(root))
    assert code == 1
    (command,) = commands(out)
    assert (option(command, "--subject"), option(command, "--property")) == ("lg-ai-research", "headcount")
    assert (option(command, "--as-of"), option(command, "--as-of-text")) == ("2024-Q1", "올해 1분기")
    code, out, err = run(capsys, *command, "--root", str(root))
    assert (code, err) == (0, ""), out
    claim = next(c for c in check(root).claims if c.source == SOURCE)
    assert (claim.as_written, claim.as_of) == ("300여명", "2024-Q1")


@pytest.mark.parametrize(
    ("quote", "subject", "prop"),
    [
        # 공개 (unveiled) is the quote's verb; 계획 (plan) is in the sentence, outside the quote, and in the
        # labels of three properties: the date is the unveiling's.
        ("연구원은 지난해 8월 초거대 AI '엑사원 2.0'을 공개한 데 이어", "exaone-2", "unveiling-date"),
        # 취임 (took office) names one property; 구광모 is the subject's name, not a property's word.
        ("한편 LG는 2018년 구광모 회장 취임 이후", "koo-kwang-mo", "took-office-date"),
    ],
)
def test_the_first_suggestion_is_what_the_quote_says(
    root: Path, capsys: pytest.CaptureFixture[str], quote: str, subject: str, prop: str
) -> None:
    code, out, _ = run(capsys, "add", "--source", SOURCE, "--quote", quote, "--root", str(root))
    assert code == 1
    (command,) = commands(out)
    assert (option(command, "--subject"), option(command, "--property"), option(command, "--unit")) == (
        subject,
        prop,
        "date",
    )
    code, out, err = run(capsys, *command, "--root", str(root))
    assert (code, err) == (0, ""), out


def test_a_sentence_without_its_subject_gets_the_paragraphs(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 투자는 향후 2년에 걸쳐 나눠 집행된다: the investment's investor is named in the sentence before, whose
    # claim the editor has just written.
    amount = "미국 실리콘밸리의 AI 스타트업에 1억 달러(약 1360억원)를 투자하기로 했다"
    argv = ["add", "--source", SOURCE, "--quote", amount, "--subject", "lg-technology-ventures"]
    argv += ["--property", "ai-startup-investment", "--as-written", "1억 달러(약 1360억원)", "--unit", "USD"]
    assert run(capsys, *argv, "--root", str(root))[0] == 0
    code, out, _ = run(
        capsys,
        "add",
        "--source",
        SOURCE,
        "--quote",
        "투자는 향후 2년에 걸쳐 나눠 집행된다",
        "--root",
        str(root),
    )
    assert code == 1
    (command,) = commands(out)
    assert option(command, "--subject") == "lg-technology-ventures"
    assert (
        "  --subject lg-technology-ventures: claim etnews-2024-05-20.ai-startup-investment quotes this paragraph"
        in out
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The amount of a paired figure, claimed whole, then alone from a shorter quote.
        (
            (
                "미국 실리콘밸리의 AI 스타트업에 1억 달러(약 1360억원)를 투자하기로 했다",
                "1억 달러(약 1360억원)",
                "USD",
                None,
            ),
            ("스타트업에 1억 달러(약 1360억원)를", "1억 달러", "USD", None),
        ),
        # A range, then the same range with the word that changes nothing (규모), from the same quote.
        (
            (
                "2026년까지 연구 인력을 500~600명 규모로 키우겠다",
                "500~600명",
                "person",
                ("2026", "2026년까지"),
            ),
            (
                "2026년까지 연구 인력을 500~600명 규모로 키우겠다",
                "500~600명 규모",
                "person",
                ("2026", "2026년"),
            ),
        ),
        # The same figure given another time: one figure of an article has one time.
        (
            (
                "LG AI연구원의 연구 인력이 올해 1분기 기준 300여명으로 늘었다",
                "300여명",
                "person",
                ("2024-Q1", "올해 1분기"),
            ),
            ("LG AI연구원의 연구 인력이 올해 1분기 기준 300여명으로 늘었다", "300여명", "person", None),
        ),
    ],
    ids=["paired-amount", "range-with-gyumo", "another-time"],
)
def test_one_figure_of_the_article_is_claimed_once(
    root: Path, capsys: pytest.CaptureFixture[str], first: tuple, second: tuple
) -> None:
    """These were written as a second claim of the same figure, for the same thing: the report then
    counted one outlet's statement twice. Refused, with the claim that states it and nothing written."""
    props = {"USD": ("lg-technology-ventures", "ai-startup-investment"), "person": ("lg-ai-research", "")}

    def argv(quote: str, written: str, unit: str, time: tuple[str, str] | None) -> list[str]:
        subject, prop = props[unit]
        prop = prop or ("headcount-target" if "2026" in quote else "headcount")
        out = ["add", "--source", SOURCE, "--quote", quote, "--subject", subject, "--property", prop]
        out += ["--as-written", written, "--unit", unit, "--root", str(root)]
        return out + (["--as-of", time[0], "--as-of-text", time[1]] if time else [])

    code, out, err = run(capsys, *argv(*first))
    assert (code, err) == (0, ""), out
    claims_file = root / "claims" / f"{SOURCE}.yaml"
    before = claims_file.read_bytes()
    code, out, err = run(capsys, *argv(*second))
    assert code == 1
    assert "already claims this figure of the article" in err and "nothing written" in err
    assert claims_file.read_bytes() == before


def test_the_same_words_for_another_thing_are_not_a_duplicate(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Either amount of a paired figure stands on its own (README): the won amount in KRW is another
    # group of the comparison, not a second claim of the dollar amount.
    quote = "미국 실리콘밸리의 AI 스타트업에 1억 달러(약 1360억원)를 투자하기로 했다"
    base = ["add", "--source", SOURCE, "--quote", quote, "--subject", "lg-technology-ventures"]
    base += ["--property", "ai-startup-investment", "--root", str(root)]
    assert run(capsys, *base, "--as-written", "1억 달러(약 1360억원)", "--unit", "USD")[0] == 0
    code, out, err = run(capsys, *base, "--as-written", "약 1360억원", "--unit", "KRW")
    assert (code, err) == (0, ""), out


def test_the_paired_amount_and_a_range_are_offered_and_known_as_claimed(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Either amount of a paired figure stands on its own (README): the won amount is offered too. A
    # figure claimed without the words that change nothing (500~600명 of 500~600명 규모: a range, with no
    # single value to compare) is "already claimed", not offered as if nobody had claimed it.
    amount = "미국 실리콘밸리의 AI 스타트업에 1억 달러(약 1360억원)를 투자하기로 했다"
    code, out, _ = run(capsys, "add", "--source", SOURCE, "--quote", amount, "--root", str(root))
    assert code == 1
    assert "figure 1억 달러(약 1360억원) (USD)\n" in out
    assert (
        "figure 약 1360억원 (KRW) -- the amount paired with 1억 달러(약 1360억원): either stands on its own\n"
        in out
    )
    assert [option(c, "--unit") for c in commands(out)] == ["USD", "KRW"]
    code, out, err = run(
        capsys, *commands(out)[1], "--property", "ai-startup-investment", "--root", str(root)
    )
    assert (code, err) == (0, ""), out

    target = "2026년까지 연구 인력을 500~600명 규모로 키우겠다"
    argv = ["add", "--source", SOURCE, "--quote", target, "--root", str(root)]
    code, _, err = run(
        capsys,
        *argv,
        *("--subject", "lg-ai-research", "--property", "headcount-target", "--as-written", "500~600명"),
        *("--unit", "person", "--as-of", "2026", "--as-of-text", "2026년까지"),
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, *argv)
    assert (
        "figure 500~600명 규모 (person) -- already claimed by etnews-2024-05-20.headcount-target-2026\n"
        in out
    )
