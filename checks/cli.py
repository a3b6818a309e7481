"""`claims`: the command line, a thin dispatcher over `checks.commands` (one module per command).

Exit status is decided here and only here: 0 clean, 1 problems found, 2 usage or internal error.
Commands return their status; nothing deeper calls `sys.exit`.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from .commands import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    PROJECT_ROOT,
    UsageError,
    add,
    check,
    coverage,
    default_root,
    diff,
    explain,
    find,
    number,
    report,
    schema,
    source,
)
from .files import FileChangedDuringRun, Terminated
from .inert import terminal

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "PROJECT_ROOT", "default_root", "main"]

# The order `claims --help` lists them in.
COMMANDS = (check, report, coverage, diff, schema, number, explain, find, add, source)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims",
        description="Claims registry: every figure traced to the exact sentence it came from.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.__doc__)
        command.add_arguments(p)
        p.set_defaults(run=command.run)
    return parser


# Options naming files: a file name may be any bytes, and the file system is asked for it as it is.
_PATH_OPTIONS = frozenset(("root", "base", "path"))
_POSITIONAL = {"text": "TEXT", "expression": "EXPR", "code": "CODE"}  # as `--help` names them


def not_text(args: argparse.Namespace) -> str | None:
    """Why an option's value is no text, when one holds bytes that are not UTF-8 (Python decodes them to
    lone surrogates, which no file, YAML or JSON can hold: `claims add --note` with one stopped with an
    internal error); None when every value is text."""
    for key, value in sorted(vars(args).items()):
        if key in _PATH_OPTIONS:
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and (bad := next((c for c in v if "\ud800" <= c <= "\udfff"), None)):
                byte = f"byte 0x{ord(bad) - 0xDC00:02X}" if "\udc80" <= bad <= "\udcff" else "a surrogate"
                name = _POSITIONAL.get(key) or f"--{key.replace('_', '-')}"
                return f"{name} is not UTF-8 text ({byte}); give it as UTF-8"
    return None


EXIT_BROKEN_PIPE = 141  # what a shell reports for a process killed by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (why := not_text(args)) is not None:
        sys.stderr.write(f"claims {args.command}: {terminal(why)}\n")
        return EXIT_USAGE
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # here, where a closed pipe is caught, not at the interpreter's exit
        return status
    except UsageError as exc:
        sys.stderr.write(f"claims {args.command}: {terminal(str(exc))}\n")  # it may echo what was typed
        return EXIT_USAGE
    except FileChangedDuringRun as exc:  # an editor saved a file while it was checked: nothing to guess
        sys.stderr.write(f"claims {args.command}: {terminal(str(exc))}\n")
        return EXIT_USAGE
    except (KeyboardInterrupt, Terminated):
        sys.stderr.write(f"claims {args.command}: interrupted\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`claims check | head -1`): stop quietly, as `cat` would, and exit as a
        # process killed by SIGPIPE does (128 + 13); point stdout at /dev/null so that flushing it at
        # exit cannot fail again (the recipe of Python's `signal` documentation).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 -- any internal error: say so briefly; the traceback only on request
        sys.stderr.write(
            f"claims {args.command}: internal error: {type(exc).__name__}: {terminal(str(exc))}\n"
        )
        if os.environ.get("CLAIMS_DEBUG"):
            traceback.print_exc()
        else:
            sys.stderr.write("(set CLAIMS_DEBUG=1 for the traceback, and please report it)\n")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
