"""The registry as pytest tests: one per failing claim, source, file or article, and one for the rest.

`pytest` (no arguments, in a registry) and `pytest --registry DIR` run the same checks as
`claims check`, computed once per session. A failing claim is its own failure, reported at its YAML
file and line (not at a line of a test module), with the same messages `claims check` prints.

What checks clean has no test of its own. A registry file with a problem has its own test (`(file)`)
and one for each entry of it with a problem; every registry file without one passes in a single test
at the sources index (`seeds/sources.yaml::(files without problems)`). Likewise an article with an
uncovered figure has its coverage test (`seeds/ARTICLE::coverage`), and all other articles pass in one
(`seeds/sources.yaml::(coverage)`). Pytest spends about a millisecond on each test: one for each of
10,000 files and 10,000 articles cost a third of the whole run at 100,000 claims (issue 11; README,
"Speed").
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

import pytest

from .checker import CheckResult, check
from .coverage import MAX_LINE_SHOWN, ArticleCoverage, coverage
from .files import FileChangedDuringRun, Refusal, holds
from .inert import terminal
from .problems import Problem, Severity
from .report import REPORT
from .resolutions import RESOLUTIONS
from .skips import SKIPS
from .sources import INDEX
from .vocabulary import VOCABULARY
from .yamlfile import Node


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claims-registry")
    group.addoption(
        "--registry",
        metavar="DIR",
        default=None,
        help="check the claims registry at DIR (one test per claim and source); "
        "without it, the registry around the rootdir is checked when pytest runs with no file arguments",
    )
    group.addoption(
        "--conflicts-report",
        metavar="PATH",
        default=None,
        help="write the conflicts report (markdown, as `claims report` writes it) from this run to PATH",
    )


def _registry_root(config: pytest.Config) -> Path | None:
    option = config.getoption("--registry")
    if option is not None:
        root = Path(option)
        if not root.is_dir():
            raise pytest.UsageError(f"--registry {option}: no such directory")
        return root.resolve()
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        return None  # the user chose what to run
    root = Path(config.rootpath)
    return root if (root / INDEX).is_file() else None


class RegistryProblems(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class RegistryItem(pytest.Item):
    """One claim, one source, one registry file as a whole, or every registry file without a problem."""

    def __init__(self, *, line: int, problems: list[Problem], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.line = line
        self.problems = problems

    def runtest(self) -> None:
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        if errors:
            raise RegistryProblems(self.problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RegistryProblems):
            return "\n".join(p.text() for p in excinfo.value.problems)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        # The location other plugins print (JUnit XML, annotations): an inert file name.
        path = self.path if terminal(str(self.path)) == str(self.path) else Path(_inert_path(str(self.path)))
        return path, max(self.line - 1, 0), self.name


class RegistryFile(pytest.File):
    """A registry file; its items are the entries of its top-level list (claims or sources)."""

    def __init__(self, *, entries: list[tuple[str, int, list[Problem]]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries = entries

    def collect(self) -> list[pytest.Item]:
        return [
            RegistryItem.from_parent(self, name=name, line=line, problems=problems)
            for name, line, problems in self.entries
        ]


def _entries(
    node: Node | None, list_key: str, problems: list[Problem]
) -> list[tuple[str, int, list[Problem]]]:
    """Split a file's problems among its list entries by line; the rest belong to the file."""
    items = node.get(list_key) if node is not None else None
    entries: list[Node] = (
        [e for e in items.value] if items is not None and isinstance(items.value, list) else []
    )
    starts = [e.line for e in entries]
    buckets: list[list[Problem]] = [[] for _ in entries]
    whole: list[Problem] = []
    for p in problems:
        i = bisect_right(starts, p.line) - 1
        inside = i >= 0 and p.line > 0 and p.line <= max(entries[i].end_line, entries[i].line)
        (buckets[i] if inside else whole).append(p)
    out = [("(file)", 1, whole)]
    seen: set[str] = set()
    for n, (entry, bucket) in enumerate(zip(entries, buckets)):
        ident = entry.get("id") or entry.get("group") or entry.get("figure")
        # Item names print in pytest's output: registry text, made inert (checks.inert).
        name = terminal(ident.value, 200) if ident is not None and isinstance(ident.value, str) else f"[{n}]"
        if name in seen:
            name = f"{name} [{n}]"
        seen.add(name)
        out.append((name, entry.line, bucket))
    return out


def _inert_path(nodeid: str) -> str:
    """A file's node ID made inert: escapes shown, and `::` and `[`, which pytest parses in a node ID,
    percent-encoded."""
    shown = terminal(nodeid.replace("%", "%25"))
    return shown.replace(":", "%3A").replace("[", "%5B").replace("]", "%5D")


# The top-level list whose entries become one test each; other files are one test as a whole.
_LIST_KEYS = {INDEX: "sources", VOCABULARY: "", RESOLUTIONS: "resolutions", SKIPS: "skips"}


def registry_collectors(session: pytest.Session, root: Path, result: CheckResult) -> list[RegistryFile]:
    by_path: dict[str, list[Problem]] = {}
    for p in result.problems:
        by_path.setdefault(p.path, []).append(p)
    files = dict(result.files)
    for rel in by_path:
        files.setdefault(rel, None)  # e.g. an article file missing from the index
    collectors = []
    clean = 0
    for rel in sorted(files):
        node = files[rel]
        if rel not in by_path:
            clean += node is not None  # not an optional file that is absent (claims/resolutions.yaml)
            continue  # passes with the others without a problem
        key = _LIST_KEYS.get(rel, "claims" if rel.startswith("claims/") else "")
        if key and rel in by_path:
            # The file's own test, and one for each entry with a problem.
            entries = _entries(node, key, by_path[rel])
            entries = entries[:1] + [entry for entry in entries[1:] if entry[2]]
        else:
            entries = [("(file)", 1, by_path.get(rel, []))]
        collector = RegistryFile.from_parent(session, path=root / rel, entries=entries)
        if terminal(rel) != rel:
            # A file name holding a newline or an escape: shown, not obeyed, wherever pytest prints
            # the node's ID or name (its items' IDs are built from it).
            collector = RegistryFile.from_parent(
                session,
                path=root / rel,
                entries=entries,
                name=terminal(collector.name),
                nodeid=_inert_path(collector.nodeid),
            )
        collectors.append(collector)
    if clean:
        collectors.append(
            RegistryFile.from_parent(session, path=root / INDEX, entries=[(CLEAN_FILES, 1, [])])
        )
    return collectors


CLEAN_FILES = "(files without problems)"
COVERED = "(coverage)"


class StaleReport(Exception):
    pass


class ReportItem(pytest.Item):
    """The committed report is what `claims report` would write now."""

    def __init__(self, *, result: CheckResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result

    def runtest(self) -> None:
        from .report import REGENERATE, markdown_parts

        if self.result.failed:
            pytest.skip("the registry has problems (see the failing claims); the report cannot be generated")
        current = holds(self.result.root, REPORT, markdown_parts(self.result))
        if isinstance(current, Refusal) and not current.missing:
            raise StaleReport(current.message)
        if current is not True:
            state = (
                "missing"
                if isinstance(current, Refusal)
                else "stale: the registry changed since it was generated"
            )
            raise StaleReport(f"{REPORT} is {state}; regenerate it with `{REGENERATE}` and commit it")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, StaleReport):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, "report is current"


class ReportFile(pytest.File):
    def __init__(self, *, result: CheckResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result

    def collect(self) -> list[pytest.Item]:
        return [ReportItem.from_parent(self, name="current", result=self.result)]


class Uncovered(Exception):
    pass


class CoverageItem(pytest.Item):
    """Every figure and date of one article is claimed or skipped (`claims coverage --check`); without an
    article, the test of every article that is (`covered` of them), or, while the registry has problems,
    of none (skipped)."""

    def __init__(self, *, article: ArticleCoverage | None, covered: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.covered = covered

    def runtest(self) -> None:
        if self.article is None:
            if self.covered is None:
                pytest.skip(
                    "the registry has problems (see the failing claims); coverage counts a clean registry"
                )
            return
        uncovered = self.article.uncovered
        if uncovered:
            # The sentence is the article's text, which may hold escape codes or bidi overrides: shown
            # inert, as `claims coverage` shows it (issue 10, class 6).
            lines = [
                terminal(
                    f"{f.where()}: uncovered {f.kind} '{f.text}' ({f.value}) «{f.sentence}»", MAX_LINE_SHOWN
                )
                for f in uncovered
            ]
            lines.append(
                f"{len(uncovered)} figure(s) and date(s) of {self.article.source} neither claimed nor skipped: "
                "claim each, or skip it with a reason in claims/skips.yaml (`claims coverage` lists them)"
            )
            raise Uncovered("\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, Uncovered):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        first = self.article.uncovered[0].line if self.article and self.article.uncovered else 1
        return self.path, first - 1, self.name


class CoverageFile(pytest.File):
    def __init__(
        self, *, name_: str, article: ArticleCoverage | None, covered: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.item_name = name_
        self.article = article
        self.covered = covered

    def collect(self) -> list[pytest.Item]:
        return [
            CoverageItem.from_parent(self, name=self.item_name, article=self.article, covered=self.covered)
        ]


def coverage_collectors(session: pytest.Session, root: Path, result: CheckResult) -> list[CoverageFile]:
    """A coverage test for each article with an uncovered figure, placed at the article file, and one
    for all the others at the sources index; only that one, skipped, while the registry has problems."""
    if not any(source.usable for source in result.sources.values()):
        return []
    if result.failed:
        return [CoverageFile.from_parent(session, path=root / INDEX, name_=COVERED, article=None)]
    articles = coverage(result, lean=True).articles
    failing = [
        CoverageFile.from_parent(session, path=root / a.file, name_="coverage", article=a)
        for a in articles
        if a.uncovered
    ]
    covered = len(articles) - len(failing)
    return failing + (
        [CoverageFile.from_parent(session, path=root / INDEX, name_=COVERED, article=None, covered=covered)]
        if covered
        else []
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    root = _registry_root(config)
    if root is None:
        if config.getoption("--conflicts-report") is not None:
            raise pytest.UsageError(
                "--conflicts-report needs the registry checked in this run: "
                "run pytest without file arguments, or with --registry DIR"
            )
        return
    if config.getoption("--registry") is not None and config.args_source != pytest.Config.ArgsSource.ARGS:
        # `pytest --registry DIR` checks that registry, not this project's engine tests.
        config.hook.pytest_deselected(items=list(items))
        items.clear()
    try:
        result = check(root)
        config.stash[RESULT] = result
        for collector in registry_collectors(session, root, result):
            items.extend(collector.collect())
        for coverage_file in coverage_collectors(session, root, result):
            items.extend(coverage_file.collect())
        items.extend(ReportFile.from_parent(session, path=root / REPORT, result=result).collect())
    except FileChangedDuringRun as exc:
        # A file saved while it was checked (the check itself, or placing its problems among its
        # entries, asks where things are): said plainly, as pytest's usage error, never located in
        # other bytes than those checked.
        config.stash[CHANGED] = str(exc)  # the session's end checks nothing again
        raise pytest.UsageError(str(exc)) from None


# --- the conflicts, reported by pytest itself ----------------------------------------------------------

RESULT = pytest.StashKey[CheckResult]()
CHANGED = pytest.StashKey[str]()  # a file changed while the registry was checked: why there is no result
WRITTEN = pytest.StashKey[str]()  # what became of --conflicts-report, for the terminal summary


def _checked(config: pytest.Config) -> CheckResult | None:
    result = config.stash.get(RESULT, None)
    if result is None:
        root = _registry_root(config)
        if root is None or CHANGED in config.stash:
            return None
        # Collected elsewhere (e.g. in pytest-xdist's workers): the same check, run here once more.
        try:
            result = config.stash[RESULT] = check(root)
        except FileChangedDuringRun as exc:
            config.stash[CHANGED] = str(exc)
            return None
    return result


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """`--conflicts-report PATH`: the report of this run, as `claims report` would write it."""
    config = session.config
    target = config.getoption("--conflicts-report")
    if target is None:
        return
    from .report import markdown_parts, write_atomically

    result = _checked(config)
    if result is None:
        config.stash[WRITTEN] = f"{target} not written: no registry was checked in this run"
    elif result.failed:
        config.stash[WRITTEN] = (
            f"{target} not written: the registry has problems (see the failing claims above)"
        )
    else:
        try:
            write_atomically(Path(target), markdown_parts(result))
        except Exception as exc:  # noqa: BLE001 -- an OSError, or a refusal of the writer's policy (a link)
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            config.stash[WRITTEN] = f"cannot write --conflicts-report {target}: {why}"
            session.exitstatus = pytest.ExitCode.USAGE_ERROR  # a report promised and missing fails the run


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Name the open contradictions and discrepancies, and where the report is (README promises it)."""
    from .summaries import conflicts_text

    target = config.getoption("--conflicts-report")
    written = config.stash.get(WRITTEN, None)
    result = _checked(config)
    if result is None:
        if written is not None:
            terminalreporter.write_line(written, red=True)
        return
    terminalreporter.section("open conflicts between outlets")
    if written is not None:
        terminalreporter.write_line(written, red=True)
    # The report the reader can open: the one this run wrote, else the committed one.
    shown = target if target is not None and written is None else str(_shown(result.root / REPORT))
    for line in conflicts_text(result, shown):
        terminalreporter.write_line(line)
    if result.failed:
        terminalreporter.write_line(
            "(claims with errors are left out of the comparison until they are fixed)"
        )


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
