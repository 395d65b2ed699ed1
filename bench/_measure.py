"""Shared helpers for the benchmarks: timing commands against a baseline run beside them."""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rolescope_command() -> list[str]:
    """The installed console script (what a user runs), else `python -m rolescope`."""
    script = Path(sys.executable).parent / "rolescope"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "rolescope"]


def bench_env() -> dict[str, str]:
    """The environment a user has: compiled bytecode kept (as an installed package
    has it), and rolescope's cache in a folder of this run's own, filled by the
    warm-up runs."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("XDG_CACHE_HOME", _CACHE)
    return env


_CACHE = tempfile.mkdtemp(prefix="rolescope-bench-cache-")
atexit.register(shutil.rmtree, _CACHE, True)


def run_once(command: Sequence[str], **kwargs: object) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=bench_env(), **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start


def interleaved_medians(commands: dict[str, Sequence[str]], runs: int, warmup: int = 1) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns so that a busy
    moment on the machine falls on all of them alike."""
    for command in commands.values():
        for _ in range(warmup):
            run_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return {name: statistics.median(values) for name, values in times.items()}


def verdict(ratio: float, goal: float) -> str:
    return f"<= {goal:g}x " + ("ok" if ratio <= goal else "MISSED")
