"""Small pieces of English every sentence about the verdict is built from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolescope.numbers import format_number

if TYPE_CHECKING:
    from rolescope.spec import Pay


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def weeks_text(weeks: float) -> str:
    return f"{format_number(weeks)} week" + ("" if weeks == 1 else "s")


def join_words(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


_PERIOD = {"year": "per year", "month": "per month", "hour": "per hour"}


def format_pay(pay: Pay) -> str:
    def amount(value: float) -> str:
        # Every digit the lead typed; cents read as cents (52.5 -> 52.50).
        text = format_number(value)
        whole, point, fraction = text.partition(".")
        return f"{whole}.{fraction:0<2}" if point else text

    return f"{pay.currency} {amount(pay.min)}–{amount(pay.max)} {_PERIOD[pay.period]}"
