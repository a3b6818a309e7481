"""`claims add`: suggestions, the round trip through `claims check`, bytes kept, refusals, atomicity,
and the YAML emitter's round trip through the project's own reader."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import atomic, yamlwrite
from checks.checker import check
from checks.claims import Claim
from checks.cli import main
from checks.editing import EditRefused
from checks.quantity import read_quantity
from checks.quotes import canonical
from checks.scaffold import Request, add_claim
from checks.yamlfile import read_yaml

from .conftest import MakeRegistry

CLAIMS = "claims/sample.yaml"
QUOTE = "출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 늘었다"
FULL = [
    "add", "--source", "sample-2024-01-02", "--quote", QUOTE, "--subject", "lg-ai-research",
    "--property", "headcount", "--as-written", "128명", "--unit", "person",
    "--as-of", "2023-Q3", "--as-of-text", "지난해 3분기",
]  # fmt: skip
PROJECT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "registry"


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


def clean(root: Path) -> bool:
    return not check(root).problems


# --- suggestions, then the round trip ------------------------------------------------------------------


def test_missing_fields_print_suggestions_and_a_command_that_works(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    code, out, _ = run(capsys, "add", "--source", "sample-2024-01-02", "--quote", QUOTE, "--root", str(root))
    assert code == 1
    assert files_of(root) == before  # nothing written
    assert "missing: --as-written, --unit, --subject, --property" in out
    # Both figures of the quote, read by the figure reader; the one already claimed says so.
    assert "figure 80여명 (person) -- already claimed by sample-staff-at-founding" in out
    assert "figure 128명 (person)\n" in out
    assert "  --unit person: the unit of 128명" in out
    # Subject and property from the claim already on the sentence.
    assert "  --subject lg-ai-research: claim sample-staff-at-founding quotes this sentence" in out
    assert "  --property headcount: claim sample-staff-at-founding quotes this sentence, in person" in out
    commands = [shlex.split(line)[1:] for line in out.splitlines() if line.strip().startswith("claims add ")]
    # ...and the quote's date, as a date (as `claims coverage` counts it), not the figure 3분기 (quarter):
    # 지난해 3분기 in an article of 2024-01-02 is the third quarter of 2023. Followed by 기준, it says when
    # 128명 holds: no claim of its own is proposed, it is suggested as 128명's time.
    assert "date 지난해 3분기 (2023-Q3, counted from the publication date 2024-01-02)\n" in out
    assert "  it says when a figure holds (지난해 3분기 기준): not an event's date;" in out
    assert [c[c.index("--as-written") + 1] for c in commands] == ["80여명", "128명"]
    assert "  --as-of 2023-Q3 --as-of-text 지난해 3분기: the quote says 지난해 3분기" in out
    # The quote says when 128명 holds (지난해 3분기 기준 128명): the command carries that time, so that
    # an editor who runs it as printed does not lose it. 80여명 comes before the date: not its time (it
    # carries the time of the claim already stating it).
    assert commands[1][commands[1].index("--as-of") :][:4] == [
        "--as-of",
        "2023-Q3",
        "--as-of-text",
        "지난해 3분기",
    ]
    assert commands[0][commands[0].index("--as-of") + 1] == "2020-12"
    assert "  --as-of 2023-Q3 --as-of-text 지난해 3분기: the quote says 지난해 3분기, counted from" in out
    assert "; «지난해 3분기 기준» says when 128명 holds" in out
    # Run the suggested command for 128명 as printed.
    argv = commands[1]
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert "appended claim sample-2024-01-02.headcount-2023-q3 to claims/sample.yaml:12" in out
    # The registry's other claim is of 2020-12: both form a series, and this one, alone at 2023-Q3, is
    # not listed again as a single-source figure (README, Comparison: singles shown elsewhere are not).
    assert "headcount@2023-Q3: single" not in out
    assert "  compared in lg-ai-research/headcount: change" in out
    assert clean(root)
    claim = next(c for c in check(root).claims if c.id == "sample-2024-01-02.headcount-2023-q3")
    assert (claim.as_written, claim.unit, claim.as_of, claim.quote) == ("128명", "person", "2023-Q3", QUOTE)


def test_unverifiable_quote_gets_the_checkers_message(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = QUOTE.replace("80여명", "80명")
    root = make_registry()
    before = files_of(root)
    code, out, _ = run(capsys, "add", "--source", "sample-2024-01-02", "--quote", typo, "--root", str(root))
    assert code == 1 and files_of(root) == before
    # The same claim written by hand: `claims check` says exactly the same thing.
    by_hand = make_registry(
        {
            CLAIMS: (root / CLAIMS).read_text(encoding="utf-8")
            + f"  - id: by-hand\n    source: sample-2024-01-02\n    quote: {typo}\n    subject: lg-ai-research\n"
            "    property: headcount\n    as_written: 128명\n    unit: person\n"
        }
    )
    (message,) = [p.message for p in check(by_hand).problems if p.code == "quote-not-found"]
    assert f"  error quote-not-found: {message}\n" in out


def test_unknown_source_says_did_you_mean(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    code, out, _ = run(capsys, "add", "--source", "sample-2024-01-03", "--quote", QUOTE, "--root", str(root))
    assert code == 1
    assert (
        "unknown-source: source 'sample-2024-01-03' is not in seeds/sources.yaml; did you mean 'sample-2024-01-02'?"
        in out
    )


# --- writing: bytes kept, refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "existing",
    [
        pytest.param(None, id="as-is"),
        pytest.param("# top comment\nclaims:\n  # a comment inside\n  - id: a-claim\n    source: sample-2024-01-02\n"
                     "    quote: 'LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던'\n    subject: lg-ai-research\n"
                     "    property: headcount  # a comment, kept\n    as_written: 80여명\n    unit: person\n"
                     "# trailing comment", id="no-final-newline"),
        pytest.param("claims:\r\n- id: crlf-claim\r\n  source: sample-2024-01-02\r\n  quote: 출범 당시 80여명이던 인력은\r\n"
                     "  occurrence: 1\r\n  subject: lg-ai-research\r\n  property: headcount\r\n  as_written: 80여명\r\n"
                     "  unit: person\r\n  as_of: '2020-12'\r\n  as_of_text: 출범 당시\r\n", id="crlf-zero-indent"),
        pytest.param("claims:\n  - id: block-note\n    source: sample-2024-01-02\n    quote: 출범 당시 80여명이던\n"
                     "    occurrence: 2\n    subject: lg-ai-research\n    property: headcount\n    as_written: 80여명\n"
                     "    unit: person\n    note: |+\n      kept with its trailing lines\n\n", id="keep-chomping-block"),
    ],
)  # fmt: skip
def test_existing_bytes_are_kept(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], existing: str | None
) -> None:
    files = {CLAIMS: existing} if existing is not None else {}
    root = make_registry(files)
    old = (root / CLAIMS).read_bytes()
    others = {k: v for k, v in files_of(root).items() if k != CLAIMS}
    code, out, err = run(
        capsys, *FULL, "--id", "new-claim", "--note", "a: note # with yes and 2020-12-07", "--root", str(root)
    )
    assert (code, err) == (0, ""), out
    new = (root / CLAIMS).read_bytes()
    assert new.startswith(old)  # every byte kept
    assert {k: v for k, v in files_of(root).items() if k != CLAIMS} == others  # nothing else touched
    added = new[len(old) :]
    if not old.endswith(b"\n"):
        assert added.startswith(b"\n")  # the missing final newline, then the claim
    assert new.endswith(b"\r\n" if b"\r\n" in old else b"\n")
    result = check(root)
    assert not result.problems
    parsed = read_yaml(new, CLAIMS).root
    assert parsed is not None
    items = parsed.get("claims").value
    assert items[-1].plain() == {
        "id": "new-claim", "source": "sample-2024-01-02", "quote": QUOTE, "subject": "lg-ai-research",
        "property": "headcount", "as_written": "128명", "unit": "person", "as_of": "2023-Q3",
        "as_of_text": "지난해 3분기", "note": "a: note # with yes and 2020-12-07",
    }  # fmt: skip
    assert [i.plain() for i in items[:-1]] == [
        i.plain() for i in read_yaml(old, CLAIMS).root.get("claims").value
    ]


def test_duplicate_id_is_refused_with_nothing_written(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    code, _, err = run(capsys, *FULL, "--id", "sample-staff-at-founding", "--root", str(root))
    assert code == 1
    assert "claim ID 'sample-staff-at-founding' is already used at claims/sample.yaml:2" in err
    assert files_of(root) == before


def test_identical_claim_is_refused_with_nothing_written(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    assert run(capsys, *FULL, "--root", str(root))[0] == 0
    after_first = files_of(root)
    code, _, err = run(capsys, *FULL, "--id", "another-id", "--root", str(root))
    assert code == 1
    assert "an identical claim is already in the registry: sample-2024-01-02.headcount-2023-q3" in err
    assert files_of(root) == after_first
    # The same fact from an overlapping, longer quote is the same claim too.
    longer = [a if a != QUOTE else QUOTE + "." for a in FULL]
    code, _, err = run(capsys, *longer, "--id", "third-id", "--root", str(root))
    assert code == 1 and "already states this" in err
    assert files_of(root) == after_first


def test_a_claim_that_would_make_a_problem_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    wrong_unit = [a if a != "person" else "KRW" for a in FULL]
    code, out, _ = run(capsys, *wrong_unit, "--root", str(root))
    assert code == 1
    assert "not written: the claim would make 1 problem(s)" in out
    assert "error unit-mismatch: the figure '128명' is in person, but the claim says unit 'KRW'" in out
    assert files_of(root) == before
    unknown = [a if a != "headcount" else "head-count" for a in FULL]
    code, out, _ = run(capsys, *unknown, "--root", str(root))
    assert code == 1 and "unknown-property" in out and "did you mean 'headcount'" in out
    assert files_of(root) == before


def test_proposed_ids_are_unique(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    # The registry's claim of 80여명 moved to the caption's (line 4), so that the 80여명 of line 3 is free
    # to be claimed (one figure of an article is claimed once).
    caption = (
        (BASE / CLAIMS)
        .read_text(encoding="utf-8")
        .replace(
            "LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던 인력은",
            "(사진) 출범 당시 80여명이던 연구원들이 모였다",
        )
    )
    root = make_registry({CLAIMS: caption})
    assert clean(root)
    code, out, _ = run(capsys, *FULL, "--root", str(root))
    assert code == 0 and "claim sample-2024-01-02.headcount-2023-q3 " in out
    # Another figure with the same property and time: the next free ID.
    other = [a if a != "128명" else "80여명" for a in FULL]
    code, out, _ = run(capsys, *other, "--root", str(root))
    assert code == 0 and "claim sample-2024-01-02.headcount-2023-q3-2 " in out
    # An explicit ID that is taken is refused, not renumbered.
    third = [a if a != "2023-Q3" else "2023" for a in FULL]
    third[third.index("지난해 3분기")] = "지난해"
    code, _, err = run(capsys, *third, "--id", "sample-2024-01-02.headcount-2023-q3", "--root", str(root))
    assert code == 1 and "already used" in err


def test_first_claim_of_an_article_creates_its_file(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry(remove=(CLAIMS,))
    code, _, err = run(capsys, *FULL, "--root", str(root))
    assert (code, err) == (0, "")
    path = root / "claims" / "sample-2024-01-02.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/claims.schema.json"
    assert "샘플일보" in text.splitlines()[1]  # the header names the article
    assert (path.stat().st_mode & 0o777) == 0o666 & ~_umask()
    assert clean(root)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_file_mode_is_kept(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry()
    (root / CLAIMS).chmod(0o640)
    assert run(capsys, *FULL, "--root", str(root))[0] == 0
    assert (root / CLAIMS).stat().st_mode & 0o777 == 0o640


def test_dry_run_writes_nothing(make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_registry()
    before = files_of(root)
    code, out, _ = run(capsys, *FULL, "--dry-run", "--root", str(root))
    assert code == 0 and "would append claim" in out and "  - id: sample-2024-01-02.headcount-2023-q3" in out
    assert files_of(root) == before


# --- atomicity -----------------------------------------------------------------------------------------


def test_a_failed_replace_leaves_the_old_file_and_no_temporary(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_registry()
    before = files_of(root)

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken)
    request = Request(
        "sample-2024-01-02",
        QUOTE,
        subject="lg-ai-research",
        property="headcount",
        as_written="128명",
        unit="person",
    )
    with pytest.raises(OSError):
        add_claim(root, request)
    assert files_of(root) == before


def test_a_file_changed_meanwhile_is_not_overwritten(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_registry()
    from checks import editing

    real_check = editing.check_as_if

    def meanwhile(root_: Path, planned: object) -> object:
        result = real_check(root_, planned)
        with (root / CLAIMS).open("a", encoding="utf-8") as f:
            f.write("# another editor's line\n")
        return result

    monkeypatch.setattr("checks.scaffold.check_as_if", meanwhile)
    request = Request(
        "sample-2024-01-02",
        QUOTE,
        subject="lg-ai-research",
        property="headcount",
        as_written="128명",
        unit="person",
    )
    with pytest.raises(EditRefused, match="changed on disk"):
        add_claim(root, request)
    assert (root / CLAIMS).read_text(encoding="utf-8").endswith("# another editor's line\n")


def test_killed_during_the_write_leaves_the_old_file(make_registry: MakeRegistry) -> None:
    root = make_registry()
    before = files_of(root)
    env = {**os.environ, atomic.PAUSE_ENV: "60"}
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
            line = proc.stderr.readline()  # blocks until the temporary file is written and synced
            assert line.startswith(f"{atomic.PAUSE_ENV}: ") and line.rstrip().endswith(".tmp written")
            temporary = Path(line.split(": ", 1)[1].rsplit(" ", 1)[0])
            assert temporary.parent == root / "claims" and temporary.read_bytes().startswith(before[CLAIMS])
            proc.send_signal(signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = files_of(root)
    # The claims file is the old one, byte for byte; the only trace is the temporary file, which
    # the checker ignores (its name starts with a dot and ends in .tmp).
    leftovers = set(after) - set(before)
    assert leftovers == {temporary.relative_to(root).as_posix()}
    assert {k: v for k, v in after.items() if k not in leftovers} == before
    assert clean(root)


# --- --help --------------------------------------------------------------------------------------------


def test_help_shows_a_worked_example_from_the_articles(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out = capsys.readouterr().out
    assert "Worked example" in out
    example = "실제로 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로"
    assert example in out
    article = (PROJECT / "seeds" / "001_2c315aae7f92fa59.txt").read_bytes()
    assert hashlib.sha256(article).hexdigest().startswith("c1c3558292f2")  # the pinned article
    assert example.encode() in article  # a real sentence, as printed


# --- the YAML emitter: any text reads back as itself -----------------------------------------------------

TRICKY = [
    "", " ", "yes", "No", "on", "OFF", "y", "null", "~", "true", "2020-12-07", "2020-12", "1:20", "0x1F",
    "0o17", "017", "1_000", "1e3", ".5", "-.inf", ".NaN", "12", "-3", "+7", "a: b", "a #b", "#x", "- x",
    "? x", "!tag", "&anchor", "*alias", "|", ">", "'quoted'", '"dq"', "%x", "@x", "`x`", "tab\there",
    "line\nbreak", "trailing ", " leading", "\u2028", "\x85", "\ufeff", "\x00", "\x1b[31m", "=", "<<",
    "...", "---", "[a]", "{a: b}", "a,b", "‘상위 1%’", "3000억원 이상", "LG AI연구원", "\ud7ff", "\U0001F600",
    "e\u0301",  # not NFC: kept as given
]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back_as_themselves(text: str) -> None:
    form = yamlwrite.scalar(text)
    parsed = read_yaml(f"k: {form}\n", "t.yaml")
    assert parsed.problems == []
    assert parsed.root is not None and parsed.root.get("k").value == text


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_any_text_reads_back_as_itself(text: str) -> None:
    form = yamlwrite.scalar(text)
    assert "\n" not in form  # one line per value
    parsed = read_yaml(f"k: {form}\n", "t.yaml")
    assert parsed.problems == []
    assert parsed.root is not None and parsed.root.get("k").value == text


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "quote", "note", "as_written", "x"]), st.text(max_size=20), min_size=1
    )
)
def test_any_item_reads_back_as_itself(fields: dict[str, str]) -> None:
    text = "claims:\n" + yamlwrite.list_item(fields, 2, 4)
    parsed = read_yaml(text, "t.yaml")
    assert parsed.problems == []
    assert parsed.root is not None and parsed.root.get("claims").value[0].plain() == fields


def test_integers_are_written_plain() -> None:
    assert yamlwrite.scalar(3) == "3"
    with pytest.raises(TypeError):
        yamlwrite.scalar(True)  # type: ignore[arg-type]


def test_a_quote_pasted_across_lines_is_written_canonical(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    pasted = [a if a != QUOTE else QUOTE.replace(" 지난해 ", "\n  지난해\u00a0") for a in FULL]
    assert run(capsys, *pasted, "--root", str(root))[0] == 0
    claim = next(c for c in check(root).claims if c.id.startswith("sample-2024-01-02."))
    assert claim.quote == QUOTE
    assert (root / CLAIMS).read_text(encoding="utf-8").splitlines()[-7] == f"    quote: {QUOTE}"  # one line


def test_a_linked_claims_file_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_registry()
    target = tmp_path / "elsewhere.yaml"
    target.write_bytes((root / CLAIMS).read_bytes())
    (root / CLAIMS).unlink()
    link = root / "claims" / "sample-2024-01-02.yaml"  # where the article's claims would go
    link.symlink_to(target)
    before = target.read_bytes()
    code, _, err = run(capsys, *FULL, "--root", str(root))
    assert code == 1 and "claims/sample-2024-01-02.yaml is a symbolic link" in err
    assert target.read_bytes() == before and link.is_symlink()


def test_a_quote_too_long_to_search_is_refused_with_the_schemas_reason(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    code, out, _ = run(
        capsys, "add", "--source", "sample-2024-01-02", "--quote", "가" * 2001, "--root", str(root)
    )
    assert code == 1 and files_of(root) == before
    assert "the quote cannot be verified" in out and "maxLength 2000" in out


def test_an_unreadable_figure_is_refused(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    code, out, _ = run(
        capsys,
        "add",
        "--source",
        "sample-2024-01-02",
        "--quote",
        QUOTE,
        "--as-written",
        "여명",
        "--root",
        str(root),
    )
    assert code == 1 and "cannot read --as-written '여명' as a figure" in out


def test_a_repeated_quote_needs_its_occurrence(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    repeated = [
        "add",
        "--source",
        "sample-2024-01-02",
        "--quote",
        "출범 당시 80여명이던",
        "--root",
        str(root),
    ]
    code, out, _ = run(capsys, *repeated)
    assert (
        code == 1
        and "quote-ambiguous: the quote occurs 2 times in seeds/sample.txt (1: line 3, 2: line 4)" in out
    )
    code, out, _ = run(capsys, *repeated, "--occurrence", "2")
    assert code == 1 and files_of(root) == before
    assert "quote verified: sample-2024-01-02, seeds/sample.txt:4:" in out
    assert "sentence: (사진) 출범 당시 80여명이던 연구원들이 모였다." in out
    code, _, err = run(capsys, *repeated, "--occurrence", "0")
    assert code == 2 and "--occurrence counts from 1" in err


def test_as_of_and_its_words_go_together(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    before = files_of(root)
    code, _, err = run(capsys, *FULL[:-2], "--root", str(root))  # --as-of without --as-of-text
    assert code == 1 and "--as-of and --as-of-text go together" in err
    assert files_of(root) == before


def test_the_written_claim_says_how_its_figure_was_read(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # The editor confirms the reading before committing: 128명 is exactly 128 people.
    root = make_registry()
    code, out, err = run(capsys, *FULL, "--root", str(root))
    assert (code, err) == (0, "")
    assert "  read as: 128 person, bounds [128, 128]\n" in out


def test_a_written_date_claim_says_which_days_it_names(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # `2020년 12월` names the month of December 2020 (checks/tests/registry/seeds/sample.txt, line 3).
    root = make_registry()
    quote = "LG AI연구원은 2020년 12월 출범했다"
    launch = ["add", "--source", "sample-2024-01-02", "--quote", quote, "--subject", "lg-ai-research"]
    launch += [
        "--property",
        "launch-date",
        "--as-written",
        "2020년 12월",
        "--unit",
        "date",
        "--root",
        str(root),
    ]
    code, out, err = run(capsys, *launch)
    assert (code, err) == (0, ""), out
    assert "  read as: 2020-12 (month)\n" in out


def test_the_times_the_quote_states_are_suggested_as_the_check_reads_them(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # The sample article is of 2024-01-02: its `지난해 3분기` is the third quarter of 2023, and
    # `2020년 12월` (line 3) is December 2020. Each is offered with the quote's words for it.
    root = make_registry()
    code, out, _ = run(capsys, "add", "--source", "sample-2024-01-02", "--quote", QUOTE, "--root", str(root))
    assert code == 1
    assert (
        "  --as-of 2023-Q3 --as-of-text 지난해 3분기: the quote says 지난해 3분기, counted from the "
        "publication date 2024-01-02\n"
    ) in out
    quote = "LG AI연구원은 2020년 12월 출범했다. 출범 당시 80여명이던"
    code, out, _ = run(capsys, "add", "--source", "sample-2024-01-02", "--quote", quote, "--root", str(root))
    assert "  --as-of 2020-12 --as-of-text 2020년 12월: the quote says 2020년 12월\n" in out
    # The suggestion is what `claims check` accepts: written with it, the claim checks clean.
    argv = [*FULL[:-4], "--as-of", "2023-Q3", "--as-of-text", "지난해 3분기", "--id", "with-suggested-time"]
    code, _, err = run(capsys, *argv, "--root", str(root))
    assert (code, err) == (0, "")
    assert clean(root)


def test_the_suggested_command_is_inert_on_the_terminal_and_runs_as_the_same_words(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    # A note with a bidi override and a quotation mark: printed raw, U+202E would make the command
    # read backwards on the terminal; escaped as text, the copied command would write other words.
    root = make_registry()
    note = "출처 확인\u202e 필요 'x'"
    code, out, _ = run(
        capsys, "add", "--source", "sample-2024-01-02", "--quote", QUOTE, "--note", note, "--root", str(root)
    )
    assert code == 1
    assert "\u202e" not in out
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith("claims add ") and "128명" in x)
    echo = f"{sys.executable} -c 'import json, sys; print(json.dumps(sys.argv[1:]))' {line.removeprefix('claims ')}"
    argv = json.loads(subprocess.run(["bash", "-c", echo], capture_output=True, text=True, check=True).stdout)
    assert argv[argv.index("--note") + 1] == note
    assert argv[argv.index("--quote") + 1] == QUOTE


def test_a_source_id_too_long_for_a_file_name_is_refused_not_a_crash(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    code, _, err = run(capsys, "add", "--source", "a" * 300, "--quote", QUOTE, "--root", str(root))
    assert code == 1
    assert "internal error" not in err and "not a file name that can be opened" in err


def test_an_occurrence_the_registry_cannot_hold_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    # More than 18 digits: the registry's reader refuses such an integer (number-too-large).
    code, _, err = run(capsys, *FULL, "--occurrence", "9" * 30)
    assert (code, err) == (2, "claims add: --occurrence has at most 18 digits; no quote occurs that often\n")


def test_a_refusal_echoing_an_option_is_inert(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *FULL, "--id", "\x1b[2Jx\u202e")
    assert code == 1
    assert err.startswith("claims add: --id '\\x1b[2Jx\\u202e' is not in the ID form")


def test_a_figure_that_cannot_be_read_is_echoed_inert(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    argv = [
        "add",
        "--source",
        "sample-2024-01-02",
        "--quote",
        QUOTE,
        "--as-written",
        "\x1b[2J",
        "--root",
        str(root),
    ]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    assert "\x1b" not in out and "--as-written '\\x1b[2J'" in out


ITEM = (
    "  - id: a\n    source: sample-2024-01-02\n    quote: 출범 당시 80여명이던 인력은\n    subject: lg-ai-research\n"
    "    property: headcount\n    as_written: 80여명\n    unit: person\n    as_of: '2020-12'\n    as_of_text: 출범 당시\n"
)


@pytest.mark.parametrize(
    ("existing", "why"),
    [
        pytest.param("claims:\n" + ITEM + "...\n", "does the file end its document with `...`", id="document-end"),
        pytest.param("claims:\n" + ITEM + "    note: >\n      folded\n      text",
                     "a block scalar, `|` or `>`, at the end of the file without its final line break", id="folded-last"),
        pytest.param("claims:\n" + ITEM + "extra: 1\n", "`claims` must be the file's last key", id="not-last-key"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_take_an_item_at_its_end_is_refused_saying_why(
    make_registry: MakeRegistry, capsys: pytest.CaptureFixture[str], existing: str, why: str
) -> None:
    """Appending after the last byte would change what the file holds, or not add to its list: refused,
    with the likely cause, and nothing written."""
    root = make_registry({CLAIMS: existing})
    before = files_of(root)
    code, _, err = run(capsys, *FULL, "--id", "new-claim", "--root", str(root))
    assert code == 1
    assert err.startswith(f"claims add: cannot append safely to {CLAIMS}: ") and why in err, err
    assert files_of(root) == before


# --- the suggestions, against every claim the editors wrote by hand ---------------------------------------

PROJECT_RESULT = check(PROJECT)


@pytest.mark.parametrize("claim", PROJECT_RESULT.claims, ids=lambda c: c.id)
def test_each_claim_of_the_registry_is_among_the_suggestions_for_its_quote(claim: Claim) -> None:
    """Asked with only its source and quote, `claims add` offers the claim's own figure or date, in its
    unit (a date as a date: `2017년` of `2017년 설립` is no count of years), with a property and subject
    the claim uses among the suggestions where the vocabulary or the sentence's other claims give any."""
    outcome = add_claim(PROJECT, Request(claim.source, claim.quote, occurrence=claim.occurrence))
    assert outcome.status == "incomplete", outcome.message
    written = canonical(claim.as_written)
    read = None if claim.unit == "date" else read_quantity(written)
    offered = [
        o
        for o in outcome.options
        if o.quantity.unit == claim.unit
        and (
            o.quantity.text == written
            # Words that change nothing may be left out (총 3조6000억원 → 3조6000억원, 나흘 동안 → 나흘).
            or (read is not None and written in o.quantity.text and o.quantity.value == read.value)
        )
    ]
    assert offered, [(o.quantity.text, o.quantity.unit) for o in outcome.options]
    (option,) = offered
    assert option.unit is not None and option.unit.value == claim.unit
    assert claim.id in option.claimed_by  # the claim is on the sentence: "already claimed by" it
    assert claim.subject in [s.value for s in option.subjects]
    if claim.unit == "date":
        assert option.times == []  # an event's date is its own time
    elif claim.as_of is not None and claim.as_of_text is not None:
        assert (claim.as_of, canonical(claim.as_of_text)) in [t[:2] for t in option.times]
