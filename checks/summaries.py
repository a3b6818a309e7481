"""Short summaries of a check and of the open conflicts: markdown for GitHub's job summary
($GITHUB_STEP_SUMMARY, which `claims check` and `claims report` append to under Actions), and text
for pytest's terminal summary. The full account stays in reports/conflicts.md.

Every piece of registry text goes through `report.md`: a quote, a note or an outlet's name cannot
inject markup into the job summary.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping

from .checker import CheckResult
from .compare import Group
from .diff import code_span
from .inert import terminal
from .problems import Severity
from .report import REPORT, md, table

STEP_SUMMARY = "GITHUB_STEP_SUMMARY"
# A job summary is for a glance (GitHub caps it at 1 MiB); the full list is in the annotations and logs.
MAX_ROWS = 50


def open_conflicts(result: CheckResult) -> list[Group]:
    """Contradictions and discrepancies without a resolution that settles them, in report order."""
    return [
        g for g in result.groups if g.is_conflict and not (g.resolution is not None and g.resolution.resolved)
    ]


def resolved_conflicts(result: CheckResult) -> list[Group]:
    return [g for g in result.groups if g.is_conflict and g.resolution is not None and g.resolution.resolved]


def _counts(result: CheckResult) -> str:
    conflicts = open_conflicts(result)
    contradictions = sum(g.relation == "contradiction" for g in conflicts)
    return (
        f"{contradictions} open contradiction(s), {len(conflicts) - contradictions} open discrepancy(ies), "
        f"{len(resolved_conflicts(result))} resolved"
    )


def _summary_line(result: CheckResult) -> str:
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    state = (
        f"{errors} error(s), {warnings} warning(s)" if result.problems else "all quotes verified, no problems"
    )
    return f"{len(result.claims)} claims over {len(result.sources)} sources: {state}"


def check_markdown(result: CheckResult, heading: str | None = None) -> str:
    """`claims check` in the job summary: the verdict and the first problems, located. `heading`
    replaces the verdict's title when another command reports the check (`claims report` says why
    it wrote no report)."""
    verdict = "failed" if result.failed else "passed"
    out = [f"### {heading or f'`claims check`: {verdict}'}\n\n", md(_summary_line(result)), "\n\n"]
    if result.problems:
        rows = [
            [md(f"{p.path}:{p.line}:{p.column}"), p.severity.value, code_span(p.code), md(p.message)]
            for p in result.problems[:MAX_ROWS]
        ]
        out.append(table(["where", "severity", "code", "message"], rows))
        more = len(result.problems) - MAX_ROWS
        if more > 0:
            out.append(f"\n…and {more} more (see the annotations or the job's log).\n")
        out.append("\n")
    return "".join(out)


def conflicts_markdown(result: CheckResult, report: str = REPORT) -> str:
    """`claims report` in the job summary: the open conflicts, one line each, and where the report is."""
    out = [f"### Conflicts between outlets\n\n{md(_counts(result))}; the full report: {md(report)}.\n\n"]
    conflicts = open_conflicts(result)
    if conflicts:
        rows = [[code_span(g.key), g.relation, md(g.explanation)] for g in conflicts[:MAX_ROWS]]
        out.append(table(["group", "relation", "why"], rows))
        more = len(conflicts) - MAX_ROWS
        if more > 0:
            out.append(f"\n…and {more} more (see the report).\n")
        out.append("\n")
    return "".join(out)


def conflicts_text(result: CheckResult, report: str) -> list[str]:
    """The open conflicts for a terminal: one line each, then where the report is. Inert (an outlet's
    name or a figure as written cannot start a fake line in the CI log: checks.inert)."""
    lines = [f"{g.relation} {g.key}: {g.explanation}" for g in open_conflicts(result)]
    return [terminal(line) for line in [*lines, f"{_counts(result)}; the report: {report}"]]


def append_step_summary(markdown: str, environ: Mapping[str, str] = os.environ) -> None:
    """Append to GitHub's job summary when it is set (never truncate: other steps write there too).

    A summary that cannot be written is reported on standard error; it does not change the verdict.
    The path is the runner's, outside the registry, but it is still only ever a regular file: a FIFO
    would block the check forever and a device would swallow or refuse it (opened without blocking,
    then checked before anything is written).
    """
    path = environ.get(STEP_SUMMARY)
    if not path:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        sys.stderr.write(
            f"claims: cannot append to ${STEP_SUMMARY} ({terminal(path)}): {exc.strerror or exc}\n"
        )
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            sys.stderr.write(
                f"claims: ${STEP_SUMMARY} ({terminal(path)}) is not a regular file; not written\n"
            )
            return
        os.set_blocking(fd, True)
        with os.fdopen(fd, "a", encoding="utf-8", newline="\n", closefd=False) as handle:
            handle.write(markdown)
    except OSError as exc:
        sys.stderr.write(
            f"claims: cannot append to ${STEP_SUMMARY} ({terminal(path)}): {exc.strerror or exc}\n"
        )
    finally:
        os.close(fd)
