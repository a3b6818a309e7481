"""The cache in .claims_cache/ can never give a stale answer (issue 11).

Each test fills the cache, changes one thing the results depend on, and requires the warm run to give
exactly what a run without the cache gives, and (where the change matters) something other than
before. Corrupt, foreign and planted entries are ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from checks import cache
from checks.cache import CACHE_DIR, Cache, program_key
from checks.checker import CheckResult, check

from .conftest import BASE_REGISTRY, MakeRegistry

BASE_CLAIMS = BASE_REGISTRY / "claims" / "sample.yaml"

Seen = list[tuple[str, int, int, str, str]]


def seen(result: CheckResult) -> Seen:
    return [(p.path, p.line, p.column, p.code, p.message) for p in result.problems]


def warm_equals_cold(root: Path) -> Seen:
    """Check with the cache (after filling it) and without; both must agree. Returns the problems."""
    cold = seen(check(root, use_cache=False))
    warm = seen(check(root))
    assert warm == cold
    return warm


def entries(root: Path) -> list[Path]:
    """The cache's file: the pack (checks.cache.Cache)."""
    return sorted(p for p in (root / CACHE_DIR).rglob("pack"))


def pack_keys(root: Path) -> set[str]:
    return set(Cache(root)._read()[0])


@pytest.fixture
def root(make_registry: MakeRegistry) -> Path:
    root = make_registry()
    first = check(root)
    assert first.problems == [] or not first.failed
    assert entries(root), "the first run fills the cache"
    second = check(root)
    assert second.cache_hits == 1  # claims/sample.yaml, the one claims file
    return root


def claims_file(root: Path) -> Path:
    return root / "claims" / "sample.yaml"


def repin(root: Path) -> None:
    """Pin the sample article's new bytes in the index, as an editor onboarding a new version would."""
    article = root / "seeds" / "sample.txt"
    index = root / "seeds" / "sources.yaml"
    new_sha = hashlib.sha256(article.read_bytes()).hexdigest()
    index.write_text(
        re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {new_sha}", index.read_text(encoding="utf-8")),
        encoding="utf-8",
    )


def test_a_warm_run_reads_the_cache_and_agrees(root: Path) -> None:
    result = check(root)
    assert result.cache_hits >= 1
    assert seen(result) == seen(check(root, use_cache=False))


def test_claims_file_changed(root: Path) -> None:
    path = claims_file(root)
    path.write_text(
        path.read_text(encoding="utf-8").replace("unit: person", "unit: KRW", 1), encoding="utf-8"
    )
    assert "unit-mismatch" in {code for _, _, _, code, _ in warm_equals_cold(root)}


def test_one_article_byte_changed(root: Path) -> None:
    article = root / "seeds" / "sample.txt"
    data = bytearray(article.read_bytes())
    data[-2] = ord("!") if data[-2] != ord("!") else ord("?")
    article.write_bytes(bytes(data))
    codes = {code for _, _, _, code, _ in warm_equals_cold(root)}
    assert {"source-changed", "source-unusable"} <= codes


def test_article_changed_and_repinned(root: Path) -> None:
    """The index changes with the article: the claims file's entry must not be used."""
    article = root / "seeds" / "sample.txt"
    text = article.read_text(encoding="utf-8")
    quote_word = "출범했다"
    assert quote_word in text
    article.write_text(text.replace(quote_word, "출발했다"), encoding="utf-8")
    repin(root)
    assert "quote-not-found" in {code for _, _, _, code, _ in warm_equals_cold(root)}


def test_sources_index_changed(root: Path) -> None:
    index = root / "seeds" / "sources.yaml"
    text = index.read_text(encoding="utf-8")
    changed = text.replace("id: sample-2024-01-02", "id: sample-2024-01-03", 1)
    assert changed != text
    index.write_text(changed, encoding="utf-8")
    assert "unknown-source" in {code for _, _, _, code, _ in warm_equals_cold(root)}


def test_vocabulary_changed(root: Path) -> None:
    vocabulary = root / "schema" / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^  person: .*\n", "", text)
    assert changed != text
    vocabulary.write_text(changed, encoding="utf-8")
    assert "unknown-unit" in {code for _, _, _, code, _ in warm_equals_cold(root)}


def test_resolutions_changed(root: Path) -> None:
    (root / "claims" / "resolutions.yaml").write_text(
        "resolutions:\n  - group: lg-ai-research/headcount@2020\n    status: open\n    note: checking\n",
        encoding="utf-8",
    )
    assert "resolution-stale" in {code for _, _, _, code, _ in warm_equals_cold(root)}


def test_program_changed(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program (a module, a schema or a library version) gives other keys: nothing is reused."""
    monkeypatch.setattr(cache, "program_key", lambda: "another program")
    monkeypatch.setattr("checks.checker.program_key", lambda: "another program")
    result = check(root)
    assert result.cache_hits == 0
    assert seen(result) == seen(check(root, use_cache=False))


def test_program_key_covers_every_module_and_schema(tmp_path: Path) -> None:
    """The key is computed over every module of the package and every schema: one byte changes it."""
    package = Path(cache.__file__).parent
    inputs = [p for p in package.rglob("*.py") if "tests" not in p.relative_to(package).parts]
    schema_dir = Path(cache.__file__).parent.parent / "schema"
    assert Path(cache.__file__) in inputs and (package / "checker.py") in inputs
    before = program_key()
    copy = tmp_path / "checks"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    assert cache.package_key(copy, schema_dir) == before
    (copy / "quotes.py").write_bytes((copy / "quotes.py").read_bytes() + b"\n")
    assert cache.package_key(copy, schema_dir) != before
    schemas = tmp_path / "schema"
    shutil.copytree(schema_dir, schemas)
    (schemas / "claims.schema.json").write_bytes((schemas / "claims.schema.json").read_bytes() + b" ")
    assert cache.package_key(package, schemas) != before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:70] + bytes([data[70] ^ 1]) + data[71:],
        lambda data: b"0" * 64 + b"\n" + data[65:],
        lambda data: b"not a cache entry at all",
    ],
    ids=["empty", "truncated", "one-bit", "forged-signature", "garbage"],
)
def test_a_damaged_entry_is_ignored(root: Path, damage: object) -> None:
    for entry in entries(root):
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    result = check(root)
    assert result.cache_hits == 0
    assert seen(result) == seen(check(root, use_cache=False))


def test_an_entry_signed_elsewhere_is_ignored(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .claims_cache/ that comes with a registry (another machine's key) is not trusted."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    result = check(root)
    assert result.cache_hits == 0


def test_a_planted_passing_entry_cannot_hide_a_problem(root: Path) -> None:
    """Swap the entry of a clean file for the file's broken version: the key is the content, so the
    broken file gets its own (missing) entry and is checked."""
    path = claims_file(root)
    path.write_text(
        path.read_text(encoding="utf-8").replace("unit: person", "unit: KRW", 1), encoding="utf-8"
    )
    # Even signed with this machine's own key, a pack whose every entry is the clean file's result
    # does not speak for the broken file: its bytes are another key.
    store = Cache(root)
    keys = list(pack_keys(root))
    assert store.get(keys[0]) is not None and store.get(keys[1]) is not None
    clean = next(body for body in store._kept.values() if b"sample-staff-at-founding" in bytes(body))
    for key in keys:
        store.put(key, marshal.loads(clean))
    store.save()
    fresh = Cache(root)
    assert all(fresh.get(key) == marshal.loads(clean) for key in keys)  # signed, and read back
    assert "unit-mismatch" in {code for _, _, _, code, _ in seen(check(root))}


def test_a_warm_run_that_stores_nothing_writes_nothing(root: Path) -> None:
    (pack_path,) = entries(root)
    before = pack_path.stat()
    assert check(root).cache_hits == 1
    after = pack_path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_pack_keeps_the_entries_of_this_run_only(root: Path) -> None:
    """Entries of files that changed or are gone are not carried from pack to pack."""
    old_keys = pack_keys(root)
    claims_file(root).write_bytes(claims_file(root).read_bytes() + b"# changed\n")
    warm_equals_cold(root)
    new_keys = pack_keys(root)
    # The claims file's old entry is gone, its new one is in; the article's entry is kept (its key:
    # the article, its skips and its placed claims, which the comment does not change).
    assert len(old_keys - new_keys) == 1 and len(new_keys - old_keys) == 1
    assert len(new_keys) == len(old_keys) == 2


def test_a_signing_key_inside_the_registry_is_never_used(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With XDG_CACHE_HOME inside the checkout (a CI job caching its tools in the workspace), the key
    that signs the entries would be a file of the pull request: one it commits, with entries it signed,
    would pass its broken files. The cache is off instead, and no key is written there."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / ".cache"))
    key = root / ".cache" / "claims-registry" / "cache-key"
    assert not Cache(root).enabled and not key.exists()
    key.parent.mkdir(parents=True)
    key.write_bytes(b"k" * 32)
    key.chmod(0o600)
    assert not Cache(root).enabled


@pytest.mark.parametrize("planted", ["fifo", "device", "shared", "short"])
def test_a_signing_key_that_is_no_private_file_is_never_read(
    planted: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO or a link to /dev/zero at the key's path hung every run (read to the end); a key others
    may read or write is no secret of this user's."""
    from checks.cache import _secret

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = tmp_path / "claims-registry" / "cache-key"
    key.parent.mkdir()
    if planted == "fifo":
        os.mkfifo(key)
    elif planted == "device":
        os.symlink("/dev/zero", key)
    else:
        key.write_bytes(b"k" * (32 if planted == "shared" else 8))
        key.chmod(0o644 if planted == "shared" else 0o600)

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("the key was waited for")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        assert _secret() is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_linked_cache_folder_turns_the_cache_off(make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / CACHE_DIR)
    check(root)
    assert list(elsewhere.rglob("*")) == []
    assert not Cache(root).enabled


def test_a_fifo_in_an_entrys_place_is_not_waited_for(root: Path) -> None:
    """The key of an entry is computable from the registry and the program; a FIFO planted at its
    path blocked the reading run forever (open without O_NONBLOCK). It is now a miss."""
    for entry in entries(root):
        entry.unlink()
        os.mkfifo(entry)

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("the run waited on the FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a hang fails the test, never the suite
    try:
        result = check(root)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.cache_hits == 0
    assert seen(result) == seen(check(root, use_cache=False))


def test_a_linked_entry_folder_is_not_read_through(root: Path, tmp_path: Path) -> None:
    """`.claims_cache/v1/ab` committed as a link: only the two top folders were checked for links, and
    entries were read through the linked third one, wherever it led."""
    elsewhere = tmp_path / "elsewhere"
    for entry in entries(root):
        folder = entry.parent
        shutil.copytree(folder, elsewhere / folder.name)
        shutil.rmtree(folder)
        os.symlink(elsewhere / folder.name, folder)
    result = check(root)
    assert result.cache_hits == 0


def test_no_cache_writes_nothing(make_registry: MakeRegistry) -> None:
    root = make_registry()
    check(root, use_cache=False)
    assert not (root / CACHE_DIR).exists()


def test_deleting_the_cache_is_safe(root: Path) -> None:
    shutil.rmtree(root / CACHE_DIR)
    assert seen(check(root)) == seen(check(root, use_cache=False))
    assert entries(root)


def test_a_warm_run_gives_the_same_readings_and_report_as_a_cold_one(tmp_path: Path) -> None:
    """Not only the problems: every figure, event date and quote place a claim gets (and so the
    report) must come back from the cache exactly. A cache that dropped the dates of `unit: date`
    claims would check clean and silently leave those claims out of the comparison."""
    from checks.report import markdown

    project = Path(__file__).resolve().parents[2]
    root = tmp_path / "project"
    for folder in ("seeds", "claims", "schema", "reports"):
        shutil.copytree(project / folder, root / folder)
    cold = check(root, use_cache=False)
    check(root)  # fills the cache
    warm = check(root)
    assert warm.cache_hits == len({c.path for c in cold.claims})
    assert cold.dates, "the project's registry has event-date claims"
    assert warm.dates == cold.dates
    assert warm.quantities == cold.quantities
    assert warm.places == cold.places
    assert markdown(warm) == markdown(cold)


def test_the_cache_leaves_git_nothing_to_track(make_registry: MakeRegistry) -> None:
    """Another repository running our pre-commit hook may not ignore .claims_cache/: the folder
    ignores itself (like ruff's and mypy's caches), so a check leaves no untracked file."""
    root = make_registry()
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")

    def untracked() -> str:
        done = subprocess.run(
            [git, "status", "--porcelain", "--untracked-files=all"],
            cwd=root, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return done.stdout

    subprocess.run([git, "init", "-q"], cwd=root, check=True)
    subprocess.run([git, "add", "-A"], cwd=root, check=True)
    assert untracked().count("A  ") > 0 and "??" not in untracked()
    check(root)
    assert entries(root)
    assert "??" not in untracked()
    ignore = root / CACHE_DIR / ".gitignore"
    assert ignore.read_bytes().endswith(b"\n*\n")
    # An editor's own .gitignore there is kept as it is.
    ignore.write_bytes(b"# mine\n*\n")
    shutil.rmtree(root / CACHE_DIR / f"v{cache.FORMAT}")
    check(root)
    assert entries(root) and ignore.read_bytes() == b"# mine\n*\n"


# --- the sources' own checks (evidence, skips): cached per source, only when they pass -----------------

SKIPS = (
    "skips:\n"
    "  - source: sample-2024-01-02\n    quote: 입력 2024.01.02\n    figure: 2024.01.02\n"
    "    reason: page-furniture\n    note: the dateline\n"
    "  - source: sample-2024-01-02\n    quote: 지난해 3분기 기준 128명으로 늘었다\n    figure: 128명\n"
    "    reason: other-subject\n    note: for the test\n"
)


@pytest.fixture
def skipped(make_registry: MakeRegistry) -> Path:
    root = make_registry({"claims/skips.yaml": SKIPS})
    assert seen(check(root)) == []
    again = check(root)
    assert again.source_cache_hits == 1 and again.skip_places == check(root, use_cache=False).skip_places
    return root


def test_a_claim_of_a_skipped_figure_makes_the_skip_stale_when_warm(skipped: Path) -> None:
    path = claims_file(skipped)
    path.write_text(
        path.read_text(encoding="utf-8") + "  - id: sample-staff-2023-q3\n    source: sample-2024-01-02\n"
        "    quote: 지난해 3분기 기준 128명으로 늘었다\n    subject: lg-ai-research\n    property: headcount\n"
        "    as_written: 128명\n    unit: person\n    as_of: 2023-Q3\n    as_of_text: 지난해 3분기\n",
        encoding="utf-8",
    )
    assert "skip-stale" in {code for _, _, _, code, _ in warm_equals_cold(skipped)}


def test_a_changed_skip_is_checked_again(skipped: Path) -> None:
    path = skipped / "claims" / "skips.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("figure: 128명", "figure: 28명"), encoding="utf-8"
    )
    assert "figure-not-in-quote" in {code for _, _, _, code, _ in warm_equals_cold(skipped)}


def test_a_moved_duplicate_skip_is_located_where_it_now_is(skipped: Path) -> None:
    path = skipped / "claims" / "skips.yaml"
    text = path.read_text(encoding="utf-8")
    first = text[text.index("  - source") : text.index("  - source", 10)]
    path.write_text("# moved down a line\n" + text + first, encoding="utf-8")
    found = warm_equals_cold(skipped)
    # The comment (line 1), `skips:` (2), two skips of five lines (3-12): the copy starts at line 13.
    assert [(line, code) for _, line, _, code, _ in found] == [(13, "skip-duplicate")]


def test_the_article_changed_and_repinned_checks_its_skips_again(skipped: Path) -> None:
    article = skipped / "seeds" / "sample.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("입력 2024.01.02", "입력 2024.01.03"), encoding="utf-8"
    )
    repin(skipped)
    assert "quote-not-found" in {code for _, _, _, code, _ in warm_equals_cold(skipped)}


def test_a_pack_left_half_written_by_a_killed_run_is_removed(root: Path) -> None:
    """A run killed while writing the pack leaves `.pack.*.tmp` (SIGKILL cannot be caught); the next
    run that writes one removes it, as the registry's writers do theirs (checks.files)."""
    (pack_path,) = entries(root)
    litter = pack_path.parent / ".pack.killed.tmp"
    litter.write_bytes(b"half a pack")
    past = time.time() - 60  # not one a living writer has just made
    os.utime(litter, (past, past))
    claims_file(root).write_bytes(claims_file(root).read_bytes() + b"# changed\n")
    warm_equals_cold(root)
    assert not litter.exists()
    assert entries(root) == [pack_path]


def test_two_claims_files_of_the_same_bytes_keep_their_own_paths(make_registry: MakeRegistry) -> None:
    """An entry's problems name its file: two files of the same bytes (a claims file copied under
    another name) shared one entry, and a warm run reported the first file's problems at the second's
    path, twice, and none at its own (pytest then passed the first file)."""
    broken = (BASE_CLAIMS.read_text(encoding="utf-8")).replace("unit: person", "unit: KRW", 1)
    root = make_registry({"claims/sample.yaml": broken, "claims/copy.yaml": broken})
    check(root)  # fills the cache
    found = warm_equals_cold(root)
    assert [(path, line, code) for path, line, _, code, _ in found if code == "unit-mismatch"] == [
        ("claims/copy.yaml", 8, "unit-mismatch"),
        ("claims/sample.yaml", 8, "unit-mismatch"),
    ]


def test_a_pack_not_signed_here_is_refused_after_its_head(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack planted with the registry (here 32 MB of it) is refused after its first 129 bytes: it is
    not read whole, nor hashed, before the check runs without it."""
    (pack_path,) = entries(root)
    pack_path.write_bytes(b"f" * 128 + b"\n" + bytes(32 * 1024 * 1024))
    read_of_pack = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        if os.readlink(f"/proc/self/fd/{fd}").endswith("/pack"):
            read_of_pack.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    result = check(root)
    assert result.cache_hits == 0
    assert sum(read_of_pack) <= 129
    monkeypatch.undo()
    assert seen(result) == seen(check(root, use_cache=False))


def test_the_folders_of_older_formats_are_removed_when_a_pack_is_written(root: Path, tmp_path: Path) -> None:
    top = root / CACHE_DIR
    old = top / "v2" / "ab"
    old.mkdir(parents=True)
    (old / "ab12.entry").write_bytes(b"an entry of the old format")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not ours", encoding="utf-8")
    os.symlink(elsewhere, top / "v1")  # a link: left alone, and never followed
    claims_file(root).write_bytes(claims_file(root).read_bytes() + b"# changed\n")
    warm_equals_cold(root)
    assert not (top / "v2").exists()
    assert (top / "v1").is_symlink() and (elsewhere / "keep.txt").read_text(encoding="utf-8") == "not ours"


def _signed_pack(root: Path, rest: bytes) -> bytes:
    """A pack of `rest` (what follows the signatures), signed with this machine's key."""
    store = Cache(root)
    length = len(rest).to_bytes(8, "big")
    return store._signature(b"head", length) + store._signature(b"body", rest) + b"\n" + rest


def _tail(index: object) -> bytes:
    data = marshal.dumps(index)
    return data + len(data).to_bytes(8, "big")


@pytest.mark.parametrize(
    "rest",
    [
        b"",  # no index length
        b"\x00" * 7,
        b"data" + (10**6).to_bytes(8, "big"),  # an index longer than the pack
        b"data" + marshal.dumps({"k": (0, 4)})[:-1] + b"\x00" * 8,  # an index length that cuts it
        _tail(["not", "a", "mapping"]),
        b"data" + _tail({"k": (0, 5)}),  # an entry running past the data
        b"data" + _tail({"k": (3, 2)}),
        b"data" + _tail({1: (0, 4)}),
        b"data" + _tail({"k": (0, 4.0)}),
    ],
    ids=[
        "empty",
        "short",
        "index-too-long",
        "index-cut",
        "index-a-list",
        "past-data",
        "backwards",
        "int-key",
        "float",
    ],
)
def test_a_signed_pack_of_a_bad_layout_is_ignored(root: Path, rest: bytes) -> None:
    """Even signed with this machine's key (so read past its signatures), a pack whose index cannot
    be what this program writes is ignored: nothing of it is used, and the results are the cold ones."""
    (pack_path,) = entries(root)
    pack_path.write_bytes(_signed_pack(root, rest))
    assert Cache(root)._read() == ({}, memoryview(b""))
    result = check(root)
    assert result.cache_hits == 0
    assert seen(result) == seen(check(root, use_cache=False))


def test_a_pack_signed_here_of_the_right_layout_is_read(root: Path) -> None:
    """The counterpart of the bad layouts above: the same signing, a good layout, read back."""
    entry = marshal.dumps({"places": []})
    (pack_path,) = entries(root)
    pack_path.write_bytes(_signed_pack(root, b"xx" + entry + _tail({"k": (2, 2 + len(entry))})))
    assert Cache(root).get("k") == {"places": []}


def test_a_run_that_fails_leaves_the_old_pack_and_no_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new pack is written as entries are stored: a run that fails after storing some (here, an
    interrupt while the articles are checked) drops it, and the old pack stays, whole and in use."""
    from checks import checker

    (pack_path,) = entries(root)
    before = pack_path.read_bytes()
    claims_file(root).write_bytes(claims_file(root).read_bytes() + b"# changed\n")

    def interrupted(*args: object) -> None:
        assert list(pack_path.parent.glob(".pack.*.tmp")), "the new pack is under way"
        raise KeyboardInterrupt

    monkeypatch.setattr(checker, "_check_sources", interrupted)
    with pytest.raises(KeyboardInterrupt):
        check(root)
    assert pack_path.read_bytes() == before
    assert sorted(p.name for p in pack_path.parent.iterdir()) == ["pack"]
    monkeypatch.undo()
    assert check(root).source_cache_hits == 1  # the old pack, still signed and read: the article's entry


def test_a_full_disk_while_the_pack_is_written_keeps_the_old_one(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (pack_path,) = entries(root)
    before = pack_path.read_bytes()
    claims_file(root).write_bytes(claims_file(root).read_bytes() + b"# changed\n")
    written = []
    real_write = os.write

    def full(fd: int, data: object) -> int:
        if written:
            raise OSError(28, "No space left on device")
        written.append(data)
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(cache.os, "write", full)
    result = check(root)
    monkeypatch.undo()
    assert written, "the pack was begun"
    assert seen(result) == seen(check(root, use_cache=False))
    assert pack_path.read_bytes() == before
    assert sorted(p.name for p in pack_path.parent.iterdir()) == ["pack"]


FIELDS = ("id", "source", "quote", "subject", "property", "as_written", "unit")


def test_a_warm_runs_positions_are_those_of_the_bytes_checked(root: Path) -> None:
    """A claims file's result from the cache keeps no bytes: its positions, when asked, come from the
    file read again, and are those a cold run gives."""
    warm = check(root)
    assert warm.cache_hits == 1
    cold = check(root, use_cache=False)
    assert [c.at(k) for c in warm.claims for k in FIELDS] == [c.at(k) for c in cold.claims for k in FIELDS]
    assert len({c.at(k) for c in cold.claims for k in FIELDS}) == len(FIELDS) * len(
        cold.claims
    )  # all distinct


def test_a_claims_file_changed_before_its_positions_are_asked_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Positions from other bytes than those checked would point at the wrong line: refused instead."""
    from checks import cli
    from checks.commands import check as check_command
    from checks.files import FileChangedDuringRun

    warm = check(root)
    path = root / warm.claims[0].path
    path.write_bytes(b"# saved by an editor meanwhile\n" + path.read_bytes())
    with pytest.raises(FileChangedDuringRun, match="changed while it was being checked"):
        warm.claims[0].at("quote")

    def changed_meanwhile(args: object) -> int:
        raise FileChangedDuringRun(
            "claims/sample.yaml changed while it was being checked, ...: run the check again"
        )

    monkeypatch.setattr(check_command, "run", changed_meanwhile)
    assert cli.main(["check", "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "claims check: claims/sample.yaml changed while it was being checked, ...: run the check again\n"
    )
