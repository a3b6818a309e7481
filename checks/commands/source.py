"""`claims source add PATH`: onboard an article file placed in seeds/.

Pins the file's sha256, proposes the headline, the body bounds (headline to sign-off) with the page
furniture inside them, the reporter and the text naming the outlet, lists the dates printed on the
page, prints all of it for review, and appends the entry to seeds/sources.yaml (every byte already
there kept, the registry checked as it would be, the file replaced atomically). Without
--published it lists the date candidates and exits 1. A file outside seeds/ (links resolved), or
one already indexed by name or by identical bytes, is refused.

Example:

  cp ~/Downloads/article.txt seeds/005_lg_exaone.txt
  claims source add seeds/005_lg_exaone.txt --outlet 이투데이
    lists the dates on the page (입력 2023-08-28 06:00 first) and asks for one;
  claims source add seeds/005_lg_exaone.txt --outlet 이투데이 --published 2023-08-28
    proposes id etoday-2023-08-28, the headline, body lines 1-22 without the font-size buttons
    (4-12), and appends the entry.

Exit status: 0 written, 1 not written (a choice to make, a problem found), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..inert import terminal
from . import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_root_option, registry_root

if TYPE_CHECKING:
    from ..onboard import Outcome

NAME = "source"
HELP = "onboard an article: `claims source add PATH --outlet O --published YYYY-MM-DD`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # The module docstring is `claims source add`'s own help (an example laid out in lines); the
    # parent command only points there, rather than reflowing that example into one paragraph.
    parser.description = (
        "`claims source`: the sources index (seeds/sources.yaml). `claims source add --help` shows how "
        "to onboard an article, with an example."
    )
    sub = parser.add_subparsers(dest="source_command", required=True, metavar="SUBCOMMAND")
    add = sub.add_parser(
        "add",
        help="index an article file placed in seeds/",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("path", metavar="PATH", help="the article file, already copied into seeds/")
    add.add_argument(
        "--outlet", metavar="O", required=True, help="the outlet as it names itself (e.g. 뉴스1)"
    )
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the article's own publication date")
    add.add_argument("--id", metavar="ID", help="the source ID (default: <outlet-slug>-<published>)")
    add.add_argument("--headline", metavar="H", help="the headline exactly as printed (default: proposed)")
    add.add_argument(
        "--reporter", metavar="R", help="the reporter as printed (default: proposed from the byline)"
    )
    add.add_argument(
        "--body-lines", metavar="FIRST-LAST", help="the body's lines, 1-based (default: proposed)"
    )
    add.add_argument(
        "--omit", metavar="FIRST-LAST", action="append", help="page furniture inside the body (repeatable)"
    )
    add.add_argument("--no-omit", action="store_true", help="omit nothing inside the body")
    add.add_argument(
        "--published-evidence", metavar="TEXT", help="the text of the file the date is read from"
    )
    add.add_argument(
        "--published-note", metavar="TEXT", help="how the date was derived, when no label prints it"
    )
    add.add_argument("--outlet-evidence", metavar="TEXT", help="the text of the file that names the outlet")
    add.add_argument(
        "--outlet-note", metavar="TEXT", help="how the outlet was identified, when the page does not say"
    )
    add.add_argument("--url", metavar="URL", help="where the article was published")
    add.add_argument("--dry-run", action="store_true", help="show the proposal and check it; write nothing")
    add_root_option(add)


def run(args: argparse.Namespace) -> int:
    from ..editing import EditRefused
    from ..onboard import Request, add_source

    if args.source_command != "add":  # pragma: no cover - argparse allows only `add`
        return EXIT_USAGE
    if args.omit and args.no_omit:
        sys.stderr.write("claims source add: --omit and --no-omit contradict each other\n")
        return EXIT_USAGE
    root = registry_root(args.root)
    request = Request(
        path=args.path,
        outlet=args.outlet,
        published=args.published,
        id=args.id,
        headline=args.headline,
        reporter=args.reporter,
        body_lines=args.body_lines,
        omit=args.omit,
        no_omit=args.no_omit,
        published_evidence=args.published_evidence,
        published_note=args.published_note,
        outlet_evidence=args.outlet_evidence,
        outlet_note=args.outlet_note,
        url=args.url,
    )
    try:
        outcome = add_source(root, request, Path.cwd(), dry_run=args.dry_run)
    except EditRefused as exc:
        sys.stderr.write(f"claims source add: {terminal(str(exc))}\n")  # a file name may hold anything
        return EXIT_PROBLEMS
    sys.stdout.write(render(outcome, args.dry_run))
    return EXIT_OK if outcome.status == "written" else EXIT_PROBLEMS


def render(outcome: Outcome, dry_run: bool) -> str:
    from ..inert import terminal_lines
    from ..search import inert

    p = outcome.proposal
    out = [f"{p.path}: {p.line_count} lines, sha256 {p.sha256}"]
    out.append(
        "proposed (review it; each choice can be given instead: --id, --headline, --body-lines, --omit, …):"
    )
    if p.id:
        out.append(f"  id: {p.id} ({p.id_why})")
    out.append(f"  headline, line {p.headline_line}: {inert(p.headline)}")
    out.append(f"  body: lines {p.first}-{p.last} ({inert(p.body_why)})")
    out.append(f"    first line: {_clip(inert(p.lines[p.first - 1].strip()))}")
    out.append(f"    last line:  {_clip(inert(p.lines[p.last - 1].strip()))}")
    for o in p.omits:
        out.append(f"  omit: lines {o.first}-{o.last}, {inert(o.what)}")
    if p.reporter:
        out.append(
            f"  reporter: {inert(p.reporter)}" + (f" (line {p.reporter_line})" if p.reporter_line else "")
        )
    if p.outlet_evidence:
        out.append(f"  outlet named by: «{inert(p.outlet_evidence)}» (line {p.outlet_evidence_line})")
    if p.published is not None:
        out.append(
            f"  published: {p.published.day.isoformat()}, from «{inert(p.published.evidence)}» (line {p.published.line})"
        )
    others = [d for d in p.dates if p.published is None or d.line != p.published.line]
    if others:
        out.append(
            "  dates on the page, likeliest first:" if p.published is None else "  other dates on the page:"
        )
        for d in others:
            out.append(f"    {inert(d.describe())}")
    elif p.published is None:
        out.append(
            "  no calendar date is printed on the page: derive it (dateline, photo credit, events) and say how"
        )
    if outcome.status == "incomplete":
        out.append(f"not written: {outcome.message}")
        if not p.dates:
            out.append(
                "  with --published-evidence TEXT (the words of the file it rests on) and --published-note"
            )
        return terminal_lines(out)  # the outlet given, in the messages, may hold anything
    if outcome.status == "refused":
        out.append(f"claims source add: {outcome.message}")
        for problem in outcome.problems:
            out.append(f"  {inert(problem.text())}")
        return terminal_lines(out)  # the outlet given, in the messages, may hold anything
    planned = outcome.planned
    assert planned is not None
    verb = "would append" if dry_run else "appended"
    out.append(f"{verb} source {p.id} to {planned.rel}:{planned.line}")
    if dry_run:
        out.append("--- the new entry ---")
        out.extend(planned.new[len(planned.old or b"") :].decode("utf-8").rstrip("\n").split("\n"))
    else:
        out.append(
            f"next: `claims check`; then find sentences (`claims find TEXT --source {p.id}`) and add claims"
        )
    return terminal_lines(out)  # the outlet given, in the messages, may hold anything


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
