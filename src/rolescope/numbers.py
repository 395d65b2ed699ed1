"""Numbers for people: shown in full, never rounded, and added up the way they were typed.

A lead who types pay 2345678 or 4.123456789 weeks must see exactly that again,
in every view and in the saved file. Python's `:g` keeps six significant digits
(2345678 -> 2.34568e+06), so nothing that shows a spec's numbers uses it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache


def format_number(value: float, *, thousands: bool = True) -> str:
    """`value` in plain decimal notation, with every digit it has and no more.

    Whole numbers show without a decimal point (6.0 -> "6"); other values show the
    shortest digits that read back as the same float (4.123456789 stays
    4.123456789, 1e-07 becomes 0.0000001). `thousands` groups the whole part with
    commas (2,345,678) for prose; pass False for text a person edits and the
    program parses back, such as an input field."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"  # -0.0 included: a sign on nothing only puzzles
    # repr gives the shortest digits that read back as the same float (2345678.0,
    # 1e-07); Decimal writes them out without an exponent.
    digits = Decimal(repr(float(value)))
    text = f"{digits:,f}" if thousands else f"{digits:f}"
    return text.removesuffix(".0")


def exact_sum(values: Iterable[float]) -> float:
    """The sum of numbers as they were typed: 0.1 + 0.2 is 0.3, not 0.30000000000000004,
    so a total shown in full is as readable as its parts."""
    return float(sum(map(_as_typed, values), Decimal(0)))


@lru_cache(maxsize=4096)
def _as_typed(value: float) -> Decimal:
    # Weeks repeat (0.5, 2, 4): the live gauge sums hundreds on every keystroke.
    return Decimal(repr(float(value)))


def parse_number(text: str) -> float | None:
    """The number a person typed, kept exactly, or None if it is not one.

    Plain decimal notation only ("2345678", "4.123456789", ".5"); no sign, no
    exponent, no thousands separators (callers remove those they allow). A number
    a float cannot give back digit for digit (some past 15 significant digits) is
    refused rather than silently rounded: `format_number` of the result shows
    exactly what was typed, less leading zeros and trailing zeros after the point."""
    cleaned = text.strip()
    if not cleaned or not all((char.isdigit() and char.isascii()) or char == "." for char in cleaned):
        return None
    if cleaned.count(".") > 1 or cleaned == ".":
        return None
    typed = Decimal(cleaned)
    value = float(typed)
    if Decimal(repr(value)) != typed:
        return None
    return value
