"""The content-keyed cache in `.claims_cache/` at the registry root (issue 11).

Like mypy's and ruff's caches: a dot-folder keyed by everything a result depends on, safe to delete at
any time, never consulted when a part of the key is unknown. A cached result can never be stale:

* its key is the sha256 of the program (`program_key`: the source of every module of `checks`, the
  tool's schemas, and the versions of Python, Unicode and the libraries that decide results), the
  vocabulary, the sources index, and the claims file's path and the file itself, byte for byte;
* the articles a claims file cites are recorded with the entry (their id, whether usable, the sha256
  of their bytes as read in this run) and compared before the entry is used;
* what depends on more than one file (duplicate IDs, comparison, resolutions, the closest-passage
  budget) is never cached: it is computed afresh from the per-file results on every run.

The entries are kept in one file, the pack (see `Cache`). A pack that cannot be read, is truncated,
corrupt, of another format, or not signed with this machine's key is ignored (and rewritten). Packs
are signed (HMAC-SHA256) with a secret kept outside the registry, in the user's cache folder, so that a
`.claims_cache/` planted in a registry (committed by force, or in an archive) cannot make a broken
file pass: it is simply not recognised. The pack is written atomically (a temporary file, then a
rename); a folder that is a symbolic link, or that cannot be written, turns the cache off for the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import secrets
import shutil
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date
from fractions import Fraction
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import files

CACHE_DIR = ".claims_cache"
FORMAT = "4"
_HEAD = 129  # two signatures in hex and a newline (see `Cache._read`)
_MAX_PACK_BYTES = 1024 * 1024 * 1024  # 300,000 claims make about 160 MB; a larger one is not read
# The libraries whose versions can change a result: parsing, validation, tables.
_LIBRARIES = ("PyYAML", "yaml-rs", "jsonschema", "jsonschema-rs", "tabulate")
_PACKAGE = Path(__file__).resolve().parent


@cache
def program_key() -> str:
    """The sha256 of everything of the program that decides a result."""
    from .schemas import SCHEMA_DIR

    return package_key(_PACKAGE, Path(SCHEMA_DIR))


def package_key(package: Path, schema_dir: Path) -> str:
    """The key of a copy of the package and its schemas (see `program_key`)."""
    h = hashlib.sha256()
    h.update(f"format {FORMAT}\npython {sys.version}\nunicode {unicodedata.unidata_version}\n".encode())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        h.update(f"{name} {version}\n".encode())
    # The tests do not decide results; every other module and every schema does.
    modules = sorted(p for p in package.rglob("*.py") if "tests" not in p.relative_to(package).parts)
    for path in modules:
        h.update(b"checks/" + path.relative_to(package).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for path in sorted(schema_dir.glob("*.json")):
        h.update(b"schema/" + path.name.encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    """The sha256 of parts, each length-prefixed so that no two lists of parts collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


_KEY_BYTES = 32


def _secret(real_root: str | None = None) -> bytes | None:
    """This user's signing key for cache entries, created on first use; None when there is nowhere safe
    to keep it.

    The key is what makes a planted `.claims_cache/` worthless, so it is used only as this user's own
    secret: a regular file (never a FIFO, which would block the check, nor a link to a device, which
    would never end), owned by this user and readable by nobody else, and outside the registry (with
    XDG_CACHE_HOME inside the checkout, a key committed with a pull request would let it sign entries
    that pass its broken files)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "claims-registry")
    path = os.path.join(folder, "cache-key")
    if real_root is not None:
        real = os.path.realpath(folder)
        if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
            return None
    key = _read_key(path)
    if key is not None:
        return key
    if os.path.lexists(path):
        return None  # something else is there: not ours to replace
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder)  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(_KEY_BYTES))
        os.replace(tmp, path)  # two processes racing: either key wins, and both then read it
    except OSError:
        return None
    return _read_key(path)


def _read_key(path: str) -> bytes | None:
    """The key at `path` when it is this user's own secret file (see `_secret`), else None."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        mine = not hasattr(os, "getuid") or status.st_uid == os.getuid()
        if not stat.S_ISREG(status.st_mode) or not mine or status.st_mode & 0o077:
            return None
        key = os.read(fd, 4 * _KEY_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    return key if len(key) >= _KEY_BYTES else None


class Cache:
    """Entries by key in `<root>/.claims_cache/`; every failure means "not cached", never an error.

    The entries live in one file, the pack (`v4/pack`, its layout in `_read`). One file, not one per
    entry: at 100,000 claims a run created, and a warm run opened, 20,000 files, which cost more than the
    checks they saved (README, "Speed"). A run reads the pack once, and writes a new one (atomically)
    only when it stores an entry: the entries it used and the ones it stored, so that entries of files
    that are gone do not pile up. From the first entry stored on, entries go to the new pack as they
    come, not held until the end (issue 11: 55 MB at 100,000 claims); `save` finishes it and puts it in
    place, `discard` drops it. Two runs at once each write a whole pack; the last one stays."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.folder = os.path.join(os.path.realpath(root), CACHE_DIR, f"v{FORMAT}")
        self.secret = _secret(os.path.realpath(root)) if enabled else None
        self.enabled = self.secret is not None and self._safe_folder(os.path.realpath(root))
        self.hits = 0
        self.misses = 0
        self._pack: tuple[dict[str, tuple[int, int]], memoryview] | None = None  # read on the first `get`
        # The entries used, while nothing is stored (none is written then); from the first entry stored
        # on, the new pack, which every entry used or stored goes to at once.
        self._kept: dict[str, bytes | memoryview] = {}
        self._writer: _PackWriter | None = None

    def _safe_folder(self, real_root: str) -> bool:
        top = os.path.join(real_root, CACHE_DIR)
        for path in (top, self.folder):
            try:
                mode = os.lstat(path).st_mode
            except FileNotFoundError:
                return True  # created on first write
            except OSError:
                return False
            if not stat.S_ISDIR(mode):  # a link (to anywhere) or a file: not ours to use
                return False
        return True

    @property
    def path(self) -> str:
        return os.path.join(self.folder, "pack")

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        if self._pack is None:
            self._pack = self._read()
        index, data = self._pack
        span = index.get(key)
        entry = None
        if span is not None:
            body = data[span[0] : span[1]]
            try:
                # marshal, not pickle: it builds only plain values (no code runs), and only packs this
                # machine signed reach it; several times faster than JSON at 10,000 entries.
                entry = marshal.loads(body)
            except (ValueError, EOFError, TypeError):
                entry = None
        if not isinstance(entry, dict):
            self.misses += 1
            return None
        self.hits += 1
        if self._writer is not None:
            self._writer.add(key, body)
        else:
            self._kept[key] = body
        return entry

    def _read(self) -> tuple[dict[str, tuple[int, int]], memoryview]:
        """The pack's index (where each entry's body is in its data) and data; empty when the pack is
        missing, unreadable, corrupt, or not signed here.

        The pack: two signatures (64 hex digits each) and a newline, then what is signed: the data, every
        entry's marshalled body one after the other; the index (marshalled: key -> (start, end) in the
        data); and the length of the index (8 bytes). The first signature signs the length of the rest
        alone, so that a pack not signed here (one planted with the registry, up to the size limit) is
        refused after its first 129 bytes, not read whole and hashed. Entries are read out of the data
        in place: at 100,000 claims the pack is about 55 MB, which is held once. (The index comes last
        so that a pack can be written as its entries come: `_PackWriter`.)"""
        none: tuple[dict[str, tuple[int, int]], memoryview] = ({}, memoryview(b""))
        try:
            # Never blocks: a FIFO in the pack's place opens at once, and is then no regular file.
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return none
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode) or not _HEAD + 8 <= status.st_size <= _MAX_PACK_BYTES:
                return none
            head = os.read(fd, _HEAD)
            length = status.st_size - _HEAD
            if (
                len(head) != _HEAD
                or head[128:] != b"\n"
                or not hmac.compare_digest(head[:64], self._signature(b"head", length.to_bytes(8, "big")))
            ):
                return none
            raw = files.read_at_most(fd, length + 1)
        except OSError:
            return none
        finally:
            os.close(fd)
        signed = memoryview(raw)
        if len(raw) != length or not hmac.compare_digest(head[64:128], self._signature(b"body", signed)):
            return none
        if length < 8:
            return none
        index_length = int.from_bytes(signed[length - 8 :], "big")
        if index_length > length - 8:
            return none
        data = signed[: length - 8 - index_length]
        try:
            index = marshal.loads(signed[len(data) : length - 8])
        except (ValueError, EOFError, TypeError):
            return none
        if not isinstance(index, dict) or not all(
            isinstance(k, str)
            and isinstance(v, tuple)
            and len(v) == 2
            and all(type(n) is int for n in v)
            and 0 <= v[0] <= v[1] <= len(data)
            for k, v in index.items()
        ):
            return none
        return index, data

    def _signature(self, label: bytes, *parts: bytes | memoryview) -> bytes:
        """The HMAC-SHA256, in hex, of the pack's head (the length of the rest) or body, by this user's key."""
        mac = self._mac(label)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode()

    def _mac(self, label: bytes) -> hmac.HMAC:
        """The HMAC-SHA256 of the pack's head or body, by this user's key, to be fed."""
        assert self.secret is not None
        return hmac.new(
            self.secret, b"claims-cache pack " + FORMAT.encode() + b" " + label + b"\0", hashlib.sha256
        )

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if not self.enabled:
            return
        body = marshal.dumps(entry)
        if self._writer is None:
            self._writer = self._new_pack()
            if self._writer is None:
                return
            for used, kept in self._kept.items():
                self._writer.add(used, kept)
            self._kept = {}
        self._writer.add(key, body)

    def _new_pack(self) -> _PackWriter | None:
        """A new pack, being written next to the old one; None (and the cache off) where it cannot be."""
        real_root = os.path.dirname(os.path.dirname(self.folder))
        try:
            if not self._safe_folder(real_root):
                raise OSError("made a link since the run began")  # not ours to write through, nor create in
            os.makedirs(self.folder, exist_ok=True)
            if not self._safe_folder(real_root):
                raise OSError("made a link since the run began")
            _ignore_in_git(os.path.dirname(self.folder))
            _remove_old_formats(os.path.dirname(self.folder))
            # What a run killed while writing left (`.pack.*.tmp`), unless its writer lives (checks.files).
            files.remove_stale_temps(self.folder, "pack")
            return _PackWriter(self.folder, self._mac(b"body"), self._signature)
        except OSError:
            self.enabled = False  # a read-only or full disk: run on without the cache
            return None

    def save(self) -> None:
        """Finish the pack this run writes (see `_read`) and put it in place, when it stored an entry:
        whole, or not at all."""
        writer, self._writer = self._writer, None
        if writer is None:
            return
        try:
            writer.finish(self.path)
        except OSError:
            self.enabled = False  # a read-only or full disk: run on without the cache

    def discard(self) -> None:
        """Drop the pack being written (the run failed): the old one stays."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.abort()


class _PackWriter:
    """A pack written as its entries come (layout: `Cache._read`), in a temporary file its writer holds
    (checks.files: one a killed run leaves is removed by the next), signed and renamed when finished.

    Written straight to the file descriptor, never through a buffer: worker processes forked while it is
    open hold no copy of unwritten bytes to write again."""

    def __init__(self, folder: str, mac: hmac.HMAC, sign: Callable[[bytes, bytes], bytes]) -> None:
        self.fd, self.tmp = tempfile.mkstemp(dir=folder, prefix=".pack.", suffix=".tmp")
        files.hold_temporary(self.fd)
        self.failed = False
        self.mac = mac  # the body's signature, under way
        self.sign = sign
        self.index: dict[str, tuple[int, int]] = {}
        self.at = 0
        self._write(b"\0" * _HEAD)  # the signatures, once the rest is known

    def _write(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view) :]
        except OSError:
            self.failed = True  # a full disk: the pack is not finished, and the old one stays

    def add(self, key: str, body: bytes | memoryview) -> None:
        if self.failed:
            return
        self._write(body)
        self.mac.update(body)
        self.index[key] = (self.at, self.at + len(body))
        self.at += len(body)

    def finish(self, path: str) -> None:
        try:
            index = marshal.dumps(self.index)
            tail = index + len(index).to_bytes(8, "big")
            self._write(tail)
            self.mac.update(tail)
            length = (self.at + len(tail)).to_bytes(8, "big")
            os.lseek(self.fd, 0, os.SEEK_SET)
            self._write(self.sign(b"head", length) + self.mac.hexdigest().encode() + b"\n")
            if self.failed:
                raise OSError("the pack could not be written")
            os.replace(self.tmp, path)  # still open, still held: no other run takes it for litter
        except BaseException:
            self.abort()
            raise
        os.close(self.fd)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _remove_old_formats(top: str) -> None:
    """The folders of the formats before this one (`v1/`, `v2/`: one file per entry, 20,000 of them at
    100,000 claims), which this program never reads: removed when it writes its pack. Only real folders
    (a link is left alone, and rmtree never follows one inside)."""
    for n in range(1, int(FORMAT)):
        path = os.path.join(top, f"v{n}")
        try:
            if stat.S_ISDIR(os.lstat(path).st_mode):
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue


_GITIGNORE = b"# Written by claims: its cache, safe to delete at any time. Git ignores this folder.\n*\n"


def _ignore_in_git(top: str) -> bool:
    """A `.gitignore` of `*` in the cache folder, as ruff and mypy write in theirs: a registry whose
    own .gitignore does not name `.claims_cache/` (another repository running our pre-commit hook)
    gets no untracked files from a check. Never overwrites, never follows a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(os.path.join(top, ".gitignore"), flags, 0o644)
    except FileExistsError:
        return True
    except OSError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(_GITIGNORE)
    return True


# --- exact values as JSON ---------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A value (exact numbers, tuples, dataclasses such as Quantity) as JSON data, losing nothing."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Fraction):
        return {"fraction": [value.numerator, value.denominator]}
    if isinstance(value, date):  # a day of a time reading's span (checks.dates)
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {
            "dataclass": type(value).__name__,
            "fields": {f.name: encode(getattr(value, f.name)) for f in fields(value)},
        }
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any, classes: dict[str, type]) -> Any:
    """The inverse of `encode`; `classes` names the dataclasses allowed. Raises ValueError on anything else."""
    if data is None or isinstance(data, (bool, int, str)):
        return data
    if isinstance(data, list):
        return [decode(v, classes) for v in data]
    if isinstance(data, dict):
        if "fraction" in data:
            numerator, denominator = data["fraction"]
            if type(numerator) is not int or type(denominator) is not int or denominator <= 0:
                raise ValueError("not a fraction")
            return Fraction(numerator, denominator)
        if "date" in data:
            if not isinstance(data["date"], str):
                raise ValueError("not a date")
            return date.fromisoformat(data["date"])
        if "tuple" in data:
            return tuple(decode(v, classes) for v in data["tuple"])
        if "dataclass" in data and data["dataclass"] in classes:
            values = {k: decode(v, classes) for k, v in data["fields"].items()}
            return classes[data["dataclass"]](**values)
    raise ValueError("not a cached value")
