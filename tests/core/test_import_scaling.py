"""`rolescope import` costs in proportion to the posting's length: the work is
counted (lines of rolescope's code run), not timed, so the test is exact on any
machine (bench/import_posting.py has the timings)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import rolescope
from rolescope.importer import import_posting

PACKAGE = str(Path(rolescope.__file__).parent)
DUTIES = [
    "Build the ingestion pipeline for the {place} event stream",
    "Ship the scoring API for the {place} checkout service with a cache and a fallback",
    "Set up drift monitoring and alerts on the {place} fraud model's input features",
    "Run ablations on the {place} ranking features and write up what helped",
    "Automate weekly retraining of the {place} model with validation gates",
    "Write on-call runbooks for the {place} inference service",
]
OUTCOMES = [
    "The {place} scoring API answers in under 80 ms at p99",
    "Drift on the {place} fraud model alerts within 24 hours",
]


def posting(duties: int, tag: str) -> str:
    """A long posting whose every line is its own (nothing is read from a cache):
    duties, a quarter as many outcomes that measure some of them, skills and pay."""
    lines = ["# Senior ML engineer", "", "**Orrin Freight** — Remote (EU)", "", "## What you will do", ""]
    lines += [f"- {DUTIES[n % len(DUTIES)].format(place=f'{tag} zone {n}')}" for n in range(duties)]
    lines += ["", "## Your first 12 months", ""]
    lines += [f"- {OUTCOMES[n % 2].format(place=f'{tag} zone {4 * n + n % 2 * 2}')}" for n in range(duties // 4)]
    lines += ["", "## Must-have skills", "", "- Python and SQL", "", "Salary: EUR 90,000–110,000 per year", ""]
    return "\n".join(lines)


def lines_run(text: str, catalog: Any) -> int:
    """How many lines of rolescope's own code importing `text` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(calls)
    try:
        import_posting(text, catalog)
    finally:
        sys.settrace(None)
    return count


def test_importing_a_long_posting_costs_the_same_per_line(catalog):
    import_posting(posting(12, "warm"), catalog)  # caches every posting shares
    small, large = 100, 800
    per_line_small = lines_run(posting(small, "small"), catalog) / small
    per_line_large = lines_run(posting(large, "large"), catalog) / large
    # Fixed costs (the header, the stage) spread thinner on the longer posting, so a
    # term that grows with the square of the length shows at once.
    assert per_line_large <= 1.05 * per_line_small
