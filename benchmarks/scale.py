"""How fast is the registry at scale? Builds a synthetic registry and times each step.

    .venv/bin/python benchmarks/scale.py                      # 10,000 articles, 100,000 claims
    .venv/bin/python benchmarks/scale.py --articles 1000      # a tenth, to see how time grows

The registry is written to a temporary folder: N articles of a few hundred characters from 20
outlets, each with its entry in seeds/sources.yaml, and 10 claims per article in
claims/<source-id>.yaml, about 500 things (subject, property) reported by many outlets at a few
different times, so that comparison has large groups to judge. Timing is wall-clock on this machine;
figures are in README.md ("Speed").
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.checker import check
from checks.report import analysis_json, markdown

OUTLETS = [f"매체{n:02d}" for n in range(20)]
SUBJECTS = [f"company-{n:03d}" for n in range(100)]
PROPERTIES = ["headcount", "investment-plan", "founding-year", "training-image-count", "valuation"]
FIGURES = [
    ("headcount", "{n}여명", "person"),
    ("investment-plan", "{n}억 원 이상", "KRW"),
    ("founding-year", "{y}년", "year"),
    ("training-image-count", "{n}만 장 이상", "sheet"),
    ("valuation", "약 {n}억 달러", "USD"),
]


def build(root: Path, articles: int, per_article: int) -> None:
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "vocabulary.yaml", root / "schema" / "vocabulary.yaml")
    vocab = (root / "schema" / "vocabulary.yaml").read_text(encoding="utf-8")
    vocab = vocab.replace(
        "subjects:\n",
        "subjects:\n" + "".join(f"  {s}: {{ko: 회사{s[-3:]}, en: Company {s[-3:]}}}\n" for s in SUBJECTS),
    )
    (root / "schema" / "vocabulary.yaml").write_text(vocab, encoding="utf-8")
    index = ["sources:\n"]
    start = date(2020, 1, 1)
    for a in range(articles):
        sid = f"outlet{a % len(OUTLETS):02d}-{a:05d}"
        published = start + timedelta(days=a % 1500)
        lines = [f"기사 {a}번 제목: 회사 소식", f"입력 {published.isoformat()}"]
        claims = ["claims:\n"]
        for c in range(per_article):
            subject = SUBJECTS[(a * 7 + c) % len(SUBJECTS)]
            prop, pattern, unit = FIGURES[(a + c) % len(FIGURES)]
            n = 100 + (a * 13 + c * 7) % 50  # outlets disagree a little, sometimes a lot
            as_written = pattern.format(n=n, y=2000 + n % 20)
            sentence = (
                f"기사 {a}번의 {c}번째 문장에 따르면 {subject}의 해당 수치는 {as_written}으로 집계됐다."
            )
            lines.append(sentence)
            quote = sentence.rstrip(".")
            as_of = f"{2020 + (a + c) % 4}" if prop in ("headcount", "training-image-count") else None
            claims.append(
                f"  - id: {sid}.c{c}\n    source: {sid}\n    quote: '{quote}'\n"
                f"    subject: {subject}\n    property: {prop}\n    as_written: '{as_written}'\n    unit: {unit}\n"
                + (f"    as_of: '{as_of}'\n    as_of_text: 해당 수치는\n" if as_of else "")
            )
        lines.append("홍길동 기자")
        text = "\n".join(lines) + "\n"
        name = f"{a:05d}.txt"
        (root / "seeds" / name).write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        index.append(
            f"  - id: {sid}\n    file: {name}\n    sha256: {sha}\n    outlet: {OUTLETS[a % len(OUTLETS)]}\n"
            f"    headline: 기사 {a}번 제목\n    published: '{published.isoformat()}'\n"
            f"    published_evidence: 입력 {published.isoformat()}\n"
            f"    body: {{first_line: 1, last_line: {len(lines)}}}\n"
        )
        (root / "claims" / f"{sid}.yaml").write_text("".join(claims), encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text("".join(index), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "registry"
        t0 = time.perf_counter()
        build(root, args.articles, args.claims_per_article)
        t1 = time.perf_counter()
        result = check(root)
        t2 = time.perf_counter()
        report = markdown(result)
        t3 = time.perf_counter()
        analysis_json(result)
        t4 = time.perf_counter()
        errors = [p for p in result.problems if p.severity.value == "error"]
        if errors:
            for p in errors[:5]:
                print(f"{p.path}:{p.line}:{p.column}: {p.code} {p.message}", file=sys.stderr)
            print(
                f"the synthetic registry has {len(errors)} problems: the benchmark is broken", file=sys.stderr
            )
            return 1
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        relations: dict[str, int] = {}
        for g in result.groups:
            relations[g.relation] = relations.get(g.relation, 0) + 1
        print("| articles | claims | build | claims check | markdown report | JSON analysis | peak memory |")
        print("|---|---|---|---|---|---|---|")
        print(
            f"| {args.articles:,} | {len(result.claims):,} | {t1 - t0:.1f} s | {t2 - t1:.1f} s | "
            f"{t3 - t2:.1f} s ({len(report) // 1024:,} KiB) | {t4 - t3:.1f} s | {peak:,.0f} MiB |"
        )
        print(
            f"groups: {len(result.groups):,} ({', '.join(f'{v:,} {k}' for k, v in sorted(relations.items()))})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
