"""Lint 1,000 postings with rolescope, proselint (PyPI) and alex (npm) and compare
documents per second on the same files.

The two other linters are installed by this script into a temporary folder (a
fresh virtual environment for proselint, `npm install` for alex) and removed with
it; nothing is installed anywhere else. Each tool runs once over all the files,
start-up included, as a user would run it on a folder of postings. The postings
are the lint corpus (tests/corpus/postings) and rolescope's own descriptions of
the presets (tests/core/golden), copied with a number in each so no two files
are the same.

    .venv/bin/python bench/lint.py [--count 1000] [--skip proselint,alex]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTINGS = ROOT / "tests/corpus/postings"
SOURCES = sorted([*POSTINGS.glob("*.md"), *POSTINGS.glob("*.txt"), *(ROOT / "tests/core/golden").glob("*.md")])


def write_postings(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        source = SOURCES[number % len(SOURCES)]
        lines = source.read_text(encoding="utf-8").splitlines()
        lines.insert(1, f"Posting number {number}.")
        path = folder / f"posting-{number:04d}{source.suffix}"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(command: list[str], **kwargs: object) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kwargs)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - start
    # Linters exit non-zero when they find something; only a crash is a failure here.
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[:300]}")
    return float(elapsed)


def install_proselint(folder: Path) -> list[str]:
    env_dir = folder / "proselint-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "proselint"], check=True)
    version = subprocess.run([str(python), "-m", "pip", "show", "proselint"], capture_output=True, text=True).stdout
    print("proselint", next((line.split()[1] for line in version.splitlines() if line.startswith("Version")), "?"))
    command = [str(env_dir / "bin" / "proselint")]
    # proselint 0.14+ checks files with `proselint check`; older ones take the paths directly.
    help_text = subprocess.run([*command, "--help"], capture_output=True, text=True).stdout
    return [*command, "check"] if "check" in help_text else command


def install_alex(folder: Path) -> list[str]:
    target = folder / "alex"
    target.mkdir()
    subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(target), "alex"], check=True
    )
    version = subprocess.run([str(target / "node_modules/.bin/alex"), "--version"], capture_output=True, text=True)
    print("alex", version.stdout.strip())
    return [str(target / "node_modules/.bin/alex"), "--quiet"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--skip", default="", help="tools to leave out, comma-separated: proselint, alex")
    args = parser.parse_args()
    skip = {name.strip() for name in args.skip.split(",") if name.strip()}
    with tempfile.TemporaryDirectory(prefix="rolescope-lint-bench-") as temp:
        folder = Path(temp)
        paths = [str(path) for path in write_postings(folder / "postings", args.count)]
        tools: dict[str, list[str]] = {"rolescope": [sys.executable, "-m", "rolescope", "lint", "--json"]}
        if "proselint" not in skip:
            tools["proselint"] = install_proselint(folder)
        if "alex" not in skip:
            if shutil.which("npm") is None:
                print("alex: skipped, npm is not installed")
            else:
                tools["alex"] = install_alex(folder)
        env = {**os.environ, "NO_COLOR": "1"}
        rates = {}
        for name, command in tools.items():
            seconds = timed([*command, *paths], env=env, cwd=folder)
            rates[name] = args.count / seconds
            print(f"{name:<10} {args.count} postings in {seconds:7.2f} s = {rates[name]:8.1f} documents per second")
        for name, rate in rates.items():
            if name != "rolescope":
                ratio = rates["rolescope"] / rate
                print(f"rolescope is {ratio:.1f}x {'faster' if ratio > 1 else 'slower'} than {name}")
        missed = [name for name, rate in rates.items() if name != "rolescope" and rate >= rates["rolescope"]]
        print("ok" if not missed else f"MISSED: not faster than {', '.join(missed)}")
        return 0 if not missed else 1


if __name__ == "__main__":
    raise SystemExit(main())
