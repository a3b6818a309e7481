"""The report: reports/conflicts.md (markdown, for people) and the same analysis as JSON.

Everything is rendered from the sorted groups of `checks.compare`, so the same registry gives the
same bytes whatever the file order, the hash seed or the machine. Every piece of registry text goes
through `md` before it reaches the markdown, so a `|`, a backtick or an HTML tag in a quote or a note
can neither break a table nor inject markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import tabulate as tabulate_module
from tabulate import tabulate

from . import exactjson, files
from .checker import CheckResult
from .compare import RELATIONS, Group, Member
from .coverage import coverage
from .dates import DATE_UNIT
from .quotes import canonical
from .whole_figure import whole_figure_start
from .workers import fork_map, processes_for

REPORT = "reports/conflicts.md"
REGENERATE = "claims report"


# --- numbers -------------------------------------------------------------------------------------------


def grouped(value: Fraction | int) -> str:
    """Exact decimal digits, grouped by thousands from 10,000 up: 3,600,000,000,000; 2020; 1.5.
    Never scientific notation. (Below 10,000 grouping only gets in the way of years and counts.)"""
    token = exactjson.number_token(Fraction(value))
    sign = "-" if token.startswith("-") else ""
    whole, dot, frac = token.lstrip("-").partition(".")
    digits = f"{int(whole):,}" if int(whole) >= 10**4 else whole
    return f"{sign}{digits}{dot}{frac}"


_KOREAN_UNITS = ((10**16, "경"), (10**12, "조"), (10**8, "억"), (10**4, "만"))


def korean(value: Fraction | int) -> str | None:
    """The Korean form of a large whole number: 3600000000000 -> 3조 6000억. None when not apt."""
    value = Fraction(value)
    if value.denominator != 1 or abs(value) < 10**4:
        return None
    n = abs(value.numerator)
    parts = []
    for size, name in _KOREAN_UNITS:
        if n >= size:
            parts.append(f"{n // size}{name}")
            n %= size
    if n:
        parts.append(str(n))
    return ("-" if value < 0 else "") + " ".join(parts)


def figure(value: Fraction | None) -> str:
    if value is None:
        return "—"
    k = korean(value)
    return f"{grouped(value)} ({k})" if k else grouped(value)


def value_cell(m: Member) -> str:
    """The value; for a paired amount, 1억 달러(약 1200억원), the second one too; a date as a date."""
    if m.date is not None:
        return date_cell(m)
    text = figure(m.figure.value)
    paired = m.figure.paired
    if paired is not None:
        text += f"; paired: {paired.text} = {figure(paired.value)} {paired.unit or ''}".rstrip()
    return md(text)


def date_cell(m: Member) -> str:
    """An event date as a reader reads one: 2023-08-21, 2021-12, 2021, 2023-08-21 – 2023-08-24."""
    return md(m.days.display())


def precision_cell(m: Member) -> str:
    """How precise the date is, and what relative words were counted from."""
    assert m.date is not None
    text = m.date.precision
    if m.date.relation != "at":
        text += f", {m.date.relation}"  # 2023년까지: the end of a time; 21일부터: its start
    if m.date.approximate:
        text += ", approximately"  # 20일께: around that time
    elif m.date.vague:
        text += ", some time within"
    if m.date.relative:
        text += f", counted from {m.source.published.isoformat()}"
    return md(text)


def bounds(m: Member) -> str:
    if m.date is not None:
        return precision_cell(m)
    q = m.figure
    low = "−∞" if q.low is None else (korean(q.low) or grouped(q.low))
    high = "∞" if q.high is None else (korean(q.high) or grouped(q.high))
    left = "[" if q.low is not None and q.low_inclusive else "("
    right = "]" if q.high is not None and q.high_inclusive else ")"
    return f"{left}{low}, {high}{right}"


# --- markdown safety -------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")
_MD_TABLE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"} | {ch: "\\" + ch for ch in "\\`*_[]#~!@$"}
)


# GitHub turns bare URLs (http://, www.), e-mail addresses, @mentions, #123 and GH-123 issue references and commit
# hashes into live links: markdown autolinks first, then filters over the rendered text (so a backslash
# escape, gone once rendered, does not stop a mention). An empty element splits the text where such a
# link would start: shown as written, never linked. (Issue 10, class 7.)
_BREAK = "<span></span>"
_AUTOLINK = re.compile(
    r"(?i)(?<=[a-z])(?=://)"  # http://, https://, ftp://: split before the ://
    r"|(?<=www)(?=\.)"  # www.example.com: split before the dot
    r"|(?<=@)(?=[a-z0-9])"  # @user, a@b.example
    r"|(?<=#)(?<!&#)(?=[a-z0-9])"  # #123, owner/repo#123 (not an entity such as &#124;)
    r"|(?<=\bgh)(?=-[0-9])"  # GH-123, GitHub's other spelling of #123
)
# A commit hash: 7 or more hex digits with at least one letter and one digit (plain numbers are left
# be); broken every 6 digits, below the 7 GitHub needs.
_HASH = re.compile(r"(?i)\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,}\b")


def _unlinked(text: str) -> str:
    def broken(m: re.Match[str]) -> str:
        h = m.group()
        return _BREAK.join(h[i : i + 6] for i in range(0, len(h), 6))

    return _HASH.sub(broken, _AUTOLINK.sub(_BREAK, text))


def md(text: str) -> str:
    """Registry text made inert for a markdown table cell or a paragraph on GitHub."""
    text = _WHITESPACE.sub(" ", text)
    if not text.isprintable():
        # Bidi overrides, zero-width and control characters are shown, not obeyed.
        text = "".join(
            f"U+{ord(ch):04X}" if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") else ch for ch in text
        )
    return _unlinked(text.translate(_MD_TABLE))


def quote_cell(m: Member) -> str:
    """The quote with the figure in bold (an HTML tag: `**` fails to close before punctuation
    followed by a letter, as in `(약 1200억원)의`)."""
    quote, fig = canonical(m.claim.quote), canonical(m.claim.as_written)
    at = quote.find(fig)
    if at >= 0 and quote.find(fig, at + 1) >= 0:  # twice: not the 28명 inside an earlier 128명
        at = whole_figure_start(quote, fig, m.claim.unit)
    if at < 0:
        return md(quote)
    return f"{md(quote[:at])}<b>{md(fig)}</b>{md(quote[at + len(fig) :])}"


def link(m: Member) -> str:
    file = m.source.file
    return f"[{md(file.removeprefix('seeds/'))}:{m.place.line}](../{file}#L{m.place.line})"


@contextmanager
def _narrow_widths() -> Iterator[None]:
    # tabulate measures wide (Hangul) characters only when the optional wcwidth package is installed;
    # measure by code points everywhere so that the bytes do not depend on the machine.
    saved = tabulate_module.WIDE_CHARS_MODE
    tabulate_module.WIDE_CHARS_MODE = False
    try:
        yield
    finally:
        tabulate_module.WIDE_CHARS_MODE = saved


def table(headers: list[str], rows: list[list[str]]) -> str:
    with _narrow_widths():
        return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True) + "\n"


# --- the markdown report -------------------------------------------------------------------------------

_HEADINGS = {
    "contradiction": "Open contradictions",
    "discrepancy": "Open discrepancies",
    "resolved": "Resolved conflicts",
    "agreement": "Agreements",
    "change": "Changes over time",
    "single": "Single-source figures",
}


def _labels(g: Group, result: CheckResult) -> tuple[str, str]:
    """What a group is about, in Korean and in English (raw registry text: escape before use)."""
    subject = result.vocabulary.subjects.get(g.subject)
    prop = result.vocabulary.properties.get(g.property)
    ko = f"{subject.ko if subject else g.subject} · {prop.ko if prop else g.property}"
    en = f"{subject.en if subject else g.subject} · {prop.en if prop else g.property}"
    return ko, en


def _title(g: Group, result: CheckResult) -> str:
    ko, en = _labels(g, result)
    return f"{md(ko)} ({md(en)})"


def _members_table(g: Group) -> str:
    rows = [
        [
            md(m.source.outlet),
            m.source.published.isoformat(),
            md(m.span.label() if m.span else ("—" if m.date is not None else "undated")),
            md(m.claim.as_written),
            value_cell(m),
            md(bounds(m)),
            quote_cell(m),
            link(m),
        ]
        for m in g.members
    ]
    if g.unit == DATE_UNIT:
        headers = [
            "outlet",
            "published",
            "as of",
            "date as written",
            "date",
            "precision",
            "quote",
            "source line",
        ]
    else:
        headers = [
            "outlet",
            "published",
            "as of",
            "figure as written",
            "value",
            "bounds",
            "quote",
            "source line",
        ]
    return table(headers, rows)


def _origin_notes(g: Group) -> str:
    notes = []
    for members in g.shared_origins:
        outlets = sorted({m.source.outlet for m in members})
        notes.append(
            f"> **One origin, not {len(outlets)} confirmations:** {md(', '.join(outlets))} support this with "
            "near-identical sentences (shared press-release or wire wording)."
        )
    return "\n".join(notes) + ("\n\n" if notes else "")


def _resolution_note(g: Group) -> str:
    r = g.resolution
    if r is None:
        return ""
    extra = f" Erroneous: {md(', '.join(r.erroneous))}." if r.erroneous else ""
    return f"**Resolution ({md(r.status)}):** {md(r.note)}{extra}\n\n"


def _section_worker(state: tuple[CheckResult, list[Group]], n: int) -> str:
    result, groups = state
    return _group_section(groups[n], result)


def _group_section(g: Group, result: CheckResult) -> str:
    unit = result.vocabulary.units.get(g.unit)
    unit_text = f"{md(unit.ko)} ({md(g.unit)})" if unit else md(g.unit)
    if g.when != "undated":
        when = f"as of {md(g.when)}"
    elif g.unit == DATE_UNIT:
        when = "the date of a one-off event"  # an event date needs no `as of`: it is a time itself
    else:
        when = "undated (a one-off fact)"
    relation = "agreement over time" if g.over_time and g.relation == "agreement" else g.relation
    head = (
        f"### `{g.key}`\n\n{_title(g, result)}, in {unit_text}, {when}: "
        f"**{relation}**. {md(g.explanation)}.\n\n"
    )
    body = _members_table(g) + "\n" + _origin_notes(g) + _resolution_note(g)
    if g.relation == "change":
        body += _chart(g, result)
    return head + body


def _chart(g: Group, result: CheckResult) -> str:
    if any(m.quantity is None for m in g.members):
        return ""  # dates are not bars
    values = [m.figure.value for m in g.members]
    if any(v is None for v in values) or len(values) < 2:
        return ""

    def label(text: str) -> str:
        return '"' + mermaid_text(text) + '"'

    categories = ", ".join(
        label(f"{m.span.label() if m.span else 'undated'} {m.source.outlet}") for m in g.members
    )
    unit = result.vocabulary.units.get(g.unit)
    numbers = ", ".join(exactjson.number_token(v) for v in values if v is not None)
    return (
        "```mermaid\nxychart-beta\n"
        f"    title {label(_labels(g, result)[0])}\n"
        f"    x-axis [{categories}]\n"
        f"    y-axis {label(unit.ko if unit else g.unit)}\n"
        f"    bar [{numbers}]\n```\n\n"
    )


_MERMAID_DROP = str.maketrans({ch: " " for ch in '"\\`<>|[]{}#;&*_~@$%'})


def mermaid_text(text: str) -> str:
    """Registry text made inert inside a quoted Mermaid label: no quote, markup or entity survives."""
    text = _WHITESPACE.sub(" ", text)
    if not text.isprintable():
        text = "".join(
            f"U+{ord(ch):04X}" if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") else ch for ch in text
        )
    return _WHITESPACE.sub(" ", text.translate(_MERMAID_DROP)).strip()


def _single_table(groups: list[Group], result: CheckResult, dates: bool = False) -> str:
    rows = []
    for g in groups:
        for m in g.members:
            rows.append(
                [
                    f"`{g.key}`",
                    _title(g, result),
                    md(m.source.outlet),
                    m.source.published.isoformat(),
                    md(m.claim.as_written),
                    value_cell(m),
                    md(bounds(m)),
                    quote_cell(m),
                    link(m),
                ]
            )
    return table(
        [
            "group",
            "what",
            "outlet",
            "published",
            "date as written" if dates else "figure as written",
            "date" if dates else "value",
            "precision" if dates else "bounds",
            "quote",
            "source line",
        ],
        rows,
    )


def markdown(result: CheckResult) -> str:
    """The report, as `claims report` writes it (reports/conflicts.md)."""
    return "".join(markdown_parts(result))


def markdown_parts(result: CheckResult) -> Iterator[str]:
    """The report in parts, rendered as they are asked for: at newsroom scale it is tens of megabytes,
    written (`checks.files.write_text`) or compared (`checks.files.holds`) part by part, never held
    whole (issue 11: memory)."""
    return _one_newline_at_end(_parts(result))


def _one_newline_at_end(parts: Iterator[str]) -> Iterator[str]:
    """The parts, the line breaks ending the last one with text made exactly one (and parts holding
    only line breaks after it dropped)."""
    held: list[str] = []  # the last part with text, and the parts of line breaks only after it
    for part in parts:
        if part.strip("\n"):
            yield from held
            held = [part]
        else:
            held.append(part)
    if held and held[0].strip("\n"):
        yield held[0].rstrip("\n") + "\n"


def _parts(result: CheckResult) -> Iterator[str]:
    groups = result.groups
    outlets = sorted({s.outlet for s in result.sources.values()})
    open_conflicts = [g for g in groups if g.is_conflict and not (g.resolution and g.resolution.resolved)]
    resolved = [g for g in groups if g.is_conflict and g.resolution and g.resolution.resolved]
    counts = []
    for relation in RELATIONS:
        of_kind = [g for g in groups if g.relation == relation]
        done = [g for g in of_kind if g.resolution and g.resolution.resolved]
        counts.append([relation, str(len(of_kind) - len(done)), str(len(done)), str(len(of_kind))])
    parts = [
        "# Conflicts between outlets\n\n",
        f"<!-- Generated by `{REGENERATE}`; do not edit by hand. Regenerate: {REGENERATE} -->\n\n",
        (
            f"**{len(result.claims)} claims** from **{len(result.sources)} articles** by **{len(outlets)} outlets** "
            f"({md(', '.join(outlets))}), compared in **{len(groups)} groups**. "
            "How figures are grouped and judged: README.md, *Comparison*. Each figure links to the line of the "
            "article it is quoted from.\n\n"
        ),
        f"**{md(coverage(result, lean=True).summary())}** (`claims coverage` lists every figure and date not yet claimed).\n\n",
        table(["relation", "open", "resolved", "groups"], counts),
        "\n",
    ]
    sections = [
        ("contradiction", [g for g in open_conflicts if g.relation == "contradiction"]),
        ("discrepancy", [g for g in open_conflicts if g.relation == "discrepancy"]),
        ("resolved", resolved),
        ("agreement", [g for g in groups if g.relation == "agreement"]),
        ("change", [g for g in groups if g.relation == "change"]),
    ]
    # Each group's section is rendered on its own: in worker processes, at newsroom scale (issue 11).
    shown = [g for _, chosen in sections for g in chosen]
    size = sum(len(g.members) for g in shown) * 200  # about the bytes of markdown a member makes
    rendered = iter(fork_map(_section_worker, (result, shown), len(shown), processes_for(None, size)))
    yield from parts
    for relation, chosen in sections:
        yield f"## {_HEADINGS[relation]}\n\n"
        if relation == "agreement":
            yield (
                "Outlets that agree at one time, and series whose figure stands unchanged over time "
                "(*agreement over time*: stated again later, not a change).\n\n"
            )
        for _ in chosen:
            yield next(rendered)
        if not chosen:
            yield "None.\n\n"
    singles = [g for g in groups if g.relation == "single" and g.unit != DATE_UNIT]
    single_dates = [g for g in groups if g.relation == "single" and g.unit == DATE_UNIT]
    yield f"## {_HEADINGS['single']}\n\n"
    yield "A figure stated by one outlet only, and not already shown in a comparison or a series above.\n\n"
    yield _single_table(singles, result) if singles else "None.\n"
    yield "\n## Single-source dates\n\n"
    yield _single_table(single_dates, result, dates=True) if single_dates else "None.\n"


# --- JSON --------------------------------------------------------------------------------------------


def _member_json(m: Member) -> dict[str, object]:
    """A figure member has value and bounds; a date member (unit "date") has `date` instead (README)."""
    out: dict[str, object] = {
        "claim": m.claim.id,
        "source": m.source.id,
        "file": m.source.file,
        "line": m.place.line,
        "outlet": m.source.outlet,
        "published": m.source.published.isoformat(),
        "as_written": m.claim.as_written,
    }
    if m.date is not None:
        out["date"] = date_json(m)
    else:
        q = m.figure
        out |= {
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "low_inclusive": q.low_inclusive,
            "high_inclusive": q.high_inclusive,
        }
    return out | {
        "unit": m.claim.unit,
        "as_of": m.claim.as_of,
        "time": m.span.label() if m.span else None,
        "quote": m.claim.quote,
    }


def date_json(m: Member) -> dict[str, object]:
    """The JSON shape of an event date: first and last day (inclusive), precision, and how it was read."""
    assert m.date is not None
    span = m.days
    return {
        "first": span.start.isoformat(),
        "last": span.last.isoformat(),
        "label": span.label(),
        "precision": m.date.precision,
        "relation": m.date.relation,
        "vague": m.date.vague,
        "approximate": m.date.approximate,
        "relative": m.date.relative,
    }


def analysis_json(result: CheckResult) -> str:
    groups = []
    for g in result.groups:
        r = g.resolution
        groups.append(
            {
                "key": g.key,
                "relation": g.relation,
                "subject": g.subject,
                "property": g.property,
                "unit": g.unit,
                "when": g.when,
                "over_time": g.over_time,
                "explanation": g.explanation,
                "resolution": None
                if r is None
                else {
                    "status": r.status,
                    "resolved": r.resolved,
                    "note": r.note,
                    "erroneous": list(r.erroneous),
                },
                "shared_origin": [[m.claim.id for m in s] for s in g.shared_origins],
                "members": [_member_json(m) for m in g.members],
            }
        )
    return (
        exactjson.dumps({"claims": len(result.claims), "sources": len(result.sources), "groups": groups})
        + "\n"
    )


# --- writing ---------------------------------------------------------------------------------------


def write_atomically(path: Path, text: str | Iterator[str]) -> bool:
    """Write the whole file or nothing (`text` whole, or in parts): a crash never leaves a truncated or
    empty report. False when the file already held `text` (it is then not touched). See `checks.files.write_text`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return files.write_text(path.parent, path.name, text)
