"""`claims explain`: a problem code with a failing and a passing example."""

from __future__ import annotations

import argparse
import sys

from ..problems import CODES, Code, Example
from . import EXIT_OK, UsageError

NAME = "explain"
HELP = "describe a problem code, with a failing and a passing example"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="problem code (default: all)")
    parser.add_argument("--markdown", action="store_true", help="print docs/problems.md")


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        from ..docs import problems_markdown

        sys.stdout.write(problems_markdown())
        return EXIT_OK
    codes = [args.code] if args.code else sorted(CODES)
    for name in codes:
        if name not in CODES:
            from ..schemas import did_you_mean

            raise UsageError(f"no problem code '{name}'{did_you_mean(name, CODES)}")
    sys.stdout.write("\n".join(explain(CODES[name]) for name in codes))
    return EXIT_OK


def explain(code: Code) -> str:
    from ..docs import shown_text

    def block(example: Example) -> str:
        return "\n".join("    " + line for line in shown_text(example).splitlines()) or "    (empty file)"

    where = code.at_path or code.failing.file
    return (
        f"{code.code} ({code.severity.value})\n  {code.summary}\n  Fix: {code.fix}\n"
        f"  Failing example ({code.failing.file}; reported at {where}:{code.at[0]}:{code.at[1]}):\n"
        f"{block(code.failing)}\n"
        f"  Passing example ({code.passing.file}):\n{block(code.passing)}\n"
    )
