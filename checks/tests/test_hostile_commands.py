"""Issue 10, round 2: the commands added since the first round, attacked as a hostile pull request
or a careless editor would (coverage, skips, dates, diff, find, add, source add, schema, the pytest
summary, the job summary). Each test names the attack; the expected values come from the attack
itself (what must never appear), not from the output of the code under test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import inert
from checks.cli import main

from .conftest import MakeRegistry
from .test_diff import registry

pytest_plugins = ["pytester"]

# An outlet's name is free text in seeds/sources.yaml: a pull request can put anything there.
HOSTILE_OUTLET = '"다른일보\\e[31m\\n::error file=README.md,line=1::FAKE\\u202e"'
FAKE = "::error file=README.md"


def hostile_outlet(root: Path) -> Path:
    index = root / "seeds" / "sources.yaml"
    index.write_text(
        index.read_text(encoding="utf-8").replace("outlet: 다른일보", f"outlet: {HOSTILE_OUTLET}"),
        encoding="utf-8",
    )
    return root


def assert_inert_lines(out: str) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert not any(inert.unsafe(ch) for ch in line), repr(line)


# --- raw text in logs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["coverage"], ["coverage", "--all"], ["coverage", "--check"]])
def test_coverage_text_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    root = hostile_outlet(registry(tmp_path / "registry", other=True))
    main([*argv, "--root", str(root)])
    out, err = capsys.readouterr()
    assert "다른일보" in out  # the outlet is shown, escaped
    assert FAKE in out.replace("\\n", "\n")  # ... and its words survive as text, not as a line
    assert_inert_lines(out)
    assert_inert_lines(err)


def test_pytest_terminal_summary_is_inert(pytester: pytest.Pytester) -> None:
    root = hostile_outlet(registry(pytester.path / "registry", other=True))
    result = pytester.runpytest_subprocess("--registry", str(root), "-p", "no:cacheprovider")
    summary = result.stdout.str().split("open conflicts between outlets", 1)[1]
    assert "contradiction" in summary and "다른일보" in summary
    assert_inert_lines(summary)


def test_pytest_coverage_failure_shows_the_article_inert(pytester: pytest.Pytester) -> None:
    """An article is evidence and is never edited: one that holds an escape code and a bidi override
    had them printed raw in pytest's coverage failure (the sentence around an uncovered figure)."""
    import hashlib

    root = registry(pytester.path / "registry")
    article = "제목\n입력 2024.01.02\n본문 128명\x1b[31m 빨강 \u202e거꾸로\u202c 끝.\n홍길동 기자\n"
    (root / "seeds" / "evil.txt").write_text(article, encoding="utf-8")
    with (root / "seeds" / "sources.yaml").open("a", encoding="utf-8") as index:
        index.write(
            "  - id: evil-2024-01-02\n    file: evil.txt\n"
            f"    sha256: {hashlib.sha256(article.encode()).hexdigest()}\n"
            "    outlet: 악성일보\n    headline: 제목\n    published: '2024-01-02'\n"
            "    published_evidence: 입력 2024.01.02\n    body:\n      first_line: 1\n      last_line: 4\n"
        )
    result = pytester.runpytest_subprocess("--registry", str(root), "-p", "no:cacheprovider")
    out = result.stdout.str()
    assert "uncovered figure '128명'" in out and "\\x1b[31m" in out and "\\u202e" in out
    assert_inert_lines(out)


def test_usage_errors_are_inert(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --source taken from a file name or a branch name in CI reaches the error message."""
    root = registry(tmp_path / "registry")
    assert main(["find", "인력", "--source", "x\x1b[2J\n::error::FAKE", "--root", str(root)]) == 2
    _, err = capsys.readouterr()
    assert "\\x1b" in err
    assert_inert_lines(err)


def test_claims_add_suggestions_are_inert(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    """`claims add` lists the registry's claims already on the sentence, with their IDs, keys and time
    words: a claim failing its schema is still listed, and its values were printed raw."""
    root = make_registry()
    claims = root / "claims" / "sample.yaml"
    text = claims.read_text(encoding="utf-8")
    _, _, item = text.partition("  - id: ")
    hostile = (
        item.replace("sample-staff-at-founding", '"x\\n::error file=README.md,line=1::FAKE\\u202e"')
        .replace("as_of: 2020-12", 'as_of: "2020-12\\n::error::FAKE"')
        .replace("as_of_text: 출범 당시", 'as_of_text: "출범 당시\\e[2J\\n::warning::FAKE"')
    )
    claims.write_text(text + "  - id: " + hostile, encoding="utf-8")
    sentence = "LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은"
    assert main(["add", "--source", "sample-2024-01-02", "--quote", sentence, "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "FAKE" in out  # the claim is listed, its values escaped
    assert_inert_lines(out)
    assert_inert_lines(err)


def test_claims_source_add_output_is_inert(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    """The outlet given (`--outlet`, perhaps from a script) is repeated in the proposal's messages, and the
    article's headline, with a bidi override, in the entry shown by --dry-run: raw, both reached the log."""
    root = make_registry()
    (root / "seeds" / "new.txt").write_text(
        "LG\u202e 엑사원 공개\x1b[31m\n입력 2024.08.07 09:00\nLG AI연구원은 7일 엑사원을 공개했다.\n김기자 기자\n",
        encoding="utf-8",
    )
    outlet = "예시일보\x1b[2J\n::error file=README.md,line=1::FAKE"
    argv = ["source", "add", "seeds/new.txt", "--outlet", outlet, "--body-lines", "1-4", "--root", str(root)]
    for extra in (
        [],
        ["--outlet-note", "n", "--published", "2024-08-07", "--id", "new-2024-08-07", "--dry-run"],
    ):
        main([*argv, *extra])
        out, err = capsys.readouterr()
        assert "FAKE" in out + err
        assert_inert_lines(out)
        assert_inert_lines(err)
    assert "\\u202E" in out  # the entry shows (and would write) the override as an escape


def test_claims_schema_prints_vocabulary_labels_inert(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    """A vocabulary label is free text: with a bidi override, a C1 control (CSI, U+009B) or a next-line
    (U+0085), `claims schema` printed it raw (json.dumps leaves all three as they are)."""
    import json

    root = make_registry()
    vocabulary = root / "schema" / "vocabulary.yaml"
    label = "X\u202eY\x9b31mZ\x85W"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "en: LG AI Research", 'en: "X\\u202eY\\x9b31mZ\\x85W"'
        ),
        encoding="utf-8",
    )
    assert main(["schema", "--root", str(root)]) == 0
    out, _ = capsys.readouterr()
    assert_inert_lines(out)
    descriptions = json.loads(out)["$defs"]["claim"]["properties"]["subject"]["enumDescriptions"]
    assert f"LG AI연구원 ({label})" in descriptions  # the same JSON value


@pytest.mark.parametrize(
    ("outlet", "named"),
    [
        ("샘플일보\u200b", "(U+200B ZERO WIDTH SPACE)"),
        ("샘플일보\u00a0", "(U+00A0 NO-BREAK SPACE)"),
    ],
)
def test_claims_source_add_names_a_look_alike_outlet(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], outlet: str, named: str
) -> None:
    """`--outlet` differing from an indexed outlet only by what the eye cannot see: "no ID slug known for
    the outlet '샘플일보'" left the editor staring at the name it already has (issue 10, class 8)."""
    root = make_registry()
    (root / "seeds" / "new.txt").write_text(
        "LG 엑사원 공개\n입력 2024.08.07 09:00\nLG AI연구원은 7일 엑사원을 공개했다.\n김기자 기자\n",
        encoding="utf-8",
    )
    argv = ["source", "add", "seeds/new.txt", "--outlet", outlet, "--outlet-note", "n", "--body-lines", "1-4"]
    assert main([*argv, "--published", "2024-08-07", "--root", str(root)]) == 1
    _, err = capsys.readouterr()
    assert "it looks like '샘플일보' of sample-2024-01-02 but is not the same text" in err
    assert named in err


# Bytes that are not UTF-8 in an argument (a file name or a branch name pasted in CI): Python decodes
# them to lone surrogates, which no YAML file can hold. `claims add --note` with one stopped with an
# internal error; every command now says which option, as a usage error.
NOT_UTF8 = b"x\xff y".decode("utf-8", errors="surrogateescape")


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["number", NOT_UTF8], "EXPR"),
        (["find", NOT_UTF8], "TEXT"),
        (["explain", NOT_UTF8], "CODE"),
        (["add", "--source", "sample-2024-01-02", "--quote", NOT_UTF8], "--quote"),
        (
            ["add", "--source", "sample-2024-01-02", "--quote", "LG AI연구원은 2020년", "--note", NOT_UTF8],
            "--note",
        ),
        (["source", "add", "seeds/x.txt", "--outlet", NOT_UTF8], "--outlet"),
    ],
)
def test_an_argument_that_is_not_utf8_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], named: str
) -> None:
    root = registry(tmp_path / "registry")
    with_root = [*argv, "--root", str(root)] if argv[0] in ("find", "add", "source") else argv
    assert main(with_root) == 2
    _, err = capsys.readouterr()
    assert f"{named} is not UTF-8 text (byte 0xFF)" in err
    assert "internal error" not in err
    assert_inert_lines(err)


# --- links leading out -----------------------------------------------------------------------------------


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_claims_schema_write_does_not_write_through_a_link(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str], linked: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "claims.schema.json").write_text("precious", encoding="utf-8")
    root = make_registry()
    if linked == "file":
        (root / "schema" / "claims.schema.json").symlink_to(outside / "claims.schema.json")
    else:  # the whole schema/ folder, vocabulary included, is a link out of the registry
        (root / "schema" / "vocabulary.yaml").rename(outside / "vocabulary.yaml")
        (root / "schema").rmdir()
        (root / "schema").symlink_to(outside)
    assert main(["schema", "--write", "--root", str(root)]) == 1
    assert main(["schema", "--check", "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "precious" not in out + err
    assert (outside / "claims.schema.json").read_text(encoding="utf-8") == "precious"
    assert len(os.listdir(outside)) == 1 + (linked == "folder")


def test_claims_schema_check_does_not_read_a_device(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry(links={"schema/claims.schema.json": "/dev/zero"})
    assert main(["schema", "--check", "--root", str(root)]) == 1
    _, err = capsys.readouterr()
    assert "schema/claims.schema.json" in err and "outside the registry" in err


# --- nothing an editor wrote is lost ---------------------------------------------------------------------


def test_an_edit_saved_while_claims_add_writes_is_not_overwritten(make_registry: MakeRegistry) -> None:
    """The file was compared with what was read only before the new file was written and synced: an
    editor's save (or a second `claims add`) in that time was silently overwritten."""
    import subprocess
    import sys

    from checks import atomic

    from .test_add import CLAIMS, FULL, PROJECT

    root = make_registry()
    env = {**os.environ, atomic.PAUSE_ENV: "3"}  # the edit below takes milliseconds
    edit = "  # an editor's own edit, saved meanwhile\n"
    with subprocess.Popen(
        [sys.executable, "-m", "checks.cli", *FULL, "--root", str(root)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stderr is not None
            line = proc.stderr.readline()  # the temporary file is written and synced
            assert line.rstrip().endswith(".tmp written")
            with (root / CLAIMS).open("a", encoding="utf-8") as handle:
                handle.write(edit)
            saved = (root / CLAIMS).read_bytes()
            _, err = proc.communicate(timeout=60)  # the pause ends; the writer goes on to replace
        finally:
            if proc.poll() is None:
                proc.kill()
    assert (root / CLAIMS).read_bytes() == saved
    assert proc.returncode == 1 and "changed on disk" in err
    assert not [p for p in (root / "claims").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="bom"),
        pytest.param(lambda b: b.rstrip(b"\n"), id="no-final-newline"),
        pytest.param(lambda b: b.replace(b"\n", b"\r"), id="cr-only"),
        pytest.param(lambda b: b + b"# closing comment\n\n\n", id="trailing-comment-and-blank-lines"),
    ],
)
def test_claims_add_keeps_every_byte_of_an_odd_file(make_registry: MakeRegistry, content: object) -> None:
    from checks.checker import check

    from .test_add import CLAIMS, FULL

    root = make_registry()
    old = content((root / CLAIMS).read_bytes())  # type: ignore[operator]
    (root / CLAIMS).write_bytes(old)
    assert main([*FULL, "--id", "added", "--root", str(root)]) == 0
    new = (root / CLAIMS).read_bytes()
    assert new.startswith(old) and len(new) > len(old)
    result = check(root)
    assert not result.problems and {c.id for c in result.claims} == {"sample-staff-at-founding", "added"}


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param("80여명".encode().join([b"", b""]) + "é".encode("latin-1"), id="not-utf8"),
        pytest.param("x".encode("utf-16"), id="utf16"),
        pytest.param(b"claims:\n\t- id: x\n", id="tab"),
    ],
)
def test_claims_add_never_touches_a_file_it_cannot_read(make_registry: MakeRegistry, broken: bytes) -> None:
    from .test_add import CLAIMS, FULL

    root = make_registry()
    old = (root / CLAIMS).read_bytes() + broken
    (root / CLAIMS).write_bytes(old)
    main([*FULL, "--id", "added", "--root", str(root)])
    assert (root / CLAIMS).read_bytes() == old


# --- the job summary path ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_step_summary_that_is_not_a_file_never_blocks_the_check(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A FIFO with no reader blocked `claims check` forever (open for append waits for a reader)."""
    from checks.summaries import append_step_summary

    target = {"fifo": tmp_path / "fifo", "device": Path("/dev/null"), "folder": tmp_path}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    import threading

    writer = threading.Thread(
        target=append_step_summary, args=("### x\n", {"GITHUB_STEP_SUMMARY": str(target)}), daemon=True
    )
    writer.start()
    writer.join(timeout=20)
    assert not writer.is_alive(), "appending to the job summary blocked"
    _, err = capsys.readouterr()
    assert "GITHUB_STEP_SUMMARY" in err and "not written" in err or "cannot append" in err


# --- crashes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/dev/zero", "../outside.yaml", "nowhere.yaml"])
def test_diff_of_a_registry_whose_index_is_a_link_exits_1_with_the_problem(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    """A link in place of seeds/sources.yaml made `claims diff` say 'not a registry root' and exit 2
    (found by the fuzz); `claims check` refuses the link with a located problem and exits 1."""
    (tmp_path / "outside.yaml").write_text("sources: SENTINEL-SECRET\n", encoding="utf-8")
    head = make_registry(links={"seeds/sources.yaml": target})
    base = registry(tmp_path / "base")
    assert main(["diff", "--base", str(base), "--root", str(head)]) == 1
    assert main(["diff", "--base", str(head), "--root", str(base)]) == 0
    out, err = capsys.readouterr()
    assert "SENTINEL" not in out + err
    assert "The changed registry has" in out and "The base registry has" in out


def test_diff_of_a_registry_whose_seeds_folder_is_a_link_out_exits_1_with_the_problem(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A linked seeds/ folder whose target holds no sources.yaml made `claims diff` say 'not a registry
    root' and exit 2, while `claims check` of the same root refuses the folder link and exits 1."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SENTINEL-SECRET\n", encoding="utf-8")
    head = make_registry()
    for name in os.listdir(head / "seeds"):
        os.unlink(head / "seeds" / name)
    os.rmdir(head / "seeds")
    os.symlink(outside, head / "seeds")
    base = registry(tmp_path / "base")
    assert main(["diff", "--base", str(base), "--root", str(head)]) == 1
    out, err = capsys.readouterr()
    assert "The changed registry has" in out
    assert "SENTINEL" not in out + err


@pytest.mark.parametrize("argv", [[], ["--source", "sample-2024-01-02"]])
def test_find_in_a_registry_whose_article_is_a_link_out_exits_1(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """`claims find --source ID` for an article that fails its checks (here: a link leading out of the
    registry) exited 2, as if the command line were wrong; the registry is, so it is a problem (1)."""
    (tmp_path / "secret.txt").write_text("LG AI연구원 SENTINEL-SECRET\n", encoding="utf-8")
    root = make_registry(links={"seeds/sample.txt": "../../secret.txt"})
    assert main(["find", "LG AI연구원", *argv, "--root", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "sample-2024-01-02" in err and "failed its own checks" in err
    assert "SENTINEL" not in out + err


# --- homoglyph messages --------------------------------------------------------------------------------


def test_a_look_alike_skip_reason_names_the_code_points(make_registry: MakeRegistry) -> None:
    from checks.checker import check

    skips = (
        "skips:\n  - source: sample-2024-01-02\n    quote: 지난해 3분기 기준 128명으로 늘었다\n"
        "    figure: 128명\n    reason: \u0441aption\n    note: n\n"  # Cyrillic с (U+0441) for Latin c
    )
    problems = check(make_registry({"claims/skips.yaml": skips})).problems
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        ("claims/skips.yaml", 5, 13, "invalid-value")
    ]
    assert "U+0441 CYRILLIC SMALL LETTER ES" in problems[0].message
    assert "U+0063 LATIN SMALL LETTER C" in problems[0].message


def test_a_look_alike_vocabulary_key_names_the_code_points(make_registry: MakeRegistry) -> None:
    from checks.checker import check

    from .test_add import CLAIMS

    root = make_registry()
    text = (
        (root / CLAIMS)
        .read_text(encoding="utf-8")
        .replace("subject: lg-ai-research", "subject: lg-аi-research")
    )
    (root / CLAIMS).write_text(text, encoding="utf-8")  # Cyrillic а (U+0430) for Latin a
    problems = [p for p in check(root).problems if p.code == "unknown-subject"]
    assert len(problems) == 1
    assert (
        "U+0430 CYRILLIC SMALL LETTER A" in problems[0].message and "'lg-ai-research'" in problems[0].message
    )


def test_readme_states_the_context_read_around_a_quote() -> None:
    from checks.whole_figure import CONTEXT_CHARS

    from .test_add import PROJECT

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"{CONTEXT_CHARS} characters either side, to\n  the next space" in readme


# --- slowness ------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    votes=st.dictionaries(st.integers(-500, 500), st.integers(1, 64), max_size=60),
    width=st.integers(0, 120),
)
def test_near_search_band_sums_are_the_plain_sums(votes: dict[int, int], width: int) -> None:
    """`claims find` sums the votes of a band of diagonals with a sliding window (the plain sum cost
    seconds per segment on hostile text); it must give exactly the plain sums."""
    from checks.search import _band_sums

    plain = {d: sum(votes.get(d + k, 0) for k in range(-width, width + 1)) for d in votes}
    assert _band_sums(votes, width) == plain


# --- coverage: what a claim's time words claim ----------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "as_of_text", "claimed"),
    [
        ("2020-12", "'2'", False),
        ("2020-12", "'12'", False),
        ("2020", "2020년", False),
        ("2020-12", "2020년 12월", True),
    ],
)
def test_an_as_of_text_claims_only_what_it_holds_whole(
    make_registry: MakeRegistry, as_of: str, as_of_text: str, claimed: bool
) -> None:
    """An as_of_text that is a piece of a date (`2`, `2020년` of `2020년 12월`) is refused by the
    checker (time-not-in-quote), and coverage must not count the date it overlaps as claimed either:
    it did, and the launch date was then never claimed nor skipped (two layers, each tested)."""
    from checks.checker import check
    from checks.coverage import coverage

    claims = f"""claims:
  - id: t
    source: sample-2024-01-02
    quote: LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던
    subject: lg-ai-research
    property: headcount
    as_written: 80여명
    unit: person
    as_of: '{as_of}'
    as_of_text: {as_of_text}
"""
    result = check(make_registry({"claims/sample.yaml": claims}))
    assert [p.code for p in result.problems] == ([] if claimed else ["time-not-in-quote"])
    # 'LG AI연구원은 ' is ten characters: the date starts at column 11 of line 3.
    (date,) = [f for f in coverage(result).articles[0].found if (f.line, f.column) == (3, 11)]
    assert date.text == "2020년 12월"
    assert (date.status == "claimed") is claimed


def test_claims_number_error_is_inert(capsys: pytest.CaptureFixture[str]) -> None:
    """The reader's message quoted the offending characters raw: an ESC reached the terminal."""
    assert main(["number", "\x1b[31m128명\n::error::x"]) == 1
    _, err = capsys.readouterr()
    assert "\x1b" not in err and "\\x1b" in err
    assert_inert_lines(err)
