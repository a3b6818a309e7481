"""The `claims` subcommands, one module per command (like pip's `commands/`).

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`; the dispatcher in
`checks.cli` lists them in `COMMANDS`. Command modules parse options, call into the domain modules and
print; domain code (reading, checking, comparing) stays out of them. Adding a command is adding a
module here and a line in `COMMANDS`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


class UsageError(Exception):
    """Bad options or arguments: `claims` prints the message and exits 2."""


def default_root() -> Path:
    """The registry around the current directory (like git finds .git), else this project's."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds" / "sources.yaml").is_file():
            return folder
    return PROJECT_ROOT


def registry_root(value: str | None) -> Path:
    """The `--root` option's value as a resolved directory (the default when not given)."""
    if value is None:
        return default_root()
    root = Path(value)
    if not root.is_dir():
        raise UsageError(f"--root {value}: no such directory")
    return root.resolve()


def add_speed_options(parser: argparse.ArgumentParser) -> None:
    """--no-cache and --jobs, for the commands that check the registry (README, "Speed")."""
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write .claims_cache/ (results are the same; only slower)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes for the claims files not cached (default: all cores for large registries)",
    )


def add_root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", metavar="DIR", help="registry root (default: the one around the current directory)"
    )
