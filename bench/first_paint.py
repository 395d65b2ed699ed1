"""The wizard in a real terminal (tmux): time to first paint, and peak memory
holding 2,000 tasks, each against a bare Textual app with the same kinds of
widgets (bench/bare_textual_app.py) measured in the same run.

Each case starts in a detached tmux session (120x40); the clock runs from
starting the session to a known string showing in `capture-pane`. Peak memory
is VmHWM from /proc/<pid>/status once the screen has settled (for the wizard,
after showing the Work step, whose table holds every task).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import ROOT, bench_env, rolescope_command, verdict

RUNS = 7
PAINT_GOAL, MEMORY_GOAL = 1.3, 1.5
TASKS_FOR_MEMORY = 2000
SETTLE = 1.5  # seconds after the screen shows before reading the peak
TIMEOUT = 60.0
SOCKET = f"rolescope-bench-{os.getpid()}"
PRESET = ROOT / "src" / "rolescope" / "presets" / "roles" / "rag-support-search.toml"
BARE = [sys.executable, str(Path(__file__).with_name("bare_textual_app.py"))]
BARE_MARKER = "bare app first paint"
WIZARD_MARKER = "% research"  # the gauge, shown above every step


def tmux(*args: str) -> str:
    # The tmux server, and so each command in it, gets the environment of the first call.
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True, env=bench_env()
    ).stdout


def start(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    shell = " ".join(f"'{part}'" for part in command)
    exports = " ".join(f"{key}='{value}'" for key, value in env.items())
    tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", f"exec env {exports} {shell}")
    return started


def wait_for(text: str, since: float) -> float:
    while True:
        if text in tmux("capture-pane", "-p", "-t", "bench"):
            return time.perf_counter() - since
        if time.perf_counter() - since > TIMEOUT:
            raise SystemExit(f"gave up waiting for {text!r}:\n" + tmux("capture-pane", "-p", "-t", "bench"))
        time.sleep(0.005)


def peak_kib() -> int:
    pid = tmux("list-panes", "-t", "bench", "-F", "#{pane_pid}").strip()
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise SystemExit("no VmHWM")


def stop() -> None:
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    time.sleep(0.1)


def first_paint(command: list[str], marker: str, env: dict[str, str]) -> float:
    try:
        return wait_for(marker, start(command, env))
    finally:
        stop()


def peak_memory(command: list[str], marker: str, env: dict[str, str], then: str | None, second: str) -> int:
    try:
        since = start(command, env)
        wait_for(marker, since)
        if then:
            tmux("send-keys", "-t", "bench", then)
            wait_for(second, since)
        time.sleep(SETTLE)
        return peak_kib()
    finally:
        stop()


def big_spec(folder: Path) -> Path:
    text = PRESET.read_text(encoding="utf-8")
    head = text[: text.index("[[tasks]]")]
    tasks = "".join(
        f'[[tasks]]\ntext = "Build the API endpoint for the ranking service, part {n}"\nweeks = 0.01\n\n'
        for n in range(1, TASKS_FOR_MEMORY + 1)
    )
    path = folder / "two-thousand-tasks.toml"
    path.write_text(head + tasks, encoding="utf-8")
    return path


def main() -> None:
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    home = Path(tempfile.mkdtemp(prefix="rolescope-bench-"))
    # Drafts, presets and caches of a fresh user, so no dialog asks to restore a draft.
    env = {
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    wizard = [*rolescope_command(), str(PRESET)]
    try:
        # Warm the file cache (and any of rolescope's own caches) once each.
        first_paint(BARE, BARE_MARKER, env)
        first_paint(wizard, WIZARD_MARKER, env)
        bare_times, wizard_times = [], []
        for _ in range(RUNS):
            bare_times.append(first_paint(BARE, BARE_MARKER, env))
            wizard_times.append(first_paint(wizard, WIZARD_MARKER, env))
        bare, wiz = statistics.median(bare_times), statistics.median(wizard_times)
        print(f"first paint in tmux 120x40, median of {RUNS} interleaved runs")
        print(f"  bare Textual app (same widget kinds)  {bare * 1000:7.0f} ms")
        print(
            f"  rolescope SPEC (Verdict step)         {wiz * 1000:7.0f} ms  {wiz / bare:5.2f}x  {verdict(wiz / bare, PAINT_GOAL)}"
        )

        spec = big_spec(home)
        bare_peak = statistics.median(peak_memory(BARE, BARE_MARKER, env, None, "") for _ in range(3))
        bare_rows = statistics.median(
            peak_memory([*BARE, str(TASKS_FOR_MEMORY)], BARE_MARKER, env, None, "") for _ in range(3)
        )
        wizard_peak = statistics.median(
            peak_memory([*rolescope_command(), str(spec)], WIZARD_MARKER, env, "F3", "part 1 ") for _ in range(3)
        )
        ratio = wizard_peak / bare_peak
        print(f"peak memory (VmHWM), median of 3, {SETTLE:g} s after the screen shows")
        print(f"  bare Textual app (same widget kinds)  {bare_peak / 1024:7.1f} MiB")
        print(
            f"  rolescope, {TASKS_FOR_MEMORY} tasks, Work step shown   {wizard_peak / 1024:7.1f} MiB  {ratio:5.2f}x  "
            f"{verdict(ratio, MEMORY_GOAL)}"
        )
        print(
            f"  (for reference: the bare app with {TASKS_FOR_MEMORY} table rows  {bare_rows / 1024:.1f} MiB, "
            f"{wizard_peak / bare_rows:.2f}x; not the goal's baseline)"
        )
    finally:
        stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
