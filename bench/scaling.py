"""How classify and recommend grow with the number of tasks: 1,000 / 10,000 / 100,000.

Each size is a spec of that many distinct task lines (hand-written lines from
`tests/data`, numbered so none repeats and no memo helps). Three costs are timed:

- load: reading the spec file (TOML parse, validation, the line positions that
  errors use), as every command does first; a size past the documented limits
  (`rolescope.limits`: 10,000 tasks, 5 MB) is refused instead, and the time
  to refuse it is shown;
- classify: classifying every task line, as `rolescope classify` does;
- recommend: the recommendation over all the tasks, as `rolescope recommend` does.

For each it prints the time per task and the ratio of that per-task cost to the
1,000-task one: linear growth keeps the ratio near 1 (goal: at most 2).
`--sizes 1000,10000` runs other sizes; the first size is the baseline.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from rolescope.catalog import Catalog, load_catalog
from rolescope.classify import classify_text
from rolescope.errors import SpecError
from rolescope.recommend import recommend
from rolescope.spec import RoleSpec, Task
from rolescope.specio import read_spec, write_spec

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SIZES = (1_000, 10_000, 100_000)
GOAL = 2.0  # per-task cost at most this many times the smallest size's


def sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATA.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entries in data.values():
            if isinstance(entries, list):
                lines.extend(entry["text"] for entry in entries if isinstance(entry, dict) and "text" in entry)
    return lines


def make_spec(lines: list[str], count: int) -> RoleSpec:
    tasks = [Task(text=f"{lines[i % len(lines)]} (part {i + 1})", weeks=0.5) for i in range(count)]
    return RoleSpec(company={"name": "Bench", "stage": "scaling"}, tasks=tasks)


def timed(function: Callable[[Catalog], object], catalog: Catalog) -> float:
    # A copy of the catalog compiles its engine anew: no memo carried over from an earlier run or size.
    fresh = dataclasses.replace(catalog)
    _ = fresh.classifier, fresh.matchers  # compiled outside the timings
    start = time.perf_counter()
    function(fresh)
    return time.perf_counter() - start


def load_or_refuse(path: Path) -> bool:
    """Read the spec; False when it is refused for being past a limit."""
    try:
        read_spec(path)
    except SpecError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated task counts")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    catalog = load_catalog()
    lines = sample_lines()
    per_task: dict[str, dict[int, float]] = {"load": {}, "classify": {}, "recommend": {}}
    print(f"{'tasks':>8} {'step':<10} {'seconds':>8} {'us/task':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            spec = make_spec(lines, size)
            path = Path(folder) / f"bench-{size}.toml"
            write_spec(spec, path)
            texts = [task.text for task in spec.tasks]
            loaded: list[bool] = []
            costs = {
                "load": timed(lambda _, path=path, loaded=loaded: loaded.append(load_or_refuse(path)), catalog),
                "classify": timed(lambda fresh, texts=texts: [classify_text(text, fresh) for text in texts], catalog),
                "recommend": timed(lambda fresh, spec=spec: recommend(spec, fresh), catalog),
            }
            for step, seconds in costs.items():
                if step == "load" and not loaded[0]:
                    print(f"{size:>8} {step:<10} {seconds:>8.2f}  refused: over the limits")
                    continue
                per_task[step][size] = seconds / size
                ratio = per_task[step][size] / per_task[step][sizes[0]]
                verdict = "" if size == sizes[0] else ("ok" if ratio <= GOAL else "MISSED")
                print(f"{size:>8} {step:<10} {seconds:>8.2f} {seconds / size * 1e6:>8.1f} {ratio:>6.2f} {verdict}")


if __name__ == "__main__":
    main()
