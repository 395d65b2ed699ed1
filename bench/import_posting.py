"""`rolescope import` of a long posting against `rolescope recommend SPEC --json` on
a small spec, measured in the same run (medians of interleaved runs), and how the
time grows with the posting: a quarter of the lines should cost about a quarter of
the work above start-up.

The postings are written by this script: duty lines of every kind of work, a
quarter as many outcomes that measure some of them, skills and pay; every line its
own, so no line is read from a cache.

    .venv/bin/python bench/import_posting.py [--lines 3300] [--runs 5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _measure import ROOT, interleaved_medians, rolescope_command, verdict

PRESET = ROOT / "src" / "rolescope" / "presets" / "roles" / "rag-support-search.toml"
GOAL = 8.0  # the long posting, as a multiple of recommending a small spec
DUTIES = [
    "Build the ingestion pipeline for the {place} event stream",
    "Ship the scoring API for the {place} checkout service with a cache and a fallback",
    "Set up drift monitoring and alerts on the {place} fraud model's input features",
    "Run ablations on the {place} ranking features and write up what helped",
    "Automate weekly retraining of the {place} model with validation gates",
    "Write on-call runbooks for the {place} inference service",
    "Design the offline evaluation metric for the {place} churn model",
    "Integrate the {place} recommendations into the product page and the weekly email",
]
OUTCOMES = [
    "The {place} scoring API answers in under 80 ms at p99",
    "Drift on the {place} fraud model alerts within 24 hours",
]


def posting(lines: int) -> str:
    duties = max(1, lines * 4 // 5)
    text = ["# Senior ML engineer", "", "**Orrin Freight** — Remote (EU)", "", "## What you will do", ""]
    text += [f"- {DUTIES[n % len(DUTIES)].format(place=f'zone {n}')}" for n in range(duties)]
    text += ["", "## Your first 12 months", ""]
    text += [f"- {OUTCOMES[n % 2].format(place=f'zone {4 * n + n % 2 * 2}')}" for n in range(duties // 4)]
    text += ["", "## Must-have skills", "", "- Python and SQL", "", "Salary: EUR 90,000–110,000 per year", ""]
    return "\n".join(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=3300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rolescope = rolescope_command()
    with tempfile.TemporaryDirectory(prefix="rolescope-import-bench-") as temp:
        folder = Path(temp)
        long_posting, short_posting = folder / "long.md", folder / "short.md"
        long_posting.write_text(posting(args.lines), encoding="utf-8")
        short_posting.write_text(posting(args.lines // 4), encoding="utf-8")
        lines = len(long_posting.read_text(encoding="utf-8").splitlines())
        short_lines = len(short_posting.read_text(encoding="utf-8").splitlines())
        commands = {
            "recommend": [*rolescope, "recommend", str(PRESET), "--json"],
            "short": [*rolescope, "import", str(short_posting), "-o", str(folder / "short.toml"), "--force"],
            "long": [*rolescope, "import", str(long_posting), "-o", str(folder / "long.toml"), "--force"],
        }
        medians = interleaved_medians(commands, args.runs)
    base, short, long = medians["recommend"], medians["short"], medians["long"]
    ratio = long / base
    growth = (long - base) / (short - base) if short > base else float("inf")
    print(f"runs: {args.runs} each, interleaved; command: {' '.join(rolescope)}")
    print(f"recommend SPEC --json (small spec)   {base * 1000:8.0f} ms   baseline")
    print(f"import, {short_lines:5,} lines               {short * 1000:8.0f} ms   {short / base:5.2f}x")
    print(f"import, {lines:5,} lines               {long * 1000:8.0f} ms   {ratio:5.2f}x  {verdict(ratio, GOAL)}")
    print(f"above start-up, {lines / short_lines:.1f}x the lines cost {growth:.1f}x the time (linear: about the same)")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
