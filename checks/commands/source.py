"""`claims source add`: onboard an article file placed in seeds/."""

from __future__ import annotations

import argparse

NAME = "source"
HELP = "onboard an article: `claims source add PATH --outlet O --published YYYY-MM-DD`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return 2
