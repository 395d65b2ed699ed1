"""`rolescope export` of 1,000 specs in one call, against the floor of parsing and
writing the same files in one process: per spec tomllib.loads and tomli_w.dumps,
and writing every file the export wrote (the same names and sizes: specs,
descriptions and interview kits, two roles' worth for a split), a spec's share
after each spec it parses. Both are run as a fresh process, in turns, and the
medians compared. The CPU time each takes per spec (its processes' user and
system time, from getrusage) is printed too: a loaded machine disturbs it far
less than wall time.

Every run writes into a folder of its own, and nothing is deleted until the
end: a file system without a journal (ext4 made without one, as on many virtual
machines) skips over the inodes deleted in the last five minutes when it creates
a file, so deleting one run's thousands of files before the next made creating
files cost many times what it costs a user. Before each run everything written
so far is synced (not timed): the export syncs its files, and on a file system
with a journal a sync also waits for every file written before it, so without
this the export paid for writing the floor's files too.

    .venv/bin/python bench/batch_export.py [--jobs N]

`--jobs N` is passed to the export (without it, the export's default: one
process per core); `--jobs 1` measures it in one process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import ROOT, bench_env, rolescope_command, verdict

COUNT = 1000
RUNS = 5
GOAL = 2.0

FLOOR_SCRIPT = """
import json, sys, tomllib, tomli_w
from pathlib import Path
work = json.loads(Path(sys.argv[1]).read_text())
sources, files, out = work["sources"], work["files"], Path(sys.argv[2])
for number, source in enumerate(sources):
    text = tomli_w.dumps(tomllib.loads(Path(source).read_text(encoding="utf-8")))
    share = files[number * len(files) // len(sources) : (number + 1) * len(files) // len(sources)]
    for name, size in share:
        (out / name).write_text((text * (size // max(len(text), 1) + 1))[:size], encoding="utf-8")
"""


def make_specs(folder: Path, count: int = COUNT) -> list[Path]:
    """`count` specs from the bundled examples, each with its own company name."""
    examples = sorted((ROOT / "src" / "rolescope" / "presets" / "roles").glob("*.toml"))
    texts = [path.read_text(encoding="utf-8") for path in examples]
    paths = []
    for number in range(count):
        text = texts[number % len(texts)]
        start = text.index('name = "', text.index("[company]")) + len('name = "')
        end = text.index('"', start)
        path = folder / f"spec-{number:04d}.toml"
        path.write_text(text[:start] + f"Company {number}" + text[end:], encoding="utf-8")
        paths.append(path)
    return paths


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=None, help="passed to rolescope export --jobs")
    options = parser.parse_args()
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    load_before = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="rolescope-bench-"))
    try:
        (work / "specs").mkdir()
        specs = make_specs(work / "specs")
        rolescope = rolescope_command()
        runs = itertools.count()

        cpu: dict[str, list[float]] = {"export": [], "floor": []}

        def export() -> tuple[float, Path]:
            out = work / f"export-{next(runs)}"
            os.sync()  # the last run's files on disk first: each run syncs only its own
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(
                [*rolescope, "export", *map(str, specs), "--out", str(out), *jobs],
                check=True,
                capture_output=True,
                env=bench_env(),
            )
            cpu["export"].append(_children_cpu() - used)
            return time.perf_counter() - start, out

        _, written = export()  # warms the caches, and lists the files the floor writes
        files = sorted((path.name, path.stat().st_size) for path in written.iterdir())
        work_file = work / "floor.json"
        work_file.write_text(json.dumps({"sources": [str(path) for path in specs], "files": files}))
        described = [size for name, size in files if name.endswith(".md") and ".interview." not in name]

        def floor() -> float:
            out = work / f"floor-{next(runs)}"
            out.mkdir()
            os.sync()
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(
                [sys.executable, "-c", FLOOR_SCRIPT, str(work_file), str(out)],
                check=True,
                capture_output=True,
                env=bench_env(),
            )
            cpu["floor"].append(_children_cpu() - used)
            return time.perf_counter() - start

        floor()
        cpu = {"export": [], "floor": []}
        exports, floors = [], []
        for _ in range(RUNS):
            exports.append(export()[0])
            floors.append(floor())
        exported, floored = statistics.median(exports), statistics.median(floors)
        ratio = exported / floored
        cpu_export, cpu_floor = (statistics.median(cpu[name]) * 1000 / COUNT for name in ("export", "floor"))
        print(
            f"{COUNT} specs, {RUNS} runs each, interleaved; {len(files)} files written, "
            f"descriptions ~{statistics.mean(described):.0f} bytes; "
            f"export {' '.join(jobs) or 'with its default jobs'}; load average "
            f"{load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after"
        )
        print(
            f"{'floor (parse + write, one process)':<36} {floored * 1000:>8.0f} ms  {COUNT / floored:>7.0f} specs/s"
            f"  CPU {cpu_floor:.2f} ms/spec"
        )
        print(
            f"{'rolescope export (one call)':<36} {exported * 1000:>8.0f} ms  {COUNT / exported:>7.0f} specs/s"
            f"  CPU {cpu_export:.2f} ms/spec  {ratio:.2f}x floor  {verdict(ratio, GOAL)}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
