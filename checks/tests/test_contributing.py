"""CONTRIBUTING.md's transcripts are what the commands print today.

CONTRIBUTING.md promises that every transcript is real. Each `console` block is replayed here: its
`$ claims …` lines run (as `python -m checks.cli …`, standard output and error interleaved as a
terminal shows them) in a copy of the project's registry prepared as the guide's prose says, and
the output and exit status must be the block's, byte for byte. A session, opened by a marker
comment `<!-- session: NAME -->`, is one copy of the registry: its commands run in order, each on the
files the previous ones left. Two more markers tie the guide's YAML blocks to the session:
`<!-- add-to: PATH SECTION -->` (the editor's edit: the block's lines are added at the end of the
top-level mapping SECTION of PATH) and `<!-- appended: PATH -->` (the block is exactly what the
session's commands appended to PATH so far).

The registry the sessions start from is a snapshot, `checks/tests/contributing/` (the project's
seeds, claims, schema and report as they were when the guide was written), not the project's own:
an editor's pull request that adds a claim or an article changes no transcript, and need not touch
this guide. When a command's output changes on purpose (the engine reads or says something new), or
the snapshot is refreshed from the registry (`cp -r seeds claims schema reports
checks/tests/contributing/`), rewrite the transcripts with `CLAIMS_UPDATE_TRANSCRIPTS=1 pytest
checks/tests/test_contributing.py`, then read the diff of CONTRIBUTING.md as a reviewer would: the
prose around the blocks must still hold.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
GUIDE = PROJECT / "CONTRIBUTING.md"
SNAPSHOT = Path(__file__).resolve().parent / "contributing"  # the registry the guide was written on
REGISTRY_FOLDERS = ("seeds", "claims", "schema", "reports")
UPDATE = os.environ.get("CLAIMS_UPDATE_TRANSCRIPTS") == "1"
MARKER = re.compile(r"<!-- (?P<kind>session|add-to|appended): (?P<args>[^>]*?) -->")
EXIT = re.compile(r"\(exit (?P<code>\d+)\)")


@dataclass
class Command:
    """One `$ claims …` of a console block: its words, and the output lines the guide shows."""

    words: list[str]
    output: list[str]
    exit_code: int
    first: int  # 0-based line of CONTRIBUTING.md where the output starts (after the command)
    last: int  # the line of `(exit N)`


@dataclass
class Step:
    kind: str  # "console", "add-to", "appended"
    args: list[str] = field(default_factory=list)
    text: str = ""  # a YAML block's text
    commands: list[Command] = field(default_factory=list)
    line: int = 0


def parse(lines: list[str]) -> dict[str, list[Step]]:
    """The guide's sessions, each a list of steps in document order."""
    sessions: dict[str, list[Step]] = {}
    current: list[Step] | None = None
    pending: Step | None = None  # a marker waiting for its YAML block
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = MARKER.fullmatch(line.strip())
        if marker:
            args = marker["args"].split()
            if marker["kind"] == "session":
                assert args and args[0] not in sessions, (
                    f"CONTRIBUTING.md:{i + 1}: a session needs a new name"
                )
                current = sessions[args[0]] = []
            else:
                assert current is not None, f"CONTRIBUTING.md:{i + 1}: {marker['kind']} outside a session"
                pending = Step(marker["kind"], args, line=i + 1)
            i += 1
            continue
        if line.startswith("```yaml") and pending is not None:
            end = lines.index("```", i + 1)
            pending.text = "\n".join(lines[i + 1 : end]) + "\n"
            assert current is not None
            current.append(pending)
            pending = None
            i = end + 1
            continue
        if line.startswith("```console"):
            assert current is not None, f"CONTRIBUTING.md:{i + 1}: a transcript outside a session"
            end = lines.index("```", i + 1)
            current.append(Step("console", commands=commands(lines, i + 1, end), line=i + 1))
            i = end + 1
            continue
        i += 1
    return sessions


def commands(lines: list[str], start: int, end: int) -> list[Command]:
    found: list[Command] = []
    i = start
    while i < end:
        if not lines[i].strip():
            i += 1
            continue
        assert lines[i].startswith("$ claims "), f"CONTRIBUTING.md:{i + 1}: expected `$ claims …`"
        typed = lines[i][2:]
        while typed.endswith("\\"):
            i += 1
            typed = typed[:-1] + lines[i].strip()
        i += 1
        first = i
        while not EXIT.fullmatch(lines[i]):
            i += 1
            assert i < end, f"CONTRIBUTING.md:{first}: a transcript must end with `(exit N)`"
        code = EXIT.fullmatch(lines[i])
        assert code is not None
        words = shlex.split(typed)
        found.append(Command(words[1:], lines[first:i], int(code["code"]), first, i))
        i += 1
    return found


# --- the registries the sessions start from, as the guide's prose describes them -----------------------


def copy_registry(to: Path) -> Path:
    to.mkdir(parents=True)
    for folder in REGISTRY_FOLDERS:
        shutil.copytree(SNAPSHOT / folder, to / folder, ignore=shutil.ignore_patterns(".*.tmp"))
    return to


def drop_items(path: Path, keep: Callable[[str], bool]) -> None:
    """Remove the items of a registry file's top-level list (`  - ` at column 3) that `keep` refuses;
    an item runs to the next one, its comments and blank lines with it."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [n for n, line in enumerate(lines) if line.startswith("  - ")]
    assert starts, path
    kept = lines[: starts[0]]
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        item = "".join(lines[a:b])
        if keep(item):
            kept.extend(lines[a:b])
    path.write_text("".join(kept), encoding="utf-8")


def run_claims(cwd: Path, *words: str) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT))
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", *words],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout.splitlines()


def without_source(root: Path, source: str) -> None:
    """The registry before the article was onboarded: no entry, no claims file, no skips."""
    drop_items(root / "seeds" / "sources.yaml", lambda item: f"  - id: {source}\n" not in item)
    (root / "claims" / f"{source}.yaml").unlink()
    drop_items(root / "claims" / "skips.yaml", lambda item: f"  - source: {source}\n" not in item)


def without_claim(root: Path, claim_id: str) -> Path:
    source = claim_id.split(".", 1)[0]
    path = root / "claims" / f"{source}.yaml"
    drop_items(path, lambda item: f"  - id: {claim_id}\n" not in item)
    return path


def without_property(root: Path, key: str) -> None:
    path = root / "schema" / "vocabulary.yaml"
    text = path.read_text(encoding="utf-8")
    line = re.search(rf"^  {re.escape(key)}: .*\n", text, flags=re.MULTILINE)
    assert line, key
    path.write_text(text[: line.start()] + text[line.end() :], encoding="utf-8")
    assert run_claims(root, "schema", "--write")[0] == 0


def session_onboard(tmp: Path) -> Path:
    """§1: the registry without the 이투데이 article's entry, claims and skips."""
    root = copy_registry(tmp / "registry")
    without_source(root, "etoday-2023-08-28")
    return root


def session_find(tmp: Path) -> Path:
    """§2: the registry as it is."""
    return copy_registry(tmp / "registry")


def session_add(tmp: Path) -> Path:
    """§3: the registry without the claim newsway-2022-01-19.staff-2021-q3."""
    root = copy_registry(tmp / "registry")
    without_claim(root, "newsway-2022-01-19.staff-2021-q3")
    return root


def session_vocabulary(tmp: Path) -> Path:
    """The vocabulary, then the reviewer's diff: the registry without the visit's dates (the claim
    and its property), in ../base and in the working copy alike."""
    base = copy_registry(tmp / "base")
    without_claim(base, "nocutnews-2023-08-24.us-canada-visit-date")
    without_property(base, "us-canada-visit-date")
    assert run_claims(base, "report")[0] == 0
    work = tmp / "work"
    shutil.copytree(base, work)
    return work


SESSIONS: dict[str, Callable[[Path], Path]] = {
    "onboard": session_onboard,
    "find": session_find,
    "add": session_add,
    "vocabulary": session_vocabulary,
}


def add_to_section(path: Path, section: str, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"{section}:\n")
    end = next(
        (n for n in range(start + 1, len(lines)) if lines[n][:1] not in ("", " ", "\n", "#")),
        len(lines),
    )
    while lines[end - 1].strip() == "":
        end -= 1
    path.write_text("".join([*lines[:end], text, *lines[end:]]), encoding="utf-8")


GUIDE_LINES = GUIDE.read_text(encoding="utf-8").split("\n")
PARSED = parse(GUIDE_LINES)


def test_every_session_of_the_guide_is_known() -> None:
    assert sorted(PARSED) == sorted(SESSIONS)
    assert all(any(s.kind == "console" for s in steps) for steps in PARSED.values())


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_transcripts_are_what_the_commands_print(name: str, tmp_path: Path) -> None:
    root = SESSIONS[name](tmp_path)
    start = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    mismatches: list[str] = []
    replacements: list[tuple[Command, list[str], int]] = []
    for step in PARSED[name]:
        if step.kind == "add-to":
            path, section = step.args
            add_to_section(root / path, section, step.text)
        elif step.kind == "appended":
            (path,) = step.args
            before, after = start.get(root / path, b""), (root / path).read_bytes()
            assert after.startswith(before), f"{path}: bytes that were there changed"
            appended = after[len(before) :].decode("utf-8").lstrip("\n")
            if appended != step.text:
                mismatches.append(f"CONTRIBUTING.md:{step.line}: {path} got, appended:\n{appended}")
        else:
            for command in step.commands:
                code, output = run_claims(root, *command.words)
                if (code, output) != (command.exit_code, command.output):
                    replacements.append((command, output, code))
                    shown = "\n".join(output)
                    mismatches.append(
                        f"CONTRIBUTING.md:{command.first}: `claims {shlex.join(command.words)}` "
                        f"printed (exit {code}):\n{shown}"
                    )
    if UPDATE and replacements:
        rewrite(replacements)
    assert not mismatches, (
        "CONTRIBUTING.md's transcripts are out of date (rewrite them with "
        "`CLAIMS_UPDATE_TRANSCRIPTS=1 pytest checks/tests/test_contributing.py` and review the diff; a pull "
        "request that changes the registry may change what they print, and commits the rewritten guide):\n\n"
        + "\n\n".join(mismatches)
    )


_SHIFTS: list[tuple[int, int]] = []  # (a line of the guide as parsed, lines added after it by a rewrite)


def rewrite(replacements: list[tuple[Command, list[str], int]]) -> None:
    """Each command's output and exit status as printed now (the sessions' tests rewrite in turn)."""
    lines = GUIDE.read_text(encoding="utf-8").split("\n")
    for command, output, code in sorted(replacements, key=lambda r: r[0].first, reverse=True):
        shift = sum(delta for at, delta in _SHIFTS if at < command.first)
        first, last = command.first + shift, command.last + shift
        lines[first : last + 1] = [*output, f"(exit {code})"]
        _SHIFTS.append((command.first, len(output) + 1 - (command.last + 1 - command.first)))
    GUIDE.write_text("\n".join(lines), encoding="utf-8")


# --- `claims add --help`: its worked example does what the help says -----------------------------------


def help_commands() -> list[list[str]]:
    """The `claims add` command lines of `claims add --help` (continuation lines joined)."""
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", "add", "--help"], capture_output=True, text=True, check=True
    )
    lines, found = done.stdout.split("\n"), []
    for n, line in enumerate(lines):
        if line.startswith("  claims add "):
            typed = line.strip()
            while typed.endswith("\\"):
                n += 1
                typed = typed[:-1] + lines[n].strip()
            found.append(shlex.split(typed)[1:])
    return found


def test_the_help_example_does_what_the_help_says(tmp_path: Path) -> None:
    ask, write = help_commands()
    assert write[: len(ask)] == ask and "--as-written" not in ask
    # On the registry as it is: suggestions for the three figures, then the claim is refused as the
    # one the registry already holds.
    root = copy_registry(tmp_path / "registry")
    code, output = run_claims(root, *ask)
    assert code == 1
    assert [line for line in output if line.startswith(("figure ", "date "))] == [
        "figure 80여명 (person) -- already claimed by newsway-2022-01-19.staff-at-founding",
        (
            "date 지난해 3분기 (2021-Q3, counted from the publication date 2022-01-19) -- the time (as_of_text) "
            "of newsway-2022-01-19.staff-2021-q3"
        ),
        "figure 128명 (person) -- already claimed by newsway-2022-01-19.staff-2021-q3",
    ]
    assert "  --subject lg-ai-research: claim newsway-2022-01-19.staff-2021-q3 quotes this sentence" in output
    assert (
        sum(line.startswith("    claims add ") for line in output) == 2
    )  # one per figure; the date is a time
    before = (root / "claims" / "newsway-2022-01-19.yaml").read_bytes()
    code, output = run_claims(root, *write)
    assert code == 1 and "newsway-2022-01-19.staff-2021-q3" in output[-1], output
    assert (root / "claims" / "newsway-2022-01-19.yaml").read_bytes() == before
    # Without that claim, the same command writes it under the ID the help names, and it checks clean.
    path = without_claim(root, "newsway-2022-01-19.staff-2021-q3")
    code, output = run_claims(root, *write)
    assert code == 0, output
    assert "appended claim newsway-2022-01-19.headcount-2021-q3 to claims/newsway-2022-01-19.yaml:" in (
        "\n".join(output)
    )
    assert "  - id: newsway-2022-01-19.headcount-2021-q3\n" in path.read_text(encoding="utf-8")
    assert run_claims(root, "check")[0] == 0


def test_the_find_help_example_is_what_find_prints(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", "find", "--help"], capture_output=True, text=True, check=True
    )
    lines = done.stdout.split("\n")
    start = lines.index("Example:") + 2
    end = lines.index("", start)
    typed, shown = lines[start], [line[2:] for line in lines[start + 1 : end]]
    assert typed.startswith("  claims find ")
    code, output = run_claims(copy_registry(tmp_path / "registry"), *shlex.split(typed)[1:])
    assert (code, output) == (0, shown)
