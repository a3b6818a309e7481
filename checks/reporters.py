"""Rendering problems: text, JSON, GitHub annotations. Chosen in one place (`reporter_for`)."""

from __future__ import annotations

import os
from collections.abc import Callable

from . import exactjson
from .checker import CheckResult
from .inert import github_data, github_property
from .problems import Problem

FORMATS = ("text", "json", "github")


def _summary(result: CheckResult) -> str:
    errors = sum(1 for p in result.problems if p.severity.value == "error")
    warnings = len(result.problems) - errors
    return f"{len(result.claims)} claims over {len(result.sources)} sources: " + (
        f"{errors} error(s), {warnings} warning(s)" if result.problems else "all quotes verified, no problems"
    )


def text(result: CheckResult) -> str:
    return "\n".join([*(p.text() for p in result.problems), _summary(result)]) + "\n"


def json(result: CheckResult) -> str:
    return (
        exactjson.dumps(
            {
                "claims": len(result.claims),
                "sources": len(result.sources),
                "problems": [_problem_json(p) for p in result.problems],
            }
        )
        + "\n"
    )


def _problem_json(p: Problem) -> dict[str, object]:
    return {
        "path": p.path,
        "line": p.line,
        "column": p.column,
        "code": p.code,
        "severity": p.severity.value,
        "message": p.message,
    }


def github(result: CheckResult) -> str:
    """Workflow commands: GitHub shows each as an annotation on the pull request's line."""
    out = []
    for p in result.problems:
        level = "error" if p.severity.value == "error" else "warning"
        where = f"file={github_property(p.path)}"
        if p.line:
            where += f",line={p.line}"
            if p.column:
                where += f",col={p.column}"
        title = github_property(p.code)
        out.append(f"::{level} {where},title={title}::{github_data(p.message)}")
    return "\n".join([*out, _summary(result)]) + "\n"


def reporter_for(fmt: str | None) -> Callable[[CheckResult], str]:
    """The explicit format, else GitHub annotations under GitHub Actions, else text."""
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return {"text": text, "json": json, "github": github}[fmt]
