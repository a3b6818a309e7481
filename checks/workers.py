"""Both cores (issue 11): work spread over forked worker processes where that pays.

A fork shares everything the parent has loaded (sources, vocabulary, claims) copy on write, so a
worker is given only an index into the work, and sends back plain data. Results come back in order,
whatever the number of processes, so that the output never depends on it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any

# Below this many bytes of work (claims files, article text), a second process costs more than it saves
# (measured with benchmarks/run.py on a 2-core machine: README, "Speed").
PARALLEL_MIN_BYTES = 2_000_000
_WORKER: tuple[Callable[[Any, int], Any], Any] | None = None


def processes_for(jobs: int | None, size: int) -> int:
    """How many processes: `jobs` when given, else $CLAIMS_JOBS, else every core (up to 8) once the
    work is `PARALLEL_MIN_BYTES` or more, where fork is available."""
    if jobs is not None:
        return max(1, jobs)
    env = os.environ.get("CLAIMS_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if size < PARALLEL_MIN_BYTES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 8)


def fork_map(work: Callable[[Any, int], Any], state: Any, count: int, processes: int) -> Iterator[Any]:
    """work(state, n) for n in range(count), in order: in this process, or in `processes` forked
    workers, which share `state` as it is now (copy on write) and send back plain data."""
    if processes == 1 or count < 2:
        return (work(state, n) for n in range(count))
    return _forked(work, state, count, processes)


def _forked(work: Callable[[Any, int], Any], state: Any, count: int, processes: int) -> Iterator[Any]:
    global _WORKER
    _WORKER = (work, state)
    try:
        with multiprocessing.get_context("fork").Pool(processes, initializer=_quiet_on_termination) as pool:
            # In order, taken as they arrive: a record is dropped as soon as it is used.
            chunk = max(1, min(64, count // (processes * 4)))
            yield from pool.imap(_run, range(count), chunksize=chunk)
    finally:
        _WORKER = None


def _quiet_on_termination() -> None:
    """A worker ends at once on SIGTERM and SIGHUP, as the pool ends its workers with SIGTERM: a handler
    the parent had set when it forked them (`checks.files` writing a report it renders meanwhile)
    would raise in each, and print its traceback."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _run(n: int) -> Any:
    assert _WORKER is not None
    work, state = _WORKER
    return work(state, n)
