"""The one way in and out of a registry: every registry file is read through `read_bytes`, every
claims file is found by `walk`, and `reports/` is written only through `write_text`.

The policy (issue 10, "Links lead out of the registry"):

* A registry file must be a regular file whose real path (every symbolic link resolved) lies inside
  the registry root. A link that resolves inside the root is followed; a link leading outside it, a
  dangling link, a loop of links, a directory, a device, a FIFO or a socket is refused with a
  located problem, and never opened (a FIFO is never even opened: it would block; a device such as
  /dev/zero would never end).
* `walk` never descends into a directory reached through a symbolic link (so no loop, and no file
  outside the root is ever listed); such a link is reported.
* A file larger than `MAX_FILE_BYTES`, or with a line longer than `MAX_LINE_BYTES`, is refused before
  it is parsed: no registry file comes near these limits, and everything after reading is then
  bounded too.
* `write_text` writes only a regular file inside the root: a linked `reports/` folder or a linked
  report file is refused, the old file's mode is kept, an unchanged file is not rewritten, and the
  temporary file is removed on an exception or a termination signal (one left by `kill -9` is removed
  by the next write: its writer's lock on it died with it).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: stale temporary files are told by their age
    fcntl = None  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024  # 16 MiB; the largest real registry file is a few kilobytes
MAX_LINE_BYTES = 100_000  # per line; the longest real line is under 3,000 bytes
# Without flock (not POSIX), a temporary file is litter once this old: a report is written in milliseconds.
STALE_TEMP_SECONDS = 300
# With flock, an unlocked temporary file is litter once this old (a writer locks it right after creating it).
FRESH_TEMP_SECONDS = 2


@dataclass(frozen=True)
class Refusal:
    """Why a registry file was not read (or written). `code` is a problem code of checks.problems."""

    code: str  # file-refused | file-too-large | file-unreadable
    message: str
    line: int = 0
    column: int = 0
    missing: bool = False  # nothing at all is at the path (the caller decides whether that is wrong)
    path: str = ""  # set by `walk`: the path refused


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_path(root: Path, rel: str, tool: bool = False) -> tuple[str, os.stat_result] | Refusal:
    """The real path of a registry file and its status, or why it may not be read. Opens nothing.

    `tool`: a file of the checker itself (its schemas), which an installer may hard-link from its cache."""
    real_root = os.path.realpath(root)
    path = os.path.join(real_root, rel)
    if not os.path.lexists(path):
        # A parent folder may itself be a link out of the root: say so rather than "missing".
        parent = os.path.realpath(os.path.dirname(path))
        if not _inside(parent, real_root):
            return Refusal(
                "file-refused", f"{rel}: its folder is a symbolic link leading outside the registry"
            )
        return Refusal("file-unreadable", f"{rel}: no such file", missing=True)
    # Resolved whole for every file, folders included: a folder's real path kept for the run would be
    # followed out of the registry were the folder made a link meanwhile (O_NOFOLLOW guards only the
    # file's own name).
    real = os.path.realpath(path)
    link = os.path.islink(path)
    if not _inside(real, real_root):
        how = "a symbolic link" if link else "reached through a symbolic link"
        return Refusal(
            "file-refused",
            f"{rel} is {how} leading outside the registry; links may only lead to files inside it: "
            "copy the file into the registry instead",
        )
    if real != path and any(part.startswith(".") for part in os.path.relpath(real, real_root).split(os.sep)):
        # .git/, .env, .venv/...: not registry files, whatever a link calls them.
        return Refusal(
            "file-refused",
            f"{rel} is a symbolic link to a hidden file or folder of the registry; links may only lead to "
            "registry files: copy the file instead",
        )
    try:
        status = os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Refusal("file-refused", f"{rel} is a loop of symbolic links; replace it with the file")
        if exc.errno == errno.ENOENT:
            return Refusal(
                "file-refused", f"{rel} is a symbolic link to nothing (dangling); remove or fix it"
            )
        return Refusal("file-unreadable", f"cannot read {rel}: {exc.strerror or type(exc).__name__}")
    if not stat.S_ISREG(status.st_mode):
        return Refusal(
            "file-refused", f"{rel} is {_kind(status.st_mode)}, not a regular file; only files are read"
        )
    if status.st_nlink > 1 and not tool:
        # A hard link is the same file under another name, and that name may lie outside the registry
        # (a secret, another checkout): nothing tells which. Git never makes one.
        return Refusal(
            "file-refused",
            f"{rel} is a hard link (the same file has {status.st_nlink} names, and another may lie outside "
            "the registry); only files of the registry's own are read: copy the file instead",
        )
    return real, status


def read_bytes(root: Path, rel: str, tool: bool = False) -> bytes | Refusal:
    """The bytes of the registry file at `rel` (relative to `root`, '/'-separated), or why not.

    Never raises on the file's account, never blocks, never reads more than MAX_FILE_BYTES + 1 bytes.
    `tool`: see `check_path`.
    """
    data = _read(root, rel, MAX_FILE_BYTES, tool)
    if not isinstance(data, bytes):
        return data
    if len(data) > MAX_FILE_BYTES:
        return _too_large(rel, len(data))
    long_line = _long_line(data)
    if long_line is not None:
        line, column, length = long_line
        return Refusal(
            "file-too-large",
            f"line {line} is {length:,} bytes long; the checker reads lines of at most {MAX_LINE_BYTES:,} "
            "bytes: break the line",
            line,
            column,
        )
    return data


def holds(root: Path, rel: str, expected: bytes | Iterable[str]) -> bool | Refusal:
    """Whether the file at `rel` holds exactly `expected` (bytes, or text in parts, as UTF-8): for what
    the program itself writes (the report), which may outgrow the limits on registry files (at 100,000
    claims the report is tens of megabytes, held part by part: `write_text`). The same door as
    `read_bytes`; read part by part, and no further than the first difference."""
    fd = _open(root, rel, tool=False)
    if isinstance(fd, Refusal):
        return fd
    try:
        same = _Same(fd)
        for part in [expected] if isinstance(expected, bytes) else expected:
            if not same.feed(part if isinstance(part, bytes) else part.encode("utf-8")):
                break
        return same.ends()
    except OSError as exc:
        return Refusal("file-unreadable", f"cannot read {rel}: {exc.strerror or type(exc).__name__}")
    finally:
        os.close(fd)
        if isinstance(expected, Generator):
            expected.close()  # the parts not needed (a report's rendering stops)


class _Same:
    """Compares what an open file holds, from where it stands, with bytes fed part by part: how many
    matched, and their BLAKE2 digest (what `write_text` copies from the old file). Raises OSError."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.matched = 0
        self.digest = hashlib.blake2b()
        self.differs = False

    def feed(self, data: bytes) -> bool:
        """Whether the file goes on with `data`; once not, it is never read again."""
        if not self.differs and read_at_most(self.fd, len(data)) == data:
            self.matched += len(data)
            self.digest.update(data)
        else:
            self.differs = True
        return not self.differs

    def ends(self) -> bool:
        """Whether the file held exactly what was fed (it ends there)."""
        return not self.differs and os.read(self.fd, 1) == b""


def _read(root: Path, rel: str, limit: int, tool: bool = False) -> bytes | Refusal:
    """At most `limit` + 1 bytes of the file at `rel`, through the path checks; a size refusal only for
    files larger than MAX_FILE_BYTES when that is the limit."""
    fd = _open(root, rel, tool, None if limit != MAX_FILE_BYTES else limit)
    if isinstance(fd, Refusal):
        return fd
    try:
        return read_at_most(fd, limit + 1)
    except OSError as exc:
        return Refusal("file-unreadable", f"cannot read {rel}: {exc.strerror or type(exc).__name__}")
    finally:
        os.close(fd)


def _open(root: Path, rel: str, tool: bool, limit: int | None = None) -> int | Refusal:
    """The file at `rel` opened for reading, through the path checks (and, with `limit`, refused when
    larger); the caller closes it."""
    checked = check_path(root, rel, tool)
    if isinstance(checked, Refusal):
        return checked
    real, status = checked
    if limit is not None and status.st_size > limit:
        return _too_large(rel, status.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:  # e.g. the file was swapped for a link since it was checked
        return Refusal("file-unreadable", f"cannot read {rel}: {exc.strerror or type(exc).__name__}")
    try:
        opened = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        return Refusal("file-unreadable", f"cannot read {rel}: {exc.strerror or type(exc).__name__}")
    if (
        not stat.S_ISREG(opened.st_mode)
        or (opened.st_ino, opened.st_dev) != (status.st_ino, status.st_dev)
        or (opened.st_nlink > 1 and not tool)
    ):
        # Swapped since it was checked (a link, a FIFO, another file): read nothing.
        os.close(fd)
        return Refusal("file-refused", f"{rel} changed while it was being read; run again")
    return fd


def read_at_most(fd: int, limit: int) -> bytes:
    """What `fd` holds from where it stands, up to `limit` bytes (fewer at its end). Raises OSError."""
    chunks, size = [], 0
    while size < limit and (chunk := os.read(fd, min(1 << 24, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(rel: str, size: int) -> Refusal:
    return Refusal(
        "file-too-large",
        f"{rel} is {'more than ' if size > MAX_FILE_BYTES else ''}{size:,} bytes; the checker reads files "
        f"of at most {MAX_FILE_BYTES:,} bytes: split it",
    )


def _long_line(data: bytes) -> tuple[int, int, int] | None:
    """(line, column of the first character past the limit, length in bytes) of the first too-long line."""
    if len(data) <= MAX_LINE_BYTES:
        return None
    start, line = 0, 1
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        if end - start > MAX_LINE_BYTES:
            head = data[start : start + MAX_LINE_BYTES].decode("utf-8", errors="ignore")
            return line, len(head) + 1, end - start
        start, line = end + 1, line + 1
    return None


def folder_inside(root: Path, folder: str) -> bool:
    """Whether `folder` is a folder whose real path lies inside the root (its listing may be shown)."""
    real_root = os.path.realpath(root)
    path = os.path.join(real_root, folder)
    return os.path.isdir(path) and _inside(os.path.realpath(path), real_root)


def walk(root: Path, folder: str, suffixes: tuple[str, ...]) -> tuple[list[str], list[Refusal]]:
    """The files under `folder` whose names end in one of `suffixes` ('/'-separated, relative to the
    root, sorted), and the directory links met on the way, which are not followed."""
    found: list[str] = []
    refused: list[Refusal] = []
    real_root = os.path.realpath(root)
    top = os.path.join(real_root, folder)
    if os.path.islink(top):
        real = os.path.realpath(top)
        if not _inside(real, real_root):
            message = f"{folder}/ is a symbolic link leading outside the registry; make it a folder"
            return [], [Refusal("file-refused", message, path=folder)]
    if not os.path.isdir(top):
        return [], []
    for here, dirs, files in os.walk(top, followlinks=False):
        rel_here = os.path.relpath(here, real_root).replace(os.sep, "/")
        for name in sorted(dirs):
            if os.path.islink(os.path.join(here, name)):
                refused.append(
                    Refusal(
                        "file-refused",
                        f"{rel_here}/{name} is a symbolic link to a folder; folder links are not followed "
                        "(they can lead out of the registry or loop): move the files here instead",
                        path=f"{rel_here}/{name}",
                    )
                )
        # A link to a folder is listed among `dirs`, never descended into (followlinks=False).
        for name in files:
            if name.endswith(suffixes):
                found.append(f"{rel_here}/{name}")
    return sorted(found), sorted(refused, key=lambda r: r.path)


# --- writing ---------------------------------------------------------------------------------------


class FileChangedDuringRun(Exception):
    """A file checked in this run was changed before its positions were asked: they cannot be given
    (checks.fastyaml.LazyTree)."""


class WriteRefused(Exception):
    """The report may not be written there (a link, or a folder leading out of the registry)."""


def _safe_parent(root: Path, rel: str) -> str:
    """The real folder `rel` goes into, created inside the root when absent; WriteRefused otherwise."""
    real_root = os.path.realpath(root)
    parts = rel.split("/")[:-1]
    here = real_root
    for part in parts:
        here = os.path.join(here, part)
        if os.path.islink(here) or (os.path.lexists(here) and not os.path.isdir(here)):
            raise WriteRefused(
                f"{os.path.relpath(here, real_root)} is not a plain folder of the registry "
                "(a symbolic link or a file); make it a folder"
            )
        if not os.path.lexists(here):
            os.mkdir(here)
    if not _inside(os.path.realpath(here), real_root):  # pragma: no cover - excluded step by step above
        raise WriteRefused(f"{rel}: its folder is outside the registry")
    return here


def write_text(root: Path, rel: str, text: str | Iterable[str]) -> bool:
    """Write `text` (or its parts, in order: a report of tens of megabytes is never held whole) to the
    registry file `rel` whole or not at all; False when it already held it (it is then not touched,
    and nothing is written anywhere: a current report in a read-only checkout is no error).

    While the parts are what the file holds, they are only compared with it; from the first that
    differs on, a temporary file takes the part of the file that matched (read again, and checked
    against what was compared), then every part, and replaces the file.

    Raises WriteRefused when `rel` or a folder on its way is a link or not a regular file, or the old
    file cannot be read to compare it.
    """
    folder = _safe_parent(root, rel)
    path = os.path.join(folder, os.path.basename(rel))
    mode = None
    if os.path.lexists(path):
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode):
            what = "a symbolic link" if stat.S_ISLNK(status.st_mode) else _kind(status.st_mode)
            raise WriteRefused(
                f"{rel} is {what}; it is written only as a regular file of the registry: remove it"
            )
        mode = stat.S_IMODE(status.st_mode)
    remove_stale_temps(folder, os.path.basename(rel))  # a killed run's, even when nothing is written
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    parts = iter([text] if isinstance(text, str) else text)
    opened = _open(root, rel, tool=False) if mode is not None else None
    old = opened if isinstance(opened, int) else None  # a refused old file (a hard link) is replaced
    # The parts may be rendered in worker processes, from the first on: SIGTERM is an exception from
    # the start (the run says it was interrupted), and the workers end quietly (checks.workers).
    with _terminate_as_exception():
        try:
            first = b""  # the first part that differs from the file (or b"" when the file ends early)
            same = _Same(old) if old is not None else None
            if same is not None:
                for part in parts:  # rendered here: what it raises is its own
                    first = part.encode("utf-8")
                    if not _compared(same.feed, first, rel):
                        break
                else:
                    if _compared(same.ends, None, rel):
                        return False
                    first = b""
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(rel)}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    hold_temporary(handle.fileno())
                    if same is not None and same.matched:
                        _copy_start(same, handle, rel)
                    handle.write(first)
                    for part in parts:
                        handle.write(part.encode("utf-8"))
                    handle.flush()
                    os.fchmod(handle.fileno(), mode)
                    os.fsync(handle.fileno())
                    os.replace(tmp, path)  # still open, still held: no other run takes it for litter
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        finally:
            if old is not None:
                os.close(old)
    return True


def _compared(step: Callable[..., bool], data: bytes | None, rel: str) -> bool:
    """One step of comparing the old file (`_Same.feed` with `data`, or `_Same.ends`); a read error
    refuses the write."""
    try:
        return step(data) if data is not None else step()
    except OSError as exc:
        raise _unreadable(rel, exc) from None


def _unreadable(rel: str, exc: OSError) -> WriteRefused:
    return WriteRefused(
        f"cannot read {rel} to compare it with what would be written ({exc.strerror or type(exc).__name__}); "
        "remove it, then run again"
    )


def _copy_start(same: _Same, handle: BinaryIO, rel: str) -> None:
    """The start of the old file that matched what was compared (`same`), copied to `handle`; checked
    against what was compared (another writer may have changed it since)."""
    os.lseek(same.fd, 0, os.SEEK_SET)
    copied, left = hashlib.blake2b(), same.matched
    try:
        while left and (chunk := read_at_most(same.fd, min(left, 1 << 24))):
            copied.update(chunk)
            handle.write(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(rel, exc) from None
    if left or copied.digest() != same.digest.digest():
        raise WriteRefused(f"{rel} changed while it was being written; run again")


def hold_temporary(fd: int) -> None:
    """A writer holds an exclusive lock on its temporary file for as long as it lives: the kernel drops
    it when the writer ends, however it ends (SIGKILL included), so an unheld one is litter."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(path: str, now: float) -> bool:
    """Whether a temporary file of ours has no living writer (no lock on it; without flock, its age)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return False
        if fcntl is None:  # pragma: no cover - not on POSIX
            return now - status.st_mtime > STALE_TEMP_SECONDS
        if now - status.st_mtime < FRESH_TEMP_SECONDS:
            return False  # perhaps created an instant ago, its writer about to lock it
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while its writer lives
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def remove_stale_temps(folder: str, name: str) -> None:
    """Temporary files of ours left by a writer killed outright (SIGKILL cannot be caught): removed by the
    next write, at once, unless a writer still holds one (a concurrent run)."""
    prefix, now = f".{name}.", time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if (
                entry.name.startswith(prefix)
                and entry.name.endswith(".tmp")
                and entry.is_file(follow_symlinks=False)
                and _abandoned(entry.path, now)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class Terminated(BaseException):
    """A termination signal arrived while a file was being written."""


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise `Terminated`, so that `finally` and `except` clauses
    run (the default action would end the process at once, leaving the temporary file behind)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGTERM", "SIGHUP")
    saved = {}

    def handler(signum: int, frame: object) -> None:
        raise Terminated(signum)

    for name in names:
        if hasattr(signal, name):
            saved[name] = signal.signal(getattr(signal, name), handler)
    try:
        yield
    finally:
        for name, previous in saved.items():
            signal.signal(getattr(signal, name), previous)
