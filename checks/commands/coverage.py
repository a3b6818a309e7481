"""`claims coverage`: every figure and date of the article bodies that no claim covers or skip skips."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_PROBLEMS, add_root_option, registry_root

NAME = "coverage"
HELP = "list the figures and dates of the articles that no claim covers (--check: fail while any)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_option(parser)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 while any figure or date is neither claimed nor skipped"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text lists the uncovered figures per article; json gives every figure with its status",
    )
    parser.add_argument(
        "--all", action="store_true", help="text: list every figure and date, claimed and skipped ones too"
    )
    parser.add_argument(
        "--skips",
        action="store_true",
        help="print each uncovered figure and date as a skip for claims/skips.yaml, its reason and note to write",
    )


def run(args: argparse.Namespace) -> int:
    from ..checker import check
    from ..coverage import coverage, json, skip_stubs, text
    from ..reporters import text as problems_text

    result = check(registry_root(args.root))
    if result.failed:
        # Coverage counts the claims and skips whose quotes are placed: with problems it would be wrong.
        sys.stderr.write(problems_text(result))
        sys.stderr.write("claims coverage: the registry has problems; fix them (see `claims check`) first\n")
        return EXIT_PROBLEMS
    # Only the uncovered are listed (and turned into skips) unless --all or JSON: the rest are counted.
    cov = coverage(result, lean=not args.all and args.format != "json")
    if args.skips:
        sys.stdout.write(skip_stubs(cov, result.sources))
    else:
        sys.stdout.write(json(cov) if args.format == "json" else text(cov, everything=args.all))
    if args.check and not cov.complete:
        sys.stderr.write(
            f"claims coverage: {len(cov.uncovered)} figure(s) and date(s) neither claimed nor skipped; "
            "claim each (claims/<source>.yaml) or skip it with a reason (claims/skips.yaml; "
            "`claims coverage --skips` writes the skips for you to complete)\n"
        )
        return EXIT_PROBLEMS
    return EXIT_OK
