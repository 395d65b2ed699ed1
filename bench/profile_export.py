"""Where `rolescope export` spends its time: cProfile over an export of N specs
(200 unless given) in this process (`--jobs 1`), started as the console script starts it.
Prints the functions by own time and by cumulative time, and the CPU time per
spec (getrusage) of an unprofiled export of the same specs before it.

    .venv/bin/python bench/profile_export.py [N] [--formats md,txt,html]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import resource
import shutil
import tempfile
import time
from pathlib import Path

from batch_export import make_specs


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=200)
    parser.add_argument("--formats", default="md")
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    from rolescope.__main__ import main as rolescope

    work = Path(tempfile.mkdtemp(prefix="rolescope-profile-"))
    try:
        (work / "specs").mkdir()
        specs = [str(path) for path in make_specs(work / "specs", args.count)]

        def export(out: str) -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                rolescope(["export", *specs, "--out", str(work / out), "--format", args.formats, "--jobs", "1"])

        export("warm")  # the presets cache and the imports, as a user's second run has them
        wall, cpu = time.perf_counter(), _cpu()
        export("plain")
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        print(
            f"{args.count} specs: {wall * 1000 / args.count:.2f} ms wall, {cpu * 1000 / args.count:.2f} ms CPU per spec"
        )
        profile = cProfile.Profile()
        profile.runcall(export, "profiled")
        for order in ("tottime", "cumtime"):
            print(f"\n--- by {order} ---")
            pstats.Stats(profile).sort_stats(order).print_stats(args.top)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
