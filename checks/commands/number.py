"""`claims number`: read one Korean figure and print it as JSON."""

from __future__ import annotations

import argparse
import re
import sys

from .. import exactjson
from . import EXIT_OK, EXIT_PROBLEMS

NAME = "number"
HELP = "read a Korean figure and print it as JSON"


# A figure may start with a minus (-3.5%, -1.2조원, −0.5%p). argparse takes any argument that starts with
# "-" and does not look like a plain negative number (-3, -3.5) for an option, so `claims number -3.5%`
# failed (issue 8). argparse has no public switch for this; its own test for "looks like a negative
# number" is this parser's _negative_number_matcher, which we widen to a minus followed by a digit or a
# point. Options (-h, --help) start with a letter or a second "-", so they are unaffected.
FIGURE_WITH_MINUS = re.compile(r"^-[0-9０-９.]")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "expression",
        help="e.g. '3조6000억 원', '80여명', '2억 5000만장 이상', -3.5%% (a leading minus is read as a sign)",
    )
    parser._negative_number_matcher = FIGURE_WITH_MINUS  # private: see the comment above


def run(args: argparse.Namespace) -> int:
    from ..inert import terminal
    from ..quantity import NotAFigure, quantity_json, read_quantity

    try:
        read = read_quantity(args.expression)
    except NotAFigure as exc:
        sys.stderr.write(
            f"claims number: '{terminal(args.expression)}' is not a figure: {terminal(exc.message)} "
            f"(at offset {exc.position})\n"
        )
        return EXIT_PROBLEMS
    sys.stdout.write(exactjson.dumps(quantity_json(read)) + "\n")
    return EXIT_OK
