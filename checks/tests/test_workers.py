"""checks.workers: work spread over forked processes."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from checks import workers
from checks.files import Terminated, _terminate_as_exception


def _handlers(state: Any, n: int) -> tuple[bool, bool]:
    return signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, signal.getsignal(
        signal.SIGHUP
    ) == signal.SIG_DFL


def test_workers_forked_while_a_file_is_written_end_quietly_when_the_pool_ends_them() -> None:
    """The report is rendered in workers while it is written, under a handler that turns SIGTERM into
    an exception (checks.files): inherited, it made each worker print a traceback when the pool ended
    it with SIGTERM. Workers take the default action instead."""
    with _terminate_as_exception():
        assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL  # the writer's handler, in this process
        seen = list(workers.fork_map(_handlers, None, 8, processes=2))
    assert seen == [(True, True)] * 8


def test_order_and_results_do_not_depend_on_the_number_of_processes() -> None:
    def square(state: Any, n: int) -> int:
        return state * n * n

    assert list(workers.fork_map(square, 3, 20, processes=2)) == [3 * n * n for n in range(20)]
    assert list(workers.fork_map(square, 3, 20, processes=1)) == [3 * n * n for n in range(20)]


def test_a_termination_while_writing_is_an_exception_in_the_writer() -> None:
    with pytest.raises(Terminated), _terminate_as_exception():
        signal.raise_signal(signal.SIGTERM)
