"""The figures table (issue 8): several hundred expressions as Korean news writes them, each with the
reading a careful Korean reader gives, kept as data in checks/tests/data/ so that adding a case is adding
a line. Every row runs. The expected readings were written by hand from the Korean, not copied from the
reader's output.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from checks.quantity import UNITS, NotAFigure, find_quantities, read_quantity

DATA = Path(__file__).resolve().parent / "data"
NAMES = {"man": 10**4, "eok": 10**8, "jo": 10**12}


def number(expr: str) -> Fraction | None:
    """An exact number written as arithmetic (4*eok, 7/2, -35/10, 10**12); "-" is none."""
    if expr == "-":
        return None

    def ev(node: ast.AST) -> Fraction:
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return Fraction(node.value)
        if isinstance(node, ast.Name) and node.id in NAMES:
            return Fraction(NAMES[node.id])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.Div):
                return a / b
            if isinstance(node.op, ast.Pow) and b.denominator == 1:
                return a ** int(b)
        raise ValueError(f"not exact arithmetic: {expr!r}")

    return ev(ast.parse(expr, mode="eval").body)


@dataclass(frozen=True)
class Row:
    line: int
    text: str
    refusal: str | None = None
    value: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    ends: str = "[]"
    unit: str | None = None
    qualifiers: tuple[str, ...] | None = None


def load_rows() -> list[Row]:
    rows = []
    path = DATA / "figures.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[1] == "!":
            assert len(cols) == 3, f"figures.tsv:{n}: a refusal is: text, !, message fragment"
            rows.append(Row(n, cols[0], refusal=cols[2]))
            continue
        assert len(cols) in (6, 7), f"figures.tsv:{n}: expected 6 or 7 columns, got {len(cols)}"
        quals = tuple(cols[6].split()) if len(cols) == 7 else None
        unit = None if cols[5] == "-" else cols[5]
        v, lo, hi = number(cols[1]), number(cols[2]), number(cols[3])
        rows.append(Row(n, cols[0], None, v, lo, hi, cols[4], unit, quals))
    return rows


ROWS = load_rows()


def test_the_table_is_broad() -> None:
    assert len(ROWS) >= 500
    assert len({r.text for r in ROWS}) == len(ROWS), "a row is listed twice"
    assert sum(r.refusal is not None for r in ROWS) >= 50
    for r in ROWS:
        assert r.unit is None or r.unit in UNITS, f"figures.tsv:{r.line}: unknown unit {r.unit}"
        assert len(r.ends) == 2 and r.ends[0] in "[(-" and r.ends[1] in "])-", f"figures.tsv:{r.line}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.line}:{r.text.strip()}")
def test_figure_reads_as_a_korean_reader_reads_it(row: Row) -> None:
    if row.refusal is not None:
        with pytest.raises(NotAFigure) as info:
            read_quantity(row.text)
        assert row.refusal in info.value.message
        assert 0 <= info.value.position <= len(row.text)
        return
    q = read_quantity(row.text)
    low_inc = row.ends[0] == "["
    high_inc = row.ends[1] == "]"
    got = (q.value, q.low, q.high, q.low_inclusive, q.high_inclusive, q.unit)
    assert got == (row.value, row.low, row.high, low_inc, high_inc, row.unit)
    assert q.text == row.text.strip()
    if row.qualifiers is not None:
        assert q.qualifiers == row.qualifiers


def load_sentences() -> list[tuple[int, str, list[tuple[str, str | None]]]]:
    out = []
    path = DATA / "running.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        sentence, _, figures = line.partition("\t")
        expected = []
        for item in filter(None, (f.strip() for f in figures.split(" | "))):
            text, _, unit = item.rpartition("=")
            expected.append((text, None if unit == "-" else unit))
        out.append((n, sentence, expected))
    return out


SENTENCES = load_sentences()


@pytest.mark.parametrize(("line", "sentence", "expected"), SENTENCES, ids=lambda x: str(x)[:20])
def test_running_text(line: int, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_quantities(sentence)
    assert [(q.text, q.unit) for q in found] == expected
    for q in found:
        assert sentence[q.start : q.end] == q.text
        if q.unit in ("top-n", "unit-machine", "age") and "대" in q.text:
            continue  # N대 reads by the words after it (세계 10대 AI 석학, 20대 남성)
        if q.unit in ("week", "share", "installation"):
            # 주 and 기 read by the words around them (자사주 10주를 샀다, 원전 2기): cut out, the figure
            # may be refused or read in its other unit, but never as another number.
            try:
                alone = read_quantity(q.text)
            except NotAFigure:
                continue
            assert (alone.value, alone.low, alone.high) == (q.value, q.low, q.high)
            continue
        alone = read_quantity(q.text)
        assert (alone.value, alone.low, alone.high, alone.unit) == (q.value, q.low, q.high, q.unit)


def test_running_text_table_is_broad() -> None:
    assert len(SENTENCES) >= 60
    assert sum(not e for _, _, e in SENTENCES) >= 20  # sentences with no figure at all
