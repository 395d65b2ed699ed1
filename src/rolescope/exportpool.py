"""A batch export's specs read, decided, rendered and linted by several processes.

Only that part is spread: the workers write nothing. The export itself names,
writes and publishes every file in input order, as it does alone, so results,
errors, exit codes and what a stop leaves behind are the same. The workers are
forked from the export once it is started (the presets and imports are already
in memory, nothing is loaded again), before it starts any thread of its own.
They ignore Ctrl+C: the export hears it, stops, and lets the workers go once
each has finished the few specs in hand.

Where processes cannot be forked (anything but Linux, where forking is the
usual way), the export works alone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

Decided = TypeVar("Decided")

# Below this many specs a second process costs more to start than it saves.
MIN_SPECS = 16
# Specs a worker takes at a time: fewer round trips, and still a fair share each.
CHUNK = 4

# What a worker decides with, set in each worker as it starts (inherited, not copied).
_work: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def can_spread() -> bool:
    return sys.platform.startswith("linux")


@contextlib.contextmanager
def decided_in_order(
    paths: Sequence[Path], decide: Callable[..., Decided], args: tuple[Any, ...], jobs: int
) -> Iterator[Iterator[Decided]]:
    """`decide(path, *args)` for every path, in order: by `jobs` worker processes when
    the batch is large enough and processes can be forked, else in this process, one
    at a time as they are asked for."""
    if jobs <= 1 or len(paths) < MIN_SPECS or not can_spread():
        yield (decide(path, *args) for path in paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(decide, args),
    )
    try:
        # Every chunk is handed out now, so the workers are forked at once, before the
        # export starts the threads that sync its files.
        yield pool.map(_decide, paths, chunksize=CHUNK)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(decide: Callable[..., Any], args: tuple[Any, ...]) -> None:
    global _work
    # The export hears Ctrl+C and SIGTERM and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _work = (decide, args)


def _decide(path: Path) -> Any:
    assert _work is not None, "not a worker"
    decide, args = _work
    return decide(path, *args)
