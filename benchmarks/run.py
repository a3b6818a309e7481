"""Measure the registry's speed at newsroom scale, side by side with its peer and the floors (issue 11).

    .venv/bin/python benchmarks/run.py                          # 10k, 30k, 100k and 300k claims
    .venv/bin/python benchmarks/run.py --sizes 10000,100000     # some sizes
    .venv/bin/python benchmarks/run.py --quick                  # a smoke run: 2,000 claims
    .venv/bin/pip install -e ".[bench]"                         # check-jsonschema, the peer

For each size a registry is generated (benchmarks/generate.py: 10 claims per article) and every
command runs as its own process, timed by wall clock, its peak memory (maximum resident set size of
the process and the workers it waited for) read from `wait4`:

* `claims check --no-cache` (cold), and `claims check` warm: the cache filled by one run, then one
  claims file changed;
* `claims report --no-cache`; `pytest --registry OUT` (cache removed first: cold);
* the editor's commands, for their peak memory: `claims coverage --check`, `claims find` (a sentence of
  thousands of hits), and, with `--only diff` (not in a default run: it checks the registry twice),
  `claims diff` of the registry against itself;
* check-jsonschema validating the same claims files against schema/claims.schema.json: the schema-only
  check editors would otherwise run;
* the floors: reading every claims file's bytes, PyYAML's CSafeLoader loading them, and yaml-rs (the
  fastest safe YAML loader we found on PyPI; it refuses duplicate keys) loading them.

Ratios are to `claims check` cold at the same size. The machine is shared: the load average is printed
before and after, and figures from a loaded machine are only comparable within one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = (10_000, 30_000, 100_000, 300_000)
PER_ARTICLE = 10

FLOOR_READ = """
import sys, pathlib
files = sorted(p for p in pathlib.Path(sys.argv[1], "claims").glob("*.yaml") if p.name not in ("resolutions.yaml", "skips.yaml"))
print(sum(len(p.read_bytes()) for p in files))
"""
FLOOR_CSAFE = """
import sys, pathlib, yaml
files = sorted(p for p in pathlib.Path(sys.argv[1], "claims").glob("*.yaml") if p.name not in ("resolutions.yaml", "skips.yaml"))
print(sum(len(yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)["claims"]) for p in files))
"""
FLOOR_FAST = """
import sys, pathlib, yaml_rs
files = sorted(p for p in pathlib.Path(sys.argv[1], "claims").glob("*.yaml") if p.name not in ("resolutions.yaml", "skips.yaml"))
print(sum(len(yaml_rs.loads(p.read_text(encoding="utf-8"), parse_datetime=False)["claims"]) for p in files))
"""


@dataclass
class Run:
    wall: float
    peak_mib: float
    status: int


def measure(argv: list[str], cwd: Path | None = None) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0,):
        sys.stderr.write(f"  ! {' '.join(argv[:3])}… exited {process.returncode}: {err.decode()[-400:]}\n")
    return Run(wall, usage.ru_maxrss / 1024, process.returncode)


def claims_files(root: Path) -> list[str]:
    """The claims files: what the peer validates against the claims schema and the floors load."""
    return sorted(
        str(p) for p in (root / "claims").glob("*.yaml") if p.name not in ("resolutions.yaml", "skips.yaml")
    )


def bench_size(claims: int, work: Path, commands: set[str]) -> dict[str, Run]:
    root = work / f"registry-{claims}"
    if not root.exists():
        articles = max(1, claims // PER_ARTICLE)
        subprocess.run(
            [
                sys.executable,
                str(PROJECT / "benchmarks" / "generate.py"),
                str(root),
                "--articles",
                str(articles),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    shutil.rmtree(root / ".claims_cache", ignore_errors=True)
    claims_bin = str(BIN / "claims")
    out: dict[str, Run] = {}

    def step(name: str, argv: list[str], cwd: Path | None = None) -> None:
        if name in commands:
            out[name] = measure(argv, cwd)
            print(
                f"  {claims:>7,} {name:<24} {out[name].wall:8.2f} s {out[name].peak_mib:8.0f} MiB", flush=True
            )

    step("check cold", [claims_bin, "check", "--root", str(root), "--no-cache"])
    if "check warm" in commands:
        subprocess.run([claims_bin, "check", "--root", str(root)], stdout=subprocess.DEVNULL, check=False)
        changed = Path(claims_files(root)[len(claims_files(root)) // 2])
        changed.write_bytes(changed.read_bytes() + b"# changed by benchmarks/run.py\n")
        step("check warm", [claims_bin, "check", "--root", str(root)])
    step("report", [claims_bin, "report", "--root", str(root), "--no-cache"])
    shutil.rmtree(root / ".claims_cache", ignore_errors=True)
    step(
        "pytest --registry",
        [str(BIN / "pytest"), "--registry", str(root), "-q", "-p", "no:cacheprovider"],
        root,
    )
    shutil.rmtree(root / ".claims_cache", ignore_errors=True)
    # The editor's commands, for their peak memory (the 512 MiB target is for every command). Each
    # checks the registry first, with the cache, which is removed before each: cold.
    step("coverage --check", [claims_bin, "coverage", "--root", str(root), "--check"])
    shutil.rmtree(root / ".claims_cache", ignore_errors=True)
    step("find", [claims_bin, "find", FIND_QUERY, "--root", str(root), "--limit", "20"])
    step("diff", [claims_bin, "diff", "--base", str(root), "--root", str(root)])
    shutil.rmtree(root / ".claims_cache", ignore_errors=True)
    peer = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if peer and "check-jsonschema" in commands:
        schema = str(root / "schema" / "claims.schema.json")  # with the registry's own vocabulary
        # Paths relative to the registry, in batches of 10,000 files: 30,000 absolute paths would pass
        # the system's limit on a command line. The batches' times add up; the peak is the largest.
        files = [str(Path(f).relative_to(root)) for f in claims_files(root)]
        runs = [
            measure([peer, "--schemafile", schema, *files[i : i + 10_000]], root)
            for i in range(0, len(files), 10_000)
        ]
        out["check-jsonschema"] = Run(
            sum(r.wall for r in runs), max(r.peak_mib for r in runs), max(r.status for r in runs)
        )
        print(f"  {claims:>7,} {'check-jsonschema':<24} {out['check-jsonschema'].wall:8.2f} s", flush=True)
    step("floor: read bytes", [sys.executable, "-c", FLOOR_READ, str(root)])
    step("floor: PyYAML CSafeLoader", [sys.executable, "-c", FLOOR_CSAFE, str(root)])
    step("floor: yaml-rs", [sys.executable, "-c", FLOOR_FAST, str(root)])
    return out


# A sentence every generated registry holds in many articles (benchmarks/generate.py): thousands of hits.
FIND_QUERY = "회사 측은 구체적인 일정과"

COMMANDS = [
    "check cold",
    "check warm",
    "report",
    "pytest --registry",
    "coverage --check",
    "find",
    "diff",
    "check-jsonschema",
    "floor: read bytes",
    "floor: PyYAML CSafeLoader",
    "floor: yaml-rs",
]


def table(results: dict[int, dict[str, Run]]) -> str:
    sizes = sorted(results)
    head = "| what | " + " | ".join(f"{s:,} claims" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]
    for name in COMMANDS:
        cells = []
        for s in sizes:
            run = results[s].get(name)
            base = results[s].get("check cold")
            if run is None:
                cells.append("—")
                continue
            ratio = f", {run.wall / base.wall:.2f}×" if base and name != "check cold" else ""
            failed = "" if run.status == 0 or name == "check-jsonschema" else f" (exit {run.status})"
            cells.append(f"{run.wall:.1f} s{ratio}, {run.peak_mib:,.0f} MiB{failed}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


OURS = ("check cold", "check warm", "report", "pytest --registry", "coverage --check", "find", "diff")
# Not in a default run: `claims diff` checks the registry twice (base and head) and reads every article
# of both for coverage, which at 300,000 claims alone takes minutes. `--only diff` measures it.
NOT_BY_DEFAULT = {"diff"}


def verdicts(results: dict[int, dict[str, Run]]) -> list[str]:
    r = results.get(100_000)
    if r is None or "check cold" not in r:
        return ["(targets are judged at 100,000 claims: not measured in this run)"]
    cold = r["check cold"].wall
    out = []

    def verdict(ok: bool, text: str) -> None:
        out.append(f"{'met   ' if ok else 'MISSED'} {text}")

    if "check-jsonschema" in r:
        verdict(
            r["check-jsonschema"].wall / cold >= 25,
            f"check cold ≥ 25× faster than check-jsonschema: {r['check-jsonschema'].wall / cold:.2f}×",
        )
    if "floor: PyYAML CSafeLoader" in r:
        verdict(
            cold < r["floor: PyYAML CSafeLoader"].wall,
            f"check cold faster than CSafeLoader load: {cold:.1f} s vs {r['floor: PyYAML CSafeLoader'].wall:.1f} s",
        )
    if "check warm" in r:
        verdict(r["check warm"].wall <= 0.1 * cold, f"warm ≤ 0.1× cold: {r['check warm'].wall / cold:.2f}×")
    if "report" in r:
        verdict(r["report"].wall <= 1.5 * cold, f"report ≤ 1.5× check cold: {r['report'].wall / cold:.2f}×")
    if "pytest --registry" in r:
        verdict(
            r["pytest --registry"].wall <= 2 * cold,
            f"pytest --registry ≤ 2× check cold: {r['pytest --registry'].wall / cold:.2f}×",
        )
    ours = [n for n in OURS if n in r]
    worst = max(ours, key=lambda n: r[n].peak_mib)
    verdict(
        r[worst].peak_mib <= 512,
        f"peak memory ≤ 512 MiB for every command: worst {worst}, {r[worst].peak_mib:,.0f} MiB",
    )
    big = results.get(300_000, {}).get("check cold")
    if big is not None:
        verdict(big.wall <= 3.3 * cold, f"300k run ≤ 3.3× the 100k run (check cold): {big.wall / cold:.2f}×")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", help="claims per registry, comma-separated (default: 10000,30000,100000,300000)"
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run at 2,000 claims")
    parser.add_argument(
        "--work", type=Path, help="keep the generated registries here (default: a temporary folder)"
    )
    parser.add_argument("--only", help="commands to run, comma-separated, from: " + ", ".join(COMMANDS))
    args = parser.parse_args(argv)
    sizes = [2_000] if args.quick else [int(s) for s in args.sizes.split(",")] if args.sizes else list(SIZES)
    commands = set(COMMANDS) - NOT_BY_DEFAULT if not args.only else {c.strip() for c in args.only.split(",")}
    unknown = commands - set(COMMANDS)
    if unknown:
        parser.error(f"unknown command(s): {', '.join(sorted(unknown))}")
    print(
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores",
        flush=True,
    )
    results: dict[int, dict[str, Run]] = {}
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            results[size] = bench_size(size, work, commands)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(table(results))
    print()
    print("\n".join(verdicts(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
