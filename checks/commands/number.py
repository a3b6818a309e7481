"""`claims number`: read one Korean figure and print it as JSON."""

from __future__ import annotations

import argparse
import sys

from .. import exactjson
from . import EXIT_OK, EXIT_PROBLEMS

NAME = "number"
HELP = "read a Korean figure and print it as JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expression", help="e.g. '3조6000억 원', '80여명', '2억 5000만장 이상'")


def run(args: argparse.Namespace) -> int:
    from ..quantity import NotAFigure, quantity_json, read_quantity

    try:
        read = read_quantity(args.expression)
    except NotAFigure as exc:
        sys.stderr.write(f"claims number: {args.expression!r} is not a figure: {exc.message}\n")
        return EXIT_PROBLEMS
    sys.stdout.write(exactjson.dumps(quantity_json(read)) + "\n")
    return EXIT_OK
