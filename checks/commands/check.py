"""`claims check`: check every source, claim, quote and figure of a registry."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_PROBLEMS, add_root_option, add_speed_options, registry_root

NAME = "check"
HELP = "check every source, claim and quote of a registry"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_option(parser)
    add_speed_options(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        help="output format (default: text; GitHub annotations under GitHub Actions)",
    )


def run(args: argparse.Namespace) -> int:
    from ..checker import check
    from ..reporters import reporter_for
    from ..summaries import append_step_summary, check_markdown

    result = check(registry_root(args.root), use_cache=not args.no_cache, jobs=args.jobs)
    sys.stdout.write(reporter_for(args.format)(result))
    append_step_summary(check_markdown(result))  # under GitHub Actions: the job summary
    return EXIT_PROBLEMS if result.failed else EXIT_OK
