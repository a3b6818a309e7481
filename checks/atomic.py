"""Replacing an editor's registry file all at once: the old file or the new one, never a mix, never
nothing. `claims add` and `claims source add` write through `replace_file` only.

It follows the registry's one door (checks.files): the file's folder must be a plain folder inside
the root, the file a regular file (a link is refused), stale temporary files of a killed writer are
removed, and SIGTERM/SIGHUP during the write remove the temporary file. On top of that, for files
people edit by hand:

* the file must still hold what was read when the edit was prepared (another editor, another run):
  otherwise nothing is written (`FileChanged`);
* the new bytes go to a temporary file in the same folder (so `os.replace` is one rename on one file
  system), flushed and fsync'ed, with the old file's permission bits; the folder is fsync'ed after
  the rename, so the rename itself survives a crash.

Killed at any moment, even by SIGKILL, the registry holds the old file or the new one; at worst a
temporary `.<name>.<random>.tmp` is left, which the checker never reads (its name starts with a dot
and does not end in .yaml) and the next write removes once stale.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from .files import (  # the registry's one door: its write policy, shared with the report's writer
    Refusal,
    WriteRefused,
    _remove_stale_temps,
    _safe_parent,
    _terminate_as_exception,
    read_bytes,
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
    current = read_bytes(root, rel)
    if isinstance(current, Refusal):
        if not current.missing:
            raise WriteRefused(current.message)
        current = None
    if current != expected:
        raise FileChanged(f"{rel} changed on disk while the edit was prepared; run the command again")
    _remove_stale_temps(folder, name)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with _terminate_as_exception():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
            pause = os.environ.get(PAUSE_ENV)
            if pause:
                sys.stderr.write(f"{PAUSE_ENV}: {tmp} written\n")
                sys.stderr.flush()
                time.sleep(float(pause))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    _sync_folder(folder)


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
