"""Start-up cost of headless commands and of the wizard's import, against bare Python."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRESET = ROOT / "src" / "rolescope" / "presets" / "roles" / "rag-support-search.toml"
RUNS = 7
# Goals, as multiples of bare Python start-up measured in the same run.
GOALS = {
    "rolescope --version": 5,
    "rolescope recommend --json": 25,
    "rolescope classify": 25,
    "import the wizard": 60,
}

CASES = {
    "bare python (baseline)": [sys.executable, "-c", "pass"],
    "rolescope --version": [sys.executable, "-m", "rolescope", "--version"],
    "rolescope recommend --json": [sys.executable, "-m", "rolescope", "recommend", str(PRESET), "--json"],
    "rolescope classify": [sys.executable, "-m", "rolescope", "classify", "Build the inference API"],
    "import the wizard": [sys.executable, "-c", "import rolescope.tui.app"],
}


def best_of(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    results = {name: best_of(command) for name, command in CASES.items()}
    base = results["bare python (baseline)"][0]
    print(f"{'case':<30} {'best ms':>8} {'median ms':>10} {'x baseline':>11} {'goal':>6}")
    for name, (best, median) in results.items():
        ratio = best / base
        goal = GOALS.get(name)
        verdict = "" if goal is None else (f"<= {goal}x " + ("ok" if ratio <= goal else "MISSED"))
        print(f"{name:<30} {best * 1000:>8.0f} {median * 1000:>10.0f} {ratio:>11.1f} {verdict:>6}")


if __name__ == "__main__":
    main()
