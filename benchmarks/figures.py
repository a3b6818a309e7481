"""How fast is the figure reader? Times read_quantity and find_quantities in process.

    .venv/bin/python benchmarks/figures.py

read_quantity is timed over every expression of the figures table (checks/tests/data/figures.tsv),
figures and refusals apart; find_quantities over the five articles in seeds/. Each timing is the best of
several runs (wall clock), so that other work on the machine disturbs it least. Figures are in README.md
("Speed") and docs/quantities.md.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.quantity import NotAFigure, find_quantities, read_quantity

RUNS = 15


def best_of(work: Callable[[], object], runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def read_all(texts: list[str]) -> None:
    for text in texts:
        try:
            read_quantity(text)
        except NotAFigure:
            pass


def main() -> int:
    rows = [
        line.split("\t")
        for line in (ROOT / "checks" / "tests" / "data" / "figures.tsv")
        .read_text(encoding="utf-8")
        .split("\n")
        if line and not line.startswith("#")
    ]
    figures = [r[0] for r in rows if r[1] != "!"]
    refusals = [r[0] for r in rows if r[1] == "!"]
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found = sum(len(find_quantities(a)) for a in articles)
    chars = sum(len(a) for a in articles)

    t_fig = best_of(lambda: read_all(figures)) / len(figures)
    t_ref = best_of(lambda: read_all(refusals)) / len(refusals)
    t_find = best_of(lambda: [find_quantities(a) for a in articles])
    print(f"read_quantity: {t_fig * 1e6:.1f} µs per figure ({len(figures)} figures of the table)")
    print(f"read_quantity: {t_ref * 1e6:.1f} µs per refusal ({len(refusals)} refusals of the table)")
    print(
        f"find_quantities: {t_find * 1e6 / found:.1f} µs per figure found "
        f"({found} figures in {chars:,} characters of the five articles, {t_find * 1e3:.1f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
