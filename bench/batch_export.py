"""`rolescope export` of 1,000 specs in one call, against the floor of parsing and
writing the same files in one process: per spec tomllib.loads, tomli_w.dumps,
and writing the .toml and a .md of the description's size. Both are run as a
fresh process, in turns, and the medians compared. The CPU time each takes per
spec (its processes' user and system time, from getrusage) is printed too: a
loaded machine disturbs it far less than wall time.

    .venv/bin/python bench/batch_export.py [--jobs N]

`--jobs N` is passed to the export (without it, the export's default: one
process per core); `--jobs 1` measures it in one process.
"""

from __future__ import annotations

import argparse
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
sources, out, md_size = json.loads(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for source in sources:
    data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    text = tomli_w.dumps(data)
    stem = out / Path(source).stem
    stem.with_suffix(".toml").write_text(text, encoding="utf-8")
    stem.with_suffix(".md").write_text((text * (md_size // max(len(text), 1) + 1))[:md_size], encoding="utf-8")
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
        list_file = work / "specs.json"
        list_file.write_text(json.dumps([str(path) for path in specs]))
        rolescope = rolescope_command()

        cpu: dict[str, list[float]] = {"export": [], "floor": []}

        def export() -> float:
            out = work / "export"
            shutil.rmtree(out, ignore_errors=True)
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(
                [*rolescope, "export", *map(str, specs), "--out", str(out), *jobs],
                check=True,
                capture_output=True,
                env=bench_env(),
            )
            cpu["export"].append(_children_cpu() - used)
            return time.perf_counter() - start

        export()  # warm the caches; also gives the description's size for the floor
        md_size = round(statistics.mean(path.stat().st_size for path in (work / "export").glob("*.md")))

        def floor() -> float:
            out = work / "floor"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(
                [sys.executable, "-c", FLOOR_SCRIPT, list_file.read_text(), str(out), str(md_size)],
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
            exports.append(export())
            floors.append(floor())
        exported, floored = statistics.median(exports), statistics.median(floors)
        ratio = exported / floored
        cpu_export, cpu_floor = (statistics.median(cpu[name]) * 1000 / COUNT for name in ("export", "floor"))
        print(
            f"{COUNT} specs, {RUNS} runs each, interleaved; description ~{md_size} bytes; "
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
