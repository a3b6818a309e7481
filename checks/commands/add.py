"""`claims add`: scaffold a claim from a quote and append it to the article's claims file.

The quote is checked against the article first, with the same rules and messages as `claims check`
(copy it exactly as printed; `claims find` locates it). With a field missing, the command prints
what it suggests (figures read from the quote, unit, subject and property from the vocabulary and
from claims on the same sentence) and the command line that would write the claim, and exits 1
without writing. With every field given it appends the claim to claims/<source>.yaml (created with
its header when it is the article's first), leaves every byte already there as it was, checks the
whole registry as it would be, and replaces the file atomically only if no problem appears.

Worked example (뉴스웨이, 2022-01-19, seeds/001_2c315aae7f92fa59.txt line 81):

  claims add --source newsway-2022-01-19 \\
      --quote '실제로 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로'
    prints the figures the quote holds (80여명 and 128명, person) and its date (지난해 3분기:
    2021-Q3, the time 128명 holds), suggests subject lg-ai-research and property headcount from the
    claims already on that sentence, and one ready-to-run command per figure:

  claims add --source newsway-2022-01-19 \\
      --quote '실제로 출범 당시 80여명이던 인력은 지난해 3분기 기준 128명으로' \\
      --subject lg-ai-research --property headcount --as-written 128명 --unit person \\
      --as-of 2021-Q3 --as-of-text '지난해 3분기'
    appends the claim newsway-2022-01-19.headcount-2021-q3 (the ID proposed when --id is not given)
    -- here it is refused, since newsway-2022-01-19.staff-2021-q3 already says exactly that.

Exit status: 0 written, 1 not written (a field missing, a problem found, a duplicate), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..inert import terminal
from . import EXIT_OK, EXIT_PROBLEMS, UsageError, add_root_option, registry_root

if TYPE_CHECKING:
    from ..scaffold import Outcome, Request

NAME = "add"
HELP = "scaffold a claim from a quote and append it to the article's claims file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--source", metavar="ID", required=True, help="the article's ID in seeds/sources.yaml"
    )
    parser.add_argument(
        "--quote", metavar="TEXT", required=True, help="exact text of the article holding the figure"
    )
    parser.add_argument("--id", metavar="ID", help="the claim's ID (default: <source>.<property>[-<as_of>])")
    parser.add_argument("--subject", metavar="S", help="a subject key from schema/vocabulary.yaml")
    parser.add_argument("--property", metavar="P", help="a property key from schema/vocabulary.yaml")
    parser.add_argument("--as-written", metavar="F", help="the figure exactly as the quote prints it")
    parser.add_argument("--unit", metavar="U", help="a unit key from schema/vocabulary.yaml")
    parser.add_argument("--as-of", metavar="T", help="the time the figure refers to (2021-Q3, 2020-12, ...)")
    parser.add_argument("--as-of-text", metavar="W", help="the quote's words that say that time")
    parser.add_argument(
        "--occurrence", metavar="N", type=int, help="which occurrence, when the quote is repeated"
    )
    parser.add_argument("--note", metavar="N", help="a note for the report's readers")
    parser.add_argument("--dry-run", action="store_true", help="check and show, write nothing")
    add_root_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..editing import EditRefused
    from ..scaffold import Request, add_claim

    if args.occurrence is not None and args.occurrence < 1:
        raise UsageError("--occurrence counts from 1")
    if args.occurrence is not None and args.occurrence >= 10**18:
        # The registry's YAML reader refuses integers of more than 18 digits (number-too-large).
        raise UsageError("--occurrence has at most 18 digits; no quote occurs that often")
    root = registry_root(args.root)
    request = Request(
        source=args.source,
        quote=args.quote,
        id=args.id,
        subject=args.subject,
        property=args.property,
        as_written=args.as_written,
        unit=args.unit,
        as_of=args.as_of,
        as_of_text=args.as_of_text,
        occurrence=args.occurrence,
        note=args.note,
    )
    try:
        outcome = add_claim(root, request, dry_run=args.dry_run)
    except EditRefused as exc:
        sys.stderr.write(f"claims add: {terminal(str(exc))}\n")  # it may echo any option's value
        return EXIT_PROBLEMS
    sys.stdout.write(render(outcome, request, args.root, args.dry_run))
    return EXIT_OK if outcome.status == "written" else EXIT_PROBLEMS


def render(outcome: Outcome, request: Request, root_arg: str | None, dry_run: bool) -> str:
    from ..inert import terminal_lines
    from ..scaffold import command_line
    from ..search import inert

    out: list[str] = []
    if outcome.status == "refused":
        out.append(f"claims add: {inert(outcome.message)}")
        for p in outcome.problems:
            out.append(f"  {p.severity.value} {p.code}: {inert(p.message)}")
            planned = outcome.planned
            if planned is None or p.path != planned.rel or p.line < planned.line:
                out.append(f"    (at {p.path}:{p.line}:{p.column})")
        return terminal_lines(out)
    source = outcome.source
    line, column = outcome.place
    out.append(f"quote verified: {source.id}, {source.file}:{line}:{column}")
    if outcome.status == "written":
        planned = outcome.planned
        verb = "would append" if dry_run else "appended"
        out.append(f"{verb} claim {outcome.claim_id} to {planned.rel}:{planned.line}")
        if planned.old is None:
            out.append(f"  ({planned.rel} is new: the article's first claim)")
        if outcome.reading:
            out.append(f"  read as: {inert(outcome.reading)}")
        for key, relation, explanation in outcome.groups:
            out.append(f"  compared in {inert(key)}: {relation} ({inert(explanation)})")
        if dry_run:
            out.append("--- the new claim ---")
            out.extend(planned.new[len(planned.old or b"") :].decode("utf-8").rstrip("\n").split("\n"))
        else:
            out.append("next: `claims check`, then `claims report`; commit the claims file with the report")
        return terminal_lines(out)
    out.append(f"sentence: {inert(outcome.sentence)}")
    if outcome.sentence_claims:
        out.append("claims already on this sentence:")
        for c in outcome.sentence_claims:
            time = f", as_of {c.as_of} ({c.as_of_text})" if c.as_of else ""
            out.append(f"  {c.id}: {c.subject} / {c.property} = {inert(c.as_written)} ({c.unit}{time})")
    out.append("missing: " + ", ".join("--" + m.replace("_", "-") for m in outcome.missing))
    if not outcome.options:
        out.append(
            "no figure found in the quote: give --as-written as printed in it (see docs/quantities.md)"
        )
    for option in outcome.options:
        q = option.quantity
        taken = f" -- already claimed by {', '.join(option.claimed_by)}" if option.claimed_by else ""
        if q.paired_with:
            taken += f" -- the amount paired with {inert(q.paired_with)}: either stands on its own"
        if option.time_of:
            taken += f" -- the time (as_of_text) of {', '.join(option.time_of)}"
        out.append(f"{'date' if q.unit == 'date' else 'figure'} {inert(q.label())}{taken}")
        if option.time_of and not option.claimed_by:
            # Covered as the time of a figure's claim (as `claims coverage` counts it): a claim of its
            # own would state an event that happened then, which the sentence does not say.
            out.append("  nothing to claim: it says when that claim's figure holds")
            continue
        if q.as_of_words and not option.claimed_by:
            out.append(
                f"  it says when a figure holds ({inert(q.as_of_words)}): not an event's date; give it as that "
                "figure's --as-of and --as-of-text (suggested with the figure)"
            )
            continue
        if option.unit:
            out.append(f"  --unit {option.unit.value}: {option.unit.why}")
        for name, suggestions in (("subject", option.subjects), ("property", option.properties)):
            if suggestions:
                for s in suggestions:
                    out.append(f"  --{name} {s.value}: {inert(s.why)}")
            else:
                out.append(
                    f"  --{name}: no suggestion; pick a key from schema/vocabulary.yaml (or add one there)"
                )
        for as_of, words, why in option.times:
            out.append(f"  --as-of {as_of} --as-of-text {inert(words)}: {inert(why)}")
        out.append("  run:")
        out.append("    " + command_line(request, option, root_arg))
    if any(o.quantity.unit in ("year", "calendar-month", "day") for o in outcome.options):
        out.append(
            "(a year, month or day of an event is claimed whole, as a date: --unit date --as-written "
            "'2020년 12월', with a property naming the event; see CONTRIBUTING.md)"
        )
    if any(
        o.quantity.unit == "date" and not o.time_of and not o.quantity.as_of_words for o in outcome.options
    ):
        out.append(
            "(a date that says when a figure holds, 지난해 3분기 in 지난해 3분기 기준 128명, is that figure's "
            "--as-of and --as-of-text, not a claim of its own; claim a date as a date when it is an event's)"
        )
    if not outcome.options:
        out.append("run (fill in the capitals):")
        out.append("    " + command_line(request, None, root_arg))
    out.append(
        "not written: give the missing options (check the suggestions; the time, --as-of, when the quote states one)"
    )
    # Every line inert at once: claim IDs, keys and time words of the registry's claims on the sentence
    # (a claim failing its schema is still listed) printed raw started fake `::error` lines.
    return terminal_lines(out)
