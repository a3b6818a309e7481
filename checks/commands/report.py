"""`claims report`: write reports/conflicts.md, or check that the committed one is current."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_PROBLEMS, add_root_option, add_speed_options, registry_root

NAME = "report"
HELP = "write reports/conflicts.md: where the outlets agree, contradict or change"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_option(parser)
    add_speed_options(parser)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the committed report is stale; write nothing"
    )
    parser.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown writes the report file; json prints the same analysis to standard output",
    )


def run(args: argparse.Namespace) -> int:
    from ..checker import check
    from ..files import Refusal, WriteRefused, holds, write_text
    from ..report import REGENERATE, REPORT, analysis_json, markdown_parts
    from ..reporters import text
    from ..summaries import append_step_summary, check_markdown, conflicts_markdown

    root = registry_root(args.root)
    result = check(root, use_cache=not args.no_cache, jobs=args.jobs)
    if result.failed:
        # Under GitHub Actions: why there is no report.
        append_step_summary(check_markdown(result, "`claims report`: not written, the registry has problems"))
        sys.stderr.write(text(result))
        sys.stderr.write("claims report: the registry has problems; fix them (see `claims check`) first\n")
        return EXIT_PROBLEMS
    if args.format == "json":
        sys.stdout.write(analysis_json(result))
        return EXIT_OK
    append_step_summary(conflicts_markdown(result))  # under GitHub Actions: the job summary
    # Rendered part by part as it is written or compared: at 100,000 claims the report is tens of
    # megabytes, never held whole (issue 11: memory).
    if args.check:
        current = holds(root, REPORT, markdown_parts(result))
        if isinstance(current, Refusal) and not current.missing:
            sys.stderr.write(f"claims report: {current.message}\n")
            return EXIT_PROBLEMS
        if current is not True:
            state = (
                "missing"
                if isinstance(current, Refusal)
                else "stale: the registry has changed since it was generated"
            )
            sys.stderr.write(f"{REPORT} is {state}. Regenerate it with `{REGENERATE}` and commit it.\n")
            return EXIT_PROBLEMS
        sys.stdout.write(f"{REPORT} is current\n")
        return EXIT_OK
    try:
        written = write_text(root, REPORT, markdown_parts(result))
    except WriteRefused as exc:
        sys.stderr.write(f"claims report: {exc}; nothing written\n")
        return EXIT_PROBLEMS
    counts = ", ".join(
        f"{sum(g.relation == r for g in result.groups)} {r}"
        for r in ("contradiction", "discrepancy", "agreement", "change", "single")
    )
    done = "wrote" if written else "unchanged (not rewritten):"
    sys.stdout.write(f"{done} {REPORT}: {len(result.groups)} groups ({counts})\n")
    return EXIT_OK
