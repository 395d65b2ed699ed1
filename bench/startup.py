"""Start-up of the headless commands, each against the baseline its goal names,
measured in the same run (medians of interleaved runs)."""

from __future__ import annotations

import sys

from _measure import ROOT, interleaved_medians, rolescope_command, verdict

PRESET = ROOT / "src" / "rolescope" / "presets" / "roles" / "rag-support-search.toml"
RUNS = 21

# What the least a command of its kind could cost: the same interpreter, doing nothing of rolescope's.
BARE_PRINT = [sys.executable, "-c", "print('rolescope 0.1.0')"]
FLOOR = [
    sys.executable,
    "-c",
    "import tomllib, tomli_w\nfrom pydantic import BaseModel\nclass Spec(BaseModel):\n    name: str\nprint('{}')",
]

# (case, command, baseline, goal as a multiple of the baseline)
CASES = [
    ("rolescope --version", ["--version"], "bare python printing a string", 2.0),
    ("rolescope recommend SPEC --json", ["recommend", str(PRESET), "--json"], "floor: tomllib, tomli_w, 1 model", 1.2),
    ("rolescope classify TEXT --json", ["classify", "Build the inference API", "--json"], None, None),
    ("import the wizard", None, None, None),
]


def main() -> None:
    rolescope = rolescope_command()
    commands = {
        "bare python printing a string": BARE_PRINT,
        "floor: tomllib, tomli_w, 1 model": FLOOR,
    }
    for name, args, _, _ in CASES:
        commands[name] = [*rolescope, *args] if args is not None else [sys.executable, "-c", "import rolescope.tui.app"]
    medians = interleaved_medians(commands, RUNS)
    print(f"runs: {RUNS} each, interleaved; command: {' '.join(rolescope)}")
    print(f"{'case':<34} {'median ms':>10} {'baseline':<34} {'ratio':>6}  goal")
    for name in ("bare python printing a string", "floor: tomllib, tomli_w, 1 model"):
        print(f"{name:<34} {medians[name] * 1000:>10.1f}")
    for name, _, baseline, goal in CASES:
        if baseline is None:
            floor = medians["floor: tomllib, tomli_w, 1 model"]
            print(
                f"{name:<34} {medians[name] * 1000:>10.1f} {'(floor, for reference)':<34} {medians[name] / floor:>6.2f}"
            )
            continue
        ratio = medians[name] / medians[baseline]
        print(f"{name:<34} {medians[name] * 1000:>10.1f} {baseline:<34} {ratio:>6.2f}  {verdict(ratio, goal)}")


if __name__ == "__main__":
    main()
