"""`claims diff`: what a change does to the registry, compared with another root of it.

In CI the base is a checkout of the pull request's target branch; the markdown goes into the job
summary, for the reviewer. Exit 0 when the change introduces no new open conflict, 1 when it does
(or when the changed registry has errors, so that its comparison is incomplete), 2 when either root
cannot be checked at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import EXIT_OK, EXIT_PROBLEMS, UsageError, add_root_option, registry_root

NAME = "diff"
HELP = (
    "what the registry changes against another root of it (claims, sources, groups, conflicts, resolutions)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base",
        metavar="DIR",
        required=True,
        help="the registry to compare with, e.g. a checkout of the target branch",
    )
    add_root_option(parser)
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format")


def run(args: argparse.Namespace) -> int:
    from ..diff import NotARegistry, check_root, diff, markdown, side, to_json

    try:
        # One side checked at a time, and only what the diff needs of it kept (checks.diff.Side):
        # two checked registries at once would take twice the memory (issue 11).
        head = side(
            check_root(
                registry_root(args.root), "the registry" if args.root is None else f"--root {args.root}"
            )
        )
        base = side(check_root(Path(args.base), f"--base {args.base}"))
    except NotARegistry as exc:
        raise UsageError(f"cannot check {exc}") from None
    result = diff(base, head)
    sys.stdout.write(markdown(result) if args.format == "markdown" else to_json(result))
    status = EXIT_OK
    if result.introduces_conflict:
        sys.stderr.write(
            f"claims diff: the change introduces {len(result.new_conflicts)} new open conflict(s): "
            "resolve them (claims/resolutions.yaml) or correct the claims\n"
        )
        status = EXIT_PROBLEMS
    if result.head.errors:
        sys.stderr.write(
            f"claims diff: the registry has {result.head.errors} error(s); claims with errors are left out "
            "of the comparison, so it is incomplete (see `claims check`)\n"
        )
        status = EXIT_PROBLEMS
    return status
