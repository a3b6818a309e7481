"""Replacing an editor's registry file all at once: the old file or the new one, never a mix, never
nothing. `claims add` and `claims source add` write through `replace_file` only.

It follows the registry's one door (checks.files): the file's folder must be a plain folder inside
the root, the file a regular file (a link is refused), stale temporary files of a killed writer are
removed, and SIGTERM/SIGHUP during the write remove the temporary file. On top of that, for files
people edit by hand:

* the file must still hold what was read when the edit was prepared (another editor, another run):
  otherwise nothing is written (`FileChanged`). It is compared twice: before the new bytes are
  written out, and again at the last moment, just before the rename, under an exclusive lock on the
  folder, so that two `claims add` runs cannot both pass the comparison and the second overwrite
  the first, and an editor's save while the new file was being written and synced is not lost. (An
  editor saving in the microseconds between the last comparison and the rename cannot be detected
  by any rename-based writer; the window is as small as it can be.)
* the new bytes go to a temporary file in the same folder (so `os.replace` is one rename on one file
  system), flushed and fsync'ed, with the old file's permission bits; the folder is fsync'ed after
  the rename, so the rename itself survives a crash.

Killed at any moment, even by SIGKILL, the registry holds the old file or the new one; at worst a
temporary `.<name>.<random>.tmp` is left, which the checker never reads (its name starts with a dot
and does not end in .yaml) and the next write removes (its writer's lock on it died with it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

from .files import (  # the registry's one door: its write policy, shared with the report's writer
    Refusal,
    WriteRefused,
    _safe_parent,
    _terminate_as_exception,
    hold_temporary,
    read_bytes,
    remove_stale_temps,
)

# Tests set this to a number of seconds: after the temporary file is written and synced, the writer
# says so on standard error and sleeps, so that a test can kill it at exactly that moment.
PAUSE_ENV = "CLAIMS_TEST_PAUSE_BEFORE_REPLACE"


class FileChanged(Exception):
    """The file changed on disk between reading it and replacing it (another editor, another run)."""


def replace_file(root: Path, rel: str, data: bytes, expected: bytes | None) -> None:
    """Make the registry file `rel` hold `data`, atomically. `expected` is what it held when it was read
    (None: it did not exist); if it holds something else now, nothing is written and FileChanged is
    raised. WriteRefused when `rel` or a folder on its way is a link or not a regular file."""
    folder = _safe_parent(root, rel)
    name = os.path.basename(rel)
    path = os.path.join(folder, name)
    mode = None
    if os.path.lexists(path):
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode):
            raise WriteRefused(f"{rel} is not a regular file (a symbolic link?); it is not written through")
        mode = stat.S_IMODE(status.st_mode)
    current = _current(root, rel)
    if current != expected:
        raise FileChanged(f"{rel} changed on disk while the edit was prepared; run the command again")
    remove_stale_temps(folder, name)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with _terminate_as_exception():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                hold_temporary(handle.fileno())  # held until the rename: no other run takes it for litter
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
                pause = os.environ.get(PAUSE_ENV)
                if pause:
                    sys.stderr.write(f"{PAUSE_ENV}: {tmp} written\n")
                    sys.stderr.flush()
                    time.sleep(float(pause))
                with _folder_lock(folder):
                    if _current(root, rel) != expected:
                        raise FileChanged(
                            f"{rel} changed on disk while the edit was being written; nothing was written: "
                            "run the command again"
                        )
                    os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    _sync_folder(folder)


def _current(root: Path, rel: str) -> bytes | None:
    """What the file holds now (None: nothing is there); WriteRefused when it may not be read."""
    current = read_bytes(root, rel)
    if isinstance(current, Refusal):
        if not current.missing:
            raise WriteRefused(current.message)
        return None
    return current


@contextlib.contextmanager
def _folder_lock(folder: str) -> Iterator[None]:
    """An exclusive advisory lock on the folder, held from the last comparison to the rename: every
    writer of ours takes it, so their compare-and-rename steps never interleave."""
    if fcntl is None:  # pragma: no cover - not on POSIX: the comparison alone
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some systems cannot open a folder; the rename is done anyway
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
