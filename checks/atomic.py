"""Replacing a registry file all at once: the old file or the new one, never a mix, never nothing.

The new bytes go to a temporary file in the same folder (so `os.replace` is a rename on one file
system), are flushed and fsync'ed, take the old file's permission bits, and replace it in one
rename; the folder is fsync'ed so the rename itself survives a crash. Killed at any moment, the
registry holds either the old file or the new one; at worst a temporary file `.<name>.<random>.tmp`
is left over, which the checker ignores (its name starts with a dot and does not end in .yaml).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import time
from pathlib import Path

# Tests set this to a number of seconds: after the temporary file is written and synced, the writer
# says so on standard error and sleeps, so that a test can kill it at exactly that moment.
PAUSE_ENV = "CLAIMS_TEST_PAUSE_BEFORE_REPLACE"


class FileChanged(Exception):
    """The file changed on disk between reading it and replacing it (another editor, another run)."""


def replace_file(path: Path, data: bytes, expected: bytes | None) -> None:
    """Make `path` hold `data`, atomically. `expected` is what the file held when it was read (None:
    it did not exist); if it holds something else now, nothing is written and FileChanged is raised."""
    try:
        current: bytes | None = path.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise FileChanged(f"{path.name} changed on disk while the edit was prepared; run the command again")
    if expected is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some systems cannot open a folder; the rename is done anyway
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
