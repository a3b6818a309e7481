"""The one door in and out of a registry (checks/files.py): links, special files, sizes, writes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks import cli, files
from checks.checker import check
from checks.files import MAX_FILE_BYTES, MAX_LINE_BYTES, Refusal, WriteRefused, read_bytes, walk, write_text

from .conftest import MakeRegistry

SECRET = "SECRET-TOKEN-7f3a9c"


def _codes(root: Path) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.code) for p in check(root).problems]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- reading ---------------------------------------------------------------------------------------------


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"x: 1\n")
    assert read_bytes(tmp_path, "a.yaml") == b"x: 1\n"


def test_missing_file_is_a_refusal_marked_missing(tmp_path: Path) -> None:
    refused = read_bytes(tmp_path, "none.yaml")
    assert isinstance(refused, Refusal) and refused.missing and refused.code == "file-unreadable"


@pytest.mark.parametrize(
    "target, why",
    [
        ("../outside.yaml", "leading outside the registry"),
        ("/dev/zero", "leading outside the registry"),
        ("nowhere.yaml", "to nothing"),
        ("loop.yaml", "loop of symbolic links"),
        ("sub", "a directory"),
    ],
)
def test_links_that_may_not_be_followed(tmp_path: Path, target: str, why: str) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "outside.yaml").write_text(SECRET, encoding="utf-8")
    (root / "loop.yaml").symlink_to("link.yaml")
    (root / "link.yaml").symlink_to(target)
    refused = read_bytes(root, "link.yaml")
    assert isinstance(refused, Refusal), refused
    assert refused.code == "file-refused" and why in refused.message and not refused.missing
    assert SECRET not in refused.message


def test_a_link_inside_the_root_is_followed(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "real.yaml").write_bytes(b"x: 1\n")
    (tmp_path / "link.yaml").symlink_to("notes/real.yaml")
    assert read_bytes(tmp_path, "link.yaml") == b"x: 1\n"


def test_a_root_reached_through_a_link_is_fine(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.yaml").write_bytes(b"x: 1\n")
    (tmp_path / "alias").symlink_to("real")
    assert read_bytes(tmp_path / "alias", "a.yaml") == b"x: 1\n"


# (path, what check_path says: "read" or the refusal's words), in a tree of folders and links built by
# `_tree`.
FOLDER_CASES = [
    ("claims/a.yaml", "read"),
    ("inner/a.yaml", "read"),  # inner/ is a link to claims/, inside the root
    ("outer/secret.yaml", "its folder is a symbolic link leading outside"),  # missing: outer/ leads out
    ("outer/b.yaml", "reached through a symbolic link leading outside"),
    ("claims/link.yaml", "read"),  # a file link to claims/a.yaml
    ("claims/out.yaml", "a symbolic link leading outside"),
    ("claims/../claims/a.yaml", "read"),
    ("claims/./a.yaml", "read"),
    ("inner/../claims/a.yaml", "read"),
    ("claims/none.yaml", "no such file"),
    ("claims/hidden.yaml", "hidden file or folder"),  # a link to .git/config
    ("claims", "a directory"),
]


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "claims").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.yaml").write_text(SECRET, encoding="utf-8")
    (root / "claims" / "a.yaml").write_bytes(b"x: 1\n")
    (root / "inner").symlink_to("claims")
    (root / "outer").symlink_to(tmp_path / "outside")
    (root / "claims" / "link.yaml").symlink_to("a.yaml")
    (root / "claims" / "out.yaml").symlink_to(tmp_path / "outside" / "b.yaml")
    (root / "claims" / "hidden.yaml").symlink_to("../.git/config")
    return root


@pytest.mark.parametrize(("rel", "says"), FOLDER_CASES)
def test_folders_and_links_on_the_way_to_a_file(tmp_path: Path, rel: str, says: str) -> None:
    root = _tree(tmp_path)
    got = files.check_path(root, rel)
    if says == "read":
        assert not isinstance(got, Refusal), got
        assert got[0] == os.path.realpath(root / "claims" / "a.yaml")
        assert read_bytes(root, rel) == b"x: 1\n"
    else:
        assert isinstance(got, Refusal) and says in got.message, got


def test_a_folder_made_a_link_between_two_files_of_a_run_is_not_followed_out(tmp_path: Path) -> None:
    """Each file's folders are resolved again: a claims/ folder swapped for a link leading out of the
    registry after one file was read refuses the next, never reads what lies outside."""
    root = _tree(tmp_path)
    (root / "claims" / "b.yaml").write_bytes(b"x: 2\n")
    (tmp_path / "outside" / "b.yaml").write_text(SECRET, encoding="utf-8")
    assert read_bytes(root, "claims/a.yaml") == b"x: 1\n"
    (root / "claims").rename(root / "claims.orig")
    (root / "claims").symlink_to(tmp_path / "outside")
    refused = read_bytes(root, "claims/b.yaml")
    assert isinstance(refused, Refusal) and "leading outside the registry" in refused.message
    assert SECRET not in refused.message


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    refused = read_bytes(tmp_path, "pipe.yaml")  # opening a FIFO for reading would block forever
    assert isinstance(refused, Refusal) and "FIFO" in refused.message


def test_a_hard_link_is_refused_and_never_read(tmp_path: Path) -> None:
    """A hard link in the registry is the outside file itself under a second name: a secret hard-linked
    as claims/x.yaml was read and its values echoed by schema messages."""
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret.yaml").write_text(f"claims:\n  - {SECRET}\n", encoding="utf-8")
    os.link(tmp_path / "secret.yaml", root / "x.yaml")
    refused = read_bytes(root, "x.yaml")
    assert isinstance(refused, Refusal) and refused.code == "file-refused" and "hard link" in refused.message
    assert SECRET not in refused.message
    # Once it is a file of its own again, it is read.
    (root / "x.yaml").unlink()
    (root / "x.yaml").write_bytes((tmp_path / "secret.yaml").read_bytes())
    assert isinstance(read_bytes(root, "x.yaml"), bytes)


def test_a_hard_linked_claims_file_is_a_located_problem(make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry()
    (tmp_path / "secret.yaml").write_text(f"claims:\n  - {SECRET}\n", encoding="utf-8")
    os.link(tmp_path / "secret.yaml", root / "claims" / "x.yaml")
    result = check(root)
    assert [(p.path, p.line, p.column, p.code) for p in result.problems] == [
        ("claims/x.yaml", 0, 0, "file-refused")
    ]
    assert SECRET not in "".join(p.message for p in result.problems)


def test_a_hard_linked_report_is_replaced_not_written_through(
    make_registry: MakeRegistry, tmp_path: Path
) -> None:
    """`claims report` writes a new file and renames it: the outside name of a hard-linked report keeps
    its bytes."""
    root = make_registry()
    outside = tmp_path / "outside.md"
    outside.write_text(SECRET, encoding="utf-8")
    (root / "reports" / "conflicts.md").unlink()
    os.link(outside, root / "reports" / "conflicts.md")
    assert write_text(root, "reports/conflicts.md", "# report\n") is True
    assert outside.read_text(encoding="utf-8") == SECRET
    assert (root / "reports" / "conflicts.md").read_text(encoding="utf-8") == "# report\n"


def test_a_file_swapped_between_check_and_open_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is checked, then opened: a file swapped for another in between (a link's target
    changed, a rename) is refused, not read."""
    (tmp_path / "a.yaml").write_bytes(b"x: 1\n")
    (tmp_path / "secret").write_text(SECRET, encoding="utf-8")
    checked = files.check_path

    def swap_after_check(root: Path, rel: str, tool: bool = False) -> object:
        answer = checked(root, rel, tool)
        os.replace(tmp_path / "secret", tmp_path / "a.yaml")
        return answer

    monkeypatch.setattr(files, "check_path", swap_after_check)
    refused = read_bytes(tmp_path, "a.yaml")
    assert isinstance(refused, Refusal) and refused.code == "file-refused", refused


def test_a_file_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    with open(tmp_path / "big.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    refused = read_bytes(tmp_path, "big.yaml")
    assert isinstance(refused, Refusal) and refused.code == "file-too-large"
    assert (refused.line, refused.column) == (0, 0)
    with open(tmp_path / "edge.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES)
    refused = read_bytes(tmp_path, "edge.yaml")  # at the size limit, but one line of 16 MiB
    assert isinstance(refused, Refusal) and (refused.line, refused.column) == (1, MAX_LINE_BYTES + 1)


def test_line_limit_is_exact_and_located(tmp_path: Path) -> None:
    fits = b"a\n" + b"x" * MAX_LINE_BYTES + b"\nb\n"
    (tmp_path / "fits.yaml").write_bytes(fits)
    assert read_bytes(tmp_path, "fits.yaml") == fits
    (tmp_path / "long.yaml").write_bytes(b"a\n\n" + "é".encode() * (MAX_LINE_BYTES // 2 + 1) + b"\n")
    refused = read_bytes(tmp_path, "long.yaml")
    assert isinstance(refused, Refusal) and refused.code == "file-too-large"
    # é is two bytes: the limit falls after MAX_LINE_BYTES / 2 characters.
    assert (refused.line, refused.column) == (3, MAX_LINE_BYTES // 2 + 1)


def test_walk_lists_files_and_reports_folder_links_without_following_them(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "claims" / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_text("claims: []\n")
    (root / "claims" / "a.yaml").write_text("claims: []\n")
    (root / "claims" / "sub" / "b.yml").write_text("claims: []\n")
    (root / "claims" / "sub" / "c.txt").write_text("")
    (root / "claims" / "out").symlink_to("../../elsewhere")
    (root / "claims" / "sub" / "loop").symlink_to("..")
    found, refused = walk(root, "claims", (".yaml", ".yml"))
    assert found == ["claims/a.yaml", "claims/sub/b.yml"]
    assert [r.path for r in refused] == ["claims/out", "claims/sub/loop"]


# --- nothing outside the root is read or shown ---------------------------------------------------------------


def _sentinel_registry(make_registry: MakeRegistry, tmp_path: Path) -> Path:
    """Every kind of registry file linked to a file outside the root holding a secret."""
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET}\nclaims:\n  - id: {SECRET}\n", encoding="utf-8")
    root = make_registry()
    for rel in (
        "claims/linked.yaml",
        "claims/resolutions.yaml",
        "schema/vocabulary.yaml",
        "seeds/sample.txt",
    ):
        (root / rel).unlink(missing_ok=True)
        (root / rel).symlink_to(os.path.relpath(secret, (root / rel).parent))
    return root


def test_outside_content_never_reaches_any_output(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _sentinel_registry(make_registry, tmp_path)
    for fmt in ("text", "json", "github"):
        status, out, err = _run(capsys, "check", "--root", str(root), "--format", fmt)
        assert status == 1
        assert SECRET not in out + err
    status, out, err = _run(capsys, "report", "--root", str(root))
    assert status == 1 and SECRET not in out + err
    located = {(p.path, p.code) for p in check(root).problems}
    assert {
        ("claims/linked.yaml", "file-refused"),
        ("claims/resolutions.yaml", "file-refused"),
        ("schema/vocabulary.yaml", "file-refused"),
        ("seeds/sources.yaml", "file-refused"),  # the article, where the index names it
    } <= located


def test_an_outside_article_cannot_be_pinned(make_registry: MakeRegistry, tmp_path: Path) -> None:
    outside = tmp_path / "article.txt"
    sample = make_registry() / "seeds" / "sample.txt"
    outside.write_bytes(sample.read_bytes())  # same bytes, so the pin would match
    sample.unlink()
    sample.symlink_to(outside)
    problems = {(p.path, p.line, p.column, p.code) for p in check(sample.parent.parent).problems}
    assert ("seeds/sources.yaml", 3, 11, "file-refused") in problems
    assert ("claims/sample.yaml", 3, 13, "source-unusable") in problems


# --- writing the report ------------------------------------------------------------------------------------


def test_write_text_refuses_links_and_keeps_outside_untouched(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "reports").symlink_to(outside)
    with pytest.raises(WriteRefused, match="reports is not a plain folder"):
        write_text(root, "reports/conflicts.md", "x\n")
    assert list(outside.iterdir()) == []
    (root / "reports").unlink()
    (root / "reports").mkdir()
    (outside / "target.md").write_text("keep\n")
    (root / "reports" / "conflicts.md").symlink_to(outside / "target.md")
    with pytest.raises(WriteRefused, match="is a symbolic link"):
        write_text(root, "reports/conflicts.md", "x\n")
    assert (outside / "target.md").read_text() == "keep\n"
    assert (root / "reports" / "conflicts.md").is_symlink()


def test_claims_report_refuses_a_linked_reports_folder(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "reports" / "conflicts.md").unlink()
    (root / "reports").rmdir()
    (root / "reports").symlink_to(outside)
    status, _out, err = _run(capsys, "report", "--root", str(root))
    assert status == 1 and "nothing written" in err
    assert list(outside.iterdir()) == []
    status, _out, err = _run(capsys, "report", "--root", str(root), "--check")
    assert status == 1 and "outside the registry" in err


def test_write_text_keeps_the_mode_and_skips_an_unchanged_file(tmp_path: Path) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    assert write_text(tmp_path, "reports/conflicts.md", "one\n") is True
    os.chmod(path, 0o640)
    assert write_text(tmp_path, "reports/conflicts.md", "two\n") is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "two\n"
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    assert write_text(tmp_path, "reports/conflicts.md", "two\n") is False
    assert path.stat().st_mtime_ns == before - 10**9  # not rewritten


# The report in parts (as `claims report` renders it), against what the file holds: each case is the parts
# written or compared, the file's bytes, and whether they are the same.
PARTS_CASES = [
    (["one\n", "two\n"], b"one\ntwo\n", True),
    (["one\n", "", "two\n"], b"one\ntwo\n", True),  # an empty part
    (["o", "ne\ntw", "o\n"], b"one\ntwo\n", True),  # parts cut anywhere
    (["가나", "다\n"], "가나다\n".encode(), True),  # UTF-8, parts ending between characters' bytes
    (["one\n", "two\n"], b"one\ntwo\n\n", False),  # the file goes on
    (["one\n", "two\n"], b"one\ntwo", False),  # the file ends early
    (["one\n", "two\n"], b"one\nTWO\n", False),
    (["one\n", "two\n"], b"", False),
    ([], b"", True),
    ([], b"x", False),
]


@pytest.mark.parametrize(("parts", "held", "same"), PARTS_CASES)
def test_the_report_in_parts_is_written_and_compared_as_if_whole(
    tmp_path: Path, parts: list[str], held: bytes, same: bool
) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    path.parent.mkdir()
    path.write_bytes(held)
    assert files.holds(tmp_path, "reports/conflicts.md", iter(parts)) is same
    assert files.holds(tmp_path, "reports/conflicts.md", "".join(parts).encode()) is same
    before = path.stat().st_ino
    assert write_text(tmp_path, "reports/conflicts.md", iter(parts)) is not same
    assert path.read_bytes() == "".join(parts).encode()
    assert (path.stat().st_ino == before) is same  # an unchanged file is not rewritten
    assert sorted(p.name for p in path.parent.iterdir()) == ["conflicts.md"]  # no temporary file left


def test_comparing_the_report_stops_rendering_at_the_first_difference(tmp_path: Path) -> None:
    """`claims report --check` on a stale report asks for no more of the report than differs."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "conflicts.md").write_text("# Conflicts\nold\n")
    asked = []

    def parts() -> Iterator[str]:
        for part in ["# Conflicts\n", "new\n", "more\n", "and more\n"]:
            asked.append(part)
            yield part

    assert files.holds(tmp_path, "reports/conflicts.md", parts()) is False
    assert asked == ["# Conflicts\n", "new\n"]


def test_a_report_failing_while_it_is_written_leaves_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "reports" / "conflicts.md"
    write_text(tmp_path, "reports/conflicts.md", "old report\n")

    def parts() -> Iterator[str]:
        yield "new report, first part\n" * 1000
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError, match="rendering failed"):
        write_text(tmp_path, "reports/conflicts.md", parts())
    assert path.read_text() == "old report\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["conflicts.md"]


def test_a_new_report_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path, "reports/conflicts.md", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "reports" / "conflicts.md").stat().st_mode) == 0o644


def test_an_abandoned_temporary_file_is_removed_and_a_held_one_kept(tmp_path: Path) -> None:
    """A killed writer's temporary file is removed by the next write at once (it was kept for five
    minutes); one a living writer holds is kept, however old; one created an instant ago too."""
    import fcntl

    folder = tmp_path / "reports"
    folder.mkdir()
    abandoned, held, new = (folder / f".conflicts.md.{x}.tmp" for x in ("abc", "def", "ghi"))
    for path in (abandoned, held, new):
        path.write_text("half")
    old = time.time() - files.FRESH_TEMP_SECONDS - 1
    os.utime(abandoned, (old, old))
    os.utime(held, (old - 3600, old - 3600))
    with open(held, "rb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)  # a concurrent run writing the report
        write_text(tmp_path, "reports/conflicts.md", "x\n")
    assert sorted(p.name for p in folder.iterdir()) == [
        ".conflicts.md.def.tmp",
        ".conflicts.md.ghi.tmp",
        "conflicts.md",
    ]


def test_a_report_killed_outright_leaves_nothing_after_the_next_run(make_registry: MakeRegistry) -> None:
    """`kill -9` during `claims report`: the old report stays whole, and the next run removes the
    temporary file the killed one left."""
    root = make_registry()
    reports = root / "reports"
    before = (reports / "conflicts.md").read_bytes()
    writer = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.kill()
    writer.wait(timeout=20)
    writer.stdout.close()
    [left] = [p for p in reports.iterdir() if p.name.endswith(".tmp")]
    assert (reports / "conflicts.md").read_bytes() == before
    old = time.time() - files.FRESH_TEMP_SECONDS - 1
    os.utime(left, (old, old))
    assert cli.main(["report", "--root", str(root)]) == 0
    assert [p.name for p in reports.iterdir()] == ["conflicts.md"]


_SLOW_WRITER = """
import os, sys, time
from pathlib import Path
from checks import files
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
os.fsync = slow_fsync
files.write_text(Path(sys.argv[1]), "reports/conflicts.md", "new\\n")
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_write_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "conflicts.md").write_text("old\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"  # the temporary file exists now
    assert len(list((tmp_path / "reports").iterdir())) == 2
    proc.send_signal(signum)
    proc.wait(timeout=20)
    proc.stdout.close()
    assert proc.returncode != 0
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["conflicts.md"]
    assert (tmp_path / "reports" / "conflicts.md").read_text() == "old\n"


def test_json_report_of_an_outside_link_names_only_the_path(
    make_registry: MakeRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _sentinel_registry(make_registry, tmp_path)
    _status, out, _ = _run(capsys, "check", "--root", str(root), "--format", "json")
    messages = [p["message"] for p in json.loads(out)["problems"] if p["code"] == "file-refused"]
    assert messages and all("outside the registry" in m for m in messages)


def test_a_link_to_a_hidden_file_inside_the_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"TOKEN={SECRET}\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(SECRET)
    (tmp_path / "a.yaml").symlink_to(".env")
    (tmp_path / "b.yaml").symlink_to(".git/config")
    for rel in ("a.yaml", "b.yaml"):
        refused = read_bytes(tmp_path, rel)
        assert isinstance(refused, Refusal) and "hidden" in refused.message


def test_a_file_that_is_not_a_mapping_is_not_echoed(make_registry: MakeRegistry) -> None:
    root = make_registry({"claims/notes.yaml": f"{SECRET} is the password\n"})
    [p] = [p for p in check(root).problems if p.path == "claims/notes.yaml"]
    assert (p.line, p.column, p.code) == (1, 1, "invalid-value")
    assert SECRET not in p.message and p.message == "the file holds text, not a mapping"


def test_a_seeds_folder_linked_outside_is_not_listed(make_registry: MakeRegistry, tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / f"{SECRET}.txt").write_text("x")
    root = make_registry()
    for p in (root / "seeds").iterdir():
        (outside / p.name).write_bytes(p.read_bytes())
        p.unlink()
    (root / "seeds").rmdir()
    (root / "seeds").symlink_to(outside)
    problems = check(root).problems
    assert ("seeds/sources.yaml", 0, 0, "file-refused") in [
        (p.path, p.line, p.column, p.code) for p in problems
    ]
    assert not any(SECRET in p.text() for p in problems)


def test_the_report_is_compared_whatever_its_size(
    make_registry: MakeRegistry, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report is the program's own output: at 100,000 claims it is tens of megabytes, over the
    limit on registry files, and `claims report --check` (and pytest's report test) must still say
    whether it is current, reading no more of it than the report it would write."""
    root = make_registry()
    report = root / "reports" / "conflicts.md"
    others = max(p.stat().st_size for p in root.rglob("*") if p.is_file() and p != report)
    assert others < report.stat().st_size
    monkeypatch.setattr(files, "MAX_FILE_BYTES", report.stat().st_size - 1)  # the report is over it
    assert isinstance(read_bytes(root, "reports/conflicts.md"), Refusal)
    assert files.holds(root, "reports/conflicts.md", report.read_bytes()) is True
    assert cli.main(["report", "--check", "--root", str(root)]) == 0
    report.write_bytes(report.read_bytes() + b"\n")
    assert files.holds(root, "reports/conflicts.md", report.read_bytes()[:-1]) is False
    assert cli.main(["report", "--check", "--root", str(root)]) == 1
    assert "stale" in capsys.readouterr().err


def test_a_current_report_is_not_written_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report that is current is only compared: no temporary file is even made (a read-only checkout,
    or a full disk, with a current report is no error). One that differs is written as before."""
    write_text(tmp_path, "reports/conflicts.md", "one\ntwo\n")

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", no_room)
    assert write_text(tmp_path, "reports/conflicts.md", iter(["one\n", "two\n"])) is False
    with pytest.raises(OSError, match="Read-only"):
        write_text(tmp_path, "reports/conflicts.md", iter(["one\n", "three\n"]))
    assert (tmp_path / "reports" / "conflicts.md").read_text() == "one\ntwo\n"


def test_a_report_changed_while_it_is_written_is_refused(tmp_path: Path) -> None:
    """The part of the old report that matched is copied from it, checked against what was compared:
    changed in between (here by another writer, in place), nothing is written."""
    path = tmp_path / "reports" / "conflicts.md"
    write_text(tmp_path, "reports/conflicts.md", "one\ntwo\n")

    def parts() -> Iterator[str]:
        yield "one\n"
        with open(path, "r+b") as handle:  # the same file, rewritten in place
            handle.write(b"ONE\nxyz\n")
        yield "three\n"

    with pytest.raises(WriteRefused, match="changed while it was being written"):
        write_text(tmp_path, "reports/conflicts.md", parts())
    assert path.read_bytes() == b"ONE\nxyz\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["conflicts.md"]


TERMINATED_WHILE_COMPARED = """
import signal, sys
from pathlib import Path
from checks.files import Terminated, write_text

root = Path(sys.argv[1])
write_text(root, "reports/conflicts.md", "one\\ntwo\\n")

def parts():
    yield "one\\n"
    signal.raise_signal(signal.SIGTERM)  # while the parts still match: nothing written yet
    yield "two\\n"

try:
    write_text(root, "reports/conflicts.md", parts())
except Terminated:
    print("interrupted")
"""


def test_a_termination_while_the_report_is_compared_is_the_writers_exception(tmp_path: Path) -> None:
    """The report's parts are rendered (in workers too) from the first one on, before anything differs
    from the old report: SIGTERM then is the writer's exception (the run says it was interrupted), not
    a death that leaves the workers behind."""
    done = subprocess.run(
        [sys.executable, "-c", TERMINATED_WHILE_COMPARED, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "interrupted\n", "")
    assert (tmp_path / "reports" / "conflicts.md").read_text() == "one\ntwo\n"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["conflicts.md"]
