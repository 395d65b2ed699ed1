"""Small pieces of English every sentence about the verdict is built from."""

from __future__ import annotations

from rolescope.numbers import format_number


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def weeks_text(weeks: float) -> str:
    return f"{format_number(weeks)} week" + ("" if weeks == 1 else "s")


def join_words(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]
