"""`claims`: the command line. Exit status is decided here and only here:
0 clean, 1 problems found, 2 usage or internal error."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import exactjson
from .problems import CODES, Code

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class UsageError(Exception):
    pass


def default_root() -> Path:
    """The registry around the current directory (like git finds .git), else this project's."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds" / "sources.yaml").is_file():
            return folder
    return PROJECT_ROOT


def _root(value: str | None) -> Path:
    if value is None:
        return default_root()
    root = Path(value)
    if not root.is_dir():
        raise UsageError(f"--root {value}: no such directory")
    return root.resolve()


def cmd_check(args: argparse.Namespace) -> int:
    from .checker import check
    from .reporters import reporter_for

    result = check(_root(args.root))
    sys.stdout.write(reporter_for(args.format)(result))
    return EXIT_PROBLEMS if result.failed else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .checker import check
    from .report import REGENERATE, REPORT, analysis_json, markdown, write_atomically
    from .reporters import text

    root = _root(args.root)
    result = check(root)
    if result.failed:
        sys.stderr.write(text(result))
        sys.stderr.write("claims report: the registry has problems; fix them (see `claims check`) first\n")
        return EXIT_PROBLEMS
    if args.format == "json":
        sys.stdout.write(analysis_json(result))
        return EXIT_OK
    report = markdown(result)
    path = root / REPORT
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != report:
            state = "missing" if current is None else "stale: the registry has changed since it was generated"
            sys.stderr.write(f"{REPORT} is {state}. Regenerate it with `{REGENERATE}` and commit it.\n")
            return EXIT_PROBLEMS
        sys.stdout.write(f"{REPORT} is current\n")
        return EXIT_OK
    write_atomically(path, report)
    counts = ", ".join(
        f"{sum(g.relation == r for g in result.groups)} {r}"
        for r in ("contradiction", "discrepancy", "agreement", "change", "single")
    )
    sys.stdout.write(f"wrote {REPORT}: {len(result.groups)} groups ({counts})\n")
    return EXIT_OK


def cmd_number(args: argparse.Namespace) -> int:
    from .quantity import NotAFigure, quantity_json, read_quantity

    try:
        read = read_quantity(args.expression)
    except NotAFigure as exc:
        sys.stderr.write(f"claims number: {args.expression!r} is not a figure: {exc.message}\n")
        return EXIT_PROBLEMS
    sys.stdout.write(exactjson.dumps(quantity_json(read)) + "\n")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    if args.markdown:
        from .docs import problems_markdown

        sys.stdout.write(problems_markdown())
        return EXIT_OK
    codes = [args.code] if args.code else sorted(CODES)
    for name in codes:
        if name not in CODES:
            from .schemas import did_you_mean

            raise UsageError(f"no problem code '{name}'{did_you_mean(name, CODES)}")
    sys.stdout.write("\n".join(explain(CODES[name]) for name in codes))
    return EXIT_OK


def explain(code: Code) -> str:
    def block(text: str | bytes) -> str:
        shown = text if isinstance(text, str) else text.decode("utf-8", errors="backslashreplace")
        return "\n".join("    " + line for line in shown.splitlines()) or "    (empty file)"

    where = code.at_path or code.failing.file
    return (
        f"{code.code} ({code.severity.value})\n  {code.summary}\n  Fix: {code.fix}\n"
        f"  Failing example ({code.failing.file}; reported at {where}:{code.at[0]}:{code.at[1]}):\n"
        f"{block(code.failing.text)}\n"
        f"  Passing example ({code.passing.file}):\n{block(code.passing.text)}\n"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims",
        description="Claims registry: every figure traced to the exact sentence it came from.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="check every source, claim and quote of a registry")
    p.add_argument(
        "--root", metavar="DIR", help="registry root (default: the one around the current directory)"
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        help="output format (default: text; GitHub annotations under GitHub Actions)",
    )
    p.set_defaults(run=cmd_check)

    p = sub.add_parser(
        "report", help="write reports/conflicts.md: where the outlets agree, contradict or change"
    )
    p.add_argument(
        "--root", metavar="DIR", help="registry root (default: the one around the current directory)"
    )
    p.add_argument(
        "--check", action="store_true", help="exit 1 if the committed report is stale; write nothing"
    )
    p.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown writes the report file; json prints the same analysis to standard output",
    )
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("number", help="read a Korean figure and print it as JSON")
    p.add_argument("expression", help="e.g. '3조6000억 원', '80여명', '2억 5000만장 이상'")
    p.set_defaults(run=cmd_number)

    p = sub.add_parser("explain", help="describe a problem code, with a failing and a passing example")
    p.add_argument("code", nargs="?", help="problem code (default: all)")
    p.add_argument("--markdown", action="store_true", help="print docs/problems.md")
    p.set_defaults(run=cmd_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as exc:
        sys.stderr.write(f"claims {args.command}: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 -- any internal error: say so briefly; the traceback only on request
        sys.stderr.write(f"claims {args.command}: internal error: {type(exc).__name__}: {exc}\n")
        if os.environ.get("CLAIMS_DEBUG"):
            traceback.print_exc()
        else:
            sys.stderr.write("(set CLAIMS_DEBUG=1 for the traceback, and please report it)\n")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
