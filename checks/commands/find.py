"""`claims find TEXT`: find a sentence in the article bodies, exactly or nearly.

Spacing and quotation marks do not matter (`출범당시80여명` finds `출범 당시 80여명`, `'엑사원'` finds
`‘엑사원’`); near hits differ from the text by at most a fifth of its characters. For each hit:
the article, `path:line:column`, the article's own words, the sentence, the figures and dates in it
(a date with the days it names), and the claims that already quote that sentence. Exact hits come
first.

Example:

  claims find 출범당시80여명 --source newsway-2022-01-19
  seeds/001_2c315aae7f92fa59.txt:81:5: newsway-2022-01-19 exact «출범 당시 80여명»
    sentence: 실제로 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로 빠르게 몸집을 키우고 있다.
    figures: 80여명 (person), 3분기 (quarter), 128명 (person)
    dates: 지난해 3분기 (2021-Q3)
    claims: newsway-2022-01-19.staff-2021-q3, newsway-2022-01-19.staff-at-founding
  1 exact and 0 near hit(s) for «출범당시80여명»
"""

from __future__ import annotations

import argparse
import sys

from .. import exactjson
from . import EXIT_OK, EXIT_PROBLEMS, UsageError, add_root_option, registry_root
from .number import FIGURE_WITH_MINUS

NAME = "find"
HELP = "find a sentence in the articles (spacing and quotation marks do not matter)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("text", help="the words to find, as you read them (-3.5%%p: a leading minus is text)")
    # The words may start with a signed figure (-3.5%p 하락): read as text, as `claims number` does.
    parser._negative_number_matcher = FIGURE_WITH_MINUS  # private: see checks/commands/number.py
    parser.add_argument(
        "--source", metavar="ID", action="append", help="search this article only (repeatable)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show at most N hits (default 20; 0: all)"
    )
    add_root_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..inert import terminal
    from ..schemas import did_you_mean
    from ..search import describe, find, fold, hits_json, load, outside_bodies, render_text

    if not fold(args.text):
        raise UsageError("nothing to find: give some words of the sentence")
    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    registry = load(registry_root(args.root))
    ids = None
    if args.source:
        ids = []
        for sid in args.source:
            if sid not in registry.index.sources:
                raise UsageError(
                    f"no source '{sid}' in seeds/sources.yaml{did_you_mean(sid, registry.index.sources)}"
                )
            if sid not in registry.usable:
                # The registry's fault, not the command line's: a problem (1), as `claims check` says.
                sys.stderr.write(
                    f"claims find: source '{terminal(sid)}' failed its own checks; run `claims check` and fix "
                    "it first\n"
                )
                return EXIT_PROBLEMS
            ids.append(sid)
    if registry.index.node is None:
        sys.stderr.write("claims find: seeds/sources.yaml cannot be read; run `claims check` to see why\n")
    skipped = sorted(set(registry.index.sources) - set(registry.usable))
    for sid in skipped if ids is None else ():
        sys.stderr.write(f"claims find: not searched: {sid} failed its own checks (see `claims check`)\n")
    hits = find(registry, args.text, ids)
    shown = describe(registry, hits if args.limit == 0 else hits[: args.limit])
    outside = [] if hits else outside_bodies(registry, args.text, ids)
    if args.format == "json":
        sys.stdout.write(exactjson.dumps(hits_json(args.text, hits, shown, outside)) + "\n")
    else:
        sys.stdout.write(render_text(args.text, hits, shown, outside))
    return EXIT_OK if hits else EXIT_PROBLEMS
